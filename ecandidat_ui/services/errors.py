class InvalidInput(Exception):
    """Values refused by a rule: field name → French message, to be shown at each field."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


class Refused(Exception):
    """An action refused as a whole; the message is shown to the user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

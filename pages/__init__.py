"""One module per page; register_all() adds them all to the app."""

from ecandidat_ui.platform import Platform


def register_all(platform: Platform) -> None:
    from pages import (
        account,
        account_links,
        assistance,
        candidatures,
        cas,
        connection,
        formation,
        gestion,
        health,
        home,
        language,
        offer,
        privacy,
    )

    platform.session_cookie.install()
    language.install(platform)  # the candidate's language: French or English (pages/language.py)
    for module in (
        home,
        connection,
        assistance,
        offer,
        account_links,
        account,
        cas,
        candidatures,
        health,
        formation,
        privacy,
    ):
        module.register(platform)
    gestion.register_all(platform)

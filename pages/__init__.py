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
        offer,
        privacy,
    )

    platform.session_cookie.install()
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

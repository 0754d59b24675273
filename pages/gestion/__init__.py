"""The staff side, under /gestion: one module per screen, each with `register(platform)` (see shell.py)."""

from ecandidat_ui.platform import Platform


def register_all(platform: Platform) -> None:
    from ecandidat_ui import gestion_session
    from pages.gestion import (
        activation,
        campagnes,
        candidature_window,
        candidatures,
        centres,
        commissions,
        decisions,
        exports,
        faq,
        formations,
        grids,
        home,
        journal,
        mails,
        messages,
        my_account,
        offre_fichier,
        parametres,
        pieces,
        questions,
        staff_members,
        tableau_de_bord,
        tags,
    )

    gestion_session.install(platform)
    for module in (
        home,
        activation,
        centres,
        commissions,
        formations,
        grids,
        pieces,
        questions,
        offre_fichier,
        campagnes,
        staff_members,
        journal,
        my_account,
        mails,
        messages,
        faq,
        parametres,
        decisions,
        tags,
        candidatures,
        candidature_window,
        tableau_de_bord,
        exports,
    ):
        module.register(platform)

"""The reference of connected_clients.py: a bare NiceGUI page with the widgets of our visitor's home page.

    ECANDIDAT_PORT=8081 python benchmarks/bare_page.py

Plain `ui.*` calls, none of the project's code: a header (menu button, title link, « Connexion » and « Créer un
compte »), a drawer menu of four entries, a heading, a text card and a sign-in card (two fields, a button, three
link buttons); « Créer un compte » builds the same dialog as ours (title, close button, notice, four fields,
hidden problem and hint lines, « Annuler » / « Enregistrer ») when opened and deletes it when closed. Started as
main.py is (same uvicorn options that matter: reconnect_timeout, no permessage-deflate, gzip), on `/` and
`/connexion` (the benchmarks' start-up probe).
"""

from __future__ import annotations

import os

import collector_timing
from nicegui import app, ui

MENU = [("Accueil", "/", "home"), ("Assistance", "/assistance", "help_outline"), ("Offre", "/offre", "menu_book")]
FIELDS = ["Nom *", "Prénom *", "Adresse mail *", "Confirmation Adresse Mail *"]


def open_dialog() -> None:
    dialog = ui.dialog()
    dialog.on_value_change(lambda event: None if event.value else dialog.delete())
    with dialog, ui.card():
        with ui.row():
            ui.label("Création de compte")
            ui.button(icon="close", on_click=dialog.close)
        ui.label("Les informations de votre compte…")
        with ui.column():
            for label in FIELDS:
                ui.input(label).props("outlined stack-label")
        ui.label().set_visibility(False)
        with ui.row():
            ui.button("Annuler", icon="close", on_click=dialog.close)
            ui.button("Enregistrer", icon="check")
        with ui.row() as hint:
            ui.label("Cette adresse est déjà utilisée.")
            ui.button("J'ai oublié mes identifiants")
        hint.set_visibility(False)
    dialog.open()


def page() -> None:
    with ui.header():
        menu = ui.button(icon="menu")
        with ui.link(target="/"):
            ui.label("ESUP eCandidat")
            ui.label("Université Esup")
        ui.space()
        ui.label("Non connecté")
        ui.button("Connexion", icon="login")
        ui.button("Créer un compte", icon="person_add", on_click=open_dialog)
    with ui.left_drawer(value=False).props("show-if-above") as drawer, ui.list():
        for label, path, icon in MENU:
            with ui.item(on_click=lambda path=path: ui.navigate.to(path)):
                with ui.item_section().props("avatar"):
                    ui.icon(icon)
                ui.item_section(label)
    menu.on_click(drawer.toggle)
    with ui.column():
        ui.label("Accueil")
        with ui.card():
            ui.markdown("Bienvenue sur **eCandidat**.")
        with ui.card():
            ui.label("Je ne suis pas étudiant à l'Université Esup")
            ui.input("Utilisateur *")
            ui.input("Mot de passe *", password=True)
            ui.button("Connexion")
            for text in ("J'ai oublié mes identifiants", "J'ai perdu mon code d'activation", "Créer un compte"):
                ui.button(text).props("flat")


ui.page("/")(page)
ui.page("/connexion")(page)
collector_timing.install(app)  # for the benchmark's figures, as app_inspect.py adds it to ours

if __name__ in {"__main__", "__mp_main__"}:
    ui.run(
        host="127.0.0.1",
        port=int(os.environ["ECANDIDAT_PORT"]),
        reload=False,
        show=False,
        storage_secret="bare",
        reconnect_timeout=10.0,
        ws_per_message_deflate=False,
    )

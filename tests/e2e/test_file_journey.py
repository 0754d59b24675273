"""A candidate fills the whole required file of « Mon compte » in Chromium, as a person would (DOMAIN.md §3):
lists searched as one types, lists that depend on another field, a draft kept across a reload,
Précédent / Suivant, an entry added in a dialog, and the badges of the menu."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Dialog, Locator, Page, expect

from tests.e2e.app_process import RunningApp
from tests.e2e.steps import (
    DRAFT_RESTORED,
    FILE_COMPLETE,
    SAVED,
    choose_in_list,
    dialog,
    field_of,
    menu_badge,
    menu_link,
    open_account_tab,
    save_tab,
    search_and_choose,
    signed_in_candidate,
    wait_connected,
    wait_still,
)
from tests.mailbox import Mailbox

pytestmark = pytest.mark.browser

MAIL = "marie.baillon@example.org"
REQUIRED = ["Informations perso.", "Adresse", "Baccalauréat", "Cursus Externe"]
UNSAVED_CHANGES = "Vous avez des modifications non enregistrées. Voulez-vous quitter cet onglet sans les enregistrer ?"


def test_a_candidate_fills_the_whole_required_file(app: RunningApp, page: Page, mailbox: Mailbox):
    signed_in_candidate(page, app.url, mailbox, MAIL)
    expect(
        page.get_by_text(
            "Vous devez obligatoirement remplir les 4 onglets suivants avant de candidater : "
            "Informations perso., Adresse, Baccalauréat, Cursus Externe."
        )
    ).to_be_visible()
    for entry in REQUIRED:
        expect(menu_badge(page, entry)).to_have_attribute("aria-label", "à compléter")

    # Informations perso.: France by default, the names of the account, then the place of birth in France.
    menu_link(page, "Informations perso.").click()
    expect(page).to_have_url(f"{app.url}/compte/informations-perso")
    wait_connected(page)
    expect(page.get_by_role("combobox", name="Nationalité *")).to_have_value("française (France)")
    expect(page.get_by_role("textbox", name="Nom patronymique *")).to_have_value("BAILLON")
    expect(page.get_by_role("combobox", name="Département de naissance *")).to_have_count(0)  # not born in France yet
    page.get_by_role("radiogroup", name="Civilité *").get_by_role("radio", name="Mme").click()
    page.get_by_role("textbox", name="Date de naissance *").fill("2003-02-14")
    search_and_choose(page, page, "Pays de naissance *", "fran", "France")
    choose_in_list(page, page, "Département de naissance *", "35 - Ille-et-Vilaine", typed="35")
    search_and_choose(page, page, "Commune de naissance *", "renn", "Rennes (35)")
    page.get_by_role("textbox", name="Téléphone portable").fill("06 12 34 56 78")
    save_tab(page)
    expect(page.get_by_role("link", name="Informations perso. (complet)")).to_have_attribute("aria-current", "page")
    expect(menu_badge(page, "Informations perso.")).to_have_attribute("aria-label", "complet")

    # Adresse: the communes of the postal code; half filled, the page is reloaded and nothing typed is lost.
    page.get_by_role("button", name="Suivant : Adresse").click()
    expect(page).to_have_url(f"{app.url}/compte/adresse")
    wait_connected(page)
    expect(page.get_by_role("combobox", name="Pays *")).to_have_value("France")
    page.get_by_role("textbox", name="Code postal *").fill("35000")
    choose_in_list(page, page, "Commune *", "Rennes")
    page.get_by_role("textbox", name="Adresse *").fill("12 rue des Lilas")
    page.get_by_role("textbox", name="Adresse *").press("Tab")
    warnings: list[Dialog] = []

    def leave_anyway(warning: Dialog) -> None:
        warnings.append(warning)
        warning.accept()

    page.once("dialog", leave_anyway)
    page.reload()
    wait_connected(page)
    assert [w.type for w in warnings] == ["beforeunload"], "the browser asks before unsaved changes are left"
    expect(page.get_by_role("status").filter(has_text=DRAFT_RESTORED)).to_be_visible()
    expect(page.get_by_role("textbox", name="Adresse *")).to_have_value("12 rue des Lilas")
    expect(page.get_by_role("textbox", name="Code postal *")).to_have_value("35000")
    expect(field_of(page, page, "Commune *")).to_contain_text("Rennes")
    page.get_by_role("textbox", name="Complément d'adresse 1").fill("Appartement 4")
    save_tab(page)
    expect(page.get_by_text(DRAFT_RESTORED)).to_have_count(0)
    expect(page.get_by_role("textbox", name="Complément d'adresse 1")).to_have_value("Appartement 4")
    expect(menu_badge(page, "Adresse")).to_have_attribute("aria-label", "complet")

    # Baccalauréat: the series of the year, then where it was obtained, down to the lycée.
    page.get_by_role("button", name="Suivant : Baccalauréat").click()
    expect(page).to_have_url(f"{app.url}/compte/baccalaureat")
    wait_connected(page)
    expect(page.get_by_role("radio", name="J'ai le bac ou une équivalence")).to_be_checked()
    choose_in_list(page, page, "Année d'obtention *", "2020")
    choose_in_list(page, page, "Série du bac ou équivalence *", "S - Scientifique")
    expect(page.get_by_role("combobox", name="Pays d'obtention *")).to_have_value("France")
    choose_in_list(page, page, "Département *", "35 - Ille-et-Vilaine", typed="35")
    search_and_choose(page, page, "Commune *", "renn", "Rennes (35)")
    expect(page.get_by_text("Tapez le nom du lycée ou de sa commune, puis choisissez-le dans la liste")).to_be_visible()
    search_and_choose(page, page, "Établissement *", "chateaub", "LYCÉE CHÂTEAUBRIAND (Rennes)")
    choose_in_list(page, page, "Mention", "Bien")

    # « Précédent » with unsaved changes asks first; the candidate stays and saves.
    page.get_by_role("button", name="Précédent : Adresse").click()
    leaving = page.get_by_role("dialog").filter(has_text=UNSAVED_CHANGES)
    expect(leaving).to_be_visible()
    leaving.get_by_role("button", name="Rester").click()
    expect(leaving).to_be_hidden()
    expect(page).to_have_url(f"{app.url}/compte/baccalaureat")
    # The left menu and the tab chips ask the same question (not the browser's own): « Rester » stays.
    for link in (
        menu_link(page, "Adresse"),
        page.get_by_role("navigation", name="Onglets de mon dossier").get_by_role("link", name=re.compile("^Stages")),
    ):
        link.click()
        expect(leaving).to_be_visible()
        leaving.get_by_role("button", name="Rester").click()
        expect(leaving).to_be_hidden()
        expect(page).to_have_url(f"{app.url}/compte/baccalaureat")
    save_tab(page)
    expect(field_of(page, page, "Série du bac ou équivalence *")).to_contain_text("S - Scientifique")
    expect(page.get_by_role("combobox", name="Établissement *")).to_have_value("LYCÉE CHÂTEAUBRIAND (Rennes)")
    expect(menu_badge(page, "Baccalauréat")).to_have_attribute("aria-label", "complet")

    # Cursus Externe, through Cursus Interne: the dialog of a cursus refuses it empty; no studies after the bac.
    page.get_by_role("button", name="Suivant : Cursus Interne").click()
    expect(page).to_have_url(f"{app.url}/compte/cursus-interne")
    wait_connected(page)
    page.get_by_role("button", name="Suivant : Cursus Externe").click()
    expect(page).to_have_url(f"{app.url}/compte/cursus-externe")
    wait_connected(page)
    expect(page.get_by_text("Vous n'avez saisi aucun cursus après le bac.")).to_be_visible()
    cursus = open_cursus_dialog(page)
    cursus.get_by_role("button", name="Enregistrer").click()
    expect(cursus.get_by_text("Champ obligatoire").first).to_be_visible()
    expect(cursus.get_by_role("combobox", name="Département *")).to_be_focused()
    cursus.get_by_role("button", name="Annuler").click()
    expect(cursus).to_be_hidden()
    no_studies = page.get_by_role("checkbox", name="Je n'ai pas suivi d'études après le bac")
    expect(no_studies).not_to_be_checked()
    no_studies.click()
    expect(page.get_by_role("status").filter(has_text=SAVED)).to_be_visible()
    wait_connected(page)
    expect(page.get_by_role("checkbox", name="Je n'ai pas suivi d'études après le bac")).to_be_checked()
    expect(menu_badge(page, "Cursus Externe")).to_have_attribute("aria-label", "complet")

    # Home: the file is complete, every required badge says so.
    menu_link(page, "Accueil").click()
    expect(page).to_have_url(f"{app.url}/")
    expect(page.get_by_text(FILE_COMPLETE, exact=True)).to_be_visible()
    expect(page.get_by_role("progressbar", name="4 onglets obligatoires complets sur 4")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Il reste à remplir"))).to_have_count(0)
    for entry_name in REQUIRED:
        expect(menu_badge(page, entry_name)).to_have_attribute("aria-label", "complet")


def test_a_cursus_added_in_its_dialog_is_listed_at_once(app: RunningApp, page: Page, mailbox: Mailbox):
    signed_in_candidate(page, app.url, mailbox, MAIL)
    open_account_tab(page, app.url, "/compte/cursus-externe", "Cursus Externe")
    cursus = open_cursus_dialog(page)
    choose_in_list(cursus, page, "Département *", "35 - Ille-et-Vilaine", typed="35")
    search_and_choose(cursus, page, "Commune *", "renn", "Rennes (35)")
    cursus.get_by_role("textbox", name="Établissement *").fill("Université de Rennes")
    choose_in_list(cursus, page, "Année d'obtention *", "2022")
    choose_in_list(cursus, page, "Formation *", "Licence")
    cursus.get_by_role("textbox", name="Libellé et niveau *").fill("Licence 1 Informatique")
    cursus.get_by_role("radiogroup", name="Obtenu *").get_by_role("radio", name="Oui").click()
    cursus.get_by_role("button", name="Enregistrer").click()
    expect(cursus).to_be_hidden()
    expect(page.get_by_role("status").filter(has_text=SAVED)).to_be_visible()
    wait_connected(page)
    entry = page.get_by_role("listitem").filter(has_text="2022 · Licence 1 Informatique")
    expect(entry).to_contain_text("Licence · Université de Rennes")
    expect(entry).to_contain_text("Obtenu : Oui")
    # With a cursus, « pas d'études après le bac » is no longer offered, and the tab is complete.
    expect(page.get_by_role("checkbox", name="Je n'ai pas suivi d'études après le bac")).to_have_count(0)
    expect(menu_badge(page, "Cursus Externe")).to_have_attribute("aria-label", "complet")


def open_cursus_dialog(page: Page) -> Locator:
    page.get_by_role("button", name="Ajouter un cursus").click()
    cursus = dialog(page, "Cursus post-bac")
    expect(cursus).to_be_visible()
    wait_still(page)
    expect(cursus.get_by_role("combobox", name="Pays *")).to_have_value("France")  # France by default
    return cursus

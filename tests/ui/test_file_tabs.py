"""« Mon compte » through the pages: each tab, its rules and messages, badges, drafts and conflicts."""

from __future__ import annotations

import asyncio

from nicegui.testing import User

from ecandidat_ui import messages, refdata
from ecandidat_ui.services import ine
from tests.mailbox import Mailbox
from tests.ui.helpers import choose, error_of, field, fill, see, sign_in, until, validated_account

INE = "1234567890" + ine.bea_key("1234567890")
GERMANY = refdata.search_countries("Allemagne")[0].code


async def signed_in(user: User, mailbox: Mailbox, mail: str = "marie.baillon@example.org") -> str:
    login = await validated_account(user, mailbox, mail)
    await sign_in(user, login)
    await see(user, "Mon dossier")
    return login


async def fill_personal(user: User) -> None:
    await user.open("/compte/informations-perso")
    await see(user, "Nationalité *")
    assert field(user, "nationality").value == refdata.FRANCE_CODE  # France by default
    assert field(user, "birth_name").value == "BAILLON"  # from the account
    fill(user, ine=INE, civility="Mme", first_name="Marie", birth_date="2003-02-14", phone="", mobile="06 12 34 56 78")
    choose(user, "birth_country", "fran", refdata.FRANCE_CODE)
    await user.should_see("Département de naissance *")
    field(user, "birth_departement").value = "2A"
    choose(user, "birth_commune", "ajac", "2A004")
    user.find(marker="save-tab").click()
    await see(user, messages.SAVED)


async def test_home_page_shows_what_the_file_still_needs(user: User, mailbox: Mailbox):
    await signed_in(user, mailbox)
    await user.should_see(
        "Vous devez obligatoirement remplir les 4 onglets suivants avant de candidater : "
        "Informations perso., Adresse, Baccalauréat, Cursus Externe."
    )
    await user.should_see("0 sur 4 complets. Il reste à remplir :")
    await user.should_see(messages.REQUIRED_TABS_WHY)  # why 4 here where some guides say 5
    await user.should_see(marker="missing-adresse")


async def test_personal_information_saved_with_its_rules(user: User, mailbox: Mailbox):
    await signed_in(user, mailbox)
    await user.open("/compte/informations-perso")
    await see(user, "Nationalité *")
    assert field(user, "ine").props["hint"] == messages.INE_HINT
    fill(user, ine="1234567890Z", birth_date="2020-01-01", phone="abc", first_name="")
    user.find(marker="save-tab").click()
    assert await error_of(user, "ine") == messages.BAD_INE
    assert field(user, "birth_date").error == messages.BAD_BIRTH_DATE
    assert field(user, "phone").error == messages.BAD_PHONE
    assert field(user, "first_name").error == messages.REQUIRED
    assert field(user, "civility").value is None
    assert field(user, "ine").value == "1234567890Z"  # nothing typed is lost

    choose(user, "birth_country", "espa")
    await user.should_see("Ville de naissance *")
    await user.should_not_see("Département de naissance *")
    await fill_personal(user)
    await user.open("/compte/informations-perso")
    await see(user, "Nationalité *")
    assert field(user, "ine").value == INE
    assert field(user, "birth_commune").value == "2A004"
    await user.open("/")
    await see(user, "1 sur 4 complets. Il reste à remplir :")
    await user.should_not_see(marker="missing-informations-perso")


async def test_address_in_france_offers_the_communes_of_the_postal_code(user: User, mailbox: Mailbox):
    await signed_in(user, mailbox)
    await user.open("/compte/adresse")
    await see(user, "Code postal *")
    fill(user, postal_code="20000")
    await until(lambda: "2A004" in field(user, "commune").options)
    fill(user, postal_code="01300")  # a postal code shared by many communes
    await until(lambda: len(field(user, "commune").options) > 10)
    field(user, "commune").value = next(iter(field(user, "commune").options))
    fill(user, line1="x" * 32, line2="")
    user.find(marker="save-tab").click()
    await see(user, messages.SAVED)

    choose(user, "country", "allem", GERMANY)
    await user.should_see("Commune étrangère *")
    await user.should_not_see("Code postal *")


async def test_bac_fields_follow_the_year(user: User, mailbox: Mailbox):
    await signed_in(user, mailbox)
    await user.open("/compte/baccalaureat")
    await see(user, "Série du bac ou équivalence *")
    fill(user, year="2019")
    await until(lambda: "S" in field(user, "series").options)
    fill(user, year="2023")
    await until(lambda: refdata.GENERAL_BAC_SINCE_2021 in field(user, "series").options)
    assert "S" not in field(user, "series").options
    field(user, "series").value = refdata.GENERAL_BAC_SINCE_2021
    await user.should_see("Spécialités suivies en Terminale *")
    user.find(marker="save-tab").click()
    assert await error_of(user, "specialties") == messages.TWO_SPECIALTIES
    specialties = list(field(user, "specialties").options)
    field(user, "specialties").value = specialties[:2]
    field(user, "departement").value = "75"
    choose(user, "commune", "paris", "75056")
    choose(user, "school", "henri")
    user.find(marker="save-tab").click()
    await see(user, messages.SAVED)

    field(user, "has_bac").value = False
    await user.should_not_see("Série du bac ou équivalence *")


async def test_internships_are_added_edited_and_deleted_in_a_dialog(user: User, mailbox: Mailbox):
    await signed_in(user, mailbox)
    await user.open("/compte/stages")
    await see(user, "Vous n'avez saisi aucun stage.")
    user.find(marker="add-entry").click()
    await user.should_see("Employeur / organisme *")
    fill(user, year="2024", duration="2 mois", hours_per_week="35", employer="Mairie de Cergy")
    user.find(marker="save-entry").click()
    assert await error_of(user, "description") == messages.REQUIRED
    fill(user, description="Accueil du public")
    user.find(marker="save-entry").click()
    await see(user, "2024 · Mairie de Cergy")
    await user.should_see("Durée : 2 mois · 35 h/semaine")

    entry_marker = next(
        m for e in user.find(kind=type(field(user, "add-entry"))).elements for m in e._markers if m.startswith("edit-")
    )
    user.find(marker=entry_marker).click()
    fill(user, employer="Mairie de Pontoise")
    user.find(marker="save-entry").click()
    await see(user, "2024 · Mairie de Pontoise")

    user.find(marker=entry_marker.replace("edit-", "delete-")).click()
    await user.should_see(marker="delete-yes")
    user.find(marker="delete-yes").click()
    await see(user, "Vous n'avez saisi aucun stage.")


async def test_external_cursus_or_no_studies_after_the_bac(user: User, mailbox: Mailbox):
    await signed_in(user, mailbox)
    await user.open("/compte/cursus-externe")
    await see(user, "Vous n'avez saisi aucun cursus après le bac.")
    field(user, "no-higher-education").value = True
    await see(user, messages.SAVED)
    await user.open("/")
    await see(user, "Il reste à remplir :")
    await user.should_not_see(marker="missing-cursus-externe")


async def test_a_half_filled_tab_survives_a_reload(user: User, mailbox: Mailbox):
    await signed_in(user, mailbox)
    await user.open("/compte/adresse")
    await see(user, "Adresse *")
    fill(user, line1="12 rue des Lilas")
    await asyncio.sleep(0.3)  # the draft is written off the event loop
    await user.open("/compte/adresse")
    await see(user, messages.DRAFT_RESTORED)
    assert field(user, "line1").value == "12 rue des Lilas"
    user.find(marker="discard-draft").click()
    await asyncio.sleep(0.3)
    await user.open("/compte/adresse")
    await see(user, "Adresse *")
    assert field(user, "line1").value == ""


async def test_two_windows_never_overwrite_each_other(user: User, create_user, mailbox: Mailbox):
    login = await signed_in(user, mailbox)
    other = create_user()
    await sign_in(other, login)
    await see(other, "Mon dossier")
    for window in (user, other):
        await window.open("/compte/adresse")
        await see(window, "Code postal *")
        fill(window, postal_code="20000")
        await until(lambda w=window: "2A004" in field(w, "commune").options)
        field(window, "commune").value = "2A004"
    fill(user, line1="Première fenêtre")
    user.find(marker="save-tab").click()
    await see(user, messages.SAVED)
    fill(other, line1="Seconde fenêtre")
    other.find(marker="save-tab").click()
    await see(other, messages.FILE_CONFLICT)
    await other.should_see("Adresse : Première fenêtre")
    assert field(other, "line1").value == "Seconde fenêtre"
    other.find(marker="keep-mine").click()
    await see(other, messages.SAVED)


async def test_leaving_a_tab_with_unsaved_changes_asks_first(user: User, mailbox: Mailbox):
    await signed_in(user, mailbox)
    await user.open("/compte/adresse")
    await see(user, "Adresse *")
    fill(user, line1="quelque chose")
    user.find(marker="next").click()
    await see(user, messages.UNSAVED_CHANGES)
    user.find(marker="leave-no").click()
    await user.should_see("Adresse *")
    user.find(marker="next").click()
    await user.should_see(marker="leave-yes")
    user.find(marker="leave-yes").click()
    await see(user, "Série du bac ou équivalence *")

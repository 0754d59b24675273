"""Saving the candidate's file: versions, drafts, INE uniqueness, identity locked for internal students,
and which tabs are complete."""

from __future__ import annotations

from datetime import date

import pytest

from ecandidat_ui import messages, refdata
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import ine
from ecandidat_ui.services.candidate_file import Conflict, Tab, TabStatus, draft_key, missing_required
from ecandidat_ui.services.errors import InvalidInput
from ecandidat_ui.services.student_import import import_students
from models import Account
from tests.parameters import set_parameter
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

TODAY = date(2026, 11, 23)
INE = PERSONAL["ine"]


def new_account(platform: Platform, mail: str = "marie@example.org") -> Account:
    return platform.accounts.create("Baillon", "Marie", mail, mail)


def signed_in(platform: Platform, mail: str = "marie@example.org") -> tuple[Account, str]:
    """A new account and a session of it: the actor the services want for every change."""
    account = new_account(platform, mail)
    return account, platform.sessions.start(account.id)


def test_a_new_file_has_every_required_tab_to_complete(platform: Platform):
    account = new_account(platform)
    statuses = platform.candidate_file.statuses(account.id, TODAY)
    assert missing_required(statuses) == [Tab.PERSONAL, Tab.ADDRESS, Tab.BAC, Tab.EXTERNAL]
    assert statuses[Tab.INTERNSHIPS] is TabStatus.OPTIONAL


def test_filling_the_required_tabs_completes_the_file(platform: Platform):
    account, actor = signed_in(platform)
    service = platform.candidate_file
    assert service.save_personal(actor, PERSONAL, 0, TODAY).version == 1
    service.save_address(actor, ADDRESS, 0)
    service.save_bac(actor, bac(2019, "S"), 0, TODAY)
    assert missing_required(service.statuses(account.id, TODAY)) == [Tab.EXTERNAL]
    service.set_no_higher_education(actor, True)
    assert missing_required(service.statuses(account.id, TODAY)) == []
    service.set_no_higher_education(actor, False)
    service.save_entry(
        actor,
        Tab.INTERNSHIPS,
        None,
        {"year": "2024", "duration": "2 mois", "employer": "Mairie", "description": "Accueil"},
        0,
        TODAY,
    )
    statuses = service.statuses(account.id, TODAY)
    assert statuses[Tab.EXTERNAL] is TabStatus.TO_COMPLETE and statuses[Tab.INTERNSHIPS] is TabStatus.COMPLETE


def test_a_save_from_an_outdated_page_is_refused_with_the_saved_version(platform: Platform):
    _, actor = signed_in(platform)
    service = platform.candidate_file
    service.save_address(actor, ADDRESS, 0)
    service.save_address(actor, {**ADDRESS, "line1": "2 rue de la Paix"}, 1)
    with pytest.raises(Conflict) as conflict:
        service.save_address(actor, {**ADDRESS, "line1": "3 place du Marché"}, 1)
    assert conflict.value.message == messages.FILE_CONFLICT
    assert conflict.value.saved["line1"] == "2 rue de la Paix" and conflict.value.saved["version"] == 2
    assert service.save_address(actor, {**ADDRESS, "line1": "3 place du Marché"}, 2).version == 3


def test_list_entries_are_versioned_and_belong_to_their_candidate(platform: Platform):
    (account, actor), (_, other_actor) = signed_in(platform), signed_in(platform, "autre@example.org")
    service = platform.candidate_file
    values = {"year": "2025", "title": "Vendeur", "duration": "6 mois", "employer": "Librairie"}
    entry = service.save_entry(actor, Tab.EXPERIENCES, None, values, 0, TODAY)
    service.save_entry(actor, Tab.EXPERIENCES, entry.id, {**values, "title": "Libraire"}, 1, TODAY)
    with pytest.raises(Conflict):
        service.save_entry(actor, Tab.EXPERIENCES, entry.id, values, 1, TODAY)
    with pytest.raises(Conflict):
        service.save_entry(other_actor, Tab.EXPERIENCES, entry.id, values, 2, TODAY)
    service.delete_entry(other_actor, Tab.EXPERIENCES, entry.id)  # not theirs: nothing happens
    assert [e.title for e in service.load(account.id).experiences] == ["Libraire"]
    service.delete_entry(actor, Tab.EXPERIENCES, entry.id)
    assert service.load(account.id).experiences == []


def test_entries_are_listed_newest_first(platform: Platform):
    account, actor = signed_in(platform)
    service = platform.candidate_file
    for year in ("2021", "2024", "2022"):
        service.save_entry(
            actor,
            Tab.INTERNSHIPS,
            None,
            {"year": year, "duration": "1 mois", "employer": "X", "description": "Y"},
            0,
            TODAY,
        )
    assert [e.year for e in service.load(account.id).internships] == [2024, 2022, 2021]


def test_an_ine_belongs_to_one_candidate(platform: Platform):
    (_, first_actor), (_, second_actor) = signed_in(platform), signed_in(platform, "autre@example.org")
    platform.candidate_file.save_personal(first_actor, PERSONAL, 0, TODAY)
    with pytest.raises(InvalidInput) as refused:
        platform.candidate_file.save_personal(second_actor, {**PERSONAL, "ine": INE.lower()}, 0, TODAY)
    assert refused.value.errors == {"ine": messages.INE_TAKEN}


def test_a_failed_save_keeps_the_draft_and_a_good_one_removes_it(platform: Platform):
    _, actor = signed_in(platform)
    service = platform.candidate_file
    key = draft_key(Tab.ADDRESS)
    service.save_draft(actor, key, {**ADDRESS, "line1": ""}, 0)
    with pytest.raises(InvalidInput):
        service.save_address(actor, {**ADDRESS, "line1": ""}, 0)
    assert service.draft(actor, key).values["postal_code"] == "20000"
    service.save_address(actor, ADDRESS, 0)
    assert service.draft(actor, key) is None


def test_an_internal_student_keeps_the_identity_the_institution_imported(platform: Platform):
    header = "numero_etudiant;login_cas;ine;civilite;nom;prenom;date_naissance;mail\n"
    import_students(platform.db, header + f"21001234;etu123;{INE};Mme;Baillon;Marie;14/02/2003;m@etu.example.org\n")
    from ecandidat_ui.services.cas import CasUser

    actor = platform.sessions.take_handover(platform.accounts.sign_in_with_cas(CasUser("etu123", {})))
    account = platform.sessions.account_for(actor)
    tampered = {**PERSONAL, "ine": "", "birth_name": "Autre", "birth_date": "2001-01-01", "phone": "0102030405"}
    saved = platform.candidate_file.save_personal(actor, tampered, 0, TODAY)
    assert (saved.ine, saved.birth_name, saved.birth_date, saved.phone) == (
        INE,
        "BAILLON",
        date(2003, 2, 14),
        "0102030405",
    )
    assert platform.candidate_file.load(account.id).is_internal_student


def test_a_completed_file_becomes_incomplete_when_a_rule_changes(platform: Platform):
    account, actor = signed_in(platform)
    platform.candidate_file.save_personal(actor, {**PERSONAL, "ine": ""}, 0, TODAY)
    assert platform.candidate_file.statuses(account.id, TODAY)[Tab.PERSONAL] is TabStatus.COMPLETE
    set_parameter(platform, "ine_required", True)
    assert platform.candidate_file.statuses(account.id, TODAY)[Tab.PERSONAL] is TabStatus.TO_COMPLETE


def test_every_country_and_departement_used_by_the_forms_exists():
    assert refdata.country_by_code(refdata.FRANCE_CODE).name == "France"
    assert ine.is_valid(INE)

"""Import of the institution's students, and their sign-in through CAS."""

from __future__ import annotations

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.__main__ import main as admin
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import cas, ine
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.student_import import ImportRefused, import_students
from models import Account, Student, StudentResult
from tests.cas_server import CasServer

INE = "1234567890" + ine.bea_key("1234567890")
HEADER = (
    "numero_etudiant;login_cas;ine;civilite;nom;prenom;date_naissance;mail;annee_universitaire;code;libelle;"
    "mention;resultat;note;bareme\n"
)
CSV = HEADER + (
    f"21001234;etu123;{INE};Mme;Baillon;Marie;14/02/2003;marie.baillon@etu.example.org;2023/2024;L1MATH;"
    "Licence 1 Mathématiques;Assez bien;Admis;12,5;20\n"
    f"21001234;etu123;{INE};Mme;Baillon;Marie;14/02/2003;marie.baillon@etu.example.org;2024/2025;L2MATH;"
    "Licence 2 Mathématiques;;Admis;11;20\n"
    "21005678;etu456;;M.;N'Diaye;Moussa;2002-09-30;;;;;;;;\n"
)


def test_import_creates_students_with_their_results_and_replaces_them_next_time(platform: Platform):
    assert import_students(platform.db, CSV).students == 2
    with platform.db.session() as session:
        marie = session.exec(select(Student).where(Student.cas_login == "etu123")).one()
        assert (marie.birth_name, marie.ine, marie.birth_date.isoformat()) == ("BAILLON", INE, "2003-02-14")
        assert len(session.exec(select(StudentResult).where(StudentResult.student_id == marie.id)).all()) == 2
    report = import_students(platform.db, HEADER + CSV.splitlines(keepends=True)[1])
    assert (report.students, report.results) == (1, 1)
    with platform.db.session() as session:
        assert len(session.exec(select(StudentResult)).all()) == 1
        assert len(session.exec(select(Student)).all()) == 2


def test_a_faulty_line_is_named_and_nothing_is_imported(platform: Platform):
    bad = CSV + "21009999;etu999;1234567890Z;Mme;Durand;Léa;31/02/2001;;;;;;;;\n"
    with pytest.raises(ImportRefused) as refused:
        import_students(platform.db, bad)
    assert refused.value.problems == ["ligne 5 : INE invalide : 1234567890Z"]
    with platform.db.session() as session:
        assert session.exec(select(Student)).all() == []


def test_missing_columns_are_reported(platform: Platform):
    with pytest.raises(ImportRefused) as refused:
        import_students(platform.db, "numero_etudiant;nom\n1;X\n")
    assert refused.value.problems == ["ligne 1 : colonnes manquantes : login_cas, prenom"]


def test_the_admin_command_imports_or_says_why_not(platform: Platform, tmp_path, capsys):
    good, bad = tmp_path / "etudiants.csv", tmp_path / "faux.csv"
    good.write_text(CSV, encoding="utf-8")
    bad.write_text(HEADER + "1;etu1;;Madame;X;Y;;;;;;;;;\n", encoding="utf-8")
    assert admin(["import-students", str(bad)]) == 1
    assert "ligne 2 : civilite doit valoir M. ou Mme" in capsys.readouterr().err
    assert admin(["import-students", str(good)]) == 0
    assert "2 étudiants et 2 résultats importés" in capsys.readouterr().out


def test_cas_response_parsing():
    user = cas.parse_response(
        '<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess>'
        "<cas:user>etu123</cas:user><cas:attributes><cas:mail>m@example.org</cas:mail>"
        "<cas:sn>Baillon</cas:sn></cas:attributes></cas:authenticationSuccess></cas:serviceResponse>"
    )
    assert (user.login, user.first("mail"), user.first("givenName", "sn")) == ("etu123", "m@example.org", "Baillon")
    with pytest.raises(cas.CasError):
        cas.parse_response("<html>pas du CAS</html>")


def test_first_cas_sign_in_creates_a_validated_account_from_the_import(platform: Platform, cas_server: CasServer):
    import_students(platform.db, CSV)
    service = "http://ecandidat.test/cas/retour"
    ticket = cas_server.issue(service, "etu123", {})
    user = cas.validate(cas_server.url, service, ticket)
    session_id = platform.sessions.take_handover(platform.accounts.sign_in_with_cas(user))
    account = platform.sessions.account_for(session_id)
    assert (account.last_name, account.first_name, account.mail) == (
        "BAILLON",
        "MARIE",
        "marie.baillon@etu.example.org",
    )
    assert account.mail_confirmed and account.cas_login == "etu123"
    assert cas_server.validations == ["/cas/p3/serviceValidate"]
    with pytest.raises(cas.CasError):
        cas.validate(cas_server.url, service, ticket)  # a ticket serves once
    again = platform.sessions.take_handover(platform.accounts.sign_in_with_cas(cas.CasUser("etu123", {})))
    assert platform.sessions.account_for(again).id == account.id


def test_cas_attributes_are_used_and_an_existing_account_with_that_mail_is_linked(platform: Platform):
    existing = platform.accounts.create("Durand", "Léa", "lea@example.org", "lea@example.org")
    session_id = platform.sessions.take_handover(
        platform.accounts.sign_in_with_cas(
            cas.CasUser("lea.durand", {"mail": "LEA@example.org", "sn": "Durand", "givenName": "Léa"})
        )
    )
    assert platform.sessions.account_for(session_id).id == existing.id
    with platform.db.session() as session:
        assert session.get(Account, existing.id).cas_login == "lea.durand"


def test_cas_sign_in_without_mail_nor_import_is_refused(platform: Platform):
    with pytest.raises(Refused) as refused:
        platform.accounts.sign_in_with_cas(cas.CasUser("inconnu", {}))
    assert refused.value.message == messages.CAS_INCOMPLETE

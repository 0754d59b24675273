"""Exports of the gestion's candidatures on a real database: the XLSX of the table (its scope, search, filters and
sort; the actor's rights), read back with openpyxl; a candidature's dossier as one PDF (récapitulatif + pièces),
read back with pypdf; the ZIP of a selection's dossiers; the files kept for the member who asked only."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date, datetime

import pytest
from fpdf import FPDF
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.candidature_export import GROUPS
from ecandidat_ui.services.candidature_table import NOT_TRANSMITTED
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.export_files import KEPT_SECONDS, ExportFiles
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.rights import Actor, Role
from models.clock import in_paris, utcnow
from tests.review_world import World, ready_candidate
from tests.sessions import actor as candidate_session
from tests.unit.test_candidature_review import actor_of
from tests.unit.test_candidature_review import admin as admin  # the fixture
from tests.unit.test_candidature_review import world as world  # the fixture

QUESTION = "Quel est votre projet professionnel ?"


def manager_of(platform: Platform, admin: Actor, world: World, centre: str, mail: str = "g@example.org") -> Actor:
    created = platform.staff.create_member(admin, mail, "Martin", "Bruno")
    platform.staff.grant(admin, created.member.id, Role.CENTRE_MANAGER, centre_id=world.centres[centre])
    return actor_of(platform, created.member.id)


def exported(platform: Platform, actor: Actor, key: str, query: TableQuery, groups=GROUPS) -> list[list]:
    progress: list[tuple[int, int]] = []
    result = platform.candidature_export.xlsx(
        actor, key, query, groups, lambda done, total: progress.append((done, total))
    )
    kept = platform.export_files.claim(actor.id, result.token)
    assert kept.filename.endswith(".xlsx") and kept.path.is_file()
    assert progress[0][0] == 0 and progress[-1] == (result.count, result.count)
    sheet = load_workbook(kept.path).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_export_has_the_rows_of_the_table_with_the_groups_ticked(platform: Platform, admin: Actor, world: World):
    manager = manager_of(platform, admin, world, "SCI")
    key = f"centre-{world.centres['SCI']}"
    rows = exported(platform, manager, key, TableQuery(sort_by="last_name"))
    headers = rows[0]
    for header in (
        "N° dossier",
        "Nom",
        "Date de naissance",
        "Adresse mail",
        "Série du bac",
        "Commune",
        "Code formation",
    ):
        assert header in headers
    assert headers[-2:] == [QUESTION, "Bloc-notes"] and "Statut du dossier" in headers and "Tags" in headers
    assert [row[headers.index("Nom")] for row in rows[1:]] == ["BAILLON", "DURAND", "MOREAU", "NGUYEN"]
    marie = dict(zip(headers, rows[1], strict=True))
    assert marie["N° dossier"] == world.accounts["marie"].login
    assert marie["Prénom"] == "MARIE" or marie["Prénom"].lower() == "marie"
    assert marie["Date de naissance"] == datetime(2003, 2, 14)  # a real Excel date
    assert isinstance(marie["Date de transmission"], datetime)
    assert marie["Date de transmission"].date() == in_paris(utcnow()).date()  # French time, as people read it
    assert marie["Code formation"] == "M1-INFO" and marie["Commission"] == "Commission SCI-MASTERS"
    assert marie["Statut du dossier"] == "En attente"
    assert marie["Code postal"] == "20000" and marie["Pays"] == "France"
    assert marie[QUESTION] == "Devenir développeuse"
    paul = dict(zip(headers, rows[4], strict=True))
    assert paul["Statut du dossier"] == NOT_TRANSMITTED and paul["Date de transmission"] is None
    assert not any("LEFÈVRE" in str(value) for row in rows for value in row)  # another centre's candidate


def test_the_export_keeps_the_search_filters_sort_and_only_the_groups_ticked(
    platform: Platform, admin: Actor, world: World
):
    manager = manager_of(platform, admin, world, "SCI")
    key = f"centre-{world.centres['SCI']}"
    rows = exported(platform, manager, key, TableQuery(filters={"status": NOT_TRANSMITTED}), ["identity", "status"])
    assert rows[0][:3] == ["N° dossier", "Civilité", "Nom"] and rows[0][-1] == "Statut du dossier"
    assert "Adresse mail" not in rows[0] and QUESTION not in rows[0]
    assert [row[2] for row in rows[1:]] == ["NGUYEN"]
    rows = exported(platform, manager, key, TableQuery(search="durand"), ["identity"])
    assert [row[2] for row in rows[1:]] == ["DURAND"]
    rows = exported(platform, manager, key, TableQuery(sort_by="last_name", descending=True), ["identity"])
    assert [row[2] for row in rows[1:]] == ["NGUYEN", "MOREAU", "DURAND", "BAILLON"]
    masters = f"commission-{world.commissions['SCI-MASTERS']}"
    rows = exported(platform, manager, masters, TableQuery(sort_by="last_name"), ["identity"])
    assert [row[2] for row in rows[1:]] == ["BAILLON", "DURAND", "NGUYEN"]
    with pytest.raises(InvalidInput):
        platform.candidature_export.xlsx(manager, key, TableQuery(), [])


def test_another_centre_is_refused_and_an_export_is_for_its_maker_only(platform: Platform, admin: Actor, world: World):
    other = manager_of(platform, admin, world, "LSH", "lsh@example.org")
    with pytest.raises(Refused):
        platform.candidature_export.xlsx(other, f"centre-{world.centres['SCI']}", TableQuery(), GROUPS)
    rows = exported(platform, other, f"centre-{world.centres['LSH']}", TableQuery(), ["identity"])
    assert [row[2] for row in rows[1:]] == ["LEFÈVRE"]
    manager = manager_of(platform, admin, world, "SCI")
    result = platform.candidature_export.xlsx(manager, f"centre-{world.centres['SCI']}", TableQuery(), ["identity"])
    with pytest.raises(Refused):
        platform.export_files.claim(other.id, result.token)
    with pytest.raises(Refused):
        platform.export_files.claim(manager.id, "not-a-token")


def test_a_text_starting_with_equals_stays_a_text(platform: Platform, admin: Actor, world: World):
    paul = world.accounts["paul"]
    me = candidate_session(platform, paul)
    # Paul's formation asks no question: he applies to M1-INFO too, which does
    candidature = platform.candidatures.apply(me, world.formations["M1-INFO"], date.today())
    question = platform.candidatures.view(paul.id, candidature.id).questions[0][0]
    platform.candidatures.answer(me, candidature.id, question.id, '=HYPERLINK("http://evil.example","x")')
    manager = manager_of(platform, admin, world, "SCI")
    result = platform.candidature_export.xlsx(
        manager, f"centre-{world.centres['SCI']}", TableQuery(search=paul.login), ["questions"]
    )
    sheet = load_workbook(platform.export_files.claim(manager.id, result.token).path).active
    answers = [row[0] for row in sheet.iter_rows(min_row=2) if row[0].value]
    assert [cell.value for cell in answers] == ['=HYPERLINK("http://evil.example","x")']
    assert answers[0].data_type == "s"


def real_pdf(pages: int) -> bytes:
    document = FPDF()
    for number in range(pages):
        document.add_page()
        document.set_font("helvetica", size=14)
        document.cell(0, 10, f"Page {number + 1} de la pièce")
    return bytes(document.output())


def real_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (30, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def candidate_with_real_files(platform: Platform, world: World) -> int:
    account = ready_candidate(platform, "Rivière", "Zoé", "zoe@example.org", date.today())
    me = candidate_session(platform, account)
    candidature_id = platform.candidatures.apply(me, world.formations["M1-INFO"], date.today()).id
    for piece in platform.candidatures.view(account.id, candidature_id).pieces:
        name, data = ("cv.png", real_png()) if piece.piece.code == "CV" else ("cni.pdf", real_pdf(2))
        platform.candidatures.send_piece(me, candidature_id, piece.piece.id, name, data)
    return candidature_id


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_dossier_is_the_recapitulatif_then_every_piece(platform: Platform, admin: Actor, world: World):
    candidature_id = candidate_with_real_files(platform, world)
    manager = manager_of(platform, admin, world, "SCI")
    out = io.BytesIO()
    name = platform.dossiers.dossier(manager, candidature_id, out)
    assert name.startswith("dossier-") and name.endswith("-M1-INFO.pdf")
    reader = PdfReader(io.BytesIO(out.getvalue()))
    outline = [item.title for item in reader.outline]
    assert outline == ["Récapitulatif", "Pièce d'identité", "Curriculum vitae"]
    pages = [reader.get_destination_page_number(item) for item in reader.outline]
    assert pages[0] == 0 and len(reader.pages) == pages[1] + 3  # the CNI's 2 pages, then the CV's image on one
    assert pages[2] == pages[1] + 2
    assert "Récapitulatif de candidature" in reader.pages[0].extract_text()
    assert "Page 2 de la pi" in reader.pages[pages[1] + 1].extract_text()
    cv_page = reader.pages[pages[2]]
    assert "Curriculum vitae" in cv_page.extract_text() and cv_page.images  # the PNG, on its page


def test_a_piece_that_cannot_be_joined_gets_a_page_saying_so(platform: Platform, admin: Actor, world: World):
    manager = manager_of(platform, admin, world, "SCI")
    out = io.BytesIO()
    platform.dossiers.dossier(manager, world.candidatures["marie"], out)  # the world's files are not real ones
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert [item.title for item in reader.outline] == ["Récapitulatif", "Pièce d'identité", "Curriculum vitae"]
    text = text_of(reader).replace("\n", " ")
    assert text.count("n'a pas pu être joint") == 2


def test_the_dossier_is_refused_to_another_centre(platform: Platform, admin: Actor, world: World):
    other = manager_of(platform, admin, world, "LSH", "lsh@example.org")
    with pytest.raises(Refused):
        platform.dossiers.dossier(other, world.candidatures["marie"], io.BytesIO())


def test_the_zip_has_a_dossier_per_candidature_seen(platform: Platform, admin: Actor, world: World):
    real = candidate_with_real_files(platform, world)
    manager = manager_of(platform, admin, world, "SCI")
    chosen = [world.candidatures["marie"], real, world.candidatures["hugo"], world.candidatures["lucie"]]
    progress: list[tuple[int, int]] = []
    result = platform.dossiers.zip(manager, chosen, lambda done, total: progress.append((done, total)))
    assert result.count == 3 and result.skipped == [world.candidatures["hugo"]]  # hugo: another centre
    assert progress[-1] == (4, 4)
    kept = platform.export_files.claim(manager.id, result.token)
    with zipfile.ZipFile(kept.path) as archive:
        names = archive.namelist()
        assert len(names) == 3 and all(name.startswith("dossier-") and name.endswith(".pdf") for name in names)
        for name in names:
            assert len(PdfReader(io.BytesIO(archive.read(name))).pages) >= 2
    with pytest.raises(Refused, match="200"):
        platform.dossiers.zip(manager, list(range(1, 202)))
    with pytest.raises(Refused):
        platform.dossiers.zip(manager, [])
    assert messages.DOSSIER_TOO_MANY


def test_an_export_file_is_removed_an_hour_later(tmp_path):
    files = ExportFiles(tmp_path / "exports")
    path = files.new_path(".xlsx")
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    token = files.register(7, path, "candidatures.xlsx", "application/zip")
    assert files.claim(7, token).path == path
    files.sweep(time.time() + KEPT_SECONDS + 1)
    assert not path.exists()
    with pytest.raises(Refused):
        files.claim(7, token)

"""Applying and following a candidature: every rule, at its edges, with real files."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import delete, select

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.candidate_file import Tab, TabStatus
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.offer_import import apply_offer
from models import Account, Baccalaureate, Candidature, Formation, UploadedFile
from tests.mailbox import Mailbox
from tests.parameters import set_parameter
from tests.sessions import actor
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

TODAY = date.today()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PE = b"MZ\x90\x00" + b"\x00" * 64


def offer(opens: date, closes: date, return_by: date | None = None) -> dict:
    formation = {
        "code": "M1-INFO",
        "libelle": "Master Informatique",
        "type_diplome": "Master",
        "debut_depot": opens.isoformat(),
        "fin_depot": closes.isoformat(),
        "pieces": ["CNI", "CV", "MDPH"],
        "questions": [{"libelle": "Avez-vous un stage ?", "type": "oui_non"}],
    }
    if return_by:
        formation["date_retour"] = return_by.isoformat()
    second = {**formation, "code": "M1-DATA", "libelle": "Master Données", "questions": []}
    return {
        "pieces": [
            {"code": "CNI", "libelle": "Pièce d'identité", "commune": True},
            {"code": "CV", "libelle": "Curriculum vitae"},
            {"code": "MDPH", "libelle": "Notification MDPH", "conditionnelle": True},
        ],
        "centres": [{"code": "SCI", "libelle": "UFR Sciences", "formations": [formation, second]}],
    }


def ready_candidate(platform: Platform, mail: str = "marie@example.org") -> Account:
    account = platform.accounts.create("Baillon", "Marie", mail, mail)
    service = platform.candidate_file
    me = actor(platform, account)
    service.save_personal(me, {**PERSONAL, "ine": ""}, 0, TODAY)
    service.save_address(me, ADDRESS, 0)
    service.save_bac(me, bac(2019, "S"), 0, TODAY)
    service.set_no_higher_education(me, True)
    return account


def formation_id(platform: Platform, code: str = "M1-INFO") -> int:
    with platform.db.session() as session:
        return session.exec(select(Formation.id).where(Formation.code == code)).one()


@pytest.fixture
def open_offer(platform: Platform) -> None:
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))


def test_applying_needs_a_complete_file(platform: Platform, open_offer):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    me = actor(platform, account)
    every_tab = "Informations perso., Adresse, Baccalauréat, Cursus Externe"
    problem = platform.candidatures.apply_problem(me, formation_id(platform), TODAY)  # told before confirming
    assert problem.message == messages.FILE_NOT_READY_TABS.format(tabs=every_tab)
    assert [address for _, address in problem.missing] == [
        "/compte/informations-perso",
        "/compte/adresse",
        "/compte/baccalaureat",
        "/compte/cursus-externe",
    ]
    with pytest.raises(Refused) as refused:
        platform.candidatures.apply(me, formation_id(platform), TODAY)
    assert refused.value.message == problem.message


def test_the_missing_tab_is_named_not_always_the_personal_one(platform: Platform, open_offer):
    account = ready_candidate(platform)
    with platform.db.session() as session:  # the bac tab is no longer complete
        session.exec(delete(Baccalaureate).where(Baccalaureate.account_id == account.id))
    problem = platform.candidatures.apply_problem(actor(platform, account), formation_id(platform), TODAY)
    assert problem.message == messages.FILE_NOT_READY_TABS.format(tabs="Baccalauréat")
    assert problem.missing == [("Baccalauréat", "/compte/baccalaureat")]


def test_other_refusals_are_told_before_confirming_too(platform: Platform, open_offer):
    account = ready_candidate(platform)
    me = actor(platform, account)
    assert platform.candidatures.apply_problem(me, formation_id(platform), TODAY) is None
    platform.candidatures.apply(me, formation_id(platform), TODAY)
    assert platform.candidatures.apply_problem(me, formation_id(platform), TODAY).message == messages.ALREADY_APPLIED


def test_applying_mails_the_candidate_and_not_twice(platform: Platform, open_offer, mailbox: Mailbox):
    account = ready_candidate(platform)
    candidature = platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
    assert candidature.status == "En attente"
    platform.mail_sender.send_due()
    mail = [m for m in mailbox.mails if "Master Informatique" in m.subject]
    assert mail and "Master Informatique" in mail[0].text
    with pytest.raises(Refused) as refused:
        platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
    assert refused.value.message == messages.ALREADY_APPLIED
    [view] = platform.candidatures.list(account.id)
    assert (view.formation.label, view.decision, view.candidature.status) == (
        "Master Informatique",
        "En attente",
        "En attente",
    )


@pytest.mark.parametrize(
    ("opens", "closes", "allowed"),
    [(0, 0, True), (0, 5, True), (-5, 0, True), (1, 5, False), (-5, -1, False)],
)
def test_the_window_is_open_on_its_first_and_last_days(platform: Platform, opens, closes, allowed):
    apply_offer(platform.db, offer(TODAY + timedelta(days=opens), TODAY + timedelta(days=closes)))
    account = ready_candidate(platform)
    if allowed:
        platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
    else:
        with pytest.raises(Refused) as refused:
            platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
        assert refused.value.message == messages.OUT_OF_WINDOW


def test_at_most_n_candidatures_per_campaign_and_per_centre(platform: Platform, open_offer):
    account = ready_candidate(platform)
    set_parameter(platform, "max_candidatures_per_centre", 1)
    platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
    with pytest.raises(Refused) as refused:
        platform.candidatures.apply(actor(platform, account), formation_id(platform, "M1-DATA"), TODAY)
    assert refused.value.message == messages.TOO_MANY_IN_CENTRE.format(max=1)
    set_parameter(platform, "max_candidatures_per_centre", 0)
    set_parameter(platform, "max_candidatures", 1)
    with pytest.raises(Refused) as refused:
        platform.candidatures.apply(actor(platform, account), formation_id(platform, "M1-DATA"), TODAY)
    assert refused.value.message == messages.TOO_MANY_CANDIDATURES.format(max=1)


def apply_ready(platform: Platform) -> tuple[Account, int]:
    account = ready_candidate(platform)
    return account, platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY).id


def piece_ids(platform: Platform, account: Account, candidature_id: int) -> dict[str, int]:
    return {p.piece.label: p.piece.id for p in platform.candidatures.view(account.id, candidature_id).pieces}


def test_transmission_needs_every_piece_and_answer_and_happens_once(platform: Platform, open_offer, mailbox: Mailbox):
    account, candidature_id = apply_ready(platform)
    service = platform.candidatures
    pieces = piece_ids(platform, account, candidature_id)
    with pytest.raises(Refused) as refused:
        service.transmit(actor(platform, account), candidature_id, TODAY)
    assert refused.value.message.startswith("Votre candidature n'est pas complète : Pièce d'identité")
    service.send_piece(actor(platform, account), candidature_id, pieces["Pièce d'identité"], "cni.pdf", PDF)
    service.send_piece(actor(platform, account), candidature_id, pieces["Curriculum vitae"], "cv.png", PNG)
    service.set_not_concerned(actor(platform, account), candidature_id, pieces["Notification MDPH"], True)
    [(question, _)] = service.view(account.id, candidature_id).questions
    with pytest.raises(Refused):
        service.answer(actor(platform, account), candidature_id, question.id, "Peut-être")
    service.answer(actor(platform, account), candidature_id, question.id, "Oui")
    before = service.view(account.id, candidature_id)  # sent here, not yet to the commission
    assert [p.status for p in before.pieces] == ["Déposée", "Déposée", "Non concerné"]
    badge = platform.candidate_file.statuses  # the Candidatures tab's badge: to do while one waits to be sent
    assert badge(account.id, TODAY)[Tab.APPLICATIONS] is TabStatus.TO_COMPLETE
    service.transmit(actor(platform, account), candidature_id, TODAY)
    assert badge(account.id, TODAY)[Tab.APPLICATIONS] is TabStatus.COMPLETE
    with pytest.raises(Refused) as refused:
        service.transmit(actor(platform, account), candidature_id, TODAY)
    assert refused.value.message == messages.ALREADY_TRANSMITTED
    with pytest.raises(Refused) as refused:
        service.send_piece(actor(platform, account), candidature_id, pieces["Curriculum vitae"], "cv.pdf", PDF)
    assert refused.value.message == messages.NOT_EDITABLE
    view = service.view(account.id, candidature_id)
    assert [p.status for p in view.pieces] == ["Transmise", "Transmise", "Non concerné"]
    assert view.history[0].text == "Candidature transmise"
    platform.mail_sender.send_due()
    assert any("a été transmise" in m.subject for m in mailbox.mails)


def test_no_transmission_after_the_return_date(platform: Platform):
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY, TODAY))
    account, candidature_id = apply_ready(platform)
    with pytest.raises(Refused) as refused:
        platform.candidatures.transmit(actor(platform, account), candidature_id, TODAY + timedelta(days=1))
    assert refused.value.message == messages.TRANSMIT_TOO_LATE


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("vide.pdf", b"", messages.FILE_EMPTY),
        ("gros.pdf", b"%PDF-" + b"0" * (2 * 1024 * 1024), messages.FILE_TOO_BIG),
        ("programme.pdf", PE, messages.FILE_BAD_TYPE),
        ("texte.pdf", b"hello, je suis un faux PDF", messages.FILE_BAD_TYPE),
    ],
)
def test_bad_files_are_refused_and_leave_nothing(platform: Platform, open_offer, name, data, message):
    account, candidature_id = apply_ready(platform)
    piece = piece_ids(platform, account, candidature_id)["Curriculum vitae"]
    with pytest.raises(Refused) as refused:
        platform.candidatures.send_piece(actor(platform, account), candidature_id, piece, name, data)
    assert refused.value.message == message
    uploads = platform.settings.uploads_dir
    assert not uploads.exists() or list(uploads.iterdir()) == []
    with platform.db.session() as session:
        assert session.exec(select(UploadedFile)).all() == []


def test_hostile_names_are_tamed_and_files_stored_outside_served_folders(platform: Platform, open_offer):
    account, candidature_id = apply_ready(platform)
    piece = piece_ids(platform, account, candidature_id)["Curriculum vitae"]
    row = platform.candidatures.send_piece(actor(platform, account), candidature_id, piece, "../../x.pdf", JPG)
    assert row.original_name == "x.jpg" and row.content_type == "image/jpeg"
    long = platform.candidatures.send_piece(actor(platform, account), candidature_id, piece, "é" * 300 + ".pdf", PDF)
    assert len(long.original_name) == 120 and long.original_name.endswith(".pdf")
    stored = list(platform.settings.uploads_dir.iterdir())
    assert [path.name for path in stored] == [long.stored_name]  # the replaced file is gone
    assert stored[0].read_bytes() == PDF and ".." not in long.stored_name


def test_a_common_piece_is_sent_once_for_every_candidature(platform: Platform, open_offer):
    account, first = apply_ready(platform)
    second = platform.candidatures.apply(actor(platform, account), formation_id(platform, "M1-DATA"), TODAY).id
    cni = piece_ids(platform, account, first)["Pièce d'identité"]
    platform.candidatures.send_piece(actor(platform, account), first, cni, "cni.pdf", PDF)
    [shared] = [p for p in platform.candidatures.view(account.id, second).pieces if p.piece.unique_file]
    assert shared.file is not None and shared.file.original_name == "cni.pdf"


def test_a_candidature_can_be_cancelled_only_while_waiting(platform: Platform, open_offer):
    account, candidature_id = apply_ready(platform)
    piece = piece_ids(platform, account, candidature_id)["Curriculum vitae"]
    platform.candidatures.send_piece(actor(platform, account), candidature_id, piece, "cv.pdf", PDF)
    platform.candidatures.cancel(actor(platform, account), candidature_id)
    assert platform.candidatures.list(account.id) == []
    assert list(platform.settings.uploads_dir.iterdir()) == []
    other = ready_candidate(platform, "autre@example.org")
    with pytest.raises(Refused):
        platform.candidatures.cancel(actor(platform, other), candidature_id)


def test_someone_else_cannot_touch_my_candidature(platform: Platform, open_offer):
    account, candidature_id = apply_ready(platform)
    other = ready_candidate(platform, "autre@example.org")
    piece = piece_ids(platform, account, candidature_id)["Curriculum vitae"]
    with pytest.raises(Refused):
        platform.candidatures.send_piece(actor(platform, other), candidature_id, piece, "cv.pdf", PDF)
    with pytest.raises(Refused):
        platform.candidatures.view(other.id, candidature_id)
    row = platform.candidatures.send_piece(actor(platform, account), candidature_id, piece, "cv.pdf", PDF)
    assert platform.candidatures.file_of(other.id, row.id) is None
    with platform.db.session() as session:
        assert session.get(Candidature, candidature_id) is not None


def test_two_clicks_at_the_same_instant_transmit_once(platform: Platform, open_offer, mailbox: Mailbox):
    from concurrent.futures import ThreadPoolExecutor

    account, candidature_id = apply_ready(platform)
    service = platform.candidatures
    for label, piece in piece_ids(platform, account, candidature_id).items():
        if label == "Notification MDPH":
            service.set_not_concerned(actor(platform, account), candidature_id, piece, True)
        else:
            service.send_piece(actor(platform, account), candidature_id, piece, "piece.pdf", PDF)
    [(question, _)] = service.view(account.id, candidature_id).questions
    service.answer(actor(platform, account), candidature_id, question.id, "Non")

    def click() -> str:
        try:
            service.transmit(actor(platform, account), candidature_id, TODAY)
        except Refused as refused:
            return refused.message
        return "ok"

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(lambda _: click(), range(4)))
    assert outcomes.count("ok") == 1 and set(outcomes) == {"ok", messages.ALREADY_TRANSMITTED}
    platform.mail_sender.send_due()
    assert len([m for m in mailbox.mails if m.subject.endswith("a été transmise")]) == 1


def test_a_paper_file_takes_no_upload_and_no_transmission(platform: Platform, mailbox: Mailbox):
    paper = offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10))
    paper["centres"][0]["formations"][0]["mode"] = "papier"
    apply_offer(platform.db, paper)
    account = ready_candidate(platform)
    me = actor(platform, account)
    candidature = platform.candidatures.apply(me, formation_id(platform), TODAY)
    piece = platform.candidatures.view(account.id, candidature.id).pieces[0]
    with pytest.raises(Refused, match=messages.PAPER_FILE_NO_UPLOAD):
        platform.candidatures.send_piece(me, candidature.id, piece.piece.id, "cni.pdf", PDF)
    assert not any(path.is_file() for path in platform.settings.uploads_dir.glob("**/*"))  # nothing left behind
    assert platform.candidatures.transmit_problem(me, candidature.id, TODAY).message == messages.PAPER_FILE_NO_UPLOAD
    with pytest.raises(Refused, match=messages.PAPER_FILE_NO_UPLOAD):
        platform.candidatures.transmit(me, candidature.id, TODAY)


def test_not_concerned_by_a_unique_piece_is_remembered_like_its_file(platform: Platform):
    both = offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10))
    both["pieces"][2]["unique"] = True  # Notification MDPH: conditional, one answer for every candidature
    apply_offer(platform.db, both)
    account = ready_candidate(platform)
    me = actor(platform, account)
    first = platform.candidatures.apply(me, formation_id(platform, "M1-INFO"), TODAY)
    mdph = next(p.piece.id for p in platform.candidatures.view(account.id, first.id).pieces if p.piece.conditional)
    platform.candidatures.set_not_concerned(me, first.id, mdph, True)
    second = platform.candidatures.apply(me, formation_id(platform, "M1-DATA"), TODAY)
    [declared] = [p for p in platform.candidatures.view(account.id, second.id).pieces if p.piece.id == mdph]
    assert declared.not_concerned and declared.given and declared.status == "Non concerné"

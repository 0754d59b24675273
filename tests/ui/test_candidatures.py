"""The offer and the candidatures through the pages: apply, send pièces, answer, transmit, cancel."""

from __future__ import annotations

import asyncio
import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

from nicegui import ui
from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User
from pypdf import PdfReader
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.demo import demo_offer
from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import build_platform
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.review import Decision
from ecandidat_ui.settings import load_settings
from models import Account, FileStatus
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.ui.helpers import (
    PASSWORD,
    apply_to_line,
    field,
    fill,
    menu,
    offer_line,
    offer_lines,
    see,
    sign_in,
    until,
    validated_account,
)
from tests.ui.test_event_limits import counted_searches
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

PDF = b"%PDF-1.4\n%%EOF\n"


async def ready_candidate(user: User, mailbox: Mailbox) -> None:
    """A candidate with a complete file, signed in, and the demo offer loaded."""
    login = await validated_account(user, mailbox)
    platform = build_platform(load_settings())
    prepare(platform)
    apply_offer(platform.db, demo_offer(date.today()))
    with platform.db.session() as session:
        account = session.exec(select(Account).where(Account.login == login)).one()
    service = platform.candidate_file
    me = actor(platform, account)
    service.save_personal(me, {**PERSONAL, "ine": ""}, 0, date.today())
    service.save_address(me, ADDRESS, 0)
    service.save_bac(me, bac(2019, "S"), 0, date.today())
    service.set_no_higher_education(me, True)
    platform.db.dispose()
    await sign_in(user, login)
    await see(user, messages.FILE_COMPLETE)


async def apply_from_offer(user: User, search: str, label: str, code: str) -> None:
    """Search the offer, click « Candidater » on the formation and answer « Oui »."""
    await user.open(f"/offre?recherche={search}")
    assert label in (await offer_line(user, code))["label"]
    await apply_to_line(user, code)
    await user.should_see(marker="apply-yes")
    user.find(marker="apply-yes").click()


async def test_the_offer_can_be_browsed_and_searched_without_an_account(user: User):
    platform = build_platform(load_settings())
    apply_offer(platform.db, demo_offer(date.today()))
    await user.open("/offre")
    await see(user, "25 formations")
    await user.should_see("UFR Sciences et Techniques")
    field(user, "search").value = "économie gestion"
    await see(user, "1 formation")
    [line] = offer_lines(user)
    assert (line["label"], line["window_text"]) == ("Licence Économie et gestion", "Candidatures ouvertes")


async def test_a_centre_of_the_offer_reads_its_formations_when_it_is_opened(user: User):
    platform = build_platform(load_settings())
    apply_offer(platform.db, demo_offer(date.today()))
    with counted_searches() as formations_read:
        await user.open("/offre")
        await see(user, "25 formations")
    assert formations_read == []  # the database counted them; none is read yet
    await user.should_not_see(marker="offer-list")
    boxes = list(user.find(marker="centre").elements)
    by_label = {c.label: c for c in platform.offer.centres(date.today())}
    first = by_label["UFR Sciences et Techniques"]
    box = next(box for box in boxes if box.props["toggle-aria-label"].startswith(first.label))
    box.value = True
    codes = [f.code for f in platform.offer.formations("", first.id)]
    await user.should_see(marker="offer-list")
    await offer_line(user, codes[-1])
    assert [line["page"] for line in offer_lines(user)] == [f"/formation/{code}" for code in codes]
    platform.db.dispose()


async def test_a_search_that_matches_nothing_says_so_and_clears(user: User):
    platform = build_platform(load_settings())
    apply_offer(platform.db, demo_offer(date.today()))
    await user.open("/offre?recherche=astrophysique quantique")
    await see(user, messages.OFFER_NO_MATCH.format(search="astrophysique quantique"))
    await user.should_not_see(messages.NO_FORMATION)  # the offer is not empty: nothing matches
    user.find(marker="clear-search").click()
    await see(user, "25 formations")
    assert field(user, "search").value == ""


async def test_a_formation_applied_to_says_so_and_links_to_the_candidature(user: User, mailbox: Mailbox):
    await ready_candidate(user, mailbox)
    await apply_from_offer(user, "licence histoire", "Licence Histoire", "L1-HIST")
    await see(user, "Pièces justificatives")
    candidature_page = user.back_history[-1].split("?")[0]
    await user.open("/offre?recherche=licence histoire")
    line = await offer_line(user, "L1-HIST")
    # the menu's badges on the offer too (a candidature to send)
    assert {"complet", "à compléter"} <= set(menu(user).badges.values())
    assert line["candidature"] == candidature_page  # « Déjà candidaté », a link to it, instead of « Candidater »
    await user.open("/offre?recherche=licence droit")  # the others still offer « Candidater »
    line = await offer_line(user, "L1-DROIT")
    assert line["open"] and not line["candidature"]


async def test_apply_send_pieces_answer_and_transmit(user: User, mailbox: Mailbox):
    await ready_candidate(user, mailbox)
    await user.open("/offre?recherche=informatique genie logiciel")
    assert (await offer_line(user, "M1-INFO"))["label"] == "Master Informatique, parcours génie logiciel"
    await apply_to_line(user, "M1-INFO")
    await see(user, "Voulez-vous candidater à la formation 'Master Informatique, parcours génie logiciel' ?")
    user.find(marker="apply-yes").click()
    await see(user, "Pièces justificatives")
    await user.should_see(messages.APPLIED)
    await user.should_see("Pièce commune à toutes vos candidatures")

    user.find(marker="transmit").click()  # what is missing is told first, each a link; no warning yet
    await see(user, messages.MISSING_INTRO_TRANSMIT)
    await user.should_not_see(marker="transmit-yes")
    missing = [
        link.props["href"]
        for link in user.find(marker="missing").elements.pop().descendants()
        if isinstance(link, ui.link)
    ]
    assert len(missing) == 7 and missing[0].startswith("#piece-") and missing[-1].startswith("#question-")
    user.find(marker="missing-close").click()

    page = user.back_history[-1].split("?")[0]
    for sent in range(5):
        await user.open(page)
        await see(user, "Questions")
        waiting = [e for e in user.find(kind=ui.upload).elements if e.props["label"] == "Envoyer le fichier"]
        assert len(waiting) == 5 - sent
        await waiting[0].handle_uploads([SmallFileUpload("piece.pdf", "application/pdf", PDF)])
        await asyncio.sleep(0.5)  # the file is checked and stored off the event loop
    await user.open(page)
    await see(user, "piece.pdf (ouvrir)")
    radio = next(e for e in user.find(kind=ui.radio).elements)
    radio.value = "Oui"
    area = next(e for e in user.find(kind=ui.textarea).elements)
    area.value = "Devenir développeur"
    await see(user, messages.ANSWER_SAVED)  # each answer says it is kept
    user.find(marker="transmit").click()
    await user.should_see(marker="transmit-yes")
    user.find(marker="transmit-yes").click()
    await see(user, messages.TRANSMITTED)
    transmitted = await mailbox.wait_for("marie.baillon@example.org", count=3)
    assert transmitted.subject.endswith("a été transmise")

    await user.open("/compte/candidatures")
    await user.should_see(marker="candidatures", retries=50)
    [row] = field(user, "candidatures").rows
    assert row["formation"] == "Master Informatique, parcours génie logiciel"
    assert (row["status"], row["decision"]) == ("En attente (transmise)", "En attente")


async def test_a_renamed_program_is_refused(user: User, mailbox: Mailbox):
    await ready_candidate(user, mailbox)
    await apply_from_offer(user, "licence droit", "Licence Droit", "L1-DROIT")
    await see(user, "Pièces justificatives")
    upload = next(e for e in user.find(kind=ui.upload).elements)
    await upload.handle_uploads([SmallFileUpload("cv.pdf", "application/pdf", b"MZ\x90")])
    await see(user, messages.FILE_BAD_TYPE)


async def test_cancel_while_waiting(user: User, mailbox: Mailbox):
    await ready_candidate(user, mailbox)
    await apply_from_offer(user, "licence histoire", "Licence Histoire", "L1-HIST")
    await see(user, "Annuler ma candidature")
    user.find(marker="cancel-candidature").click()
    await user.should_see(marker="cancel-yes")
    user.find(marker="cancel-yes").click()
    await see(user, "Vous n'avez encore aucune candidature.")


async def test_a_favourable_decision_is_confirmed_and_its_letter_downloaded(user: User, mailbox: Mailbox):
    await ready_candidate(user, mailbox)
    await apply_from_offer(user, "licence droit", "Licence Droit", "L1-DROIT")
    await see(user, "Pièces justificatives")
    page = user.back_history[-1].split("?")[0]
    candidature_id = int(page.rsplit("/", 1)[1])

    platform = build_platform(load_settings())  # as staff will, through the service layer
    platform.review.set_status(candidature_id, FileStatus.COMPLETE)
    platform.review.record_decision(candidature_id, Decision.FAVORABLE, comment="Bienvenue parmi nous")
    platform.review.validate_decision(candidature_id)
    platform.db.dispose()

    await user.open(page)
    await see(user, "Décision : Favorable")
    await user.should_see("Bienvenue parmi nous")
    letter = await user.http_client.get(f"{page}/lettre.pdf")
    assert letter.status_code == 200 and letter.headers["content-type"] == "application/pdf"
    assert "avis favorable" in PdfReader(io.BytesIO(letter.content)).pages[0].extract_text()
    recap = await user.http_client.get(f"{page}/recapitulatif.pdf")
    assert recap.status_code == 200 and recap.content.startswith(b"%PDF")
    stranger = await user.http_client.get(f"/compte/candidatures/{candidature_id + 1000}/lettre.pdf")
    assert stranger.status_code == 404

    user.find(marker="confirm").click()
    await user.should_see(marker="confirm-yes")
    user.find(marker="confirm-yes").click()
    await see(user, messages.CONFIRMED)
    await user.should_see(marker="outcome")
    await user.should_not_see(marker="confirm")


async def test_the_history_shows_french_time_whatever_the_server_zone(user: User, mailbox: Mailbox):
    """The mail says 21:42: the history must too (stored times are UTC; the server here runs in UTC)."""
    paris = ZoneInfo("Europe/Paris")
    await ready_candidate(user, mailbox)
    before = datetime.now(paris)
    await apply_from_offer(user, "licence histoire", "Licence Histoire", "L1-HIST")
    await see(user, "Pièces justificatives")
    after = datetime.now(paris)
    expected = {f"{moment:%d/%m/%Y %H:%M}" for moment in (before, after)}
    await until(lambda: any(element.text in expected for element in user.find(kind=ui.item_label).elements))


async def test_candidater_signed_out_comes_back_to_the_formation_after_sign_in(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    platform = build_platform(load_settings())
    apply_offer(platform.db, demo_offer(date.today()))
    platform.db.dispose()
    await user.open("/offre?recherche=licence histoire")
    await apply_to_line(user, "L1-HIST")
    await see(user, "Je ne suis pas étudiant à")
    fill(user, login=login, password=PASSWORD)
    user.find(marker="sign-in").click()
    await see(user, "1 formation")
    assert (await offer_line(user, "L1-HIST"))["open"]
    assert field(user, "search").value == "Licence Histoire"


async def test_candidater_with_an_incomplete_file_names_each_missing_tab_before_asking(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    platform = build_platform(load_settings())
    apply_offer(platform.db, demo_offer(date.today()))
    platform.db.dispose()
    await sign_in(user, login)
    await see(user, messages.CONNECTED_AS.format(login=login))
    await user.open("/offre?recherche=licence histoire")
    await apply_to_line(user, "L1-HIST")
    await see(user, messages.MISSING_INTRO_APPLY)
    await user.should_not_see(marker="apply-yes")  # no « Voulez-vous candidater ? » for what cannot be done
    links = [e for e in user.find(marker="missing").elements.pop().descendants() if isinstance(e, ui.link)]
    assert [link.props["href"] for link in links] == [
        "/compte/informations-perso",
        "/compte/adresse",
        "/compte/baccalaureat",
        "/compte/cursus-externe",
    ]


async def test_a_paper_file_shows_the_steps_and_the_address_and_no_upload(user: User, mailbox: Mailbox):
    await ready_candidate(user, mailbox)
    await apply_from_offer(user, "francais etudiants etrangers", "Français pour étudiants étrangers", "DU-FLE")
    await see(user, messages.PAPER_FILE_TITLE)
    await user.should_see("Envoyez le tout par courrier à l'adresse ci-dessous")
    address = user.find(marker="paper-address").elements.pop().text
    assert address.startswith("Commission") and "1 avenue de l'Université" in address
    listed = user.find(marker="paper-pieces").elements.pop()
    names = [label.text for label in listed.descendants() if isinstance(label, ui.label)]
    assert names and all(name.strip() for name in names)  # each pièce to post is named, none blank
    await user.should_not_see(kind=ui.upload)
    await user.should_not_see(marker="transmit")
    await user.should_see(marker="recapitulatif")


async def test_a_formation_has_its_own_page_to_read_before_applying(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    platform = build_platform(load_settings())
    apply_offer(platform.db, demo_offer(date.today()))
    platform.db.dispose()
    await user.open("/offre?recherche=informatique genie logiciel")  # from the offer, by its title
    assert (await offer_line(user, "M1-INFO"))["page"] == "/formation/M1-INFO"
    await user.open("/formation/M1-INFO")  # a stable address to share
    await see(user, "Master Informatique, parcours génie logiciel")
    for text in (
        messages.FORMATION_WILL_ASK,
        "Curriculum vitae",
        "Quel est votre projet professionnel ?",
        messages.FORMATION_CONTACT,
        "Date limite de retour du dossier",
        "Capacité d'accueil",
    ):
        await user.should_see(text)
    user.find(marker="formation-apply").click()  # signed out: sign in, then back to this page
    await see(user, "Je ne suis pas étudiant à")
    fill(user, login=login, password=PASSWORD)
    user.find(marker="sign-in").click()
    await see(user, messages.FORMATION_WILL_ASK)
    await user.should_see(marker="formation-apply")


async def test_an_unknown_formation_is_the_french_page_not_found(user: User):
    response = await user.http_client.get("/formation/INCONNUE")
    assert response.status_code == 404 and "Page introuvable" in response.text
    response = await user.http_client.get("/formation/%3Cscript%3E")
    assert response.status_code == 404

"""A candidate's candidatures: applying from the offer, the list, one candidature with its pièces, and files."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from datetime import date

from fastapi import HTTPException, Request
from fastapi.responses import FileResponse, Response
from nicegui import app, run, ui
from sqlalchemy.exc import SQLAlchemyError

from components.banner import banner
from components.confirm import confirm
from components.missing_dialog import show_missing
from components.modal import Modal
from components.piece_upload import piece_card
from ecandidat_ui import language, messages, pdf
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.calendar import candidate_calendar
from ecandidat_ui.services.candidatures import CandidatureView, PieceView
from ecandidat_ui.services.dates import date_time
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.web_session import SignedIn
from models import Account
from pages.errors import RowId
from pages.language import of_request
from pages.layout import file_statuses, page_frame, sign_in_address, this_address
from pages.private_files import HEADERS, private_file, uploaded_file

log = logging.getLogger(__name__)
FILES = "/compte/fichiers"
CALENDAR_PATH = "/compte/agenda.ics"
# What was just done, shown on the page that follows (a notification would vanish with the page left).
OUTCOMES = {
    "enregistree": messages.APPLIED,
    "transmise": messages.TRANSMITTED,
    "confirmee": messages.CONFIRMED,
    "desistement": messages.WITHDRAWN,
    "annulee": messages.CANCELLED,
}


def register(platform: Platform) -> None:
    @ui.page("/compte/candidatures/{candidature_id}")
    async def candidature_page(candidature_id: RowId, info: str = "") -> None:
        me = platform.session_cookie.signed_in()
        if me is None:
            ui.navigate.to(sign_in_address(this_address()))
            return
        try:
            view = await run.io_bound(platform.candidatures.view, me.account.id, candidature_id)
        except Refused:
            ui.navigate.to("/compte/candidatures")
            return
        statuses = await file_statuses(platform, me.account)
        with page_frame(platform, view.formation.label, "/compte/candidatures", me.account, statuses=statuses):
            ui.link(messages.BACK_TO_CANDIDATURES, "/compte/candidatures").classes("text-primary")
            if info in OUTCOMES:
                banner(language.translate(OUTCOMES[info]), "success", marker="outcome")
            _candidature(platform, me, view)

    @app.get("/compte/candidatures/{candidature_id}/{document}.pdf")
    def candidature_pdf(request: Request, candidature_id: RowId, document: str) -> Response:
        """The récapitulatif, or the letter once a favourable or unfavourable decision is validated."""
        me = platform.session_cookie.of_request(request)
        if me is None or document not in ("recapitulatif", "lettre"):
            raise HTTPException(status_code=404)
        with language.using(of_request(request)):  # the language of the page it was asked from
            return _candidature_pdf(platform, me.account, candidature_id, document)

    @app.get("/compte/candidatures/{candidature_id}/modeles/{piece_id}")
    def model_download(request: Request, candidature_id: RowId, piece_id: RowId) -> FileResponse:
        """The model file of a pièce the candidature asks, for its candidate only."""
        me = platform.session_cookie.of_request(request)
        try:
            view = platform.candidatures.view(me.account.id, candidature_id) if me else None
        except Refused:
            view = None
        piece = next((p.piece for p in view.pieces if p.piece.id == piece_id), None) if view else None
        if piece is None or not piece.template_file:
            raise HTTPException(status_code=404)
        return private_file(platform.pieces.folder / piece.template_file, piece.template_type, piece.template_name)

    @app.get(CALENDAR_PATH)
    def calendar_file(request: Request) -> Response:
        """« Ajouter à mon agenda »: the signed-in candidate's deadlines, as an iCalendar file."""
        me = platform.session_cookie.of_request(request)
        if me is None:
            raise HTTPException(status_code=404)
        with language.using(of_request(request)):  # the language of the page it was asked from
            views = platform.candidatures.list(me.account.id)
            content = candidate_calendar(views, platform.settings.institution_name, platform.settings.link)
        return Response(
            content,
            media_type="text/calendar",
            headers={"Content-Disposition": 'attachment; filename="mes-dates-limites.ics"', **HEADERS},
        )

    @app.get(FILES + "/{file_id}")
    def download(request: Request, file_id: RowId) -> FileResponse:
        """A file the signed-in candidate sent, never anyone else's."""
        me = platform.session_cookie.of_request(request)
        row = platform.candidatures.file_of(me.account.id, file_id) if me else None
        if row is None:
            raise HTTPException(status_code=404)
        return uploaded_file(platform.settings.uploads_dir, row)


def _candidature_pdf(platform: Platform, account: Account, candidature_id: int, document: str) -> Response:
    """The récapitulatif, or the letter, in the current language."""
    try:
        view = platform.candidatures.view(account.id, candidature_id)
    except Refused:
        raise HTTPException(status_code=404) from None
    if document == "lettre":
        letter = platform.letters.of(account, candidature_id)
        if letter is None:
            raise HTTPException(status_code=404)
        content, filename = letter.data, letter.name
    else:
        content = pdf.recapitulatif(
            platform.settings.institution_name, account, platform.candidate_file.load(account.id), view
        )
        filename = f"recapitulatif-{account.login}-{view.formation.code}.pdf"
    return Response(
        content,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="{filename}"',
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


async def apply_to(platform: Platform, actor: str, formation_id: int, label: str) -> None:
    """« Nouvelle candidature »: what stops it told first (each missing tab a link), else confirm, apply, then
    open the candidature."""
    problem = await run.io_bound(platform.candidatures.apply_problem, actor, formation_id, date.today())
    if problem is not None:
        if problem.missing:
            await show_missing(messages.MISSING_TITLE_APPLY, messages.MISSING_INTRO_APPLY, problem.missing)
        else:
            ui.notify(problem.message, type="negative", multi_line=True, timeout=10000)
        return
    if not await confirm(messages.CONFIRM_APPLY.format(label), marker="apply"):
        return
    try:
        candidature = await run.io_bound(platform.candidatures.apply, actor, formation_id, date.today())
    except Refused as refused:
        ui.notify(refused.message, type="negative", multi_line=True, timeout=10000)
        return
    ui.navigate.to(f"/compte/candidatures/{candidature.id}?info=enregistree")


def candidatures_list(platform: Platform, account_id: int) -> None:
    """The Candidatures tab: Formation, Date limite de retour, Statut du dossier, Décision."""
    views = platform.candidatures.list(account_id)
    with ui.row().classes("gap-2"):
        ui.button(messages.NEW_CANDIDATURE, icon="add", on_click=lambda: ui.navigate.to("/offre")).mark(
            "new-candidature"
        )
        if views:
            ui.button(messages.CALENDAR_ADD, icon="event", on_click=lambda: ui.download.from_url(CALENDAR_PATH)).props(
                "outline"
            ).mark("calendar")
    if not views:
        ui.label(messages.NO_CANDIDATURE_YET).classes("text-body1").mark("no-application")
        return
    columns = [
        {"name": "formation", "label": messages.COLUMN_FORMATION, "field": "formation", "align": "left"},
        {"name": "return_by", "label": messages.COLUMN_RETURN_BY, "field": "return_by", "align": "left"},
        {"name": "status", "label": messages.COLUMN_STATUS, "field": "status", "align": "left"},
        {"name": "decision", "label": messages.COLUMN_DECISION, "field": "decision", "align": "left"},
    ]
    rows = [
        {
            "id": v.candidature.id,
            "formation": v.formation.label,
            "return_by": f"{v.return_by:%d/%m/%Y}",
            "status": _status(v.candidature, messages.STATUS_TRANSMITTED),
            "decision": v.decision,
        }
        for v in views
    ]
    table = (
        ui.table(columns=columns, rows=rows, row_key="id")
        .classes("w-full")
        .props('flat bordered wrap-cells :grid="window.innerWidth < 600"')
        .mark("candidatures")
    )
    table.add_slot(  # on phones, one card per candidature instead of a table too wide to read
        "item",
        r"""
        <div class="q-pa-xs col-12">
          <q-card flat bordered class="q-pa-md">
            <a :href="'/compte/candidatures/' + props.row.id" class="text-primary text-bold">
              {{ props.row.formation }}
            </a>
            <div v-for="col in props.cols.filter(c => c.name !== 'formation')" :key="col.name" class="text-body2">
              <span class="text-grey-9">{{ col.label }} :</span> <b>{{ col.value }}</b>
            </div>
          </q-card>
        </div>
        """,
    )
    table.add_slot(
        "body-cell-formation",
        r"""
        <q-td :props="props">
          <a :href="'/compte/candidatures/' + props.row.id" class="text-primary text-bold">{{ props.value }}</a>
        </q-td>
    """,
    )


def _status(candidature, transmitted: str) -> str:
    """The file's status as the candidate reads it (stored in French), saying when the candidature was sent."""
    status = messages.FILE_STATUS_LABELS.get(candidature.status, candidature.status)
    return transmitted.format(status=status) if candidature.transmitted_at else status


def _candidature(platform: Platform, me: SignedIn, view: CandidatureView) -> None:
    service = platform.candidatures
    c, formation = view.candidature, view.formation
    with ui.card().classes("w-full p-4 sm:p-6 gap-1"):
        ui.label(view.centre.label).classes("text-body2 text-grey-9")
        _line(messages.COLUMN_STATUS, _status(c, messages.STATUS_TRANSMITTED_LONG), "status")
        _line(messages.COLUMN_DECISION, view.decision, "decision")
        opens, closes = f"{formation.opens_on:%d/%m/%Y}", f"{formation.closes_on:%d/%m/%Y}"
        _line(messages.APPLICATION_WINDOW, messages.FROM_TO.format(opens=opens, closes=closes))
        _line(messages.COLUMN_RETURN_BY, f"{view.return_by:%d/%m/%Y}", "return-by")
        for label, day in (
            (messages.JURY_ON, formation.jury_on),
            (messages.PUBLICATION_ON, formation.publication_on),
            (messages.CONFIRM_BY, view.confirm_deadline),
        ):
            if day:
                _line(label, f"{day:%d/%m/%Y}")
        if formation.info:
            _line(messages.MORE_INFORMATION, formation.info, "formation-info")
        commission = view.commission
        if commission is not None and (commission.mail or commission.phone):
            contact = " — ".join(part for part in (commission.label, commission.mail, commission.phone) if part)
            _line(messages.CONTACT, contact, "contact")
        if commission is not None and commission.return_comment:
            _line(messages.RETURN_COMMENT, commission.return_comment, "return-comment")
        if view.archived:
            banner(messages.CANDIDATURE_ARCHIVED, "info", marker="archived")

    if formation.paperless:
        limits = platform.parameters.current()
        max_bytes = limits.upload_max_bytes
        hint = messages.UPLOAD_HINT.format(limits.upload_max_mb)
        if view.pieces:
            ui.label(messages.PIECES_TITLE).classes("text-h6").props('role="heading" aria-level="2"')
        for piece in view.pieces:
            _piece(service, me, view, piece, hint, max_bytes)
    else:
        _paper_file(view)

    answers = AnswersSaving()
    if view.questions:
        ui.label(messages.QUESTIONS_TITLE).classes("text-h6").props('role="heading" aria-level="2"')
        with ui.card().classes("w-full p-4 sm:p-6 gap-3"):
            for question, value in view.questions:
                _question(service, me.session_id, c.id, question, value, view.editable, answers)

    _decision(platform, me.session_id, view)
    with ui.row().classes("w-full gap-2"):
        ui.button(
            messages.RECAPITULATIF_BUTTON,
            icon="picture_as_pdf",
            on_click=lambda: ui.navigate.to(f"/compte/candidatures/{c.id}/recapitulatif.pdf", new_tab=True),
        ).props("outline").mark("recapitulatif")
        if view.editable and formation.paperless:
            ui.button(
                messages.TRANSMIT_BUTTON,
                icon="send",
                on_click=lambda: _transmit(platform, me.session_id, c.id, answers),
            ).mark("transmit")
        if c.status == "En attente" and c.transmitted_at is None and not c.decision:
            ui.button(
                messages.CANCEL_BUTTON,
                icon="delete",
                color="negative",
                on_click=lambda: _cancel(platform, me.session_id, c.id),
            ).props("outline").mark("cancel-candidature")

    ui.label(messages.HISTORY).classes("text-h6").props('role="heading" aria-level="2"')
    with ui.list().props("dense").classes("w-full"):
        for event in view.history:
            with ui.item(), ui.item_section():
                ui.item_label(language.translate(event.text))  # stored as written, in French
                ui.item_label(date_time(event.at)).props("caption")


def _piece(service, me: SignedIn, view: CandidatureView, piece: PieceView, hint: str, max_bytes: int) -> None:
    """One pièce, redrawn in place after a file or a declaration (a page reload would cost every candidate)."""
    candidature_id, piece_id = view.candidature.id, piece.piece.id
    model_base = f"/compte/candidatures/{candidature_id}/modeles"

    @ui.refreshable
    def card(current: PieceView) -> None:
        piece_card(
            piece_id=piece_id,
            label=current.piece.label,
            status=current.status,
            file_name=current.file.original_name if current.file else None,
            file_url=f"{FILES}/{current.file.id}" if current.file else None,
            common=current.piece.unique_file,
            model_url=f"{model_base}/{piece_id}" if current.piece.template_file else None,
            form_url=current.piece.template or None,
            conditional=current.piece.conditional,
            not_concerned=current.not_concerned,
            editable=view.editable,
            hint=hint,
            max_bytes=max_bytes,
            on_file=send,
            on_not_concerned=not_concerned,
            review_comment=current.review_comment,
        )

    async def redraw() -> None:
        fresh = await run.io_bound(service.view, me.account.id, candidature_id)
        card.refresh(next(p for p in fresh.pieces if p.piece.id == piece_id))

    async def send(name: str, data: bytes) -> None:
        try:
            await run.io_bound(service.send_piece, me.session_id, candidature_id, piece_id, name, data)
        except Refused as refused:
            ui.notify(refused.message, type="negative", multi_line=True, timeout=10000)
            return
        except (SQLAlchemyError, OSError):  # the database or the disk failed: said, never silent
            log.exception("a pièce could not be kept")
            ui.notify(messages.SETUP_SAVE_FAILED, type="negative", multi_line=True, timeout=10000)
            return
        await redraw()
        ui.notify(messages.FILE_RECEIVED.format(label=piece.piece.label), type="positive")

    async def not_concerned(value: bool) -> None:
        await run.io_bound(service.set_not_concerned, me.session_id, candidature_id, piece_id, value)
        await redraw()

    card(piece)


def _decision(platform: Platform, actor: str, view: CandidatureView) -> None:
    """The validated decision, the letter, and after a favourable one: confirm or withdraw."""
    c = view.candidature
    if not view.decision_shown:
        return
    with ui.card().classes("w-full p-4 sm:p-6 gap-2").props('role="region"') as region:
        region.props["aria-label"] = messages.COLUMN_DECISION
        ui.label(messages.DECISION_TITLE.format(decision=view.decision)).classes("text-h6").mark("decision-title")
        if view.decision_comment:
            ui.label(view.decision_comment).classes("text-body1")
        if view.decision_shown in ("Favorable", "Défavorable"):
            ui.button(
                messages.LETTER_BUTTON,
                icon="download",
                on_click=lambda: ui.navigate.to(f"/compte/candidatures/{c.id}/lettre.pdf", new_tab=True),
            ).props("outline").mark("letter")
        if c.confirmed_at:
            ui.label(messages.CONFIRMED).classes("text-body1 text-green-9 text-bold").mark("confirmed")
        if c.withdrawn_at:
            ui.label(messages.WITHDRAWN).classes("text-body1 text-bold").mark("withdrawn")
        if view.can_answer_offer(date.today()):
            if view.confirm_deadline:
                ui.label(messages.ANSWER_BEFORE.format(date=f"{view.confirm_deadline:%d/%m/%Y}")).classes("text-body1")
            with ui.row().classes("gap-2"):
                ui.button(
                    messages.CONFIRM_BUTTON,
                    icon="check_circle",
                    on_click=lambda: _confirm(platform, actor, view),
                ).mark("confirm")
                ui.button(
                    messages.WITHDRAW_BUTTON,
                    icon="cancel",
                    color="negative",
                    on_click=lambda: _withdraw(platform, actor, view),
                ).props("outline").mark("withdraw")


async def _confirm(platform: Platform, actor: str, view: CandidatureView) -> None:
    if await confirm(messages.CONFIRM_QUESTION.format(view.formation.label), yes=messages.CONFIRM_YES):
        await _answer_offer(platform.candidatures.confirm, actor, view.candidature.id, date.today(), done="confirmee")


async def _withdraw(platform: Platform, actor: str, view: CandidatureView) -> None:
    with Modal() as dialog, ui.card().classes("p-4 sm:p-6 gap-3 max-w-lg"):
        ui.label(messages.WITHDRAW_QUESTION.format(view.formation.label)).classes("text-body1")
        reason = (
            ui.textarea(messages.WITHDRAW_REASON)
            .props("outlined maxlength=500 counter")
            .classes("w-full")
            .mark("withdraw-reason")
        )
        with ui.row().classes("w-full justify-end gap-2"):
            ui.button(messages.CANCEL, on_click=lambda: dialog.submit(None)).props("flat")
            ui.button(messages.WITHDRAW_YES, color="negative", on_click=lambda: dialog.submit(reason.value or "")).mark(
                "withdraw-yes"
            )
    given = await dialog
    dialog.delete()
    if given is not None:
        await _answer_offer(
            platform.candidatures.withdraw,
            actor,
            view.candidature.id,
            given,
            date.today(),
            done="desistement",
        )


async def _answer_offer(action, actor: str, candidature_id: int, *args, done: str) -> None:
    try:
        await run.io_bound(action, actor, candidature_id, *args)
    except Refused as refused:
        ui.notify(refused.message, type="negative", multi_line=True)
        return
    ui.navigate.to(f"/compte/candidatures/{candidature_id}?info={done}")


def _paper_file(view: CandidatureView) -> None:
    """« Dossier papier »: the steps, the commission's address and the pièces to post; nothing to upload."""
    commission = view.commission
    with ui.card().classes("w-full p-4 sm:p-6 gap-2").mark("paper-file"):
        ui.label(messages.PAPER_FILE_TITLE).classes("text-h6").props('role="heading" aria-level="2"')
        with ui.element("ol").classes("list-decimal q-pl-lg text-body1"):
            for step in messages.PAPER_FILE_STEPS:
                with ui.element("li").classes("q-mb-xs"):
                    ui.label(step.format(date=f"{view.return_by:%d/%m/%Y}"))
        ui.label(messages.PAPER_FILE_ADDRESS).classes("text-subtitle1 text-bold q-mt-sm")
        if commission is not None and commission.address.strip():
            lines = [commission.label, *commission.address.splitlines()]
            ui.label("\n".join(line for line in lines if line.strip())).classes("text-body1 whitespace-pre-line").mark(
                "paper-address"
            )
        else:
            contact = (commission.mail or commission.phone) if commission else ""
            ui.label(messages.PAPER_FILE_NO_ADDRESS.format(contact=contact or "voir l'assistance")).classes(
                "text-body1"
            )
        if view.pieces:
            ui.label(messages.PAPER_FILE_PIECES).classes("text-subtitle1 text-bold q-mt-sm")
            with ui.element("ul").classes("list-disc q-pl-lg text-body1").mark("paper-pieces"):
                for piece in view.pieces:
                    with ui.element("li"):
                        ui.label(piece.piece.label + (messages.PAPER_IF_CONCERNED if piece.piece.conditional else ""))


def _line(label: str, value: str, marker: str = "") -> None:
    with ui.row().classes("gap-2 items-baseline"):
        ui.label(messages.LABEL_OF_VALUE.format(label=label)).classes("text-body2 text-grey-9")
        text = ui.label(value).classes("text-body1 text-bold whitespace-pre-line")
        if marker:
            text.mark(marker)


class AnswersSaving:
    """The answers being saved on this page: « Transmettre » waits for them (an answer typed just before the
    click reaches the server with it), so what is missing is checked on what the candidate sees."""

    def __init__(self) -> None:
        self.running: set[asyncio.Task] = set()

    async def save(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        self.running.add(task)
        try:
            await task
        finally:
            self.running.discard(task)

    async def settled(self) -> None:
        if self.running:
            await asyncio.wait(set(self.running))


def _question(
    service, actor: str, candidature_id: int, question, value: str, editable: bool, answers: AnswersSaving
) -> None:
    async def save(event) -> None:
        saved.set_text("")
        try:
            await answers.save(run.io_bound(service.answer, actor, candidature_id, question.id, str(event.value or "")))
        except Refused as refused:
            ui.notify(refused.message, type="negative")
            return
        if not saved.is_deleted:
            saved.set_text(messages.ANSWER_SAVED)

    label = question.label + (" *" if question.required else "")
    with ui.element("div").classes("w-full") as anchor:  # « what is missing » links here
        anchor.props["id"] = f"question-{question.id}"
        _answer_field(label, question, value, editable, save)
        # said once saved, quietly to screen readers
        saved = ui.label("").classes("text-caption text-green-10").props('aria-live="polite"')
        saved.mark(f"answer-saved-{question.id}")


def _answer_field(label: str, question, value: str, editable: bool, save) -> None:
    if question.kind == "yes_no":
        ui.label(label).classes("text-body1")
        radio = (
            ui.radio({"Oui": messages.YES, "Non": messages.NO}, value=value or None, on_change=save)  # stored: French
            .props("inline")
            .mark(f"question-{question.id}")
        )
        radio.props["aria-label"] = question.label
        radio.set_enabled(editable)
    else:
        area = ui.textarea(label, value=value).props("outlined stack-label debounce=500 maxlength=2000 counter")
        area.classes("w-full").mark(f"question-{question.id}").on_value_change(save)
        area.set_enabled(editable)


async def _transmit(platform: Platform, actor: str, candidature_id: int, answers: AnswersSaving) -> None:
    """What is missing told first, each pièce or question a link to it; the irreversible warning only then."""
    await answers.settled()
    problem = await run.io_bound(platform.candidatures.transmit_problem, actor, candidature_id, date.today())
    if problem is not None:
        if problem.missing:
            missing = [(label, f"#{anchor}") for label, anchor in problem.missing]
            await show_missing(messages.MISSING_TITLE_TRANSMIT, messages.MISSING_INTRO_TRANSMIT, missing)
        else:
            ui.notify(problem.message, type="negative", multi_line=True, timeout=10000)
        return
    if not await confirm(messages.TRANSMIT_CONFIRM, marker="transmit"):
        return
    try:
        await run.io_bound(platform.candidatures.transmit, actor, candidature_id, date.today())
    except Refused as refused:
        ui.notify(refused.message, type="negative", multi_line=True, timeout=10000)
        return
    ui.navigate.to(f"/compte/candidatures/{candidature_id}?info=transmise")


async def _cancel(platform: Platform, actor: str, candidature_id: int) -> None:
    if not await confirm(messages.CANCEL_QUESTION, yes=messages.CANCEL_YES, marker="cancel", danger=True):
        return
    try:
        await run.io_bound(platform.candidatures.cancel, actor, candidature_id)
    except Refused as refused:
        ui.notify(refused.message, type="negative")
        return
    ui.navigate.to("/compte/candidatures?info=annulee")

"""The candidature window at /gestion/candidatures/<id> (BACKOFFICE §3.2): the candidate's file read-only, the
pièces opened inline and validated or refused, the questions and answers, the history; the candidature's tags
(« Modifier les tags »), an avis entered for it alone or its last decision duplicated, the history of its avis
(who entered, who validated) and its bloc-notes, for staff only.

Files are served to staff by /gestion/fichiers/<candidature>/<file>, which checks the staff session and the right
on that candidature at each request.
"""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.responses import FileResponse
from nicegui import app, run, ui

from components.candidature_notes import AvisRow, NoteRow, add_note_styles, avis_history, note_list
from components.confirm import confirm
from components.modal import Modal
from components.setup_form import Field, Section, SetupDialog
from components.tag_chip import add_styles, tag_chip
from ecandidat_ui import gestion_session, messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.candidature_table import StaffCandidature, shown_status
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.file_summary import file_sections
from ecandidat_ui.services.notes import NoteLine
from ecandidat_ui.services.review import AvisLine, CandidatureTags
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.staff import StaffSessionEnded
from models.clock import in_paris
from pages.gestion import exports
from pages.gestion.attempt import attempt, failed, run_action
from pages.gestion.candidatures import SCREEN, avis_sections
from pages.gestion.shell import frame, may_open, refusal, sign_in_page
from pages.private_files import uploaded_file

WINDOW_PATH = "/gestion/candidatures/{candidature_id}"
FILES_PATH = "/gestion/fichiers"
SHOWN_INLINE = {"application/pdf": "pdf", "image/png": "image", "image/jpeg": "image"}
WINDOW_CSS = """
.review-viewer { width: 100%; height: 70vh; border: 1px solid #d1d5db; }
.review-image { max-width: 100%; height: auto; border: 1px solid #d1d5db; }
"""


def register(platform: Platform) -> None:
    @ui.page(WINDOW_PATH)
    async def candidature_window(candidature_id: str) -> None:
        actor = await gestion_session.current_actor(platform)
        if actor is None:
            sign_in_page(platform, then=f"/gestion/candidatures/{_number(candidature_id)}", required=True)
            return
        with frame(platform, actor, messages.REVIEW_WINDOW_TITLE, SCREEN.path):
            if not may_open(actor, SCREEN):
                refusal(actor, SCREEN)
                return
            await CandidatureWindow(platform, actor, candidature_id).load()

    @app.get(FILES_PATH + "/{candidature_id}/{file_id}")
    def staff_file(request: Request, candidature_id: str, file_id: str) -> FileResponse:
        """A pièce's file, for a staff member who may see this candidature; 404 for anyone else."""
        found = platform.staff_cookie.of_request(request)
        if found is None:
            raise HTTPException(status_code=404)
        try:
            actor = platform.staff.actor_for(found.session_id)
            row = platform.candidature_table.file(actor, candidature_id, file_id)
        except (Refused, StaffSessionEnded):
            raise HTTPException(status_code=404) from None
        return uploaded_file(platform.settings.uploads_dir, row)


def _number(text: str) -> str:
    return text if text.isdigit() else "0"


class CandidatureWindow:
    def __init__(self, platform: Platform, actor: Actor, candidature_id: str) -> None:
        self.platform = platform
        self.actor = actor
        self.candidature_id = candidature_id
        self.data: StaffCandidature | None = None
        self.history: list[AvisLine] = []
        self.notes: list[NoteLine] = []
        self.tags = CandidatureTags([], {})
        self.tab = "pieces"

    async def load(self) -> None:
        ui.link(messages.REVIEW_BACK, SCREEN.path).classes("text-primary").mark("review-back")
        try:
            self.data = await run.io_bound(
                self.platform.candidature_table.candidature, self.actor, _number(self.candidature_id)
            )
        except Refused as refused:
            ui.label(refused.message).classes("text-negative text-body1").props('role="alert"').mark("review-refused")
            return
        ui.add_css(WINDOW_CSS)
        add_note_styles()
        add_styles()
        self.dialogs = ui.element("div")  # outside the body, which is rebuilt once a dialog saved
        self.body = ui.column().classes("w-full gap-4")
        await self.read_staff_parts()
        self.build()

    async def reload(self) -> None:
        self.data = await run.io_bound(
            self.platform.candidature_table.candidature, self.actor, self.data.view.candidature.id
        )
        await self.read_staff_parts()
        self.body.clear()
        self.build()

    async def read_staff_parts(self) -> None:
        """The history of avis, the bloc-notes and the tags, read in one trip off the event loop."""
        candidature_id = self.data.view.candidature.id

        def read() -> tuple[list[AvisLine], list[NoteLine], CandidatureTags]:
            return (
                self.platform.review.avis_history(self.actor, candidature_id),
                self.platform.notes.notes(self.actor, candidature_id),
                self.platform.review.candidature_tags(self.actor, candidature_id),
            )

        self.history, self.notes, self.tags = await run.io_bound(read)

    def allows(self, action: Action) -> bool:
        """Whether to offer the action here (the service checks it again when it is done)."""
        formation = self.data.view.formation
        return rights.allows(self.actor, action, centre_id=formation.centre_id, commission_id=formation.commission_id)

    def build(self) -> None:
        data = self.data
        view, account = data.view, data.account
        candidature = view.candidature
        with self.body:
            ui.label(f"{account.last_name} {account.first_name}").classes("text-h5").props(
                'role="heading" aria-level="2"'
            ).mark("review-name")
            summary = [
                ("N° dossier", account.login),
                ("Formation", f"{view.formation.code} — {view.formation.label}"),
                ("Commission", view.commission.label if view.commission else ""),
                ("Statut du dossier", shown_status(candidature)),
                ("Transmise le", _when(candidature.transmitted_at) if candidature.transmitted_at else "—"),
                ("Avis", candidature.decision or messages.REVIEW_NO_AVIS),
                (messages.WINDOW_RETURN_BY, _deadline(view.return_by, candidature.individual_return_by)),
            ]
            if view.confirm_deadline:
                summary.append(
                    (messages.WINDOW_CONFIRM_BY, _deadline(view.confirm_deadline, candidature.individual_confirm_by))
                )
            _pairs(summary, "review-summary")
            self.tag_line()
            exports.dossier_link(candidature.id)
            # an avis validated is final: no new one (the service says so too)
            may_enter = self.allows(Action.ENTER_AVIS) and not view.archived and not candidature.decision_validated_at
            if may_enter:
                with ui.row().classes("gap-2"):
                    ui.button(messages.AVIS_ENTER_ONE, icon="rate_review", on_click=self.ask_avis).props(
                        "no-caps"
                    ).mark("review-avis-one")
                    if self.history:
                        ui.button(messages.AVIS_DUPLICATE, icon="content_copy", on_click=self.duplicate).props(
                            "outline no-caps"
                        ).mark("review-avis-duplicate")
            with ui.tabs(value=self.tab).classes("w-full").props("align=left outside-arrows mobile-arrows") as tabs:
                file_tab = ui.tab("dossier", messages.REVIEW_TAB_FILE).mark("review-tab-file")
                pieces_tab = ui.tab("pieces", messages.REVIEW_TAB_PIECES).mark("review-tab-pieces")
                questions_tab = ui.tab("questions", messages.REVIEW_TAB_QUESTIONS).mark("review-tab-questions")
                avis_tab = ui.tab("avis", messages.AVIS_TAB).mark("review-tab-avis")
                notes_tab = ui.tab("notes", messages.NOTES_TAB).mark("review-tab-notes")
                history_tab = ui.tab("historique", messages.REVIEW_TAB_HISTORY).mark("review-tab-history")
            tabs.on_value_change(lambda event: setattr(self, "tab", event.value))
            with ui.tab_panels(tabs, value=self.tab).classes("w-full"):
                with ui.tab_panel(file_tab):
                    for section in file_sections(account, data.file):
                        ui.label(section.title).classes("text-subtitle1 text-weight-bold").props(
                            'role="heading" aria-level="3"'
                        )
                        for group in section.groups:
                            _pairs(group)
                        if not section.groups:
                            ui.label(section.none or messages.REVIEW_NOTHING).classes("text-body2 text-grey-9")
                with ui.tab_panel(pieces_tab):
                    self.pieces()
                with ui.tab_panel(questions_tab):
                    if not view.questions:
                        ui.label(messages.REVIEW_NO_QUESTION).classes("text-body2")
                    for question, answer in view.questions:
                        ui.label(question.label).classes("text-body1 text-weight-medium")
                        ui.label(answer or messages.REVIEW_NO_ANSWER).classes("text-body2 q-mb-sm").mark(
                            "review-answer"
                        )
                with ui.tab_panel(avis_tab):
                    ui.label(messages.AVIS_HISTORY_TITLE).classes("text-subtitle1 text-weight-bold").props(
                        'role="heading" aria-level="3"'
                    )
                    avis_history([_avis_row(line) for line in self.history], marker="review-avis-history")
                with ui.tab_panel(notes_tab):
                    self.notes_panel()
                with ui.tab_panel(history_tab):
                    with ui.element("ul").classes("q-pl-md").mark("review-history"):
                        for event in view.history:
                            with ui.element("li"):
                                ui.label(f"{_when(event.at)} — {event.text}").classes("text-body2")

    def tag_line(self) -> None:
        with ui.row().classes("items-center gap-2").mark("review-tags"):
            ui.label(f"{messages.TAGS_TITLE} :").classes("text-body2 text-weight-medium")
            for _, label, colour in self.tags.on:
                tag_chip(label, colour).mark("review-tag")
            if not self.tags.on:
                ui.label(messages.TAGS_NONE).classes("text-body2 text-grey-9")
            if self.allows(Action.SET_TAGS) and not self.data.view.archived:
                ui.button(messages.TAGS_CHANGE, icon="sell", on_click=self.ask_tags).props("flat dense no-caps").mark(
                    "review-tags-change"
                )

    def ask_tags(self) -> None:
        """« Modifier les tags »: the candidature's tags chosen among those in service of its centre and the
        institution's (and those it has)."""
        candidature_id = self.data.view.candidature.id
        section = Section(
            messages.TAGS_ONE_SECTION, [Field("tag_ids", messages.TAGS_FIELD, "multiselect", options=self.tags.choices)]
        )

        async def save(values: dict) -> str:
            await run.io_bound(self.platform.review.set_tags, self.actor, candidature_id, values.get("tag_ids") or [])
            await self.reload()
            return messages.TAGS_SAVED

        with self.dialogs:
            SetupDialog(
                messages.TAGS_CHANGE,
                [section],
                {"tag_ids": [tag_id for tag_id, _, _ in self.tags.on]},
                save,
                intro=messages.TAGS_CHANGE_INTRO,
                marker="review-tags-dialog",
            ).open()

    async def ask_avis(self) -> None:
        """« Saisir un avis » for this candidature alone: the form of « Saisie des avis »."""
        candidature_id = self.data.view.candidature.id
        types = await run.io_bound(self.platform.decision_types.options)
        motivations = await run.io_bound(self.platform.motivations.options)

        async def save(values: dict) -> str:
            result = await run.io_bound(self.platform.review.enter_avis, self.actor, [candidature_id], values)
            if result.refused:
                raise Refused(result.refused[0].reason)
            await self.reload()
            return messages.AVIS_ENTERED

        with self.dialogs:
            SetupDialog(
                messages.AVIS_ENTER_ONE,
                avis_sections(types, motivations),
                {},
                save,
                intro=messages.AVIS_ENTER_ONE_INTRO,
                marker="review-avis-dialog",
            ).open()

    async def duplicate(self) -> None:
        if await run_action(self.platform.review.duplicate_avis, self.actor, self.data.view.candidature.id):
            await self.reload()
            self.notify(messages.AVIS_DUPLICATED)

    def notes_panel(self) -> None:
        ui.label(messages.NOTES_TAB).classes("text-subtitle1 text-weight-bold").props('role="heading" aria-level="3"')
        ui.label(messages.NOTES_INTRO).classes("text-body2 text-grey-9")
        may_write = self.allows(Action.WRITE_NOTES) and not self.data.view.archived
        if may_write:
            with ui.column().classes("w-full gap-1 q-mb-md"):
                self.note_field = (
                    ui.textarea(messages.NOTES_FIELD)
                    .props("outlined autogrow counter maxlength=2000")
                    .classes("w-full")
                    .mark("review-note-field")
                )
                ui.button(messages.NOTES_ADD, icon="note_add", on_click=self.add_note).props("no-caps").mark(
                    "review-note-add"
                )
        rows = [NoteRow(note.id, _note_heading(note), note.text, note.mine) for note in self.notes]
        note_list(rows, self.delete_note if may_write else None, marker="review-notes")

    async def add_note(self) -> None:
        field = self.note_field
        field.error = None
        try:
            added = await attempt(
                run.io_bound(self.platform.notes.add, self.actor, self.data.view.candidature.id, field.value or "")
            )
        except InvalidInput as invalid:
            field.error = invalid.errors.get("text")
            field.run_method("focus")
            return
        if added is not None:
            await self.reload()
            self.notify(messages.NOTES_ADDED)

    async def delete_note(self, note: NoteRow) -> None:
        if not await confirm(
            f"{messages.NOTES_DELETE_LABEL.format(when=note.heading)} ?",
            yes=messages.NOTES_DELETE,
            marker="review-note-delete",
            danger=True,
        ):
            return
        if await run_action(self.platform.notes.delete, self.actor, note.id):
            await self.reload()
            self.notify(messages.NOTES_DELETED)

    def notify(self, message: str) -> None:
        """Said once the window is rebuilt (the button clicked is gone: the message is given from outside it)."""
        with self.dialogs:
            ui.notify(message, type="positive")

    def pieces(self) -> None:
        view = self.data.view
        if not view.pieces:
            ui.label(messages.REVIEW_NO_PIECE).classes("text-body2")
        self.viewer = ui.column().classes("w-full")
        for piece in view.pieces:
            with ui.card().classes("w-full gap-1").mark(f"review-piece-{piece.piece.code}"):
                ui.label(piece.piece.label).classes("text-subtitle1 text-weight-bold").props(
                    'role="heading" aria-level="3"'
                )
                status = ui.label(f"{messages.REVIEW_PIECE_STATUS} : {piece.status}").classes("text-body2")
                status.mark(f"review-piece-status-{piece.piece.code}")
                if piece.review_comment:
                    ui.label(f"{messages.REVIEW_PIECE_COMMENT} : {piece.review_comment}").classes("text-body2")
                with ui.row().classes("items-center gap-2"):
                    if piece.file is not None:
                        ui.label(piece.file.original_name).classes("text-body2 text-grey-9")
                        show = ui.button(messages.REVIEW_SHOW_FILE, icon="visibility").props("flat no-caps")
                        show.props["aria-label"] = f"{messages.REVIEW_SHOW_FILE} : {piece.piece.label}"
                        show.on_click(lambda _, p=piece: self.show(p))
                        show.mark(f"review-show-{piece.piece.code}")
                    sent = piece.file is not None or piece.not_concerned
                    if self.data.may_review and sent and not view.archived:
                        ok = ui.button(messages.REVIEW_VALIDATE_PIECE, icon="check").props("outline no-caps")
                        ok.props["aria-label"] = f"{messages.REVIEW_VALIDATE_PIECE} : {piece.piece.label}"
                        ok.on_click(lambda _, p=piece: self.review(p.piece.id, True, ""))
                        ok.mark(f"review-validate-{piece.piece.code}")
                        no = ui.button(messages.REVIEW_REFUSE_PIECE, icon="close").props(
                            "outline no-caps color=negative"
                        )
                        no.props["aria-label"] = f"{messages.REVIEW_REFUSE_PIECE} : {piece.piece.label}"
                        no.on_click(lambda _, p=piece: self.ask_refusal(p))
                        no.mark(f"review-refuse-{piece.piece.code}")

    def show(self, piece) -> None:
        """The file inline, under the pièces: a PDF in the browser's viewer, an image as itself."""
        kind = SHOWN_INLINE.get(piece.file.content_type)
        address = f"{FILES_PATH}/{self.data.view.candidature.id}/{piece.file.id}"
        self.viewer.clear()
        with self.viewer:
            title = messages.REVIEW_FILE_VIEWER.format(name=piece.piece.label)
            with ui.row().classes("w-full items-center justify-between"):
                ui.label(title).classes("text-subtitle1").props('role="heading" aria-level="3"')
                ui.button(messages.REVIEW_CLOSE, on_click=self.viewer.clear).props("flat no-caps").mark(
                    "review-viewer-close"
                )
            if kind == "image":
                image = ui.element("img").classes("review-image").mark("review-viewer")
                image.props["src"] = address
                image.props["alt"] = title
            else:
                frame_element = ui.element("iframe").classes("review-viewer").mark("review-viewer")
                frame_element.props["src"] = address
                frame_element.props["title"] = title
        self.viewer.run_method("scrollIntoView")

    def ask_refusal(self, piece) -> None:
        with Modal() as dialog, ui.card().classes("w-[32rem] max-w-full gap-2"):  # gone once closed
            dialog.props["aria-label"] = f"{messages.REVIEW_REFUSE_PIECE} : {piece.piece.label}"
            ui.label(f"{messages.REVIEW_REFUSE_PIECE} : {piece.piece.label}").classes("text-h6").props(
                'role="heading" aria-level="2"'
            )
            ui.label(messages.REVIEW_REFUSE_INTRO).classes("text-body2")
            comment = (
                ui.textarea(messages.REVIEW_PIECE_COMMENT)
                .props("outlined autogrow maxlength=500")
                .classes("w-full")
                .mark("review-refuse-comment")
            )

            async def refuse() -> None:
                try:
                    await run.io_bound(
                        self.platform.review.review_piece,
                        self.actor,
                        self.data.view.candidature.id,
                        piece.piece.id,
                        False,
                        comment.value or "",
                    )
                except InvalidInput as invalid:
                    comment.error = invalid.errors.get("comment")
                    return
                except Refused as refused:
                    failed(refused)
                    return
                # before closing: the closed dialog is deleted, with the slot a notification would use
                ui.notify(messages.REVIEW_PIECE_DONE.format(review="refusée"), type="positive")
                dialog.close()
                await self.reload()

            with ui.row().classes("w-full justify-end gap-2"):
                ui.button("Annuler", on_click=dialog.close).props("flat no-caps").mark("cancel")
                ui.button(messages.REVIEW_REFUSE_PIECE, on_click=refuse).props("no-caps color=negative").mark(
                    "review-refuse-confirm"
                )
        dialog.open()

    async def review(self, piece_id: int, accepted: bool, comment: str) -> None:
        done = await run_action(
            self.platform.review.review_piece, self.actor, self.data.view.candidature.id, piece_id, accepted, comment
        )
        if done:
            ui.notify(messages.REVIEW_PIECE_DONE.format(review="validée" if accepted else "refusée"), type="positive")
            await self.reload()


def _when(moment) -> str:
    return f"{in_paris(moment):%d/%m/%Y %H:%M}"


def _by(line: str, moment, who: str) -> str:
    said = line.format(when=_when(moment))
    return messages.AVIS_BY.format(line=said, who=who) if who else said


def _avis_row(line: AvisLine) -> AvisRow:
    detail = [line.motivation] if line.motivation else []
    if line.rank:
        detail.append(messages.AVIS_RANK_LINE.format(rank=line.rank))
    return AvisRow(
        id=line.id,
        decision=line.decision_type or line.decision,
        detail=", ".join(detail),
        comment=line.comment,
        entered=_by(messages.AVIS_ENTERED_ON, line.entered_at, line.entered_by),
        validated=_by(messages.AVIS_VALIDATED_ON, line.validated_at, line.validated_by)
        if line.validated_at
        else messages.AVIS_NOT_VALIDATED,
    )


def _note_heading(note: NoteLine) -> str:
    return messages.NOTES_BY.format(when=_when(note.written_at), who=note.author)


def _deadline(day, individual) -> str:
    """« 12/07/2027 », « (individuelle) » added when it is the candidature's own date."""
    text = f"{day:%d/%m/%Y}"
    return f"{text} {messages.WINDOW_INDIVIDUAL}" if individual else text


def _pairs(pairs: list[tuple[str, str]], marker: str | None = None) -> None:
    with ui.element("dl").classes("review-pairs w-full q-my-none") as element:
        for label, value in pairs:
            with ui.element("div").classes("row q-gutter-x-sm"):
                with ui.element("dt").classes("text-body2 text-weight-medium"):
                    ui.label(f"{label} :")
                with ui.element("dd").classes("text-body2 q-ma-none"):
                    ui.label(value).classes("whitespace-pre-line")  # an address keeps its lines
    if marker:
        element.mark(marker)

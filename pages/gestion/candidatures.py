"""« Candidatures » (BACKOFFICE §3): the table a commission reviews in, and the candidature window.

The table: the member chooses one of their commissions (or, seeing a whole centre, « Toutes les candidatures du
centre »); the counts by statut sit above it, « Non transmise » included; search, sort, and filters on the
statut, the avis and the formation run in SQL (services/candidature_table.py). « Ouvrir » on a row opens the
candidature window at /gestion/candidatures/<id>: the candidate's file read-only, the pièces opened inline and
validated or refused, the questions and answers, the history.

Files are served to staff by /gestion/fichiers/<candidature>/<file>, which checks the staff session and the right
on that candidature at each request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import FileResponse
from nicegui import app, run, ui

from components.bulk_result import show_bulk_result
from components.data_table import Column, DataTable, RowAction
from components.setup_form import Field, Section, SetupDialog
from components.tag_chip import add_styles
from ecandidat_ui import gestion_session, messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.candidature_table import (
    NO_AVIS,
    STATUSES,
    StaffCandidature,
    shown_status,
)
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.file_summary import file_sections
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.staff import StaffSessionEnded
from models import FileStatus
from models.clock import in_paris
from pages.gestion.attempt import failed, run_action
from pages.gestion.shell import Screen, frame, gestion_screen, may_open, refusal, sign_in_page
from pages.private_files import uploaded_file

SCREEN = Screen("/gestion/candidatures", "Candidatures", "Candidatures", Action.VIEW_CANDIDATURES)
WINDOW_PATH = "/gestion/candidatures/{candidature_id}"
FILES_PATH = "/gestion/fichiers"
SCOPE_PARAMETER = "commission"
COLUMNS = [
    Column("tags", "Tags", wide_only=True),
    Column("login", "N° dossier", sortable=True, nowrap=True),
    Column("last_name", "Nom", sortable=True),
    Column("first_name", "Prénom", sortable=True),
    Column("formation_code", "Code formation", sortable=True, wide_only=True, nowrap=True),
    Column("formation_label", "Libellé formation", sortable=True, wide_only=True),
    Column("status", "Statut", sortable=True, nowrap=True),
    Column("avis", "Avis", sortable=True),
    Column("validated", "Avis validé", sortable=True, wide_only=True),
    Column("motif", "Motif", sortable=True, wide_only=True),
    Column("comment", "Commentaire", sortable=True, wide_only=True),
    Column("confirmed", "Confirmé", sortable=True, wide_only=True),
    Column("transmitted", "Date transmission", sortable=True, wide_only=True, nowrap=True),
]
# The tags cell: each tag on its colour; the class is the palette key the service gives (components/tag_chip.py).
TAGS_CELL = """
<q-td :props="props">
  <span v-for="tag in props.value" :key="tag.label"
        :class="['tag-chip', 'tag-' + tag.colour_key, 'q-mr-xs']">{{ tag.label }}</span>
</q-td>
"""
# The N° dossier cell: a link to the candidature window (the row's key is the candidature's id, a number).
LOGIN_CELL = """
<q-td :props="props">
  <a :href="'/gestion/candidatures/' + props.row.id" class="text-primary">{{ props.value }}</a>
</q-td>
"""
AVIS_FILTER = {"": messages.REVIEW_ALL, NO_AVIS: messages.REVIEW_NO_AVIS, **{d.value: d.value for d in Decision}}
STATUS_FILTER = {"": messages.REVIEW_ALL, **{status: status for status in STATUSES}}
STATUS_SECTIONS = [
    Section(
        messages.REVIEW_STATUS_SECTION,
        [
            Field(
                "status",
                messages.REVIEW_STATUS_FIELD,
                "select",
                options={status.value: status.value for status in FileStatus if status is not FileStatus.WAITING},
            )
        ],
    )
]
SHOWN_INLINE = {"application/pdf": "pdf", "image/png": "image", "image/jpeg": "image"}


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def candidatures(actor: Actor) -> None:
        await CandidaturesScreen(platform, actor).load()

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


class CandidaturesScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.platform = platform
        self.service = platform.candidature_table
        self.actor = actor
        self.scope: str | None = None
        self.table: DataTable | None = None
        self.may_set_status = not rights.visible(actor, Action.SET_STATUS).nothing
        self.may_enter_avis = not rights.visible(actor, Action.ENTER_AVIS).nothing
        self.may_validate_avis = not rights.visible(actor, Action.VALIDATE_AVIS).nothing
        self.dialogs = ui.element("div")

    async def load(self) -> None:
        try:
            scopes = await run.io_bound(self.service.scopes, self.actor)
        except Refused as refused:
            failed(refused)
            return
        if not scopes:
            ui.label(messages.REVIEW_NO_SCOPE).classes("text-body1").mark("review-no-scope")
            return
        options = {scope.key: scope.label for scope in scopes}
        request = ui.context.client.request
        asked = request.query_params.get(SCOPE_PARAMETER) if request is not None else None
        self.scope = asked if asked in options else scopes[0].key
        add_styles()
        with ui.row().classes("w-full items-end gap-4"):
            self.scope_select = (
                ui.select(options, label=messages.REVIEW_SCOPE, value=self.scope)
                .props("outlined dense")
                .classes("min-w-[18rem] max-w-full")
                .mark("review-scope")
            )
        self.counts = ui.row().classes("w-full gap-2").mark("review-counts")
        self.counts.props["aria-label"] = messages.REVIEW_COUNTS
        self.counts.props["role"] = "list"
        self.table = DataTable(
            COLUMNS,
            self.fetch,
            caption=messages.REVIEW_TABLE_CAPTION,
            actions=[RowAction("open", messages.REVIEW_OPEN, self.open, icon="open_in_new")],
            row_label="last_name",
            sort_by="last_name",
            empty_text=messages.REVIEW_NONE,
            selectable=self.may_set_status or self.may_enter_avis or self.may_validate_avis,
            marker="review-table",
        )
        self.table.table.add_slot("body-cell-tags", TAGS_CELL)
        self.table.table.add_slot("body-cell-login", LOGIN_CELL)
        with self.table.toolbar:
            self.status_filter = self._filter(STATUS_FILTER, messages.REVIEW_FILTER_STATUS, "review-status-filter")
            self.avis_filter = self._filter(AVIS_FILTER, messages.REVIEW_FILTER_AVIS, "review-avis-filter")
            every = {"": messages.REVIEW_ALL}
            self.formation_filter = self._filter(every, messages.REVIEW_FILTER_FORMATION, "review-formation-filter")
            self.formation_filter.classes("min-w-[16rem]")
            self.tag_filter = self._filter(every, messages.REVIEW_FILTER_TAG, "review-tag-filter")
            if self.may_set_status:
                ui.button(messages.REVIEW_SET_STATUS, icon="fact_check", on_click=self.ask_status).props(
                    "no-caps"
                ).mark("review-set-status")
            if self.may_enter_avis:
                ui.button(messages.AVIS_ENTER, icon="rate_review", on_click=self.ask_avis).props("no-caps").mark(
                    "review-enter-avis"
                )
            if self.may_validate_avis:
                ui.button(messages.AVIS_VALIDATE, icon="verified", on_click=self.ask_validation).props("no-caps").mark(
                    "review-validate-avis"
                )
        self.scope_select.on_value_change(self.scope_chosen)
        await self.show_scope()

    def _filter(self, options: dict[Any, str], label: str, marker: str) -> ui.select:
        select = ui.select(options, label=label, value="").props("outlined dense").classes("min-w-[10rem]")
        select.on_value_change(self.filter)
        return select.mark(marker)

    def fetch(self, query):
        return self.service.page(self.actor, self.scope, query)

    async def scope_chosen(self) -> None:
        self.scope = self.scope_select.value
        self.formation_filter.value = ""
        self.tag_filter.value = ""
        await self.show_scope()
        self.filter()

    async def show_scope(self) -> None:
        try:
            formations = await run.io_bound(self.service.formations, self.actor, self.scope)
            tags = await run.io_bound(self.service.tags, self.actor, self.scope)
            counts = await run.io_bound(self.service.counts, self.actor, self.scope)
        except Refused as refused:
            failed(refused)
            return
        self.formation_filter.set_options({"": messages.REVIEW_ALL, **formations}, value="")
        self.tag_filter.set_options({"": messages.REVIEW_ALL, **tags}, value="")
        self.counts.clear()
        with self.counts:
            for name, count in counts.items():
                with ui.element("div").classes("review-count").props('role="listitem"'):
                    ui.label(name).classes("text-caption text-grey-9")
                    ui.label(f"{count}").classes("text-h6").mark(f"review-count-{name}")
        ui.add_css(COUNT_CSS)

    def filter(self) -> None:
        if self.table is None:
            return
        self.table.set_filters(
            status=self.status_filter.value or None,
            avis=self.avis_filter.value or None,
            formation=self.formation_filter.value or None,
            tag=self.tag_filter.value or None,
        )

    def open(self, candidature_id: int) -> None:
        ui.navigate.to(f"/gestion/candidatures/{int(candidature_id)}")

    def ask_status(self) -> None:
        """« Saisie du statut du dossier » of the rows ticked: the statut chosen, then what changed and what was
        refused, row by row."""
        self._on_selection(
            Selection(
                messages.REVIEW_SET_STATUS,
                messages.REVIEW_SET_STATUS_INTRO,
                messages.REVIEW_STATUS_DONE,
                messages.REVIEW_STATUS_REFUSED,
                "review-status",
            ),
            STATUS_SECTIONS,
            lambda rows, values: self.platform.review.set_statuses(self.actor, rows, values.get("status")),
        )

    async def ask_avis(self) -> None:
        """« Saisie des avis » of the rows ticked: a type de décision in service, its motivation or rank when it
        needs one, a comment."""
        if not self.table.selected:
            ui.notify(messages.REVIEW_NOTHING_SELECTED, type="warning")
            return
        types = await run.io_bound(self.platform.decision_types.options)
        motivations = await run.io_bound(self.platform.motivations.options)
        self._on_selection(
            Selection(
                messages.AVIS_ENTER, messages.AVIS_ENTER_INTRO, messages.AVIS_DONE, messages.AVIS_REFUSED, "avis"
            ),
            avis_sections(types, motivations),
            lambda rows, values: self.platform.review.enter_avis(self.actor, rows, values),
        )

    def ask_validation(self) -> None:
        """« Validation des avis » of the rows ticked: confirmed, then each candidate mailed their decision."""
        self._on_selection(
            Selection(
                messages.AVIS_VALIDATE,
                messages.AVIS_VALIDATE_INTRO,
                messages.AVIS_VALIDATED_DONE,
                messages.AVIS_VALIDATED_REFUSED,
                "avis-validation",
                messages.AVIS_VALIDATE_CONFIRM,
            ),
            [],
            lambda rows, values: self.platform.review.validate_avis(self.actor, rows),
        )

    def _on_selection(self, selection: Selection, sections: list[Section], act) -> None:
        """The dialog of an action on the rows ticked; once saved, the table and counts reloaded and what changed
        and what was refused shown, row by row."""
        selected = self.table.selected
        if not selected:
            ui.notify(messages.REVIEW_NOTHING_SELECTED, type="warning")
            return

        async def save(values: dict[str, Any]) -> None:
            result = await run.io_bound(act, selected, values)
            self.table.clear_selection()
            await self.table.refresh()
            await self.show_scope()
            with self.dialogs:
                show_bulk_result(selection.title, selection.done, selection.refused, result, marker=selection.marker)

        with self.dialogs:
            SetupDialog(
                selection.title,
                sections,
                {},
                save,
                intro=selection.intro.format(count=len(selected)),
                save_label=selection.save_label,
                marker=f"{selection.marker}-dialog",
            ).open()


@dataclass(frozen=True)
class Selection:
    """The French texts of an action on a selection, and the marker its dialogs carry for the tests."""

    title: str
    intro: str
    done: str
    refused: str
    marker: str
    save_label: str = "Enregistrer"


def avis_sections(types: list[tuple[int, str, str]], motivations: list[tuple[int, str]]) -> list[Section]:
    return [
        Section(
            messages.AVIS_SECTION,
            [
                Field(
                    "decision_type_id",
                    messages.AVIS_TYPE_FIELD,
                    "select",
                    options={type_id: label for type_id, label, _ in types},
                ),
                Field(
                    "motivation_id",
                    messages.AVIS_MOTIVATION_FIELD,
                    "select",
                    options={motivation_id: label for motivation_id, label in motivations},
                ),
                Field("rank", messages.AVIS_RANK_FIELD, "number", max_length=4),
                Field("comment", messages.AVIS_COMMENT_FIELD, "textarea", max_length=1000),
            ],
        )
    ]


COUNT_CSS = """
.review-count { border: 1px solid #d1d5db; border-radius: 0.5rem; padding: 0.25rem 0.75rem; min-width: 6rem; }
.review-viewer { width: 100%; height: 70vh; border: 1px solid #d1d5db; }
.review-image { max-width: 100%; height: auto; border: 1px solid #d1d5db; }
"""


class CandidatureWindow:
    def __init__(self, platform: Platform, actor: Actor, candidature_id: str) -> None:
        self.platform = platform
        self.actor = actor
        self.candidature_id = candidature_id
        self.data: StaffCandidature | None = None

    async def load(self) -> None:
        ui.link(messages.REVIEW_BACK, SCREEN.path).classes("text-primary").mark("review-back")
        try:
            self.data = await run.io_bound(
                self.platform.candidature_table.candidature, self.actor, _number(self.candidature_id)
            )
        except Refused as refused:
            ui.label(refused.message).classes("text-negative text-body1").props('role="alert"').mark("review-refused")
            return
        ui.add_css(COUNT_CSS)
        self.body = ui.column().classes("w-full gap-4")
        self.build()

    async def reload(self) -> None:
        self.data = await run.io_bound(
            self.platform.candidature_table.candidature, self.actor, self.data.view.candidature.id
        )
        self.body.clear()
        self.build()

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
            ]
            _pairs(summary, "review-summary")
            with ui.tabs().classes("w-full").props("align=left outside-arrows mobile-arrows") as tabs:
                file_tab = ui.tab("dossier", messages.REVIEW_TAB_FILE).mark("review-tab-file")
                pieces_tab = ui.tab("pieces", messages.REVIEW_TAB_PIECES).mark("review-tab-pieces")
                questions_tab = ui.tab("questions", messages.REVIEW_TAB_QUESTIONS).mark("review-tab-questions")
                history_tab = ui.tab("historique", messages.REVIEW_TAB_HISTORY).mark("review-tab-history")
            with ui.tab_panels(tabs, value=pieces_tab).classes("w-full"):
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
                with ui.tab_panel(history_tab):
                    with ui.element("ul").classes("q-pl-md").mark("review-history"):
                        for event in view.history:
                            with ui.element("li"):
                                ui.label(f"{_when(event.at)} — {event.text}").classes("text-body2")

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
        with ui.dialog().props('aria-modal="true"') as dialog, ui.card().classes("w-[32rem] max-w-full gap-2"):
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
                dialog.close()
                ui.notify(messages.REVIEW_PIECE_DONE.format(review="refusée"), type="positive")
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

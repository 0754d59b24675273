"""The pages of « Mon compte », in menu order, with their badges and Précédent / Suivant."""

from __future__ import annotations

from datetime import date

from nicegui import run, ui

from components.banner import banner
from components.confirm import confirm
from components.entry_list import EntryView, entry_list
from components.file_progress import TabLink, tab_strip
from ecandidat_ui import language, messages, refdata
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.candidate_file import (
    IDENTITY_FROM_INSTITUTION,
    CandidateFile,
    Tab,
    draft_key,
    row_values,
)
from ecandidat_ui.web_session import SignedIn
from models import Account
from pages import file_specs
from pages.candidatures import OUTCOMES, candidatures_list
from pages.file_editors import EntryDialog, SingleTabEditor, warn_before_leaving
from pages.language import student_of
from pages.layout import account_pages, page_frame, sign_in_address, this_address

TABS = list(Tab)
SAVED_QUERY = "enregistre"


def register(platform: Platform) -> None:
    for index, entry in enumerate(account_pages()):
        _register_tab(platform, index, TABS[index], entry.path)


def _register_tab(platform: Platform, index: int, tab: Tab, path: str) -> None:
    @ui.page(path)
    async def account_tab(enregistre: str = "", info: str = "") -> None:
        me = platform.session_cookie.signed_in()
        if me is None:
            ui.navigate.to(sign_in_address(this_address()))
            return
        account = me.account
        file = await run.io_bound(platform.candidate_file.load, account.id)
        statuses = platform.candidate_file.statuses_of(file, date.today())
        tabs = account_pages()  # in the page's language
        with page_frame(platform, tabs[index].label, path, account, statuses=statuses):
            tab_strip([TabLink(e.label, e.path, statuses[t]) for e, t in zip(tabs, TABS, strict=True)], path)
            navigation = _Navigation(index)
            if info in OUTCOMES:
                banner(language.translate(OUTCOMES[info]), "success", marker="outcome")
            if enregistre:
                banner(messages.SAVED, "success", marker="saved")
            editor = BUILDERS[tab](platform, me, file, lambda: ui.navigate.to(f"{path}?{SAVED_QUERY}=1"))
            navigation.editor = editor
            ui.on("ecandidat_leave", lambda event: navigation.go(_local_path(event.args)))


class _Navigation:
    """Précédent / Suivant; asks first when the tab has unsaved changes."""

    def __init__(self, index: int) -> None:
        self.editor: SingleTabEditor | None = None
        tabs = account_pages()
        with ui.row().classes("w-full justify-end gap-2"):
            if index > 0:
                previous = tabs[index - 1]
                back = ui.button(messages.FILE_PRECEDENT, icon="chevron_left", on_click=lambda: self.go(previous.path))
                back.props("outline").mark("previous")
                back.props["aria-label"] = messages.PREVIOUS_TO.format(label=previous.label)
            if index < len(tabs) - 1:
                following = tabs[index + 1]
                forward = ui.button(messages.FILE_SUIVANT, on_click=lambda: self.go(following.path))
                forward.props("icon-right=chevron_right").mark("next")
                forward.props["aria-label"] = messages.NEXT_TO.format(label=following.label)

    async def go(self, target: str) -> None:
        if self.editor is not None and getattr(self.editor, "dirty", False):
            if not await confirm(
                messages.UNSAVED_CHANGES,
                yes=messages.FILE_QUITTER_SANS_ENREGISTRER,
                no=messages.FILE_RESTER,
                marker="leave",
            ):
                return
            warn_before_leaving(False)
        ui.navigate.to(target)


def _local_path(args: object) -> str:
    """The address a held link pointed to (sent by the browser): a path of this site, else the home page."""
    path = args[0] if isinstance(args, list) and args else args
    if isinstance(path, str) and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return "/"


# --- the tabs -------------------------------------------------------------------------------------


def _personal(platform: Platform, me: SignedIn, file: CandidateFile, on_saved) -> SingleTabEditor:
    service = platform.candidate_file
    locked = set(IDENTITY_FROM_INSTITUTION) if file.is_internal_student else set()
    saved = row_values(file.personal) or _personal_defaults(me.account, file)
    return SingleTabEditor(
        service,
        me.session_id,
        draft_key(Tab.PERSONAL),
        file_specs.personal_specs(locked),
        saved,
        file.personal.version if file.personal else 0,
        lambda values, version: service.save_personal(me.session_id, values, version, date.today()),
        on_saved,
        locked_hint=messages.LOCKED_BY_INSTITUTION,
    )


def _personal_defaults(account: Account, file: CandidateFile) -> dict[str, object]:
    defaults: dict[str, object] = {
        "nationality": refdata.FRANCE_CODE,
        "birth_name": account.last_name,
        "first_name": account.first_name,
    }
    if file.student is not None:
        student = file.student
        defaults.update(
            ine=student.ine,
            civility=student.civility,
            birth_name=student.birth_name,
            first_name=student.first_name,
            birth_date=student.birth_date.isoformat() if student.birth_date else "",
        )
    return defaults


def _address(platform: Platform, me: SignedIn, file: CandidateFile, on_saved) -> SingleTabEditor:
    service = platform.candidate_file
    saved = row_values(file.address) or {"country": refdata.FRANCE_CODE}
    return SingleTabEditor(
        service,
        me.session_id,
        draft_key(Tab.ADDRESS),
        file_specs.address_specs(),
        saved,
        file.address.version if file.address else 0,
        lambda values, version: service.save_address(me.session_id, values, version),
        on_saved,
    )


def _bac(platform: Platform, me: SignedIn, file: CandidateFile, on_saved) -> SingleTabEditor:
    service = platform.candidate_file
    saved = row_values(file.bac) or {"has_bac": True, "country": refdata.FRANCE_CODE}
    if saved.get("year"):
        saved["year"] = str(saved["year"])
    return SingleTabEditor(
        service,
        me.session_id,
        draft_key(Tab.BAC),
        file_specs.bac_specs(date.today()),
        saved,
        file.bac.version if file.bac else 0,
        lambda values, version: service.save_bac(me.session_id, values, version, date.today()),
        on_saved,
    )


def _internal(platform: Platform, me: SignedIn, file: CandidateFile, on_saved) -> None:
    if not file.is_internal_student:
        ui.label(messages.INTERNAL_EXPLAINED.format(institution=student_of(platform.settings))).classes(
            "text-body1"
        ).mark("internal-empty")
        return
    if not file.results:
        ui.label(messages.FILE_AUCUN_RESULTAT_N_A_ETE_TRANSMIS_PAR_L_ETABLISSEMENT).classes("text-body1").mark(
            "internal-empty"
        )
        return
    columns = [
        {"name": "year", "label": messages.SUMMARY_ANNEE_UNIVERSITAIRE, "field": "year", "align": "left"},
        {"name": "code", "label": messages.FILE_CODE, "field": "code", "align": "left"},
        {"name": "label", "label": messages.FILE_LIBELLE, "field": "label", "align": "left"},
        {"name": "mention", "label": messages.SUMMARY_MENTION, "field": "mention", "align": "left"},
        {"name": "result", "label": messages.SUMMARY_RESULTAT, "field": "result", "align": "left"},
        {"name": "grade", "label": messages.SUMMARY_NOTE, "field": "grade", "align": "right"},
        {"name": "scale", "label": messages.FILE_BAREME, "field": "scale", "align": "right"},
    ]
    rows = [
        {
            "id": r.id,
            "year": r.academic_year,
            "code": r.code,
            "label": r.label,
            "mention": r.mention,
            "result": r.result,
            "grade": r.grade,
            "scale": r.scale,
        }
        for r in file.results
    ]
    ui.table(columns=columns, rows=rows, row_key="id").classes("w-full").props("flat bordered wrap-cells").mark(
        "internal-results"
    )


def _list_tab(platform: Platform, me: SignedIn, file: CandidateFile, on_saved, tab: Tab) -> None:
    service = platform.candidate_file
    today = date.today()
    specs, rows, title, add_label, empty, describe = {
        Tab.EXTERNAL: (
            file_specs.external_specs(today),
            file.external,
            messages.FILE_CURSUS_POST_BAC,
            messages.FILE_AJOUTER_UN_CURSUS,
            messages.FILE_VOUS_N_AVEZ_SAISI_AUCUN_CURSUS_APRES_LE_BAC,
            _describe_cursus,
        ),
        Tab.INTERNSHIPS: (
            file_specs.internship_specs(today),
            file.internships,
            messages.FILE_STAGE,
            messages.FILE_AJOUTER_UN_STAGE,
            messages.FILE_VOUS_N_AVEZ_SAISI_AUCUN_STAGE,
            _describe_internship,
        ),
        Tab.EXPERIENCES: (
            file_specs.experience_specs(today),
            file.experiences,
            messages.FILE_EXPERIENCE_PROFESSIONNELLE,
            messages.FILE_AJOUTER_UNE_EXPERIENCE,
            messages.FILE_VOUS_N_AVEZ_SAISI_AUCUNE_EXPERIENCE_PROFESSIONNELLE,
            _describe_experience,
        ),
    }[tab]
    by_id = {row.id: row for row in rows}

    def open_entry(entry_id: int | None) -> None:
        row = by_id.get(entry_id) if entry_id else None
        saved = {k: (str(v) if k == "year" and v else v) for k, v in row_values(row).items()} if row else {}
        if not row and tab is Tab.EXTERNAL:
            saved = {"country": refdata.FRANCE_CODE}
        EntryDialog(
            service,
            me.session_id,
            draft_key(tab, entry_id),
            title,
            specs,
            saved,
            row.version if row else 0,
            lambda values, version: service.save_entry(me.session_id, tab, entry_id, values, version, today),
            on_saved,
        )

    async def delete_entry(entry_id: int) -> None:
        question = messages.DELETE_ENTRY_QUESTION.format(title=describe(by_id[entry_id]).title)
        if await confirm(question, yes=messages.FAQ_DELETE, no=messages.EDITOR_CANCEL, marker="delete", danger=True):
            await run.io_bound(service.delete_entry, me.session_id, tab, entry_id)
            on_saved()

    if tab is Tab.EXTERNAL:
        no_studies = bool(file.flags and file.flags.no_higher_education)

        async def declare(event) -> None:
            await run.io_bound(service.set_no_higher_education, me.session_id, bool(event.value))
            on_saved()

        ui.checkbox(messages.SUMMARY_JE_N_AI_PAS_SUIVI_D_ETUDES_APRES_LE_BAC, value=no_studies, on_change=declare).mark(
            "no-higher-education"
        ).set_visibility(not rows)
    entry_list(
        [describe(row) for row in rows],
        add_label=add_label,
        empty_text=empty,
        on_add=lambda: open_entry(None),
        on_edit=open_entry,
        on_delete=delete_entry,
    )


def _describe_cursus(row) -> EntryView:
    diploma = {d.code: d.label for d in refdata.diploma_types()}.get(row.diploma_type, row.diploma_type)
    return EntryView(
        row.id,
        f"{row.year} · {row.label}",
        [
            f"{diploma} · {row.school_name}",
            messages.ENTRY_OBTAINED.format(obtained=messages.OBTAINED_LABELS.get(row.obtained, row.obtained))
            + (
                messages.ENTRY_MENTION.format(mention=refdata.CURSUS_MENTIONS.get(row.mention, row.mention))
                if row.mention
                else ""
            ),
        ],
    )


def _describe_internship(row) -> EntryView:
    hours = messages.ENTRY_HOURS.format(hours=row.hours_per_week) if row.hours_per_week else ""
    duration = messages.ENTRY_DURATION.format(duration=row.duration, hours=hours)
    return EntryView(row.id, f"{row.year} · {row.employer}", [duration, row.description])


def _describe_experience(row) -> EntryView:
    lines = [messages.ENTRY_EMPLOYER_DURATION.format(employer=row.employer, duration=row.duration)] + (
        [row.description] if row.description else []
    )
    return EntryView(row.id, f"{row.year} · {row.title}", lines)


def _applications(platform: Platform, me: SignedIn, file: CandidateFile, on_saved) -> None:
    candidatures_list(platform, me.account.id)


BUILDERS = {
    Tab.PERSONAL: _personal,
    Tab.ADDRESS: _address,
    Tab.BAC: _bac,
    Tab.INTERNAL: _internal,
    Tab.EXTERNAL: lambda p, a, f, s: _list_tab(p, a, f, s, Tab.EXTERNAL),
    Tab.INTERNSHIPS: lambda p, a, f, s: _list_tab(p, a, f, s, Tab.INTERNSHIPS),
    Tab.EXPERIENCES: lambda p, a, f, s: _list_tab(p, a, f, s, Tab.EXPERIENCES),
    Tab.APPLICATIONS: _applications,
}

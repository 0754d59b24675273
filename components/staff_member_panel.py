"""The dialogs of « Personnels »: a member's identity (add or edit), and the panel that manages one member — their
rights (give with role and scope, remove), deactivate or reactivate, send a new set-up link.

Components take values and callbacks: each callback raises InvalidInput (shown at the fields, values kept) or
Refused (shown in the dialog), and returns what the panel shows next.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from nicegui import ui

from components.account_dialogs import FormDialog, OnSave
from components.confirm import confirm
from components.modal import Modal
from ecandidat_ui import messages
from ecandidat_ui.services.errors import InvalidInput, Refused

CENTRE_ROLE = "centre"
COMMISSION_ROLE = "commission"


def member_dialog(title: str, on_save: OnSave, values: dict[str, str] | None = None) -> FormDialog:
    """Mail, Nom, Prénom and the optional CAS login of a staff member."""
    values = values or {}
    dialog = FormDialog(title, on_save, intro=messages.STAFF_MEMBER_INTRO)
    with dialog.body:
        form = dialog.form
        mail = values.get("mail", "")
        form.text("mail", "Adresse mail *", max_length=100, kind="email", autocomplete="off", value=mail)
        form.text("last_name", "Nom *", max_length=50, autocomplete="off", value=values.get("last_name", ""))
        form.text("first_name", "Prénom *", max_length=50, autocomplete="off", value=values.get("first_name", ""))
        cas = form.text("cas_login", "Login CAS", max_length=100, autocomplete="off", value=values.get("cas_login", ""))
        cas.props["hint"] = messages.STAFF_CAS_LOGIN_HINT
    return dialog


@dataclass(frozen=True)
class GrantLine:
    id: int
    text: str


@dataclass(frozen=True)
class MemberState:
    """What the panel shows of a member."""

    name: str
    mail: str
    active: bool
    set_up: bool
    grants: Sequence[GrantLine]
    is_self: bool = False


@dataclass(frozen=True)
class ScopeChoices:
    roles: dict[str, str]  # role value → label
    centres: dict[int, str]  # id → label
    commissions: dict[int, tuple[str, int]]  # id → (label, centre id)


class MemberPanel:
    """A dialog managing one member; every callback returns the member's new state (or raises)."""

    def __init__(
        self,
        state: MemberState,
        choices: ScopeChoices,
        *,
        on_grant: Callable[[dict[str, Any]], Awaitable[MemberState]],
        on_revoke: Callable[[int], Awaitable[MemberState]],
        on_set_active: Callable[[bool], Awaitable[MemberState]],
        on_send_link: Callable[[], Awaitable[str]],
        on_edit: Callable[[], None],
    ) -> None:
        self.choices = choices
        self.on_grant = on_grant
        self.on_revoke = on_revoke
        self.on_set_active = on_set_active
        self.on_send_link = on_send_link
        self.on_edit = on_edit
        title_id = f"titre-membre-{id(self)}"
        self.dialog = Modal().mark("member-panel")
        self.dialog.props["aria-labelledby"] = title_id
        with self.dialog, ui.card().classes("w-[44rem] max-w-full gap-3 p-4 sm:p-6"):
            with ui.row().classes("w-full items-center justify-between no-wrap"):
                self.heading = ui.label().classes("text-h6").props('role="heading" aria-level="2"')
                self.heading.props["id"] = title_id
                ui.button(icon="close", on_click=self.dialog.close).props('flat round aria-label="Fermer"')
            self.problem = ui.label().classes("text-negative text-body2").props('role="alert"').mark("panel-problem")
            self.problem.set_visibility(False)
            self.body = ui.column().classes("w-full gap-3")
        self.show(state)

    def open(self) -> None:
        self.dialog.open()

    def show(self, state: MemberState) -> None:
        self.state = state
        self.heading.text = state.name
        self.body.clear()
        with self.body:
            self._account(state)
            self._grants(state)
            self._grant_form()

    # --- the parts -------------------------------------------------------------------------------

    def _account(self, state: MemberState) -> None:
        with ui.row().classes("w-full items-center gap-2"):
            ui.label(state.mail).classes("text-body1")
            status = messages.STAFF_ACTIVE if state.active else messages.STAFF_DEACTIVATED
            ui.badge(status, color="positive" if state.active else "negative").mark("member-status")
            if not state.set_up:
                ui.badge(messages.STAFF_NOT_SET_UP, color="grey-8")
        with ui.row().classes("w-full gap-2"):
            ui.button("Modifier l'identité", icon="edit", on_click=self.on_edit).props("outline no-caps dense").mark(
                "edit-identity"
            )
            if state.active:
                ui.button("Renvoyer le lien d'activation", icon="send", on_click=self._send_link).props(
                    "outline no-caps dense"
                ).mark("send-link")
                if not state.is_self:
                    ui.button("Désactiver", icon="block", color="negative", on_click=self._deactivate).props(
                        "outline no-caps dense"
                    ).mark("deactivate")
            else:
                ui.button("Réactiver", icon="check_circle", on_click=self._reactivate).props(
                    "outline no-caps dense"
                ).mark("reactivate")

    def _grants(self, state: MemberState) -> None:
        ui.label("Droits").classes("text-subtitle1 text-bold").props('role="heading" aria-level="3"')
        if not state.grants:
            ui.label(messages.STAFF_NO_GRANT).classes("text-body2 text-grey-9").mark("no-grant")
            return
        with ui.element("ul").classes("w-full q-pl-none q-my-none").style("list-style: none"):
            for grant in state.grants:
                with ui.element("li"), ui.row().classes("w-full items-center justify-between no-wrap gap-2"):
                    ui.label(grant.text).classes("text-body1").mark("grant-text")
                    button = ui.button(icon="delete", on_click=lambda g=grant: self._revoke(g)).props(
                        "flat round dense color=negative"
                    )
                    button.props["aria-label"] = f"Retirer le droit : {grant.text}"
                    button.mark("revoke")

    def _grant_form(self) -> None:
        ui.label("Donner un droit").classes("text-subtitle1 text-bold").props('role="heading" aria-level="3"')
        choices = self.choices
        with ui.grid(columns="repeat(auto-fit, minmax(min(100%, 16rem), 1fr))").classes("w-full gap-2"):
            role = ui.select(choices.roles, label="Rôle *").props("outlined dense").mark("grant-role")
            centre = (
                ui.select(choices.centres, label="Centre de candidature *", with_input=True)
                .props("outlined dense")
                .mark("grant-centre")
            )
            limited = (
                ui.select({}, label="Limité aux commissions", multiple=True)
                .props("outlined dense use-chips")
                .mark("grant-commissions")
            )
            limited.props["hint"] = messages.GRANT_ALL_COMMISSIONS
            commission = (
                ui.select(
                    {key: label for key, (label, _) in choices.commissions.items()},
                    label="Commission *",
                    with_input=True,
                )
                .props("outlined dense")
                .mark("grant-commission")
            )
        with ui.row().classes("gap-4"):
            read_only = ui.checkbox("Lecture seule").mark("grant-read-only")
            president = ui.checkbox("Président").mark("grant-president")
        fields = {"role": role, "centre": centre, "commissions": limited, "commission": commission}

        def follow_role() -> None:
            kind = role.value
            centre.set_visibility(kind == CENTRE_ROLE)
            limited.set_visibility(kind == CENTRE_ROLE and bool(centre.value))
            read_only.set_visibility(kind == CENTRE_ROLE)
            commission.set_visibility(kind == COMMISSION_ROLE)
            president.set_visibility(kind == COMMISSION_ROLE)

        def follow_centre() -> None:
            limited.set_options(
                {key: label for key, (label, centre_id) in choices.commissions.items() if centre_id == centre.value},
                value=[],
            )
            follow_role()

        role.on_value_change(follow_role)
        centre.on_value_change(follow_centre)
        for field in fields.values():
            field.on_value_change(lambda _event, f=field: setattr(f, "error", None))
        follow_role()

        async def give() -> None:
            for field in fields.values():
                field.error = None
            values = {
                "role": role.value,
                "centre_id": centre.value if role.value == CENTRE_ROLE else None,
                "commission_ids": list(limited.value or []) if role.value == CENTRE_ROLE else [],
                "commission_id": commission.value if role.value == COMMISSION_ROLE else None,
                "read_only": bool(read_only.value) and role.value == CENTRE_ROLE,
                "president": bool(president.value) and role.value == COMMISSION_ROLE,
            }
            try:
                state = await self._run(self.on_grant(values))
            except InvalidInput as error:
                for name, message in error.errors.items():
                    if name in fields:
                        fields[name].error = message
                first = next((fields[name] for name in fields if name in error.errors), None)
                if first is not None:
                    first.run_method("focus")
                return
            if state is not None:
                self.show(state)

        ui.button("Donner ce droit", icon="add", on_click=give).props("no-caps").mark("grant-save")

    # --- actions ---------------------------------------------------------------------------------

    async def _run(self, work: Awaitable[Any]) -> Any:
        """The callback's result, or None with its refusal shown; InvalidInput goes to the caller."""
        self.problem.set_visibility(False)
        try:
            return await work
        except Refused as error:
            self.problem.set_text(error.message)
            self.problem.set_visibility(True)
            return None

    async def _revoke(self, grant: GrantLine) -> None:
        if not await confirm(f"Retirer le droit « {grant.text} » ?", yes="Retirer", marker="revoke", danger=True):
            return
        state = await self._run(self.on_revoke(grant.id))
        if state is not None:
            self.show(state)
            ui.notify(messages.GRANT_REVOKED, type="positive")

    async def _deactivate(self) -> None:
        question = messages.STAFF_DEACTIVATE_QUESTION.format(name=self.state.name)
        if not await confirm(question, yes="Désactiver", marker="deactivate", danger=True):
            return
        state = await self._run(self.on_set_active(False))
        if state is not None:
            self.show(state)

    async def _reactivate(self) -> None:
        state = await self._run(self.on_set_active(True))
        if state is not None:
            self.show(state)

    async def _send_link(self) -> None:
        sent = await self._run(self.on_send_link())
        if sent is not None:
            ui.notify(sent, type="positive", multi_line=True)

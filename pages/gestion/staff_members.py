"""« Personnels » (Administration): the staff members in a table; add one, edit their identity, give or remove a
right, deactivate or reactivate them, send them a new set-up link."""

from __future__ import annotations

from typing import Any

from nicegui import run, ui

from components.data_table import Column, DataTable, RowAction
from components.staff_member_panel import GrantLine, MemberPanel, MemberState, ScopeChoices, member_dialog
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.dates import date_time
from ecandidat_ui.services.paging import Page, TableQuery
from ecandidat_ui.services.rights import Action, Actor, Role
from ecandidat_ui.services.staff import MemberView
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/personnels", "Personnels", "Administration", Action.MANAGE_STAFF)
COLUMNS = [
    Column("last_name", "Nom", sortable=True),
    Column("first_name", "Prénom", sortable=True),
    Column("mail", "Adresse mail", sortable=True),
    Column("cas_login", "Login CAS", sortable=True, wide_only=True),
    Column("grants", "Droits"),
    Column("state", "État", wide_only=True),
    Column("last_sign_in_at", "Dernière connexion", sortable=True, wide_only=True),
]


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def staff_members(actor: Actor) -> None:
        StaffScreen(platform, actor)


class StaffScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.platform = platform
        self.actor = actor
        self.dialogs = ui.element("div")  # where dialogs live: not inside another dialog that closes
        self.table = DataTable(
            COLUMNS,
            self.fetch,
            caption="Membres du personnel",
            actions=[RowAction("manage", "Gérer", self.open_member, icon="manage_accounts")],
            row_label="name",
            sort_by="last_name",
            empty_text=messages.STAFF_NONE,
            marker="staff-table",
        )
        with self.table.toolbar:
            active = (
                ui.select({"": "Tous", "oui": "Actifs", "non": "Désactivés"}, value="", label="État")
                .props("outlined dense")
                .classes("min-w-[9rem]")
                .mark("staff-active-filter")
            )
            active.on_value_change(
                lambda event: self.table.set_filters(active={"oui": True, "non": False}.get(event.value))
            )
            ui.button("Ajouter un membre", icon="person_add", on_click=self.add).props("no-caps").mark("staff-add")

    def fetch(self, query: TableQuery) -> Page[dict[str, Any]]:
        return self.platform.staff.members_page(self.actor, query).map(_row)

    # --- add, edit ---------------------------------------------------------------------------------

    def add(self) -> None:
        async def save(values: dict[str, str]) -> str:
            created = await run.io_bound(
                self.platform.staff.create_member,
                self.actor,
                values["mail"],
                values["last_name"],
                values["first_name"],
                values["cas_login"],
            )
            await self.table.refresh()
            await self.open_member(created.member.id)
            return messages.STAFF_ADDED_LINK if created.link else messages.STAFF_ADDED_CAS

        with self.dialogs:
            member_dialog("Ajouter un membre du personnel", save).open()

    def edit(self, member: MemberView, panel: MemberPanel) -> None:
        async def save(values: dict[str, str]) -> str:
            view = await run.io_bound(
                self.platform.staff.update_member,
                self.actor,
                member.id,
                values["mail"],
                values["last_name"],
                values["first_name"],
                values["cas_login"],
            )
            panel.show(self._state(view))
            await self.table.refresh()
            return messages.STAFF_SAVED

        values = {
            "mail": member.mail,
            "last_name": member.last_name,
            "first_name": member.first_name,
            "cas_login": member.cas_login or "",
        }
        with self.dialogs:
            member_dialog("Modifier un membre du personnel", save, values).open()

    # --- the member's panel ------------------------------------------------------------------------

    async def open_member(self, member_id: int) -> None:
        staff = self.platform.staff
        view = await run.io_bound(staff.member, self.actor, member_id)
        choices = await run.io_bound(staff.grant_choices, self.actor)
        current = {"view": view}

        async def changed() -> MemberState:
            current["view"] = await run.io_bound(staff.member, self.actor, member_id)
            await self.table.refresh()
            return self._state(current["view"])

        async def grant(values: dict[str, Any]) -> MemberState:
            await run.io_bound(lambda: staff.grant(self.actor, member_id, values.pop("role"), **values))
            return await changed()

        async def revoke(grant_id: int) -> MemberState:
            await run.io_bound(staff.revoke, self.actor, grant_id)
            return await changed()

        async def set_active(active: bool) -> MemberState:
            await run.io_bound(staff.reactivate if active else staff.deactivate, self.actor, member_id)
            return await changed()

        async def send_link() -> str:
            await run.io_bound(staff.send_setup_link, self.actor, member_id)
            return messages.STAFF_LINK_SENT.format(mail=current["view"].mail)

        with self.dialogs:
            panel = MemberPanel(
                self._state(view),
                ScopeChoices(
                    roles={role.value: role.label for role in Role},
                    centres=dict(choices.centres),
                    commissions={one: (label, centre) for one, label, centre in choices.commissions},
                ),
                on_grant=grant,
                on_revoke=revoke,
                on_set_active=set_active,
                on_send_link=send_link,
                on_edit=lambda: self.edit(current["view"], panel),
            )
        panel.open()

    def _state(self, view: MemberView) -> MemberState:
        return MemberState(
            name=view.display_name,
            mail=view.mail,
            active=view.active,
            set_up=view.set_up,
            grants=[GrantLine(grant.id, grant.text) for grant in view.grants],
            is_self=view.id == self.actor.id,
        )


def _row(view: MemberView) -> dict[str, Any]:
    state = messages.STAFF_ACTIVE if view.active else messages.STAFF_DEACTIVATED
    if view.active and not view.set_up and not view.cas_login:
        state = messages.STAFF_NOT_SET_UP
    return {
        "id": view.id,
        "name": view.display_name,
        "last_name": view.last_name,
        "first_name": view.first_name,
        "mail": view.mail,
        "cas_login": view.cas_login or "",
        "grants": " ; ".join(grant.text for grant in view.grants) or messages.STAFF_NO_GRANT,
        "state": state,
        "last_sign_in_at": date_time(view.last_sign_in_at),
    }

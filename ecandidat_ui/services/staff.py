"""The staff's accounts: creation by an administrator (or the `create-admin` command), the single-use set-up link
on which a member chooses a password and a TOTP second factor, sign-in (mail + password + code, or CAS), staff
sessions, and the administrators' management of members and their rights — each change in the journal.

Hashing a password takes tens of milliseconds: pages call these functions through `run.io_bound`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, true
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select, update

from ecandidat_ui import messages, metrics, security
from ecandidat_ui.db import Database
from ecandidat_ui.mail import outbox
from ecandidat_ui.mail.templates import now_text, render
from ecandidat_ui.services import fields, journal, rights, staff_sessions, throttle, totp
from ecandidat_ui.services.accounts import LINK_MESSAGES, LinkState
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import Page, TableQuery, paginate
from ecandidat_ui.services.rights import Action, Actor, Role
from ecandidat_ui.settings import Settings
from models import (
    Centre,
    Commission,
    StaffAddress,
    StaffGrant,
    StaffGrantCommission,
    StaffMember,
    StaffRecoveryCode,
    StaffSession,
    StaffSetupToken,
)
from models.clock import utcnow

SETUP_LINK_LIFETIME = timedelta(hours=1)
StaffSessionEnded = staff_sessions.StaffSessionEnded  # raised by actor_for and by every staff action
SIGN_IN_PATH = "/gestion"
SETUP_PATH = "/gestion/activation/"
NAME_MAX = 50
CAS_LOGIN_MAX = 100
ADDRESS_MAX = 64
PAGE_MAX = 200


@dataclass(frozen=True)
class SetupLink:
    """What a set-up link's page shows before anything is typed."""

    state: LinkState
    name: str = ""
    mail: str = ""

    @property
    def message(self) -> str:
        return "" if self.state is LinkState.VALID else LINK_MESSAGES[self.state]


@dataclass(frozen=True)
class TotpEnrolment:
    """The second factor offered on a set-up page: a QR code, and the secret as text for who cannot scan."""

    secret: str
    uri: str
    qr_svg: str


@dataclass(frozen=True)
class CreatedMember:
    member: StaffMember
    link: str | None  # the set-up link mailed, None when the member signs in through CAS
    created: bool = True


@dataclass(frozen=True)
class GrantView:
    id: int
    role: Role
    text: str  # « Gestionnaire de centre — UFR Sciences (lecture seule) »
    centre_id: int | None
    commission_id: int | None
    commission_ids: tuple[int, ...]
    read_only: bool
    president: bool


@dataclass(frozen=True)
class MemberView:
    id: int
    mail: str
    last_name: str
    first_name: str
    cas_login: str | None
    active: bool
    set_up: bool  # has chosen a password and a second factor
    created_at: datetime
    last_sign_in_at: datetime | None
    grants: tuple[GrantView, ...]

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class GrantChoices:
    centres: list[tuple[int, str]]  # (id, label)
    commissions: list[tuple[int, str, int]]  # (id, label, centre id)


@dataclass(frozen=True)
class MemberPage:
    rows: list[MemberView]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class DemoMember:
    role: Role
    mail: str
    last_name: str
    first_name: str
    centre_code: str | None = None
    commission: tuple[str, str, str] | None = None  # code, label, centre code
    president: bool = False


class StaffService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.sessions = staff_sessions.staff_sessions(db)  # the staff's own SessionRow table

    # --- members, managed by administrators ---------------------------------------------------------

    def create_member(
        self, actor: Actor, mail: str, last_name: str, first_name: str, cas_login: str = ""
    ) -> CreatedMember:
        """Add a staff member (no right yet) and mail them their set-up link, or with a CAS login and CAS set,
        how to sign in."""
        values = _identity(mail, last_name, first_name, cas_login)
        try:
            with self.db.session() as session:
                actor = rights.check(session, actor, Action.MANAGE_STAFF)
                self._check_unique(session, values)
                member = StaffMember(**values, mail_key=fields.mail_key(values["mail"]))
                session.add(member)
                session.flush()
                journal.record(
                    session, actor, "staff.create", member, after=journal.snapshot(member), label=member.display_name
                )
                return CreatedMember(member, self._welcome(session, member))
        except IntegrityError:  # the same mail or CAS login added at the same instant
            raise InvalidInput({"mail": messages.STAFF_MAIL_TAKEN}) from None

    def update_member(
        self, actor: Actor, member_id: int, mail: str, last_name: str, first_name: str, cas_login: str = ""
    ) -> MemberView:
        values = _identity(mail, last_name, first_name, cas_login)
        try:
            with self.db.session() as session:
                actor = rights.check(session, actor, Action.MANAGE_STAFF)
                member = _member(session, member_id)
                self._check_unique(session, values, member.id)
                before = journal.snapshot(member)
                for name, value in values.items():
                    setattr(member, name, value)
                member.mail_key = fields.mail_key(member.mail)
                journal.record(
                    session,
                    actor,
                    "staff.update",
                    member,
                    before,
                    journal.snapshot(member),
                    label=member.display_name,
                )
                session.flush()
                return self._views(session, [member])[0]
        except IntegrityError:
            raise InvalidInput({"mail": messages.STAFF_MAIL_TAKEN}) from None

    def send_setup_link(self, actor: Actor, member_id: int) -> str:
        """A new set-up link for the member (the previous ones stop working); their password and second factor
        are replaced once they follow it. Returns the link, also mailed."""
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.MANAGE_STAFF)
            member = _member(session, member_id)
            if not member.active:
                raise Refused(messages.STAFF_INACTIVE)
            link = self._new_setup_link(session, member)
            journal.record(session, actor, "staff.setup_link", member, label=member.display_name)
            return link

    def deactivate(self, actor: Actor, member_id: int) -> None:
        """The member can no longer sign in; their sessions and set-up links end at once."""
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.MANAGE_STAFF)
            member = _member(session, member_id)
            if member.id == actor.id:
                raise Refused(messages.STAFF_NOT_YOURSELF)
            if not member.active:
                return
            member.active = False
            end_sessions(session, member.id)
            _revoke_links(session, member.id)
            journal.record(
                session,
                actor,
                "staff.deactivate",
                member,
                {"active": True},
                {"active": False},
                label=member.display_name,
            )

    def reactivate(self, actor: Actor, member_id: int) -> None:
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.MANAGE_STAFF)
            member = _member(session, member_id)
            if member.active:
                return
            member.active = True
            journal.record(
                session,
                actor,
                "staff.reactivate",
                member,
                {"active": False},
                {"active": True},
                label=member.display_name,
            )

    def grant(
        self,
        actor: Actor,
        member_id: int,
        role: Role | str | None,
        *,
        centre_id: int | None = None,
        commission_id: int | None = None,
        commission_ids: Iterable[int] = (),
        read_only: bool = False,
        president: bool = False,
    ) -> GrantView:
        """Give a right: Administrateur, Scolarité centrale and Lecture seule have no scope; a Gestionnaire de
        centre has a centre (optionally limited to commission_ids of it, optionally read-only); a Membre de
        commission has a commission (optionally Président)."""
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.MANAGE_STAFF)
            member = _member(session, member_id)
            row, limited = _new_grant(session, member.id, role, centre_id, commission_id, commission_ids)
            row.read_only = read_only and row.role == Role.CENTRE_MANAGER
            row.president = president and row.role == Role.COMMISSION_MEMBER
            session.add(row)
            session.flush()
            session.add_all(StaffGrantCommission(grant_id=row.id, commission_id=one) for one in limited)
            session.flush()
            view = _grant_views(session, [row])[0]
            journal.record(session, actor, "staff.grant", member, after=_grant_record(view), label=member.display_name)
            return view

    def revoke(self, actor: Actor, grant_id: int) -> None:
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.MANAGE_STAFF)
            row = session.get(StaffGrant, grant_id)
            if row is None:
                raise Refused(messages.STAFF_UNKNOWN_GRANT)
            member = session.get(StaffMember, row.staff_id)
            if row.role == Role.ADMIN and member.active and _active_admins(session) <= 1:
                raise Refused(messages.STAFF_LAST_ADMIN)
            view = _grant_views(session, [row])[0]
            session.exec(delete(StaffGrantCommission).where(StaffGrantCommission.grant_id == row.id))
            session.delete(row)
            journal.record(
                session, actor, "staff.revoke", member, before=_grant_record(view), label=member.display_name
            )

    def members(self, actor: Actor, *, search: str = "", offset: int = 0, limit: int = 50) -> MemberPage:
        """A page of staff members by name, with their rights; search in names, mail and CAS login."""
        offset, limit = max(0, offset), min(max(1, limit), PAGE_MAX)
        with self.db.session() as session:
            rights.check(session, actor, Action.MANAGE_STAFF)
            condition = _search(search)
            total = session.exec(select(func.count()).select_from(StaffMember).where(condition)).one()
            rows = session.exec(
                select(StaffMember)
                .where(condition)
                .order_by(col(StaffMember.last_name), col(StaffMember.first_name), col(StaffMember.id))
                .offset(offset)
                .limit(limit)
            ).all()
            return MemberPage(self._views(session, rows), total, offset, limit)

    def members_page(self, actor: Actor, query: TableQuery) -> Page[MemberView]:
        """A page of the « Personnels » table: searched in names, mail and CAS login, sorted on any of them or on
        the last sign-in, filtered on `active`."""
        with self.db.session() as session:
            rights.check(session, actor, Action.MANAGE_STAFF)
            page = paginate(
                session,
                select(StaffMember),
                query,
                key=col(StaffMember.id),
                sortable={
                    "last_name": col(StaffMember.last_name),
                    "first_name": col(StaffMember.first_name),
                    "mail": col(StaffMember.mail_key),
                    "cas_login": col(StaffMember.cas_login),
                    "last_sign_in_at": col(StaffMember.last_sign_in_at),
                },
                searchable=[
                    col(StaffMember.last_name),
                    col(StaffMember.first_name),
                    col(StaffMember.mail),
                    col(StaffMember.cas_login),
                ],
                filterable={"active": col(StaffMember.active)},
            )
            return Page(self._views(session, page.rows), page.total, page.page)

    def grant_choices(self, actor: Actor) -> GrantChoices:
        """The centres and commissions a right may be given on, by label."""
        with self.db.session() as session:
            rights.check(session, actor, Action.MANAGE_STAFF)
            centres = session.exec(select(Centre.id, Centre.label).order_by(col(Centre.label))).all()
            commissions = session.exec(
                select(Commission.id, Commission.label, Commission.centre_id).order_by(col(Commission.label))
            ).all()
            return GrantChoices([tuple(row) for row in centres], [tuple(row) for row in commissions])

    def own_account(self, actor: Actor) -> MemberView:
        """The signed-in member's own account and rights: every active member may read it."""
        with self.db.session() as session:
            rights.signed_in(session, actor)
            return self._views(session, [_member(session, actor.id)])[0]

    def member(self, actor: Actor, member_id: int) -> MemberView:
        with self.db.session() as session:
            rights.check(session, actor, Action.MANAGE_STAFF)
            return self._views(session, [_member(session, member_id)])[0]

    # --- the administration command ------------------------------------------------------------------

    def bootstrap_admin(self, mail: str, last_name: str, first_name: str) -> CreatedMember:
        """`create-admin`: an administrator for this mail (created, or made active and administrator again), with
        a new set-up link mailed and returned. Whoever runs the command holds the machine: no right is checked."""
        values = _identity(mail, last_name, first_name, "")
        with self.db.session() as session:
            member = _by_mail(session, values["mail"])
            created = member is None
            if created:
                member = StaffMember(**values, mail_key=fields.mail_key(values["mail"]))
                session.add(member)
                session.flush()
                journal.record(
                    session, None, "staff.create", member, after=journal.snapshot(member), label=member.display_name
                )
            elif not member.active:
                member.active = True
                journal.record(
                    session,
                    None,
                    "staff.reactivate",
                    member,
                    {"active": False},
                    {"active": True},
                    label=member.display_name,
                )
            if not session.exec(
                select(StaffGrant).where(StaffGrant.staff_id == member.id, StaffGrant.role == Role.ADMIN)
            ).first():
                row = StaffGrant(staff_id=member.id, role=Role.ADMIN)
                session.add(row)
                session.flush()
                after = _grant_record(_grant_views(session, [row])[0])
                journal.record(session, None, "staff.grant", member, after=after, label=member.display_name)
            link = self._new_setup_link(session, member)
            journal.record(session, None, "staff.setup_link", member, label=member.display_name)
            return CreatedMember(member, link, created)

    def ensure_demo_staff(self, people: Sequence[DemoMember]) -> list[tuple[str, str, str]]:
        """The demo's staff, one per role: (role, mail, set-up link) for each; the link is empty for a member who
        has already set up their account. No mail is sent: the demo logs the links."""
        lines = []
        with self.db.session() as session:
            for person in people:
                member = _by_mail(session, person.mail)
                if member is None:
                    member = StaffMember(
                        mail=person.mail,
                        mail_key=fields.mail_key(person.mail),
                        last_name=person.last_name,
                        first_name=person.first_name,
                    )
                    session.add(member)
                    session.flush()
                    session.add(self._demo_grant(session, member, person))
                link = "" if member.has_local_sign_in else self._new_setup_link(session, member, send=False)
                lines.append((person.role.label, person.mail, link))
        return lines

    # --- the set-up link -------------------------------------------------------------------------------

    def setup_link(self, token: str) -> SetupLink:
        with self.db.session() as session:
            row, state = _token(session, token)
            member = session.get(StaffMember, row.staff_id) if row else None
            return SetupLink(state, member.display_name if member else "", member.mail if member else "")

    def totp_enrolment(self, token: str) -> TotpEnrolment:
        """The second factor to scan on the set-up page: the same on every visit of the link."""
        with self.db.session() as session:
            row, state = _token(session, token)
            if state is not LinkState.VALID:
                raise Refused(LINK_MESSAGES[state])
            member = session.get(StaffMember, row.staff_id)
            uri = totp.provisioning_uri(row.totp_secret, member.mail, f"eCandidat {self.settings.institution_name}")
            return TotpEnrolment(row.totp_secret, uri, totp.qr_svg(uri))

    def complete_setup(self, token: str, password: str, confirmation: str, code: str) -> list[str]:
        """Keep the chosen password and the second factor once a first code from the application matched;
        returns the ten recovery codes, to show once. Every session of the member ends."""
        with self.db.session() as session:
            row, state = _token(session, token)
            if state is not LinkState.VALID:
                raise Refused(LINK_MESSAGES[state])
            member = session.get(StaffMember, row.staff_id)
            if not member.active:
                raise Refused(messages.STAFF_INACTIVE)
            step = totp.matching_step(row.totp_secret, code)
            errors = _new_password_errors(member, password, confirmation)
            if not (code or "").strip():
                errors["code"] = messages.REQUIRED
            elif step is None:
                errors["code"] = messages.TOTP_WRONG_CODE
            if errors:
                raise InvalidInput(errors)
            member.password_hash = security.hash_password(password)
            member.totp_secret, member.totp_last_step = row.totp_secret, step
            row.used_at = utcnow()
            _revoke_links(session, member.id)
            end_sessions(session, member.id)
            throttle.forget_sign_in_failures(session, member.id, realm=STAFF_REALM)
            codes = _replace_recovery_codes(session, member.id)
            journal.record(session, _self(member), "staff.setup", member, label=member.display_name)
            return codes

    def new_recovery_codes(self, actor: Actor, code: str) -> list[str]:
        """Ten new recovery codes (the old ones stop working), after a code of the application."""
        with self.db.session() as session:
            rights.signed_in(session, actor)  # still signed in and active
            member = _member(session, actor.id)
            if not member.totp_secret or not _use_totp_code(session, member, code):
                raise InvalidInput({"code": messages.TOTP_WRONG_CODE})
            codes = _replace_recovery_codes(session, member.id)
            journal.record(session, _self(member), "staff.recovery_codes", member, label=member.display_name)
            return codes

    # --- sign-in and sessions ------------------------------------------------------------------------

    def sign_in(self, mail: str, password: str, code: str, address: str) -> str:
        """Mail, password and a TOTP or recovery code; returns the hand-over token of a new staff session (the
        staff's SessionCookie exchanges it). Failures are counted per member and per address (throttle) and
        answered with one message whatever was wrong."""
        typed = {"mail": mail, "password": password, "code": code}
        errors = {name: messages.REQUIRED for name, value in typed.items() if not (value or "").strip()}
        if errors:
            raise InvalidInput(errors)
        with self.db.session() as session:  # the try counts as a failure until it proves right
            member = _by_mail(session, mail.strip())
            member_id = member.id if member else None
            attempt = throttle.reserve(session, _throttle_checks(member_id, address), pending=True)
            usable = member is not None and member.has_local_sign_in
            attempted_hash = member.password_hash if usable else None
        if not attempt.allowed:
            metrics.sign_in_failed(metrics.STAFF, "throttled")
            raise Refused(throttle.wait_message(attempt.wait))
        password_ok = security.verify_password(attempted_hash, password)
        rehashed = security.hash_password(password) if password_ok and security.needs_rehash(attempted_hash) else None
        with self.db.session() as session:
            member = session.get(StaffMember, member_id) if member_id is not None else None
            refusal = messages.STAFF_SIGN_IN_FAILED
            if not (password_ok and member.password_hash == attempted_hash):
                throttle.failed(session, attempt)
            elif not member.active:  # said before the code is used, so that it stays usable once reactivated
                throttle.succeeded(session, attempt)
                refusal = messages.STAFF_INACTIVE
            elif _second_factor(session, member, code):
                throttle.succeeded(session, attempt)
                throttle.forget_sign_in_failures(session, member.id, address, realm=STAFF_REALM)
                if rehashed:
                    member.password_hash = rehashed
                return self._open(session, member, address)
            else:
                throttle.failed(session, attempt)
        if refusal == messages.STAFF_SIGN_IN_FAILED:  # a wrong mail, password or code, not an inactive member
            metrics.sign_in_failed(metrics.STAFF)
        raise Refused(refusal)  # once the try is settled: raising in the block would roll it back

    def sign_in_with_cas(self, cas_login: str, address: str) -> str:
        """A member the institution's CAS server vouched for (the page validated the ticket); returns the
        hand-over token of their new session."""
        login = (cas_login or "").strip()
        with self.db.session() as session:
            member = session.exec(select(StaffMember).where(StaffMember.cas_login == login)).first() if login else None
            if member is None:
                raise Refused(messages.STAFF_UNKNOWN_CAS.format(login=login))
            if not member.active:
                raise Refused(messages.STAFF_INACTIVE)
            return self._open(session, member, address)

    def actor_for(self, session_id: str | None) -> Actor:
        """The signed-in member with their current rights, carrying their session id for every action they take;
        StaffSessionEnded (with the message to show) when the session no longer stands."""
        with self.db.session() as session:
            member = staff_sessions.check(session, session_id)
            return rights.load_actor(session, member.id, session_id)

    def sign_out(self, session_id: str | None) -> None:
        self.sessions.close(session_id)

    def end_all_sessions(self, member_id: int) -> None:
        with self.db.session() as session:
            end_sessions(session, member_id)

    def delete_expired_sessions(self) -> None:
        self.sessions.delete_expired()

    # --- helpers -------------------------------------------------------------------------------------

    def _open(self, session: Session, member: StaffMember, address: str) -> str:
        """The sign-in's hand-over token: the route of the staff's SessionCookie exchanges it for the session."""
        address = (address or "")[:ADDRESS_MAX] or "inconnue"
        now = utcnow()
        handover = self.sessions.open(session, member.id)
        member.last_sign_in_at = now
        known = session.get(StaffAddress, (member.id, address))
        if known is not None:
            known.last_seen_at = now
        else:
            session.add(StaffAddress(staff_id=member.id, address=address))
            self._mail(
                session,
                member,
                "staff_new_address",
                date=now_text(),
                adresse=address,
                lien=self.settings.link(SIGN_IN_PATH),
            )
        return handover

    def _welcome(self, session: Session, member: StaffMember) -> str | None:
        if member.cas_login and self.settings.cas_enabled:
            self._mail(
                session, member, "staff_cas_access", login_cas=member.cas_login, lien=self.settings.link(SIGN_IN_PATH)
            )
            return None
        return self._new_setup_link(session, member)

    def _new_setup_link(self, session: Session, member: StaffMember, *, send: bool = True) -> str:
        _revoke_links(session, member.id)
        token, now = security.new_token(), utcnow()
        session.add(
            StaffSetupToken(
                staff_id=member.id,
                token_hash=security.token_digest(token),
                totp_secret=totp.new_secret(),
                created_at=now,
                expires_at=now + SETUP_LINK_LIFETIME,
            )
        )
        link = self.settings.link(SETUP_PATH + token)
        if send:
            self._mail(session, member, "staff_setup", lien=link)
        return link

    def _demo_grant(self, session: Session, member: StaffMember, person: DemoMember) -> StaffGrant:
        grant = StaffGrant(staff_id=member.id, role=person.role, president=person.president)
        if person.centre_code:
            grant.centre_id = session.exec(select(Centre.id).where(Centre.code == person.centre_code)).one()
        if person.commission:
            code, label, centre_code = person.commission
            commission = session.exec(select(Commission).where(Commission.code == code)).first()
            if commission is None:
                centre_id = session.exec(select(Centre.id).where(Centre.code == centre_code)).one()
                commission = Commission(code=code, label=label, centre_id=centre_id)
                session.add(commission)
                session.flush()
            grant.commission_id, grant.centre_id = commission.id, commission.centre_id
        return grant

    def _check_unique(self, session: Session, values: dict, member_id: int | None = None) -> None:
        errors = {}
        same_mail = _by_mail(session, values["mail"])
        if same_mail is not None and same_mail.id != member_id:
            errors["mail"] = messages.STAFF_MAIL_TAKEN
        if values["cas_login"]:
            same_cas = session.exec(select(StaffMember).where(StaffMember.cas_login == values["cas_login"])).first()
            if same_cas is not None and same_cas.id != member_id:
                errors["cas_login"] = messages.STAFF_CAS_TAKEN
        if errors:
            raise InvalidInput(errors)

    def _views(self, session: Session, members: Sequence[StaffMember]) -> list[MemberView]:
        ids = [member.id for member in members]
        rows = session.exec(
            select(StaffGrant).where(col(StaffGrant.staff_id).in_(ids)).order_by(col(StaffGrant.id))
        ).all()
        by_member: dict[int, list[GrantView]] = {}
        for row, view in zip(rows, _grant_views(session, rows), strict=True):
            by_member.setdefault(row.staff_id, []).append(view)
        return [
            MemberView(
                id=member.id,
                mail=member.mail,
                last_name=member.last_name,
                first_name=member.first_name,
                cas_login=member.cas_login,
                active=member.active,
                set_up=member.has_local_sign_in,
                created_at=member.created_at,
                last_sign_in_at=member.last_sign_in_at,
                grants=tuple(by_member.get(member.id, ())),
            )
            for member in members
        ]

    def _mail(self, session: Session, member: StaffMember, template: str, **values: object) -> None:
        mail = render(
            template,
            session,
            prenom=member.first_name,
            nom=member.last_name,
            mail=member.mail,
            **self.settings.institution_values,
            **values,
        )
        outbox.enqueue(session, member.mail, mail)


# --- rules without the service's state ------------------------------------------------------------------


def end_sessions(session: Session, member_id: int) -> None:
    session.exec(delete(StaffSession).where(col(StaffSession.account_id) == member_id))


def _identity(mail: str, last_name: str, first_name: str, cas_login: str) -> dict[str, object]:
    values, errors = fields.collect(
        {
            "mail": lambda: fields.mail_address(mail),
            "last_name": lambda: fields.person_name(last_name, NAME_MAX),
            "first_name": lambda: _first_name(first_name),
            "cas_login": lambda: _cas_login(cas_login),
        }
    )
    if errors:
        raise InvalidInput(errors)
    return values


def _first_name(value: str) -> str:
    """Checked like a name, kept as typed (« Marie-Hélène », not « MARIE-HÉLÈNE »)."""
    fields.person_name(value, NAME_MAX)
    return unicodedata.normalize("NFC", fields.required_text(value, NAME_MAX))


def _cas_login(value: str) -> str | None:
    login = (value or "").strip()
    if not login:
        return None
    if len(login) > CAS_LOGIN_MAX:
        raise fields.FieldError(messages.TOO_LONG.format(max=CAS_LOGIN_MAX))
    if any(sign.isspace() or not sign.isprintable() for sign in login):
        raise fields.FieldError(messages.STAFF_BAD_CAS_LOGIN)
    return login


def _new_password_errors(member: StaffMember, password: str, confirmation: str) -> dict[str, str]:
    personal = (member.last_name, member.first_name, member.mail.split("@")[0])
    if problem := security.password_problem(password or "", personal):
        return {"password": problem}
    if password != confirmation:
        return {"confirmation": messages.PASSWORD_CONFIRMATION_DIFFERS}
    return {}


def _member(session: Session, member_id: int) -> StaffMember:
    member = session.get(StaffMember, member_id)
    if member is None:
        raise Refused(messages.STAFF_UNKNOWN_MEMBER)
    return member


def _by_mail(session: Session, mail: str) -> StaffMember | None:
    return session.exec(select(StaffMember).where(StaffMember.mail_key == fields.mail_key(mail))).first()


def _self(member: StaffMember) -> Actor:
    """The member acting on their own account, as the journal names them."""
    return Actor(member.id, member.display_name, member.mail)


def _search(text: str):
    words = (text or "").strip().lower()
    if not words:
        return true()
    return or_(
        func.lower(StaffMember.last_name).contains(words, autoescape=True),
        func.lower(StaffMember.first_name).contains(words, autoescape=True),
        col(StaffMember.mail_key).contains(words, autoescape=True),
        func.lower(StaffMember.cas_login).contains(words, autoescape=True),
    )


def _token(session: Session, token: str) -> tuple[StaffSetupToken | None, LinkState]:
    row = session.exec(
        select(StaffSetupToken).where(StaffSetupToken.token_hash == security.token_digest(token or ""))
    ).first()
    if row is None:
        return None, LinkState.UNKNOWN
    if row.used_at:
        return row, LinkState.USED
    if row.revoked_at:
        return row, LinkState.REPLACED
    if row.expires_at <= utcnow():
        return row, LinkState.EXPIRED
    return row, LinkState.VALID


def _revoke_links(session: Session, member_id: int) -> None:
    session.exec(
        update(StaffSetupToken)
        .where(StaffSetupToken.staff_id == member_id)
        .where(col(StaffSetupToken.used_at).is_(None), col(StaffSetupToken.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )


def _replace_recovery_codes(session: Session, member_id: int) -> list[str]:
    session.exec(delete(StaffRecoveryCode).where(StaffRecoveryCode.staff_id == member_id))
    codes = totp.new_recovery_codes()
    session.add_all(StaffRecoveryCode(staff_id=member_id, code_hash=totp.recovery_digest(code)) for code in codes)
    return codes


def _second_factor(session: Session, member: StaffMember, code: str) -> bool:
    """A TOTP code not used before, or an unused recovery code — used up by this sign-in, even by two at once."""
    if totp.is_totp_code(code):
        return _use_totp_code(session, member, code)
    used = session.exec(
        update(StaffRecoveryCode)
        .where(StaffRecoveryCode.staff_id == member.id, StaffRecoveryCode.code_hash == totp.recovery_digest(code))
        .where(col(StaffRecoveryCode.used_at).is_(None))
        .values(used_at=utcnow())
    )
    return used.rowcount == 1


def _use_totp_code(session: Session, member: StaffMember, code: str) -> bool:
    step = totp.matching_step(member.totp_secret, code, last_step=member.totp_last_step)
    if step is None:
        return False
    taken = session.exec(
        update(StaffMember)
        .where(col(StaffMember.id) == member.id)
        .where(or_(col(StaffMember.totp_last_step).is_(None), col(StaffMember.totp_last_step) < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:
        return False
    member.totp_last_step = step
    return True


STAFF_REALM = "staff-sign-in"  # staff failures are counted apart from the candidate account of the same number


def _throttle_checks(member_id: int | None, address: str) -> list[tuple[str, throttle.Rule]]:
    return throttle.sign_in_checks(member_id, address, realm=STAFF_REALM)


def _new_grant(
    session: Session,
    member_id: int,
    role: Role | str | None,
    centre_id: int | None,
    commission_id: int | None,
    commission_ids: Iterable[int],
) -> tuple[StaffGrant, list[int]]:
    """The grant row for these choices (InvalidInput at the field that is wrong) and its listed commissions."""
    try:
        role = Role(role)
    except ValueError:
        raise InvalidInput({"role": messages.GRANT_ROLE_REQUIRED}) from None
    row = StaffGrant(staff_id=member_id, role=role)
    limited: list[int] = []
    if role is Role.CENTRE_MANAGER:
        if centre_id is None:
            raise InvalidInput({"centre": messages.GRANT_CENTRE_REQUIRED})
        if session.get(Centre, centre_id) is None:
            raise InvalidInput({"centre": messages.UNKNOWN_VALUE})
        limited = sorted(set(commission_ids))
        if limited:
            inside = session.exec(
                select(Commission.id).where(col(Commission.id).in_(limited), Commission.centre_id == centre_id)
            ).all()
            if len(inside) != len(limited):
                raise InvalidInput({"commissions": messages.GRANT_COMMISSION_OUTSIDE})
        row.centre_id = centre_id
    elif role is Role.COMMISSION_MEMBER:
        if commission_id is None:
            raise InvalidInput({"commission": messages.GRANT_COMMISSION_REQUIRED})
        commission = session.get(Commission, commission_id)
        if commission is None:
            raise InvalidInput({"commission": messages.UNKNOWN_VALUE})
        row.commission_id, row.centre_id = commission.id, commission.centre_id
    same = select(StaffGrant).where(StaffGrant.staff_id == member_id, StaffGrant.role == role)
    same = same.where(StaffGrant.centre_id == row.centre_id, StaffGrant.commission_id == row.commission_id)
    if role in rights.EVERYWHERE:
        same = select(StaffGrant).where(StaffGrant.staff_id == member_id, StaffGrant.role == role)
    if session.exec(same).first() is not None:
        raise Refused(messages.STAFF_GRANT_EXISTS)
    return row, limited


def _grant_views(session: Session, rows: Sequence[StaffGrant]) -> list[GrantView]:
    """Each grant with its French description, in two queries whatever the number of grants."""
    ids = [row.id for row in rows]
    limited: dict[int, list[int]] = {}
    for link in session.exec(select(StaffGrantCommission).where(col(StaffGrantCommission.grant_id).in_(ids))).all():
        limited.setdefault(link.grant_id, []).append(link.commission_id)
    centre_ids = {row.centre_id for row in rows if row.centre_id is not None}
    commission_ids = {row.commission_id for row in rows if row.commission_id is not None}
    commission_ids |= {one for ones in limited.values() for one in ones}
    centres = dict(session.exec(select(Centre.id, Centre.label).where(col(Centre.id).in_(centre_ids))).all())
    commissions = dict(
        session.exec(select(Commission.id, Commission.label).where(col(Commission.id).in_(commission_ids))).all()
    )
    views = []
    for row in rows:
        role = Role(row.role)
        listed = tuple(sorted(limited.get(row.id, ())))
        text = role.label
        if role is Role.CENTRE_MANAGER:
            text += f" — {centres.get(row.centre_id, '')}"
        elif role is Role.COMMISSION_MEMBER:
            text += f" — {commissions.get(row.commission_id, '')}"
        details = []
        if listed:
            names = ", ".join(sorted(commissions.get(one, "") for one in listed))
            details.append(messages.GRANT_COMMISSIONS.format(labels=names))
        if row.read_only:
            details.append(messages.GRANT_READ_ONLY)
        if row.president:
            details.append(messages.GRANT_PRESIDENT)
        if details:
            text += f" ({', '.join(details)})"
        views.append(
            GrantView(row.id, role, text, row.centre_id, row.commission_id, listed, row.read_only, row.president)
        )
    return views


def _grant_record(view: GrantView) -> dict[str, object]:
    return {
        "droit": view.text,
        "role": view.role,
        "centre_id": view.centre_id,
        "commission_id": view.commission_id,
        "commissions": list(view.commission_ids),
        "lecture_seule": view.read_only,
        "president": view.president,
    }


def _active_admins(session: Session) -> int:
    return session.exec(
        select(func.count(func.distinct(StaffGrant.staff_id)))
        .join(StaffMember, col(StaffMember.id) == col(StaffGrant.staff_id))
        .where(StaffGrant.role == Role.ADMIN, col(StaffMember.active))
    ).one()

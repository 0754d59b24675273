"""Who may do what in the gestion: the roles of the original eCandidat with their scopes, as data, and the one
check every staff service calls first.

A role is given with a scope (BACKOFFICE §1):
- Administrateur: every action, everywhere — the only one managing staff, parameters, campaigns and the journal;
- Scolarité centrale: every centre and commission, set-up and review;
- Gestionnaire de centre: one centre, optionally limited to listed commissions, optionally read-only;
- Membre de commission: one commission; its Président may also validate avis;
- Lecture seule: reads everything, changes nothing.

Each action has a reach: the whole institution (parameters, mails…), a centre (its set-up; with no centre, the
objects common to every centre) or a commission (the candidatures it reviews). Callers pass the centre and the
commission of the object acted on, as stored on that object.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import ColumnElement, false, or_, true
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.services import staff_sessions
from ecandidat_ui.services.errors import Refused
from models import StaffGrant, StaffGrantCommission, StaffMember


class Role(StrEnum):
    ADMIN = "admin"
    SCOLARITE = "scolarite"
    CENTRE_MANAGER = "centre"
    COMMISSION_MEMBER = "commission"
    READ_ONLY = "lecture"

    @property
    def label(self) -> str:
        return messages.STAFF_ROLES[self.value]


class Reach(StrEnum):
    INSTITUTION = "institution"
    CENTRE = "centre"
    COMMISSION = "commission"


class Action(StrEnum):
    MANAGE_STAFF = "manage_staff"
    EDIT_PARAMETERS = "edit_parameters"
    EDIT_CAMPAIGNS = "edit_campaigns"
    READ_JOURNAL = "read_journal"
    EDIT_MAILS = "edit_mails"
    EDIT_MESSAGES = "edit_messages"
    EDIT_FAQ = "edit_faq"
    EDIT_DECISION_TYPES = "edit_decision_types"
    EDIT_MOTIVATIONS = "edit_motivations"
    IMPORT_OFFER = "import_offer"
    VIEW_SETUP = "view_setup"
    EDIT_CENTRE = "edit_centre"
    EDIT_COMMISSION = "edit_commission"
    EDIT_FORMATION = "edit_formation"
    EDIT_PIECES = "edit_pieces"
    EDIT_QUESTIONS = "edit_questions"
    EDIT_TAGS = "edit_tags"
    VIEW_CANDIDATURES = "view_candidatures"
    VIEW_STATISTICS = "view_statistics"
    EXPORT = "export"
    SET_STATUS = "set_status"
    REVIEW_PIECES = "review_pieces"
    ENTER_AVIS = "enter_avis"
    VALIDATE_AVIS = "validate_avis"
    SET_TAGS = "set_tags"
    SET_DATES = "set_dates"
    WRITE_NOTES = "write_notes"

    @property
    def label(self) -> str:
        """What the action does, as in « Vous n'avez pas le droit de <label> »."""
        return messages.STAFF_ACTIONS[self.value]

    @property
    def reach(self) -> Reach:
        return REACH[self]

    @property
    def writes(self) -> bool:
        return self not in READS


REACH: dict[Action, Reach] = {
    **dict.fromkeys(
        [
            Action.MANAGE_STAFF,
            Action.EDIT_PARAMETERS,
            Action.EDIT_CAMPAIGNS,
            Action.READ_JOURNAL,
            Action.EDIT_MAILS,
            Action.EDIT_MESSAGES,
            Action.EDIT_FAQ,
            Action.EDIT_DECISION_TYPES,
            Action.EDIT_MOTIVATIONS,
            Action.IMPORT_OFFER,
        ],
        Reach.INSTITUTION,
    ),
    **dict.fromkeys(
        [
            Action.VIEW_SETUP,
            Action.EDIT_CENTRE,
            Action.EDIT_COMMISSION,
            Action.EDIT_FORMATION,
            Action.EDIT_PIECES,
            Action.EDIT_QUESTIONS,
            Action.EDIT_TAGS,
        ],
        Reach.CENTRE,
    ),
    **dict.fromkeys(
        [
            Action.VIEW_CANDIDATURES,
            Action.VIEW_STATISTICS,
            Action.EXPORT,
            Action.SET_STATUS,
            Action.REVIEW_PIECES,
            Action.ENTER_AVIS,
            Action.VALIDATE_AVIS,
            Action.SET_TAGS,
            Action.SET_DATES,
            Action.WRITE_NOTES,
        ],
        Reach.COMMISSION,
    ),
}
READS = frozenset(
    {Action.READ_JOURNAL, Action.VIEW_SETUP, Action.VIEW_CANDIDATURES, Action.VIEW_STATISTICS, Action.EXPORT}
)
ADMIN_ONLY = frozenset({Action.MANAGE_STAFF, Action.EDIT_PARAMETERS, Action.EDIT_CAMPAIGNS, Action.READ_JOURNAL})
CENTRE_SETUP = frozenset(
    {
        Action.VIEW_SETUP,
        Action.EDIT_CENTRE,
        Action.EDIT_COMMISSION,
        Action.EDIT_FORMATION,
        Action.EDIT_PIECES,
        Action.EDIT_QUESTIONS,
        Action.EDIT_TAGS,
    }
)
REVIEW = frozenset(action for action, reach in REACH.items() if reach is Reach.COMMISSION)

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.SCOLARITE: frozenset(Action) - ADMIN_ONLY,
    Role.CENTRE_MANAGER: CENTRE_SETUP | REVIEW,
    Role.COMMISSION_MEMBER: frozenset({Action.VIEW_SETUP}) | (REVIEW - {Action.VALIDATE_AVIS, Action.SET_DATES}),
    Role.READ_ONLY: READS - {Action.READ_JOURNAL},
}
PRESIDENT_ACTIONS = frozenset({Action.VALIDATE_AVIS})
EVERYWHERE = frozenset({Role.ADMIN, Role.SCOLARITE, Role.READ_ONLY})


@dataclass(frozen=True)
class Grant:
    """A role with its scope, as a service reads it. For a Gestionnaire de centre, commission_ids lists the
    commissions it is limited to (empty: all of its centre); for a Membre de commission, its one commission."""

    role: Role
    centre_id: int | None = None
    commission_ids: frozenset[int] = frozenset()
    read_only: bool = False
    president: bool = False
    id: int | None = None

    @property
    def actions(self) -> frozenset[Action]:
        extra = PRESIDENT_ACTIONS if self.role is Role.COMMISSION_MEMBER and self.president else frozenset()
        return ROLE_ACTIONS[self.role] | extra


@dataclass(frozen=True)
class Actor:
    """A signed-in staff member and their rights, read at the start of each action. `session_id` is the browser
    session the actor acts from (StaffService.actor_for): every check then requires that session to still stand.
    Without one (the administration command, tests of services), only the member's rights are checked."""

    id: int
    name: str
    mail: str
    grants: tuple[Grant, ...] = ()
    session_id: str | None = field(default=None, repr=False, compare=False)

    @property
    def is_admin(self) -> bool:
        return any(grant.role is Role.ADMIN for grant in self.grants)


def refusal(actor: Actor, action: Action, *, centre_id: int | None = None, commission_id: int | None = None) -> str:
    """Why the actor may not do this, in French; empty when allowed."""
    worst = messages.RIGHT_REFUSED
    for grant in actor.grants:
        if action not in grant.actions:
            continue
        if not _in_scope(grant, action, centre_id, commission_id):
            worst = (
                messages.RIGHT_READ_ONLY
                if worst == messages.RIGHT_READ_ONLY
                else _elsewhere(grant, centre_id, commission_id)
            )
            continue
        if grant.read_only and action.writes:
            worst = messages.RIGHT_READ_ONLY
            continue
        return ""
    return worst.format(action=action.label)


def allows(actor: Actor, action: Action, *, centre_id: int | None = None, commission_id: int | None = None) -> bool:
    """For pages, to hide what the actor may not do (the service still checks)."""
    return not refusal(actor, action, centre_id=centre_id, commission_id=commission_id)


def require(actor: Actor, action: Action, *, centre_id: int | None = None, commission_id: int | None = None) -> None:
    if message := refusal(actor, action, centre_id=centre_id, commission_id=commission_id):
        raise Refused(message)


def check(
    session: Session,
    actor: Actor | int,
    action: Action,
    *,
    centre_id: int | None = None,
    commission_id: int | None = None,
) -> Actor:
    """What every staff service calls first: the actor's session still stands (StaffSessionEnded otherwise), and
    their rights as they are now in the database (a right removed or an account deactivated since the page opened
    counts), then `require`. Returns the fresh actor."""
    fresh = signed_in(session, actor)
    require(fresh, action, centre_id=centre_id, commission_id=commission_id)
    return fresh


def signed_in(session: Session, actor: Actor | int) -> Actor:
    """The actor as they are now, for what every active member may do on their own account: their session still
    stands (when they act from one) and their account is active."""
    if isinstance(actor, int):
        return load_actor(session, actor)
    if actor.session_id is not None:
        staff_sessions.check(session, actor.session_id, actor.id)
    return load_actor(session, actor.id, actor.session_id)


def load_actor(session: Session, staff_id: int, session_id: str | None = None) -> Actor:
    """The staff member with their current grants; Refused when unknown or deactivated."""
    member = session.get(StaffMember, staff_id)
    if member is None or not member.active:
        raise Refused(messages.STAFF_INACTIVE)
    rows = session.exec(select(StaffGrant).where(StaffGrant.staff_id == staff_id).order_by(col(StaffGrant.id))).all()
    limited: dict[int, set[int]] = {}
    if rows:
        links = session.exec(
            select(StaffGrantCommission).where(col(StaffGrantCommission.grant_id).in_([row.id for row in rows]))
        ).all()
        for link in links:
            limited.setdefault(link.grant_id, set()).add(link.commission_id)
    grants = tuple(grant_of(row, limited.get(row.id, ())) for row in rows)
    return Actor(member.id, member.display_name, member.mail, grants, session_id)


def grant_of(row: StaffGrant, limited_to: Iterable[int] = ()) -> Grant:
    role = Role(row.role)
    commissions = {row.commission_id} if role is Role.COMMISSION_MEMBER else set(limited_to)
    return Grant(
        role=role,
        centre_id=row.centre_id,
        commission_ids=frozenset(commissions),
        read_only=row.read_only,
        president=row.president,
        id=row.id,
    )


@dataclass(frozen=True)
class Visibility:
    """Where an actor may do an action: everywhere, or whole centres plus single commissions."""

    everything: bool = False
    centre_ids: frozenset[int] = frozenset()
    commission_ids: frozenset[int] = frozenset()
    partial_centre_ids: frozenset[int] = frozenset()

    @property
    def nothing(self) -> bool:
        return not (self.everything or self.centre_ids or self.commission_ids)

    def sees_centre(self, centre_id: int) -> bool:
        """The centre is shown (wholly, or for some of its commissions)."""
        return self.everything or centre_id in self.centre_ids or centre_id in self.partial_centre_ids

    def sees(self, centre_id: int | None, commission_id: int | None) -> bool:
        if self.everything:
            return True
        return centre_id in self.centre_ids or (commission_id is not None and commission_id in self.commission_ids)

    def where(self, centre_column, commission_column=None) -> ColumnElement[bool]:
        """A SQL condition keeping the rows this actor sees, e.g. `visibility.where(Formation.centre_id, ...)`."""
        if self.everything:
            return true()
        conditions = []
        if self.centre_ids:
            conditions.append(col(centre_column).in_(sorted(self.centre_ids)))
        if commission_column is not None and self.commission_ids:
            conditions.append(col(commission_column).in_(sorted(self.commission_ids)))
        return or_(*conditions) if conditions else false()


def visible(actor: Actor, action: Action = Action.VIEW_CANDIDATURES) -> Visibility:
    """The centres and commissions where the actor may do this action, for the queries of lists and menus."""
    centres: set[int] = set()
    commissions: set[int] = set()
    partial: set[int] = set()
    for grant in actor.grants:
        if action not in grant.actions or (grant.read_only and action.writes):
            continue
        if grant.role in EVERYWHERE:
            return Visibility(everything=True)
        if action.reach is Reach.INSTITUTION or grant.centre_id is None:
            continue
        if grant.role is Role.CENTRE_MANAGER and not grant.commission_ids:
            centres.add(grant.centre_id)
        else:
            commissions |= grant.commission_ids
            partial.add(grant.centre_id)
    return Visibility(False, frozenset(centres), frozenset(commissions), frozenset(partial - centres))


def _in_scope(grant: Grant, action: Action, centre_id: int | None, commission_id: int | None) -> bool:
    if grant.role in EVERYWHERE:
        return True
    if action.reach is Reach.INSTITUTION:
        return False
    if grant.role is Role.COMMISSION_MEMBER:
        return commission_id is not None and commission_id in grant.commission_ids
    if centre_id is None or centre_id != grant.centre_id:
        return False
    if not grant.commission_ids:
        return True
    if commission_id is None:
        return not action.writes  # a limited manager reads the centre; lists are narrowed by `visible`
    return commission_id in grant.commission_ids


def _elsewhere(grant: Grant, centre_id: int | None, commission_id: int | None) -> str:
    """Where the right is missing, as the member sees it: a gestionnaire of another centre is told « ce centre »
    even for a formation's commission, a commission member « cette commission »."""
    if centre_id is not None and grant.role is not Role.COMMISSION_MEMBER and grant.centre_id != centre_id:
        return messages.RIGHT_REFUSED_CENTRE
    if commission_id is not None:
        return messages.RIGHT_REFUSED_COMMISSION
    if centre_id is not None:
        return messages.RIGHT_REFUSED_CENTRE
    return messages.RIGHT_REFUSED_INSTITUTION

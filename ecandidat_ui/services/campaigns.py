"""Campaigns: one is active at a time; a fresh installation gets one for the current academic year.

Administrators prepare the next campaign (« Nouvelle campagne ») while the current one runs, then open it:
in one transaction the new one becomes active and the current one is archived. Candidates keep their account
and their file from one campaign to the next (**Ours**: the original makes them create a new account); their
candidatures of an archived campaign stay readable, and they may apply again to the same formations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import journal, rights, setup_fields
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.fields import collect
from ecandidat_ui.services.paging import Page, TableQuery, paginate
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import found
from models import Campaign, Candidature
from models.clock import utcnow

CODE_MAX = 20
LABEL_MAX = 100


class CampaignState:
    ACTIVE = "active"
    WAITING = "waiting"  # prepared, not opened yet
    ARCHIVED = "archived"


def academic_year(today: date) -> int:
    """The year the current academic year starts in (September)."""
    return today.year if today.month >= 9 else today.year - 1


def state_of(campaign: Campaign) -> str:
    if campaign.is_active:
        return CampaignState.ACTIVE
    return CampaignState.ARCHIVED if campaign.archived_at else CampaignState.WAITING


@dataclass(frozen=True)
class Activation:
    opened: Campaign
    archived: Campaign | None


class CampaignService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def active(self) -> Campaign | None:
        with self.db.session() as session:
            return session.exec(select(Campaign).where(Campaign.is_active)).first()

    def ensure_default(self, today: date) -> Campaign:
        """Create the campaign of the current academic year when the installation has none at all (a process
        starting at the same moment may create it first: then it is theirs that is kept)."""
        try:
            return self._create_default(today)
        except IntegrityError:
            with self.db.session() as session:
                return session.exec(select(Campaign)).first()

    def _create_default(self, today: date) -> Campaign:
        with self.db.session() as session:
            existing = session.exec(select(Campaign)).first()
            if existing is not None:
                return existing
            year = academic_year(today)
            campaign = Campaign(
                code=str(year),
                label=f"Campagne {year}-{year + 1}",
                starts_on=date(year, 9, 1),
                ends_on=date(year + 1, 8, 31),
                candidates_end_on=date(year + 1, 8, 31),
                is_active=True,
                activated_at=utcnow(),
            )
            session.add(campaign)
            return campaign

    def ensure_demo(self, today: date) -> None:
        """--demo: besides the active campaign, last year's archived and next year's waiting to be activated, so
        that every state of the « Campagnes » screen can be seen (added once, never over real ones)."""
        year = academic_year(today)
        with self.db.session() as session:
            known = set(session.exec(select(Campaign.code)).all())
            for offset, archived in ((-1, True), (1, False)):
                code = str(year + offset)
                if code in known:
                    continue
                start = date(year + offset, 9, 1)
                session.add(
                    Campaign(
                        code=code,
                        label=f"Campagne {year + offset}-{year + offset + 1}",
                        starts_on=start,
                        ends_on=date(year + offset + 1, 8, 31),
                        candidates_end_on=date(year + offset + 1, 8, 31),
                        activated_at=utcnow() - timedelta(days=365) if archived else None,
                        archived_at=utcnow() - timedelta(days=1) if archived else None,
                    )
                )

    # --- the administrators' screen ------------------------------------------------------------------

    def page(self, actor: Actor, query: TableQuery) -> Page[dict]:
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_CAMPAIGNS)
            order = case((col(Campaign.is_active), 0), (col(Campaign.archived_at).is_(None), 1), else_=2)
            page = paginate(
                session,
                select(Campaign),
                query,
                key=col(Campaign.id),
                sortable={
                    "code": col(Campaign.code),
                    "label": col(Campaign.label),
                    "starts_on": col(Campaign.starts_on),
                    "ends_on": col(Campaign.ends_on),
                    "state": order,
                },
                searchable=[col(Campaign.code), col(Campaign.label)],
            )
        return page.map(campaign_row)

    def get(self, actor: Actor, campaign_id: int) -> Campaign:
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_CAMPAIGNS)
            return found(session, Campaign, campaign_id, messages.CAMPAIGN_UNKNOWN)

    def waiting(self, actor: Actor) -> Campaign | None:
        """The campaign prepared and not opened yet, if any."""
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_CAMPAIGNS)
            return _waiting(session)

    def create(self, actor: Actor, values: Mapping[str, object]) -> Campaign:
        """A new campaign, waiting to be opened; the very first one is active at once."""
        cleaned = campaign_values(values)
        try:
            with self.db.session() as session:
                actor = rights.check(session, actor, Action.EDIT_CAMPAIGNS)
                if _waiting(session) is not None:
                    raise Refused(messages.CAMPAIGN_ALREADY_WAITING)
                _check_code(session, cleaned["code"])
                first = session.exec(select(func.count()).select_from(Campaign)).one() == 0
                campaign = Campaign(**cleaned, is_active=first, activated_at=utcnow() if first else None)
                session.add(campaign)
                session.flush()
                journal.record(
                    session, actor, "campaign.create", campaign, after=journal.snapshot(campaign), label=campaign.label
                )
                return campaign
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def update(self, actor: Actor, campaign_id: int, values: Mapping[str, object]) -> Campaign:
        cleaned = campaign_values(values)
        try:
            with self.db.session() as session:
                actor = rights.check(session, actor, Action.EDIT_CAMPAIGNS)
                campaign = found(session, Campaign, campaign_id, messages.CAMPAIGN_UNKNOWN)
                if campaign.archived_at is not None:
                    raise Refused(messages.CAMPAIGN_ARCHIVED_READ_ONLY)
                _check_code(session, cleaned["code"], campaign.id)
                before = journal.snapshot(campaign)
                for name, value in cleaned.items():
                    setattr(campaign, name, value)
                session.flush()
                journal.record(
                    session,
                    actor,
                    "campaign.update",
                    campaign,
                    before,
                    journal.snapshot(campaign),
                    label=campaign.label,
                )
                return campaign
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def activate(self, actor: Actor, campaign_id: int) -> Activation:
        """Open a waiting campaign: it becomes the active one and the campaign active until now is archived."""
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_CAMPAIGNS)
            campaign = found(session, Campaign, campaign_id, messages.CAMPAIGN_UNKNOWN)
            if state_of(campaign) != CampaignState.WAITING:
                raise Refused(messages.CAMPAIGN_NOT_WAITING)
            now = utcnow()
            current = session.exec(select(Campaign).where(Campaign.is_active).with_for_update()).first()
            if current is not None:
                before = journal.snapshot(current)
                current.is_active, current.archived_at = False, now
                session.flush()  # one active campaign at a time, also for the database's own check
                journal.record(
                    session, actor, "campaign.archive", current, before, journal.snapshot(current), label=current.label
                )
            before = journal.snapshot(campaign)
            campaign.is_active, campaign.activated_at = True, now
            session.flush()
            journal.record(
                session, actor, "campaign.activate", campaign, before, journal.snapshot(campaign), label=campaign.label
            )
            return Activation(campaign, current)

    def delete(self, actor: Actor, campaign_id: int) -> None:
        """Only a campaign never opened may be deleted."""
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_CAMPAIGNS)
            campaign = found(session, Campaign, campaign_id, messages.CAMPAIGN_UNKNOWN)
            used = session.exec(select(Candidature.id).where(Candidature.campaign_id == campaign.id).limit(1)).first()
            if campaign.activated_at is not None or campaign.is_active or used is not None:
                raise Refused(messages.CAMPAIGN_DELETE_ACTIVATED)
            journal.record(
                session, actor, "campaign.delete", campaign, before=journal.snapshot(campaign), label=campaign.label
            )
            session.delete(campaign)


def campaign_values(values: Mapping[str, object]) -> dict[str, object]:
    cleaned, errors = collect(
        {
            "code": lambda: setup_fields.code(values.get("code"), CODE_MAX),
            "label": lambda: setup_fields.label(values.get("label"), LABEL_MAX),
            "starts_on": lambda: setup_fields.day(values.get("starts_on"), required=True),
            "ends_on": lambda: setup_fields.day(values.get("ends_on"), required=True),
            "candidates_end_on": lambda: setup_fields.day(values.get("candidates_end_on"), required=True),
        }
    )
    start, end, candidates_end = (cleaned.get(name) for name in ("starts_on", "ends_on", "candidates_end_on"))
    if start and end and end < start:
        errors.setdefault("ends_on", messages.CAMPAIGN_END_BEFORE_START)
    if start and candidates_end and candidates_end < start:
        errors.setdefault("candidates_end_on", messages.CAMPAIGN_CANDIDATES_END_BEFORE_START)
    if end and candidates_end and candidates_end > end:
        errors.setdefault("candidates_end_on", messages.CAMPAIGN_CANDIDATES_END_AFTER_END)
    if errors:
        raise InvalidInput(errors)
    return cleaned


def campaign_row(campaign: Campaign) -> dict:
    return {
        "id": campaign.id,
        "code": campaign.code,
        "label": campaign.label,
        "starts_on": f"{campaign.starts_on:%d/%m/%Y}",
        "ends_on": f"{campaign.ends_on:%d/%m/%Y}",
        "candidates_end_on": f"{campaign.candidates_end_on:%d/%m/%Y}",
        "state": messages.CAMPAIGN_STATES[state_of(campaign)],
        "state_code": state_of(campaign),
    }


def _waiting(session: Session) -> Campaign | None:
    return session.exec(
        select(Campaign).where(col(Campaign.is_active).is_(False), col(Campaign.archived_at).is_(None))
    ).first()


def _check_code(session: Session, code: str, campaign_id: int | None = None) -> None:
    same = session.exec(select(Campaign.id).where(Campaign.code == code)).first()
    if same is not None and same != campaign_id:
        raise InvalidInput({"code": messages.SETUP_CODE_TAKEN})

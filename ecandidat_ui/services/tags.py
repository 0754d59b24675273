"""« Tags »: labels with a colour that staff put on candidatures to sort them (BACKOFFICE §2, Centre menu).

A tag belongs to a centre (set up by who may change that centre's set-up) or, without a centre, to the whole
institution (set up by who may do so everywhere). Its colour is one of a fixed palette (`models.TagColour`):
nothing typed becomes a colour. Deleting a tag that is on candidatures removes it from them, once the staff
member confirmed the count they were told; the journal keeps which candidatures it was on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import func, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import journal, rights, setup_fields
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.fields import collect
from ecandidat_ui.services.paging import Page, TableQuery, paginate
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import centre_condition, found, visibility
from models import CandidatureTag, Centre, Tag, TagColour

LABEL_MAX = 60


class TagService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def page(self, actor: Actor, query: TableQuery) -> Page[dict[str, Any]]:
        """The institution's tags and those of the centres where the actor may set tags up."""
        uses = (
            select(func.count())
            .select_from(CandidatureTag)
            .where(CandidatureTag.tag_id == Tag.id)
            .correlate(Tag)
            .scalar_subquery()
        )
        with self.db.session() as session:
            _, seen = visibility(session, actor, Action.EDIT_TAGS)
            page = paginate(
                session,
                select(Tag, Centre.label, uses)
                .outerjoin(Centre, col(Centre.id) == col(Tag.centre_id))
                .where(or_(col(Tag.centre_id).is_(None), centre_condition(seen, Tag.centre_id))),
                query,
                key=col(Tag.id),
                sortable={
                    "label": col(Tag.label),
                    "colour": col(Tag.colour),
                    "centre": col(Centre.label),
                    "active": col(Tag.active),
                    "uses": uses,
                },
                searchable=[col(Tag.label), col(Centre.label)],
                filterable={"active": col(Tag.active), "centre": col(Tag.centre_id)},
            )
        return page.map(lambda row: tag_row(row[0], row[1], row[2]))

    def get(self, actor: Actor, tag_id: int) -> Tag:
        with self.db.session() as session:
            tag = found(session, Tag, tag_id, messages.TAG_UNKNOWN)
            fresh = rights.signed_in(session, actor)
            if tag.centre_id is not None:  # an institution tag is read by every member who sets tags up
                rights.require(fresh, Action.VIEW_SETUP, centre_id=tag.centre_id)
            elif rights.visible(fresh, Action.EDIT_TAGS).nothing:
                rights.require(fresh, Action.EDIT_TAGS)
            return tag

    def centre_options(self, actor: Actor) -> dict[int | None, str]:
        """Where the actor may create a tag: every centre (and the whole institution) or their centres."""
        with self.db.session() as session:
            fresh = rights.signed_in(session, actor)
            seen = rights.visible(fresh, Action.EDIT_TAGS)
            rows = session.exec(
                select(Centre.id, Centre.label).where(centre_condition(seen, Centre.id)).order_by(col(Centre.label))
            ).all()
            options: dict[int | None, str] = {}
            if rights.allows(fresh, Action.EDIT_TAGS):
                options[None] = messages.TAG_EVERY_CENTRE
            options.update(
                (centre_id, label)
                for centre_id, label in rows
                if rights.allows(fresh, Action.EDIT_TAGS, centre_id=centre_id)
            )
            return options

    def create(self, actor: Actor, values: Mapping[str, object]) -> Tag:
        cleaned = tag_values(values)
        try:
            with self.db.session() as session:
                actor = rights.check(session, actor, Action.EDIT_TAGS, centre_id=cleaned["centre_id"])
                _check(session, cleaned)
                tag = Tag(**cleaned)
                session.add(tag)
                session.flush()
                journal.record(session, actor, "tag.create", tag, after=journal.snapshot(tag), label=tag.label)
                return tag
        except IntegrityError:
            raise InvalidInput({"label": messages.TAG_LABEL_TAKEN}) from None

    def update(self, actor: Actor, tag_id: int, values: Mapping[str, object]) -> Tag:
        cleaned = tag_values(values)
        try:
            with self.db.session() as session:
                tag = found(session, Tag, tag_id, messages.TAG_UNKNOWN)
                actor = rights.check(session, actor, Action.EDIT_TAGS, centre_id=tag.centre_id)
                if cleaned["centre_id"] != tag.centre_id:
                    actor = rights.check(session, actor, Action.EDIT_TAGS, centre_id=cleaned["centre_id"])
                _check(session, cleaned, tag.id)
                before = journal.snapshot(tag)
                for name, value in cleaned.items():
                    setattr(tag, name, value)
                session.flush()
                journal.record(session, actor, "tag.update", tag, before, journal.snapshot(tag), label=tag.label)
                return tag
        except IntegrityError:
            raise InvalidInput({"label": messages.TAG_LABEL_TAKEN}) from None

    def uses(self, actor: Actor, tag_id: int) -> int:
        """How many candidatures the tag is on: what the staff member is told before deleting it."""
        with self.db.session() as session:
            tag = found(session, Tag, tag_id, messages.TAG_UNKNOWN)
            rights.check(session, actor, Action.EDIT_TAGS, centre_id=tag.centre_id)
            return _uses(session, tag.id)

    def delete(self, actor: Actor, tag_id: int, *, confirmed_uses: int = 0) -> int:
        """Delete the tag and remove it from its candidatures, when they are no more than the staff member
        confirmed (else Refused, with the count now). Returns how many candidatures it was removed from."""
        with self.db.session() as session:
            tag = found(session, Tag, tag_id, messages.TAG_UNKNOWN)
            actor = rights.check(session, actor, Action.EDIT_TAGS, centre_id=tag.centre_id)
            on = list(
                session.exec(
                    select(CandidatureTag.candidature_id)
                    .where(CandidatureTag.tag_id == tag.id)
                    .order_by(col(CandidatureTag.candidature_id))
                ).all()
            )
            if len(on) > confirmed_uses:
                raise Refused(messages.TAG_IN_USE.format(count=len(on)))
            session.exec(sql_delete(CandidatureTag).where(col(CandidatureTag.tag_id) == tag.id))
            journal.record(
                session,
                actor,
                "tag.delete",
                tag,
                before={**journal.snapshot(tag), "candidatures": on},
                label=tag.label,
            )
            session.delete(tag)
            return len(on)


def tag_values(values: Mapping[str, object]) -> dict[str, object]:
    cleaned, errors = collect(
        {
            "label": lambda: setup_fields.label(values.get("label"), LABEL_MAX),
            "colour": lambda: setup_fields.choice(values.get("colour"), messages.TAG_COLOURS),
            "centre_id": lambda: setup_fields.identifier(values.get("centre_id"), required=False),
            "active": lambda: setup_fields.flag(values.get("active", True)),
        }
    )
    if errors:
        raise InvalidInput(errors)
    return cleaned


def tag_row(tag: Tag, centre: str | None, uses: int) -> dict[str, Any]:
    colour = TagColour(tag.colour) if tag.colour in messages.TAG_COLOURS else TagColour.GREY
    return {
        "id": tag.id,
        "label": tag.label,
        "colour": messages.TAG_COLOURS[colour.value],
        "colour_key": colour.value,  # the chip's class is chosen by it among the palette's (components/tag_chip.py)
        "centre": centre or messages.TAG_EVERY_CENTRE,
        "active": messages.IN_SERVICE if tag.active else messages.OUT_OF_SERVICE,
        "uses": uses,
    }


def _check(session: Session, cleaned: dict[str, object], tag_id: int | None = None) -> None:
    centre_id = cleaned["centre_id"]
    if centre_id is not None and session.get(Centre, centre_id) is None:
        raise InvalidInput({"centre_id": messages.CENTRE_UNKNOWN})
    same = session.exec(
        select(Tag.id).where(
            func.lower(Tag.label) == str(cleaned["label"]).lower(),
            col(Tag.centre_id).is_(None) if centre_id is None else Tag.centre_id == centre_id,
        )
    ).first()
    if same is not None and same != tag_id:
        raise InvalidInput({"label": messages.TAG_LABEL_TAKEN})


def _uses(session: Session, tag_id: int) -> int:
    return session.exec(select(func.count()).select_from(CandidatureTag).where(CandidatureTag.tag_id == tag_id)).one()

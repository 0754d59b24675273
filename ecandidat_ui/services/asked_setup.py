"""Pièces justificatives and Questions: the staff's set-up of them (BACKOFFICE §2, « PJ » and « Question »).

Both have the same reach, as in the original: one defined by the scolarité serves every centre (centre_id None:
only a member whose right covers the whole institution — Administrateur, Scolarité centrale — changes it), one
defined by a centre serves that centre's formations (its Gestionnaire de centre changes it). A common one
(« Commune ») is asked in every formation of its reach; the others are chosen in each formation's form
(FormationService). Out of service (« En service » unticked), it is asked no more. One already sent or answered
by candidates cannot be deleted: it is put out of service instead.

A pièce may carry a model file (« Modèle », e.g. a form to fill in) that candidates download from their
candidature: it is checked by content like the candidates' pièces (PDF, PNG, JPEG) and kept in the data folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from sqlalchemy import func, or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services import journal, parameters, rights, setup_fields, uploads
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.fields import collect
from ecandidat_ui.services.paging import Page, TableQuery, paginate
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import centre_condition, found, visibility
from ecandidat_ui.settings import Settings
from models import (
    Answer,
    Centre,
    Formation,
    FormationPiece,
    FormationQuestion,
    Piece,
    PieceState,
    Question,
    QuestionKind,
    UploadedFile,
)

CODE_MAX = 20
POSITION_MAX = 9999
QUESTION_KINDS = {QuestionKind.YES_NO.value: "Oui/Non", QuestionKind.TEXT.value: "Texte"}


@dataclass(frozen=True)
class ModelFile:
    data: bytes
    content_type: str
    name: str


class _AskedService:
    """What pièces and questions share; the subclasses name their model, link table, action and texts."""

    model: ClassVar[type[SQLModel]]
    link: ClassVar[type[SQLModel]]
    link_column: ClassVar[str]
    action: ClassVar[Action]
    name: ClassVar[str]  # for the journal: "piece" or "question"
    unknown: ClassVar[str]
    in_use: ClassVar[str]
    label_max: ClassVar[int]

    def __init__(self, db: Database) -> None:
        self.db = db

    def page(self, actor: Actor, query: TableQuery) -> Page[dict]:
        """Those of every centre and of the centres the actor sees, paged, searched and sorted in SQL."""
        model = self.model
        with self.db.session() as session:
            actor, seen = visibility(session, actor, Action.VIEW_SETUP)
            linked = (
                select(func.count())
                .select_from(self.link)
                .where(getattr(self.link, self.link_column) == model.id)
                .correlate(model)
                .scalar_subquery()
            )
            page = paginate(
                session,
                select(model, Centre.label, linked)
                .outerjoin(Centre, col(Centre.id) == col(model.centre_id))
                .where(or_(col(model.centre_id).is_(None), centre_condition(seen, model.centre_id))),
                query,
                key=col(model.id),
                sortable={
                    "position": col(model.position),
                    "code": col(model.code),
                    "label": col(model.label),
                    "active": col(model.active),
                    "centre": col(Centre.label),
                    "common": col(model.common),
                    "formations": linked,
                },
                searchable=[col(model.code), col(model.label), col(Centre.label)],
                filterable={"active": col(model.active), "centre": col(model.centre_id)},
            )
        return page.map(lambda row: self.row(row[0], row[1], row[2], actor))

    def get(self, actor: Actor, item_id: object):
        with self.db.session() as session:
            item = found(session, self.model, item_id, self.unknown)
            if item.centre_id is None:
                visibility(session, actor, Action.VIEW_SETUP)  # every member of the set-up reads those of all
            else:
                rights.check(session, actor, Action.VIEW_SETUP, centre_id=item.centre_id)
            return item

    def may_edit(self, actor: Actor, item) -> bool:
        return rights.allows(actor, self.action, centre_id=item.centre_id)

    def may_edit_every_centre(self, actor: Actor) -> bool:
        return rights.allows(actor, self.action)

    def create(self, actor: Actor, values: Mapping[str, object]):
        cleaned = self.values(values)
        try:
            with self.db.session() as session:
                actor = self._check_reach(session, actor, cleaned["centre_id"])
                self._check_code(session, cleaned["code"])
                item = self.model(**cleaned)
                session.add(item)
                session.flush()
                journal.record(
                    session, actor, f"{self.name}.create", item, after=journal.snapshot(item), label=item.label
                )
                return item
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def update(self, actor: Actor, item_id: object, values: Mapping[str, object]):
        cleaned = self.values(values)
        try:
            with self.db.session() as session:
                item = found(session, self.model, item_id, self.unknown)
                actor = rights.check(session, actor, self.action, centre_id=item.centre_id)
                if cleaned["centre_id"] != item.centre_id:
                    actor = self._check_reach(session, actor, cleaned["centre_id"])
                    self._check_links_in_reach(session, item.id, cleaned["centre_id"])
                self._check_code(session, cleaned["code"], item.id)
                before = journal.snapshot(item)
                for name, value in cleaned.items():
                    setattr(item, name, value)
                session.flush()
                journal.record(
                    session, actor, f"{self.name}.update", item, before, journal.snapshot(item), label=item.label
                )
                return item
        except IntegrityError:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN}) from None

    def delete(self, actor: Actor, item_id: object) -> None:
        with self.db.session() as session:
            item = found(session, self.model, item_id, self.unknown)
            actor = rights.check(session, actor, self.action, centre_id=item.centre_id)
            if self._used(session, item.id):
                raise Refused(self.in_use)
            journal.record(session, actor, f"{self.name}.delete", item, before=journal.snapshot(item), label=item.label)
            self._forget(item)
            session.delete(item)

    def options(self, actor: Actor, centre_id: object) -> dict[int, str]:
        """What a formation of this centre may be given (id → « CODE — Libellé »): those not common, of every
        centre or of that one; out of service ones are marked."""
        model = self.model
        with self.db.session() as session:
            visibility(session, actor, Action.VIEW_SETUP)
            try:
                centre = int(centre_id) if centre_id not in (None, "") else None
            except (TypeError, ValueError):
                centre = None
            rows = session.exec(
                select(model.id, model.code, model.label, model.active)
                .where(~col(model.common), or_(col(model.centre_id).is_(None), model.centre_id == centre))
                .order_by(col(model.position), col(model.code))
            ).all()
        return {
            row_id: f"{code} — {label}" + ("" if active else f" ({messages.OUT_OF_SERVICE.lower()})")
            for row_id, code, label, active in rows
        }

    # --- for the subclasses ------------------------------------------------------------------------------

    def values(self, values: Mapping[str, object]) -> dict[str, object]:
        raise NotImplementedError

    def row(self, item, centre_label: str | None, linked: int, actor: Actor) -> dict:
        return {
            "id": item.id,
            "position": item.position,
            "code": item.code,
            "label": item.label,
            "active": messages.IN_SERVICE if item.active else messages.OUT_OF_SERVICE,
            "centre": centre_label or messages.EVERY_CENTRE,
            "common": messages.YES if item.common else messages.NO,
            "formations": messages.ASKED_EVERYWHERE if item.common else str(linked),
            "editable": rights.allows(actor, self.action, centre_id=item.centre_id),
        }

    def _used(self, session: Session, item_id: int) -> bool:
        raise NotImplementedError

    def _forget(self, item) -> None:
        """Files of the item to remove with it."""

    def _shared_checks(self, values: Mapping[str, object]) -> dict:
        return {
            "code": lambda: setup_fields.code(values.get("code"), CODE_MAX),
            "label": lambda: setup_fields.label(values.get("label"), self.label_max),
            "position": lambda: setup_fields.count(values.get("position"), minimum=0, maximum=POSITION_MAX) or 0,
            "active": lambda: setup_fields.flag(values.get("active", True)),
            "centre_id": lambda: setup_fields.identifier(values.get("centre_id"), required=False),
            "common": lambda: setup_fields.flag(values.get("common", False)),
        }

    def _check_reach(self, session: Session, actor: Actor, centre_id: int | None) -> Actor:
        if centre_id is not None and session.get(Centre, centre_id) is None:
            raise InvalidInput({"centre_id": messages.CENTRE_UNKNOWN})
        fresh = rights.signed_in(session, actor)
        if rights.visible(fresh, self.action).nothing:  # no right to this anywhere: refused as a whole
            return rights.check(session, actor, self.action, centre_id=centre_id)
        if refusal := rights.refusal(fresh, self.action, centre_id=centre_id):
            raise InvalidInput({"centre_id": refusal})  # not for this centre: said at the « Centre » field
        return fresh

    def _check_links_in_reach(self, session: Session, item_id: int, centre_id: int | None) -> None:
        if centre_id is None:
            return
        elsewhere = session.exec(
            select(Formation.id)
            .join(self.link, col(self.link.formation_id) == col(Formation.id))
            .where(getattr(self.link, self.link_column) == item_id, Formation.centre_id != centre_id)
            .limit(1)
        ).first()
        if elsewhere is not None:
            raise InvalidInput({"centre_id": messages.ASKED_ELSEWHERE})

    def _check_code(self, session: Session, code: str, item_id: int | None = None) -> None:
        same = session.exec(select(self.model.id).where(self.model.code == code)).first()
        if same is not None and same != item_id:
            raise InvalidInput({"code": messages.SETUP_CODE_TAKEN})


class PieceService(_AskedService):
    model = Piece
    link = FormationPiece
    link_column = "piece_id"
    action = Action.EDIT_PIECES
    name = "piece"
    unknown = messages.PIECE_UNKNOWN
    in_use = messages.PIECE_IN_USE
    label_max = 200

    def __init__(self, db: Database, settings: Settings) -> None:
        super().__init__(db)
        self.settings = settings

    @property
    def folder(self) -> Path:
        return self.settings.data_dir / "modeles"

    def values(self, values: Mapping[str, object]) -> dict[str, object]:
        checks = self._shared_checks(values) | {
            "unique_file": lambda: setup_fields.flag(values.get("unique_file", False)),
            "conditional": lambda: setup_fields.flag(values.get("conditional", False)),
            "template": lambda: setup_fields.url(values.get("template")),
        }
        cleaned, errors = collect(checks)
        if errors:
            raise InvalidInput(errors)
        return cleaned

    def row(self, item, centre_label, linked, actor) -> dict:
        return super().row(item, centre_label, linked, actor) | {
            "unique_file": messages.YES if item.unique_file else messages.NO,
            "conditional": messages.YES if item.conditional else messages.NO,
            "model": item.template_name,
        }

    def _used(self, session: Session, item_id: int) -> bool:
        for column in (UploadedFile.piece_id, PieceState.piece_id):
            if session.exec(select(column).where(column == item_id).limit(1)).first() is not None:
                return True
        return False

    def _forget(self, item: Piece) -> None:
        if item.template_file:
            uploads.remove(self.folder, item.template_file)

    # --- the model file ------------------------------------------------------------------------------------

    def set_model(self, actor: Actor, piece_id: object, name: str, data: bytes) -> Piece:
        """Check the file by its content (as a candidate's pièce), keep it, then forget the one it replaces."""
        with self.db.session() as session:
            piece = found(session, Piece, piece_id, self.unknown)
            rights.check(session, actor, self.action, centre_id=piece.centre_id)
            max_bytes = parameters.current(session).upload_max_bytes
        checked = uploads.check(data, name, max_bytes)
        stored = uploads.store(self.folder, data)
        try:
            with self.db.session() as session:
                piece = found(session, Piece, piece_id, self.unknown)
                actor = rights.check(session, actor, self.action, centre_id=piece.centre_id)
                replaced = piece.template_file
                before = {"template_name": piece.template_name}
                piece.template_file, piece.template_name = stored, checked.original_name
                piece.template_type = checked.content_type
                session.flush()
                after = {"template_name": checked.original_name, "size": checked.size, "sha256": checked.sha256}
                journal.record(session, actor, "piece.model", piece, before, after, label=piece.label)
        except BaseException:
            uploads.remove(self.folder, stored)
            raise
        if replaced:
            uploads.remove(self.folder, replaced)
        return piece

    def remove_model(self, actor: Actor, piece_id: object) -> Piece:
        with self.db.session() as session:
            piece = found(session, Piece, piece_id, self.unknown)
            actor = rights.check(session, actor, self.action, centre_id=piece.centre_id)
            replaced = piece.template_file
            before = {"template_name": piece.template_name}
            piece.template_file, piece.template_name, piece.template_type = None, "", ""
            session.flush()
            journal.record(session, actor, "piece.model", piece, before, {"template_name": ""}, label=piece.label)
        if replaced:
            uploads.remove(self.folder, replaced)
        return piece

    def model_of(self, actor: Actor, piece_id: object) -> ModelFile | None:
        """The model of a pièce the actor may see, in service or not."""
        return self._read_model(self.get(actor, piece_id))

    def model_file(self, piece_id: object) -> ModelFile | None:
        """The model of a pièce in service, for candidates (the page checks who asks)."""
        with self.db.session() as session:
            try:
                piece = session.get(Piece, int(piece_id))
            except (TypeError, ValueError):
                return None
        return self._read_model(piece) if piece is not None and piece.active else None

    def _read_model(self, piece: Piece) -> ModelFile | None:
        if not piece.template_file:
            return None
        try:
            data = (self.folder / piece.template_file).read_bytes()
        except OSError:
            return None
        return ModelFile(data, piece.template_type, piece.template_name)


class QuestionService(_AskedService):
    model = Question
    link = FormationQuestion
    link_column = "question_id"
    action = Action.EDIT_QUESTIONS
    name = "question"
    unknown = messages.QUESTION_UNKNOWN
    in_use = messages.QUESTION_IN_USE
    label_max = 500

    def values(self, values: Mapping[str, object]) -> dict[str, object]:
        checks = self._shared_checks(values) | {
            "kind": lambda: setup_fields.choice(values.get("kind"), QUESTION_KINDS),
            "required": lambda: setup_fields.flag(values.get("required", True)),
        }
        cleaned, errors = collect(checks)
        if errors:
            raise InvalidInput(errors)
        return cleaned

    def row(self, item, centre_label, linked, actor) -> dict:
        return super().row(item, centre_label, linked, actor) | {
            "kind": QUESTION_KINDS.get(item.kind, item.kind),
            "required": messages.YES if item.required else messages.NO,
        }

    def _used(self, session: Session, item_id: int) -> bool:
        answered = select(Answer.question_id).where(Answer.question_id == item_id).limit(1)
        return session.exec(answered).first() is not None

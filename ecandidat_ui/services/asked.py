"""What a formation asks its candidates: the pièces justificatives and questions in service that reach it — the
common ones of every centre or of its centre, and those linked to it — in their « Ordre »."""

from __future__ import annotations

from sqlalchemy import and_, exists, or_
from sqlmodel import Session, col, select

from models import Formation, FormationPiece, FormationQuestion, Piece, Question


def _reaching(model, link, link_column, formation: Formation):
    linked = exists().where(link.formation_id == formation.id, link_column == model.id)
    of_reach = or_(col(model.centre_id).is_(None), model.centre_id == formation.centre_id)
    return (
        select(model)
        .where(col(model.active), or_(linked, and_(col(model.common), of_reach)))
        .order_by(col(model.position), col(model.id))
    )


def pieces_of(session: Session, formation: Formation) -> list[Piece]:
    return list(session.exec(_reaching(Piece, FormationPiece, FormationPiece.piece_id, formation)).all())


def questions_of(session: Session, formation: Formation) -> list[Question]:
    return list(session.exec(_reaching(Question, FormationQuestion, FormationQuestion.question_id, formation)).all())


def asks_piece(session: Session, formation: Formation, piece_id: int) -> Piece | None:
    return next((piece for piece in pieces_of(session, formation) if piece.id == piece_id), None)


def asks_question(session: Session, formation: Formation, question_id: int) -> Question | None:
    return next((question for question in questions_of(session, formation) if question.id == question_id), None)

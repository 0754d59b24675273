"""Applying to a formation and following the candidature: answers, pièces, transmission, cancellation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, func, select, update

from ecandidat_ui import language, messages
from ecandidat_ui.db import Database
from ecandidat_ui.mail import outbox
from ecandidat_ui.mail.templates import now_text, render
from ecandidat_ui.services import asked, fields, parameters, uploads, waiting_list
from ecandidat_ui.services.candidate_file import CandidateFileService, missing_required
from ecandidat_ui.services.dates import confirmation_date, formation_return_date, return_date
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.review import Decision, default_type, validate
from ecandidat_ui.services.sessions import SessionService
from ecandidat_ui.settings import Settings
from models import (
    Account,
    Answer,
    Campaign,
    Candidature,
    CandidatureEvent,
    Centre,
    Commission,
    DecisionType,
    FileStatus,
    Formation,
    Piece,
    PieceState,
    Question,
    UploadedFile,
)
from models.clock import utcnow

ANSWER_MAX = 2000
WITHDRAWAL_REASON_MAX = 500


@dataclass(frozen=True)
class PieceView:
    piece: Piece
    file: UploadedFile | None
    not_concerned: bool
    review: str
    transmitted: bool = False  # the candidature was transmitted: its files went with it
    review_comment: str = ""  # why staff refused it (or a note with a validation)

    @property
    def given(self) -> bool:
        return self.file is not None or (self.piece.conditional and self.not_concerned)

    @property
    def status(self) -> str:
        if self.review:
            return self.review
        if self.not_concerned:
            return "Non concerné"
        if self.file is None:
            return "En attente"
        return "Transmise" if self.transmitted else "Déposée"  # sent here, not yet to the commission


@dataclass(frozen=True)
class CandidatureView:
    candidature: Candidature
    formation: Formation
    centre: Centre
    pieces: list[PieceView] = field(default_factory=list)
    questions: list[tuple[Question, str]] = field(default_factory=list)
    history: list[CandidatureEvent] = field(default_factory=list)
    commission: Commission | None = None
    archived: bool = False  # of a campaign archived since: kept as history, changed no more
    decision_type: DecisionType | None = None

    @property
    def return_by(self) -> date:
        return return_date(self.candidature, self.formation)

    @property
    def editable(self) -> bool:
        c = self.candidature
        return (
            not self.archived
            and c.transmitted_at is None
            and c.withdrawn_at is None
            and c.status in (FileStatus.WAITING, FileStatus.INCOMPLETE)
        )

    @property
    def decision(self) -> str:
        """What the candidate sees: the decision once staff validated it, « En attente » before."""
        c = self.candidature
        if not c.decision or c.decision_validated_at is None:
            return messages.DECISION_PENDING
        decision = language.translate(c.decision)  # stored in French (an AvisKind's label)
        return (
            messages.DECISION_WITH_RANK.format(decision=decision, rank=c.decision_rank) if c.decision_rank else decision
        )

    @property
    def decision_shown(self) -> str:
        """The validated decision itself (Favorable, Défavorable…), or "" while none is validated."""
        c = self.candidature
        return c.decision if c.decision and c.decision_validated_at else ""

    @property
    def decision_comment(self) -> str:
        """The commission's comment as the candidate may read it: none when the decision's type hides it
        (« Affichage du commentaire au candidat » unticked)."""
        if self.decision_type is not None and not self.decision_type.show_comment:
            return ""
        return self.candidature.decision_comment

    @property
    def confirm_deadline(self) -> date | None:
        return confirmation_date(self.candidature, self.formation)

    def can_answer_offer(self, today: date) -> bool:
        """A favourable decision waits for the candidate to confirm or withdraw, until the deadline."""
        c = self.candidature
        deadline = self.confirm_deadline
        return (
            not self.archived
            and self.decision_shown == "Favorable"
            and c.confirmed_at is None
            and c.withdrawn_at is None
            and (deadline is None or today <= deadline)
        )

    def missing(self) -> list[str]:
        return [label for label, _ in self.missing_items()]

    def missing_items(self) -> list[tuple[str, str]]:
        """(label, anchor on the candidature's page) of each pièce not given and each required question not
        answered."""
        missing = [(p.piece.label, f"piece-{p.piece.id}") for p in self.pieces if not p.given]
        missing += [(q.label, f"question-{q.id}") for q, value in self.questions if q.required and not value.strip()]
        return missing


@dataclass(frozen=True)
class Problem:
    """Why an action cannot be done yet, told before asking to confirm it: a message, and what is missing as
    (label, where to fill it) when it is something the candidate can complete."""

    message: str
    missing: list[tuple[str, str]] = field(default_factory=list)


class CandidatureService:
    """Reading takes the account id; every change takes the actor (the candidate's session id) and checks it."""

    def __init__(
        self, db: Database, settings: Settings, candidate_file: CandidateFileService, sessions: SessionService
    ) -> None:
        self.db = db
        self.settings = settings
        self.candidate_file = candidate_file
        self.sessions = sessions

    # --- applying ----------------------------------------------------------------------------------

    def apply_problem(self, actor: str, formation_id: int, today: date) -> Problem | None:
        """What stops the candidate applying to this formation now, checked before they are asked to confirm."""
        account_id = self.sessions.require(actor).id
        if tabs := missing_required(self.candidate_file.statuses(account_id, today)):
            labels = [messages.TAB_LABELS[tab] for tab in tabs]
            return Problem(
                messages.FILE_NOT_READY_TABS.format(tabs=", ".join(labels)),
                [(label, f"/compte/{tab}") for label, tab in zip(labels, tabs, strict=True)],
            )
        with self.db.session() as session:
            formation = session.get(Formation, formation_id)
            campaign = session.exec(select(Campaign).where(Campaign.is_active)).first()
            try:
                self._check_can_apply(session, account_id, formation, campaign, today)
            except Refused as refused:
                return Problem(refused.message)
        return None

    def apply(self, actor: str, formation_id: int, today: date) -> Candidature:
        account_id = self.sessions.require(actor).id
        statuses = self.candidate_file.statuses(account_id, today)
        if tabs := missing_required(statuses):
            raise Refused(messages.FILE_NOT_READY_TABS.format(tabs=", ".join(messages.TAB_LABELS[t] for t in tabs)))
        try:
            with self.db.session() as session:
                formation = session.get(Formation, formation_id)
                campaign = session.exec(select(Campaign).where(Campaign.is_active)).first()
                self._check_can_apply(session, account_id, formation, campaign, today)
                candidature = Candidature(account_id=account_id, formation_id=formation_id, campaign_id=campaign.id)
                session.add(candidature)
                session.flush()
                self._event(session, candidature, _in_french("HISTORY_CREATED"))
                self._mail(session, account_id, formation, "candidature_created")
                return candidature
        except IntegrityError:  # the same candidature created by a second click at the same instant
            raise Refused(messages.ALREADY_APPLIED) from None

    def _check_can_apply(
        self, session: Session, account_id: int, formation: Formation | None, campaign: Campaign | None, today: date
    ) -> None:
        if campaign is None or today > campaign.candidates_end_on:
            raise Refused(messages.NO_CAMPAIGN_FOR_APPLYING)
        centre = session.get(Centre, formation.centre_id) if formation is not None else None
        if formation is None or not formation.active or not centre.active:
            raise Refused(messages.FORMATION_NOT_OFFERED)
        if not formation.opens_on <= today <= formation.closes_on:
            raise Refused(messages.OUT_OF_WINDOW)
        mine = select(Candidature).where(
            Candidature.account_id == account_id,
            Candidature.campaign_id == campaign.id,
            col(Candidature.withdrawn_at).is_(None),
        )
        if session.exec(mine.where(Candidature.formation_id == formation.id)).first():
            raise Refused(messages.ALREADY_APPLIED)
        count = session.exec(
            select(func.count())
            .select_from(Candidature)
            .where(Candidature.account_id == account_id, Candidature.campaign_id == campaign.id)
        ).one()
        limits = parameters.current(session)
        if count >= limits.max_candidatures:
            raise Refused(messages.TOO_MANY_CANDIDATURES.format(max=limits.max_candidatures))
        per_centre = centre.max_candidatures or limits.max_candidatures_per_centre
        if per_centre:
            in_centre = session.exec(
                select(func.count())
                .select_from(Candidature)
                .join(Formation, col(Formation.id) == col(Candidature.formation_id))
                .where(
                    Candidature.account_id == account_id,
                    Candidature.campaign_id == campaign.id,
                    Formation.centre_id == formation.centre_id,
                )
            ).one()
            if in_centre >= per_centre:
                raise Refused(messages.TOO_MANY_IN_CENTRE.format(max=per_centre))

    # --- reading -----------------------------------------------------------------------------------

    def list(self, account_id: int) -> list[CandidatureView]:
        with self.db.session() as session:
            rows = session.exec(
                select(Candidature, Formation, Centre, Campaign)
                .join(Formation, col(Formation.id) == col(Candidature.formation_id))
                .join(Centre, col(Centre.id) == col(Formation.centre_id))
                .join(Campaign, col(Campaign.id) == col(Candidature.campaign_id))
                .where(Candidature.account_id == account_id)
                .order_by(col(Candidature.created_at).desc())
            ).all()
            return [
                CandidatureView(c, f, centre, archived=campaign.archived_at is not None)
                for c, f, centre, campaign in rows
            ]

    def applied(self, account_id: int) -> dict[int, int]:
        """Formation id → candidature id, for the candidate's candidatures of the active campaign (the offer
        shows « Déjà candidaté » with a link instead of « Candidater »)."""
        with self.db.session() as session:
            rows = session.exec(
                select(Candidature.formation_id, Candidature.id)
                .join(Campaign, col(Campaign.id) == col(Candidature.campaign_id))
                .where(Candidature.account_id == account_id, col(Campaign.archived_at).is_(None))
            ).all()
            return dict(rows)

    def view(self, account_id: int, candidature_id: int) -> CandidatureView:
        with self.db.session() as session:
            return self._view(session, account_id, self._mine(session, account_id, candidature_id))

    def current_views(self, account_id: int) -> list[CandidatureView]:
        """The candidate's candidatures of the campaigns not archived, newest first, each whole as `view` reads it,
        in one transaction (the home's cards)."""
        with self.db.session() as session:
            candidatures = session.exec(
                select(Candidature)
                .join(Campaign, col(Campaign.id) == col(Candidature.campaign_id))
                .where(Candidature.account_id == account_id, col(Campaign.archived_at).is_(None))
                .order_by(col(Candidature.created_at).desc())
            ).all()
            return [self._view(session, account_id, candidature) for candidature in candidatures]

    def _view(self, session: Session, account_id: int, candidature: Candidature) -> CandidatureView:
        formation = session.get(Formation, candidature.formation_id)
        centre = session.get(Centre, formation.centre_id)
        pieces = asked.pieces_of(session, formation)
        states = {
            s.piece_id: s for s in session.exec(select(PieceState).where(PieceState.candidature_id == candidature.id))
        }
        remembered = _declared_elsewhere(session, account_id, [p.id for p in pieces if p.unique_file])
        views = []
        for piece in pieces:
            state = states.get(piece.id)
            if candidature.transmitted_at is not None and state is not None and state.file_id:
                file = session.get(UploadedFile, state.file_id)  # as transmitted
            else:
                file = self._file_for(session, account_id, candidature.id, piece)
            views.append(
                PieceView(
                    piece,
                    file,
                    state.not_concerned if state is not None else remembered.get(piece.id, False),
                    state.review if state else "",
                    transmitted=candidature.transmitted_at is not None,
                    review_comment=state.review_comment if state else "",
                )
            )
        questions = asked.questions_of(session, formation)
        answers = {
            a.question_id: a.value for a in session.exec(select(Answer).where(Answer.candidature_id == candidature.id))
        }
        history = session.exec(
            select(CandidatureEvent)
            .where(CandidatureEvent.candidature_id == candidature.id)
            .order_by(col(CandidatureEvent.at).desc(), col(CandidatureEvent.id).desc())
        ).all()
        campaign = session.get(Campaign, candidature.campaign_id)
        return CandidatureView(
            candidature,
            formation,
            centre,
            views,
            [(q, answers.get(q.id, "")) for q in questions],
            list(history),
            session.get(Commission, formation.commission_id) if formation.commission_id else None,
            archived=campaign.archived_at is not None,
            decision_type=session.get(DecisionType, candidature.decision_type_id)
            if candidature.decision_type_id
            else None,
        )

    def account_of(self, candidature_id: int) -> Account | None:
        """Whose candidature it is (for the mail sender, which acts for no one)."""
        with self.db.session() as session:
            candidature = session.get(Candidature, candidature_id)
            return session.get(Account, candidature.account_id) if candidature else None

    def file_of(self, account_id: int, file_id: int) -> UploadedFile | None:
        with self.db.session() as session:
            row = session.get(UploadedFile, file_id)
            return row if row is not None and row.account_id == account_id else None

    # --- changing ----------------------------------------------------------------------------------

    def answer(self, actor: str, candidature_id: int, question_id: int, value: str) -> None:
        with self.db.session() as session:
            account_id = self.sessions.check(session, actor).id
            candidature = self._editable(session, account_id, candidature_id)
            question = asked.asks_question(session, session.get(Formation, candidature.formation_id), question_id)
            if question is None:
                raise Refused(messages.UNEXPECTED_ERROR)
            try:
                text = fields.multiline_text(value, ANSWER_MAX)
            except fields.FieldError as error:
                raise Refused(error.message) from None
            if question.kind == "yes_no" and text not in ("", "Oui", "Non"):
                raise Refused(messages.UNKNOWN_VALUE)
            answer = session.get(Answer, (candidature_id, question_id)) or Answer(
                candidature_id=candidature_id, question_id=question_id
            )
            answer.value = text
            session.add(answer)

    def send_piece(self, actor: str, candidature_id: int, piece_id: int, name: str, data: bytes) -> UploadedFile:
        """Check and keep a pièce; a common one serves every candidature. The file replaces the previous one."""
        account_id = self.sessions.require(actor).id  # before anything reaches the disk
        checked = uploads.check(data, name, self._parameters().upload_max_bytes)
        folder = self.settings.uploads_dir
        stored = uploads.store(folder, data)
        replaced: list[str] = []
        try:
            with self.db.session() as session:
                candidature = self._editable(session, account_id, candidature_id)
                if not session.get(Formation, candidature.formation_id).paperless:
                    raise Refused(messages.PAPER_FILE_NO_UPLOAD)
                piece = self._piece_of(session, candidature, piece_id)
                owner = None if piece.unique_file else candidature.id
                for old in session.exec(self._files(account_id, piece, owner)).all():
                    if not self._transmitted(session, old):  # else kept: a transmitted candidature shows it
                        replaced.append(old.stored_name)
                        session.delete(old)
                row = UploadedFile(
                    account_id=account_id,
                    piece_id=piece.id,
                    candidature_id=owner,
                    stored_name=stored,
                    original_name=checked.original_name,
                    content_type=checked.content_type,
                    size=checked.size,
                    sha256=checked.sha256,
                )
                session.add(row)
                state = session.get(PieceState, (candidature.id, piece.id))
                if state is not None:
                    state.not_concerned = False
                self._event(session, candidature, f"Pièce envoyée : {piece.label}")
        except BaseException:
            uploads.remove(folder, stored)  # nothing left behind
            raise
        for name in replaced:
            uploads.remove(folder, name)
        return row

    def set_not_concerned(self, actor: str, candidature_id: int, piece_id: int, value: bool) -> None:
        with self.db.session() as session:
            account_id = self.sessions.check(session, actor).id
            candidature = self._editable(session, account_id, candidature_id)
            piece = self._piece_of(session, candidature, piece_id)
            if not piece.conditional:
                raise Refused(messages.UNEXPECTED_ERROR)
            state = session.get(PieceState, (candidature.id, piece.id)) or PieceState(
                candidature_id=candidature.id, piece_id=piece.id
            )
            state.not_concerned = value
            session.add(state)

    def transmit_problem(self, actor: str, candidature_id: int, today: date) -> Problem | None:
        """What stops the transmission now, checked before the irreversible warning is shown."""
        account_id = self.sessions.require(actor).id
        return _transmit_problem(self.view(account_id, candidature_id), today)

    def transmit(self, actor: str, candidature_id: int, today: date) -> None:
        account_id = self.sessions.require(actor).id
        view = self.view(account_id, candidature_id)
        if problem := _transmit_problem(view, today):
            raise Refused(problem.message)
        with self.db.session() as session:
            claimed = session.exec(
                update(Candidature)
                .where(col(Candidature.id) == candidature_id, col(Candidature.transmitted_at).is_(None))
                .values(transmitted_at=utcnow(), version=Candidature.version + 1)
            )
            if claimed.rowcount != 1:  # a second click got there first
                raise Refused(messages.ALREADY_TRANSMITTED)
            candidature = session.get(Candidature, candidature_id)
            for piece in view.pieces:
                if piece.file is not None:
                    state = session.get(PieceState, (candidature_id, piece.piece.id)) or PieceState(
                        candidature_id=candidature_id, piece_id=piece.piece.id
                    )
                    if state.file_id != piece.file.id:  # a new file: staff have not reviewed it yet
                        state.review, state.review_comment = "", ""
                    state.file_id = piece.file.id
                    session.add(state)
            self._event(session, candidature, _in_french("HISTORY_TRANSMITTED"))
            self._mail(
                session,
                account_id,
                view.formation,
                "candidature_transmitted",
                candidature=candidature,
                date=now_text(),
            )

    def cancel(self, actor: str, candidature_id: int) -> None:
        """Cancel while En attente, not transmitted and without decision: the candidature disappears."""
        with self.db.session() as session:
            account_id = self.sessions.check(session, actor).id
            candidature = self._mine(session, account_id, candidature_id)
            if session.get(Campaign, candidature.campaign_id).archived_at is not None:
                raise Refused(messages.CANDIDATURE_ARCHIVED)
            if (
                candidature.status != FileStatus.WAITING
                or candidature.transmitted_at is not None
                or candidature.decision
            ):
                raise Refused(messages.CANNOT_CANCEL)
            formation = session.get(Formation, candidature.formation_id)
            names = [
                f.stored_name
                for f in session.exec(select(UploadedFile).where(UploadedFile.candidature_id == candidature.id))
            ]
            session.exec(delete(UploadedFile).where(UploadedFile.candidature_id == candidature.id))
            session.delete(candidature)
            self._mail(session, account_id, formation, "candidature_cancelled")
        for name in names:
            uploads.remove(self.settings.uploads_dir, name)

    def confirm(self, actor: str, candidature_id: int, today: date) -> None:
        account_id = self.sessions.require(actor).id
        view = self.view(account_id, candidature_id)
        self._check_offer_answerable(view, today)
        with self.db.session() as session:
            candidature = session.get(Candidature, candidature_id)
            candidature.confirmed_at = utcnow()
            self._event(session, candidature, _in_french("HISTORY_CONFIRMED"))
            self._mail(session, account_id, view.formation, "candidature_confirmed")

    def withdraw(self, actor: str, candidature_id: int, reason: str, today: date) -> None:
        """Give the place up; the first of the liste complémentaire, if any, is offered it (when the formation
        promotes automatically)."""
        account_id = self.sessions.require(actor).id
        view = self.view(account_id, candidature_id)
        self._check_offer_answerable(view, today)
        with self.db.session() as session:
            candidature = session.get(Candidature, candidature_id)
            candidature.withdrawn_at = utcnow()
            candidature.withdrawal_reason = fields.clean(reason, multiline=True).strip()[:WITHDRAWAL_REASON_MAX]
            self._event(
                session,
                candidature,
                "Désistement" + (f" : {candidature.withdrawal_reason}" if candidature.withdrawal_reason else ""),
            )
            self._mail(session, account_id, view.formation, "candidature_withdrawn")
            self._promote_next(session, candidature)

    def _check_offer_answerable(self, view: CandidatureView, today: date) -> None:
        if view.decision_shown != "Favorable" or view.candidature.confirmed_at or view.candidature.withdrawn_at:
            raise Refused(messages.CANNOT_CONFIRM)
        if not view.can_answer_offer(today):
            raise Refused(messages.CONFIRM_TOO_LATE)

    def _promote_next(self, session: Session, given_up: Candidature) -> None:
        """The first still on the liste complémentaire of the formation, in the same campaign, is admitted — when
        the formation's « Promotion automatique de la liste complémentaire » is on."""
        if not session.get(Formation, given_up.formation_id).auto_waiting_list:
            return
        waiting = session.exec(waiting_list.first_on_list(given_up.formation_id, given_up.campaign_id)).first()
        if waiting is not None:
            waiting.decision, waiting.decision_rank = Decision.FAVORABLE, None
            promoted_type = default_type(session, Decision.FAVORABLE)
            waiting.decision_type_id = promoted_type.id if promoted_type else None
            waiting.decision_motivation_id = None
            waiting.decision_comment = "Une place s'est libérée : vous êtes admis depuis la liste complémentaire."
            validate(session, self.settings, waiting)

    # --- helpers -----------------------------------------------------------------------------------

    @staticmethod
    def _mine(session: Session, account_id: int, candidature_id: int) -> Candidature:
        candidature = session.get(Candidature, candidature_id)
        if candidature is None or candidature.account_id != account_id:
            raise Refused(messages.UNEXPECTED_ERROR)
        return candidature

    def _editable(self, session: Session, account_id: int, candidature_id: int) -> Candidature:
        candidature = self._mine(session, account_id, candidature_id)
        if session.get(Campaign, candidature.campaign_id).archived_at is not None:
            raise Refused(messages.CANDIDATURE_ARCHIVED)
        if candidature.transmitted_at is not None or candidature.status not in (
            FileStatus.WAITING,
            FileStatus.INCOMPLETE,
        ):
            raise Refused(messages.NOT_EDITABLE)
        return candidature

    @staticmethod
    def _piece_of(session: Session, candidature: Candidature, piece_id: int) -> Piece:
        piece = asked.asks_piece(session, session.get(Formation, candidature.formation_id), piece_id)
        if piece is None:
            raise Refused(messages.UNEXPECTED_ERROR)
        return piece

    @staticmethod
    def _files(account_id: int, piece: Piece, owner: int | None):
        query = select(UploadedFile).where(UploadedFile.account_id == account_id, UploadedFile.piece_id == piece.id)
        if owner is None:
            return query.where(col(UploadedFile.candidature_id).is_(None))
        return query.where(UploadedFile.candidature_id == owner)

    def _file_for(self, session: Session, account_id: int, candidature_id: int, piece: Piece) -> UploadedFile | None:
        owner = None if piece.unique_file else candidature_id
        return session.exec(self._files(account_id, piece, owner).order_by(col(UploadedFile.id).desc())).first()

    @staticmethod
    def _transmitted(session: Session, file: UploadedFile) -> bool:
        return session.exec(select(PieceState).where(PieceState.file_id == file.id)).first() is not None

    def _parameters(self) -> parameters.Parameters:
        with self.db.session() as session:
            return parameters.current(session)

    @staticmethod
    def _event(session: Session, candidature: Candidature, text: str) -> None:
        """A line of the history, stored in French (the reference): the page shows it in its own language."""
        session.add(CandidatureEvent(candidature_id=candidature.id, text=text))

    def _mail(
        self,
        session: Session,
        account_id: int,
        formation: Formation,
        template: str,
        *,
        candidature: Candidature | None = None,
        **values: object,
    ) -> None:
        """`candidature` (when there is one) gives its own return date to the mail's « date_retour »."""
        account = session.get(Account, account_id)
        return_by = return_date(candidature, formation) if candidature else formation_return_date(formation)
        mail = render(
            template,
            session,
            language=account.language,
            prenom=account.first_name,
            nom=account.last_name,
            login=account.login,
            **self.settings.institution_values,
            formation=formation.label,
            date_retour=f"{return_by:%d/%m/%Y}",
            lien=self.settings.link("/compte/candidatures"),
            **values,
        )
        outbox.enqueue(session, account.mail, mail)


def _transmit_problem(view: CandidatureView, today: date) -> Problem | None:
    if view.archived:
        return Problem(messages.CANDIDATURE_ARCHIVED)
    if view.candidature.transmitted_at is not None:
        return Problem(messages.ALREADY_TRANSMITTED)
    if not view.editable:
        return Problem(messages.NOT_EDITABLE)
    if today > view.return_by:
        return Problem(messages.TRANSMIT_TOO_LATE)
    if not view.formation.paperless:
        return Problem(messages.PAPER_FILE_NO_UPLOAD)
    if missing := view.missing_items():
        return Problem(messages.TRANSMIT_MISSING.format(missing=", ".join(label for label, _ in missing)), missing)
    return None


def _declared_elsewhere(session: Session, account_id: int, piece_ids: list[int]) -> dict[int, bool]:
    """« Je certifie … ne pas être concerné » given for a unique pièce in another candidature: remembered like its
    file (the latest declaration of each pièce)."""
    if not piece_ids:
        return {}
    rows = session.exec(
        select(PieceState.piece_id, PieceState.not_concerned)
        .join(Candidature, col(Candidature.id) == col(PieceState.candidature_id))
        .where(Candidature.account_id == account_id, col(PieceState.piece_id).in_(piece_ids))
        .order_by(col(Candidature.id))
    ).all()
    return dict(rows)  # the latest candidature's declaration wins


def _in_french(name: str) -> str:
    """A text of messages.py as written, the French reference, whatever the language of the page acting: the
    history keeps it so, and each page shows it in its own language (language.translate)."""
    with language.using(language.FRENCH):
        return getattr(messages, name)

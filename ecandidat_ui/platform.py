"""Everything a page needs, built once from the settings."""

from __future__ import annotations

from dataclasses import dataclass

from ecandidat_ui.db import Database
from ecandidat_ui.mail.sender import MailSender
from ecandidat_ui.services.accounts import AccountService
from ecandidat_ui.services.asked_setup import PieceService, QuestionService
from ecandidat_ui.services.campaigns import CampaignService
from ecandidat_ui.services.candidate_file import CandidateFileService
from ecandidat_ui.services.candidature_export import CandidatureExportService
from ecandidat_ui.services.candidature_table import VIEW_SPEC, CandidatureTableService
from ecandidat_ui.services.candidatures import CandidatureService
from ecandidat_ui.services.centres import CentreService
from ecandidat_ui.services.commissions import CommissionService
from ecandidat_ui.services.dashboard import DashboardService
from ecandidat_ui.services.decisions import DecisionTypeService, MotivationService
from ecandidat_ui.services.dossiers import DossierService
from ecandidat_ui.services.evaluation import EvaluationService
from ecandidat_ui.services.export_files import ExportFiles
from ecandidat_ui.services.faq import FaqService
from ecandidat_ui.services.formations import FormationService
from ecandidat_ui.services.journal import JournalService
from ecandidat_ui.services.letters import LetterService
from ecandidat_ui.services.mail_texts import MailTextService
from ecandidat_ui.services.notes import NoteService
from ecandidat_ui.services.offer import OfferService
from ecandidat_ui.services.offer_file import OfferFileService
from ecandidat_ui.services.parameters import ParameterService
from ecandidat_ui.services.personal_data import PersonalDataService
from ecandidat_ui.services.reminders import ReminderService
from ecandidat_ui.services.review import ReviewService
from ecandidat_ui.services.sessions import SessionService
from ecandidat_ui.services.site_messages import SiteMessageService
from ecandidat_ui.services.staff import StaffService
from ecandidat_ui.services.table_views import TableViewService
from ecandidat_ui.services.tags import TagService
from ecandidat_ui.settings import Settings
from ecandidat_ui.web_session import SessionCookie


@dataclass
class Platform:
    settings: Settings
    db: Database
    sessions: SessionService
    accounts: AccountService
    campaigns: CampaignService
    candidate_file: CandidateFileService
    candidatures: CandidatureService
    review: ReviewService
    offer: OfferService
    centres: CentreService
    commissions: CommissionService
    letters: LetterService  # the admission or refusal letter of a validated decision
    formations: FormationService
    pieces: PieceService
    offer_file: OfferFileService
    questions: QuestionService
    staff: StaffService
    journal: JournalService
    mail_sender: MailSender
    parameters: ParameterService
    site_messages: SiteMessageService
    faq: FaqService
    mail_texts: MailTextService
    decision_types: DecisionTypeService
    motivations: MotivationService
    tags: TagService
    reminders: ReminderService  # mails before a return or confirmation deadline
    personal_data: PersonalDataService  # the candidate's copy of their data, and the erasure of their account
    candidature_table: CandidatureTableService  # the gestion's « Candidatures » and candidature window
    notes: NoteService  # the bloc-notes of a candidature, for staff only
    dashboard: DashboardService  # the gestion's « Tableau de bord »
    table_views: TableViewService  # each staff member's saved views of the gestion's tables
    evaluation: EvaluationService  # the formations' evaluation grids and the members' scores
    candidature_export: CandidatureExportService  # the table as an XLSX
    dossiers: DossierService  # a candidature's dossier as one PDF, a selection's as a ZIP
    export_files: ExportFiles  # the files those make, for their staff member only
    session_cookie: SessionCookie  # who a browser is signed in as; its routes are added by pages.register_all
    staff_cookie: SessionCookie  # the same for the gestion's staff, apart (ecandidat_ui/gestion_session.py)


def build_platform(settings: Settings, *, mail_retry_base_delay: float = 30.0) -> Platform:
    db = Database(settings.database_url)
    sessions = SessionService(db)
    candidate_file = CandidateFileService(db, settings, sessions)
    candidatures = CandidatureService(db, settings, candidate_file, sessions)
    staff = StaffService(db, settings)
    commissions = CommissionService(db, settings)
    letters = LetterService(settings, candidatures, commissions)
    table = CandidatureTableService(db, candidatures, candidate_file)
    export_files = ExportFiles(settings.data_dir / "exports")
    return Platform(
        settings=settings,
        db=db,
        sessions=sessions,
        accounts=AccountService(db, settings, sessions),
        campaigns=CampaignService(db),
        candidate_file=candidate_file,
        candidatures=candidatures,
        review=ReviewService(db, settings),
        offer=OfferService(db),
        centres=CentreService(db),
        commissions=commissions,
        letters=letters,
        formations=FormationService(db),
        pieces=PieceService(db, settings),
        offer_file=OfferFileService(db),
        questions=QuestionService(db),
        staff=staff,
        journal=JournalService(db),
        mail_sender=MailSender(db, settings, retry_base_delay=mail_retry_base_delay, attachments=letters.attachment),
        parameters=ParameterService(db),
        site_messages=SiteMessageService(db),
        faq=FaqService(db),
        mail_texts=MailTextService(db, settings),
        decision_types=DecisionTypeService(db),
        motivations=MotivationService(db),
        tags=TagService(db),
        reminders=ReminderService(db, settings),
        personal_data=PersonalDataService(db, settings, sessions),
        notes=NoteService(db),
        dashboard=DashboardService(db),
        table_views=TableViewService(db, {"candidatures": VIEW_SPEC}),
        evaluation=EvaluationService(db),
        candidature_table=table,
        candidature_export=CandidatureExportService(db, table, export_files),
        dossiers=DossierService(settings, table, export_files),
        export_files=export_files,
        session_cookie=SessionCookie(
            sessions,
            name="ecandidat_session",
            prefix="/session",
            public_url=settings.public_url,
            secret=settings.storage_secret,
            sign_in_path="/connexion",
        ),
        staff_cookie=SessionCookie(
            staff.sessions,
            name="ecandidat_gestion",
            prefix="/gestion/session",
            public_url=settings.public_url,
            secret=settings.storage_secret,
            sign_in_path="/gestion",
        ),
    )

"""SQLModel tables, one module per aggregate. Importing this package registers every table."""

from models.account import Account, AccountToken, IssuedLogin, TokenPurpose
from models.avis import AvisEntry, CandidatureNote
from models.campaign import Campaign
from models.candidate_file import (
    Baccalaureate,
    Draft,
    ExternalCursus,
    FileFlags,
    Internship,
    PersonalInfo,
    PostalAddress,
    ProExperience,
)
from models.candidature import (
    Answer,
    Candidature,
    CandidatureEvent,
    FileStatus,
    PieceState,
    Reminder,
    UploadedFile,
)
from models.content import FaqEntry, Parameter, SharedSetting, SiteMessage
from models.decision import AvisKind, CandidatureTag, DecisionType, Motivation, Tag, TagColour
from models.evaluation import EvaluationCriterion, EvaluationScore
from models.mail import MailTemplate, OutboxMail
from models.offer import (
    Centre,
    Commission,
    Formation,
    FormationPiece,
    FormationQuestion,
    Piece,
    Question,
    QuestionKind,
    TreatmentType,
)
from models.session import ThrottleEvent, UserSession
from models.staff import (
    JournalEntry,
    StaffAddress,
    StaffGrant,
    StaffGrantCommission,
    StaffMember,
    StaffRecoveryCode,
    StaffSession,
    StaffSetupToken,
)
from models.student import Student, StudentResult
from models.table_view import TableView

__all__ = [
    "Account",
    "AccountToken",
    "Answer",
    "AvisEntry",
    "AvisKind",
    "Baccalaureate",
    "Campaign",
    "Candidature",
    "CandidatureEvent",
    "CandidatureNote",
    "CandidatureTag",
    "Centre",
    "Commission",
    "DecisionType",
    "Draft",
    "EvaluationCriterion",
    "EvaluationScore",
    "ExternalCursus",
    "FaqEntry",
    "FileFlags",
    "FileStatus",
    "Formation",
    "FormationPiece",
    "FormationQuestion",
    "Internship",
    "IssuedLogin",
    "JournalEntry",
    "MailTemplate",
    "Motivation",
    "OutboxMail",
    "Parameter",
    "PersonalInfo",
    "Piece",
    "PieceState",
    "PostalAddress",
    "ProExperience",
    "Question",
    "QuestionKind",
    "Reminder",
    "SharedSetting",
    "SiteMessage",
    "StaffAddress",
    "StaffGrant",
    "StaffGrantCommission",
    "StaffMember",
    "StaffRecoveryCode",
    "StaffSession",
    "StaffSetupToken",
    "Student",
    "StudentResult",
    "TableView",
    "Tag",
    "TagColour",
    "ThrottleEvent",
    "TokenPurpose",
    "TreatmentType",
    "UploadedFile",
    "UserSession",
]

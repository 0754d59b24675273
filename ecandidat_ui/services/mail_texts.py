"""The texts of the mails the platform sends, edited in the gestion: each mail with its purpose and the variables
it may use (`mail.templates.CATALOGUE`), a preview filled with a sample candidate, a test sent to the staff
member's own address through the outbox, and the way back to the default text.

A text is checked at save: only the variables of its mail, written `{name}` (a brace is written `{{` or `}}`),
and the variables it cannot do without (a validation mail keeps its `{lien}`). So a stored text always renders:
`str.format_map` would fail on a lone brace at the moment a candidate creates an account.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.mail import outbox
from ecandidat_ui.mail.templates import CATALOGUE, DEFAULTS, VARIABLES, MailKind, now_text, render_text
from ecandidat_ui.services import fields, journal, parameters, rights
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import Page, TableQuery, page_of_list
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.settings import Settings
from models import MailTemplate
from models.clock import utcnow

SUBJECT_MAX = 200
BODY_MAX = 10_000
# Where {lien} leads in the preview and the test mail: a page of the platform, never a working token.
SAMPLE_LINKS = {
    "account_created": "/compte/validation/exemple",
    "activation_resent": "/compte/validation/exemple",
    "mail_changed": "/compte/validation/exemple",
    "password_reset": "/compte/mot-de-passe/exemple",
    "already_validated": "/connexion",
    "password_changed": "/",
    "candidature_status": "/compte/candidatures",
    "candidature_decision": "/compte/candidatures",
    "staff_setup": "/gestion/activation/exemple",
    "staff_cas_access": "/gestion",
    "staff_new_address": "/gestion",
}
SAMPLE = {
    "prenom": "CAMILLE",
    "nom": "MARTIN",
    "mail": "camille.martin@example.org",
    "formation": "Master Informatique",
    "statut": "Complet",
    "decision": "Favorable",
    "detail": "Votre dossier est complet ; il sera examiné par la commission.\n",
    "motif": "Capacité d'accueil atteinte",
    "rang": 3,
    "login_cas": "cmartin",
    "adresse": "192.0.2.10",
}


@dataclass(frozen=True)
class MailText:
    """A mail as its editor shows it."""

    code: str
    title: str
    purpose: str
    subject: str
    body: str
    default_subject: str
    default_body: str
    variables: tuple[tuple[str, str], ...]  # (name, what it holds)
    required: tuple[str, ...]
    updated_at: datetime | None

    @property
    def is_default(self) -> bool:
        return (self.subject, self.body) == (self.default_subject, self.default_body)


@dataclass(frozen=True)
class MailPreview:
    """The mail as the sample candidate would receive it, or the errors that keep it from being sent."""

    subject: str = ""
    text: str = ""
    errors: dict[str, str] | None = None


def check(code: str, subject: str, body: str) -> tuple[str, str]:
    """The subject and body as kept, or InvalidInput({"subject"|"body": French message})."""
    kind = _kind(code)
    subject = (subject or "").strip()
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    errors: dict[str, str] = {}
    for name, text, limit in (("subject", subject, SUBJECT_MAX), ("body", body, BODY_MAX)):
        try:
            _check_text(kind, text, limit)
        except fields.FieldError as error:
            errors[name] = error.message
    if "subject" not in errors and "\n" in subject:
        errors["subject"] = messages.MAIL_ONE_LINE
    if "body" not in errors:
        missing = [name for name in kind.required if name not in _placeholders(body)]
        if missing:
            errors["body"] = messages.MAIL_MISSING_VARIABLE.format(name=missing[0])
    if errors:
        raise InvalidInput(errors)
    return subject, body


class MailTextService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def page(self, actor: Actor, query: TableQuery) -> Page[dict[str, Any]]:
        """Every mail of the platform, for the gestion's table."""
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_MAILS)
            rows = [
                {
                    "id": text.code,
                    "title": text.title,
                    "purpose": text.purpose,
                    "subject": text.subject,
                    "state": messages.MAIL_DEFAULT if text.is_default else messages.MAIL_EDITED,
                }
                for text in (_text(session, code) for code in CATALOGUE)
            ]
        return page_of_list(
            rows, query, searchable=("title", "purpose", "subject"), sortable=("title", "subject", "state")
        )

    def text(self, actor: Actor, code: str) -> MailText:
        _kind(code)
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_MAILS)
            return _text(session, code)

    def preview(self, actor: Actor, code: str, subject: str, body: str) -> MailPreview:
        """The text being typed, filled with the sample candidate: what the editor shows as it is typed."""
        kind = _kind(code)
        with self.db.session() as session:
            rights.check(session, actor, Action.EDIT_MAILS)
            try:
                subject, body = check(code, subject, body)
            except InvalidInput as error:
                return MailPreview(errors=error.errors)
            mail = render_text(code, subject, body, self._sample(session, code, kind))
            return MailPreview(mail.subject, mail.text)

    def update(self, actor: Actor, code: str, subject: str, body: str) -> MailText:
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_MAILS)
            subject, body = check(code, subject, body)
            return _write(session, actor, code, subject, body, "mail.update")

    def reset(self, actor: Actor, code: str) -> MailText:
        """« Revenir au texte par défaut »."""
        _kind(code)
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_MAILS)
            return _write(session, actor, code, *DEFAULTS[code], "mail.reset")

    def send_test(self, actor: Actor, code: str, subject: str, body: str) -> str:
        """« M'envoyer un test »: the text as typed (saved or not), filled with the sample candidate, to the staff
        member's own address through the outbox. Returns that address."""
        kind = _kind(code)
        with self.db.session() as session:
            actor = rights.check(session, actor, Action.EDIT_MAILS)
            subject, body = check(code, subject, body)
            mail = render_text(code, messages.MAIL_TEST_PREFIX + subject, body, self._sample(session, code, kind))
            outbox.enqueue(session, actor.mail, mail)
            journal.record(
                session, actor, "mail.test", ("mailtemplate", code), after={"to": actor.mail}, label=kind.title
            )
            return actor.mail

    def _sample(self, session: Session, code: str, kind: MailKind) -> dict[str, object]:
        """The values of the sample candidate (and of the sample staff member), as this mail would have them."""
        values = parameters.current(session)
        sample: dict[str, object] = {
            **SAMPLE,
            "login": (values.login_prefix + "4F7K2Q9A")[:8],
            **self.settings.institution_values,
            "lien": self.settings.link(SAMPLE_LINKS.get(code, "/compte/candidatures")),
            "jours": values.unvalidated_account_days,
            "date": now_text(),
            "date_retour": f"{date.today() + timedelta(days=14):%d/%m/%Y}",
        }
        return {name: sample[name] for name in kind.variables}


def _write(session: Session, actor: Actor, code: str, subject: str, body: str, action: str) -> MailText:
    row = session.get(MailTemplate, code)
    if row is None:
        row = MailTemplate(code=code, subject=DEFAULTS[code][0], body=DEFAULTS[code][1])
    before = {"subject": row.subject, "body": row.body}
    if (row.subject, row.body) != (subject, body):
        row.subject, row.body, row.updated_at = subject, body, utcnow()
        session.add(row)
        journal.record(
            session,
            actor,
            action,
            ("mailtemplate", code),
            before,
            {"subject": subject, "body": body},
            label=CATALOGUE[code].title,
        )
        session.flush()
    return _text(session, code)


def _text(session: Session, code: str) -> MailText:
    kind = CATALOGUE[code]
    default_subject, default_body = DEFAULTS[code]
    row = session.get(MailTemplate, code)
    return MailText(
        code=code,
        title=kind.title,
        purpose=kind.purpose,
        subject=row.subject if row else default_subject,
        body=row.body if row else default_body,
        default_subject=default_subject,
        default_body=default_body,
        variables=tuple((name, _described(kind, name)) for name in kind.variables),
        required=kind.required,
        updated_at=row.updated_at if row else None,
    )


def _described(kind: MailKind, name: str) -> str:
    if name == "lien" and kind.link:
        return kind.link[0].upper() + kind.link[1:]
    return VARIABLES[name]


def _kind(code: str) -> MailKind:
    kind = CATALOGUE.get(code)
    if kind is None:
        raise Refused(messages.MAIL_UNKNOWN)
    return kind


def _check_text(kind: MailKind, text: str, limit: int) -> None:
    if not text:
        raise fields.FieldError(messages.REQUIRED)
    if len(text) > limit:
        raise fields.FieldError(messages.TOO_LONG.format(max=limit))
    unknown = [name for name in dict.fromkeys(_placeholders(text)) if name not in kind.variables]
    if len(unknown) == 1:
        raise fields.FieldError(messages.MAIL_UNKNOWN_VARIABLE.format(name=unknown[0]))
    if unknown:
        raise fields.FieldError(
            messages.MAIL_UNKNOWN_VARIABLES.format(names=", ".join("{" + name + "}" for name in unknown))
        )


def _placeholders(text: str) -> list[str]:
    """The variables of a text, in order; FieldError for a lone brace or anything but `{name}` in braces."""
    names: list[str] = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise fields.FieldError(messages.MAIL_BRACES) from None
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise fields.FieldError(messages.MAIL_VARIABLE_FORM.format(text=shown))
        names.append(name)
    return names

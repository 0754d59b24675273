"""Default French mail templates. Placeholders are {name}; values are escaped in the HTML part."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from models import MailTemplate

SIGNATURE = (
    "\n\nCordialement,\nLe service de scolarité de {etablissement}\n\n"
    "Ce mail a été envoyé automatiquement, merci de ne pas y répondre."
)

DEFAULTS: dict[str, tuple[str, str]] = {
    "account_created": (
        "Création de votre compte eCandidat",
        "Bonjour {prenom} {nom},\n\n"
        "Votre compte eCandidat de {etablissement} a été créé.\n"
        "Votre login (numéro de dossier) est : {login}\n\n"
        "Pour valider votre compte et choisir votre mot de passe, suivez ce lien :\n{lien}\n\n"
        "Ce lien est valable {jours} jours. Passé ce délai, un compte non validé est supprimé.",
    ),
    "activation_resent": (
        "Validation de votre compte eCandidat",
        "Bonjour {prenom} {nom},\n\n"
        "Votre login (numéro de dossier) est : {login}\n\n"
        "Pour valider votre compte, suivez ce lien :\n{lien}\n\n"
        "Ce lien remplace ceux des mails précédents et il est valable {jours} jours.",
    ),
    "already_validated": (
        "Votre compte eCandidat est déjà validé",
        "Bonjour {prenom} {nom},\n\n"
        "Votre compte eCandidat (login : {login}) est déjà validé : vous pouvez vous connecter.\n"
        "Si vous avez oublié votre mot de passe, utilisez le lien « J'ai oublié mes identifiants » "
        "de la page de connexion :\n{lien}",
    ),
    "mail_changed": (
        "Validation de votre nouvelle adresse mail eCandidat",
        "Bonjour {prenom} {nom},\n\n"
        "Vous avez modifié l'adresse mail de votre compte eCandidat (login : {login}).\n"
        "Pour la valider et réactiver votre compte, suivez ce lien :\n{lien}\n\n"
        "Ce lien est valable {jours} jours.",
    ),
    "password_reset": (
        "Réinitialisation de votre mot de passe eCandidat",
        "Bonjour {prenom} {nom},\n\n"
        "Votre login (numéro de dossier) est : {login}\n\n"
        "Pour choisir un nouveau mot de passe, suivez ce lien :\n{lien}\n\n"
        "Ce lien ne peut servir qu'une fois et il est valable une heure. "
        "Si vous n'avez rien demandé, ignorez ce mail : votre mot de passe reste inchangé.",
    ),
    "password_changed": (
        "Votre mot de passe eCandidat a été modifié",
        "Bonjour {prenom} {nom},\n\n"
        "Le mot de passe de votre compte eCandidat (login : {login}) a été modifié le {date}.\n"
        "Si vous n'êtes pas à l'origine de ce changement, demandez immédiatement un nouveau mot de passe "
        "avec le lien « J'ai oublié mes identifiants » :\n{lien}",
    ),
    "candidature_created": (
        "Votre candidature à la formation {formation}",
        "Bonjour {prenom} {nom},\n\n"
        "Votre candidature à la formation « {formation} » a été enregistrée (dossier {login}).\n"
        "Complétez-la et transmettez-la avant le {date_retour} depuis l'onglet Candidatures :\n{lien}",
    ),
    "candidature_transmitted": (
        "Votre candidature à la formation {formation} a été transmise",
        "Bonjour {prenom} {nom},\n\n"
        "Votre candidature à la formation « {formation} » a bien été transmise le {date}.\n"
        "Vous serez informé par mail de son traitement. Vous pouvez la suivre ici :\n{lien}",
    ),
    "candidature_cancelled": (
        "Annulation de votre candidature à la formation {formation}",
        "Bonjour {prenom} {nom},\n\nVotre candidature à la formation « {formation} » a été annulée.",
    ),
    "candidature_status": (
        "Votre dossier pour la formation {formation} : {statut}",
        "Bonjour {prenom} {nom},\n\n"
        "Le statut de votre dossier pour la formation « {formation} » est maintenant : {statut}.\n{detail}"
        "Vous pouvez suivre votre candidature ici :\n{lien}",
    ),
    "candidature_decision": (
        "Décision pour votre candidature à la formation {formation}",
        "Bonjour {prenom} {nom},\n\n"
        "La commission a rendu sa décision pour votre candidature à la formation « {formation} » : {decision}.\n"
        "{detail}Retrouvez-la, et s'il y a lieu confirmez votre inscription, ici :\n{lien}",
    ),
    "candidature_confirmed": (
        "Confirmation de votre inscription à la formation {formation}",
        "Bonjour {prenom} {nom},\n\nVous avez confirmé votre inscription à la formation « {formation} ».",
    ),
    "candidature_withdrawn": (
        "Désistement de la formation {formation}",
        "Bonjour {prenom} {nom},\n\nVotre désistement de la formation « {formation} » a été enregistré.",
    ),
    "staff_setup": (
        "Votre accès à la gestion eCandidat",
        "Bonjour {prenom} {nom},\n\n"
        "Un accès à la gestion d'eCandidat de {etablissement} vous est ouvert avec l'adresse {mail}.\n"
        "Pour choisir votre mot de passe et configurer votre application d'authentification "
        "(le second facteur demandé à chaque connexion), suivez ce lien :\n{lien}\n\n"
        "Ce lien ne peut servir qu'une fois et il est valable une heure. Passé ce délai, demandez-en un autre "
        "à un administrateur.",
    ),
    "staff_cas_access": (
        "Votre accès à la gestion eCandidat",
        "Bonjour {prenom} {nom},\n\n"
        "Un accès à la gestion d'eCandidat de {etablissement} vous est ouvert. Connectez-vous avec votre "
        "identifiant de l'établissement ({login_cas}) ici :\n{lien}",
    ),
    "staff_new_address": (
        "Nouvelle connexion à votre compte de gestion eCandidat",
        "Bonjour {prenom} {nom},\n\n"
        "Votre compte de gestion eCandidat a été utilisé le {date} depuis une adresse inconnue jusqu'ici : "
        "{adresse}.\n"
        "Si c'est bien vous, il n'y a rien à faire. Sinon, prévenez immédiatement un administrateur, qui "
        "désactivera votre compte et vous enverra un nouveau lien d'activation :\n{lien}",
    ),
}


PARIS = ZoneInfo("Europe/Paris")


def now_text() -> str:
    """The current time as a mail states it: « 23/11/2026 à 14:05 », French time."""
    return datetime.now(PARIS).strftime("%d/%m/%Y à %H:%M")


@dataclass(frozen=True)
class RenderedMail:
    template: str
    subject: str
    text: str
    html: str


_URL = re.compile(r"(https?://[^\s<]+)")


def render(template: str, session: Session | None = None, **values: object) -> RenderedMail:
    """The mail of an event, from the institution's text when it changed it, else from the default."""
    subject, body = DEFAULTS[template]
    stored = session.get(MailTemplate, template) if session is not None else None
    if stored is not None:
        subject, body = stored.subject, stored.body
    body += SIGNATURE
    text = _fill(body, values)
    escaped = _fill(html.escape(body, quote=False), {key: html.escape(str(value)) for key, value in values.items()})
    return RenderedMail(template, _fill(subject, values), text, _as_html(escaped, subject))


def seed_defaults(session: Session) -> None:
    """Store the default text of every mail the institution has not written yet."""
    known = set(session.exec(select(MailTemplate.code)).all())
    for code, (subject, body) in DEFAULTS.items():
        if code not in known:
            session.add(MailTemplate(code=code, subject=subject, body=body))


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"  # an unknown placeholder in an edited text is left as it is, not a crash


def _fill(text: str, values: dict[str, object]) -> str:
    return text.format_map(_Blank(values))


def _as_html(escaped_body: str, title: str) -> str:
    linked = _URL.sub(r'<a href="\1">\1</a>', escaped_body)
    paragraphs = "".join(f"<p>{part.replace(chr(10), '<br>')}</p>" for part in linked.split("\n\n") if part.strip())
    return (
        f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
        f'<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1f2937">{paragraphs}</body></html>'
    )

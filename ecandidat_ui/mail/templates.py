"""Default French mail templates. Placeholders are {name}; values are escaped in the HTML part.

A candidate who reads English gets the English of a text from the catalogue (ecandidat_ui/language.py) while the
institution kept our default text; a text the staff rewrote (in French, in the gestion) is sent as they wrote it,
since no catalogue knows their words. The staff's own mails are in French.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from ecandidat_ui import language as languages
from ecandidat_ui import messages
from models import MailTemplate
from models.clock import PARIS

SIGNATURE = (
    "\n\nCordialement,\nLe service de scolarité {de_etablissement}\n\n"
    "Ce mail a été envoyé automatiquement, merci de ne pas y répondre."
)

DEFAULTS: dict[str, tuple[str, str]] = {
    "account_created": (
        "Création de votre compte eCandidat",
        "Bonjour {prenom} {nom},\n\n"
        "Votre compte eCandidat {de_etablissement} a été créé.\n"
        "Votre login (numéro de dossier) est : {login}\n\n"
        "Pour valider votre compte et choisir votre mot de passe, suivez ce lien :\n{lien}\n\n"
        "Ce lien est valable {jours} jours. Passé ce délai, un compte non validé est supprimé.",
    ),
    "reminder_return": (
        "Rappel : votre candidature à la formation {formation} n'est pas transmise",
        "Bonjour {prenom} {nom},\n\n"
        "Votre candidature à la formation « {formation} » n'a pas encore été transmise à la commission. "
        "La date limite de retour est le {date} : passé cette date, elle ne pourra plus l'être.\n\n"
        "Complétez-la et transmettez-la ici :\n{lien}",
    ),
    "reminder_confirmation": (
        "Rappel : confirmez votre inscription à la formation {formation}",
        "Bonjour {prenom} {nom},\n\n"
        "Vous avez été admis à la formation « {formation} » et n'avez pas encore répondu. Confirmez votre "
        "inscription, ou désistez-vous, avant le {date} : passé cette date, la place pourra être proposée à un "
        "autre candidat.\n\nRépondez ici :\n{lien}",
    ),
    "account_deleted": (
        "Suppression de votre compte eCandidat",
        "Bonjour {prenom} {nom},\n\n"
        "Comme vous l'avez demandé, votre compte eCandidat {de_etablissement} (login {login}) a été supprimé, "
        "avec votre dossier et les pièces que vous aviez déposées.\n\n"
        "Si vous n'êtes pas à l'origine de cette demande, répondez à ce message.",
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
    # One mail per type d'avis (the original's AVIS_*), each sent by the types of decision that name it
    "avis_favorable": (
        "Décision pour votre candidature à la formation {formation}",
        "Bonjour {prenom} {nom},\n\n"
        "La commission a rendu un avis favorable à votre candidature à la formation « {formation} ».\n{detail}"
        "Confirmez votre inscription, avant la date indiquée, ici :\n{lien}",
    ),
    "avis_defavorable": (
        "Décision pour votre candidature à la formation {formation}",
        "Bonjour {prenom} {nom},\n\n"
        "La commission a rendu un avis défavorable à votre candidature à la formation « {formation} ».\n"
        "Motif : {motif}\n{detail}Retrouvez cette décision ici :\n{lien}",
    ),
    "avis_liste_attente": (
        "Décision pour votre candidature à la formation {formation}",
        "Bonjour {prenom} {nom},\n\n"
        "Votre candidature à la formation « {formation} » est placée sur liste d'attente.\n{detail}"
        "Vous serez informé par mail de la suite. Retrouvez cette décision ici :\n{lien}",
    ),
    "avis_liste_complementaire": (
        "Décision pour votre candidature à la formation {formation}",
        "Bonjour {prenom} {nom},\n\n"
        "Votre candidature à la formation « {formation} » est placée sur liste complémentaire, au rang {rang}.\n"
        "{detail}Si une place se libère, vous en serez informé par mail. Retrouvez cette décision ici :\n{lien}",
    ),
    "avis_preselection": (
        "Décision pour votre candidature à la formation {formation}",
        "Bonjour {prenom} {nom},\n\n"
        "Votre candidature à la formation « {formation} » est présélectionnée : la commission vous convoquera "
        "à une épreuve ou un entretien.\n{detail}Retrouvez cette décision ici :\n{lien}",
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
        "Un accès à la gestion d'eCandidat {de_etablissement} vous est ouvert avec l'adresse {mail}.\n"
        "Pour choisir votre mot de passe et configurer votre application d'authentification "
        "(le second facteur demandé à chaque connexion), suivez ce lien :\n{lien}\n\n"
        "Ce lien ne peut servir qu'une fois et il est valable une heure. Passé ce délai, demandez-en un autre "
        "à un administrateur.",
    ),
    "staff_cas_access": (
        "Votre accès à la gestion eCandidat",
        "Bonjour {prenom} {nom},\n\n"
        "Un accès à la gestion d'eCandidat {de_etablissement} vous est ouvert. Connectez-vous avec votre "
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


CANDIDATE = ("prenom", "nom", "login", "etablissement", "de_etablissement")
CANDIDATURE = (*CANDIDATE, "formation", "date_retour", "lien")
STAFF = ("prenom", "nom", "mail", "etablissement", "de_etablissement")
AVIS = (*CANDIDATE, "formation", "lien", "decision", "detail", "motif", "rang")


@dataclass(frozen=True)
class MailKind:
    """What a mail is for and what its text may say: the variables filled when it is sent, and those it must
    keep (a validation mail without its link is useless)."""

    title: str
    purpose: str
    variables: tuple[str, ...]
    required: tuple[str, ...] = ()
    link: str = ""  # what {lien} leads to, in this mail


CATALOGUE: dict[str, MailKind] = {
    "account_created": MailKind(
        "Création de compte",
        "Envoyé au candidat qui vient de créer son compte : son login et le lien pour le valider.",
        (*CANDIDATE, "lien", "jours"),
        ("lien",),
        "le lien de validation du compte",
    ),
    "reminder_return": MailKind(
        "Rappel avant la date limite de retour",
        "Envoyé une fois, quelques jours avant la date limite de retour (Paramètres), au candidat dont la "
        "candidature n'est pas transmise.",
        (*CANDIDATE, "formation", "date", "lien"),
        ("lien",),
        "la candidature",
    ),
    "reminder_confirmation": MailKind(
        "Rappel avant la date limite de confirmation",
        "Envoyé une fois, quelques jours avant la date limite de confirmation (Paramètres), au candidat admis qui "
        "n'a ni confirmé ni renoncé.",
        (*CANDIDATE, "formation", "date", "lien"),
        ("lien",),
        "la candidature",
    ),
    "account_deleted": MailKind(
        "Suppression de compte",
        "Envoyé au candidat qui a supprimé son compte depuis « Mes données personnelles ».",
        CANDIDATE,
    ),
    "activation_resent": MailKind(
        "Nouveau lien de validation",
        "Envoyé au candidat qui a demandé un nouveau lien (« J'ai perdu mon code d'activation »).",
        (*CANDIDATE, "lien", "jours"),
        ("lien",),
        "le lien de validation du compte",
    ),
    "already_validated": MailKind(
        "Compte déjà validé",
        "Envoyé à qui demande un lien de validation pour un compte déjà validé.",
        (*CANDIDATE, "lien"),
        (),
        "la page de connexion",
    ),
    "mail_changed": MailKind(
        "Changement d'adresse mail",
        "Envoyé à la nouvelle adresse d'un candidat qui l'a modifiée : le lien pour la valider.",
        (*CANDIDATE, "lien", "jours"),
        ("lien",),
        "le lien de validation de la nouvelle adresse",
    ),
    "password_reset": MailKind(
        "Identifiants oubliés",
        "Envoyé au candidat qui a cliqué sur « J'ai oublié mes identifiants » : son login et un lien d'une heure "
        "pour choisir un nouveau mot de passe.",
        (*CANDIDATE, "lien"),
        ("lien",),
        "le lien pour choisir un nouveau mot de passe",
    ),
    "password_changed": MailKind(
        "Mot de passe modifié",
        "Envoyé au candidat dont le mot de passe vient d'être changé, pour qu'il réagisse si ce n'était pas lui.",
        (*CANDIDATE, "date", "lien"),
        (),
        "la page d'accueil",
    ),
    "candidature_created": MailKind(
        "Candidature enregistrée",
        "Envoyé quand le candidat crée une candidature : la date limite pour la compléter et la transmettre.",
        CANDIDATURE,
        (),
        "l'onglet Candidatures",
    ),
    "candidature_transmitted": MailKind(
        "Candidature transmise",
        "Envoyé quand le candidat transmet sa candidature à la commission.",
        (*CANDIDATURE, "date"),
        (),
        "l'onglet Candidatures",
    ),
    "candidature_cancelled": MailKind(
        "Candidature annulée",
        "Envoyé quand le candidat annule une candidature pas encore transmise.",
        CANDIDATURE,
        (),
        "l'onglet Candidatures",
    ),
    "candidature_status": MailKind(
        "Statut du dossier",
        "Envoyé quand la scolarité change le statut du dossier (Réceptionné, Incomplet, Complet).",
        ("prenom", "nom", "login", "etablissement", "de_etablissement", "formation", "lien", "statut", "detail"),
        (),
        "la candidature",
    ),
    "candidature_decision": MailKind(
        "Décision de la commission",
        "Envoyé quand l'avis de la commission est validé.",
        ("prenom", "nom", "login", "etablissement", "de_etablissement", "formation", "lien", "decision", "detail"),
        (),
        "la candidature",
    ),
    "avis_favorable": MailKind(
        "Avis favorable",
        "Envoyé quand un avis favorable est validé (types de décision « Favorable » qui le choisissent).",
        AVIS,
        (),
        "la candidature",
    ),
    "avis_defavorable": MailKind(
        "Avis défavorable",
        "Envoyé quand un avis défavorable est validé, avec sa motivation.",
        AVIS,
        (),
        "la candidature",
    ),
    "avis_liste_attente": MailKind(
        "Liste d'attente",
        "Envoyé quand un avis de liste d'attente est validé.",
        AVIS,
        (),
        "la candidature",
    ),
    "avis_liste_complementaire": MailKind(
        "Liste complémentaire",
        "Envoyé quand un avis de liste complémentaire est validé, avec le rang du candidat.",
        AVIS,
        (),
        "la candidature",
    ),
    "avis_preselection": MailKind(
        "Présélection",
        "Envoyé quand un avis de présélection est validé.",
        AVIS,
        (),
        "la candidature",
    ),
    "candidature_confirmed": MailKind(
        "Confirmation d'inscription",
        "Envoyé quand le candidat confirme son inscription après un avis favorable.",
        CANDIDATURE,
        (),
        "l'onglet Candidatures",
    ),
    "candidature_withdrawn": MailKind(
        "Désistement",
        "Envoyé quand le candidat se désiste d'une formation.",
        CANDIDATURE,
        (),
        "l'onglet Candidatures",
    ),
    "staff_setup": MailKind(
        "Accès à la gestion",
        "Envoyé à un membre du personnel ajouté (ou à qui un administrateur renvoie un lien) : le lien pour "
        "choisir son mot de passe et son second facteur.",
        (*STAFF, "lien"),
        ("lien",),
        "le lien d'activation du compte de gestion",
    ),
    "staff_cas_access": MailKind(
        "Accès à la gestion par CAS",
        "Envoyé à un membre du personnel ajouté avec son identifiant de l'établissement (CAS).",
        (*STAFF, "login_cas", "lien"),
        (),
        "la connexion à la gestion",
    ),
    "staff_new_address": MailKind(
        "Connexion depuis une nouvelle adresse",
        "Envoyé à un membre du personnel quand son compte est utilisé depuis une adresse inconnue jusqu'ici.",
        (*STAFF, "date", "adresse", "lien"),
        (),
        "la connexion à la gestion",
    ),
}

VARIABLES: dict[str, str] = {
    "prenom": "Prénom du destinataire",
    "nom": "Nom du destinataire",
    "login": "Login du candidat (son numéro de dossier)",
    "etablissement": "Nom de l'établissement",
    "de_etablissement": "« de » et le nom de l'établissement, avec son article (« de l'Université Esup »)",
    "mail": "Adresse mail du destinataire",
    "lien": "Lien",
    "jours": "Nombre de jours de validité du lien",
    "date": "Date et heure de l'événement",
    "formation": "Libellé de la formation",
    "date_retour": "Date limite de retour du dossier",
    "statut": "Nouveau statut du dossier",
    "decision": "Décision de la commission (avec le rang en liste complémentaire)",
    "detail": "Précision selon le statut, ou commentaire de la commission (peut être vide)",
    "motif": "Motivation d'un avis défavorable (peut être vide)",
    "rang": "Rang sur la liste complémentaire (peut être vide)",
    "login_cas": "Identifiant de l'établissement (CAS) du membre du personnel",
    "adresse": "Adresse IP de la connexion",
}


def now_text() -> str:
    """The current time as a mail states it: « 23/11/2026 à 14:05 » (« at » in English), French time."""
    now = datetime.now(PARIS)
    return messages.DATE_AT_TIME.format(date=f"{now:%d/%m/%Y}", time=f"{now:%H:%M}")


@dataclass(frozen=True)
class RenderedMail:
    template: str
    subject: str
    text: str
    html: str


_URL = re.compile(r"(https?://[^\s<]+)")


def render(
    template: str, session: Session | None = None, *, language: str | None = None, **values: object
) -> RenderedMail:
    """The mail of an event in the recipient's `language` (French when None), from the institution's text when it
    changed it, else from the default."""
    chosen = languages.supported(language)
    subject, body = DEFAULTS[template]
    stored = session.get(MailTemplate, template) if session is not None else None
    if stored is not None and (stored.subject, stored.body) != (subject, body):
        return render_text(template, stored.subject, stored.body, values)  # the staff's words, as written
    with languages.using(chosen):
        translated = {key: languages.translated(value) for key, value in values.items()}
        return render_text(template, languages.translate(subject), languages.translate(body), translated)


def render_text(template: str, subject: str, body: str, values: dict[str, object]) -> RenderedMail:
    """A mail from a given text (checked by services.mail_texts: only known {placeholders}), signed in the
    current language."""
    body += languages.translate(SIGNATURE)
    text = _fill(body, values)
    escaped = _fill(html.escape(body, quote=False), {key: html.escape(str(value)) for key, value in values.items()})
    filled_subject = _fill(subject, values)
    return RenderedMail(template, filled_subject, text, _as_html(escaped, filled_subject, languages.current()))


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


def _as_html(escaped_body: str, title: str, lang: str) -> str:
    linked = _URL.sub(r'<a href="\1">\1</a>', escaped_body)
    paragraphs = "".join(f"<p>{part.replace(chr(10), '<br>')}</p>" for part in linked.split("\n\n") if part.strip())
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
        f'<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1f2937">{paragraphs}</body></html>'
    )

"""Every text a candidate reads, once. Reference texts of the seeds and the spec are kept word for word."""

import sys as _sys
import types as _types

from ecandidat_ui import language as _language

# Account lifecycle (spec §2)
ACCOUNT_CREATED = "Votre compte a été créé avec succès, veuillez consulter vos courriels pour le valider"
MAIL_ALREADY_USED = "Un compte avec cette adresse mail existe déjà"
MAIL_CONFIRMATION_DIFFERS = "La confirmation de l'adresse mail ne correspond pas à l'adresse mail"
NOT_VALIDATED = (
    "Connexion impossible. Votre compte n'a pas été validé, veuillez consulter vos courriels pour le valider"
)
UNKNOWN_LOGIN = "Ce login ne correspond à aucun compte pour la campagne en cours"
WRONG_PASSWORD = "Votre mot de passe est incorrect"
RESET_SENT = "Un mail vous a été envoyé contenant votre login et un lien de réinitialisation de votre mot de passe"
ACTIVATION_SENT = "Un mail vous a été envoyé contenant votre login et la procédure de validation de votre compte"
VALIDATED = "Votre compte a été validé"
ALREADY_VALIDATED = "Ce compte a déjà été validé"
UNKNOWN_LINK = "Ce compte n'existe pas, validation impossible"
MAIL_CHANGED = "Votre adresse mail a été modifiée, consultez vos courriels pour valider votre compte"
PASSWORD_CHANGED = "Votre mot de passe a été modifié avec succès"
REQUIRED = "Champ obligatoire"
BAD_MAIL = "Adresse mail invalide"
BAD_PHONE = "Numéro de Téléphone invalide"
BAD_POSTAL_CODE = "Le code postal doit être un nombre"
NO_ACTIVE_CAMPAIGN = "Aucune campagne n'est active, l'application est indisponible aux candidats"
ACCOUNT_NOTICE = (
    "Attention, lorsque vous aurez modifié votre compte, vous serez déconnecté. "
    "Vous devrez consulter vos courriels pour valider votre adresse, puis vous pourrez vous reconnecter."
)
FORGOTTEN_INTRO = (
    "Saisissez votre adresse mail utilisée pour la création de votre compte, un mail vous sera envoyé "
    "contenant votre login et un lien pour choisir un nouveau mot de passe"
)
LOST_ACTIVATION_INTRO = (
    "Saisissez votre adresse mail utilisée pour la création de votre compte, un mail vous sera envoyé "
    "contenant votre login et un nouveau lien de validation"
)

# Ours: limits, links and passwords
TOO_LONG = "Ce champ ne peut pas dépasser {max} caractères"
FORBIDDEN_CHARACTERS = "Ce champ contient des caractères non autorisés"
LINK_USED = "Ce lien a déjà été utilisé"
LINK_REPLACED = "Ce lien a été remplacé par un lien plus récent : utilisez le dernier mail reçu"
LINK_EXPIRED = "Ce lien a expiré"
LINK_UNKNOWN = "Ce lien n'est pas valide"
PASSWORD_TOO_SHORT = "Le mot de passe doit contenir au moins {min} caractères"
PASSWORD_TOO_LONG = "Le mot de passe ne peut pas dépasser {max} caractères"
PASSWORD_COMMON = "Ce mot de passe est trop courant, choisissez-en un autre"
PASSWORD_PERSONAL = "Le mot de passe ne doit pas contenir votre login, votre nom ou votre adresse mail"
PASSWORD_CONFIRMATION_DIFFERS = "La confirmation ne correspond pas au mot de passe"
CURRENT_PASSWORD_WRONG = "Votre mot de passe actuel est incorrect"
PASSWORD_HINT = "Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner."
TOO_MANY_ATTEMPTS = "Trop de tentatives, veuillez réessayer dans {minutes} minutes"
TOO_MANY_ATTEMPTS_ONE = "Trop de tentatives, veuillez réessayer dans 1 minute"
TOO_MANY_ATTEMPTS_SECONDS = "Trop de tentatives, veuillez réessayer dans {seconds} secondes"
PASSWORD_SET = "Votre mot de passe a été enregistré, vous pouvez vous connecter"
SESSION_EXPIRED = "Votre session a expiré, veuillez vous reconnecter"
SIGNED_OUT = "Vous êtes déconnecté"
ACCOUNT_UPDATED = "Votre compte a été modifié"
SIGN_IN_REQUIRED = "Veuillez vous connecter pour accéder à cette page"
COMING_SOON = "Cette rubrique arrive bientôt : vous pourrez y compléter votre dossier dans une prochaine version."
NO_FORMATION = "Aucune formation n'est ouverte à la candidature pour le moment."
UNEXPECTED_ERROR = "Une erreur inattendue est survenue, veuillez réessayer"

STRENGTH_LABELS = ("Très faible", "Faible", "Moyenne", "Bonne", "Excellente")

WELCOME = "Bienvenue {name}."
CONNECTED_AS = "Vous êtes connecté avec le login : {login}"
CHOOSE_IN_MENU = "Vous avez un compte eCandidat, choisissez une option dans le menu de gauche"
DATA_PROTECTION = (
    "Les informations recueillies sur ce site sont enregistrées dans un fichier informatisé par {etablissement} "
    "pour la gestion des candidatures. Elles sont conservées pendant la durée de la campagne de candidature "
    "et ne sont communiquées qu'aux services chargés de l'examen des candidatures. Conformément au règlement "
    "général sur la protection des données (RGPD) et à la loi « Informatique et Libertés », vous pouvez "
    "accéder aux données vous concernant, les rectifier, demander leur effacement ou exercer votre droit à "
    "la limitation du traitement de vos données en écrivant à {contact}."
)

# Mon compte (spec §3)
BAD_BIRTH_DATE = "La date de naissance est invalide"
BAD_INE = "Le numéro INE et la clé INE sont incorrects"
INE_TAKEN = "Cet INE a déjà été attribué à un candidat, vous ne pouvez pas continuer"
INE_HINT = "L'INE correspond au code INE et sa clé (tout attaché : sans espace, ni tiret, etc..)"
UNKNOWN_POSTAL_CODE = "Ce code postal ne correspond à aucune commune"
COMMUNE_NOT_IN_POSTAL_CODE = "Cette commune ne correspond pas au code postal"
UNKNOWN_VALUE = "Valeur inconnue, choisissez-la dans la liste"
BAD_YEAR = "L'année doit être comprise entre {min} et {max}"
BAD_NUMBER = "Ce champ doit être un nombre"
BAD_HOURS = "Le nombre d'heures par semaine doit être compris entre 1 et 99"
TWO_SPECIALTIES = "Choisissez les 2 enseignements de spécialité suivis en Terminale"
DROPPED_SPECIALTY_KEPT = "L'enseignement abandonné en fin de Première ne peut pas être l'un des 2 suivis en Terminale"
FILE_CONFLICT = (
    "Cet onglet a été enregistré entre-temps depuis une autre fenêtre. Votre saisie est conservée ci-dessous, "
    "à côté de la version enregistrée : choisissez celle à garder."
)
SAVED = "Vos informations ont été enregistrées"
DRAFT_RESTORED = "Nous avons retrouvé une saisie non enregistrée de cet onglet : elle est affichée ci-dessous."
UNSAVED_CHANGES = "Vous avez des modifications non enregistrées. Voulez-vous quitter cet onglet sans les enregistrer ?"
LOCKED_BY_INSTITUTION = "Renseigné par l'établissement"
REQUIRED_TABS = "Vous devez obligatoirement remplir les {count} onglets suivants avant de candidater : {tabs}."
FILE_COMPLETE = "Les onglets obligatoires de votre dossier sont complets : vous pouvez candidater."

CAS_INCOMPLETE = (
    "Votre compte de l'établissement ne fournit pas votre nom ou votre adresse mail : "
    "créez un compte eCandidat avec le bouton « Créer un compte »."
)

# Offer and candidatures (spec §4)
CONFIRM_APPLY = "Voulez-vous candidater à la formation '{0}' ?"
APPLIED = "Votre candidature a été enregistrée. Un mail vient de vous être envoyé."
OUT_OF_WINDOW = "Vous ne pouvez pas candidater à cette formation, vous êtes en dehors de la période de dépot des voeux"
ALREADY_APPLIED = "Vous avez déjà candidaté à cette formation"
TOO_MANY_CANDIDATURES = "Vous avez atteint le nombre maximum de candidatures ({max}) pour la campagne en cours"
TOO_MANY_IN_CENTRE = "Vous avez atteint le nombre maximum de candidatures ({max}) pour ce centre de candidature"
NO_CAMPAIGN_FOR_APPLYING = "Aucune campagne n'est active : il n'est pas possible de candidater"
TRANSMIT_CONFIRM = (
    "Etes vous certain de transmettre votre candidature? Attention: une fois votre dossier transmis aucune "
    "modification ne sera possible sur votre candidature."
)
TRANSMITTED = "Votre candidature a été transmise avec succès"
ALREADY_TRANSMITTED = "Cette candidature a déjà été transmise"
TRANSMIT_TOO_LATE = "La date limite de retour du dossier est dépassée"
TRANSMIT_MISSING = "Votre candidature n'est pas complète : {missing}"
NOT_EDITABLE = "Cette candidature a été transmise : elle ne peut plus être modifiée"
UPLOAD_HINT = "Veuillez choisir un fichier (maximum = {0}Mo) de type PDF, JPG ou PNG."
FILE_TOO_BIG = "Erreur : votre fichier est trop volumineux"
FILE_EMPTY = "Erreur : votre fichier est vide"
FILE_BAD_TYPE = "Erreur : votre fichier n'est pas un PDF, un JPG ou un PNG"
NOT_CONCERNED = "Je certifie sur l'honneur ne pas être concerné"
CANCELLED = "Votre candidature a été annulée"
CANNOT_CANCEL = "Cette candidature ne peut plus être annulée"
DECISION_PENDING = "En attente"
CONFIRMED = "Vous avez confirmé votre inscription"
WITHDRAWN = "Votre désistement a été enregistré"
CANNOT_CONFIRM = "Cette candidature ne peut pas être confirmée"
CONFIRM_TOO_LATE = "La date limite de confirmation est dépassée"
CONFIRM_QUESTION = "Confirmez-vous votre inscription à la formation '{0}' ?"
WITHDRAW_QUESTION = "Voulez-vous vous désister de la formation '{0}' ? Votre place sera proposée à un autre candidat."

# Ours: the tables of the gestion (components/data_table.py)
TABLE_SEARCH = "Rechercher"
TABLE_EMPTY = "Aucune donnée à afficher"
TABLE_NO_MATCH = "Aucun résultat ne correspond à votre recherche"
TABLE_LOADING = "Chargement en cours…"
TABLE_ROWS_PER_PAGE = "Lignes par page :"
TABLE_OF = "sur"
TABLE_ACTIONS = "Actions"
TABLE_COUNT_NONE = "Aucun résultat"
TABLE_COUNT_ONE = "1 résultat"
TABLE_COUNT_MANY = "{count} résultats"
TABLE_LOAD_FAILED = "La liste n'a pas pu être chargée, veuillez réessayer"
TABLE_RETRY = "Réessayer"
TABLE_SELECT_ROW = "Sélectionner"
TABLE_SELECT_PAGE = "Sélectionner toutes les lignes de la page"
TABLE_SELECTED = "{count} ligne(s) sélectionnée(s)"
# Gestion: staff accounts, second factor, rights (issue 7, BACKOFFICE §1)
STAFF_ROLES = {
    "admin": "Administrateur",
    "scolarite": "Scolarité centrale",
    "centre": "Gestionnaire de centre",
    "commission": "Membre de commission",
    "lecture": "Lecture seule",
}
STAFF_ACTIONS = {
    "manage_staff": "gérer les membres du personnel et leurs droits",
    "edit_parameters": "modifier les paramètres",
    "edit_campaigns": "modifier les campagnes",
    "read_journal": "consulter le journal",
    "edit_mails": "modifier les mails",
    "edit_messages": "modifier les messages",
    "edit_faq": "modifier la FAQ",
    "edit_decision_types": "modifier les types de décision",
    "edit_motivations": "modifier les motivations d'avis",
    "import_offer": "importer l'offre de formation",
    "view_setup": "consulter le paramétrage",
    "edit_centre": "modifier les centres de candidature",
    "edit_commission": "modifier les commissions",
    "edit_formation": "modifier les formations",
    "edit_pieces": "modifier les pièces justificatives",
    "edit_questions": "modifier les questions",
    "edit_tags": "modifier les tags",
    "view_candidatures": "consulter les candidatures",
    "view_statistics": "consulter les tableaux de bord",
    "export": "exporter les candidatures",
    "set_status": "saisir le statut des dossiers",
    "review_pieces": "valider ou refuser les pièces justificatives",
    "enter_avis": "saisir les avis",
    "validate_avis": "valider les avis",
    "set_tags": "attribuer des tags aux candidatures",
    "set_dates": "modifier les dates de confirmation ou de retour d'une candidature",
    "write_notes": "écrire dans le bloc-notes",
}
RIGHT_REFUSED = "Vous n'avez pas le droit de {action}."
RIGHT_REFUSED_INSTITUTION = "Vous n'avez pas le droit de {action} pour l'ensemble de l'établissement."
RIGHT_REFUSED_CENTRE = "Vous n'avez pas le droit de {action} pour ce centre de candidature."
RIGHT_REFUSED_COMMISSION = "Vous n'avez pas le droit de {action} pour cette commission."
RIGHT_READ_ONLY = "Vos droits sur ce centre de candidature sont en lecture seule : vous ne pouvez pas {action}."
GRANT_READ_ONLY = "lecture seule"
GRANT_PRESIDENT = "Président"
GRANT_COMMISSIONS = "commissions : {labels}"

STAFF_MAIL_TAKEN = "Un membre du personnel a déjà cette adresse mail"
STAFF_CAS_TAKEN = "Ce login CAS est déjà celui d'un autre membre du personnel"
STAFF_BAD_CAS_LOGIN = "Le login CAS ne peut contenir ni espace ni caractère spécial invisible"
STAFF_UNKNOWN_MEMBER = "Ce membre du personnel n'existe pas"
STAFF_UNKNOWN_GRANT = "Ce droit n'existe pas ou a déjà été retiré"
STAFF_GRANT_EXISTS = "Ce membre du personnel a déjà ce droit"
STAFF_NOT_YOURSELF = "Vous ne pouvez pas désactiver votre propre compte"
STAFF_LAST_ADMIN = "Il doit rester au moins un administrateur actif"
GRANT_ROLE_REQUIRED = "Choisissez un rôle"
GRANT_CENTRE_REQUIRED = "Choisissez le centre de candidature"
GRANT_COMMISSION_REQUIRED = "Choisissez la commission"
GRANT_COMMISSION_OUTSIDE = "Choisissez des commissions de ce centre de candidature"

STAFF_SIGN_IN_FAILED = "Adresse mail, mot de passe ou code incorrect"
STAFF_INACTIVE = "Votre compte de gestion est désactivé : adressez-vous à un administrateur"
STAFF_UNKNOWN_CAS = (
    "Votre identifiant de l'établissement ({login}) ne donne accès à aucun compte de gestion : "
    "demandez à un administrateur de vous l'attribuer"
)
STAFF_SIGN_IN_REQUIRED = "Veuillez vous connecter à la gestion pour accéder à cette page"
STAFF_CODE_HINT = "Le code à 6 chiffres de votre application d'authentification, ou l'un de vos codes de secours"
TOTP_WRONG_CODE = "Ce code n'est pas le bon : saisissez le code à 6 chiffres affiché en ce moment par votre application"
TOTP_QR_TITLE = "Code QR à scanner avec votre application d'authentification"
STAFF_SETUP_DONE = (
    "Votre compte de gestion est prêt. Conservez vos codes de secours en lieu sûr : "
    "chacun remplace une seule fois le code de votre application."
)
JOURNAL_COMMAND = "Commande d'administration"

# Gestion: the offer's frame — campaigns, centres, commissions, formations (issue 7, BACKOFFICE §2)
YES = "Oui"
NO = "Non"
IN_SERVICE = "En service"
OUT_OF_SERVICE = "Hors service"
SETUP_BAD_CODE = "Le code ne peut contenir que des lettres sans accent, des chiffres et les signes - _ ."
SETUP_CODE_TAKEN = "Le code existe déjà"
SETUP_BAD_URL = "Url invalide"
SETUP_BAD_DATE = "Date invalide (JJ/MM/AAAA attendu)"
SETUP_BAD_TIME = "Heure invalide (HH:MM attendu)"
SETUP_WHOLE_NUMBER = "Ce champ doit être un nombre entier"
SETUP_NUMBER_RANGE = "La valeur doit être comprise entre {min} et {max}"
SETUP_SAVED = "Les modifications ont été enregistrées"
SETUP_DELETED = "La suppression a été effectuée"
SETUP_SAVE_FAILED = "L'enregistrement n'a pas pu être effectué, veuillez réessayer"
DATE_ORDER = "« {later} » doit être postérieure ou égale à « {earlier} »"
DATE_LABELS = {
    "opens_on": "Date début dépôt",
    "closes_on": "Date fin dépôt",
    "preanalysis_on": "Date de pré-analyse",
    "return_by": "Date de retour des dossiers",
    "jury_on": "Date de jury",
    "publication_on": "Date de publication",
    "confirm_by": "Date de confirmation",
    "waiting_list_confirm_by": "Date de confirmation liste comp.",
}
CONFIRM_DATE_OR_DELAY = "Renseignez une date ou un délai de confirmation, pas les deux"

CAMPAIGN_STATES = {"active": "Active", "waiting": "En attente d'activation", "archived": "Archivée"}
CAMPAIGN_UNKNOWN = "Cette campagne n'existe pas"
CAMPAIGN_ALREADY_WAITING = "Une campagne est en attente d'activation, impossible de créer une nouvelle campagne"
CAMPAIGN_ARCHIVED_READ_ONLY = "Cette campagne est archivée : elle ne peut plus être modifiée"
CAMPAIGN_NOT_WAITING = "Seule une campagne en attente d'activation peut être activée"
CAMPAIGN_DELETE_ACTIVATED = "Cette campagne a été activée, vous ne pouvez pas la supprimer"
CAMPAIGN_END_BEFORE_START = "La date de fin doit être postérieure ou égale à la date de début"
CAMPAIGN_CANDIDATES_END_BEFORE_START = "La date de fin candidats doit être postérieure ou égale à la date de début"
CAMPAIGN_CANDIDATES_END_AFTER_END = "La date de fin candidats doit être antérieure ou égale à la date de fin"
CAMPAIGN_TO_ARCHIVE = "Campagne à archiver : {0}"
CAMPAIGN_ACTIVATE_QUESTION = (
    "Activer la campagne « {new} » ? La campagne « {old} » sera archivée : ses candidatures restent consultables, "
    "et les candidats gardent leur compte et leur dossier."
)
CAMPAIGN_ACTIVATE_FIRST = "Activer la campagne « {new} » ?"
CAMPAIGN_ACTIVATED = "La campagne « {new} » est active"
FORMATION_NOT_OFFERED = "Cette formation n'est plus proposée à la candidature"
CANDIDATURE_ARCHIVED = "Cette candidature appartient à une campagne archivée : elle ne peut plus être modifiée"

CENTRE_UNKNOWN = "Ce centre de candidature n'existe pas"
CENTRE_HAS_FORMATIONS = "Suppression impossible, ce centre de candidature est rattaché à des formations"
CENTRE_HAS_COMMISSIONS = "Suppression impossible, ce centre de candidature est rattaché à des commissions"
CENTRE_HAS_MANAGERS = "Suppression impossible, des gestionnaires sont rattachés à ce centre de candidature"

COMMISSION_UNKNOWN = "Cette commission n'existe pas"
COMMISSION_HAS_FORMATIONS = "Suppression impossible, cette commission est rattachée à des formations"
COMMISSION_HAS_MEMBERS = "Suppression impossible, des membres ou gestionnaires sont rattachés à cette commission"
COMMISSION_MOVE_WITH_FORMATIONS = "Cette commission a des formations : elle ne peut pas changer de centre"
SIGNATURE_BAD_TYPE = "Erreur : l'image de signature doit être un fichier PNG ou JPG"
SIGNATURE_TOO_LARGE = "Erreur : l'image de signature ne doit pas dépasser {max} pixels de côté"
SIGNATURE_UNREADABLE = "Erreur : cette image est illisible ou endommagée"
SIGNATURE_HINT = "Image PNG ou JPG de 1 Mo au plus, imprimée sur les lettres d'admission et de refus"

FORMATION_UNKNOWN = "Cette formation n'existe pas"
FORMATION_COMMISSION_OF_CENTRE = "Choisissez une commission de ce centre de candidature"
FORMATION_HAS_CANDIDATURES = (
    "Suppression impossible, cette formation a des candidatures : mettez-la plutôt hors service"
)
FORMATION_STATES = {
    "ok": "Formation ok",
    "off": "Formation hors service",
    "no_campaign": "Aucune campagne active",
    "outside_campaign": "Dates hors campagne",
}
TREATMENT_TYPES = {"AD": "Accès direct", "AC": "Accès contrôlé", "AT": "En attente"}
BULK_NOTHING_SELECTED = "Sélectionnez au moins une formation"
BULK_NOTHING_TO_CHANGE = "Renseignez au moins une date ou le témoin « En service » à modifier"
BULK_TOO_MANY = "Vous ne pouvez pas modifier plus de {max} formations à la fois"
BULK_DONE = "{count} formation(s) modifiée(s)"
BULK_REFUSED = "{count} formation(s) non modifiée(s) :"
STAFF_CAS_INTRO = "Avec votre identifiant et votre mot de passe de l'établissement"
STAFF_SCREEN_REFUSED = "Vous n'avez pas le droit d'ouvrir cet écran."
STAFF_WELCOME = "Bonjour {name}, bienvenue dans la gestion d'eCandidat."
STAFF_NO_RIGHT = "Aucun droit ne vous a encore été donné : adressez-vous à un administrateur."
STAFF_NO_SCREEN = "Vos droits n'ouvrent encore aucun écran de la gestion."
TOTP_SCAN = (
    "Scannez ce code QR avec votre application d'authentification (par exemple FreeOTP, Aegis, "
    "Google Authenticator ou Microsoft Authenticator)."
)
TOTP_CANNOT_SCAN = "Vous ne pouvez pas scanner ? Saisissez cette clé dans l'application :"
TOTP_COPY_SECRET = "Copier la clé"
TOTP_FIRST_CODE_HINT = "Le code que l'application affiche maintenant, pour vérifier qu'elle est bien configurée"
RECOVERY_CODES_TITLE = "Vos codes de secours"
RECOVERY_CODES_ONCE = (
    "Ils ne seront plus jamais affichés. Chacun remplace une seule fois le code de votre application "
    "si vous n'avez plus votre téléphone : copiez-les, téléchargez-les ou imprimez-les, et gardez-les en lieu sûr."
)
RECOVERY_COPY = "Copier les codes"
RECOVERY_DOWNLOAD = "Télécharger"
RECOVERY_PRINT = "Imprimer"
RECOVERY_RENEW_INTRO = (
    "Vous avez utilisé ou perdu vos codes de secours ? Saisissez le code affiché par votre application pour en "
    "obtenir dix nouveaux : les anciens ne fonctionneront plus."
)
STAFF_MEMBER_INTRO = (
    "Sans login CAS, le membre reçoit par mail un lien pour choisir son mot de passe et configurer la double "
    "authentification. Avec un login CAS, il se connecte avec le compte de l'établissement."
)
STAFF_CAS_LOGIN_HINT = "Son identifiant dans l'annuaire de l'établissement, s'il se connecte avec CAS"
STAFF_ACTIVE = "Actif"
STAFF_DEACTIVATED = "Désactivé"
STAFF_NOT_SET_UP = "Compte non activé"
STAFF_NO_GRANT = "Aucun droit"
STAFF_NONE = "Aucun membre du personnel"
STAFF_ADDED_LINK = "Le membre a été ajouté et a reçu par mail son lien d'activation. Donnez-lui maintenant ses droits."
STAFF_ADDED_CAS = "Le membre a été ajouté et prévenu par mail. Donnez-lui maintenant ses droits."
STAFF_SAVED = "Les modifications ont été enregistrées"
STAFF_LINK_SENT = "Un nouveau lien d'activation a été envoyé à {mail} ; les précédents ne fonctionnent plus."
STAFF_DEACTIVATE_QUESTION = "Désactiver le compte de {name} ? Ses sessions prennent fin immédiatement."
GRANT_REVOKED = "Le droit a été retiré"
GRANT_ALL_COMMISSIONS = "Vide : toutes les commissions du centre"
JOURNAL_BAD_DATE = "Saisissez une date valide"
JOURNAL_DATES_ORDER = "Cette date doit suivre la date de début"
JOURNAL_NO_VALUES = "Cette ligne ne garde aucune valeur."
JOURNAL_EMPTY = "Aucune ligne dans le journal"
JOURNAL_ACTIONS = {
    "staff.create": "Ajout d'un membre du personnel",
    "staff.update": "Modification d'un membre du personnel",
    "staff.grant": "Droit donné",
    "staff.revoke": "Droit retiré",
    "staff.deactivate": "Compte désactivé",
    "staff.reactivate": "Compte réactivé",
    "staff.setup_link": "Lien d'activation envoyé",
    "staff.setup": "Compte activé",
    "staff.recovery_codes": "Nouveaux codes de secours",
    "campaign.create": "Création d'une campagne",
    "campaign.update": "Modification d'une campagne",
    "campaign.activate": "Campagne activée",
    "campaign.archive": "Campagne archivée",
    "campaign.delete": "Suppression d'une campagne",
    "centre.create": "Création d'un centre de candidature",
    "centre.update": "Modification d'un centre de candidature",
    "centre.delete": "Suppression d'un centre de candidature",
    "commission.create": "Création d'une commission",
    "commission.update": "Modification d'une commission",
    "commission.signature": "Image de signature d'une commission",
    "commission.delete": "Suppression d'une commission",
    "formation.create": "Création d'une formation",
    "formation.update": "Modification d'une formation",
    "formation.duplicate": "Copie d'une formation",
    "formation.dates": "Edition en masse des dates d'une formation",
    "formation.delete": "Suppression d'une formation",
}
JOURNAL_FIELDS = {
    "mail": "Adresse mail",
    "mail_key": "Adresse mail (recherche)",
    "last_name": "Nom",
    "first_name": "Prénom",
    "cas_login": "Login CAS",
    "active": "Actif",
    "created_at": "Créé le",
    "last_sign_in_at": "Dernière connexion",
    "droit": "Droit",
    "role": "Rôle",
    "centre_id": "Centre (n°)",
    "commission_id": "Commission (n°)",
    "commissions": "Commissions (n°)",
    "lecture_seule": "Lecture seule",
    "president": "Président",
    "code": "Code",
    "label": "Libellé",
}
JOURNAL_OBJECTS = {
    "staffmember": "Membre du personnel",
    "centre": "Centre de candidature",
    "commission": "Commission",
    "formation": "Formation",
    "campaign": "Campagne",
}
COPIED = "Copié dans le presse-papiers"
SETUP_ASK_NEW_LINK = "Demandez un nouveau lien à un administrateur de la gestion."
SETUP_GREETING = (
    "Bonjour {name}, choisissez votre mot de passe et configurez la double authentification "
    "de votre compte de gestion ({mail})."
)
CAS_NO_TICKET = "Aucun ticket d'authentification n'a été reçu, veuillez vous reconnecter"

# Gestion: mails, messages, FAQ and parameters (issue 7, BACKOFFICE §2)
MAIL_UNKNOWN = "Ce mail n'existe pas"
MAIL_UNKNOWN_VARIABLE = (
    "La variable {{{name}}} n'existe pas pour ce mail : choisissez-en une dans la liste des variables"
)
MAIL_UNKNOWN_VARIABLES = (
    "Les variables {names} n'existent pas pour ce mail : choisissez-les dans la liste des variables"
)
MAIL_BRACES = "Accolade seule : une variable s'écrit {prenom} ; pour écrire une accolade, doublez-la : {{ ou }}"
MAIL_VARIABLE_FORM = "« {text} » : une variable s'écrit seule entre accolades, par exemple {{prenom}}"
MAIL_MISSING_VARIABLE = (
    "Le texte doit contenir la variable {{{name}}} : sans elle, le destinataire ne peut pas suivre le lien du mail"
)
MAIL_ONE_LINE = "L'objet tient sur une seule ligne"
MAIL_SAVED = "Le mail a été enregistré"
MAIL_RESET_DONE = "Le texte par défaut du mail a été rétabli"
MAIL_TEST_SENT = "Un mail de test a été envoyé à {mail}"
MAIL_TEST_PREFIX = "[Test] "
MAIL_EDITED = "Modifié"
MAIL_DEFAULT = "Texte par défaut"

MARKDOWN_REFUSED_LINK = "Lien refusé : {links} (seuls les liens http://, https://, mailto: et tel: sont acceptés)"
SITE_MESSAGES = {
    "home": ("Message d'accueil", "Affiché à tous sur la page d'accueil, au-dessus de la connexion."),
    "maintenance": (
        "Message de maintenance",
        "Affiché en haut de toutes les pages des candidats tant qu'il n'est pas vide : videz-le pour le retirer.",
    ),
}
SITE_MESSAGE_UNKNOWN = "Ce message n'existe pas"
SITE_MESSAGE_SAVED = "Le message a été enregistré"
SITE_MESSAGE_NONE = "(aucun : rien n'est affiché)"
MAINTENANCE_LABEL = "Message de maintenance"

FAQ_UNKNOWN = "Cette question n'existe pas ou a été supprimée"
FAQ_SAVED = "La question a été enregistrée"
FAQ_DELETED = "La question a été supprimée"
FAQ_TITLE = "Questions fréquentes"

PARAMETER_UNKNOWN = "Ce paramètre n'existe pas"
PARAMETER_NOT_INTEGER = "Saisissez un nombre entier"
PARAMETER_BETWEEN = "Saisissez un nombre entre {min} et {max}"
PARAMETER_NOT_BOOLEAN = "Choisissez oui ou non"
PARAMETER_BAD_URL = "L'adresse doit commencer par http:// ou https://"
PARAMETER_BAD_PREFIX = "Au plus 2 caractères, chiffres ou lettres majuscules sans accent (0-9, A-Z)"
PARAMETER_SAVED = "Le paramètre a été enregistré"
PARAMETER_RESET_DONE = "La valeur par défaut du paramètre a été rétablie"
PARAMETERS = {  # code: (label, explanation)
    "max_candidatures": (
        "Nombre maximum de candidatures par campagne",
        "Au-delà, un candidat ne peut plus candidater dans la campagne en cours. Une candidature annulée ne "
        "compte pas.",
    ),
    "max_candidatures_per_centre": (
        "Nombre maximum de candidatures par centre de candidature",
        "Le même plafond pour les formations d'un même centre de candidature. 0 : pas de plafond par centre.",
    ),
    "upload_max_mb": (
        "Taille maximale d'une pièce justificative (Mo)",
        "Un fichier plus gros est refusé à l'envoi, avec un message au candidat ; cette taille est indiquée sous "
        "chaque pièce.",
    ),
    "ine_required": (
        "INE obligatoire",
        "Le numéro INE est alors demandé aux candidats de nationalité française dans « Informations perso. » : "
        "leur dossier n'est pas complet sans lui.",
    ),
    "unvalidated_account_days": (
        "Délai de suppression des comptes non validés (jours)",
        "Un compte dont l'adresse mail n'a pas été validée est supprimé après ce nombre de jours ; c'est aussi la "
        "durée de validité du lien de validation envoyé par mail.",
    ),
    "login_prefix": (
        "Préfixe des numéros de dossier",
        "Jusqu'à 2 caractères (chiffres ou lettres majuscules) au début de chaque nouveau numéro de dossier, par "
        "exemple l'année « 27 ». Les numéros déjà attribués ne changent pas.",
    ),
    "contact_mail": (
        "Adresse mail du référent de l'application",
        "Proposée aux candidats sur la page Assistance et dans la protection des données personnelles.",
    ),
    "faq_url": (
        "Adresse d'une FAQ externe",
        "Facultative : ajoute « Consulter la FAQ » vers ce site sur la page Assistance, en plus des questions de "
        "l'écran FAQ.",
    ),
    "documentation_url": (
        "Adresse de la documentation",
        "Facultative : ajoute « Consulter la documentation » vers ce site sur la page Assistance.",
    ),
    "dpo_mail": (
        "Adresse mail du délégué à la protection des données",
        "Donnée aux candidats sur la page « Données personnelles » pour exercer leurs droits (RGPD).",
    ),
    "retention_years": (
        "Durée de conservation des dossiers transmis (années)",
        "Après la fin de la dernière campagne où il a transmis une candidature, le dossier d'un candidat est "
        "conservé ce nombre d'années ; il ne peut pas supprimer son compte avant. Annoncée sur la page "
        "« Données personnelles ».",
    ),
    "reminder_days": (
        "Rappels avant les dates limites (jours)",
        "Ce nombre de jours avant la date limite de retour, un mail rappelle au candidat de transmettre sa "
        "candidature ; avant la date limite de confirmation, de confirmer ou renoncer s'il est admis. Un seul rappel "
        "de chaque sorte par candidature. 0 : pas de rappel.",
    ),
}
PARAMETER_YES = "Oui"
PARAMETER_NO = "Non"
PARAMETER_EMPTY = "(vide)"
EDITOR_CANCEL = "Annuler"
EDITOR_SAVE = "Enregistrer"
EDIT = "Modifier"
MARKDOWN_HINT = (
    "Markdown : **gras**, *italique*, une ligne vide entre deux paragraphes, « - » en début de ligne pour une "
    "liste, [texte du lien](https://…) pour un lien. Le HTML est affiché tel quel."
)
PREVIEW_TITLE = "Aperçu"
MAIL_PREVIEW_TITLE = "Aperçu avec un candidat fictif"
MAIL_PREVIEW_BLOCKED = "L'aperçu reviendra quand le texte sera corrigé."
MAIL_VARIABLES_TITLE = "Variables utilisables"
MAIL_VARIABLES_HINT = "Écrivez une variable entre accolades, par exemple {prenom} ; elle est remplacée à l'envoi."
MAIL_REQUIRED_MARK = "(obligatoire)"
MAIL_SEND_TEST = "M'envoyer un test"
MAIL_RESET = "Revenir au texte par défaut"
MAIL_RESET_CONFIRM = "Remplacer l'objet et le texte de ce mail par ceux d'origine ?"
MAIL_SUBJECT_LABEL = "Objet *"
MAIL_BODY_LABEL = "Texte *"
MAIL_SIGNATURE_NOTE = "La signature de l'établissement est ajoutée à la fin de chaque mail."
MESSAGE_TEXT_LABEL = "Texte"
FAQ_QUESTION_LABEL = "Question *"
FAQ_ANSWER_LABEL = "Réponse *"
FAQ_NEW = "Nouvelle question"
FAQ_DELETE_CONFIRM = "Supprimer la question « {question} » ?"
FAQ_UP = "Monter"
FAQ_DOWN = "Descendre"
FAQ_DELETE = "Supprimer"
PARAMETER_RESET = "Revenir à la valeur par défaut"
PARAMETER_DEFAULT_IS = "Valeur par défaut : {value}"
PARAMETER_BOUNDS = "Entre {min} et {max}"
PARAMETER_VALUE_LABEL = "Valeur"
FAQ_EMPTY = "Aucune question : la page Assistance ne montre que le contact."
JOURNAL_ACTIONS.update(
    {
        "mail.update": "Texte d'un mail modifié",
        "mail.reset": "Texte d'un mail remis par défaut",
        "mail.test": "Mail de test envoyé",
        "message.update": "Message modifié",
        "faq.create": "Question de la FAQ ajoutée",
        "faq.update": "Question de la FAQ modifiée",
        "faq.move": "Question de la FAQ déplacée",
        "faq.delete": "Question de la FAQ supprimée",
        "parameter.update": "Paramètre modifié",
        "parameter.reset": "Paramètre remis par défaut",
    }
)
JOURNAL_OBJECTS.update(
    {"mailtemplate": "Mail", "sitemessage": "Message", "faqentry": "Question de la FAQ", "parameter": "Paramètre"}
)


# Error pages: nothing internal is shown, a server error gives a reference to quote
NOT_FOUND_TITLE = "Page introuvable"
NOT_FOUND = "La page demandée n'existe pas ou n'est plus disponible. Vérifiez son adresse."
SERVER_ERROR_TITLE = "Une erreur est survenue"
SERVER_ERROR = (
    "Cette page n'a pas pu être affichée. Réessayez dans quelques instants ; si le problème persiste, "
    "écrivez au référent de l'application ({contact}) en lui donnant la référence ci-dessous."
)
ERROR_REFERENCE = "Référence de l'erreur : {reference}"
UNAVAILABLE_TITLE = "Service momentanément indisponible"
UNAVAILABLE = (
    "Le service est momentanément indisponible. Ce que vous avez déjà enregistré est conservé : réessayez dans "
    "quelques minutes."
)
BACK_HOME = "Retour à l'accueil"
CLOSE = "Fermer"
SETUP_READ_ONLY = "Vous pouvez consulter ces informations sans les modifier."
SETUP_DELETE_QUESTION = "Voulez-vous supprimer {what} « {name} » ?"
CAMPAIGN_NONE = "Aucune campagne"
CAMPAIGN_CREATED = "La campagne a été créée : activez-la quand elle doit s'ouvrir aux candidats"
CENTRE_NONE = "Aucun centre de candidature"
COMMISSION_NONE = "Aucune commission"
FORMATION_NONE = "Aucune formation"
CENTRE_MAX_HINT = "Vide : la limite de la plateforme s'applique"
CENTRE_DEFAULTS_HINT = "Ces valeurs remplissent le formulaire d'une nouvelle formation du centre"
SIGNATURE_NONE = "Aucune image de signature"
SIGNATURE_SAVED = "L'image de signature a été enregistrée"
SIGNATURE_REMOVED = "L'image de signature a été retirée"
SIGNATURE_AFTER_CREATE = "Enregistrez la commission pour pouvoir ajouter son image de signature."
FORMATION_COPY_OF = "Copie de la formation {code} : ses pièces justificatives et questions seront reprises"
BULK_INTRO = (
    "Les dates renseignées remplacent celles des {count} formation(s) sélectionnée(s) ; un champ laissé vide "
    "ne change rien. Une formation dont les dates ne seraient plus dans l'ordre n'est pas modifiée."
)
BULK_RESULT_TITLE = "Edition en masse de formations"
BULK_KEEP = "Inchangé"


# Pièces justificatives and Questions set-up (gestion-pieces)
EVERY_CENTRE = "Tous les centres"
ASKED_EVERYWHERE = "Toutes"
ASKED_ELSEWHERE = "Des formations d'un autre centre la demandent : retirez-la d'abord de ces formations"
PIECE_UNKNOWN = "Cette pièce justificative n'existe pas"
QUESTION_UNKNOWN = "Cette question n'existe pas"
PIECE_IN_USE = (
    "Des candidats ont déjà envoyé cette pièce : elle ne peut pas être supprimée. "
    "Décochez « En service » pour ne plus la demander."
)
QUESTION_IN_USE = (
    "Des candidats ont déjà répondu à cette question : elle ne peut pas être supprimée. "
    "Décochez « En service » pour ne plus la poser."
)
PIECE_NONE = "Aucune pièce justificative"
QUESTION_NONE = "Aucune question"
PIECE_REACH_HINT = "Tous les centres : définie par la scolarité ; un centre : pour ses seules formations"
PIECE_COMMON_HINT = "Commune : demandée dans toutes les formations de sa portée, sans les choisir une à une"
PIECE_MODEL_NONE = "Aucun modèle"
PIECE_MODEL_SAVED = "Le modèle a été enregistré"
PIECE_MODEL_REMOVED = "Le modèle a été retiré"
PIECE_MODEL_AFTER_CREATE = "Enregistrez la pièce pour pouvoir ajouter son modèle."
PIECE_MODEL_HINT = "PDF, JPG ou PNG : les candidats le téléchargent depuis leur candidature"
PIECE_MODEL_DOWNLOAD = "Télécharger le modèle"
FORMATION_ASKED_HINT = (
    "Les pièces et questions communes sont demandées d'office ; choisissez ici les autres (tapez pour chercher)"
)
UNKNOWN_CHOICE = "Ce choix n'est pas possible pour cette formation : {names}"
JOURNAL_ACTIONS.update(
    {
        "piece.create": "Création d'une pièce justificative",
        "piece.update": "Modification d'une pièce justificative",
        "piece.model": "Modèle d'une pièce justificative",
        "piece.delete": "Suppression d'une pièce justificative",
        "question.create": "Création d'une question",
        "question.update": "Modification d'une question",
        "question.delete": "Suppression d'une question",
    }
)
JOURNAL_OBJECTS.update({"piece": "Pièce justificative", "question": "Question"})
OFFER_FILE_BAD_NAME = "Le fichier doit être au format YAML (.yaml, .yml) ou CSV (.csv)"
OFFER_FILE_TOO_BIG = "Le fichier est trop volumineux (5 Mo au plus)"
OFFER_FILE_NOT_TEXT = "Le fichier doit être un texte encodé en UTF-8"
OFFER_FILE_UNREADABLE = "ligne 1 : CSV illisible (séparateur « ; » ou « , » attendu)"
OFFER_FILE_CONFLICT = "Le fichier contredit l'offre enregistrée (un code déjà pris) : rien n'a été enregistré"
OFFER_FILE_READY = "Le fichier est correct : {centres} centre(s) de candidature, {formations} formation(s)."
OFFER_FILE_APPLIED = "L'offre a été chargée : {centres} centre(s) de candidature, {formations} formation(s)."
OFFER_FILE_PROBLEMS = "Le fichier n'a pas été appliqué : corrigez ces problèmes puis renvoyez-le."
OFFER_FILE_INTRO = (
    "Téléchargez l'offre actuelle au format que lit l'import, modifiez-la puis renvoyez-la : le fichier est d'abord "
    "vérifié en entier, ses problèmes listés avec leur ligne, et rien n'est appliqué tant qu'il en reste. "
    "Les codes déjà connus sont mis à jour ; rien n'est supprimé."
)
JOURNAL_ACTIONS.update({"offer.import": "Offre chargée depuis un fichier"})
JOURNAL_OBJECTS.update({"offer": "Offre de formation"})
OFFER_FILE_CONFIRM = "Appliquer le fichier « {name} » à l'offre de formation ? Les codes déjà connus seront mis à jour."
BULK_NOTHING_ASKED = "Choisissez au moins une pièce justificative ou une question"
BULK_ASKED_INTRO = (
    "Les pièces et questions choisies sont ajoutées aux {count} formation(s) sélectionnée(s) (ou en sont retirées). "
    "Une formation que vous ne pouvez pas modifier, ou d'un autre centre qu'une pièce de centre, n'est pas modifiée."
)
BULK_ASKED_MODES = {"add": "Ajouter aux formations", "remove": "Retirer des formations"}
JOURNAL_ACTIONS.update({"formation.asked": "Pièces et questions d'une formation modifiées en masse"})
JOURNAL_FIELDS.update(
    {
        "position": "Ordre",
        "common": "Commune",
        "unique_file": "Unique",
        "conditional": "Conditionnelle",
        "template": "Url du formulaire",
        "template_name": "Modèle",
        "kind": "Type",
        "required": "Obligatoire",
        "pieces": "Pièces justificatives",
        "questions": "Questions",
        "fichier": "Fichier",
    }
)

# --- the offer (issue 10) ---------------------------------------------------------------------------------
OFFER_NO_MATCH = "Aucune formation ne correspond à « {search} »."
OFFER_CLEAR_SEARCH = "Effacer la recherche"
OFFER_ALREADY_APPLIED = "Déjà candidaté"
OFFER_SEE_CANDIDATURE = "Déjà candidaté : voir ma candidature à {label}"

# --- checked before asking (issue 10) ----------------------------------------------------------------------
TAB_LABELS = {
    "informations-perso": "Informations perso.",
    "adresse": "Adresse",
    "baccalaureat": "Baccalauréat",
    "cursus-interne": "Cursus Interne",
    "cursus-externe": "Cursus Externe",
    "stages": "Stages",
    "experiences-pro": "Expériences pro.",
    "candidatures": "Candidatures",
}
FILE_NOT_READY_TABS = "Impossible de candidater à cette formation, vous devez d'abord compléter : {tabs}"
MISSING_TITLE_APPLY = "Votre dossier n'est pas complet"
MISSING_TITLE_TRANSMIT = "Votre candidature n'est pas complète"
MISSING_INTRO_APPLY = "Pour candidater, complétez d'abord ces onglets de « Mon compte » :"
MISSING_INTRO_TRANSMIT = "Avant de la transmettre, il reste à fournir :"


# Gestion: types de décision, motivations d'avis and tags (issue 7)
AVIS_KINDS = {
    "FA": "Favorable",
    "DE": "Défavorable",
    "LA": "Liste d'attente",
    "LC": "Liste complémentaire",
    "PR": "Présélection",
}
DECISION_TYPE_UNKNOWN = "Ce type de décision n'existe pas"
DECISION_TYPE_IN_USE = (
    "Ce type de décision est utilisé par {count} avis : il ne peut pas être supprimé. Décochez « En service » "
    "pour qu'il ne soit plus proposé."
)
DECISION_TYPE_NONE = "Aucun type de décision"
DECISION_TYPE_OUT_OF_SERVICE = "Ce type de décision n'est plus en service"
DECISION_TYPE_HINT = "Le mail est envoyé au candidat quand un avis de ce type est validé"
MOTIVATION_UNKNOWN = "Cette motivation d'avis n'existe pas"
MOTIVATION_IN_USE = (
    "Cette motivation est utilisée par {count} avis : elle ne peut pas être supprimée. Décochez « En service » "
    "pour qu'elle ne soit plus proposée."
)
MOTIVATION_NONE = "Aucune motivation d'avis"
MOTIVATION_OUT_OF_SERVICE = "Cette motivation d'avis n'est plus en service"
MOTIVATION_REQUIRED = "La motivation est obligatoire pour un avis défavorable"
RANK_REQUIRED = "Le rang est obligatoire pour la liste complémentaire"
TAG_COLOURS = {
    "bleu": "Bleu",
    "vert": "Vert",
    "rouge": "Rouge",
    "orange": "Orange",
    "violet": "Violet",
    "rose": "Rose",
    "turquoise": "Turquoise",
    "marron": "Marron",
    "gris": "Gris",
    "jaune": "Jaune",
}
TAG_UNKNOWN = "Ce tag n'existe pas"
TAG_NONE = "Aucun tag"
TAG_EVERY_CENTRE = "Tous les centres"
TAG_LABEL_TAKEN = "Un tag porte déjà ce libellé ici"
TAG_IN_USE = (
    "Ce tag est posé sur {count} candidature(s) : confirmez sa suppression, qui le retirera de ces candidatures."
)
TAG_DELETE_USED_QUESTION = (
    "Le tag « {name} » est posé sur {count} candidature(s). Le supprimer le retirera de ces candidatures. "
    "Voulez-vous le supprimer ?"
)
TAG_DELETED_FROM = "Le tag a été supprimé et retiré de {count} candidature(s)"
TAG_PREVIEW = "Aperçu"
JOURNAL_ACTIONS.update(
    {
        "decisiontype.create": "Type de décision créé",
        "decisiontype.update": "Type de décision modifié",
        "decisiontype.delete": "Type de décision supprimé",
        "motivation.create": "Motivation d'avis créée",
        "motivation.update": "Motivation d'avis modifiée",
        "motivation.delete": "Motivation d'avis supprimée",
        "tag.create": "Tag créé",
        "tag.update": "Tag modifié",
        "tag.delete": "Tag supprimé",
    }
)
JOURNAL_OBJECTS.update({"decisiontype": "Type de décision", "motivation": "Motivation d'avis", "tag": "Tag"})

# --- Gestion: reviewing candidatures (issue 8: the Candidatures table, the candidature window) ---
REVIEW_WHOLE_CENTRE = "Toutes les candidatures du centre : {centre}"
REVIEW_SCOPE = "Commission"
REVIEW_SCOPE_UNKNOWN = "Choisissez une commission"
REVIEW_NO_SCOPE = "Aucune commission ne vous est attribuée : vous n'avez aucune candidature à examiner."
REVIEW_TOTAL = "Total"
REVIEW_COUNTS = "Candidatures par statut"
REVIEW_NONE = "Aucune candidature"
REVIEW_ALL = "Tous"
REVIEW_OPEN = "Ouvrir"
REVIEW_WITHDRAWN = "Désisté"
REVIEW_CANDIDATURE_UNKNOWN = "Cette candidature n'existe pas"
REVIEW_FILE_UNKNOWN = "Ce fichier n'existe pas"
REVIEW_FILTER_STATUS = "Statut du dossier"
REVIEW_FILTER_AVIS = "Avis"
REVIEW_FILTER_FORMATION = "Formation"
REVIEW_NO_AVIS = "Sans avis"
REVIEW_NOTHING = "Rien de renseigné"
REVIEW_TAB_FILE = "Dossier"
REVIEW_TAB_PIECES = "Pièces justificatives"
REVIEW_TAB_QUESTIONS = "Questions"
REVIEW_TAB_HISTORY = "Historique"
REVIEW_NO_PIECE = "Aucune pièce demandée"
REVIEW_NO_QUESTION = "Aucune question"
REVIEW_NO_ANSWER = "(sans réponse)"
REVIEW_SHOW_FILE = "Afficher"
REVIEW_VALIDATE_PIECE = "Valider"
REVIEW_REFUSE_PIECE = "Refuser"
REVIEW_PIECE_COMMENT = "Commentaire pour le candidat"
REVIEW_PIECE_COMMENT_REQUIRED = "Dites au candidat ce qu'il doit envoyer à nouveau"
REVIEW_PIECE_NOT_SENT = "Cette pièce n'a pas été transmise : il n'y a rien à valider ou refuser"
REVIEW_PIECE_NOT_ASKED = "Cette pièce n'est pas demandée pour cette candidature"
REVIEW_PIECE_DONE = "Pièce {review}"
REVIEW_PIECE_REFUSED_DETAIL = (
    "La pièce « {piece} » a été refusée : {comment}\n"
    "Envoyez-la à nouveau depuis votre candidature, puis transmettez votre dossier.\n"
)
REVIEW_FILE_VIEWER = "Fichier : {name}"
REVIEW_CLOSE = "Fermer"
JOURNAL_ACTIONS.update({"candidature.piece_review": "Pièce validée ou refusée"})
JOURNAL_OBJECTS.update({"candidature": "Candidature"})
REVIEW_WINDOW_TITLE = "Candidature"
REVIEW_TABLE_CAPTION = "Candidatures"
REVIEW_BACK = "← Candidatures"
REVIEW_PIECE_STATUS = "Statut de la pièce"
REVIEW_REFUSE_INTRO = (
    "Le dossier repassera « Incomplet » et le candidat recevra un mail avec votre commentaire : dites-lui ce qu'il "
    "doit envoyer à nouveau."
)
REVIEW_STATUS_REQUIRED = "Choisissez le statut : Réceptionné, Incomplet ou Complet"
REVIEW_NOTHING_SELECTED = "Sélectionnez au moins une candidature"
REVIEW_TOO_MANY = "Vous ne pouvez pas modifier plus de {max} candidatures à la fois"
REVIEW_NOT_TRANSMITTED_REASON = "Le candidat n'a pas transmis cette candidature"
REVIEW_SAME_STATUS = "Le dossier est déjà « {status} »"
REVIEW_SET_STATUS = "Saisie du statut du dossier"
REVIEW_SET_STATUS_INTRO = (
    "{count} candidature(s) sélectionnée(s). Chaque candidat recevra un mail ; « Incomplet » lui rend son dossier "
    "pour le compléter."
)
REVIEW_STATUS_DONE = "{count} candidature(s) modifiée(s)"
REVIEW_STATUS_REFUSED = "{count} candidature(s) non modifiée(s) :"
REVIEW_STATUS_FIELD = "Statut du dossier *"
JOURNAL_ACTIONS.update({"candidature.status": "Statut du dossier saisi"})
REVIEW_STATUS_SECTION = "Nouveau statut"
REVIEW_CHANGED_MEANWHILE = "Un collègue vient de modifier cette candidature : rechargez la liste et recommencez"
REVIEW_FILTER_TAG = "Tag"

# --- « Dossier papier » formations (issue 10) ---------------------------------------------------------------
PAPER_FILE_TITLE = "Dossier papier : à envoyer par courrier"
PAPER_FILE_STEPS = (
    "Téléchargez et imprimez le récapitulatif de votre candidature (bouton « Récapitulatif (PDF) » ci-dessous).",
    "Joignez-y une copie de chacune des pièces justificatives listées ci-dessous.",
    "Envoyez le tout par courrier à l'adresse ci-dessous, au plus tard le {date}.",
    "À réception, la commission passe votre dossier au statut « Réceptionné » : vous en êtes averti par mail.",
)
PAPER_FILE_ADDRESS = "Adresse d'envoi"
PAPER_FILE_NO_ADDRESS = "L'adresse d'envoi n'est pas encore indiquée : contactez la commission ({contact})."
PAPER_FILE_PIECES = "Pièces justificatives à joindre"
PAPER_FILE_NO_UPLOAD = "Ce dossier est à envoyer par courrier : les pièces ne se déposent pas en ligne"
PAPER_IF_CONCERNED = " (si vous êtes concerné)"
SCHOOL_SEARCH_HINT = "Tapez le nom du lycée ou de sa commune, puis choisissez-le dans la liste"
ANSWER_SAVED = "Réponse enregistrée"
KNOWN_ADDRESS_HINT = "Vous avez déjà un compte avec cette adresse ? Demandez un nouveau mot de passe :"
CHOOSE_IN_MENU_PHONE = "Vous avez un compte eCandidat, choisissez une option dans le menu (bouton ☰ en haut à gauche)"
REQUIRED_TABS_WHY = (
    "Les autres onglets ne sont pas obligatoires : Cursus Interne est rempli par l'établissement pour ses "
    "propres étudiants, Stages et Expériences pro. sont à remplir si vous en avez."
)

# --- a formation's own page (issue 10) ----------------------------------------------------------------------
FORMATION_BACK_TO_OFFER = "← Offre de formation"
FORMATION_MODE = "Dossier"
FORMATION_PAPERLESS = "dématérialisé : les pièces se déposent en ligne"
FORMATION_PAPER = "papier : à imprimer et envoyer par courrier à la commission"
FORMATION_CAPACITY = "Capacité d'accueil"
FORMATION_KEYWORDS = "Mots-clés"
FORMATION_PROGRAMME = "Voir le programme de la formation (nouvel onglet)"
FORMATION_DATES = "Calendrier"
FORMATION_WILL_ASK = "Ce que la formation vous demandera"
FORMATION_PIECES = "Pièces justificatives"
FORMATION_QUESTIONS = "Questions"
FORMATION_CONTACT = "Contact"
FORMATION_SEE = "Voir la formation {label}"
DISK_FULL = (
    "Votre fichier n'a pas pu être enregistré : l'espace disque du serveur est plein. Réessayez plus tard ; "
    "ce que vous aviez déjà envoyé est conservé."
)


# --- « Saisie des avis » and « Validation des avis » on a selection (issue 8) -------------------------------
AVIS_ALREADY_VALIDATED = "L'avis de cette candidature est déjà validé"
AVIS_NONE_TO_VALIDATE = "Aucun avis n'a été saisi pour cette candidature"
AVIS_TYPE_REQUIRED = "Choisissez un type de décision en service"
AVIS_RANK_INVALID = "Le rang est obligatoire pour la liste complémentaire : un nombre entier de 1 à {max}"
AVIS_COMMENT_TOO_LONG = "Le commentaire ne peut pas dépasser {max} caractères"
AVIS_ENTER = "Saisie des avis"
AVIS_ENTER_INTRO = (
    "{count} candidature(s) sélectionnée(s). Le candidat ne verra l'avis qu'une fois validé ; un avis déjà validé "
    "n'est pas modifié."
)
AVIS_SECTION = "Avis de la commission"
AVIS_TYPE_FIELD = "Type de décision *"
AVIS_MOTIVATION_FIELD = "Motivation (si défavorable)"
AVIS_RANK_FIELD = "Rang (si liste complémentaire)"
AVIS_COMMENT_FIELD = "Commentaire"
AVIS_DONE = "{count} avis saisi(s)"
AVIS_REFUSED = "{count} candidature(s) sans nouvel avis :"
AVIS_VALIDATE = "Validation des avis"
AVIS_VALIDATE_INTRO = (
    "{count} candidature(s) sélectionnée(s). Chaque candidat recevra le mail de son type de décision : la "
    "validation est définitive."
)
AVIS_VALIDATE_CONFIRM = "Valider les avis"
AVIS_VALIDATED_DONE = "{count} avis validé(s)"
AVIS_VALIDATED_REFUSED = "{count} avis non validé(s) :"
JOURNAL_ACTIONS.update({"candidature.avis": "Avis saisi", "candidature.avis_validation": "Avis validé"})

# Données personnelles: the notice and the candidate's self-service (RGPD)
PRIVACY_TITLE = "Données personnelles"
PRIVACY_SECTIONS = (
    (
        "Responsable du traitement",
        "{etablissement} est responsable du traitement des données que vous saisissez sur cette plateforme de "
        "candidature.",
    ),
    (
        "Finalités",
        "Vos données servent à créer votre compte, à constituer votre dossier, à transmettre vos candidatures aux "
        "commissions pédagogiques qui les examinent, à vous informer de leur suivi et des décisions, et, si vous "
        "êtes admis, à préparer votre inscription. Le traitement repose sur l'exécution d'une mission d'intérêt "
        "public (article 6-1-e du RGPD).",
    ),
    (
        "Destinataires",
        "Les services de scolarité et les membres des commissions chargés de l'examen des candidatures "
        "{de_etablissement}, chacun pour les formations qui le concernent. Vos données ne sont ni vendues ni "
        "transmises à des tiers.",
    ),
    (
        "Durée de conservation",
        "Tant que vous n'avez transmis aucune candidature, vous pouvez supprimer votre compte à tout moment ; un "
        "compte dont l'adresse mail n'a pas été validée est supprimé après {unvalidated_days} jours. Un dossier "
        "transmis est conservé {retention_years} an(s) après la fin de la dernière campagne dans laquelle vous avez "
        "candidaté, pour l'examen des candidatures et les éventuels recours.",
    ),
    (
        "Vos droits",
        "Vous pouvez accéder à vos données et en obtenir une copie (« Télécharger mes données » une fois connecté), "
        "les rectifier dans « Mon compte », demander leur effacement ou la limitation de leur traitement, et vous "
        "opposer à celui-ci. Pour exercer ces droits, écrivez au délégué à la protection des données : {dpo}. "
        "Si vous estimez, après l'avoir contacté, que vos droits ne sont pas respectés, vous pouvez adresser une "
        "réclamation à la CNIL (www.cnil.fr).",
    ),
)
PRIVACY_MY_DATA = "Mes données"
PRIVACY_MY_DATA_INTRO = (
    "Téléchargez une copie de tout ce que la plateforme conserve sur vous : un fichier ZIP contenant vos "
    "informations (donnees.json) et les pièces que vous avez déposées."
)
PRIVACY_DOWNLOAD = "Télécharger mes données"
PRIVACY_DOWNLOAD_READY = "Votre copie est prête : le téléchargement commence."
PRIVACY_DELETE = "Supprimer mon compte"
PRIVACY_DELETE_INTRO = (
    "La suppression est définitive : votre compte, votre dossier, vos candidatures non transmises et vos pièces "
    "sont effacés. Pour confirmer, saisissez votre login (numéro de dossier) : {login}."
)
PRIVACY_DELETE_LOGIN = "Votre login (numéro de dossier)"
PRIVACY_DELETE_CONFIRM = "Supprimer définitivement"
PRIVACY_DELETED = "Votre compte a été supprimé. Un mail de confirmation vous a été envoyé."
ERASURE_BAD_LOGIN = "Ce n'est pas votre login : saisissez-le tel qu'il est affiché pour confirmer la suppression"
ERASURE_KEPT = (
    "Vous avez transmis une candidature : votre dossier est conservé par l'établissement pour son examen et les "
    "éventuels recours, jusqu'au {date}. Vous ne pouvez pas supprimer votre compte avant cette date ; pour toute "
    "demande, écrivez au délégué à la protection des données."
)
PRIVACY_LINK = "Données personnelles : vos droits et la conservation de vos données"

# Reminders and the candidate's agenda
CALENDAR_ADD = "Ajouter à mon agenda"

# The candidate's home: a card per candidature
HOME_CARDS_TITLE = "Mes candidatures"
HOME_CARDS_NONE = "Vous n'avez pas encore de candidature cette campagne."
HOME_CARDS_FIND = "Trouver une formation"
HOME_CARDS_MISSING_PIECES = "{count} pièce{s} manquante{s}"
HOME_CARDS_MISSING_ANSWERS = "{count} question{s} sans réponse"
HOME_CARDS_RETURN_BY = "Date limite de retour : {date}"
HOME_CARDS_CONFIRM_BY = "Répondre avant le {date}"
HOME_CARDS_TOO_LATE = "La date limite de retour est dépassée"
HOME_CARDS_COMPLETE = "Compléter ma candidature"
HOME_CARDS_TRANSMIT = "Transmettre ma candidature"
HOME_CARDS_POST = "Envoyer mon dossier papier"
HOME_CARDS_ANSWER = "Confirmer ou renoncer"
HOME_CARDS_TRANSMITTED = "Transmise à la commission"
HOME_CARDS_WITHDRAWN = "Désistement enregistré"
HOME_CARDS_CONFIRMED = "{decision} — inscription confirmée"

# Several processes: the settings they must share, checked at start (ecandidat_ui/shared_settings.py)
SHARED_SECRET_DIFFERS = (
    "le secret de stockage (ECANDIDAT_STORAGE_SECRET, ou le fichier storage_secret du dossier de données) n'est pas "
    "celui des autres processus de cette installation : donnez à chaque processus le même, sinon les connexions se "
    "perdent d'un processus à l'autre. Pour le changer volontairement, arrêtez tous les processus puis lancez "
    "« python -m ecandidat_ui shared-settings --reset »."
)
SHARED_FOLDER_DIFFERS = (
    "le dossier de données ECANDIDAT_DATA_DIR={folder} n'est pas celui des autres processus de cette installation "
    "(il n'a pas son fichier « installation ») : donnez à chaque processus le même dossier, partagé, sinon les "
    "pièces déposées sur un processus manquent sur les autres. Pour changer volontairement de dossier, copiez-y "
    "l'ancien en entier, ou arrêtez tous les processus puis lancez « python -m ecandidat_ui shared-settings --reset »."
)

# --- Candidature window: history of avis, bloc-notes, tags on candidatures (issue 8, items 2 and 3) ------------
AVIS_TAB = "Avis"
AVIS_HISTORY_TITLE = "Historique des avis"
AVIS_HISTORY_NONE = "Aucun avis n'a encore été saisi pour cette candidature."
AVIS_ENTERED_ON = "Saisi le {when}"
AVIS_VALIDATED_ON = "Validé le {when}"
AVIS_BY = "{line} par {who}"
AVIS_COMMENT_LINE = "Commentaire : {comment}"
AVIS_RANK_LINE = "Rang {rank}"
AVIS_NOT_VALIDATED = "Non validé"
AVIS_ENTER_ONE = "Saisir un avis"
AVIS_ENTER_ONE_INTRO = "Le candidat ne verra l'avis qu'une fois validé."
AVIS_ENTERED = "Avis saisi"
AVIS_DUPLICATE = "Dupliquer la dernière décision"
AVIS_DUPLICATED = "La dernière décision a été saisie à nouveau"
AVIS_NOTHING_TO_DUPLICATE = "Aucun avis n'a encore été saisi pour cette candidature : rien à dupliquer"
NOTES_TAB = "Bloc-notes"
NOTES_INTRO = "Notes internes de l'équipe : elles ne sont jamais montrées au candidat."
NOTES_FIELD = "Nouvelle note"
NOTES_ADD = "Ajouter la note"
NOTES_ADDED = "Note ajoutée"
NOTES_NONE = "Aucune note pour cette candidature."
NOTES_REQUIRED = "Écrivez la note avant de l'ajouter"
NOTES_TOO_LONG = "Une note ne peut pas dépasser {max} caractères"
NOTES_UNKNOWN = "Cette note n'existe plus"
NOTES_NOT_YOURS = "Vous ne pouvez supprimer que vos propres notes"
NOTES_DELETE = "Supprimer"
NOTES_DELETE_LABEL = "Supprimer la note du {when}"
NOTES_DELETED = "Note supprimée"
NOTES_LIST = "Notes, de la plus récente à la plus ancienne"
NOTES_BY = "{when} — {who}"
TAGS_ACTION = "Tags"
TAGS_ACTION_INTRO = (
    "{count} candidature(s) sélectionnée(s). Choisissez les tags à ajouter et ceux à retirer (tags en service du "
    "centre et de l'établissement)."
)
TAGS_SECTION = "Tags des candidatures"
TAGS_ADD_FIELD = "Tags à ajouter"
TAGS_REMOVE_FIELD = "Tags à retirer"
TAGS_DONE = "{count} candidature(s) modifiée(s)"
TAGS_REFUSED = "{count} candidature(s) non modifiée(s) :"
TAGS_NOTHING_CHOSEN = "Choisissez au moins un tag à ajouter ou à retirer"
TAGS_BOTH = "Un même tag ne peut pas être à la fois ajouté et retiré"
TAGS_UNKNOWN = "Ce tag n'existe pas ou n'est plus en service"
TAGS_OTHER_CENTRE = "Tag d'un autre centre : {tags}"
TAGS_TITLE = "Tags"
TAGS_NONE = "Aucun tag"
TAGS_CHANGE = "Modifier les tags"
TAGS_CHANGE_INTRO = "Les tags aident l'équipe à trier les candidatures ; le candidat ne les voit pas."
TAGS_ONE_SECTION = "Tags de la candidature"
TAGS_FIELD = "Tags choisis"
TAGS_SAVED = "Tags enregistrés"
JOURNAL_ACTIONS.update(
    {
        "candidature.tags": "Tags d'une candidature modifiés",
        "candidature.note": "Note ajoutée au bloc-notes",
        "candidature.note_delete": "Note supprimée du bloc-notes",
    }
)

# --- « Tableau de bord » and the liste complémentaire's rang réel (issue 8, items 6 and 4) ----------------------
DASHBOARD_TITLE = "Tableau de bord"
DASHBOARD_LEVEL = "Niveau"
DASHBOARD_LEVELS = {"centre": "Par centre", "commission": "Par commission", "formation": "Par formation"}
DASHBOARD_LEVEL_UNKNOWN = "Ce niveau de tableau de bord n'existe pas"
DASHBOARD_INACTIVE = "Inclure les formations hors service"
DASHBOARD_NO_COMMISSION = "Sans commission"
DASHBOARD_TOTAL = "Total"
DASHBOARD_TOTAL_OF = "Total — {name}"
DASHBOARD_TOTAL_ALL = "Total général"
DASHBOARD_SHEET = "Tableau de bord"
DASHBOARD_CAMPAIGN = "Campagne : {campaign}"
DASHBOARD_NO_CAMPAIGN = "Aucune campagne active : aucune candidature n'est comptée."
DASHBOARD_CAPTION = "Candidatures de la campagne, {level}"
DASHBOARD_EMPTY = "Aucune formation"
DASHBOARD_DOWNLOAD = "Télécharger (XLSX)"
DASHBOARD_FILE = "tableau-de-bord-{level}.xlsx"
DASHBOARD_CHART = "Graphique"
DASHBOARD_CHARTS = {"status": "Statuts des dossiers", "avis": "Avis"}
DASHBOARD_CHART_LABEL = (
    "Graphique en barres : {chart} par ligne du tableau. Les mêmes nombres figurent dans le tableau « {caption} »."
)
DASHBOARD_CHART_FIRST = "Le graphique montre les {count} premières lignes ; le tableau les montre toutes."
WAITING_LIST_REAL_RANK = "Rang réel"
AUTO_PROMOTION_LABEL = "Promotion automatique de la liste complémentaire"
# --- Candidatures: optional columns, « Colonnes » chooser, saved views (issue 8, items 1 and 8) ---------------
COLUMNS_BUTTON = "Colonnes"
COLUMNS_TITLE = "Colonnes affichées"
COLUMNS_DEFAULT = "Colonnes par défaut"
REVIEW_COLUMN_INE = "INE"
REVIEW_COLUMN_BIRTH_DATE = "Date de naissance"
REVIEW_COLUMN_NATIONALITY = "Nationalité"
REVIEW_COLUMN_BIRTH_COUNTRY = "Pays de naissance"
REVIEW_COLUMN_BAC_SERIES = "Série du bac"
REVIEW_COLUMN_BAC_YEAR = "Année du bac"
REVIEW_COLUMN_MAIL = "Mail"
REVIEW_COLUMN_PHONE = "Téléphone"
REVIEW_COLUMN_CREATED = "Date création"
REVIEW_COLUMN_RECEIVED = "Date réception"
REVIEW_COLUMN_STATUS_DATE = "Date statut"
REVIEW_COLUMN_RANK = "Rang LC"
REVIEW_COLUMN_CONFIRMED_AT = "Date confirmation"
REVIEW_COLUMN_WITHDRAWN_AT = "Date désistement"
VIEWS_FIELD = "Vue"
VIEWS_DEFAULT = "Vue par défaut"
VIEWS_SAVE = "Enregistrer la vue"
VIEWS_SAVE_INTRO = (
    "La vue garde les colonnes affichées, les filtres, le tri et la commission choisie. Un nom déjà pris remplace "
    "la vue de ce nom."
)
VIEWS_NAME_FIELD = "Nom de la vue *"
VIEWS_DELETE = "Supprimer la vue"
VIEWS_DELETE_QUESTION = "Supprimer la vue « {name} » ?"
VIEWS_SAVED = "Vue « {name} » enregistrée"
VIEWS_DELETED = "Vue « {name} » supprimée"
VIEWS_NAME_REQUIRED = "Donnez un nom à la vue (60 caractères au plus)."
VIEWS_TOO_MANY = "Vous avez déjà {count} vues : supprimez-en une avant d'en enregistrer une autre."
VIEWS_UNKNOWN = "Cette vue n'existe pas ou plus."
VIEWS_INVALID = "Cette vue n'est pas valide : {detail}."
VIEWS_NOTHING_CHOSEN = "Choisissez d'abord une vue enregistrée."
# --- Evaluation grids (issue 8, item 7) ----------------------------------------------------------------------
REVIEW_COLUMN_EVAL_MEAN = "Note moyenne /20"
REVIEW_COLUMN_EVAL_SPREAD = "Écart des notes"
GRID_SCREEN = "Grilles d'évaluation"
GRID_FORMATION = "Formation"
GRID_INTRO = (
    "Chaque membre de la commission note les critères de 0 au maximum ; sa note sur 20 est la moyenne des critères "
    "notés, pondérée par leur coefficient. La liste des candidatures montre la moyenne des notes et leur écart."
)
GRID_NO_FORMATION = "Vous ne pouvez modifier la grille d'aucune formation."
GRID_CRITERION = "Critère {number}"
GRID_LABEL_FIELD = "Libellé du critère *"
GRID_WEIGHT_FIELD = "Coefficient *"
GRID_MAXIMUM_FIELD = "Note maximale *"
GRID_ADD = "Ajouter un critère"
GRID_REMOVE = "Retirer le critère {number}"
GRID_SAVE = "Enregistrer la grille"
GRID_SAVED = "Grille enregistrée"
GRID_EMPTY = "Aucun critère : les candidatures de cette formation ne sont pas notées."
GRID_FORMATION_UNKNOWN = "Cette formation n'existe pas ou plus."
GRID_TOO_MANY = "Une grille a {count} critères au plus."
GRID_LABEL_REQUIRED = "Donnez un libellé au critère (100 caractères au plus)."
GRID_WEIGHT_INVALID = "Un coefficient entier de 1 à {top}."
GRID_MAXIMUM_INVALID = "Une note maximale entière de 1 à {top}."
GRID_MAXIMUM_BELOW_SCORES = "Des notes déjà données dépassent ce maximum."
GRID_NONE = "Cette formation n'a pas de grille d'évaluation."
GRID_SCORE_INVALID = "Une note de 0 à {maximum}."
GRID_EVALUATE = "Évaluer"
GRID_EVALUATE_INTRO = "Vos notes de 0 au maximum de chaque critère ; laissez vide un critère que vous ne notez pas."
GRID_EVALUATE_NOTES = "{count} évaluation(s), moyenne {mean} /20."
GRID_EVALUATE_NO_NOTES = "Aucune évaluation pour l'instant."
GRID_SCORE_FIELD = "{label} (sur {maximum}, coefficient {weight})"
GRID_SCORED = "Évaluation enregistrée"
JOURNAL_ACTIONS.update({"formation.grid": "Grille d'évaluation modifiée", "candidature.grid": "Candidature évaluée"})

# --- Exports of the candidatures: XLSX of the table, dossier PDF, ZIP of a selection (issue 8, item 5) ------------
EXPORT_OPEN = "Exporter"
EXPORT_TITLE = "Exporter les candidatures"
EXPORT_INTRO = (
    "{count} candidature(s) : celles du tableau, avec sa recherche, ses filtres et son tri. Choisissez les "
    "colonnes à exporter."
)
EXPORT_GROUPS = "Colonnes à exporter"
EXPORT_GROUP_LABELS = {
    "identity": "Identité",
    "contact": "Contact",
    "bac": "Baccalauréat",
    "address": "Adresse",
    "formation": "Formation",
    "dates": "Dates",
    "status": "Statut du dossier",
    "avis": "Avis",
    "tags": "Tags",
    "questions": "Questions et réponses",
}
EXPORT_NO_GROUP = "Cochez au moins un groupe de colonnes"
EXPORT_START = "Exporter au format Excel"
EXPORT_PROGRESS = "Export en cours : {done} sur {total}"
EXPORT_READY = "L'export est prêt : {count} candidature(s)."
EXPORT_DOWNLOAD = "Télécharger"
EXPORT_FAILED = "L'export n'a pas pu être fait ; réessayez"
EXPORT_SHEET = "Candidatures"
EXPORT_FILE_UNKNOWN = "Ce fichier n'existe plus : refaites l'export"
DOSSIER_DOWNLOAD = "Télécharger le dossier"
DOSSIER_ZIP = "Dossiers (ZIP)"
DOSSIER_ZIP_TITLE = "Télécharger les dossiers"
DOSSIER_ZIP_INTRO = (
    "{count} candidature(s) sélectionnée(s) : un PDF par candidature (récapitulatif et pièces), réunis dans un "
    "fichier ZIP."
)
DOSSIER_ZIP_START = "Préparer le fichier ZIP"
DOSSIER_ZIP_PROGRESS = "Dossiers préparés : {done} sur {total}"
DOSSIER_ZIP_READY = "Le fichier ZIP est prêt : {count} dossier(s)."
DOSSIER_ZIP_SKIPPED = "{count} candidature(s) non incluse(s) (inconnue ou hors de vos droits)."
DOSSIER_TOO_MANY = "Vous ne pouvez pas télécharger plus de {max} dossiers à la fois"
DOSSIER_PIECE_TITLE = "Pièce justificative : {label}"
DOSSIER_PIECE_FILE = "Fichier : {name}"
DOSSIER_PIECE_UNREADABLE = (
    "Ce fichier n'a pas pu être joint au dossier (illisible ou protégé) : ouvrez-le depuis la fenêtre de la "
    "candidature."
)
EXPORT_CLOSE = "Fermer"

# --- individual dates, bloc-notes in the export, ranking the liste complémentaire by the evaluation notes (finish8)
INDIVIDUAL_DATES = "Dates individuelles"
INDIVIDUAL_RETURN = "Date de retour individuelle"
INDIVIDUAL_CONFIRM = "Date de confirmation individuelle"
INDIVIDUAL_RETURN_INTRO = (
    "{count} candidature(s) sélectionnée(s) : une date limite de retour propre à chacune, après celle de la "
    "formation. Laissez la date vide pour revenir à celle de la formation."
)
INDIVIDUAL_CONFIRM_INTRO = (
    "{count} candidature(s) sélectionnée(s) : une date limite de confirmation propre à chacune, après celle de "
    "la formation. Laissez la date vide pour revenir à celle de la formation."
)
INDIVIDUAL_DATE_FIELD = "Date individuelle (vide : celle de la formation)"
INDIVIDUAL_DATE_SECTION = "Date individuelle"
INDIVIDUAL_DATE_INVALID = "Saisissez une date valide, ou laissez vide"
INDIVIDUAL_DATE_PAST = "La date doit être après aujourd'hui"
INDIVIDUAL_DATE_NOT_LATER = "La date doit être après celle de la formation ({date})"
INDIVIDUAL_DATE_SAME = "Cette candidature a déjà cette date"
INDIVIDUAL_DATE_DONE = "{count} candidature(s) à la nouvelle date"
INDIVIDUAL_DATE_REFUSED = "{count} candidature(s) non modifiée(s) :"
INDIVIDUAL_RETURN_EVENT = "Date limite de retour individuelle : {date}"
INDIVIDUAL_CONFIRM_EVENT = "Date limite de confirmation individuelle : {date}"
INDIVIDUAL_DATE_REMOVED = "celle de la formation"
REVIEW_COLUMN_INDIVIDUAL_RETURN = "Date retour individuelle"
REVIEW_COLUMN_INDIVIDUAL_CONFIRM = "Date confirmation individuelle"
WINDOW_RETURN_BY = "Date limite de retour"
WINDOW_CONFIRM_BY = "Date limite de confirmation"
WINDOW_INDIVIDUAL = "(individuelle)"
EXPORT_GROUP_LABELS["notes"] = "Bloc-notes"  # last: its column comes after the questions'
EXPORT_NOTES_HEADER = "Bloc-notes"
EXPORT_INDIVIDUAL_RETURN = "Date de retour individuelle"
EXPORT_INDIVIDUAL_CONFIRM = "Date de confirmation individuelle"
LC_RANKING = "Classer la liste complémentaire selon les notes"
LC_RANKING_INTRO = (
    "{count} candidature(s) sélectionnée(s) : celles en liste complémentaire, avis non validé, reçoivent les rangs "
    "1, 2, 3… de chaque formation selon la moyenne de leurs notes d'évaluation (la meilleure d'abord ; à égalité, "
    "la première transmise). L'avis reste à valider."
)
LC_RANKING_CONFIRM = "Classer"
LC_RANKING_DONE = "{count} candidature(s) classée(s)"
LC_RANKING_REFUSED = "{count} candidature(s) non classée(s) :"
LC_RANKING_NOT_LC = "Son avis n'est pas « Liste complémentaire »"
LC_RANKING_NO_NOTES = "Elle n'a pas encore de note d'évaluation"


# --- The candidate's frame and first pages, in French and English (issue 10, item 16) ----------------------
LANGUAGE_SWITCH = "English"  # the header's link to the other language, written in that language
LANGUAGE_SWITCH_LABEL = "Read this site in English"
SKIP_TO_CONTENT = "Aller au contenu"
MENU = "Menu"
MAIN_MENU = "Menu principal"
MY_ACCOUNT = "Mon compte"
SIGN_OUT = "Déconnexion"
NOT_SIGNED_IN = "Non connecté"
SIGN_IN = "Connexion"
CREATE_ACCOUNT = "Créer un compte"
HOME = "Accueil"
ASSISTANCE = "Assistance"
OFFER_TITLE = "Offre de formation"
ACCOUNT_CREATION = "Création de compte"
FORGOTTEN = "J'ai oublié mes identifiants"
LOST_ACTIVATION = "J'ai perdu mon code d'activation"
SAVE = "Enregistrer"
LAST_NAME_FIELD = "Nom *"
FIRST_NAME_FIELD = "Prénom *"
MAIL_FIELD = "Adresse mail *"
MAIL_CONFIRMATION_FIELD = "Confirmation Adresse Mail *"
CHANGE_PASSWORD = "Modifier mon mot de passe"
CURRENT_PASSWORD_FIELD = "Mot de passe actuel *"
CHANGE_ACCOUNT = "Modifier mon compte"
USER_FIELD = "Utilisateur *"
PASSWORD_FIELD = "Mot de passe *"
NEW_PASSWORD_FIELD = "Nouveau mot de passe *"
PASSWORD_CONFIRMATION_FIELD = "Confirmation du mot de passe *"
STRENGTH = "Robustesse : {level}"
OFFER_WINDOWS = {"open": "Candidatures ouvertes", "future": "Candidatures à venir", "closed": "Candidatures closes"}
APPLY = "Candidater"
APPLY_TO = "Candidater à {formation}"
OFFER_SEARCH = "Rechercher une formation"
OFFER_SEARCH_HINT = "Par titre ou par mot-clé, par exemple « informatique » ou « alternance »."
OFFER_DATES = "Du {opens} au {closes} · {mode}"
FORMATIONS_ONE = "{count} formation"
FORMATIONS_MANY = "{count} formations"
FORMATIONS_OPEN_ONE = "{formations}, dont {count} ouverte"
FORMATIONS_OPEN_MANY = "{formations}, dont {count} ouvertes"
PAPERLESS_FILE = "dossier dématérialisé"
PAPER_FILE = "dossier papier"
ACCOUNT_VALIDATION_TITLE = "Validation de compte"
NEW_PASSWORD_TITLE = "Nouveau mot de passe"
MY_FILE = "Mon dossier"
# the tabs of « Mon compte » and the pages around them, written in the pages before (issue 10, item 16)
FILE_NATIONALITE = "Nationalité *"
FILE_CIVILITE = "Civilité *"
FILE_NOM_PATRONYMIQUE = "Nom patronymique *"
FILE_NOM_USUEL = "Nom usuel"
FILE_DATE_DE_NAISSANCE = "Date de naissance *"
FILE_PAYS_DE_NAISSANCE = "Pays de naissance *"
FILE_DEPARTEMENT_DE_NAISSANCE = "Département de naissance *"
FILE_COMMUNE_DE_NAISSANCE = "Commune de naissance *"
FILE_VILLE_DE_NAISSANCE = "Ville de naissance *"
FILE_PAYS = "Pays *"
FILE_CODE_POSTAL = "Code postal *"
FILE_COMMUNE = "Commune *"
FILE_COMMUNE_ETRANGERE = "Commune étrangère *"
FILE_ADRESSE = "Adresse *"
FILE_COMPLEMENT_D_ADRESSE_1 = "Complément d'adresse 1"
FILE_COMPLEMENT_D_ADRESSE_2 = "Complément d'adresse 2"
FILE_AVEZ_VOUS_LE_BACCALAUREAT = "Avez-vous le baccalauréat ? *"
FILE_J_AI_LE_BAC_OU_UNE_EQUIVALENCE = "J'ai le bac ou une équivalence"
FILE_ANNEE_D_OBTENTION = "Année d'obtention *"
FILE_SERIE_DU_BAC_OU_EQUIVALENCE = "Série du bac ou équivalence *"
FILE_SPECIALITES_SUIVIES_EN_TERMINALE = "Spécialités suivies en Terminale *"
FILE_PAYS_D_OBTENTION = "Pays d'obtention *"
FILE_DEPARTEMENT = "Département *"
FILE_ETABLISSEMENT = "Établissement *"
FILE_FORMATION = "Formation *"
FILE_LIBELLE_ET_NIVEAU = "Libellé et niveau *"
FILE_OBTENU = "Obtenu *"
FILE_ANNEE = "Année *"
FILE_DUREE = "Durée *"
FILE_PAR_EXEMPLE_2_MOIS = "Par exemple : 2 mois"
FILE_NOMBRE_D_HEURES_SEMAINE = "Nombre d'heures/semaine"
FILE_EMPLOYEUR_ORGANISME = "Employeur / organisme *"
FILE_DESCRIPTIF = "Descriptif *"
FILE_INTITULE = "Intitulé *"
FILE_PAR_EXEMPLE_6_MOIS = "Par exemple : 6 mois"
FILE_DESCRIPTIF_OPTIONAL = "Descriptif"
FILE_ABANDONNER_MA_SAISIE = "Abandonner ma saisie"
FILE_CERTAINS_CHAMPS_SONT_A_CORRIGER = "Certains champs sont à corriger"
FILE_VERSION_ENREGISTREE = "Version enregistrée :"
FILE_GARDER_MA_SAISIE = "Garder ma saisie"
FILE_REPRENDRE_LA_VERSION_ENREGISTREE = "Reprendre la version enregistrée"
FILE_PRECEDENT = "Précédent"
FILE_SUIVANT = "Suivant"
FILE_QUITTER_SANS_ENREGISTRER = "Quitter sans enregistrer"
FILE_RESTER = "Rester"
FILE_AUCUN_RESULTAT_N_A_ETE_TRANSMIS_PAR_L_ETABLISSEMENT = "Aucun résultat n'a été transmis par l'établissement."
FILE_CODE = "Code"
FILE_LIBELLE = "Libellé"
FILE_BAREME = "Barème"
FILE_CURSUS_POST_BAC = "Cursus post-bac"
FILE_AJOUTER_UN_CURSUS = "Ajouter un cursus"
FILE_VOUS_N_AVEZ_SAISI_AUCUN_CURSUS_APRES_LE_BAC = "Vous n'avez saisi aucun cursus après le bac."
FILE_STAGE = "Stage"
FILE_AJOUTER_UN_STAGE = "Ajouter un stage"
FILE_VOUS_N_AVEZ_SAISI_AUCUN_STAGE = "Vous n'avez saisi aucun stage."
FILE_EXPERIENCE_PROFESSIONNELLE = "Expérience professionnelle"
FILE_AJOUTER_UNE_EXPERIENCE = "Ajouter une expérience"
FILE_VOUS_N_AVEZ_SAISI_AUCUNE_EXPERIENCE_PROFESSIONNELLE = "Vous n'avez saisi aucune expérience professionnelle."
FILE_VOUS_POUVEZ = "Vous pouvez :"
FILE_CONSULTER_LA_FAQ = "Consulter la FAQ"
FILE_CONSULTER_LA_DOCUMENTATION = "Consulter la documentation"
FILE_RETOUR_A_LA_CONNEXION = "Retour à la connexion"
BADGE_LABELS = {"complete": "complet", "to_complete": "à compléter", "optional": "facultatif"}  # a tab's badge
# the candidate's file read back (services/file_summary.py: the récapitulatif, the candidature window)
SUMMARY_INFORMATIONS_PERSONNELLES = "Informations personnelles"
SUMMARY_ADRESSE = "Adresse"
SUMMARY_BACCALAUREAT = "Baccalauréat"
SUMMARY_CURSUS_INTERNE = "Cursus interne"
SUMMARY_CURSUS_EXTERNE = "Cursus externe"
SUMMARY_STAGES = "Stages"
SUMMARY_ANNEE_UNIVERSITAIRE = "Année universitaire"
SUMMARY_FORMATION = "Formation"
SUMMARY_RESULTAT = "Résultat"
SUMMARY_MENTION = "Mention"
SUMMARY_NOTE = "Note"
SUMMARY_ADRESSE_MAIL = "Adresse mail"
SUMMARY_NOM = "Nom"
SUMMARY_PRENOM = "Prénom"
SUMMARY_CIVILITE = "Civilité"
SUMMARY_NOM_DE_NAISSANCE = "Nom de naissance"
SUMMARY_NOM_D_USAGE = "Nom d'usage"
SUMMARY_AUTRE_PRENOM = "Autre prénom"
SUMMARY_DATE_DE_NAISSANCE = "Date de naissance"
SUMMARY_LIEU_DE_NAISSANCE = "Lieu de naissance"
SUMMARY_NATIONALITE = "Nationalité"
SUMMARY_INE = "INE"
SUMMARY_TELEPHONE_FIXE = "Téléphone fixe"
SUMMARY_TELEPHONE_PORTABLE = "Téléphone portable"
SUMMARY_ANNEE_D_OBTENTION = "Année d'obtention"
SUMMARY_SERIE = "Série"
SUMMARY_SPECIALITES_DE_TERMINALE = "Spécialités de Terminale"
SUMMARY_SPECIALITE_ABANDONNEE_EN_PREMIERE = "Spécialité abandonnée en Première"
SUMMARY_LIEU_D_OBTENTION = "Lieu d'obtention"
SUMMARY_LYCEE = "Lycée"
SUMMARY_ANNEE = "Année"
SUMMARY_LIBELLE_ET_NIVEAU = "Libellé et niveau"
SUMMARY_ETABLISSEMENT = "Établissement"
SUMMARY_LIEU = "Lieu"
SUMMARY_OBTENU = "Obtenu"
SUMMARY_DUREE = "Durée"
SUMMARY_EMPLOYEUR_ORGANISME = "Employeur / organisme"
SUMMARY_DESCRIPTION = "Description"
SUMMARY_FONCTION = "Fonction"
SUMMARY_EMPLOYEUR = "Employeur"
SUMMARY_AUCUN_STAGE = "Aucun stage"
SUMMARY_AUCUNE_EXPERIENCE_PROFESSIONNELLE = "Aucune expérience professionnelle"
SUMMARY_JE_N_AI_PAS_SUIVI_D_ETUDES_APRES_LE_BAC = "Je n'ai pas suivi d'études après le bac"
SUMMARY_AUCUN_CURSUS = "Aucun cursus"
SUMMARY_NON_RENSEIGNEE = "non renseignée"
SUMMARY_NON_RENSEIGNE = "non renseigné"
SUMMARY_JE_N_AI_PAS_LE_BAC = "Je n'ai pas le bac"
SUMMARY_HOURS = "{hours} h/semaine"
SUMMARY_EXPERIENCES_PROFESSIONNELLES = "Expériences professionnelles"
# the récapitulatif and the letters (ecandidat_ui/pdf.py)
PDF_RECAPITULATIF = "Récapitulatif de candidature"
PDF_CANDIDATURE = "Candidature"
PDF_PIECES_TO_POST = "Pièces justificatives à joindre au dossier papier"
PDF_NO_ANSWER = "(sans réponse)"
PDF_CENTRE = "Centre de candidature"
PDF_COMMISSION = "Commission"
PDF_CANDIDATE = "Candidat"
PDF_FILE_NUMBER = "Numéro de dossier"
PDF_FILE_KIND = "Dossier"
PDF_PAPERLESS = "dématérialisé"
PDF_PAPER = "papier, à envoyer par courrier"
PDF_TRANSMITTED_ON = "Transmise le"
DATE_AT_TIME = "{date} à {time}"  # a moment in a PDF or a mail: « 23/11/2026 à 14:05 »
PDF_NOT_TRANSMITTED = "non"
PDF_ADMISSION = "Lettre d'admission"
PDF_REFUSAL = "Notification de refus"
PDF_ON_DAY = "Le {date}"
PDF_FILE_NUMBER_LINE = "Numéro de dossier : {login}"
PDF_SUBJECT = "Objet : votre candidature à la formation « {formation} »"
PDF_ADMITTED = (
    "Nous avons le plaisir de vous informer que la commission a émis un avis favorable à votre candidature à la "
    "formation « {formation} »."
)
PDF_CONFIRM_BEFORE = " Pour réserver votre place, confirmez votre inscription sur eCandidat avant le {date}."
PDF_REFUSED = (
    "Nous avons le regret de vous informer que la commission a émis un avis défavorable à votre candidature à la "
    "formation « {formation} »."
)
PDF_REASON = "Motif : {reason}"
PDF_COMMISSION_SIGNS = "La commission {name}"
FILE_STATUS_LABELS = {  # models.candidature.FileStatus, as stored → as read
    "En attente": "En attente",
    "Réceptionné": "Réceptionné",
    "Incomplet": "Incomplet",
    "Complet": "Complet",
}
PIECE_STATUS_LABELS = {  # a pièce's status, as computed (services/candidatures.py: PieceView.status) → as read
    "En attente": "En attente",
    "Déposée": "Déposée",
    "Transmise": "Transmise",
    "Validée": "Validée",
    "Refusée": "Refusée",
    "Non concerné": "Non concerné",
}
PIECE_COMMON = "Pièce commune à toutes vos candidatures"
PIECE_REVIEW_COMMENT = "Commentaire de la commission : {comment}"
PIECE_MODEL_TO_FILL = "Télécharger le modèle à compléter"
PIECE_ONLINE_FORM = "Formulaire en ligne"
PIECE_OPEN_FILE = "{name} (ouvrir)"
PIECE_REPLACE = "Remplacer le fichier"
PIECE_SEND = "Envoyer le fichier"
PIECE_ACTION_FOR = "{action} : {label}"
DECISION_WITH_RANK = "{decision} (rang {rank})"
NEW_CANDIDATURE = "Nouvelle candidature"
NO_CANDIDATURE_YET = "Vous n'avez encore aucune candidature."
COLUMN_FORMATION = "Formation"
COLUMN_RETURN_BY = "Date limite de retour"
COLUMN_STATUS = "Statut du dossier"
COLUMN_DECISION = "Décision"
STATUS_TRANSMITTED = "{status} (transmise)"
STATUS_TRANSMITTED_LONG = "{status} — transmise"
APPLICATION_WINDOW = "Dépôt des candidatures"
FROM_TO = "du {opens} au {closes}"
JURY_ON = "Jury"
PUBLICATION_ON = "Publication des résultats"
CONFIRM_BY = "Date limite de confirmation"
MORE_INFORMATION = "Informations complémentaires"
CONTACT = "Contact"
RETURN_COMMENT = "Retour du dossier"
PIECES_TITLE = "Pièces justificatives"
QUESTIONS_TITLE = "Questions"
RECAPITULATIF_BUTTON = "Récapitulatif (PDF)"
TRANSMIT_BUTTON = "Transmettre ma candidature"
CANCEL_BUTTON = "Annuler ma candidature"
HISTORY = "Historique"
HISTORY_CREATED = "Candidature créée"  # stored in the history as written here; shown in the page's language
HISTORY_TRANSMITTED = "Candidature transmise"
HISTORY_CONFIRMED = "Inscription confirmée"
FILE_RECEIVED = "Fichier reçu : {label}"
DECISION_TITLE = "Décision : {decision}"
LETTER_BUTTON = "Télécharger la lettre (PDF)"
ANSWER_BEFORE = "Répondez avant le {date}."
CONFIRM_BUTTON = "Confirmer mon inscription"
WITHDRAW_BUTTON = "Me désister"
CONFIRM_YES = "Oui, je confirme"
WITHDRAW_REASON = "Motif (facultatif)"
CANCEL = "Annuler"
WITHDRAW_YES = "Confirmer mon désistement"
CANCEL_QUESTION = "Voulez-vous vraiment annuler cette candidature ?"
CANCEL_YES = "Oui, annuler"
GO_SIGN_IN = "Se connecter"
CHOOSE_PASSWORD = "Choisissez votre mot de passe"
YOUR_LOGIN = "Votre login (numéro de dossier) : {login}"
DATA_PROTECTION_TITLE = "Protection des données personnelles"
DATA_PROTECTION_SHORT = "Protection des données"
BACK_TO_CANDIDATURES = "← Mes candidatures"
LABEL_OF_VALUE = "{label} :"
FILE_TABS_NAV = "Onglets de mon dossier"
BADGE_OF_TAB = "({badge})"
PREVIOUS_TO = "Précédent : {label}"
NEXT_TO = "Suivant : {label}"
INTERNAL_EXPLAINED = (
    "Cet onglet présente les résultats obtenus à {institution}. Il est rempli par l'établissement pour ses "
    "étudiants, connectés avec leur compte de l'établissement."
)
DELETE_ENTRY_QUESTION = "Supprimer « {title} » ?"
ENTRY_OBTAINED = "Obtenu : {obtained}"
ENTRY_MENTION = " · Mention : {mention}"
ENTRY_HOURS = " · {hours} h/semaine"
ENTRY_DURATION = "Durée : {duration}{hours}"
ENTRY_EMPLOYER_DURATION = "{employer} · Durée : {duration}"
OBTAINED_LABELS = {"O": "Oui", "N": "Non", "E": "En cours"}  # services/file_rules.py: OBTAINED, as read
CALENDAR_NAME = "Candidatures — {institution}"  # the candidate's agenda file (services/calendar.py)
CALENDAR_RETURN_BY = "Date limite de retour : {formation}"
CALENDAR_CONFIRM_BY = "Date limite de confirmation : {formation}"
CALENDAR_PRESELECTION = "Présélection : {formation}"
WRITE_TO_CONTACT = "Envoyer un mail au référent de l'application: {mail}"
HOME_MESSAGE_REGION = "Informations"
NEW_LINK_HINT = "Vous pouvez demander un nouveau lien depuis la page de connexion."
TABS_DONE_LABEL = "{done} onglets obligatoires complets sur {total}"
TABS_DONE = "{done} sur {total} complets. Il reste à remplir :"
STUDENT_OF = "Je suis étudiant à {institution}"
NOT_STUDENT_OF = "Je ne suis pas étudiant à {institution}"
PLEASE_SIGN_IN = "Veuillez vous connecter"
SIGN_IN_WITH_ACCOUNT = "Veuillez vous connecter avec votre compte eCandidat"


# --- Read in the candidate's language (ecandidat_ui/language.py): the French texts above are the msgids -------
class _InCurrentLanguage(_types.ModuleType):
    """`messages.NAME` is the text in the language of what is being made (a page, a mail, a PDF)."""

    def __getattribute__(self, name: str) -> object:
        value = super().__getattribute__(name)
        return _language.translated(value) if name[:1].isupper() else value


_sys.modules[__name__].__class__ = _InCurrentLanguage

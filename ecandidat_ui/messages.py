"""Every text a candidate reads, once. Reference texts of the seeds and the spec are kept word for word."""

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

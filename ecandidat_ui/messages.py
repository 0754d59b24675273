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
FILE_NOT_READY = "Impossible de candidater à cette formation, vous devez d'abord remplir vos informations personnelles"
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

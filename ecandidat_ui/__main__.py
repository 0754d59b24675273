"""Administration commands: `python -m ecandidat_ui import-students FILE.csv`, `import-offer FILE.yaml`,
`create-admin --mail MAIL --nom NOM --prenom PRENOM`, `backup DEST`, `restore SRC`, `shared-settings --reset`;
for developers, `screenshots OUT` (every page of the demo in pictures, ecandidat_ui/screenshots.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import func
from sqlmodel import col, select

from ecandidat_ui import backup, shared_settings
from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.services.errors import InvalidInput
from ecandidat_ui.services.offer_import import OfferRefused, load_offer_file
from ecandidat_ui.services.student_import import ImportRefused, import_students
from ecandidat_ui.settings import SettingsError, load_settings
from models import OutboxMail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ecandidat_ui", description="Administration d'eCandidat")
    commands = parser.add_subparsers(dest="command", required=True)
    students = commands.add_parser("import-students", help="importer les étudiants de l'établissement (CSV)")
    students.add_argument("file", type=Path)
    offer = commands.add_parser("import-offer", help="charger ou mettre à jour l'offre de formation (YAML ou CSV)")
    offer.add_argument("file", type=Path)
    admin = commands.add_parser(
        "create-admin", help="créer un administrateur (ou lui renvoyer un lien d'activation) et lui envoyer le lien"
    )
    admin.add_argument("--mail", required=True)
    admin.add_argument("--nom", required=True)
    admin.add_argument("--prenom", required=True)
    save = commands.add_parser("backup", help="sauvegarder la base et les fichiers (pièces…) dans un dossier")
    save.add_argument("folder", type=Path)
    back = commands.add_parser("restore", help="remettre une sauvegarde en place (arrêtez la plateforme d'abord)")
    back.add_argument("folder", type=Path)
    shared = commands.add_parser(
        "shared-settings", help="oublier le secret et le dossier enregistrés (tous les processus arrêtés d'abord)"
    )
    shared.add_argument("--reset", action="store_true", required=True)
    shots = commands.add_parser("screenshots", help="(développeurs) chaque page de la démo en PNG à 1280 et 390 px")
    shots.add_argument("folder", type=Path)
    shots.add_argument("--seulement", action="append", default=[], help="les pages dont le chemin commence ainsi")
    args = parser.parse_args(argv)
    if args.command == "screenshots":  # its own demo, in a throw-away data folder: none of the settings here
        from ecandidat_ui import screenshots

        return screenshots.run(args.folder, args.seulement)
    try:
        platform = build_platform(load_settings())
    except SettingsError as error:
        print(f"eCandidat : {error}", file=sys.stderr)
        return 2
    if args.command in ("backup", "restore"):
        return save_or_restore(platform, args.command, args.folder)
    if args.command == "shared-settings":
        platform.db.upgrade()
        shared_settings.reset(platform.db)
        print("Secret et dossier oubliés : le prochain démarrage enregistre les siens.")
        return 0
    try:
        prepare(platform)
    except SettingsError as error:
        print(f"eCandidat : {error}", file=sys.stderr)
        return 2
    if args.command == "create-admin":
        return create_admin(platform, args.mail, args.nom, args.prenom)
    try:
        text = args.file.read_text(encoding="utf-8-sig")
        if args.command == "import-offer":
            centres, formations = load_offer_file(platform.db, args.file.name, text)
            print(f"Offre chargée : {centres} centres de candidature, {formations} formations")
        else:
            report = import_students(platform.db, text)
            print(f"{report.students} étudiants et {report.results} résultats importés")
    except (ImportRefused, OfferRefused) as refused:
        print("Import refusé, rien n'a été enregistré :", file=sys.stderr)
        for problem in refused.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as error:
        print(f"Fichier illisible : {error}", file=sys.stderr)
        return 1
    return 0


def save_or_restore(platform: Platform, command: str, folder: Path) -> int:
    try:
        if command == "backup":
            report = backup.backup(platform.settings, folder)
            print(f"Sauvegarde écrite dans {report.folder} : base {report.database}, {report.files} fichiers")
        else:
            platform.db.dispose()
            report = backup.restore(platform.settings, folder)
            print(f"Sauvegarde remise en place : base {report.database}, {report.files} fichiers")
    except backup.BackupError as error:
        print(f"eCandidat : {error}", file=sys.stderr)
        return 1
    return 0


ADMIN_FIELDS = {"mail": "--mail", "last_name": "--nom", "first_name": "--prenom"}


def create_admin(platform: Platform, mail: str, last_name: str, first_name: str) -> int:
    """Create the administrator (or send a new link to an existing one); the link is also printed, for a machine
    whose mails do not leave yet."""
    try:
        result = platform.staff.bootstrap_admin(mail, last_name, first_name)
    except InvalidInput as invalid:
        for field, message in invalid.errors.items():
            print(f"{ADMIN_FIELDS.get(field, field)} : {message}", file=sys.stderr)
        return 1
    member = result.member
    done = "Administrateur créé" if result.created else "Administrateur existant, nouveau lien d'activation"
    print(f"{done} : {member.display_name} <{member.mail}>")
    print(f"Lien d'activation (une seule utilisation, valable une heure) : {result.link}")
    platform.mail_sender.send_due()
    if not platform.settings.smtp_host:
        print(f"Aucun serveur SMTP n'est réglé : le mail est écrit dans {platform.settings.outbox_dir}.")
    elif _unsent(platform, member.mail):
        print("Le mail n'a pas pu partir pour l'instant : eCandidat le renverra dès son démarrage.")
    else:
        print(f"Le lien a aussi été envoyé à {member.mail}.")
    return 0


def _unsent(platform: Platform, address: str) -> int:
    with platform.db.session() as session:
        query = select(func.count()).select_from(OutboxMail).where(OutboxMail.to == address)
        return session.exec(query.where(col(OutboxMail.sent_at).is_(None))).one()


if __name__ == "__main__":
    sys.exit(main())

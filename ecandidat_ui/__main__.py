"""Administration commands: `python -m ecandidat_ui import-students FILE.csv`, `import-offer FILE.yaml`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import build_platform
from ecandidat_ui.services.offer_import import OfferRefused, load_offer_file
from ecandidat_ui.services.student_import import ImportRefused, import_students
from ecandidat_ui.settings import SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ecandidat_ui", description="Administration d'eCandidat")
    commands = parser.add_subparsers(dest="command", required=True)
    students = commands.add_parser("import-students", help="importer les étudiants de l'établissement (CSV)")
    students.add_argument("file", type=Path)
    offer = commands.add_parser("import-offer", help="charger ou mettre à jour l'offre de formation (YAML ou CSV)")
    offer.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    try:
        platform = build_platform(load_settings())
    except SettingsError as error:
        print(f"eCandidat : {error}", file=sys.stderr)
        return 2
    prepare(platform)
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


if __name__ == "__main__":
    sys.exit(main())

"""A sample institution for a first look (`python main.py --demo`): three centres, twenty-five formations whose
windows are open, to come or closed relative to today, a few pièces justificatives and questions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ecandidat_ui.services.rights import Role
from ecandidat_ui.services.staff import DemoMember

PIECES = [
    {"code": "CNI", "libelle": "Pièce d'identité (carte d'identité ou passeport)", "ordre": 1, "commune": True},
    {"code": "RELEVES", "libelle": "Relevés de notes des deux dernières années", "ordre": 2, "commune": True},
    {"code": "CV", "libelle": "Curriculum vitae", "ordre": 3},
    {"code": "LM", "libelle": "Lettre de motivation", "ordre": 4},
    {"code": "MDPH", "libelle": "Notification d'aménagement d'études (MDPH)", "ordre": 5, "conditionnelle": True},
]
QUESTIONS = [
    {"code": "DEJA-INSCRIT", "libelle": "Avez-vous déjà été inscrit dans notre université ?", "type": "oui_non"},
    {"code": "PROJET", "libelle": "Quel est votre projet professionnel ?", "ordre": 2, "type": "texte"},
]

CENTRES = [
    (
        "SCI",
        "UFR Sciences et Techniques",
        [
            ("L1-MATH", "Licence Mathématiques", "Licence", "maths, algèbre, analyse"),
            ("L1-INFO", "Licence Informatique", "Licence", "programmation, algorithmique"),
            ("L1-PHYS", "Licence Physique, chimie", "Licence", "physique, chimie"),
            ("L1-SVT", "Licence Sciences de la vie et de la Terre", "Licence", "biologie, géologie"),
            ("LP-DEVWEB", "Licence professionnelle Développement web", "Licence professionnelle", "web, alternance"),
            ("M1-INFO", "Master Informatique, parcours génie logiciel", "Master", "logiciel, python"),
            ("M1-MATH", "Master Mathématiques appliquées", "Master", "statistiques, modélisation"),
            ("M1-DATA", "Master Science des données", "Master", "données, apprentissage automatique"),
            ("BUT-INFO", "BUT Informatique", "BUT", "développement, réseaux"),
        ],
    ),
    (
        "LSH",
        "UFR Lettres et Sciences humaines",
        [
            ("L1-LETT", "Licence Lettres modernes", "Licence", "littérature, langue française"),
            ("L1-HIST", "Licence Histoire", "Licence", "histoire, archives"),
            ("L1-GEO", "Licence Géographie et aménagement", "Licence", "territoires, cartographie"),
            ("L1-LEA", "Licence Langues étrangères appliquées anglais-espagnol", "Licence", "anglais, espagnol"),
            ("L1-PSY", "Licence Psychologie", "Licence", "psychologie, sciences cognitives"),
            ("M1-FLE", "Master Français langue étrangère", "Master", "didactique, enseignement"),
            ("M1-MEEF", "Master MEEF premier degré", "Master", "enseignement, professeur des écoles"),
            ("DU-FLE", "Diplôme d'université Français pour étudiants étrangers", "Diplôme d'université", "FLE"),
        ],
    ),
    (
        "DEG",
        "Faculté de Droit, Économie et Gestion",
        [
            ("L1-DROIT", "Licence Droit", "Licence", "droit privé, droit public"),
            ("L1-ECO", "Licence Économie et gestion", "Licence", "économie, gestion"),
            ("L1-AES", "Licence Administration économique et sociale", "Licence", "AES"),
            ("CAP-DROIT", "Capacité en droit", "Capacité en droit", "sans bac"),
            ("M1-DAFF", "Master Droit des affaires", "Master", "contrats, sociétés"),
            (
                "M1-MAE",
                "Master Management et administration des entreprises",
                "Master",
                "management, double compétence",
            ),
            ("M1-FIN", "Master Finance d'entreprise", "Master", "finance, audit"),
            (
                "DU-PREPA",
                "DU Préparation aux concours administratifs",
                "Diplôme d'université",
                "concours, fonction publique",
            ),
        ],
    ),
]


def demo_offer(today: date) -> dict[str, Any]:
    centres = []
    number = 0
    for code, label, formations in CENTRES:
        entries = []
        for f_code, f_label, diploma, keywords in formations:
            opens, closes = _window(number, today)
            master = diploma == "Master"
            entries.append(
                {
                    "code": f_code,
                    "libelle": f_label,
                    "type_diplome": diploma,
                    "mots_cles": keywords,
                    "debut_depot": opens.isoformat(),
                    "fin_depot": closes.isoformat(),
                    "date_retour": (closes + timedelta(days=7)).isoformat(),
                    "date_jury": (closes + timedelta(days=21)).isoformat(),
                    "date_publication": (closes + timedelta(days=28)).isoformat(),
                    "date_confirmation": (closes + timedelta(days=42)).isoformat(),
                    "capacite": 30 if master else 120,
                    "mode": "papier" if f_code in PAPER_FILES else "dematerialise",
                    "commission": _commission(code, label, master),
                    "pieces": ["CNI", "RELEVES", "CV", "LM", "MDPH"] if master else ["CNI", "RELEVES", "MDPH"],
                    "questions": ["DEJA-INSCRIT", "PROJET"] if master else [],
                }
            )
            number += 1
        centres.append({"code": code, "libelle": label, "formations": entries})
    return {"pieces": PIECES, "questions": QUESTIONS, "centres": centres}


def _commission(centre_code: str, centre_label: str, master: bool) -> dict[str, str]:
    """Two commissions per centre: its masters, and its other diplomas."""
    kind, name = ("MASTERS", "des masters") if master else ("LICENCES", "des licences")
    return {
        "code": f"{centre_code}-{kind}",
        "libelle": f"Commission {name} ({centre_code})",
        "mail": f"scolarite.{centre_code.lower()}@example.org",
        "adresse": f"{centre_label}\nService de la scolarité\n1 avenue de l'Université\n75005 Paris",
    }


PAPER_FILES = {"DU-FLE", "DU-PREPA"}  # « dossier papier »: printed and posted to the commission


def _window(number: int, today: date) -> tuple[date, date]:
    """Most windows are open now; every fifth is still to come and every seventh closed already."""
    if number % 5 == 4:
        return today + timedelta(days=20), today + timedelta(days=80)
    if number % 7 == 6:
        return today - timedelta(days=90), today - timedelta(days=10)
    return today - timedelta(days=15), today + timedelta(days=45 + number)


# One staff member per role; their set-up links are logged at start (no mail is sent for them).
DEMO_STAFF = [
    DemoMember(Role.ADMIN, "administrateur@example.org", "MARTIN", "Alice"),
    DemoMember(Role.SCOLARITE, "scolarite@example.org", "BERNARD", "Bruno"),
    DemoMember(Role.CENTRE_MANAGER, "gestionnaire.sci@example.org", "PETIT", "Chloé", centre_code="SCI"),
    DemoMember(
        Role.COMMISSION_MEMBER,
        "commission.sci@example.org",
        "DURAND",
        "David",
        commission=("SCI-MASTERS", "Commission des masters (SCI)", "SCI"),
        president=True,
    ),
    DemoMember(Role.READ_ONLY, "lecture@example.org", "LEROY", "Emma"),
]

"""The offer as a file: exported in exactly the format the import reads (export → import into an empty database →
the same offer), and a file sent back checked as a whole (problems with their lines, nothing applied), then
applied all at once and journaled; the file itself checked on the server (name, size, text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.offer_export import offer_yaml
from ecandidat_ui.services.offer_import import load_offer_file
from ecandidat_ui.services.rights import Actor, Role
from models import Centre, Formation
from tests.unit import test_offer_setup
from tests.unit.test_offer_setup import day, formation_values, journal, member

admin = test_offer_setup.admin  # the fixtures: an administrator; two centres SCI and LSH with commissions
world = test_offer_setup.world


def rich_offer(platform: Platform, admin: Actor, world: dict[str, int]) -> None:
    """An offer using every field the format carries."""
    cni = platform.pieces.create(admin, {"code": "CNI", "label": "Identité", "position": "1", "common": True})
    platform.pieces.create(admin, {"code": "CV", "label": "CV", "unique_file": True, "template": "https://x.fr/cv"})
    portf = platform.pieces.create(
        admin, {"code": "PORTF", "label": "Portfolio", "centre_id": world["LSH"], "conditional": True, "active": False}
    )
    stage = platform.questions.create(admin, {"code": "STAGE", "label": "Un stage ?", "kind": "yes_no"})
    platform.questions.create(
        admin, {"code": "PROJET", "label": "Projet", "kind": "text", "required": False, "centre_id": world["SCI"]}
    )
    platform.commissions.update(
        admin,
        world["SCI-M"],
        {"code": "SCI-M", "label": "Commission des masters", "centre_id": world["SCI"], "address": "UFR\n1 rue"},
    )
    platform.formations.create(
        admin,
        formation_values(
            world["SCI"],
            world["SCI-M"],
            treatment_type="AC",
            preanalysis_on=day(31),
            confirm_by=None,
            confirm_delay_days="8",
            paperless=False,
            info="Entretien possible",
            piece_ids=[],
            question_ids=[stage.id],
        ),
    )
    platform.formations.create(
        admin,
        formation_values(
            world["LSH"], world["LSH-L"], code="L1-LET", label="Lettres", active=False, piece_ids=[portf.id]
        ),
    )
    platform.centres.update(admin, world["LSH"], {"code": "LSH", "label": "UFR Lettres", "active": False})
    assert cni.common


def test_the_exported_offer_imports_into_an_empty_database_as_the_same_offer(
    platform: Platform, admin: Actor, world, tmp_path: Path
):
    rich_offer(platform, admin, world)
    exported = platform.offer_file.export(admin)
    assert exported.startswith("# Offre de formation exportée")
    assert "type_traitement: AC" in exported and "centre: LSH" in exported and "adresse: |-\n" in exported

    empty = Database(f"sqlite:///{tmp_path / 'vide.db'}")
    empty.upgrade()
    assert load_offer_file(empty, "offre.yaml", exported) == (2, 2)  # as `python -m ecandidat_ui import-offer`
    with empty.session() as session:
        again = offer_yaml(session)
        lettres = session.exec(select(Formation).where(Formation.code == "L1-LET")).one()
        centre = session.exec(select(Centre).where(Centre.code == "LSH")).one()
    assert again == exported
    assert (lettres.active, centre.active) == (False, False)
    assert load_offer_file(empty, "offre.yaml", exported) == (2, 2)  # again: nothing doubles
    with empty.session() as session:
        assert offer_yaml(session) == exported
    empty.dispose()


def test_a_file_with_problems_lists_them_with_their_lines_and_applies_nothing(platform: Platform, admin: Actor, world):
    rich_offer(platform, admin, world)
    exported = platform.offer_file.export(admin)
    broken = re.sub(r"(    fin_depot: )\S+", r"\g<1>2027-13-45", exported, count=1)
    broken = broken.replace("capacite: 30", "capacite: beaucoup", 1)
    checked = platform.offer_file.check(admin, "offre.yaml", broken.encode())
    assert not checked.ok
    lines = broken.splitlines()
    for problem in checked.problems:
        number = int(problem.split(" ", 2)[1])
        assert "capacite" in lines[number - 1] or "fin_depot" in lines[number - 1], problem
    assert len(checked.problems) == 2
    before = platform.offer_file.export(admin)
    changed = exported.replace("libelle: Master Informatique", "libelle: Master Informatique (nouveau)")
    assert not platform.offer_file.apply(admin, "offre.yaml", broken.encode()).ok
    assert platform.offer_file.export(admin) == before  # nothing of it was applied

    checked = platform.offer_file.check(admin, "offre.yaml", changed.encode())
    assert (checked.ok, checked.centres, checked.formations) == (True, 2, 2)
    assert platform.offer_file.export(admin) == before  # a check applies nothing
    applied = platform.offer_file.apply(admin, "offre.yaml", changed.encode())
    assert applied.ok and platform.offer_file.export(admin) == changed
    [line] = journal(platform, "offer.import")
    assert (line.after["centres"], line.after["formations"], line.object_label) == (2, 2, "offre.yaml")

    other_centre = changed.replace("code: SCI-M", "code: LSH-L", 1)  # a commission of another centre
    refused = platform.offer_file.apply(admin, "offre.yaml", other_centre.encode())
    assert refused.problems == ["formation M1-INFO : la commission LSH-L est celle d'un autre centre"]
    assert platform.offer_file.export(admin) == changed  # nothing of it was applied


def test_the_file_is_checked_before_it_is_read_and_only_by_who_may_import(platform: Platform, admin: Actor, world):
    service = platform.offer_file
    for name, data, message in (
        ("offre.exe", b"centres: []", messages.OFFER_FILE_BAD_NAME),
        ("offre.yaml", b"", messages.FILE_EMPTY),
        ("offre.yaml", b"x" * (5 * 1024 * 1024 + 1), messages.OFFER_FILE_TOO_BIG),
        ("offre.yaml", b"\xff\xfe\x00c\x00e", messages.OFFER_FILE_NOT_TEXT),
        ("offre.csv", b"code;libelle\x00\n", messages.OFFER_FILE_NOT_TEXT),
    ):
        with pytest.raises(Refused) as refused:
            service.check(admin, name, data)
        assert refused.value.message == message
    assert service.check(admin, "offre.yaml", b"centres: [").problems[0].endswith("YAML illisible")
    csv = "centre_code;centre_libelle;code;libelle;debut_depot;fin_depot\nSCI;UFR Sciences;L1;Licence;2027-03-01;hier\n"
    assert service.check(admin, "offre.csv", csv.encode()).problems == [
        "ligne 2 : centres.formations.fin_depot : date invalide (AAAA-MM-JJ attendu)"
    ]
    manager = member(platform, admin, "gaston@example.org", Role.CENTRE_MANAGER, centre_id=world["SCI"])
    for call in (lambda: service.export(manager), lambda: service.apply(manager, "offre.yaml", b"centres: []")):
        with pytest.raises(Refused, match="importer l'offre de formation"):
            call()


def test_the_problems_of_values_are_said_in_french(platform: Platform, admin: Actor, world):
    rich_offer(platform, admin, world)
    exported = platform.offer_file.export(admin)
    broken = exported.replace("capacite: 30", "capacite: trente", 1).replace("ordre: 1", "ordre: -1", 1)
    broken = broken.replace("commune: true", "commune: peut-être", 1)
    problems = platform.offer_file.check(admin, "offre.yaml", broken.encode()).problems
    assert [problem.split(" : ", 1)[1] for problem in problems] == [
        "pieces.ordre : doit être au moins 0",
        "pieces.commune : true ou false attendu",
        "centres.formations.capacite : nombre entier attendu",
    ]

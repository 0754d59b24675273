"""Loading the offer from a file, all or nothing, and browsing it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from ecandidat_ui.__main__ import main as admin
from ecandidat_ui.demo import demo_offer
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.offer_import import OfferRefused, apply_offer, load_offer_file
from models import Centre, Commission, Formation, FormationPiece, Question

YAML = """\
pieces:
  - {code: CNI, libelle: Pièce d'identité, commune: true}
  - {code: CV, libelle: Curriculum vitae}
centres:
  - code: SCI
    libelle: UFR Sciences
    formations:
      - code: M1-INFO
        libelle: Master Informatique
        type_diplome: Master
        mots_cles: python, logiciel
        debut_depot: 2027-03-01
        fin_depot: 2027-04-30
        date_retour: 2027-05-10
        pieces: [CNI, CV]
        questions:
          - {libelle: "Avez-vous un stage ?", type: oui_non}
"""


def test_a_yaml_offer_is_loaded_and_updated(platform: Platform):
    assert load_offer_file(platform.db, "offre.yaml", YAML) == (1, 1)
    assert load_offer_file(platform.db, "offre.yaml", YAML.replace("Master Informatique", "Master Info")) == (1, 1)
    with platform.db.session() as session:
        [formation] = session.exec(select(Formation)).all()
        assert formation.label == "Master Info" and formation.return_by == date(2027, 5, 10)
        assert len(session.exec(select(FormationPiece)).all()) == 2
        assert session.exec(select(Question)).one().kind == "yes_no"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("fin_depot: 2027-04-30", "fin_depot: 2027-02-30"), "ligne 13 : centres.formations.fin_depot : date invalide"),
        (("pieces: [CNI, CV]", "pieces: [CNI, LM]"), "ligne 8 : pièce inconnue : LM"),
        (("        mots_cles", "        couleur: bleu\n        mots_cles"), "ligne 11 : centres.formations.couleur"),
        (
            ("fin_depot: 2027-04-30", "fin_depot: 2027-01-30"),
            "ligne 8 : centres.formations : « Date fin dépôt » doit être postérieure ou égale",
        ),
        (("libelle: UFR Sciences", "libelle: [UFR"), "YAML illisible"),
    ],
)
def test_a_faulty_offer_names_its_line_and_changes_nothing(platform: Platform, change, problem):
    with pytest.raises(OfferRefused) as refused:
        load_offer_file(platform.db, "offre.yaml", YAML.replace(*change))
    assert problem in refused.value.problems[0], refused.value.problems
    with platform.db.session() as session:
        assert session.exec(select(Formation)).all() == []


def test_a_csv_offer(platform: Platform, tmp_path, capsys):
    path = tmp_path / "offre.csv"
    path.write_text(
        "centre_code;centre_libelle;code;libelle;type_diplome;debut_depot;fin_depot;mode\n"
        "DEG;Faculté de Droit;L1-DROIT;Licence Droit;Licence;2027-03-01;2027-04-30;papier\n"
        "DEG;Faculté de Droit;L1-ECO;Licence Économie;Licence;2027-03-01;2027-04-30;dematerialise\n",
        encoding="utf-8",
    )
    assert admin(["import-offer", str(path)]) == 0
    assert "Offre chargée : 1 centres de candidature, 2 formations" in capsys.readouterr().out
    bad = tmp_path / "faux.csv"
    bad.write_text("centre_code;centre_libelle;code;libelle;debut_depot;fin_depot\nDEG;Droit;X;Y;demain;2027-01-01\n")
    assert admin(["import-offer", str(bad)]) == 1
    assert "ligne 2 : centres.formations.debut_depot : date invalide" in capsys.readouterr().err


def test_the_commission_of_a_formation_is_found_by_code_or_label_or_created(platform: Platform):
    """`commission` names a commission of the centre (by code or label) or a new one; a mapping gives its code."""
    by_label = YAML.replace("        pieces:", "        commission: Commission des masters\n        pieces:")
    by_label = by_label.replace("        pieces:", "        commission_mail: masters@example.org\n        pieces:", 1)
    load_offer_file(platform.db, "offre.yaml", by_label)
    load_offer_file(platform.db, "offre.yaml", by_label)  # again: the same commission, not a second one
    with platform.db.session() as session:
        [commission] = session.exec(select(Commission)).all()
        formation = session.exec(select(Formation)).one()
    assert (commission.code, commission.label, commission.mail) == (
        "SCI-C1",
        "Commission des masters",
        "masters@example.org",
    )
    assert formation.commission_id == commission.id

    load_offer_file(
        platform.db, "offre.yaml", by_label.replace("commission: Commission des masters", "commission: SCI-C1")
    )
    with platform.db.session() as session:
        assert session.exec(select(Formation)).one().commission_id == commission.id
        assert len(session.exec(select(Commission)).all()) == 1

    mapping = "        commission: {code: SCI-M, libelle: Masters de sciences, adresse: 1 rue des Écoles}\n"
    load_offer_file(platform.db, "offre.yaml", YAML.replace("        pieces:", mapping + "        pieces:"))
    with platform.db.session() as session:
        created = session.exec(select(Commission).where(Commission.code == "SCI-M")).one()
        assert (created.label, created.address) == ("Masters de sciences", "1 rue des Écoles")
        assert session.exec(select(Formation)).one().commission_id == created.id

    load_offer_file(platform.db, "offre.yaml", YAML)  # no commission named: the one set is kept
    with platform.db.session() as session:
        assert session.exec(select(Formation)).one().commission_id == created.id


def test_a_commission_of_another_centre_is_refused_and_nothing_changes(platform: Platform):
    with platform.db.session() as session:
        other = Centre(code="LSH", label="UFR Lettres")
        session.add(other)
        session.flush()
        session.add(Commission(code="LSH-L", label="Licences de lettres", centre_id=other.id))
    mapping = "        commission: {code: LSH-L, libelle: Licences de lettres}\n"
    with pytest.raises(OfferRefused) as refused:
        load_offer_file(platform.db, "offre.yaml", YAML.replace("        pieces:", mapping + "        pieces:"))
    assert refused.value.problems == ["formation M1-INFO : la commission LSH-L est celle d'un autre centre"]
    with platform.db.session() as session:
        assert session.exec(select(Formation)).all() == []


def test_the_demo_offer_has_open_future_and_closed_windows(platform: Platform):
    today = date.today()
    apply_offer(platform.db, demo_offer(today))
    formations = platform.offer.formations()
    assert len(formations) == 25 and len({f.centre for f in formations}) == 3
    assert {f.window_state(today) for f in formations} == {"open", "future", "closed"}


def test_the_centres_are_counted_by_the_database_as_their_formations_say(platform: Platform):
    """The offer's closed headers: each centre's formations in service and those open today, counted in SQL, the
    same as its formations read one by one; a centre out of service, or whose formations all are, is not listed."""
    today = date.today()
    apply_offer(platform.db, demo_offer(today))
    with platform.db.session() as session:
        first = session.exec(select(Formation).where(Formation.code == "L1-ECO")).one()
        first.active = False  # out of service: counted nowhere
        session.add(Centre(code="VIDE", label="Centre sans formation"))
    centres = platform.offer.centres(today)
    read = [
        (centre.label, centre.formations, centre.open_now, [f.code for f in platform.offer.formations("", centre.id)])
        for centre in centres
    ]
    every = platform.offer.formations()
    assert [(label, total, open_now) for label, total, open_now, _ in read] == [
        (label, len(codes), sum(f.is_open(today) for f in every if f.code in codes)) for label, _, _, codes in read
    ]
    assert [code for *_, codes in read for code in codes] == [f.code for f in every]  # each formation once, in order
    assert len(centres) == 3 and sum(c.formations for c in centres) == 24 and "L1-ECO" not in str(read)
    assert 0 < sum(c.open_now for c in centres) < 24


def test_search_ignores_case_and_accents_and_needs_every_word(platform: Platform):
    apply_offer(platform.db, demo_offer(date.today()))
    assert [f.code for f in platform.offer.formations("ECONOMIE gestion")] == ["L1-ECO"]
    assert {f.code for f in platform.offer.formations("alternance")} == {"LP-DEVWEB"}
    assert platform.offer.formations("zzz") == []


def test_window_edges():
    from ecandidat_ui.services.offer import OfferedFormation

    today = date(2027, 3, 1)
    formation = OfferedFormation(1, "X", "X", "C", "Licence", "", today, today + timedelta(days=1), None, True, "", 1)
    assert formation.is_open(today) and formation.is_open(today + timedelta(days=1))
    assert not formation.is_open(today - timedelta(days=1)) and not formation.is_open(today + timedelta(days=2))

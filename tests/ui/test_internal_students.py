"""The institution's own students: CAS sign-in, imported results in Cursus Interne, identity locked."""

from __future__ import annotations

from nicegui.testing import User

from ecandidat_ui.__main__ import main as admin
from ecandidat_ui.services import ine
from tests.cas_server import CasServer
from tests.ui.helpers import field, see

INE = "1234567890" + ine.bea_key("1234567890")
CSV = (
    "numero_etudiant;login_cas;ine;civilite;nom;prenom;date_naissance;mail;annee_universitaire;code;libelle;"
    "mention;resultat;note;bareme\n"
    f"21001234;etu123;{INE};Mme;Baillon;Marie;14/02/2003;marie@etu.example.org;2024/2025;L2MATH;"
    "Licence 2 Mathématiques;Assez bien;Admis;12,5;20\n"
)


async def test_a_student_signs_in_through_cas_and_finds_their_results(cas_server: CasServer, user: User, tmp_path):
    (tmp_path / "etudiants.csv").write_text(CSV, encoding="utf-8")
    assert admin(["import-students", str(tmp_path / "etudiants.csv")]) == 0

    await user.open("/")
    await user.should_see("Je suis étudiant à l'Université Esup")
    ticket = cas_server.issue("http://ecandidat.test/cas/retour", "etu123", {})
    await user.open(f"/cas/retour?ticket={ticket}")
    await see(user, "Bienvenue MARIE BAILLON.")

    await user.open("/compte/cursus-interne")
    await user.should_see(marker="internal-results", retries=50)
    table = field(user, "internal-results")
    assert table.rows[0]["label"] == "Licence 2 Mathématiques" and table.rows[0]["grade"] == "12,5"

    await user.open("/compte/informations-perso")
    await see(user, "Nationalité *")
    for name in ("ine", "birth_name", "first_name", "birth_date"):
        assert "readonly" in field(user, name).props, name
    assert field(user, "ine").value == INE
    assert field(user, "birth_date").value == "2003-02-14"


async def test_an_unknown_or_reused_ticket_is_explained(cas_server: CasServer, user: User):
    await user.open("/cas/retour?ticket=ST-inconnu")
    await see(user, "Votre authentification a échoué ou a expiré, veuillez vous reconnecter")
    await user.open("/cas/retour")
    await see(user, "Aucun ticket d'authentification n'a été reçu, veuillez vous reconnecter")

"""Text typed by candidates and staff stays text on every screen: never a prop, never JavaScript (issue 9.1)."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import urlencode

import pytest
from nicegui import ui
from nicegui.testing import User
from sqlmodel import select

from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import build_platform
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.review import Decision
from ecandidat_ui.settings import load_settings
from models import Account, Question
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.ui import hostile
from tests.ui.helpers import PASSWORD, apply_to_line, field, fill, offer_line, see, sign_in, validated_account
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac


async def test_an_experience_title_never_becomes_a_prop(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    await sign_in(user, login, PASSWORD)
    await see(user, "Mon dossier")
    await user.open("/compte/experiences-pro")
    await see(user, "Vous n'avez saisi aucune expérience professionnelle.")
    user.find(marker="add-entry").click()
    await user.should_see("Intitulé *")
    field(user, "year").value = "2024"
    fill(user, title=hostile.SHORT, duration="6 mois", employer="Mairie de Cergy")
    user.find(marker="save-entry").click()
    await see(user, f"2024 · {hostile.SHORT}")

    hostile.assert_clean(user.client)
    edit = next(e for e in user.find(kind=type(field(user, "add-entry"))).elements if e.props.get("icon") == "edit")
    assert edit.props["aria-label"] == f"Modifier 2024 · {hostile.SHORT}"


# --- every component, built with a hostile value in each text it shows ---------------------------------------


async def _built(user: User, value: str) -> list[tuple[str, list[str], list[str]]]:
    """The gallery's elements, in order: kind, prop names and classes (no values); checks the value is shown."""
    await user.open(f"/?{urlencode({'value': value})}")
    await user.should_see(marker="gallery-yes")  # the confirm dialog, opened last
    elements = hostile.all_elements(user.client)
    hostile.assert_clean(user.client)
    _assert_shown_unchanged(elements, value)
    return [(type(e).__name__, sorted(e.props), sorted(e.classes)) for e in elements if e.id != 0]


def _assert_shown_unchanged(elements: list[ui.element], value: str) -> None:
    """The value, exactly as given, in texts, names for screen readers, labels, hints, options and inputs."""
    expected = {
        "text": [value, f"Je suis étudiant à {value}", f"Je ne suis pas étudiant à {value}", f"{value} (ouvrir)"],
        "aria-label": [f"Modifier {value}", f"Supprimer {value}", value, f"Remplacer le fichier : {value}"],
        "label": [value],
        "hint": [value],
    }
    for where, texts in expected.items():
        found = {getattr(e, "text", None) if where == "text" else e.props.get(where) for e in elements}
        missing = [text for text in texts if text not in found]
        assert not missing, f"not shown as {where}: {missing}"
    assert sum(getattr(e, "text", None) == value for e in elements) >= 15  # headings, names, banner, entries...
    assert any(getattr(e, "options", None) == {"a": value} for e in elements)
    assert sum(getattr(e, "value", None) == value for e in elements) >= 5  # what was typed comes back as typed


@pytest.mark.nicegui_main_file("tests/ui/component_gallery.py")
@pytest.mark.parametrize("value", hostile.VALUES, ids=["quote", "everything", "bound", "props-string"])
async def test_every_component_shows_hostile_text_as_text(user: User, value: str):
    """Built with a hostile value, every component has exactly the elements, prop names and classes it has
    with a plain one: nothing in the value became a prop or a class."""
    assert await _built(user, value) == await _built(user, "Stage chez Dupont")


# --- the staff's texts (offer, pièces, questions, decision) on the candidate's screens --------------------------


def _hostile_offer(today: date) -> dict:
    """One open formation whose every text the staff write is hostile."""
    return {
        "pieces": [
            {"code": "CV", "libelle": hostile.LONG},
            {"code": "MDPH", "libelle": hostile.PROPS_STRING, "conditionnelle": True},
        ],
        "centres": [
            {
                "code": "SCI",
                "libelle": hostile.PROPS_STRING,
                "formations": [
                    {
                        "code": "M1-X",
                        "libelle": hostile.LONG,
                        "type_diplome": hostile.SHORT,
                        "mots_cles": "hostile",
                        "debut_depot": (today - timedelta(days=5)).isoformat(),
                        "fin_depot": (today + timedelta(days=30)).isoformat(),
                        "commission": hostile.SHORT,
                        "commission_mail": "scolarite@example.org",
                        "pieces": ["CV", "MDPH"],
                        "questions": [
                            {"libelle": hostile.LONG, "type": "oui_non"},
                            {"libelle": hostile.BOUND, "type": "texte"},
                        ],
                    }
                ],
            }
        ],
    }


async def test_staff_texts_stay_text_on_the_offer_and_the_candidature(user: User, mailbox: Mailbox):
    login = await validated_account(user, mailbox)
    platform = build_platform(load_settings())
    prepare(platform)
    apply_offer(platform.db, _hostile_offer(date.today()))
    with platform.db.session() as session:
        account_id = session.exec(select(Account).where(Account.login == login)).one().id
    service = platform.candidate_file
    me = actor(platform, account_id)
    service.save_personal(me, {**PERSONAL, "ine": ""}, 0, date.today())
    service.save_address(me, ADDRESS, 0)
    service.save_bac(me, bac(2019, "S"), 0, date.today())
    service.set_no_higher_education(me, True)
    await sign_in(user, login)
    await see(user, "Mon dossier")

    await user.open("/offre?recherche=hostile")
    await see(user, "1 formation")
    hostile.assert_clean(user.client)
    [centre] = user.find(marker="centre").elements
    assert centre.props["toggle-aria-label"] == f"{hostile.PROPS_STRING} 1 formation, dont 1 ouverte"
    line = await offer_line(user, "M1-X")
    assert line["label"] == hostile.LONG  # the template binds it: « Candidater à » + the label, as text
    hostile.assert_shown_literally(user.client, hostile.SHORT)  # the type of diploma, as a heading

    await apply_to_line(user, "M1-X")
    await user.should_see(marker="apply-yes")
    user.find(marker="apply-yes").click()
    await see(user, "Pièces justificatives")
    page = user.back_history[-1].split("?")[0]
    hostile.assert_clean(user.client)
    hostile.assert_shown_literally(user.client, hostile.LONG, at_least=3)  # pièce, its button, the question
    hostile.assert_shown_literally(user.client, hostile.PROPS_STRING, at_least=2)  # centre, conditional pièce
    question = next(e for e in user.find(kind=ui.radio).elements)
    assert question.props["aria-label"] == hostile.LONG
    assert field(user, f"question-{_question_id(platform, hostile.BOUND)}").props["label"] == f"{hostile.BOUND} *"

    platform.review.record_decision(int(page.rsplit("/", 1)[1]), Decision.FAVORABLE, comment=hostile.LONG)
    platform.review.validate_decision(int(page.rsplit("/", 1)[1]))
    platform.db.dispose()
    await user.open(page)
    await see(user, "Décision : Favorable")
    hostile.assert_clean(user.client)
    assert sum(getattr(e, "text", None) == hostile.LONG for e in hostile.all_elements(user.client)) >= 2

    await user.open("/compte/candidatures")
    await user.should_see(marker="candidatures", retries=50)
    hostile.assert_clean(user.client)
    [row] = field(user, "candidatures").rows
    assert row["formation"] == hostile.LONG


def _question_id(platform, label: str) -> int:
    with platform.db.session() as session:
        return session.exec(select(Question).where(Question.label == label)).one().id

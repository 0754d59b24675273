"""The home and maintenance messages and the FAQ, written in the gestion: checked (links named at the field),
journaled, refused to who may not, and the default questions put in once."""

from __future__ import annotations

import pytest
from sqlmodel import select

from ecandidat_ui import messages
from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.paging import TableQuery
from ecandidat_ui.services.site_messages import DEFAULT_HOME, HOME, MAINTENANCE
from models import JournalEntry

REFUSED_ACTOR = ("gestionnaire", "lecture")


def journal(platform: Platform, prefix: str) -> list[JournalEntry]:
    with platform.db.session() as session:
        rows = session.exec(select(JournalEntry).order_by(JournalEntry.id)).all()
        return [row for row in rows if row.action.startswith(prefix)]


# --- messages ----------------------------------------------------------------------------------------------


def test_a_fresh_install_has_the_default_home_message_and_no_maintenance(platform: Platform):
    assert platform.site_messages.home() == DEFAULT_HOME
    assert platform.site_messages.maintenance() == ""


def test_the_scolarite_sets_and_clears_the_maintenance_message(platform: Platform, staff_actors):
    scolarite = staff_actors["scolarite"]
    view = platform.site_messages.update(scolarite, MAINTENANCE, "  **Coupure** du 19 au 23 avril.\r\n  ")
    assert view.text == "**Coupure** du 19 au 23 avril." and view.title == "Message de maintenance"
    assert platform.site_messages.maintenance() == "**Coupure** du 19 au 23 avril."
    platform.site_messages.update(scolarite, MAINTENANCE, "**Coupure** du 19 au 23 avril.")  # unchanged: no line
    platform.site_messages.update(scolarite, MAINTENANCE, "")
    assert platform.site_messages.maintenance() == ""
    lines = [(line.action, line.object_id, line.before, line.after) for line in journal(platform, "message.")]
    assert lines == [
        ("message.update", MAINTENANCE, {"text": ""}, {"text": "**Coupure** du 19 au 23 avril."}),
        ("message.update", MAINTENANCE, {"text": "**Coupure** du 19 au 23 avril."}, {"text": ""}),
    ]
    page = platform.site_messages.page(scolarite, TableQuery(sort_by="title"))
    assert [row["id"] for row in page.rows] == [HOME, MAINTENANCE]
    assert page.rows[0]["text"].startswith("**Bienvenue sur l'application eCandidat.** Avant toute")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("Voir [ici](javascript:alert(1))", messages.MARKDOWN_REFUSED_LINK.format(links="javascript:alert(1)")),
        (
            "<data:text/html,x> et [là](vbscript:x)",
            messages.MARKDOWN_REFUSED_LINK.format(links="data:text/html,x, vbscript:x"),
        ),
        ("x" * 5001, messages.TOO_LONG.format(max=5000)),
    ],
)
def test_a_refused_message_is_said_at_the_field(platform: Platform, staff_actors, text: str, error: str):
    with pytest.raises(InvalidInput) as refused:
        platform.site_messages.update(staff_actors["admin"], HOME, text)
    assert refused.value.errors == {"text": error}
    assert platform.site_messages.home() == DEFAULT_HOME and journal(platform, "message.") == []


def test_only_administrators_and_the_scolarite_write_the_messages(platform: Platform, staff_actors):
    platform.site_messages.update(staff_actors["admin"], HOME, "Bonjour")
    for name in REFUSED_ACTOR:
        actor = staff_actors[name]
        for attempt in (
            lambda a=actor: platform.site_messages.update(a, HOME, "Piraté"),
            lambda a=actor: platform.site_messages.views(a),
            lambda a=actor: platform.site_messages.view(a, MAINTENANCE),
        ):
            with pytest.raises(Refused) as refused:
                attempt()
            assert refused.value.message == "Vous n'avez pas le droit de modifier les messages."
    assert platform.site_messages.home() == "Bonjour"
    with pytest.raises(Refused, match=messages.SITE_MESSAGE_UNKNOWN):
        platform.site_messages.update(staff_actors["admin"], "footer", "x")


# --- FAQ ---------------------------------------------------------------------------------------------------


def questions(platform: Platform) -> list[str]:
    return [item.question for item in platform.faq.public()]


def test_the_usual_questions_of_candidates_are_there_from_the_first_start(platform: Platform):
    assert questions(platform) == [
        "Je n'ai pas reçu le mail de validation de mon compte",
        "J'ai oublié mon login ou mon mot de passe",
        "Comment changer l'adresse mail de mon compte ?",
        "Quels fichiers puis-je envoyer comme pièces justificatives ?",
    ]
    answers = " ".join(item.answer for item in platform.faq.public())
    for said in ("J'ai perdu mon code d'activation", "J'ai oublié mes identifiants", "Modifier mon compte", "PDF"):
        assert said in answers


def test_the_faq_is_written_ordered_and_journaled(platform: Platform, staff_actors):
    scolarite = staff_actors["scolarite"]
    added = platform.faq.create(scolarite, " Quand  ouvre la campagne ? ", "Le **1er mars**, voir [l'offre](/offre).")
    assert (added.question, added.position) == ("Quand ouvre la campagne ?", 5)
    assert questions(platform)[-1] == "Quand ouvre la campagne ?"
    platform.faq.move(scolarite, added.id, -1)
    assert questions(platform)[3:] == [
        "Quand ouvre la campagne ?",
        "Quels fichiers puis-je envoyer comme pièces justificatives ?",
    ]
    first = platform.faq.public()[0]
    platform.faq.move(scolarite, first.id, -1)  # already first: nothing
    assert platform.faq.public()[0].id == first.id
    platform.faq.update(scolarite, added.id, "Quand ouvre la campagne ?", "Le 2 mars.")
    assert platform.faq.item(scolarite, added.id).answer == "Le 2 mars."
    platform.faq.delete(scolarite, first.id)
    assert len(questions(platform)) == 4 and first.question not in questions(platform)
    actions = [line.action for line in journal(platform, "faq.")]
    assert actions == ["faq.create", "faq.move", "faq.update", "faq.delete"]
    deleted = journal(platform, "faq.delete")[0]
    assert deleted.before["question"] == first.question and deleted.after is None
    page = platform.faq.page(scolarite, TableQuery(sort_by="position", search="campagne"))
    assert [row["question"] for row in page.rows] == ["Quand ouvre la campagne ?"]
    assert page.rows[0]["first"] is False and page.rows[0]["last"] is False
    with pytest.raises(Refused, match=messages.FAQ_UNKNOWN):
        platform.faq.update(scolarite, first.id, "Q", "R")


def test_a_bad_question_or_answer_is_said_at_its_field(platform: Platform, staff_actors):
    with pytest.raises(InvalidInput) as refused:
        platform.faq.create(staff_actors["admin"], "  ", "[clic](javascript:alert(1))")
    assert refused.value.errors == {
        "question": messages.REQUIRED,
        "answer": messages.MARKDOWN_REFUSED_LINK.format(links="javascript:alert(1)"),
    }
    with pytest.raises(InvalidInput) as refused:
        platform.faq.create(staff_actors["admin"], "Q" * 301, "")
    assert refused.value.errors == {"question": messages.TOO_LONG.format(max=300), "answer": messages.REQUIRED}
    assert len(questions(platform)) == 4 and journal(platform, "faq.") == []


def test_only_administrators_and_the_scolarite_write_the_faq(platform: Platform, staff_actors):
    entry = platform.faq.public()[0]
    for name in REFUSED_ACTOR:
        actor = staff_actors[name]
        for attempt in (
            lambda a=actor: platform.faq.create(a, "Q ?", "R."),
            lambda a=actor: platform.faq.update(a, entry.id, "Q ?", "R."),
            lambda a=actor: platform.faq.delete(a, entry.id),
            lambda a=actor: platform.faq.move(a, entry.id, 1),
            lambda a=actor: platform.faq.page(a, TableQuery()),
        ):
            with pytest.raises(Refused) as refused:
                attempt()
            assert refused.value.message == "Vous n'avez pas le droit de modifier la FAQ."
    assert platform.faq.public()[0] == entry


def test_deleted_default_questions_do_not_come_back_at_the_next_start(platform: Platform, staff_actors):
    for item in platform.faq.public():
        platform.faq.delete(staff_actors["admin"], item.id)
    prepare(platform)
    assert questions(platform) == []

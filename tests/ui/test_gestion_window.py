"""The candidature window's staff parts and the « Tags » action as the user fixture sees them: tags changed on
one candidature and on a selection, an avis entered for one candidature then duplicated (the « Avis » tab
naming who entered it), the bloc-notes written, its errors at the field, one's own note deleted — and a
read-only member who reads the notes and changes nothing."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from ecandidat_ui import messages
from ecandidat_ui.services.rights import Role
from tests.review_world import World
from tests.ui import hostile
from tests.ui.gestion_helpers import _setup_admin, sign_in_staff, staff_member, test_platform
from tests.ui.helpers import see, until
from tests.ui.test_gestion_offer import click, rows_when
from tests.ui.test_gestion_review import TABLE, world


def tags(made: World) -> dict[str, int]:
    platform = test_platform()
    try:
        admin = _setup_admin(platform)
        science = platform.tags.create(admin, {"label": "Boursier", "colour": "vert", "centre_id": made.centres["SCI"]})
        everywhere = platform.tags.create(admin, {"label": "Alternance", "colour": "bleu", "centre_id": None})
        platform.tags.create(admin, {"label": "Lettres", "colour": "rose", "centre_id": made.centres["LSH"]})
        return {"Boursier": science.id, "Alternance": everywhere.id}
    finally:
        platform.db.dispose()


def texts(user: User, marker: str) -> list[str]:
    return [element.text for element in user.find(marker=marker).elements if isinstance(element, ui.label)]


async def test_a_member_tags_enters_and_duplicates_an_avis_and_writes_notes_in_the_window(user: User):
    made = world()
    ids = tags(made)
    member = staff_member(Role.COMMISSION_MEMBER, commission_id=made.commissions["SCI-MASTERS"])
    await sign_in_staff(user, member, f"{TABLE}/{made.candidatures['marie']}")
    await see(user, "BAILLON MARIE")
    await user.should_see(messages.TAGS_NONE)

    await click(user, "review-tags-change")
    await user.should_see(marker="review-tags-dialog")
    chosen = user.find(marker="tag_ids").elements.pop()
    assert sorted(chosen.options.values()) == ["Alternance", "Boursier"]  # not another centre's
    chosen.value = [ids["Boursier"]]
    user.find(marker="save").click()
    await see(user, messages.TAGS_SAVED)
    await until(lambda: texts(user, "review-tag") == ["Boursier"])

    await click(user, "review-avis-one")
    await user.should_see(marker="review-avis-dialog")
    kind = user.find(marker="decision_type_id").elements.pop()
    user.find(marker="save").click()
    await until(lambda: kind.error == messages.AVIS_TYPE_REQUIRED)
    kind.value = next(key for key, label in kind.options.items() if label == "Avis favorable")
    user.find(marker="comment").elements.pop().value = "Très bon dossier"
    user.find(marker="save").click()
    await see(user, messages.AVIS_ENTERED)
    await click(user, "review-avis-duplicate")
    await see(user, messages.AVIS_DUPLICATED)
    user.find(marker="review-tab-avis").click()
    await until(lambda: len(user.find(marker="review-avis-history-item").elements) == 2)
    assert all(text.endswith("par Claire MARTIN") for text in texts(user, "review-avis-history-entered"))
    assert texts(user, "review-avis-history-validated") == [messages.AVIS_NOT_VALIDATED] * 2
    await user.should_see("Avis favorable")
    await user.should_see("Commentaire : Très bon dossier")

    user.find(marker="review-tab-notes").click()
    await user.should_see(messages.NOTES_NONE)
    user.find(marker="review-note-add").click()
    note = user.find(marker="review-note-field").elements.pop()
    await until(lambda: note.error == messages.NOTES_REQUIRED)
    note.value = "Dossier solide.\nÀ revoir en séance."
    user.find(marker="review-note-add").click()
    await see(user, messages.NOTES_ADDED)
    await until(lambda: texts(user, "review-notes-text") == ["Dossier solide.\nÀ revoir en séance."])
    await user.should_see("Claire MARTIN")
    user.find(kind=ui.button, content=messages.NOTES_DELETE).click()
    await click(user, "review-note-delete-yes")
    await see(user, messages.NOTES_DELETED)
    await user.should_see(messages.NOTES_NONE)


async def test_tags_are_added_and_removed_on_a_selection(user: User):
    made = world()
    ids = tags(made)
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["SCI"])
    await sign_in_staff(user, manager, f"{TABLE}?commission=centre-{made.centres['SCI']}")
    await rows_when(user, "review-table", lambda rows: len(rows) == 4)
    chosen = [made.candidatures[name] for name in ("marie", "paul", "jeanne")]
    user.find(marker="review-table").trigger("selection", {"keys": chosen, "added": True})
    await click(user, "review-tags")
    await user.should_see(marker="tags-dialog")
    add = user.find(marker="add").elements.pop()
    assert sorted(add.options.values()) == ["Alternance", "Boursier"]
    user.find(marker="save").click()
    await until(lambda: add.error == messages.TAGS_NOTHING_CHOSEN)
    add.value = [ids["Boursier"], ids["Alternance"]]
    user.find(marker="save").click()
    await user.should_see(marker="tags-result")
    await see(user, messages.TAGS_DONE.format(count=2))
    await see(user, messages.REVIEW_NOT_TRANSMITTED_REASON)
    found = await rows_when(user, "review-table", lambda rows: sum(bool(r["tags"]) for r in rows) == 2)
    assert {r["last_name"] for r in found if r["tags"]} == {"BAILLON", "MOREAU"}
    user.find(marker="tags-close").click()

    user.find(marker="review-table").trigger("selection", {"keys": [made.candidatures["marie"]], "added": True})
    await click(user, "review-tags")
    await user.should_see(marker="tags-dialog")
    user.find(marker="remove").elements.pop().value = [ids["Boursier"]]
    user.find(marker="save").click()
    await see(user, messages.TAGS_DONE.format(count=1))
    await rows_when(
        user,
        "review-table",
        lambda rows: (
            [r["tags"] for r in rows if r["last_name"] == "BAILLON"]
            == [[{"label": "Alternance", "colour_key": "bleu"}]]
        ),
    )


async def test_a_read_only_member_reads_the_notes_and_the_avis_validated_and_changes_nothing(user: User):
    made = world()
    platform = test_platform()
    try:
        admin = _setup_admin(platform)
        platform.notes.add(admin, made.candidatures["marie"], "Appeler la candidate")
        favourable = next(key for key, label, _ in platform.decision_types.options() if label == "Avis favorable")
        platform.review.enter_avis(admin, [made.candidatures["marie"]], {"decision_type_id": favourable})
        platform.review.validate_avis(admin, [made.candidatures["marie"]])
    finally:
        platform.db.dispose()
    reader = staff_member(Role.READ_ONLY)
    await sign_in_staff(user, reader, TABLE)
    await rows_when(user, "review-table", lambda rows: len(rows) >= 1)
    await user.should_not_see(marker="review-tags")
    await user.open(f"{TABLE}/{made.candidatures['marie']}")
    await see(user, "BAILLON MARIE")
    await user.should_not_see(marker="review-tags-change")
    await user.should_not_see(marker="review-avis-one")
    user.find(marker="review-tab-notes").click()
    await user.should_see("Appeler la candidate")
    await user.should_not_see(marker="review-note-field")
    await user.should_not_see(marker="review-avis-duplicate")
    user.find(marker="review-tab-avis").click()
    await until(lambda: len(texts(user, "review-avis-history-validated")) == 1)
    [validated] = texts(user, "review-avis-history-validated")
    assert validated.startswith("Validé le ") and validated.endswith(" par Premier ADMIN")


async def test_hostile_notes_tags_and_comments_stay_text_in_the_window(user: User):
    made = world()
    marie = made.candidatures["marie"]
    platform = test_platform()
    try:
        admin = _setup_admin(platform)
        tag = platform.tags.create(admin, {"label": hostile.SHORT, "colour": "rouge", "centre_id": None})
        platform.review.change_tags(admin, [marie], [tag.id], [])
        platform.notes.add(admin, marie, hostile.PROPS_STRING)
        favourable = next(key for key, label, _ in platform.decision_types.options() if label == "Avis favorable")
        platform.review.enter_avis(admin, [marie], {"decision_type_id": favourable, "comment": hostile.BOUND})
    finally:
        platform.db.dispose()
    member = staff_member(Role.COMMISSION_MEMBER, commission_id=made.commissions["SCI-MASTERS"])
    await sign_in_staff(user, member, f"{TABLE}/{marie}")
    await see(user, "BAILLON MARIE")
    await until(lambda: texts(user, "review-tag") == [hostile.SHORT])
    hostile.assert_shown_literally(user.client, hostile.PROPS_STRING)
    hostile.assert_shown_literally(user.client, f"Commentaire : {hostile.BOUND}")
    hostile.assert_clean(user.client)
    await click(user, "review-tags-change")
    await user.should_see(marker="review-tags-dialog")
    assert hostile.SHORT in user.find(marker="tag_ids").elements.pop().options.values()
    hostile.assert_clean(user.client)

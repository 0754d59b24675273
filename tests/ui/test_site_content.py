"""What staff write in the gestion is what the next visitor sees: the home message, the maintenance message on
every candidate page, the FAQ and the contact of the Assistance page — Markdown shown without code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from nicegui import ui
from nicegui.testing import User

from ecandidat_ui import messages
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.services import rights
from ecandidat_ui.services.rights import Actor
from ecandidat_ui.settings import load_settings


@pytest.fixture
def staff(user: User) -> Iterator[tuple[Platform, Actor]]:
    """The platform of the running app's database, and an administrator acting on it."""
    platform = build_platform(load_settings())
    member = platform.staff.bootstrap_admin("anne.dupont@example.org", "Dupont", "Anne").member
    with platform.db.session() as session:
        admin = rights.load_actor(session, member.id)
    yield platform, admin
    platform.db.dispose()


def html_of(user: User) -> str:
    return " ".join(element.content for element in user.find(ui.html).elements)


async def test_the_home_message_shown_is_the_one_saved(user: User, staff):
    platform, admin = staff
    await user.open("/")
    await user.should_see("Bienvenue sur l'application eCandidat.")
    platform.site_messages.update(admin, "home", "## Campagne 2027\n\nConsultez [l'offre](/offre) <b>vite</b>.")
    await user.open("/")
    await user.should_see("Campagne 2027")
    html = html_of(user)
    assert "<h3>Campagne 2027</h3>" in html and '<a href="/offre">l\'offre</a>' in html
    assert "&lt;b&gt;vite&lt;/b&gt;" in html and "<b>" not in html
    await user.should_not_see("Bienvenue sur l'application eCandidat.")


@pytest.mark.parametrize("path", ["/", "/offre", "/assistance", "/connexion"])
async def test_the_maintenance_message_is_on_every_page_while_set(user: User, staff, path: str):
    platform, admin = staff
    await user.open(path)
    await user.should_not_see(marker="maintenance")
    platform.site_messages.update(admin, "maintenance", "**Coupure** le 19 avril de 23 h à 1 h.")
    await user.open(path)
    await user.should_see(marker="maintenance")
    await user.should_see("Coupure")
    platform.site_messages.update(admin, "maintenance", "")
    await user.open(path)
    await user.should_not_see(marker="maintenance")


async def test_the_assistance_page_shows_the_faq_and_the_parameters_of_the_day(user: User, staff):
    platform, admin = staff
    await user.open("/assistance")
    await user.should_see(messages.FAQ_TITLE)
    await user.should_see("Je n'ai pas reçu le mail de validation de mon compte")
    await user.should_see("Envoyer un mail au référent de l'application: contact.ecandidat@example.org")
    await user.should_not_see("Consulter la documentation")

    added = platform.faq.create(admin, "Puis-je candidater <script>alert(1)</script> ?", "Oui, [voir](/offre).")
    platform.parameters.update(admin, "contact_mail", "scolarite@univ.example.org")
    platform.parameters.update(admin, "documentation_url", "https://univ.example.org/guide")
    await user.open("/assistance")
    await user.should_see("Puis-je candidater <script>alert(1)</script> ?")  # a question is text, shown as typed
    await user.should_see(marker=f"faq-{added.id}")
    await user.should_see("Envoyer un mail au référent de l'application: scolarite@univ.example.org")
    await user.should_see("Consulter la documentation")
    assert '<a href="/offre">voir</a>' in html_of(user)

    for item in platform.faq.public():
        platform.faq.delete(admin, item.id)
    await user.open("/assistance")
    await user.should_not_see(messages.FAQ_TITLE)
    await user.should_see("Vous pouvez :")

"""French and English (issue 10, item 16): the catalogue, the language of now, and what is made in it."""

from __future__ import annotations

import io
import re
import threading
from datetime import timedelta

import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader

from ecandidat_ui import language, messages, pdf, refdata
from ecandidat_ui.mail.templates import render
from ecandidat_ui.platform import Platform
from ecandidat_ui.refdata import labels
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.services.sessions import SessionEnded
from ecandidat_ui.translatable import candidate_texts
from models import Account, MailTemplate
from pages.language import _LanguageThreadPool
from tests.mailbox import Mailbox
from tests.sessions import actor
from tests.unit.test_accounts import delivered, session_of, validated_account
from tests.unit.test_candidatures import TODAY, formation_id, offer, ready_candidate

PLACEHOLDER = re.compile(r"\{(\w*)\}")


def placeholders(text: str) -> set[str]:
    # « de l'Université » has no English: « at {etablissement} » may stand for « {de_etablissement} »
    return {"etablissement" if name == "de_etablissement" else name for name in PLACEHOLDER.findall(text)}


def catalogue() -> dict[str, str]:
    with language.CATALOGUE.open("rb") as file:
        return {message.id: message.string for message in read_po(file) if message.id}


def test_every_text_a_candidate_reads_has_its_english():
    english = catalogue()
    missing = [f"{where}: {text!r}" for text, where in candidate_texts().items() if not english.get(text)]
    assert not missing, "no English in the catalogue (run scripts/catalogue.py, then translate):\n" + "\n".join(missing)


def test_the_catalogue_holds_only_texts_still_used():
    stale = set(catalogue()) - set(candidate_texts())
    assert not stale, f"run scripts/catalogue.py: {sorted(stale)[:5]}"


def test_each_translation_keeps_the_placeholders_of_the_french():
    differing = [
        f"{french!r} → {english!r}"
        for french, english in catalogue().items()
        if english and placeholders(french) != placeholders(english)
    ]
    assert not differing, "\n".join(differing)


def test_the_placeholder_check_catches_a_lost_one():
    assert placeholders("Ce champ ne peut pas dépasser {max} caractères") != placeholders("Too long")
    assert placeholders("Le service {de_etablissement}") == placeholders("The office of {etablissement}")


def test_messages_are_french_unless_english_is_asked():
    assert messages.SIGN_IN == "Connexion"
    with language.using("en"):
        assert messages.SIGN_IN == "Sign in"
        assert messages.TOO_LONG.format(max=30) == "This field cannot be longer than 30 characters"
        assert messages.TAB_LABELS["adresse"] == "Address"  # a dict's values
        assert messages.STRENGTH_LABELS[0] == "Very weak"  # a tuple's
        assert messages.PRIVACY_SECTIONS[0][0] == "Data controller"  # pairs in a tuple
        with language.using("fr"):
            assert messages.SIGN_IN == "Connexion"
        assert messages.SIGN_IN == "Sign in"
    assert messages.SIGN_IN == "Connexion"


def test_a_staff_text_without_english_stays_french():
    with language.using("en"):
        assert messages.STAFF_ROLES["admin"] == "Administrateur"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("en-US,en;q=0.9,fr;q=0.8", "en"),
        ("fr-FR,fr;q=0.9,en;q=0.8", "fr"),
        ("de-DE,de;q=0.9", "fr"),
        ("de, en-GB;q=0.5", "en"),
        ("en;q=0.2, fr;q=0.9", "fr"),
        ("", "fr"),
        (None, "fr"),
        ("en;q=zzz", "fr"),
    ],
)
def test_the_browser_language_is_negotiated(header, expected):
    assert language.from_accept_language(header) == expected


def test_an_unknown_language_is_french():
    assert language.supported("EN_us") == "en"
    assert language.supported("es") == "fr"
    assert language.supported(None) == "fr"


def test_the_pages_threads_keep_the_language_of_the_page_that_started_them():
    pool = _LanguageThreadPool(max_workers=1)
    try:
        with language.using("en"):
            seen = pool.submit(lambda: (threading.current_thread().name, messages.SIGN_IN)).result()
        assert seen[1] == "Sign in" and seen[0] != threading.current_thread().name
        assert pool.submit(lambda: messages.SIGN_IN).result() == "Connexion"
    finally:
        pool.shutdown()


def test_countries_get_their_name_in_the_language():
    assert language.territory_name("DE", "en") == "Germany"
    assert language.territory_name("DE", "fr") == "Allemagne"
    assert language.territory_name("ZZ9", "en") is None


VALUES = {"prenom": "Ana", "nom": "Silva", "login": "AB12CD34", "lien": "http://x/l", "jours": 3}
PLACE = {"etablissement": "Université Esup", "de_etablissement": "de l'Université Esup"}


def test_a_mail_in_english_is_the_catalogue_s_text_signed_in_english():
    mail = render("account_created", language="en", **VALUES, **PLACE)
    assert mail.subject == "Creation of your eCandidat account"
    assert mail.text.startswith("Hello Ana Silva,")
    assert "at Université Esup has been created" in mail.text
    assert "Kind regards" in mail.text and "Cordialement" not in mail.text
    assert '<html lang="en">' in mail.html
    french = render("account_created", **VALUES, **PLACE)
    assert french.subject == "Création de votre compte eCandidat" and '<html lang="fr">' in french.html


def test_a_mail_text_the_staff_rewrote_is_sent_as_they_wrote_it(platform: Platform):
    with platform.db.session() as session:
        row = session.get(MailTemplate, "account_created")
        row.subject = "Bienvenue à l'Université"
        session.add(row)
        session.commit()
        mail = render("account_created", session, language="en", **VALUES, **PLACE)
        untouched = render("password_reset", session, language="en", **VALUES, **PLACE)
    assert mail.subject == "Bienvenue à l'Université"
    assert untouched.subject == "Reset of your eCandidat password"


def test_an_account_made_on_an_english_page_gets_english_mails(platform: Platform, mailbox: Mailbox):
    with language.using("en"):
        account = platform.accounts.create("Silva", "Ana", "ana@example.org", "ana@example.org")
    assert account.language == "en"
    mail = delivered(platform, mailbox, "ana@example.org")
    assert mail.subject == "Creation of your eCandidat account"
    assert "Your login (file number) is: " + account.login in mail.text


def test_the_candidate_s_choice_is_saved_for_the_mails_sent_later(platform: Platform, mailbox: Mailbox):
    account = validated_account(platform, mailbox)
    assert account.language == "fr"
    actor = session_of(platform, account.login)
    platform.accounts.choose_language(actor, "en")
    with platform.db.session() as session:
        assert session.get(Account, account.id).language == "en"
    platform.accounts.send_reset_link(account.mail, "127.0.0.1")  # sent from a French page: the reader's language
    mail = delivered(platform, mailbox, account.mail, count=2)
    assert mail.subject == "Reset of your eCandidat password"
    with pytest.raises(SessionEnded):
        platform.accounts.choose_language("not-a-session", "fr")


def test_reference_labels_are_one_way_everywhere_and_english_where_cldr_names_them():
    spain = refdata.search_countries("Espagne")[0].code
    assert labels.country(spain) == "Espagne" and labels.nationality(spain) == "Espagnole"
    with language.using("en"):
        assert labels.country(spain) == "Spain" and labels.nationality(spain) == "Spain"
    assert labels.country("12345") == "12345"  # unknown: the code itself, never nothing
    assert labels.country("") == labels.nationality(None) == ""


def test_the_file_s_country_lists_are_searched_and_shown_in_the_page_s_language():
    def found(text: str) -> list[str]:
        return [labels.country(c.code) for c in labels.matching_countries(text, 5)]

    assert found("espa") == ["Espagne"] and found("spain") == []  # French: the French names, as before
    assert [labels.nationality_choice(c.code) for c in labels.matching_countries("allemande", 1)] == [
        "allemande (Allemagne)"
    ]
    with language.using("en"):
        assert found("spain") == ["Spain"] and found("espa") == ["Spain"]  # English names, French ones still found
        assert [labels.nationality_choice(c.code) for c in labels.matching_countries("germ", 1)] == ["Germany"]


def test_the_recapitulatif_of_an_english_candidate_is_in_english(platform: Platform):
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))
    account = ready_candidate(platform)
    candidature = platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
    with language.using("en"):
        view = platform.candidatures.view(account.id, candidature.id)
        document = pdf.recapitulatif("Université Esup", account, platform.candidate_file.load(account.id), view)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(document)).pages)
    for english in ("Application summary", "Personal details", "Date of birth", "File number", "File status"):
        assert english in text, english
    for french in ("Récapitulatif", "Informations personnelles", "Date de naissance", "Numéro de dossier"):
        assert french not in text, french
    assert PdfReader(io.BytesIO(document)).trailer["/Root"]["/Lang"] == "en"


def test_the_history_is_kept_in_french_and_read_in_the_page_s_language(platform: Platform):
    apply_offer(platform.db, offer(TODAY - timedelta(days=10), TODAY + timedelta(days=10)))
    account = ready_candidate(platform)
    with language.using("en"):  # an English page applies
        candidature = platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
        [created] = platform.candidatures.view(account.id, candidature.id).history
        assert created.text == "Candidature créée"  # the reference, whoever acted
        assert language.translate(created.text) == "Application created"  # as the page shows it

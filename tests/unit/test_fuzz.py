"""Any text or number a candidate can send gives a value or a French message, never an exception.

Hypothesis feeds every service that takes candidate text or numbers, on a real database (SQLite, and
PostgreSQL where ECANDIDAT_TEST_DATABASE_URL is set): whatever comes in, the result is a value, an
InvalidInput (messages by field) or a Refused (one message). Runs stay short: a few seconds a test.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from ecandidat_ui import pdf, refdata, security
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import fields, file_rules, uploads
from ecandidat_ui.services.candidate_file import LIST_MODELS, SINGLE_MODELS, Tab, draft_key
from ecandidat_ui.services.errors import InvalidInput, Refused
from ecandidat_ui.services.offer_import import apply_offer
from models import Account, Question, TokenPurpose
from tests.sessions import actor
from tests.unit.test_candidatures import TODAY, formation_id, offer, ready_candidate
from tests.unit.test_file_rules import ADDRESS, PERSONAL, bac

QUICK = settings(max_examples=200, deadline=None, database=None)
ON_DATABASE = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HASHING = settings(ON_DATABASE, max_examples=8)  # each example hashes or verifies a password

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "a\udfffb",
    "\u202eevil",
    "\r\n\t\x0b\x0c\x1c\x85",
    "1e400",
    "-1e400",
    "inf",
    "-Infinity",
    "nan",
    "9" * 400,
    "1" * 5000,
    "0x1F",
    "1_000",
    "２０２４",
    "٢٠٢٤",
    "²",
    "𝟚𝟘𝟚𝟜",
    "ǅ",
    "ß",
    "ﬁ",
    "İ",
    "😀",
    "👨‍👩‍👧",
    "مريم",
    "שרה",
    "王小明",
    "<script>alert(1)</script>",
    "'; DROP TABLE account; --",
    "{0} {x} %s %(a)s",
    "../../etc/passwd",
    "a@b",
    "@",
    "a@b.c\x00",
    "é" * 600,
]
texts = st.one_of(
    st.text(st.characters(exclude_categories=())),  # every code point, lone surrogates and NUL included
    st.sampled_from(NASTY),
    st.builds(lambda c, n: c * n, st.sampled_from(["é", "😀", "\x00", "9", " ", "\ud800"]), st.integers(0, 3000)),
)
numbers = st.one_of(
    st.integers(),
    st.floats(),  # inf, -inf and nan included
    st.sampled_from([10**400, -(10**4000), 2**63, 1e308, -0.0, 5e-324]),
)
values = st.one_of(texts, numbers, st.none(), st.booleans(), st.lists(texts, max_size=3))
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))  # 29 February among them

FIELDS = {
    Tab.PERSONAL: [*PERSONAL, "usual_name", "other_first_name", "birth_city", "mobile"],
    Tab.ADDRESS: [*ADDRESS, "foreign_city", "line2", "line3"],
    Tab.BAC: [*bac(2023, "STMG"), "specialties", "dropped_specialty", "mention"],
    Tab.EXTERNAL: ["country", "departement", "commune", "school_name", "year", "diploma_type", "label", "obtained"],
    Tab.INTERNSHIPS: ["year", "duration", "hours_per_week", "employer", "description"],
    Tab.EXPERIENCES: ["year", "title", "duration", "employer", "description"],
}
VALID = {
    Tab.PERSONAL: PERSONAL,
    Tab.ADDRESS: ADDRESS,
    Tab.EXTERNAL: {
        "country": PERSONAL["nationality"],
        "departement": "75",
        "commune": "75056",
        "school_name": "Sorbonne",
        "year": "2024",
        "diploma_type": refdata.diploma_types()[0].code,
        "label": "Licence",
        "obtained": "O",
    },
    Tab.INTERNSHIPS: {"year": "2024", "duration": "2 mois", "employer": "Mairie", "description": "Accueil"},
    Tab.EXPERIENCES: {"year": "2024", "title": "Vendeur", "duration": "6 mois", "employer": "Librairie"},
}
CHECKS: dict[Tab, Callable[..., dict]] = {
    Tab.PERSONAL: file_rules.personal_info,
    Tab.ADDRESS: lambda values, _today: file_rules.postal_address(values),
    Tab.BAC: file_rules.baccalaureate,
    Tab.EXTERNAL: file_rules.external_cursus,
    Tab.INTERNSHIPS: file_rules.internship,
    Tab.EXPERIENCES: file_rules.pro_experience,
}


def typed(tab: Tab) -> st.SearchStrategy[dict]:
    """A tab's values: anything in any of its fields, alone or over a valid tab (to reach the later checks)."""
    fuzzed = st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS[tab], values))
    base = st.just(bac(2023, "STMG")) if tab is Tab.BAC else st.just(VALID[tab])
    return st.one_of(fuzzed, st.builds(lambda valid, changes: {**valid, **changes}, base, fuzzed))


def value_or_message(call: Callable[[], object]) -> object:
    """The contract: a value, or one of our errors carrying French messages."""
    try:
        return call()
    except InvalidInput as error:
        assert error.errors and all(isinstance(m, str) and m for m in error.errors.values())
    except Refused as error:
        assert isinstance(error.message, str) and error.message
    return None


# --- field checks and tab rules, without a database ---------------------------------------------------


@QUICK
@given(texts, st.integers(1, 600))
def test_field_checks_give_a_value_or_a_field_error(text, max_length):
    for check in (fields.required_text, fields.person_name, fields.mail_address, fields.multiline_text):
        try:
            cleaned = check(text, max_length)
        except fields.FieldError as error:
            assert error.message
        else:
            assert isinstance(cleaned, str) and "\x00" not in cleaned and len(cleaned) <= max(max_length, 100)
            cleaned.encode()  # no lone surrogate left
    assert "\x00" not in fields.clean(text) and "\x00" not in fields.clean(text, multiline=True)


@QUICK
@given(values, st.integers(-(10**6), 10**6), st.integers(0, 10**6))
def test_numbers_give_a_whole_number_or_a_field_error(value, lowest, span):
    try:
        number = fields.whole_number(value, lowest, lowest + span, "hors bornes")
    except fields.FieldError as error:
        assert error.message
    else:
        assert number is None or (isinstance(number, int) and lowest <= number <= lowest + span)


@QUICK
@given(st.sampled_from(list(CHECKS)), st.data(), days)
def test_every_tab_rule_gives_cleaned_values_or_messages(tab, data, today):
    values = data.draw(typed(tab))
    cleaned = value_or_message(lambda: CHECKS[tab](values, today))
    if cleaned is not None:
        for value in cleaned.values():
            if isinstance(value, str):
                value.encode()
                assert "\x00" not in value


@QUICK
@given(texts)
def test_an_uploaded_files_name_is_always_a_safe_name(name):
    shown = uploads.safe_name(name, "application/pdf")
    assert shown.endswith(".pdf") and "/" not in shown and "\x00" not in shown and len(shown) <= uploads.NAME_MAX
    shown.encode()


@settings(QUICK, max_examples=10)
@given(texts)
@example("0" * 83 + "\uf600" * 900)  # wide glyphs: too tall for one row, though short in characters
def test_any_text_goes_into_a_pdf(text):
    document = pdf._document(text, text)
    pdf._pairs(document, [(text, text)])
    assert bytes(document.output()).startswith(b"%PDF")


# --- accounts -----------------------------------------------------------------------------------------


def test_creating_an_account(platform: Platform):
    @ON_DATABASE
    @given(texts, texts, texts, st.booleans())
    def create(last_name, first_name, mail, same_confirmation):
        confirmation = mail if same_confirmation else mail + "x"
        account = value_or_message(lambda: platform.accounts.create(last_name, first_name, mail, confirmation))
        if account is not None:
            assert fields.clean(account.last_name) == account.last_name and account.mail.encode()

    create()


def test_changing_names_and_mail(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")

    @ON_DATABASE
    @given(texts, texts, st.one_of(texts, st.just("marie@example.org")))
    def update(last_name, first_name, mail):
        value_or_message(
            lambda: platform.accounts.update_identity(actor(platform, account), last_name, first_name, mail, mail)
        )

    update()


def test_signing_in(platform: Platform):
    @HASHING
    @given(texts, texts, st.sampled_from(["127.0.0.1", "::1", ""]))
    def sign_in(login, password, address):
        value_or_message(lambda: platform.accounts.sign_in(login, password, address))

    sign_in()


def test_forgotten_identifiers_and_links(platform: Platform):
    @ON_DATABASE
    @given(texts, texts, texts)
    @example("0@0.A", "", "\x00")  # a NUL in the client's address: PostgreSQL refused the throttle's key
    def links(mail, token, address):
        value_or_message(lambda: platform.accounts.send_reset_link(mail, address))
        value_or_message(lambda: platform.accounts.resend_validation_link(mail, address))
        assert platform.accounts.follow_validation_link(token).message
        assert platform.accounts.reset_link_state(token)[0]

    links()


def test_choosing_and_changing_a_password(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    with platform.db.session() as session:
        session.get(Account, account.id).password_hash = security.hash_password("correct horse battery staple")

    @HASHING
    @given(texts, texts, st.booleans())
    def change(token, password, same):
        confirmation = password if same else password + "x"
        value_or_message(
            lambda: platform.accounts.set_password_from_link(token, TokenPurpose.PASSWORD_RESET, password, confirmation)
        )
        value_or_message(
            lambda: platform.accounts.change_password(actor(platform, account), password, password, confirmation)
        )

    change()


# --- the candidate's file -----------------------------------------------------------------------------


def version_of(platform: Platform, tab: Tab, account_id: int) -> int:
    with platform.db.session() as session:
        row = session.get(SINGLE_MODELS[tab], account_id)
        return row.version if row else 0


def test_saving_the_single_tabs(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    service = platform.candidate_file
    saves = {
        Tab.PERSONAL: lambda v, version, today: service.save_personal(actor(platform, account), v, version, today),
        Tab.ADDRESS: lambda v, version, _today: service.save_address(actor(platform, account), v, version),
        Tab.BAC: lambda v, version, today: service.save_bac(actor(platform, account), v, version, today),
    }

    @ON_DATABASE
    @given(st.sampled_from(list(saves)), st.data(), days)
    def save(tab, data, today):
        values = data.draw(typed(tab))
        version = version_of(platform, tab, account.id)
        value_or_message(lambda: saves[tab](values, version, today))
        value_or_message(lambda: service.statuses(account.id, today))

    save()


def test_saving_the_list_tabs(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")

    @ON_DATABASE
    @given(st.sampled_from(list(LIST_MODELS)), st.data(), days)
    def save(tab, data, today):
        values = data.draw(typed(tab))
        value_or_message(
            lambda: platform.candidate_file.save_entry(actor(platform, account), tab, None, values, 0, today)
        )

    save()


json_values = st.recursive(
    values,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
    max_leaves=8,
)


def test_drafts(platform: Platform):
    account = platform.accounts.create("Baillon", "Marie", "marie@example.org", "marie@example.org")
    keys = [draft_key(tab) for tab in SINGLE_MODELS] + [draft_key(tab, n) for tab in LIST_MODELS for n in (None, 1)]

    @ON_DATABASE
    @given(st.one_of(st.sampled_from(keys), texts), st.dictionaries(st.one_of(texts, numbers), json_values))
    def draft(key, typed_values):
        kept = platform.candidate_file.save_draft(actor(platform, account), key, typed_values, 0)
        assert kept in (True, False)
        stored = platform.candidate_file.draft(actor(platform, account), key)
        if kept:
            assert stored is not None and isinstance(stored.values, dict)
            for value in stored.values.values():
                assert not isinstance(value, float) or math.isfinite(value)

    draft()


# --- candidatures -------------------------------------------------------------------------------------


def test_answering_the_questions(platform: Platform):
    apply_offer(platform.db, offer(TODAY, TODAY))
    account = ready_candidate(platform)
    candidature = platform.candidatures.apply(actor(platform, account), formation_id(platform), TODAY)
    with platform.db.session() as session:
        session.add(Question(code="PROJET", label="Projet", kind="text", position=9, common=True))
    with platform.db.session() as session:
        questions = [q.id for q in session.exec(select(Question)).all()]

    @ON_DATABASE
    @given(st.sampled_from(questions), texts)
    def answer(question_id, text):
        value_or_message(
            lambda: platform.candidatures.answer(actor(platform, account), candidature.id, question_id, text)
        )

    answer()

"""The pages of an address that leads nowhere: French, in the platform's frame, nothing internal."""

from __future__ import annotations

import httpx
import pytest
from nicegui.testing import User

from ecandidat_ui import messages
from tests.mailbox import Mailbox
from tests.ui.helpers import see, sign_in, validated_account

INTERNALS = ("Exception", "Error", "Traceback", "detail", "int_parsing", "Input should be", "sqlite")
TOO_BIG = "99999999999999999999999"


def assert_not_found(response: httpx.Response) -> None:
    assert response.status_code == 404, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert f"<title>{messages.NOT_FOUND_TITLE} - eCandidat - Université Esup</title>" in response.text
    assert messages.NOT_FOUND in response.text
    assert messages.BACK_HOME in response.text
    shown = response.text.replace("nicegui-error-popup", "")  # NiceGUI's hidden « connection lost » banner
    assert not [word for word in INTERNALS if word in shown]


@pytest.mark.parametrize(
    "path",
    [
        "/nulle-part",
        "/compte/candidatures/abc",  # FastAPI's 422 JSON before
        f"/compte/candidatures/{TOO_BIG}",
        "/compte/candidatures/0",
        "/compte/candidatures/1/recapitulatif.pdf",  # {"detail":"Not Found"} before
        "/compte/candidatures/abc/lettre.pdf",
        "/compte/fichiers/abc",
        f"/compte/fichiers/{TOO_BIG}",
    ],
)
async def test_an_address_leading_nowhere_gets_the_french_page_not_found(user: User, path: str):
    assert_not_found(await user.http_client.get(path))


async def test_a_huge_candidature_id_is_a_page_not_found_for_a_signed_in_candidate(user: User, mailbox: Mailbox):
    """It reached the database before and showed « OverflowError: Python int too large… »."""
    login = await validated_account(user, mailbox)
    await sign_in(user, login)
    await see(user, messages.CONNECTED_AS.format(login=login))

    for candidature_id in (TOO_BIG, str(2**31), str(2**63)):
        response = await user.http_client.get(f"/compte/candidatures/{candidature_id}")
        assert_not_found(response)
        assert "Non connecté" not in response.text  # the frame still shows who is signed in
    response = await user.http_client.get(f"/compte/fichiers/{2**63}")
    assert_not_found(response)


async def test_the_health_check_answers_for_the_proxy(user: User):
    response = await user.http_client.get("/sante")
    assert response.status_code == 200 and response.json() == {"etat": "ok"}
    assert response.headers["cache-control"] == "no-store"

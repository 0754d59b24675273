"""Exports as the user fixture sees them, signed in through the real pages: « Exporter » of the table filtered,
its dialog and its file downloaded from the staff-only route; « Télécharger le dossier » of the candidature
window; « Dossiers (ZIP) » of a selection; and every such address refused (404) to a manager of another centre,
a candidate and a visitor."""

from __future__ import annotations

import io
import zipfile

from nicegui.testing import User
from openpyxl import load_workbook
from pypdf import PdfReader

from ecandidat_ui import messages
from ecandidat_ui.services.candidature_table import NOT_TRANSMITTED
from ecandidat_ui.services.rights import Role
from tests.mailbox import Mailbox
from tests.ui.gestion_helpers import sign_in_staff, staff_member
from tests.ui.helpers import see, sign_in, until, validated_account
from tests.ui.test_gestion_offer import click, rows_when
from tests.ui.test_gestion_review import TABLE, world


async def download_of(user: User, marker: str) -> str:
    await user.should_see(marker=marker, retries=100)
    link = user.find(marker=marker).elements.pop()
    await until(lambda: link.visible and link.props.get("href", "#") != "#", timeout=30)
    return link.props["href"]


def assert_private(response, media_type: str) -> None:
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "no-store" in response.headers["cache-control"]


async def test_a_manager_exports_the_filtered_table_and_downloads_dossiers(user: User, mailbox: Mailbox):
    made = world()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["SCI"])
    await sign_in_staff(user, manager, f"{TABLE}?commission=centre-{made.centres['SCI']}")
    await rows_when(user, "review-table", lambda rows: len(rows) == 4)
    user.find(marker="review-status-filter").elements.pop().value = NOT_TRANSMITTED
    await rows_when(user, "review-table", lambda rows: [r["last_name"] for r in rows] == ["NGUYEN"])
    await click(user, "export-open")
    await user.should_see(marker="export-intro", retries=50)
    await see(user, messages.EXPORT_INTRO.format(count=1))
    for group in ("identity", "formation", "status", "avis"):  # the groups ticked at first
        user.find(marker=f"export-group-{group}").elements.pop().value = False
    user.find(marker="export-start").click()
    await user.should_see(marker="export-no-group")
    await see(user, messages.EXPORT_NO_GROUP)
    for group in ("identity", "contact"):
        user.find(marker=f"export-group-{group}").elements.pop().value = True
    user.find(marker="export-start").click()
    export_url = await download_of(user, "export-download")
    await see(user, messages.EXPORT_READY.format(count=1))
    response = await user.http_client.get(export_url)
    assert_private(response, "application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "Adresse mail" in rows[0] and "Nom" in rows[0]
    assert [row[rows[0].index("Nom")] for row in rows[1:]] == ["NGUYEN"]
    user.find(marker="export-close").click()

    user.find(marker="review-status-filter").elements.pop().value = ""
    await rows_when(user, "review-table", lambda rows: len(rows) == 4)
    chosen = [made.candidatures[name] for name in ("marie", "lucie")]
    user.find(marker="review-table").trigger("selection", {"keys": chosen, "added": True})
    await click(user, "zip-open")
    await see(user, messages.DOSSIER_ZIP_INTRO.format(count=2))
    user.find(marker="zip-start").click()
    zip_url = await download_of(user, "zip-download")
    response = await user.http_client.get(zip_url)
    assert_private(response, "application/zip")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert len(archive.namelist()) == 2

    await user.open(f"/gestion/candidatures/{made.candidatures['marie']}")
    await user.should_see(marker="dossier-download")
    dossier_url = user.find(marker="dossier-download").elements.pop().props["href"]
    response = await user.http_client.get(dossier_url)
    assert_private(response, "application/pdf")
    assert len(PdfReader(io.BytesIO(response.content)).pages) >= 3

    # another centre's manager, a visitor, a candidate: nothing but « not found »
    other = staff_member(Role.CENTRE_MANAGER, centre_id=made.centres["LSH"])
    user.http_client.cookies.clear()
    await sign_in_staff(user, other, TABLE)
    await rows_when(user, "review-table", lambda rows: len(rows) == 1)
    for url in (export_url, zip_url, dossier_url):
        assert (await user.http_client.get(url)).status_code == 404
    user.http_client.cookies.clear()
    for url in (export_url, zip_url, dossier_url):
        assert (await user.http_client.get(url)).status_code == 404
    login = await validated_account(user, mailbox)
    await sign_in(user, login)
    await user.should_see(marker="welcome", retries=50)
    for url in (export_url, zip_url, dossier_url):
        assert (await user.http_client.get(url)).status_code == 404

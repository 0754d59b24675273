"""« Offre en fichier » as the user fixture sees it: the offer downloaded, a file with problems listed with their
lines and nothing applied, a good one checked then applied, a non-text file refused; refused to a centre manager."""

from __future__ import annotations

import re

from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User

from ecandidat_ui import messages
from ecandidat_ui.services.rights import Role
from tests.ui.gestion_helpers import sign_in_staff, staff_member, test_platform
from tests.ui.helpers import see
from tests.ui.test_gestion_offer import click, world_and_admin

SCREEN = "/gestion/offre-fichier"


async def test_download_the_offer_send_it_back_with_problems_then_apply_it(user: User):
    admin, _ = world_and_admin()
    await sign_in_staff(user, admin, SCREEN)
    await click(user, "offer-download")
    downloaded = (await user.download.next(timeout=5)).content.decode()
    assert "code: L1-MATH" in downloaded and "code: L1-LET" in downloaded

    upload = user.find(marker="offer-upload").elements.pop()
    await upload.handle_uploads([SmallFileUpload("offre.pdf", "application/pdf", b"%PDF-1.4")])
    await user.should_see(messages.OFFER_FILE_BAD_NAME, retries=50)
    broken = re.sub(r"(    fin_depot: )\S+", r"\g<1>2027-02-30", downloaded, count=1)
    number = next(n for n, line in enumerate(broken.splitlines(), 1) if "2027-02-30" in line)
    await upload.handle_uploads([SmallFileUpload("offre.yaml", "text/yaml", broken.encode())])
    await user.should_see(messages.OFFER_FILE_PROBLEMS, retries=50)
    await user.should_see(f"ligne {number} : centres.formations.fin_depot : date invalide (AAAA-MM-JJ attendu)")
    await user.should_not_see(marker="offer-apply")

    changed = downloaded.replace("libelle: Licence Mathématiques", "libelle: Licence Mathématiques et applications")
    await upload.handle_uploads([SmallFileUpload("offre.yaml", "text/yaml", changed.encode())])
    await see(user, messages.OFFER_FILE_READY.format(centres=2, formations=2))
    platform = test_platform()
    assert "Licence Mathématiques et applications" not in platform.offer_file.export(admin.actor(platform))
    await click(user, "offer-apply")
    await click(user, "confirm-yes")
    await see(user, messages.OFFER_FILE_APPLIED.format(centres=2, formations=2))
    assert "Licence Mathématiques et applications" in platform.offer_file.export(admin.actor(platform))
    platform.db.dispose()


async def test_a_centre_manager_cannot_open_the_offer_file_screen(user: User):
    _, ids = world_and_admin()
    manager = staff_member(Role.CENTRE_MANAGER, centre_id=ids["SCI"])
    await sign_in_staff(user, manager, SCREEN)
    await user.should_see(marker="gestion-refused", retries=50)
    await user.should_see("importer l'offre de formation")
    await user.should_not_see(marker="offer-upload")

"""`python -m ecandidat_ui screenshots OUT`: every page of the platform in pictures, for developers.

Starts the demo (`main.py --demo`) on a free port with a throw-away data folder and its mails going to a local
SMTP server, as the browser tests do; finds the pages among the app's own routes (what `pages.register_all`
registers: a new page is included without editing anything here); signs in a demo candidate for the candidate
pages and the demo's administrator (password and TOTP code) for the gestion's; writes a PNG of each page at 1280
and 390 px and an index.html showing them side by side. A path parameter takes a value from the demo data, or
the page is listed as skipped with the reason.

A developer's tool: it needs the dev dependencies (Playwright, aiosmtpd, the tests' helpers) and Chromium.
"""

from __future__ import annotations

import html
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import col, select

from ecandidat_ui.platform import Platform

WIDTHS = (1280, 390)
HEIGHT = {1280: 900, 390: 844}
PASSWORD = "une phrase de passe pour les captures"
# Pages that cannot be shown on their own, with the reason (the others are all shot)
SKIPPED = {
    "/cas/retour": "retour du serveur CAS : n'existe qu'avec un ticket CAS",
    "/gestion/cas": "retour du serveur CAS : n'existe qu'avec un ticket CAS",
}
UNKNOWN_LINK = "lien-inconnu"  # a link's token: the page as it answers an unknown or expired link


@dataclass
class Shot:
    path: str  # the route, e.g. /formation/{code}
    url_path: str = ""  # with its parameters, e.g. /formation/M1-INFO
    role: str = ""  # candidat or gestion
    files: dict[int, str] = field(default_factory=dict)  # width: PNG file name
    skipped: str = ""  # why the page has no picture
    landed: str = ""  # where the browser ended up, when elsewhere (a redirection)


@dataclass(frozen=True)
class DemoValues:
    formation_code: str
    candidature_id: int
    candidate_login: str
    candidate_mail: str


def page_routes(platform: Platform) -> list[str]:
    """The app's page routes, in the order the pages are registered: NiceGUI's own list after
    pages.register_all (what main.py calls)."""
    from nicegui import Client

    import pages

    if not Client.page_routes:
        pages.register_all(platform)
    return list(dict.fromkeys(Client.page_routes.values()))


def demo_values(platform: Platform) -> DemoValues:
    """A formation, and a demo candidate with one of their candidatures, from the demo data."""
    from models import Account, Candidature, Formation

    with platform.db.session() as session:
        code = session.exec(select(Formation.code).order_by(col(Formation.code))).first()
        candidature_id, login, mail = session.exec(
            select(Candidature.id, Account.login, Account.mail)
            .join(Account, col(Account.id) == col(Candidature.account_id))
            .order_by(col(Candidature.id))
        ).first()
    return DemoValues(code, candidature_id, login, mail)


def fill_parameters(path: str, values: DemoValues) -> tuple[str, str]:
    """The path with its parameters taken from the demo data, and "" — or "" and why the page is skipped."""
    known = {
        "code": values.formation_code,
        "candidature_id": str(values.candidature_id),
        "token": UNKNOWN_LINK,
    }
    names = re.findall(r"{(\w+)}", path)
    missing = [name for name in names if name not in known]
    if missing:
        return "", f"paramètre sans valeur de démonstration : {', '.join(missing)}"
    return re.sub(r"{(\w+)}", lambda match: known[match.group(1)], path), ""


def plan(paths: list[str], values: DemoValues, only: list[str]) -> list[Shot]:
    shots = []
    for path in paths:
        if only and not any(path.startswith(prefix) for prefix in only):
            continue
        shot = Shot(path, role="gestion" if path.startswith("/gestion") else "candidat")
        shot.skipped = SKIPPED.get(path, "")
        if not shot.skipped:
            shot.url_path, shot.skipped = fill_parameters(path, values)
        shots.append(shot)
    return shots


def file_name(path: str, width: int) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "accueil"
    return f"{stem}-{width}.png"


# --- signing in -------------------------------------------------------------------------------------------------


def candidate_password(platform: Platform, mailbox, values: DemoValues) -> None:
    """The demo candidate chooses PASSWORD through a reset link, as a candidate who forgot theirs would."""
    from models import TokenPurpose

    platform.accounts.send_reset_link(values.candidate_mail, "127.0.0.1")
    platform.mail_sender.send_due()
    token = mailbox.wait_for_sync(values.candidate_mail).link().rsplit("/", 1)[1]
    platform.accounts.set_password_from_link(token, TokenPurpose.PASSWORD_RESET, PASSWORD, PASSWORD)


class StaffCodes:
    """The demo administrator's TOTP codes, each used once."""

    def __init__(self, platform: Platform) -> None:
        import pyotp

        from ecandidat_ui.demo import DEMO_STAFF
        from ecandidat_ui.services import totp

        self.step_seconds, self.window = totp.STEP_SECONDS, totp.WINDOW
        admin = DEMO_STAFF[0]
        self.mail = admin.mail
        links = {mail: link for _role, mail, link in platform.staff.ensure_demo_staff([admin])}
        token = links[admin.mail].rsplit("/", 1)[1]
        self.totp = pyotp.TOTP(platform.staff.totp_enrolment(token).secret)
        self.step = int(time.time() // self.step_seconds) - 1
        platform.staff.complete_setup(token, PASSWORD, PASSWORD, self.totp.generate_otp(self.step))

    def next(self) -> str:
        self.step = max(self.step + 1, int(time.time() // self.step_seconds))
        while self.step > int(time.time() // self.step_seconds) + self.window:
            time.sleep(1)
        return self.totp.generate_otp(self.step)


def sign_in_candidate(page, url: str, login: str) -> None:
    from playwright.sync_api import expect

    from tests.e2e.steps import open_page, sign_in, wait_connected

    open_page(page, f"{url}/connexion")
    sign_in(page, login, PASSWORD)
    expect(page.get_by_text(f"Vous êtes connecté avec le login : {login}", exact=True)).to_be_visible()
    wait_connected(page)


def sign_in_staff(page, url: str, codes: StaffCodes) -> None:
    from playwright.sync_api import expect

    from tests.e2e.steps import open_page

    open_page(page, f"{url}/gestion")
    page.get_by_label("Adresse mail *").fill(codes.mail)
    page.get_by_label("Mot de passe *").fill(PASSWORD)
    page.get_by_label("Code de vérification *").fill(codes.next())
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


# --- the pictures -----------------------------------------------------------------------------------------------


def shoot_all(page, url: str, shots: list[Shot], out: Path) -> None:
    from tests.e2e.steps import open_page, wait_still

    for shot in shots:
        for width in WIDTHS:  # each width loaded as such: a phone never sees the desktop's drawer slide away
            page.set_viewport_size({"width": width, "height": HEIGHT[width]})
            open_page(page, f"{url}{shot.url_path}")
            landed = page.url.removeprefix(url)
            shot.landed = landed if landed != shot.url_path else ""
            wait_still(page)
            shot.files[width] = file_name(shot.path, width)
            page.screenshot(path=str(out / shot.files[width]), full_page=True)
        print(f"{shot.path} → {', '.join(shot.files.values())}", flush=True)


def write_index(shots: list[Shot], out: Path) -> Path:
    rows = []
    for shot in shots:
        title = html.escape(shot.path)
        if shot.skipped:
            rows.append(
                f"<tr><th scope='row'>{title}</th><td colspan='2'>Non capturée : {html.escape(shot.skipped)}</td></tr>"
            )
            continue
        where = f"<br><small>{html.escape(shot.role)} · {html.escape(shot.url_path)}"
        if shot.landed:
            where += f" → {html.escape(shot.landed)}"
        cells = "".join(
            f"<td><a href='{html.escape(name)}'><img src='{html.escape(name)}' width='{width // 2}' "
            f"alt='{title} à {width} px' loading='lazy'></a></td>"
            for width, name in shot.files.items()
        )
        rows.append(f"<tr><th scope='row'>{title}{where}</small></th>{cells}</tr>")
    index = out / "index.html"
    index.write_text(
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>eCandidat : toutes les pages</title>"
        "<style>body{font-family:sans-serif} th{text-align:left;vertical-align:top;padding:0 1em}"
        " td{vertical-align:top} img{border:1px solid #999}</style></head><body>"
        "<h1>eCandidat : toutes les pages (1280 et 390 px)</h1><table><thead><tr><th scope='col'>Page</th>"
        "<th scope='col'>1280 px</th><th scope='col'>390 px</th></tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table></body></html>",
        encoding="utf-8",
    )
    return index


@contextmanager
def running_demo(mailbox) -> Iterator[tuple[str, Platform]]:
    """main.py --demo on a free port with a throw-away data folder, and its services in this process."""
    from tests.e2e.app_process import start_app
    from tests.e2e.steps import platform_of

    with tempfile.TemporaryDirectory(prefix="ecandidat-captures-") as tmp:
        app = start_app(Path(tmp) / "data", "127.0.0.1", mailbox.port, extra_env={"ECANDIDAT_DEMO": "true"})
        try:
            with platform_of(app.url, app.data_dir, mailbox) as platform:
                yield app.url, platform
        finally:
            app.stop()


def run(out: Path, only: list[str]) -> int:
    from playwright.sync_api import expect, sync_playwright

    from tests.e2e.chromium import ABSENT, CHROMIUM, launch
    from tests.mailbox import Mailbox

    if not CHROMIUM.exists():
        print(ABSENT)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    mailbox = Mailbox()
    mailbox.controller.start()
    try:
        with running_demo(mailbox) as (url, platform):
            values = demo_values(platform)
            shots = plan(page_routes(platform), values, only)
            roles = {shot.role for shot in shots if not shot.skipped}
            with sync_playwright() as playwright:
                browser = launch(playwright)
                expect.set_options(timeout=15_000)
                try:
                    for role in ("candidat", "gestion"):
                        if role not in roles:
                            continue
                        context = browser.new_context(locale="fr-FR", device_scale_factor=1)
                        context.set_default_timeout(15_000)
                        page = context.new_page()
                        if role == "candidat":
                            candidate_password(platform, mailbox, values)
                            sign_in_candidate(page, url, values.candidate_login)
                        else:
                            sign_in_staff(page, url, StaffCodes(platform))
                        shoot_all(page, url, [s for s in shots if s.role == role and not s.skipped], out)
                        context.close()
                finally:
                    browser.close()
    finally:
        mailbox.controller.stop()
    index = write_index(shots, out)
    skipped = [shot for shot in shots if shot.skipped]
    print(f"{len(shots) - len(skipped)} pages capturées, {len(skipped)} non capturées : {index}")
    return 0

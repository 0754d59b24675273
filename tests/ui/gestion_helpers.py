"""Staff members for the page tests of the gestion, made through the real services, and signed in through the
real sign-in page (mail + password + a TOTP code computed from their secret).

    async def test_formations_screen(user: User):
        admin = await signed_in_staff(user)                                   # an Administrateur, on /gestion
        manager = staff_member(Role.CENTRE_MANAGER, centre_id=centre.id)      # another member, not signed in
        await sign_in_staff(user, manager, then="/gestion/formations")       # ...signed in on that screen
        platform = test_platform()                                           # the services, for set-up and checks
        platform.offer.something(admin.actor(platform), ...)

The services' `actor` of a member: `member.actor(platform)` (their rights as they are now).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyotp
from nicegui.testing import User
from sqlmodel import select

from ecandidat_ui.lifecycle import prepare
from ecandidat_ui.platform import Platform, build_platform
from ecandidat_ui.services import rights, totp
from ecandidat_ui.services.errors import InvalidInput
from ecandidat_ui.services.rights import Actor, Role
from ecandidat_ui.settings import load_settings
from models import StaffMember
from tests.ui.helpers import fill, see

STAFF_PASSWORD = "une phrase de passe pour la gestion"
SETUP_ADMIN_MAIL = "premier.admin@univ.example"


@dataclass
class StaffLogin:
    """A staff member who set up their account: what they type to sign in."""

    id: int
    mail: str
    name: str
    secret: str
    recovery_codes: list[str]
    password: str = STAFF_PASSWORD
    last_step: int = 0  # the last TOTP step used: a code is good only once
    used_recovery: set[str] = field(default_factory=set)

    def code(self) -> str:
        """A TOTP code not used yet (the current step or the next one), else an unused recovery code."""
        now = int(time.time() // totp.STEP_SECONDS)
        step = max(self.last_step + 1, now)
        if step <= now + totp.WINDOW:
            self.last_step = step
            return pyotp.TOTP(self.secret).generate_otp(step)
        code = next(one for one in self.recovery_codes if one not in self.used_recovery)
        self.used_recovery.add(code)
        return code

    def actor(self, platform: Platform) -> Actor:
        with platform.db.session() as session:
            return rights.load_actor(session, self.id)


def test_platform() -> Platform:
    """The services over the test's database (the app of the user fixture uses the same settings)."""
    platform = build_platform(load_settings())
    prepare(platform)
    return platform


test_platform.__test__ = False  # not a test, whatever its name


def staff_member(
    role: Role | None = Role.ADMIN,
    *,
    centre_id: int | None = None,
    commission_id: int | None = None,
    commission_ids: Iterable[int] = (),
    read_only: bool = False,
    president: bool = False,
    mail: str | None = None,
    last_name: str = "Martin",
    first_name: str = "Claire",
    platform: Platform | None = None,
) -> StaffLogin:
    """A staff member with this right (role None: no right at all) who has chosen their password and second
    factor on their set-up link, made through the services as an administrator would."""
    own = platform is None
    platform = platform or test_platform()
    try:
        admin = _setup_admin(platform)
        mail = mail or _free_mail(platform, role)
        created = platform.staff.create_member(admin, mail, last_name, first_name)
        if role is not None:
            platform.staff.grant(
                admin,
                created.member.id,
                role,
                centre_id=centre_id,
                commission_id=commission_id,
                commission_ids=commission_ids,
                read_only=read_only,
                president=president,
            )
        return _set_up(platform, created.member.id, created.link)
    finally:
        if own:
            platform.db.dispose()


async def sign_in_staff(user: User, member: StaffLogin, then: str = "/gestion") -> None:
    """Sign in on the page at `then` (the sign-in form is shown there) and wait for the gestion frame."""
    await user.open(then)
    fill(user, mail=member.mail, password=member.password, code=member.code())
    user.find(marker="gestion-sign-in").click()
    await see(user, "Se déconnecter")


async def signed_in_staff(
    user: User, role: Role | None = Role.ADMIN, *, then: str = "/gestion", **scope: object
) -> StaffLogin:
    """`staff_member(role, **scope)` signed in on `then`."""
    member = staff_member(role, **scope)
    await sign_in_staff(user, member, then)
    return member


def _setup_admin(platform: Platform) -> Actor:
    """The administrator who adds the other members (created once per test, by the create-admin path)."""
    with platform.db.session() as session:
        existing = session.exec(select(StaffMember).where(StaffMember.mail_key == SETUP_ADMIN_MAIL)).first()
        if existing is not None:
            return rights.load_actor(session, existing.id)
    created = platform.staff.bootstrap_admin(SETUP_ADMIN_MAIL, "Admin", "Premier")
    with platform.db.session() as session:
        return rights.load_actor(session, created.member.id)


def _set_up(platform: Platform, member_id: int, link: str) -> StaffLogin:
    token = link.rsplit("/", 1)[1]
    secret = platform.staff.totp_enrolment(token).secret
    for _ in range(2):  # a second try when a 30-second step ended between the code and its check
        setup_step = int(time.time() // totp.STEP_SECONDS) - 1  # leaves this step and the next one to sign in
        try:
            code = pyotp.TOTP(secret).generate_otp(setup_step)
            codes = platform.staff.complete_setup(token, STAFF_PASSWORD, STAFF_PASSWORD, code)
            break
        except InvalidInput:
            continue
    else:
        raise AssertionError("the set-up code was refused twice")
    with platform.db.session() as session:
        member = session.get(StaffMember, member_id)
        return StaffLogin(member.id, member.mail, member.display_name, secret, codes, last_step=member.totp_last_step)


def _free_mail(platform: Platform, role: Role | None) -> str:
    base = (role.value if role else "sans-droit").replace("_", "-")
    with platform.db.session() as session:
        taken = set(session.exec(select(StaffMember.mail_key)).all())
    return next(f"{base}.{n}@univ.example" for n in range(1, 1000) if f"{base}.{n}@univ.example" not in taken)

"""What runs around the pages: schema upgrade and default data at start, then the background tasks."""

from __future__ import annotations

import asyncio
import gc
import logging
from datetime import date

from nicegui import app, background_tasks
from sqlalchemy.exc import IntegrityError

from ecandidat_ui import demo_candidatures, event_limits, refdata, shared_settings
from ecandidat_ui.demo import DEMO_STAFF, demo_offer
from ecandidat_ui.mail.templates import seed_defaults
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import throttle
from ecandidat_ui.services.offer_import import apply_offer
from ecandidat_ui.settings import former_settings

log = logging.getLogger(__name__)
HOUSEKEEPING_EVERY = 3600.0


def prepare(platform: Platform, *, demo: bool = False) -> None:
    """Bring the database to the newest schema, make sure a campaign exists; with demo, load the sample offer."""
    platform.db.upgrade()
    shared_settings.check(platform.db, platform.settings)  # SettingsError when this process differs from the others
    platform.campaigns.ensure_default(date.today())
    _seed_mail_texts(platform)
    former = former_settings()  # an existing install keeps the values it had in its environment
    platform.parameters.seed(former)
    platform.site_messages.seed(former.get("home_message"))
    if demo:
        platform.campaigns.ensure_demo(date.today())
        apply_offer(platform.db, demo_offer(date.today()))
        for role, mail, link in platform.staff.ensure_demo_staff(DEMO_STAFF):
            log.info("Gestion de démonstration : %s, %s, %s", role, mail, link or "compte déjà activé")
        demo_candidatures.seed(platform, date.today())


def _seed_mail_texts(platform: Platform) -> None:
    """The default text of each mail not stored yet. A process starting at the same moment may store them first
    (PostgreSQL then refuses ours, a key already taken): read again, theirs are kept and the missing added."""
    try:
        with platform.db.session() as session:
            seed_defaults(session)
    except IntegrityError:
        with platform.db.session() as session:
            seed_defaults(session)


def attach(platform: Platform) -> None:
    """Start the background tasks with the app (NiceGUI does not await startup handlers: call prepare first);
    cap the events each browser tab may send."""
    event_limits.cap_event_rate()

    def startup() -> None:
        background_tasks.create(_load_reference_data_then_freeze(), name="reference data")
        background_tasks.create(platform.mail_sender.run(), name="mail sender")
        background_tasks.create(_housekeeping(platform), name="housekeeping")

    app.on_startup(startup)
    app.on_shutdown(platform.db.dispose)


async def _load_reference_data_then_freeze() -> None:
    """Load the reference data, then move everything alive at start (modules, reference data, the app) out of the
    collector's sight: it never becomes garbage, and walking it is most of a full collection's time. (The
    collector's thresholds, and what a closed page leaves it: ecandidat_ui/collector.py.)"""
    await asyncio.to_thread(_load_reference_data)
    gc.collect()
    gc.freeze()


def _load_reference_data() -> None:
    """Read the communes and lycées once now, rather than on the first candidate's keystroke."""
    refdata.search_communes("paris")
    refdata.search_lycees("lycee")


def housekeep(platform: Platform) -> None:
    deleted = platform.accounts.delete_unvalidated()
    if deleted:
        log.info("deleted %s accounts never validated", deleted)
    reminded = platform.reminders.send_due(date.today())
    if reminded:
        log.info("queued %s reminders before a deadline", reminded)
    purged = platform.personal_data.purge_expired(date.today())
    if purged:
        log.info("deleted %s accounts whose retention ran out (Paramètres: retention_years)", purged)
    platform.sessions.delete_expired()
    platform.staff.delete_expired_sessions()
    with platform.db.session() as session:
        throttle.forget_old(session)


async def _housekeeping(platform: Platform) -> None:
    while True:
        try:
            await asyncio.to_thread(housekeep, platform)  # run.io_bound would swallow the cancellation
        except Exception:
            log.exception("housekeeping failed; trying again later")
        await asyncio.sleep(HOUSEKEEPING_EVERY)

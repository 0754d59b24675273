"""eCandidat UI: `python main.py` starts the platform (`--demo` adds a sample offer)."""

import logging
import os
import sys

from nicegui import app, ui
from nicegui.storage import Storage
from starlette.middleware.gzip import GZipMiddleware
from uvicorn import config as uvicorn_config

import pages
from components.frame import apply_theme
from ecandidat_ui import collector, lifecycle
from ecandidat_ui.platform import build_platform
from ecandidat_ui.security_headers import SecurityHeaders
from ecandidat_ui.services.sessions import ABSOLUTE_TIMEOUT
from ecandidat_ui.settings import SettingsError, load_settings
from ecandidat_ui.upload_guard import UploadGuard
from pages import errors, metrics

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

EX_CONFIG = 78  # sysexits.h: a wrong setting, which restarting will not mend (deploy/ecandidat@.service)


def stop_on(error: SettingsError) -> None:
    print(f"eCandidat : {error}", file=sys.stderr)
    sys.exit(EX_CONFIG)


try:
    settings = load_settings()
except SettingsError as error:
    stop_on(error)

platform = build_platform(settings)
try:
    lifecycle.prepare(platform, demo=settings.demo or "--demo" in sys.argv[1:])
except SettingsError as error:  # a setting this process does not share with the others (shared_settings.py)
    stop_on(error)
lifecycle.attach(platform)
apply_theme()
app.on_delete(collector.release_page)  # a closed page is freed at once, not at the next full collection
pages.register_all(platform)
errors.install(platform)
metrics.register(platform)  # /metrics, when ECANDIDAT_METRICS=true
if settings.gallery or "--galerie" in sys.argv[1:]:  # for developers: /galerie (pages/gallery.py)
    from pages import gallery

    gallery.register()


def largest_piece() -> int:
    """The upload guard's limit: a parameter of the gestion, read at each upload."""
    return platform.parameters.current().upload_max_bytes


app.add_middleware(
    UploadGuard, cookies=[platform.session_cookie.name, platform.staff_cookie.name], max_bytes=largest_piece
)
app.add_middleware(SecurityHeaders, cas_url=settings.cas_url)  # added last: around every other middleware of ours

if __name__ in {"__main__", "__mp_main__"}:
    if not os.environ.get("NICEGUI_USER_SIMULATION"):  # tests keep their own storage folder and collector
        Storage.path = (settings.data_dir / "storage").resolve()
        # nothing of ours lives in NiceGUI's storage (who is signed in is in the database, web_session.py): no
        # Redis, whatever NICEGUI_REDIS_URL says; each process keeps NiceGUI's own per-browser dict to itself
        Storage.redis_url = None
        app.on_startup(collector.settle)  # once started: freeze what start-up built, collect less often
        # NiceGUI asks uvicorn for ws="wsproto" (pure Python) and refuses another ws= in ui.run; uvicorn's other
        # maintained implementation, on the websockets library (sans-I/O, C speed-ups), spends 10-15 % less
        # event-loop CPU per candidate action (benchmarks/connected_clients.py, --what-if BENCH_WS=...)
        uvicorn_config.WS_PROTOCOLS["wsproto"] = uvicorn_config.WS_PROTOCOLS["websockets-sansio"]
    ui.run(
        host=settings.host,
        port=settings.port,
        forwarded_allow_ips=settings.forwarded_allow_ips,  # X-Forwarded-For only from these (uvicorn)
        title=f"eCandidat - {settings.institution_name}",
        language="fr",
        storage_secret=settings.storage_secret,
        # NiceGUI's browser identity (renewed at sign-in and sign-out) lives no longer than a session may
        session_middleware_kwargs={
            "max_age": int(ABSOLUTE_TIMEOUT.total_seconds()),
            "same_site": "lax",
            "https_only": platform.session_cookie.secure,
        },
        reload=False,
        show=False,
        favicon="🎓",
        reconnect_timeout=10.0,
        # level 9 costs the event loop ~65 ms per new browser for ~2 % smaller files; 5 keeps most of the gain
        gzip_middleware_factory=lambda app: GZipMiddleware(app, minimum_size=500, compresslevel=5),
        # a zlib state per websocket costs ~0.3 MB per connected candidate; updates are small without it
        ws_per_message_deflate=False,
    )

"""Which language a candidate's page is in, and the switch between French and English.

A page's language is, in order: the candidate's choice (a cookie, written by `/langue/<code>`, which also saves
it on a signed-in candidate's account for the mails and PDFs sent later), else the browser's Accept-Language,
else French. The gestion (`/gestion…`) stays in French. The language is found once per page (client) and is then
that of its event handlers, and of the threads they start (`run.io_bound` copies it: `_LanguageThreadPool`).
"""

from __future__ import annotations

import copy
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any
from urllib.parse import quote

from fastapi import Request
from nicegui import Client, app, run, ui
from nicegui.slot import Slot

from ecandidat_ui import language
from ecandidat_ui.platform import Platform
from ecandidat_ui.settings import Settings
from ecandidat_ui.web_session import LANGUAGE_COOKIE, language_redirect

SWITCH_PATH = "/langue"
STAFF_PREFIX = "/gestion"
HTML_LANGUAGES = {language.ENGLISH: "en-GB"}  # the lang of <html> and Quasar's own texts; French is ui.run's

_of_client: weakref.WeakKeyDictionary[Client, str] = weakref.WeakKeyDictionary()


def install(platform: Platform) -> None:
    """The resolver of `ecandidat_ui.language`, the switch's route, and threads that keep the language."""
    language.set_resolver(_of_current_client)
    app.on_startup(_keep_language_in_threads)

    @app.get(SWITCH_PATH + "/{code}", include_in_schema=False)
    def switch(request: Request, code: str, suite: str = "/") -> Any:
        chosen = language.supported(code)
        signed_in = platform.session_cookie.of_request(request)
        if signed_in is not None:
            platform.accounts.choose_language(signed_in.session_id, chosen)
        return language_redirect(suite, chosen, secure=platform.session_cookie.secure)


def switch_address(to: str) -> str:
    """The link that turns the current page into `to`, and comes back to it."""
    request = ui.context.client.request
    here = "/" if request is None else request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"{SWITCH_PATH}/{to}?suite={quote(here)}"


def student_of(settings: Settings) -> str:
    """« étudiant à l'Université Esup »: the article is French's; English says « a student at Université Esup »."""
    return settings.student_of if language.current() == language.FRENCH else settings.institution_name


def _of_current_client() -> str | None:
    if not Slot.get_stack():  # no page: pages being registered, a background task, a thread
        return None
    try:
        client = ui.context.client
        request = client.request
    except RuntimeError:  # a page without a request
        return None
    found = _of_client.get(client)
    if found is None:
        found = of_request(request)
        _of_client[client] = found
        if found in HTML_LANGUAGES:  # this page's own copy, so other pages of the route keep theirs
            client.page = copy.copy(client.page)
            client.page.language = HTML_LANGUAGES[found]
    return found


def of_request(request: Request) -> str:
    """The language of what answers this request (a page's, or an HTTP route's own: a PDF)."""
    if request.url.path.startswith(STAFF_PREFIX):
        return language.FRENCH
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in language.LANGUAGES:
        return chosen
    return language.from_accept_language(request.headers.get("accept-language"))


class _LanguageThreadPool(ThreadPoolExecutor):
    """NiceGUI's thread pool for `run.io_bound`, running each call in the language of the page that made it."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future:
        return super().submit(_in_language, language.current(), fn, *args, **kwargs)


def _in_language(chosen: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    with language.using(chosen):
        return fn(*args, **kwargs)


def _keep_language_in_threads() -> None:
    if not isinstance(run.thread_pool, _LanguageThreadPool):
        run.thread_pool.shutdown(wait=False)
        run.thread_pool = _LanguageThreadPool()

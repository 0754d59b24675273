"""Who a browser is signed in as, for pages, their event handlers and HTTP routes.

A signed-in browser carries a random session id that the database knows (services/sessions.py) in a cookie of
our own: HttpOnly, SameSite=Lax, Path=/, Secure (and named `__Host-…`) when the public URL is https, living no
longer than a session may. Only two small HTTP routes set or clear it, because a websocket handler cannot:

- `<prefix>/ouvrir/<hand-over token>.<mac>?suite=/path`: the handler that checked the password got a hand-over
  token (single-use, valid for seconds) and sends its tab here; the token is exchanged for a new session id, the
  cookie is set, NiceGUI's browser identity (`request.session`) is renewed and the tab goes on to the local path.
  The mac ties the token to the browser that signed in, so a token cannot sign another browser in.
- `<prefix>/fermer/<token>?suite=/path`: ends the session, clears the cookie and renews the browser identity. The
  token derives from the session id, so another site cannot sign anyone out.

A page reads the cookie of the request that built it (`signed_in()`); what it changes goes through services that
take that session id as the actor and raise SessionEnded once the session is over. Every page that has an actor
gets, once, the handler that then sends the tab to the sign-in page with a message: no handler deals with it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import uuid
import weakref
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import RedirectResponse
from nicegui import Client, app, ui

from ecandidat_ui.services.sessions import ABSOLUTE_TIMEOUT, SessionEnded, SessionService
from models import Account

EXPIRED = "expiree"  # `?info=expiree` on the sign-in page: say the session ended
LANGUAGE_COOKIE = "ecandidat_langue"  # the language a candidate chose (pages/language.py), kept a year
LANGUAGE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class SignedIn:
    session_id: str  # the actor given to the services that act for this person
    account: Account


class SessionCookie:
    """The cookie of one kind of account (candidates; the staff will have their own name, prefix and service)."""

    def __init__(
        self,
        sessions: SessionService,
        *,
        name: str,
        prefix: str,
        public_url: str,
        secret: str,
        sign_in_path: str,
    ) -> None:
        self.sessions = sessions
        self.secure = public_url.startswith("https://")
        self.name = f"__Host-{name}" if self.secure else name
        self.prefix = prefix
        self.sign_in_path = sign_in_path
        self._key = hashlib.sha256(f"{name}:{secret}".encode()).digest()
        self._watched: weakref.WeakSet[Client] = weakref.WeakSet()  # pages that act for someone
        self._sent_away: weakref.WeakSet[Client] = weakref.WeakSet()  # pages already sent to sign in again

    def install(self) -> None:
        """Add the two routes, and keep the tracebacks of ended sessions out of the log (they are expected)."""
        app.get(f"{self.prefix}/ouvrir/{{token}}", include_in_schema=False)(self._open_route)
        app.get(f"{self.prefix}/fermer/{{token}}", include_in_schema=False)(self._close_route)
        logging.getLogger("nicegui").addFilter(_ended_sessions_filter)

    # --- on a page and in its handlers ---------------------------------------------------------------

    def signed_in(self) -> SignedIn | None:
        """The person of the request that built the current page; their tab is then sent to sign in again when
        an action fails with SessionEnded."""
        client = ui.context.client
        found = self.of_request(client.request)
        if found is not None and client not in self._watched:
            self._watched.add(client)
            client.on_exception(self._on_exception)
        return found

    def account(self) -> Account | None:
        """Only who is signed in, for a page that acts for nobody."""
        found = self.signed_in()
        return found.account if found is not None else None

    def sign_in(self, handover: str, then: str = "/") -> None:
        """Send the current tab through the route that turns a hand-over token into the cookie."""
        browser = ui.context.client.request.session.get("id", "")
        mac = self._mac("ouvrir", handover, browser)
        ui.navigate.to(f"{self.prefix}/ouvrir/{handover}.{mac}?suite={quote(_local(then))}")

    def sign_out(self, then: str = "/") -> None:
        """Send the current tab through the route that ends its session and clears the cookie."""
        session_id = ui.context.client.request.cookies.get(self.name, "")
        ui.navigate.to(f"{self.prefix}/fermer/{self._mac('fermer', session_id)}?suite={quote(_local(then))}")

    def _on_exception(self, error: Exception) -> None:
        client = ui.context.client
        if isinstance(error, SessionEnded) and client not in self._sent_away:  # e.g. a draft and a save: once
            self._sent_away.add(client)
            ui.run_javascript("window.onbeforeunload = null")  # leaving is the point: no « quit the page? »
            self.sign_out(f"{self.sign_in_path}?info={EXPIRED}")

    # --- in an HTTP route ----------------------------------------------------------------------------

    def of_request(self, request: Request | None) -> SignedIn | None:
        """The person signed in with the cookie of this request (a page's, or an HTTP route's own)."""
        session_id = request.cookies.get(self.name) if request is not None else None
        account = self.sessions.account_for(session_id)
        return SignedIn(session_id, account) if account is not None and session_id else None

    # --- the routes ----------------------------------------------------------------------------------

    def _open_route(self, request: Request, token: str, suite: str = "/") -> RedirectResponse:
        handover, _, mac = token.partition(".")
        browser = request.session.get("id", "")
        session_id = None
        if _same(mac, self._mac("ouvrir", handover, browser)):
            session_id = self.sessions.take_handover(handover)
        if session_id is None:  # used, too late, or for another browser
            return _redirect(self.sign_in_path)
        self.sessions.close(request.cookies.get(self.name))  # whoever this browser was signed in as before
        response = _redirect(suite)
        chosen = getattr(self.sessions.account_for(session_id), "language", None)
        if chosen:  # the candidate's saved language follows them to this browser
            remember_language(response, chosen, secure=self.secure)
        response.set_cookie(
            self.name,
            session_id,
            max_age=int(ABSOLUTE_TIMEOUT.total_seconds()),
            path="/",
            secure=self.secure,
            httponly=True,
            samesite="lax",
        )
        _renew_browser_identity(request)
        return response

    def _close_route(self, request: Request, token: str, suite: str = "/") -> RedirectResponse:
        session_id = request.cookies.get(self.name, "")
        if not session_id or not _same(token, self._mac("fermer", session_id)):
            return _redirect(suite)  # not this browser's own sign-out (or signed out already): nothing happens
        self.sessions.close(session_id)
        response = _redirect(suite)
        response.delete_cookie(self.name, path="/", secure=self.secure, httponly=True, samesite="lax")
        _renew_browser_identity(request)
        return response

    def _mac(self, purpose: str, *values: str) -> str:
        return hmac.new(self._key, "\0".join((purpose, *values)).encode(), hashlib.sha256).hexdigest()


def language_redirect(suite: str, chosen: str, *, secure: bool) -> RedirectResponse:
    """Back to the local path `suite`, the browser now remembering the language `chosen`."""
    response = _redirect(suite)
    remember_language(response, chosen, secure=secure)
    return response


def remember_language(response: RedirectResponse, chosen: str, *, secure: bool) -> None:
    response.set_cookie(
        LANGUAGE_COOKIE, chosen, max_age=LANGUAGE_MAX_AGE, path="/", secure=secure, httponly=True, samesite="lax"
    )


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def _renew_browser_identity(request: Request) -> None:
    """A new id for NiceGUI's browser storage (the signed `session` cookie), so nothing planted or copied before
    survives a sign-in or a sign-out."""
    request.session.clear()
    request.session["id"] = str(uuid.uuid4())


def _redirect(path: str) -> RedirectResponse:
    return RedirectResponse(_local(path), status_code=303, headers={"Cache-Control": "no-store"})


def _local(path: str) -> str:
    """The path itself when it stays on this site, else the home page."""
    parts = urlsplit(path)
    if (
        not path.startswith("/")
        or path.startswith("//")
        or "\\" in path
        or parts.scheme
        or parts.netloc
        or any(ord(c) < 0x20 for c in path)
    ):
        return "/"
    return path


def _ended_sessions_filter(record: logging.LogRecord) -> bool:
    return not (record.exc_info and isinstance(record.exc_info[1], SessionEnded))

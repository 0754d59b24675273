"""Security headers on every HTTP response of the platform: pages, NiceGUI's files, downloads, error pages.

The Content-Security-Policy is as strict as NiceGUI 3.18 allows, measured by loading its pages in Chromium
(tests/e2e/test_errors_and_headers.py):
- Scripts: from this site only. NiceGUI evaluates `:props`, event handlers and `ui.run_javascript` with
  `eval`/`new Function`, and Vue compiles component templates at run time: 'unsafe-eval' is required. Each
  page also carries five inline scripts (import map, Vue start, the page's elements, our menu observer…), some
  different on every page: instead of 'unsafe-inline', the hashes of the inline scripts of the page as served
  are added to the policy of that response. So an inline event handler (onerror=…), a javascript: link or a
  script added to the page afterwards does not run.
- Styles: Quasar, Tailwind's browser build and NiceGUI add <style> elements and style attributes at run
  time: 'unsafe-inline' (a style cannot run code).
- Images: ours, `data:` URLs (the favicon) and `blob:` URLs (the uploader's preview of a chosen image).
  Nothing is loaded from another site.
Against clickjacking (a same-site page framing a signed-in candidature and its « Transmettre » button):
`frame-ancestors 'none'`, and X-Frame-Options DENY for older browsers. Forms may only be sent here and to
the CAS server. HSTS and TLS belong to the reverse proxy in front of the platform (README). One exception: the
pièces served to staff (FRAMED_BY_SELF) may be framed by the platform's own pages — the candidature window shows
them inline — `frame-ancestors 'self'` and SAMEORIGIN; a file has no button to click.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PERMISSIONS = ("accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "microphone", "payment", "usb")
# An inline script of a page: NiceGUI escapes "<" in the data it writes inside them, so none ends early.
FRAMED_BY_SELF = ("/gestion/fichiers/",)
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def content_security_policy(
    cas_url: str = "", inline_scripts: list[bytes] | None = None, *, framed_by_self: bool = False
) -> str:
    """The policy of a response; `inline_scripts` are the inline scripts of the page it carries."""
    hashes = sorted({_sha256(script) for script in inline_scripts or []})
    form_action = "'self'"
    if cas_url:
        parts = urlsplit(cas_url)
        form_action += f" {parts.scheme}://{parts.netloc}"
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", "'unsafe-eval'", *hashes]),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": form_action,
        "frame-ancestors": "'self'" if framed_by_self else "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def other_headers() -> dict[str, str]:
    return {
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",  # the links of mails carry tokens: no other site sees an address
        "Permissions-Policy": ", ".join(f"{feature}=()" for feature in PERMISSIONS),
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",  # no other site, not even a same-site one, embeds a pièce
    }


class SecurityHeaders:
    """Pure ASGI middleware: sets the headers on every HTTP response, replacing any value a route set itself.
    An HTML page is held until its body is complete, to hash its inline scripts; files stream through."""

    def __init__(self, app: ASGIApp, cas_url: str = "") -> None:
        self.app = app
        self.cas_url = cas_url
        self.headers = [(name.lower().encode(), value.encode()) for name, value in other_headers().items()]
        self.policy = content_security_policy(cas_url).encode("latin-1")
        self.framed_policy = content_security_policy(cas_url, framed_by_self=True).encode("latin-1")
        self.framed_headers = [
            (name, b"SAMEORIGIN" if name == b"x-frame-options" else value) for name, value in self.headers
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        held: Message | None = None
        body: list[bytes] = []
        framed = scope.get("path", "").startswith(FRAMED_BY_SELF)

        async def send_with_headers(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                if _is_html(message):
                    held = message
                    return
                if framed:
                    await send(self._start(message, self.framed_policy, self.framed_headers))
                else:
                    await send(self._start(message, self.policy))
            elif held is not None and message["type"] == "http.response.body":
                body.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                page = b"".join(body)
                body.clear()  # NiceGUI keeps each page's request, and with it this function, while the page lives
                policy = content_security_policy(self.cas_url, _INLINE_SCRIPT.findall(page)).encode("latin-1")
                start, held = self._start(held, policy), None
                await send(start)
                await send({"type": "http.response.body", "body": page, "more_body": False})
            else:
                await send(message)

        await self.app(scope, receive, send_with_headers)

    def _start(self, message: Message, policy: bytes, headers: list[tuple[bytes, bytes]] | None = None) -> Message:
        headers = self.headers if headers is None else headers
        ours = {name for name, _ in headers} | {b"content-security-policy"}
        kept = [(name, value) for name, value in message.get("headers", []) if name.lower() not in ours]
        return {**message, "headers": [*kept, *headers, (b"content-security-policy", policy)]}


def _is_html(message: Message) -> bool:
    return any(
        name.lower() == b"content-type" and value.lower().startswith(b"text/html")
        for name, value in message.get("headers", [])
    )


def _sha256(script: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode("ascii") + "'"

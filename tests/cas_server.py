"""A small CAS-protocol server on loopback: /login sends the browser back with a ticket, serviceValidate answers."""

from __future__ import annotations

import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse
from xml.sax.saxutils import escape


class CasServer:
    def __init__(self) -> None:
        self.tickets: dict[str, tuple[str, str, dict[str, str]]] = {}  # ticket → (service, user, attributes)
        self.next_user: tuple[str, dict[str, str]] = ("etu123", {})
        self.validations: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path.endswith("/login"):
                    ticket = server.issue(query["service"], *server.next_user)
                    self.send_response(302)
                    self.send_header("Location", f"{query['service']}?{urlencode({'ticket': ticket})}")
                    self.end_headers()
                    return
                if url.path.endswith("serviceValidate"):
                    server.validations.append(url.path)
                    body = server.answer(query.get("ticket", ""), query.get("service", "")).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/xml; charset=utf-8")
                    self.end_headers()
                    self.wfile.write(body)
                    return
                self.send_response(404)
                self.end_headers()

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}/cas"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def issue(self, service: str, user: str, attributes: dict[str, str]) -> str:
        ticket = "ST-" + secrets.token_hex(8)
        self.tickets[ticket] = (service, user, attributes)
        return ticket

    def answer(self, ticket: str, service: str) -> str:
        known = self.tickets.pop(ticket, None)  # a ticket serves once
        if known is None or known[0] != service:
            return (
                '<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">'
                '<cas:authenticationFailure code="INVALID_TICKET">Ticket inconnu</cas:authenticationFailure>'
                "</cas:serviceResponse>"
            )
        _, user, attributes = known
        attrs = "".join(f"<cas:{name}>{escape(value)}</cas:{name}>" for name, value in attributes.items())
        return (
            '<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess>'
            f"<cas:user>{escape(user)}</cas:user><cas:attributes>{attrs}</cas:attributes>"
            "</cas:authenticationSuccess></cas:serviceResponse>"
        )

    def stop(self) -> None:
        self.http.shutdown()
        self.http.server_close()

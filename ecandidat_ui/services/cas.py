"""Sign-in of the institution's own students through its CAS server (protocol 2 or 3, serviceValidate)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode
from xml.etree import ElementTree

import httpx

RETURN_PATH = "/cas/retour"  # where the CAS server sends the student back, with a ticket
NS = {"cas": "http://www.yale.edu/tp/cas"}


class CasError(Exception):
    """The ticket was refused or the CAS server could not be reached; the message is for the candidate."""


@dataclass(frozen=True)
class CasUser:
    login: str
    attributes: dict[str, str]

    def first(self, *names: str) -> str:
        return next((self.attributes[name] for name in names if self.attributes.get(name)), "")


def login_url(cas_url: str, service: str) -> str:
    return f"{cas_url}/login?{urlencode({'service': service})}"


def validate(cas_url: str, service: str, ticket: str, *, version: int = 3, timeout: float = 10.0) -> CasUser:
    """Ask the CAS server who the ticket belongs to (a blocking HTTP call: run it off the event loop)."""
    path = "/p3/serviceValidate" if version == 3 else "/serviceValidate"
    try:
        response = httpx.get(f"{cas_url}{path}", params={"service": service, "ticket": ticket}, timeout=timeout)
        response.raise_for_status()
    except httpx.HTTPError as error:
        raise CasError("Le service d'authentification de l'établissement ne répond pas, veuillez réessayer") from error
    return parse_response(response.text)


def parse_response(xml: str) -> CasUser:
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise CasError("Réponse incompréhensible du service d'authentification") from error
    success = root.find("cas:authenticationSuccess", NS)
    if success is None:
        raise CasError("Votre authentification a échoué ou a expiré, veuillez vous reconnecter")
    login = (success.findtext("cas:user", default="", namespaces=NS) or "").strip()
    attributes: dict[str, str] = {}
    for element in success.findall("cas:attributes/*", NS):
        name = element.tag.split("}", 1)[-1]
        attributes.setdefault(name, (element.text or "").strip())
    if not login:
        raise CasError("Votre authentification a échoué ou a expiré, veuillez vous reconnecter")
    return CasUser(login, attributes)

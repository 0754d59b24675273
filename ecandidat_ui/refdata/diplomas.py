"""Cursus externe: the kinds of post-bac diploma (« Formation ») and whether it was obtained."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DiplomaType:
    code: str
    label: str


@dataclass(frozen=True, slots=True)
class ObtainedStatus:
    code: str
    label: str


DIPLOMA_TYPES: tuple[DiplomaType, ...] = (
    DiplomaType("LIC", "Licence"),
    DiplomaType("LPRO", "Licence professionnelle"),
    DiplomaType("BUT", "BUT (bachelor universitaire de technologie)"),
    DiplomaType("DUT", "DUT (diplôme universitaire de technologie)"),
    DiplomaType("BTS", "BTS / BTSA (brevet de technicien supérieur)"),
    DiplomaType("DEUST", "DEUST"),
    DiplomaType("DEUG", "DEUG"),
    DiplomaType("MAST", "Master"),
    DiplomaType("MAIT", "Maîtrise"),
    DiplomaType("CPGE", "CPGE (classe préparatoire aux grandes écoles)"),
    DiplomaType("ING", "Diplôme d'ingénieur"),
    DiplomaType("ECOLE", "Diplôme d'école (commerce, art, architecture…)"),
    DiplomaType("SANTE", "Études de santé (PASS, L.AS, PACES, diplôme d'État)"),
    DiplomaType("DE", "Diplôme d'État (paramédical, social)"),
    DiplomaType("DNMADE", "DN MADE (diplôme national des métiers d'art et du design)"),
    DiplomaType("DCG", "DCG / DSCG (expertise comptable)"),
    DiplomaType("DU", "Diplôme d'université (DU)"),
    DiplomaType("DOCT", "Doctorat"),
    DiplomaType("DAEU", "DAEU (diplôme d'accès aux études universitaires)"),
    DiplomaType("ETR", "Diplôme étranger"),
    DiplomaType("AUTRE", "Autre"),
)

OBTAINED_STATUSES: tuple[ObtainedStatus, ...] = (
    ObtainedStatus("O", "Oui"),
    ObtainedStatus("N", "Non"),
    ObtainedStatus("E", "En cours"),
)

_BY_CODE = {diploma.code: diploma for diploma in DIPLOMA_TYPES}


def diploma_types() -> tuple[DiplomaType, ...]:
    return DIPLOMA_TYPES


def diploma_type_by_code(code: str | None) -> DiplomaType | None:
    return _BY_CODE.get(str(code or "").strip().upper())


def obtained_statuses() -> tuple[ObtainedStatus, ...]:
    return OBTAINED_STATUSES

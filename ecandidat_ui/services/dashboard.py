"""« Tableau de bord » of the gestion (BACKOFFICE §4): the candidatures of the active campaign counted per formation,
per commission or per centre, with totals per group and overall, and its XLSX.

One SQL query counts: conditional sums over the candidatures grouped by formation (one pass over them), joined
to every formation the actor may see (one without candidature kept, at zero) — narrowed in SQL by VIEW_STATISTICS:
a commission member sees their commissions, a gestionnaire their centre, the scolarité and administrators
everything. The groups and totals add those rows up (benchmarks/dashboard.py: 100,000 candidatures).

A candidature given up (« désistement ») is no longer active: it is counted as « Annulées » and « Désistées » (a
candidate can only give up a place offered; cancelling before transmission deletes the candidature), and the
statuts and avis count the active candidatures only. The avis is the last one, as the table shows it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func
from sqlmodel import Session, col, select

from ecandidat_ui import messages
from ecandidat_ui.db import Database
from ecandidat_ui.services.candidature_table import NOT_TRANSMITTED, status_column
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.review import Decision
from ecandidat_ui.services.rights import Action, Actor
from ecandidat_ui.services.setup_access import visibility
from ecandidat_ui.services.waiting_list import on_list
from models import Campaign, Candidature, Centre, Commission, FileStatus, Formation

FORMATION, COMMISSION, CENTRE, TOTAL = "formation", "commission", "centre", "total"
LEVELS = (CENTRE, COMMISSION, FORMATION)

# The counted columns, in the order of the table and of the XLSX: name → French heading.
COUNTS: dict[str, str] = {
    "active": "Actives",
    "cancelled": "Annulées",
    "not_transmitted": NOT_TRANSMITTED,
    "waiting": FileStatus.WAITING.value,
    "received": FileStatus.RECEIVED.value,
    "incomplete": FileStatus.INCOMPLETE.value,
    "complete": FileStatus.COMPLETE.value,
    "favourable": Decision.FAVORABLE.value,
    "unfavourable": Decision.UNFAVORABLE.value,
    "waiting_list": "Liste att.",
    "complementary_list": "Liste comp.",
    "preselection": Decision.PRESELECTION.value,
    "avis_total": "Avis : total",
    "avis_validated": "Avis validés",
    "avis_not_validated": "Avis non validés",
    "on_list": "Restants en liste comp.",
    "confirmed": "Confirmées",
    "withdrawn": "Désistées",
    "capacity": "Capacité d'accueil",
}
STATUS_COUNTS = ("not_transmitted", "waiting", "received", "incomplete", "complete")
AVIS_COUNTS = ("favourable", "unfavourable", "waiting_list", "complementary_list", "preselection")
DECISION_COUNTS = dict(zip(AVIS_COUNTS, Decision, strict=True))
STATUS_OF_COUNT = {
    "not_transmitted": NOT_TRANSMITTED,
    "waiting": FileStatus.WAITING.value,
    "received": FileStatus.RECEIVED.value,
    "incomplete": FileStatus.INCOMPLETE.value,
    "complete": FileStatus.COMPLETE.value,
}


@dataclass(frozen=True)
class Line:
    """One line of the dashboard: a formation, commission or centre, or the total of a group (`total_of` the
    level summed) or of everything (level TOTAL)."""

    level: str
    key: str  # unique among the lines: "formation-12", "total-centre-3"…
    code: str
    label: str
    centre: str
    commission: str
    counts: dict[str, int] = field(default_factory=dict)
    total_of: str = ""  # for a group's total: the level of the group ("centre", "commission")

    @property
    def is_total(self) -> bool:
        return bool(self.total_of) or self.level == TOTAL

    def row(self) -> dict[str, Any]:
        """The line as the page's table shows it."""
        return {
            "id": self.key,
            "code": self.code,
            "label": self.label,
            "centre": self.centre,
            "commission": self.commission,
            "total": self.is_total,
            **self.counts,
        }


@dataclass(frozen=True)
class Dashboard:
    level: str
    campaign: str  # the active campaign's label, "" when none is active
    lines: list[Line]

    @property
    def total(self) -> Line:
        return self.lines[-1]

    def chart_lines(self) -> list[Line]:
        """The lines of the level chosen, without the totals (the chart's bars)."""
        return [line for line in self.lines if not line.is_total]


def _sum(condition) -> Any:
    return func.sum(case((condition, 1), else_=0))


def _count_columns() -> list[Any]:
    """The conditional sums of COUNTS (but capacity), in its order, over the candidatures."""
    exists = col(Candidature.id).is_not(None)
    active = and_(exists, col(Candidature.withdrawn_at).is_(None))
    status = status_column()
    columns: dict[str, Any] = {
        "active": _sum(active),
        "cancelled": _sum(and_(exists, col(Candidature.withdrawn_at).is_not(None))),
        **{name: _sum(and_(active, status == STATUS_OF_COUNT[name])) for name in STATUS_COUNTS},
        **{name: _sum(and_(active, col(Candidature.decision) == DECISION_COUNTS[name].value)) for name in AVIS_COUNTS},
        "avis_total": _sum(and_(active, col(Candidature.decision) != "")),
        "avis_validated": _sum(
            and_(active, col(Candidature.decision) != "", col(Candidature.decision_validated_at).is_not(None))
        ),
        "avis_not_validated": _sum(
            and_(active, col(Candidature.decision) != "", col(Candidature.decision_validated_at).is_(None))
        ),
        "on_list": _sum(and_(exists, on_list())),
        "confirmed": _sum(and_(active, col(Candidature.confirmed_at).is_not(None))),
        "withdrawn": _sum(
            and_(
                exists,
                col(Candidature.withdrawn_at).is_not(None),
                col(Candidature.decision) == Decision.FAVORABLE.value,
            )
        ),
    }
    return [columns[name].label(name) for name in COUNTS if name != "capacity"]


class DashboardService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def dashboard(self, actor: Actor, level: str = FORMATION, *, inactive: bool = False) -> Dashboard:
        """The lines of the level (« formation », « commission » or « centre »), each group followed by its total
        (formations: per commission and per centre; commissions: per centre), then the overall total. Formations
        out of service are left out unless `inactive`. Refused when the actor may see no dashboard."""
        if level not in LEVELS:
            raise Refused(messages.DASHBOARD_LEVEL_UNKNOWN)
        with self.db.session() as session:
            _, seen = visibility(session, actor, Action.VIEW_STATISTICS)
            campaign = session.exec(select(Campaign).where(col(Campaign.is_active))).first()
            rows = self._formation_counts(session, seen.where(Formation.centre_id, Formation.commission_id), campaign)
        if not inactive:
            rows = [row for row in rows if row["active_formation"]]
        return Dashboard(level, campaign.label if campaign else "", _lines(rows, level))

    @staticmethod
    def _formation_counts(session: Session, visible, campaign: Campaign | None) -> list[dict[str, Any]]:
        """One row per formation seen: its centre, commission and capacity, and its counts. The candidatures of
        the campaign are counted in one pass grouped by formation (a subquery), then joined to every formation
        seen, so that a formation without candidature has its line at zero."""
        counted = [name for name in COUNTS if name != "capacity"]
        counts = (
            select(col(Candidature.formation_id).label("formation_id"), *_count_columns())
            .select_from(Candidature)
            .join(Formation, col(Formation.id) == col(Candidature.formation_id))
            .where(col(Candidature.campaign_id) == (campaign.id if campaign else -1), visible)
            .group_by(col(Candidature.formation_id))
            .subquery()
        )
        statement = (
            select(
                col(Formation.id).label("formation_id"),
                col(Formation.code).label("formation_code"),
                col(Formation.label).label("formation_label"),
                col(Formation.capacity).label("capacity"),
                col(Formation.active).label("active_formation"),
                col(Centre.id).label("centre_id"),
                col(Centre.code).label("centre_code"),
                col(Centre.label).label("centre_label"),
                col(Commission.id).label("commission_id"),
                col(Commission.code).label("commission_code"),
                col(Commission.label).label("commission_label"),
                *(func.coalesce(counts.c[name], 0).label(name) for name in counted),
            )
            .select_from(Formation)
            .join(Centre, col(Centre.id) == col(Formation.centre_id))
            .outerjoin(Commission, col(Commission.id) == col(Formation.commission_id))
            .outerjoin(counts, counts.c.formation_id == col(Formation.id))
            .where(visible)
            .order_by(col(Centre.label), col(Commission.label), col(Formation.code))
        )
        return [dict(row._mapping) for row in session.exec(statement)]

    def workbook(self, actor: Actor, level: str = FORMATION, *, inactive: bool = False) -> bytes:
        """The dashboard as an XLSX file (openpyxl's write-only mode): one sheet, headings, one row per line."""
        return workbook(self.dashboard(actor, level, inactive=inactive))


def _added(lines: Iterable[dict[str, int]]) -> dict[str, int]:
    total = dict.fromkeys(COUNTS, 0)
    for counts in lines:
        for name in COUNTS:
            total[name] += counts.get(name, 0)
    return total


def _counts_of(row: dict[str, Any]) -> dict[str, int]:
    counts = {name: int(row[name]) for name in COUNTS if name != "capacity"}
    counts["capacity"] = int(row["capacity"] or 0)
    return counts


def _lines(rows: list[dict[str, Any]], level: str) -> list[Line]:
    """Formation rows (ordered by centre, commission, code) grouped up to the level, with the groups' totals."""
    lines: list[Line] = []
    by_centre: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_centre.setdefault(row["centre_id"], []).append(row)
    for centre_rows in by_centre.values():
        first = centre_rows[0]
        centre_counts = _added(_counts_of(row) for row in centre_rows)
        centre_name = first["centre_label"]
        if level == CENTRE:
            lines.append(
                Line(
                    CENTRE,
                    f"centre-{first['centre_id']}",
                    first["centre_code"],
                    centre_name,
                    centre_name,
                    "",
                    centre_counts,
                )
            )
            continue
        by_commission: dict[int | None, list[dict[str, Any]]] = {}
        for row in centre_rows:
            by_commission.setdefault(row["commission_id"], []).append(row)
        for commission_id, commission_rows in by_commission.items():
            head = commission_rows[0]
            name = head["commission_label"] or messages.DASHBOARD_NO_COMMISSION
            code = head["commission_code"] or ""
            commission_counts = _added(_counts_of(row) for row in commission_rows)
            if level == COMMISSION:
                lines.append(
                    Line(
                        COMMISSION,
                        f"commission-{commission_id}-{first['centre_id']}",
                        code,
                        name,
                        centre_name,
                        name,
                        commission_counts,
                    )
                )
                continue
            for row in commission_rows:
                lines.append(
                    Line(
                        FORMATION,
                        f"formation-{row['formation_id']}",
                        row["formation_code"],
                        row["formation_label"],
                        centre_name,
                        name,
                        _counts_of(row),
                    )
                )
            lines.append(
                Line(
                    COMMISSION,
                    f"total-commission-{commission_id}-{first['centre_id']}",
                    messages.DASHBOARD_TOTAL,
                    messages.DASHBOARD_TOTAL_OF.format(name=name),
                    centre_name,
                    name,
                    commission_counts,
                    total_of=COMMISSION,
                )
            )
        lines.append(
            Line(
                CENTRE,
                f"total-centre-{first['centre_id']}",
                messages.DASHBOARD_TOTAL,
                messages.DASHBOARD_TOTAL_OF.format(name=centre_name),
                centre_name,
                "",
                centre_counts,
                total_of=CENTRE,
            )
        )
    overall = _added(_counts_of(row) for row in rows)
    lines.append(Line(TOTAL, "total", messages.DASHBOARD_TOTAL, messages.DASHBOARD_TOTAL_ALL, "", "", overall))
    return lines


def _text_cell(sheet, text: str):
    """A cell holding the text as text: a label starting with « = » is never taken for a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"
    return cell


def workbook(dashboard: Dashboard) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(messages.DASHBOARD_SHEET)
    if dashboard.campaign:
        sheet.append([messages.DASHBOARD_CAMPAIGN.format(campaign=dashboard.campaign)])
    sheet.append(["Centre", "Commission", "Code", "Libellé", *COUNTS.values()])
    for line in dashboard.lines:
        texts = [_text_cell(sheet, text) for text in (line.centre, line.commission, line.code, line.label)]
        sheet.append([*texts, *(line.counts[name] for name in COUNTS)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

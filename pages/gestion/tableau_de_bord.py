"""« Tableau de bord » (BACKOFFICE §4): the candidatures of the active campaign counted per centre, commission or
formation, with the totals of each group and the overall total (services/dashboard.py counts in SQL, within the
member's rights), a bar chart of the statuts or of the avis, and the XLSX of the table.

The table is the chart's text alternative: the chart is one image whose accessible name says so. The lines are
computed once per choice, off the event loop; the table pages through them without asking the database again.
"""

from __future__ import annotations

from typing import Any

from nicegui import run, ui

from components.data_table import Column, DataTable
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.dashboard import (
    AVIS_COUNTS,
    COMMISSION,
    COUNTS,
    FORMATION,
    STATUS_COUNTS,
    Dashboard,
)
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.paging import Page, TableQuery
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.attempt import attempt, failed
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/tableau-de-bord", messages.DASHBOARD_TITLE, "Candidatures", Action.VIEW_STATISTICS)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_LINES = 30  # bars beyond are in the table only
SHOWN_ON_PHONES = frozenset({"active", "avis_total", "confirmed"})
# Bars on white with a contrast of 3:1 at least (WCAG 1.4.11), each distinct from the next.
PALETTE = ["#1f4e99", "#b35900", "#2e7d32", "#8e24aa", "#c62828", "#00695c"]
# A group's total in bold (the row says it is a total; the value is text, never code).
TOTAL_CELL = """
<q-td :props="props" :class="props.row.total ? 'text-weight-bold' : ''">{{ props.value }}</q-td>
"""


def columns(level: str) -> list[Column]:
    named = [Column("code", "Code", nowrap=True, wide_only=True), Column("label", "Libellé")]
    if level == COMMISSION:  # a formation's centre is said by the totals after it, and its commission's name
        named.insert(0, Column("centre", "Centre", wide_only=True))
    if level == FORMATION:
        named.insert(0, Column("commission", "Commission", wide_only=True))
    counted = [
        Column(name, heading, align="right", wide_only=name not in SHOWN_ON_PHONES) for name, heading in COUNTS.items()
    ]
    return named + counted


def charted(dashboard: Dashboard) -> list:
    return [line for line in dashboard.chart_lines() if line.counts["active"] or line.counts["cancelled"]]


def chart_options(dashboard: Dashboard, kind: str) -> dict[str, Any]:
    """A stacked bar per line of the level having candidatures (the CHART_LINES first), one series per statut or
    per avis."""
    lines = charted(dashboard)[:CHART_LINES]
    names = STATUS_COUNTS if kind == "status" else AVIS_COUNTS
    return {
        "animation": False,
        "color": PALETTE,
        "tooltip": {"trigger": "axis", "renderMode": "richText"},  # drawn on the canvas: a label is never HTML
        "legend": {"type": "scroll", "top": 0},
        "grid": {"left": 24, "right": 8, "top": 40, "bottom": 8, "containLabel": True},
        "xAxis": {"type": "category", "data": [line.code or line.label for line in lines], "axisLabel": {"rotate": 30}},
        "yAxis": {"type": "value", "minInterval": 1},
        "series": [
            {"name": COUNTS[name], "type": "bar", "stack": "total", "data": [line.counts[name] for line in lines]}
            for name in names
        ],
    }


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    async def tableau_de_bord(actor: Actor) -> None:
        await DashboardScreen(platform, actor).load()


class DashboardScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.service = platform.dashboard
        self.actor = actor
        self.dashboard: Dashboard | None = None
        self.table: DataTable | None = None

    async def load(self) -> None:
        with ui.row().classes("w-full items-end gap-4"):
            self.level = (
                ui.select(messages.DASHBOARD_LEVELS, label=messages.DASHBOARD_LEVEL, value=FORMATION)
                .props("outlined dense")
                .classes("min-w-[12rem]")
                .mark("dashboard-level")
            )
            self.chart_kind = (
                ui.select(messages.DASHBOARD_CHARTS, label=messages.DASHBOARD_CHART, value="status")
                .props("outlined dense")
                .classes("min-w-[12rem]")
                .mark("dashboard-chart-kind")
            )
            self.inactive = ui.checkbox(messages.DASHBOARD_INACTIVE).mark("dashboard-inactive")
            ui.button(messages.DASHBOARD_DOWNLOAD, icon="download", on_click=self.download).props("no-caps").mark(
                "dashboard-download"
            )
        self.campaign = ui.label().classes("text-body1").mark("dashboard-campaign")
        self.chart = ui.echart({"series": []}).classes("w-full h-80").mark("dashboard-chart")
        self.chart.props["role"] = "img"
        self.chart_note = ui.label().classes("text-caption").mark("dashboard-chart-note")
        self.table_box = ui.column().classes("w-full")
        self.level.on_value_change(self.show)
        self.inactive.on_value_change(self.show)
        self.chart_kind.on_value_change(self.draw)
        await self.show()

    @property
    def caption(self) -> str:
        level = messages.DASHBOARD_LEVELS.get(self.level.value, "").lower()
        return messages.DASHBOARD_CAPTION.format(level=level)

    async def show(self) -> None:
        try:
            self.dashboard = await run.io_bound(
                self.service.dashboard, self.actor, self.level.value, inactive=bool(self.inactive.value)
            )
        except Refused as refused:
            failed(refused)
            return
        campaign = self.dashboard.campaign
        self.campaign.text = (
            messages.DASHBOARD_CAMPAIGN.format(campaign=campaign) if campaign else messages.DASHBOARD_NO_CAMPAIGN
        )
        self.draw()
        self.table_box.clear()
        with self.table_box:
            self.table = DataTable(
                columns(self.dashboard.level),
                self.fetch,
                caption=self.caption,
                search_box=False,
                rows_per_page=100,
                empty_text=messages.DASHBOARD_EMPTY,
                marker="dashboard-table",
            )
            for name in ("label", *COUNTS):
                self.table.table.add_slot(f"body-cell-{name}", TOTAL_CELL)

    def draw(self) -> None:
        if self.dashboard is None:
            return
        kind = self.chart_kind.value
        self.chart.options.clear()
        self.chart.options.update(chart_options(self.dashboard, kind))
        self.chart.update()
        self.chart.props["aria-label"] = messages.DASHBOARD_CHART_LABEL.format(
            chart=messages.DASHBOARD_CHARTS[kind].lower(), caption=self.caption
        )
        shown = len(charted(self.dashboard))
        self.chart_note.text = messages.DASHBOARD_CHART_FIRST.format(count=CHART_LINES) if shown > CHART_LINES else ""
        self.chart_note.set_visibility(shown > CHART_LINES)

    def fetch(self, query: TableQuery) -> Page[dict[str, Any]]:
        """The page asked of the lines computed (called off the event loop by the table)."""
        rows = [line.row() for line in self.dashboard.lines] if self.dashboard else []
        size = query.rows_per_page
        last = max(1, -(-len(rows) // size))
        page = min(query.page, last)
        return Page(rows[(page - 1) * size : page * size], len(rows), page)

    async def download(self) -> None:
        level = self.level.value
        data = await attempt(run.io_bound(self.service.workbook, self.actor, level, inactive=bool(self.inactive.value)))
        if data:
            ui.download.content(data, messages.DASHBOARD_FILE.format(level=level), XLSX)

"""axe-core (npm, node_modules/axe-core) run inside a page: the WCAG 2.0 and 2.1 A and AA rules, and axe's
best practices (reported, never blocking)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

from tests.e2e.app_process import ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BEST_PRACTICE = "best-practice"
BLOCKING = {"serious", "critical"}


@dataclass(frozen=True)
class Violation:
    page: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]
    html: tuple[str, ...]
    summary: str
    wcag: bool

    @property
    def blocking(self) -> bool:
        """A serious or critical violation of a WCAG 2.0/2.1 A or AA rule."""
        return self.wcag and self.impact in BLOCKING

    @property
    def key(self) -> tuple:
        return self.rule, self.impact, self.wcag


def axe_installed() -> bool:
    return Path(AXE_SCRIPT).is_file()


def audit(page: Page, name: str) -> list[Violation]:
    """Every violation of the page as it is now (one per rule and page)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: the platform's Content-Security-Policy refuses an injected
        # <script>, as it should, and the audit runs under that very policy.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    results = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        [*WCAG_TAGS, BEST_PRACTICE],
    )
    return [
        Violation(
            page=name,
            rule=violation["id"],
            impact=violation.get("impact") or "unknown",
            help=violation["help"],
            targets=tuple(" ".join(map(str, node["target"])) for node in violation["nodes"]),
            html=tuple(_short(node.get("html", "")) for node in violation["nodes"]),
            summary=" ".join((violation["nodes"][0].get("failureSummary") or "").split())[:400],
            wcag=bool(set(violation["tags"]) & set(WCAG_TAGS)),
        )
        for violation in results["violations"]
    ]


def report(violations: list[Violation]) -> str:
    """One paragraph per rule: the pages where it is broken, the elements on the first of them."""
    pages: dict[tuple, list[str]] = defaultdict(list)
    first: dict[tuple, Violation] = {}
    for violation in violations:
        pages[violation.key].append(violation.page)
        first.setdefault(violation.key, violation)
    lines = []
    for key, violation in first.items():
        kind = "WCAG" if violation.wcag else "best practice"
        lines.append(f"[{violation.impact}, {kind}] {violation.rule}: {violation.help}")
        lines.append(f"    on {', '.join(pages[key])}")
        lines += [f"    at {target}: {html}" for target, html in zip(violation.targets, violation.html, strict=True)]
        if violation.summary:
            lines.append(f"    {violation.summary}")
    return "\n".join(lines)


def _short(html: str, limit: int = 160) -> str:
    html = " ".join(html.split())
    return html if len(html) <= limit else html[: limit - 1] + "…"

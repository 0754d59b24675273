"""The formations of a centre in the offer, as ONE element whose rows are data (a Quasar table in grid mode with
a fixed template): a centre of 100 formations is one element to build, send and collect instead of ~800.

Each row is a type of diploma's heading or a formation: its title (a link to its page), its dates and mode, its
window (« Candidatures ouvertes »…), and « Candidater » or « Déjà candidaté ». Texts are shown by Vue's {{ }}
(escaped), addresses and names bound to attributes: nothing in the template is built from data. « Candidater »
emits `apply` with the formation's id.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from nicegui import ui

from ecandidat_ui import messages

WINDOW_COLOURS = {"open": "text-green-9", "future": "text-blue-10", "closed": "text-grey-8"}  # as in the template
ITEM = r"""
<div class="col-12">
  <div v-if="props.row.heading" class="text-subtitle2 text-primary q-pt-sm q-px-sm"
       role="heading" aria-level="2">{{ props.row.heading }}</div>
  <div v-else class="row items-center no-wrap q-px-md q-py-sm offer-line">
    <div class="col">
      <div class="text-body1 text-bold">
        <a :href="props.row.page" class="text-primary">{{ props.row.label }}</a>
      </div>
      <div class="text-caption text-grey-9">{{ props.row.dates }}</div>
      <div class="text-caption text-bold"
           :class="{'text-green-9': props.row.window === 'open', 'text-blue-10': props.row.window === 'future',
                    'text-grey-8': props.row.window === 'closed'}">{{ props.row.window_text }}</div>
    </div>
    <div v-if="props.row.candidature" class="q-pl-md">
      <a :href="props.row.candidature" class="text-bold text-primary"
         :aria-label="props.row.candidature_name">{{ props.row.candidature_text }}</a>
    </div>
    <div v-else-if="props.row.open" class="q-pl-md">
      <q-btn outline no-caps color="primary" icon="how_to_reg" :label="props.row.apply_text"
             :aria-label="props.row.apply_name"
             @click="() => $parent.$emit('apply', props.row.id)" />
    </div>
  </div>
</div>
"""
CSS = ".offer-line { border-top: 1px solid #e0e0e0; }"


@dataclass(frozen=True)
class OfferLine:
    """A formation as its line shows it."""

    id: int
    label: str
    page: str  # its own page
    dates: str  # « Du 01/03/2027 au 30/04/2027 · dossier dématérialisé »
    window: str  # a key of messages.OFFER_WINDOWS
    open: bool
    candidature: str = ""  # the candidate's candidature to it, if any


def offer_list(groups: list[tuple[str, list[OfferLine]]], on_apply: Callable[[int], Awaitable[None]]) -> ui.table:
    """One table for the groups (type of diploma → its formations)."""
    rows: list[dict[str, object]] = []
    windows = messages.OFFER_WINDOWS
    for heading, lines in groups:
        rows.append({"key": f"h{len(rows)}", "heading": heading})
        rows += [
            {
                "key": f"f{line.id}",
                "id": line.id,
                "label": line.label,
                "page": line.page,
                "dates": line.dates,
                "window": line.window,
                "window_text": windows[line.window],
                "open": line.open,
                "candidature": line.candidature,
                "candidature_text": messages.OFFER_ALREADY_APPLIED,
                "candidature_name": messages.OFFER_SEE_CANDIDATURE.format(label=line.label),
                "apply_text": messages.APPLY,
                "apply_name": messages.APPLY_TO.format(formation=line.label),
            }
            for line in lines
        ]
    ui.add_css(CSS)
    table = ui.table(columns=[{"name": "label", "label": "", "field": "label"}], rows=rows, row_key="key")
    table.props("grid flat hide-header hide-bottom :rows-per-page-options=[0]").classes("w-full")
    table.props["pagination"] = {"rowsPerPage": 0}
    table.add_slot("item", ITEM)
    known = {line.id for _, lines in groups for line in lines if line.open and not line.candidature}

    async def apply(event) -> None:
        if event.args in known:  # an id this list offered, nothing else a browser could send
            await on_apply(event.args)

    table.on("apply", apply)
    return table


def window_label(element, window: str) -> ui.element:
    """« Candidatures ouvertes », « à venir » or « closes » in its colour, as an element of its own (a
    formation's page)."""
    return element(messages.OFFER_WINDOWS[window]).classes("text-bold").classes(WINDOW_COLOURS[window])

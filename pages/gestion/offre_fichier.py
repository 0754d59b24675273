"""« Offre en fichier » (Offre de formation): download the offer as YAML (the format of `import-offer`), send back
a YAML or CSV file — checked as a whole first, its problems listed with their lines — then apply it at once."""

from __future__ import annotations

from nicegui import events, run, ui

from components.confirm import confirm
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.errors import Refused
from ecandidat_ui.services.offer_file import MAX_BYTES, OfferCheck
from ecandidat_ui.services.rights import Action, Actor
from pages.gestion.setup_screen import failed, run_action
from pages.gestion.shell import Screen, gestion_screen

SCREEN = Screen("/gestion/offre-fichier", "Offre en fichier", "Offre de formation", Action.IMPORT_OFFER)
FILE_NAME = "offre-formation.yaml"


def register(platform: Platform) -> None:
    @gestion_screen(platform, SCREEN)
    def offer_file(actor: Actor) -> None:
        OfferFileScreen(platform, actor)


class OfferFileScreen:
    def __init__(self, platform: Platform, actor: Actor) -> None:
        self.platform, self.actor = platform, actor
        self.sent: tuple[str, bytes] | None = None  # the file checked, waiting to be applied
        ui.label(messages.OFFER_FILE_INTRO).classes("text-body1 max-w-[60rem]")
        with ui.row().classes("gap-2 items-center"):
            ui.button("Télécharger l'offre (YAML)", icon="download", on_click=self.download).props("no-caps").mark(
                "offer-download"
            )
            self.upload = (
                ui.upload(
                    auto_upload=True,
                    max_file_size=MAX_BYTES,
                    on_upload=self.received,
                    on_rejected=lambda: self.show_refusal(messages.OFFER_FILE_TOO_BIG),
                )
                .props('accept=".yaml,.yml,.csv,text/yaml,text/csv"')
                .classes("hidden")  # Quasar's own button has no name: a labelled button opens the file chooser
                .mark("offer-upload")
            )
            choose = ui.button("Envoyer un fichier (YAML ou CSV)", icon="upload_file")
            choose.on_click(lambda: self.upload.run_method("pickFiles"))
            choose.props("outline no-caps").mark("offer-choose")
        self.result = ui.column().classes("w-full gap-2").props('aria-live="polite"').mark("offer-result")

    async def download(self) -> None:
        try:
            text = await run.io_bound(self.platform.offer_file.export, self.actor)
        except Refused as refused:
            failed(refused)
            return
        ui.download.content(text.encode(), FILE_NAME, "application/yaml")

    async def received(self, event: events.UploadEventArguments) -> None:
        name = event.file.name
        if event.file.size() > MAX_BYTES:  # the browser's limit is only a courtesy
            data = b"x" * (MAX_BYTES + 1)  # let the service refuse it with its message, unread
        else:
            data = await event.file.read()
        self.upload.reset()
        self.sent = None
        try:
            checked = await run.io_bound(self.platform.offer_file.check, self.actor, name, data)
        except Refused as refused:
            self.show_refusal(refused.message)
            return
        if checked.ok:
            self.sent = (name, data)
        self.show(name, checked)

    def show_refusal(self, text: str) -> None:
        self.result.clear()
        with self.result:
            ui.label(text).classes("text-negative text-body1").props('role="alert"').mark("offer-refused")

    def show(self, name: str, checked: OfferCheck, *, applied: bool = False) -> None:
        self.result.clear()
        with self.result:
            ui.label(name).classes("text-subtitle1 text-bold").props('role="heading" aria-level="2"')
            if not checked.ok:
                ui.label(messages.OFFER_FILE_PROBLEMS).classes("text-negative text-body1").props('role="alert"')
                with ui.element("ul").classes("list-disc pl-6").mark("offer-problems"):
                    for problem in checked.problems:
                        with ui.element("li"):
                            ui.label(problem).classes("text-body2")
                return
            counts = {"centres": checked.centres, "formations": checked.formations}
            if applied:
                ui.label(messages.OFFER_FILE_APPLIED.format(**counts)).classes("text-positive text-body1").mark(
                    "offer-applied"
                )
                return
            ui.label(messages.OFFER_FILE_READY.format(**counts)).classes("text-body1").mark("offer-ready")
            ui.button("Appliquer le fichier", icon="check", on_click=self.apply).mark("offer-apply")

    async def apply(self) -> None:
        if self.sent is None:
            return
        name, data = self.sent
        if not await confirm(messages.OFFER_FILE_CONFIRM.format(name=name), yes="Appliquer", no="Annuler"):
            return
        outcome: list[OfferCheck] = []

        def apply_file() -> None:
            outcome.append(self.platform.offer_file.apply(self.actor, name, data))

        if await run_action(apply_file):
            self.sent = None
            self.show(name, outcome[0], applied=outcome[0].ok)

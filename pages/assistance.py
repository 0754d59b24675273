from nicegui import run, ui

from components.staff_markdown import staff_markdown
from ecandidat_ui import messages
from ecandidat_ui.platform import Platform
from ecandidat_ui.services.faq import FaqItem
from pages.layout import file_statuses, page_frame


def register(platform: Platform) -> None:
    @ui.page("/assistance")
    async def assistance_page() -> None:
        values = await run.io_bound(platform.parameters.current)
        questions = await run.io_bound(platform.faq.public)
        account = platform.session_cookie.account()
        statuses = await file_statuses(platform, account)
        with page_frame(platform, messages.ASSISTANCE, "/assistance", account, statuses=statuses):
            if questions:
                _questions(questions)
            with ui.card().classes("w-full p-4 sm:p-6 gap-3"):
                ui.label(messages.FILE_VOUS_POUVEZ).classes("text-body1")
                with ui.list().classes("w-full"):
                    if values.faq_url:
                        _link("quiz", messages.FILE_CONSULTER_LA_FAQ, values.faq_url)
                    if values.documentation_url:
                        _link("description", messages.FILE_CONSULTER_LA_DOCUMENTATION, values.documentation_url)
                    _link(
                        "mail",
                        messages.WRITE_TO_CONTACT.format(mail=values.contact_mail),
                        f"mailto:{values.contact_mail}",
                    )
                    _link("shield", messages.PRIVACY_LINK, "/donnees-personnelles")


def _questions(questions: list[FaqItem]) -> None:
    with ui.card().classes("w-full p-4 sm:p-6 gap-2").props('role="region" aria-labelledby="faq-titre"'):
        ui.label(messages.FAQ_TITLE).classes("text-h6").props('role="heading" aria-level="2" id="faq-titre"')
        for item in questions:
            with (
                ui.expansion(item.question, icon="help_outline")
                .classes("w-full border border-gray-300 rounded")
                .props("dense-toggle header-class=text-body1")
                .mark(f"faq-{item.id}")
            ):
                staff_markdown(item.answer).classes("px-4 pb-2")


def _link(icon: str, text: str, target: str) -> None:
    with ui.item().classes("w-full"):
        with ui.item_section().props("avatar"):
            ui.icon(icon, color="primary").props('aria-hidden="true"')
        with ui.item_section():
            ui.link(text, target, new_tab=target.startswith("http")).classes("text-primary text-body1")

from datetime import date

from nicegui import run, ui

from components.account_dialogs import account_dialog, password_dialog
from components.banner import banner
from components.candidature_cards import candidature_cards
from components.staff_markdown import staff_markdown
from ecandidat_ui import language, messages, security
from ecandidat_ui.platform import Platform
from ecandidat_ui.services import candidate_dashboard
from ecandidat_ui.services.candidate_dashboard import Card
from ecandidat_ui.services.candidate_file import REQUIRED_TABS, Tab, TabStatus, missing_required
from ecandidat_ui.web_session import SignedIn
from pages.connection_cards import connection_cards
from pages.layout import account_pages, file_statuses, page_frame

INFOS = {
    "mail_changed": messages.MAIL_CHANGED,
    "signed_out": messages.SIGNED_OUT,
    "account_deleted": messages.PRIVACY_DELETED,
}


def register(platform: Platform) -> None:
    @ui.page("/")
    async def home_page(info: str = "") -> None:
        me = platform.session_cookie.signed_in()
        account = me.account if me else None
        statuses = await file_statuses(platform, account)
        cards = (
            await run.io_bound(candidate_dashboard.cards, platform.candidatures, account.id, date.today()) if me else []
        )
        with page_frame(platform, messages.HOME, "/", account, statuses=statuses):
            if info in INFOS:
                banner(language.translate(INFOS[info]), "info")
            if platform.campaigns.active() is None:
                banner(messages.NO_ACTIVE_CAMPAIGN, "warning")
            with ui.card().classes("w-full p-4 sm:p-6").props('role="region"') as region:
                region.props["aria-label"] = messages.HOME_MESSAGE_REGION
                staff_markdown(platform.site_messages.home())
            if me is None:
                connection_cards(platform)
            else:
                _signed_in(platform, me, statuses, cards)


def _signed_in(platform: Platform, me: SignedIn, statuses: dict[Tab, TabStatus], cards: list[Card]) -> None:
    account = me.account
    with ui.card().classes("w-full p-4 sm:p-6 gap-2"):
        ui.label(messages.WELCOME.format(name=account.display_name)).classes("text-h6").mark("welcome")
        ui.label(messages.CONNECTED_AS.format(login=account.login)).classes("text-body1").mark("connected-as")
        ui.label(messages.CHOOSE_IN_MENU).classes("text-body2 text-grey-9 gt-sm")  # the menu shown at the left
        ui.label(messages.CHOOSE_IN_MENU_PHONE).classes("text-body2 text-grey-9 lt-md")  # the menu behind ☰
        with ui.row().classes("gap-2 pt-2"):
            ui.button(
                messages.CHANGE_ACCOUNT,
                icon="manage_accounts",
                on_click=lambda: _edit_account(platform, me),
            ).props("outline").mark("edit-account")
            ui.button(
                messages.CHANGE_PASSWORD,
                icon="password",
                on_click=lambda: _change_password(platform, me.session_id),
            ).props("outline").mark("change-password")
    _file_progress(statuses)
    candidature_cards(cards)
    institution, contact = platform.settings.institution_name, platform.parameters.current().contact_mail
    with ui.expansion(messages.DATA_PROTECTION_TITLE, icon="shield").classes("w-full bg-white"):
        ui.label(messages.DATA_PROTECTION.format(etablissement=institution, contact=contact)).classes("text-body2 p-2")
        ui.link(messages.PRIVACY_LINK, "/donnees-personnelles").classes("text-primary text-body2 p-2").mark(
            "privacy-link"
        )


def _file_progress(statuses: dict[Tab, TabStatus]) -> None:
    """How far the required part of the file is, with a link to each tab still to fill."""
    missing = missing_required(statuses)
    done = len(REQUIRED_TABS) - len(missing)
    with ui.card().classes("w-full p-4 sm:p-6 gap-2").props('role="region"').mark("file-progress") as card:
        card.props["aria-label"] = messages.MY_FILE
        ui.label(messages.MY_FILE).classes("text-h6").props('role="heading" aria-level="2"')
        progress = ui.linear_progress(value=done / len(REQUIRED_TABS), show_value=False).props("color=positive")
        progress.props["aria-label"] = messages.TABS_DONE_LABEL.format(done=done, total=len(REQUIRED_TABS))
        if not missing:
            ui.label(messages.FILE_COMPLETE).classes("text-body1")
            return
        labels = {entry.path.rsplit("/", 1)[1]: entry for entry in account_pages()}
        ui.label(
            messages.REQUIRED_TABS.format(
                count=len(REQUIRED_TABS), tabs=", ".join(labels[tab].label for tab in REQUIRED_TABS)
            )
        ).classes("text-body1")
        ui.label(messages.REQUIRED_TABS_WHY).classes("text-body2 text-grey-9").mark("required-tabs-why")
        ui.label(messages.TABS_DONE.format(done=done, total=len(REQUIRED_TABS))).classes("text-body2")
        with ui.row().classes("gap-2"):
            for tab in missing:
                ui.link(labels[tab].label, labels[tab].path).classes("text-primary text-body1").mark(f"missing-{tab}")


def _edit_account(platform: Platform, me: SignedIn) -> None:
    account = platform.accounts.account(me.account.id)

    async def save(values: dict[str, str]) -> str | None:
        mail_changed = await run.io_bound(
            platform.accounts.update_identity,
            me.session_id,
            values["last_name"],
            values["first_name"],
            values["mail"],
            values["mail_confirmation"],
        )
        if mail_changed:  # every session of the account has ended: the cookie goes too
            platform.session_cookie.sign_out("/?info=mail_changed")
            return None
        ui.navigate.reload()
        return messages.ACCOUNT_UPDATED

    values = {"last_name": account.last_name, "first_name": account.first_name, "mail": account.mail}
    account_dialog(messages.CHANGE_ACCOUNT, save, values=values).open()


def _change_password(platform: Platform, actor: str) -> None:
    async def save(values: dict[str, str]) -> str:
        await run.io_bound(
            platform.accounts.change_password,
            actor,
            values["current"],
            values["password"],
            values["confirmation"],
        )
        return messages.PASSWORD_CHANGED

    password_dialog(save, security.password_strength).open()

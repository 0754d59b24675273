"""The gallery's entries (pages/gallery.py, `python main.py --galerie`): one small function per component and
state, registered with @entry. The gallery shows each function's own source beside what it builds, so what a
developer reads is exactly what runs. A component of components/ without an entry fails
tests/ui/test_gallery.py: add one here (copy a neighbour) when you add a component."""

from __future__ import annotations

import asyncio
import time
import types
from collections.abc import Callable
from dataclasses import dataclass

from nicegui import ui

from components.account_dialogs import FormDialog, account_dialog, deletion_dialog, mail_dialog, password_dialog
from components.app_menu import AppMenu
from components.banner import banner
from components.bulk_result import show_bulk_result
from components.candidature_cards import candidature_cards
from components.candidature_notes import AvisRow, NoteRow, add_note_styles, avis_history, note_list
from components.column_chooser import ColumnChooser
from components.confirm import confirm
from components.data_table import Column, DataTable, RowAction, count_text
from components.editor_dialog import EditorDialog
from components.entry_list import EntryView, entry_list
from components.error_notice import error_notice
from components.file_form import FieldSpec, FileForm
from components.file_progress import TabLink, badge, tab_strip
from components.form import FormFields
from components.frame import FrameModel, MenuEntry, frame
from components.gestion_frame import GestionFrameModel, MenuLink, MenuSection, gestion_frame
from components.journal_view import JournalFilters, changes_dialog
from components.login_card import LoginCard, student_card
from components.mail_editor import MailDraft, MailEditor
from components.markdown_editor import markdown_editor
from components.missing_dialog import show_missing
from components.modal import Modal
from components.model_file import ModelFileBox
from components.offer_list import OfferLine, offer_list, window_label
from components.parameter_editor import ParameterField, parameter_editor
from components.password_fields import new_password_fields
from components.piece_upload import piece_card
from components.progress_dialog import ProgressDialog
from components.second_factor import grouped, qr_data_uri, recovery_codes, totp_enrolment
from components.setup_form import Field, Section, SetupDialog, SetupForm
from components.signature_image import SignatureImage
from components.staff_login_card import StaffLoginCard, cas_card
from components.staff_markdown import maintenance_notice, staff_markdown
from components.staff_member_panel import GrantLine, MemberPanel, MemberState, ScopeChoices, member_dialog
from components.tag_chip import add_styles, recolour, tag_chip
from components.view_bar import ViewBar
from ecandidat_ui.services.asked_setup import ModelFile
from ecandidat_ui.services.candidate_dashboard import Card
from ecandidat_ui.services.errors import InvalidInput
from ecandidat_ui.services.mail_texts import MailPreview
from ecandidat_ui.services.paging import Page, TableQuery
from ecandidat_ui.services.setup_access import BulkResult, RefusedRow

# A long French text: what a real libellé, comment or message may be, to see how a component wraps it
LONG = (
    "Master Mention Sciences de l'éducation, parcours « Ingénierie de la formation et des compétences "
    "professionnelles », ouvert en formation continue et en alternance sur les sites de Cergy et de Gennevilliers"
)

# What components/ exports that is not a component of its own: said here, with the reason, rather than shown
NOT_SHOWN = {
    "components.frame.apply_theme": "réglage de l'application, appelé une fois par main.py",
    "components.stored_file.StoredFileBox": "base de ModelFileBox et SignatureImage, montrées ci-dessous",
    "components.file_progress.badge_props": "les données d'un badge pour app_menu et tab_strip, montrés ci-dessous",
}


@dataclass(frozen=True)
class Entry:
    component: str  # the name shown, e.g. « banner »
    state: str  # « rempli », « vide », « erreur à un champ », « désactivé », « chargement », « texte long »
    build: Callable[[], object]
    page: bool = False  # builds a whole page (header, menu): shown at its own address, /galerie/page/<key>

    @property
    def key(self) -> str:
        return self.build.__name__


ENTRIES: list[Entry] = []


def entry(component: str, state: str, *, page: bool = False) -> Callable[[Callable], Callable]:
    def register(build: Callable) -> Callable:
        ENTRIES.append(Entry(component, state, build, page))
        return build

    return register


def components_used(build: Callable) -> set[object]:
    """The objects of components/ the entry's code names (its nested functions included)."""
    names: set[str] = set()
    codes = [build.__code__]
    while codes:
        code = codes.pop()
        names.update(code.co_names)
        codes.extend(const for const in code.co_consts if isinstance(const, types.CodeType))
    found = [build.__globals__.get(name) for name in names]
    return {obj for obj in found if str(getattr(obj, "__module__", "")).startswith("components.")}


async def _saved(values: dict) -> str:
    ui.notify(f"Enregistré : {values}")
    return "Enregistré."


async def _nothing(*_args) -> None:
    return None


def _strength(password: str) -> int:
    return min(4, len(password) // 3)


# --- messages and notices ---------------------------------------------------------------------------------------


@entry("banner", "information")
def banner_info():
    banner("Les candidatures ouvrent le 15 mars 2026.", "info")


@entry("banner", "avertissement, texte long")
def banner_long():
    banner(LONG, "warning")


@entry("error_notice", "erreur avec référence")
def error_notice_reference():
    error_notice("Une erreur inattendue est survenue.", reference="a1b2c3d4")


@entry("staff_markdown", "rempli")
def staff_markdown_filled():
    staff_markdown("**Attention** : les dossiers *incomplets* ne sont pas étudiés.\n\n- CV\n- Lettre de motivation")


@entry("maintenance_notice", "rempli")
def maintenance_filled():
    maintenance_notice("La plateforme sera **interrompue** samedi de 8 h à 10 h.")


@entry("tag_chip", "les couleurs, recolorer")
def tag_chips():
    add_styles()
    with ui.row():
        for colour in ("bleu", "vert", "rouge", "orange", "gris"):
            tag_chip(f"Étiquette {colour}", colour)
        chip = tag_chip("Cliquez le bouton", "bleu")
    ui.button("Recolorer en violet", on_click=lambda: recolour(chip, "violet"))


@entry("badge", "les trois statuts")
def badges():
    for status in ("complete", "to_complete", "optional"):
        badge(status)


# --- candidate screens ------------------------------------------------------------------------------------------


@entry("app_menu", "candidat connecté, badges")
def app_menu_signed_in():
    with ui.card().classes("w-72 p-0"):
        AppMenu(
            [MenuEntry("Accueil", "/", "home"), MenuEntry("Offre de formation", "/offre", "menu_book")],
            "/compte/adresse",
            account_entries=[
                MenuEntry("Informations perso.", "/compte/informations-perso", "person", status="complete"),
                MenuEntry("Adresse", "/compte/adresse", "home", status="to_complete"),
                MenuEntry("Stages", "/compte/stages", "work_outline", status="optional"),
            ],
            on_sign_out=lambda: ui.notify("Déconnexion"),
        )


@entry("modal", "ouvert, supprimé à la fermeture")
def modal_opened():
    def open_modal() -> None:
        with Modal() as dialog, ui.card().classes("gap-3 p-4"):
            ui.label("Une fenêtre construite à l'ouverture, supprimée à la fermeture.")
            ui.button("Fermer", on_click=dialog.close).props("flat")
        dialog.open()

    ui.button("Ouvrir la fenêtre", on_click=open_modal)


@entry("tab_strip", "rempli")
def tab_strip_filled():
    tab_strip(
        [
            TabLink("Informations personnelles", "/compte/infos", "complete"),
            TabLink("Adresse", "/compte/adresse", "to_complete"),
            TabLink("Expériences professionnelles", "/compte/experiences-pro", "optional"),
        ],
        "/compte/adresse",
    )


@entry("entry_list", "vide")
def entry_list_empty():
    entry_list(
        [],
        add_label="Ajouter une expérience",
        empty_text="Vous n'avez saisi aucune expérience professionnelle.",
        on_add=lambda: ui.notify("Ajouter"),
        on_edit=print,
        on_delete=print,
    )


@entry("entry_list", "rempli")
def entry_list_filled():
    entry_list(
        [EntryView(1, "2024 · Stage chez Dupont", ["6 mois", "Mairie de Cergy"]), EntryView(2, LONG, [LONG])],
        add_label="Ajouter une expérience",
        empty_text="",
        on_add=lambda: ui.notify("Ajouter"),
        on_edit=lambda entry_id: ui.notify(f"Modifier {entry_id}"),
        on_delete=lambda entry_id: ui.notify(f"Supprimer {entry_id}"),
    )


@entry("entry_list", "désactivé (lecture seule)")
def entry_list_read_only():
    entry_list(
        [EntryView(1, "2024 · Stage chez Dupont", ["6 mois"])],
        add_label="Ajouter une expérience",
        empty_text="",
        on_add=print,
        on_edit=print,
        on_delete=print,
        read_only=True,
    )


FIELDS = [
    FieldSpec("title", "Intitulé *", max_length=200, hint="Tel qu'il figure sur le diplôme"),
    FieldSpec("year", "Année *", "select", options={"2024": "2024", "2025": "2025"}),
    FieldSpec("kind", "Type", "radio", options={"stage": "Stage", "emploi": "Emploi"}),
    FieldSpec("start", "Début", "date"),
    FieldSpec("detail", "Détail", "textarea", max_length=500),
]


@entry("FileForm", "vide")
def file_form_empty():
    FileForm(FIELDS, {})


@entry("FileForm", "rempli, texte long")
def file_form_filled():
    FileForm(FIELDS, {"title": LONG, "year": "2024", "kind": "stage", "start": "2024-09-01", "detail": LONG})


@entry("FileForm", "erreur à un champ")
def file_form_error():
    form = FileForm(FIELDS, {"title": "", "year": "2025"})
    form.show_errors({"title": "Indiquez l'intitulé.", "start": "La date doit être passée."})


@entry("FileForm", "désactivé (champ verrouillé)")
def file_form_locked():
    FileForm(
        [FieldSpec("ine", "INE", locked=True), FieldSpec("mail", "Mail", autocomplete="email")],
        {"ine": "123456789AB", "mail": "camille.martin@example.org"},
        locked_hint="Connu de l'établissement : à corriger auprès de la scolarité.",
    )


@entry("piece_card", "en attente")
def piece_waiting():
    piece_card(
        piece_id=1,
        label="Curriculum vitae",
        status="En attente",
        file_name=None,
        file_url=None,
        common=False,
        conditional=False,
        not_concerned=False,
        editable=True,
        hint="PDF, 10 Mo au plus",
        max_bytes=10_000_000,
        on_file=_nothing,
        on_not_concerned=_nothing,
    )


@entry("piece_card", "refusée, texte long, désactivé")
def piece_refused():
    piece_card(
        piece_id=2,
        label=LONG,
        status="Refusée",
        file_name="releve-de-notes-licence-3.pdf",
        file_url="/fichier",
        common=True,
        conditional=True,
        not_concerned=False,
        editable=False,
        hint="",
        max_bytes=10_000_000,
        on_file=_nothing,
        on_not_concerned=_nothing,
        review_comment="Le relevé du second semestre manque.",
    )


@entry("candidature_cards", "vide")
def cards_empty():
    candidature_cards([])


@entry("candidature_cards", "remplies")
def cards_filled():
    candidature_cards(
        [
            Card(1, "Master Informatique", "En cours", "2 pièces manquantes", "Date limite : 18/12/2026", "", True),
            Card(2, LONG, "Favorable", "", "", "Confirmer votre candidature", False),
        ]
    )


@entry("offer_list", "rempli")
def offer_list_filled():
    offer_list(
        [
            (
                "Master",
                [
                    OfferLine(1, "Master Informatique", "/formation/1", "du 01/03 au 30/04", "open", True),
                    OfferLine(2, LONG, "/formation/2", "du 01/06 au 30/06", "future", False),
                ],
            )
        ],
        on_apply=lambda line_id: _nothing(line_id),
    )


@entry("window_label", "les trois périodes")
def window_labels():
    for window in ("open", "future", "closed"):
        window_label(ui.label, window)


# --- sign-in and account ----------------------------------------------------------------------------------------


@entry("LoginCard", "vide")
def login_card_empty():
    student_card("l'Université Esup", "/cas")
    LoginCard("l'Université Esup", _nothing, print, print, print)


@entry("StaffLoginCard", "vide")
def staff_login_empty():
    cas_card(lambda: ui.notify("CAS"))
    StaffLoginCard(_nothing)


@entry("FormFields", "rempli, erreur à un champ")
def form_fields_error():
    form = FormFields()
    form.text("last_name", "Nom *", max_length=100, autocomplete="family-name", value="Martin")
    form.text("mail", "Mail *", max_length=200, kind="email", autocomplete="email", value="camille@")
    new_password_fields(form, _strength)
    form.show_errors({"mail": "Adresse mail invalide."})


@entry("totp_enrolment", "rempli")
def totp_filled():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40"/></svg>'
    ui.label(f"Secret groupé : {grouped('JBSWY3DPEHPK3PXP')}")
    ui.label(f"Image : {qr_data_uri(svg)[:30]}…")
    totp_enrolment(FormFields(), svg, "JBSWY3DPEHPK3PXP")


@entry("recovery_codes", "rempli")
def recovery_filled():
    recovery_codes(["abcd-efgh", "ijkl-mnop", "qrst-uvwx"])


@entry("account_dialog", "dialogue")
def account_dialogs():
    ui.button("Créer un compte", on_click=lambda: account_dialog("Créer un compte", _saved).open())
    ui.button("Changer de mail", on_click=lambda: mail_dialog("Changer de mail", LONG, _saved).open())
    ui.button("Changer de mot de passe", on_click=lambda: password_dialog(_saved, _strength).open())
    ui.button("Supprimer le compte", on_click=lambda: deletion_dialog("cmartin", _saved).open())


@entry("FormDialog", "erreur à un champ")
def form_dialog_error():
    async def refuse(values: dict) -> str:
        raise InvalidInput({"name": "Ce nom est déjà pris."})

    def open_dialog():
        dialog = FormDialog("Renommer", refuse, intro="Le nouveau nom de la vue.")
        with dialog.body:
            dialog.form.text("name", "Nom *", max_length=50, value="Ma vue")
        dialog.open()

    ui.button("Ouvrir puis enregistrer", on_click=open_dialog)


# --- dialogs ----------------------------------------------------------------------------------------------------


@entry("confirm", "dialogue")
def confirm_dialog():
    async def ask():
        answer = await confirm("Supprimer cette expérience ?", yes="Supprimer", no="Garder", danger=True)
        ui.notify(f"Réponse : {answer}")

    ui.button("Demander", on_click=ask)


@entry("show_missing", "dialogue")
def missing_dialog():
    missing = [("CV", "/compte/pieces"), ("Adresse", "/compte/adresse")]
    ui.button("Ce qui manque", on_click=lambda: show_missing("Dossier incomplet", "Il manque :", missing))


@entry("show_bulk_result", "dialogue")
def bulk_result():
    result = BulkResult(changed=[1, 2], refused=[RefusedRow(3, "M1-INFO — Master Informatique", "déjà ouverte")])
    ui.button("Résultat", on_click=lambda: show_bulk_result("Ouvrir", "ouvertes", "refusées", result))


@entry("EditorDialog", "dialogue large")
def editor_dialog():
    def open_dialog():
        dialog = EditorDialog("Modifier la formation", _saved, intro=LONG, wide=True)
        with dialog.body:
            dialog.form.text("label", "Libellé *", max_length=200, value=LONG)
        with dialog.aside:
            ui.label("Aperçu à côté du formulaire")
        dialog.open()

    ui.button("Modifier", on_click=open_dialog)


@entry("markdown_editor", "dialogue")
def markdown_dialog():
    def open_dialog():
        dialog = markdown_editor(
            "Message d'accueil", _saved, name="text", label="Texte", text="**Bienvenue**", max_length=2000
        )
        dialog.open()

    ui.button("Modifier le message", on_click=open_dialog)


@entry("parameter_editor", "dialogue")
def parameter_dialog():
    field = ParameterField("max", "Candidatures au plus", "Par candidat et par campagne.", "integer", 5, "5", 1, 50)

    async def reset() -> object:
        return 5

    ui.button("Modifier", on_click=lambda: parameter_editor(field, on_save=_saved, on_reset=reset).open())


@entry("ProgressDialog", "chargement puis fini")
def progress_dialog():
    async def start():
        for done in range(1, 4):
            dialog.progress(done, 3, f"Dossier {done} sur 3")
            await asyncio.sleep(0.5)
        dialog.finished("Export prêt.", "/fichier", "Télécharger")

    dialog = ProgressDialog("Exporter", "Les dossiers en PDF.", start_label="Commencer", on_start=start)
    ui.button("Exporter", on_click=dialog.open)


@entry("changes_dialog", "dialogue")
def changes():
    lines = [("Libellé", "Master Info", "Master Informatique"), ("Capacité", "20", "25")]
    ui.button("Voir les changements", on_click=lambda: changes_dialog("Formation M1-INFO", lines))


@entry("SetupDialog", "dialogue")
def setup_dialog():
    sections = [Section("Formation", [Field("code", "Code *", max_length=20), Field("label", "Libellé *")])]
    ui.button("Nouvelle formation", on_click=lambda: SetupDialog("Nouvelle formation", sections, {}, _saved).open())


@entry("member_dialog", "dialogue")
def member_form():
    values = {"last_name": "Martin", "first_name": "Camille", "mail": "c.martin@example.org"}
    ui.button("Modifier le membre", on_click=lambda: member_dialog("Modifier", _saved, values).open())


# --- gestion ----------------------------------------------------------------------------------------------------


def _formations(query: TableQuery) -> Page[dict]:
    rows = [{"id": n, "code": f"M1-{n:02d}", "label": f"Master {n}"} for n in range(1, 41)]
    rows = [row for row in rows if query.search.lower() in row["label"].lower()]
    start = (query.page - 1) * query.rows_per_page
    return Page(rows[start : start + query.rows_per_page], len(rows), query.page)


@entry("DataTable", "rempli")
def data_table_filled():
    ui.label(count_text(40))
    DataTable(
        [Column("code", "Code", sortable=True), Column("label", "Libellé")],
        _formations,
        caption="Formations",
        actions=[RowAction("edit", "Modifier", lambda row: ui.notify(row["code"]), icon="edit")],
        rows_per_page=10,
    )


@entry("DataTable", "vide")
def data_table_empty():
    DataTable([Column("code", "Code")], lambda query: Page([], 0), caption="Formations", empty_text="Aucune formation.")


@entry("DataTable", "chargement (3 s)")
def data_table_loading():
    def slow(query: TableQuery) -> Page[dict]:
        time.sleep(3)  # the table fetches off the event loop: it shows its loading state meanwhile
        return _formations(query)

    DataTable([Column("code", "Code"), Column("label", "Libellé")], slow, caption="Formations", rows_per_page=10)


@entry("ColumnChooser", "rempli")
def column_chooser():
    columns = [("code", "Code"), ("label", "Libellé"), ("centre", "Centre")]
    ColumnChooser(columns, visible=["code", "label"], on_change=lambda names: ui.notify(f"{names}"))


@entry("ViewBar", "rempli")
def view_bar():
    async def save(name: str) -> str:
        return f"Vue « {name} » enregistrée."

    ViewBar({1: "À étudier", 2: LONG}, current=1, on_choose=_nothing, on_save=save, on_delete=_nothing)


@entry("JournalFilters", "vide")
def journal_filters():
    JournalFilters([(1, "Camille Martin")], {"formation": "Formation"}, on_change=lambda values: ui.notify(values))


@entry("SetupForm", "rempli, erreur à un champ")
def setup_form_error():
    sections = [
        Section("Formation", [Field("code", "Code *", max_length=20), Field("label", "Libellé *", "textarea")]),
        Section("Dates", [Field("start", "Début", "date"), Field("places", "Places", "number")], intro=LONG),
    ]
    form = SetupForm(sections, {"code": "M1-INFO", "label": LONG})
    form.show_errors({"start": "Indiquez la date de début."})


@entry("SetupForm", "désactivé (lecture seule)")
def setup_form_read_only():
    SetupForm([Section("Formation", [Field("code", "Code")])], {"code": "M1-INFO"}, read_only=True)


@entry("avis_history", "rempli")
def avis():
    add_note_styles()
    rows = [AvisRow(1, "Favorable", "Rang 3", LONG, "Saisi le 02/05 par C. Martin", "Validé le 03/05")]
    avis_history(rows)


@entry("note_list", "rempli, vide")
def notes():
    note_list([NoteRow(1, "C. Martin, le 02/05", LONG, True)], on_delete=_nothing)
    note_list([], on_delete=None, marker="notes-empty")


@entry("MailEditor", "dialogue")
def mail_editor():
    draft = MailDraft(
        "Avis favorable",
        "Envoyé au candidat quand l'avis est validé.",
        "Votre candidature à {formation}",
        "Bonjour {prenom},\n\nVotre candidature à {formation} a reçu un avis favorable.",
        [("prenom", "Prénom du candidat"), ("formation", "Libellé de la formation")],
        required=("formation",),
    )

    async def preview(subject: str, body: str) -> MailPreview:
        return MailPreview(subject, body.replace("{prenom}", "Camille"))

    async def reset() -> tuple[str, str]:
        return draft.subject, draft.body

    async def test(subject: str, body: str) -> str:
        return "Mail d'essai envoyé."

    editor = MailEditor(draft, on_preview=preview, on_save=lambda s, b: _saved({}), on_test=test, on_reset=reset)
    ui.button("Modifier le mail", on_click=editor.open)


@entry("MemberPanel", "dialogue")
def member_panel():
    state = MemberState("Camille Martin", "c.martin@example.org", True, True, [GrantLine(1, "Gestionnaire — SCI")])
    choices = ScopeChoices({"manager": "Gestionnaire"}, {1: "Sciences"}, {1: ("Commission Info", 1)})

    async def same(*_args) -> MemberState:
        return state

    async def link() -> str:
        return "Lien envoyé."

    panel = MemberPanel(
        state,
        choices,
        on_grant=same,
        on_revoke=same,
        on_set_active=same,
        on_send_link=link,
        on_edit=lambda: ui.notify("Modifier"),
    )
    ui.button("Ouvrir la fiche", on_click=panel.open)


@entry("ModelFileBox", "vide, rempli, désactivé")
def model_files():
    async def keep(name: str, data: bytes) -> ModelFile:
        return ModelFile(data, "application/pdf", name)

    ModelFileBox(None, editable=True, max_bytes=1_000_000, on_file=keep, on_remove=_nothing)
    kept = ModelFile(b"%PDF", "application/pdf", "modele-lettre.pdf")
    ModelFileBox(kept, editable=False, max_bytes=1_000_000, on_file=keep, on_remove=_nothing)


@entry("SignatureImage", "vide")
def signature():
    async def keep(name: str, data: bytes) -> tuple[bytes, str]:
        return data, "image/png"

    SignatureImage(None, editable=True, max_bytes=500_000, on_file=keep, on_remove=_nothing)


# --- whole pages: their header and menu take the page ------------------------------------------------------------


@entry("frame", "cadre du candidat", page=True)
def candidate_frame():
    model = FrameModel(
        institution="Université Esup",
        current_path="/compte/adresse",
        menu=[MenuEntry("Accueil", "/", "home"), MenuEntry("Offre de formation", "/offre", "school")],
        account_menu=[MenuEntry("Adresse", "/compte/adresse", "home", status="to_complete")],
        user_name="Camille Martin",
        on_sign_out=lambda: ui.notify("Déconnexion"),
    )
    with frame("Adresse", model):
        ui.label("Le contenu de la page.")


@entry("gestion_frame", "cadre de la gestion", page=True)
def staff_frame():
    sections = [MenuSection("Offre", (MenuLink("Formations", "/gestion/formations"),))]
    model = GestionFrameModel("Université Esup", "/gestion/formations", "Camille Martin", sections, lambda: None)
    with gestion_frame("Formations", model):
        ui.label("Le contenu de la page.")

"""Every key of the app, by where it works, and what the marks mean; in the user's language,
built from the live bindings and the concept's vocabularies."""

from __future__ import annotations

import textwrap
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from monitor_tui.i18n import _, get_language
from monitor_tui.model import Catalogue, Vocabulary
from monitor_tui.tui.display import display
from monitor_tui.tui.keys import described_keys, key_label
from monitor_tui.tui.safe_text import one_line

KEYS_WIDTH = 14
TEXT_WIDTH = 68
"""The help dialog is 76 columns wide: room for the text beside border, padding and scroll bar."""
HelpRow = tuple[str, str]
"""(keys as displayed, what they do)."""
HelpSection = tuple[str, list[HelpRow]]
"""(heading, rows)."""


def help_sections(app: App[object], main: Screen[Any], catalogue: Catalogue) -> list[HelpSection]:
    """The keys of each place (tree, details, main screen, dialogs) and the legend of marks.

    `main` is the main screen; the dialogs' keys come from their classes, so help lists the
    keys that really work there.
    """
    from monitor_tui.tui.screens.confirm import ConfirmScreen
    from monitor_tui.tui.screens.conflict import ConflictScreen
    from monitor_tui.tui.screens.export_dialog import ExportScreen
    from monitor_tui.tui.screens.note_editor import NoteEditorScreen
    from monitor_tui.tui.screens.overview import OverviewScreen
    from monitor_tui.tui.screens.picker import ChecklistScreen
    from monitor_tui.tui.screens.reports import ReportsScreen
    from monitor_tui.tui.widgets.catalogue_tree import CatalogueTree
    from monitor_tui.tui.widgets.choice_row import ChoiceRow
    from monitor_tui.tui.widgets.detail import DetailPane

    def rows(*owners: object) -> list[HelpRow]:
        found = described_keys(app, owners)  # type: ignore[arg-type]
        return [(" / ".join(k.keys), k.description) for k in found]

    choose = [
        (f"{key_label('up')} {key_label('down')}", _("tui_help_list_move")),
        (key_label("enter"), _("tui_help_list_take")),
        (_("tui_help_letter"), _("tui_help_list_letter")),
    ]
    concept = catalogue.concept
    about = [
        (_("tui_help_concept"), one_line(concept.title)),
        (_("tui_help_issuer"), one_line(concept.issuer)),
    ]
    return [
        (_("tui_help_section_about"), about),
        (_("tui_help_section_main"), rows(main, type(app))),
        (_("tui_help_section_tree"), rows(CatalogueTree)),
        (_("tui_help_section_detail"), rows(DetailPane)),
        (_("tui_help_section_lists"), choose + rows(ChecklistScreen)),
        (_("tui_help_section_note"), rows(NoteEditorScreen)),
        (_("tui_help_section_export"), rows(ExportScreen, ChoiceRow)),
        (_("tui_help_section_reports"), rows(ReportsScreen)),
        (_("tui_help_section_overview"), rows(OverviewScreen)),
        (_("tui_help_section_questions"), rows(ConfirmScreen, ConflictScreen)),
        *legend(catalogue),
    ]


def legend(catalogue: Catalogue) -> list[HelpSection]:
    """Every mark the app draws, with its word: the vocabularies, then the app's own marks."""
    lang, shown = get_language(), display()
    concept = catalogue.concept

    def section(name: str, vocabulary: Vocabulary) -> HelpSection:
        title = _("tui_help_section_legend", name=name)
        return title, [(shown.mark(c), c.label(lang)) for c in vocabulary]

    own = [
        (shown.changed, _("tui_legend_changed")),
        ("!", _("tui_legend_broken")),
        (_("tui_overdue_marker").strip(), _("tui_legend_overdue")),
        (_("tui_legend_rollup_mark"), _("tui_legend_rollup")),
        (shown.pick("▶ ▼", "+ -"), _("tui_legend_branches")),
    ]
    return [
        section(_("filter_dimension_status"), concept.statuses),
        section(_("tui_cell_horizon"), concept.target_states),
        section(_("filter_dimension_assessment"), concept.assessments),
        section(_("filter_dimension_priority"), concept.priorities),
        (_("tui_help_section_marks"), own),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", _("tui_key_close"), id="monitor.help.close"),
        Binding(
            "down,j", "scroll_down", _("tui_key_scroll_down"), show=False, id="monitor.help.down"
        ),
        Binding("up,k", "scroll_up", _("tui_key_scroll_up"), show=False, id="monitor.help.up"),
        Binding("pagedown,space", "page_down", show=False, id="monitor.help.page_down"),
        Binding("pageup", "page_up", show=False, id="monitor.help.page_up"),
    ]

    def __init__(self, sections: list[HelpSection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        width = max((len(keys) for _t, rows in self.sections for keys, _d in rows), default=0)
        width = min(width, KEYS_WIDTH) + 2
        lines: list[Content] = []
        for title, rows in self.sections:
            if lines:
                lines.append(Content(""))
            lines.append(Content.assemble((title, "bold underline")))
            for keys, description in rows:
                pad = keys.ljust(width) if len(keys) < width else keys + "  "
                # Wrapped here, so that a long description continues under itself, not under
                # the keys.
                wrapped = textwrap.wrap(description, TEXT_WIDTH - len(pad)) or [""]
                lines.append(Content.assemble((pad, "bold"), wrapped[0]))
                lines += [Content(" " * len(pad) + more) for more in wrapped[1:]]
        with Vertical(classes="dialog help-dialog"):
            yield Static(Content(_("tui_help_title")), classes="dialog-title")
            with VerticalScroll(id="help-keys"):
                yield Static(Content("\n").join(lines), id="help-text")
            yield Static(Content(_("tui_help_hint")), classes="dialog-hint")

    def action_scroll_down(self) -> None:
        self.query_one("#help-keys", VerticalScroll).scroll_down(animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        self.query_one("#help-keys", VerticalScroll).scroll_up(animate=False, immediate=True)

    def action_page_down(self) -> None:
        self.query_one("#help-keys", VerticalScroll).scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.query_one("#help-keys", VerticalScroll).scroll_page_up(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)

"""The main screen: catalogue tree on the left, details on the right, every key of the issue."""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static, Tree

from monitor_tui.catalogue import load_catalogue
from monitor_tui.i18n import _, get_language
from monitor_tui.model import HORIZON_TERMS, Catalogue, MeasureStatus
from monitor_tui.notes import (
    NONE,
    Conflict,
    Edit,
    InvalidEdit,
    SaveResult,
    current_login,
    field_name,
    load_all_statuses,
    load_status,
    save_edit,
    status_path,
    value_word,
)
from monitor_tui.problems import Problem, ProblemsError
from monitor_tui.tui.browse import Filters, status_of, term_label, visible_measure_ids
from monitor_tui.tui.exporting import transfer_filters
from monitor_tui.tui.safe_text import one_line, visible
from monitor_tui.tui.screens.conflict import ConflictRow, ConflictScreen
from monitor_tui.tui.screens.export_dialog import ExportScreen
from monitor_tui.tui.screens.help import HelpRow, HelpScreen
from monitor_tui.tui.screens.note_editor import NoteEditorScreen
from monitor_tui.tui.screens.picker import PickerEntry, PickerScreen
from monitor_tui.tui.widgets.catalogue_tree import CatalogueTree, Item
from monitor_tui.tui.widgets.detail import (
    DetailPane,
    field_widgets,
    goal_widgets,
    measure_widgets,
)
from monitor_tui.tui.widgets.search_input import SearchInput
from monitor_tui.watch import StatusFolderWatcher
from monitor_tui.workspace import Workspace

MIN_WIDTH, MIN_HEIGHT = 60, 15
"""Below this the panes cannot show a measure; a message says so instead."""
WIDE_WIDTH = 120
"""From this width on, the tree takes a share of the room instead of a fixed column."""
KEY_NAMES = {
    "home": "tui_keyname_home",
    "end": "tui_keyname_end",
    "tab": "tui_keyname_tab",
    "esc": "tui_keyname_esc",
    "⏎": "tui_keyname_enter",
}
"""Message keys of the key names for the help screen (German keyboards print "Pos1", "Ende")."""
POLL_SECONDS = 1.0
"""How often `status/` is checked for saves of other sessions (the issue allows 2 s)."""


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open",
            _("tui_key_open_short"),
            tooltip=_("tui_key_open"),
            show=False,
            id="monitor.open",
        ),
        Binding(
            "tab",
            "switch_pane",
            _("tui_key_switch_short"),
            tooltip=_("tui_key_switch"),
            show=False,
            id="monitor.switch",
        ),
        Binding(
            "slash",
            "search",
            _("tui_key_search_short"),
            tooltip=_("tui_key_search"),
            id="monitor.search",
            # Priority: the app runs it before handing on the keys typed right after "/", so a
            # burst ("/Elternbrief" in one packet over SSH) lands in the search line.
            priority=True,
        ),
        Binding(
            "escape",
            "clear_search",
            _("tui_key_clear_search_short"),
            tooltip=_("tui_key_clear_search"),
            show=False,
            id="monitor.clear",
        ),
        Binding(
            "f",
            "filter",
            _("tui_key_filter_short"),
            tooltip=_("tui_key_filter"),
            id="monitor.filter",
        ),
        Binding(
            "s",
            "set_status",
            _("tui_key_status_short"),
            tooltip=_("tui_key_status"),
            id="monitor.status",
        ),
        Binding(
            "t",
            "set_target",
            _("tui_key_target_short"),
            tooltip=_("tui_key_target"),
            id="monitor.target",
        ),
        Binding(
            "b",
            "set_assessment",
            _("tui_key_assessment_short"),
            tooltip=_("tui_key_assessment"),
            id="monitor.assessment",
        ),
        Binding(
            "p",
            "set_priority",
            _("tui_key_priority_short"),
            tooltip=_("tui_key_priority"),
            id="monitor.priority",
        ),
        Binding(
            "n", "add_note", _("tui_key_note_short"), tooltip=_("tui_key_note"), id="monitor.note"
        ),
        Binding(
            "u",  # "überprüft"
            "mark_reviewed",
            _("tui_key_reviewed_short"),
            tooltip=_("tui_key_reviewed"),
            show=False,  # the footer has no room left at 80 columns; help and palette list it
            id="monitor.reviewed",
        ),
        Binding(
            "e",
            "edit_file",
            _("tui_key_edit_short"),
            tooltip=_("tui_key_edit"),
            show=False,
            id="monitor.edit",
        ),
        Binding(
            "x",
            "export",
            _("tui_key_export_short"),
            tooltip=_("tui_key_export"),
            show=False,
            id="monitor.export",
        ),
        Binding(
            "r",
            "reload",
            _("tui_key_reload_short"),
            tooltip=_("tui_key_reload"),
            show=False,
            id="monitor.reload",
        ),
        Binding(
            "question_mark",
            "help",
            _("tui_key_help_short"),
            tooltip=_("tui_key_help"),
            id="monitor.help",
        ),
        Binding(
            "q", "app.quit", _("tui_key_quit_short"), tooltip=_("tui_key_quit"), id="monitor.quit"
        ),
    ]

    def __init__(
        self, workspace: Workspace, catalogue: Catalogue, today: date | None = None
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.catalogue = catalogue
        self.fixed_today = today
        self.statuses: dict[str, MeasureStatus] = {}
        self.broken: dict[str, list[Problem]] = {}
        self.query_text = ""
        self.filters = Filters()
        self.watcher = StatusFolderWatcher(workspace.status_dir)
        self._detail_wanted: Item | None = None
        self._detail_requests = 0
        self._detail_busy = False
        self._status_names_broken_file = False

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(Content(""), id="filter-bar")
        with Horizontal(id="panes"):
            yield CatalogueTree(self.catalogue, id="tree")
            yield DetailPane(id="detail")
        yield SearchInput(self.submit_search, placeholder=_("tui_search_placeholder"), id="search")
        yield Static(Content(""), id="status-line")
        yield Footer(compact=True, show_command_palette=False)
        yield Static(
            Content(_("tui_too_small", width=MIN_WIDTH, height=MIN_HEIGHT)), id="too-small"
        )

    @property
    def catalogue_tree(self) -> CatalogueTree:
        return self.query_one(CatalogueTree)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    def on_mount(self) -> None:
        self.load_statuses()
        self.rebuild_tree(keep=None)
        self.set_focus(self.catalogue_tree)
        self.set_interval(POLL_SECONDS, self.poll_status_folder)
        self.apply_size(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self.apply_size(event.size.width, event.size.height)

    def apply_size(self, width: int, height: int) -> None:
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "too-small")
        self.set_class(width >= WIDE_WIDTH, "wide")

    # --- loading and showing ---------------------------------------------------------------

    def load_statuses(self) -> None:
        loaded = load_all_statuses(self.workspace, self.catalogue)
        self.statuses = loaded.statuses
        self.broken = loaded.broken
        self.catalogue_tree.broken = set(self.broken)
        if self.broken:
            self.report_broken_files()

    def report_broken_files(self) -> None:
        ids = ", ".join(sorted(self.broken))
        self.set_status(_("tui_broken_files", count=len(self.broken), ids=ids), error=True)
        self._status_names_broken_file = True

    def rebuild_tree(self, keep: Item | None) -> None:
        searching = bool(self.query_text.strip())
        shown = visible_measure_ids(
            self.catalogue, self.statuses, self.query_text, self.filters, self.current_day()
        )
        self.catalogue_tree.rebuild(
            self.statuses, shown, expand_all=searching or self.filters.active(), keep=keep
        )
        self.update_filter_bar(len(shown))
        self.call_after_refresh(self.show_selection)

    def show_selection(self) -> None:
        self.show_item(self.catalogue_tree.selected_item)

    def update_filter_bar(self, count: int) -> None:
        parts = []
        if self.query_text.strip():
            parts.append(_("tui_search_active", query=one_line(self.query_text)))
        parts += self.filters.describe(self.catalogue)
        bar = self.query_one("#filter-bar", Static)
        bar.display = bool(parts)
        if parts:
            total = sum(1 for _m in self.catalogue.measures())
            hits = _("tui_hits", count=count, total=total)
            bar.update(
                Content.assemble(
                    (_("tui_filter_bar_label", hits=hits) + " ", "bold"), " · ".join(parts)
                )
            )

    def set_status(self, message: str, error: bool = False) -> None:
        line = self.query_one("#status-line", Static)
        line.update(Content(visible(message)))
        line.set_class(error, "error")
        self._status_names_broken_file = False

    def report_broken_file(self, measure_id: str) -> None:
        problem = self.broken[measure_id][0]
        self.set_status(_("tui_broken_file", id=measure_id, problem=problem), error=True)
        self._status_names_broken_file = True

    @on(Tree.NodeHighlighted)
    def node_highlighted(self, event: Tree.NodeHighlighted[Item]) -> None:
        self.show_item(event.node.data)

    def show_item(self, item: Item | None) -> None:
        """Ask for `item` in the detail pane; the newest request wins.

        One task renders at a time and never gets cancelled half-way (a cancelled mount leaves
        widgets that never start); when it finishes it renders again if asked meanwhile.
        """
        self._detail_wanted = item
        self._detail_requests += 1
        if not self._detail_busy:
            self._detail_busy = True
            self.run_worker(self._render_detail(), group="detail")

    async def _render_detail(self) -> None:
        try:
            rendered = -1
            while rendered != self._detail_requests:
                rendered = self._detail_requests
                await self.detail.show(self.detail_widgets(self._detail_wanted))
        finally:
            self._detail_busy = False

    def detail_widgets(self, item: Item | None) -> list[Widget]:
        if item is None:
            return [Static(Content(_("tui_nothing_selected")), classes="dim")]
        if item.kind == "field":
            field = self.catalogue.field(item.id)
            return field_widgets(self.catalogue, field, self.statuses, self.broken) if field else []
        if item.kind == "goal":
            goal = self.catalogue.goal(item.id)
            return goal_widgets(self.catalogue, goal, self.statuses, self.broken) if goal else []
        measure = self.catalogue.measure(item.id)
        if measure is None:
            return []
        problems = self.broken.get(item.id)
        if problems:
            self.report_broken_file(item.id)
        status = status_of(self.statuses, item.id)
        return measure_widgets(self.catalogue, measure, status, problems, self.current_day())

    def refresh_after_change(self) -> None:
        """New symbols, roll-ups and details after a save or a reload of single files."""
        self.catalogue_tree.broken = set(self.broken)
        if self.filters.active():  # a changed status can move a measure in or out of view
            self.rebuild_tree(keep=self.catalogue_tree.selected_item)
        else:
            self.catalogue_tree.refresh_labels(self.statuses)
        self.show_item(self.catalogue_tree.selected_item)

    # --- watching other sessions -----------------------------------------------------------

    def poll_status_folder(self) -> None:
        changed = {mid for mid in self.watcher.changed() if self.catalogue.measure(mid)}
        if not changed:
            return
        was_broken = set(self.broken)
        for measure_id in changed:
            self.reload_measure(measure_id)
        repaired = sorted(was_broken - set(self.broken))
        if repaired and self._status_names_broken_file:
            self.replace_broken_file_message(repaired)
        self.refresh_after_change()

    def replace_broken_file_message(self, repaired: list[str]) -> None:
        """A repaired file must not stay reported as broken on the status line."""
        if self.broken:
            self.report_broken_files()
        else:
            self.set_status(_("tui_file_reread", id=", ".join(repaired)))

    def reload_measure(self, measure_id: str) -> None:
        try:
            self.statuses[measure_id] = load_status(self.workspace, self.catalogue, measure_id)
            self.broken.pop(measure_id, None)
        except ProblemsError as error:
            self.broken[measure_id] = error.problems
            self.statuses.pop(measure_id, None)
        except OSError as error:
            self.broken[measure_id] = [
                Problem(status_path(self.workspace, measure_id), 0, str(error.strerror or error))
            ]

    # --- navigation ------------------------------------------------------------------------

    def action_open(self) -> None:
        item = self.catalogue_tree.selected_item
        if item is not None and item.kind == "measure":
            self.set_focus(self.detail)

    @on(Tree.NodeSelected)
    def node_selected(self, event: Tree.NodeSelected[Item]) -> None:
        if event.node.data is not None and event.node.data.kind == "measure":
            self.set_focus(self.detail)

    def action_switch_pane(self) -> None:
        if self.catalogue_tree.has_focus:
            self.set_focus(self.detail)
        else:
            self.set_focus(self.catalogue_tree)

    def go_to_measure(self, measure_id: str) -> None:
        """Show the measure, clearing search and filters if they hide it (command palette)."""
        item = Item("measure", measure_id)
        if self.catalogue_tree.node_for(item) is None:
            self.query_text = ""
            self.filters = Filters()
            self.hide_search()
        self.rebuild_tree(keep=item)
        self.set_focus(self.catalogue_tree)

    # --- search and filter -----------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        if self.app.focused is search:
            # "/" typed into the search line is part of the query. Queue it behind the keys
            # the line has not handled yet, so that "2018/19" keeps its order.
            search.post_message(events.Key("slash", "/"))
            return
        search.display = True
        search.value = self.query_text
        self.set_focus(search)

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        if event.value != event.input.value or not event.input.display:
            return  # a late message from a burst of keys; the newest value is handled
        self.query_text = event.value
        self.rebuild_tree(keep=self.catalogue_tree.selected_item)

    def submit_search(self, value: str) -> None:
        """Enter in the search line: keep the filter, jump to the first hit, focus the tree.

        Runs inside the search line's own key handling, so that keys typed right after Enter
        already find the cursor on the hit and the focus on the tree.
        """
        self.query_one("#search", Input).display = False
        self.query_text = value
        shown = visible_measure_ids(
            self.catalogue, self.statuses, self.query_text, self.filters, self.current_day()
        )
        first = next((m.id for m in self.catalogue.measures() if m.id in shown), None)
        keep = Item("measure", first) if first else None
        self.rebuild_tree(keep=keep)
        self.set_focus(self.catalogue_tree)
        if keep is None:
            self.set_status(_("tui_no_hits", query=one_line(self.query_text)), error=True)
            return
        self.catalogue_tree.move_cursor_now(keep)
        self.set_status(_("tui_search_jumped", id=keep.id))

    def action_clear_search(self) -> None:
        if not self.query_text and not self.query_one("#search", Input).display:
            return
        keep = self.catalogue_tree.selected_item
        self.query_text = ""
        self.hide_search()
        self.rebuild_tree(keep=keep)
        self.set_focus(self.catalogue_tree)

    def hide_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        search.display = False

    def action_filter(self) -> None:
        lang = get_language()
        concept = self.catalogue.concept
        kinds = [
            PickerEntry.plain("office", _("tui_filter_by_office")),
            PickerEntry.plain("status", _("tui_filter_by_status")),
            PickerEntry.plain("assessment", _("tui_filter_by_assessment")),
            PickerEntry.plain("term", _("tui_filter_by_term")),
            PickerEntry.plain(
                "overdue",
                _("tui_filter_by_overdue_off" if self.filters.overdue else "tui_filter_by_overdue"),
            ),
            PickerEntry.plain("clear", _("tui_filter_clear")),
        ]
        any_value = PickerEntry.plain("", _("tui_filter_any"))
        values: dict[str, list[PickerEntry]] = {
            "office": [any_value]
            + [PickerEntry.plain(o, one_line(o)) for o in self.catalogue.offices()],
            "status": [any_value] + [PickerEntry.of_choice(c, lang) for c in concept.statuses],
            "assessment": [any_value]
            + [PickerEntry.of_choice(c, lang) for c in concept.assessments],
            "term": [any_value] + [PickerEntry.plain(t, term_label(t)) for t in HORIZON_TERMS],
        }

        def kind_chosen(kind: str | None) -> None:
            if kind is None:
                return
            if kind == "clear":
                self.set_filters(Filters())
            elif kind == "overdue":
                self.set_filters(
                    self.filters.with_value("overdue", "" if self.filters.overdue else "yes")
                )
            else:
                current = getattr(self.filters, kind) or ""
                title = _(f"tui_filter_by_{kind}")
                self.app.push_screen(
                    PickerScreen(title, values[kind], current),
                    lambda value: (
                        None
                        if value is None
                        else self.set_filters(self.filters.with_value(kind, value))
                    ),
                )

        self.app.push_screen(PickerScreen(_("tui_filter_title"), kinds), kind_chosen)

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.rebuild_tree(keep=self.catalogue_tree.selected_item)

    # --- recording state -------------------------------------------------------------------

    def selected_measure_id(self) -> str | None:
        item = self.catalogue_tree.selected_item
        if item is None or item.kind != "measure":
            self.set_status(_("tui_select_measure_first"), error=True)
            return None
        if item.id in self.broken:
            self.report_broken_file(item.id)
            return None
        return item.id

    def pick_and_save(
        self,
        title: str,
        entries: list[PickerEntry],
        current: str | None,
        make_edit: Callable[[str], Edit],
    ) -> None:
        measure_id = self.selected_measure_id()
        if measure_id is None:
            return
        base = status_of(self.statuses, measure_id)

        def chosen(key: str | None) -> None:
            if key is not None:
                self.save(measure_id, make_edit(key), base)

        self.app.push_screen(PickerScreen(title.format(id=measure_id), entries, current), chosen)

    def action_set_status(self) -> None:
        item = self.catalogue_tree.selected_item
        current = status_of(self.statuses, item.id).status if item else None
        entries = [
            PickerEntry.of_choice(c, get_language()) for c in self.catalogue.concept.statuses
        ]
        self.pick_and_save(_("tui_pick_status"), entries, current, lambda key: Edit(status=key))

    def action_set_assessment(self) -> None:
        item = self.catalogue_tree.selected_item
        current = status_of(self.statuses, item.id).assessment if item else None
        entries = [
            PickerEntry.of_choice(c, get_language()) for c in self.catalogue.concept.assessments
        ]
        entries.append(PickerEntry.plain("", _("tui_value_not_set")))
        self.pick_and_save(
            _("tui_pick_assessment"), entries, current or "", lambda key: Edit(assessment=key)
        )

    def action_set_priority(self) -> None:
        item = self.catalogue_tree.selected_item
        current = status_of(self.statuses, item.id).priority if item else None
        entries = [
            PickerEntry.of_choice(c, get_language()) for c in self.catalogue.concept.priorities
        ]
        entries.append(PickerEntry.plain("", _("tui_value_not_set")))
        self.pick_and_save(
            _("tui_pick_priority"), entries, current or "", lambda key: Edit(priority=key)
        )

    def action_set_target(self) -> None:
        measure_id = self.selected_measure_id()
        measure = self.catalogue.measure(measure_id) if measure_id else None
        if measure is None:
            return
        if not measure.targets:
            self.set_status(_("tui_no_targets", id=measure.id), error=True)
            return
        lang = get_language()
        states = self.catalogue.concept.target_states
        status = status_of(self.statuses, measure.id)

        def state_entries() -> list[PickerEntry]:
            return [PickerEntry.of_choice(c, lang) for c in states]

        def pick_state(target_key: str | None) -> None:
            target = measure.target(target_key) if target_key else None
            if target is None:
                return
            title = _("tui_pick_target_state", id=measure.id, target=one_line(target.label))
            self.pick_and_save(
                title,
                state_entries(),
                status.target_state(target, states.default.key),
                lambda key: Edit(targets={target.key: key}),
            )

        if len(measure.targets) == 1:
            pick_state(measure.targets[0].key)
            return
        entries = []
        for target in measure.targets:
            state = states.get(status.target_state(target, states.default.key))
            label = Content.assemble(
                (f"{state.symbol} " if state else "? ", f"bold {state.color}" if state else "bold"),
                (one_line(target.label), "bold"),
                " ",
                one_line(target.text)[:60],
            )
            entries.append(PickerEntry(target.key, one_line(target.label), label))
        self.app.push_screen(PickerScreen(_("tui_pick_target", id=measure.id), entries), pick_state)

    def action_mark_reviewed(self) -> None:
        measure_id = self.selected_measure_id()
        if measure_id is None:
            return
        day = self.current_day()
        error = self.save(measure_id, Edit(reviewed=day), status_of(self.statuses, measure_id))
        if error is None and self.app.screen is self:  # not when a conflict dialog opened
            self.set_status(
                _("tui_reviewed_saved", id=measure_id, day=day.isoformat(), login=current_login())
            )

    def action_add_note(self) -> None:
        measure_id = self.selected_measure_id()
        if measure_id is None:
            return

        def save_note(text: str, internal: bool) -> str | None:
            return self.save(
                measure_id, Edit(note=text, internal=internal), status_of(self.statuses, measure_id)
            )

        self.app.push_screen(NoteEditorScreen(measure_id, save_note))

    def save(self, measure_id: str, edit: Edit, base: MeasureStatus | None) -> str | None:
        """Save through notes.save_edit, as the CLI does; returns an error message or None."""
        try:
            result = save_edit(
                self.workspace, self.catalogue, measure_id, edit, current_login(), base=base
            )
        except ProblemsError as error:
            self.broken[measure_id] = error.problems
            message = _(
                "tui_save_failed", id=measure_id, reason=error.problems[0] if error.problems else ""
            )
        except InvalidEdit as error:
            message = _("tui_save_failed", id=measure_id, reason=error)
        except OSError as error:
            message = _("tui_save_failed", id=measure_id, reason=error.strerror or error)
        else:
            self.statuses[measure_id] = result.status
            self.broken.pop(measure_id, None)
            self.refresh_after_change()
            if result.conflicts:
                self.resolve_conflicts(measure_id, result)
            else:
                self.set_status(_("tui_saved", id=measure_id, login=current_login()))
            return None
        self.set_status(message, error=True)
        self.refresh_after_change()
        return message

    def resolve_conflicts(self, measure_id: str, result: SaveResult) -> None:
        rows = [self.conflict_row(conflict) for conflict in result.conflicts]
        self.set_status(_("tui_conflict_status", id=measure_id), error=True)

        def chosen(mine: bool | None) -> None:
            if mine:
                self.save(measure_id, edit_from_conflicts(result.conflicts), result.status)
            else:
                self.set_status(_("tui_conflict_kept_theirs", id=measure_id))

        self.app.push_screen(ConflictScreen(measure_id, rows), chosen)

    def conflict_row(self, conflict: Conflict) -> ConflictRow:
        lang = get_language()

        def word(value: str) -> str:
            return value_word(conflict.field, value, self.catalogue, lang)

        return field_name(conflict.field), word(conflict.theirs), word(conflict.mine)

    # --- files, export, reload, help -------------------------------------------------------

    def action_edit_file(self) -> None:
        measure_id = self.selected_measure_id_even_if_broken()
        if measure_id is None:
            return
        path = status_path(self.workspace, measure_id)
        if not path.exists():
            self.set_status(_("tui_no_file_yet", id=measure_id), error=True)
            return
        try:
            command = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
            self.run_editor([*command, str(path)])
        except (OSError, SuspendNotSupported, ValueError) as error:  # ValueError: bad quoting
            self.set_status(
                _("tui_editor_failed", reason=getattr(error, "strerror", None) or error), error=True
            )
            return
        self.reload_measure(measure_id)
        self.refresh_after_change()
        if measure_id not in self.broken:
            self.set_status(_("tui_file_reread", id=measure_id))

    def run_editor(self, command: list[str]) -> None:
        if self.app.is_headless:  # tests: there is no terminal to hand over
            subprocess.run(command, check=False)
            return
        with self.app.suspend():
            subprocess.run(command, check=False)

    def selected_measure_id_even_if_broken(self) -> str | None:
        """`e` must also work on a broken file: the editor is how one repairs it."""
        item = self.catalogue_tree.selected_item
        if item is None or item.kind != "measure":
            self.set_status(_("tui_select_measure_first"), error=True)
            return None
        return item.id

    def action_export(self) -> None:
        transfer = transfer_filters(self.filters, self.query_text, self.catalogue)
        dialog = ExportScreen(
            self.workspace, self.catalogue, self.current_day(), transfer, self.set_status
        )
        self.app.push_screen(dialog)

    def current_day(self) -> date:
        """Today, unless the app was started with a fixed day (tests); read at each use, since
        the app may run past midnight."""
        return self.fixed_today or date.today()

    def action_reload(self) -> None:
        try:
            catalogue = load_catalogue(self.workspace.catalogue_dir)
        except ProblemsError as error:
            self.set_status(
                _("tui_catalogue_broken", problem=error.problems[0] if error.problems else ""),
                error=True,
            )
            return
        keep = self.catalogue_tree.selected_item
        self.catalogue = catalogue
        self.catalogue_tree.catalogue = catalogue
        self.load_statuses()
        self.watcher = StatusFolderWatcher(self.workspace.status_dir)
        self.rebuild_tree(keep=keep)
        if not self.broken:
            self.set_status(_("tui_reloaded"))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.help_rows()))

    def help_rows(self) -> list[HelpRow]:
        """Every key with an id, merged by id ("↓ / j"), read from the live bindings."""
        keys: dict[str, list[str]] = {}
        descriptions: dict[str, str] = {}
        nodes = (self.catalogue_tree, self.detail, self, self.app)
        for node in nodes:
            for bindings in node._bindings.key_to_bindings.values():
                for binding in bindings:
                    if binding.id is None or not binding.id.startswith("monitor."):
                        continue
                    if not (binding.tooltip or binding.description):
                        continue  # ctrl+c: only there to say how to quit
                    display = self.app.get_key_display(binding)
                    display = _(KEY_NAMES[display]) if display in KEY_NAMES else display
                    keys.setdefault(binding.id, [])
                    if display not in keys[binding.id]:
                        keys[binding.id].append(display)
                    descriptions[binding.id] = binding.tooltip or binding.description
        rows = [(" / ".join(keys[binding_id]), descriptions[binding_id]) for binding_id in keys]
        return rows


def edit_from_conflicts(conflicts: tuple[Conflict, ...]) -> Edit:
    """An edit that writes "mine" for each conflicting field (after the user chose so)."""
    values: dict[str, str | None] = {}
    targets: dict[str, str] = {}
    reviewed: date | None = None
    for conflict in conflicts:
        mine = "" if conflict.mine == NONE else conflict.mine
        if conflict.field.startswith("target:"):
            targets[conflict.field.removeprefix("target:")] = mine
        elif conflict.field == "reviewed":
            reviewed = date.fromisoformat(mine) if mine else None
        else:
            values[conflict.field] = mine
    return Edit(
        status=values.get("status"),
        assessment=values.get("assessment"),
        priority=values.get("priority"),
        reviewed=reviewed,
        targets=targets,
    )

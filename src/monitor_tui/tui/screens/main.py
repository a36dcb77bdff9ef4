"""The main screen: catalogue tree on the left, details on the right.

Everything it knows about the workspace comes from the `WorkspaceSession`; it never reads or
writes files itself.
"""

from __future__ import annotations

import gc
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, Tree

from monitor_tui.filters import FilterContext, MeasureFilter, describe, dimension_values
from monitor_tui.i18n import _
from monitor_tui.model import Catalogue
from monitor_tui.problems import Problem
from monitor_tui.session import WorkspaceSession
from monitor_tui.settings import save_int, saved_int
from monitor_tui.tui.browse import SearchIndex, same_outline, visible_measure_ids
from monitor_tui.tui.keys import MAIN_KEYS, bindings
from monitor_tui.tui.safe_text import fit, one_line, visible
from monitor_tui.tui.widgets.catalogue_tree import CatalogueTree, Item
from monitor_tui.tui.widgets.detail import (
    Block,
    DetailPane,
    field_blocks,
    goal_blocks,
    measure_blocks,
)
from monitor_tui.tui.widgets.search_input import SearchInput
from monitor_tui.workspace import location_note

# The dialogs and the other screens are imported when first opened: the first screen needs
# none of them (with the export and report code behind them, they took a third of the start).
if TYPE_CHECKING:
    from monitor_tui.tui.screens.hand_edit import HandEditor
    from monitor_tui.tui.screens.overview import Chosen
    from monitor_tui.tui.screens.recording import Recorder

MIN_WIDTH, MIN_HEIGHT = 60, 15
"""Below this the panes cannot show a measure; a message says so instead."""
WIDE_WIDTH = 120
"""From this width on, the tree takes a share of the room instead of a fixed column."""
TREE_WIDTH, WIDE_TREE_SHARE = 34, 0.4
"""The tree's width when nobody changed it: a column at 80, a share of wider terminals."""
MIN_TREE, MIN_DETAIL = 20, 30
TALL_HEIGHT = 30
"""From this height on, a title that does not fit one line gets two."""
TREE_WIDTH_SETTING = "tree_width"
FIRST_DETAILS_WAIT = 1.0
"""Seconds after which the rest of the start is loaded even if the first details were not
drawn yet (they take a few frames)."""
POLL_SECONDS = 1.0
"""How often `status/` is checked for saves of other sessions: within two seconds a save of
one person shows for everybody else."""


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings(MAIN_KEYS)

    def __init__(
        self,
        session: WorkspaceSession,
        started: Callable[[list[Problem]], None] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.started = started
        """Told when the session has everything after the first screen (or why not)."""
        self.query_text = ""
        self.filter = MeasureFilter()
        self.tree_width: int | None = saved_int(TREE_WIDTH_SETTING)
        """The width the user chose with + and - (None: the default for the terminal)."""
        self._detail_wanted: Item | None = None
        self._detail_anchor: str | None = None
        self._detail_requests = 0
        self._detail_busy = False
        self._first_screen_done = False
        """Whether the first screen was drawn and the rest loaded (`after_first_screen`)."""
        self._detail_shown: tuple[Item | None, int] | None = None
        """The item the details show and the `_data_version` they were made for."""
        self._data_version = 0
        """Counts the changes of the session's data (saves, re-reads, reloads): details made
        before the last one are out of date."""
        self.search_index = SearchIndex()
        self._measure_total: tuple[Catalogue | None, int] = (None, 0)
        self._marks_basis: tuple[int, object] = (-1, None)
        """The `_data_version` and last report the tree's Δ marks were worked out for."""
        self._status_names_broken_file = False
        self.overview_focus: str | None = None
        """The number of the overview chosen last: the overview opens on it again."""
        self.overview_filter: MeasureFilter | None = None
        """The filter an overview's number set; while it holds, Esc leads back there."""
        self._recorder: Recorder | None = None
        self._hand_editor: HandEditor | None = None

    @property
    def catalogue(self) -> Catalogue:
        return self.session.catalogue

    @property
    def recorder(self) -> Recorder:
        """Records values and notes (made on first use, like the dialogs it opens)."""
        if self._recorder is None:
            from monitor_tui.tui.screens.recording import Recorder

            self._recorder = Recorder(self, self.session)
        return self._recorder

    @property
    def hand_editor(self) -> HandEditor:
        """Opens a measure's file in an editor (made on first use)."""
        if self._hand_editor is None:
            from monitor_tui.tui.screens.hand_edit import HandEditor

            self._hand_editor = HandEditor(self, self.session)
        return self._hand_editor

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="title-bar")
        yield Static(Content(""), id="filter-bar")
        with Horizontal(id="panes"):
            with Vertical(id="tree-pane"):
                yield Static(Content(_("tui_filter_nothing_matches")), id="tree-empty")
                yield CatalogueTree(self.catalogue, id="tree")
            yield DetailPane(id="detail")
        yield SearchInput(
            self.submit_search,
            self.search_typed,
            placeholder=_("tui_search_placeholder"),
            id="search",
        )
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
        self.catalogue_tree.cursor_moved = self.show_item
        self.show_loaded_statuses()
        self.rebuild_tree(keep=None)
        self.set_focus(self.catalogue_tree)
        self.set_interval(POLL_SECONDS, self.poll_status_folder)
        self.apply_size(self.app.size.width, self.app.size.height)
        self.set_timer(FIRST_DETAILS_WAIT, self.after_first_screen)

    def first_details_drawn(self) -> None:
        """The details were shown for the first time: the rest comes once they are drawn."""
        if not self._first_screen_done:
            self.call_after_refresh(self.after_first_screen)

    def after_first_screen(self) -> None:
        """Once the first screen is drawn, its details too: the rest of the session's data
        (when the first screen came from its record) and the search's texts. Once."""
        if self._first_screen_done:
            return
        self._first_screen_done = True
        pending, shown = self.session.pending, self.catalogue
        collecting = gc.isenabled()
        gc.disable()  # tens of thousands of objects that stay: see `tui.launch`
        try:
            problems = self.session.finish_start()
        finally:
            if collecting:
                gc.enable()
        if not problems and pending:
            self.show_full_data(shown)
        if self.started is not None:
            self.started(problems)
        if not problems:
            self.prepare_search()

    def show_full_data(self, shown: Catalogue) -> None:
        """The catalogue and statuses in full, in place of the first screen's: where the
        catalogue is the one shown (its files did not change), the lines drawn are only
        updated where a status changed meanwhile, and the cursor stays where it is."""
        tree = self.catalogue_tree
        tree.catalogue = self.catalogue
        self.show_loaded_statuses()
        if same_outline(shown, self.catalogue):
            self.refresh_after_change()
            return
        self._data_version += 1
        self.rebuild_tree(keep=tree.selected_item, expanded=tree.expanded_items())

    def prepare_search(self) -> None:
        """Fold the measures' texts for the search in a thread, after the first screen is
        drawn: the first letter typed then searches at once (at 5,000 measures folding took
        longer than a frame). Until it is done a search folds them itself."""
        catalogue = self.catalogue
        self.run_worker(
            lambda: self.search_index.folded_texts(catalogue),
            thread=True,
            group="search-index",
            exit_on_error=False,
        )

    def on_resize(self, event: events.Resize) -> None:
        self.apply_size(event.size.width, event.size.height)

    def apply_size(self, width: int, height: int) -> None:
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "too-small")
        self.query_one("#tree-pane").styles.width = self.tree_columns(width)
        self.show_title(width, height)

    def tree_columns(self, width: int) -> int:
        """The tree's width: the user's choice, else a column (a share from 120 columns on);
        always leaving the details room."""
        wanted = self.tree_width
        if wanted is None:
            wanted = TREE_WIDTH if width < WIDE_WIDTH else int(width * WIDE_TREE_SHARE)
        return max(MIN_TREE, min(wanted, width - MIN_DETAIL))

    def show_title(self, width: int, height: int) -> None:
        """The concept's title, whole words with "…" where the line ends, and the workspace
        when it is not the current folder (so nobody records into the wrong one)."""
        where = location_note(self.session.workspace)
        tail = ""
        if where:  # the path gives way before the title does: its end names the folder
            label = _("workspace_used", path="")
            room = max(width // 2 - len(label) - 2, 12)
            path = visible(where)
            path = path if len(path) <= room else "…" + path[-(room - 1) :]
            tail = "  " + _("workspace_used", path=path)
        room = max(width - 2 - len(tail), 10)
        title = one_line(self.catalogue.title)
        bar = self.query_one("#title-bar", Static)
        if len(title) > room and height >= TALL_HEIGHT:  # room for the whole title on two lines
            first, _space, rest = textwrap.fill(title, width - 2).partition("\n")
            rest = fit(" ".join(rest.split()), room)
            bar.styles.height = 2
            bar.update(
                Content.assemble(" ", (first, "bold"), "\n ", (rest, "bold"), (tail, "italic"))
            )
            return
        bar.styles.height = 1
        bar.update(Content.assemble(" ", (fit(title, room), "bold"), (tail, "italic")))

    def action_tree_width(self, step: int) -> None:
        """+ and -: a wider or narrower tree, remembered for the next start."""
        width = self.app.size.width
        current = self.tree_columns(width)
        self.tree_width = max(MIN_TREE, min(current + step, width - MIN_DETAIL))
        self.query_one("#tree-pane").styles.width = self.tree_width
        try:
            save_int(TREE_WIDTH_SETTING, self.tree_width)
        except OSError:
            self.set_status(_("tui_tree_width_not_saved", width=self.tree_width))
        else:
            self.set_status(_("tui_tree_width", width=self.tree_width))

    # --- showing ---------------------------------------------------------------------------

    def show_loaded_statuses(self) -> None:
        self.catalogue_tree.broken = set(self.session.broken)
        if self.session.broken or self.session.inconsistent:
            self.report_broken_files()

    def report_broken_files(self) -> None:
        broken = self.session.broken
        if not broken:  # only logs edited by hand: readable, but say so
            ids = ", ".join(sorted(self.session.inconsistent))
            self.set_status(_("tui_inconsistent_files", ids=ids), error=True)
            return
        ids = ", ".join(sorted(broken))
        self.set_status(_("tui_broken_files", count=len(broken), ids=ids), error=True)
        self._status_names_broken_file = True

    def visible_ids(self) -> set[str]:
        if self.filter.active():
            context = self.session.filter_context(self.catalogue_tree.changed)
        else:  # only the search: what the filters would need is not worked out at every key
            context = FilterContext(self.catalogue, self.session.statuses, self.session.today())
        return visible_measure_ids(self.query_text, self.filter, context, self.search_index)

    def update_changed_marks(self) -> None:
        """Which measures changed since the last frozen report (the tree's Δ and the filter);
        worked out again only when the data changed, not at each key of a search."""
        basis = (self._data_version, self.session.baseline)
        if self._marks_basis[0] == basis[0] and self._marks_basis[1] is basis[1]:
            return
        self.catalogue_tree.changed = self.session.changed_since_report()
        self._marks_basis = basis

    def rebuild_tree(
        self, keep: Item | None, expanded: set[Item] | None = None, anchor: str | None = None
    ) -> None:
        """Show what search and filter let through; the cursor on `keep`, and `expanded`
        (when given) expanded, else everything while searching or filtering."""
        searching = bool(self.query_text.strip())
        self.update_changed_marks()
        shown = self.visible_ids()
        expand_all = expanded is None and (searching or self.filter.active())
        self.catalogue_tree.rebuild(
            self.session.statuses, shown, expand_all=expand_all, keep=keep, expanded=expanded
        )
        self.query_one("#tree-empty").display = not shown
        self.update_filter_bar(len(shown))
        self.call_after_refresh(self.show_selection, anchor)

    def show_selection(self, anchor: str | None = None) -> None:
        self.show_item(self.catalogue_tree.selected_item, anchor)

    def update_filter_bar(self, count: int) -> None:
        parts = []
        if self.query_text.strip():
            parts.append(_("tui_search_active", query=one_line(self.query_text)))
        parts += describe(self.filter, self.catalogue)
        bar = self.query_one("#filter-bar", Static)
        bar.display = bool(parts)
        if parts:
            total = self.measure_total()
            hits = _("tui_hits", count=count, total=total)
            bar.update(
                Content.assemble(
                    (_("tui_filter_bar_label", hits=hits) + " ", "bold"),
                    visible(" · ".join(parts)),
                )
            )

    def measure_total(self) -> int:
        """How many measures the catalogue has (counted once per catalogue, not per key)."""
        catalogue, total = self._measure_total
        if catalogue is not self.catalogue:
            total = sum(1 for _m in self.catalogue.measures())
            self._measure_total = (self.catalogue, total)
        return total

    def set_status(self, message: str, error: bool = False) -> None:
        line = self.query_one("#status-line", Static)
        line.update(Content(visible(message)))
        line.set_class(error, "error")
        self._status_names_broken_file = False

    def report_broken_file(self, measure_id: str) -> None:
        problem = self.session.broken[measure_id][0]
        self.set_status(_("tui_broken_file", id=measure_id, problem=problem), error=True)
        self._status_names_broken_file = True

    @on(Tree.NodeHighlighted)
    def node_highlighted(self, event: Tree.NodeHighlighted[Item]) -> None:
        self.show_item(event.node.data)

    def show_item(self, item: Item | None, anchor: str | None = None) -> None:
        """Ask for `item` in the detail pane (from its top, or from the widget with the class
        `anchor`); the newest request wins.

        Mostly the pane's widgets can take the new texts at once (`DetailPane.show_now`): the
        details come in the same frame as the tree's cursor. Else one task mounts what is
        missing, and never gets cancelled half-way (a cancelled mount leaves widgets that
        never start); when it finishes it renders again if asked meanwhile. What is already
        shown (the same item, no data changed since) is not made again: a search rebuilds the
        tree at every key, with the cursor mostly on the same line.
        """
        if (
            anchor is None
            and not self._detail_busy
            and self._detail_shown == (item, self._data_version)
        ):
            return
        self._detail_wanted = item
        self._detail_anchor = anchor
        self._detail_requests += 1
        if self._detail_busy:
            return
        version = self._data_version
        blocks = self.detail_blocks(item)
        if self.detail.show_now(blocks, anchor):
            self._detail_shown = (item, version)
            self.first_details_drawn()
            return
        self._detail_busy = True
        self.run_worker(self._render_detail(blocks), group="detail")

    async def _render_detail(self, blocks: list[Block]) -> None:
        """Show `blocks`, made for the newest request, then whatever was asked for meanwhile."""
        try:
            rendered = self._detail_requests
            item, version = self._detail_wanted, self._data_version
            await self.detail.show(blocks, self._detail_anchor)
            self._detail_shown = (item, version)
            while rendered != self._detail_requests:
                rendered = self._detail_requests
                item, version = self._detail_wanted, self._data_version
                await self.detail.show(self.detail_blocks(item), self._detail_anchor)
                self._detail_shown = (item, version)
        finally:
            self._detail_busy = False
            self.first_details_drawn()

    def detail_blocks(self, item: Item | None) -> list[Block]:
        if item is None:
            return [Block(Content(_("tui_nothing_selected")), classes="dim")]
        session = self.session
        if item.kind == "field":
            field = self.catalogue.field(item.id)
            if field is None:
                return []
            return field_blocks(self.catalogue, field, session.statuses, session.broken)
        if item.kind == "goal":
            goal = self.catalogue.goal(item.id)
            if goal is None:
                return []
            return goal_blocks(self.catalogue, goal, session.statuses, session.broken)
        measure = self.catalogue.measure(item.id)
        if measure is None:
            return []
        problems = session.broken.get(item.id)
        findings = session.inconsistent.get(item.id)
        if problems:
            self.report_broken_file(item.id)
        elif findings:
            message = _("tui_inconsistent_file", id=item.id, problem=findings[0])
            self.set_status(message, error=True)
        status = session.status_of(item.id)
        since = session.since_report(item.id)
        return measure_blocks(
            self.catalogue,
            measure,
            status,
            problems,
            session.today(),
            since_report=since,
            findings=findings,
            start=session.monitoring_start(),
            names=session.directory.names(),
        )

    def refresh_after_change(self, anchor: str | None = None) -> None:
        """New symbols, roll-ups and details after a save or a reload of single files."""
        self._data_version += 1
        self.catalogue_tree.broken = set(self.session.broken)
        if self.filter.active():  # a changed status can move a measure in or out of view
            tree = self.catalogue_tree
            self.rebuild_tree(keep=tree.selected_item, expanded=tree.expanded_items())
        else:
            self.update_changed_marks()
            self.catalogue_tree.refresh_labels(self.session.statuses)
        self.show_item(self.catalogue_tree.selected_item, anchor)

    # --- watching other sessions -----------------------------------------------------------

    def poll_status_folder(self) -> None:
        if self.session.pending:  # its watcher starts with the full load
            return
        result = self.session.poll()
        if not result.changed and not result.reports_changed:
            return
        if result.repaired and self._status_names_broken_file:
            self.replace_broken_file_message(list(result.repaired))
        self.refresh_after_change()
        top = self.app.screen
        if top is self:
            return
        from monitor_tui.tui.screens.overview import OverviewScreen

        if isinstance(top, OverviewScreen):  # its numbers count what was just re-read
            top.call_later(top.refresh_numbers)

    def replace_broken_file_message(self, repaired: list[str]) -> None:
        """A repaired file must not stay reported as broken on the status line."""
        if self.session.broken:
            self.report_broken_files()
        else:
            self.set_status(_("tui_file_reread", id=", ".join(repaired)))

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
            self.filter = MeasureFilter()
            self.hide_search()
        self.rebuild_tree(keep=item)
        self.set_focus(self.catalogue_tree)

    def show_measures(self, measure_filter: MeasureFilter) -> None:
        """The tree filtered to exactly what `measure_filter` lets through (an overview's
        number or list opens this), the search cleared, the cursor on the first of them."""
        self.query_text = ""
        self.hide_search()
        self.filter = measure_filter
        shown = self.visible_ids()
        first = next((m.id for m in self.catalogue.measures() if m.id in shown), None)
        keep = Item("measure", first) if first else self.catalogue_tree.selected_item
        self.rebuild_tree(keep=keep)
        if first is not None:
            self.catalogue_tree.move_cursor_now(Item("measure", first))
        self.set_focus(self.catalogue_tree)

    def action_overview(self) -> None:
        """The numbers per Handlungsfeld and what needs attention; Enter on a number shows
        exactly its measures here, and Esc leads back to it."""
        from monitor_tui.tui.screens.overview import OverviewScreen, measures_words

        self.overview_filter = None
        screen = OverviewScreen(self.session, self.overview_focus)

        def chosen(choice: Chosen | None) -> None:
            self.overview_focus = screen.focus_id
            if choice is None:
                return
            self.show_measures(choice.number.filter)
            self.overview_filter = self.filter
            shown = measures_words(len(self.visible_ids()))
            self.set_status(_("tui_overview_shown", what=choice.words, measures=shown))

        self.app.push_screen(screen, chosen)

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

    def search_typed(self, value: str) -> None:
        """The search line's text changed: the tree shows its hits (as typed, before Enter)."""
        if value != self.query_text:
            self.query_text = value
            self.rebuild_tree(keep=self.catalogue_tree.selected_item)

    def submit_search(self, value: str) -> None:
        """Enter in the search line: keep the filter, jump to the first hit, focus the tree.

        Runs inside the search line's own key handling, so that keys typed right after Enter
        already find the cursor on the hit and the focus on the tree.
        """
        self.query_one("#search", Input).display = False
        self.query_text = value
        shown = self.visible_ids()
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
        """Esc: the search first, then the filters; the cursor and the open branches stay."""
        searching = bool(self.query_text) or self.query_one("#search", Input).display
        if not searching:
            from_overview = self.filter == self.overview_filter
            if self.filter.active():
                self.clear_filter()
            if from_overview:
                self.action_overview()
            return
        keep = self.catalogue_tree.selected_item
        self.query_text = ""
        self.hide_search()
        self.rebuild_tree(keep=keep, expanded=self.catalogue_tree.expanded_items())
        self.set_focus(self.catalogue_tree)

    def hide_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        search.display = False

    def action_filter(self) -> None:
        """The dimensions, each with what is chosen; a dimension opens its checklist."""
        from monitor_tui.tui.screens.filter_menu import menu_entries
        from monitor_tui.tui.screens.picker import PickerScreen

        picker = PickerScreen(_("tui_filter_title"), menu_entries(self.catalogue, self.filter))
        self.app.push_screen(picker, self.filter_dimension_chosen)

    def filter_dimension_chosen(self, dimension: str | None) -> None:
        from monitor_tui.tui.screens.filter_menu import CLEAR, is_switch, value_entries
        from monitor_tui.tui.screens.picker import ChecklistScreen

        if dimension is None:
            return
        if dimension == CLEAR:
            self.clear_filter()
            return
        if is_switch(dimension):
            self.switch_filter(dimension)
            return
        values = value_entries(dimension_values(self.catalogue, dimension))
        title = _("tui_filter_values_title", dimension=_(f"filter_dimension_{dimension}"))
        checklist = ChecklistScreen(title, values, self.filter.values(dimension))

        def applied(chosen: frozenset[str] | None) -> None:
            if chosen is not None:
                self.set_filter(self.filter.with_values(dimension, chosen))

        self.app.push_screen(checklist, applied)

    def switch_filter(self, dimension: str) -> None:
        turning_on = not self.filter.values(dimension)
        if dimension == "changed" and turning_on and self.session.last_report is None:
            self.set_status(_("tui_filter_changed_no_report"), error=True)
            return
        if dimension == "mine" and turning_on and not self.session.my_offices():
            self.set_status(_("offices_none_for_login", login=self.session.login), error=True)
            return
        self.set_filter(self.filter.toggled(dimension))

    def set_filter(self, measure_filter: MeasureFilter) -> None:
        self.filter = measure_filter
        self.rebuild_tree(keep=self.catalogue_tree.selected_item)
        if measure_filter.active() and not self.visible_ids():
            self.set_status(_("tui_filter_nothing_matches"), error=True)

    def clear_filter(self) -> None:
        """ "Alle Filter aufheben" and Esc: every measure again, the place kept."""
        tree = self.catalogue_tree
        self.filter = MeasureFilter()
        self.rebuild_tree(keep=tree.selected_item, expanded=tree.expanded_items())
        self.set_status(_("tui_filter_cleared"))

    # --- recording state -------------------------------------------------------------------

    def selected_item(self) -> Item | None:
        return self.catalogue_tree.selected_item

    def action_set_status(self) -> None:
        self.recorder.choose_status()

    def action_set_assessment(self) -> None:
        self.recorder.choose_assessment()

    def action_set_priority(self) -> None:
        self.recorder.choose_priority()

    def action_set_target(self) -> None:
        self.recorder.choose_target_state()

    def action_mark_reviewed(self) -> None:
        self.recorder.mark_reviewed()

    def action_add_note(self) -> None:
        self.recorder.add_note()

    def action_set_next_step(self) -> None:
        self.recorder.set_next_step()

    # --- the offices ------------------------------------------------------------------------

    def action_due(self) -> None:
        from monitor_tui.tui.screens.due import DueScreen

        def chosen(measure_id: str | None) -> None:
            if measure_id is not None:
                self.go_to_measure(measure_id)

        screen = DueScreen(self.session, self.set_status, self.refresh_after_change)
        self.app.push_screen(screen, chosen)

    def action_import_answers(self) -> None:
        from monitor_tui.tui.screens.answers import ImportPathScreen

        def done(lines: list[str] | None) -> None:
            if lines:
                self.refresh_after_change()
                self.set_status(lines[-1])

        self.app.push_screen(ImportPathScreen(self.session, self.set_status), done)

    # --- files, export, reload, help -------------------------------------------------------

    def action_edit_file(self) -> None:
        self.hand_editor.edit_selected()

    def action_export(self) -> None:
        from monitor_tui.tui.exporting import transfer_filters
        from monitor_tui.tui.screens.export_dialog import ExportScreen

        transfer = transfer_filters(self.filter, self.query_text, self.catalogue)
        self.app.push_screen(ExportScreen(self.session, transfer, self.set_status))

    def action_reports(self) -> None:
        from monitor_tui.tui.screens.reports import ReportsScreen

        self.app.push_screen(ReportsScreen(self.session, self.set_status, self.reports_changed))

    def reports_changed(self) -> None:
        """A report was frozen: "changed since the last report" now means since that one."""
        if self.is_attached:
            self.refresh_after_change()

    def action_reload(self) -> None:
        problems = self.session.reload()
        if problems:
            self.set_status(_("tui_catalogue_broken", problem=problems[0]), error=True)
            return
        tree = self.catalogue_tree
        keep, expanded = tree.selected_item, tree.expanded_items()
        tree.catalogue = self.catalogue
        self._data_version += 1
        self.show_loaded_statuses()
        self.rebuild_tree(keep=keep, expanded=expanded)
        if not self.session.broken:
            self.set_status(_("tui_reloaded"))

    def action_help(self) -> None:
        from monitor_tui.tui.screens.help import HelpScreen, help_sections

        self.app.push_screen(HelpScreen(help_sections(self.app, self, self.catalogue)))

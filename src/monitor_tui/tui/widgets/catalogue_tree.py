"""The catalogue as a tree: Handlungsfeld → Ziel → Maßnahme, with status symbols and roll-ups."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from monitor_tui.i18n import _
from monitor_tui.model import Catalogue, Field, Goal, Measure, MeasureStatus
from monitor_tui.tui.browse import rollup, short_title, status_of
from monitor_tui.tui.display import display
from monitor_tui.tui.safe_text import one_line

BROKEN_MARK = "!"
"""In place of a status: the measure's status file cannot be read."""


@dataclass(frozen=True)
class Item:
    """What a tree node stands for: kind is "field", "goal" or "measure"."""

    kind: str
    id: str


class CatalogueTree(Tree[Item]):
    """Moves with arrows or vi keys; ← / h collapses or goes up, → / l expands or goes down."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", _("tui_key_down"), show=False, id="monitor.down"),
        Binding("up,k", "cursor_up", _("tui_key_up"), show=False, id="monitor.up"),
        Binding(
            "left,h", "collapse_or_parent", _("tui_key_collapse"), show=False, id="monitor.collapse"
        ),
        Binding("right,l", "expand_or_child", _("tui_key_expand"), show=False, id="monitor.expand"),
        Binding("home", "first_line", _("tui_key_home"), show=False, id="monitor.home"),
        Binding("end", "last_line", _("tui_key_end"), show=False, id="monitor.end"),
    ]

    def __init__(self, catalogue: Catalogue, *, id: str | None = None) -> None:
        super().__init__(Text(one_line(catalogue.title)), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.catalogue = catalogue
        self.broken: set[str] = set()
        self.changed: frozenset[str] | None = None
        """Measures changed since the last frozen report (marked Δ); None when no report was
        frozen yet (then the column is left out)."""
        if display().ascii:
            self.ICON_NODE, self.ICON_NODE_EXPANDED = "+ ", "- "

    def render_label(self, node: TreeNode[Item], base_style: Style, style: Style) -> Text:
        """The label cut to the tree's width with "…", so that no word is cut off unseen (the
        detail pane shows the whole text)."""
        label = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if room > 0 and label.cell_len > room:
            ellipsis = display().ellipsis
            label.truncate(max(room - len(ellipsis), 1))
            label.rstrip()
            label.append(ellipsis)
        return label

    # --- building --------------------------------------------------------------------------

    def rebuild(
        self,
        statuses: Mapping[str, MeasureStatus],
        visible_ids: set[str],
        expand_all: bool,
        keep: Item | None,
        expanded: set[Item] | None = None,
    ) -> None:
        """Show the measures in `visible_ids` (with their goals and fields), cursor on `keep`;
        open are all nodes (`expand_all`), those in `expanded`, and the ones above `keep`."""
        opened = expanded or set()
        self.clear()
        target_line: TreeNode[Item] | None = None
        for field in self.catalogue.fields:
            measures = [m for m in field.measures() if m.id in visible_ids]
            if not measures:
                continue
            field_node = self.root.add(self._field_label(field, statuses), Item("field", field.id))
            above_keep = keep is not None and keep.id.split(".")[0] == field.id
            if expand_all or above_keep or Item("field", field.id) in opened:
                field_node.expand()
            for goal in field.goals:
                goal_measures = [m for m in goal.measures if m.id in visible_ids]
                if not goal_measures:
                    continue
                goal_node = field_node.add(self._goal_label(goal, statuses), Item("goal", goal.id))
                above_keep = keep is not None and keep.id.startswith(goal.id + ".")
                if expand_all or above_keep or Item("goal", goal.id) in opened:
                    goal_node.expand()
                for measure in goal_measures:
                    label = self._measure_label(measure, statuses)
                    node = goal_node.add_leaf(label, Item("measure", measure.id))
                    if keep == node.data:
                        target_line = node
                if keep == goal_node.data:
                    target_line = goal_node
            if keep == field_node.data:
                target_line = field_node
        first = self.root.children[0] if self.root.children else None
        if target_line is not None or first is not None:
            self.call_after_refresh(self._move_to, target_line or first)

    def move_cursor_now(self, item: Item) -> None:
        """Put the cursor on `item` at once, even right after `rebuild`."""
        node = self.node_for(item)
        if node is not None:
            _ = self.last_line  # lays out the lines, which gives the new nodes their line numbers
            self.move_cursor(node, animate=False)

    def _move_to(self, node: TreeNode[Item]) -> None:
        self.move_cursor(node, animate=False)

    def refresh_labels(self, statuses: Mapping[str, MeasureStatus]) -> None:
        """New symbols and roll-ups after a save, without rebuilding (the cursor stays put)."""
        for node in self._all_nodes():
            item = node.data
            if item is None:
                continue
            if item.kind == "measure":
                measure = self.catalogue.measure(item.id)
                if measure is not None:
                    node.set_label(self._measure_label(measure, statuses))
            elif item.kind == "goal":
                goal = self.catalogue.goal(item.id)
                if goal is not None:
                    node.set_label(self._goal_label(goal, statuses))
            else:
                field = self.catalogue.field(item.id)
                if field is not None:
                    node.set_label(self._field_label(field, statuses))

    def _all_nodes(self) -> list[TreeNode[Item]]:
        found: list[TreeNode[Item]] = []
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(node.children)
        return found

    def expanded_items(self) -> set[Item]:
        """The fields and goals open now (so that a rebuild can keep them open)."""
        return {n.data for n in self._all_nodes() if n.data is not None and n.is_expanded}

    def first_measure_node(self) -> TreeNode[Item] | None:
        for field_node in self.root.children:
            for goal_node in field_node.children:
                for node in goal_node.children:
                    return node
        return None

    def node_for(self, item: Item) -> TreeNode[Item] | None:
        return next((n for n in self._all_nodes() if n.data == item), None)

    # --- labels ----------------------------------------------------------------------------

    def _rollup_text(self, measures: list[Measure], statuses: Mapping[str, MeasureStatus]) -> str:
        done, total = rollup(measures, statuses, self.catalogue.concept.statuses, self.broken)
        return _("tui_rollup", done=done, total=total)

    def _field_label(self, field: Field, statuses: Mapping[str, MeasureStatus]) -> Text:
        # The roll-up comes first so that a narrow tree crops the title, not the count.
        text = Text(f"{field.id} ", style="bold")
        text.append(self._rollup_text(list(field.measures()), statuses), style="dim")
        text.append(f" {one_line(field.title)}", style="bold")
        return text

    def _goal_label(self, goal: Goal, statuses: Mapping[str, MeasureStatus]) -> Text:
        done, total = rollup(goal.measures, statuses, self.catalogue.concept.statuses, self.broken)
        text = Text(f"{goal.id} ")
        text.append(f"{done}/{total} ", style="dim")
        text.append(one_line(goal.title))
        return text

    def _measure_label(self, measure: Measure, statuses: Mapping[str, MeasureStatus]) -> Text:
        shown = display()
        if measure.id in self.broken:
            text = Text(f"{BROKEN_MARK} ", style=Style(color=shown.colour("#d70000"), bold=True))
        else:
            choice = self.catalogue.concept.statuses.get(status_of(statuses, measure.id).status)
            symbol = shown.mark(choice) if choice else "?"
            color = shown.colour(choice.color if choice else "#d70000")
            text = Text(f"{symbol} ", style=Style(color=color, bold=True))
        if self.changed is not None:
            # A symbol, not a colour: it must read on a monochrome terminal too.
            mark = shown.changed if measure.id in self.changed else " "
            text.append(f"{mark} ", style="bold")
        text.append(f"{measure.id} ", style="bold")
        text.append(one_line(short_title(measure, 200)))
        return text

    # --- actions ---------------------------------------------------------------------------

    def action_collapse_or_parent(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent, animate=False)

    def action_expand_or_child(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0], animate=False)

    def action_first_line(self) -> None:
        self.move_cursor_to_line(0, animate=False)

    def action_last_line(self) -> None:
        self.move_cursor_to_line(self.last_line, animate=False)

    @property
    def selected_item(self) -> Item | None:
        node = self.cursor_node
        return node.data if node is not None else None

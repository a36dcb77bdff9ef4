"""The catalogue as a tree: Handlungsfeld → Ziel → Maßnahme, with status symbols and roll-ups.

Fast at thousands of measures: the nodes carry no labels of their own; a line's label (symbol,
roll-up, title) is made when the line is first drawn and kept until the statuses change, and
adding the nodes of a rebuild asks for one layout, not one per node.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text, TextType
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from monitor_tui.i18n import _
from monitor_tui.model import Catalogue, Field, Goal, Measure, MeasureStatus
from monitor_tui.tui.browse import rollup, short_title, status_of
from monitor_tui.tui.display import display
from monitor_tui.tui.safe_text import one_line

BROKEN_MARK = "!"
"""In place of a status: the measure's status file cannot be read."""
TOGGLE_STYLE = Style.from_meta({"toggle": True})
"""On the ▶/▼ of a node: a click there opens or closes it (as in Textual's own labels)."""
NO_LABEL = Text()
"""What a node carries instead of a label (see `CatalogueTree.label_of`)."""
OPEN_ALL_LIMIT = 500
"""Up to this many measures found, a search or filter opens every branch (see `rebuild`)."""


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
    _building = False
    """True while `rebuild` adds nodes (also read while Textual sets the widget up)."""
    cursor_moved: Callable[[Item | None], None] | None = None
    """Called with the item under the cursor whenever the cursor moved."""
    _scrollbars_for: Size | None = None
    """The scrollable size the scroll bars were last set for (see `_size_updated`)."""

    def __init__(self, catalogue: Catalogue, *, id: str | None = None) -> None:
        super().__init__(Text(one_line(catalogue.title)), id=id)
        self.show_root = False
        self.guide_depth = 2
        self.catalogue = catalogue
        self.broken: set[str] = set()
        self.changed: frozenset[str] | None = None
        """Measures changed since the last frozen report (marked Δ); None when no report was
        frozen yet (then the column is left out)."""
        self._statuses: Mapping[str, MeasureStatus] = {}
        self._item_nodes: dict[Item, TreeNode[Item]] = {}
        self._labels: dict[Item, Text] = {}
        """The label of each line drawn since the last rebuild."""
        self._visible: set[str] = set()
        self._opened: set[Item] = set()
        self._filled: set[Item] = set()
        """Fields and goals whose children were added."""
        self._keep_id = ""
        self._open_fields = self._open_goals = False
        if display().ascii:
            self.ICON_NODE, self.ICON_NODE_EXPANDED = "+ ", "- "

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Textual's scroll views redraw their scroll bars at every layout of the screen (the
        size compared is not the one they keep): a frame of its own after each change of the
        details. Here only when the tree's size or scrollable size changed."""
        if (
            size == self._size
            and container_size == self.container_size
            and self.virtual_size == self._scrollbars_for
        ):
            return False
        self._scrollbars_for = self.virtual_size
        return super()._size_updated(size, virtual_size, container_size, layout)

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        """Besides Textual's NodeHighlighted message: `cursor_moved` at once, so that the
        details of the new line can come in the same frame as the cursor."""
        super().watch_cursor_line(previous_line, line)
        if self.cursor_moved is not None and previous_line != line:
            self.cursor_moved(self.selected_item)

    # --- drawing ---------------------------------------------------------------------------

    def process_label(self, label: TextType) -> Text:
        """A label is taken as it is (Textual would copy and split each one): the nodes carry
        `NO_LABEL`, the root the concept's title on one line."""
        return label if isinstance(label, Text) else super().process_label(label)

    def get_label_width(self, node: TreeNode[Item]) -> int:
        """No label is wider than the tree (`render_label` cuts it) and the tree never scrolls
        sideways: measuring the labels of thousands of lines would be work for nothing."""
        return 0

    def _invalidate(self) -> None:
        """While `rebuild` adds nodes, each would drop the tree's lines and ask for a new
        layout (Textual's `TreeNode.add` does); once at the end is enough."""
        if not self._building:
            super()._invalidate()

    def render_label(self, node: TreeNode[Item], base_style: Style, style: Style) -> Text:
        """The node's label with its ▶/▼, cut to the tree's width with "…", so that no word is
        cut off unseen (the detail pane shows the whole text)."""
        text = self.label_of(node).copy()
        text.stylize(style)
        prefix = ("", base_style)
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
            prefix = (icon, base_style + TOGGLE_STYLE)
        label = Text.assemble(prefix, text)
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

    def label_of(self, node: TreeNode[Item]) -> Text:
        """The label of a node's line, made when first asked for."""
        item = node.data
        if item is None:  # the root (never shown)
            return Text(one_line(self.catalogue.title))
        label = self._labels.get(item)
        if label is None:
            label = self._labels[item] = self._make_label(item)
        return label

    def _make_label(self, item: Item) -> Text:
        statuses = self._statuses
        if item.kind == "measure":
            measure = self.catalogue.measure(item.id)
            return self._measure_label(measure, statuses) if measure else Text(item.id)
        if item.kind == "goal":
            goal = self.catalogue.goal(item.id)
            return self._goal_label(goal, statuses) if goal else Text(item.id)
        field = self.catalogue.field(item.id)
        return self._field_label(field, statuses) if field else Text(item.id)

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
        open are all nodes (`expand_all`), those in `expanded`, and the ones above `keep`.

        With more than OPEN_ALL_LIMIT measures to show, `expand_all` opens the fields but not
        their goals: thousands of lines are no overview, and the goals show where the hits are.
        A node's children are added when it is first opened.
        """
        self._statuses = statuses
        self._visible = visible_ids
        self._opened = set(expanded or ())
        self._keep_id = keep.id if keep is not None else ""
        self._open_fields = expand_all
        self._open_goals = expand_all and len(visible_ids) <= OPEN_ALL_LIMIT
        self._labels.clear()
        self._building = True
        try:
            self.clear()
            self._item_nodes, self._filled = {}, set()
            for field in self.catalogue.fields:
                if any(m.id in visible_ids for m in field.measures()):
                    self._add(self.root, Item("field", field.id))
        finally:
            self._building = False
        self._invalidate()
        target_line = self.node_for(keep) if keep is not None else None
        first = self.root.children[0] if self.root.children else None
        if target_line is not None or first is not None:
            self.call_after_refresh(self._move_to, target_line or first)

    def _add(self, parent: TreeNode[Item], item: Item) -> None:
        """A node for `item` under `parent`, open as `rebuild` said (with its children then)."""
        if item.kind == "measure":
            self._item_nodes[item] = parent.add_leaf(NO_LABEL, item)
            return
        node = self._item_nodes[item] = parent.add(NO_LABEL, item, expand=self._opens(item))
        if node.is_expanded:
            self._fill(node)

    def _opens(self, item: Item) -> bool:
        if item in self._opened:
            return True
        if item.kind == "field":
            return self._open_fields or self._keep_id.split(".")[0] == item.id
        return self._open_goals or self._keep_id.startswith(item.id + ".")

    def _fill(self, node: TreeNode[Item]) -> None:
        """Add the children of a field's or goal's node, once (when it is first opened)."""
        item = node.data
        if item is None or item in self._filled:
            return
        self._filled.add(item)
        building, self._building = self._building, True
        try:
            for child in self._children_of(item):
                self._add(node, child)
        finally:
            self._building = building
        if not building:
            self._invalidate()

    def _children_of(self, item: Item) -> list[Item]:
        visible = self._visible
        if item.kind == "field":
            field = self.catalogue.field(item.id)
            goals = field.goals if field is not None else ()
            return [Item("goal", g.id) for g in goals if any(m.id in visible for m in g.measures)]
        goal = self.catalogue.goal(item.id) if item.kind == "goal" else None
        measures = goal.measures if goal is not None else ()
        return [Item("measure", m.id) for m in measures if m.id in visible]

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Item]) -> None:
        """Opened by a click or Textual's own keys: its children come now."""
        self._fill(event.node)

    def move_cursor_now(self, item: Item) -> None:
        """Put the cursor on `item` at once, even right after `rebuild`."""
        node = self.node_for(item)
        if node is not None:
            _ = self.last_line  # lays out the lines, which gives the new nodes their line numbers
            self.move_cursor(node, animate=False)

    def _move_to(self, node: TreeNode[Item]) -> None:
        self.move_cursor(node, animate=False)

    def refresh_labels(self, statuses: Mapping[str, MeasureStatus]) -> None:
        """New symbols and roll-ups after a save, without rebuilding (the cursor stays put):
        each line drawn so far whose label changed is drawn again; the others get theirs
        when they are drawn."""
        self._statuses = statuses
        for item, label in list(self._labels.items()):
            new = self._make_label(item)
            if new != label:
                self._labels[item] = new
                node = self._item_nodes.get(item)
                if node is not None:
                    node.refresh()

    def expanded_items(self) -> set[Item]:
        """The fields and goals open now (so that a rebuild can keep them open), also those
        inside a closed branch."""
        shown = {item for item, node in self._item_nodes.items() if node.is_expanded}
        return shown | {item for item in self._opened if item not in self._item_nodes}

    def node_for(self, item: Item) -> TreeNode[Item] | None:
        """The node of `item` (added now if its branch was never opened); None when the search
        or filter hides it."""
        node = self._item_nodes.get(item)
        if node is not None or item.kind == "field":
            return node
        parent = self._parent_of(item)
        parent_node = self.node_for(parent) if parent is not None else None
        if parent_node is None:
            return None
        self._fill(parent_node)
        return self._item_nodes.get(item)

    def _parent_of(self, item: Item) -> Item | None:
        if item.kind == "measure":
            measure = self.catalogue.measure(item.id)
            return Item("goal", measure.goal_id) if measure is not None else None
        field = next(
            (f for f in self.catalogue.fields if any(g.id == item.id for g in f.goals)), None
        )
        return Item("field", field.id) if field is not None else None

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
            self._fill(node)  # at once: the children are there when the lines are drawn
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

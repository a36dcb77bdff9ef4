"""The "Übersicht" (`o`): per Handlungsfeld how many measures stand where, a bar of text cells
per field, and below what needs attention. Every number and every row can be reached with the
arrow keys (or Tab) and Enter opens the tree filtered to exactly its measures.

The numbers come from the session (`WorkspaceSession.overview`); this screen only lays them
out. Each number is drawn with its mark and digits, never by colour alone, so it reads in 16
colours, without colour and, with ASCII marks, on the Linux console. One widget draws one line
of numbers (a screen of widgets per number would take half a second to open over SSH).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalGroup
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from monitor_tui.dates import format_date
from monitor_tui.filters import NOT_SET, describe
from monitor_tui.i18n import _, get_language
from monitor_tui.model import Catalogue, Choice, Vocabulary
from monitor_tui.report.dashboard import (
    AttentionRow,
    Concern,
    GroupNumbers,
    Number,
    Overview,
    bar_segments,
)
from monitor_tui.session import WorkspaceSession
from monitor_tui.tui.browse import short_title
from monitor_tui.tui.display import display
from monitor_tui.tui.safe_text import one_line

WIDE_WIDTH = 120
"""From this width on, the list of what needs attention stands beside the numbers."""
LABEL_WIDTH = 11
"""The narrowest column of the line labels ("Bewertung" and two spaces)."""
LABELS = ("status", "assessment", "priority")
GAP = "  "
Part = str | tuple[str, str] | Content


@dataclass(frozen=True)
class Entry:
    """One number as a line shows it: its marks and digits, and its meaning in words."""

    number: Number
    parts: tuple[Part, ...]
    words: str

    @property
    def content(self) -> Content:
        return Content.assemble(*self.parts)


@dataclass(frozen=True)
class Chosen:
    """What Enter chose: the number (its filter) and its words for the status line."""

    number: Number
    words: str


def measures_words(count: int) -> str:
    """ "1 Maßnahme", "7 Maßnahmen"."""
    return _("tui_overview_measures_one") if count == 1 else _("tui_overview_measures", count=count)


def change_text(change: int | None) -> str:
    """ " +2", " −1" (a real minus sign; "-" on the console), nothing for no change."""
    if not change:
        return ""
    minus = display().pick("\u2212", "-")
    return f" +{change}" if change > 0 else f" {minus}{-change}"


class NumberLine(Widget):
    """A label and numbers on one line; on the cursor's line one of them is chosen (in
    reverse video). A number of no measures cannot be chosen (there is nothing to show).

    The lines never take the focus: moving between them then redraws two lines, not the
    screen's styles and footer."""

    DEFAULT_CSS = """
    NumberLine { width: 1fr; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, label: Part, entries: list[Entry], label_width: int = LABEL_WIDTH) -> None:
        super().__init__()
        self.label = Content.assemble(label)
        self.label_width = max(label_width, self.label.cell_length + 2 if label else 0)
        self.entries = entries
        self.choosable = [i for i, entry in enumerate(entries) if entry.number.count]
        self.index = self.choosable[0] if self.choosable else 0
        self.selected = False
        """The cursor is on this line."""
        self.block: tuple[Widget, Widget] | None = None
        """The first and last line of the block it is in (a Handlungsfeld), which is
        scrolled into view as a whole when it fits."""

    @property
    def entry(self) -> Entry:
        return self.entries[self.index]

    def offsets(self) -> list[int]:
        """The column each number starts at."""
        found, column = [], self.label_width
        for entry in self.entries:
            found.append(column)
            column += entry.content.cell_length + len(GAP)
        return found

    def choose(self, index: int, selected: bool = True) -> None:
        self.index = index
        self.selected = selected
        self.refresh()

    def nearest(self, column: int) -> int:
        """The choosable number that starts nearest `column` (moving up or down)."""
        offsets = self.offsets()
        return min(self.choosable, key=lambda i: abs(offsets[i] - column))

    def render(self) -> Content:
        label = self.label.pad_right(self.label_width - self.label.cell_length)
        parts: list[Content | str] = [label]
        for index, entry in enumerate(self.entries):
            if index:
                parts.append(GAP)
            content = entry.content
            if index == self.index and self.selected:
                # Reverse video marks the choice; the marks' colours would not read on it.
                content = Content.styled(content.plain, "reverse bold")
            elif not entry.number.count:
                # Plain, so that the numbers that count stand out; not dim, which 16 colours
                # draw dark grey on black.
                content = Content(content.plain)
            parts.append(content)
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        offsets = self.offsets()
        hit = [i for i in self.choosable if offsets[i] <= event.x]
        if hit:
            self.choose(hit[-1])
            self.post_message(ChoiceChanged(self))


class ChoiceChanged(Message):
    """A line's chosen number changed by a click."""

    def __init__(self, line: NumberLine) -> None:
        super().__init__()
        self.line = line


class HintLine(Widget):
    """What the chosen number means, in words. Redrawn alone (a Static would lay out the
    whole screen again at every key)."""

    text = ""

    def show(self, text: str) -> None:
        self.text = text
        self.refresh()

    def render(self) -> Content:
        return Content(self.text)


class StatusBar(Widget):
    """A field's statuses as a bar of text cells: each status's mark, as many cells as its
    share of the measures, in its colour; then "3/7 umgesetzt"."""

    DEFAULT_CSS = """
    StatusBar { width: 1fr; height: 1; }
    """

    def __init__(self, group: GroupNumbers, statuses: Vocabulary, indent: int) -> None:
        super().__init__(classes="status-bar")
        self.group = group
        self.statuses = statuses
        self.styles.padding = (0, 0, 0, indent)

    def render(self) -> Content:
        shown = display()
        counts = [(n.value, n.count) for n in self.group.status]
        done = sum(n.count for n in self.group.status if self._counts_as_done(n.value))
        # Out of all measures, as the tree's roll-ups count (an unreadable one is not done).
        suffix = " " + _("tui_overview_done", done=done, total=self.group.measures.count)
        left, right = shown.pick("▕", "|"), shown.pick("▏", "|")
        room = max(self.size.width - len(suffix) - 2, 0)
        parts: list[Part] = [left]
        for key, cells in bar_segments(counts, room):
            choice = self.statuses.get(key)
            mark = shown.mark(choice) if choice else "?"
            colour = shown.content_colour(choice.color) if choice else ""
            parts.append((mark * cells, f"bold {colour}".strip()))
        parts += [right, suffix]
        return Content.assemble(*parts)

    def _counts_as_done(self, key: str) -> bool:
        choice = self.statuses.get(key)
        return choice is not None and choice.counts


def _key(key: str, action: str, text: str, name: str, show: bool = False) -> Binding:
    return Binding(
        key,
        action,
        _(f"{text}_short") if show else _(text),
        tooltip=_(text),
        show=show,
        id=f"monitor.overview.{name}",
    )


class OverviewScreen(Screen[Chosen | None]):
    """Dismisses with the number chosen by Enter, or None (Esc)."""

    AUTO_FOCUS = ""  # `focus_start` puts the focus on the number chosen last time
    BINDINGS: ClassVar[list[BindingType]] = [
        _key("enter", "show", "tui_key_overview_show", "show", show=True),
        _key("escape,o", "close", "tui_key_overview_close", "close", show=True),
        _key("up,k", "move(-1)", "tui_key_overview_up", "up"),
        _key("down,j", "move(1)", "tui_key_overview_down", "down"),
        _key("left,h", "step(-1)", "tui_key_overview_left", "left"),
        _key("right,l", "step(1)", "tui_key_overview_right", "right"),
        _key("tab", "next(1)", "tui_key_overview_next", "next"),
        _key("shift+tab", "next(-1)", "tui_key_overview_previous", "previous"),
        _key("home", "edge(0)", "tui_key_overview_first", "first"),
        _key("end", "edge(-1)", "tui_key_overview_last", "last"),
    ]

    def __init__(self, session: WorkspaceSession, focus_id: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.focus_id = focus_id
        """The number to start on (the one chosen last time), else the first."""
        self.overview: Overview = session.overview()
        self.lines: list[NumberLine] = []
        """Every line with a number to choose, top to bottom."""
        self.attention_start = 0
        """The first of `lines` in the list of what needs attention."""
        self.left_at: dict[bool, tuple[NumberLine, int]] = {}
        """Per side (True: what needs attention), where one was when one left it (→ and ←
        cross between the two when they stand side by side)."""
        self.cursor: NumberLine | None = None
        """The line moved to last. Focus follows a moment later, so keys typed in a burst
        ("↓↓↓" held down) move on from here, not from the focus."""

    @property
    def catalogue(self) -> Catalogue:
        return self.session.catalogue

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self.lines = []
        self.cursor = None
        yield Static(Content.styled(self.title_text(), "bold"), id="overview-title")
        yield Static(Content(self.since_text()), id="overview-since")
        with Container(id="overview-body"):
            with VerticalGroup(id="overview-fields"):
                for group in (self.overview.total, *self.overview.fields):
                    yield from self.group_lines(group)
            self.attention_start = len(self.lines)
            with VerticalGroup(id="overview-attention"):
                yield from self.attention_widgets()
        yield HintLine(id="overview-hint")
        yield Footer(compact=True, show_command_palette=False)

    def title_text(self) -> str:
        return _("tui_overview_title", date=format_date(self.session.today(), get_language()))

    def since_text(self) -> str:
        report = self.session.last_report
        shown = display()
        minus, changed = shown.pick("\u2212", "-"), shown.changed
        if report is None:
            return _("tui_overview_no_report", minus=minus)
        when = format_date(report.report_date, get_language())
        return one_line(
            _("tui_overview_since", id=report.id, date=when, minus=minus, changed=changed)
        )

    def label_width(self) -> int:
        """The column of the labels: the longest ("Assessment") and two spaces."""
        return max(LABEL_WIDTH, *(len(_(f"tui_overview_{key}")) + 2 for key in LABELS))

    def line(self, label: Part, entries: list[Entry], label_width: int | None = None) -> NumberLine:
        width = self.label_width() if label_width is None else label_width
        made = NumberLine(label, entries, width)
        if made.choosable:
            self.lines.append(made)
        return made

    def group_lines(self, group: GroupNumbers) -> list[Widget]:
        """A Handlungsfeld (or all): heading with the number of measures, bar, the counts per
        status, assessment and priority, then fulfilled, overdue, changed."""
        concept = self.catalogue.concept
        place = self.place_words(group)
        heading = (
            f"{group.field.id} {one_line(group.field.title)}"
            if group.field is not None
            else _("tui_overview_all")
        )
        count = group.measures
        head = [
            Entry(count, ((measures_words(count.count), "bold"), change_text(count.change)), place)
        ]
        if group.unreadable.count:
            what = _("tui_overview_unreadable")
            unreadable = f"{_('tui_overview_unreadable_short')} {group.unreadable.count}"
            head.append(
                Entry(
                    group.unreadable,
                    ((unreadable, f"bold {display().content_colour('#d70000')}"),),
                    self.words(group.unreadable, place, what),
                )
            )
        widgets: list[Widget] = [
            self.line((heading, "bold"), head, label_width=0),
            StatusBar(group, concept.statuses, self.label_width()),
        ]
        for key, vocabulary in (
            ("status", concept.statuses),
            ("assessment", concept.assessments),
            ("priority", concept.priorities),
        ):
            entries = [
                self.vocabulary_entry(number, vocabulary, place) for number in group.vocabulary(key)
            ]
            widgets.append(self.line((_(f"tui_overview_{key}"), "bold"), entries))
        last = self.line("", self.more_entries(group, place))
        last.add_class("overview-block-end")
        widgets.append(last)
        return self.as_block(widgets)

    def as_block(self, widgets: list[Widget]) -> list[Widget]:
        for widget in widgets:
            if isinstance(widget, NumberLine):
                widget.block = (widgets[0], widgets[-1])
        return widgets

    def place_words(self, group: GroupNumbers) -> str:
        if group.field is None:
            return _("tui_overview_all_short")
        return f"{group.field.id} {one_line(group.field.title)}"

    def vocabulary_entry(self, number: Number, vocabulary: Vocabulary, place: str) -> Entry:
        choice = vocabulary.get(number.value)
        parts = (
            *self.mark_parts(choice, number.value == NOT_SET),
            str(number.count),
            change_text(number.change),
        )
        return Entry(number, parts, self.words(number, place))

    def mark_parts(self, choice: Choice | None, unset: bool = False) -> list[Part]:
        shown = display()
        if choice is None:
            return [(shown.pick("–", "-") if unset else "?") + " "]
        return [(shown.mark(choice), f"bold {shown.content_colour(choice.color)}"), " "]

    def more_entries(self, group: GroupNumbers, place: str) -> list[Entry]:
        """Indicator fulfilled, overdue, changed since the report."""
        fulfilled, overdue = group.fulfilled, group.overdue
        entries = [
            Entry(
                fulfilled,
                (
                    _("tui_overview_fulfilled") + " ",
                    (str(fulfilled.count), "bold"),
                    change_text(fulfilled.change),
                ),
                self.words(fulfilled, place, _("tui_overview_fulfilled")),
            ),
            Entry(
                overdue,
                (_("tui_overview_overdue") + " ", (str(overdue.count), "bold")),
                self.words(overdue, place),
            ),
        ]
        if group.changed is not None:
            changed = group.changed
            entries.append(
                Entry(
                    changed,
                    (
                        (display().changed, "bold"),
                        f" {_('tui_overview_changed')} ",
                        (str(changed.count), "bold"),
                    ),
                    self.words(changed, place),
                )
            )
        return entries

    def words(self, number: Number, place: str, what: str = "") -> str:
        """The number in words, as the status line and the tree's filter bar say it."""
        if number.filter.values("ids"):
            return f"{place} · {what}"
        parts = describe(number.filter, self.catalogue)
        if number.filter.values("field"):
            parts = parts[1:]  # "Handlungsfeld: 1 Bildung" says less than the place
        return " · ".join([place, *parts])

    # --- what needs attention --------------------------------------------------------------

    def attention_widgets(self) -> list[Widget]:
        title = Content.styled(_("tui_overview_attention"), "bold underline")
        widgets: list[Widget] = [Static(title, id="attention-title")]
        width = max((len(self.concern_words(c)) for c in self.overview.concerns), default=0)
        for concern in self.overview.concerns:
            words = self.concern_words(concern)
            parts = (
                *self.concern_parts(concern),
                " " * (width - len(words) + 1),
                (f"{concern.number.count:>3}", "bold"),
            )
            widgets.append(self.line("", [Entry(concern.number, parts, words)], label_width=0))
        widgets[-1].add_class("overview-block-end")
        self.as_block(widgets)
        if not self.overview.attention:
            widgets.append(Static(Content(_("tui_overview_attention_none"))))
        widgets += [self.attention_line(row) for row in self.overview.attention]
        return widgets

    def concern_parts(self, concern: Concern, short: bool = False) -> list[Part]:
        """The concern in words after its mark: "■ kritisch", "↑ Priorität hoch"; `short` for
        a measure's row: "↑ hoch", "Schritt fällig"."""
        lang = get_language()
        if concern.choice is None:
            if short and concern.dimension == "next_step_due":
                return [_("tui_overview_reason_next_step_due")]
            return [_(f"tui_overview_concern_{concern.dimension}")]
        label = one_line(concern.choice.label(lang))
        if concern.dimension == "priority" and not short:
            label = _("tui_overview_concern_priority", value=label)
        return [*self.mark_parts(concern.choice), label]

    def concern_words(self, concern: Concern) -> str:
        return Content.assemble(*self.concern_parts(concern)).plain

    def attention_line(self, row: AttentionRow) -> NumberLine:
        """A measure that needs attention: its id, why, and the start of its text."""
        parts: list[Part] = [(f"{row.measure.id:<7}", "bold")]
        for index, concern in enumerate(row.concerns):
            if index:
                parts.append(", ")
            parts += self.concern_parts(concern, short=True)
        parts.append("  " + one_line(short_title(row.measure, 200)))
        reasons = ", ".join(self.concern_words(c) for c in row.concerns)
        made = self.line("", [Entry(row.number, tuple(parts), f"{row.measure.id} – {reasons}")], 0)
        made.add_class("attention-row")
        return made

    # --- moving and choosing ---------------------------------------------------------------

    def on_mount(self) -> None:
        self.apply_size(self.app.size.width)
        self.call_after_refresh(self.focus_start)

    def on_resize(self, event: events.Resize) -> None:
        self.apply_size(event.size.width)

    def apply_size(self, width: int) -> None:
        self.set_class(width >= WIDE_WIDTH, "wide")

    def focus_start(self) -> None:
        """On the number of `focus_id` (the one chosen last), else on the first."""
        for line in self.lines:
            for index in line.choosable:
                if line.entries[index].number.id == self.focus_id:
                    self.go_to(line, index)
                    return
        if self.lines:
            self.go_to(self.lines[0], self.lines[0].choosable[0])

    def go_to(self, line: NumberLine, index: int) -> None:
        """Choose a number, show what it means, and scroll it into view."""
        if self.cursor is not None and self.cursor is not line:
            self.cursor.choose(self.cursor.index, selected=False)
        self.cursor = line
        line.choose(index)
        self.focus_id = line.entry.number.id
        self.query_one(HintLine).show(self.hint(line.entry))
        # Its whole block when it fits (the end, then the start), and the line in any case.
        for widget in (*(line.block or ()), line):
            widget.scroll_visible(animate=False, immediate=True)

    def on_choice_changed(self, event: ChoiceChanged) -> None:
        self.go_to(event.line, event.line.index)

    def hint(self, entry: Entry) -> str:
        number = entry.number
        if number.id.startswith("measure/"):
            return entry.words
        change = change_text(number.change).strip()
        more = _("tui_overview_change", change=change) if change else ""
        return _(
            "tui_overview_hint",
            what=entry.words,
            measures=measures_words(number.count),
            change=more,
        )

    def position(self) -> int | None:
        return next((i for i, line in enumerate(self.lines) if line is self.cursor), None)

    def action_move(self, step: int) -> None:
        """To the nearest number on the line above or below."""
        where = self.position()
        if where is None or self.cursor is None:
            self.focus_start()
            return
        target = where + step
        if 0 <= target < len(self.lines):
            column = self.cursor.offsets()[self.cursor.index]
            line = self.lines[target]
            self.go_to(line, line.nearest(column))

    def action_step(self, step: int) -> None:
        """To the next number on the line (→) or the one before (←)."""
        line = self.cursor
        if line is None:
            self.focus_start()
            return
        place = line.choosable.index(line.index)
        if 0 <= place + step < len(line.choosable):
            self.go_to(line, line.choosable[place + step])
        elif self.has_class("wide"):  # across to the other side, where one was last
            self.cross(self.lines.index(line) >= self.attention_start, step)

    def cross(self, from_attention: bool, step: int) -> None:
        """→ from the numbers to what needs attention, ← back."""
        if from_attention == (step > 0) or self.cursor is None:
            return
        self.left_at[from_attention] = (self.cursor, self.cursor.index)
        side = (
            self.lines[: self.attention_start]
            if from_attention
            else self.lines[self.attention_start :]
        )
        if not side:
            return
        line, index = self.left_at.get(not from_attention, (side[0], side[0].choosable[0]))
        self.go_to(line, index)

    def action_next(self, step: int) -> None:
        """Tab: the next number, in reading order (Umschalt+Tab: the one before)."""
        stops = [(line, i) for line in self.lines for i in line.choosable]
        if not stops:
            return
        current = next(
            (n for n, (line, i) in enumerate(stops) if line is self.cursor and i == line.index), -1
        )
        line, index = stops[(current + step) % len(stops)]
        self.go_to(line, index)

    def action_edge(self, end: int) -> None:
        """Pos1: the first number, at the very top; Ende: the last, at the very bottom."""
        for pane in self.query("#overview-body, #overview-fields, #overview-attention"):
            if end:
                pane.scroll_end(animate=False, immediate=True)
            else:
                pane.scroll_home(animate=False, immediate=True)
        if self.lines:
            line = self.lines[end]
            self.go_to(line, line.choosable[end])

    def action_show(self) -> None:
        line = self.cursor
        if line is not None and line.entry.number.count:
            self.dismiss(Chosen(line.entry.number, line.entry.words))

    def action_close(self) -> None:
        self.dismiss(None)

    async def refresh_numbers(self) -> None:
        """Count afresh (another session saved), keeping the number in focus."""
        self.overview = self.session.overview()
        await self.recompose()
        self.focus_start()

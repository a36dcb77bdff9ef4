"""Another session changed the same fields: show both versions, let the user choose."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from monitor_tui.i18n import _

ConflictRow = tuple[str, str, str, str]
"""(field name, their value, my value, who changed it and when), already in display words."""


class ConflictScreen(ModalScreen[bool]):
    """Dismisses with True for "keep mine" (save again) and False for "keep theirs"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose(True)", _("tui_key_conflict_mine"), id="monitor.conflict.mine"),
        Binding(
            "a,escape", "choose(False)", _("tui_key_conflict_theirs"), id="monitor.conflict.theirs"
        ),
    ]

    def __init__(self, measure_id: str, rows: Sequence[ConflictRow], by: str) -> None:
        """`by`: who changed the measure meanwhile, and when ("Bernd, 27.11.2026, 10:54")."""
        super().__init__()
        self.measure_id = measure_id
        self.rows = rows
        self.by = by

    def compose(self) -> ComposeResult:
        intro = _("tui_conflict_intro", id=self.measure_id, by=self.by)
        lines = [Content(intro), Content("")]
        for name, theirs, mine, by in self.rows:
            lines.append(Content.assemble((name, "bold")))
            theirs_line = Content.assemble(
                "  ", (_("tui_conflict_theirs") + " ", "bold"), theirs, ("  " + by, "italic")
            )
            lines.append(theirs_line)
            lines.append(Content.assemble("  ", (_("tui_conflict_mine") + " ", "bold"), mine))
        with Vertical(classes="dialog"):
            yield Static(Content(_("tui_conflict_title")), classes="dialog-title")
            yield Static(Content("\n").join(lines), id="conflict-text")
            yield Static(Content(_("tui_conflict_hint")), classes="dialog-hint")

    def action_choose(self, mine: bool) -> None:
        self.dismiss(mine)

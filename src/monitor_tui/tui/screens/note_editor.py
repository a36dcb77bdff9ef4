"""Write a progress note: Markdown in a soft-wrapping editor; ctrl+s saves, Esc asks first.
`FileEditorScreen` is the same editor for a whole status file, when no other editor is there."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Static, TextArea

from monitor_tui.i18n import _
from monitor_tui.tui.screens.confirm import ConfirmScreen
from monitor_tui.tui.widgets.safe_text_area import SafeTextArea
from monitor_tui.tui.widgets.state_checkbox import StateCheckbox

SaveNote = Callable[[str, bool], str | None]
"""Saves (text, internal); returns an error message, or None when the note is on disk."""
SaveText = Callable[[str], str | None]
"""Saves a whole file's text; returns an error message, or None when it is on disk."""


class _EditorScreen(ModalScreen[bool]):
    """What both editors share: the text, its error line, and Esc asking before it discards
    unsaved text. Dismisses with True once saved, False when closed without saving."""

    DISCARD_QUESTION = ""
    """Message key of the question Esc asks when there is unsaved text."""
    ERROR_ID = ""
    """Id of the line that shows why saving failed."""

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    @property
    def has_unsaved_text(self) -> bool:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.query_one(f"#{self.ERROR_ID}", Static).update(Content(message))

    def saved_or_error(self, error: str | None) -> None:
        """Close as saved, or keep the text and say why it was not saved."""
        if error:
            self.show_error(error)
        else:
            self.dismiss(True)

    def action_close(self) -> None:
        if not self.has_unsaved_text:
            self.dismiss(False)
            return

        def discard(yes: bool | None) -> None:
            if yes:
                self.dismiss(False)

        self.app.push_screen(ConfirmScreen(_(self.DISCARD_QUESTION)), discard)


class NoteEditorScreen(_EditorScreen):
    """Dismisses with True once the note is saved; on an error the text stays in the editor."""

    DISCARD_QUESTION = "tui_note_discard_question"
    ERROR_ID = "note-error"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", _("tui_key_note_save"), id="monitor.note.save"),
        Binding(
            "ctrl+t", "toggle_internal", _("tui_key_note_internal"), id="monitor.note.internal"
        ),
        Binding("escape", "close", _("tui_key_note_close"), id="monitor.note.close"),
    ]

    def __init__(self, measure_id: str, save: SaveNote, title: str | None = None) -> None:
        """`title` replaces the usual one, e.g. to say that a value needs a reason."""
        super().__init__()
        self.measure_id = measure_id
        self.save_note = save
        self.title_text = title or _("tui_note_title", id=measure_id)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield SafeTextArea(soft_wrap=True, tab_behavior="focus", id="note-text")
            yield StateCheckbox(_("tui_note_internal_toggle"), id="note-internal")
            yield Static(Content(""), id="note-error", classes="error")
            yield Static(Content(_("tui_note_hint")), classes="dialog-hint")

    @property
    def has_unsaved_text(self) -> bool:
        return bool(self.text.strip())

    def action_toggle_internal(self) -> None:
        box = self.query_one(Checkbox)
        box.value = not box.value

    def action_save(self) -> None:
        if not self.text.strip():
            self.show_error(_("tui_note_empty"))
            return
        self.saved_or_error(self.save_note(self.text, self.query_one(Checkbox).value))


class FileEditorScreen(_EditorScreen):
    """A status file in the app's own editor: ctrl+s saves (unless someone saved meanwhile),
    Esc asks before discarding changes. Dismisses with True once saved."""

    DISCARD_QUESTION = "tui_file_discard_question"
    ERROR_ID = "file-error"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", _("tui_key_note_save"), id="monitor.file.save"),
        Binding("escape", "close", _("tui_key_note_close"), id="monitor.file.close"),
    ]

    def __init__(self, title: str, text: str, save: SaveText) -> None:
        super().__init__()
        self.title_text = title
        self.original = text
        self.save_text = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog note-dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield SafeTextArea(self.original, soft_wrap=True, tab_behavior="focus", id="file-text")
            yield Static(Content(""), id="file-error", classes="error")
            yield Static(Content(_("tui_file_editor_hint")), classes="dialog-hint")

    @property
    def has_unsaved_text(self) -> bool:
        return self.text != self.original

    def action_save(self) -> None:
        self.saved_or_error(self.save_text(self.text))

"""Editing a measure's status file by hand (`e`): in $VISUAL/$EDITOR or nano, else in the
app's own editor; afterwards the file is read again and a changed state goes on the record."""

from __future__ import annotations

from textual.app import SuspendNotSupported

from monitor_tui.i18n import _
from monitor_tui.problems import ProblemsError
from monitor_tui.session import SaveOutcome, WorkspaceSession
from monitor_tui.tui.editor import choose_editor, run_editor
from monitor_tui.tui.screens.recording import RecordingHost, selected_measure


class HandEditor:
    """Opens the selected measure's file in an editor and says what came of it."""

    def __init__(self, host: RecordingHost, session: WorkspaceSession) -> None:
        self.host = host
        self.session = session

    def edit_selected(self) -> None:
        # also a broken file: the editor is how one repairs it
        measure_id = selected_measure(self.host)
        if measure_id is None:
            return
        path = self.session.status_file(measure_id)
        if path is None:
            self.host.set_status(_("tui_no_file_yet", id=measure_id), error=True)
            return
        try:
            editor = choose_editor()
        except ValueError as error:  # $EDITOR with bad quoting
            self.host.set_status(_("tui_editor_failed", reason=error), error=True)
            return
        if editor.command is None:
            self.edit_in_app(measure_id)
            return
        try:
            run_editor(self.host.app, editor.command, path)
        except (OSError, SuspendNotSupported) as error:
            self.host.set_status(
                _("tui_editor_failed", reason=getattr(error, "strerror", None) or error), error=True
            )
            return
        self.after_hand_edit(measure_id, self.session.edited_by_hand(measure_id), editor.name)

    def edit_in_app(self, measure_id: str) -> None:
        """No $EDITOR and no nano: the app's own editor, saying so in its title."""
        from monitor_tui.tui.screens.note_editor import FileEditorScreen

        try:
            text = self.session.status_text(measure_id)
        except ProblemsError as error:
            self.host.set_status(str(error.problems[0]) if error.problems else "", error=True)
            return

        def save_text(new_text: str) -> str | None:
            outcome = self.session.save_status_text(measure_id, new_text, text)
            if outcome is not None and outcome.kind == "error":
                return _("tui_save_failed", id=measure_id, reason=outcome.reason)
            self.after_hand_edit(measure_id, outcome, _("tui_builtin_editor"))
            return None

        title = _("tui_file_editor_title", id=measure_id)
        self.host.app.push_screen(FileEditorScreen(title, text, save_text))

    def after_hand_edit(self, measure_id: str, outcome: SaveOutcome | None, editor: str) -> None:
        """Editing by hand is allowed; a changed state goes on the record as a signed entry."""
        self.host.refresh_after_change()
        if outcome is not None and outcome.kind == "error":
            self.host.set_status(
                _("tui_save_failed", id=measure_id, reason=outcome.reason), error=True
            )
        elif measure_id in self.session.broken:
            self.host.report_broken_file(measure_id)
        elif measure_id in self.session.inconsistent:
            problem = self.session.inconsistent[measure_id][0]
            self.host.set_status(
                _("tui_inconsistent_file", id=measure_id, problem=problem), error=True
            )
        elif outcome is not None:
            login = self.session.name_of(self.session.login)
            self.host.set_status(
                _("tui_hand_edit_recorded", id=measure_id, login=login, editor=editor)
            )
        else:
            self.host.set_status(_("tui_file_reread_after", id=measure_id, editor=editor))

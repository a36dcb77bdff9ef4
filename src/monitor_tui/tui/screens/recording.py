"""Recording what staff choose for the selected measure: the pickers of the state fields,
a reason where the concept asks for one, notes, the next step, and conflicts with a save of
someone else. The main screen's keys call it; it saves through the session."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from textual.app import App
from textual.content import Content

from monitor_tui.dates import format_date, format_timestamp
from monitor_tui.i18n import _, get_language
from monitor_tui.model import LogEntry, MeasureStatus
from monitor_tui.session import SaveOutcome, WorkspaceSession
from monitor_tui.status.edits import Conflict, Edit, edit_from_conflicts, reasons_needed
from monitor_tui.status.wording import field_name, horizon_words, value_word
from monitor_tui.tui.safe_text import fit, one_line
from monitor_tui.tui.screens.picker import PickerEntry, PickerScreen
from monitor_tui.tui.widgets.catalogue_tree import Item
from monitor_tui.tui.widgets.detail import LATEST_ENTRY

# The dialogs are imported when first opened: the app's first screen needs none of them.
if TYPE_CHECKING:
    from monitor_tui.tui.screens.conflict import ConflictRow
    from monitor_tui.tui.screens.next_step import NextStep

NOTE_QUOTE = 40
"""How much of a saved note the status line quotes."""


class RecordingHost(Protocol):
    """What the recorder needs of the screen it works for."""

    @property
    def app(self) -> App[Any]: ...

    def selected_item(self) -> Item | None: ...

    def set_status(self, message: str, error: bool = False) -> None: ...

    def refresh_after_change(self, anchor: str | None = None) -> None: ...

    def report_broken_file(self, measure_id: str) -> None: ...


def selected_measure(host: RecordingHost) -> str | None:
    """The id of the measure selected in the tree; None (and the status line asks for one)
    when a field or goal is selected."""
    item = host.selected_item()
    if item is None or item.kind != "measure":
        host.set_status(_("tui_select_measure_first"), error=True)
        return None
    return item.id


class Recorder:
    """Asks for a value, a reason or a note for the selected measure and saves it; each
    outcome (saved, refused, a conflict to resolve) is said on the host's status line."""

    def __init__(self, host: RecordingHost, session: WorkspaceSession) -> None:
        self.host = host
        self.session = session

    def selected_measure_id(self) -> str | None:
        """The selected measure, if its file can be read; else the status line says why not."""
        measure_id = selected_measure(self.host)
        if measure_id is not None and measure_id in self.session.broken:
            self.host.report_broken_file(measure_id)
            return None
        return measure_id

    def selected_status(self) -> MeasureStatus | None:
        item = self.host.selected_item()
        return self.session.status_of(item.id) if item else None

    def pick_and_save(
        self,
        title_key: str,
        entries: list[PickerEntry],
        current: str | None,
        make_edit: Callable[[str], Edit],
        description: str = "",
        **title_values: str,
    ) -> None:
        """A picker titled by the message `title_key` (with the measure's id), saving what is
        chosen."""
        measure_id = self.selected_measure_id()
        if measure_id is None:
            return
        base = self.session.status_of(measure_id)

        def chosen(key: str | None) -> None:
            if key is not None:
                self.save_with_reason(measure_id, make_edit(key), base)

        title = _(title_key, id=measure_id, **title_values)
        picker = PickerScreen(title, entries, current, description)
        self.host.app.push_screen(picker, chosen)

    def save_with_reason(self, measure_id: str, edit: Edit, base: MeasureStatus) -> None:
        """Save, but first ask for a note when a value the concept marks `needs_reason` is set:
        the value and its reason are saved together, or not at all."""
        from monitor_tui.tui.screens.note_editor import NoteEditorScreen

        missing = reasons_needed(edit, self.session.catalogue, base)
        if not missing:
            self.save(measure_id, edit, base)
            return
        lang = get_language()
        values = ", ".join(
            f"{field_name(m.field)} „{value_word(m.field, m.value, self.session.catalogue, lang)}“"
            for m in missing
        )

        def save_note(text: str, internal: bool) -> str | None:
            return self.save(measure_id, replace(edit, note=text, internal=internal), base)

        title = _("tui_reason_title", id=measure_id, values=values)
        self.host.app.push_screen(NoteEditorScreen(measure_id, save_note, title))

    def choice_entries(self, name: str, with_unset: bool) -> list[PickerEntry]:
        concept, lang = self.session.catalogue.concept, get_language()
        vocabulary = {
            "status": concept.statuses,
            "assessment": concept.assessments,
            "priority": concept.priorities,
        }[name]
        entries = [PickerEntry.of_choice(choice, lang) for choice in vocabulary]
        if with_unset:
            entries.append(PickerEntry.plain("", _("tui_value_not_set"), hotkey="-"))
        return entries

    def choose_status(self) -> None:
        status = self.selected_status()
        self.pick_and_save(
            "tui_pick_status",
            self.choice_entries("status", with_unset=False),
            status.status if status else None,
            lambda key: Edit(status=key),
        )

    def choose_assessment(self) -> None:
        status = self.selected_status()
        self.pick_and_save(
            "tui_pick_assessment",
            self.choice_entries("assessment", with_unset=True),
            (status.assessment if status else None) or "",
            lambda key: Edit(assessment=key),
        )

    def choose_priority(self) -> None:
        status = self.selected_status()
        self.pick_and_save(
            "tui_pick_priority",
            self.choice_entries("priority", with_unset=True),
            (status.priority if status else None) or "",
            lambda key: Edit(priority=key),
        )

    def choose_target_state(self) -> None:
        measure_id = self.selected_measure_id()
        measure = self.session.catalogue.measure(measure_id) if measure_id else None
        if measure is None:
            return
        if not measure.targets:
            self.host.set_status(_("tui_no_targets", id=measure.id), error=True)
            return
        lang = get_language()
        states = self.session.catalogue.concept.target_states
        status = self.session.status_of(measure.id)

        def pick_state(target_key: str | None) -> None:
            target = measure.target(target_key) if target_key else None
            if target is None:
                return
            name = horizon_words(target.key, self.session.catalogue) or one_line(target.label)
            self.pick_and_save(
                "tui_pick_target_state",
                [PickerEntry.of_choice(c, lang) for c in states],
                status.target_state(target, states.default.key),
                lambda key: Edit(targets={target.key: key}),
                description=one_line(target.text),
                target=name,
            )

        if len(measure.targets) == 1:
            pick_state(measure.targets[0].key)
            return
        entries = []
        for number, target in enumerate(measure.targets, 1):
            state = states.get(status.target_state(target, states.default.key))
            marked = PickerEntry.of_choice(state, lang).label if state else Content("? ")
            label = Content.assemble(
                marked, "  ", (one_line(target.label), "bold"), " ", one_line(target.text)
            )
            hotkey = str(number) if number < 10 else ""
            entries.append(PickerEntry(target.key, one_line(target.label), label, hotkey))
        self.host.app.push_screen(
            PickerScreen(_("tui_pick_target", id=measure.id), entries), pick_state
        )

    def mark_reviewed(self) -> None:
        from monitor_tui.tui.screens.conflict import ConflictScreen

        measure_id = self.selected_measure_id()
        if measure_id is None:
            return
        day = self.session.today()
        error = self.save(measure_id, Edit(reviewed=day), self.session.status_of(measure_id))
        # a conflict has its own dialog and message
        if error is None and not isinstance(self.host.app.screen, ConflictScreen):
            login = self.session.name_of(self.session.login)
            when = format_date(day, get_language())
            self.host.set_status(_("tui_reviewed_saved", id=measure_id, day=when, login=login))

    def add_note(self) -> None:
        from monitor_tui.tui.screens.note_editor import NoteEditorScreen

        measure_id = self.selected_measure_id()
        if measure_id is None:
            return

        def save_note(text: str, internal: bool) -> str | None:
            edit = Edit(note=text, internal=internal)
            base = self.session.status_of(measure_id)
            return self.save(measure_id, edit, base, anchor=LATEST_ENTRY)

        self.host.app.push_screen(NoteEditorScreen(measure_id, save_note))

    def save(
        self, measure_id: str, edit: Edit, base: MeasureStatus | None, anchor: str | None = None
    ) -> str | None:
        """Save through the session, as the CLI does; returns an error message or None.
        `anchor`: where the details show the measure from afterwards (a note: its entry)."""
        outcome = self.session.save(measure_id, edit, base)
        self.host.refresh_after_change(anchor)
        if outcome.kind == "error":
            message = _("tui_save_failed", id=measure_id, reason=outcome.reason)
            self.host.set_status(message, error=True)
            return message
        if outcome.kind == "conflict":
            self.resolve_conflicts(outcome)
        elif edit.has_note:
            self.host.set_status(self.note_saved_message(measure_id, edit))
        else:
            who = self.session.name_of(self.session.login)
            self.host.set_status(_("tui_saved", id=measure_id, login=who))
        return None

    def set_next_step(self) -> None:
        from monitor_tui.tui.screens.next_step import NextStepScreen

        measure_id = self.selected_measure_id()
        if measure_id is None:
            return
        base = self.session.status_of(measure_id)

        def chosen(step: NextStep | None) -> None:
            if step is None:
                return
            text, due = step
            self.save(measure_id, Edit(next_step=text, next_step_due=due), base)

        screen = NextStepScreen(measure_id, base.next_step or "", base.next_step_due)
        self.host.app.push_screen(screen, chosen)

    def note_saved_message(self, measure_id: str, edit: Edit) -> str:
        """Which note went where: the details only show it further down at 80×24."""
        quote = fit(one_line(edit.note), NOTE_QUOTE)
        key = "tui_note_saved_internal" if edit.internal else "tui_note_saved"
        return _(key, id=measure_id, login=self.session.name_of(self.session.login), quote=quote)

    def resolve_conflicts(self, outcome: SaveOutcome) -> None:
        from monitor_tui.tui.screens.conflict import ConflictScreen

        measure_id = outcome.measure_id
        log = outcome.status.log if outcome.status else ()
        rows = [self.conflict_row(conflict, log) for conflict in outcome.conflicts]
        latest = next((entry for entry in log if entry.changes), None)
        by = self.who_and_when(latest) if latest else _("tui_conflict_someone")
        self.host.set_status(_("tui_conflict_status", id=measure_id, by=by), error=True)

        def chosen(mine: bool | None) -> None:
            if mine:
                self.save(measure_id, edit_from_conflicts(outcome.conflicts), outcome.status)
            else:
                self.host.set_status(_("tui_conflict_kept_theirs", id=measure_id))

        self.host.app.push_screen(ConflictScreen(measure_id, rows, by), chosen)

    def conflict_row(self, conflict: Conflict, log: Sequence[LogEntry]) -> ConflictRow:
        lang = get_language()

        def word(value: str) -> str:
            return value_word(conflict.field, value, self.session.catalogue, lang)

        changed = next((e for e in log if any(c.field == conflict.field for c in e.changes)), None)
        by = _("tui_conflict_changed_by", by=self.who_and_when(changed)) if changed else ""
        name = field_name(conflict.field, self.session.catalogue)
        return name, word(conflict.theirs), word(conflict.mine), by

    def who_and_when(self, entry: LogEntry) -> str:
        """ "Bernd Beispiel (bernd), 27.11.2026, 10:54": the log names who saved and when."""
        person = self.session.people.get(entry.author)
        who = f"{person.name} ({entry.author})" if person else entry.author
        when = format_timestamp(entry.timestamp, get_language())
        return one_line(f"{who}, {when}")

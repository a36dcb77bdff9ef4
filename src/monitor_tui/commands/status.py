"""`monitor-tui status ID [changes…]`: record a change, then show the measure's state and log."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from monitor_tui.commands.common import (
    USAGE_ERROR,
    announce_workspace,
    fail,
    format_entry,
    load_catalogue_or_report,
    report_problems,
)
from monitor_tui.commands.due import next_step_text
from monitor_tui.commands.options import parse_date_option
from monitor_tui.dates import format_date
from monitor_tui.i18n import _, get_language
from monitor_tui.model import (
    Catalogue,
    Measure,
    MeasureStatus,
    indicator_fulfilled,
    is_overdue,
    next_step_overdue,
)
from monitor_tui.people import Directory, load_directory
from monitor_tui.problems import ProblemsError
from monitor_tui.status.edits import Edit, InvalidEdit, MissingReason, reasons_needed
from monitor_tui.status.format import CORRECTION_TAG
from monitor_tui.status.store import (
    adopt_hand_edit,
    current_login,
    earliest_entry_day,
    load_status,
    load_status_checked,
    save_edit,
)
from monitor_tui.status.wording import field_name, value_word
from monitor_tui.text import visible_controls, visible_line
from monitor_tui.workspace import Workspace


def run(args: argparse.Namespace, workspace: Workspace) -> int:
    catalogue = load_catalogue_or_report(workspace)
    if catalogue is None:
        return 1
    measure = catalogue.measure(args.id)
    if measure is None:
        known = ", ".join(m.id for m in catalogue.measures())
        return fail(_("measure_unknown", id=args.id, known=known), USAGE_ERROR)
    try:
        if args.adopt:
            announce_workspace(workspace)
            adopted = _adopt(args, workspace, catalogue, measure.id)
        else:
            edit = edit_from_args(args)
            if edit is not None:
                current = load_status(workspace, catalogue, measure.id)
                missing = reasons_needed(edit, catalogue, current)
                if missing:
                    reasons = _reasons(missing, catalogue)
                    return fail(_("status_reason_required", values=reasons), USAGE_ERROR)
                announce_workspace(workspace)
                save_edit(workspace, catalogue, measure.id, edit, current_login())
        status, findings = load_status_checked(workspace, catalogue, measure.id)
    except InvalidEdit as error:
        return fail(str(error), USAGE_ERROR)
    except ProblemsError as error:
        return report_problems(error.problems)
    directory = load_directory(workspace.catalogue_dir)
    start = catalogue.concept.monitoring_start
    if start is None and status.reviewed is None:
        # only a never-reviewed measure counts "overdue" from the start, whose stand-in (the
        # oldest entry anywhere) takes a look at every status file
        start = earliest_entry_day(workspace, catalogue)
    print(describe(catalogue, measure, status, directory, date.today(), start))
    if args.adopt:
        print(visible_line(adopted))
    report_problems(findings)  # the state is shown all the same: the file is readable
    return 0


def _reasons(missing: list[MissingReason], catalogue: Catalogue) -> str:
    lang = get_language()
    return ", ".join(
        f"{field_name(m.field)} „{value_word(m.field, m.value, catalogue, lang)}“" for m in missing
    )


def _adopt(
    args: argparse.Namespace, workspace: Workspace, catalogue: Catalogue, measure_id: str
) -> str:
    """`--adopt [--note TEXT]`: record a hand edit of the front matter; what was done, in words."""
    if _changes_asked(args) or args.internal or args.correct:
        raise InvalidEdit(_("status_adopt_alone"))
    note = _note_from_args(args) if args.note is not None else ""
    result = adopt_hand_edit(workspace, catalogue, measure_id, current_login(), note)
    if not result.written:
        return _("status_adopt_nothing", id=measure_id)
    count = len(result.status.log[0].changes) if result.status.log else 0
    return _("status_adopted", id=measure_id, count=count)


def _changes_asked(args: argparse.Namespace) -> bool:
    return bool(
        args.set_status is not None
        or args.target
        or args.assessment is not None
        or args.priority is not None
        or args.reviewed
        or args.next_step is not None
        or args.next_step_due is not None
    )


def edit_from_args(args: argparse.Namespace) -> Edit | None:
    """The Edit the options ask for, or None when they only ask to show the measure."""
    targets: dict[str, str] = {}
    for item in args.target:
        term, sep, state = item.partition("=")
        if not sep or not term or not state:
            raise InvalidEdit(_("status_target_syntax", value=item))
        targets[term.strip()] = state.strip()
    note = _note_from_args(args) if args.note is not None else ""
    if args.internal and not note.strip():
        raise InvalidEdit(_("status_internal_without_note"))
    if args.correct and not note.strip():  # a correction without its reason explains nothing
        raise InvalidEdit(_("status_correct_needs_reason"))
    try:
        next_step_due = parse_date_option(args.next_step_due, "--next-step-due")
    except ValueError as error:
        raise InvalidEdit(str(error)) from None
    if args.next_step is not None and not args.next_step.strip() and next_step_due is not None:
        raise InvalidEdit(_("status_next_step_due_without_step"))
    edit = Edit(
        status=args.set_status,
        targets=targets,
        assessment=args.assessment,
        priority=args.priority,
        reviewed=date.today() if args.reviewed else None,
        next_step=args.next_step,
        next_step_due=next_step_due,
        note=note,
        internal=args.internal,
        tags=(CORRECTION_TAG,) if args.correct else (),
    )
    return None if edit == Edit() else edit


def _note_from_args(args: argparse.Namespace) -> str:
    """The text of `--note TEXT` or `--note -` (standard input); refuses an empty note."""
    if args.note == "-":
        note = _without_final_line_end(read_stdin_text())
    else:
        note = args.note
        check_argument_text(note, "--note")
    if not note.strip():
        raise InvalidEdit(_("status_note_empty"))
    return note


def read_stdin_text() -> str:
    """Standard input as UTF-8; raises InvalidEdit naming the first byte that is not UTF-8
    (never a message holding the text itself)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # replaced by a text stream (embedding, tests)
        text: str = sys.stdin.read()
        check_argument_text(text, _("input_stdin"))
        return text
    data: bytes = buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        source = _("input_stdin")
        value = f"{data[error.start]:02X}"
        raise InvalidEdit(
            _("input_not_utf8", source=source, position=error.start + 1, value=value)
        ) from None


def check_argument_text(text: str, source: str) -> None:
    """Refuse an argument whose bytes were not UTF-8: Python hands them over as lone
    surrogates (U+DC80…U+DCFF), which no file can store. Names the byte's position."""
    for index, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            position = len(os.fsencode(text[:index])) + 1
            value = f"{ord(char) - 0xDC00:02X}" if ord(char) >= 0xDC80 else f"{ord(char):04X}"
            raise InvalidEdit(_("input_not_utf8", source=source, position=position, value=value))


def _without_final_line_end(text: str) -> str:
    """Text from a pipe ends with the shell's line end, which is not part of the note."""
    for ending in ("\r\n", "\n"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def describe(
    catalogue: Catalogue,
    measure: Measure,
    status: MeasureStatus,
    directory: Directory,
    today: date,
    start: date | None = None,
) -> str:
    """The measure, its state and its log as plain text for the terminal; `start` is the day
    monitoring began (a measure never reviewed is overdue counting from it)."""
    concept, lang = catalogue.concept, get_language()

    def label(field: str, key: str | None) -> str:
        return value_word(field, key, catalogue, lang)

    overdue = is_overdue(status, today, concept.review_period_days, start)
    reviewed = format_date(status.reviewed, lang) if status.reviewed else _("status_never_reviewed")
    lines = [
        f"{measure.id} {measure.label}",
        measure.text,
        "",
        f"{_('label_status')}: {label('status', status.status)}",
        f"{_('label_assessment')}: {label('assessment', status.assessment)}",
        f"{_('label_priority')}: {label('priority', status.priority)}",
        f"{_('label_reviewed')}: {reviewed}" + (f" ({_('label_overdue')})" if overdue else ""),
    ]
    if status.next_step:
        late = next_step_overdue(status.next_step_due, today)
        lines.append(next_step_text(status.next_step, status.next_step_due, lang, late))
    lines.append(f"{_('label_targets')}:")
    default = concept.target_states.default.key
    for target in measure.targets:
        lines.append(f"  {target.label} {label('target', status.target_state(target, default))}")
    fulfilled = indicator_fulfilled(measure, status, concept.target_states)
    lines.append(f"{_('label_indicator_fulfilled')}: {_('yes') if fulfilled else _('no')}")
    lines.append(f"{_('label_log')}:" if status.log else _("status_log_empty"))
    for entry in status.log:
        lines += ["", *format_entry(entry, directory, catalogue)]
    return visible_controls("\n".join(lines))

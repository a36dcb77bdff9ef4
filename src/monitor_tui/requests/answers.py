"""A filled-in request form → per measure what would change (the preview) → saved entries.

Each answered measure becomes one entry, signed by the person who imports (the audit fact),
tagged `abfrage` and naming the office, its contact, the day of the request and the form
(`- @office: …`, `- @contact: …`, `- @request: …`, `- @form: …`). It sets what the office
ticked, records a review, and carries "Fortschritt seit dem letzten Bericht" as its note.

Nothing is silently overwritten: the save's base is the measure's state when the request was
made (replayed from its log), so a field someone changed since then is kept and reported as a
conflict by the store. A form already imported leaves no second entry: each measure's log is
searched for the form's id.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from monitor_tui.dates import format_date
from monitor_tui.i18n import _, get_language
from monitor_tui.model import REQUEST_TAG, Catalogue, Change, LogEntry, MeasureStatus
from monitor_tui.people import Directory, OfficeContact
from monitor_tui.problems import ProblemsError
from monitor_tui.requests.docx_form import FilledForm, MeasureAnswer, read_form
from monitor_tui.status.edits import (
    Conflict,
    Edit,
    InvalidEdit,
    changes_to_write,
    find_conflicts,
    reasons_needed,
    validated_changes,
)
from monitor_tui.status.replay import replay_values, status_from_values
from monitor_tui.status.store import load_status, save_edit
from monitor_tui.status.wording import describe_change, field_name, value_word
from monitor_tui.text import visible_controls
from monitor_tui.workspace import Workspace

PlanKind = Literal["apply", "empty", "done", "invalid", "broken"]


@dataclass(frozen=True)
class PlannedMeasure:
    measure_id: str
    kind: PlanKind
    """apply: will be saved; empty: nothing filled in; done: this form was imported before;
    invalid: the answer cannot be taken (see `reasons`); broken: the status file is unreadable."""
    edit: Edit | None = None
    base: MeasureStatus | None = None
    """The state when the request was made: what the office saw."""
    changes: tuple[Change, ...] = ()
    """What the save changes, old (today) → new."""
    conflicts: tuple[Conflict, ...] = ()
    """Fields changed since the request to something else than the answer: kept as they are."""
    reasons: tuple[str, ...] = ()
    earlier: LogEntry | None = None
    """For `done`: the entry the earlier import made."""


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    form: FilledForm
    contact: OfficeContact
    measures: tuple[PlannedMeasure, ...]

    @property
    def office(self) -> str:
        return self.form.office

    @property
    def request_day(self) -> date:
        return self.form.form_id.moment.date()

    def to_apply(self) -> list[PlannedMeasure]:
        return [m for m in self.measures if m.kind == "apply"]


@dataclass(frozen=True)
class AppliedMeasure:
    measure_id: str
    saved: bool
    conflicts: tuple[Conflict, ...] = ()
    error: str = ""


def plan_import(
    workspace: Workspace, catalogue: Catalogue, directory: Directory, path: Path, today: date
) -> ImportPlan:
    """What importing the form at `path` would do. Raises FormError for a file that is no
    request form or one altered beyond its fields."""
    form = read_form(path, catalogue)
    contact = directory.contact(form.office)
    planned = tuple(
        _plan_measure(workspace, catalogue, form, contact, answer, today) for answer in form.answers
    )
    return ImportPlan(path, form, contact, planned)


def _plan_measure(
    workspace: Workspace,
    catalogue: Catalogue,
    form: FilledForm,
    contact: OfficeContact,
    answer: MeasureAnswer,
    today: date,
) -> PlannedMeasure:
    measure_id = answer.measure_id
    if answer.empty:
        return PlannedMeasure(measure_id, "empty")
    try:
        current = load_status(workspace, catalogue, measure_id)
    except ProblemsError as error:
        return PlannedMeasure(measure_id, "broken", reasons=tuple(map(str, error.problems)))
    earlier = _earlier_import(current, form)
    if earlier is not None:
        return PlannedMeasure(measure_id, "done", earlier=earlier)
    if answer.problems:
        return PlannedMeasure(measure_id, "invalid", reasons=answer.problems)
    edit = _edit(answer, form, contact, today)
    missing = reasons_needed(edit, catalogue, current)
    if missing:
        lang = get_language()
        values = ", ".join(
            f"{field_name(m.field)} „{value_word(m.field, m.value, catalogue, lang)}“"
            for m in missing
        )
        return PlannedMeasure(
            measure_id, "invalid", reasons=(_("requests_reason_missing", values=values),)
        )
    measure = catalogue.measure(measure_id)
    assert measure is not None  # read_form checked every id against the catalogue
    try:
        wanted = validated_changes(edit, measure, catalogue)
    except InvalidEdit as error:
        return PlannedMeasure(measure_id, "invalid", reasons=(str(error),))
    base = _state_at_request(current, form, catalogue)
    default = catalogue.concept.target_states.default.key
    conflicts = find_conflicts(wanted, base, current, default)
    refused = {c.field for c in conflicts}
    changes = changes_to_write(wanted, current, refused, default)
    return PlannedMeasure(measure_id, "apply", edit, base, tuple(changes), tuple(conflicts))


def _earlier_import(status: MeasureStatus, form: FilledForm) -> LogEntry | None:
    key = form.form_id.key
    return next(
        (e for e in status.log if REQUEST_TAG in e.tags and e.attribute("form") == key), None
    )


def _edit(answer: MeasureAnswer, form: FilledForm, contact: OfficeContact, today: date) -> Edit:
    attributes = [("office", form.office)]
    if contact.contact:
        attributes.append(("contact", contact.contact))
    attributes += [
        ("request", form.form_id.moment.date().isoformat()),
        ("form", form.form_id.key),
    ]
    return Edit(
        status=answer.status,
        targets=dict(answer.targets),
        assessment=answer.assessment,
        reviewed=today,
        next_step=answer.next_step or None,
        next_step_due=answer.next_step_due,
        note=answer.progress,
        tags=(REQUEST_TAG,),
        attributes=tuple(attributes),
    )


def _state_at_request(
    current: MeasureStatus, form: FilledForm, catalogue: Catalogue
) -> MeasureStatus:
    """The measure as the office saw it: its log replayed up to the moment of the request.

    The review date stays today's: a review recorded meanwhile is no reason to refuse the
    office's (it only moves the date forward)."""
    measure = catalogue.measure(current.measure_id)
    assert measure is not None
    moment = form.form_id.moment
    log = tuple(entry for entry in current.log if entry.timestamp <= moment)
    values = replay_values(log, measure, catalogue)
    if not values["status"]:
        values["status"] = catalogue.concept.statuses.default.key
    state = status_from_values(current.measure_id, values, log)
    return replace(state, reviewed=current.reviewed, stamp=current.stamp)


def apply_import(
    workspace: Workspace,
    catalogue: Catalogue,
    plan: ImportPlan,
    author: str,
    now: datetime | None = None,
) -> list[AppliedMeasure]:
    """Save every measure the plan takes, signed by `author`. A measure the same form was
    imported into meanwhile (another session) is left alone."""
    results = []
    for item in plan.to_apply():
        assert item.edit is not None
        try:
            if _earlier_import(load_status(workspace, catalogue, item.measure_id), plan.form):
                continue
            saved = save_edit(
                workspace, catalogue, item.measure_id, item.edit, author, base=item.base, now=now
            )
        except ProblemsError as error:
            results.append(AppliedMeasure(item.measure_id, False, error=str(error.problems[0])))
            continue
        except (InvalidEdit, OSError) as error:
            results.append(AppliedMeasure(item.measure_id, False, error=str(error)))
            continue
        results.append(AppliedMeasure(item.measure_id, True, saved.conflicts))
    return results


# --- in words ---------------------------------------------------------------------------------


def plan_lines(plan: ImportPlan, catalogue: Catalogue, directory: Directory) -> list[str]:
    """The preview as lines of text (CLI and app): per measure old → new and the note."""
    lang = get_language()
    contact = plan.contact.contact
    who = f"{plan.office} ({contact})" if contact else plan.office
    lines = [
        _("requests_plan_heading", who=who, date=format_date(plan.request_day, lang)),
        _("requests_plan_file", path=plan.path),
    ]
    for item in plan.measures:
        lines.append("")
        lines += _measure_lines(item, catalogue, directory, lang)
    count = len(plan.to_apply())
    lines += ["", _("requests_plan_summary", count=count, total=len(plan.measures))]
    return [visible_controls(line) for line in lines]


def _measure_lines(
    item: PlannedMeasure, catalogue: Catalogue, directory: Directory, lang: str
) -> list[str]:
    measure = catalogue.measure(item.measure_id)
    title = f"{item.measure_id} {measure.label if measure else ''}".rstrip()
    if item.kind == "empty":
        return [_("requests_plan_empty", title=title)]
    if item.kind == "done":
        earlier = item.earlier
        assert earlier is not None
        when = format_date(earlier.timestamp.date(), lang)
        return [
            _("requests_plan_done", title=title, date=when, who=directory.name_of(earlier.author))
        ]
    if item.kind in ("invalid", "broken"):
        return [_("requests_plan_invalid", title=title), *(f"    {r}" for r in item.reasons)]
    lines = [title]
    lines += [f"    {describe_change(change, catalogue, lang)}" for change in item.changes]
    lines += [_conflict_line(conflict, catalogue, lang) for conflict in item.conflicts]
    assert item.edit is not None
    if item.edit.has_note:
        lines.append("    " + _("requests_plan_note"))
        lines += [f"      {line}" for line in item.edit.note.split("\n")]
    return lines


def _conflict_line(conflict: Conflict, catalogue: Catalogue, lang: str) -> str:
    """A field the office answered that was changed since the request: the change stays."""
    theirs = value_word(conflict.field, conflict.theirs, catalogue, lang)
    mine = value_word(conflict.field, conflict.mine, catalogue, lang)
    return "    " + _(
        "requests_plan_conflict", field=field_name(conflict.field), theirs=theirs, mine=mine
    )


def applied_lines(results: list[AppliedMeasure], catalogue: Catalogue) -> list[str]:
    """What the import did, for the user."""
    lang = get_language()
    lines = []
    for result in results:
        if not result.saved:
            lines.append(_("requests_applied_failed", id=result.measure_id, reason=result.error))
            continue
        lines.append(_("requests_applied_saved", id=result.measure_id))
        lines += [_conflict_line(conflict, catalogue, lang) for conflict in result.conflicts]
    saved = sum(1 for r in results if r.saved)
    lines.append(_("requests_applied_summary", count=saved))
    return [visible_controls(line) for line in lines]

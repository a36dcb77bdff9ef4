"""A diff between two snapshots as people read it: plain text grouped by Handlungsfeld,
Markdown, or JSON. Words come from the concept's vocabularies of each side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from monitor_tui.dates import format_date
from monitor_tui.i18n import _, get_language
from monitor_tui.model import UNSET, Catalogue, Field
from monitor_tui.reports.diff import INDICATOR, YES, FieldChange, MeasureDiff, SnapshotDiff
from monitor_tui.reports.synopse import Snapshot
from monitor_tui.status.wording import field_name, value_word
from monitor_tui.text import visible_text


@dataclass(frozen=True)
class Side:
    """One side of a comparison: a frozen report or the workspace now."""

    id: str
    """A report id, or "now"."""
    snapshot: Snapshot
    digest: str
    title: str = ""

    def describe(self) -> str:
        """ "Bericht 2026-03-31 (31.03.2026)" or "jetzt (27.11.2026)"."""
        day = format_date(self.snapshot.report_date, get_language())
        if self.id == "now":
            return _("reports_side_now", date=day)
        return _("reports_side_report", id=self.id, date=day)


def change_words(change: FieldChange, before: Catalogue, after: Catalogue) -> tuple[str, str, str]:
    """(field, before, after) in words: ("Umsetzungsstand", "in Umsetzung", "umgesetzt")."""
    if change.field == INDICATOR:
        return (
            _("reports_field_indicator"),
            _indicator_word(change.before),
            _indicator_word(change.after),
        )
    lang = get_language()
    return (
        field_name(change.field, after),
        value_word(change.field, change.before, before, lang),
        value_word(change.field, change.after, after, lang),
    )


def _indicator_word(value: str) -> str:
    return _("reports_fulfilled" if value == YES else "reports_not_fulfilled")


def _group(diff: SnapshotDiff) -> list[tuple[Field | None, list[MeasureDiff]]]:
    """The measures by Handlungsfeld (of the later catalogue, else the earlier one)."""
    groups: dict[str, list[MeasureDiff]] = {}
    for item in diff.measures:
        groups.setdefault(item.measure_id.split(".")[0], []).append(item)
    result: list[tuple[Field | None, list[MeasureDiff]]] = []
    for field_id, items in groups.items():
        field = diff.after.catalogue.field(field_id) or diff.before.catalogue.field(field_id)
        result.append((field, items))
    return result


def _measure_title(diff: SnapshotDiff, measure_id: str) -> str:
    measure = diff.after.catalogue.measure(measure_id) or diff.before.catalogue.measure(measure_id)
    if measure is None:
        return ""
    text = " ".join(measure.text.split())
    return visible_text(text if len(text) <= 60 else text[:59].rstrip() + "…")


def _details(diff: SnapshotDiff, item: MeasureDiff) -> list[str]:
    """The lines under a measure: what changed, in words."""
    lines = []
    if item.kind == "added":
        lines.append(_("reports_measure_added"))
    elif item.kind == "removed":
        lines.append(_("reports_measure_removed"))
    for change in item.changes:
        name, before, after = change_words(change, diff.before.catalogue, diff.after.catalogue)
        lines.append(f"{name}: {visible_text(before)} → {visible_text(after)}")
    if item.new_notes:
        key = "reports_new_note" if item.new_notes == 1 else "reports_new_notes"
        lines.append(_(key, count=item.new_notes))
    if item.text_changed:
        cells = ", ".join(_(f"reports_cell_{cell}") for cell in item.text_changed)
        lines.append(_("reports_text_changed", cells=cells))
    return lines


def summary_line(diff: SnapshotDiff) -> str:
    counts = diff.counts()
    text_changed = sum(1 for item in diff.measures if item.text_changed)
    if not diff.measures:
        return _("reports_diff_nothing")
    return _(
        "reports_diff_summary",
        changed=counts.get("changed", 0),
        added=counts.get("added", 0),
        removed=counts.get("removed", 0),
        text=text_changed,
    )


def diff_text(diff: SnapshotDiff, before: Side, after: Side) -> list[str]:
    """The diff as lines of plain text, grouped by Handlungsfeld."""
    lines = [_("reports_diff_title", before=before.describe(), after=after.describe()), ""]
    for field, items in _group(diff):
        lines.append(visible_text(field.heading) if field else items[0].measure_id.split(".")[0])
        for item in items:
            lines.append(f"  {item.measure_id} {_measure_title(diff, item.measure_id)}".rstrip())
            lines += [f"    {line}" for line in _details(diff, item)]
        lines.append("")
    lines.append(summary_line(diff))
    return lines


def diff_markdown(
    diff: SnapshotDiff, before: Side, after: Side, escape: Callable[[str], str]
) -> str:
    """The diff as Markdown (`escape` makes text literal Markdown)."""
    title = _("reports_diff_title", before=before.describe(), after=after.describe())
    lines = [f"# {escape(title)}", ""]
    for field, items in _group(diff):
        heading = field.heading if field else items[0].measure_id.split(".")[0]
        lines += [f"## {escape(visible_text(heading))}", ""]
        for item in items:
            lines.append(
                f"- **{escape(item.measure_id)}** {escape(_measure_title(diff, item.measure_id))}"
            )
            lines += [f"  - {escape(line)}" for line in _details(diff, item)]
        lines.append("")
    lines.append(escape(summary_line(diff)))
    return "\n".join(lines) + "\n"


def diff_json(diff: SnapshotDiff, before: Side, after: Side) -> dict[str, Any]:
    """The diff as plain data: values as keys, as in the JSON export."""

    def side(item: Side) -> dict[str, Any]:
        return {
            "id": item.id,
            "report_date": item.snapshot.report_date.isoformat(),
            "digest": item.digest,
        }

    def value(change: FieldChange, raw: str) -> str | bool | None:
        if change.field == INDICATOR:
            return raw == YES
        return None if raw == UNSET else raw

    return {
        "from": side(before),
        "to": side(after),
        "measures": [
            {
                "id": item.measure_id,
                "kind": item.kind,
                "changes": [
                    {"field": c.field, "before": value(c, c.before), "after": value(c, c.after)}
                    for c in item.changes
                ],
                "new_notes": item.new_notes,
                "text_changed": list(item.text_changed),
            }
            for item in diff.measures
        ],
    }

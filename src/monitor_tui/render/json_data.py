"""The JSON export: the catalogue as a tree with the recorded status (schema in README)."""

from __future__ import annotations

from typing import Any

from monitor_tui.jsontext import escape_c1, indented_json
from monitor_tui.model import UNSET, Catalogue, Field, Goal, Measure
from monitor_tui.render.common import GENERATOR
from monitor_tui.report.charts import Chart
from monitor_tui.report.document import MeasureEntry, Synopsis
from monitor_tui.reports.diff import INDICATOR, YES


def catalogue_document(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as plain data, in document order."""
    return {
        "title": catalogue.title,
        "issuer": catalogue.concept.issuer,
        "fields": [_field(f, [_measure(m) for m in f.measures()]) for f in catalogue.fields],
    }


def synopsis_document(synopsis: Synopsis) -> dict[str, Any]:
    """The exported part of the catalogue with each measure's recorded status.

    Texts are as in the catalogue and the notes (JSON escapes every control character itself);
    only public notes are included, the same selection as in the printed report.
    """
    fields = []
    for section in synopsis.sections:
        measures = [_measure_with_status(e) for g in section.goals for e in g.measures]
        goals = [g.goal for g in section.goals]
        fields.append(_field(section.field, measures, goals))
    return {
        "generator": GENERATOR,
        "title": synopsis.title,
        "issuer": synopsis.issuer,
        "report_date": synopsis.report_date.isoformat(),
        "generated": synopsis.generated.isoformat(timespec="seconds"),
        "digest": synopsis.digest,
        "restriction": synopsis.restriction,
        "compared_to": _compared_to(synopsis),
        "charts": [_chart(chart) for chart in synopsis.charts],
        "fields": fields,
    }


def _chart(chart: Chart) -> dict[str, Any]:
    """A chart's numbers: per group (a Handlungsfeld, a horizon) its bars, each with the count
    per vocabulary key (assessment "" for not assessed)."""
    return {
        "key": chart.key,
        "title": chart.title,
        "series": [{"key": s.key, "label": s.label} for s in chart.series],
        "groups": [
            {
                "label": group.label,
                "bars": [
                    {
                        "label": bar.label,
                        "counts": {s.key: n for s, n in zip(chart.series, bar.counts, strict=True)},
                        "total": bar.total,
                    }
                    for bar in group.bars
                ],
            }
            for group in chart.groups
        ],
    }


def _compared_to(synopsis: Synopsis) -> dict[str, Any] | None:
    report = synopsis.compared_to
    if report is None:
        return None
    return {"id": report.id, "report_date": report.report_date.isoformat(), "digest": report.digest}


def _json_value(field: str, value: str) -> str | bool | None:
    """A compared value as the other keys of a measure hold it: keys, null, booleans."""
    if field == INDICATOR:
        return value == YES
    return None if value == UNSET else value


def _field(
    item: Field, measures: list[dict[str, Any]], goals: list[Goal] | None = None
) -> dict[str, Any]:
    by_goal: dict[str, list[dict[str, Any]]] = {}
    for measure in measures:
        by_goal.setdefault(measure["id"].rsplit(".", 1)[0], []).append(measure)
    return {
        "id": item.id,
        "number": item.number,
        "heading": item.heading,
        "title": item.title,
        "summary": item.summary,
        "goals": [
            {"id": g.id, "title": g.title, "measures": by_goal.get(g.id, [])}
            for g in (item.goals if goals is None else goals)
        ],
    }


def _measure(measure: Measure) -> dict[str, Any]:
    return {
        "id": measure.id,
        "label": measure.label,
        "text": measure.text,
        "indicator": measure.indicator,
        "responsible": measure.responsible,
        "offices": list(measure.offices),
        "targets": [
            {"key": t.key, "terms": list(t.terms), "label": t.label, "text": t.text}
            for t in measure.targets
        ],
    }


def _measure_with_status(entry: MeasureEntry) -> dict[str, Any]:
    data = _measure(entry.measure)
    facts = entry.facts
    data.update(
        {
            # a map beside "targets", so that the documented target objects stay as they were
            "target_states": {key: state.key for key, state in facts.target_states},
            "status": facts.status.key,
            "assessment": facts.assessment.key if facts.assessment else None,
            "priority": facts.priority.key if facts.priority else None,
            "reviewed": facts.reviewed.isoformat() if facts.reviewed else None,
            "overdue": facts.overdue,
            "next_step": facts.next_step,
            "next_step_due": facts.next_step_due.isoformat() if facts.next_step_due else None,
            "indicator_fulfilled": facts.indicator_fulfilled,
            "notes": [
                {
                    "timestamp": note.timestamp.isoformat(),
                    "author": note.author,
                    "author_name": facts.note_authors[index]
                    if index < len(facts.note_authors)
                    else note.author,
                    "text": note.text,
                    "new": bool(facts.notes_new and facts.notes_new[index]),
                }
                for index, note in enumerate(facts.notes)
            ],
            "notes_omitted": facts.notes_omitted,
            "changes": [
                {
                    "field": change.field,
                    "before": _json_value(change.field, change.before),
                    "after": _json_value(change.field, change.after),
                }
                for change in facts.changes
            ],
            "added_since_compare": facts.added_since_compare,
            "text_changed": list(facts.text_changed),
            "state_unverified": facts.hand_edited,
        }
    )
    return data


def render_synopsis(synopsis: Synopsis) -> bytes:
    """The report as JSON (the export format)."""
    return render_json(synopsis_document(synopsis))


def render_json(document: dict[str, Any]) -> bytes:
    """UTF-8 JSON with umlauts as they are (ensure_ascii off) and a final newline.

    json.dumps escapes C0 controls only; DEL and C1 (0x9B is a one-byte CSI) are escaped too, so
    that `cat` on the file cannot drive the terminal. They occur only inside strings.
    """
    return escape_c1(indented_json(document, "  ") + "\n").encode("utf-8")

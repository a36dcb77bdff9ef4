"""The JSON export: the catalogue as a tree (schema in README), for other programs."""

from __future__ import annotations

import json
from typing import Any

from monitor_tui.model import Catalogue, Field, Goal, Measure


def catalogue_document(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as plain data, in document order."""
    return {
        "title": catalogue.title,
        "issuer": catalogue.concept.issuer,
        "fields": [_field(f) for f in catalogue.fields],
    }


def _field(item: Field) -> dict[str, Any]:
    return {
        "id": item.id,
        "number": item.number,
        "heading": item.heading,
        "title": item.title,
        "summary": item.summary,
        "goals": [_goal(g) for g in item.goals],
    }


def _goal(goal: Goal) -> dict[str, Any]:
    return {"id": goal.id, "title": goal.title, "measures": [_measure(m) for m in goal.measures]}


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


def render_json(document: dict[str, Any]) -> bytes:
    """UTF-8 JSON with umlauts as they are (ensure_ascii off) and a final newline."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

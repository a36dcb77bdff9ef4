"""Filling in a request form as an office would, without Word: tick a box, type into a cell.

Used by the tests of `requests import` and by tests/make_request_fixture.py, which fills a form
the same way and lets LibreOffice save it (tests/data/request-libreoffice.docx).
"""

from __future__ import annotations

import re
from typing import Any

from monitor_tui.model import Catalogue, fold_for_search
from monitor_tui.requests.docx_form import (
    TICKED,
    UNTICKED,
    W14_NS,
    W_NS,
    cell_paragraphs,
    cell_text,
    paragraph_text,
)
from monitor_tui.requests.letter import answer_fields


def measure_table(document: Any, measure_id: str) -> Any:
    for table in document.tables:
        if re.search(rf"\b{re.escape(measure_id)}\b", cell_text(table.rows[0].cells[0])):
            return table
    raise AssertionError(f"no table for {measure_id}")


def answer_cell(document: Any, catalogue: Catalogue, measure_id: str, key: str) -> Any:
    """The cell to fill for answer field `key` (`status`, `target:kurz`, `progress` …)."""
    measure = catalogue.measure(measure_id)
    assert measure is not None
    fields = answer_fields(measure, catalogue, "de")
    rows = list(measure_table(document, measure_id).rows)
    index = [f.key for f in fields].index(key)
    return rows[len(rows) - len(fields) + index].cells[1]


def tick(document: Any, catalogue: Catalogue, measure_id: str, key: str, word: str) -> None:
    """Tick the box in front of `word` as Word does: ☒ shown, the check box marked checked."""
    for paragraph in cell_paragraphs(answer_cell(document, catalogue, measure_id, key)):
        text = paragraph_text(paragraph).replace(UNTICKED, "").strip()
        if fold_for_search(text) == fold_for_search(word):
            for node in paragraph.iter(f"{{{W_NS}}}t"):
                if node.text == UNTICKED:
                    node.text = TICKED
            for node in paragraph.iter(f"{{{W14_NS}}}checked"):
                node.set(f"{{{W14_NS}}}val", "1")
            return
    raise AssertionError(f"{measure_id} {key}: no value {word!r}")


def type_x(document: Any, catalogue: Catalogue, measure_id: str, key: str, word: str) -> None:
    """Tick by replacing ☐ with an X, as someone without check box support would."""
    for paragraph in cell_paragraphs(answer_cell(document, catalogue, measure_id, key)):
        if fold_for_search(
            paragraph_text(paragraph).replace(UNTICKED, "").strip()
        ) == fold_for_search(word):
            for node in paragraph.iter(f"{{{W_NS}}}t"):
                if node.text == UNTICKED:
                    node.text = "X"
            return
    raise AssertionError(f"{measure_id} {key}: no value {word!r}")


def write(document: Any, catalogue: Catalogue, measure_id: str, key: str, text: str) -> None:
    """Type `text` into a text or date cell; lines become paragraphs, as Enter makes them."""
    cell = answer_cell(document, catalogue, measure_id, key)
    lines = text.split("\n")
    cell.paragraphs[0].add_run(lines[0])
    for line in lines[1:]:
        cell.add_paragraph(line, style=cell.paragraphs[0].style)  # Enter keeps the style

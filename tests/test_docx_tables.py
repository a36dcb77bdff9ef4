"""The DOCX goal tables are written as XML text (python-docx's objects took minutes at thousands
of measures). Here python-docx builds the same tables the way the export used to, call for
call, and both must give the same XML — notes with links, code, right-to-left and Ethiopic
text, lists, the comparison's flags, an empty cell."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

from docx import Document
from lxml import etree

from monitor_tui.model import Catalogue, LogEntry, MeasureStatus
from monitor_tui.render import docx as docx_render
from monitor_tui.report.build import Comparison, ReportOptions, build_synopsis
from monitor_tui.report.document import ComparedReport, GoalTable, MeasureEntry, Row
from monitor_tui.report.richtext import Block, Run
from monitor_tui.reports.synopse import take_snapshot

from .test_export_formats import (
    NOON,
    catalogue,
    hostile_statuses,
    recorded_statuses,
    synopsis_of,
)

__all__ = ["catalogue"]  # the fixture

EXTRA = "Tabs\tund ~~durchgestrichen~~, `Code`, [Link](https://mainz.de) und ገፅ\n\n- Punkt"


def reference_goal_table(document: object, goal: GoalTable) -> object:
    """The goal table as python-docx built it before (render/docx.py's old `_goal_table`)."""
    from docx.shared import Cm, Pt, RGBColor

    r = docx_render
    table = document.add_table(rows=0, cols=2)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    inner = r.TEXT_WIDTH_CM - 2 * r.TABLE_INDENT_CM
    widths = (Cm(r.LABEL_WIDTH_CM), Cm(inner - r.LABEL_WIDTH_CM))
    r._fixed_columns(table, widths)
    header = table.add_row()
    r._no_split(header)
    r._repeat_as_header(header)
    merged = header.cells[0].merge(header.cells[1])
    r._rich(merged, goal.header)
    r._shade(merged, r.GOAL_SHADE)
    for entry in goal.measures:
        for index, row in enumerate(entry.rows):
            cells = table.add_row()
            r._no_split(cells)
            for cell, width in zip(cells.cells, widths, strict=True):
                cell.width = width
            label_cell, content_cell = cells.cells
            label = label_cell.paragraphs[0]
            label.add_run(row.label).bold = True
            if row.sublabel:
                small = label.add_run("\n" + row.sublabel)
                small.font.size = Pt(8)
                small.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
            if row.flag:
                label.add_run("\n")
                for run in row.flag:
                    r._styled_run(label, run)
            if row.is_monitoring:
                r._shade(label_cell, r.LABEL_SHADE)
            r._rich(content_cell, row.content)
            shade = r.tint(row.shade)
            if shade:
                r._shade(content_cell, shade)
            if index < len(entry.rows) - 1:
                for cell in cells.cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True
    return table


_ORDER = ("w:pStyle", "w:keepNext", "w:bidi", "w:spacing", "w:ind", "w:jc")


def comparable(xml: str) -> str:
    """Without namespace declarations; paragraph properties in schema order (python-docx
    appended w:bidi after w:spacing, which the schema puts before it)."""
    xml = re.sub(r' xmlns:\w+="[^"]*"', "", xml)

    def ordered(match: re.Match[str]) -> str:
        parts = re.findall(r"<w:\w+(?: [^>]*)?/>", match.group(1))
        parts.sort(key=lambda part: _ORDER.index(part[1:].split(" ")[0].rstrip("/>")))
        return "<w:pPr>" + "".join(parts) + "</w:pPr>"

    return re.sub(r"<w:pPr>(.*?)</w:pPr>", ordered, xml)


def statuses_with_extra() -> dict[str, MeasureStatus]:
    statuses = hostile_statuses()
    statuses.update(recorded_statuses())
    statuses["5.2.1"] = MeasureStatus("5.2.1", log=(LogEntry(NOON, "anna", EXTRA),))
    return statuses


def test_goal_tables_as_text_are_what_python_docx_built(catalogue: Catalogue) -> None:
    statuses = statuses_with_extra()
    before = take_snapshot(catalogue, {}, date(2025, 12, 31), date(2026, 4, 1))
    compared = ComparedReport("2025-12-31", date(2025, 12, 31), "abcdefabcdef", "Vorbericht")
    synopses = [
        synopsis_of(catalogue, statuses, notes=100),
        build_synopsis(
            catalogue,
            statuses,
            ReportOptions(date(2026, 3, 31)),
            NOON,
            comparison=Comparison(compared, before),
        ),
    ]
    goals = [g for s in synopses for section in s.sections for g in section.goals]
    entry = goals[0].measures[0]
    odd_rows = (*entry.rows, Row("Leer", ()), Row("", (Block(()), Block((Run(""),)))))
    odd = MeasureEntry(entry.measure, entry.facts, lambda: odd_rows)
    goals.append(GoalTable(goals[0].goal, (), (odd,)))  # no goal text, empty cells
    document = Document()
    for goal in goals:
        expected = etree.tostring(reference_goal_table(document, goal)._tbl, encoding=str)
        relate = docx_render._GoalTables(document)._relate
        assert comparable(docx_render.goal_table_xml(goal, relate)) == comparable(expected)


def test_the_saved_document_holds_the_tables_where_the_markers_were(
    catalogue: Catalogue,
) -> None:
    data = docx_render.render_docx(synopsis_of(catalogue, statuses_with_extra(), notes=100))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        names = archive.namelist()
        relations = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "monitor-tui-goal-tables" not in xml
    assert xml.count("<w:tblHeader") == sum(1 for _ in catalogue.goals()) + 1  # + overview
    assert "[Content_Types].xml" in names and names.count("word/document.xml") == 1
    assert '<w:hyperlink r:id="' in xml and 'Target="https://mainz.de"' in relations
    document = Document(io.BytesIO(data))  # python-docx reads it back
    text = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Tabs\tund durchgestrichen" in text and "ገፅ" in text

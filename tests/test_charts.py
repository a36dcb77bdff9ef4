"""The overview's numbers and charts: counted once (report/counts.py), equal to counts made here
independently from the statuses, and carried by every format – vector drawing in the PDF, SVG
with the numbers as text in the HTML, a 300 dpi picture with alt text in the DOCX, a table in
Markdown, the numbers in JSON."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime
from html import unescape
from typing import Any

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.export import render
from monitor_tui.model import Catalogue, MeasureStatus, Vocabulary
from monitor_tui.report.build import Comparison, ReportOptions, build_synopsis
from monitor_tui.report.charts import Chart
from monitor_tui.report.counts import NOT_SET
from monitor_tui.report.document import ComparedReport, Synopsis
from monitor_tui.report.richtext import plain_text
from monitor_tui.reports.synopse import take_snapshot
from monitor_tui.status.store import load_all_statuses
from monitor_tui.workspace import Workspace

from .conftest import FONTS, HOSTILE_NOTES, REPO
from .reports_data import D1, D2, TODAY, write_logs
from .test_export_formats import docx_text, html_text, squeezed

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
STATUSES = ("offen", "in-planung", "in-umsetzung", "umgesetzt", "verstetigt", "entfallen")
ASSESSMENTS = ("im-plan", "gefaehrdet", "kritisch", None)
PRIORITIES = ("hoch", None, "mittel", "niedrig", None)
STATES = ("offen", "teilweise-erreicht", "erreicht", "nicht-erreicht")


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return load_catalogue(workspace.catalogue_dir)


def varied_statuses(catalogue: Catalogue) -> dict[str, MeasureStatus]:
    """Every measure a different mix of status, assessment, priority and target states."""
    statuses = {}
    for number, measure in enumerate(catalogue.measures()):
        targets = {t.key: STATES[(number + k) % len(STATES)] for k, t in enumerate(measure.targets)}
        statuses[measure.id] = MeasureStatus(
            measure.id,
            status=STATUSES[number % len(STATUSES)],
            assessment=ASSESSMENTS[number % len(ASSESSMENTS)],
            priority=PRIORITIES[number % len(PRIORITIES)],
            targets=targets,
            reviewed=date(2026, 3, 1) if number % 3 else date(2024, 1, 1),
            rev=1,
        )
    return statuses


def synopsis_with(catalogue: Catalogue, statuses: dict[str, MeasureStatus]) -> Synopsis:
    options = ReportOptions(date(2026, 3, 31), lang="de")
    return build_synopsis(catalogue, statuses, options, NOON, digest="0123456789ab")


def expected(catalogue: Catalogue, statuses: dict[str, MeasureStatus]) -> dict[str, Counter[str]]:
    """Per field id, counted here by hand: "status:<key>", "assessment:<key or ''>",
    "priority:<key or ''>", "target:<term>:<state>"."""
    counts: dict[str, Counter[str]] = {}
    for field in catalogue.fields:
        counter: Counter[str] = Counter()
        for measure in field.measures():
            status = statuses.get(measure.id) or MeasureStatus(measure.id)
            counter[f"status:{status.status}"] += 1
            counter[f"assessment:{status.assessment or ''}"] += 1
            counter[f"priority:{status.priority or ''}"] += 1
            for target in measure.targets:
                for term in target.terms:
                    counter[f"target:{term}:{status.targets.get(target.key, 'offen')}"] += 1
        counts[field.id] = counter
    return counts


def keys(vocabulary: Vocabulary) -> list[str]:
    return [choice.key for choice in vocabulary]


def bars(chart: Chart) -> dict[str, dict[str, int]]:
    """Label of each bar → series key → count."""
    return {
        f"{group.label} {bar.label}".strip(): {
            series.key: count for series, count in zip(chart.series, bar.counts, strict=True)
        }
        for group in chart.groups
        for bar in group.bars
    }


# --- the numbers ------------------------------------------------------------------------------


def test_overview_table_and_charts_equal_counts_made_from_the_statuses(
    catalogue: Catalogue,
) -> None:
    statuses = varied_statuses(catalogue)
    synopsis = synopsis_with(catalogue, statuses)
    wanted = expected(catalogue, statuses)
    concept = catalogue.concept
    charts = {chart.key: chart for chart in synopsis.charts}
    assert list(charts) == ["status", "assessment", "targets"]  # no comparison: no before/after
    status_bars, assessment_bars = bars(charts["status"]), bars(charts["assessment"])
    for field in catalogue.fields:
        label = f"{field.number} {field.title}"
        assert status_bars[label] == {
            k: wanted[field.id][f"status:{k}"] for k in keys(concept.statuses)
        }
        assert assessment_bars[label] == {
            k: wanted[field.id][f"assessment:{k}"] for k in (*concept.assessments.keys(), NOT_SET)
        }
    target_bars = bars(charts["targets"])
    for horizon in concept.horizons:
        label = horizon.label.rstrip(":")
        assert target_bars[label] == {
            state: sum(wanted[f.id][f"target:{horizon.term}:{state}"] for f in catalogue.fields)
            for state in keys(concept.target_states)
        }
    # the overview table: one column per field, then the total; "–" for none
    rows = {plain_text(c[0]): [plain_text(x) for x in c[1:]] for c in synopsis.overview.rows}
    for choice in concept.priorities:
        numbers = [wanted[f.id][f"priority:{choice.key}"] for f in catalogue.fields]
        shown = [str(n) if n else "–" for n in [*numbers, sum(numbers)]]
        assert rows[f"{choice.symbol} {choice.label('de')}"] == shown
    unset = [wanted[f.id]["priority:"] for f in catalogue.fields]
    assert rows["ohne Priorität"] == [str(n) if n else "–" for n in [*unset, sum(unset)]]
    for choice in concept.statuses:
        numbers = [wanted[f.id][f"status:{choice.key}"] for f in catalogue.fields]
        assert rows[f"{choice.symbol} {choice.label('de')}"][-1] == str(sum(numbers) or "–")


def test_before_and_after_counts_the_compared_reports_statuses(workspace: Workspace) -> None:
    write_logs(workspace)
    catalogue = load_catalogue(workspace.catalogue_dir)
    statuses = load_all_statuses(workspace, catalogue).statuses
    before = take_snapshot(catalogue, statuses, D1, TODAY)
    after = take_snapshot(catalogue, statuses, D2, TODAY)
    comparison = Comparison(ComparedReport("2026-03-31", D1, "abcdefabcdef"), before)
    synopsis = build_synopsis(
        after.catalogue, after.statuses, ReportOptions(D2, lang="de"), NOON, comparison=comparison
    )
    chart = next(c for c in synopsis.charts if c.key == "status_compare")
    shown = bars(chart)
    for field in catalogue.fields:
        for day, snapshot in (("31.03.2026", before), ("30.06.2026", after)):
            wanted = Counter(snapshot.status(m.id).status for m in field.measures())
            counts = shown[f"{field.number} {field.title} {day}"]
            assert counts == {key: wanted[key] for key in keys(catalogue.concept.statuses)}
    # something did change, so the test can tell the two bars apart
    assert any(
        shown[f"{f.number} {f.title} 31.03.2026"] != shown[f"{f.number} {f.title} 30.06.2026"]
        for f in catalogue.fields
    )


def test_a_chart_taller_than_a_page_is_printed_in_parts(catalogue: Catalogue) -> None:
    """Many Handlungsfelder compared with a report: the PDF breaks the chart between fields
    (same scale in every part), the DOCX picture is made to fit the page."""
    from pypdf import PdfReader

    synopsis = build_synopsis(catalogue, {}, ReportOptions(date(2026, 3, 31)), NOON)
    chart = synopsis.charts[0]
    groups = tuple(
        replace(group, label=f"Feld {number}", bars=group.bars * 2)
        for number, group in enumerate(chart.groups * 8)
    )
    tall = replace(synopsis, charts=(replace(chart, groups=groups),))
    reader = PdfReader(io.BytesIO(render("pdf", tall)))
    text = squeezed(" ".join(page.extract_text() for page in reader.pages))
    assert all(f"Feld{number}" in text for number in range(len(groups)))
    with zipfile.ZipFile(io.BytesIO(render("docx", tall))) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    [height] = [int(cy) for cy in re.findall(r'<wp:extent cx="\d+" cy="(\d+)"', xml)]
    assert height < 29.7 / 2.54 * 914400 * 0.8  # EMU: less than the page


def test_no_measure_shown_means_no_chart(catalogue: Catalogue) -> None:
    options = ReportOptions(date(2026, 3, 31), status="verstetigt")
    assert build_synopsis(catalogue, {}, options, NOON).charts == ()


# --- every format carries the charts ----------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Synopsis, dict[str, bytes]]:
    """One report in every format (rendered once for the module), with the test fonts."""
    folder = tmp_path_factory.mktemp("charts") / "catalogue"
    shutil.copytree(REPO / "catalogue", folder)
    catalogue = load_catalogue(folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MONITOR_TUI_FONTS", str(FONTS))
        synopsis = synopsis_with(catalogue, varied_statuses(catalogue))
        formats = ("pdf", "html", "docx", "markdown", "json")
        return synopsis, {name: render(name, synopsis) for name in formats}


def test_pdf_draws_the_charts_as_vector_graphics(
    rendered: tuple[Synopsis, dict[str, bytes]],
) -> None:
    from pypdf import PdfReader

    synopsis, data = rendered
    reader = PdfReader(io.BytesIO(data["pdf"]))
    titles = [chart.title for chart in synopsis.charts]
    pages = [p for p in reader.pages if any(t in p.extract_text() for t in titles)]
    assert pages, "no page shows a chart"
    content = b"".join(page.get_contents().get_data() for page in pages)  # type: ignore[union-attr]
    assert len(re.findall(rb" re\b", content)) > 50  # the segments and the white grounds
    assert len(re.findall(rb" l\b", content)) > 100  # the hatching
    assert not any(_images(page) for page in pages)  # no picture (a form holds the page label)
    text = squeezed(" ".join(page.extract_text() for page in pages))
    for chart in synopsis.charts:
        assert squeezed(chart.title) in text and squeezed(chart.caption) in text


def _images(page: Any) -> list[str]:
    """The names of the pictures a PDF page draws."""
    resources = page.get("/Resources") or {}
    xobjects = resources.get_object().get("/XObject") or {}
    return [
        name
        for name, item in xobjects.get_object().items()
        if item.get_object().get("/Subtype") == "/Image"
    ]


def test_html_has_an_svg_per_chart_with_the_numbers_as_text(
    rendered: tuple[Synopsis, dict[str, bytes]],
) -> None:
    synopsis, data = rendered
    html = data["html"].decode("utf-8")
    svgs = re.findall(r"<svg .*?</svg>", html, re.S)
    assert len(svgs) == len(synopsis.charts)
    for chart, svg in zip(synopsis.charts, svgs, strict=True):
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        assert "<script" not in svg and "href" not in svg
        texts = re.findall(r"<text [^>]*>([^<]*)</text>", svg)
        totals = [str(bar.total) for group in chart.groups for bar in group.bars]
        assert [t for t in texts if t in totals] != []
        for total in totals:  # the sum follows every bar
            assert total in texts
        assert html_text(svg.encode()).count(chart.title) == 2  # title element, and in desc


def test_docx_has_a_sharp_picture_per_chart_with_alt_text(
    rendered: tuple[Synopsis, dict[str, bytes]],
) -> None:
    from PIL import Image

    synopsis, data = rendered
    with zipfile.ZipFile(io.BytesIO(data["docx"])) as archive:
        pictures = [n for n in archive.namelist() if n.startswith("word/media/")]
        xml = archive.read("word/document.xml").decode("utf-8")
        images = [Image.open(io.BytesIO(archive.read(name))) for name in pictures]
    assert len(pictures) == len(synopsis.charts)
    for image in images:
        assert image.format == "PNG" and round(image.info["dpi"][0]) == 300
        assert image.width >= 2000  # 17.4 cm at 300 dpi
    descriptions = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', xml)
    assert len(descriptions) == len(synopsis.charts)
    for chart, description in zip(synopsis.charts, descriptions, strict=True):
        assert unescape(description) == chart.description()
        assert str(chart.groups[0].bars[0].total) in description
    text = docx_text(data["docx"])
    assert all(chart.caption in text for chart in synopsis.charts)


def test_markdown_and_json_carry_the_numbers(rendered: tuple[Synopsis, dict[str, bytes]]) -> None:
    synopsis, data = rendered
    markdown = data["markdown"].decode("utf-8")
    document = json.loads(data["json"])
    assert [c["key"] for c in document["charts"]] == [c.key for c in synopsis.charts]
    for chart, saved in zip(synopsis.charts, document["charts"], strict=True):
        assert f"### {chart.title}" in markdown
        for group, saved_group in zip(chart.groups, saved["groups"], strict=True):
            bar = group.bars[0]
            counts = dict(zip([s.key for s in chart.series], bar.counts, strict=True))
            assert saved_group["bars"][0]["counts"] == counts
            assert saved_group["bars"][0]["total"] == bar.total
            row = " | ".join(str(n) for n in bar.counts) + f" | {bar.total} |"
            assert row in markdown


def test_hostile_catalogue_text_stays_text_in_the_charts(catalogue: Catalogue) -> None:
    """Field titles (catalogue text) label the bars: every hostile text, in every renderer."""
    from markdown_it import MarkdownIt

    from monitor_tui.render.chart_picture import chart_png
    from monitor_tui.render.html import _chart as svg_chart
    from monitor_tui.render.markdown import _chart as markdown_chart

    cases = [case["text"] for case in json.loads(HOSTILE_NOTES.read_text("utf-8"))["cases"]]
    statuses = varied_statuses(catalogue)
    count = len(catalogue.fields)
    for start in range(0, len(cases), count):
        titles = (cases[start:] + cases)[:count]
        fields = tuple(replace(f, title=t) for f, t in zip(catalogue.fields, titles, strict=True))
        synopsis = synopsis_with(replace(catalogue, fields=fields), statuses)
        for chart in synopsis.charts:
            svg = svg_chart(chart)
            assert not re.search(
                r"<(?!/?(figure|figcaption|h3|svg|title|desc|rect|line|text)\b)", svg
            )
            assert "\x1b" not in svg
            shown = (
                MarkdownIt("commonmark", {"html": True})
                .enable("table")
                .render(markdown_chart(chart))
            )
            assert "<script" not in shown and "<img" not in shown
            assert chart_png(chart, 300.0).startswith(b"\x89PNG")
        if "<script>alert(1)</script>" in titles:  # whole documents once, PDF and DOCX too
            assert "&lt;script&gt;" in render("html", synopsis).decode("utf-8")
            assert render("pdf", synopsis).startswith(b"%PDF")
            assert render("docx", synopsis).startswith(b"PK")

"""Print that survives black and white, and pages without needless gaps: a goal's table breaks
between measures (never inside one), a field heading is not pushed with a whole table, the
footer names the Datenstand, the legend keeps its spaces; the DOCX keeps its tables inside the
margins and below the header; the printed HTML has a running header and page numbers; every
mark has its own shape and a word, and no colour is too pale for grey print."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime, timedelta

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.export import render
from monitor_tui.model import Catalogue, LogEntry, MeasureStatus
from monitor_tui.render.common import INK_LIMIT, ink
from monitor_tui.report.build import ReportOptions, build_synopsis
from monitor_tui.report.document import Synopsis
from monitor_tui.workspace import Workspace

from .test_export_formats import squeezed

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
DIGEST = "09e8b0a46ed4"


@pytest.fixture(scope="module")
def mainz(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalogue, Synopsis]:
    """The Mainz catalogue, every measure with a status and two or (every seventh) four notes
    of its own: a mix of heights with which the old layout left a page blank."""
    import shutil

    from .conftest import FONTS, REPO

    folder = tmp_path_factory.mktemp("layout") / "catalogue"
    shutil.copytree(REPO / "catalogue", folder)
    catalogue = load_catalogue(folder)
    statuses = {}
    for number, measure in enumerate(catalogue.measures()):
        notes = tuple(
            LogEntry(
                NOON - timedelta(days=k),
                "anna",
                f"Notiz {k} zu {measure.id}: " + "Stand der Dinge, gut voran. " * (2 + number % 4),
            )
            for k in range(notes_of(number))
        )
        statuses[measure.id] = MeasureStatus(
            measure.id, status="in-umsetzung", assessment="im-plan", rev=3, log=notes
        )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MONITOR_TUI_FONTS", str(FONTS))
        options = ReportOptions(date(2026, 3, 31), lang="de")
        synopsis = build_synopsis(catalogue, statuses, options, NOON, digest=DIGEST)
    return catalogue, synopsis


def notes_of(number: int) -> int:
    return 4 if number % 7 == 0 else 2


def page_lines(data: bytes) -> list[list[tuple[float, str]]]:
    """Per page, the (height above the bottom, text) of each piece of text."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        pieces: list[tuple[float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
            if text.strip():
                pieces.append((cm[5] + tm[5] * cm[3], text))  # noqa: B023

        page.extract_text(visitor_text=visit)
        pages.append(pieces)
    return pages


def test_pdf_tables_break_between_measures_and_pages_are_used(
    mainz: tuple[Catalogue, Synopsis],
) -> None:
    from reportlab.lib.pagesizes import A4

    catalogue, synopsis = mainz
    pages = page_lines(render("pdf", synopsis))
    texts = ["".join(text for _y, text in page) for page in pages]
    flat = [squeezed(text) for text in texts]
    # each measure on one page: its id (under the label) and its oldest note
    for number, measure in enumerate(catalogue.measures()):
        oldest = squeezed(f"Notiz {min(notes_of(number), 3) - 1} zu {measure.id}")  # printed
        first = next(n for n, text in enumerate(flat) if squeezed(measure.text[:60]) in text)
        last = next(n for n, text in enumerate(flat) if oldest in text)
        assert first == last, measure.id
    # every page of the synopsis but the last is used at least to 40 % (the old layout, which
    # kept a field heading with its whole first table, left one blank here)
    height = A4[1]
    body = [  # text between the running header and the footer line
        [y for y, _text in page if 45 < y < height - 60] for page in pages
    ]
    start = next(n for n, text in enumerate(texts) if synopsis.synopsis_title in text)
    for number in range(start, len(pages) - 1):
        assert min(body[number], default=height) < height * 0.6, f"page {number + 1} is empty"
    # a field heading is never the last thing on a page
    for field in catalogue.fields:
        for page in pages:
            lowest = min((p for p in page if 45 < p[0] < height - 60), default=(0.0, ""))
            assert lowest[1].strip() != field.heading


def test_pdf_footer_names_the_datenstand_and_the_legend_keeps_its_spaces(
    mainz: tuple[Catalogue, Synopsis],
) -> None:
    _catalogue, synopsis = mainz
    pages = page_lines(render("pdf", synopsis))
    for page in pages:
        assert any(text.strip() == f"Datenstand {DIGEST}" for _y, text in page)
    last = "\n".join(text for page in pages[-2:] for _y, text in page)
    assert "✗ entfallen" in last and "◐ teilweise erreicht" in last and "↑ hoch" in last


def test_docx_tables_stay_inside_the_margins_and_below_the_header(
    mainz: tuple[Catalogue, Synopsis],
) -> None:
    from docx import Document

    _catalogue, synopsis = mainz
    data = render("docx", synopsis)
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    # two header lines of 8 pt and the space after them fit between header and text
    assert section.top_margin - section.header_distance >= 2 * 8 * 12700 * 1.3
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
    assert len(tables) == len(document.tables) > 10
    for table in tables:
        indent = re.search(r'<w:tblInd w:w="(\d+)" w:type="dxa"/>', table)
        assert indent is not None
        columns = sum(int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', table))
        cell_margin = 108  # Word's default, in twips: the borders sit that far left of the text
        assert int(indent.group(1)) >= cell_margin
        assert int(indent.group(1)) - cell_margin + columns <= text_width / 635 + 1  # EMU


def test_printed_html_has_a_running_header_page_numbers_and_breaks_between_measures(
    mainz: tuple[Catalogue, Synopsis],
) -> None:
    _catalogue, synopsis = mainz
    html = render("html", synopsis).decode("utf-8")
    boxes = re.search(r"@page \{ (@top-left.*?) \}\n", html, re.S)
    assert boxes is not None
    margin = boxes.group(1)
    assert 'content: "Monitoringsystem zur Umsetzung' in margin
    assert 'content: "Berichtsstand: 31.03.2026"' in margin
    assert f'content: "Datenstand {DIGEST}"' in margin
    assert 'content: "Seite " counter(page) " von " counter(pages)' in margin
    assert "tbody.measure" in html and re.search(r"tbody\.measure[^{]*\{ break-inside: avoid", html)
    assert html.count('<tbody class="measure">') == len(list(synopsis.entries()))


def test_a_title_cannot_break_out_of_the_css_string(catalogue_with_title: bytes) -> None:
    html = catalogue_with_title.decode("utf-8")
    style = html[html.index("<style>") : html.index("</style>")]
    assert "</style" not in style.lower() and "<script" not in style
    assert "\\22 " in style  # the quote is escaped, so the CSS string goes on


@pytest.fixture
def catalogue_with_title(workspace: Workspace) -> bytes:
    from dataclasses import replace

    catalogue = load_catalogue(workspace.catalogue_dir)
    hostile = replace(catalogue.concept, title='Titel"; } </style><script>alert(1)</script>')
    catalogue = replace(catalogue, concept=hostile)
    synopsis = build_synopsis(catalogue, {}, ReportOptions(date(2026, 3, 31)), NOON)
    return render("html", synopsis)


def luma(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return (0.299 * red + 0.587 * green + 0.114 * blue) / 255


def test_marks_have_their_own_shape_a_word_and_print_dark_enough(
    mainz: tuple[Catalogue, Synopsis],
) -> None:
    catalogue, synopsis = mainz
    concept = catalogue.concept
    for vocabulary in (concept.statuses, concept.target_states, concept.assessments):
        symbols = [choice.symbol for choice in vocabulary]
        assert len(set(symbols)) == len(symbols) and all(s.strip() for s in symbols)
        for choice in vocabulary:
            assert luma(ink(choice.color) or "#000000") <= INK_LIMIT + 0.01
    html = render("html", synopsis).decode("utf-8")
    marks = re.findall(r'<span class="mark" style="color:(#[0-9a-f]{6})">', html)
    assert marks and all(luma(colour) <= INK_LIMIT + 0.01 for colour in marks)
    assert "#d7af00" not in html  # the pale yellow of old
    with zipfile.ZipFile(io.BytesIO(render("docx", synopsis))) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    colours = re.findall(r'<w:color w:val="([0-9A-F]{6})"/>', xml)
    assert colours and all(luma("#" + c.lower()) <= INK_LIMIT + 0.01 for c in colours)
    for chart in synopsis.charts:  # the segments differ by pattern, not colour alone
        patterns = [series.pattern for series in chart.series]
        assert len(set(patterns)) == len(patterns)

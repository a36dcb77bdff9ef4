"""Every export format, re-read the way a reader meets it: all of section 4 is there, the recorded
state and the public notes too, internal notes never, and hostile note text stays text."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.export import FORMAT_NAMES, render
from monitor_tui.model import Catalogue, LogEntry, MeasureStatus
from monitor_tui.report.build import ReportOptions, build_synopsis
from monitor_tui.report.document import Synopsis
from monitor_tui.workspace import Workspace

from .conftest import HOSTILE_NOTES

PUBLIC_NOTE = "Flyer in 14 Sprachen verteilt, Rücklauf „sehr gut“."
INTERNAL_NOTE = "Interne Abstimmung: Budget wird knapp."
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
HOSTILE_CASES = [case["text"] for case in json.loads(HOSTILE_NOTES.read_text("utf-8"))["cases"]]


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return load_catalogue(workspace.catalogue_dir)


def recorded_statuses() -> dict[str, MeasureStatus]:
    flyer = MeasureStatus(
        "1.2.2",
        status="umgesetzt",
        targets={"kurz": "erreicht"},
        assessment="im-plan",
        priority="hoch",
        reviewed=date(2026, 3, 2),
        rev=2,
        log=(
            LogEntry(NOON, "anna", INTERNAL_NOTE, internal=True),
            LogEntry(NOON.replace(hour=9), "anna", PUBLIC_NOTE),
        ),
    )
    housing = MeasureStatus("3.1.1", status="in-umsetzung", assessment="gefaehrdet", rev=1)
    return {"1.2.2": flyer, "3.1.1": housing}


def hostile_statuses() -> dict[str, MeasureStatus]:
    notes = tuple(
        LogEntry(NOON.replace(minute=index), "mallory", text)
        for index, text in enumerate(HOSTILE_CASES)
    )
    return {"1.1.1": MeasureStatus("1.1.1", status="in-planung", rev=1, log=notes)}


def synopsis_of(
    catalogue: Catalogue, statuses: dict[str, MeasureStatus], notes: int = 3
) -> Synopsis:
    options = ReportOptions(date(2026, 3, 31), notes=notes)
    return build_synopsis(catalogue, statuses, options, NOON, digest="0123456789ab")


# --- reading each format back as text -----------------------------------------------------------


class _TextAndTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.in_style = tag == "style"
        if tag in ("br", "p", "td", "th", "tr"):
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if not self.in_style:
            self.text.append(data)


def html_text(data: bytes) -> str:
    parser = _TextAndTags()
    parser.feed(data.decode("utf-8"))
    return "".join(parser.text)


def docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
                parts += [link.text for p in cell.paragraphs for link in p.hyperlinks]
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def markdown_text(data: bytes) -> str:
    """As a Markdown viewer shows it (with HTML allowed, the strictest case for escaping)."""
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    return html_text(renderer.render(data.decode("utf-8")).encode("utf-8"))


def json_text(data: bytes) -> str:
    document = json.loads(data)
    return json.dumps(document, ensure_ascii=False)


READERS: dict[str, Callable[[bytes], str]] = {
    "json": json_text,
    "markdown": markdown_text,
    "html": html_text,
    "pdf": pdf_text,
    "docx": docx_text,
}


def squeezed(text: str) -> str:
    """Without any whitespace or soft hyphen: PDF text breaks lines anywhere between words."""
    return re.sub(r"[\s\u00ad]+", "", text)


def section_4_texts(catalogue: Catalogue) -> list[str]:
    texts = [g.title for g in catalogue.goals()] + [f.heading for f in catalogue.fields]
    for measure in catalogue.measures():
        texts += [measure.text, measure.indicator, measure.responsible]
        texts += [part for t in measure.targets for part in (t.label, t.text)]
    return texts


# --- the tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_every_text_of_section_4_and_the_recorded_state_are_exported(
    catalogue: Catalogue, format_name: str
) -> None:
    data = render(format_name, synopsis_of(catalogue, recorded_statuses()))
    text = READERS[format_name](data)
    flat = squeezed(text)
    missing = [t for t in section_4_texts(catalogue) if squeezed(t) not in flat]
    assert missing == []
    assert squeezed(PUBLIC_NOTE) in flat
    assert "Interne Abstimmung" not in text and "Budget" not in text
    if format_name == "json":
        assert '"status": "umgesetzt"' in text and '"assessment": "gefaehrdet"' in text
    else:
        assert squeezed("umgesetzt") in flat and "gefährdet" in text
        assert "in Umsetzung" in text and "02.03.2026" in text
        assert "Berichtsstand" in text and "31.03.2026" in text


def test_pdf_holds_all_27_measures_under_their_fields_and_goals(catalogue: Catalogue) -> None:
    flat = squeezed(pdf_text(render("pdf", synopsis_of(catalogue, {}))))
    position = 0
    for catalogue_field in catalogue.fields:
        position = flat.index(squeezed(catalogue_field.heading), position)
        for goal in catalogue_field.goals:
            position = flat.index(squeezed(goal.title), position)
            for measure in goal.measures:
                position = flat.index(squeezed(measure.text), position)
    assert "Seite1von" in flat and "Berichtsstand:31.03.2026" in flat


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_hostile_notes_come_out_as_text(catalogue: Catalogue, format_name: str) -> None:
    data = render(format_name, synopsis_of(catalogue, hostile_statuses(), notes=100))
    text = READERS[format_name](data)
    for raw in ("\x1b", "\x07", "\x9b", "\r"):
        if format_name != "json":  # JSON keeps notes byte for byte (escaped, checked below)
            assert raw not in text, (format_name, raw)  # what a reader gets out of the file
        if format_name not in ("pdf", "docx"):  # the text formats' bytes, too
            assert raw.encode() not in data, (format_name, raw)
    if format_name == "json":
        notes = [m for f in json.loads(data)["fields"] for g in f["goals"] for m in g["measures"]]
        assert [n["text"] for n in notes[0]["notes"]] == HOSTILE_CASES  # byte for byte
        return
    flat = squeezed(text)
    for literal in (
        "<script>alert(1)</script>",
        "[klick](javascript:alert(1))",
        "[bold red]Alarm[/]",
    ):
        assert squeezed(literal) in flat, literal
    assert squeezed("<b>fett</b> & <font color=red>rot</font>") in flat
    assert "[ESC][31mrot" in text  # the escape is named, not executed
    if format_name == "pdf":
        assert "nicht druckbar" in text  # Arabic and emoji: a visible notice, not a gap
    else:
        assert "تم توزيع النشرة باللغة العربية" in text


def test_html_has_no_script_no_foreign_links_and_loads_nothing(catalogue: Catalogue) -> None:
    data = render("html", synopsis_of(catalogue, hostile_statuses(), notes=100))
    parser = _TextAndTags()
    parser.feed(data.decode("utf-8"))
    tags = {tag for tag, _attrs in parser.tags}
    allowed = {"html", "head", "meta", "title", "style", "body", "p", "h1", "h2", "h3", "table"}
    allowed |= {"thead", "tbody", "tr", "th", "td", "br", "span", "strong", "em", "s", "code"}
    allowed |= {"pre", "a"}
    allowed |= {"figure", "figcaption", "svg", "desc", "rect", "line", "text"}  # the charts
    assert tags <= allowed
    for tag, attrs in parser.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert "src" not in attrs
        if tag == "a":
            assert (attrs["href"] or "").startswith(("http://", "https://", "mailto:"))
    assert "Content-Security-Policy" in data.decode()


def test_markdown_cannot_produce_markup_even_where_html_is_allowed(catalogue: Catalogue) -> None:
    from markdown_it import MarkdownIt

    data = render("markdown", synopsis_of(catalogue, hostile_statuses(), notes=100))
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(data.decode("utf-8"))
    assert "<script" not in html and "<img" not in html and "<font" not in html
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_docx_links_are_web_links_only_and_the_xml_is_clean(catalogue: Catalogue) -> None:
    statuses = hostile_statuses()
    web = LogEntry(NOON, "anna", "[Stadt Mainz](https://www.mainz.de) und [x](ftp://host/y)")
    statuses["1.1.1"] = MeasureStatus("1.1.1", log=(web, *statuses["1.1.1"].log))
    data = render("docx", synopsis_of(catalogue, statuses, notes=100))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        relations = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    targets = re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', relations)
    assert targets == ["https://www.mainz.de"]
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", xml)
    assert "<w:tblHeader" in xml and "<w:cantSplit" in xml and "<w:shd" in xml
    assert "ftp://host/y" in docx_text(data)  # not clickable, still readable


def test_pdf_marks_statuses_in_colour_and_names_them(catalogue: Catalogue) -> None:
    text = pdf_text(render("pdf", synopsis_of(catalogue, recorded_statuses())))
    assert "✓ umgesetzt" in text or "✓umgesetzt" in text
    assert "Kurzfristig: ✓ erreicht" in text or "Kurzfristig:✓erreicht" in squeezed(text)


def test_a_note_longer_than_a_page_is_printed_whole(catalogue: Catalogue) -> None:
    long_note = "\n\n".join(f"Absatz {n}: " + "Wort " * 60 for n in range(80))
    statuses = {"2.1.1": MeasureStatus("2.1.1", log=(LogEntry(NOON, "anna", long_note),), rev=1)}
    flat = squeezed(pdf_text(render("pdf", synopsis_of(catalogue, statuses))))
    assert all(f"Absatz{n}:" in flat for n in range(80))


@pytest.mark.parametrize("format_name", FORMAT_NAMES)
def test_multi_line_code_and_indented_notes_keep_every_line(
    catalogue: Catalogue, format_name: str
) -> None:
    mail = (
        "Weitergeleitete Mail:\n\n    Sehr geehrte Damen und Herren,\n"
        "    die Flyer sind gedruckt.\n    Mit freundlichen Grüßen\n"
    )
    fenced = "```\nZeile eins des Protokolls\n\tZeile zwei mit Tab\n" + "lang " * 60 + "Ende\n```"
    log = (LogEntry(NOON, "anna", mail), LogEntry(NOON.replace(hour=9), "anna", fenced))
    statuses = {"2.1.1": MeasureStatus("2.1.1", log=log, rev=2)}
    data = render(format_name, synopsis_of(catalogue, statuses))
    flat = squeezed(READERS[format_name](data))
    for line in (
        "Sehr geehrte Damen und Herren,",
        "die Flyer sind gedruckt.",
        "Mit freundlichen Grüßen",
        "Zeile eins des Protokolls",
        "Zeile zwei mit Tab",
        "lang lang Ende",
    ):
        assert squeezed(line) in flat, (format_name, line)
    assert "nichtdruckbar" not in flat  # line breaks are not "unprintable characters"


def test_markdown_follow_up_note_rows_have_an_empty_label(catalogue: Catalogue) -> None:
    notes = tuple(LogEntry(NOON.replace(hour=h), "anna", f"Notiz {h}") for h in (8, 9, 10))
    statuses = {"2.1.1": MeasureStatus("2.1.1", log=notes, rev=3)}
    text = render("markdown", synopsis_of(catalogue, statuses)).decode("utf-8")
    assert "****" not in text
    assert all(f"Notiz {h}" in text for h in (8, 9, 10))


def test_markdown_emphasis_renders_as_emphasis_not_as_asterisks(catalogue: Catalogue) -> None:
    """Bold and italic runs that start or end with a space (" – überfällig") keep the space
    outside their delimiters: CommonMark shows "** x**" as text, asterisks and all."""
    overdue = MeasureStatus("1.1.1", status="in-umsetzung", reviewed=date(2020, 1, 2), rev=1)
    statuses = {**recorded_statuses(), "1.1.1": overdue}
    text = markdown_text(render("markdown", synopsis_of(catalogue, statuses)))
    assert "überfällig" in text and "02.01.2020" in text
    assert "*" not in text


def test_english_report(catalogue: Catalogue, tmp_path: Path) -> None:
    options = ReportOptions(date(2026, 3, 31), lang="en")
    synopsis = build_synopsis(catalogue, recorded_statuses(), options, NOON)
    text = html_text(render("html", synopsis))
    assert "Report date" in text and "Success indicator" in text and "implemented" in text
    # the city's wording stays German
    assert "Erstellung und Verbreitung von (mehrsprachigen" in text


def test_markdown_escapes_only_what_would_become_markup() -> None:
    """Meant for reading and diffs: dates, numbers and headings stay as written, while
    everything that would turn into markup is shown literally by a Markdown renderer."""
    import html as html_module

    from markdown_it import MarkdownIt

    from monitor_tui.render.markdown import escape_markdown

    for plain in ("27.11.2026", "4.1 Handlungsfeld Bildung", "10.000 Flyer", "a & b", "2018/19"):
        assert escape_markdown(plain) == plain
    renderer = MarkdownIt("commonmark").enable(["table", "strikethrough"])  # no linkify
    for literal in (
        "1. Quartal",
        "- kein Punkt",
        "# keine Überschrift",
        "> kein Zitat",
        "*nicht kursiv* und _auch nicht_",
        "`kein Code`",
        "[kein](https://example.org) Link, ![kein](bild.png) Bild",
        "<script>alert(1)</script>",
        "&amp; &#x41; bleiben Text",
        "~~nicht durchgestrichen~~",
        "a | b",
    ):
        shown = renderer.render(escape_markdown(literal)).strip()
        assert shown == f"<p>{html_module.escape(literal, quote=False)}</p>", literal

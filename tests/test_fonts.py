"""Every script prints: the PDF embeds its TrueType fonts, Arabic and Farsi are joined and run
right to left line by line, Cyrillic, Turkish, Greek and Ethiopic (from a second font) print and
read back; only what no font has (emoji) is a notice; without any TrueType font the standard
fonts and the notice come back. The tests use the fonts in tests/data/fonts (conftest.py)."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from monitor_tui.catalogue import load_catalogue
from monitor_tui.export import render
from monitor_tui.model import Catalogue, LogEntry, MeasureStatus
from monitor_tui.render.fonts import FONTS_VARIABLE, library, pdf_fonts
from monitor_tui.report.build import ReportOptions, build_synopsis
from monitor_tui.workspace import Workspace

from .test_export_formats import docx_text, html_text

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
NOTES = {
    "arabic": "تم توزيع النشرة باللغة العربية على جميع رياض الأطفال",
    "farsi": "جلسه بعدی با خانواده‌ها در کتابخانه برگزار می‌شود",
    "russian": "Встреча с родителями состоялась в четверг",
    "turkish": "Görüşme İstanbul'dan gelen ailelerle yapıldı; başvuru formları çevrildi",
    "greek": "Καλημέρα από την ομάδα",
    "tigrinya": "ናይ ወለዲ ደብዳቤ ብትግርኛ ተተርጒሙ ኣሎ",
    "symbols": "Flyer verteilt → Rückmeldungen ✓ ★ ● ▲ ■ ◐ ○ ✗ ↑ ↓ Δ ✚ ✎",
}
NOTICE = "nicht druckbar"


@pytest.fixture
def catalogue(workspace: Workspace) -> Catalogue:
    return load_catalogue(workspace.catalogue_dir)


def report(catalogue: Catalogue, notes: dict[str, str], status: str = "in-umsetzung") -> bytes:
    """The PDF of Handlungsfeld 1 with one note per measure, in the order of `notes`."""
    measures = list(catalogue.measures())
    statuses = {
        measure.id: MeasureStatus(
            measure.id, status=status, rev=1, log=(LogEntry(NOON, "anna", text),)
        )
        for measure, text in zip(measures, notes.values(), strict=False)
    }
    options = ReportOptions(date(2026, 3, 31), field="1")  # seven measures: short to render
    return render("pdf", build_synopsis(catalogue, statuses, options, NOON))


def pdf_lines(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


def normalised(text: str) -> str:
    """Joined Arabic letters (presentation forms) as plain letters; bidi marks and joiners out."""
    plain = unicodedata.normalize("NFKC", text)
    return re.sub("[\u200c-\u200f\u202a-\u202e\u2066-\u2069]", "", plain)


def reads_back(words: str, text: str) -> bool:
    """Every word of `words` is in `text`, as typed or (right to left) reversed."""
    flat = normalised(text)
    return all(word in flat or word[::-1] in flat for word in normalised(words).split())


def font_objects(data: bytes) -> list[dict[str, object]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    fonts: dict[str, dict[str, object]] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():  # type: ignore[attr-defined]
            font = font.get_object()
            fonts[str(font.get("/BaseFont"))] = font
    return list(fonts.values())


def test_every_font_is_embedded_and_every_script_reads_back(catalogue: Catalogue) -> None:
    data = report(catalogue, NOTES)
    fonts = font_objects(data)
    names = [str(font["/BaseFont"]) for font in fonts]
    assert any("DejaVuSans" in name for name in names)
    assert any("NotoSansEthiopic" in name for name in names)  # the second font, for Tigrinya
    for font in fonts:  # TrueType with the font file inside, no standard font left
        descriptor = font["/FontDescriptor"].get_object()  # type: ignore[attr-defined]
        assert "/FontFile2" in descriptor, font["/BaseFont"]
    text = "\n".join(pdf_lines(data))
    for name, note in NOTES.items():
        assert reads_back(note, text), name
    assert NOTICE not in text  # the fonts cover everything: no notice


def test_right_to_left_lines_keep_their_order(catalogue: Catalogue) -> None:
    """A note that wraps over several lines: each line runs right to left, the lines top to
    bottom – the first words on the first line, the last ones on the last."""
    filler = " ".join(["كلمة"] * 60)
    note = f"البداية {filler} النهاية"
    lines = [normalised(line) for line in pdf_lines(report(catalogue, {"long": note}))]
    first = next(n for n, line in enumerate(lines) if "البداية" in line or "ةيادبلا" in line)
    last = next(n for n, line in enumerate(lines) if "النهاية" in line or "ةياهنلا" in line)
    assert last - first >= 2  # it did wrap
    words = [w for w in lines[first].split() if w in ("البداية", "ةيادبلا", "كلمة", "ةملك")]
    assert len(words) > 3


def test_joined_letters_and_a_right_aligned_paragraph(catalogue: Catalogue) -> None:
    """The PDF holds the joined forms (Arabic Presentation Forms), not the isolated letters."""
    from pypdf import PdfReader

    data = report(catalogue, {"arabic": NOTES["arabic"]})
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert re.search("[\ufe70-\ufeff]", text)  # joined forms were drawn


def test_what_no_font_has_is_a_notice_and_bidi_controls_do_not_reorder(
    catalogue: Catalogue,
) -> None:
    notes = {"emoji": "Danke 👍 für alles", "override": "Betrag \u202e0001\u202c Euro"}
    text = "\n".join(pdf_lines(report(catalogue, notes)))
    assert "Danke" in text and "für alles" in text
    assert text.count(NOTICE) == 3  # the emoji, the override and its end: shown, not obeyed
    assert "1000" not in text  # the digits stay in the order typed
    assert "0001" in text


def test_without_any_truetype_font_the_standard_fonts_and_the_notice(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FONTS_VARIABLE, str(tmp_path))  # an empty folder: no font at all
    assert not pdf_fonts().embedded and library().main is None
    data = report(catalogue, {"arabic": NOTES["arabic"], "german": "Übergang Kita – Schule"})
    names = [str(font["/BaseFont"]) for font in font_objects(data)]
    assert "/Helvetica" in names and not any("DejaVu" in name for name in names)
    text = "\n".join(pdf_lines(data))
    assert NOTICE in text and "Übergang Kita – Schule" in text
    assert "Umsetzungsstand je Handlungsfeld" in text  # the charts are still drawn


def test_a_folder_without_a_main_font_counts_as_no_font(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .conftest import FONTS

    (tmp_path / "NotoSansEthiopic-Regular.ttf").write_bytes(
        (FONTS / "NotoSansEthiopic-Regular.ttf").read_bytes()
    )
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"not a font")
    monkeypatch.setenv(FONTS_VARIABLE, str(tmp_path))
    assert not pdf_fonts().embedded


def test_docx_and_html_name_fonts_for_every_script(catalogue: Catalogue) -> None:
    statuses = {
        "1.1.1": MeasureStatus(
            "1.1.1",
            rev=1,
            log=(LogEntry(NOON, "anna", NOTES["arabic"] + "\n\n" + NOTES["tigrinya"]),),
        )
    }
    synopsis = build_synopsis(catalogue, statuses, ReportOptions(date(2026, 3, 31)), NOON)
    html = render("html", synopsis).decode("utf-8")
    stack = re.search(r"body \{ font-family: ([^;]+);", html)
    assert stack is not None
    for family in ("DejaVu Sans", "Arial", "Noto Sans Arabic", "Noto Sans Ethiopic", "Nyala"):
        assert f'"{family}"' in stack.group(1)
    assert 'dir="auto"' in html and NOTES["arabic"] in html_text(html.encode())
    data = render("docx", synopsis)
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert 'w:cs="Arial"' in styles  # Arabic: the complex-script font
    assert "<w:bidi/>" in xml and "<w:rtl/>" in xml  # a right-to-left paragraph and run
    assert 'w:ascii="Nyala"' in xml  # the Ethiopic run
    assert NOTES["tigrinya"] in docx_text(data)


@pytest.mark.parametrize("embedded", [True, False])
def test_a_request_letter_prints_every_script_of_its_notes_and_names(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedded: bool
) -> None:
    """The PDF form sent to an office carries the measure's last notes, whoever wrote them: it
    embeds the same fonts as the report (or, with no TrueType font, the standard ones and the
    notice), in the letter, its tables and the footer with the office's name."""
    from monitor_tui.people import OfficeContact
    from monitor_tui.requests.letter import build_letter
    from monitor_tui.requests.service import render_letter

    if not embedded:
        monkeypatch.setenv(FONTS_VARIABLE, str(tmp_path))
    scripts = ("arabic", "russian", "tigrinya")  # the letter shows the last three notes
    log = tuple(LogEntry(NOON, "anna", NOTES[name]) for name in scripts)
    statuses = {"1.1.1": MeasureStatus("1.1.1", status="in-umsetzung", rev=1, log=log)}
    office = catalogue.measure("1.1.1").offices[0]  # type: ignore[union-attr]
    contact = OfficeContact(office, "Ελένη Παπαδοπούλου", "e@example.org", "")
    letter = build_letter(catalogue, office, contact, statuses, {}, NOON, date(2026, 4, 2), "de")
    data = render_letter(letter, "pdf")
    names = [str(font["/BaseFont"]) for font in font_objects(data)]
    text = "\n".join(pdf_lines(data))
    assert "Bitte antworten Sie bis zum 02.04.2026." in text
    if embedded:
        assert any("DejaVu" in name for name in names)
        assert all(reads_back(NOTES[name], text) for name in scripts)
        assert reads_back("Ελένη Παπαδοπούλου", text) and NOTICE not in text
    else:
        assert not any("DejaVu" in name for name in names)
        assert NOTICE in text and not reads_back(NOTES["russian"], text)

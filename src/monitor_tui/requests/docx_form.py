"""The request as a DOCX form, and reading a filled-in form back.

The form is a letter followed by one table per measure: the catalogue text and the state so far
(grey labels), then the office's fields on a yellow ground. A value is ticked in a tick box, a
Word check box content control (`w14:checkbox`) showing ☐ / ☒, which Word and LibreOffice
toggle with a click; where an editor does not know them, replacing ☐ by X works as well.
Texts go into empty cells.

Reading relies only on what survives editing and saving in Word or LibreOffice: the form's id
in the letter (`[abfrage …]`, also in the document properties), each table's first cell (the
measure's id), the order and labels of the answer rows at the end of each table, the words
after the tick boxes and the boxes' state. Anything else may be reformatted freely; a form that
lost a measure's table, or whose answer rows no longer read as such, is refused with a message
naming the place.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitor_tui.dates import parse_date
from monitor_tui.i18n import _, os_error
from monitor_tui.model import Catalogue, Measure, fold_for_search
from monitor_tui.offices import office_slug
from monitor_tui.render.common import GOAL_SHADE, LABEL_SHADE
from monitor_tui.render.docx import _add_field, _fixed_columns, _no_split, _shade
from monitor_tui.requests.letter import (
    PROGRESS,
    AnswerField,
    FormId,
    RequestLetter,
    RequestMeasure,
    answer_fields,
    answer_labels,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table as DocxTable
    from docx.table import _Cell

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
UNTICKED, TICKED = "☐", "☒"
TICK_MARKS = frozenset("☒☑✓✔✗✘xX")
"""What counts as ticked in front of a value: the box Word and LibreOffice tick, or an X typed."""
ANSWER_SHADE = "#fff2b3"
ANSWER_HEAD_SHADE = "#ffd966"
FONT = "Arial"
LANGUAGE_TAGS = {"de": "de-DE", "en": "en-GB"}
FORM_STYLE = "Formular"
"""The paragraph style of the tables: a little smaller than the letter, so a measure fits a page."""
MAX_BYTES = 20 * 1024 * 1024
"""A filled-in request is a few hundred kilobytes; anything far larger is not one."""
MAX_UNPACKED = 200 * 1024 * 1024
_MEASURE_ID = re.compile(r"\b([0-9]+\.[0-9]+\.[0-9]+)\b")


class FormError(ValueError):
    """The file is not a request form, or one altered beyond its fields; the message says
    where."""


# --- writing ----------------------------------------------------------------------------------


def render_request_docx(letter: RequestLetter) -> bytes:
    """The letter with its form, as DOCX."""
    from docx import Document as new_document

    document = new_document()
    _page_setup(document, letter)
    _letter(document, letter)
    document.add_page_break()  # type: ignore[no-untyped-call]
    document.add_heading(letter.measures_heading, level=1)
    for index, item in enumerate(letter.measures):
        if index:  # one measure per page: each is a form page of its own
            document.add_page_break()  # type: ignore[no-untyped-call]
        document.add_heading(item.heading, level=2)
        _measure_table(document, item, letter)
    properties = document.core_properties
    properties.title = letter.subject
    properties.subject = letter.office
    properties.identifier = letter.form_id.text()
    properties.author = letter.sender[1] if len(letter.sender) > 1 else letter.sender[0]
    properties.comments = "monitor-tui"
    properties.language = LANGUAGE_TAGS.get(letter.lang, "de-DE")
    moment = letter.form_id.moment.astimezone(UTC).replace(tzinfo=None)
    properties.created = properties.modified = moment
    _proofing_language(document, properties.language)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _proofing_language(document: Document, tag: str) -> None:
    """The language Word and LibreOffice check the spelling of the answers in."""
    from docx.oxml.ns import qn

    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), tag)


def _page_setup(document: Document, letter: RequestLetter) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.2), Cm(1.8)
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.8)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    # the template's 10 pt after each paragraph and 1.15 lines would spread a form over pages
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.0
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.color.rgb = RGBColor(0, 0, 0)
    document.styles["Heading 1"].font.size = Pt(14)
    document.styles["Heading 2"].font.size = Pt(11)
    form = document.styles.add_style(FORM_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    form.base_style = normal
    form.font.size = Pt(9)
    form.paragraph_format.space_after = Pt(1)
    header = section.header.paragraphs[0]
    header.add_run(f"{letter.subject} – {letter.labels['office']}").font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, rest = letter.labels["page"].split("{page}", 1)
    between, after = rest.split("{pages}", 1)
    for text, name in ((before, "PAGE"), (between, "NUMPAGES")):
        footer.add_run(text).font.size = Pt(8)
        _add_field(footer, name)
    footer.add_run(after).font.size = Pt(8)


def _letter(document: Document, letter: RequestLetter) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    def lines(texts: tuple[str, ...], size: float, bold_first: bool = False) -> None:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        for index, text in enumerate(texts):
            run = paragraph.add_run(("\n" if index else "") + text)
            run.font.size = Pt(size)
            run.bold = (bold_first and index == 0) or None

    lines(letter.sender, 9, bold_first=True)
    document.add_paragraph()
    lines(letter.recipient, 10.5)
    dated = document.add_paragraph(letter.date_line)
    dated.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    subject = document.add_paragraph()
    subject.paragraph_format.space_before = Pt(18)
    subject.paragraph_format.space_after = Pt(0)
    subject.add_run(letter.subject).bold = True
    subject.runs[0].font.size = Pt(12)
    reply = document.add_paragraph()
    reply.paragraph_format.space_after = Pt(12)
    reply.add_run(letter.reply_line).bold = True
    document.add_paragraph(letter.salutation)
    for text in letter.body:
        document.add_paragraph(text)
    for text in letter.instructions:
        document.add_paragraph(text, style="List Bullet")
    for index, text in enumerate(letter.closing):
        paragraph = document.add_paragraph(text)
        if index >= len(letter.closing) - 1:
            paragraph.paragraph_format.space_before = Pt(0)
    marker = document.add_paragraph()
    marker.paragraph_format.space_before = Pt(18)
    run = marker.add_run(letter.form_id_line)
    run.font.size = Pt(7.5)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _measure_table(document: Document, item: RequestMeasure, letter: RequestLetter) -> None:
    from docx.shared import Cm

    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    widths = (Cm(4.4), Cm(17.0 - 4.4))
    _fixed_columns(table, widths)
    _merged_row(table, letter.labels["catalogue"].format(id=item.measure.id), GOAL_SHADE, widths)
    for label, text in item.catalogue_rows:
        _plain_row(table, label, text, widths)
    _merged_row(table, letter.labels["state"], LABEL_SHADE, widths)
    for label, text in item.state_rows:
        _plain_row(table, label, text, widths)
    _notes_row(table, item, letter, widths)
    _merged_row(table, letter.labels["answers"], ANSWER_HEAD_SHADE, widths)
    for answer in item.answers:
        _answer_row(table, answer, widths)
    for row in table.rows:  # a row (a question and its boxes) never splits across pages
        _no_split(row)
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.style = FORM_STYLE


def _cells(table: DocxTable, widths: tuple[Any, Any]) -> tuple[_Cell, _Cell]:
    row = table.add_row()  # type: ignore[no-untyped-call]
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = width
    return row.cells[0], row.cells[1]


def _merged_row(table: DocxTable, text: str, shade: str, widths: tuple[Any, Any]) -> None:
    first, second = _cells(table, widths)
    merged = first.merge(second)
    merged.paragraphs[0].add_run(text).bold = True
    _shade(merged, shade)


def _plain_row(table: DocxTable, label: str, text: str, widths: tuple[Any, Any]) -> None:
    label_cell, content = _cells(table, widths)
    label_cell.paragraphs[0].add_run(label).bold = True
    _shade(label_cell, LABEL_SHADE)
    for index, line in enumerate(text.split("\n")):
        paragraph = content.paragraphs[0] if index == 0 else content.add_paragraph()
        paragraph.add_run(line)


def _notes_row(
    table: DocxTable, item: RequestMeasure, letter: RequestLetter, widths: tuple[Any, Any]
) -> None:
    label_cell, content = _cells(table, widths)
    label_cell.paragraphs[0].add_run(letter.labels["notes"]).bold = True
    _shade(label_cell, LABEL_SHADE)
    if not item.notes:
        content.paragraphs[0].add_run(letter.labels["no_notes"]).italic = True
        return
    first = True
    for heading, text in item.notes:
        paragraph = content.paragraphs[0] if first else content.add_paragraph()
        first = False
        paragraph.add_run(heading).bold = True
        for line in text.split("\n"):
            content.add_paragraph().add_run(line)


def _answer_row(table: DocxTable, answer: AnswerField, widths: tuple[Any, Any]) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm, Pt, RGBColor

    label_cell, content = _cells(table, widths)
    label = label_cell.paragraphs[0]
    label.add_run(answer.label).bold = True
    if answer.hint:
        hint = label.add_run("\n" + answer.hint)
        hint.font.size = Pt(8)
        hint.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    _shade(label_cell, LABEL_SHADE)
    _shade(content, ANSWER_SHADE)
    if answer.kind == "choice":
        for index, (_key, word) in enumerate(answer.options):
            paragraph = content.paragraphs[0] if index == 0 else content.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph._p.append(_checkbox())
            paragraph.add_run(" " + word)
        return
    row = table.rows[-1]
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    row.height = Cm(2.8 if answer.key == PROGRESS else 1.2 if answer.kind == "text" else 0.8)


def _checkbox() -> Any:
    """A Word check box content control showing ☐ (☒ when ticked)."""
    from docx.oxml import parse_xml

    return parse_xml(
        f'<w:sdt xmlns:w="{W_NS}" xmlns:w14="{W14_NS}"><w:sdtPr>'
        '<w14:checkbox><w14:checked w14:val="0"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>'
        "</w:sdtPr><w:sdtContent><w:r><w:rPr>"
        '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/>'
        f"</w:rPr><w:t>{UNTICKED}</w:t></w:r></w:sdtContent></w:sdt>"
    )


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureAnswer:
    """What a filled-in form says about one measure. Empty values: the office left it."""

    measure_id: str
    status: str | None = None
    targets: dict[str, str] = field(default_factory=dict)
    assessment: str | None = None
    progress: str = ""
    next_step: str = ""
    next_step_due: date | None = None
    problems: tuple[str, ...] = ()
    """Why the answer cannot be taken as it stands (two values ticked, a date unreadable)."""

    @property
    def empty(self) -> bool:
        return not (
            self.status
            or self.targets
            or self.assessment
            or self.progress
            or self.next_step
            or self.next_step_due
            or self.problems
        )


@dataclass(frozen=True)
class FilledForm:
    form_id: FormId
    office: str
    answers: tuple[MeasureAnswer, ...]


def read_form(path: Path, catalogue: Catalogue) -> FilledForm:
    """The answers in a filled-in request; raises FormError naming what is wrong where."""
    document = _open(path)
    form_id = _form_id(document)
    office = next((o for o in catalogue.offices() if office_slug(o) == form_id.office_slug), None)
    if office is None:
        raise FormError(_("requests_form_office_unknown", office=form_id.office_slug))
    tables = _measure_tables(document)
    for found in tables:
        if found not in form_id.measure_ids:
            raise FormError(_("requests_form_foreign_table", id=found))
    answers = []
    for measure_id in form_id.measure_ids:
        measure = catalogue.measure(measure_id)
        if measure is None:
            raise FormError(_("requests_form_measure_gone", id=measure_id))
        table = tables.get(measure_id)
        if table is None:
            raise FormError(_("requests_form_table_missing", id=measure_id))
        answers.append(_read_answer(table, measure, catalogue))
    return FilledForm(form_id, office, tuple(answers))


def _open(path: Path) -> Document:
    from docx import Document as open_document

    try:
        size = path.stat().st_size
    except OSError as error:
        raise FormError(_("requests_form_unreadable", path=path, reason=os_error(error))) from None
    if size > MAX_BYTES:
        raise FormError(_("requests_form_not_docx", path=path))
    try:
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise FormError(_("requests_form_not_docx", path=path))
        return open_document(str(path))
    except FormError:
        raise
    except Exception:  # python-docx raises anything from KeyError to lxml's errors on junk
        raise FormError(_("requests_form_not_docx", path=path)) from None


def _form_id(document: Document) -> FormId:
    candidates = [paragraph_text(p._p) for p in document.paragraphs]
    candidates.append(document.core_properties.identifier or "")
    for text in candidates:
        found = FormId.find(text)
        if found is not None:
            return found
    raise FormError(_("requests_form_no_id"))


def _measure_tables(document: Document) -> dict[str, DocxTable]:
    """Measure id → its table, from each table's first cell."""
    tables: dict[str, DocxTable] = {}
    for table in document.tables:
        if not table.rows:
            continue
        first = table.rows[0].cells[0]
        found = _MEASURE_ID.search(cell_text(first))
        if found is None:
            continue
        if found.group(1) in tables:
            raise FormError(_("requests_form_table_twice", id=found.group(1)))
        tables[found.group(1)] = table
    return tables


def cell_paragraphs(cell: _Cell) -> list[Any]:
    """The paragraphs of a cell (not those of a table nested in it)."""
    return list(cell._tc.iterchildren(f"{{{W_NS}}}p"))


def cell_text(cell: _Cell) -> str:
    return "\n".join(paragraph_text(p) for p in cell_paragraphs(cell)).strip()


def paragraph_text(paragraph: Any) -> str:
    """The text of a paragraph element as a reader sees it: runs inside content controls,
    insertions and hyperlinks included, deleted text not; tabs and line breaks kept."""
    parts = []
    for node in paragraph.iter(f"{{{W_NS}}}t", f"{{{W_NS}}}tab", f"{{{W_NS}}}br", f"{{{W_NS}}}cr"):
        local = node.tag.rsplit("}", 1)[1]
        if local == "t":
            parts.append(node.text or "")
        elif local == "tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _box_checked(paragraph: Any) -> bool:
    for node in paragraph.iter(f"{{{W14_NS}}}checked"):
        if node.get(f"{{{W14_NS}}}val") in ("1", "true", "on"):
            return True
    return False


def _read_answer(table: DocxTable, measure: Measure, catalogue: Catalogue) -> MeasureAnswer:
    fields = answer_fields(measure, catalogue, "de")
    labels = answer_labels(measure, catalogue)
    rows = list(table.rows)
    if len(rows) < len(fields) + 1:
        raise FormError(_("requests_form_rows_missing", id=measure.id))
    values: dict[str, Any] = {"targets": {}}
    problems: list[str] = []
    first_row = len(rows) - len(fields)
    for offset, (answer, names) in enumerate(zip(fields, labels, strict=True)):
        row = rows[first_row + offset]
        cells = row.cells
        if len(cells) < 2 or cells[0]._tc is cells[-1]._tc:
            raise FormError(
                _(
                    "requests_form_row_changed",
                    id=measure.id,
                    row=first_row + offset + 1,
                    label=names[0],
                    found=cell_text(cells[0])[:60],
                )
            )
        found = fold_for_search(cell_text(cells[0]))
        if not any(found.startswith(fold_for_search(name)) for name in names):
            raise FormError(
                _(
                    "requests_form_row_changed",
                    id=measure.id,
                    row=first_row + offset + 1,
                    label=names[0],
                    found=cell_text(cells[0])[:60],
                )
            )
        _read_value(answer, cells[-1], measure, catalogue, values, problems)
    return MeasureAnswer(
        measure.id,
        status=values.get("status"),
        targets=values["targets"],
        assessment=values.get("assessment"),
        progress=values.get(PROGRESS, ""),
        next_step=values.get("next_step", ""),
        next_step_due=values.get("next_step_due"),
        problems=tuple(problems),
    )


def _read_value(
    answer: AnswerField,
    cell: _Cell,
    measure: Measure,
    catalogue: Catalogue,
    values: dict[str, Any],
    problems: list[str],
) -> None:
    if answer.kind == "text":
        text = "\n".join(paragraph_text(p) for p in cell_paragraphs(cell)).strip()
        if text:
            values[answer.key] = text
        return
    if answer.kind == "date":
        text = cell_text(cell)
        if text:
            try:
                values[answer.key] = parse_date(text)
            except ValueError:
                problems.append(_("requests_answer_bad_date", label=answer.label, value=text[:40]))
        return
    ticked = _ticked(answer, cell, measure, catalogue, problems)
    if len(ticked) > 1:
        problems.append(_("requests_answer_two_ticks", label=answer.label))
    elif ticked and answer.key.startswith("target:"):
        values["targets"][answer.key.removeprefix("target:")] = ticked[0]
    elif ticked:
        values[answer.key] = ticked[0]


def _ticked(
    answer: AnswerField, cell: _Cell, measure: Measure, catalogue: Catalogue, problems: list[str]
) -> list[str]:
    """The keys of the values ticked in a choice cell (words in either language)."""
    words: dict[str, str] = {}
    for lang in ("de", "en"):
        for field_ in answer_fields(measure, catalogue, lang):
            if field_.key == answer.key:
                words.update({fold_for_search(word): key for key, word in field_.options})
    ticked = []
    for paragraph in cell_paragraphs(cell):
        text = fold_for_search(paragraph_text(paragraph)).strip()
        if not text:
            continue
        word = max((w for w in words if text.endswith(w)), key=len, default=None)
        if word is None:
            problems.append(_("requests_answer_unknown_line", label=answer.label, text=text[:60]))
            continue
        prefix = _before(paragraph_text(paragraph).strip(), word)
        if _box_checked(paragraph) or any(mark in TICK_MARKS for mark in prefix):
            ticked.append(words[word])
    return ticked


def _before(text: str, word: str) -> str:
    """What stands in front of `word` (folded) at the end of `text`: the box, or an X."""
    starts = [i for i in range(len(text)) if fold_for_search(text[i:]).strip() == word]
    return text[: max(starts)] if starts else ""

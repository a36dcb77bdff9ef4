"""The DOCX export (python-docx): real Word tables with the merged goal row, repeated header rows,
rows that do not split, status colours as cell shading, and Word heading styles.

python-docx has no API for repeated header rows (w:tblHeader), unsplittable rows (w:cantSplit),
cell shading (w:shd), page fields, hyperlinks, right-to-left paragraphs (w:bidi) and a picture's
alt text (wp:docPr descr); each has a small XML helper below.

Fonts: Arial for Latin, Greek, Cyrillic and (as the complex-script font) Arabic, which Word on
Windows has and LibreOffice replaces by a metric twin; runs of Ethiopic script name Nyala, the
vocabulary marks Segoe UI Symbol (Windows' fonts for them; elsewhere the office program takes an
installed font that has the characters, e.g. Noto Sans Ethiopic, DejaVu Sans). Right-to-left
runs are marked as such, and a paragraph that starts right to left is a right-to-left paragraph.
The charts are 300 dpi pictures (`render.chart_picture`) with their description as alt text.
python-docx escapes all text itself; the synopsis has already replaced the control characters
XML forbids.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from monitor_tui.render import rtl
from monitor_tui.render.chart_picture import chart_png
from monitor_tui.render.common import GENERATOR, GOAL_SHADE, LABEL_SHADE, ink, tint
from monitor_tui.report.charts import Chart
from monitor_tui.report.document import GoalTable, Row, Synopsis, Table
from monitor_tui.report.richtext import Block, RichText, Run
from monitor_tui.text import shortened

if TYPE_CHECKING:
    from docx.document import Document
    from docx.shared import Length
    from docx.table import Table as DocxTable
    from docx.table import _Cell, _Row
    from docx.text.paragraph import Paragraph

PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = 1.8
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
LABEL_WIDTH_CM = 3.6
FONT = "Arial"
ETHIOPIC_FONT = "Nyala"
SYMBOL_FONT = "Segoe UI Symbol"
TABLE_INDENT_CM = 0.19
"""Word's default left cell margin: the tables are moved in by it so that their borders, not
just their text, stay inside the margins."""
_ETHIOPIC = re.compile("([\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]+)")


def render_docx(synopsis: Synopsis) -> bytes:
    from docx import Document as new_document

    document = new_document()
    _properties(document, synopsis)
    _page_setup(document, synopsis)
    _styles(document)
    _title_block(document, synopsis)
    if synopsis.summaries:
        document.add_heading(synopsis.summaries_title, level=1)
        for summary in synopsis.summaries:
            document.add_heading(summary.heading, level=2)
            for block in summary.text:
                _block(document.add_paragraph(), block)
    document.add_heading(synopsis.overview_title, level=1)
    _plain_table(document, synopsis.overview)
    for chart in synopsis.charts:
        _chart(document, chart)
    document.add_heading(synopsis.synopsis_title, level=1)
    if not any(section.goals for section in synopsis.sections):
        document.add_paragraph(synopsis.empty_message)
    tables = _GoalTables(document)
    for section in synopsis.sections:
        document.add_heading(section.heading, level=2)
        if section.goals:
            tables.add(document, section.goals)
    document.add_heading(synopsis.legend_title, level=1)
    document.add_paragraph(synopsis.indicator_rule)
    for title, table in synopsis.legend:
        document.add_heading(title, level=3)
        _plain_table(document, table)
    buffer = io.BytesIO()
    document.save(buffer)
    return tables.put_into(buffer.getvalue())


def _properties(document: Document, synopsis: Synopsis) -> None:
    """Title, author and dates of the file (python-docx's template says "python-docx", 2013);
    the description names this program, which is how a later export knows it may replace it."""
    properties = document.core_properties
    limit = 255  # what the file format allows for one property
    properties.title = shortened(synopsis.title, limit)
    properties.subject = shortened(f"{synopsis.subtitle} – {synopsis.report_date_text()}", limit)
    properties.author = shortened(synopsis.issuer, limit)
    properties.comments = GENERATOR
    properties.last_modified_by = GENERATOR
    generated = synopsis.generated.astimezone(UTC).replace(tzinfo=None)
    properties.created = properties.modified = generated


def _page_setup(document: Document, synopsis: Synopsis) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    section.left_margin = section.right_margin = Cm(MARGIN_CM)
    # the two lines of the running header end well above the text
    section.top_margin, section.bottom_margin = Cm(2.6), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    header = section.header.paragraphs[0]
    header.paragraph_format.space_after = Pt(6)
    header.text = ""
    run = header.add_run(
        f"{synopsis.title}\n{synopsis.labels['report_date']}: {synopsis.report_date_text()}"
    )
    run.font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, _page, between, _pages, after = _split_page_label(synopsis.labels["page"])
    for text, field in ((before, "PAGE"), (between, "NUMPAGES")):
        footer.add_run(text).font.size = Pt(8)
        _add_field(footer, field)
    footer.add_run(after).font.size = Pt(8)


def _split_page_label(label: str) -> tuple[str, str, str, str, str]:
    """ "Seite {page} von {pages}" → ("Seite ", "{page}", " von ", "{pages}", "")."""
    before, rest = label.split("{page}", 1)
    between, after = rest.split("{pages}", 1)
    return before, "{page}", between, "{pages}", after


def _styles(document: Document) -> None:
    from docx.shared import Pt, RGBColor

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    _complex_script_font(normal.element.get_or_add_rPr(), FONT)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.color.rgb = RGBColor(0, 0, 0)
    document.styles["Title"].font.size = Pt(18)


def _title_block(document: Document, synopsis: Synopsis) -> None:
    from docx.shared import Pt

    document.add_paragraph(synopsis.issuer)
    document.add_heading(synopsis.title, level=0)
    subtitle = document.add_paragraph()
    subtitle.add_run(synopsis.subtitle).font.size = Pt(12)
    for label, value in synopsis.title_facts:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)


class _GoalTables:
    """The goal tables of the synopsis, written as WordprocessingML text: python-docx builds
    each element as an object, which at thousands of measures took minutes and gigabytes.
    The rest of the document is built with python-docx; a marker paragraph stands where a
    section's tables go, and `put_into` writes the saved document anew with the tables in
    place of the markers, part by part. The XML is what python-docx wrote for the same calls
    (tests/test_docx_tables.py keeps those calls and compares)."""

    def __init__(self, document: Document) -> None:
        self.part = document.part
        self.sections: dict[str, list[str]] = {}
        self._token = f"monitor-tui-goal-tables-{id(self)}"

    def add(self, document: Document, goals: Sequence[GoalTable]) -> None:
        """The tables of one section, each followed by an empty paragraph."""
        marker = f"{self._token}-{len(self.sections)}"
        document.add_paragraph(marker)
        self.sections[marker] = [
            part for goal in goals for part in (goal_table_xml(goal, self._relate), "<w:p/>")
        ]

    def _relate(self, href: str) -> str:
        from docx.opc.constants import RELATIONSHIP_TYPE

        return str(self.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))

    def put_into(self, saved: bytes) -> bytes:
        """The saved document with each marker paragraph replaced by its tables."""
        if not self.sections:
            return saved
        output = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(saved)) as source,
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                if info.filename != "word/document.xml":
                    target.writestr(info, source.read(info))
                    continue
                text = source.read(info).decode("utf-8")
                with target.open(info, "w") as stream:
                    for piece in self._pieces(text):
                        stream.write(piece.encode("utf-8"))
        return output.getvalue()

    def _pieces(self, text: str) -> Iterator[str]:
        position = 0
        for marker, parts in self.sections.items():
            at = text.index(marker, position)
            start = text.rindex("<w:p>", position, at)
            end = text.index("</w:p>", at) + len("</w:p>")
            yield text[position:start]
            yield from parts
            position = end
        yield text[position:]


def goal_table_xml(goal: GoalTable, relate: Callable[[str], str]) -> str:
    """A goal's table: the goal row spanning both columns, repeated on each page, then each
    measure's rows, kept on one page where Word can (keepNext on all but its last row).
    `relate` gives the relationship id of a hyperlink."""
    from docx.shared import Cm

    inner = TEXT_WIDTH_CM - 2 * TABLE_INDENT_CM
    widths = (Cm(LABEL_WIDTH_CM).twips, Cm(inner - LABEL_WIDTH_CM).twips)
    indent = round(Cm(TABLE_INDENT_CM).twips)
    parts = [
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
        f'<w:tblInd w:w="{indent}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        'w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>'
        f'<w:gridCol w:w="{widths[0]}"/><w:gridCol w:w="{widths[1]}"/></w:tblGrid>'
        '<w:tr><w:trPr><w:cantSplit w:val="true"/><w:tblHeader w:val="true"/></w:trPr>'
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[0] + widths[1]}"/>'
        f'<w:gridSpan w:val="2"/>{_shading(GOAL_SHADE)}</w:tcPr>',
        *_rich_xml(goal.header, relate, keep=False),
        "</w:tc></w:tr>",
    ]
    for entry in goal.measures:
        last = len(entry.rows) - 1
        for index, row in enumerate(entry.rows):
            keep = index < last  # Word keeps a measure's rows on one page if it can
            label_shade = _shading(LABEL_SHADE) if row.is_monitoring else ""
            shade = tint(row.shade)
            parts += [
                '<w:tr><w:trPr><w:cantSplit w:val="true"/></w:trPr>',
                f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[0]}"/>{label_shade}</w:tcPr>',
                *_label_xml(row, relate, keep),
                f'</w:tc><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[1]}"/>',
                _shading(shade) if shade else "",
                "</w:tcPr>",
                *_rich_xml(row.content, relate, keep),
                "</w:tc></w:tr>",
            ]
    parts.append("</w:tbl>")
    return "".join(parts)


def _shading(colour: str) -> str:
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{colour.lstrip("#").upper()}"/>'


def _label_xml(row: Row, relate: Callable[[str], str], keep: bool) -> list[str]:
    """The label cell: the label in bold, the measure's id small and grey, the flag."""
    runs = [_run_xml(row.label, "<w:b/>")]
    if row.sublabel:
        runs.append(_run_xml("\n" + row.sublabel, '<w:color w:val="555555"/><w:sz w:val="16"/>'))
    if row.flag:
        runs.append("<w:r><w:br/></w:r>")
        for run in row.flag:
            runs += _styled_runs_xml(run)
    properties = "<w:pPr><w:keepNext/></w:pPr>" if keep else ""
    return [f"<w:p>{properties}", *runs, "</w:p>"]


def _rich_xml(text: RichText, relate: Callable[[str], str], keep: bool) -> list[str]:
    if not text:  # the cell's own empty paragraph
        return ["<w:p><w:pPr><w:keepNext/></w:pPr></w:p>" if keep else "<w:p/>"]
    return [piece for block in text for piece in _block_xml(block, relate, keep)]


def _block_xml(block: Block, relate: Callable[[str], str], keep: bool) -> list[str]:
    """A paragraph as `_block` makes it (space after, indent, right to left, the runs)."""
    properties = "<w:keepNext/>" if keep else ""  # in the order the schema wants
    if rtl.starts_rtl(block.plain()):
        properties += "<w:bidi/>"
    properties += '<w:spacing w:after="40"/>'
    if block.level:
        properties += f'<w:ind w:left="{200 * block.level}"/>'  # 10 pt per level, in twips
    parts = [f"<w:p><w:pPr>{properties}</w:pPr>"]
    if block.prefix:
        parts.append(_run_xml(block.prefix, None))
    for run in block.runs:
        if run.href:
            runs = _styled_runs_xml(run, underline=True)
            parts += runs[:-1]
            parts.append(f'<w:hyperlink r:id="{relate(run.href)}">{runs[-1]}</w:hyperlink>')
        else:
            parts += _styled_runs_xml(run, code=run.code or block.kind == "code")
    parts.append("</w:p>")
    return parts


def _styled_runs_xml(run: Run, code: bool = False, underline: bool = False) -> list[str]:
    """`run` as Word runs, as `_styled_run` makes them; `underline`: the last one underlined
    (a hyperlink's)."""
    pieces = [run.text] if code or run.mark else [p for p in _ETHIOPIC.split(run.text) if p]
    pieces = pieces or [""]
    return [
        _one_run_xml(run, piece, code, underline and number == len(pieces) - 1)
        for number, piece in enumerate(pieces)
    ]


def _one_run_xml(run: Run, text: str, code: bool, underline: bool) -> str:
    """The run properties in schema order: rFonts, b, i, strike, color, sz, u, rtl."""
    font = "Courier New" if code else SYMBOL_FONT if run.mark else None
    if font is None and _ETHIOPIC.fullmatch(text):
        font = ETHIOPIC_FONT
    properties = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else ""
    properties += "<w:b/>" if run.bold else ""
    properties += "<w:i/>" if run.italic else ""
    properties += "<w:strike/>" if run.strike else ""
    colour = ink(run.color)
    properties += f'<w:color w:val="{colour[1:].upper()}"/>' if colour else ""
    properties += '<w:sz w:val="18"/>' if code else ""
    properties += '<w:u w:val="single"/>' if underline else ""
    properties += "<w:rtl/>" if rtl.has_rtl(text) else ""
    return _run_xml(text, properties)


def _run_xml(text: str, properties: str | None) -> str:
    """A run as python-docx writes `add_run(text)`: tabs and line breaks as elements, the text
    between them in <w:t> (space-preserving where it starts or ends with white space);
    `properties` None: no <w:rPr> at all."""
    parts = ["<w:r>"]
    if properties is not None:
        parts.append(f"<w:rPr>{properties}</w:rPr>" if properties else "<w:rPr/>")
    for piece in _RUN_CONTENT.findall(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in ("\n", "\r"):
            parts.append("<w:br/>")
        else:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    parts.append("</w:r>")
    return "".join(parts)


_RUN_CONTENT = re.compile(r"[\t\r\n]|[^\t\r\n]+")


def _plain_table(document: Document, table_data: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    columns = len(table_data.widths)
    table = document.add_table(rows=0, cols=columns)
    table.style = "Table Grid"
    total = sum(table_data.widths)
    inner = TEXT_WIDTH_CM - 2 * TABLE_INDENT_CM
    widths = [Cm(inner * w / total) for w in table_data.widths]
    _fixed_columns(table, widths)
    for index, cells in enumerate(table_data.rows):
        row = table.add_row()
        _no_split(row)
        if index < table_data.header_rows:
            _repeat_as_header(row)
        for column, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
            cell.width = widths[column]
            _rich(cell, text)
            if column and columns > 2:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if index in table_data.group_rows or index < table_data.header_rows:
                _shade(cell, LABEL_SHADE)
    if table_data.caption:
        from docx.shared import Pt

        document.add_paragraph().add_run(table_data.caption).font.size = Pt(8.5)


def _rich(cell: _Cell, text: RichText) -> None:
    for index, block in enumerate(text):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        _block(paragraph, block)


def _block(paragraph: Paragraph, block: Block) -> None:
    from docx.shared import Pt

    paragraph.paragraph_format.space_after = Pt(2)
    if block.level:
        paragraph.paragraph_format.left_indent = Pt(10 * block.level)
    if rtl.starts_rtl(block.plain()):
        _right_to_left(paragraph)
    if block.prefix:
        paragraph.add_run(block.prefix)
    for run in block.runs:
        if run.href:
            _add_hyperlink(paragraph, run, run.href)
        else:
            _styled_run(paragraph, run, code=run.code or block.kind == "code")


def _styled_run(paragraph: Paragraph, run: Run, code: bool = False) -> Any:
    """`run` as one or more Word runs (Ethiopic script in a run of its own); returns the last."""
    pieces = [run.text] if code or run.mark else [p for p in _ETHIOPIC.split(run.text) if p]
    styled: Any = None
    for piece in pieces or [""]:
        styled = _one_run(paragraph, run, piece, code)
    return styled


def _one_run(paragraph: Paragraph, run: Run, text: str, code: bool) -> Any:
    from docx.shared import Pt, RGBColor

    styled = paragraph.add_run(text)  # python-docx turns "\n" into a line break
    styled.bold = run.bold or None
    styled.italic = run.italic or None
    if run.strike:
        styled.font.strike = True
    if code:
        styled.font.name = "Courier New"
        styled.font.size = Pt(9)
    elif run.mark:
        styled.font.name = SYMBOL_FONT
    elif _ETHIOPIC.fullmatch(text):
        styled.font.name = ETHIOPIC_FONT
    if rtl.has_rtl(text):
        styled.font.rtl = True
    colour = ink(run.color)
    if colour:
        styled.font.color.rgb = RGBColor.from_string(colour[1:].upper())
    return styled


def _fixed_columns(table: DocxTable, widths: Sequence[Length]) -> None:
    """Column widths in the table grid (LibreOffice reads these, Word the cell widths), and the
    table moved in by the cell margin, so that its borders stay inside the text margins."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblInd")):
        properties.remove(old)
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(round(Cm(TABLE_INDENT_CM).twips)))
    indent.set(qn("w:type"), "dxa")
    # schema order: tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize,
    # tblStyleColBandSize, tblW, jc, tblCellSpacing, tblInd, …
    anchor = None
    for name in ("w:tblStyle", "w:tblW", "w:jc", "w:tblCellSpacing"):
        found = properties.find(qn(name))
        if found is not None:
            anchor = found
    if anchor is None:
        properties.insert(0, indent)
    else:
        anchor.addnext(indent)


# --- XML helpers ------------------------------------------------------------------------------


def _row_property(row: _Row, name: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _no_split(row: _Row) -> None:
    """w:cantSplit: Word moves the whole row to the next page instead of splitting it.
    (Call before `_repeat_as_header`: the schema wants cantSplit first.)"""
    _row_property(row, "w:cantSplit")


def _repeat_as_header(row: _Row) -> None:
    """w:tblHeader: the row is repeated at the top of every page the table runs onto."""
    _row_property(row, "w:tblHeader")


def _shade(cell: _Cell, colour: str) -> None:
    """w:shd: the cell's background colour."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    for old in properties.findall(qn("w:shd")):
        properties.remove(old)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#").upper())
    # schema order: tcW, gridSpan, vMerge, tcBorders, shd, …; put it after what exists of those
    anchor = None
    for name in ("w:tcW", "w:gridSpan", "w:vMerge", "w:tcBorders"):
        found = properties.find(qn(name))
        if found is not None:
            anchor = found
    if anchor is None:
        properties.insert(0, shading)
    else:
        anchor.addnext(shading)


def _chart(document: Document, chart: Chart) -> None:
    """Title, the chart as a picture with its description as alt text, caption."""
    from docx.shared import Cm, Pt

    document.add_heading(chart.title, level=3).paragraph_format.keep_with_next = True
    width = Cm(TEXT_WIDTH_CM)
    picture = chart_png(chart, width.pt)
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(io.BytesIO(picture), width=width)
    tallest = Cm(PAGE_HEIGHT_CM - 2.6 - 2.0 - 3.0)  # the page's text, less title and caption
    if shape.height > tallest:  # many Handlungsfelder compared: the whole chart on one page
        shape.width, shape.height = round(shape.width * tallest / shape.height), tallest
    properties = shape._inline.docPr
    properties.set("descr", chart.description())
    properties.set("title", chart.title)
    caption = document.add_paragraph().add_run(chart.caption)
    caption.font.size = Pt(8.5)


def _complex_script_font(properties: Any, name: str) -> None:
    """w:rFonts w:cs: the font Word uses for right-to-left and complex scripts."""
    from docx.oxml.ns import qn

    fonts = properties.get_or_add_rFonts()
    fonts.set(qn("w:cs"), name)


def _right_to_left(paragraph: Paragraph) -> None:
    """w:bidi: a right-to-left paragraph (it starts at the right margin)."""
    from docx.oxml import OxmlElement

    properties = paragraph._p.get_or_add_pPr()
    properties.append(OxmlElement("w:bidi"))


def _add_field(paragraph: Paragraph, instruction: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    placeholder = paragraph.add_run("1")
    placeholder.font.size = Pt(8)
    field.append(placeholder._r)
    paragraph._p.append(field)


def _add_hyperlink(paragraph: Paragraph, run: Run, href: str) -> None:
    """w:hyperlink with an external relationship; the run inside keeps its style, underlined."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    relation = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    styled = _styled_run(paragraph, run)
    styled.font.underline = True
    link.append(styled._r)
    paragraph._p.append(link)

"""The PDF export for print (ReportLab platypus): A4, one real table per goal with wrapped text,
the goal row repeated when a table breaks across pages, a measure's rows kept together where they
fit, and a page header and footer with title, Berichtsstand and "Seite X von Y".

The standard PDF fonts (Helvetica, ZapfDingbats, Symbol) cover German typography but not every
script: a status mark is drawn from ZapfDingbats or Symbol when it has one (the word always
follows, so a mark without a glyph is left out), and a run of note text the fonts cannot show
(Arabic, emoji …) becomes a visible notice, never a silent gap. All text is escaped before it
enters a Paragraph, which parses its own mini-markup.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from monitor_tui.render.common import GOAL_SHADE, LABEL_SHADE, safe_colour, tint
from monitor_tui.report.document import GoalTable, Row, Synopsis, Table
from monitor_tui.report.richtext import Block, RichText, Run

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas

MARGIN_MM = 18.0
LABEL_WIDTH_MM = 36.0
FONT, BOLD = "Helvetica", "Helvetica-Bold"

# Marks the fonts lack, drawn with the nearest ZapfDingbats glyph instead.
_MARK_SUBSTITUTES = {"◐": "◗", "○": "❍", "◑": "◗", "✔": "✓"}
# A few typographic characters outside WinAnsi, written the way German print would.
_TRANSLITERATIONS = {"ẞ": "SS", "\u2011": "-", "\u2212": "-", "\u202f": " ", "\u2009": " "}


def render_pdf(synopsis: Synopsis) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    from reportlab.platypus.doctemplate import LayoutError

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=24 * mm,
        bottomMargin=20 * mm,
        title=synopsis.title,
        author=synopsis.issuer,
        subject=f"{synopsis.subtitle} – {synopsis.labels['report_date']} {synopsis.report_date_text()}",
        creator="monitor-tui",
    )
    try:
        story = _Story(synopsis, document.width, document.height, split_in_row=False).flowables()
        document.build(story, canvasmaker=_numbered_canvas(synopsis))
    except LayoutError:
        # A single cell taller than a page (a very long note): let rows split inside,
        # which ReportLab lays out less tidily, rather than fail or cut text.
        buffer.seek(0)
        buffer.truncate()
        story = _Story(synopsis, document.width, document.height, split_in_row=True).flowables()
        document.build(story, canvasmaker=_numbered_canvas(synopsis))
    return buffer.getvalue()


class _Story:
    """Turns the synopsis into platypus flowables."""

    def __init__(self, synopsis: Synopsis, width: float, height: float, split_in_row: bool) -> None:
        from reportlab.lib.styles import ParagraphStyle

        self.split_in_row = split_in_row
        self.synopsis = synopsis
        self.width = width
        self.height = height
        self.unprintable = synopsis.labels["unprintable"]
        base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5)
        self.styles: dict[str, ParagraphStyle] = {
            "body": base,
            "cell": ParagraphStyle("cell", base, spaceAfter=1.5),
            "code": ParagraphStyle("code", base, fontName="Courier", fontSize=8, leading=10),
            "label": ParagraphStyle("label", base, fontName=BOLD),
            "caption": ParagraphStyle("caption", base, fontSize=8, leading=10, spaceBefore=3),
            "issuer": ParagraphStyle("issuer", base, fontSize=11, leading=14, spaceAfter=14),
            "title": ParagraphStyle(
                "title", base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=8
            ),
            "subtitle": ParagraphStyle("subtitle", base, fontSize=13, leading=16, spaceAfter=14),
            "h1": ParagraphStyle(
                "h1", base, fontName=BOLD, fontSize=14, leading=17, spaceBefore=12, spaceAfter=8
            ),
            "h2": ParagraphStyle(
                "h2", base, fontName=BOLD, fontSize=12, leading=15, spaceBefore=10, spaceAfter=6
            ),
            "h3": ParagraphStyle(
                "h3", base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=4
            ),
        }

    def flowables(self) -> list[Any]:
        from reportlab.platypus import PageBreak, Spacer

        synopsis = self.synopsis
        story: list[Any] = [
            self._para(synopsis.issuer, "issuer"),
            self._para(synopsis.title, "title"),
            self._para(synopsis.subtitle, "subtitle"),
            self._facts(),
            Spacer(1, 10),
        ]
        if synopsis.summaries:
            story.append(self._para(synopsis.summaries_title, "h1"))
            for summary in synopsis.summaries:
                story.append(self._para(summary.heading, "h3"))
                story += [self._block(block, "body") for block in summary.text]
        story.append(self._para(synopsis.overview_title, "h1"))
        story.append(self._table(synopsis.overview))
        if synopsis.overview.caption:
            story.append(self._para(synopsis.overview.caption, "caption"))
        story += [PageBreak(), self._para(synopsis.synopsis_title, "h1")]
        if not any(section.goals for section in synopsis.sections):
            story.append(self._para(synopsis.empty_message, "body"))
        for section in synopsis.sections:
            story.append(self._heading_with_next(section.heading, section.goals))
            story += [item for goal in section.goals for item in (self._goal(goal), Spacer(1, 8))]
        story.append(self._para(synopsis.legend_title, "h1"))
        story.append(self._para(synopsis.indicator_rule, "body"))
        for title, table in synopsis.legend:
            story += [self._para(title, "h3"), self._table(table)]
        return story

    def _heading_with_next(self, heading: str, goals: Iterable[GoalTable]) -> Any:
        """The field heading stays on the page of its first table (keepWithNext)."""
        from reportlab.lib.styles import ParagraphStyle

        style = ParagraphStyle("h2-keep", self.styles["h2"], keepWithNext=1)
        return self._para(heading, style)

    def _facts(self) -> Any:
        from reportlab.platypus import Table as PdfTable
        from reportlab.platypus import TableStyle

        rows = [
            [self._para(label, "label"), self._para(value, "body")]
            for label, value in self.synopsis.title_facts
        ]
        table = PdfTable(rows, colWidths=[self.width * 0.3, self.width * 0.7], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *_padding(1)]))
        return table

    def _goal(self, goal: GoalTable) -> Any:
        from reportlab.lib import colors
        from reportlab.lib.units import mm
        from reportlab.platypus import Table as PdfTable
        from reportlab.platypus import TableStyle

        rows: list[list[Any]] = [[self._rich(goal.header), ""]]
        commands: list[tuple[Any, ...]] = [
            ("SPAN", (0, 0), (1, 0)),
            ("BACKGROUND", (0, 0), (1, 0), colors.HexColor(GOAL_SHADE)),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *_padding(3),
        ]
        label_width = LABEL_WIDTH_MM * mm
        widths = [label_width, self.width - label_width]
        groups = []
        for entry in goal.measures:
            first = len(rows)
            for row in entry.rows:
                commands += _row_shading(row, len(rows))
                rows.append([self._label(row), self._rich(row.content)])
            first_note = next(i for i, row in enumerate(entry.rows) if row.kind == "progress")
            groups.append((first, first + first_note))
        # A cell taller than a page (a very long note) can only be printed by splitting inside
        # rows; ReportLab loops if a table does that and also keeps rows together, so such a
        # table gives up keeping measures together instead of failing or cutting text.
        split_in_row = self.split_in_row or _has_cell_taller_than(rows, widths, self.height)
        if not split_in_row:
            commands += [("NOSPLIT", (0, start), (-1, end)) for start, end in groups]
        table = PdfTable(rows, colWidths=widths, repeatRows=1, splitInRow=int(split_in_row))
        table.setStyle(TableStyle(commands))
        return table

    def _label(self, row: Row) -> list[Any]:
        cells = [self._para(row.label, "label")]
        if row.sublabel:
            cells.append(
                self._markup(
                    f'<font size="7" color="#555555">{self._text(row.sublabel)}</font>', "body"
                )
            )
        if row.flag:
            cells.append(self._markup("".join(self._run(run) for run in row.flag), "label"))
        return cells

    def _table(self, data: Table) -> Any:
        from reportlab.lib import colors
        from reportlab.platypus import Table as PdfTable
        from reportlab.platypus import TableStyle

        total = sum(data.widths)
        widths = [self.width * w / total for w in data.widths]
        rows = [[self._rich(cell) for cell in cells] for cells in data.rows]
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *_padding(2),
        ]
        shaded = set(data.group_rows) | set(range(data.header_rows))
        commands += [
            ("BACKGROUND", (0, index), (-1, index), colors.HexColor(LABEL_SHADE))
            for index in sorted(shaded)
        ]
        table = PdfTable(rows, colWidths=widths, repeatRows=data.header_rows, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    # --- text ---------------------------------------------------------------------------------

    def _para(self, text: str, style: str | ParagraphStyle) -> Any:
        return self._markup(self._text(text), style)

    def _markup(self, markup: str, style: str | ParagraphStyle) -> Any:
        from reportlab.platypus import Paragraph

        chosen = self.styles[style] if isinstance(style, str) else style
        return Paragraph(markup, chosen)

    def _rich(self, text: RichText) -> list[Any]:
        return [self._block(block, "cell") for block in text]

    def _block(self, block: Block, style: str) -> Any:
        from reportlab.lib.styles import ParagraphStyle

        indent = 10 * block.level
        if block.kind == "code":
            # A Paragraph, not a Preformatted: a pasted mail or long line must wrap inside the
            # cell instead of running off the page; leading spaces are kept as indentation.
            code_style = ParagraphStyle("code-indent", self.styles["code"], leftIndent=indent)
            lines = block.plain().expandtabs(4).split("\n")
            return self._markup("<br/>".join(self._code_line(line) for line in lines), code_style)
        chosen = self.styles[style]
        if indent:
            chosen = ParagraphStyle(f"{style}-indent", chosen, leftIndent=indent)
        markup = self._text(block.prefix) + "".join(self._run(run) for run in block.runs)
        return self._markup(markup, chosen)

    def _run(self, run: Run) -> str:
        if run.mark:
            return _mark(run)
        markup = self._text(run.text)
        if run.code:
            markup = f'<font face="Courier">{markup}</font>'
        if run.bold:
            markup = f"<b>{markup}</b>"
        if run.italic:
            markup = f"<i>{markup}</i>"
        if run.strike:
            markup = f"<strike>{markup}</strike>"
        if run.href:
            markup = f'<a href="{escape(run.href, {chr(34): "&quot;"})}" color="#1f4e99"><u>{markup}</u></a>'
        return markup

    def _text(self, text: str) -> str:
        """Escaped text for a Paragraph: line breaks as <br/>, unprintable runs as a notice."""
        return "<br/>".join(self._printable_markup(line) for line in text.split("\n"))

    def _printable_markup(self, text: str) -> str:
        return printable_markup(text, self.unprintable)

    def _code_line(self, line: str) -> str:
        text = line.lstrip(" ")
        return "&nbsp;" * (len(line) - len(text)) + self._printable_markup(text)


def printable_markup(text: str, unprintable: str) -> str:
    """One line of plain text as Paragraph markup: escaped, and each run the standard fonts
    cannot show replaced by the notice `unprintable` (with `{count}` characters)."""
    parts: list[str] = []
    for printable, chunk in _split_printable(text):
        if printable:
            parts.append(escape(chunk))
        else:
            notice = unprintable.format(count=len(chunk))
            parts.append(f'<font color="#a00000"><i>{escape(notice)}</i></font>')
    return "".join(parts)


def _winansi(char: str) -> bool:
    return _encodable(char, "winansi")


@cache
def _encodable(char: str, encoding: str) -> bool:
    from reportlab.pdfbase.rl_codecs import RL_Codecs

    RL_Codecs.register()
    try:
        char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


_UNPRINTABLE_RUN = re.compile(r"u(?:s*u)*")


def _split_printable(text: str) -> list[tuple[bool, str]]:
    """`text` in chunks the standard fonts can print (True) and cannot (False).

    Spaces between unprintable characters belong to the unprintable chunk, so that a sentence
    in Arabic script becomes one notice, not one per word.
    """
    text = "".join(_TRANSLITERATIONS.get(char, char) for char in text)
    classes = "".join("s" if c == " " else "p" if _winansi(c) or c == "\t" else "u" for c in text)
    chunks: list[tuple[bool, str]] = []
    position = 0
    for match in _UNPRINTABLE_RUN.finditer(classes):
        if match.start() > position:
            chunks.append((True, text[position : match.start()]))
        chunks.append((False, text[match.start() : match.end()]))
        position = match.end()
    if position < len(text):
        chunks.append((True, text[position:]))
    return chunks


def _mark(run: Run) -> str:
    """A status symbol in a font that has it, coloured; empty when no standard font has it."""
    colour = safe_colour(run.color)
    glyphs = []
    for char in run.text:
        char = _MARK_SUBSTITUTES.get(char, char)
        if _winansi(char):
            glyphs.append(escape(char))
        elif _encodable(char, "zapfdingbats"):
            glyphs.append(f'<font name="ZapfDingbats">{escape(char)}</font>')
        elif _encodable(char, "symbol"):
            glyphs.append(f'<font name="Symbol">{escape(char)}</font>')
    if not glyphs:
        return ""
    markup = "".join(glyphs)
    return f'<font color="{colour}">{markup}</font>' if colour else markup


def _has_cell_taller_than(rows: list[list[Any]], widths: list[float], height: float) -> bool:
    padding = 8.0
    for row in rows:
        for cell, width in zip(row, widths, strict=True):
            flowables = cell if isinstance(cell, list) else [cell]
            total = sum(
                f.wrap(width - padding, height)[1] + f.getSpaceAfter()
                for f in flowables
                if hasattr(f, "wrap")
            )
            if total + padding > height * 0.9:
                return True
    return False


def _row_shading(row: Row, index: int) -> list[tuple[Any, ...]]:
    from reportlab.lib import colors

    commands: list[tuple[Any, ...]] = []
    if row.is_monitoring:
        commands.append(("BACKGROUND", (0, index), (0, index), colors.HexColor(LABEL_SHADE)))
    shade = tint(row.shade)
    if shade:
        commands.append(("BACKGROUND", (1, index), (1, index), colors.HexColor(shade)))
    return commands


def _padding(points: float) -> list[tuple[Any, ...]]:
    return [
        ("TOPPADDING", (0, 0), (-1, -1), points),
        ("BOTTOMPADDING", (0, 0), (-1, -1), points + 1),
        ("LEFTPADDING", (0, 0), (-1, -1), points + 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), points + 1),
    ]


def _numbered_canvas(synopsis: Synopsis) -> type[Canvas]:
    """A canvas that holds every page until the end, so that each footer can say "of Y"."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    page_width, page_height = A4
    left, right = MARGIN_MM * mm, page_width - MARGIN_MM * mm
    title = _fit(_pdf_plain(synopsis.title), right - left, stringWidth)
    report_date = _pdf_plain(f"{synopsis.labels['report_date']}: {synopsis.report_date_text()}")
    page_label = synopsis.labels["page"]
    digest = _pdf_plain(synopsis.digest)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # not in the stubs

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillGray(0.25)
            self.drawString(left, page_height - 12 * mm, title)
            self.drawRightString(right, page_height - 15.5 * mm, report_date)
            self.setLineWidth(0.4)
            self.line(left, page_height - 17 * mm, right, page_height - 17 * mm)
            self.line(left, 14 * mm, right, 14 * mm)
            self.drawString(left, 10 * mm, digest)
            number = page_label.format(page=self.getPageNumber(), pages=total)
            self.drawRightString(right, 10 * mm, _pdf_plain(number))
            self.restoreState()

    return NumberedCanvas


def _pdf_plain(text: str) -> str:
    """Canvas text (no Paragraph): characters outside the fonts become '?'."""
    return "".join(c if _winansi(c) else "?" for c in text)


def _fit(text: str, width: float, measure: Any) -> str:
    """`text` shortened with '…' to fit `width` at the header's font size."""
    if measure(text, FONT, 7.5) <= width:
        return text
    while text and measure(text + " …", FONT, 7.5) > width:
        text = text[:-1]
    return text.rstrip() + " …"

"""The PDF export for print (ReportLab platypus): A4, one real table per goal with wrapped text,
the goal row repeated when a table breaks across pages, a measure's rows kept together where they
fit, and a page header and footer with title, Berichtsstand and "Seite X von Y".

Fonts (`render.fonts`): a TrueType font found on the system is embedded (DejaVu Sans where
installed), with fallback fonts for the characters it lacks (e.g. Noto Sans Ethiopic); Arabic
script is shaped and each line ordered right to left after line breaking (`render.rtl`). What no
font has (emoji) becomes a visible notice, never a silent gap. Only without any TrueType font
the standard PDF fonts are used (Helvetica, ZapfDingbats, Symbol): they cover German typography,
a status mark is then drawn from ZapfDingbats or Symbol when it has one (the word always
follows), and every other script becomes the notice. All text is escaped before it enters a
Paragraph, which parses its own mini-markup.

The charts after the overview table are ReportLab graphics (vector), laid out by
`render.chart_layout`.

Long texts cost time in proportion to their size: ReportLab lays out a table again each time
it splits it across a page, and a paragraph again each time it splits it. So every text is cut
into pieces of at most PIECE_CHARS characters and PIECE_LINES lines (at line ends or spaces)
before it reaches a table, each piece in a row of its own (no line between the rows of one
cell), and a paragraph keeps its layout for the width it was laid out at.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, partial
from typing import TYPE_CHECKING, Any, Literal
from xml.sax.saxutils import escape

from monitor_tui.render import rtl
from monitor_tui.render.chart_layout import Box, Label, Line, layout
from monitor_tui.render.common import GENERATOR, GOAL_SHADE, LABEL_SHADE, ink, tint
from monitor_tui.render.fonts import PdfFonts, pdf_fonts
from monitor_tui.report.charts import Chart, Group
from monitor_tui.report.document import FieldSection, GoalTable, Row, Synopsis, Table
from monitor_tui.report.richtext import Block, RichText, Run

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas

PIECE_CHARS = 1500
PIECE_LINES = 30
"""At most this much text goes into one table row or one paragraph of the story."""
MARGIN_MM = 18.0
LABEL_WIDTH_MM = 36.0

# Marks the fonts lack, drawn with the nearest ZapfDingbats glyph instead.
_MARK_SUBSTITUTES = {"◐": "◗", "○": "❍", "◑": "◗", "✔": "✓"}
# A few typographic characters outside WinAnsi, written the way German print would.
_TRANSLITERATIONS = {"ẞ": "SS", "\u2011": "-", "\u2212": "-", "\u202f": " ", "\u2009": " "}


def render_pdf(synopsis: Synopsis, fonts: PdfFonts | None = None) -> bytes:
    """The report as an A4 PDF; `fonts` None: the fonts found on this system."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus.doctemplate import LayoutError

    buffer = io.BytesIO()
    document = _streaming_document_class()(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_MM * mm,
        rightMargin=MARGIN_MM * mm,
        topMargin=24 * mm,
        bottomMargin=20 * mm,
        title=synopsis.title,
        author=synopsis.issuer,
        subject=f"{synopsis.subtitle} – {synopsis.labels['report_date']} {synopsis.report_date_text()}",
        creator=GENERATOR,  # how a later export knows it may replace this file
    )
    fonts = fonts or pdf_fonts()
    try:
        story = _Story(synopsis, document.width, document.height, False, fonts).flowables()
        document.build(story, canvasmaker=_footed_canvas(synopsis, fonts))
    except LayoutError:
        # A single cell taller than a page (a very long note): let rows split inside,
        # which ReportLab lays out less tidily, rather than fail or cut text.
        buffer.seek(0)
        buffer.truncate()
        story = _Story(synopsis, document.width, document.height, True, fonts).flowables()
        document.build(story, canvasmaker=_footed_canvas(synopsis, fonts))
    return buffer.getvalue()


class _Story:
    """Turns the synopsis into platypus flowables."""

    def __init__(
        self, synopsis: Synopsis, width: float, height: float, split_in_row: bool, fonts: PdfFonts
    ) -> None:
        from reportlab.lib.styles import ParagraphStyle

        self.fonts = fonts
        regular, bold = fonts.regular, fonts.bold
        self.split_in_row = split_in_row
        self.synopsis = synopsis
        self.width = width
        self.height = height
        self.unprintable = synopsis.labels["unprintable"]
        base = ParagraphStyle("body", fontName=regular, fontSize=9, leading=11.5)
        self.styles: dict[str, ParagraphStyle] = {
            "body": base,
            "cell": ParagraphStyle("cell", base, spaceAfter=1.5),
            "code": ParagraphStyle("code", base, fontName=fonts.mono, fontSize=8, leading=10),
            "label": ParagraphStyle("label", base, fontName=bold),
            "caption": ParagraphStyle("caption", base, fontSize=8, leading=10, spaceBefore=3),
            "issuer": ParagraphStyle("issuer", base, fontSize=11, leading=14, spaceAfter=14),
            "title": ParagraphStyle(
                "title", base, fontName=bold, fontSize=18, leading=22, spaceAfter=8
            ),
            "subtitle": ParagraphStyle("subtitle", base, fontSize=13, leading=16, spaceAfter=14),
            "h1": ParagraphStyle(
                "h1", base, fontName=bold, fontSize=14, leading=17, spaceBefore=12, spaceAfter=8
            ),
            "h2": ParagraphStyle(
                "h2", base, fontName=bold, fontSize=12, leading=15, spaceBefore=10, spaceAfter=6
            ),
            "h3": ParagraphStyle(
                "h3", base, fontName=bold, fontSize=10, leading=13, spaceBefore=8, spaceAfter=4
            ),
        }

    def flowables(self) -> list[Any]:
        from reportlab.platypus import CondPageBreak, Spacer

        synopsis = self.synopsis
        story: list[Any] = [
            *self._paras(synopsis.issuer, "issuer"),
            *self._paras(synopsis.title, "title"),
            self._para(synopsis.subtitle, "subtitle"),
            self._facts(),
            Spacer(1, 10),
        ]
        if synopsis.summaries:
            story.append(self._para(synopsis.summaries_title, "h1"))
            for summary in synopsis.summaries:
                story += self._paras(summary.heading, "h3")
                story += [self._block(piece, "body") for piece in _pieces_of(summary.text)]
        story.append(self._para(synopsis.overview_title, "h1"))
        story.append(self._table(synopsis.overview))
        if synopsis.overview.caption:
            story += self._paras(synopsis.overview.caption, "caption")
        story += [item for chart in synopsis.charts for item in self._chart(chart)]
        # The synopsis starts on a new page unless a good part of one is left after the
        # charts, and at least its first heading and first measure fit.
        title = self._para(synopsis.synopsis_title, "h1")
        # Sections are laid out when the document reaches them (see _Later): the first now,
        # since the page break before the synopsis depends on its first table.
        first = self._section(synopsis.sections[0]) if synopsis.sections else []
        needed = self._height(title, self.styles["h1"])
        if synopsis.sections and synopsis.sections[0].goals:
            needed += first[0].height  # the first heading's CondPageBreak: with its table
        story += [CondPageBreak(max(self.height * 0.3, min(needed, self.height * 0.95))), title]
        if not any(section.goals for section in synopsis.sections):
            story.append(self._para(synopsis.empty_message, "body"))
        story += first
        story += [_later(partial(self._section, section)) for section in synopsis.sections[1:]]
        story.append(self._para(synopsis.legend_title, "h1"))
        rule = (Block((Run(synopsis.indicator_rule),)),)
        story += [self._block(piece, "body") for piece in _pieces_of(rule)]
        for title, table in synopsis.legend:
            story += [self._para(title, "h3"), self._table(table)]
        return story

    def _section(self, section: FieldSection) -> list[Any]:
        """A Handlungsfeld: its heading, kept with the first measure, and its goal tables,
        each made when the document reaches it."""
        from reportlab.platypus import Spacer

        if not section.goals:
            return self._heading_with_next(section.heading, 0.0)
        table, first = self._goal(section.goals[0])
        flowables = [*self._heading_with_next(section.heading, first), table, Spacer(1, 8)]
        for goal in section.goals[1:]:
            flowables += [_later(partial(self._goal_table, goal)), Spacer(1, 8)]
        return flowables

    def _goal_table(self, goal: GoalTable) -> list[Any]:
        return [self._goal(goal)[0]]

    def _heading_with_next(self, heading: str, first: float) -> list[Any]:
        """The field heading, on a new page unless it fits together with the first measure
        of its first table (`first` high): the table itself may break between measures, so
        keeping the heading with the whole table would leave half pages empty."""
        from reportlab.platypus import CondPageBreak

        paragraphs = self._paras(heading, "h2")
        height = sum(self._height(p, self.styles["h2"]) for p in paragraphs)
        return [CondPageBreak(min(height + first, self.height * 0.95)), *paragraphs]

    def _height(self, paragraph: Any, style: ParagraphStyle) -> float:
        """The height a paragraph takes on the page, with the space around it."""
        height: float = paragraph.wrap(self.width, self.height)[1]
        return height + style.spaceBefore + style.spaceAfter

    def _chart(self, chart: Chart) -> list[Any]:
        """Title, the chart as vector graphics, caption – kept on one page where it fits."""
        from reportlab.platypus import KeepTogether, Spacer

        title = self._para(chart.title, "h3")
        caption = self._paras(chart.caption, "caption")
        first, *rest = self._drawings(chart)
        if not rest:
            return [KeepTogether([title, first, *caption, Spacer(1, 4)])]
        last = KeepTogether([rest[-1], *caption, Spacer(1, 4)])
        return [KeepTogether([title, first]), *rest[:-1], last]

    def _drawings(self, chart: Chart) -> list[Any]:
        """The chart as one drawing, or, when it is taller than a good part of a page (many
        Handlungsfelder, compared with a report), as drawings of a part of its groups each,
        with the same scale."""
        limit = self.height * 0.8
        whole = self._drawing(chart)
        if whole.height <= limit or len(chart.groups) < 2:
            return [whole]
        parts: list[list[Group]] = [[]]
        for group in chart.groups:
            trial = replace(chart, groups=(*parts[-1], group))
            if parts[-1] and self._drawing(trial, chart).height > limit:
                parts.append([group])
            else:
                parts[-1].append(group)
        return [self._drawing(replace(chart, groups=tuple(part)), chart) for part in parts]

    def _drawing(self, chart: Chart, like: Chart | None = None) -> Any:
        from reportlab.graphics.shapes import Drawing, Rect, String
        from reportlab.graphics.shapes import Line as PdfLine
        from reportlab.lib import colors
        from reportlab.pdfbase.pdfmetrics import stringWidth

        fonts = self.fonts

        def measure(text: str, size: float, bold: bool) -> float:
            return float(stringWidth(_pdf_plain(text, fonts), fonts.face(bold), size))

        symbols = fonts.embedded and all(fonts.covers_all(s.symbol) for s in chart.series)
        picture = layout(chart, self.width, measure, symbols, like)
        drawing = Drawing(picture.width, picture.height)
        drawing.initialFontName = fonts.regular  # type: ignore[attr-defined]  # else Helvetica
        top = picture.height

        def colour(value: str | None) -> Any:
            return colors.HexColor(value) if value else None

        for item in picture.items:
            if isinstance(item, Box):
                rect = Rect(
                    item.x,
                    top - item.y - item.height,
                    item.width,
                    item.height,
                    fillColor=colour(item.fill),
                    strokeColor=colour(item.stroke),
                )
                rect.strokeWidth = item.stroke_width
                drawing.add(rect)
            elif isinstance(item, Line):
                drawing.add(
                    PdfLine(
                        item.x1,
                        top - item.y1,
                        item.x2,
                        top - item.y2,
                        strokeColor=colour(item.colour),
                        strokeWidth=item.width,
                    )
                )
            elif isinstance(item, Label):
                drawing.add(
                    String(
                        item.x,
                        top - item.y,
                        _pdf_plain(item.text, fonts),
                        fontName=fonts.face(item.bold),
                        fontSize=item.size,
                        textAnchor=item.anchor,
                        fillColor=colour(item.colour),
                    )
                )
        return drawing

    def _facts(self) -> Any:
        from reportlab.platypus import Table as PdfTable
        from reportlab.platypus import TableStyle

        rows = [
            [self._para(label, "label") if number == 0 else "", paragraph]
            for label, value in self.synopsis.title_facts
            for number, paragraph in enumerate(self._paras(value, "body"))
        ]
        table = PdfTable(rows, colWidths=[self.width * 0.3, self.width * 0.7], hAlign="LEFT")
        font = ("FONTNAME", (0, 0), (-1, -1), self.fonts.regular)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), font, *_padding(1)]))
        return table

    def _goal(self, goal: GoalTable) -> tuple[Any, float]:
        """The goal's table, and the height of its goal row and first measure."""
        from reportlab.lib.units import mm

        label_width = LABEL_WIDTH_MM * mm
        grid = _Grid(self, [label_width, self.width - label_width], padding=3)
        grid.add([self._rich(goal.header), [[]]], [(0, 1, GOAL_SHADE)], span=True)
        measures = []
        for entry in goal.measures:
            first = len(grid.rows)
            first_note = first
            for row in entry.rows:
                if row.kind == "progress" and first_note == first:
                    first_note = len(grid.rows)
                grid.add([self._label(row), self._rich(row.content)], _row_shading(row))
            measures.append((first, first_note, len(grid.rows) - 1))
        header = grid.pieces[0]
        heights = grid.heights()
        room = self.height * 0.95 - sum(heights[:header])  # the goal row repeats on every page
        groups = _measure_groups(measures, heights, room)
        end = groups[0][1] + 1 if groups else header + 1
        first_height = float(sum(heights[:end]))
        return grid.flowable(header, groups), first_height

    def _label(self, row: Row) -> list[list[Any]]:
        cells = [self._para(row.label, "label")]
        if row.sublabel:
            cells.append(
                self._markup(
                    f'<font size="7" color="#555555">{self._text(row.sublabel)}</font>', "body"
                )
            )
        if row.flag:
            cells.append(self._markup("".join(self._run(run) for run in row.flag), "label"))
        return [cells]

    def _table(self, data: Table) -> Any:
        total = sum(data.widths)
        grid = _Grid(self, [self.width * w / total for w in data.widths], padding=2)
        shaded = set(data.group_rows) | set(range(data.header_rows))
        for index, cells in enumerate(data.rows):
            shades = [(0, -1, LABEL_SHADE)] if index in shaded else []
            grid.add([self._rich(cell) for cell in cells], shades)
        return grid.flowable(sum(grid.pieces[: data.header_rows]), (), align="LEFT")

    # --- text ---------------------------------------------------------------------------------

    def _para(self, text: str, style: str | ParagraphStyle) -> Any:
        chosen = self.styles[style] if isinstance(style, str) else style
        return self._markup(self._text(text, chosen.fontName), self._directed(chosen, text))

    def _paras(self, text: str, style: str | ParagraphStyle) -> list[Any]:
        """`text` (from the catalogue, of any length) as paragraphs of at most one piece each:
        ReportLab lays a paragraph out again each time it splits it across a page."""
        return [self._para(piece.plain(), style) for piece in _pieces(Block((Run(text),)))]

    def _markup(self, markup: str, style: str | ParagraphStyle) -> Any:
        chosen = self.styles[style] if isinstance(style, str) else style
        return paragraph_class()(markup, chosen)

    def _directed(self, style: ParagraphStyle, text: str) -> ParagraphStyle:
        return directed(style, text, self.fonts)

    def _rich(self, text: RichText) -> list[list[Any]]:
        """`text` as the contents of one or more table rows: pieces of at most PIECE_CHARS
        characters and PIECE_LINES lines each, so that a page may break between them."""
        cells: list[list[Any]] = []
        size = lines = PIECE_CHARS + 1
        for piece in _pieces_of(text):
            length, breaks = len(piece.plain()), piece.plain().count("\n") + 1
            if size + length > PIECE_CHARS or lines + breaks > PIECE_LINES:
                cells.append([])
                size = lines = 0
            cells[-1].append(self._block(piece, "cell"))
            size, lines = size + length, lines + breaks
        return cells or [[]]

    def _block(self, block: Block, style: str) -> Any:
        from reportlab.lib.styles import ParagraphStyle

        indent = 10 * block.level
        fonts = self.fonts
        if block.kind == "code":
            # A Paragraph, not a Preformatted: a pasted mail or long line must wrap inside the
            # cell instead of running off the page; leading spaces are kept as indentation.
            code_style = ParagraphStyle("code-indent", self.styles["code"], leftIndent=indent)
            lines = block.plain().expandtabs(4).split("\n")
            markup = "<br/>".join(self._code_line(line, fonts.mono) for line in lines)
            return self._markup(markup, self._directed(code_style, block.plain()))
        chosen = self.styles[style]
        if indent:
            chosen = ParagraphStyle(f"{style}-indent", chosen, leftIndent=indent)
        markup = self._text(block.prefix, chosen.fontName)
        markup += "".join(self._run(run) for run in block.runs)
        return self._markup(markup, self._directed(chosen, block.plain()))

    def _run(self, run: Run) -> str:
        fonts = self.fonts
        if run.mark:
            return self._mark(run)
        if run.code and fonts.embedded:
            markup = f'<font face="{fonts.mono}">{self._text(run.text, fonts.mono)}</font>'
        elif run.code:
            markup = f'<font face="Courier">{self._text(run.text)}</font>'
        else:
            markup = self._text(run.text, fonts.face(run.bold, run.italic))
        if run.bold:
            markup = f"<b>{markup}</b>"
        if run.italic:
            markup = f"<i>{markup}</i>"
        if run.strike:
            markup = f"<strike>{markup}</strike>"
        if run.href:
            markup = f'<a href="{escape(run.href, {chr(34): "&quot;"})}" color="#1f4e99"><u>{markup}</u></a>'
        return markup

    def _mark(self, run: Run) -> str:
        """A vocabulary symbol in a font that has it, in its colour (dark enough for grey
        print); empty when no font has it (the word follows)."""
        fonts = self.fonts
        if not fonts.embedded:
            return _standard_mark(run)
        parts = [
            f'<font face="{name}">{escape(chunk)}</font>'
            for name, chunk in fonts.segments(run.text, fonts.bold)
            if name is not None
        ]
        colour = ink(run.color)
        markup = "".join(parts)
        return f'<font color="{colour}">{markup}</font>' if colour and markup else markup

    def _text(self, text: str, face: str | None = None) -> str:
        """Escaped text for a Paragraph in `face` (None: the regular face): line breaks as
        <br/>, characters from other fonts in <font> tags, unprintable runs as a notice."""
        if self.fonts.embedded:
            text = rtl.shaped(text)
        face = face or self.fonts.regular
        return "<br/>".join(self._printable_markup(line, face) for line in text.split("\n"))

    def _printable_markup(self, text: str, face: str) -> str:
        return font_markup(self.fonts, text, face, self.unprintable)

    def _code_line(self, line: str, face: str) -> str:
        text = line.lstrip(" ")
        indent = "&nbsp;" * (len(line) - len(text))
        return indent + self._printable_markup(
            rtl.shaped(text) if self.fonts.embedded else text, face
        )


def directed(style: ParagraphStyle, text: str, fonts: PdfFonts) -> ParagraphStyle:
    """`style`, right-aligned for a paragraph that starts in a right-to-left script (when the
    fonts can show it)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    if not fonts.embedded or not rtl.starts_rtl(text):
        return style
    return ParagraphStyle(f"{style.name}-rtl", style, alignment=TA_RIGHT)


def font_markup(fonts: PdfFonts, text: str, face: str, unprintable: str) -> str:
    """One line of text as Paragraph markup whose style's font is `face`: escaped, what
    `face` lacks in <font> tags of the font that has it, and each run no font can show
    replaced by the notice `unprintable` (with `{count}` characters)."""
    if fonts.embedded:
        chunks = fonts.segments(text, face)
    else:
        chunks = [(face if ok else None, chunk) for ok, chunk in _split_printable(text)]
    parts: list[str] = []
    for name, chunk in chunks:
        if name == face:
            parts.append(escape(chunk))
        elif name is not None:
            parts.append(f'<font face="{name}">{escape(chunk)}</font>')
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


def _standard_mark(run: Run) -> str:
    """A status symbol in a standard font that has it, coloured; empty when none has it."""
    colour = ink(run.color)
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


Align = Literal["LEFT", "CENTER"]
Shade = tuple[int, int, str]
"""(first column, last column, #rrggbb) of a background."""
PAGED_ROWS = 60
"""A table with more rows is laid out page by page (see `_paged_table`)."""


class _Grid:
    """The rows of a table as ReportLab gets them: each row of the report becomes as many table
    rows as its longest cell has pieces, with lines only around the report's rows."""

    def __init__(self, story: _Story, widths: list[float], padding: float) -> None:
        self.story = story
        self.widths = widths
        self.padding = padding
        self.rows: list[list[list[Any]]] = []
        self.row_commands: list[list[tuple[Any, ...]]] = []
        """The style commands of each table row, written for row 0."""
        self.pieces: list[int] = []
        """How many table rows each row of the report took."""
        self._heights: list[float] = []

    def add(self, cells: list[list[list[Any]]], shades: list[Shade], span: bool = False) -> None:
        """One row of the report: each cell given as its pieces (lists of flowables)."""
        from reportlab.lib import colors

        count = max(len(pieces) for pieces in cells)
        for number in range(count):
            self.rows.append([pieces[number] if number < len(pieces) else [] for pieces in cells])
            commands: list[tuple[Any, ...]] = [
                ("BACKGROUND", (start, 0), (end, 0), colors.HexColor(shade))
                for start, end, shade in shades
            ]
            if span:
                commands.append(("SPAN", (0, 0), (-1, 0)))
            if number > 0:  # the pieces of one cell read as one text: no line, no gap
                commands.append(("TOPPADDING", (0, 0), (-1, 0), 0))
            if number < count - 1:
                commands.append(("BOTTOMPADDING", (0, 0), (-1, 0), 0))
            else:
                commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black))
            self.row_commands.append(commands)
        self.pieces.append(count)

    def heights(self) -> list[float]:
        """Each table row's height as laid out (the layout is kept for drawing). A spanned
        row's text is measured in its first column: too high, never too low."""
        if len(self._heights) != len(self.rows):
            inner = [width - 2 * (self.padding + 1) for width in self.widths]
            space = self.story.height
            self._heights = [
                max(
                    sum(f.wrap(width, space)[1] + f.getSpaceAfter() for f in cell)
                    for cell, width in zip(row, inner, strict=True)
                )
                + 2 * self.padding
                + 1
                for row in self.rows
            ]
        return self._heights

    def table(
        self,
        indexes: Sequence[int],
        repeat: int,
        split_in_row: bool,
        extra: Sequence[tuple[Any, ...]] = (),
        align: Align = "CENTER",
    ) -> Any:
        """A ReportLab table of the rows at `indexes`, the first `repeat` of them repeated on
        every page it runs onto."""
        from reportlab.lib import colors
        from reportlab.platypus import Table as PdfTable
        from reportlab.platypus import TableStyle

        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.story.fonts.regular),
            ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *_padding(self.padding),
        ]
        if len(self.widths) > 1:
            commands.append(("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.black))
        for new, old in enumerate(indexes):
            for name, (first, _row), (last, _same), *values in self.row_commands[old]:
                commands.append((name, (first, new), (last, new), *values))
        table = PdfTable(
            [self.rows[index] for index in indexes],
            colWidths=self.widths,
            repeatRows=repeat,
            splitInRow=int(split_in_row),
            hAlign=align,
        )
        table.setStyle(TableStyle([*commands, *extra]))
        return table

    def flowable(
        self, header: int, groups: Sequence[tuple[int, int]], align: Align = "CENTER"
    ) -> Any:
        """The table as one flowable; `header` rows repeat on every page, the rows of each
        (first, last) group stay on one page where they fit on one."""
        heights = self.heights()
        if sum(heights[:header]) > self.story.height / 4:  # a header too tall to repeat
            header = 0
        room = self.story.height * 0.95 - sum(heights[:header])
        fitting = [
            (first, last) for first, last in groups if sum(heights[first : last + 1]) <= room
        ]
        # A row taller than a page can only be printed by splitting inside it; ReportLab loops
        # if a table does that and also keeps rows together, so such a table gives up keeping
        # rows together instead of failing or cutting text.
        split_in_row = self.story.split_in_row or max(heights[header:], default=0.0) > room
        if len(self.rows) > PAGED_ROWS:
            allowed = [True] * (len(self.rows) + 1)
            for first, last in fitting:
                allowed[first + 1 : last + 1] = [False] * (last - first)
            return _paged_table(self, header, allowed, align)
        keep = [] if split_in_row else [("NOSPLIT", (0, a), (-1, b)) for a, b in fitting]
        return self.table(range(len(self.rows)), header, split_in_row, keep, align)


def _paged_table(grid: _Grid, header: int, allowed: list[bool], align: Align) -> Any:
    """A long table laid out one page at a time.

    ReportLab lays out the whole rest of a table again each time it splits it across a page,
    which makes a long table quadratic in its length. This flowable hands ReportLab one page
    of rows at a time (plus the repeated header), using the row heights measured once.
    """
    from reportlab.platypus.flowables import Flowable

    heights = grid.heights()
    ends = list(itertools.accumulate(heights, initial=0.0))
    head = ends[header]
    count = len(grid.rows)
    page = grid.story.height

    class PagedTable(Flowable):
        def __init__(self, start: int) -> None:
            super().__init__()
            self.start = start
            self.hAlign = align
            self.real: Any = None

        def rows(self, end: int) -> list[int]:
            return [*range(header), *range(self.start, end)]

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            estimate = head + ends[count] - ends[self.start]
            if estimate > availHeight:
                self.real = None
                self.width, self.height = availWidth, estimate
                return self.width, self.height
            self.real = grid.table(self.rows(count), header, split_in_row=True, align=align)
            self.width, self.height = self.real.wrap(availWidth, availHeight)
            return self.width, self.height

        def draw(self) -> None:
            real = self.real or grid.table(self.rows(count), header, True, align=align)
            _width, height = real.wrap(self.width, page)
            real.drawOn(self.canv, 0, self.height - height)

        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            end, cut = self.start, self.start
            while end < count and head + ends[end + 1] - ends[self.start] <= availHeight:
                end += 1
                if allowed[end] or end == count:
                    cut = end
            rest = [PagedTable(cut)] if cut < count else []
            if cut > self.start:
                return [grid.table(self.rows(cut), header, split_in_row=False, align=align), *rest]
            if availHeight < page * 0.98:
                return []  # the next rows fit on a fresh page
            # at the top of a page and still too tall: ReportLab splits inside the rows
            stop = next((i for i in range(self.start + 1, count) if allowed[i]), count)
            table = grid.table(self.rows(stop), header, split_in_row=True, align=align)
            parts: list[Any] = table.split(availWidth, availHeight) or [table]
            return [*parts, *([PagedTable(stop)] if stop < count else [])]

    return PagedTable(header)


def _measure_groups(
    measures: list[tuple[int, int, int]], heights: list[float], room: float
) -> list[tuple[int, int]]:
    """The rows to keep on one page: each measure whose rows fit on a page; for a taller one,
    at least its rows up to the first note, so that a page never breaks between its catalogue
    rows."""
    groups = []
    for first, first_note, last in measures:
        if sum(heights[first : last + 1]) <= room:
            groups.append((first, last))
        elif first_note > first:
            groups.append((first, first_note))
    return groups


def _pieces_of(text: RichText) -> list[Block]:
    return [piece for block in text for piece in _pieces(block)]


def _pieces(block: Block) -> list[Block]:
    """`block` cut into blocks of at most PIECE_CHARS characters and PIECE_LINES lines, at a
    line end or after a space where there is one; only the first keeps the list bullet."""
    plain = block.plain()
    if len(plain) <= PIECE_CHARS and plain.count("\n") < PIECE_LINES:
        return [block]
    pieces: list[Block] = []
    runs: list[Run] = []
    size = lines = 0

    def flush() -> None:
        nonlocal size, lines
        prefix = "" if pieces else block.prefix
        pieces.append(Block(tuple(runs), block.kind, prefix, block.level))
        runs.clear()
        size = lines = 0

    for run in block.runs:
        text, start = run.text, 0
        while start < len(text):
            cut = _cut(text, start, PIECE_CHARS - size, PIECE_LINES - lines)
            if cut == start:
                flush()
                continue
            part = text[start:cut]
            if cut == len(text):
                runs.append(replace(run, text=part))
                size, lines = size + len(part), lines + part.count("\n")
                break
            runs.append(replace(run, text=part.removesuffix("\n")))
            flush()
            start = cut
    if runs:
        flush()
    return pieces


def _cut(text: str, start: int, room: int, line_room: int) -> int:
    """Where the current piece ends in `text` from `start` on, with room for `room` more
    characters and `line_room` more line ends: the end of `text` if it fits, else after a line
    end or a space, else after `room` characters of a word longer than a piece. `start`: start
    a new piece."""
    if room <= 0 or line_room <= 0:
        return start
    limit = min(start + room, len(text))
    end, breaks = text.find("\n", start, limit), 0
    while end != -1:
        breaks += 1
        if breaks >= line_room:
            return end + 1
        end = text.find("\n", end + 1, limit)
    if len(text) - start <= room:
        return len(text)
    at = max(text.rfind("\n", start, limit), text.rfind(" ", start, limit))
    if at >= start:
        return at + 1
    return limit if room == PIECE_CHARS else start  # a long word starts a piece of its own


@cache
def paragraph_class() -> type[Any]:
    """A Paragraph that keeps its line breaking for the width it was laid out at: ReportLab
    lays out every row of a table again each time it splits the table across a page, which
    made long reports quadratic in their length."""
    from reportlab.platypus import Paragraph

    class KeptParagraph(Paragraph):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            kept = self.__dict__.setdefault("_kept_layouts", {})
            if availWidth in kept:
                self.width, self.height, self.blPara, self._wrapWidths = kept[availWidth]
                return self.width, self.height
            size: tuple[float, float] = super().wrap(availWidth, availHeight)
            if hasattr(self, "blPara"):
                kept[availWidth] = (self.width, self.height, self.blPara, self._wrapWidths)
            return size

        def drawPara(self, debug: int = 0) -> None:  # ReportLab's name
            """Lines holding right-to-left text are drawn in display order; the layout
            keeps the logical order, so that a split or a new layout starts from it."""
            logical = getattr(self, "blPara", None)
            visual = _visual_lines(logical) if logical is not None else None
            if visual is None:
                super().drawPara(debug)
                return
            self.blPara = visual
            try:
                super().drawPara(debug)
            finally:
                self.blPara = logical

    return KeptParagraph


def _visual_lines(para: Any) -> Any:
    """A copy of a laid-out paragraph (ReportLab's blPara) with every line in display order;
    None when it holds no right-to-left text. Kind 0 lines are (space, [words]); kind 1 lines
    hold fragments (runs of one style) with their text."""
    import copy

    if para.kind == 0:
        texts = [" ".join(words) for _extra, words in para.lines]
    else:
        texts = ["".join(frag.text for frag in line.words) for line in para.lines]
    whole = "\n".join(texts)
    if not rtl.has_rtl(whole):
        return None
    right_to_left = rtl.starts_rtl(whole)
    visual = copy.copy(para)
    if para.kind == 0:
        visual.lines = [
            (extra, [rtl.visual_line(text, right_to_left)])
            for (extra, _words), text in zip(para.lines, texts, strict=True)
        ]
        return visual
    lines = []
    for line in para.lines:
        frags = line.words
        runs = rtl.visual_runs([frag.text for frag in frags], right_to_left)
        copied = copy.copy(line)
        copied.words = [frags[index].clone(text=text) for index, text in runs]
        lines.append(copied)
    visual.lines = lines
    return visual


def _row_shading(row: Row) -> list[Shade]:
    shades: list[Shade] = []
    if row.is_monitoring:
        shades.append((0, 0, LABEL_SHADE))
    shade = tint(row.shade)
    if shade:
        shades.append((1, 1, shade))
    return shades


def _padding(points: float) -> list[tuple[Any, ...]]:
    return [
        ("TOPPADDING", (0, 0), (-1, -1), points),
        ("BOTTOMPADDING", (0, 0), (-1, -1), points + 1),
        ("LEFTPADDING", (0, 0), (-1, -1), points + 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), points + 1),
    ]


def _footed_canvas(synopsis: Synopsis, fonts: PdfFonts) -> type[Canvas]:
    """A canvas that puts the running header and footer on each page as it is finished.

    "Seite X von Y" needs Y before the last page is laid out: each page shows a form (a PDF
    XObject) for its label, and the forms are written when the count is known, at the end.
    So pages go out as they are done instead of all being kept until then.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    page_width, page_height = A4
    left, right = MARGIN_MM * mm, page_width - MARGIN_MM * mm
    font = fonts.regular
    title = _fit(_pdf_plain(synopsis.title, fonts), right - left, stringWidth, font)
    report_date = f"{synopsis.labels['report_date']}: {synopsis.report_date_text()}"
    report_date = _pdf_plain(report_date, fonts)
    page_label = synopsis.labels["page"]
    digest = synopsis.digest
    if digest and synopsis.labels.get("digest"):
        digest = f"{synopsis.labels['digest']} {digest}"
    digest = _pdf_plain(digest, fonts)

    class FootedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # the page preamble names the initial font: an embedded one, not Helvetica
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._pages_done = 0

        def showPage(self) -> None:  # ReportLab's name
            self._pages_done += 1
            self._decorate(self._pages_done)
            super().showPage()

        def save(self) -> None:
            total = self._pages_done
            for number in range(1, total + 1):
                self.beginForm(_page_label_form(number))
                self._ink()
                label = page_label.format(page=number, pages=total)
                self.drawRightString(right, 10 * mm, _pdf_plain(label, fonts))
                self.endForm()
            super().save()

        def _ink(self) -> None:
            self.setFont(font, 7.5)
            self.setFillGray(0.25)

        def _decorate(self, number: int) -> None:
            self.saveState()
            self._ink()
            self.drawString(left, page_height - 12 * mm, title)
            self.drawRightString(right, page_height - 15.5 * mm, report_date)
            self.setLineWidth(0.4)
            self.line(left, page_height - 17 * mm, right, page_height - 17 * mm)
            self.line(left, 14 * mm, right, 14 * mm)
            self.drawString(left, 10 * mm, digest)
            self.doForm(_page_label_form(number))
            self.restoreState()

    return FootedCanvas


def _page_label_form(number: int) -> str:
    return f"PageLabel{number}"


@cache
def _streaming_document_class() -> type[Any]:
    """SimpleDocTemplate that expands a _Later placeholder when it reaches it."""
    from reportlab.platypus import SimpleDocTemplate

    class StreamingDocument(SimpleDocTemplate):
        def filterFlowables(self, flowables: list[Any]) -> None:  # ReportLab's name
            while flowables and isinstance(flowables[0], _later_class()):
                flowables[0:1] = flowables[0].make()

    return StreamingDocument


@cache
def _later_class() -> type[Any]:
    from reportlab.platypus.flowables import Flowable

    class Later(Flowable):
        """Stands in the story for flowables made when the document reaches them, so that
        only the tables of the current pages are in memory, not those of the whole report."""

        def __init__(self, make: Callable[[], list[Any]]) -> None:
            super().__init__()
            self.make = make

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            return 0.0, 0.0  # never laid out: the document replaces it first

        def draw(self) -> None:
            pass

    return Later


def _later(make: Callable[[], list[Any]]) -> Any:
    return _later_class()(make)


def _pdf_plain(text: str, fonts: PdfFonts) -> str:
    """Text drawn outside a Paragraph (header, footer, charts), in the regular face only:
    characters it lacks become '?'."""
    if not fonts.embedded:
        return "".join(c if _winansi(c) else "?" for c in text)
    return "".join(
        chunk if name == fonts.regular else "?" * len(chunk)
        for name, chunk in fonts.segments(text, fonts.regular)
    )


def _fit(text: str, width: float, measure: Any, font: str) -> str:
    """`text` shortened with '…' to fit `width` at the header's font size."""
    text = text[:400]  # no header line holds more; shortening by one is quadratic
    if measure(text, font, 7.5) <= width:
        return text
    while text and measure(text + " …", font, 7.5) > width:
        text = text[:-1]
    return text.rstrip() + " …"

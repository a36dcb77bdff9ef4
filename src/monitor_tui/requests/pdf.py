"""The request as a PDF (ReportLab), for offices that answer on paper: the same letter and
tables as the DOCX form, with empty boxes (❏) to tick and room to write. Not read back: the
DOCX is the form the tool reads."""

from __future__ import annotations

import io
from typing import Any

from monitor_tui.render import rtl
from monitor_tui.render.common import GOAL_SHADE, LABEL_SHADE
from monitor_tui.render.fonts import PdfFonts, pdf_fonts
from monitor_tui.render.pdf import directed, font_markup, paragraph_class
from monitor_tui.report.language import message
from monitor_tui.requests.docx_form import ANSWER_HEAD_SHADE, ANSWER_SHADE
from monitor_tui.requests.letter import PROGRESS, AnswerField, RequestLetter, RequestMeasure

BOX = "[&nbsp;&nbsp;&nbsp;]"
"""An empty box to tick by hand; made of brackets, which every font and printer has."""


def render_request_pdf(letter: RequestLetter) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=letter.subject,
        author=letter.sender[0] if letter.sender else "",
        subject=letter.office,
        creator="monitor-tui",
    )
    fonts = pdf_fonts()
    story = _Story(letter, document.width, fonts).flowables()
    footer = _footer(letter, fonts)
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _footer(letter: RequestLetter, fonts: PdfFonts) -> Any:
    def draw(canvas: Any, document: Any) -> None:
        from reportlab.lib.units import mm

        canvas.saveState()
        canvas.setFont(fonts.regular, 7.5)
        text = f"{letter.subject} – {letter.labels['office']} – {document.page}"
        canvas.drawCentredString(document.pagesize[0] / 2, 10 * mm, _plain(text, fonts))
        canvas.restoreState()

    return draw


def _plain(text: str, fonts: PdfFonts) -> str:
    """Text for the canvas, which has one font and no markup: what the regular face cannot
    show becomes "?"."""
    face = fonts.regular
    return "".join(
        chunk if name == face else "?" * len(chunk) for name, chunk in fonts.segments(text, face)
    )


class _Story:
    def __init__(self, letter: RequestLetter, width: float, fonts: PdfFonts) -> None:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle

        self.letter = letter
        self.width = width
        self.fonts = fonts
        self.unprintable = message("report_unprintable", letter.lang, count="{count}")
        regular, bold = fonts.regular, fonts.bold
        base = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13, spaceAfter=6)
        self.styles = {
            "body": base,
            "small": ParagraphStyle("small", base, fontSize=8.5, leading=10.5, spaceAfter=0),
            "tiny": ParagraphStyle(
                "tiny", base, fontSize=7.5, leading=9, textColor=colors.HexColor("#595959")
            ),
            "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=10.5, spaceAfter=1),
            "hint": ParagraphStyle(
                "hint", base, fontSize=7.5, leading=9, textColor=colors.HexColor("#555555")
            ),
            "bullet": ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2),
            "right": ParagraphStyle("right", base, alignment=2),
            "subject": ParagraphStyle(
                "subject", base, fontName=bold, fontSize=12, leading=15, spaceBefore=14
            ),
            "h1": ParagraphStyle("h1", base, fontName=bold, fontSize=14, leading=17),
            "h2": ParagraphStyle(
                "h2", base, fontName=bold, fontSize=11, leading=14, spaceBefore=10
            ),
        }

    def para(self, text: str, style: str, bold: bool = False) -> Any:
        paragraph_style = self.styles[style]
        face = self.fonts.bold if bold else paragraph_style.fontName
        markup = "<br/>".join(self.markup(line, face) for line in text.split("\n"))
        if face != paragraph_style.fontName:
            markup = f'<font face="{face}">{markup}</font>'
        return paragraph_class()(markup, directed(paragraph_style, text, self.fonts))

    def markup(self, line: str, face: str | None = None) -> str:
        """One line in `face` (the regular one if None), shaped for right-to-left scripts
        where the fonts are embedded, with characters of other fonts in <font> tags."""
        shaped = rtl.shaped(line) if self.fonts.embedded else line
        return font_markup(self.fonts, shaped, face or self.fonts.regular, self.unprintable)

    def flowables(self) -> list[Any]:
        from reportlab.platypus import PageBreak, Spacer

        letter = self.letter
        story: list[Any] = [self.para("\n".join(letter.sender), "small"), Spacer(1, 18)]
        story += [self.para("\n".join(letter.recipient), "body"), Spacer(1, 6)]
        story += [self.para(letter.date_line, "right")]
        story += [self.para(letter.subject, "subject"), self.para(letter.reply_line, "body", True)]
        story += [self.para(letter.salutation, "body")]
        story += [self.para(text, "body") for text in letter.body]
        story += [self._bullet(text) for text in letter.instructions]
        story += [self.para(text, "body") for text in letter.closing]
        story += [Spacer(1, 12), self.para(letter.form_id_line, "tiny"), PageBreak()]
        story.append(self.para(letter.measures_heading, "h1"))
        for index, item in enumerate(letter.measures):
            if index:  # one measure per page, as in the DOCX form
                story.append(PageBreak())
            story += [self.para(item.heading, "h2"), self._table(item)]
        return story

    def _bullet(self, text: str) -> Any:
        from reportlab.platypus import Paragraph

        return Paragraph(self.markup(text), self.styles["bullet"], bulletText="•")

    def _table(self, item: RequestMeasure) -> Any:
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        letter = self.letter
        rows: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#808080")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]

        def merged(text: str, shade: str) -> None:
            rows.append([self.para(text, "cell", bold=True), ""])
            index = len(rows) - 1
            commands.append(("SPAN", (0, index), (1, index)))
            commands.append(("BACKGROUND", (0, index), (1, index), colors.HexColor(shade)))

        def plain(label: str, content: list[Any], shade: str | None = None) -> None:
            rows.append([self.para(label, "cell", bold=True), content])
            index = len(rows) - 1
            commands.append(("BACKGROUND", (0, index), (0, index), colors.HexColor(LABEL_SHADE)))
            if shade:
                commands.append(("BACKGROUND", (1, index), (1, index), colors.HexColor(shade)))

        merged(letter.labels["catalogue"].format(id=item.measure.id), GOAL_SHADE)
        for label, text in item.catalogue_rows:
            plain(label, [self.para(text, "cell")])
        merged(letter.labels["state"], LABEL_SHADE)
        for label, text in item.state_rows:
            plain(label, [self.para(text, "cell")])
        notes = [
            part
            for heading, text in item.notes
            for part in (self.para(heading, "cell", bold=True), self.para(text, "cell"))
        ] or [self.para(letter.labels["no_notes"], "cell")]
        plain(letter.labels["notes"], notes)
        merged(letter.labels["answers"], ANSWER_HEAD_SHADE)
        heights: dict[int, float] = {}
        for answer in item.answers:
            plain(answer.label, self._answer(answer), ANSWER_SHADE)
            if answer.hint:
                rows[-1][0] = [
                    self.para(answer.label, "cell", bold=True),
                    self.para(answer.hint, "hint"),
                ]
            if answer.kind != "choice":
                heights[len(rows) - 1] = (
                    80 if answer.key == PROGRESS else 34 if answer.kind == "text" else 22
                )
        label_width = 120
        row_heights = [heights.get(i) for i in range(len(rows))]
        table = Table(
            rows,
            colWidths=[label_width, self.width - label_width],
            rowHeights=row_heights,
            repeatRows=0,
            hAlign="LEFT",
            splitInRow=1,  # a long note may run onto the next page inside its row
        )
        table.setStyle(TableStyle(commands))
        return table

    def _answer(self, answer: AnswerField) -> Any:
        from reportlab.platypus import Paragraph

        if answer.kind != "choice":
            return ""  # room to write
        return [
            Paragraph(f"{BOX} {self.markup(word)}", self.styles["cell"])
            for _key, word in answer.options
        ]

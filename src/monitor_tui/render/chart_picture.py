"""A chart as a PNG picture (for the DOCX), drawn with Pillow from `render.chart_layout`.

Pillow comes with ReportLab and installs with pip alone (ReportLab's own bitmap renderer needs
pycairo). The picture is drawn at 300 dpi in the main TrueType font (`render.fonts`); without
one, in Pillow's own font and without the vocabulary symbols (the words remain).
"""

from __future__ import annotations

import io
import math
from functools import cache
from pathlib import Path
from typing import Any

from monitor_tui.render.chart_layout import Box, Label, Line, layout
from monitor_tui.render.fonts import main_font, pdf_fonts
from monitor_tui.report.charts import Chart

DPI = 300
_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}


def chart_png(chart: Chart, width: float, dpi: int = DPI) -> bytes:
    """`chart` laid out `width` points wide, as a PNG of `dpi` dots per inch."""
    from PIL import Image, ImageDraw

    scale = dpi / 72
    files = main_font()
    regular = str(files.regular) if files else ""
    bold = str(files.bold) if files else ""

    def font(size: float, is_bold: bool) -> Any:
        return _font(bold if is_bold else regular, round(size * scale))

    def measure(text: str, size: float, is_bold: bool) -> float:
        return float(font(size, is_bold).getlength(text)) / scale

    fonts = pdf_fonts()
    symbols = files is not None and all(fonts.covers_all(s.symbol) for s in chart.series)
    picture = layout(chart, width, measure, symbols)
    size = (math.ceil(picture.width * scale) + 2, math.ceil(picture.height * scale) + 2)
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for item in picture.items:
        if isinstance(item, Box):
            corners = [
                item.x * scale,
                item.y * scale,
                (item.x + item.width) * scale,
                (item.y + item.height) * scale,
            ]
            outline = max(1, round(item.stroke_width * scale)) if item.stroke else 0
            draw.rectangle(corners, fill=item.fill, outline=item.stroke, width=outline)
        elif isinstance(item, Line):
            points = [item.x1 * scale, item.y1 * scale, item.x2 * scale, item.y2 * scale]
            draw.line(points, fill=item.colour, width=max(1, round(item.width * scale)))
        elif isinstance(item, Label):
            draw.text(
                (item.x * scale, item.y * scale),
                item.text,
                font=font(item.size, item.bold),
                fill=item.colour,
                anchor=_ANCHORS[item.anchor],
            )
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(dpi, dpi))
    return buffer.getvalue()


@cache
def _font(path: str, pixels: int) -> Any:
    from PIL import ImageFont

    if path and Path(path).is_file():
        return ImageFont.truetype(path, pixels)
    return ImageFont.load_default(pixels)

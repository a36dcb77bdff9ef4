"""A chart laid out once as boxes, lines and labels, which each format draws its own way
(ReportLab graphics in the PDF, SVG in the HTML, a Pillow picture in the DOCX).

Units are points, the origin is the top left corner. Bars are stacked horizontally; every
segment has the light tint of its vocabulary colour, the series' hatching in a dark shade of
it and a thin outline, so that neighbours differ in grey print; the symbol and the count are
written on each segment wide enough for them, on a white ground; the total follows each bar; the
legend below pairs each pattern with symbol and word.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from monitor_tui.render.common import ink, tint
from monitor_tui.report.charts import Chart, Series

Measure = Callable[[str, float, bool], float]
"""Width in points of a text at a size, bold or not."""

LABEL_SIZE = 7.5
GROUP_SIZE = 8.0
BAR_HEIGHT = 13.0
BAR_GAP = 3.0
GROUP_GAP = 6.0
HATCH_SPACING = 4.0
LINE_WIDTH = 0.6
OUTLINE = "#000000"
WHITE = "#ffffff"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    fill: str | None
    stroke: str | None = None
    stroke_width: float = 0.4


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = LINE_WIDTH


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    """The baseline."""
    text: str
    size: float
    anchor: Literal["start", "middle", "end"] = "start"
    """start, middle or end: where `x` is."""
    bold: bool = False
    colour: str = "#000000"


Item = Box | Line | Label


@dataclass
class Picture:
    """What to draw, in order."""

    width: float
    height: float = 0.0
    items: list[Item] = field(default_factory=list)


def layout(
    chart: Chart, width: float, measure: Measure, symbols: bool = True, like: Chart | None = None
) -> Picture:
    """`chart` laid out `width` points wide. `symbols` False leaves the vocabulary symbols out
    (for fonts without them; the words remain). `like`: `chart` holds some of the groups of
    `like`, laid out with its label column and scale (a chart too tall for a page is printed
    in parts that read alike)."""
    picture = Picture(width)
    whole = like or chart
    several = any(len(group.bars) > 1 for group in whole.groups)
    labels = [bar.label for group in whole.groups for bar in group.bars] if several else []
    label_texts = labels or [group.label for group in whole.groups]
    widest = max((measure(text, GROUP_SIZE, not several) for text in label_texts), default=0.0)
    label_width = min(widest + 8, width * 0.34)
    largest = max(whole.largest(), 1)
    total_width = measure(str(largest), LABEL_SIZE, True) + 6
    scale = max(width - label_width - total_width - 2, 10.0) / largest
    y = 0.0
    for group in chart.groups:
        if several:
            y += GROUP_SIZE + 2
            picture.items.append(Label(0, y - 2, group.label, GROUP_SIZE, bold=True))
            y += 1
            for bar in group.bars:
                _bar_label(picture, bar.label, y, BAR_HEIGHT, label_width, measure, False)
                _bar(picture, chart, bar.counts, label_width, y, scale, measure, symbols)
                y += BAR_HEIGHT + BAR_GAP
        else:
            lines = _wrapped(group.label, label_width - 6, measure)
            height = max(BAR_HEIGHT, len(lines) * (GROUP_SIZE + 1.5) + 2)
            for number, line in enumerate(lines):
                top = y + (height - len(lines) * (GROUP_SIZE + 1.5)) / 2
                baseline = top + (number + 1) * (GROUP_SIZE + 1.5) - 2
                picture.items.append(Label(0, baseline, line, GROUP_SIZE, bold=True))
            bar_top = y + (height - BAR_HEIGHT) / 2
            _bar(
                picture, chart, group.bars[0].counts, label_width, bar_top, scale, measure, symbols
            )
            y += height
        y += GROUP_GAP
    picture.height = _legend(picture, chart.series, y + 2, measure, symbols)
    return picture


def _bar_label(
    picture: Picture, text: str, y: float, height: float, right: float, measure: Measure, bold: bool
) -> None:
    baseline = y + height / 2 + LABEL_SIZE * 0.35
    picture.items.append(Label(right - 6, baseline, text, LABEL_SIZE, "end", bold))


def _bar(
    picture: Picture,
    chart: Chart,
    counts: tuple[int, ...],
    left: float,
    y: float,
    scale: float,
    measure: Measure,
    symbols: bool,
) -> None:
    x = left
    baseline = y + BAR_HEIGHT / 2 + LABEL_SIZE * 0.35
    for series, count in zip(chart.series, counts, strict=True):
        if not count:
            continue
        width = count * scale
        _segment(picture, series, x, y, width, BAR_HEIGHT)
        text = f"{series.symbol} {count}" if symbols and series.symbol.strip() else str(count)
        for candidate in (text, str(count)):
            text_width = measure(candidate, LABEL_SIZE, True)
            if text_width + 4 <= width:
                middle = x + width / 2
                picture.items.append(
                    Box(
                        middle - text_width / 2 - 1.5,
                        y + 2.5,
                        text_width + 3,
                        BAR_HEIGHT - 5,
                        WHITE,
                    )
                )
                picture.items.append(Label(middle, baseline, candidate, LABEL_SIZE, "middle", True))
                break
        x += width
    total = sum(counts)
    picture.items.append(Label(x + 3, baseline, str(total), LABEL_SIZE, "start", True))


def _segment(
    picture: Picture, series: Series, x: float, y: float, width: float, height: float
) -> None:
    picture.items.append(Box(x, y, width, height, tint(series.color, 0.35) or WHITE))
    picture.items += hatching(series.pattern, x, y, width, height, ink(series.color) or OUTLINE)
    picture.items.append(Box(x, y, width, height, None, OUTLINE))


def hatching(
    pattern: str, x: float, y: float, width: float, height: float, colour: str
) -> list[Item]:
    """The lines (or dots) of `pattern` inside the box."""
    step = HATCH_SPACING
    items: list[Item] = []
    if pattern in ("horizontal", "grid"):
        items += [
            Line(x, y + k * step, x + width, y + k * step, colour)
            for k in range(1, math.ceil(height / step))
        ]
    if pattern in ("vertical", "grid"):
        items += [
            Line(x + k * step, y, x + k * step, y + height, colour)
            for k in range(1, math.ceil(width / step))
        ]
    if pattern in ("diagonal", "cross"):
        items += _diagonals(x, y, width, height, colour, rising=True)
    if pattern in ("back-diagonal", "cross"):
        items += _diagonals(x, y, width, height, colour, rising=False)
    if pattern == "dots":
        size = 1.2
        items += [
            Box(x + i * step + 1.4, y + j * step + 1.4, size, size, colour)
            for i in range(int((width - 1.4 - size) // step) + 1)
            for j in range(int((height - 1.4 - size) // step) + 1)
        ]
    return items


def _diagonals(
    x: float, y: float, width: float, height: float, colour: str, rising: bool
) -> list[Item]:
    """45° lines across the box, clipped to it."""
    lines: list[Item] = []
    step = HATCH_SPACING * 1.3
    offset = step
    while offset < width + height:
        # the line x' + y' = offset (falling in screen coordinates), clipped to the box
        x1, y1 = min(offset, width), offset - min(offset, width)
        x2, y2 = offset - min(offset, height), min(offset, height)
        if rising:
            lines.append(Line(x + x1, y + height - y1, x + x2, y + height - y2, colour))
        else:
            lines.append(Line(x + x1, y + y1, x + x2, y + y2, colour))
        offset += step
    return lines


def _legend(
    picture: Picture, series: tuple[Series, ...], top: float, measure: Measure, symbols: bool
) -> float:
    """The legend in rows below the bars; returns the bottom of the picture."""
    x, y = 0.0, top
    row = LABEL_SIZE + 6
    for item in series:
        text = f"{item.symbol} {item.label}" if symbols and item.symbol.strip() else item.label
        needed = 16 + measure(text, LABEL_SIZE, False) + 12
        if x > 0 and x + needed > picture.width:
            x, y = 0.0, y + row
        _segment(picture, item, x, y + 1, 12, LABEL_SIZE + 1)
        picture.items.append(Label(x + 16, y + LABEL_SIZE + 0.5, text, LABEL_SIZE))
        x += needed
    return y + row


def _wrapped(text: str, width: float, measure: Measure) -> list[str]:
    """`text` in at most two lines of `width`; the second shortened with "…" if need be."""
    # no label line holds more than this many characters; measuring more would only cost time
    words = text[: int(2 * width / (GROUP_SIZE * 0.25)) + 1].split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and measure(candidate, GROUP_SIZE, True) > width:
            lines.append(current)
            if len(lines) == 2:
                break
            current = word
        else:
            current = candidate
    if len(lines) < 2:
        lines.append(current)
    else:
        lines[1] += " …"  # more followed
    return (
        [lines[0], _shortened(lines[1], width, measure)]
        if len(lines) > 1
        else [_shortened(lines[0], width, measure)]
    )


def _shortened(line: str, width: float, measure: Measure) -> str:
    """`line`, or its longest start that fits `width` with "…" (found by halving)."""
    if measure(line, GROUP_SIZE, True) <= width:
        return line
    low, high = 0, len(line)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(line[:middle].rstrip() + "…", GROUP_SIZE, True) <= width:
            low = middle
        else:
            high = middle - 1
    return line[:low].rstrip() + "…"

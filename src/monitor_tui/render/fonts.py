"""TrueType fonts for the formats that embed their own (the PDF, the chart pictures).

Where fonts come from: the folder named by MONITOR_TUI_FONTS if it is set (only that folder;
an empty one means "no fonts"), else the fonts fontconfig knows (`fc-list`), else the usual
font folders. The main font is the first family of MAIN_FAMILIES found (DejaVu Sans, from
Debian's fonts-dejavu-core, covers Latin, Greek, Cyrillic, Arabic and most symbols); a character
it lacks is looked up in the FALLBACK_FILES found (e.g. Noto Sans Ethiopic for Tigrinya), then
asked of fontconfig (`fc-match :charset=…`). What no font has (emoji in colour-only fonts) stays
a visible notice. Only when no TrueType font is there at all do the formats fall back to the
standard PDF fonts.

ReportLab parses a font once per process; the lookups are cached per font folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from monitor_tui.render.rtl import BIDI_CONTROLS

FONTS_VARIABLE = "MONITOR_TUI_FONTS"

MAIN_FAMILIES = (
    # (regular, bold, italic, bold italic): file names as the font packages install them
    (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"),
    (
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf",
    ),
    ("FreeSans.ttf", "FreeSansBold.ttf", "FreeSansOblique.ttf", "FreeSansBoldOblique.ttf"),
    ("arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"),
)
MONO_FILES = ("DejaVuSansMono.ttf", "LiberationMono-Regular.ttf", "NotoSansMono-Regular.ttf")
FALLBACK_FILES = (
    "NotoSansEthiopic-Regular.ttf",
    "NotoSansArabic-Regular.ttf",
    "DejaVuSans.ttf",
    "NotoSans-Regular.ttf",
    "NotoSansSymbols2-Regular.ttf",
    "NotoSansSymbols-Regular.ttf",
    "FreeSerif.ttf",
)
FONT_FOLDERS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
)

INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad")
"""Characters without a glyph of their own: left out where a font lacks them."""


@dataclass(frozen=True)
class FontFiles:
    """The files of the main font; a missing style falls back to the regular (or bold) one."""

    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    mono: Path | None
    """A monospaced font for code, if one is installed."""


def font_folder() -> str:
    """The font folder the environment asks for ("" when none: the system's fonts)."""
    return os.environ.get(FONTS_VARIABLE, "")


def main_font(folder: str | None = None) -> FontFiles | None:
    """The main font's files, or None when no TrueType font is available."""
    return _library(font_folder() if folder is None else folder).main


def library(folder: str | None = None) -> FontLibrary:
    """The fonts available (cached per folder)."""
    return _library(font_folder() if folder is None else folder)


@cache
def _library(folder: str) -> FontLibrary:
    return FontLibrary(folder)


@dataclass
class FontLibrary:
    """The TrueType files of one source (a folder, or the system) and what they cover."""

    folder: str
    files: dict[str, Path] = field(default_factory=dict)
    """File name (lower case) → path; the first one found of each name."""
    main: FontFiles | None = None
    _fonts: dict[Path, Any] = field(default_factory=dict)
    _covering: dict[str, Path | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for path in _font_files(self.folder):
            self.files.setdefault(path.name.lower(), path)
        self.main = self._main()

    def _file(self, name: str) -> Path | None:
        return self.files.get(name.lower())

    def _main(self) -> FontFiles | None:
        for regular, bold, italic, bold_italic in MAIN_FAMILIES:
            found = self._file(regular)
            if found is None or not _usable(found):
                continue
            bold_path = self._file(bold) or found
            return FontFiles(
                regular=found,
                bold=bold_path,
                italic=self._file(italic) or found,
                bold_italic=self._file(bold_italic) or bold_path,
                mono=next((p for n in MONO_FILES if (p := self._file(n))), None),
            )
        return None

    def font(self, path: Path) -> Any:
        """ReportLab's parsed font for `path` (registered once per process), or None if it
        cannot be used (PostScript outlines, a broken file)."""
        if path not in self._fonts:
            self._fonts[path] = _load(path)
        return self._fonts[path]

    def covers(self, path: Path, char: str) -> bool:
        font = self.font(path)
        return font is not None and ord(char) in font.face.charToGlyph

    def fallback(self, char: str) -> Path | None:
        """A font that has `char`, for a character the main font lacks; None if none has."""
        if char not in self._covering:
            self._covering[char] = self._find(char)
        return self._covering[char]

    def _find(self, char: str) -> Path | None:
        if char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            return None
        loaded = [path for path, font in self._fonts.items() if font is not None]
        candidates: Iterator[Path | None] = iter(
            [
                *loaded,
                *(self._file(name) for name in FALLBACK_FILES),
                *(self._others() if self.folder else [_fontconfig_match(char)]),
            ]
        )
        for path in candidates:
            if path is not None and self.covers(path, char):
                return path
        return None

    def _others(self) -> list[Path]:
        """The other regular fonts of a font folder, for characters no known font has."""
        plain = [
            path
            for name, path in sorted(self.files.items())
            if not any(style in name for style in ("bold", "italic", "oblique"))
        ]
        return plain


def bold_sibling(path: Path) -> Path | None:
    """The bold file of a fallback font ("…-Regular.ttf" → "…-Bold.ttf"), if installed."""
    if "-Regular" not in path.name:
        return None
    sibling = path.with_name(path.name.replace("-Regular", "-Bold"))
    return sibling if sibling.is_file() else None


def _font_files(folder: str) -> list[Path]:
    """Every TrueType file of the folder, or of the system."""
    if folder:
        return sorted(_walk(Path(folder)))
    listed = _fontconfig_files()
    if listed is not None:
        return listed
    found: list[Path] = []
    for place in FONT_FOLDERS:
        found += sorted(_walk(Path(place).expanduser()))
    windows = os.environ.get("WINDIR")
    if windows:
        found += sorted(_walk(Path(windows) / "Fonts"))
    return found


def _walk(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for root, _dirs, names in os.walk(folder):
        for name in names:
            if name.lower().endswith(".ttf"):
                yield Path(root) / name


def _fontconfig_files() -> list[Path] | None:
    """The TrueType files fontconfig knows; None without fontconfig."""
    command = shutil.which("fc-list")
    if command is None:
        return None
    try:
        done = subprocess.run(
            [command, "--format", "%{file}\\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return [Path(line) for line in done.stdout.splitlines() if line.lower().endswith(".ttf")]


def _fontconfig_match(char: str) -> Path | None:
    """The font fontconfig would use for `char` (it may not really have it)."""
    command = shutil.which("fc-match")
    if command is None:
        return None
    try:
        done = subprocess.run(
            [command, "--format", "%{file}", f"sans-serif:charset={ord(char):x}"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(done.stdout.strip())
    return path if path.suffix.lower() == ".ttf" and path.is_file() else None


def _usable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.R_OK)


_registered: dict[Path, Any] = {}


def _load(path: Path) -> Any:
    """ReportLab's TTFont for `path`, registered under a name of its own; None if unusable."""
    if path in _registered:
        return _registered[path]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.pdfmetrics import registerFontFamily
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = f"MT{len(_registered) + 1}-{path.stem}"[:60]
    try:
        font = TTFont(name, str(path))
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        font = None
    if font is not None:
        pdfmetrics.registerFont(font)
        # A face of its own: <font face="…"> inside bold or italic text keeps this file.
        registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    _registered[path] = font
    return font


STANDARD = ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique")

Segment = tuple[str | None, str]
"""(font name, text) of a piece of text in one font; font None: no font has the characters."""


class PdfFonts:
    """The fonts of one PDF: the embedded TrueType family with its fallbacks, or — only when
    no TrueType font is available — the standard PDF fonts (`embedded` False)."""

    def __init__(self, fonts: FontLibrary | None) -> None:
        self.library = fonts
        main = fonts.main if fonts else None
        loaded = (
            [fonts.font(p) for p in (main.regular, main.bold, main.italic, main.bold_italic)]
            if fonts is not None and main is not None
            else []
        )
        self.embedded = bool(loaded) and all(font is not None for font in loaded)
        if not self.embedded or fonts is None or main is None:
            self.regular, self.bold, self.italic, self.bold_italic = STANDARD
            self.mono = "Courier"
            self._paths: dict[str, Path] = {}
            self._segments: dict[tuple[str, str], list[Segment]] = {}
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase.pdfmetrics import registerFontFamily

        names = [font.fontName for font in loaded]
        self.regular, self.bold, self.italic, self.bold_italic = names
        family = f"{self.regular}-family"
        registerFontFamily(
            family,
            normal=self.regular,
            bold=self.bold,
            italic=self.italic,
            boldItalic=self.bold_italic,
        )
        # Each face maps back to its own style, so that <font face="…"> picks exactly it.
        addMapping(family, 1, 1, names[3])
        addMapping(family, 0, 1, names[2])
        addMapping(family, 1, 0, names[1])
        addMapping(family, 0, 0, names[0])
        self.family = family
        mono = fonts.font(main.mono) if main.mono else None
        self.mono = mono.fontName if mono is not None else self.regular
        self._paths = {
            self.regular: main.regular,
            self.bold: main.bold,
            self.italic: main.italic,
            self.bold_italic: main.bold_italic,
        }
        if mono is not None and main.mono is not None:
            self._paths[self.mono] = main.mono
        self._segments = {}

    def face(self, bold: bool = False, italic: bool = False) -> str:
        if bold:
            return self.bold_italic if italic else self.bold
        return self.italic if italic else self.regular

    def segments(self, text: str, face: str) -> list[Segment]:
        """`text` (one line) cut where the font changes: `face` where it has the characters,
        else the regular or bold face of the family, else a fallback font; None for what no
        font has. Invisible characters no font has are left out."""
        if not self.embedded:
            return [(face if _winansi(char) else None, char) for char in text]
        key = (face, text)
        found = self._segments.get(key)
        if found is None:
            found = self._cut(text, face)
            if len(self._segments) < 50_000:
                self._segments[key] = found
        return found

    def _cut(self, text: str, face: str) -> list[Segment]:
        library = self.library
        assert library is not None
        own = library.font(self._paths[face]).face.charToGlyph
        if all(ord(char) in own and ord(char) <= 0xFFFF for char in text) and not (
            BIDI_CONTROLS.intersection(text)
        ):
            return [(face, text)]
        bold = face in (self.bold, self.bold_italic)
        order = [face, self.bold if bold else self.regular, self.regular]
        segments: list[Segment] = []
        for char in text:
            name = self._font_for(char, order, bold)
            if name == "" or (name is None and char in INVISIBLE):
                continue
            if name is None and char.isspace():
                name, char = face, " "
            if segments and segments[-1][0] == name:
                segments[-1] = (name, segments[-1][1] + char)
            else:
                segments.append((name, char))
        return segments

    def _font_for(self, char: str, order: list[str], bold: bool) -> str | None:
        library = self.library
        assert library is not None
        if char in BIDI_CONTROLS or ord(char) > 0xFFFF:
            # ReportLab's text map (ToUnicode) holds 16 bits: such a character would print
            # but read back as another one
            return None
        for name in order:
            if ord(char) in library.font(self._paths[name]).face.charToGlyph:
                return name
        path = library.fallback(char)
        if path is None:
            return None
        if bold:
            sibling = bold_sibling(path)
            if sibling is not None and library.covers(sibling, char):
                path = sibling
        font = library.font(path)
        return str(font.fontName)

    def covers_all(self, text: str) -> bool:
        """Whether the fonts print every character of `text`."""
        return all(name is not None for name, _text in self.segments(text, self.regular))


def pdf_fonts(folder: str | None = None) -> PdfFonts:
    """The fonts for a PDF made now (cached per font folder)."""
    return _pdf_fonts(font_folder() if folder is None else folder)


@cache
def _pdf_fonts(folder: str) -> PdfFonts:
    return PdfFonts(library(folder))


def text_width(text: str, size: float, bold: bool = False, fonts: PdfFonts | None = None) -> float:
    """The width of `text` in points, in the main font (or Helvetica without one); characters
    it lacks count as 0.6 em. For laying out charts that another program draws (a browser)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts = fonts or pdf_fonts()
    face = fonts.face(bold)
    if fonts.embedded:
        printable = "".join(chunk for name, chunk in fonts.segments(text, face) if name == face)
    else:
        printable = "".join(char for char in text if _winansi(char))
    missing = max(len(text) - len(printable), 0)
    return float(stringWidth(printable, face, size)) + missing * 0.6 * size


@cache
def _winansi(char: str) -> bool:
    from reportlab.pdfbase.rl_codecs import RL_Codecs

    RL_Codecs.register()
    try:
        char.encode("winansi")
    except (UnicodeEncodeError, LookupError):
        return False
    return True

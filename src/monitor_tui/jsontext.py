"""JSON as the exports and frozen reports write it, made fast for reports of thousands of
measures. No I/O."""

from __future__ import annotations

import math
import re
from json.encoder import encode_basestring
from typing import Any

_C1_AND_DEL = re.compile("[\x7f-\x9f]")


def escape_c1(text: str) -> str:
    """DEL and C1 controls as \\u escapes (json escapes C0 only), so that `cat` on the file
    cannot drive a terminal (0x9B is a one-byte CSI). In JSON text they occur only inside
    strings, where the escape means the same character."""
    return _C1_AND_DEL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def indented_json(document: Any, indent: str) -> str:
    """`json.dumps(document, ensure_ascii=False, indent=len(indent))`, character for
    character, in a third of the time: with an indent, json falls back to a generator per value, which for a
    report of thousands of measures takes longer than building the report. Takes what the
    exports hold (dicts with text keys, lists, text, numbers, booleans, None)."""
    parts: list[str] = []
    append = parts.append
    encode = encode_basestring

    def value(item: Any, level: int) -> None:
        kind = type(item)
        if kind is str:
            append(encode(item))
        elif kind is dict:
            if not item:
                append("{}")
                return
            inner = "\n" + indent * (level + 1)
            separator = "{" + inner
            for key, member in item.items():
                if type(key) is not str:
                    raise TypeError(f"key {key!r}")
                append(separator)
                separator = "," + inner
                append(encode(key))
                append(": ")
                value(member, level + 1)
            append("\n" + indent * level + "}")
        elif kind is list or kind is tuple:
            if not item:
                append("[]")
                return
            inner = "\n" + indent * (level + 1)
            separator = "[" + inner
            for member in item:
                append(separator)
                separator = "," + inner
                value(member, level + 1)
            append("\n" + indent * level + "]")
        elif item is None:
            append("null")
        elif item is True:
            append("true")
        elif item is False:
            append("false")
        elif kind is int:
            append(int.__repr__(item))
        elif kind is float and math.isfinite(item):
            append(float.__repr__(item))
        else:
            raise TypeError(f"{kind.__name__} is not JSON")

    value(document, 0)
    return "".join(parts)

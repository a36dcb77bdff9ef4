"""Every user-facing string, in German (default) and English.

The catalogue is one dictionary, assembled from one module per area (`core`, `notes`, `tui`,
`export`, `safety`, `reports`, `offices`, `overview`) so that each area keeps its texts
together. Keys are English identifiers; each value is a pair (German, English) of
`str.format` templates.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping

from monitor_tui.i18n import core, export, notes, offices, overview, reports, safety, tui

LANGUAGES = ("de", "en")

MESSAGES: dict[str, tuple[str, str]] = {}
for _area in (core, notes, tui, export, safety, reports, offices, overview):
    _clash = MESSAGES.keys() & _area.MESSAGES.keys()
    if _clash:  # two areas using one key would silently shadow a text
        raise RuntimeError(f"duplicate message keys: {sorted(_clash)}")
    MESSAGES.update(_area.MESSAGES)

_language = "de"


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """English when the locale asks for it (LC_ALL, LC_MESSAGES or LANG starting with "en")."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "de"
    return "de"


def set_language(lang: str | None) -> str:
    """Choose the language for all messages; None means: from the environment."""
    global _language
    chosen = lang if lang in LANGUAGES else language_from_environment()
    _language = chosen
    return chosen


def get_language() -> str:
    return _language


def _(key: str, /, **values: object) -> str:
    """The message `key` in the current language, with `values` filled in."""
    german, english = MESSAGES[key]
    template = english if _language == "en" else german
    return template.format(**values) if values else template


_ERRNO_KEYS = {
    errno.ENOENT: "os_no_such_file",
    errno.EACCES: "os_permission_denied",
    errno.EPERM: "os_permission_denied",
    errno.ENOSPC: "os_disk_full",
    errno.EDQUOT: "os_disk_full",
    errno.EROFS: "os_read_only",
    errno.EISDIR: "os_is_a_folder",
    errno.ENOTDIR: "os_not_a_folder",
    errno.ELOOP: "os_symlink",
}


def os_error(error: OSError) -> str:
    """An OSError in the user's language, with the file it concerns.

    `strerror` comes from the C library in English, whatever the UI language is.
    """
    key = _ERRNO_KEYS.get(error.errno or 0)
    reason = _(key) if key else (error.strerror or str(error))
    return f"{reason}: {error.filename}" if error.filename else reason

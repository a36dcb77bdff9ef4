"""Messages of the notes area: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}

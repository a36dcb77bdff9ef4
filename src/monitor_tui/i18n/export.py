"""Messages of the export area: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}

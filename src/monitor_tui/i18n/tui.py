"""Messages of the tui area: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}

"""Messages of the overview screen and the report's charts: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}

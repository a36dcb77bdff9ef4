"""Messages of frozen reports, the as-of state and comparisons: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}

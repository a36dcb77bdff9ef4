"""Messages of people, offices, due measures and update requests: key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}

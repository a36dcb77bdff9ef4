"""Messages of export targets, hand edits of logs, limits (hardening): key -> (German, English)."""

MESSAGES: dict[str, tuple[str, str]] = {}

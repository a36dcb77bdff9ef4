"""The status store: what staff record per measure, in `status/<id>.md`.

- `paths`   the one naming rule for status files and their locks
- `format`  parse and render a status file (pure: text in, objects out)
- `edits`   what a user changes, how it is checked, and conflicts with other sessions
- `store`   reading a workspace's files, locked and atomic saves
- `replay`  the state on any day, replayed from the log
- `verify`  is a log consistent, in itself and with the front matter?
- `wording` field names, values and changes as people read them (CLI, TUI, exports)
- `watch`   noticing files other sessions changed
"""

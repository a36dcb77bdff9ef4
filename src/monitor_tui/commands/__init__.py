"""The command-line front end: one module per `monitor-tui COMMAND`, each with
`run(args, workspace) -> exit code`. `cli.py` dispatches to them; they never import the TUI."""

from monitor_tui.cli import entry_point

entry_point()

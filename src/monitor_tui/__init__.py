"""monitor-tui: monitoring the City of Mainz's integration concept from the terminal."""

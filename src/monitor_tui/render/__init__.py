"""One module per export format; each renders the same data, none imports Textual."""

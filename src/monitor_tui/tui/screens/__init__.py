"""Screens of the terminal app: the main screen and the dialogs it opens."""

"""The routine editor (issue 15): its window, its form, and the main window's entry points."""

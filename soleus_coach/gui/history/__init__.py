"""What was done: the history window (sessions, weekly chart, detail, export) and runs from
GPS files beside it (the main window's import, drop and watched folder; the runs pane and its
dialogs). May use ``gui.common`` and the core; not the session, library or editor packages.
"""

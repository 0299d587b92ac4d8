"""The Qt shell: widgets show state and forward input; the core decides.

At this level, the application and what holds it together: the main window and its menus,
the tray and the compact timer's companion, reminders, settings, About, single instance.
Each workflow has a package of its own (``session``, ``library``, ``history``, ``editor``),
and ``common`` the small pieces they share. A package may import those below it, never one
above: ``docs/architecture.md`` draws the layers, ``lint-imports`` checks them.
"""

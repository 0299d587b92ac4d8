"""Every keyboard shortcut, declared once: the session's actions and the window's.

The session menu, the session's buttons (tooltip, accessible name), the tray menu and Help →
Keyboard shortcuts all read :data:`SESSION_ACTIONS` and :data:`APP_ACTIONS`; a new action is
one row here and one handler where it acts. Texts are marked with ``QT_TRANSLATE_NOOP`` so
that lupdate sees them (a ``tr()`` on a variable is invisible to it) and translated when
shown, in the "Actions" context.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget


class ActionId(StrEnum):
    # during a session
    PAUSE = "pause"
    SKIP = "skip"
    BACK = "back"
    LONGER = "longer"
    SHORTER = "shorter"
    HURTS = "hurts"
    STOP = "stop"
    COMPACT = "compact"
    REP_DONE = "rep_done"
    # the window
    START = "start"
    FULLSCREEN = "fullscreen"
    MUTE = "mute"
    HISTORY = "history"
    IMPORT = "import"
    RELOAD = "reload"
    SETTINGS = "settings"
    SHORTCUTS = "shortcuts"
    QUIT = "quit"
    NEW_ROUTINE = "new_routine"
    # the routine editor's
    EDITOR_SAVE = "editor_save"
    EDITOR_UNDO = "editor_undo"
    EDITOR_REDO = "editor_redo"
    EDITOR_ADD = "editor_add"
    EDITOR_DUPLICATE = "editor_duplicate"
    EDITOR_REMOVE = "editor_remove"
    EDITOR_UP = "editor_up"
    EDITOR_DOWN = "editor_down"
    EDITOR_TRY = "editor_try"
    EDITOR_CLOSE = "editor_close"
    EDITOR_EXPORT = "editor_export"
    EDITOR_PRINT = "editor_print"
    # the tray's (no key of their own)
    SHOW = "show"
    START_AFTER = "start_after"
    START_BEFORE = "start_before"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: ActionId
    #: Menu text (English source, "Actions" context).
    text: str
    #: What it does, for Help → Keyboard shortcuts, tooltips and accessible names.
    help: str
    #: The key, as ``QKeySequence`` reads it ("" for a standard key or none).
    keys: str
    #: How the help names the key.
    key_name: str
    #: A platform's standard key, where there is one (Open, Quit…).
    standard: QKeySequence.StandardKey | None = None
    #: Listed in the help only (the key is handled elsewhere, e.g. Enter on a page).
    help_only: bool = False


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # lupdate looks for this name
    """Mark ``source`` for lupdate (typed as the text, unlike PySide6's own)."""
    return source


def tr(source: str) -> str:
    return QCoreApplication.translate("Actions", source)


_S = QKeySequence.StandardKey

#: What the keys do while a routine runs (the session screen's shortcuts).
SESSION_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.PAUSE, QT_TRANSLATE_NOOP("Actions", "Pause / resume"),
               QT_TRANSLATE_NOOP("Actions", "Pause or resume"), "Space",
               QT_TRANSLATE_NOOP("Actions", "Space")),
    ActionSpec(ActionId.SKIP, QT_TRANSLATE_NOOP("Actions", "Skip to next step"),
               QT_TRANSLATE_NOOP("Actions", "Skip to the next step"), "Right",
               QT_TRANSLATE_NOOP("Actions", "Right arrow")),
    ActionSpec(ActionId.BACK, QT_TRANSLATE_NOOP("Actions", "Back"),
               QT_TRANSLATE_NOOP("Actions", "Back: restart this step, or the previous one "
                                            "in its first 2 seconds"), "Left",
               QT_TRANSLATE_NOOP("Actions", "Left arrow")),
    ActionSpec(ActionId.LONGER, QT_TRANSLATE_NOOP("Actions", "Longer hold"),
               QT_TRANSLATE_NOOP("Actions", "Hold 5 s longer (within the routine's range)"),
               "Up", QT_TRANSLATE_NOOP("Actions", "Up arrow")),
    ActionSpec(ActionId.SHORTER, QT_TRANSLATE_NOOP("Actions", "Shorter hold"),
               QT_TRANSLATE_NOOP("Actions", "Hold 5 s shorter (within the routine's range)"),
               "Down", QT_TRANSLATE_NOOP("Actions", "Down arrow")),
    ActionSpec(ActionId.HURTS, QT_TRANSLATE_NOOP("Actions", "It hurts"),
               QT_TRANSLATE_NOOP("Actions", "It hurts: end the hold now"), "H",
               QT_TRANSLATE_NOOP("Actions", "H")),
    ActionSpec(ActionId.STOP, QT_TRANSLATE_NOOP("Actions", "Stop"),
               QT_TRANSLATE_NOOP("Actions", "Stop the routine (asks first; the clock waits)"),
               "Escape", QT_TRANSLATE_NOOP("Actions", "Esc")),
    ActionSpec(ActionId.REP_DONE, QT_TRANSLATE_NOOP("Actions", "Rep done"),
               QT_TRANSLATE_NOOP("Actions", "In a set you pace yourself: one rep done (or "
                                            "the set, where it is counted by the set)"),
               "Return", QT_TRANSLATE_NOOP("Actions", "Enter")),
    ActionSpec(ActionId.COMPACT, QT_TRANSLATE_NOOP("Actions", "Compact timer"),
               QT_TRANSLATE_NOOP("Actions", "Switch between the small always-on-top timer "
                                            "and the full window"), "C",
               QT_TRANSLATE_NOOP("Actions", "C")),
)

#: The window's own shortcuts.
APP_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.START, QT_TRANSLATE_NOOP("Actions", "Start"),
               QT_TRANSLATE_NOOP("Actions", "Start the highlighted routine; on the finish "
                                            "screen, save and go home"), "Return",
               QT_TRANSLATE_NOOP("Actions", "Enter"), help_only=True),
    ActionSpec(ActionId.FULLSCREEN, QT_TRANSLATE_NOOP("Actions", "&Full screen"),
               QT_TRANSLATE_NOOP("Actions", "Full screen"), "F11",
               QT_TRANSLATE_NOOP("Actions", "F11")),
    ActionSpec(ActionId.MUTE, QT_TRANSLATE_NOOP("Actions", "&Mute sound"),
               QT_TRANSLATE_NOOP("Actions", "Sound cues off or on"), "M",
               QT_TRANSLATE_NOOP("Actions", "M")),
    ActionSpec(ActionId.HISTORY, QT_TRANSLATE_NOOP("Actions", "&History"),
               QT_TRANSLATE_NOOP("Actions", "Your past sessions, pain check-ins and export"),
               "Ctrl+H", QT_TRANSLATE_NOOP("Actions", "Ctrl+H")),
    ActionSpec(ActionId.IMPORT, QT_TRANSLATE_NOOP("Actions", "&Import protocol…"),
               QT_TRANSLATE_NOOP("Actions", "Check a protocol file and add it to your "
                                            "routines"), "",
               QT_TRANSLATE_NOOP("Actions", "Ctrl+O"), standard=_S.Open),
    ActionSpec(ActionId.NEW_ROUTINE, QT_TRANSLATE_NOOP("Actions", "&New routine…"),
               QT_TRANSLATE_NOOP("Actions", "Make a routine of your own in the editor"),
               "Ctrl+N", QT_TRANSLATE_NOOP("Actions", "Ctrl+N")),
    ActionSpec(ActionId.RELOAD, QT_TRANSLATE_NOOP("Actions", "&Reload routines"),
               QT_TRANSLATE_NOOP("Actions", "Reload routines"), "F5",
               QT_TRANSLATE_NOOP("Actions", "F5")),
    ActionSpec(ActionId.SETTINGS, QT_TRANSLATE_NOOP("Actions", "&Settings…"),
               QT_TRANSLATE_NOOP("Actions", "Settings"), "",
               QT_TRANSLATE_NOOP("Actions", "Ctrl+,"), standard=_S.Preferences),
    ActionSpec(ActionId.SHORTCUTS, QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
               QT_TRANSLATE_NOOP("Actions", "This list"), "",
               QT_TRANSLATE_NOOP("Actions", "F1"), standard=_S.HelpContents),
    ActionSpec(ActionId.QUIT, QT_TRANSLATE_NOOP("Actions", "&Quit"),
               QT_TRANSLATE_NOOP("Actions", "Quit"), "",
               QT_TRANSLATE_NOOP("Actions", "Ctrl+Q"), standard=_S.Quit),
)

#: The routine editor's (its own window).
EDITOR_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.EDITOR_SAVE, QT_TRANSLATE_NOOP("Actions", "&Save routine"),
               QT_TRANSLATE_NOOP("Actions", "Editor: save the routine (once it has no "
                                            "problems)"), "Ctrl+S",
               QT_TRANSLATE_NOOP("Actions", "Ctrl+S")),
    ActionSpec(ActionId.EDITOR_UNDO, QT_TRANSLATE_NOOP("Actions", "&Undo"),
               QT_TRANSLATE_NOOP("Actions", "Editor: undo the last change"), "Ctrl+Z",
               QT_TRANSLATE_NOOP("Actions", "Ctrl+Z")),
    ActionSpec(ActionId.EDITOR_REDO, QT_TRANSLATE_NOOP("Actions", "&Redo"),
               QT_TRANSLATE_NOOP("Actions", "Editor: redo what was undone"), "Ctrl+Shift+Z",
               QT_TRANSLATE_NOOP("Actions", "Ctrl+Shift+Z")),
    ActionSpec(ActionId.EDITOR_ADD, QT_TRANSLATE_NOOP("Actions", "&Add step"),
               QT_TRANSLATE_NOOP("Actions", "Editor: add a step of the chosen kind"),
               "Ctrl+Return", QT_TRANSLATE_NOOP("Actions", "Ctrl+Enter")),
    ActionSpec(ActionId.EDITOR_DUPLICATE, QT_TRANSLATE_NOOP("Actions", "D&uplicate step"),
               QT_TRANSLATE_NOOP("Actions", "Editor: duplicate the selected step"), "Ctrl+D",
               QT_TRANSLATE_NOOP("Actions", "Ctrl+D")),
    ActionSpec(ActionId.EDITOR_REMOVE, QT_TRANSLATE_NOOP("Actions", "Re&move step"),
               QT_TRANSLATE_NOOP("Actions", "Editor: remove the selected step"),
               "Ctrl+Delete", QT_TRANSLATE_NOOP("Actions", "Ctrl+Delete")),
    ActionSpec(ActionId.EDITOR_UP, QT_TRANSLATE_NOOP("Actions", "Move step u&p"),
               QT_TRANSLATE_NOOP("Actions", "Editor: move the selected step up"), "Alt+Up",
               QT_TRANSLATE_NOOP("Actions", "Alt+Up arrow")),
    ActionSpec(ActionId.EDITOR_DOWN, QT_TRANSLATE_NOOP("Actions", "Move step do&wn"),
               QT_TRANSLATE_NOOP("Actions", "Editor: move the selected step down"),
               "Alt+Down", QT_TRANSLATE_NOOP("Actions", "Alt+Down arrow")),
    ActionSpec(ActionId.EDITOR_TRY, QT_TRANSLATE_NOOP("Actions", "&Try it"),
               QT_TRANSLATE_NOOP("Actions", "Editor: run the routine from the selected step, "
                                            "then come back"), "Ctrl+T",
               QT_TRANSLATE_NOOP("Actions", "Ctrl+T")),
    ActionSpec(ActionId.EDITOR_EXPORT, QT_TRANSLATE_NOOP("Actions", "E&xport…"),
               QT_TRANSLATE_NOOP("Actions", "Editor: save the routine as a file to share "
                                            "(a .zip with its own pictures and sounds)"),
               "Ctrl+E", QT_TRANSLATE_NOOP("Actions", "Ctrl+E")),
    ActionSpec(ActionId.EDITOR_PRINT, QT_TRANSLATE_NOOP("Actions", "&Print…"),
               QT_TRANSLATE_NOOP("Actions", "Editor: print the routine on one page, or save "
                                            "it as a PDF"), "Ctrl+P",
               QT_TRANSLATE_NOOP("Actions", "Ctrl+P")),
    ActionSpec(ActionId.EDITOR_CLOSE, QT_TRANSLATE_NOOP("Actions", "&Close editor"),
               QT_TRANSLATE_NOOP("Actions", "Editor: close (asks first about unsaved "
                                            "changes)"), "Ctrl+W",
               QT_TRANSLATE_NOOP("Actions", "Ctrl+W")),
)

SPECS: dict[ActionId, ActionSpec] = {s.id: s for s in (*SESSION_ACTIONS, *APP_ACTIONS,
                                                        *EDITOR_ACTIONS)}


def make_action(parent: QObject, spec: ActionSpec, slot: Callable[[], object], *,
                context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
    """A QAction for ``spec``: translated text, its key, the help as status tip."""
    act = QAction(tr(spec.text), parent)
    act.setObjectName(f"action_{spec.id.value}")
    if spec.standard is not None:
        act.setShortcut(QKeySequence(spec.standard))
    elif spec.keys:
        act.setShortcut(QKeySequence(spec.keys))
    act.setShortcutContext(context)
    act.setStatusTip(tr(spec.help))
    act.setToolTip(tip(spec))
    act.triggered.connect(slot)
    return act


def make_actions(widget: QWidget, specs: tuple[ActionSpec, ...],
                 handlers: Mapping[ActionId, Callable[[], object]]) -> dict[ActionId, QAction]:
    """Actions for every spec that has a handler, added to ``widget`` with its keys active
    while it (or a child) has the focus."""
    out = {}
    for spec in specs:
        if spec.id in handlers and not spec.help_only:
            act = make_action(widget, spec, handlers[spec.id],
                              context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(act)
            out[spec.id] = act
    return out


def tip(spec: ActionSpec) -> str:
    """"Pause or resume (Space)": what it does and its key."""
    return f"{tr(spec.help)} ({tr(spec.key_name)})"


def bind_button(button: QAbstractButton, spec: ActionSpec) -> None:
    """A button that does what an action does says so the same way."""
    button.setToolTip(tip(spec))
    button.setAccessibleName(tr(spec.help))


def help_rows() -> list[tuple[str, str]]:
    """(key, what it does) for Help → Keyboard shortcuts, session first, the editor last."""
    return [(tr(s.key_name), tr(s.help)) for s in (*SESSION_ACTIONS, *APP_ACTIONS,
                                                   *EDITOR_ACTIONS)]

"""Every action a person can take from a menu or a key, declared once: the session's, the
window's menus, the history window's and the routine editor's.

The menus, the session's buttons (tooltip, accessible name), the tray menu and Help →
Keyboard shortcuts all read these tables; a new action is one row here and one handler
where it acts (``tests/test_actions.py`` fails for an action without a row in its table).
Every slot is called without Qt's ``checked`` argument (:func:`make_action`), and the keys
Help lists are the keys bound (:func:`bound_keys`). Texts are marked with
``QT_TRANSLATE_NOOP`` so that lupdate sees them (a ``tr()`` on a variable is invisible to it)
and translated when shown, in the "Actions" context.
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
    OPEN_FOLDER = "open_folder"
    RELOAD = "reload"
    IMPORT_RUNS = "import_runs"
    IMPORT_RUNS_FOLDER = "import_runs_folder"
    ADD_RUN = "add_run"
    WATCHED_FOLDER = "watched_folder"
    HOME = "home"
    ALL_ROUTINES = "all_routines"
    SETTINGS = "settings"
    SHORTCUTS = "shortcuts"
    SAFETY_NOTICE = "safety_notice"
    ABOUT = "about"
    QUIT = "quit"
    NEW_ROUTINE = "new_routine"
    # the history window's
    HISTORY_DELETE = "history_delete"
    HISTORY_UNDO = "history_undo"
    HISTORY_CLOSE = "history_close"
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
    EDITOR_ROUNDS = "editor_rounds"
    EDITOR_TRANSLATIONS = "editor_translations"
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
    #: The keys, as ``QKeySequence`` reads them; the first is the one Help names first.
    keys: tuple[str, ...] = ()
    #: A platform's standard key, where there is one (Open, Quit…): bound too, after
    #: ``keys`` (some platforms have none: Preferences and Quit on Linux).
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
               QT_TRANSLATE_NOOP("Actions", "Pause or resume"), ("Space",)),
    ActionSpec(ActionId.SKIP, QT_TRANSLATE_NOOP("Actions", "Skip to next step"),
               QT_TRANSLATE_NOOP("Actions", "Skip to the next step"), ("Right",)),
    ActionSpec(ActionId.BACK, QT_TRANSLATE_NOOP("Actions", "Back"),
               QT_TRANSLATE_NOOP("Actions", "Back: restart this step, or the previous one "
                                            "in its first 2 seconds"), ("Left",)),
    ActionSpec(ActionId.LONGER, QT_TRANSLATE_NOOP("Actions", "Longer hold"),
               QT_TRANSLATE_NOOP("Actions", "Hold 5 s longer (within the routine's range)"),
               ("Up",)),
    ActionSpec(ActionId.SHORTER, QT_TRANSLATE_NOOP("Actions", "Shorter hold"),
               QT_TRANSLATE_NOOP("Actions", "Hold 5 s shorter (within the routine's range)"),
               ("Down",)),
    ActionSpec(ActionId.HURTS, QT_TRANSLATE_NOOP("Actions", "It hurts"),
               QT_TRANSLATE_NOOP("Actions", "It hurts: end the hold now"), ("H",)),
    ActionSpec(ActionId.STOP, QT_TRANSLATE_NOOP("Actions", "Stop"),
               QT_TRANSLATE_NOOP("Actions", "Stop the routine (asks first; the clock waits)"),
               ("Escape",)),
    ActionSpec(ActionId.REP_DONE, QT_TRANSLATE_NOOP("Actions", "Rep done"),
               QT_TRANSLATE_NOOP("Actions", "In a set you pace yourself: one rep done (or "
                                            "the set, where it is counted by the set)"),
               ("Return",)),
    ActionSpec(ActionId.COMPACT, QT_TRANSLATE_NOOP("Actions", "Compact timer"),
               QT_TRANSLATE_NOOP("Actions", "Switch between the small always-on-top timer "
                                            "and the full window"), ("C",)),
)

#: The window's menus and keys.
APP_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.START, QT_TRANSLATE_NOOP("Actions", "Start"),
               QT_TRANSLATE_NOOP("Actions", "Start the highlighted routine; on the finish "
                                            "screen, save and go home"), ("Return",),
               help_only=True),
    ActionSpec(ActionId.IMPORT, QT_TRANSLATE_NOOP("Actions", "&Import routine…"),
               QT_TRANSLATE_NOOP("Actions", "Check a routine file (.json or .zip) and add it "
                                            "to your routines"), ("Ctrl+O",), _S.Open),
    ActionSpec(ActionId.NEW_ROUTINE, QT_TRANSLATE_NOOP("Actions", "&New routine…"),
               QT_TRANSLATE_NOOP("Actions", "Make a routine of your own in the editor"),
               ("Ctrl+N",)),
    ActionSpec(ActionId.OPEN_FOLDER, QT_TRANSLATE_NOOP("Actions", "Open routine &folder"),
               QT_TRANSLATE_NOOP("Actions", "Open the folder that holds your own routines")),
    ActionSpec(ActionId.RELOAD, QT_TRANSLATE_NOOP("Actions", "&Reload routines"),
               QT_TRANSLATE_NOOP("Actions", "Reload routines"), ("F5",)),
    ActionSpec(ActionId.IMPORT_RUNS, QT_TRANSLATE_NOOP("Actions", "Import r&uns…"),
               QT_TRANSLATE_NOOP("Actions", "Read GPX, TCX or FIT files, or a whole Strava or "
                                            "Garmin Connect export (.zip)")),
    ActionSpec(ActionId.IMPORT_RUNS_FOLDER,
               QT_TRANSLATE_NOOP("Actions", "Import a f&older of runs…"),
               QT_TRANSLATE_NOOP("Actions", "Read every activity file in a folder, or an "
                                            "unpacked Strava export")),
    ActionSpec(ActionId.ADD_RUN, QT_TRANSLATE_NOOP("Actions", "Add a run by &hand…"),
               QT_TRANSLATE_NOOP("Actions", "Enter a run's date, distance and time")),
    ActionSpec(ActionId.WATCHED_FOLDER,
               QT_TRANSLATE_NOOP("Actions", "&Watched folder for runs…"),
               QT_TRANSLATE_NOOP("Actions", "Import new files from a folder as they appear")),
    ActionSpec(ActionId.QUIT, QT_TRANSLATE_NOOP("Actions", "&Quit"),
               QT_TRANSLATE_NOOP("Actions", "Quit"), ("Ctrl+Q",), _S.Quit),
    ActionSpec(ActionId.HOME, QT_TRANSLATE_NOOP("Actions", "Ho&me"),
               QT_TRANSLATE_NOOP("Actions", "The home screen"), ("Alt+Home",)),
    ActionSpec(ActionId.ALL_ROUTINES, QT_TRANSLATE_NOOP("Actions", "All &routines"),
               QT_TRANSLATE_NOOP("Actions", "Every routine, to start, customize or share")),
    ActionSpec(ActionId.FULLSCREEN, QT_TRANSLATE_NOOP("Actions", "&Full screen"),
               QT_TRANSLATE_NOOP("Actions", "Full screen"), ("F11",)),
    ActionSpec(ActionId.MUTE, QT_TRANSLATE_NOOP("Actions", "&Mute sound"),
               QT_TRANSLATE_NOOP("Actions", "Sound cues off or on"), ("M",)),
    ActionSpec(ActionId.HISTORY, QT_TRANSLATE_NOOP("Actions", "&History"),
               QT_TRANSLATE_NOOP("Actions", "Your past sessions, pain check-ins and export"),
               ("Ctrl+H",)),
    ActionSpec(ActionId.SETTINGS, QT_TRANSLATE_NOOP("Actions", "&Settings…"),
               QT_TRANSLATE_NOOP("Actions", "Settings"), ("Ctrl+,",), _S.Preferences),
    ActionSpec(ActionId.SHORTCUTS, QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
               QT_TRANSLATE_NOOP("Actions", "This list"), ("F1",), _S.HelpContents),
    ActionSpec(ActionId.SAFETY_NOTICE, QT_TRANSLATE_NOOP("Actions", "&Safety notice"),
               QT_TRANSLATE_NOOP("Actions", "What Soleus Coach can and cannot do, and when to "
                                            "see a doctor")),
    ActionSpec(ActionId.ABOUT, QT_TRANSLATE_NOOP("Actions", "&About Soleus Coach"),
               QT_TRANSLATE_NOOP("Actions", "Version, licence and where your data is")),
)

#: The history window's (its own window).
HISTORY_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.HISTORY_DELETE, QT_TRANSLATE_NOOP("Actions", "&Delete session"),
               QT_TRANSLATE_NOOP("Actions", "History: delete the selected session (Undo "
                                            "brings it back)"), ("Del",), _S.Delete),
    ActionSpec(ActionId.HISTORY_UNDO, QT_TRANSLATE_NOOP("Actions", "&Undo delete"),
               QT_TRANSLATE_NOOP("Actions", "History: bring back the session just deleted"),
               ("Ctrl+Z",), _S.Undo),
    ActionSpec(ActionId.HISTORY_CLOSE, QT_TRANSLATE_NOOP("Actions", "&Close history"),
               QT_TRANSLATE_NOOP("Actions", "History: close the window (Esc too)"), ("Ctrl+W",),
               _S.Close),
)

#: The routine editor's (its own window).
EDITOR_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.EDITOR_SAVE, QT_TRANSLATE_NOOP("Actions", "&Save routine"),
               QT_TRANSLATE_NOOP("Actions", "Editor: save the routine (once it has no "
                                            "problems)"), ("Ctrl+S",)),
    ActionSpec(ActionId.EDITOR_UNDO, QT_TRANSLATE_NOOP("Actions", "&Undo"),
               QT_TRANSLATE_NOOP("Actions", "Editor: undo the last change"), ("Ctrl+Z",)),
    ActionSpec(ActionId.EDITOR_REDO, QT_TRANSLATE_NOOP("Actions", "&Redo"),
               QT_TRANSLATE_NOOP("Actions", "Editor: redo what was undone"),
               ("Ctrl+Shift+Z", "Ctrl+Y")),
    ActionSpec(ActionId.EDITOR_ADD, QT_TRANSLATE_NOOP("Actions", "&Add step"),
               QT_TRANSLATE_NOOP("Actions", "Editor: add a step of the chosen kind"),
               ("Ctrl+Return",)),
    ActionSpec(ActionId.EDITOR_DUPLICATE, QT_TRANSLATE_NOOP("Actions", "D&uplicate step"),
               QT_TRANSLATE_NOOP("Actions", "Editor: duplicate the selected step"), ("Ctrl+D",)),
    ActionSpec(ActionId.EDITOR_REMOVE, QT_TRANSLATE_NOOP("Actions", "Re&move step"),
               QT_TRANSLATE_NOOP("Actions", "Editor: remove the selected step"), ("Ctrl+Delete",)),
    ActionSpec(ActionId.EDITOR_UP, QT_TRANSLATE_NOOP("Actions", "Move step u&p"),
               QT_TRANSLATE_NOOP("Actions", "Editor: move the selected step up"), ("Alt+Up",)),
    ActionSpec(ActionId.EDITOR_DOWN, QT_TRANSLATE_NOOP("Actions", "Move step do&wn"),
               QT_TRANSLATE_NOOP("Actions", "Editor: move the selected step down"), ("Alt+Down",)),
    ActionSpec(ActionId.EDITOR_TRY, QT_TRANSLATE_NOOP("Actions", "&Try it"),
               QT_TRANSLATE_NOOP("Actions", "Editor: run the routine from the selected step, "
                                            "then come back"), ("Ctrl+T",)),
    ActionSpec(ActionId.EDITOR_EXPORT, QT_TRANSLATE_NOOP("Actions", "E&xport…"),
               QT_TRANSLATE_NOOP("Actions", "Editor: save the routine as a file to share "
                                            "(a .zip with its own pictures and sounds)"),
               ("Ctrl+E",)),
    ActionSpec(ActionId.EDITOR_PRINT, QT_TRANSLATE_NOOP("Actions", "&Print…"),
               QT_TRANSLATE_NOOP("Actions", "Editor: print the routine on one page, or save "
                                            "it as a PDF"), ("Ctrl+P",)),
    ActionSpec(ActionId.EDITOR_ROUNDS, QT_TRANSLATE_NOOP("Actions", "Make r&ounds…"),
               QT_TRANSLATE_NOOP("Actions", "Editor: do the selected steps several times in a "
                                            "row (rounds)"), ("Ctrl+G",)),
    ActionSpec(ActionId.EDITOR_TRANSLATIONS, QT_TRANSLATE_NOOP("Actions", "Tra&nslations…"),
               QT_TRANSLATE_NOOP("Actions", "Editor: the routine's texts in another language, "
                                            "side by side"), ("Ctrl+L",)),
    ActionSpec(ActionId.EDITOR_CLOSE, QT_TRANSLATE_NOOP("Actions", "&Close editor"),
               QT_TRANSLATE_NOOP("Actions", "Editor: close (asks first about unsaved "
                                            "changes)"), ("Ctrl+W",)),
)

SPECS: dict[ActionId, ActionSpec] = {s.id: s for s in (*SESSION_ACTIONS, *APP_ACTIONS,
                                                        *HISTORY_ACTIONS, *EDITOR_ACTIONS)}


def bound_keys(spec: ActionSpec) -> list[QKeySequence]:
    """The keys an action of ``spec`` is bound to: its own, then the platform's standard
    ones (without repeats). Help lists these and nothing else."""
    out: list[QKeySequence] = [QKeySequence(k) for k in spec.keys]
    if spec.standard is not None:
        out += [k for k in QKeySequence.keyBindings(spec.standard)
                if not k.isEmpty() and k not in out]
    return out


def make_action(parent: QObject, spec: ActionSpec, slot: Callable[[], object], *,
                context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
    """A QAction for ``spec``: translated text, its keys, the help as status tip. ``slot``
    is called with no argument: Qt's ``triggered(bool checked)`` never reaches it (a slot
    whose first parameter is a path would take ``False`` for one)."""
    act = QAction(tr(spec.text), parent)
    act.setObjectName(f"action_{spec.id.value}")
    act.setShortcuts(bound_keys(spec))
    act.setShortcutContext(context)
    act.setStatusTip(tr(spec.help))
    act.setToolTip(tip(spec))
    act.triggered.connect(lambda _checked=False: slot())
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


#: Key names that read better as a symbol or a word than as Qt names them.
_KEY_WORDS = {"Return": QT_TRANSLATE_NOOP("Actions", "Enter"), "Right": "→", "Left": "←",
              "Up": "↑", "Down": "↓"}


def key_text(key: QKeySequence) -> str:
    """A key as Help and tooltips name it: the platform's words ("Strg+H" in German), with
    arrows as arrows and Return as Enter."""
    parts = key.toString(QKeySequence.SequenceFormat.PortableText).split("+")
    native = key.toString(QKeySequence.SequenceFormat.NativeText)
    if not any(p in _KEY_WORDS for p in parts):
        return native
    mods = QKeySequence("+".join(parts[:-1]) + "+A").toString(
        QKeySequence.SequenceFormat.NativeText)[:-1] if len(parts) > 1 else ""
    last = parts[-1]
    return mods + (tr(_KEY_WORDS[last]) if last == "Return" else _KEY_WORDS.get(last, last))


def keys_text(spec: ActionSpec) -> str:
    """Every key of ``spec`` that is bound, "Ctrl+Shift+Z / Ctrl+Y"; "" for none."""
    own = [QKeySequence(k) for k in spec.keys]
    shown = own or bound_keys(spec)[:1]
    return " / ".join(key_text(k) for k in shown)


def tip(spec: ActionSpec) -> str:
    """"Pause or resume (Space)": what it does and its key."""
    keys = keys_text(spec)
    return f"{tr(spec.help)} ({keys})" if keys else tr(spec.help)


def bind_button(button: QAbstractButton, spec: ActionSpec) -> None:
    """A button that does what an action does says so the same way."""
    button.setToolTip(tip(spec))
    button.setAccessibleName(tr(spec.help))


def help_rows() -> list[tuple[str, str]]:
    """(keys, what it does) for Help → Keyboard shortcuts, session first, the editor last:
    every action that has a key, named as it is bound."""
    return [(keys_text(s), tr(s.help)) for s in (*SESSION_ACTIONS, *APP_ACTIONS,
                                                 *HISTORY_ACTIONS, *EDITOR_ACTIONS)
            if keys_text(s)]

"""The editor's entry points in the main window: File → New routine, and Customize, Edit and
Delete on the library's detail pane; saving reloads the library, Try it runs the routine
through the window's session flow and comes back to the editor.

Installed with one call (:func:`install`); the editor's window itself is imported only when
one is opened (the main window starts without it).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Protocol as Interface

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QStatusBar, QWidget

from soleus_coach.gui.common.actions import SPECS, ActionId, make_action
from soleus_coach.gui.common.plain import message_box, question
from soleus_coach.gui.common.windows import bring_forward
from soleus_coach.protocol.model import Origin, Protocol
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from soleus_coach.gui.common.services import Services
    from soleus_coach.gui.editor.window import EditorWindow
    from soleus_coach.gui.library.routines_page import LibraryPage
    from soleus_coach.gui.session.flow import SessionFlow
    from soleus_coach.protocol import Library
    from soleus_coach.protocol.library import Entry as LibraryEntry
    from soleus_coach.settings import Settings

#: Deleted routines go here, inside the user's folder (the library does not read it).
TRASH = ".trash"


class EditorHost(Interface):
    """What the editors need of the main window (which is one): its folders and settings,
    its library, its session flow for Try it, and where File → New routine goes."""

    services: Services
    settings: Settings
    flow: SessionFlow
    terminating: bool  # told to quit from outside: unsaved drafts are kept, not asked about
    import_action: QAction  # New routine goes before it in the File menu

    @property
    def library(self) -> Library: ...

    def reload_library(self) -> None: ...

    def select_routine(self, protocol_id: str) -> None:
        """Show ``protocol_id`` selected in All routines, if that page has been opened."""

    def menuBar(self) -> QMenuBar: ...

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget: ...


class EditorHub(QObject):
    """Opens editors for the main window and keeps the library up to date with them."""

    def __init__(self, host: EditorHost) -> None:
        window = host.window()
        super().__init__(window)
        self.host = host
        self.window = window
        self.editors: list[EditorWindow] = []
        self.last_deleted: tuple[Path, Path] | None = None  # (in the trash, where it was)
        self._trying: EditorWindow | None = None
        self.new_action = make_action(window, SPECS[ActionId.NEW_ROUTINE], self.new_routine)
        menu = host.menuBar().actions()[0].menu()  # File
        assert isinstance(menu, QMenu)
        menu.insertAction(host.import_action, self.new_action)
        host.flow.state_changed.connect(self._flow_state)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The main window closing closes its editors first; one with unsaved changes asks,
        and the window stays open until it has been answered."""
        if watched is self.window and event.type() == QEvent.Type.Close and self.editors:
            for editor in list(self.editors):
                if self.host.terminating:
                    editor.keep_draft_and_close(self._drafts())
                else:
                    editor.close()
            if any(e.isVisible() for e in self.editors):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------- opening

    def _drafts(self) -> Path:
        return self.host.services.data_dir / "drafts"

    def reopen_kept_drafts(self) -> int:
        """Open again, in editors, the drafts kept when the app was last told to quit; say
        so in the status bar. A draft that cannot be opened stays where it is, and the
        status bar says where. Returns how many were opened."""
        from soleus_coach import editing

        s = self.host.services
        opened = 0
        for kept in editing.kept_drafts(self._drafts(), s.user_protocols_dir, s.assets_dir):
            if kept.draft is None:
                self.host.statusBar().showMessage(fill_in(
                    self.tr("A draft kept when Soleus Coach was last closed cannot be opened "
                            "(%1); it is in %2."), kept.problem, kept.kept), 0)
                continue
            editor = self.open(kept.draft, kept.file if kept.file and kept.file.exists()
                               else None)
            editor.mark_recovered()
            kept.kept.unlink(missing_ok=True)  # the editor holds it now; closing asks
            opened += 1
        if opened:
            self.host.statusBar().showMessage(
                self.tr("%n unsaved routine(s) kept when Soleus Coach was last closed "
                        "opened again.", "", opened), 15000)
        return opened

    def _taken(self) -> set[str]:
        return {p.id for p in self.host.library.protocols}

    def _names(self) -> dict[str, tuple[str, str]]:
        """Every routine's name as shown, folded for comparing: name → (id, name)."""
        return {p.name.strip().casefold(): (p.id, p.name) for p in self.host.library.protocols}

    def open(self, draft: Protocol, file: Path | None) -> EditorWindow:
        from soleus_coach.gui.editor.window import EditorWindow

        for editor in self.editors:
            if file is not None and editor.file == file:
                bring_forward(editor)
                return editor
        s = self.host.services
        editor = EditorWindow(draft, folder=s.user_protocols_dir, assets=s.assets_dir,
                              state_file=s.window_state_file, file=file,
                              taken_ids=self._taken, names=self._names,
                              parent=self.window)
        editor.saved.connect(self._saved)
        editor.customize_requested.connect(self.customize)
        editor.try_requested.connect(lambda p: self._try(editor, p))
        editor.destroyed.connect(lambda *_: self._forget(editor))
        self.editors.append(editor)
        editor.show()  # as its geometry was kept (maximised, say), then in front
        bring_forward(editor)
        return editor

    def _forget(self, editor: EditorWindow) -> None:
        if editor in self.editors:
            self.editors.remove(editor)

    def new_routine(self) -> EditorWindow:
        from soleus_coach import editing, texts

        # in the language the person reads the app in (the editor's Language field says it)
        return self.open(editing.new_routine(self._taken(), language=texts.language()), None)

    def _read(self, protocol_id: str, *, own: bool) -> tuple[Path, Protocol] | None:
        """The routine as its file says it: the library holds it in the window's language
        (a German name over the file's English one), which must not be written back."""
        from soleus_coach.protocol import ProtocolInvalid, load_file

        entry = self._entry(protocol_id, own=own)
        if entry is None:
            return None
        path = entry.path
        try:
            return path, load_file(path, self.host.services.assets_dir)
        except (ProtocolInvalid, OSError) as exc:
            self.host.statusBar().showMessage(
                fill_in(self.tr("%1 could not be read again: %2"), path.name,
                        str(exc).splitlines()[0] if str(exc) else ""), 10000)
            self.host.reload_library()
            return None

    def customize(self, protocol_id: str) -> EditorWindow | None:
        """A copy of any routine, "… (my version)", with a new id; in the language the
        window shows it in (the copy is the runner's own: one language, the one they read)."""
        from dataclasses import replace

        from soleus_coach import editing, texts

        read = self._read(protocol_id, own=False)
        if read is None:
            return None
        protocol = read[1]
        language = texts.language()
        shown = protocol.localized(language)
        if shown is not protocol:
            base = language.replace("_", "-").split("-")[0]
            code = next((k for k in protocol.translations if k.split("-")[0] == base), base)
            protocol = replace(shown, language=code, translations={})
        suffix = self.tr(" (my version)")
        return self.open(editing.customize(protocol, self._taken(), suffix), None)

    def edit(self, protocol_id: str) -> EditorWindow | None:
        """One of the user's own routines, in place, as its file says it."""
        from dataclasses import replace

        read = self._read(protocol_id, own=True)
        if read is None:
            return None
        path, protocol = read
        return self.open(replace(protocol, path=None, digest=""), path)

    def _entry(self, protocol_id: str, *, own: bool) -> LibraryEntry | None:
        """The library's entry of a routine that loaded (with ``own``: the user's own)."""
        return next((e for e in self.host.library.entries if e.protocol is not None
                     and e.protocol.id == protocol_id
                     and (e.origin is Origin.USER or not own)), None)

    # ----------------------------------------------------------------- deleting

    def delete(self, protocol_id: str) -> None:
        """Ask, then move the user's routine into the trash folder (Undo brings it back)."""
        entry = self._entry(protocol_id, own=True)
        if entry is None or entry.protocol is None:
            return
        B = QMessageBox.StandardButton
        box = question(self.window, self.tr("Delete routine"),
                       fill_in(self.tr("Delete your routine %1? It is moved to the trash "
                                       "folder, and Undo brings it back."),
                               one_line(entry.protocol.name)),
                       B.Yes | B.No, B.No, name="deleteQuestion")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        path, name = entry.path, entry.protocol.name
        box.finished.connect(lambda r: self._delete(path, name) if r == B.Yes else None)
        box.open()

    def _delete(self, path: Path, name: str) -> bool:
        trash = path.parent / TRASH
        target = trash / path.name
        n = 2
        while target.exists():
            target = trash / f"{path.stem}.{n}{path.suffix}"
            n += 1
        try:
            trash.mkdir(exist_ok=True)
            shutil.move(path, target)
        except OSError as exc:
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("Not deleted"),
                        f"{path.name}: {exc.strerror or exc}", name="deleteFailed").open()
            return False
        self.last_deleted = (target, path)
        self.host.reload_library()
        B = QMessageBox.StandardButton
        box = question(self.window, self.tr("Routine deleted"),
                       fill_in(self.tr("%1 was moved to %2."), one_line(name), trash),
                       B.Ok, B.Ok, name="deletedNotice")
        box.setIcon(QMessageBox.Icon.Information)
        undo = box.addButton(self.tr("&Undo"), QMessageBox.ButtonRole.ActionRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda b: self.undo_delete() if b is undo else None)
        self.deleted_notice = box
        box.open()
        return True

    def undo_delete(self) -> bool:
        if self.last_deleted is None:
            return False
        trashed, original = self.last_deleted
        if original.exists():
            self.host.statusBar().showMessage(
                fill_in(self.tr("%1 exists again; the deleted copy stays in the trash."),
                        original.name), 10000)
            return False
        try:
            shutil.move(trashed, original)
        except OSError as exc:
            self.host.statusBar().showMessage(str(exc.strerror or exc), 10000)
            return False
        self.last_deleted = None
        self.host.reload_library()
        return True

    # ----------------------------------------------------------------- library page

    def attach(self, page: LibraryPage) -> None:
        page.customize_requested.connect(self.customize)
        page.edit_requested.connect(self.edit)
        page.delete_requested.connect(self.delete)
        page.export_requested.connect(self.export)
        page.print_requested.connect(self.print_sheet)

    # ----------------------------------------------------------------- share and print

    def export(self, protocol_id: str, dest: Path | None = None) -> Path | None:
        """Save the routine, as its file says it, for someone else: asks where (unless
        ``dest`` is given), a .json or, with pictures or sounds of its own, a .zip."""
        read = self._read(protocol_id, own=False)
        if read is None:
            return None
        from soleus_coach.gui.library.share import export_draft

        return export_draft(self.window, read[1], self.host.services.assets_dir, dest)

    def print_sheet(self, protocol_id: str) -> None:
        """The print dialog for the routine's one-page sheet (in the window's language);
        its printer list includes printing to a PDF file."""
        from soleus_coach.gui.library.print_sheet import print_routine

        protocol = self.host.library.get(protocol_id)
        if protocol is not None:
            print_routine(self.window, protocol)

    def _saved(self, protocol: Protocol) -> None:
        self.host.reload_library()
        self.host.select_routine(protocol.id)
        self.host.statusBar().showMessage(
            fill_in(self.tr("Saved %1"), one_line(protocol.name)), 8000)

    # ----------------------------------------------------------------- try it

    def _try(self, editor: EditorWindow, protocol: Protocol) -> None:
        win = self.host
        if win.flow.busy:
            editor.statusBar().showMessage(self.tr("A routine is already running."), 8000)
            return
        bring_forward(self.window)
        if win.flow.start(protocol):
            self._trying = editor

    def _flow_state(self, state: object) -> None:
        """The routine tried is over (or was not started after all): back to its editor."""
        from soleus_coach.gui.session.flow import FlowState

        if state is not FlowState.IDLE:
            return
        editor, self._trying = self._trying, None
        if editor is not None and editor in self.editors:
            bring_forward(editor)


def install(host: EditorHost) -> EditorHub:
    return EditorHub(host)

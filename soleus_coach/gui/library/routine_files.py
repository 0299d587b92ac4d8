"""The user's own routine files from the main window: File → Import (a routine's .json or
.zip, checked as any routine, then copied into the user's folder) and File → Open protocol
folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from soleus_coach.gui.common.background import in_background
from soleus_coach.gui.common.plain import message_box, question
from soleus_coach.gui.common.services import Services
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line, shown

if TYPE_CHECKING:  # the protocol modules load after the first paint
    from soleus_coach.protocol import Library
    from soleus_coach.sharing import Clash, IdTaken, Imported


class RoutineFiles(QObject):
    """Imports routines into the user's folder and opens that folder; ``reload`` reads the
    library again after an import, ``status`` shows a line in the window's status bar."""

    imported = Signal(str)  # the id of a routine just imported

    def __init__(self, window: QWidget, services: Callable[[], Services],
                 library: Callable[[], Library], reload: Callable[[], None],
                 status: Callable[..., None]) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.library = library
        self.reload = reload
        self.status = status

    def open_folder(self) -> None:
        folder = self.services().user_protocols_dir
        from soleus_coach.protocol.library import ensure_user_folder

        try:
            ensure_user_folder(folder, self.services().schema_file)
        except OSError as exc:
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("Cannot create folder"),
                        self.tr("Your protocol folder could not be created:") +
                        f"\n{folder}\n{exc.strerror}").open()
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.status(fill_in(self.tr("Your protocols are in %1"), folder))

    def import_file(self, path: Path | None = None, clash: Clash | None = None) -> bool:
        """Check ``path`` (or one chosen in a file dialog) and copy it into the user's
        folder (:func:`soleus_coach.sharing.import_routine`: a bundled routine's id comes in
        as a copy). When one of the user's own routines has its id, ask: replace it, keep
        both, or cancel (answered later: False until then)."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import routine"), "",
                                                  self.tr("Routines (*.json *.zip)"))
            if not name:
                return False
            path = Path(name)
        from soleus_coach.sharing import Clash, import_routine, is_routine_zip

        library = self.library()
        services = self.services()

        def work() -> Imported:
            return import_routine(path, services.user_protocols_dir, services.assets_dir,
                                  own=library.own, bundled=library.bundled_ids,
                                  clash=clash or Clash.REFUSE, existing=library.files)

        if is_routine_zip(path):  # unpacked and checked off the GUI thread; said when done
            self.status(fill_in(self.tr("Reading %1…"), path.name), 0)
            in_background(self, work, lambda done: self._finish(path, done),
                          lambda exc: self._fail(path, exc))
            return False
        try:
            done = work()
        except Exception as exc:  # what _fail does not know is raised again
            self._fail(path, exc)
            return False
        return self._finish(path, done)

    def _fail(self, path: Path, exc: BaseException) -> None:
        from soleus_coach.protocol import ProtocolInvalid
        from soleus_coach.sharing import IdTaken

        self.status("", 1)
        if isinstance(exc, IdTaken):
            self._ask_replace(path, exc)
        elif isinstance(exc, ProtocolInvalid):
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("Not imported"),
                        fill_in(self.tr("%1 has problems; nothing was copied."), path.name),
                        "\n".join(str(e) for e in exc.errors), name="importErrors").open()
        elif isinstance(exc, OSError):
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("Not imported"),
                        f"{shown(path.name)}: {exc.strerror or exc}", name="importFailed").open()
        else:
            raise exc

    def _finish(self, path: Path, done: Imported) -> bool:
        if done.same_as is not None:
            self.status(fill_in(self.tr("“%1” is in your routines already: nothing was "
                                        "imported."), one_line(done.name)), 15000)
            self.imported.emit(done.protocol_id)
            return True
        self.reload()
        if done.copy_of is not None:
            text = fill_in(self.tr("Imported as a copy, “%1”: the routine %2 was kept as it "
                                   "is."), one_line(done.name), done.copy_of)
        else:
            text = fill_in(self.tr("Imported %1"), one_line(done.name))
        if done.renamed:
            text += " · " + self.tr("%n of its files renamed (another routine has a file "
                                    "of that name)", "", len(done.renamed))
        self.status(text, 15000)
        self.imported.emit(done.protocol_id)
        return True

    def _ask_replace(self, path: Path, exc: IdTaken) -> None:
        """One of the user's own routines has this id: replace it, keep both, or cancel."""
        existing = self.library().get(exc.protocol_id)
        box = question(self.window, self.tr("Replace your routine?"),
                       fill_in(self.tr("Your routine “%1” has the same id (%2). Replace it "
                                       "with the one in %3, or keep both?"),
                               one_line(existing.name if existing else exc.protocol_id),
                               exc.protocol_id, path.name),
                       QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
                       name="replaceProtocol")
        replace = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.DestructiveRole)
        both = box.addButton(self.tr("&Keep both"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(both)

        from soleus_coach.sharing import Clash

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is replace:
                self.import_file(path, Clash.REPLACE)
            elif clicked is both:
                self.import_file(path, Clash.COPY)

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

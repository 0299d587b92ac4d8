"""The user's own routine files from the main window: File → Import (a routine's .json or
.zip, checked as any routine, then copied into the user's folder) and File → Open protocol
folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from soleus_coach.gui.common.plain import message_box, question
from soleus_coach.gui.common.services import Services
from soleus_coach.texts import fill_in


class RoutineFiles(QObject):
    """Imports routines into the user's folder and opens that folder; ``reload`` reads the
    library again after an import, ``status`` shows a line in the window's status bar."""

    def __init__(self, window: QWidget, services: Callable[[], Services],
                 reload: Callable[[], None], status: Callable[..., None]) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
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

    def import_file(self, path: Path | None = None, *, replace: bool = False) -> bool:
        """Check ``path`` and copy it into the user's folder. A file of that name already
        there is replaced only after a question (answered later: False until then)."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import protocol"), "",
                                                  self.tr("Routines (*.json *.zip)"))
            if not name:
                return False
            path = Path(name)
        from soleus_coach.protocol import ProtocolInvalid
        from soleus_coach.sharing import import_file

        try:
            target = import_file(path, self.services().user_protocols_dir,
                                 self.services().assets_dir, replace=replace)
        except FileExistsError as exc:
            box = question(self.window, self.tr("Replace protocol?"),
                           fill_in(self.tr("You already have a file named %1. Replace it?"),
                                   Path(str(exc)).name),
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                           QMessageBox.StandardButton.No, name="replaceProtocol")
            chosen = path
            box.finished.connect(lambda r: self.import_file(chosen, replace=True)
                                 if r == QMessageBox.StandardButton.Yes else None)
            box.open()
            return False
        except ProtocolInvalid as exc:
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("Not imported"),
                        fill_in(self.tr("%1 has problems; nothing was copied."), path.name),
                        "\n".join(str(e) for e in exc.errors), name="importErrors").open()
            return False
        except OSError as exc:
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("Not imported"),
                        f"{path.name}: {exc.strerror or exc}").open()
            return False
        self.reload()
        self.status(fill_in(self.tr("Imported %1"), target.name), 10000)
        return True

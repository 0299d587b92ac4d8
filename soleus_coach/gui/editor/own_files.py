"""The routine's own pictures and sounds: chosen in a file dialog and copied beside the
routine (the format reads only files in the routine's folder). A copy that no saved version
of the routine names (chosen, then discarded or replaced) is removed when the editor closes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from soleus_coach import editing
from soleus_coach.gui.common.plain import message_box
from soleus_coach.protocol.library import named_files
from soleus_coach.protocol.model import Protocol


class OwnFiles(QObject):
    """The files an editor copied in, and those its saved routine names."""

    def __init__(self, window: QWidget, saved: Protocol) -> None:
        super().__init__(window)
        self.window = window
        self._copied: set[Path] = set()
        self._kept = set(named_files(saved))

    def ask_picture(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Choose a picture"), "",
                                              self.tr("Pictures (*.svg *.png)"))
        return Path(name) if name else None

    def ask_sound(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Choose a sound"), "",
                                              self.tr("Sounds (*.wav *.ogg *.mp3)"))
        return Path(name) if name else None

    def copy_in(self, source: Path, folder: Path) -> Path | None:
        """``source`` copied into ``folder`` under a name no other file there has; None
        (and a message saying why) when it cannot be."""
        try:
            target, copied = editing.copy_in(source, folder)
        except editing.NotOneOfOurs as exc:
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("File not copied"),
                        str(exc), name="copyFailed").open()
            return None
        except OSError as exc:
            message_box(self.window, QMessageBox.Icon.Warning, self.tr("File not copied"),
                        f"{source.name}: {exc.strerror or exc}", name="copyFailed").open()
            return None
        if copied:
            self._copied.add(target)
        return target

    def saved(self, protocol: Protocol) -> None:
        """``protocol`` was saved: the files it names are kept."""
        self._kept = set(named_files(protocol))

    def clean_up(self) -> None:
        """Remove the copies no saved version names (unless another editor saved a routine
        that names one since)."""
        for copy in self._copied - self._kept:
            if not editing.named_by_a_routine(copy):
                copy.unlink(missing_ok=True)
        self._copied &= self._kept

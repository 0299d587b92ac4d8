"""Export a routine from the window: where to (a save dialog), and what happened (a plain
message). The library page and the editor both use it; the file itself is written by
:mod:`soleus_coach.sharing`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from soleus_coach.atomic import ProtectedFile
from soleus_coach.gui.common.plain import message_box
from soleus_coach.protocol.model import Protocol
from soleus_coach.sharing import export_name, export_routine
from soleus_coach.texts import fill_in


def export_draft(parent: QWidget, protocol: Protocol, assets_dir: Path,
                 dest: Path | None = None) -> Path | None:
    """Export ``protocol`` (as written, not localized) to ``dest`` or where the user says;
    the file dialog has asked before replacing a file. Says what happened; gives the path
    written, or None."""
    if dest is None:
        name = export_name(protocol, assets_dir)
        if name.endswith(".zip"):
            kind = QCoreApplication.translate("Export", "Shared routine with its files (*.zip)")
        else:
            kind = QCoreApplication.translate("Export", "Routine (*.json)")
        title = QCoreApplication.translate("Export", "Export routine")
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name), kind)
        if not chosen:
            return None
        dest = Path(chosen)
    failed = QCoreApplication.translate("Export", "Not exported")
    try:
        written = export_routine(protocol, dest, force=True, assets_dir=assets_dir)
    except ProtectedFile:
        why = QCoreApplication.translate(
            "Export", "That file is one of Soleus Coach's own; choose another name.")
        message_box(parent, QMessageBox.Icon.Warning, failed, why, str(dest),
                    name="exportFailed").open()
        return None
    except (OSError, ValueError) as exc:
        why = fill_in(QCoreApplication.translate("Export", "%1 could not be written."),
                      dest.name)
        message_box(parent, QMessageBox.Icon.Warning, failed, why,
                    str(exc).splitlines()[0] if str(exc) else "", name="exportFailed").open()
        return None
    if isinstance(parent, QMainWindow):
        done = QCoreApplication.translate("Export", "Exported to %1")
        parent.statusBar().showMessage(fill_in(done, str(written)), 10000)
    return written

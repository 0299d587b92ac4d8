"""Export a routine from the window: where to (a save dialog), and what happened (a plain
message). The library page and the editor both use it; the file itself is written by
:mod:`soleus_coach.sharing`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from soleus_coach.atomic import ProtectedFile
from soleus_coach.gui.plain import message_box
from soleus_coach.protocol.model import Protocol
from soleus_coach.sharing import export_name, export_routine
from soleus_coach.texts import fill_in


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # lupdate looks for this name
    return source


ZIP_FILTER = QT_TRANSLATE_NOOP("Export", "Shared routine with its files (*.zip)")
JSON_FILTER = QT_TRANSLATE_NOOP("Export", "Routine (*.json)")
TITLE = QT_TRANSLATE_NOOP("Export", "Export routine")
NOT_EXPORTED = QT_TRANSLATE_NOOP("Export", "Not exported")
OWN_FILE = QT_TRANSLATE_NOOP("Export",
                             "That file is one of Soleus Coach's own; choose another name.")
NOT_WRITTEN = QT_TRANSLATE_NOOP("Export", "%1 could not be written.")
EXPORTED = QT_TRANSLATE_NOOP("Export", "Exported to %1")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def export_draft(parent: QWidget, protocol: Protocol, assets_dir: Path,
                 dest: Path | None = None) -> Path | None:
    """Export ``protocol`` (as written, not localized) to ``dest`` or where the user says;
    the file dialog has asked before replacing a file. Says what happened; gives the path
    written, or None."""
    if dest is None:
        name = export_name(protocol, assets_dir)
        kind = (_tr(ZIP_FILTER) if name.endswith(".zip")
                else _tr(JSON_FILTER))
        chosen, _ = QFileDialog.getSaveFileName(parent, _tr(TITLE),
                                                str(Path.home() / name), kind)
        if not chosen:
            return None
        dest = Path(chosen)
    try:
        written = export_routine(protocol, dest, force=True, assets_dir=assets_dir)
    except ProtectedFile:
        message_box(parent, QMessageBox.Icon.Warning, _tr(NOT_EXPORTED),
                    _tr(OWN_FILE), str(dest), name="exportFailed").open()
        return None
    except (OSError, ValueError) as exc:
        message_box(parent, QMessageBox.Icon.Warning, _tr(NOT_EXPORTED),
                    fill_in(_tr(NOT_WRITTEN), dest.name),
                    str(exc).splitlines()[0] if str(exc) else "", name="exportFailed").open()
        return None
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(
            fill_in(_tr(EXPORTED), str(written)), 10000)
    return written

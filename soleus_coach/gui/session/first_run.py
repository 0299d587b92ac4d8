"""The safety notice (Help → Safety notice; before anything else on the first start) and, on
the first start, the set-up after it: which calf hurts, and whether to ask about pain before
each routine. The session flow runs it as its first question, so that nothing else is asked
at the same time (a routine started with ``--start`` on a first start waits for it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from soleus_coach.settings import Settings


class FirstRun(QObject):
    """Shows the notice and, on the first run, the set-up after it, one at a time; what the
    person chose comes back as :attr:`settings_chosen`, then :attr:`finished` says whether
    the notice was read (False: closed with Esc, nothing else follows)."""

    settings_chosen = Signal(object)  # Settings
    finished = Signal(bool)  # the notice was acknowledged (and the set-up answered)

    def __init__(self, window: QWidget, settings: Callable[[], Settings]) -> None:
        super().__init__(window)
        self.window = window
        self._settings = settings
        #: The notice or the set-up while one is open.
        self.dialog: QDialog | None = None

    def show_notice(self, first_run: bool = False) -> None:
        """The safety notice; on the first run, the set-up follows it."""
        from soleus_coach.gui.session.safety_dialogs import FirstRunDialog

        dialog = FirstRunDialog(self.window)
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            read = result == QDialog.DialogCode.Accepted
            if first_run and read:
                self.settings_chosen.emit(replace(self._settings(),
                                                  first_run_acknowledged=True))
                self.show_setup()
            else:
                self.finished.emit(read)

        dialog.finished.connect(done)
        dialog.open()

    def show_setup(self) -> None:
        from soleus_coach.gui.session.setup_dialog import SetupDialog

        dialog = SetupDialog(self._settings(), self.window)
        self.dialog = dialog

        def done(_result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            self.settings_chosen.emit(dialog.value())  # Esc keeps what was chosen so far
            self.finished.emit(True)

        dialog.finished.connect(done)
        dialog.open()

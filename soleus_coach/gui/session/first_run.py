"""The safety notice (Help → Safety notice; before anything else on the first start) and, on
the first start, the set-up after it: which calf hurts, and whether to ask about pain before
each routine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from soleus_coach.settings import Settings


class FirstRun(QObject):
    """Shows the notice and the set-up, one at a time; what the person chose comes back as
    :attr:`settings_chosen`."""

    settings_chosen = Signal(object)  # Settings
    setup_done = Signal()  # the set-up was answered (or closed): the window takes the keys

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
            if first_run and result == QDialog.DialogCode.Accepted:
                self.settings_chosen.emit(replace(self._settings(),
                                                  first_run_acknowledged=True))
                self.show_setup()

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
            self.setup_done.emit()

        dialog.finished.connect(done)
        dialog.open()

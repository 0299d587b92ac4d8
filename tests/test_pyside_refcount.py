"""Guard against a PySide6 build that corrupts reference counts in signal delivery.

PySide6 6.12.0 under Python 3.11 decrefs None/True once per Python slot call, so a long
session (thousands of timer wake-ups and signals) dies with "deallocating None". The app
excludes that version; this test fails if an installed PySide6 has the bug again.
"""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Source(QObject):
    number = Signal(float, float, float)
    thing = Signal(object)
src, seen = Source(), []
src.number.connect(lambda a, b, c: seen.append(a))
src.thing.connect(lambda x: seen.append(x))
for i in range(20000):
    src.number.emit(1.0, 2.0, 3.0)
    src.thing.emit(None)
print(len(seen))
"""


def test_signals_to_python_slots_do_not_corrupt_refcounts() -> None:
    proc = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.strip() == "40000"

"""Programme → Make a programme…: a programme file without writing JSON. Its name, then
phases, each with its routines (picked from the library) and how often, the load, and when
to move on. Built on the routine editor's fields (:class:`FieldBox` shows each field's
problems beside it, :func:`spin`); what it checks is the one validator's word
(:func:`parse_programme` on the file it would write), so a saved file always loads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from soleus_coach.atomic import write_text_atomic
from soleus_coach.gui.common.plain import PlainLabel
from soleus_coach.gui.editor.fields import FieldBox, red_text, set_spin, spin
from soleus_coach.protocol import ProtocolInvalid
from soleus_coach.protocol.programme import Often, parse_programme
from soleus_coach.protocol.programme_spec import OFTEN, PROGRAMME_FORMAT
from soleus_coach.texts import fill_in
from soleus_coach.untrusted import one_line


def slug(name: str, taken: set[str]) -> str:
    """An id from a name: ``My calf plan`` → ``my-calf-plan`` (``-2``… when taken)."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:56] or "my-programme"
    found, n = base, 2
    while found in taken:
        found, n = f"{base}-{n}", n + 1
    return found


def new_phase(name: str, routine: str) -> dict[str, Any]:
    return {"name": name, "load": "Body weight",
            "routines": [{"routine": routine, "often": "once-a-day"}],
            "move_on": {"days": 7, "pain_during_max": 3}}


class MakerDialog(QDialog):
    saved = Signal(str)  # the programme's id

    def __init__(self, folder: Path, routines: list[tuple[str, str]], taken: set[str],
                 parent: QWidget | None = None,
                 write: Callable[[Path, str], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeMaker")
        self.setWindowTitle(self.tr("Make a programme"))
        self.folder, self.routines, self.taken = folder, routines, taken
        self._write = write or (lambda path, text: write_text_atomic(
            path, lambda fh: fh.write(text)))
        first = routines[0][0] if routines else ""
        self.doc: dict[str, Any] = {"format": PROGRAMME_FORMAT, "kind": "programme",
                                    "id": "", "name": "", "summary": "",
                                    "phases": [new_phase(self.tr("Phase 1"), first)]}
        self.problems: list[tuple[str, str]] = []
        self.name = QLineEdit()
        self.name.setObjectName("makerName")
        self.summary = QLineEdit()
        self.summary.setObjectName("makerSummary")
        self.weeks = spin(self.tr(" weeks"))
        self.weeks.setObjectName("makerWeeks")
        self.weeks.setSpecialValueText(self.tr("no end"))
        self.boxes: dict[str, FieldBox] = {"$.name": FieldBox(self.name),
                                           "$.summary": FieldBox(self.summary)}
        top = QFormLayout()
        top.addRow(self.tr("&Name:"), self.boxes["$.name"])
        top.addRow(self.tr("S&ummary:"), self.boxes["$.summary"])
        top.addRow(self.tr("&Length:"), self.weeks)
        self.phases = QListWidget()
        self.phases.setObjectName("makerPhases")
        add_phase = QPushButton(self.tr("&Add phase"))
        add_phase.setObjectName("makerAddPhase")
        add_phase.clicked.connect(self.add_phase)
        self.remove_phase = QPushButton(self.tr("&Remove phase"))
        self.remove_phase.clicked.connect(self._remove_phase)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Phases:")))
        left.addWidget(self.phases, 1)
        left.addWidget(add_phase)
        left.addWidget(self.remove_phase)
        self.form = QWidget()
        self.form_layout = QVBoxLayout(self.form)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.form, 3)
        self.general = PlainLabel()
        self.general.setObjectName("makerProblems")
        red_text(self.general)
        box = QDialogButtonBox()
        self.save_button = box.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("makerSave")
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.general)
        layout.addWidget(box)
        self.name.textEdited.connect(lambda t: self._set(("name",), t))
        self.summary.textEdited.connect(lambda t: self._set(("summary",), t))
        self.weeks.valueChanged.connect(self._weeks)
        self.phases.currentRowChanged.connect(self._show_phase)
        self._fill_phases(0)
        self.resize(900, 560)

    # ----------------------------------------------------------------- the draft

    def _set(self, path: tuple[Any, ...], value: Any) -> None:
        node: Any = self.doc
        for key in path[:-1]:
            node = node[key]
        if value is None:
            node.pop(path[-1], None)
        else:
            node[path[-1]] = value
        self.check()

    def _weeks(self, value: float) -> None:
        self._set(("weeks",), int(value) or None)

    def text(self) -> str:
        doc = dict(self.doc)
        doc["id"] = slug(self.doc["name"], self.taken)
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"

    def check(self) -> list[tuple[str, str]]:
        """Ask the validator about the file it would write; show each problem at its field
        (the rest below), and allow saving only without any."""
        last = len(self.doc["phases"]) - 1
        for i, phase in enumerate(self.doc["phases"]):  # the last phase has nowhere to go
            if i == last:
                phase.pop("move_on", None)
        try:
            parse_programme(self.text().encode(), "programme.json",
                            {rid for rid, _ in self.routines})
            self.problems = []
        except ProtocolInvalid as exc:
            self.problems = [(e.location, e.message) for e in exc.errors]
        placed: dict[str, list[str]] = {key: [] for key in self.boxes}
        rest = []
        for loc, msg in self.problems:
            key = next((k for k in sorted(self.boxes, key=len, reverse=True)
                        if loc == k or loc.startswith(k + ".") or loc.startswith(k + "[")),
                       None)
            if key is None:
                rest.append(f"{loc}: {msg}" if loc else msg)
            else:
                placed[key].append(msg)
        for key, box in self.boxes.items():
            box.set_problems(placed[key])
        self.general.setText("\n".join(rest))
        self.save_button.setEnabled(not self.problems)
        return self.problems

    def save(self) -> Path | None:
        """Write the programme into the folder as ``<id>.json`` (never over a file there);
        None, and the problem said, when it cannot."""
        if self.check():
            return None
        text = self.text()
        path = self.folder / f"{json.loads(text)['id']}.json"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._write(path, text)
        except OSError as exc:
            self.general.setText(fill_in(self.tr("Not saved: %1"), exc.strerror or exc))
            return None
        self.saved.emit(path.stem)
        self.accept()
        return path

    # ----------------------------------------------------------------- phases

    def _fill_phases(self, row: int) -> None:
        self.phases.blockSignals(True)
        self.phases.clear()
        for i, phase in enumerate(self.doc["phases"], 1):
            self.phases.addItem(fill_in(self.tr("%1. %2"), i, one_line(phase["name"]) or "…"))
        self.phases.blockSignals(False)
        self.phases.setCurrentRow(max(0, min(row, self.phases.count() - 1)))
        self._show_phase(self.phases.currentRow())
        self.remove_phase.setEnabled(self.phases.count() > 1)

    def add_phase(self) -> None:
        phases = self.doc["phases"]
        previous = phases[-1]
        phases.append(new_phase(fill_in(self.tr("Phase %1"), len(phases) + 1),
                                previous["routines"][0]["routine"] if previous["routines"]
                                else self.routines[0][0]))
        previous.setdefault("move_on", {"days": 7, "pain_during_max": 3})
        self._fill_phases(len(phases) - 1)
        self.check()

    def _remove_phase(self) -> None:
        row = self.phases.currentRow()
        if len(self.doc["phases"]) > 1 and row >= 0:
            del self.doc["phases"][row]
            self._fill_phases(row)
            self.check()

    def _show_phase(self, row: int) -> None:
        while self.form_layout.count():
            item = self.form_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # out of the dialog at once; gone at the next turn
                widget.deleteLater()
        self.boxes = {k: v for k, v in self.boxes.items() if not k.startswith("$.phases")}
        if not 0 <= row < len(self.doc["phases"]):
            return
        self.form_layout.addWidget(PhaseForm(self, row))
        self.check()


class PhaseForm(QWidget):
    """One phase: its name and load, its routines and how often, and moving on."""

    def __init__(self, maker: MakerDialog, row: int) -> None:
        super().__init__()
        self.setObjectName("phaseForm")
        self.maker, self.row = maker, row
        phase = maker.doc["phases"][row]
        at = f"$.phases[{row}]"
        self.name = QLineEdit(phase["name"])
        self.name.setObjectName("phaseName")
        self.load = QLineEdit(phase["load"])
        self.load.setObjectName("phaseLoad")
        maker.boxes[f"{at}.name"] = FieldBox(self.name)
        maker.boxes[f"{at}.load"] = FieldBox(self.load)
        form = QFormLayout()
        form.addRow(self.tr("Phase &name:"), maker.boxes[f"{at}.name"])
        form.addRow(self.tr("L&oad:"), maker.boxes[f"{at}.load"])
        self.name.textEdited.connect(self._renamed)
        self.load.textEdited.connect(lambda t: maker._set(("phases", row, "load"), t))
        self.grid = QGridLayout()
        for k, planned in enumerate(phase["routines"]):
            self._routine_row(k, planned, at)
        add = QPushButton(self.tr("Add rou&tine"))
        add.setObjectName("phaseAddRoutine")
        add.clicked.connect(self._add_routine)
        last = row == len(maker.doc["phases"]) - 1
        move = phase.get("move_on") or {"days": 7, "pain_during_max": 3}
        self.move_on = QCheckBox(self.tr("Suggest the next phase after"))
        self.move_on.setObjectName("phaseMoveOn")
        self.move_on.setChecked("move_on" in phase and not last)
        self.move_on.setEnabled(not last)
        self.days = spin(self.tr(" days in a row"))
        self.days.setObjectName("phaseMoveDays")
        set_spin(self.days, move["days"])
        self.pain = spin(self.tr("/10"))
        self.pain.setObjectName("phaseMovePain")
        set_spin(self.pain, move["pain_during_max"])
        maker.boxes[f"{at}.move_on"] = FieldBox(QWidget())
        moving = QHBoxLayout()
        for w in (self.move_on, self.days, QLabel(self.tr("with pain during at most")),
                  self.pain):
            moving.addWidget(w)
        moving.addStretch(1)
        self.move_on.toggled.connect(self._moving)
        self.days.valueChanged.connect(self._moving)
        self.pain.valueChanged.connect(self._moving)
        hint = QLabel(self.tr("…and every next morning settled (the pain-monitoring model).")
                      if not last else self.tr("The last phase: there is no next one."))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Routines, and how often:")))
        layout.addLayout(self.grid)
        layout.addWidget(add)
        layout.addLayout(moving)
        layout.addWidget(maker.boxes[f"{at}.move_on"])
        layout.addWidget(hint)
        layout.addStretch(1)

    def _routine_row(self, k: int, planned: dict[str, Any], at: str) -> None:
        maker, path = self.maker, ("phases", self.row, "routines", k)
        routine = QComboBox()
        routine.setObjectName(f"routine_{k}")
        for rid, name in maker.routines:
            routine.addItem(one_line(name), rid)
        routine.setCurrentIndex(max(0, routine.findData(planned["routine"])))
        often = QComboBox()
        often.setObjectName(f"often_{k}")
        words = {"after-every-run": self.tr("after every run"),
                 "before-every-run": self.tr("before every run"),
                 "once-a-day": self.tr("once a day"), "twice-a-day": self.tr("twice a day"),
                 "days-a-week": self.tr("days a week")}
        for value in OFTEN:
            often.addItem(words[value], value)
        often.setCurrentIndex(often.findData(planned["often"]))
        days = spin("")
        days.setObjectName(f"days_{k}")
        set_spin(days, planned.get("days", 3))
        days.setVisible(planned["often"] == Often.DAYS_A_WEEK.value)
        remove = QPushButton(self.tr("Remove"))
        remove.setEnabled(len(maker.doc["phases"][self.row]["routines"]) > 1)
        box = FieldBox(routine)
        maker.boxes[f"{at}.routines[{k}]"] = box
        for col, w in enumerate((box, often, days, remove)):
            self.grid.addWidget(w, k, col)

        def changed() -> None:
            entry = {"routine": routine.currentData(), "often": often.currentData()}
            if entry["often"] == Often.DAYS_A_WEEK.value:
                entry["days"] = int(days.value())
            if "label" in planned:
                entry["label"] = planned["label"]
            days.setVisible(entry["often"] == Often.DAYS_A_WEEK.value)
            maker._set(path, entry)

        routine.currentIndexChanged.connect(changed)
        often.currentIndexChanged.connect(changed)
        days.valueChanged.connect(changed)
        remove.clicked.connect(lambda: self._remove_routine(k))

    def _add_routine(self) -> None:
        self.maker.doc["phases"][self.row]["routines"].append(
            {"routine": self.maker.routines[0][0], "often": "once-a-day"})
        self.maker._show_phase(self.row)

    def _remove_routine(self, k: int) -> None:
        del self.maker.doc["phases"][self.row]["routines"][k]
        self.maker._show_phase(self.row)

    def _renamed(self, text: str) -> None:
        self.maker._set(("phases", self.row, "name"), text)
        item = self.maker.phases.item(self.row)
        if item is not None:
            item.setText(fill_in(self.tr("%1. %2"), self.row + 1, one_line(text) or "…"))

    def _moving(self, *_args: object) -> None:
        value = {"days": int(self.days.value()), "pain_during_max": int(self.pain.value())} \
            if self.move_on.isChecked() else None
        self.maker._set(("phases", self.row, "move_on"), value)

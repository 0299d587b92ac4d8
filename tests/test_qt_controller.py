"""The Qt adapter: one precise single-shot timer, only while running; signals mirror events."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from soleus_coach.cues import Cue
from soleus_coach.gui.session.controller import SessionController
from soleus_coach.protocol import Protocol, Range, Sides, StretchStep, When
from soleus_coach.session.clock import FakeClock, ScaledClock, SystemClock
from soleus_coach.session.engine import State
from soleus_coach.session.plan import build_plan
from soleus_coach.settings import Settings


def short_protocol() -> Protocol:
    step = StretchStep("Stretch", Range(6, 5, 10), Range(1, 1, 2), 2, Sides.LEFT, 1, ("x",))
    return Protocol("short", "Short", "s", When.ANY, (step,))


def make(qtbot: QtBot) -> tuple[SessionController, FakeClock]:
    clock = FakeClock()
    ctl = SessionController(build_plan(short_protocol(), Settings(get_ready_s=3)), clock)
    return ctl, clock


def test_timer_runs_only_while_running(qtbot: QtBot) -> None:
    ctl, _ = make(qtbot)
    assert not ctl.timer_active
    ctl.start()
    assert ctl.timer_active
    ctl.toggle_pause()
    assert not ctl.timer_active
    ctl.toggle_pause()
    assert ctl.timer_active
    ctl.stop()
    assert not ctl.timer_active and ctl.engine.state is State.STOPPED


def test_timer_is_precise_single_shot_and_due_at_the_next_second(qtbot: QtBot) -> None:
    ctl, _ = make(qtbot)
    ctl.start()
    timer = ctl.findChild(QTimer)
    assert timer is not None and timer.isSingleShot()
    assert timer.timerType().name == "PreciseTimer"
    assert 1000 <= timer.remainingTime() <= 1001


def test_signals_follow_the_clock(qtbot: QtBot) -> None:
    ctl, clock = make(qtbot)
    seen: list[Cue] = []
    ctl.cue.connect(lambda e: seen.append(e.cue))
    shown: list[float] = []
    ctl.remaining_changed.connect(lambda seg, total, frac: shown.append(seg))
    with qtbot.waitSignal(ctl.segment_started):
        ctl.start()
    assert shown == [3.0]
    clock.advance(1.0)
    ctl.process()
    assert shown[-1] == 2.0
    clock.advance(0.5)
    with qtbot.assertNotEmitted(ctl.remaining_changed):
        ctl.process()  # 1.5 s left still shows "0:02"
    with qtbot.waitSignal(ctl.finished) as blocker:
        while (wake := ctl.engine.next_wakeup()) is not None:
            clock.advance(wake - clock.now())
            ctl.process()
    assert blocker.args == [State.FINISHED]
    assert seen[0] is Cue.GET_READY and Cue.HOLD_START in seen and seen[-1] is Cue.COMPLETE


def test_real_timer_drives_a_scaled_session_to_the_end(qtbot: QtBot) -> None:
    clock = ScaledClock(SystemClock(), 200.0)
    ctl = SessionController(build_plan(short_protocol(), Settings(get_ready_s=3)), clock,
                            speed=200.0)
    with qtbot.waitSignal(ctl.finished, timeout=5000):
        ctl.start()
    assert ctl.engine.elapsed_wall_s == ctl.engine.planned_s

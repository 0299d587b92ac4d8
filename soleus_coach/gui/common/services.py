"""What the window needs from the outside world, in one value: folders, the settings store,
the clock, the history and the cue player. Tests pass temporary folders and a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from soleus_coach import paths
from soleus_coach.session.clock import Clock, clock_from_env
from soleus_coach.settings import SettingsStore

if TYPE_CHECKING:
    from soleus_coach.audio.player import CuePlayer
    from soleus_coach.history.store import HistoryStore
    from soleus_coach.protocol import Library


def _open_history() -> HistoryStore:
    from soleus_coach.history.store import open_store

    return open_store(paths.history_db_path())


@dataclass
class Services:
    """What the window needs from the outside world; tests pass temporary folders and a
    fake clock."""

    load_library: Callable[[], Library]
    settings_store: SettingsStore
    user_protocols_dir: Path
    schema_file: Path
    assets_dir: Path
    window_state_file: Path
    clock: Callable[[], tuple[Clock, float]] = clock_from_env
    open_history: Callable[[], HistoryStore] = _open_history
    #: The cue player (tests pass one with a recording back-end); None: the real one.
    make_player: Callable[[Path], CuePlayer] | None = None
    today: Callable[[], date] = date.today
    #: Local wall-clock time (what the home screen's Enter starts depends on it).
    now: Callable[[], datetime] = lambda: datetime.now().astimezone()
    #: Where the user's files are (shown in Help → About).
    data_dir: Path = field(default_factory=paths.data_dir)

"""Where things live. Every path is computed when asked, never at import time.

``SOLEUS_COACH_DATA_DIR`` moves everything the user owns (protocols, history, settings);
it is honoured here and nowhere else.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "soleus-coach"
#: Reverse-DNS id: the launcher, icon and AppStream file names, and Qt's desktop file name.
APP_ID = "io.github.soleuscoach.SoleusCoach"
DATA_DIR_ENV = "SOLEUS_COACH_DATA_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    """A top-level resource folder: inside the package when installed from a wheel,
    beside the package in a source checkout or an editable install."""
    packaged = _PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


def bundled_protocols_dir() -> Path:
    return _resource_dir("protocols")


def assets_dir() -> Path:
    return _resource_dir("assets")


def translations_dir() -> Path:
    """The compiled translations (``*.qm``), inside the package."""
    return _PACKAGE_DIR / "translations"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # imported late: only needed when no override is set

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What the app can make again (the system voice's rendered phrases): the platform's
    cache folder, or ``cache`` inside ``SOLEUS_COACH_DATA_DIR`` when that is set (tests and
    portable installs keep everything in one place)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def speech_cache_dir() -> Path:
    return cache_dir() / "speech"


def drafts_dir() -> Path:
    """Routines being edited when the app was told to quit (log-out, ``kill``): kept here
    to be opened again at the next start."""
    return data_dir() / "drafts"


def user_protocols_dir() -> Path:
    return data_dir() / "protocols"


def bundled_programmes_dir() -> Path:
    """The programmes shipped with the app (plans over weeks, which name routines)."""
    return bundled_protocols_dir() / "programmes"


def user_programmes_dir() -> Path:
    return user_protocols_dir() / "programmes"


def history_db_path() -> Path:
    return data_dir() / "history.sqlite3"


def settings_path() -> Path:
    return data_dir() / "settings.json"


def log_dir() -> Path:
    return data_dir() / "logs"


def window_state_path() -> Path:
    return data_dir() / "window.ini"


def is_own_data_file(path: Path) -> bool:
    """True for a file the app keeps its own data in (the history and its journal, backups
    and moved-aside copies, the settings, the window state, the lock): an export or any
    other file the user names must never be written over one of them."""
    try:
        target = path.resolve()
        folder = data_dir().resolve()
    except (OSError, RuntimeError):  # a link loop: not one of ours, and not writable either
        return False
    if target.parent == folder and _is_own_name(target.name):
        return True
    try:  # another name for one of them (a hard link)
        st = target.stat()
        return any(_is_own_name(p.name) and p.stat().st_ino == st.st_ino
                   and p.stat().st_dev == st.st_dev for p in folder.iterdir())
    except OSError:
        return False


def _is_own_name(name: str) -> bool:
    return name.startswith(history_db_path().name) or name in (
        settings_path().name, window_state_path().name, "soleus-coach.lock")

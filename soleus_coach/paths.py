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


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # imported late: only needed when no override is set

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_protocols_dir() -> Path:
    return data_dir() / "protocols"


def history_db_path() -> Path:
    return data_dir() / "history.sqlite3"


def settings_path() -> Path:
    return data_dir() / "settings.json"


def log_dir() -> Path:
    return data_dir() / "logs"

"""Register Soleus Coach with a Linux desktop for the current user (no root, no Qt).

``soleus-coach install-desktop`` (``make install-desktop``) copies the launcher, the icons
and the AppStream metadata under ``$XDG_DATA_HOME`` (``~/.local/share``), with the launcher
pointing at this very copy of the program; ``soleus-coach uninstall-desktop`` removes them.
The files themselves are in ``assets/desktop`` and ``assets/icons``, validated in CI with
``desktop-file-validate`` and ``appstreamcli validate``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from soleus_coach import paths

APP_ID = paths.APP_ID


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def program() -> str:
    """How the launcher should start this copy: the running ``soleus-coach`` script or
    standalone binary when there is one, else the name on the PATH."""
    argv0 = Path(sys.argv[0])
    if argv0.name.startswith("soleus-coach") and argv0.is_file():
        return str(argv0.resolve())
    if getattr(sys, "frozen", False):
        return str(Path(sys.executable).resolve())
    return shutil.which("soleus-coach") or "soleus-coach"


def _exec_quote(path: str) -> str:
    """Quote for a desktop file's Exec key (the spec's rules, not a shell's)."""
    if re.fullmatch(r"[A-Za-z0-9_./+-]+", path):
        return path
    escaped = re.sub(r'(["`$\\])', r"\\\1", path)
    return f'"{escaped}"'.replace("\\", "\\\\")


def targets(home: Path) -> dict[Path, Path]:
    """Installed file → its source in the app's assets."""
    assets = paths.assets_dir()
    out = {
        home / "applications" / f"{APP_ID}.desktop":
            assets / "desktop" / f"{APP_ID}.desktop",
        home / "metainfo" / f"{APP_ID}.metainfo.xml":
            assets / "desktop" / f"{APP_ID}.metainfo.xml",
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg":
            assets / "icons" / "soleus-coach.svg",
    }
    for png in sorted((assets / "icons" / "png").glob("soleus-coach-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        out[home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = png
    return out


def install(home: Path | None = None, exe: str | None = None) -> list[Path]:
    home = home or data_home()
    exe = _exec_quote(exe or program())
    written = []
    for target, source in targets(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".desktop":
            text = source.read_text(encoding="utf-8")
            text = re.sub(r"^Exec=soleus-coach", f"Exec={exe}", text, flags=re.MULTILINE)
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    _refresh(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    home = home or data_home()
    removed = []
    for target in targets(home):
        if target.exists():
            target.unlink()
            removed.append(target)
    _refresh(home)
    return removed


def _refresh(home: Path) -> None:
    """Tell the desktop's caches, where the tools exist (they are optional)."""
    for argv in (["update-desktop-database", "-q", str(home / "applications")],
                 ["gtk-update-icon-cache", "-q", "-f", "-t", str(home / "icons" / "hicolor")]):
        if shutil.which(argv[0]):
            subprocess.run(argv, check=False, capture_output=True, timeout=30)


# --- Start with the desktop session (freedesktop autostart) ----------------------------------


def config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def autostart_path(config: Path | None = None) -> Path:
    return (config or config_home()) / "autostart" / f"{APP_ID}.desktop"


def autostart_entry(exe: str | None = None) -> str:
    """The autostart file: the app, hidden in the tray (minimised where there is none).
    ``desktop-file-validate`` accepts it (tests/test_desktop.py)."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Name=Soleus Coach",
        "Comment=Daily reminder for your calf routine",
        "Comment[de]=Tägliche Erinnerung an Ihre Wadenroutine",
        f"Exec={_exec_quote(exe or program())} --hidden",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Utility;",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def autostart_enabled(config: Path | None = None) -> bool:
    return autostart_path(config).is_file()


def set_autostart(enabled: bool, config: Path | None = None, exe: str | None = None) -> Path:
    """Write or remove the autostart file (macOS and Windows: the README, "While you ice")."""
    path = autostart_path(config)
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(autostart_entry(exe), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
    return path

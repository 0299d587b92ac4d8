"""Desktop integration: the launcher and AppStream files validate, install for one user
with the right Exec line and icons, uninstall cleanly; the window carries the icon."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from soleus_coach import desktop, paths
from soleus_coach.gui.application import app_icon
from tests.conftest import need_tool

DESKTOP = paths.assets_dir() / "desktop" / f"{paths.APP_ID}.desktop"
METAINFO = paths.assets_dir() / "desktop" / f"{paths.APP_ID}.metainfo.xml"


def need(tool: str, missing: str = "") -> str:
    package = {"desktop-file-validate": "desktop-file-utils"}.get(tool, tool)
    return need_tool(tool, package, missing)


def test_the_launcher_file_validates() -> None:
    proc = subprocess.run([need("desktop-file-validate"), str(DESKTOP)], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.strip() == "", proc.stdout + proc.stderr


def test_the_appstream_file_validates() -> None:
    proc = subprocess.run([need("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "E:" not in proc.stdout and "W:" not in proc.stdout, proc.stdout


def test_install_for_this_user_and_uninstall(tmp_path: Path) -> None:
    exe = "/opt/Soleus Coach/soleus-coach"  # a space: the Exec key must quote it
    written = desktop.install(tmp_path, exe)
    launcher = tmp_path / "applications" / f"{paths.APP_ID}.desktop"
    assert launcher in written
    text = launcher.read_text(encoding="utf-8")
    assert 'Exec="/opt/Soleus Coach/soleus-coach"\n' in text
    assert 'Exec="/opt/Soleus Coach/soleus-coach" --start post-run-soleus' in text
    for size in (16, 32, 48, 128, 256, 512):
        assert (tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" /
                f"{paths.APP_ID}.png").is_file()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{paths.APP_ID}.svg"
            ).is_file()
    assert (tmp_path / "metainfo" / f"{paths.APP_ID}.metainfo.xml").is_file()
    kept = tmp_path.parent / f"{tmp_path.name}-launcher" / launcher.name  # validated last
    kept.parent.mkdir()
    kept.write_text(text, encoding="utf-8")
    removed = desktop.uninstall(tmp_path)
    assert sorted(removed) == sorted(written)
    assert not any(p.is_file() for p in tmp_path.rglob("*") if paths.APP_ID in p.name)
    proc = subprocess.run([need("desktop-file-validate", "the installed launcher was not "
                                "validated"), str(kept)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stdout


def test_the_command_line_installs_into_xdg_data_home(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from io import StringIO

    from soleus_coach import cli

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    out = StringIO()
    assert cli.main(["install-desktop"], out) == 0
    assert f"installed {tmp_path / 'applications' / (paths.APP_ID + '.desktop')}" in \
        out.getvalue()
    assert cli.main(["uninstall-desktop"], StringIO()) == 0
    assert not (tmp_path / "applications" / f"{paths.APP_ID}.desktop").exists()


def test_the_icon_has_every_size(qapp: QApplication) -> None:
    icon = app_icon()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 64, 128, 256} <= sizes
    pixmap = icon.pixmap(48, 48)
    assert not pixmap.isNull() and pixmap.width() == 48
    image = pixmap.toImage()
    assert image.pixelColor(24, 4).alpha() > 0 and image.pixelColor(0, 0).alpha() == 0

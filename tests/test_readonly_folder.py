"""A read-only data folder, for real: the check runs in a process that the kernel refuses
writes to (as root, with CAP_DAC_OVERRIDE dropped by ``setpriv``; as a user, plain chmod)."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from soleus_coach.history.records import SessionRecord, Status
from soleus_coach.history.store import open_store
from tests.conftest import unprivileged

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, sys
from datetime import UTC, datetime
from pathlib import Path
from soleus_coach.history.records import SessionRecord
from soleus_coach.history.store import open_store
from tests.conftest import unprivileged
store = open_store(Path(sys.argv[1]))
rows_before = [r.uid for r in store.sessions()]
store.save(SessionRecord(uid="new", protocol_id="p", protocol_name="P", protocol_digest="d",
                         started_at=datetime.now(UTC), planned_s=60))
print(json.dumps({"persistent": store.persistent, "notices": [n.text for n in store.notices],
                  "before": rows_before, "after": [r.uid for r in store.sessions()]}))
"""


def test_read_only_data_folder_shows_history_and_keeps_new_sessions_in_memory(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = data / "history.sqlite3"
    store = open_store(db)
    store.save(SessionRecord(uid="old", protocol_id="p", protocol_name="P", protocol_digest="d",
                             started_at=datetime(2026, 11, 1, tzinfo=UTC), planned_s=60,
                             status=Status.COMPLETED))
    store.close()
    before = db.read_bytes()
    for p in data.iterdir():
        p.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    data.chmod(0o555)
    try:
        out = subprocess.run([*unprivileged(), sys.executable, "-c", CHILD, str(db)],
                             cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    finally:
        data.chmod(0o755)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["persistent"] is False
    (notice,) = result["notices"]
    assert notice.startswith(f"History cannot be saved in {data}") and "export" in notice
    assert result["before"] == ["old"]  # what was there is still shown
    assert result["after"] == ["new", "old"]  # this run's session is kept, in memory
    assert db.read_bytes() == before

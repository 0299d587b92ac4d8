"""Session history: records, the SQLite store, the recorder, export. No Qt."""

from soleus_coach.history.records import (
    EventRecord,
    SegmentRecord,
    SessionRecord,
    SessionRow,
    Status,
    Summary,
    WeekStat,
)
from soleus_coach.history.store import (
    SCHEMA_VERSION,
    HistoryStore,
    Notice,
    NoticeKind,
    StoreWriteError,
    open_store,
)

__all__ = [
    "SCHEMA_VERSION",
    "EventRecord",
    "HistoryStore",
    "Notice",
    "NoticeKind",
    "SegmentRecord",
    "SessionRecord",
    "SessionRow",
    "Status",
    "StoreWriteError",
    "Summary",
    "WeekStat",
    "open_store",
]

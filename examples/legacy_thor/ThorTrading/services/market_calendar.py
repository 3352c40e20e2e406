"""Trading sessions of the markets Thor follows, and whether each is open at a given instant.

Shared by the supervisors (legacy world) and the heartbeat jobs (new world),
so both agree on "market open" and "pre-open window".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Session:
    market: str
    timezone: str
    opens: dt.time
    closes: dt.time
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})

    def local(self, now: dt.datetime) -> dt.datetime:
        return now.astimezone(ZoneInfo(self.timezone))

    def is_open(self, now: dt.datetime) -> bool:
        local = self.local(now)
        return local.weekday() in self.weekdays and self.opens <= local.time() < self.closes

    def seconds_to_open(self, now: dt.datetime) -> float | None:
        """Seconds until today's open, or None when the market does not open later today."""
        local = self.local(now)
        if local.weekday() not in self.weekdays:
            return None
        opening = local.replace(hour=self.opens.hour, minute=self.opens.minute, second=0, microsecond=0)
        delta = (opening - local).total_seconds()
        return delta if delta > 0 else None


SESSIONS: tuple[Session, ...] = (
    Session("XNYS", "America/New_York", dt.time(9, 30), dt.time(16, 0)),
    Session("XLON", "Europe/London", dt.time(8, 0), dt.time(16, 30)),
    Session("XTKS", "Asia/Tokyo", dt.time(9, 0), dt.time(15, 0)),
)


def session(market: str) -> Session:
    for candidate in SESSIONS:
        if candidate.market == market:
            return candidate
    raise KeyError(f"unknown market {market!r}")


def open_markets(now: dt.datetime | None = None) -> list[str]:
    now = now or dt.datetime.now(dt.timezone.utc)
    return [s.market for s in SESSIONS if s.is_open(now)]

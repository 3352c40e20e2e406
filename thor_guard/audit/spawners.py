"""The table of known spawners, as data: ``module:qualname`` -> what calling it starts.

Every API that starts background work is one :class:`Spawner` row, and the
graph builder, the text pre-filter and ``docs/audit.md`` all read this one
table. A team adds its own wrappers with ``audit-spawners`` in the
configuration (see :func:`parse_spawner_entries`); those rows are appended to
the built-in ones for that run.

How a row is matched depends on its ``role``:

``call``
    calling ``module.qualname`` starts the work (``threading.Thread(...)``,
    ``gevent.spawn(f)``). When ``qualname`` is ``Class.method`` the row is a
    method of instances of ``module.Class`` (``ThreadPoolExecutor.submit``,
    ``BackgroundScheduler.start``). Module ``*`` means "a method of that name on
    any receiver whose type is not known" (``loop.run_in_executor``).
``decorator``
    decorating a function with it registers the function to run in the
    background (uWSGI ``@timer(30)``, ``@cron``, ``@spool``); the site is the
    decorator and the target the decorated function.
``wrapper``
    a function decorated with it starts a new thread *each time it is called*
    (``@uwsgidecorators.thread``); every call of such a function is a site.
``job``
    hands a function to a runner that is started elsewhere (APScheduler's
    ``add_job``, ``schedule``'s ``.do(job)``): not a site of its own, but the
    function runs in the background, so sleeping loops in it count.

``subclass`` marks classes whose project subclasses start work when
constructed and started; their ``run()`` is the implicit target.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, NamedTuple

from thor_guard.suggest import did_you_mean

Role = Literal["call", "decorator", "wrapper", "job"]
ROLES: tuple[str, ...] = ("call", "decorator", "wrapper", "job")
KINDS: tuple[str, ...] = (
    "thread",
    "timer",
    "process",
    "executor",
    "task",
    "sched",
    "scheduler",
    "greenlet",
    "beat",
    "cron",
    "spooler",
    "signal-handler",
)
"""Spawn kinds a row may name (``loop`` is reserved for sleeping ``while`` loops)."""
TARGET_KEYWORDS: tuple[str, ...] = ("target", "function", "fn", "func")
"""Keyword arguments that hand over the function to run, for every ``call`` row."""
MAX_TARGET_POSITION = 2
"""Configured rows name their function argument among the first three."""


class Spawner(NamedTuple):
    """One known spawner (a NamedTuple: the table is built at import, and dataclass creation costs more).

    ``target`` is the position of the argument holding the function to run
    (0-based, after ``self``, at most :data:`MAX_TARGET_POSITION`), or None when the work has no
    function argument (``Pool(4)``); the keywords in :data:`TARGET_KEYWORDS`
    are always tried first. ``marker`` is the word whose presence in a file's
    bytes makes the file worth parsing (default: the last name of
    ``qualname``, or the class for a method row).
    """

    name: str
    kind: str
    role: Role = "call"
    target: int | None = None
    subclass: bool = False
    marker: str | tuple[str, ...] | None = None

    @property
    def module(self) -> str:
        return self.name.split(":", 1)[0]

    @property
    def qualname(self) -> str:
        return self.name.split(":", 1)[1]

    @property
    def dotted(self) -> str:
        return f"{self.module}.{self.qualname}"

    @property
    def is_method(self) -> bool:
        return "." in self.qualname or self.module == "*"

    def search_words(self) -> tuple[str, ...]:
        if self.marker:
            return (self.marker,) if isinstance(self.marker, str) else self.marker
        if self.module == "*":
            return (self.qualname,)
        return (self.qualname.split(".")[0] if self.is_method else self.qualname.rsplit(".", 1)[-1],)


def _rows(kind: str, names: Iterable[str], **options: object) -> list[Spawner]:
    return [Spawner(name, kind, **options) for name in names]  # type: ignore[arg-type]


# Each word costs one search of every file on a cold run (measured: about the same per word,
# long or short), so related rows share one: a file that uses gevent or eventlet imports it,
# and one that only uses a pool built elsewhere is found by that pool's name.
_GEVENT = "gevent"
_EVENTLET = "eventlet"

_SCHEDULERS = (
    "apscheduler.schedulers.background:BackgroundScheduler",
    "apscheduler.schedulers.blocking:BlockingScheduler",
    "apscheduler.schedulers.asyncio:AsyncIOScheduler",
    "apscheduler.schedulers.gevent:GeventScheduler",
    "apscheduler.schedulers.tornado:TornadoScheduler",
    "apscheduler.schedulers.twisted:TwistedScheduler",
    "apscheduler.schedulers.qt:QtScheduler",
)
_EXECUTORS = (
    "concurrent.futures:ThreadPoolExecutor",
    "concurrent.futures:ProcessPoolExecutor",
    "concurrent.futures.thread:ThreadPoolExecutor",
    "concurrent.futures.process:ProcessPoolExecutor",
)

BUILTIN_SPAWNERS: tuple[Spawner, ...] = (
    # threading and _thread
    *_rows("thread", ("threading:Thread",), target=1, subclass=True),
    *_rows("timer", ("threading:Timer",), target=1, subclass=True),
    *_rows("thread", ("_thread:start_new_thread", "_thread:start_new", "thread:start_new_thread"), target=0),
    # multiprocessing
    *_rows(
        "process",
        ("multiprocessing:Process", "multiprocessing.context:Process", "multiprocessing.process:BaseProcess"),
        target=1,
        subclass=True,
    ),
    *_rows(
        "process",
        ("multiprocessing.context:SpawnProcess", "multiprocessing.context:ForkProcess", "multiprocessing.context:ForkServerProcess"),
        target=1,
        subclass=True,
    ),
    *_rows("process", ("multiprocessing:Pool", "multiprocessing.pool:Pool"), subclass=True, marker="Pool"),
    *_rows("thread", ("multiprocessing.pool:ThreadPool", "multiprocessing.dummy:Pool"), subclass=True, marker="Pool"),
    Spawner("multiprocessing:get_context.Process", "process", target=1, marker="Process"),
    Spawner("multiprocessing:get_context.Pool", "process", marker="Pool"),
    # concurrent.futures: creating an executor starts nothing; submitting work does
    *(Spawner(f"{e}.{m}", "executor", target=0) for e in _EXECUTORS for m in ("submit", "map")),
    # asyncio
    *_rows("task", ("asyncio:create_task", "asyncio:ensure_future", "asyncio.tasks:create_task", "asyncio.tasks:ensure_future"), target=0),
    Spawner("asyncio:run_coroutine_threadsafe", "task", target=0),
    Spawner("*:create_task", "task", target=0),
    Spawner("*:ensure_future", "task", target=0),
    Spawner("*:run_in_executor", "executor", target=1),
    # sched
    Spawner("sched:scheduler.run", "sched", marker="sched"),
    # APScheduler 3 (schedulers run jobs in their own threads once started) and 4
    *(Spawner(f"{s}.start", "scheduler", marker="sched") for s in _SCHEDULERS),
    *(Spawner(f"{s}.add_job", "scheduler", role="job", target=0) for s in _SCHEDULERS),
    *(Spawner(f"{s}.scheduled_job", "scheduler", role="decorator", marker="sched") for s in _SCHEDULERS),
    Spawner("apscheduler:Scheduler.start_in_background", "scheduler", marker="sched"),
    Spawner("apscheduler:Scheduler.run_until_stopped", "scheduler", marker="sched"),
    Spawner("apscheduler:Scheduler.add_schedule", "scheduler", role="job", target=0, marker="apscheduler"),
    Spawner("apscheduler:AsyncScheduler.start_in_background", "scheduler", marker="sched"),
    # the ``schedule`` package: jobs run wherever run_pending() is called (a loop in a thread)
    Spawner("schedule:every.do", "scheduler", role="job", target=0, marker="schedule"),
    # gevent and eventlet
    *_rows("greenlet", ("gevent:spawn", "gevent.greenlet:Greenlet.spawn", "gevent:Greenlet.spawn"), target=0, marker=_GEVENT),
    Spawner("gevent:spawn_raw", "greenlet", target=0, marker=_GEVENT),
    *_rows("greenlet", ("gevent:spawn_later", "gevent.greenlet:Greenlet.spawn_later"), target=1, marker=_GEVENT),
    Spawner("gevent:Greenlet", "greenlet", target=0, subclass=True, marker=_GEVENT),
    Spawner("gevent.pool:Pool.spawn", "greenlet", target=0, marker=_GEVENT),
    Spawner("gevent.pool:Group.spawn", "greenlet", target=0, marker=_GEVENT),
    *_rows("greenlet", ("eventlet:spawn", "eventlet.greenthread:spawn"), target=0, marker=_EVENTLET),
    *_rows("greenlet", ("eventlet:spawn_n", "eventlet.greenthread:spawn_n"), target=0, marker=_EVENTLET),
    *_rows("greenlet", ("eventlet:spawn_after", "eventlet.greenthread:spawn_after"), target=1, marker=_EVENTLET),
    Spawner("eventlet:GreenPool.spawn", "greenlet", target=0, marker=_EVENTLET),
    Spawner("eventlet:GreenPool.spawn_n", "greenlet", target=0, marker=_EVENTLET),
    # uWSGI: decorators that run the function in the background, and signal handlers
    Spawner("uwsgidecorators:thread", "thread", role="wrapper", marker="uwsgi"),
    *_rows("timer", ("uwsgidecorators:timer", "uwsgidecorators:rbtimer", "uwsgidecorators:filemon"), role="decorator", marker="uwsgi"),
    Spawner("uwsgidecorators:cron", "cron", role="decorator", marker="uwsgi"),
    *_rows("spooler", ("uwsgidecorators:spool", "uwsgidecorators:spoolforever", "uwsgidecorators:spoolraw"), role="decorator", marker="uwsgi"),
    Spawner("uwsgidecorators:mulefunc", "process", role="decorator", marker="uwsgi"),
    Spawner("uwsgi:register_signal", "signal-handler", target=2, marker="uwsgi"),
    # Celery beat: periodic tasks registered from a hook
    Spawner("*:add_periodic_task", "beat", target=1, marker="add_periodic_task"),
)


class SpawnerTable:
    """The rows of one run, indexed for the graph builder's lookups."""

    __slots__ = ("any_receiver", "bases", "calls", "decorators", "method_names", "methods", "rows", "wrappers")

    def __init__(self, rows: tuple[Spawner, ...]) -> None:
        self.rows = rows
        self.calls: dict[str, Spawner] = {}
        """dotted callable -> row (functions and constructors)."""
        self.methods: dict[tuple[str, str], Spawner] = {}
        """(dotted type, method) -> row."""
        self.method_names: set[str] = set()
        """The method names of ``methods`` (most external method calls are none of them)."""
        self.any_receiver: dict[str, Spawner] = {}
        """method name -> row, for ``*:`` rows."""
        self.decorators: dict[str, Spawner] = {}
        self.wrappers: dict[str, Spawner] = {}
        self.bases: dict[str, Spawner] = {}
        """dotted class -> row, for classes whose subclasses spawn."""

    @classmethod
    def build(cls, extra: Sequence[Spawner] = ()) -> SpawnerTable:
        """The built-in rows plus ``extra`` (the built-in table alone is built once and shared)."""
        global _BUILTIN_TABLE
        if not extra and _BUILTIN_TABLE is not None:
            return _BUILTIN_TABLE
        table = cls(tuple((*BUILTIN_SPAWNERS, *extra)))
        for row in table.rows:
            if row.role == "decorator":
                table.decorators[row.dotted] = row
            elif row.role == "wrapper":
                table.wrappers[row.dotted] = row
            elif row.module == "*":
                table.any_receiver[row.qualname] = row
            elif row.is_method and row.role in ("call", "job"):
                owner, method = row.dotted.rsplit(".", 1)
                table.methods[(owner, method)] = row
                table.method_names.add(method)
                table.calls.setdefault(row.dotted, row)  # a project class's method is matched by its dotted name
            else:
                table.calls[row.dotted] = row
            if row.subclass:
                table.bases[row.dotted] = row
        if not extra:
            _BUILTIN_TABLE = table
        return table

    def markers(self) -> tuple[bytes, ...]:
        """The words whose presence makes a file worth parsing (each at most once)."""
        words = {word.encode("ascii", "ignore") for row in self.rows if row.role != "job" for word in row.search_words()}
        words.discard(b"")
        # A word that contains another one adds nothing to a substring test ("Thread" covers "ThreadPool").
        return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))

    def method_row(self, owner: str, method: str) -> Spawner | None:
        """The row for ``method`` of an instance of ``owner`` (or of an attribute chain off one:
        ``schedule.every(5).seconds.do`` is ``do`` on ``schedule.every.seconds``)."""
        if method not in self.method_names:
            return None
        row = self.methods.get((owner, method))
        while row is None and "." in owner:
            owner = owner.rsplit(".", 1)[0]
            row = self.methods.get((owner, method))
        return row

    def target_positions(self, rows: Sequence[Spawner] = BUILTIN_SPAWNERS) -> dict[str, int]:
        """Last name of a row -> position of its function argument (what the extractor records as the target)."""
        positions: dict[str, int] = {}
        for row in rows:
            if row.target is not None and row.role in ("call", "job"):
                positions.setdefault(row.qualname.rsplit(".", 1)[-1], row.target)
        return positions


_BUILTIN_TABLE: SpawnerTable | None = None

_ENTRY_KEYS = ("spawner", "kind", "role", "target")


def parse_spawner_entries(values: object, key: str = "audit-spawners") -> tuple[Spawner, ...]:
    """Validate the ``audit-spawners`` configuration value into rows.

    Each entry is either a string ``"module:qualname"`` (a function or
    constructor that starts a thread, whose function argument is the first
    positional one or ``target=``/``function=``/``fn=``/``func=``) or a table
    ``{ spawner = "module:qualname", kind = "thread", role = "call", target = 0 }``.
    Raises :class:`ValueError` with a one-line message naming the bad entry.
    """
    from thor_guard.errors import TargetError
    from thor_guard.targets import Target

    if isinstance(values, str) or not isinstance(values, list):
        raise ValueError(f"'{key}' must be a list of 'module:qualname' strings or tables, got {values!r}")
    rows: list[Spawner] = []
    for entry in values:
        table: Mapping[str, object]
        if isinstance(entry, str):
            table = {"spawner": entry}
        elif isinstance(entry, dict):
            table = entry
        else:
            raise ValueError(f"'{key}' entry {entry!r} must be a string or a table")
        for name in table:
            if name not in _ENTRY_KEYS:
                raise ValueError(f"unknown key '{name}' in '{key}' entry{did_you_mean(name, _ENTRY_KEYS)}")
        spawner = table.get("spawner")
        if not isinstance(spawner, str):
            raise ValueError(f"'{key}' entry {entry!r} needs 'spawner = \"module:qualname\"'")
        try:
            target = Target.parse(spawner, allow_wildcards=False, what=f"'{key}' entry")
        except TargetError as exc:
            raise ValueError(exc.message) from exc
        kind = table.get("kind", "thread")
        if kind not in KINDS:
            raise ValueError(f"'{key}' entry {spawner!r}: unknown kind {kind!r}{did_you_mean(str(kind), KINDS)}; choose one of {', '.join(KINDS)}")
        role = table.get("role", "call")
        if role not in ROLES:
            raise ValueError(f"'{key}' entry {spawner!r}: unknown role {role!r}{did_you_mean(str(role), ROLES)}; choose one of {', '.join(ROLES)}")
        position = table.get("target", 0 if role in ("call", "job") else None)
        if position is not None and (not isinstance(position, int) or isinstance(position, bool) or not 0 <= position <= MAX_TARGET_POSITION):
            raise ValueError(
                f"'{key}' entry {spawner!r}: 'target' must be the position of the function argument, "
                f"0 to {MAX_TARGET_POSITION}, got {position!r}"
            )
        rows.append(Spawner(str(target), str(kind), role=role, target=position))  # type: ignore[arg-type]
    return tuple(rows)

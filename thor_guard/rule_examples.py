"""Bad and good snippets for every rule, beside the rules: the tests run them and docs/rules.md shows them.

Each example is a whole module placed at ``services/feed.py`` of a scratch
project whose manifest holds ``target``. A *bad* example must produce exactly
its rule's code, a *good* one nothing. ``render_rules_markdown()`` writes
docs/rules.md from this table, so the documentation cannot drift from what
the verifier does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from heartbeat.mode import value_space
from thor_guard.rules import RULES


def value_table_markdown(variable: str = "THOR_SCHEDULER_MODE") -> list[str]:
    """The value table (the heartbeat's own predicate applied to the verifier's value space), as markdown lines."""
    out = [
        "## The value table",
        "",
        f"One predicate decides the world (`heartbeat.mode.is_heartbeat_world`): {variable} unset, or a value whose",
        "`.lower()` is `heartbeat`, is the heartbeat world (every legacy starter must return at once); every other value is the",
        "legacy world (the starters run, `run-heartbeat` refuses with exit 2). `check` evaluates every guard over these values",
        "and reports TG003/TG004/TG006 or TG012 when the guard and the heartbeat disagree on one of them. It also walks every",
        "string the guard compares the value with (computed ones too, like `\"heartbeat\"[:-1]`) in its case spellings,",
        "paddings and `\\r`-terminated; a test on the value that these cannot decide (its length, a slice, a prefix, a",
        "comparison with an unknown value) is TG012 as well (docs/check.md \"Worlds\").",
        "",
        "| value | kind | world |",
        "|-------|------|-------|",
    ]
    for row in value_space():
        shown = "unset" if row.value is None else f"`{row.value!r}`"
        out.append(f"| {shown} | {row.kind} | {row.world} |")
    return out

EXAMPLE_MODULE = "services.feed"
"""Module name of every example (the file ``services/feed.py`` under the project root)."""


@dataclass(frozen=True)
class Example:
    title: str
    source: str
    target: str = f"{EXAMPLE_MODULE}:FeedService.start"
    config: Mapping[str, object] = field(default_factory=dict)
    """Extra ``[tool.thor-guard]`` keys (e.g. ``stale-flags``)."""
    files: Mapping[str, str] = field(default_factory=dict)
    """Other project files, path relative to the project root -> source (helper modules)."""


@dataclass(frozen=True)
class RuleDoc:
    code: str
    why: str
    fix: str
    bad: tuple[Example, ...]
    good: tuple[Example, ...]

    @property
    def name(self) -> str:
        return RULES[self.code].name


_HEAD = "import logging\nimport os\nimport threading\n\nlogger = logging.getLogger(__name__)\n\n\n"

_TRACED_HEAD = (
    "import logging\nimport os\nimport threading\n\nfrom services.tracing import traced\n\nlogger = logging.getLogger(__name__)\n\n\n"
    "@traced\ndef heartbeat_mode_active() -> bool:\n    return os.getenv(\"THOR_SCHEDULER_MODE\", \"heartbeat\").lower() == \"heartbeat\"\n\n\n"
)

CANONICAL = _HEAD + '''class FeedService:
    def start(self) -> None:
        """Start the feed thread (legacy scheduler only)."""
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.debug("Skipping legacy FeedService.start (heartbeat scheduler mode active)")
            return
        threading.Thread(target=self.run, daemon=True).start()

    def run(self) -> None:
        pass
'''


def _service(guard: str, *, head: str = _HEAD, signature: str = "def start(self) -> None:", tail: str = "") -> str:
    """A FeedService whose ``start`` begins with ``guard`` (indented 8 spaces) and then starts a thread."""
    body = "\n".join(("        " + line) if line else "" for line in guard.strip("\n").splitlines())
    return (
        head
        + "class FeedService:\n"
        + f"    {signature}\n"
        + body
        + "\n        threading.Thread(target=self.run, daemon=True).start()\n"
        + ("        return True\n" if "-> bool" in signature else "")
        + "\n    def run(self) -> None:\n        pass\n"
        + tail
    )


RULE_DOCS: tuple[RuleDoc, ...] = (
    RuleDoc(
        "TG000",
        "A suppression comment must name the codes it silences and give a reason, so that silencing a "
        "finding stays a reviewed decision. A bare `# thor-guard: ignore`, an unknown code or a missing "
        "reason suppresses nothing and is reported itself.",
        "Write `# thor-guard: ignore[TG00N] -- reason` on the `def` line.",
        bad=(
            Example("bare ignore", CANONICAL.replace("def start(self) -> None:", "def start(self) -> None:  # thor-guard: ignore")),
            Example("no reason", CANONICAL.replace("def start(self) -> None:", "def start(self) -> None:  # thor-guard: ignore[TG001]")),
            Example("unknown code", CANONICAL.replace("def start(self) -> None:", "def start(self) -> None:  # thor-guard: ignore[TG1] -- typo")),
        ),
        good=(
            Example(
                "codes and a reason",
                _HEAD
                + "class FeedService:\n    def start(self) -> None:  # thor-guard: ignore[TG001] -- started by hand from the ops shell only\n"
                + "        threading.Thread(target=print).start()\n",
            ),
        ),
    ),
    RuleDoc(
        "TG001",
        "The entry point has no scheduler-mode guard: in heartbeat mode it starts its legacy thread next to the heartbeat.",
        "Run `thor-guard apply`, which inserts the canonical guard after the docstring.",
        bad=(
            Example("no guard at all", _service("self.running = True")),
            Example("a guard on an unrelated condition", _service("if self.running:\n    return")),
            Example(
                "a kill switch is not a mode guard (apply inserts the guard above it and keeps it)",
                _service('if os.environ.get("FEED_DISABLED"):\n    return'),
            ),
        ),
        good=(
            Example("the canonical guard", CANONICAL),
            Example(
                "os.getenv and a docstring and a comment before the guard",
                _service('"""Start the feed."""\n# heartbeat owns periodic work now\nif os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    return'),
            ),
            Example(
                "a local `import os` as the first statement",
                _service('import os\nif os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    return', head="import logging\nimport threading\n\n\n"),
            ),
            Example(
                "`import os as _os`, `.casefold()` and a log call that formats with a method call",
                _service(
                    'if _os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").casefold() in ("heartbeat",):\n'
                    '    logger.info("Skipping legacy %s", type(self).__name__.upper())\n    return',
                    head="import logging\nimport os as _os\nimport threading\n\nlogger = logging.getLogger(__name__)\n\n\n",
                ),
            ),
            Example(
                "`-> bool` that returns False; `from os import getenv`",
                _service(
                    'if getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    return False',
                    head="import threading\nfrom os import getenv\n\n\n",
                    signature="def start(self) -> bool:",
                ),
            ),
            Example(
                "`environ` imported from os, an `is None` test and a `raise`",
                _service(
                    'mode = environ.get("THOR_SCHEDULER_MODE")\nif mode is None or mode.lower() in {"heartbeat"}:\n    raise RuntimeError("legacy feed disabled in heartbeat mode")',
                    head="import threading\nfrom os import environ\n\n\n",
                ),
            ),
            Example(
                "a guard helper in another project module",
                _service("if heartbeat_mode_active():\n    return", head="import threading\n\nfrom services.mode import heartbeat_mode_active\n\n\n"),
                files={
                    "services/mode.py": 'import os\n\n\ndef heartbeat_mode_active() -> bool:\n    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"\n'
                },
            ),
            Example(
                "a guard helper in the same module, on an async method of a nested class",
                _HEAD
                + "def _heartbeat() -> bool:\n    return os.getenv(\"THOR_SCHEDULER_MODE\", \"heartbeat\").lower() == \"heartbeat\"\n\n\n"
                + "class Outer:\n    class FeedService:\n        @staticmethod\n        async def start() -> None:\n            if _heartbeat():\n                return\n"
                + "            threading.Thread(target=print).start()\n",
                target=f"{EXAMPLE_MODULE}:Outer.FeedService.start",
            ),
        ),
    ),
    RuleDoc(
        "TG002",
        "A guard exists, but something with a side effect runs before it in heartbeat mode. The message names the expression and, "
        "in parentheses, why it may have an effect: the call chain to a state change, or the project module a "
        "standard-library import, codec or traceback may load.",
        "Move the guard to the top of the function (`thor-guard apply` does this when the guard depends only on the environment).",
        bad=(
            Example(
                "a check and a call before the guard",
                _service('if self.disabled:\n    return\nself.load_symbols()\nif os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    return'),
            ),
            Example(
                "the guard stops something before returning",
                _service('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    self.stop_feed()\n    return'),
            ),
        ),
        good=(
            Example(
                "a side-effect-free check before the guard",
                _service('if self.disabled:\n    return\nif os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    return'),
            ),
        ),
    ),
    RuleDoc(
        "TG003",
        "An unset variable must mean heartbeat. Without a default (or with the legacy value as default, or with "
        "`os.environ[...]`, which raises KeyError) an unconfigured process would run the legacy threads or crash.",
        "Read `os.environ.get(\"THOR_SCHEDULER_MODE\", \"heartbeat\")`.",
        bad=(
            Example("no default", _service('mode = os.environ.get("THOR_SCHEDULER_MODE")\nif mode and mode.lower() == "heartbeat":\n    return')),
            Example("`os.environ[...]`", _service('if os.environ["THOR_SCHEDULER_MODE"].lower() == "heartbeat":\n    return')),
            Example("legacy as the default", _service('if os.getenv("THOR_SCHEDULER_MODE", "legacy").lower() == "heartbeat":\n    return')),
        ),
        good=(Example("default heartbeat", CANONICAL),),
    ),
    RuleDoc(
        "TG004",
        "`Heartbeat` and `HEARTBEAT` mean heartbeat too; a case-sensitive comparison would run the legacy body for them.",
        "Compare the value's `.lower()` (or `.casefold()`).",
        bad=(Example("no .lower()", _service('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat") == "heartbeat":\n    return')),),
        good=(Example("with .lower()", CANONICAL),),
    ),
    RuleDoc(
        "TG005",
        "The guard's branch logs but neither returns nor raises, so the legacy body runs anyway.",
        "End the branch with `return` (or `return False`/`return None` where the function's contract needs it).",
        bad=(
            Example(
                "logs but does not return",
                _service('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    logger.info("heartbeat mode: legacy feed should not start")'),
            ),
        ),
        good=(Example("returns", CANONICAL),),
    ),
    RuleDoc(
        "TG006",
        "The guard exits in legacy mode or runs in heartbeat mode: the condition is inverted or compares against the wrong value.",
        "Return when the mode *is* heartbeat: `.lower() == \"heartbeat\"` with the default `\"heartbeat\"`.",
        bad=(
            Example("`!=` instead of `==`", _service('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() != "heartbeat":\n    return')),
            Example("compares against the legacy value", _service('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "legacy":\n    return')),
        ),
        good=(
            Example(
                "the legacy body in the `else` branch of `!= \"heartbeat\"`",
                _service('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() != "heartbeat":\n    pass\nelse:\n    return'),
            ),
        ),
    ),
    RuleDoc(
        "TG007",
        "The guard reads another variable than the mode variable: an older opt-in flag (listed in `stale-flags`) or a misspelling. "
        "The scheduler mode is never consulted, so heartbeat mode does not stop the legacy thread. "
        "A name that contains the mode variable (`THOR_SCHEDULER_MODE_OLD`) or the heartbeat value (`HEARTBEAT_ENABLED`), "
        "or a read whose default is `\"heartbeat\"`, counts "
        "as meant for the mode too; a test of any other variable (a kill switch such as `FEED_DISABLED`, `RUN_MAIN`) is no "
        "mode guard at all: TG001.",
        "Run `thor-guard apply`: it rewrites the condition to the canonical form and keeps the log call and return value.",
        bad=(
            Example(
                "the older opt-in flag",
                _service('if os.getenv("HEARTBEAT_ENABLED", "").lower() in {"1", "true", "yes"}:\n    return'),
                config={"stale-flags": ["HEARTBEAT_ENABLED"]},
            ),
            Example("a misspelled variable", _service('if os.getenv("THOR_SCHEDULR_MODE", "heartbeat").lower() == "heartbeat":\n    return')),
        ),
        good=(Example("the mode variable", CANONICAL, config={"stale-flags": ["HEARTBEAT_ENABLED"]}),),
    ),
    RuleDoc(
        "TG008",
        "A manifest entry matches no function: the function or its module was renamed or moved, so it is not checked at all.",
        "Fix the entry in `[tool.thor-guard] entry-points`; use `*` when the class name differs from the module name.",
        bad=(Example("the class was renamed", CANONICAL.replace("class FeedService", "class _FeedMonitor")),),
        good=(
            Example(
                "a wildcard for a private class named differently from its module",
                CANONICAL.replace("class FeedService", "class _FeedMonitor"),
                target=f"{EXAMPLE_MODULE}:*.start",
            ),
        ),
    ),
    RuleDoc(
        "TG009",
        "The guard uses something the verifier cannot prove: a name whose bindings are not all known (rebound, "
        "star-imported, `global`-assigned), a decorator that may replace the function, a context manager that may run code, "
        "a recursive or too deeply nested helper. The message names the binding or construct and its line.",
        "Use the canonical guard; remove the rebinding or decorator, or list a decorator that calls the function unchanged in "
        "`transparent-decorators` and an installed helper in `guard-helpers`.",
        bad=(
            Example(
                "`os` is rebound later in the module",
                _service('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    return', head=_HEAD + "class _Compat:\n    environ: dict[str, str] = {}\n\n\nos = _Compat()\n\n\n"),
            ),
            Example(
                "a decorated guard helper",
                _service("if heartbeat_mode_active():\n    return", head=_TRACED_HEAD),
            ),
        ),
        good=(
            Example(
                "a configured guard helper",
                _service("if mode.heartbeat_mode_active():\n    return", head="import threading\n\nfrom services import mode\n\n\n"),
                config={"guard-helpers": ["services.mode:heartbeat_mode_active"]},
                files={"services/mode.py": 'import os\n\n\ndef heartbeat_mode_active() -> bool:\n    """True in the heartbeat world."""\n    return os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"\n'},
            ),
            Example(
                "a decorator listed in `transparent-decorators`",
                _service("if heartbeat_mode_active():\n    return", head=_TRACED_HEAD),
                config={"transparent-decorators": ["services.tracing.traced"]},
                files={"services/tracing.py": 'import functools\n\n\ndef traced(function):\n    """Log each call of ``function`` (returns a wrapper that calls it unchanged)."""\n\n    @functools.wraps(function)\n    def wrapper(*args, **kwargs):\n        return function(*args, **kwargs)\n\n    return wrapper\n'},
            ),
        ),
    ),
    RuleDoc(
        "TG012",
        "For some value of the variable the guard and the heartbeat disagree: the heartbeat runs when the variable is unset or "
        "its `.lower()` is `heartbeat` and refuses every other value (see the value table below). A guard that exits for "
        "`\"\"`, `\" legacy\"` or `\"heartbeat \"` leaves neither world running; one that does not exit for a value the heartbeat "
        "accepts runs both. So does a later test on the value that ends the starter for a value the heartbeat refuses, "
        "even after a report (`if mode != \"legacy\": print(...); return`, `raise CommandError(...)`, `assert mode == "
        "\"legacy\"`, an `else:` that only reports, a helper that reports and raises, a wait loop on the variable, a "
        "per-mode lookup that raises for the values it does not list): every value the heartbeat refuses must run the "
        "legacy body, i.e. every path it takes must be a path of `legacy`. The message names the value.",
        "Compare exactly as the heartbeat does: `os.environ.get(\"THOR_SCHEDULER_MODE\", \"heartbeat\").lower() == \"heartbeat\"`.",
        bad=(
            Example("`!= \"legacy\"` (exits for `\"\"` and `\" legacy\"`)", _service('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() != "legacy":\n    return')),
            Example("`.strip()` (exits for `\"heartbeat \"`)", _service('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").strip().lower() == "heartbeat":\n    return')),
            Example("`.startswith(\"heart\")`", _service('if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower().startswith("heart"):\n    return')),
            Example(
                "a test the value table cannot decide (`len(mode) == 3` returns for `\"abc\"`)",
                _service('mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\nif mode == "heartbeat" or len(mode) == 3:\n    return'),
            ),
            Example(
                "a second test after the guard that stops a legacy value",
                _service('mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\nif mode == "heartbeat":\n    return\nif mode != "legacy":\n    return'),
            ),
            Example(
                "a record, then an exit, for the values other than `legacy` (`''` and `'bogus'` run neither world)",
                _service('mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\nif mode == "heartbeat":\n    return\nif mode != "legacy":\n    self.refused_mode = mode\n    return'),
            ),
            Example(
                "a per-mode lookup after the guard that raises for the values it does not list (`ValueError` for `''`)",
                _service('mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\nif mode == "heartbeat":\n    return\nself.slot = ("legacy",).index(mode)'),
            ),
        ),
        good=(
            Example("the canonical guard", CANONICAL),
            Example(
                "unset or `.lower()` equal, spelled out",
                _service('mode = os.environ.get("THOR_SCHEDULER_MODE")\nif mode is None or mode.lower() == "heartbeat":\n    return'),
            ),
            Example(
                "other values the heartbeat refuses get a note and a different setting, then the same work",
                _service('mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\nif mode == "heartbeat":\n    return\nif mode != "legacy":\n    print(f"unusual THOR_SCHEDULER_MODE {mode!r}")\n    self.interval = 30'),
            ),
        ),
    ),
)

EXAMPLES: dict[str, RuleDoc] = {doc.code: doc for doc in RULE_DOCS}


_INERT_TARGET = """import os
import threading
import time


def stream_quotes() -> None:
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    while True:
        time.sleep(1)


"""

AUDIT_RULE_DOCS: tuple[RuleDoc, ...] = (
    RuleDoc(
        "TG013",
        "`audit` found a thread (or timer, process...) that starts in heartbeat mode, but the function it runs is an entry "
        "point that the verifier proves returns at once in heartbeat mode: the thread starts, does nothing and ends. It is "
        "not a long-lived spawn, so it is reported at a lower severity than TG010; `--explain` prints the proof.",
        "Move the guard up into the function that starts the thread, so that nothing starts at all.",
        bad=(Example("the guard sits in the thread's target", _INERT_TARGET + "threading.Thread(target=stream_quotes, daemon=True).start()\n", target=f"{EXAMPLE_MODULE}:stream_quotes"),),
        good=(
            Example(
                "the starter is guarded",
                _INERT_TARGET
                + """def start() -> None:
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=stream_quotes, daemon=True).start()


start()
""",
                target=f"{EXAMPLE_MODULE}:start",
            ),
        ),
    ),
)
"""Examples of audit rules: the audit tests run them (``check`` does not report these codes)."""


def _snippet(example: Example) -> str:
    parts = [f"```python\n# {example.title}  —  entry point {example.target}\n{example.source.rstrip()}\n```"]
    for path, source in example.files.items():
        parts.append(f"```python\n# {path}\n{source.rstrip()}\n```")
    if example.config:
        toml = "\n".join(f"{key} = {_toml(value)}" for key, value in example.config.items())
        parts.append(f"```toml\n[tool.thor-guard]\n{toml}\n```")
    return "\n\n".join(parts)


def _toml(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return f'"{value}"'


def render_rules_markdown() -> str:
    """The text of docs/rules.md (a test keeps the file equal to this)."""
    out = [
        "# thor-guard rules",
        "",
        "<!-- Generated from thor_guard/rule_examples.py by render_rules_markdown(); edit that file, not this one. -->",
        "",
        "Every code is stable. `check` reports TG000–TG009 and TG012; `audit` reports TG010, TG011 and TG013 (see docs/audit.md).",
        "Each rule below shows bad examples (the tests assert they produce exactly that code) and good ones",
        "(the tests assert they produce nothing).",
        "",
        *value_table_markdown(),
        "",
        "| code | name | severity | meaning |",
        "|------|------|----------|---------|",
    ]
    for rule in RULES.values():
        out.append(f"| [{rule.code}](#{rule.code.lower()}) | {rule.name} | {rule.severity} | {rule.summary} |")
    for doc in (*RULE_DOCS, *AUDIT_RULE_DOCS):
        rule = RULES[doc.code]
        out += ["", f"## {doc.code}", "", f"**{rule.name}** ({rule.severity}): {rule.summary}.", "", doc.why, "", f"Fix: {doc.fix}", "", "### Bad", ""]
        out += [_snippet(e) + "\n" for e in doc.bad]
        out += ["### Good", ""]
        out += [_snippet(e) + "\n" for e in doc.good]
    return "\n".join(out).rstrip() + "\n"

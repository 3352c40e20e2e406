"""A moved guard never jumps over a write of the environment, however it is spelled (reviews RA-3, AR2-6).

``os.environb[b"VAR"] = ...`` (the bytes view of the same environment), ``getattr(os, "environ")[...]``,
``vars(os)["environ"][...]``, ``os.__dict__["environ"]``, an alias of the ``os`` module, a computed
attribute name: each set the mode variable before the late guard, and the move made legacy mode run a body
it never ran. Generated prefixes of such writes and harmless reads are put before a late guard; the module
is run before and after ``apply`` in a subprocess with ``THOR_SCHEDULER_MODE=legacy``: the side effects and
the result must be identical.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thor_guard.apply import transform_source
from thor_guard.config import build_config

WRITES = {
    "environ": 'os.environ["THOR_SCHEDULER_MODE"] = "{v}"',
    "environb": 'os.environb[b"THOR_SCHEDULER_MODE"] = b"{v}"',
    "getattr": 'getattr(os, "environ")["THOR_SCHEDULER_MODE"] = "{v}"',
    "getattr_b": 'getattr(os, "environb")[b"THOR_SCHEDULER_MODE"] = b"{v}"',
    "getattr_computed": 'getattr(os, "envi" + "ron").update(THOR_SCHEDULER_MODE="{v}")',
    "vars": 'vars(os)["environ"]["THOR_SCHEDULER_MODE"] = "{v}"',
    "dict": 'os.__dict__["environ"].setdefault("THOR_SCHEDULER_MODE", "{v}")',
    "module_alias": 'o = os\no.environ["THOR_SCHEDULER_MODE"] = "{v}"',
    "sys_modules": 'sys.modules["os"].environb[b"THOR_SCHEDULER_MODE"] = b"{v}"',
    "import_module": 'importlib.import_module("os").environ.update(THOR_SCHEDULER_MODE="{v}")',
    "pop": 'os.environ.pop("THOR_SCHEDULER_MODE", None)',
    "attrgetter": 'operator.attrgetter("environ")(os)["THOR_SCHEDULER_MODE"] = "{v}"',
    # review RA-3's spellings: the mapping itself handed on or bound
    "handed": 'operator.setitem(os.environ, "THOR_SCHEDULER_MODE", "{v}")',
    "local_alias": 'env = os.environ\nenv["THOR_SCHEDULER_MODE"] = "{v}"',
    "bytes_alias": 'envb = os.environb\nenvb.update({b"THOR_SCHEDULER_MODE": b"{v}"})',
}
READS = {
    "get": 'effect("home", os.environ.get("HOME") is not None)',
    "len": 'effect("n", len(os.environ) > 0)',
    "path": 'effect("join", os.path.join("a", "b"))',
    "plain": 'effect("prep")',
}
HEADER = (
    "import importlib\nimport logging\nimport operator\nimport os\nimport sys\n\nfrom sentinel import effect\n\n"
    "logger = logging.getLogger(__name__)\n\n\n"
)
GUARD = 'if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n    logger.info("skip")\n    return\n'
SENTINEL = "LOG = []\n\n\ndef effect(*args):\n    LOG.append([repr(a) for a in args])\n"
RUN = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
import sentinel
out = []
for name in ("before", "after"):
    os.environ["THOR_SCHEDULER_MODE"] = "legacy"
    sentinel.LOG.clear()
    module = __import__(name)
    try:
        result = repr(module.start())
    except Exception as exc:
        result = type(exc).__name__
    out.append([result, list(sentinel.LOG)])
print(json.dumps(out))
"""


def _module(prefix: list[str]) -> str:
    body = "".join(line + "\n" for statement in prefix for line in statement.splitlines()) + GUARD + 'effect("body")\n'
    return HEADER + "def start():\n" + "".join("    " + line + "\n" for line in body.splitlines())


@st.composite
def prefixes(draw: st.DrawFn) -> list[str]:
    value = draw(st.sampled_from(["heartbeat", "HEARTBEAT", "legacy"]))
    write = WRITES[draw(st.sampled_from(sorted(WRITES)))].replace("{v}", value)
    reads = [READS[name] for name in draw(st.lists(st.sampled_from(sorted(READS)), max_size=2))]
    at = draw(st.integers(0, len(reads)))
    return [*reads[:at], write, *reads[at:]]


@settings(max_examples=50, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefixes())
def test_legacy_behaviour_survives_every_spelling_of_an_environment_write(tmp_path_factory, prefix: list[str]) -> None:  # type: ignore[no-untyped-def]
    source = _module(prefix).encode()
    config = build_config({"preset": "none", "entry-points": ["m:start"]}, root=Path("/generated"))
    result = transform_source(Path("/generated/m.py"), "m", source, config, None)
    assert result.error is None, result.error
    (outcome,) = result.functions
    assert outcome.action == "needs-person" and "may write os.environ" in outcome.detail, (outcome, source.decode())
    directory = tmp_path_factory.mktemp("environ")
    (directory / "sentinel.py").write_text(SENTINEL)
    (directory / "before.py").write_bytes(source)
    (directory / "after.py").write_bytes(result.updated)
    done = subprocess.run([sys.executable, "-c", RUN, str(directory)], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    before, after = json.loads(done.stdout)
    assert after == before, source.decode()


def test_reads_alone_still_allow_the_move() -> None:
    source = _module([READS["get"], READS["len"], READS["path"], READS["plain"]]).encode()
    config = build_config({"preset": "none", "entry-points": ["m:start"]}, root=Path("/generated"))
    result = transform_source(Path("/generated/m.py"), "m", source, config, None)
    (outcome,) = result.functions
    assert outcome.action == "fixed", outcome
    assert result.updated.decode().split("def start():\n", 1)[1].startswith("    if os.environ.get(")

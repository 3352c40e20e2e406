"""Sample outputs in README.md and docs/*.md, re-made from real runs so they cannot drift.

A fenced block right after a marker comment is a sample:

* ``<!-- sample: NAME -->`` before a ``text`` block: the block is the output
  of the last command of :data:`SAMPLES[NAME] <SAMPLES>` (earlier commands
  are set-up, run first in the same tree);
* ``<!-- transcript: NAME -->`` before a ``console`` block: every ``$ ...``
  line in the block is run in turn and the lines after it are its output.

Commands run for real, through the installed ``thor-guard`` console script,
in a scratch copy of the repository's layout (a git repository holding a copy
of ``examples/legacy_thor``), stdout and stderr merged as a terminal shows
them. A line ``...`` in a block stands for any number of real lines, so long
outputs can be shown in part; the lines shown must still be real. Parts that
change from run to run (timestamps, host:pid, durations) are listed per
sample in :attr:`Sample.varying` and compared as placeholders; the docs say
which parts vary.

Check the docs:      python -m pytest tests/docs
Re-make the samples: python -m tests.docs.samples --update   (then review the diff)
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "legacy_thor"
DOCUMENTS = (REPO / "README.md", *sorted((REPO / "docs").glob("*.md")))
ELLIPSIS = "..."

_MARKER = re.compile(r"^<!-- (sample|transcript): ([\w-]+) -->$")

# Run-to-run variation of the heartbeat's output (the README says which parts vary).
_TIMESTAMP = (r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d[,.]\d{3}Z?", "<time>")
_LOCK_HASH = (r"legacy_thor-[0-9a-f]{8}", "legacy_thor-<hash>")
_HOST_PID = (r"(Leader: |leader:  )\S+:\d+", r"\1<host>:<pid>")
# The lock file in /tmp remembers the last fencing token: 1 on a path's first run, then one more per run.
_TOKEN = (r"(fencing token |fencing_token=)\d+", r"\1<n>")
# Ticks after the first: which jobs are due depends on the wall clock, and on a busy machine an overrun
# coalesces ticks (their lines are missing); only the first tick is compared.
_LATER_TICKS = (r"(?m)^.*heartbeat: tick=([2-9]|\d\d+) cadence=\w+ jobs_due=\[[^\]]*\](\n|$)", "")
_JOB_RUNS = (r"\(\d+ job runs", "(<n> job runs")
# preopen_backtest is due only in the 60 s before a session opens (e.g. 23:00 UTC): on the first tick too, whether
# it is listed depends on the time of day the sample is run, so it is left out of the comparison.
_WINDOWED_JOB = (r"(?m)^(.*jobs_due=\[[^\]]*?)(?:, preopen_backtest(?=[,\]])|preopen_backtest(?:, |(?=\])))", r"\1")
# On a busy machine a tick may overrun the next grid point; the heartbeat says so in a WARNING line.
_OVERRUN = (r"(?m)^\S+ \S+ WARNING +heartbeat: tick=\d+ ran past the next grid point.*(\n|$)", "")
_AGO = (r"\(\d+(\.\d+)? s ago\)", "(<t> s ago)")
_MISSED = (r"ticks_missed=\d+", "ticks_missed=<n>")
_STATUS_ROW = (r"(?m)^(\w+ +\d+s \w+ +)<time> +\d+\.\dms ok +\d+ +0 +0 +0 +\d+ *$", r"\1<time> <took> ok <runs> 0 0 0 <miss>")


@dataclass(frozen=True)
class Sample:
    """How to re-make one marked block."""

    commands: tuple[str, ...] = ()
    """Shell-like command lines (``thor-guard ...`` only); the last one's output is the sample.
    For a transcript they are set-up, run before the block's own ``$`` lines."""
    cwd: str = "."
    """Where the commands run, relative to the scratch repository root."""
    varying: tuple[tuple[str, str], ...] = ()
    """``(regex, replacement)`` pairs applied to both the real output and the block before comparing."""
    env: tuple[tuple[str, str], ...] = ()
    """Extra environment variables for the commands."""
    slow: bool = False
    """True when re-making it takes seconds of wall time (the heartbeat ticks for real)."""


SAMPLES: dict[str, Sample] = {
    "quickstart-check": Sample(("thor-guard check examples/legacy_thor",)),
    "quickstart-heartbeat": Sample(
        ("thor-guard run-heartbeat --max-ticks 5",),
        cwd="examples/legacy_thor",
        varying=(_OVERRUN, _TIMESTAMP, _LOCK_HASH, _HOST_PID, _TOKEN, _LATER_TICKS, _JOB_RUNS, _WINDOWED_JOB),
        slow=True,
    ),
    "quickstart-status": Sample(
        ("thor-guard run-heartbeat --max-ticks 5", "thor-guard heartbeat-status"),
        cwd="examples/legacy_thor",
        varying=(_TIMESTAMP, _LOCK_HASH, _HOST_PID, _TOKEN, _AGO, _MISSED, _STATUS_ROW),
        slow=True,
    ),
    "migrate": Sample(),
    "audit-example": Sample(("thor-guard audit examples/legacy_thor",)),
    "check-example": Sample(),
    "check-json": Sample(("thor-guard check --format json --select TG002",), cwd="examples/legacy_thor"),
    "check-explain": Sample(cwd="examples/explain_feed"),
    "check-github": Sample(("thor-guard check --format github --select TG002",), cwd="examples/legacy_thor"),
    "audit-doc": Sample(),
    "heartbeat-doc": Sample(
        ("thor-guard run-heartbeat --max-ticks 5 --fast-tick 0.2",),
        cwd="examples/legacy_thor",
        varying=(_OVERRUN, _TIMESTAMP, _LOCK_HASH, _HOST_PID, _TOKEN, _LATER_TICKS, _JOB_RUNS, _WINDOWED_JOB),
        slow=True,
    ),
    "heartbeat-doc-status": Sample(
        ("thor-guard run-heartbeat --max-ticks 5 --fast-tick 0.2",),
        cwd="examples/legacy_thor",
        varying=(_TIMESTAMP, _LOCK_HASH, _HOST_PID, _TOKEN, _AGO, _MISSED, _STATUS_ROW),
        slow=True,
    ),
}


@dataclass
class Block:
    """One marked fenced block of one document; ``start``/``end`` index its content lines."""

    document: Path
    kind: str
    name: str
    start: int
    end: int
    lines: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.document.relative_to(REPO)}:{self.start}"


def find_blocks(document: Path) -> Iterator[Block]:
    """Every marked block of ``document``; a marker not followed by a fenced block is an error."""
    lines = document.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        match = _MARKER.match(line.strip())
        if not match:
            continue
        fence = index + 1
        if fence >= len(lines) or not lines[fence].startswith("```"):
            raise ValueError(f"{document.relative_to(REPO)}:{index + 1}: marker '{line.strip()}' is not followed by a fenced block")
        end = next((i for i in range(fence + 1, len(lines)) if lines[i].startswith("```")), None)
        if end is None:
            raise ValueError(f"{document.relative_to(REPO)}:{fence + 1}: unterminated fenced block")
        yield Block(document, match.group(1), match.group(2), fence + 1, end, lines[fence + 1 : end])


# -- running -----------------------------------------------------------------------


def console_command() -> list[str]:
    script = Path(sys.executable).with_name("thor-guard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "thor_guard"]


def make_scratch(root: Path) -> Path:
    """A repository-shaped scratch tree: ``git init`` plus a clean copy of every example project."""
    root.mkdir(parents=True, exist_ok=True)
    for example in sorted(p for p in EXAMPLE.parent.iterdir() if (p / "pyproject.toml").is_file()):
        ignore = shutil.ignore_patterns(".thor_guard_cache", "__pycache__", "var", "*.sqlite3")
        shutil.copytree(example, root / "examples" / example.name, ignore=ignore)
    subprocess.run(["git", "init", "-q", str(root)], check=True, timeout=30)
    return root


def run_command(line: str, cwd: Path, env: Sequence[tuple[str, str]] = ()) -> str:
    """Run one ``thor-guard ...`` line as a user would in a terminal; return stdout and stderr merged."""
    argv = shlex.split(line)
    if not argv or argv[0] != "thor-guard":
        raise ValueError(f"samples run only thor-guard commands, not {line!r}")
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "FORCE_COLOR")}
    # Unbuffered, so stdout and stderr interleave as on a terminal; no colour, as in the docs.
    environment.update({"PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", **dict(env)})
    done = subprocess.run(
        [*console_command(), *argv[1:]],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    return done.stdout


_HEARTBEAT_FILES = re.compile(r"(/\S*thor-guard-heartbeat-[\w.-]+?-[0-9a-f]{8,})\.(?:lock|status\.json)")


def remove_heartbeat_files(output: Sequence[str]) -> None:
    """Delete the lock and status files a sample's heartbeat run left in the temp directory (named in its output)."""
    for stem in {match.group(1) for line in output for match in _HEARTBEAT_FILES.finditer(line)}:
        for suffix in (".lock", ".status.json"):
            Path(stem + suffix).unlink(missing_ok=True)


_STATE_FILES = """
from pathlib import Path
from heartbeat.cli import _prepare
settings = _prepare(None, None, check_mode=False)
print(settings.resolved_lock_path)
print(settings.resolved_status_path)
"""


def clear_heartbeat_state(cwd: Path) -> None:
    """Delete the lock and status files of the project in ``cwd`` before a sample runs its heartbeat.

    They live outside the scratch tree (``/run/lock``), are named from the project's lock
    identity (the same for every copy of the example) and keep fencing tokens, slot claims,
    counters and history: a sample shows a first run, as on a fresh machine.
    """
    done = subprocess.run([sys.executable, "-c", _STATE_FILES], cwd=cwd, capture_output=True, text=True, timeout=60, check=True)
    for line in done.stdout.splitlines():
        if line.strip():
            Path(line.strip()).unlink(missing_ok=True)


def real_lines(block: Block, scratch: Path) -> list[str]:
    """Run what ``block`` shows and return the real lines it should hold (``$`` lines included for transcripts).

    The lock and status files of heartbeat runs are removed afterwards: they live outside the scratch tree.
    """
    set_up: list[str] = []
    lines = _real_lines(block, scratch, set_up)
    remove_heartbeat_files([*set_up, *lines])
    return lines


def _real_lines(block: Block, scratch: Path, set_up: list[str]) -> list[str]:
    sample = SAMPLES.get(block.name)
    if sample is None:
        raise KeyError(f"{block.where}: no sample named {block.name!r} in tests/docs/samples.py")
    cwd = scratch / sample.cwd
    if sample.slow:
        clear_heartbeat_state(cwd)
    if block.kind == "sample":
        outputs = [run_command(command, cwd, sample.env) for command in sample.commands]
        set_up.extend("\n".join(outputs[:-1]).splitlines())
        return outputs[-1].splitlines() if outputs else []
    for command in sample.commands:
        set_up.extend(run_command(command, cwd, sample.env).splitlines())
    out: list[str] = []
    for line in block.lines:
        if line.startswith("$ "):
            out.append(line)
            out.extend(run_command(_strip_comment(line[2:]), cwd, sample.env).splitlines())
    return out


def _strip_comment(command: str) -> str:
    """``thor-guard check   # what is wrong`` -> ``thor-guard check``."""
    return shlex.join(shlex.split(command, comments=True))


# -- comparing ------------------------------------------------------------------------


def normalise(lines: Sequence[str], varying: Sequence[tuple[str, str]]) -> list[str]:
    text = "\n".join(line.rstrip() for line in lines)
    for pattern, replacement in varying:
        text = re.sub(pattern, replacement, text)
    return text.split("\n") if text else []


def _segments(shown: Sequence[str]) -> list[list[str]]:
    segments: list[list[str]] = [[]]
    for line in shown:
        if line.strip() == ELLIPSIS:
            segments.append([])
        else:
            segments[-1].append(line)
    return segments


def matches(shown: Sequence[str], real: Sequence[str]) -> bool:
    """True when ``real`` is ``shown`` with each ``...`` line standing for zero or more lines."""
    segments = _segments(shown)
    if len(segments) == 1:
        return list(shown) == list(real)
    head, *middle, tail = segments
    if list(real[: len(head)]) != head or (tail and list(real[len(real) - len(tail) :]) != tail):
        return False
    position, stop = len(head), len(real) - len(tail)
    if stop < position:
        return False
    for segment in middle:
        found = next((i for i in range(position, stop - len(segment) + 1) if list(real[i : i + len(segment)]) == segment), None)
        if found is None:
            return False
        position = found + len(segment)
    return True


def compare(block: Block, real: Sequence[str]) -> str | None:
    """None when the block shows ``real`` (modulo ``...`` and the sample's varying parts), else a message."""
    varying = SAMPLES[block.name].varying
    shown = normalise(block.lines, varying)
    actual = normalise(real, varying)
    if matches(shown, actual):
        return None
    diff = "\n".join(f"  {line}" for line in actual)
    return f"{block.where}: the {block.kind} '{block.name}' no longer matches a real run; real output:\n{diff}"


def updated_lines(block: Block, real: Sequence[str]) -> list[str]:
    """The block's new content: ``real``, cut where the old block had ``...`` (keeping as many head and tail lines)."""
    segments = _segments(block.lines)
    if block.kind == "transcript":
        return _updated_transcript(block, real)
    if len(segments) == 1:
        return list(real)
    head, tail = len(segments[0]), len(segments[-1])
    if head + tail >= len(real):
        return list(real)
    out = list(real[:head])
    position, stop = head, len(real) - tail
    for segment in segments[1:-1]:  # middle parts stay when they still occur, in order
        found = next((i for i in range(position, stop - len(segment) + 1) if list(real[i : i + len(segment)]) == segment), None)
        if found is not None:
            out += [ELLIPSIS, *segment]
            position = found + len(segment)
    return [*out, ELLIPSIS, *(real[stop:] if tail else [])]


def _updated_transcript(block: Block, real: Sequence[str]) -> list[str]:
    """Per command: the real output, cut like the old output was (head lines, ``...``, tail lines)."""
    old = _split_commands(block.lines)
    new = _split_commands(list(real))
    out: list[str] = []
    for (command, old_output), (_, new_output) in zip(old, new, strict=True):
        out.append(command)
        fake = Block(block.document, "sample", block.name, 0, 0, old_output)
        out.extend(updated_lines(fake, new_output))
    return out


def _split_commands(lines: Sequence[str]) -> list[tuple[str, list[str]]]:
    pairs: list[tuple[str, list[str]]] = []
    for line in lines:
        if line.startswith("$ "):
            pairs.append((line, []))
        elif pairs:
            pairs[-1][1].append(line)
    return pairs


def update(documents: Sequence[Path], scratch_parent: Path) -> list[str]:
    """Rewrite every marked block of ``documents`` from real runs; return what changed."""
    changed: list[str] = []
    for document in documents:
        lines = document.read_text(encoding="utf-8").splitlines()
        for index, block in enumerate(sorted(find_blocks(document), key=lambda b: -b.start)):
            real = real_lines(block, make_scratch(scratch_parent / f"{document.stem}-{index}"))
            if compare(block, real) is None:
                continue
            lines[block.start : block.end] = updated_lines(block, real)
            changed.append(block.where)
        document.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def main(argv: Sequence[str]) -> int:
    import tempfile

    if "--update" not in argv:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory(prefix="thor-guard-samples-") as scratch:
        changed = update(DOCUMENTS, Path(scratch))
    print("\n".join(f"updated {where}" for where in changed) or "every sample already matches a real run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

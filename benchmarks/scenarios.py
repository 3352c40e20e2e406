"""What is timed: for each scenario and tree, thor-guard's command and its peers' commands.

Every contender is a command line run in a fresh process (thor-guard only
through its console script, the apply peer through ``python -m libcst.tool
codemod``), so the harness keeps working while check, audit and apply change
underneath it. A contender may have an untimed ``prepare`` step (drop or fill
a cache, restore a pristine copy for apply) and an untimed ``fingerprint``
step (hash the tree apply wrote, to prove both runners produced the same
bytes).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from benchmarks.trees import REPO, Tree, copy_tree, python_files

Role = Literal["subject", "peer", "floor"]
SCENARIOS = ("check", "audit", "apply", "startup")
CACHE_DIR = ".thor_guard_cache"
RUFF_RULE = "E711"
"""One cheap ruff rule (comparison to None): the floor of "read every file once"."""


@dataclass(frozen=True)
class Contender:
    """One command to time on one tree in one scenario."""

    tool: str
    role: Role
    argv: tuple[str, ...]
    cwd: Path
    ok_codes: frozenset[int] = frozenset({0, 1})
    prepare: Callable[[], None] | None = None
    fingerprint: Callable[[], str] | None = None
    unavailable: str | None = None
    """Why this contender cannot run here (shown as n/a), or None."""
    env: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Scenario:
    name: str
    tree: Tree | None
    baseline: str
    """The tool every ratio in this scenario is taken against."""
    contenders: tuple[Contender, ...]


def bin_path(name: str) -> str:
    """The console script next to this interpreter (bypasses pyenv shims, which add ~50 ms to every start)."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    return found or name


@lru_cache(maxsize=1)
def offline_prefix() -> tuple[tuple[str, ...], str]:
    """A command prefix that runs a program without any network, and how it was achieved."""
    for prefix in (("unshare", "-n"), ("unshare", "-rn")):
        try:
            if subprocess.run([*prefix, "true"], capture_output=True, timeout=10).returncode == 0:
                return prefix, f"network namespace without interfaces ({' '.join(prefix)})"
        except (OSError, subprocess.TimeoutExpired):
            continue
    return (), "not isolated (unshare unavailable); --metrics=off --disable-version-check only"


@lru_cache(maxsize=1)
def semgrep_status() -> str | None:
    """None when semgrep runs offline here, else the reason it cannot (reported as n/a)."""
    semgrep = bin_path("semgrep")
    if shutil.which(semgrep) is None and not Path(semgrep).exists():
        return "semgrep is not installed (pip install -e '.[bench]')"
    prefix, _ = offline_prefix()
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / f"tg-semgrep-probe-{os.getpid()}"
    probe.mkdir(parents=True, exist_ok=True)
    (probe / "x.py").write_text("import threading\nthreading.Thread(target=print)\n")
    (probe / "r.yaml").write_text(
        "rules:\n  - id: probe\n    languages: [python]\n    severity: ERROR\n    message: probe\n    pattern: threading.Thread(...)\n"
    )
    try:
        done = subprocess.run(
            [*prefix, semgrep, "--config", "r.yaml", "--metrics=off", "--disable-version-check", "--json", "-q", "x.py"],
            cwd=probe,
            capture_output=True,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"semgrep did not run offline: {exc}"
    finally:
        shutil.rmtree(probe, ignore_errors=True)
    if done.returncode != 0 or b'"probe"' not in done.stdout:
        return f"semgrep failed offline (exit {done.returncode}): {done.stderr.decode(errors='replace').strip()[-200:]}"
    return None


def base_env() -> dict[str, str]:
    """The same environment for every contender: the repo importable (for the Fixit rules), no metrics."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env["SEMGREP_SEND_METRICS"] = "off"
    env["SEMGREP_ENABLE_VERSION_CHECK"] = "0"
    env.pop("THOR_SCHEDULER_MODE", None)
    return env


def too_big(tree: Tree, peer_max_files: int | None) -> str | None:
    """Why a peer whose cost grows with the tree is skipped on ``tree`` (None: it runs)."""
    if peer_max_files is not None and tree.files > peer_max_files:
        return f"skipped: {tree.files} files > --peer-max-files {peer_max_files}"
    return None


def _semgrep(tree: Tree, config: Path, tool: str, peer_max_files: int | None) -> Contender:
    prefix, _ = offline_prefix()
    argv = (*prefix, bin_path("semgrep"), "scan", "--config", str(config), "--metrics=off", "--disable-version-check", "-q", "--json", "-o", os.devnull, ".")
    return Contender(tool, "peer", argv, tree.root, unavailable=too_big(tree, peer_max_files) or semgrep_status())


def _fixit(tree: Tree, config: str, tool: str, peer_max_files: int | None, enabled: bool) -> Contender:
    skipped = None if enabled else f"skipped on {tree.name} (not in --fixit-trees)"
    return Contender(tool, "peer", (bin_path("fixit"), "--config-file", config, "lint", "."), tree.root, unavailable=skipped or too_big(tree, peer_max_files))


def check_scenario(tree: Tree, peer_max_files: int | None = None, fixit: bool = True) -> Scenario:
    contenders = (
        # cold: no verdict cache (the first run after a clone, or after thor-guard changed); warm: the cache
        # filled by an untimed run, nothing edited since (a pre-commit run on a commit that touched no input).
        Contender("thor-guard check (cold)", "subject", (bin_path("thor-guard"), "check", "."), tree.root, prepare=_drop_check_cache(tree.root)),
        Contender("thor-guard check (warm)", "subject", (bin_path("thor-guard"), "check", "."), tree.root, prepare=_fill_cache(tree.root, (bin_path("thor-guard"), "check", "."))),
        _fixit(tree, "fixit-check.toml", "fixit lint (check rule)", peer_max_files, fixit),
        _semgrep(tree, tree.root / "semgrep-check.yaml", "semgrep (check rule)", peer_max_files),
        Contender("ruff --select " + RUFF_RULE, "floor", (bin_path("ruff"), "check", "--isolated", "--no-cache", "--select", RUFF_RULE, "-q", "."), tree.root),
        Contender("python -c pass", "floor", (sys.executable, "-c", "pass"), tree.root),
    )
    return Scenario("check", tree, "thor-guard check (cold)", contenders)


CHECK_CACHE = Path(CACHE_DIR) / "check-v1"


def _drop_check_cache(root: Path) -> Callable[[], None]:
    def prepare() -> None:
        shutil.rmtree(root / CHECK_CACHE, ignore_errors=True)

    return prepare


def _drop_cache(root: Path) -> Callable[[], None]:
    def prepare() -> None:
        shutil.rmtree(root / CACHE_DIR, ignore_errors=True)

    return prepare


def _fill_cache(root: Path, argv: tuple[str, ...]) -> Callable[[], None]:
    # Always run the command once before a warm sample: the cache directory is shared by check and audit, so its mere
    # existence (left by the other command, or by a cold contender's run of that command) does not mean that *this*
    # command's entries are in it. A run on a filled cache is cheap.
    def prepare() -> None:
        subprocess.run(argv, cwd=root, env=base_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    return prepare


def audit_scenario(tree: Tree, peer_max_files: int | None = None, fixit: bool = True) -> Scenario:
    audit = (bin_path("thor-guard"), "audit", ".", "--format", "json")
    contenders = (
        Contender("thor-guard audit (cold)", "subject", audit, tree.root, prepare=_drop_cache(tree.root)),
        Contender("thor-guard audit (warm)", "subject", audit, tree.root, prepare=_fill_cache(tree.root, audit)),
        _fixit(tree, "fixit-audit.toml", "fixit lint (audit rule)", peer_max_files, fixit),
        _semgrep(tree, REPO / "benchmarks" / "peers" / "semgrep_audit.yaml", "semgrep (audit rule)", peer_max_files),
        Contender(
            "libcst parse, every file", "peer", (sys.executable, "-m", "benchmarks.peers.libcst_parse", "."), tree.root,
            ok_codes=frozenset({0}), unavailable=too_big(tree, peer_max_files),
        ),
    )
    return Scenario("audit", tree, "thor-guard audit (cold)", contenders)


def tree_digest(root: Path) -> str:
    """A hash of every Python file's path and bytes (what apply may have written)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in python_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def apply_scenario(tree: Tree, workdir: Path, jobs: int, peer_max_files: int | None = None) -> Scenario:
    """thor-guard apply vs libcst's runner, each on its own fresh copy of the tree per run."""
    contenders = []
    commands = {
        "thor-guard apply": ("subject", (bin_path("thor-guard"), "apply", "--config", tree.apply_config.name, "-j", str(jobs), ".")),
        f"libcst.tool codemod -j {jobs}": (
            "peer",
            (
                sys.executable, "-m", "libcst.tool", "codemod", "--no-format", "--hide-progress", f"--jobs={jobs}",
                "-x", "codemods.scheduler_guard.SchedulerGuardCommand", "--config", tree.apply_config.name, ".",
            ),
        ),
    }
    for index, (tool, (role, argv)) in enumerate(commands.items()):
        copy = workdir / f"{tree.name}.apply-{index}"

        def prepare(copy: Path = copy) -> None:
            copy_tree(tree, copy)

        def fingerprint(copy: Path = copy) -> str:
            return tree_digest(copy)

        unavailable = too_big(tree, peer_max_files) if role == "peer" else None
        contenders.append(Contender(tool, role, argv, copy, prepare=prepare, fingerprint=fingerprint, unavailable=unavailable))  # type: ignore[arg-type]
    return Scenario("apply", tree, "thor-guard apply", tuple(contenders))


def startup_scenario(cwd: Path) -> Scenario:
    contenders = (
        Contender("python -c pass", "floor", (sys.executable, "-c", "pass"), cwd, ok_codes=frozenset({0})),
        Contender("thor-guard --version", "subject", (bin_path("thor-guard"), "--version"), cwd, ok_codes=frozenset({0})),
        Contender("thor-guard --help", "subject", (bin_path("thor-guard"), "--help"), cwd, ok_codes=frozenset({0})),
    )
    return Scenario("startup", None, "python -c pass", contenders)

"""A seeded generator of Django-shaped project trees for the benchmarks.

The benchmarks need trees of 1k, 5k and 20k files that look like real code to
every tool timed on them: modules of realistic (long-tailed) size made of
classes, methods and functions with ordinary bodies; a sprinkling of thread
and timer spawns, some behind the canonical ``THOR_SCHEDULER_MODE`` guard and
some not; ``AppConfig.ready()`` and signal receivers that start them; and
service classes whose ``start``/``stop`` methods give ``apply`` hundreds of
targets. The same ``(files, seed)`` always yields byte-identical trees, so runs
on different days compare.

Run it directly to inspect a tree::

    python3 -m benchmarks.gen_tree /tmp/tree --files 1000 --seed 7
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "genproj"
MODULES_PER_PACKAGE = 24
SPAWN_RATE = 0.03
"""Share of modules that define a worker class starting a thread or timer."""
SERVICE_RATE = 0.25
"""Share of modules that define a service class (apply's targets)."""
ENTRY_POINTS = 8

_WORDS = (
    "account order quote price market symbol session volume bar tick trade fill position "
    "ledger report cache index batch record metric window report feed client buffer limit "
    "route token region source target profile section rule event result summary detail"
).split()
_STDLIB = ("collections", "dataclasses", "datetime", "functools", "itertools", "json", "re", "typing", "decimal", "pathlib")

GUARD = (
    '{i}scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()\n'
    '{i}if scheduler_mode == "heartbeat":\n'
    '{i}    logger.debug("Skipping legacy {name} (heartbeat scheduler mode active)")\n'
    "{i}    return\n"
)


@dataclass(frozen=True)
class TreeSpec:
    """What a generated tree holds, for the harness's configs and for sanity checks."""

    files: int
    seed: int
    modules: tuple[str, ...]
    entry_points: tuple[str, ...]
    """Eight ``module:qualname`` targets of worker ``start`` methods (guarded and unguarded)."""
    guarded_entry_points: int
    service_functions: int
    """``start``/``stop`` methods of service classes: the targets of the apply scenario."""
    spawn_modules: int


@dataclass
class _Module:
    name: str
    path: Path
    lines: int
    worker: str | None = None
    worker_guarded: bool = False
    worker_kind: str = "thread"
    service: str | None = None
    starter: str | None = None
    extra: list[str] = field(default_factory=list)


def _ident(rng: random.Random, parts: int = 2) -> str:
    return "_".join(rng.choice(_WORDS) for _ in range(parts))


def _camel(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_WORDS).capitalize() for _ in range(parts))


def _module_lines(rng: random.Random) -> int:
    """Long-tailed module size: median ~120 lines, a few over a thousand (like Django's 180-line mean)."""
    return max(12, min(2500, int(rng.lognormvariate(4.8, 0.75))))


def _statement(rng: random.Random, indent: str, names: list[str]) -> list[str]:
    """One ordinary statement (or a small block) from a function body."""
    a, b = rng.choice(names), rng.choice(names)
    kind = rng.randrange(10)
    word = rng.choice(_WORDS)
    if kind == 0:
        return [f"{indent}{word}_count = len({a}) + {rng.randrange(1, 9)}"]
    if kind == 1:
        return [f"{indent}if {a} is None:", f"{indent}    {a} = {{}}", f"{indent}elif not {b}:", f"{indent}    return {a}"]
    if kind == 2:
        return [f"{indent}for {word} in sorted({a}):", f"{indent}    {b}.append({word})"]
    if kind == 3:
        return [f"{indent}{word}_map = {{key: value for key, value in {a}.items() if value}}"]
    if kind == 4:
        return [f'{indent}logger.info("{word} %s for %s", {a}, {b})']
    if kind == 5:
        return [f"{indent}try:", f"{indent}    {word} = {a}[{rng.randrange(8)}]", f"{indent}except (IndexError, KeyError):", f"{indent}    {word} = None"]
    if kind == 6:
        return [f'{indent}label = f"{{{a}!r}}:{word}:{{len({b})}}"']
    if kind == 7:
        return [f"{indent}{word}_total = sum(item.get({word!r}, 0) for item in {a})"]
    if kind == 8:
        return [f"{indent}with open({a}, encoding='utf-8') as handle:", f"{indent}    {word}_data = handle.read()"]
    return [f"{indent}{a}, {b} = {b}, {a}"]


def _function(rng: random.Random, indent: str, name: str, is_method: bool, budget: int) -> list[str]:
    params = [_ident(rng, 1) for _ in range(rng.randrange(1, 4))]
    params = list(dict.fromkeys(params))
    signature = ", ".join((["self"] if is_method else []) + params)
    out = [f"{indent}def {name}({signature}):", f'{indent}    """{rng.choice(_WORDS).capitalize()} the {rng.choice(_WORDS)} {rng.choice(_WORDS)}."""']
    body_indent = indent + "    "
    while len(out) < budget:
        out.extend(_statement(rng, body_indent, params))
    out.append(f"{body_indent}return {params[0]}")
    return out


def _worker(module: _Module, rng: random.Random) -> list[str]:
    name = module.worker
    assert name is not None
    guard = GUARD.format(i="        ", name=f"{name}.start").splitlines() if module.worker_guarded else []
    if module.worker_kind == "timer":
        spawn = ["        self._timer = threading.Timer(self.interval, self._run)", "        self._timer.daemon = True", "        self._timer.start()"]
    else:
        spawn = [f'        self._thread = threading.Thread(target=self._run, name="{name}", daemon=True)', "        self._thread.start()"]
    return [
        "",
        "",
        f"class {name}:",
        f'    """Polls the {rng.choice(_WORDS)} feed on its own thread (legacy scheduler)."""',
        "",
        f"    interval = {rng.choice((1.0, 2.0, 10.0, 30.0, 60.0))}",
        "",
        "    def __init__(self):",
        "        self._stop = threading.Event()",
        "        self._thread = None",
        "        self._timer = None",
        "",
        "    def start(self) -> None:",
        f'        """Start polling every {rng.choice(_WORDS)}."""',
        *guard,
        "        self._stop.clear()",
        *spawn,
        "",
        "    def _run(self):",
        "        while not self._stop.is_set():",
        "            self.step()",
        "            time.sleep(self.interval)",
        "",
        "    def step(self):",
        f'        logger.debug("{rng.choice(_WORDS)} step")',
        "",
        "",
        f"{module.starter} = None",
        "",
        "",
        f"def start_{module.starter}():",
        f"    global {module.starter}",
        f"    {module.starter} = {name}()",
        f"    {module.starter}.start()",
    ]


def _service(module: _Module, rng: random.Random) -> list[str]:
    name = module.service
    field_name = rng.choice(_WORDS)
    return [
        "",
        "",
        f"class {name}:",
        f'    """Keeps the {field_name} {rng.choice(_WORDS)} in step with the {rng.choice(_WORDS)} store."""',
        "",
        "    def __init__(self, store=None):",
        "        self.store = store or {}",
        "        self.running = False",
        "",
        "    def start(self) -> None:",
        f'        """Load the {field_name} snapshot and mark the service running."""',
        f"        self.store.setdefault({field_name!r}, [])",
        "        self.running = True",
        f'        logger.info("{name} started with %d entries", len(self.store))',
        "",
        "    def stop(self):",
        "        if not self.running:",
        "            return False",
        "        self.running = False",
        "        return True",
    ]


def _render_module(module: _Module, rng: random.Random, project_imports: list[str]) -> str:
    header = [f'"""{rng.choice(_WORDS).capitalize()} {rng.choice(_WORDS)} helpers for {module.name}."""', "", "from __future__ import annotations", ""]
    imports = sorted({"logging", *rng.sample(_STDLIB, rng.randrange(1, 4))} | ({"os", "threading", "time"} if module.worker else set()))
    header += [f"import {name}" for name in imports]
    header += project_imports
    header += ["", "logger = logging.getLogger(__name__)", ""]
    header += [f"{_ident(rng).upper()} = {rng.randrange(1000)}" for _ in range(rng.randrange(1, 4))]
    body: list[str] = []
    if module.worker:
        body += _worker(module, rng)
    if module.service:
        body += _service(module, rng)
    body += module.extra
    budget = module.lines - len(header) - len(body)
    while budget > 0:
        if rng.random() < 0.4:
            cls = _camel(rng)
            chunk = ["", "", f"class {cls}:", f'    """A {rng.choice(_WORDS)} of {rng.choice(_WORDS)}s."""', ""]
            for _ in range(rng.randrange(1, 5)):
                chunk += _function(rng, "    ", _ident(rng), True, rng.randrange(3, 14)) + [""]
        else:
            chunk = ["", ""] + _function(rng, "", _ident(rng), False, rng.randrange(3, 18))
        body += chunk
        budget -= len(chunk)
    return "\n".join(header + body) + "\n"


def _apps_module(package: str, starters: list[tuple[str, str]], rng: random.Random) -> str:
    """``apps.py`` whose ``ready()`` starts some workers (start-up triggers for audit)."""
    lines = [f'"""Django app config for {package}."""', "", "from django.apps import AppConfig", ""]
    lines += [f"from {module} import start_{starter}" for module, starter in starters]
    lines += ["", "", f"class {package.split('.')[-1].title().replace('_', '')}Config(AppConfig):", f'    name = "{package}"', "", "    def ready(self):"]
    lines += [f"        start_{starter}()" for _, starter in starters] or ["        pass"]
    return "\n".join(lines) + "\n"


def _plan(files: int, seed: int) -> tuple[list[_Module], dict[str, list[tuple[str, str]]], list[str]]:
    rng = random.Random(seed)
    packages = max(1, files // (MODULES_PER_PACKAGE + 2))
    modules: list[_Module] = []
    apps: dict[str, list[tuple[str, str]]] = {}
    package_names = [f"{PACKAGE}.pkg_{index:04d}" for index in range(packages)]
    remaining = files - 1 - 2 * packages  # genproj/__init__.py, and each package's __init__ + apps
    for index in range(remaining):
        package = package_names[index % packages]
        name = f"{package}.mod_{index // packages:03d}"
        module = _Module(name, Path(*name.split(".")).with_suffix(".py"), _module_lines(rng))
        roll = rng.random()
        if roll < SPAWN_RATE:
            module.worker = f"{_camel(rng)}Worker"
            module.worker_guarded = rng.random() < 0.5
            module.worker_kind = "timer" if rng.random() < 0.3 else "thread"
            module.starter = f"{rng.choice(_WORDS)}_worker_{index}"
            if rng.random() < 0.6:
                apps.setdefault(package, []).append((name, module.starter))
        if rng.random() < SERVICE_RATE:
            module.service = f"{_camel(rng)}Service"
        modules.append(module)
    return modules, apps, package_names


def generate(root: Path, files: int, seed: int = 7) -> TreeSpec:
    """Write a tree of exactly ``files`` Python files under ``root`` and describe it.

    ``root`` gets ``pyproject.toml`` (the 8-entry manifest) and
    ``thor-guard-apply.toml`` (service ``start``/``stop`` targets for apply).
    """
    if files < 60:
        raise ValueError("a generated tree needs at least 60 files")
    modules, apps, package_names = _plan(files, seed)
    rng = random.Random(seed * 7919 + files)
    module_names = [m.name for m in modules]
    (root / PACKAGE).mkdir(parents=True, exist_ok=True)
    (root / PACKAGE / "__init__.py").write_text(f'"""Generated benchmark project (seed {seed}, {files} files)."""\n')
    for package in package_names:
        directory = root / Path(*package.split("."))
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "__init__.py").write_text("")
        (directory / "apps.py").write_text(_apps_module(package, apps.get(package, []), rng))
    for module in modules:
        imports: list[str] = []
        if rng.random() < 0.3:
            other = rng.choice(module_names)
            if other != module.name:
                imports.append(f"from {other.rsplit('.', 1)[0]} import {other.rsplit('.', 1)[1]} as _{rng.choice(_WORDS)}_mod")
        (root / module.path).write_text(_render_module(module, rng, imports))

    workers = [m for m in modules if m.worker]
    picked = _pick_entry_points(workers, rng)
    entry_points = [f"{m.name}:{m.worker}.start" for m in picked]
    if entry_points:  # one wildcard entry, as the real manifest has (Module:*.start)
        entry_points[-1] = f"{picked[-1].name}:*.start"
    services = [m for m in modules if m.service]
    _write_configs(root, entry_points)
    return TreeSpec(
        files=files,
        seed=seed,
        modules=tuple(module_names),
        entry_points=tuple(entry_points),
        guarded_entry_points=sum(1 for m in picked if m.worker_guarded),
        service_functions=2 * len(services),
        spawn_modules=len(workers),
    )


def _pick_entry_points(workers: list[_Module], rng: random.Random) -> list[_Module]:
    """Five guarded and three unguarded workers when there are enough (a half-migrated project)."""
    guarded = [m for m in workers if m.worker_guarded]
    unguarded = [m for m in workers if not m.worker_guarded]
    picked = rng.sample(guarded, min(5, len(guarded))) + rng.sample(unguarded, min(3, len(unguarded)))
    return sorted(picked, key=lambda m: m.name)[:ENTRY_POINTS]


def _toml_list(items: list[str]) -> str:
    return "[\n" + "".join(f'    "{item}",\n' for item in items) + "]"


def _write_configs(root: Path, entry_points: list[str]) -> None:
    (root / "pyproject.toml").write_text(
        "[tool.thor-guard]\n"
        'source-roots = ["."]\n'
        'preset = "none"\n'
        f"entry-points = {_toml_list(entry_points)}\n"
        'exclude = ["**/migrations/**", "**/tests/**"]\n'
    )
    (root / "thor-guard-apply.toml").write_text(
        "[tool.thor-guard]\n"
        'source-roots = ["."]\n'
        'preset = "none"\n'
        f'entry-points = ["{PACKAGE}.*:*Service.start", "{PACKAGE}.*:*Service.stop"]\n'
    )


def iter_files(root: Path) -> Iterator[Path]:
    """Every ``.py`` file under ``root`` in a stable order."""
    return iter(sorted(root.rglob("*.py")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a seeded benchmark tree.")
    parser.add_argument("root", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    spec = generate(args.root, args.files, args.seed)
    print(f"{spec.files} files, {spec.spawn_modules} spawning modules, {spec.service_functions} service functions")
    print("entry points:", *spec.entry_points, sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

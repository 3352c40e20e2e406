"""Generate guard variants for the differential oracle.

Each variant is the body of a module-level function ``v<N>(disabled=False)``:
an optional prefix, a guard built from a read form, a normalisation, a
comparison, a shape (inline, local, walrus, helper...) and a branch action,
then the sentinel ``threading.Thread(target=_noop).start()``. Variants are
enumerated deterministically (a pairwise sweep over the expression grammar plus a
seeded sample of the full product), so a failure names a reproducible case.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

VAR = "THOR_SCHEDULER_MODE"

MODULE_HEADER = '''import logging
import os
import os as _os
import threading
from os import environ, getenv

import oracle_helpers

logger = logging.getLogger("oracle")
ENV_NAME = "THOR_SCHEDULER_MODE"
FLAG_OFF = False


def _noop():
    pass


def opaque_helper():
    value = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")
    return value.lower() == "heartbeat"

'''

HELPERS_HEADER = 'import os\nimport os as _os\nfrom os import environ, getenv\n\nimport oracle_helpers\n\nENV_NAME = "THOR_SCHEDULER_MODE"\n'

# (template, understood) — {v} is the quoted variable name, {d} the quoted default.
READS: tuple[tuple[str, bool], ...] = (
    ("os.environ.get({v}, {d})", True),
    ("os.environ.get({v})", True),
    ("os.getenv({v}, {d})", True),
    ("os.getenv({v})", True),
    ("_os.environ.get({v}, {d})", True),
    ("_os.getenv({v}, default={d})", True),
    ("environ.get({v}, {d})", True),
    ("getenv({v}, {d})", True),
    ("os.environ[{v}]", True),
    ("environ[{v}]", True),
    ("(os.getenv({v}) or {d})", True),
    ("os.environ.get(ENV_NAME, {d})", True),
    ("os.getenv(oracle_helpers.ENV_NAME, {d})", True),
)
VARIABLES = (VAR, "THOR_SCHEDULR_MODE", "HEARTBEAT_ENABLED")
DEFAULTS = ('"heartbeat"', '"Heartbeat"', '"legacy"', '""')
NORMALISE = ("", ".lower()", ".casefold()", ".upper()", ".strip().lower()", ".strip()")
# (template applied to the value expression X, understood)
COMPARE: tuple[tuple[str, bool], ...] = (
    ('{x} == "heartbeat"', True),
    ('{x} == "HEARTBEAT"', True),
    ('{x} != "legacy"', True),
    ('{x} != "heartbeat"', True),
    ('{x} == "legacy"', True),
    ('{x} in ("heartbeat",)', True),
    ('{x} in {{"heartbeat", ""}}', True),
    ('{x} not in ["legacy"]', True),
    ('{x} in ("legacy", "LEGACY")', True),
    ("{x}", True),
    ("not {x}", True),
    ('not ({x} == "legacy")', True),
    ('{x} == "heartbeat" or {x} == "HEARTBEAT"', True),
    ('{x}.startswith("heart")', True),
)
SHAPES = ("inline", "local", "walrus", "helper_same", "helper_other", "unknown_call", "bool", "helper_param", "try_local")
ACTIONS = ("return", "return_false", "raise", "log_return", "log_only", "pass_else_return", "elif_return")
PREFIXES = (
    "none", "docstring", "local_import", "constant", "flag_off", "disabled", "log", "effect", "call",
    "merged_ifs", "other_env", "comprehension", "nested_def", "pure_call",
)


@dataclass(frozen=True)
class Variant:
    name: str
    body: str
    """Function body (4-space indented lines)."""
    helper_same: str = ""
    """Module-level helper definition for the same-module shape."""
    helper_other: str = ""
    """Helper definition for oracle_helpers.py."""
    understood: bool = True
    """False when the verifier is expected to answer TG009 (it may then be more careful than reality)."""
    calls_first: bool = False
    """True when an opaque call (``_noop()``) runs before the guard: the verifier must say TG002 even
    though this particular call happens to be harmless at run time."""
    variable: str = VAR


def _indent(lines: list[str], depth: int = 1) -> list[str]:
    return ["    " * depth + line for line in lines]


def build(index: int, read: int, variable: str, default: str, normalise: str, compare: int, shape: str, action: str, prefix: str) -> Variant:
    name = f"v{index}"
    read_template, read_ok = READS[read]
    if "{v}" not in read_template:
        variable = VAR  # the template reads through the ENV_NAME constant
    value = read_template.format(v=f'"{variable}"', d=default) + normalise
    compare_template, compare_ok = COMPARE[compare]
    understood = read_ok and compare_ok  # v2 walks multi-statement helpers (opaque_helper) too
    helper_same = helper_other = ""
    pre: list[str] = []
    if shape == "inline":
        condition = compare_template.format(x=value)
    elif shape == "local":
        pre.append(f"mode = {value}")
        condition = compare_template.format(x="mode")
    elif shape == "walrus":
        condition = compare_template.format(x=f"(mode := {value})")
    elif shape == "helper_same":
        helper_same = f"def _h{index}():\n    return {compare_template.format(x=value)}\n"
        condition = f"_h{index}()"
    elif shape == "helper_other":
        helper_other = f"def h{index}():\n    return {compare_template.format(x=value)}\n"
        condition = f"oracle_helpers.h{index}()"
    elif shape == "bool":
        condition = f"bool({compare_template.format(x=value)})"
    elif shape == "helper_param":
        helper_same = f"def _h{index}(flag, suffix=''):\n    mode = {value}\n    return flag and {compare_template.format(x='mode')}\n"
        condition = f"_h{index}(True)"
    elif shape == "try_local":
        pre.extend(["try:", f"    mode = {value}", "except Exception:", "    mode = None"])
        condition = compare_template.format(x="mode")
    else:
        condition = "opaque_helper()"
        variable = VAR  # opaque_helper reads the mode variable itself

    prefix_lines = {
        "none": [],
        "docstring": ['"""Start the legacy worker."""', "# the heartbeat owns periodic work"],
        "local_import": ["import os"],
        "constant": ["retries = 3"],
        "flag_off": ["if FLAG_OFF:", "    return"],
        "disabled": ["if disabled:", "    return"],
        "log": ['logger.debug("starting %s", "worker".upper())'],
        "effect": ["threading.Thread(target=_noop).start()"],
        "call": ["_os.getpid()"],
        "merged_ifs": ["n = 0", "if disabled:", "    n = 1", "if FLAG_OFF:", "    n = 2", "if disabled:", "    n = 3"],
        "other_env": ['if os.environ.get("RUN_MAIN_ORACLE") == "never":', "    return"],
        "comprehension": ["sizes = [len(str(x)) for x in (1, 22)]"],
        "nested_def": ["def _cb(x=1):", "    return x"],
        "pure_call": ["_noop()"],
    }[prefix]

    exit_line = {"return": "return", "return_false": "return False", "raise": 'raise RuntimeError("oracle-exit")'}.get(action, "return")
    if action in ("return", "return_false", "raise"):
        guard = [f"if {condition}:", f"    {exit_line}"]
    elif action == "log_return":
        guard = [f"if {condition}:", '    logger.info("Skipping legacy %s", "v".upper())', "    return"]
    elif action == "log_only":
        guard = [f"if {condition}:", '    logger.info("heartbeat mode")']
    elif action == "pass_else_return":
        guard = [f"if {condition}:", "    pass", "else:", "    return"]
    else:  # elif_return
        guard = ["if FLAG_OFF:", "    pass", f"elif {condition}:", "    return"]
    lines = [*prefix_lines, *pre, *guard, "threading.Thread(target=_noop).start()"]
    return Variant(name, "\n".join(_indent(lines)) + "\n", helper_same, helper_other, understood, prefix == "call", variable)


def variants(sample: int = 700, seed: int = 20240611) -> list[Variant]:
    """A pairwise sweep of read x normalisation x comparison (inline, return), plus a seeded sample of everything."""
    cases: list[tuple] = []
    # Every read form with every comparison, under two rotating normalisations: every pair of the
    # three dimensions appears at least once.
    for read, compare in itertools.product(range(len(READS)), range(len(COMPARE))):
        for shift in (0, 3):
            normalise = NORMALISE[(read + compare + shift) % len(NORMALISE)]
            cases.append((read, VAR, '"heartbeat"', normalise, compare, "inline", "return", "none"))
    for read, default in itertools.product(range(len(READS)), DEFAULTS):
        cases.append((read, VAR, default, ".lower()", 0, "local", "return", "none"))
    rng = random.Random(seed)
    for _ in range(sample):
        cases.append(
            (
                rng.randrange(len(READS)),
                rng.choice(VARIABLES) if rng.random() < 0.15 else VAR,
                rng.choice(DEFAULTS),
                rng.choice(NORMALISE),
                rng.randrange(len(COMPARE)),
                rng.choice(SHAPES),
                rng.choice(ACTIONS),
                rng.choice(PREFIXES),
            )
        )
    return [build(i, *case) for i, case in enumerate(cases)]


def module_source(chunk: list[Variant]) -> str:
    parts = [MODULE_HEADER]
    for variant in chunk:
        if variant.helper_same:
            parts.append("\n" + variant.helper_same)
        parts.append(f"\ndef {variant.name}(disabled=False):\n{variant.body}")
    return "".join(parts)


def helpers_source(all_variants: list[Variant]) -> str:
    return HELPERS_HEADER + "".join("\n\n" + v.helper_other for v in all_variants if v.helper_other)

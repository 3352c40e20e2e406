"""The data a generated case is made of, and how it is written to disk.

A :class:`Case` is a small project: a package ``g<N>`` with ``main.py`` (the
entry point, as a function or a method of ``Service``) and ``util.py`` (another
module for helpers and constants), plus optional extra files. Its text comes
from a tuple of :class:`Feature`\\ s, each a construct that may contribute
lines to several places at once (a guard helper defined at module level and
called in the entry point is one feature). The minimiser removes whole
features, so every intermediate case still imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
import re
from pathlib import Path

MAIN_IMPORTS: tuple[tuple[str, str], ...] = (
    ("asyncio", "import asyncio"),
    ("contextlib", "import contextlib"),
    ("enum", "import enum"),
    ("functools", "import functools"),
    ("logging", "import logging"),
    ("os", "import os"),
    ("_os", "import os as _os"),
    ("sys", "import sys"),
    ("threading", "import threading"),
    ("environ", "from os import environ"),
    ("getenv", "from os import getenv"),
    ("tg_sentinel", "import tg_sentinel"),
)
CLASS_SUPPORT: dict[str, tuple[str, ...]] = {
    "_drain": ("def _drain(self):", '    return tg_sentinel.effect("drain")', ""),
    "_describe": ("def _describe(self):", '    return tg_sentinel.effect("describe")', ""),
    "_load_feeds": ("def _load_feeds(self):", '    return [tg_sentinel.effect("load")]', ""),
    "_stop": ("def _stop(self):", '    return tg_sentinel.effect("stop")', ""),
    "_fetch": ("async def _fetch(self):", '    return tg_sentinel.effect("fetch")', ""),
    "_enabled": ("def _enabled(self):", "    return self.enabled", ""),
}
"""Methods of ``Service`` that generated statements call (the effectful ones record an event)."""

VAR = "THOR_SCHEDULER_MODE"

VALUES: tuple[str | None, ...] = (
    None,
    "",
    "heartbeat",
    "Heartbeat",
    "HEARTBEAT",
    " heartbeat",
    "heartbeat ",
    "heartbeat\r",
    "legacy",
    "Legacy",
    " legacy",
    "bogus",
    "heartbea",
)
"""The values every case is executed under (``None`` = unset); ``"heartbea"`` is outside the verifier's own table
(8 characters, a prefix of the heartbeat value) so that tests the table cannot decide are caught by execution."""


def heartbeat_world(value: str | None) -> bool:
    """DESIGN §1: the heartbeat runs when the variable is unset or ``value.lower() == "heartbeat"``."""
    return value is None or value.lower() == "heartbeat"


KNOB_ENV: dict[str, tuple[str | None, ...]] = {
    # variable -> (value that lets the body run, other values...)
    "RUN_MAIN": ("true", None, "false"),
    "FEATURE_WORKERS": ("1", None, "0", ""),
}
KNOB_ATTRS: dict[str, tuple[object, ...]] = {
    "disabled": (False, True),
    "enabled": (True, False),
    "x": (0, 1, 2),
    "name": ("feed", "", "Feed"),
}


@dataclass(frozen=True)
class Scenario:
    """Values of the other environment variables and of the receiver's attributes for one run."""

    env: tuple[tuple[str, str], ...]
    attrs: tuple[tuple[str, object], ...]

    def as_json(self) -> dict:
        return {"env": dict(self.env), "attrs": {**dict(self.attrs), "_cache": {}}}


PERMISSIVE = Scenario(
    env=tuple((k, v[0]) for k, v in KNOB_ENV.items() if v[0] is not None),
    attrs=tuple((k, v[0]) for k, v in KNOB_ATTRS.items()),
)
"""Scenario 0 of every case: every other condition lets the legacy body run."""
OPPOSITE = Scenario(env=(), attrs=tuple((k, v[1]) for k, v in KNOB_ATTRS.items()))
"""Scenario 1: other variables unset, every attribute at its second value (the branches scenario 0 skips)."""


@dataclass(frozen=True)
class Feature:
    """One construct, with the lines it adds to each place of the project (relative indentation)."""

    tag: str
    prefix: tuple[str, ...] = ()
    """Statements of the entry point, in feature order (the guard is one of the features)."""
    main_top: tuple[str, ...] = ()
    """Module-level statements of main.py before the entry point."""
    main_bottom: tuple[str, ...] = ()
    """Module-level statements of main.py after the entry point."""
    class_top: tuple[str, ...] = ()
    class_bottom: tuple[str, ...] = ()
    decorators: tuple[str, ...] = ()
    """Decorators of the entry point (without ``@``)."""
    util: tuple[str, ...] = ()
    files: tuple[tuple[str, str], ...] = ()
    """Extra files (path relative to the package -> text)."""
    outside: bool = False
    """Harmless at run time but outside the verifier's documented language (TG009 is a fair answer)."""
    guard: bool = False
    """The feature that tests the mode variable."""


@dataclass(frozen=True)
class Case:
    """A generated project with one entry point."""

    kind: str
    """``function``, ``method``, ``staticmethod`` or ``classmethod``."""
    is_async: bool
    features: tuple[Feature, ...]
    scenarios: tuple[Scenario, ...] = (PERMISSIVE,)
    number: int = 0
    """Makes the package name ``g<number>``; set when a batch is written."""

    @property
    def package(self) -> str:
        return f"g{self.number}"

    @property
    def qualname(self) -> str:
        return "start" if self.kind == "function" else "Service.start"

    @property
    def target(self) -> str:
        return f"{self.package}.main:{self.qualname}"

    @property
    def outside(self) -> bool:
        return any(f.outside for f in self.features)

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(f.tag for f in self.features)

    def without(self, index: int) -> Case:
        return replace(self, features=self.features[:index] + self.features[index + 1 :])

    def renumbered(self, number: int) -> Case:
        return replace(self, number=number)

    def files(self) -> dict[str, str]:
        """Relative path -> text of every file of the case."""
        files = {
            f"{self.package}/__init__.py": "",
            f"{self.package}/main.py": self._main(),
            f"{self.package}/util.py": self._util(),
        }
        for feature in self.features:
            for relative, text in feature.files:
                files[f"{self.package}/{relative}"] = text.replace("{pkg}", self.package)
        return files

    def write(self, root: Path) -> None:
        for relative, text in self.files().items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def _lines(self, place: str) -> list[str]:
        return [line.replace("{pkg}", self.package) for f in self.features for line in getattr(f, place)]

    def _main(self) -> str:
        body: list[str] = []
        for feature in self.features:
            body += [line.replace("{pkg}", self.package) for line in feature.prefix]
            if feature.guard:
                # The verifier does not judge the body; the oracle's legacy check stops here too.
                body.append("tg_sentinel.after_guard()")
        body += ["tg_sentinel.body()", "threading.Thread(target=_noop).start()"]
        params = {"function": "", "method": "self", "staticmethod": "", "classmethod": "cls"}[self.kind]
        header = ("async def" if self.is_async else "def") + f" start({params}):"
        entry = [*("@" + d for d in self._lines("decorators")), header, *("    " + line for line in body)]
        rest: list[str] = [*self._lines("main_top"), ""]
        if self.kind == "function":
            rest += entry
        else:
            members = self._lines("class_top")
            if self.kind in ("staticmethod", "classmethod"):
                entry = [f"@{self.kind}", *entry]
            members += entry + self._lines("class_bottom")
            used = "\n".join(members)
            # The receiver's helper methods, only those the case calls (short counterexamples).
            support = [line for name, lines in CLASS_SUPPORT.items() if re.search(rf"\b{name}\(", used) for line in lines]
            out_members = support + members
            rest += ["class Service:", *("    " + line if line else "" for line in out_members)]
        rest += ["", *self._lines("main_bottom")]
        text = "\n".join(rest)
        # Import what the case uses (always os and tg_sentinel): fewer lines to analyse and to read.
        imports = [line for name, line in MAIN_IMPORTS if name in ("logging", "os", "tg_sentinel", "threading") or re.search(rf"(?<![.\w]){name}\b", text)]
        head = [
            *imports,
            f"from {self.package} import util",
            "",
            "logger = logging.getLogger(__name__)",
            f'ENV_NAME = "{VAR}"',
            "COUNTER = 0",
            "",
            "",
            "def _noop():",
            "    pass",
            "",
            "",
        ]
        return "\n".join(head) + "\n" + text + "\n"

    def _util(self) -> str:
        head = [
            "import functools",
            "import os",
            "from os import environ, getenv",
            "",
            "import tg_sentinel",
            "",
            f'ENV_NAME = "{VAR}"',
            "",
        ]
        return "\n".join(head + self._lines("util")) + "\n"


@dataclass
class Batch:
    """Cases numbered ``g<start>``... written under one root with one manifest."""

    cases: list[Case] = field(default_factory=list)

    def write(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        for case in self.cases:
            case.write(root)
        entries = ", ".join(f'"{case.target}"' for case in self.cases)
        (root / "pyproject.toml").write_text(
            f'[tool.thor-guard]\nsource-roots = ["."]\npreset = "none"\nentry-points = [{entries}]\n', encoding="utf-8"
        )

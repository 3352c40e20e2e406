"""Warnings about the analysed code are the analysed code's business, not thor-guard's (review AR3-13).

``check``, ``apply``, ``audit`` and ``init`` parse and compile the project's
source (``ast.parse``, ``compile``, ``symtable``, libcst's evaluation of string
literals) but never run it. Python warns while compiling ordinary legacy code
(``"\\d+"``: an invalid escape sequence is a ``DeprecationWarning`` up to 3.11
and a ``SyntaxWarning`` from 3.12; ``x is 1`` is a ``SyntaxWarning``), once per
internal compile, so a single regex-heavy file printed about a hundred lines
attributed to ``<unknown>:1``; under ``PYTHONWARNINGS=error`` the warning became
a ``SyntaxError`` inside thor-guard and the run ended as an internal error
(exit 3). Python reports these warnings to the person who *runs* the module;
thor-guard only reads it, so it ignores them while it analyses. The filters are
restored on exit, and the commands that run project code (``run-heartbeat``)
never enter this.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

ANALYSING_COMMANDS = frozenset({"check", "apply", "audit", "init"})
"""The sub-commands that read project source and never run it."""

SOURCE_WARNINGS: tuple[type[Warning], ...] = (SyntaxWarning, DeprecationWarning)
"""What compiling someone else's source may warn about (the compiler's own categories)."""


@contextmanager
def quiet_source_warnings() -> Iterator[None]:
    """Ignore :data:`SOURCE_WARNINGS` inside the block, whatever ``-W``/``PYTHONWARNINGS`` say; restore the filters after."""
    with warnings.catch_warnings():
        for category in SOURCE_WARNINGS:
            warnings.simplefilter("ignore", category)
        yield

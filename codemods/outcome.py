"""What the codemod did (or refused to do) for one entry point: plain data for reporters.

The command records one :class:`FunctionOutcome` per targeted function that
was not already clean; ``thor-guard apply`` counts and prints them, libcst's
runner sees the "needs a person" ones as codemod warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from libcst.codemod import SkipFile

Action = Literal["fixed", "needs-person"]


@dataclass(frozen=True, order=True)
class FunctionOutcome:
    """One entry point: fixed (``codes`` were repaired) or left for a person (``codes`` explain why)."""

    line: int
    column: int
    qualname: str
    action: Action
    codes: tuple[str, ...]
    detail: str
    """What was done (``inserted the canonical guard``) or why nothing was (a sentence a person can act on)."""
    note: str = ""
    """For a fixed function, what a reviewer should read about the fix (an existing condition kept below the
    guard, an exit value reused, a guard that binds no local...), or empty for the plain fix; the CLI prints it."""


class RefuseFile(SkipFile):
    """The file is left untouched for a reason both runners report alike.

    Under libcst's runner it surfaces as a skipped file with this reason;
    ``thor-guard apply`` reports it as ``path: error: <reason>`` — or, when
    ``per_function`` is set, as one "needs a person" line per targeted function
    (the codemod recorded those outcomes before refusing).
    """

    def __init__(self, reason: str, *, per_function: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.per_function = per_function

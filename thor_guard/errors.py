"""Exit codes and the error types every command maps onto them.

One table, so that ``check``, ``apply``, ``audit`` and the heartbeat runner
agree on what 0, 1 and 2 mean to pre-commit and CI.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit statuses shared by every sub-command."""

    CLEAN = 0
    """Nothing to report (or, for ``apply``, nothing left to fix)."""
    FINDINGS = 1
    """Findings were reported (or ``apply --check`` would change files)."""
    ERROR = 2
    """Usage, configuration or parse errors; the run still reported what it could."""
    INTERNAL = 3
    """thor-guard itself failed (a bug): never a findings code, so CI cannot mistake a crash for findings."""


class ThorGuardError(Exception):
    """Base class for errors that end in a one-line message and exit code 2."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        return f"{self.path}: {self.message}"


class ConfigError(ThorGuardError):
    """The configuration file or a configuration value is invalid."""


class TargetError(ConfigError):
    """A ``module:qualname`` target is malformed."""


class SourceError(ThorGuardError):
    """A Python source file that cannot be read, decoded or parsed.

    Built with :meth:`from_exception`, so that ``check``, ``apply`` and
    ``audit`` word the same failure the same way (one formatter:
    :func:`describe_source_error`).
    """

    @classmethod
    def from_exception(cls, path: Path, data: bytes | None, exc: BaseException) -> SourceError:
        """Wrap the exception that reading or parsing ``path`` (``data``: its bytes, when read) raised."""
        return cls(describe_source_error(data, exc), path)


def describe_source_error(data: bytes | None, exc: BaseException) -> str:
    """One line for a source file that could not be read, decoded or parsed.

    Positions are CPython's: ``line L, column C``, both 1-based. A libcst
    parse failure is checked against :func:`ast.parse`, so a real syntax error
    gets CPython's position and wording whichever parser found it, and a file
    Python accepts but libcst cannot parse (a form feed in an odd place, say)
    is named as such. ``data`` is the file's bytes (None when it could not be
    read); ``exc`` is the exception raised (OSError, UnicodeDecodeError,
    LookupError, SyntaxError or libcst's ParserSyntaxError).
    """
    if isinstance(exc, OSError):
        return f"cannot read file: {exc.strerror or exc}"
    if data is not None:
        # Which parser hit a bad byte or cookie first must not change the words: decode here, once.
        problem = decoding_problem(data)
        if problem is not None:
            return problem
    if isinstance(exc, UnicodeDecodeError):
        return f"cannot decode source: {exc.reason} at byte {exc.start}"
    if isinstance(exc, LookupError):
        return f"cannot decode source: {exc}"
    if isinstance(exc, SyntaxError):
        return _syntax_error_text(exc)
    if type(exc).__name__ == "ParserSyntaxError" and data is not None:
        import ast

        try:
            ast.parse(data)
        except SyntaxError as cpython:
            return _syntax_error_text(cpython)
        except ValueError:  # null bytes: CPython refuses the source before parsing
            return "cannot decode source: source code contains null bytes"
        line = getattr(exc, "raw_line", 0)
        column = getattr(exc, "raw_column", 0) + 1
        message = getattr(exc, "message", str(exc))
        return f"libcst cannot parse this file (Python accepts it) at line {line}, column {column}: {message}"
    return f"cannot parse: {exc}".splitlines()[0]


def decoding_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be decoded as Python source (PEP 263 cookie or BOM, else UTF-8), or None when it can."""
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:  # an unknown or conflicting coding cookie
        return f"cannot decode source: {exc.msg}"
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return f"cannot decode source as {encoding}: {exc.reason} (byte 0x{data[exc.start]:02x} on line {line})"
    except LookupError as exc:  # pragma: no cover - detect_encoding already refuses unknown codecs
        return f"cannot decode source: {exc}"
    return None


def _syntax_error_text(exc: SyntaxError) -> str:
    """CPython's syntax error as one line; decoding failures reported as SyntaxError say so."""
    message = exc.msg or "invalid syntax"
    if exc.lineno is None or "codec" in message or "decode" in message or "encoding" in message:
        return f"cannot decode source: {message}"
    return f"syntax error at line {exc.lineno}, column {exc.offset or 1}: {message}"

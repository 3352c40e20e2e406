"""Standard streams that never crash on an encoding: non-UTF-8 terminals get an ASCII fallback.

``audit`` prints call paths with ``→``; on a cp1252 or ASCII stdout
(``PYTHONIOENCODING=cp1252``, an old Windows console, ``LANG=C``) Python would
raise UnicodeEncodeError mid-report. :func:`degrade_streams` installs an
encoding error handler on stdout and stderr instead: known typographic
characters become their ASCII spelling (``->``, ``...``, ``-``), accented
letters lose their accents, anything else becomes ``?``.
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata

ERROR_HANDLER = "thor-guard-ascii"

# Typographic characters the tool's own output uses, spelled in ASCII.
ASCII_SPELLING: dict[str, str] = {
    "→": "->",
    "←": "<-",
    "…": "...",
    "—": "-",
    "–": "-",
    "≥": ">=",
    "≤": "<=",
    "§": "S",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "·": "*",
    "✓": "ok",
    "✗": "x",
}


def ascii_fallback(text: str) -> str:
    """``text`` with every non-ASCII character replaced by an ASCII spelling (see the module doc)."""
    out: list[str] = []
    for char in text:
        if char.isascii():
            out.append(char)
        elif char in ASCII_SPELLING:
            out.append(ASCII_SPELLING[char])
        else:
            stripped = "".join(c for c in unicodedata.normalize("NFKD", char) if c.isascii())
            out.append(stripped or "?")
    return "".join(out)


def _handler(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return ascii_fallback(error.object[error.start : error.end]), error.end


def register() -> None:
    """Register the ``thor-guard-ascii`` codec error handler (idempotent)."""
    try:
        codecs.lookup_error(ERROR_HANDLER)
    except LookupError:
        codecs.register_error(ERROR_HANDLER, _handler)


def degrade_streams() -> None:
    """Make ``sys.stdout``/``sys.stderr`` fall back to ASCII instead of raising on unencodable text.

    Characters the stream's encoding has (``ü`` in cp1252) are kept; only the
    ones it lacks are replaced. Streams that are not text wrappers (a test
    runner's capture) are left alone.
    """
    register()
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", None):
            try:
                stream.reconfigure(errors=ERROR_HANDLER)
            except (ValueError, io.UnsupportedOperation):  # pragma: no cover - a detached or closed stream
                continue

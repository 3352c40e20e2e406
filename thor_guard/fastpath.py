"""The click-free front door: ``--version``, ``--help`` and a plain ``check``.

Importing click and the command modules costs several times what starting
the interpreter does, and a pre-commit hook runs ``thor-guard check`` on every
commit. :func:`run` serves the three commonest invocations without click:

* ``thor-guard --version`` / ``-V``;
* ``thor-guard --help`` / ``-h``, rendered by :func:`group_help` exactly as
  click renders it (same wrapping rules, same terminal-width clamp; a test
  compares both at several widths);
* ``thor-guard check [PATHS] [--config FILE] [--format F] [--fail-on L]
  [--no-cache] [--statistics] [--no-color]``, which runs
  :func:`thor_guard.commands.check_run.execute_check`, the same body as the
  click command.

Everything else - another sub-command, ``--select``/``--ignore``, an
unknown or malformed option, a configuration error, a path that does not
exist with no other - returns ``None`` *before anything is printed*, and
:func:`thor_guard.cli.main` hands the arguments to the click group, which
produces its usual output and usage errors.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

HELP_OPTIONS = (("-V, --version", "Show the version and exit."), ("-h, --help", "Show this message and exit."))
"""The group's option rows as click renders them (``click.version_option`` and the help option)."""
MAX_CONTENT_WIDTH = 100
"""``context_settings["max_content_width"]`` of the click group (:mod:`thor_guard.cli_group`)."""

_CHECK_CHOICES = {"--format": ("text", "json", "sarif", "github"), "--fail-on": ("error", "warning", "never")}
_CHECK_FLAGS = ("--no-cache", "--statistics", "--no-color")


def run(args: Sequence[str]) -> int | None:
    """Serve ``args`` without click and return the exit code, or ``None`` (nothing printed) to defer to click."""
    if len(args) == 1 and args[0] in ("--version", "-V"):
        from thor_guard import __version__

        _out(f"thor-guard {__version__}\n")
        return 0
    if len(args) == 1 and args[0] in ("--help", "-h"):
        _out(group_help() + "\n")
        return 0
    if args and args[0] == "check":
        return _check(args[1:])
    return None


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _err(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def parse_check_args(args: Sequence[str]) -> dict[str, object] | None:
    """The options of a plain ``check`` as the click command would receive them, or None when not plain.

    Accepts paths and the options named in the module docstring, in any
    order, as ``--opt value`` or ``--opt=value``; a repeated option keeps its
    last value, as click does. Returns None for anything else.
    """
    options: dict[str, object] = {"paths": [], "config_file": None, "fmt": "text", "fail_on": "error", "no_cache": False, "statistics": False, "no_color": False}
    names = {"--config": "config_file", "--format": "fmt", "--fail-on": "fail_on"}
    paths: list[Path] = []
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if not arg:
            return None
        if not arg.startswith("-"):
            paths.append(Path(arg))
            continue
        if arg in _CHECK_FLAGS:
            options[arg[2:].replace("-", "_")] = True
            continue
        name, has_value, value = arg.partition("=")
        if name not in names:
            return None  # --select, --ignore, -h, --help, '--', '-', a typo: click's business
        if not has_value:
            if index >= len(args) or args[index].startswith("-") or not args[index]:
                return None
            value = args[index]
            index += 1
        if name in _CHECK_CHOICES and value not in _CHECK_CHOICES[name]:
            return None
        if name == "--config":
            if not value:
                return None
            options["config_file"] = Path(value)
        else:
            options[names[name]] = value
    options["paths"] = paths
    return options


def _check(args: Sequence[str]) -> int | None:
    options = parse_check_args(args)
    if options is None:
        return None
    from thor_guard.commands.check_run import execute_check
    from thor_guard.commands.plain import no_config_notice, split_paths
    from thor_guard.config import load_config
    from thor_guard.errors import ThorGuardError

    paths = options["paths"]
    config_file = options["config_file"]
    assert isinstance(paths, list) and (config_file is None or isinstance(config_file, Path))
    existing, missing = split_paths(paths)
    if missing and not existing:
        return None
    try:
        config = load_config(existing, config_file)
    except ThorGuardError:
        return None  # the click path reports it in its own words
    notice = no_config_notice(config, existing, explicit=config_file is not None)
    output = execute_check(
        existing,
        config,
        missing,
        fmt=str(options["fmt"]),
        selected=None,
        ignored=None,
        fail_on=str(options["fail_on"]),
        statistics=bool(options["statistics"]),
        no_color=bool(options["no_color"]),
        no_cache=bool(options["no_cache"]),
    )
    if notice:
        _err(notice + "\n")
    _out(output.stdout)
    if output.stderr:
        _err(output.stderr)
    return output.exit_code


def group_help(width: int | None = None) -> str:
    """The group's ``--help`` page, character for character what click 8 renders (without the final newline).

    ``width`` is the text width; by default click's rule: the terminal's
    columns (``COLUMNS`` or the tty, else 80) clamped to
    :data:`MAX_CONTENT_WIDTH`, minus 2, and at least 50.
    """
    from thor_guard.cli import GROUP_HELP, LAZY_COMMANDS

    if width is None:
        width = max(min(terminal_columns(), MAX_CONTENT_WIDTH) - 2, 50)
    out = [_usage("thor-guard", "[OPTIONS] COMMAND [ARGS]...", width), "\n"]
    out += ["\n", _wrap_paragraphs(GROUP_HELP.strip("\n"), width, "  "), "\n"]
    out += ["\n", "Options:\n", _definition_list(HELP_OPTIONS, width, 2)]
    rows = tuple((name, text) for name, (_, text) in LAZY_COMMANDS.items())
    out += ["\n", "Commands:\n", _definition_list(rows, width, 2)]
    return "".join(out).rstrip("\n")


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns`` without importing shutil (and bz2, lzma with it).

    ``COLUMNS`` when it is a positive integer, else the size of the terminal
    on the original stdout, else 80: the same order and fallback as shutil.
    """
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        if columns <= 0:
            columns = 80
    return columns


# -- a port of the parts of click.formatting this page uses (click 8, BSD-3-Clause) -------------------------


def _wrapper(width: int, initial: str = "", subsequent: str = ""):  # type: ignore[no-untyped-def]
    import textwrap

    class Wrapper(textwrap.TextWrapper):
        def _handle_long_word(self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int) -> None:
            # click cuts a word longer than the line where the line ends, not at the line's full width
            space_left = max(width - cur_len, 1)
            if self.break_long_words:
                last = reversed_chunks[-1]
                cur_line.append(last[:space_left])
                reversed_chunks[-1] = last[space_left:]
            elif not cur_line:
                cur_line.append(reversed_chunks.pop())

    return Wrapper(width, initial_indent=initial, subsequent_indent=subsequent, replace_whitespace=False)


def _usage(prog: str, args: str, width: int) -> str:
    prefix = f"Usage: {prog} "
    if width >= len(prefix) + 20:
        return _wrapper(width, prefix, " " * len(prefix)).fill(args)
    indent = " " * (len("Usage: ") + 4)
    return prefix + "\n" + _wrapper(width, indent, indent).fill(args)


def _wrap_paragraphs(text: str, width: int, indent: str = "") -> str:
    """click's ``wrap_text(..., preserve_paragraphs=True)``: blank-line paragraphs, a ``\\b`` line keeps a block as is."""
    text = text.expandtabs()
    paragraphs: list[tuple[int, bool, str]] = []
    buffer: list[str] = []
    par_indent: int | None = None

    def flush() -> None:
        if not buffer:
            return
        if buffer[0].strip() == "\b":
            paragraphs.append((par_indent or 0, True, "\n".join(buffer[1:])))
        else:
            paragraphs.append((par_indent or 0, False, " ".join(buffer)))
        del buffer[:]

    for line in text.splitlines():
        if not line:
            flush()
            par_indent = None
        else:
            if par_indent is None:
                stripped = line.lstrip()
                par_indent = len(line) - len(stripped)
                line = stripped
            buffer.append(line)
    flush()
    rendered = []
    for extra, raw, body in paragraphs:
        full = indent + " " * extra
        if raw:
            rendered.append("\n".join(full + line for line in body.splitlines()))
        else:
            rendered.append(_wrapper(width, full, full).fill(body))
    return "\n\n".join(rendered)


def _definition_list(rows: tuple[tuple[str, str], ...], width: int, indent: int, col_max: int = 30, col_spacing: int = 2) -> str:
    first_col = min(max(len(first) for first, _ in rows), col_max) + col_spacing
    out: list[str] = []
    for first, second in rows:
        out.append(" " * indent + first)
        if not second:
            out.append("\n")
            continue
        if len(first) <= first_col - col_spacing:
            out.append(" " * (first_col - len(first)))
        else:
            out.append("\n" + " " * (first_col + indent))
        lines = _wrap_paragraphs(second, max(width - first_col - 2, 10)).splitlines()
        if lines:
            out.append(lines[0] + "\n")
            out.extend(" " * (first_col + indent) + line + "\n" for line in lines[1:])
        else:
            out.append("\n")
    return "".join(out)

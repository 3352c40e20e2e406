"""The canonical guard, rendered in the file's own newline and indentation style.

One place spells what apply inserts, so that the guard the codemod writes is
the guard the verifier accepts and the documentation shows::

    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy Service.start (heartbeat scheduler mode active)")
        return
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import libcst as cst
from libcst import PartialParserConfig


@dataclass(frozen=True)
class GuardSpec:
    """Everything the canonical guard depends on; all names already checked by :mod:`codemods.bindings`."""

    env_call: str
    env_var: str
    heartbeat_value: str
    local_name: str
    logger_name: str
    log_level: str
    qualname: str
    exit_statement: str
    inline: bool = False
    """Read the variable in the condition itself and bind no local (for functions that read ``locals()``)."""
    yield_first: bool = False
    """Yield once before exiting (a ``@contextmanager`` generator must yield, or ``with`` raises)."""
    encoding: str = "utf-8"
    """The file's encoding: string literals escape what it cannot hold."""


@dataclass(frozen=True)
class Layout:
    """Where the guard goes: the indentation of the body it joins and the project's line length."""

    body_indent: str = "    "
    line_length: int = 88

    def fits(self, text: str, extra_indent: str = "") -> bool:
        return len((self.body_indent + extra_indent).expandtabs(4)) + len(text) <= self.line_length


def _literal(text: str, encoding: str = "utf-8") -> str:
    """A double-quoted Python string literal for ``text`` that the file's ``encoding`` can hold.

    JSON escapes are valid Python escapes; a character the encoding cannot
    hold (``€`` in a latin-1 file, ``é`` in an ascii one: a configured
    ``env-var`` or ``heartbeat-value``) is written as a ``\\x``/``\\u``/``\\U``
    escape, which means the same string (review AR2-3). So is a character
    the encoding maps to bytes that read back as another one (``¬`` in a
    cp932 file reads back as ``￢``).
    """
    literal = json.dumps(text, ensure_ascii=False)
    if literal.isascii():
        return literal
    return "".join(char if char.isascii() or _encodable(char, encoding) else _escape(char) for char in literal)


def _encodable(char: str, encoding: str) -> bool:
    # Encoding is not enough: cp932 encodes U+00AC '¬' as the bytes that decode to
    # U+FFE2 '￢', so the file would name a different variable. Only a round trip
    # that gives the character back lets it stand as itself.
    try:
        return char.encode(encoding).decode(encoding) == char
    except (UnicodeError, LookupError):
        return False


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def skip_message(qualname: str) -> str:
    return f"Skipping legacy {qualname} (heartbeat scheduler mode active)"


def _read(spec: GuardSpec) -> str:
    return f"{spec.env_call}({_literal(spec.env_var, spec.encoding)}, {_literal(spec.heartbeat_value, spec.encoding)}).lower()"


def _parser_config(config: PartialParserConfig) -> PartialParserConfig:
    """``config`` with a form feed dropped from the indentation (libcst refuses one there; Python ignores it)."""
    indent = config.default_indent.replace("\f", "")
    if indent == config.default_indent:
        return config
    return PartialParserConfig(
        python_version=config.python_version,
        default_indent=indent or "    ",
        default_newline=config.default_newline,
    )


def module_parser_config(module: cst.Module) -> PartialParserConfig:
    """``module.config_for_parsing`` that also works when the module's indentation holds a form feed."""
    return PartialParserConfig(
        default_indent=module.default_indent.replace("\f", "") or "    ",
        default_newline=module.default_newline,
    )


def _split_message(message: str, fits: Callable[[str], bool]) -> list[str]:
    """``message`` as one part when it fits, else cut after spaces into parts that fit (implicitly concatenated)."""
    if fits(message):
        return [message]
    parts: list[str] = []
    current = ""
    for word in message.split(" "):
        candidate = f"{current}{word} "
        if current and not fits(candidate.rstrip(" ") + " "):
            parts.append(current)
            current = f"{word} "
        else:
            current = candidate
    parts.append(current[:-1])
    return parts


def mode_assignment(spec: GuardSpec, config: PartialParserConfig, layout: Layout = Layout()) -> cst.SimpleStatementLine:
    """``scheduler_mode = os.environ.get(VAR, "heartbeat").lower()``, wrapped as black does when too long."""
    config = _parser_config(config)
    newline, indent = config.default_newline, config.default_indent
    line = f"{spec.local_name} = {_read(spec)}"
    if not layout.fits(line):
        line = (
            f"{spec.local_name} = {spec.env_call}({newline}"
            f"{indent}{_literal(spec.env_var, spec.encoding)}, {_literal(spec.heartbeat_value, spec.encoding)}{newline}).lower()"
        )
    statement = cst.parse_statement(line + newline, config=config)
    assert isinstance(statement, cst.SimpleStatementLine)
    return statement


def _condition_source(spec: GuardSpec) -> str:
    left = _read(spec) if spec.inline else spec.local_name
    return f"{left} == {_literal(spec.heartbeat_value.lower(), spec.encoding)}"


def mode_condition(spec: GuardSpec) -> cst.BaseExpression:
    """``scheduler_mode == "heartbeat"`` (the value lowered, as the read lowers it), or the read itself when inline."""
    return cst.parse_expression(_condition_source(spec))


def canonical_guard(
    spec: GuardSpec, config: PartialParserConfig, layout: Layout = Layout()
) -> tuple[cst.SimpleStatementLine | None, cst.If]:
    """The statements of the canonical guard: the mode read (None when inline) and the ``if`` that logs and exits."""
    config = _parser_config(config)
    indent = config.default_indent
    newline = config.default_newline
    condition = _condition_source(spec)
    head = f"if {condition}:"
    if not layout.fits(head):
        left, _, right = condition.rpartition(" == ")
        head = f"if ({newline}{indent}{left}{newline}{indent}== {right}{newline}):"
    message = skip_message(spec.qualname)
    log = f"{spec.logger_name}.{spec.log_level}({_literal(message, spec.encoding)})"
    if not layout.fits(log, indent):
        parts = _split_message(message, lambda text: layout.fits(_literal(text, spec.encoding), indent * 2))
        inner = newline.join(f"{indent * 2}{_literal(part, spec.encoding)}" for part in parts)
        log = f"{spec.logger_name}.{spec.log_level}({newline}{inner}{newline}{indent})"
    lines = [head, f"{indent}{log}"]
    if spec.yield_first:
        lines.append(f"{indent}yield")
    lines.append(f"{indent}{spec.exit_statement}")
    statement = cst.parse_statement(newline.join(lines) + newline, config=config)
    assert isinstance(statement, cst.If)
    # An explicit indent: the module's default may hold a form feed, which must not be repeated inside the line.
    statement = statement.with_changes(body=statement.body.with_changes(indent=indent))
    assignment = None if spec.inline else mode_assignment(spec, config, layout)
    return assignment, statement

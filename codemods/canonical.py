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


def _literal(text: str) -> str:
    """A double-quoted Python string literal for ``text`` (JSON escapes are valid Python escapes)."""
    return json.dumps(text, ensure_ascii=False)


def skip_message(qualname: str) -> str:
    return f"Skipping legacy {qualname} (heartbeat scheduler mode active)"


def mode_assignment(spec: GuardSpec, config: PartialParserConfig) -> cst.SimpleStatementLine:
    """``scheduler_mode = os.environ.get(VAR, "heartbeat").lower()``."""
    source = f"{spec.local_name} = {spec.env_call}({_literal(spec.env_var)}, {_literal(spec.heartbeat_value)}).lower(){config.default_newline}"
    statement = cst.parse_statement(source, config=config)
    assert isinstance(statement, cst.SimpleStatementLine)
    return statement


def mode_condition(spec: GuardSpec) -> cst.BaseExpression:
    """``scheduler_mode == "heartbeat"`` (the value lowered, as the read lowers it)."""
    return cst.parse_expression(f"{spec.local_name} == {_literal(spec.heartbeat_value.lower())}")


def canonical_guard(spec: GuardSpec, config: PartialParserConfig) -> tuple[cst.SimpleStatementLine, cst.If]:
    """The two statements of the canonical guard: the mode read and the ``if`` that logs and exits."""
    indent = config.default_indent
    newline = config.default_newline
    source = (
        f"if {spec.local_name} == {_literal(spec.heartbeat_value.lower())}:{newline}"
        f"{indent}{spec.logger_name}.{spec.log_level}({_literal(skip_message(spec.qualname))}){newline}"
        f"{indent}{spec.exit_statement}{newline}"
    )
    statement = cst.parse_statement(source, config=config)
    assert isinstance(statement, cst.If)
    return mode_assignment(spec, config), statement

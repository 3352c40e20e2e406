"""Calls of library functions the verifier takes as pure, checked against what they accept (hostile review 16).

A call the evaluator judges pure but that raises ``TypeError`` (``logging.getLogger(__name__, 1)``,
``contextlib.nullcontext(1, 2)``, ``logger.warning("x", bogus=1)``) or ``KeyError`` (``extra={"message": ...}``)
ends every path before the guard: the legacy body never runs, which ``check`` must report (TG006), not prove
guarded. The shapes are read from the running interpreter's own objects (:func:`inspect.signature`,
:class:`logging.LogRecord`), so they follow its version.

Each function returns None when the call is accepted, else ``(exception class name, reason)`` for a
:class:`~thor_guard.verifier.evaluate.Crash`.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import logging
import sys

import libcst as cst

_PLACEHOLDER = object()


def call_shape(node: cst.Call) -> tuple[int, tuple[str, ...]] | None:
    """``(positional count, keyword names)`` of a call, or None when a ``*``/``**`` argument hides them."""
    if any(argument.star for argument in node.args):
        return None
    positional = sum(1 for argument in node.args if argument.keyword is None)
    keywords = tuple(argument.keyword.value for argument in node.args if argument.keyword is not None)
    return positional, keywords


@functools.cache
def _signature(dotted: str) -> inspect.Signature | None:
    module, _, name = dotted.rpartition(".")
    if module.split(".")[0] not in sys.stdlib_module_names:
        return None  # only the standard library is imported into the verifier's process
    try:
        found = getattr(importlib.import_module(module), name)
        return inspect.signature(found)
    except (ImportError, AttributeError, TypeError, ValueError):
        return None


def library_call_problem(dotted: str, node: cst.Call) -> tuple[str, str] | None:
    """Why calling the standard-library callable ``dotted`` as ``node`` spells it raises TypeError (its signature
    does not bind the arguments: ``getLogger(name, 1)``), or None (it binds, or the shape is not known)."""
    shape = call_shape(node)
    signature = _signature(dotted)
    if shape is None or signature is None:
        return None
    positional, keywords = shape
    try:
        signature.bind(*([_PLACEHOLDER] * positional), **dict.fromkeys(keywords, _PLACEHOLDER))
    except TypeError as exc:
        return "TypeError", f"{dotted}() raises TypeError ({exc})"
    return None


@functools.cache
def _log_keywords() -> frozenset[str]:
    """The keywords a logger's ``debug``/``info``/…/``log`` pass on to ``Logger._log``."""
    return frozenset(inspect.signature(logging.Logger._log).parameters) - {"self", "level", "msg", "args"}


@functools.cache
def _record_attributes() -> frozenset[str]:
    """Keys ``extra=`` may not hold: ``makeRecord`` raises KeyError for ``message``, ``asctime`` and every
    attribute a :class:`logging.LogRecord` sets on itself."""
    record = logging.LogRecord("name", logging.WARNING, "path", 1, "message", (), None)
    return frozenset({"message", "asctime", *record.__dict__})


def log_call_problem(method: str, node: cst.Call, level: object) -> tuple[str, str] | None:
    """Why a logger method call raises when its record is made (the logger is enabled for the level), or None.

    ``method``: ``debug``/``info``/``warning``/``error``/``exception``/``critical``/``log``; ``level``: the value of
    ``log``'s first argument (anything for the others). Checked: a message is given, every keyword is one
    ``Logger._log`` takes, ``log``'s level is an int (TypeError, ``logging.raiseExceptions`` being its default), and
    a literal ``extra`` dict names no record attribute (KeyError)."""
    shape = call_shape(node)
    if shape is None:
        return None
    positional, keywords = shape
    needed = 2 if method == "log" else 1
    if positional < needed and "msg" not in keywords:
        return "TypeError", f"{method}() raises TypeError (a message argument is missing)"
    unknown = sorted(set(keywords) - _log_keywords() - {"msg", "level"})
    if unknown:
        return "TypeError", f"{method}() raises TypeError (Logger._log() got an unexpected keyword argument {unknown[0]!r})"
    if method == "log" and level is not _PLACEHOLDER and isinstance(level, (str, float, bytes, tuple, frozenset)) and not isinstance(level, bool):
        return "TypeError", "log() raises TypeError (level must be an integer)"
    extra = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == "extra"), None)
    if isinstance(extra, cst.Dict):
        for element in extra.elements:
            if isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString):
                key = element.key.evaluated_value
                if key in _record_attributes():
                    return "KeyError", f"{method}() raises KeyError (extra= may not overwrite the record attribute {key!r})"
    return None


ANY_LEVEL = _PLACEHOLDER
"""The ``level`` to give :func:`log_call_problem` for a method other than ``log``, or a level not known."""

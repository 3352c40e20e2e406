"""The replacement fields of a ``str.format`` / ``str.format_map`` template, as the formatter reads them.

``"{0.x}".format(obj)`` and ``"{s.x}".format_map({"s": obj})`` read ``obj.x`` at run time: both the evaluator
(call time, on libcst nodes) and the import-time reach (on ``ast`` nodes) judge those attribute loads, so the
template is parsed here once for both (hostile reviews 6, 12 and 13).
"""

from __future__ import annotations

import string
from typing import NamedTuple


class Field(NamedTuple):
    """One replacement field: ``head`` names the argument (``"0"``, ``"s"``; automatic numbering already applied to
    ``{}``), ``rest`` is what follows the first ``.`` (``"x.y[0]"``, empty without one), ``text`` the field as
    written (``"s.x"``, ``""`` for ``{}``)."""

    head: str
    rest: str
    text: str


def replacement_fields(template: str) -> list[Field] | None:
    """The fields of ``template`` in order; None when the formatter rejects it (the call raises ValueError)."""
    try:
        parsed = [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]
    except ValueError:
        return None
    fields: list[Field] = []
    automatic = 0
    for text in parsed:
        head, _, rest = text.partition(".")
        head = head.split("[")[0]
        if head == "":
            head, automatic = str(automatic), automatic + 1
        fields.append(Field(head, rest, text))
    return fields

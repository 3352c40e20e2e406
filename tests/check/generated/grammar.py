"""Hypothesis strategies for generated cases: guards (right and wrong) among other constructs.

A case is an entry point whose body starts with a few *features* — harmless
statements, side effects in every position Python evaluates, rebinding of the
names a guard uses, decorators — and one *guard* built from a small grammar:

    guard  := form(condition, exit)       if / if-not-else / elif / `or RUN_MAIN` /
                                          try / with / match
    condition := shape(compare(normalise(read(name, default))))
    shape  := inline | local | walrus | helper (same module, other module,
              several statements, parameters, async, cached, wrapped, method)
              | module constant | `in os.environ`

Whether a case is really guarded is never decided here: the runner executes
it. The grammar only marks constructs that are harmless but outside the
verifier's documented language (``Feature.outside``), so the precision can
be reported with and without them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

from hypothesis import strategies as st

from tests.check.generated.model import KNOB_ATTRS, KNOB_ENV, OPPOSITE, PERMISSIVE, VAR, Case, Feature, Scenario

T = TypeVar("T")


def _weighted(draw: st.DrawFn, options: Sequence[tuple[int, T]]) -> T:
    """Draw one option; an option of weight w is w times as likely as one of weight 1."""
    total = sum(w for w, _ in options)
    roll = draw(st.integers(0, total - 1))
    for weight, option in options:
        if roll < weight:
            return option
        roll -= weight
    raise AssertionError("unreachable")


def _indent(lines: Sequence[str], depth: int = 1) -> list[str]:
    return ["    " * depth + line for line in lines]


# --- the guard -----------------------------------------------------------------------------------

Q = f'"{VAR}"'

# (weight, name expression, extra feature fields, outside)
NAMES: tuple[tuple[int, str, dict, bool], ...] = (
    (12, Q, {}, False),
    (3, "ENV_NAME", {}, False),
    (2, "util.ENV_NAME", {}, False),
    (1, '"THOR_SCHEDULER" + "_MODE"', {}, False),
    (1, '"THOR_" "SCHEDULER_MODE"', {}, False),
    (1, "Names.MODE", {"main_top": ("class Names:", f"    MODE = {Q}", "")}, False),
    (1, '"THOR_SCHEDULR_MODE"', {}, False),
    (1, '"HEARTBEAT_ENABLED"', {}, False),
    (1, "util.ENV_NAME", {"util": ('ENV_NAME += "_V2"',)}, False),
    (1, "util.ENV_NAME", {"util": ("for _ in range(1):", '    ENV_NAME = "OTHER_MODE"')}, False),
    (1, "util.ENV_NAME", {"util": ("if len(ENV_NAME) > 3:", '    ENV_NAME = "OTHER_MODE"')}, False),
    (1, "ENV_NAME", {"main_bottom": ('ENV_NAME = "OTHER_MODE"',)}, False),
    (1, "ENV_NAME", {"main_bottom": ("with contextlib.suppress(Exception):", '    ENV_NAME = "OTHER_MODE"')}, False),
)
METHOD_NAMES: tuple[tuple[int, str, dict, bool], ...] = ((2, "self.ENV", {"class_top": (f"ENV = {Q}", "")}, False),)

DEFAULTS: tuple[tuple[int, str | None], ...] = ((10, '"heartbeat"'), (1, '"Heartbeat"'), (1, '"legacy"'), (1, '""'), (2, None))

# (weight, template with {n} name and {d} default or None-able, needs a default)
READS: tuple[tuple[int, str], ...] = (
    (6, "os.environ.get({n}{d})"),
    (6, "os.getenv({n}{d})"),
    (1, "_os.getenv({n}{d})"),
    (2, "environ.get({n}{d})"),
    (2, "getenv({n}{d})"),
    (1, "os.environ[{n}]"),
    (1, "(os.getenv({n}) or {D})"),
    (1, "env.get({n}{d})"),
    (1, "ENVIRON.get({n}{d})"),
    (1, "str(os.getenv({n}{d}))"),
)
NORMALISE: tuple[tuple[int, str], ...] = (
    (10, ".lower()"),
    (2, ""),
    (2, ".casefold()"),
    (1, ".upper()"),
    (2, ".strip().lower()"),
    (1, ".lower().strip()"),
    (1, ".strip()"),
)
# (weight, template over the value expression {x}, outside)
COMPARE: tuple[tuple[int, str, bool], ...] = (
    (12, '{x} == "heartbeat"', False),
    (2, '"heartbeat" == {x}', False),
    (2, '{x} == "HEARTBEAT"', False),
    (2, '{x} != "legacy"', False),
    (1, '{x} != "heartbeat"', False),
    (1, '{x} == "legacy"', False),
    (2, '{x} in ("heartbeat",)', False),
    (1, '{x} not in ["legacy"]', False),
    (1, '{x} in {{"heartbeat", ""}}', False),
    (1, "{x}", False),
    (1, "not {x}", False),
    (2, 'bool({x} == "heartbeat")', False),
    (1, '{x} == "heartbeat" or {x} == "HEARTBEAT"', False),
    (1, '{x}.startswith("heart")', False),
    (1, '{x} == "heartbeat" or len({x}) == 8', False),
    (1, '{x} in ("heartbeat", "heartbeat"[:-1])', False),
    # Enums (review 5): the .value of a plain Enum member, a str-mixin member itself, and a plain member (never equal)
    (1, "{x} == Mode.HEARTBEAT.value", False),
    (1, "{x} == TextMode.HEARTBEAT", False),
    (1, "{x} in (TextMode.HEARTBEAT,)", False),
    (1, "{x} == Mode.HEARTBEAT", False),
)
ENUM_CLASSES = (
    "class Mode(enum.Enum):", '    HEARTBEAT = "heartbeat"', '    LEGACY = "legacy"', "", "",
    "class TextMode(str, enum.Enum):", '    HEARTBEAT = "heartbeat"', "", "",
)
"""Defined in the main module when a comparison uses them."""
SHAPES: tuple[tuple[int, str], ...] = (
    (10, "inline"),
    (8, "local"),
    (2, "walrus"),
    (3, "helper"),
    (2, "helper_multi"),
    (2, "helper_param"),
    (3, "helper_other"),
    (1, "helper_imported"),
    (2, "helper_other_param"),
    (1, "helper_async"),
    (1, "helper_cached"),
    (1, "helper_wrapped"),
    (1, "helper_transparent"),
    (2, "helper_method"),
    (1, "module_constant"),
    (1, "util_constant"),
    (2, "in_environ"),
    (2, "match"),
    (1, "helper_lambda"),
)
EXITS: tuple[tuple[int, str], ...] = (
    (10, "return"),
    (2, "return False"),
    (2, 'raise RuntimeError("tg-exit")'),
    (3, "log_return"),
    (1, "log_effect_return"),
    (1, "return_effect"),
    (1, "raise_effect"),
    (1, "pass"),
    (1, "log_only"),
)
FORMS: tuple[tuple[int, str], ...] = (
    (12, "if"),
    (1, "if_not_else"),
    (1, "elif"),
    (2, "or_run_main"),
    (1, "and_run_main"),
    (2, "try"),
    (1, "try_keyerror"),
    (1, "with_suppress"),
    (1, "with_lock"),
    *(((1, "try_star"),) if sys.version_info >= (3, 11) else ()),
)


# Options a *careful* draw leaves out: each breaks the guard in some world on its own. A careful
# draw still combines everything else (shapes, forms, rebinding is left out, harmless features), so
# about half of the cases are really guarded and the precision is measured on many of them. Which
# cases are guarded is still decided by running them, never by these lists.
RISKY = frozenset(
    {
        '"THOR_SCHEDULR_MODE"', '"HEARTBEAT_ENABLED"', '"Heartbeat"', '"legacy"', '""', None, "", ".upper()",
        ".strip().lower()", ".lower().strip()", ".strip()", '{x} == "HEARTBEAT"', '{x} != "legacy"', '{x} != "heartbeat"',
        '{x} == "legacy"', '{x} not in ["legacy"]', '{x} in {{"heartbeat", ""}}', "{x}", "not {x}", '{x}.startswith("heart")',
        '{x} == "heartbeat" or len({x}) == 8', '{x} in ("heartbeat", "heartbeat"[:-1])', "os.environ[{n}]", "str(os.getenv({n}{d}))", "helper_async", "helper_wrapped", "log_effect_return", "return_effect",
        "raise_effect", "pass", "log_only", "and_run_main", "{x} == Mode.HEARTBEAT",
    }
)


def _choose(draw: st.DrawFn, options: Sequence[tuple[int, T]], careful: bool, key: Callable[[T], object] = lambda o: o) -> T:
    if careful:
        options = [(w, o) for w, o in options if key(o) not in RISKY]
    return _weighted(draw, options)


@st.composite
def guards(draw: st.DrawFn, kind: str, is_async: bool, number: int, careful: bool = False) -> Feature:
    """One guard feature (its condition, its helpers and the statements around it)."""
    method = kind == "method"
    names = NAMES + (METHOD_NAMES if method else ())
    name_options = [(w, (n, e, o)) for w, n, e, o in names if not (careful and (n in RISKY or e))]
    name, name_extra, outside = _weighted(draw, name_options)
    default = _choose(draw, DEFAULTS, careful)
    read_template = _choose(draw, READS, careful)
    normalise = _choose(draw, NORMALISE, careful)
    compare_template, compare_outside = _choose(draw, [(w, (t, o)) for w, t, o in COMPARE], careful, key=lambda o: o[0])
    if careful and normalise == ".casefold()":
        compare_template = compare_template.replace("HEARTBEAT", "heartbeat")
    outside = outside or compare_outside
    shape = _choose(draw, SHAPES, careful)
    if shape == "helper_method" and not method:
        shape = "helper"
    if shape == "helper_async" and draw(st.booleans()) and not is_async:
        shape = "helper"  # keep sync entries mostly sync
    exit_kind = _choose(draw, EXITS, careful)
    form = _choose(draw, FORMS, careful)
    if form == "with_lock" and not method:
        form = "with_suppress"

    fields: dict[str, list[str]] = {k: list(v) for k, v in name_extra.items()}

    def add(place: str, *lines: str) -> None:
        fields.setdefault(place, []).extend(lines)

    if "Mode." in compare_template:
        add("main_top", *ENUM_CLASSES)

    def read(n: str, d: str | None) -> str:
        if "{D}" in read_template:
            return read_template.format(n=n, D=d or '""')
        return read_template.format(n=n, d="" if d is None else f", {d}")

    pre: list[str] = []
    if read_template.startswith("env.") and shape in ("inline", "local", "walrus", "match"):
        pre.append("env = os.environ")  # a local alias of os.environ
    if read_template.startswith("ENVIRON"):
        add("main_top", "ENVIRON = os.environ", "")

    value = read(name, default) + normalise
    # The same read written where no local alias and no ``self`` exist (module level, util.py).
    module_value = value.replace("env.get(", "os.environ.get(").replace("self.ENV", Q)
    util_value = module_value.replace("util.ENV_NAME", "ENV_NAME").replace("Names.MODE", Q)
    util_value = util_value.replace("ENVIRON.", "os.environ.").replace("_os.", "os.")
    helper = f"_hb{number}"
    condition: str
    if shape == "inline":
        condition = compare_template.format(x=value)
    elif shape == "local":
        pre.append(f"mode = {value}")
        condition = compare_template.format(x="mode")
    elif shape == "walrus":
        condition = compare_template.format(x=f"(mode := {value})")
    elif shape in ("helper", "helper_cached", "helper_wrapped", "helper_transparent", "helper_async"):
        decorator = {
            "helper_cached": ["@functools.lru_cache(maxsize=None)"],
            "helper_wrapped": ["@tg_sentinel.wrap"],
            "helper_transparent": ["@tg_sentinel.transparent"],
        }.get(shape, [])
        keyword = "async def" if shape == "helper_async" else "def"
        add("main_top", *decorator, f"{keyword} {helper}():", f"    return {compare_template.format(x=module_value)}", "", "")
        condition = f"(await {helper}())" if shape == "helper_async" and is_async else f"{helper}()"
    elif shape == "helper_lambda":
        add("main_top", f"{helper} = lambda: {compare_template.format(x=module_value)}", "", "")
        condition = f"{helper}()"
    elif shape == "helper_multi":
        add("main_top", f"def {helper}():", '    """Is the heartbeat on?"""', f"    value = {module_value}", f"    return {compare_template.format(x='value')}", "", "")
        condition = f"{helper}()"
    elif shape == "helper_param":
        params = "name" if default is None else "name, default"
        inner = read("name", None if default is None else "default").replace("env.get(", "os.environ.get(") + normalise
        add("main_top", f"def {helper}({params}):", f"    return {compare_template.format(x=inner)}", "", "")
        args = name if default is None else f"{name}, {default}"
        condition = f"{helper}({args})"
    elif shape in ("helper_other", "helper_imported"):
        add("util", "", f"def hb{number}():", f"    return {compare_template.format(x=util_value)}", "")
        if shape == "helper_imported":
            add("main_top", f"from {{pkg}}.util import hb{number}", "")
            condition = f"hb{number}()"
        else:
            condition = f"util.hb{number}()"
    elif shape == "helper_other_param":
        # Two statements and a parameter with a default, in the other module; called with the name.
        inner = read("name", default).replace("env.get(", "os.environ.get(").replace("ENVIRON.", "os.environ.").replace("_os.", "os.")
        add("util", "", f"def hbp{number}(name=ENV_NAME):", f"    value = {inner}{normalise}", f"    return {compare_template.format(x='value')}", "")
        condition = f"util.hbp{number}({name})" if draw(st.booleans()) else f"util.hbp{number}()"
    elif shape == "helper_method":
        add("class_top", "def _hb(self):", f"    return {compare_template.format(x=value.replace('env.get(', 'os.environ.get('))}", "")
        condition = "self._hb()"
    elif shape == "module_constant":
        add("main_top", f"MODE = {module_value}", "")
        condition = compare_template.format(x="MODE")
    elif shape == "util_constant":
        add("util", "", f"MODE = {util_value}", "")
        condition = compare_template.format(x="util.MODE")
    elif shape == "in_environ":
        variant = draw(st.integers(0, 3))
        lowered = f"os.environ[{name}]{normalise}"
        condition = [
            f'{name} not in os.environ or {lowered} == "heartbeat"',
            f"{name} not in os.environ",
            f'not ({name} in os.environ and {lowered} != "heartbeat")',
            f'{name} in os.environ and {lowered} == "heartbeat"',
        ][variant]
    else:  # match
        condition = ""

    exit_lines = _exit_lines(exit_kind, method)
    if shape == "match":
        variant = draw(st.integers(0, 2))
        cases = [
            ['case "heartbeat":', *_indent(exit_lines)],
            ['case "heartbeat" | "HEARTBEAT":', *_indent(exit_lines)],
            ['case "legacy":', "    pass", "case _:", *_indent(exit_lines)],
        ][variant]
        statement = [f"match {value}:", *_indent(cases)]
    else:
        statement = _form(form, condition, exit_lines, method)
    return Feature(
        tag=f"guard:{shape}/{form}/{exit_kind}",
        prefix=tuple(pre + statement),
        outside=outside,
        guard=True,
        **{k: tuple(v) for k, v in fields.items()},
    )


def _exit_lines(kind: str, method: bool) -> list[str]:
    effect = "self._drain()" if method else 'tg_sentinel.effect("drain")'
    return {
        "log_return": ['logger.info("Skipping legacy start (heartbeat scheduler mode active)")', "return"],
        "log_effect_return": [f'logger.info("skipping; %s", {effect})', "return"],
        "return_effect": [f'return {{"stopped": {effect}}}'],
        "raise_effect": [f"raise RuntimeError({effect})"],
        "log_only": ['logger.info("heartbeat mode")'],
    }.get(kind, [kind])


def _form(form: str, condition: str, exit_lines: list[str], method: bool) -> list[str]:
    body = _indent(exit_lines)
    if form == "if_not_else":
        return [f"if not ({condition}):", "    pass", "else:", *body]
    if form == "elif":
        first = "if self.disabled:" if method else "if COUNTER:"
        return [first, "    return", f"elif {condition}:", *body]
    if form == "or_run_main":
        return [f'if {condition} or os.environ.get("RUN_MAIN") != "true":', *body]
    if form == "and_run_main":
        return [f'if os.environ.get("RUN_MAIN") == "true" and {condition}:', *body]
    if form == "try":
        return ["try:", f"    if {condition}:", *_indent(body), "except Exception:", "    pass"]
    if form == "try_keyerror":
        return ["try:", f"    if {condition}:", *_indent(body), "except KeyError:", "    return"]
    if form == "try_star":
        return ["try:", f"    if {condition}:", *_indent(body), "except* ValueError:", "    pass"]
    if form == "with_suppress":
        return ["with contextlib.suppress(KeyError):", f"    if {condition}:", *_indent(body)]
    if form == "with_lock":
        return ["with self._lock:", f"    if {condition}:", *_indent(body)]
    return [f"if {condition}:", *body]


# --- the other features ----------------------------------------------------------------------------

# name -> (kinds it needs: "self", "async"; Feature fields). Harmless ones first.
PURE_FEATURES: dict[str, tuple[frozenset[str], dict]] = {
    "constant": (frozenset(), {"prefix": ("retries = 3",)}),
    "local_import": (frozenset(), {"prefix": ("import os",)}),
    "log_pure": (frozenset(), {"prefix": ('logger.debug("starting %s", "worker".upper())',)}),
    "log_attr": (frozenset({"self"}), {"prefix": ('logger.debug("starting %s", self.name)',)}),
    "log_pure_method": (
        frozenset({"self"}),
        {"prefix": ('logger.info("starting %s", self._label())',), "class_top": ("def _label(self):", "    return self.name.strip().upper()", "")},
    ),
    "fstring_pure": (frozenset(), {"prefix": ('label = f"{ENV_NAME}-worker"',)}),
    "fstring_attr": (frozenset({"self"}), {"prefix": ('label = "worker: " f"{self.name}"',)}),
    "comprehension_pure": (frozenset(), {"prefix": ('parts = [p.strip() for p in ("a", " b")]',)}),
    "nested_def": (frozenset(), {"prefix": ("def _callback():", '    tg_sentinel.effect("callback")')}),
    "nested_class": (frozenset(), {"prefix": ("class _Probe:", "    retries = 3")}),
    "if_attr": (frozenset({"self"}), {"prefix": ("if self.x:", "    n = 1")}),
    "disabled_return": (frozenset({"self"}), {"prefix": ("if self.disabled:", "    return")}),
    "run_main": (frozenset(), {"prefix": ('if os.environ.get("RUN_MAIN") != "true":', "    return")}),
    "feature_flag": (frozenset(), {"prefix": ('if os.getenv("FEATURE_WORKERS") == "0":', "    return")}),
    "pure_helper_call": (
        frozenset(),
        {"prefix": ("tag = util.label()",), "util": ("", "def label():", '    return "worker".upper()', "")},
    ),
    "str_upper": (frozenset({"self"}), {"prefix": ("upper = self.name.upper()",)}),
    # A star import is unprovable by design (issue 11 item 3), even of a harmless project module.
    "star_import_harmless": (
        frozenset(),
        {"main_top": ("from {pkg}.util import *", ""), "util": ("", "RETRIES = 3", ""), "outside": True},
    ),
    "uncalled_global_rebind": (
        frozenset(),
        {"main_bottom": ("", "def _patch():", "    global os", "    os = tg_sentinel.Compat()", ""), "outside": True},
    ),
    "transparent_entry_decorator": (frozenset(), {"decorators": ("tg_sentinel.transparent",)}),
    "range_loop": (frozenset(), {"prefix": ("total = 0", "for _ in range(3):", "    total += 1")}),
    "global_flag": (
        frozenset(),
        {"prefix": ("if _STARTED:", "    return"), "main_top": ("_STARTED = False", "", "", "def _mark():", "    global _STARTED", "    _STARTED = True", "", "")},
    ),
    "recursive_pure_helper": (
        frozenset(),
        {
            "prefix": ("depth = _depth(2)",),
            "main_top": ("def _depth(n):", "    return 0 if n <= 0 else _depth(n - 1)", "", ""),
            "outside": True,
        },
    ),
}
# Constructs that really do something before whatever follows them.
EFFECT_FEATURES: dict[str, tuple[frozenset[str], dict]] = {
    "call": (frozenset(), {"prefix": ('tg_sentinel.effect("call")',)}),
    "method_call": (frozenset({"self"}), {"prefix": ("self._drain()",)}),
    "project_effect": (
        frozenset(),
        {"prefix": ("util.prepare()",), "util": ("", "def prepare():", '    return tg_sentinel.effect("prepare")', "")},
    ),
    "project_effect_deep": (
        frozenset(),
        {
            "prefix": ("value = _outer()",),
            "main_top": ("def _outer():", "    return util.inner()", "", ""),
            "util": ("", "def inner():", '    return [tg_sentinel.effect("deep")]', ""),
        },
    ),
    "comprehension": (frozenset({"self"}), {"prefix": ("conns = [c.open() for c in self._pools]",)}),
    "dict_comprehension": (frozenset(), {"prefix": ('seen = {k: tg_sentinel.effect(k) for k in ("a",)}',)}),
    "log_argument": (frozenset({"self"}), {"prefix": ('logger.info("skipping; %d feeds", len(self._load_feeds()))',)}),
    "log_argument_module": (frozenset(), {"prefix": ('logger.debug("x %s", tg_sentinel.effect("logarg"))',)}),
    "fstring_call": (frozenset(), {"prefix": ('label = f"{tg_sentinel.effect(\'fstring\')}"',)}),
    "fstring_concat_statement": (frozenset(), {"prefix": ('"plain " f"{tg_sentinel.effect(\'concat\')}"',)}),
    "fstring_concat_value": (frozenset({"self"}), {"prefix": ('label = "feed: " f"{self._describe()}"',)}),
    "def_default": (frozenset(), {"prefix": ('def _callback(value=tg_sentinel.effect("default")):', "    pass")}),
    "def_annotation": (frozenset(), {"prefix": ('def _callback(value: tg_sentinel.effect("annotation")) -> None:', "    pass")}),
    "def_decorator": (frozenset(), {"prefix": ("@tg_sentinel.at_definition", "def _callback():", "    pass")}),
    "class_base": (frozenset(), {"prefix": ("class _Probe(tg_sentinel.base()):", "    pass")}),
    "class_keyword": (frozenset(), {"prefix": ("class _Probe(metaclass=tg_sentinel.meta()):", "    pass")}),
    "class_body": (frozenset(), {"prefix": ("class _Probe:", "    handle = threading.Thread(target=_noop).start()")}),
    "class_decorator": (frozenset(), {"prefix": ("@tg_sentinel.at_definition", "class _Probe:", "    pass")}),
    "walrus_effect": (frozenset(), {"prefix": ('if (n := tg_sentinel.effect("walrus")):', "    pass")}),
    "await_assign": (frozenset({"async"}), {"prefix": ('fetched = await tg_sentinel.fetch("await")',)}),
    "await_method": (frozenset({"async", "self"}), {"prefix": ("fetched = await self._fetch()",)}),
    "setdefault": (frozenset(), {"prefix": (f'os.environ.setdefault({Q}, "legacy")',)}),
    "environ_update": (frozenset(), {"prefix": (f'os.environ.update({{{Q}: "legacy"}})',)}),
    "global_write": (frozenset(), {"prefix": ("global COUNTER", "COUNTER = 1")}),
    "self_write": (frozenset({"self"}), {"prefix": ("self.started = True",)}),
    "subscript_target": (frozenset({"self"}), {"prefix": ('self._cache[tg_sentinel.effect("key")] = 1',)}),
    "local_subscript_target": (frozenset(), {"prefix": ("cache = {}", 'cache[tg_sentinel.effect("key")] = 1')}),
    "module_list_append": (frozenset(), {"prefix": ("_REGISTRY.append(1)",), "main_top": ("_REGISTRY = []", "")}),
    "self_dict_setdefault": (frozenset({"self"}), {"prefix": ('self._cache.setdefault("k", 1)',)}),
    "self_dict_update": (frozenset({"self"}), {"prefix": ('self._cache.update({"k": 1})',)}),
    "util_dict_pop": (frozenset(), {"prefix": ('util.STATE.pop("k", None)',), "util": ("", 'STATE = {"k": 1}', "")}),
    "with_lock": (frozenset({"self"}), {"prefix": ("with self._lock:", "    n = 1")}),
    "try_effect": (frozenset(), {"prefix": ("try:", '    tg_sentinel.effect("try")', "except Exception:", "    pass")}),
    "thread_start": (frozenset(), {"prefix": ("threading.Thread(target=_noop).start()",)}),
    "timer_start": (frozenset(), {"prefix": ("threading.Timer(1.0, _noop).start()",)}),
    "raise_effect_in_if": (frozenset({"self"}), {"prefix": ("if self.x == 2:", "    raise RuntimeError(self._stop())")}),
}
# Rebinding of names the guard may use: harmless in themselves, they change what the guard reads.
# Star imports, globals()/setattr/exec and `global` rebinding are unprovable by design (issue 11 item 3):
# marked outside the language, so a TG009 there does not count against the precision in the language.
REBIND_FEATURES: dict[str, tuple[frozenset[str], dict]] = {
    "rebind_os": (frozenset(), {"main_bottom": ("os = tg_sentinel.Compat()",)}),
    "rebind_os_alias": (frozenset(), {"main_bottom": ("_os = tg_sentinel.Compat()",)}),
    "rebind_getenv": (frozenset(), {"main_bottom": ("def getenv(name, default=None):", '    return "legacy"')}),
    "rebind_environ": (frozenset(), {"main_bottom": (f'environ = {{{Q}: "legacy"}}',)}),
    "star_import_rebind": (
        frozenset(),
        {"main_top": ("from {pkg}.util import *", ""), "util": ("", "getenv = tg_sentinel.Compat().getenv", "environ = {}", ""), "outside": True},
    ),
    "global_rebind_called": (
        frozenset(),
        {"main_bottom": ("", "def _patch():", "    global os", "    os = tg_sentinel.Compat()", "", "", "_patch()"), "outside": True},
    ),
    "globals_write": (frozenset(), {"main_bottom": ('globals()["os"] = tg_sentinel.Compat()',), "outside": True}),
    "setattr_module": (frozenset(), {"main_bottom": ('setattr(sys.modules[__name__], "getenv", tg_sentinel.Compat().getenv)',), "outside": True}),
    "exec_rebind": (frozenset(), {"main_bottom": ('exec("os = tg_sentinel.Compat()")',), "outside": True}),
    "rebind_helper_module": (frozenset(), {"main_bottom": ("util = tg_sentinel.Compat()",)}),
    "util_rebind_os": (frozenset(), {"util": ("", "os = tg_sentinel.Compat()", "")}),
    "class_entry_rebind": (
        frozenset({"class"}),
        {"class_bottom": ("", "def _run(self):", '    tg_sentinel.effect("run")', "", "start = _run")},
    ),
    "module_entry_rebind": (
        frozenset({"function"}),
        {"main_bottom": ("", "def _run():", '    tg_sentinel.effect("run")', "", "", "start = _run")},
    ),
    "shadow_package": (
        frozenset(),
        {
            "files": (
                (
                    "main/__init__.py",
                    "import tg_sentinel\n\n\ndef start(*args):\n    tg_sentinel.effect('shadow')\n\n\n"
                    "class Service:\n    def start(self):\n        tg_sentinel.effect('shadow')\n",
                ),
            )
        },
    ),
    "entry_wrap_decorator": (frozenset(), {"decorators": ("tg_sentinel.wrap",)}),
    "entry_replace_decorator": (frozenset(), {"decorators": ("tg_sentinel.replace",)}),
}
AFTER_FEATURES: dict[str, tuple[frozenset[str], dict]] = {
    "after_enabled": (frozenset({"self"}), {"prefix": ("if not self._enabled():", "    return")}),
    "after_effect": (frozenset(), {"prefix": ('tg_sentinel.effect("after")',)}),
    "after_run_main": (frozenset(), {"prefix": ('if os.environ.get("RUN_MAIN") != "true":', "    return")}),
}


def _available(table: dict[str, tuple[frozenset[str], dict]], kind: str, is_async: bool) -> list[str]:
    have = {"function"} if kind == "function" else {"class"}
    if kind == "method":
        have.add("self")
    if is_async:
        have.add("async")
    return [name for name, (needs, _) in table.items() if needs <= have]


def _feature(table: dict[str, tuple[frozenset[str], dict]], name: str) -> Feature:
    fields = dict(table[name][1])
    return Feature(tag=name, **fields)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    env = []
    for name, values in KNOB_ENV.items():
        value = draw(st.sampled_from(values))
        if value is not None:
            env.append((name, value))
    attrs = tuple((name, draw(st.sampled_from(values))) for name, values in KNOB_ATTRS.items())
    return Scenario(tuple(env), attrs)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """A generated case (numbered 0; the batch renumbers it)."""
    kind = _weighted(draw, [(3, "function"), (6, "method"), (1, "staticmethod"), (1, "classmethod")])
    is_async = draw(st.integers(0, 9)) == 0
    pure = _available(PURE_FEATURES, kind, is_async)
    effects = _available(EFFECT_FEATURES, kind, is_async)
    rebinds = _available(REBIND_FEATURES, kind, is_async)
    after = _available(AFTER_FEATURES, kind, is_async)

    careful = draw(st.booleans())
    before: list[Feature] = []
    for _ in range(draw(st.integers(0, 3))):
        family = "pure" if careful else _weighted(draw, [(12, "pure"), (4, "effect"), (2, "rebind")])
        table, names = {"pure": (PURE_FEATURES, pure), "effect": (EFFECT_FEATURES, effects), "rebind": (REBIND_FEATURES, rebinds)}[family]
        feature = _feature(table, draw(st.sampled_from(names)))
        if any(f.tag == feature.tag for f in before) and (feature.util or feature.main_top or feature.main_bottom or feature.class_top):
            continue  # the same module-level definition twice is a rebinding, not the construct meant
        before.append(feature)
    if kind == "method" and draw(st.integers(0, 14)) == 0:
        # Many harmless branches before the guard: the verifier must not blow up or give up.
        count = draw(st.sampled_from([7, 20]))
        before.append(Feature(tag=f"harmless_ifs_{count}", prefix=tuple(line for _ in range(count) for line in ("if self.x:", "    n = 1"))))
    guard = draw(guards(kind, is_async, 0, careful))
    features = [*before, guard]
    if draw(st.integers(0, 3)) == 0:
        features.append(_feature(AFTER_FEATURES, draw(st.sampled_from(after))))
    if careful and draw(st.integers(0, 5)) == 0:
        features.insert(0, _feature(REBIND_FEATURES, draw(st.sampled_from(rebinds))))
    return Case(kind=kind, is_async=is_async, features=tuple(features), scenarios=(PERMISSIVE, OPPOSITE, draw(scenarios())))

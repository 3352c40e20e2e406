"""The abstract values the evaluator computes, and how two paths' values are joined.

A value is either concrete (``str``, ``bytes``, numbers, ``bool``, ``None``,
tuples and frozensets of those), :data:`OPAQUE` (unknown, but read without a
side effect: ``self.disabled``, a parameter, another environment variable), or
one of the small markers below that stand for the objects a guard may use
(``os.environ``, a logger, a module, a project function, a builtin).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

import libcst as cst

if TYPE_CHECKING:
    from thor_guard.verifier.facts import ModuleFacts


class _Opaque:
    """A value the verifier cannot know but that was read without side effects."""

    _instance: _Opaque | None = None

    def __new__(cls) -> _Opaque:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OPAQUE"

    def __bool__(self) -> bool:
        raise TypeError("the truth of an opaque value is unknown; fork instead")


OPAQUE = _Opaque()


class _Untrusted:
    """An unknown value that may be an instance of a project class, so its dunders may run project code.

    It comes from code the verifier did not prove pure: a module name bound to
    the result of a call (``_OBJ = _O()``), a container holding such a value.
    Unlike :data:`OPAQUE` (instance state and parameters, covered by the
    documented dunder assumption), truthiness, comparison, formatting, hashing,
    iteration… of it are effects; only plain attribute loads are allowed.
    """

    _instance: _Untrusted | None = None

    def __new__(cls) -> _Untrusted:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNTRUSTED"

    def __bool__(self) -> bool:
        raise TypeError("the truth of an untrusted value runs its __bool__; report an effect instead")


UNTRUSTED = _Untrusted()


class ModeText(str):
    """The mode variable's value, or a form of it the value table is complete for.

    Only case folds and whitespace strips (:data:`REGULAR_TRANSFORMS`) keep a
    value ``ModeText``; comparing it with concrete strings (``==``, ``!=``,
    ``in`` a literal collection) is decided per value and the strings it was
    compared with are added to the values walked (``CallAnalysis.comparands``).
    Every other operation (``len``, slicing, ``startswith``, concatenation, a
    comparison with an unknown value…) gives :data:`MODE_DERIVED`.

    ``chain`` names the transforms applied to the variable's raw value (``("lower",)`` for ``mode.lower()``; None
    when unknown). While a verdict walk records what it read of the value (:func:`observing`), every operation that
    looks at the text notes an observation (:mod:`thor_guard.verifier.value_classes`): a walk under another value
    whose observations all come out the same takes the same path.
    """

    chain: tuple[str, ...] | None

    def __new__(cls, value: str, chain: tuple[str, ...] | None = ()) -> ModeText:
        text = super().__new__(cls, value)
        text.chain = chain
        return text

    def __eq__(self, other: object) -> bool:
        result = str.__eq__(self, other)
        _compared(self, other, result)
        return result

    def __ne__(self, other: object) -> bool:
        result = str.__ne__(self, other)
        _compared(self, other, result if result is NotImplemented else not result)
        return result

    def __hash__(self) -> int:
        _note_exact(self)
        return str.__hash__(self)

    def __bool__(self) -> bool:
        result = str.__len__(self) > 0
        if _observations is not None:
            _observations.append(("truth", self.chain, result) if self.chain is not None else _OPAQUE_OBSERVATION)
        return result

    def __radd__(self, other: object) -> object:
        _note_exact(self)
        return str.__add__(other, str.__str__(self)) if isinstance(other, str) else NotImplemented


_observations: list[tuple] | None = None  # type: ignore[type-arg]
"""Where operations on a :class:`ModeText` note what they read of its text (None: not recording)."""
_OPAQUE_OBSERVATION = ("opaque",)


def observing(into: list[tuple] | None) -> list[tuple] | None:  # type: ignore[type-arg]
    """Record the observations of :class:`ModeText` operations into ``into`` (None: stop); returns the previous sink."""
    global _observations
    previous, _observations = _observations, into
    return previous


def raw_text(text: ModeText) -> str:
    """The plain ``str`` holding ``text``'s characters, read without noting an observation."""
    return str.__str__(text)


def _note_exact(text: ModeText) -> None:
    """``text``'s characters were read in a way no narrower observation describes: only the same text repeats it."""
    if _observations is not None:
        chain = getattr(text, "chain", None)
        _observations.append(("exact", chain, str.__str__(text)) if chain is not None else _OPAQUE_OBSERVATION)


def _compared(text: ModeText, other: object, equal: object) -> None:
    """``text == other`` gave ``equal``: with a plain string or another form of the value, that is the observation."""
    if _observations is None or equal is NotImplemented:
        return  # str.__eq__ gives NotImplemented for every non-str, whatever the text
    chain = getattr(text, "chain", None)
    if chain is None:
        _observations.append(_OPAQUE_OBSERVATION)
    elif type(other) is str:
        _observations.append(("eq", chain, str.__str__(other), bool(equal)))
    elif type(other) is ModeText and other.chain is not None:
        _observations.append(("same", chain, other.chain, bool(equal)))
    else:
        _note_exact(text)


def _exact_reader(name: str) -> object:
    method = getattr(str, name)

    def reader(self: ModeText, *arguments: object, **keywords: object) -> object:
        _note_exact(self)
        return method(self, *arguments, **keywords)

    reader.__name__ = name
    return reader


_NOT_CONTENT = frozenset({
    "__new__", "__init__", "__getattribute__", "__setattr__", "__delattr__", "__init_subclass__", "__subclasshook__",
    "__reduce__", "__reduce_ex__", "__getstate__", "__dir__", "__class__", "__doc__", "maketrans",
    "__eq__", "__ne__", "__hash__",
})
for _name in dir(str):
    # Every other method and operator of str reads the text: each notes an "exact" observation (the conservative
    # one), so a use of the value the verifier does not decide per value never lets two values share a walk.
    if _name not in _NOT_CONTENT and callable(getattr(str, _name)):
        setattr(ModeText, _name, _exact_reader(_name))


class _ModeDerived:
    """A value computed from the mode variable in a way the value table cannot decide (``len(mode)``, ``mode[:3]``).

    It may flow anywhere an unknown value may (a log argument, a local), but
    testing its truth raises ``Unsupported(category="world")``: the walk over
    finitely many values cannot prove that such a test gives exactly one world
    for every value of the variable.
    """

    _instance: _ModeDerived | None = None

    def __new__(cls) -> _ModeDerived:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MODE_DERIVED"

    def __bool__(self) -> bool:
        raise TypeError("the truth of a mode-derived value is not decided by the value table")


MODE_DERIVED = _ModeDerived()

REGULAR_TRANSFORMS = frozenset({"lower", "upper", "casefold", "strip", "lstrip", "rstrip"})
"""Methods of the mode value after which equality with literals is still decided by the value table plus the
literals' case spellings and paddings (docs/check.md "Worlds")."""


def tainted(value: object) -> bool:
    """True when ``value`` is, or contains, the mode variable's value or something computed from it."""
    if isinstance(value, ModeText) or value is MODE_DERIVED:
        return True
    if isinstance(value, (tuple, frozenset, list)):
        return any(tainted(v) for v in value)
    return False


def mode_method(receiver: object, name: str, arguments: list[object], keywords: dict[str, object]) -> object:
    """The value of ``receiver.name(*arguments, **keywords)`` when the mode value is involved, else ``NotImplemented``."""
    if not (tainted(receiver) or any(tainted(v) for v in (*arguments, *keywords.values()))):
        return NotImplemented
    if isinstance(receiver, ModeText) and name in REGULAR_TRANSFORMS and not arguments and not keywords:
        chain = receiver.chain + (name,) if getattr(receiver, "chain", None) is not None else None
        return ModeText(getattr(str, name)(receiver), chain)
    return MODE_DERIVED


def mode_compare(operator: str, left: object, right: object, comparands: set[str]) -> object:
    """``left <operator> right`` when the mode value is involved (else ``NotImplemented``).

    ``operator`` is ``==``, ``!=``, ``in``, ``not in``, ``is``, ``is not`` or
    anything else. Equality of a :class:`ModeText` with a concrete value, and
    membership in a concrete tuple/list/set, are decided and the strings
    compared with are added to ``comparands``; ``is (not) None`` is decided;
    everything else is :data:`MODE_DERIVED`.
    """
    if not (tainted(left) or tainted(right)):
        return NotImplemented
    if operator in ("is", "is not") and (left is None or right is None) and isinstance(left if right is None else right, ModeText):
        return operator == "is not"  # a string is never None
    if operator in ("==", "!="):
        mode, other = (left, right) if isinstance(left, ModeText) else (right, left)
        if isinstance(mode, ModeText) and not tainted(other) and is_concrete(other):
            if isinstance(other, str):
                comparands.add(str(other))
            equal = raw_text(mode) == other
            _compared(mode, other, equal if isinstance(other, str) else NotImplemented)  # a non-str is never equal
            return equal == (operator == "==")
    if operator in ("in", "not in") and isinstance(left, ModeText) and isinstance(right, (tuple, frozenset)) and not tainted(right) and is_concrete(right):
        comparands.update(str(v) for v in right if isinstance(v, str))
        found = raw_text(left) in right
        if _observations is not None:
            chain = getattr(left, "chain", None)
            _observations.append(("in", chain, right, found) if chain is not None else _OPAQUE_OBSERVATION)
        return found == (operator == "in")
    return MODE_DERIVED


def comparand_spellings(value: str) -> list[str]:
    """The values walked for a string the mode was compared with: itself, its case spellings, paddings and ``\r``."""
    return [value, value.upper(), value.lower(), value.capitalize(), value.swapcase(), f" {value}", f"{value} ", f"{value}\r", f"\t{value}\n"]

ENV_GET = "os.environ.get"
GETENV = "os.getenv"
ENVIRON = "os.environ"


@dataclass(frozen=True)
class Marker:
    """``os.environ``, ``os.environ.get`` or ``os.getenv`` as a value."""

    name: str


@dataclass(frozen=True)
class EnumMember:
    """A member of a proven plain ``enum.Enum`` without a mixin (``SchedulerMode.HEARTBEAT``, FA9-3): its identity is
    (module, class qualname, canonical member name — an alias ``B = "x"`` after ``A = "x"`` is ``A``). Such a member
    compares by identity (``is``, and ``==``, which Enum does not override), never equals a str, None or number, and
    its ``.value``/``.name`` are literals. Not concrete: nothing else is computed on it."""

    module: str
    qualname: str
    name: str
    value: object = field(compare=False)


@dataclass(frozen=True)
class StoredThread:
    """Instance state that holds either ``None`` or a ``threading.Thread``/``threading.Timer`` the hierarchy's own
    methods made (``self._thread = threading.Thread(...)``, item 5 of task FIXV12). Only reading methods of the
    standard library's class are pure on it (:data:`THREAD_READS`); its truth and identity are unknown; its dunders
    are the standard library's (assumption 7)."""

    name: str


THREAD_READS = frozenset({"is_alive", "getName", "isDaemon"})
"""Methods of ``threading.Thread`` that only read the object's state (``None`` has none: AttributeError, may raise)."""


@dataclass(frozen=True)
class Module:
    """An imported module or a dotted name inside one that the verifier has not resolved further (``threading.Thread``)."""

    dotted: str


@dataclass(frozen=True)
class Logger:
    """A ``logging`` logger (``logging.getLogger(...)`` or the ``logging`` module's functions)."""


@dataclass(frozen=True)
class Builtin:
    """A builtin function (``bool``, ``str``, ``len``…) whose name is not rebound."""

    name: str


@dataclass(frozen=True, eq=False)
class Function:
    """A project function the verifier can walk (module function or method of a known class)."""

    facts: ModuleFacts
    node: cst.FunctionDef
    qualified: str
    owner: cst.ClassDef | None = None
    bound: bool = False
    """True when called through ``self``/``cls`` (the first parameter is supplied)."""
    receiver: object = None
    """The :class:`Instance` a bound method is called on when its class is not ``owner`` (a method of a base read
    through an instance of a subclass): ``self`` inside is that object, so its reads start at the object's class."""
    closure: tuple[tuple[str, object], ...] = ()
    """For a nested ``def``: enclosing variables that hold a project instance and that the enclosing function never
    rebinds (``self`` read by a local helper, review 8, R8-14); the walk sees them as those objects."""


@dataclass(frozen=True, eq=False)
class ClassValue:
    """A class defined in the project; calling it constructs an object (an effect)."""

    node: cst.ClassDef
    facts: ModuleFacts | None = None
    """The module the class is defined in (resolves its bases and metaclass); None when unknown."""


@dataclass(frozen=True, eq=False)
class Instance:
    """An instance of a known project class (``self`` of the entry point or a helper method), or the class itself
    when it arrives as ``cls`` of a classmethod.

    Unlike :data:`OPAQUE` its class is known, so an operation that calls a dunder (truth, ``==``, ``str()`` when a
    log record is formatted, f-strings, ``in``, iteration, hashing, ``getattr`` through ``__getattr__``…) is an
    effect when the class or a project base defines (or patches) that dunder (hostile R4-11). ``dunders`` holds
    those names, ``"*"`` when something the verifier cannot see may add any (a class decorator, a project
    metaclass, an unresolved base). Attribute loads give :data:`OPAQUE` (the attribute-load assumption).
    """

    name: str
    dunders: frozenset[str]
    cls: cst.ClassDef | None = None
    """The project class the object is an instance of (None for a class itself, or when unknown): attribute reads
    on it are looked up in that class's method resolution order, whatever name holds the object."""
    cls_facts: ModuleFacts | None = None
    """The module that defines :attr:`cls`."""
    origin: str = ""
    """For instance state that may hold a project object (``self.market = Market()``, review 9, R9-1): where it was
    stored, named in the effect's message."""

    def __bool__(self) -> bool:
        raise TypeError("the truth of an instance runs its class's __bool__/__len__; use Evaluator.truth")


@dataclass(frozen=True)
class BoundMethod:
    value: object
    attribute: str


@dataclass(frozen=True)
class ConstDict:
    """A ``dict`` display whose keys and values are all concrete (``LIMITS = {"feed": 10}``).

    ``items`` keeps the display's order (later duplicates win, as in Python).
    It is a built-in ``dict`` for certain, so its methods and dunders are
    built in; a subscript with a known key is computed (a missing key is a
    ``KeyError`` in every world), one with an unknown key may raise. Not
    :func:`is_concrete`: a mutable dict is never a comparand of the mode value.
    """

    items: tuple[tuple[object, object], ...]

    def as_dict(self) -> dict[object, object]:
        return dict(self.items)

    def __hash__(self) -> int:
        # the keys only: a value may be a (unhashable) ListValue, and equal dicts have equal keys
        return hash(tuple(key for key, _ in self.items))

    def __bool__(self) -> bool:
        return bool(self.items)


class ListValue(tuple):  # type: ignore[type-arg]
    """A ``list`` whose elements are all known (``[1, "a"]``, a list display or a list class attribute).

    Kept as a tuple so that every place that walks a known sequence walks it, but it behaves as Python's ``list``
    where the difference decides whether the real code raises or what it prints: it is unhashable (``{[1]: 2}``,
    ``{[1]}``, ``hash([1])``, ``[1] in {1}`` raise TypeError; hostile review 19, H3), equal only to a list,
    concatenated and ordered only with a list, and formatted with brackets (``f"{[1]}"`` is ``'[1]'``).
    """

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        raise TypeError("unhashable type: 'list'")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ListValue) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def _ordered(self, other: object, compare: Callable[[tuple, tuple], bool]) -> bool:  # type: ignore[type-arg]
        if not isinstance(other, ListValue):
            raise TypeError(f"'<' not supported between instances of 'list' and '{type(other).__name__}'")
        return compare(tuple(self), tuple(other))

    def __lt__(self, other: object) -> bool:
        return self._ordered(other, tuple.__lt__)

    def __le__(self, other: object) -> bool:
        return self._ordered(other, tuple.__le__)

    def __gt__(self, other: object) -> bool:
        return self._ordered(other, tuple.__gt__)

    def __ge__(self, other: object) -> bool:
        return self._ordered(other, tuple.__ge__)

    def __add__(self, other: object) -> ListValue:
        if not isinstance(other, ListValue):
            raise TypeError(f'can only concatenate list (not "{type(other).__name__}") to list')
        return ListValue(tuple.__add__(self, other))

    def __radd__(self, other: object) -> ListValue:
        raise TypeError(f'can only concatenate {type(other).__name__} (not "list") to {type(other).__name__}')

    def __mul__(self, count: object) -> ListValue:
        return ListValue(tuple.__mul__(self, count))  # type: ignore[operator]

    __rmul__ = __mul__

    def __getitem__(self, index: object) -> object:
        item = tuple.__getitem__(self, index)  # type: ignore[call-overload]
        return ListValue(item) if isinstance(index, slice) else item

    def __repr__(self) -> str:
        return "[" + ", ".join(repr(item) for item in self) + "]"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        if spec:
            raise TypeError("unsupported format string passed to list.__format__")
        return repr(self)


def native(value: object) -> object:
    """``value`` as Python's own objects, for a call the verifier makes on it: a :class:`ListValue` becomes a ``list``
    (``"abc".startswith(["a"])`` raises TypeError as in the analysed code; hostile review 21, H3), also inside a
    tuple."""
    if isinstance(value, ListValue):
        return [native(item) for item in value]
    if type(value) is tuple:
        return tuple(native(item) for item in value)
    return value


def from_native(value: object) -> object:
    """A result of such a call as a value: a ``list`` of known elements is a :class:`ListValue` (``"a,b".split(",")``)."""
    if type(value) is list:
        items = tuple(from_native(item) for item in value)
        return ListValue(items) if is_concrete(items) else value
    if type(value) is tuple:
        return tuple(from_native(item) for item in value)
    return value


@dataclass(frozen=True, eq=False)
class Coroutine:
    """What calling an ``async def`` returns: a (truthy) coroutine object; its body runs only when awaited."""

    function: Function
    arguments: tuple[object, ...] = field(default=())
    keywords: tuple[tuple[str, object], ...] = field(default=())

    def __bool__(self) -> bool:
        return True


def same(a: object, b: object) -> bool:
    """Equality that does not confuse ``1`` with ``True`` nor opaque with anything."""
    if a is OPAQUE or b is OPAQUE or a is UNTRUSTED or b is UNTRUSTED:
        return a is b
    if type(a) is not type(b):
        return False
    try:
        return bool(a == b)
    except Exception:
        return a is b


def join(values: list[object]) -> object:
    """The value two or more paths agree on, or :data:`OPAQUE` when they differ."""
    if not values:
        return OPAQUE
    if any(v is UNTRUSTED for v in values):
        return UNTRUSTED  # joining must not launder a value whose dunders are effects into OPAQUE
    first = values[0]
    if all(same(first, v) for v in values[1:]):
        return first
    if any(isinstance(v, Instance) and v.dunders for v in values):
        return UNTRUSTED  # an instance whose class defines dunders may be the value: they stay effects
    # Paths that disagree on a mode-derived value keep the taint: a later test on it must still be checked.
    return MODE_DERIVED if any(tainted(v) for v in values) else OPAQUE


def is_concrete(value: object) -> bool:
    if isinstance(value, (str, bytes, int, float, bool, type(None))):
        return True
    if isinstance(value, (tuple, frozenset)):
        return all(is_concrete(v) for v in value)
    return False


def seed_dependent(value: object) -> bool:
    """True when ``value``'s iteration order (or ``hash()``) may differ between processes (PYTHONHASHSEED).

    A frozenset of two or more elements iterates in hash order; the hashes of ``str``/``bytes`` (and of tuples or
    frozensets holding them, and of ``None`` before Python 3.12) are randomised per process, so ``str(fs)``,
    ``tuple(fs)``, ``",".join(fs)``… computed inside ``check`` need not be what the analysed process computes
    (hostile R4-3). Numbers hash the same in every process.
    """
    if isinstance(value, frozenset):
        if len(value) > 1 and not all(isinstance(v, (int, float)) for v in value):
            return True
        return any(seed_dependent(v) for v in value)
    if isinstance(value, tuple):
        return any(seed_dependent(v) for v in value)
    return False


def hash_is_stable(value: object) -> bool:
    """True when ``hash(value)`` is the same in every process: numbers (and tuples of numbers) only."""
    if isinstance(value, (int, float)):
        return True
    if isinstance(value, tuple):
        return all(hash_is_stable(v) for v in value)
    return False

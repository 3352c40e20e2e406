"""How a run edge of the import walk says *how* the other module's code is reached (hostile review 8, A8-1, R8-7).

A run edge (:attr:`thor_guard.verifier.reach.Reach.runs`) is the dotted name of
an object of another project module that import-time code refers to
(``plugins.load_plugins``). The walk resolves it to that module's file and
follows the rest as a *root* (:func:`thor_guard.verifier.reach.import_time_reach`).
A one-character prefix on the edge (kept on the root) says more than "referred to":

* ``!`` - **surely called**: a module-level call by name (``load_plugins()``), a
  decorator application (``@register``), or such a call in a body that surely runs.
  The followed body surely runs too, so a dynamic import there whose name is not
  known is TG009, as in the importing module itself (assumption 15 covers only code
  that *may* run).
* ``@`` - **a decorator factory surely applied** (``@backend("x")``): the factory
  surely runs, and so do the nested functions it returns (the decorator it makes).
* ``^`` - **read by an import statement that surely runs** (``from pkg import name``):
  no code of ``name`` runs, but when the package does not bind ``name`` its PEP 562
  module ``__getattr__`` does (surely); several names are joined by ``,``.
* ``%`` - **a decorator imported from another project module applied to a function of this module**
  (``from decorators import register`` / ``@register`` / ``def _defaults(): ...``, review 9, R9-13): the edge is
  ``%decorators.register|m._defaults`` (``register()`` for a factory ``@register("x")``). The decorator's module
  answers: when the decorator (or the wrapper its factory returns) may call the function it receives, it emits the
  plain edge ``m._defaults`` back, so that function's body may run at import time.
* ``&`` - **used whole by code that surely runs** (passed on, stored, returned; review 10, R10-12): when ``name`` is
  bound to an instance made by a call, every method of its class may run (the code it went to may call any).
* ``~`` - **registered** (``~m._defaults``): a decorator of the project stored the function without calling it
  (``REGISTRY.append(f); return f``). Its body runs at import time only if some import-time code calls an object it
  cannot name (``for f in registry.HOOKS: f()``, ``p.run()`` on a parameter), anywhere in the walk: the walk keeps
  such edges aside and follows them all once an edge :data:`CALLS_UNNAMED` says so (hostile review 11 left the
  cross-module case open).
* no prefix - referred to (named, passed on): the body may run.
"""

from __future__ import annotations

SURE = "!"
FACTORY = "@"
READ = "^"
DECORATES = "%"
ESCAPE = "&"
REGISTERED = "~"
MARKS = (SURE, FACTORY, READ, DECORATES, ESCAPE, REGISTERED)
CALLS_UNNAMED = REGISTERED + "*"
"""The run edge a module's import-time code emits when it calls an object it cannot name: every function registered
anywhere in the walk may be that object."""


def split_mark(dotted: str) -> tuple[str, str]:
    """``"!pkg.f"`` -> ``("!", "pkg.f")``; an unmarked edge gives ``("", dotted)``."""
    if dotted[:1] in MARKS:
        return dotted[0], dotted[1:]
    return "", dotted

"""Lines apply does not mean to change stay byte for byte; imports it jumps are ones it may jump (apply review 16).

F7: a module whose first line holds the docstring and an import (``\"\"\"Doc.\"\"\"; from __future__ import
annotations``) used to be split in two when ``import os``/``import logging`` were added; the new imports now go
after that line and the line is kept as it was.

F8: a function whose first line imports the standard library and a project module (``import os, sidefx``) used to
get the guard after that line (to reuse its ``os``), then be refused because the import runs ``sidefx``'s code
before the guard. A leading import line is reused only when it imports nothing but the standard library; otherwise
the guard goes first, reading the environment through a module-level alias (the function's own ``os`` is local
for the whole body).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apply.entry_runs import apply_and_run, check_clean

THREAD = "    import threading\n    builtins.SIDE('legacy body')\n    threading.Thread(target=print).start()\n"
FIRST_LINES = {
    "future": '"""Doc."""; from __future__ import annotations\nimport builtins\n\n\ndef start():\n' + THREAD,
    "future_no_block": '"""Doc."""; from __future__ import annotations\n\n\ndef start():\n    import builtins\n' + THREAD,
    "stdlib": '"""Doc."""; import builtins\n\n\ndef start():\n' + THREAD,
    "code": '"""Doc."""; import builtins; VALUE = 1\n\n\ndef start():\n' + THREAD,
}


@pytest.mark.parametrize("name", sorted(FIRST_LINES))
def test_a_first_line_with_the_docstring_and_more_is_kept(tmp_path: Path, name: str) -> None:
    source = FIRST_LINES[name]
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 0, applied.output
    after = (tmp_path / "m.py").read_text()
    assert after.splitlines()[0] == source.splitlines()[0], after
    # the docstring is still the module's __doc__, legacy mode runs as before, heartbeat mode runs nothing
    namespace: dict[str, object] = {}
    exec(compile(after, "m.py", "exec"), namespace)  # noqa: S102 - the module's own code, to read __doc__
    assert namespace["__doc__"] == "Doc."
    assert applied.legacy_unchanged(), applied.runs
    assert not applied.heartbeat_side_effects(), applied.runs
    assert check_clean(tmp_path)[0] == 0


JUMPED = {
    # the review's case, and the same with 'from' imports and an aliased project import
    "import_list": "    import os, sidefx\n",
    "from_imports": "    from os import environ\n    from sidefx import VALUE\n",
    "aliased": "    import os\n    import sidefx as _s\n",
    "relative_from_stdlib_name": "    from os import getenv\n    import sidefx, json\n",
}
SIDEFX = "import builtins\nbuiltins.SIDE('sidefx imported')\nVALUE = 1\n"


@pytest.mark.parametrize("name", sorted(JUMPED))
def test_the_guard_goes_above_a_leading_import_of_project_code(tmp_path: Path, name: str) -> None:
    source = "import builtins\n\n\ndef start():\n" + JUMPED[name] + "    builtins.SIDE('legacy body')\n"
    applied = apply_and_run(tmp_path, {"m.py": source, "sidefx.py": SIDEFX})
    assert applied.exit_code == 0 and "needs a person" not in applied.output, applied.output
    body = (tmp_path / "m.py").read_text().split("def start():\n")[1]
    assert body.index("if scheduler_mode") < body.index("sidefx"), body
    assert applied.before[None][1] == ["'sidefx imported'", "'legacy body'"], applied.before
    assert applied.legacy_unchanged(), applied.runs
    assert not applied.heartbeat_side_effects(), applied.runs
    assert check_clean(tmp_path)[0] == 0


def test_a_leading_standard_library_import_is_still_reused(tmp_path: Path) -> None:
    source = "import builtins\n\n\ndef start():\n    import os, json\n    builtins.SIDE(json.dumps(os.sep))\n"
    applied = apply_and_run(tmp_path, {"m.py": source})
    assert applied.exit_code == 0, applied.output
    body = (tmp_path / "m.py").read_text().split("def start():\n")[1]
    assert body.startswith("    import os, json\n    scheduler_mode = os.environ.get("), body
    assert applied.legacy_unchanged() and not applied.heartbeat_side_effects(), applied.runs

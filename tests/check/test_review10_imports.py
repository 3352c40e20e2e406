"""Review 10 of the verifier, the import findings (R10-1, R10-2, R10-3, R10-14, R10-15, R10-12, A10-2, A10-4): the
``v11_*`` data cases, executed.

Function-level import cases run as review 9's do (:func:`tests.check.test_review9.test_review9_verdicts_match_execution`):
every accepted entry point does nothing in the heartbeat world and runs its body with ``legacy``; every TG001/TG002 one
really starts a thread in the heartbeat world. Import-time cases (TG009: import-time code sets the mode) run one
entry point per process (:func:`tests.check.test_review9.test_import_time_tg009_is_real`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check import test_review9
from tests.check.test_v2_data import DATA

FUNCTION_IMPORTS = ("v11_function_imports",)
IMPORT_TIME = ("v11_import_time_env", "v11_import_time_reach")


@pytest.mark.parametrize("case", FUNCTION_IMPORTS)
def test_function_imports_match_execution(tmp_path: Path, case: str) -> None:
    """Accepted function-level imports run no code in the heartbeat world; flagged ones really reach the effect."""
    test_review9.test_review9_verdicts_match_execution(tmp_path, DATA / case)


@pytest.mark.parametrize("case", IMPORT_TIME)
def test_import_time_reach_matches_execution(tmp_path: Path, case: str) -> None:
    """Each TG009 entry point runs its legacy body with the variable unset; each accepted one does nothing then."""
    test_review9.test_import_time_tg009_is_real(tmp_path, case)

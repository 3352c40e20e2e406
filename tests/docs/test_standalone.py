"""The docs stand on their own: no references to design notes users do not have, and CI runs what the README says."""

from __future__ import annotations

import re
import subprocess

from tests.docs.samples import DOCUMENTS, REPO


def test_no_document_refers_to_the_internal_design_notes() -> None:
    offenders = [
        f"{document.relative_to(REPO)}:{number}: {line.strip()}"
        for document in DOCUMENTS
        for number, line in enumerate(document.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\bDESIGN\b|DESIGN\.md|§\s*\d", line)
    ]
    assert not offenders, offenders


def test_ci_runs_the_readme_test_command_verbatim_in_a_venv_of_its_own() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    command = 'python3 -m pip install -e ".[test]" && python3 -m pytest'
    assert f"```bash\n{command}\n```" in readme
    # The command exactly as printed, inside the job that activated a fresh venv.
    newest = script[script.index("job_newest() {") : script.index("job_lowest() {")]
    assert 'python3 -m venv "$WORK/newest"' in newest and 'source "$WORK/newest/bin/activate"' in newest
    assert f"\n    {command}\n" in newest
    assert 'WORK="$(mktemp -d' in script and "trap 'rm -rf \"$WORK\"' EXIT" in script


def test_ci_lowest_job_is_what_the_readme_describes() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    lowest = script[script.index("job_lowest() {") :]
    assert 'pip install -q --resolution lowest-direct -e ".[test]"' in lowest
    assert '-m pytest -q -m "not slow" --ignore=tests/chaos' in lowest
    assert 'uv pip install --resolution lowest-direct -e ".[test]"' in readme
    assert 'python3 -m pytest -m "not slow" --ignore=tests/chaos' in readme


def test_ci_script_is_valid_bash() -> None:
    done = subprocess.run(["bash", "-n", str(REPO / ".ci" / "run")], capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stderr

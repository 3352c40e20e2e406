"""The pre-commit snippet works as printed: its ``rev`` is the tag of the package's version, and the hook is valid."""

from __future__ import annotations

import re

import yaml  # PyYAML: pre-commit's own parser of these files (installed with libcst)

from tests.cli.helpers import REPO
from thor_guard import __version__


def _revs(text: str) -> list[str]:
    return re.findall(r"^\s*rev:\s*(\S+)\s*$", text, flags=re.MULTILINE)


def test_every_documented_rev_is_the_release_tag_of_this_version() -> None:
    documents = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    revs = {str(path.relative_to(REPO)): _revs(path.read_text(encoding="utf-8")) for path in documents}
    assert revs["README.md"], "the README's pre-commit snippet has no rev"
    for document, found in revs.items():
        assert all(rev == f"v{__version__}" for rev in found), (document, found, __version__)


def test_the_release_procedure_is_documented() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "### Releasing" in readme and 'git tag -a v' in readme
    assert "pre-commit try-repo /path/to/thor-guard thor-guard --all-files" in readme


def test_the_hook_definition_is_what_pre_commit_reads() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks == [
        {
            "id": "thor-guard",
            "name": "thor-guard check",
            "description": hooks[0]["description"],
            "entry": "thor-guard check",
            "language": "python",
            "pass_filenames": False,
            "types": ["python"],
        }
    ]


def test_the_version_is_the_package_metadata_version() -> None:
    from importlib.metadata import version

    assert version("thor-guard") == __version__

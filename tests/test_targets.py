"""``module:qualname`` targets: parsing, wildcard matching and module resolution under source roots."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thor_guard.errors import TargetError
from thor_guard.targets import (
    Target,
    find_module_file,
    is_excluded,
    iter_python_files,
    module_name_for,
    resolve_target_modules,
)

IDENT = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True)
DOTTED = st.lists(IDENT, min_size=1, max_size=4).map(".".join)


@given(DOTTED, DOTTED)
def test_parse_round_trips_and_a_plain_target_matches_only_itself(module: str, qualname: str) -> None:
    target = Target.parse(f"{module}:{qualname}")
    assert Target.parse(str(target)) == target
    assert target.matches(module, qualname)
    assert not target.matches(module, qualname + "x") and not target.matches(module + "x", qualname)


@given(DOTTED, IDENT)
def test_star_dot_name_matches_any_owner(owner: str, name: str) -> None:
    assert Target.parse(f"m:*.{name}").matches_qualname(f"{owner}.{name}")


def test_wildcards() -> None:
    target = Target.parse("ThorTrading.services.Week52Supervisor:*.start")
    assert target.qualname_is_pattern and not target.module_is_pattern
    assert target.matches_qualname("_Week52ExtremesMonitor.start")
    assert target.matches_qualname("Outer.Inner.start")
    assert not target.matches_qualname("start") and not target.matches_qualname("Monitor.stop")
    assert Target.parse("pkg.hooks:_start_?").matches_qualname("_start_a")
    assert not Target.parse("pkg.hooks:_Start_*").matches_qualname("_start_x")  # case-sensitive


@pytest.mark.parametrize("text", ["", "nocolon", "a:b:c", ":b", "a:", "a..b:c", "1a:b", "a:b-c"])
def test_malformed(text: str) -> None:
    with pytest.raises(TargetError):
        Target.parse(text)


def test_wildcards_can_be_refused() -> None:
    with pytest.raises(TargetError, match="wildcards are not allowed"):
        Target.parse("a:b*", allow_wildcards=False)


def _tree(root: Path, files: list[str]) -> None:
    for relative in files:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")


def test_module_resolution(tmp_path: Path) -> None:
    _tree(tmp_path, ["pkg/__init__.py", "pkg/mod.py", "pkg/sub/__init__.py", "pkg/sub/deep.py", "pkg/tests/test_x.py", "src/other.py"])
    assert find_module_file("pkg.mod", [tmp_path]) == tmp_path / "pkg" / "mod.py"
    assert find_module_file("pkg.sub", [tmp_path]) == tmp_path / "pkg" / "sub" / "__init__.py"
    assert find_module_file("other", [tmp_path, tmp_path / "src"]) == tmp_path / "src" / "other.py"
    assert find_module_file("pkg.missing", [tmp_path]) is None
    assert module_name_for(tmp_path / "pkg" / "sub" / "__init__.py", tmp_path) == "pkg.sub"
    assert module_name_for(tmp_path / "src" / "other.py", tmp_path / "pkg") is None
    found = resolve_target_modules(Target.parse("pkg.*:f"), [tmp_path], exclude=["**/tests/**"])
    assert [m for m, _ in found] == ["pkg.mod", "pkg.sub", "pkg.sub.deep"]
    assert resolve_target_modules(Target.parse("pkg.mod:f"), [tmp_path]) == [("pkg.mod", tmp_path / "pkg" / "mod.py")]


def test_exclusion_and_file_walk(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.py", "pkg/b.py", "pkg/migrations/0001.py", ".venv/x.py", "tests/t.py", "pkg/__pycache__/c.py"])
    assert is_excluded(tmp_path / "pkg" / "migrations" / "0001.py", tmp_path, ["**/migrations/**"])
    assert is_excluded(tmp_path / "tests" / "t.py", tmp_path, ["**/tests/**"])
    assert not is_excluded(tmp_path / "pkg" / "b.py", tmp_path, ["**/migrations/**"])
    walked = sorted(p.relative_to(tmp_path).as_posix() for p in iter_python_files(tmp_path, ["**/migrations/**", "**/tests/**"]))
    assert walked == ["a.py", "pkg/b.py"]


# -- Unicode identifiers (PEP 3131) -------------------------------------------------

UNICODE_IDENT = st.text(
    alphabet=st.characters(categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Nl", "Mn", "Nd", "Pc")), min_size=1, max_size=6
).filter(lambda s: unicodedata.normalize("NFKC", s).isidentifier() and "*" not in s)


@given(UNICODE_IDENT, UNICODE_IDENT)
def test_any_python_identifier_is_a_target_segment(module: str, qualname: str) -> None:
    target = Target.parse(f"{module}:{qualname}")
    # Python compares identifiers after NFKC normalisation; so do targets.
    assert target.matches(unicodedata.normalize("NFKC", module), unicodedata.normalize("NFKC", qualname))
    assert target.matches(unicodedata.normalize("NFD", module), unicodedata.normalize("NFKD", qualname))


def test_non_ascii_targets_parse_and_match_as_python_names_them() -> None:
    target = Target.parse("pkg.büro:Büro.start")
    assert str(target) == "pkg.büro:Büro.start"
    assert target.matches("pkg.bu\u0308ro", "Bu\u0308ro.start")  # decomposed spelling, same identifier
    assert Target.parse("pkg:ｓtart") == Target.parse("pkg:start")  # fullwidth s is NFKC 's'
    assert Target.parse("pkg:Bür*.start").matches_qualname("Büro.start")
    for bad in ("pkg:1start", "pkg:Bü-ro", "pkg:a b", "pkg:€uro"):
        with pytest.raises(TargetError):
            Target.parse(bad)


def test_check_finds_an_entry_point_with_a_non_ascii_name(tmp_path: Path) -> None:
    from tests.check.project import cli_runner, write_project
    from thor_guard.commands.check import check

    source = "import threading\n\n\nclass Bu\u0308ro:\n    def ｓtart(self):\n        threading.Thread(target=print).start()\n"
    root = write_project(tmp_path, {"app/büro.py": source}, {"entry-points": ["app.büro:Büro.start"]})
    result = cli_runner().invoke(check, [str(root), "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert [f["code"] for f in findings] == ["TG001"], result.output
    assert module_name_for(root / "app" / "büro.py", root) == "app.büro"


def test_a_locals_segment_names_a_nested_function_as_check_prints_it() -> None:
    """check and apply print 'outer.<locals>.start'; the same text must be usable in the manifest."""
    target = Target.parse("m:outer.<locals>.start")
    assert target.matches("m", "outer.<locals>.start") and not target.matches("m", "outer.start")
    assert Target.parse("m:make.<locals>.W.*").matches("m", "make.<locals>.W.start")
    for bad in ("m:<locals>.start", "m:outer.<locals>", "<locals>:start", "m:outer.<local>.start"):
        with pytest.raises(TargetError, match="is not a valid"):
            Target.parse(bad)


def test_a_directory_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    """``pkg/loop -> ..`` used to be followed ~40 levels deep (one error line per level in apply)."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "good.py").write_text("def start():\n    pass\n")
    (tmp_path / "pkg" / "loop").symlink_to("..")
    (tmp_path / "pkg" / "again").symlink_to(".")
    walked = [p.relative_to(tmp_path).as_posix() for p in iter_python_files(tmp_path)]
    assert walked == ["pkg/good.py"]

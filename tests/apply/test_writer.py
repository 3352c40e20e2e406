"""The one safe writer: atomic replace, mode and symlinks kept, refusals that protect the file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from thor_guard.writer import (
    WriteRefused,
    detect_format,
    format_problems,
    preview_problem,
    read_snapshot,
    write_if_changed,
)


def test_writes_atomically_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "mod.py"
    target.write_bytes(b"x = 1\n")
    target.chmod(0o640)
    snapshot = read_snapshot(target)
    assert write_if_changed(snapshot, b"x = 2\n") is True
    assert target.read_bytes() == b"x = 2\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mod.py"], "no temporary file is left behind"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can create a file owned by someone else")
def test_the_owner_and_group_survive_a_write_by_root(tmp_path: Path) -> None:
    """Run as root (a CI container, a bind-mounted checkout), apply must not leave a developer's file root-owned."""
    target = tmp_path / "mod.py"
    target.write_bytes(b"x = 1\n")
    os.chown(target, 4321, 8765)
    assert write_if_changed(read_snapshot(target), b"x = 2\n") is True
    info = target.stat()
    assert (info.st_uid, info.st_gid, target.read_bytes()) == (4321, 8765, b"x = 2\n")


def test_executable_bit_survives(tmp_path: Path) -> None:
    target = tmp_path / "script.py"
    target.write_bytes(b"#!/usr/bin/env python3\nx = 1\n")
    target.chmod(0o755)
    write_if_changed(read_snapshot(target), b"#!/usr/bin/env python3\nx = 2\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_unchanged_content_is_not_written(tmp_path: Path) -> None:
    target = tmp_path / "mod.py"
    target.write_bytes(b"x = 1\n")
    before = target.stat()
    assert write_if_changed(read_snapshot(target), b"x = 1\n") is False
    after = target.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_symlink_writes_the_target_and_stays_a_link(tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "mod.py"
    real.write_bytes(b"x = 1\n")
    link = tmp_path / "link.py"
    link.symlink_to(real)
    snapshot = read_snapshot(link)
    assert snapshot.real_path == real.resolve()
    write_if_changed(snapshot, b"x = 2\n")
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert real.read_bytes() == b"x = 2\n"
    assert sorted(p.name for p in real_dir.iterdir()) == ["mod.py"]


def test_a_hard_linked_file_is_refused_and_every_link_keeps_one_content(tmp_path: Path) -> None:
    """A rename would give the path a new inode and leave the other link with the old bytes (review AR3-16)."""
    target = tmp_path / "mod.py"
    target.write_bytes(b"x = 1\n")
    other = tmp_path / "elsewhere" / "copy.py"
    other.parent.mkdir()
    os.link(target, other)
    snapshot = read_snapshot(target)
    assert preview_problem(snapshot) is not None and "1 other hard link" in preview_problem(snapshot)
    with pytest.raises(WriteRefused, match=r"mod\.py: the file has 1 other hard link, which replacing it would leave with the old content; not written"):
        write_if_changed(snapshot, b"x = 2\n")
    assert target.read_bytes() == other.read_bytes() == b"x = 1\n"
    assert target.stat().st_ino == other.stat().st_ino and target.stat().st_nlink == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "mod.py"], "no temporary file is left behind"
    other.unlink()  # a lone link again: written as usual
    assert preview_problem(read_snapshot(target)) is None
    assert write_if_changed(read_snapshot(target), b"x = 2\n") is True and target.read_bytes() == b"x = 2\n"


def test_a_symlink_to_a_hard_linked_file_is_refused_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.py"
    real.write_bytes(b"x = 1\n")
    os.link(real, tmp_path / "twin.py")
    link = tmp_path / "link.py"
    link.symlink_to(real)
    with pytest.raises(WriteRefused, match="other hard link"):
        write_if_changed(read_snapshot(link), b"x = 2\n")
    assert link.is_symlink() and real.read_bytes() == (tmp_path / "twin.py").read_bytes() == b"x = 1\n"


def _set_xattr(path: Path, name: str, value: bytes) -> None:
    try:
        os.setxattr(path, name, value)
    except (AttributeError, OSError) as exc:
        pytest.skip(f"extended attributes unavailable here: {exc}")


def test_extended_attributes_survive_a_write(tmp_path: Path) -> None:
    """The new file gets the old one's extended attributes (ACLs and labels live there too) before the rename."""
    target = tmp_path / "mod.py"
    target.write_bytes(b"x = 1\n")
    _set_xattr(target, "user.thor_guard_test", b"kept")
    assert write_if_changed(read_snapshot(target), b"x = 2\n") is True
    assert target.read_bytes() == b"x = 2\n"
    assert os.getxattr(target, "user.thor_guard_test") == b"kept"


def test_an_attribute_that_cannot_be_kept_refuses_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "mod.py"
    target.write_bytes(b"x = 1\n")
    _set_xattr(target, "user.thor_guard_test", b"kept")
    real_setxattr = os.setxattr

    def refuse(path: object, name: str, value: bytes, *args: object) -> None:
        if isinstance(path, int):
            raise PermissionError(1, "Operation not permitted")
        real_setxattr(path, name, value, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "setxattr", refuse)
    with pytest.raises(WriteRefused, match="cannot keep its extended attribute user.thor_guard_test .*; the file is unchanged"):
        write_if_changed(read_snapshot(target), b"x = 2\n")
    assert target.read_bytes() == b"x = 1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mod.py"], "no temporary file is left behind"


def test_a_file_replaced_by_a_same_content_symlink_is_refused_and_the_link_kept(tmp_path: Path) -> None:
    """Review RA-5: between read and write, mod.py became a link to a file with the same bytes."""
    target = tmp_path / "mod.py"
    target.write_bytes(b"x = 1\n")
    snapshot = read_snapshot(target)
    outside = tmp_path / "outside"
    outside.mkdir()
    moved = outside / "mod.py"
    target.rename(moved)
    target.symlink_to(moved)
    with pytest.raises(WriteRefused, match="resolves to .*outside/mod.py.*replaced by a symlink"):
        write_if_changed(snapshot, b"x = 2\n")
    assert target.is_symlink() and moved.read_bytes() == b"x = 1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mod.py", "outside"]


def test_a_link_repointed_after_the_read_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.py", tmp_path / "b.py"
    first.write_bytes(b"x = 1\n")
    second.write_bytes(b"x = 1\n")
    link = tmp_path / "mod.py"
    link.symlink_to(first)
    snapshot = read_snapshot(link)
    link.unlink()
    link.symlink_to(second)
    with pytest.raises(WriteRefused, match="not .*a.py as when it was read"):
        write_if_changed(snapshot, b"x = 2\n")
    assert first.read_bytes() == second.read_bytes() == b"x = 1\n" and link.is_symlink()


def test_refuses_when_file_changed_on_disk(tmp_path: Path) -> None:
    target = tmp_path / "mod.py"
    target.write_bytes(b"x = 1\n")
    snapshot = read_snapshot(target)
    target.write_bytes(b"x = 1  # edited meanwhile\n")
    with pytest.raises(WriteRefused, match="changed on disk since it was read"):
        write_if_changed(snapshot, b"x = 2\n")
    assert target.read_bytes() == b"x = 1  # edited meanwhile\n"


@pytest.mark.parametrize(
    ("before", "after", "problem"),
    [
        (b"\xef\xbb\xbfx = 1\n", b"x = 2\n", "byte-order mark would be removed"),
        (b"x = 1\r\ny = 2\r\n", b"x = 1\r\ny = 2\nz = 3\n", "LF line endings would be introduced"),
        (b"x = 1\ny = 2\n", b"x = 1\r\ny = 2\n", "CRLF line endings would be introduced"),
        (b"x = 1\n", b"x = 1", "trailing newline would be removed"),
        (b"# -*- coding: latin-1 -*-\nx = 1\n", b"x = '\xe9'\n", "encoding would change"),
    ],
)
def test_format_problems_are_named(before: bytes, after: bytes, problem: str) -> None:
    problems = format_problems(before, after)
    assert any(problem in p for p in problems), problems


def test_refusal_leaves_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "mod.py"
    target.write_bytes(b"x = 1\r\n")
    with pytest.raises(WriteRefused, match="LF line endings"):
        write_if_changed(read_snapshot(target), b"x = 1\r\ny = 2\n")
    assert target.read_bytes() == b"x = 1\r\n"


def test_mixed_newlines_may_use_any_style_they_already_have() -> None:
    before = b"a = 1\r\nb = 2\nc = 3\r\n"
    assert format_problems(before, before + b"d = 4\n" + b"e = 5\r\n") == []
    assert detect_format(before).newlines == {"LF", "CRLF"}


def test_unreadable_file_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(WriteRefused) as info:
        read_snapshot(tmp_path / "missing.py")
    assert "missing.py" in str(info.value)

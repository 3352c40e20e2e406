"""The one safe writer: every byte ``apply`` puts on disk goes through here.

A codemod run is only trustworthy if it cannot damage what it did not mean to
touch, so writing is separated from rewriting: the codemod turns bytes into
bytes, and this module (1) checks that the new bytes keep the file's
encoding, BOM, newline style and trailing newline, (2) refuses to overwrite a
file that changed on disk since it was read, or a read-only file (a rename
would replace it regardless of its mode), or a file with more than one hard
link (a rename gives the path a new inode, so the other links would keep the
old content), and (3) replaces the file atomically (temporary file in the same
directory, fsync, rename) keeping its mode, owner, group and extended
attributes (ACLs, security labels, ``user.*``), and through a symlink writes
the target while the link stays a link.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
import tempfile
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from thor_guard.errors import ThorGuardError
from thor_guard.stop_signals import signals_deferred

NewlineStyle = Literal["LF", "CRLF", "CR"]


class WriteRefused(ThorGuardError):
    """A write was refused to protect the file; ``message`` says why and what to do."""


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read: the bytes the codemod saw and where they really live."""

    path: Path
    """The path as given (may be a symlink)."""
    real_path: Path
    """The file that is actually read and replaced (the symlink's final target)."""
    data: bytes


@dataclass(frozen=True)
class SourceFormat:
    """The byte-level conventions of a source file that a rewrite must keep."""

    encoding: str
    """Encoding per PEP 263 (``utf-8-sig`` when the file starts with a UTF-8 BOM)."""
    bom: bool
    newlines: frozenset[NewlineStyle]
    """Every line-ending style present; more than one means a mixed file."""
    trailing_newline: bool


def read_snapshot(path: Path) -> Snapshot:
    """Read ``path`` as bytes, following symlinks; raise :class:`WriteRefused` when unreadable."""
    real = Path(os.path.realpath(path))
    try:
        data = real.read_bytes()
    except OSError as exc:
        raise WriteRefused(f"cannot read: {exc.strerror or exc}", path) from exc
    return Snapshot(path=Path(path), real_path=real, data=data)


def detect_format(data: bytes) -> SourceFormat:
    """Describe ``data``'s encoding, BOM, newline styles and trailing newline.

    Raises :class:`SyntaxError` (from :func:`tokenize.detect_encoding`) for an
    unknown coding cookie or a BOM that contradicts the cookie.
    """
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    bom = data.startswith(codecs.BOM_UTF8)
    crlf = data.count(b"\r\n")
    lone_cr = data.count(b"\r") - crlf
    lone_lf = data.count(b"\n") - crlf
    styles: set[NewlineStyle] = set()
    if crlf:
        styles.add("CRLF")
    if lone_lf:
        styles.add("LF")
    if lone_cr:
        styles.add("CR")
    return SourceFormat(
        encoding=encoding,
        bom=bom,
        newlines=frozenset(styles),
        trailing_newline=data.endswith((b"\n", b"\r")),
    )


_EXACT_CODECS = frozenset({"utf-8", "utf-8-sig", "latin-1", "iso-8859-1", "ascii"})
"""Codecs whose decode/encode round trip is exact for every byte string they decode (the common case, skipped)."""


def round_trip_problem(data: bytes) -> str | None:
    """Why ``data`` would change bytes outside any edit once decoded and re-encoded in its own encoding, or None.

    libcst decodes a module with its PEP 263 encoding and encodes the whole
    regenerated text back. Some codecs map several byte sequences to one
    character (cp932's NEC row-13 ``\\x87\\x90`` and ``\\x81\\xe0`` are both
    U+2252; big5/cp950 have a few such pairs), and encoding picks one: every
    line holding the other spelling would change on disk although apply never
    edited it (review AR2-2). Such a file is left untouched.
    """
    try:
        encoding = detect_format(data).encoding
    except SyntaxError:
        return None  # the parser reports an unknown coding
    if codecs.lookup(encoding).name in _EXACT_CODECS:
        return None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None  # the parser reports a file that does not decode
    if text.encode(encoding) == data:
        return None
    old_lines = data.splitlines()
    for number, line in enumerate(text.splitlines(), start=1):
        if number > len(old_lines) or line.encode(encoding) != old_lines[number - 1]:
            break
    else:  # pragma: no cover - a difference that is not in any line
        number = len(old_lines)
    return (
        f"line {number} holds bytes that re-encoding as {encoding} would change (a character with more than one "
        f"{encoding} spelling), so rewriting the file would change lines apply never edits; left untouched"
    )


def format_problems(before: bytes, after: bytes) -> list[str]:
    """Return why ``after`` does not keep ``before``'s byte conventions (empty when it does).

    A file without any newline may gain the platform-neutral ``LF`` style; a
    file with newlines may only use styles it already had, so an edit never
    introduces LF lines into a CRLF file or the reverse.
    """
    old = detect_format(before)
    try:
        new = detect_format(after)
    except SyntaxError as exc:
        return [f"encoding would change from {old.encoding} to something undecodable ({exc.msg})"]
    problems: list[str] = []
    round_trip = round_trip_problem(before)
    if round_trip is not None:
        problems.append(round_trip)
    if old.encoding != new.encoding:
        problems.append(f"encoding would change from {old.encoding} to {new.encoding}")
    if old.bom != new.bom:
        problems.append("the UTF-8 byte-order mark would be " + ("removed" if old.bom else "added"))
    if old.newlines and not new.newlines <= old.newlines:
        added = ", ".join(sorted(new.newlines - old.newlines))
        problems.append(f"{added} line endings would be introduced into a {'/'.join(sorted(old.newlines))} file")
    if old.trailing_newline != new.trailing_newline:
        problems.append("the trailing newline would be " + ("removed" if old.trailing_newline else "added"))
    try:
        after.decode(new.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        problems.append(f"the result is not valid {new.encoding} ({exc})")
    return problems


READ_ONLY = "the file is read-only; not written (make it writable to let apply fix it)"


def hard_linked(links: int, name: str) -> str:
    """The refusal for the file ``name`` with ``links`` hard links (review AR3-16).

    apply replaces a file by renaming a complete new one over it, so it is never half-written; a rename gives the
    path a new inode, and every other hard link would keep the old content without a word. Writing into the shared
    inode instead could leave it half-written on a crash, so the file is left alone.
    """
    others = links - 1
    return (
        f"the file has {others} other hard link{'s' if others != 1 else ''}, which replacing it would leave with the "
        f"old content; not written (to let apply fix it, give this path its own copy: cp {name} {name}.new && mv {name}.new {name})"
    )


def _read_only(target: Path, mode: int) -> bool:
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK)


def preview_problem(snapshot: Snapshot) -> str | None:
    """Why :func:`write_if_changed` would refuse the file whatever the new bytes are (read-only, hard-linked), else None.

    ``apply --check``/``--diff`` report it as the real run would, so a preview never promises a fix the
    write then refuses.
    """
    try:
        info = snapshot.real_path.stat()
    except OSError:
        return None
    if _read_only(snapshot.real_path, stat.S_IMODE(info.st_mode)):
        return READ_ONLY
    return hard_linked(info.st_nlink, snapshot.real_path.name) if info.st_nlink > 1 else None


def write_if_changed(snapshot: Snapshot, data: bytes) -> bool:
    """Atomically replace the file with ``data``; return False when there was nothing to write.

    Refuses (raising :class:`WriteRefused`, file untouched) when ``data`` would
    change the file's byte conventions, when the file on disk no longer
    holds the bytes of ``snapshot`` (someone edited it meanwhile: run again),
    when the path no longer resolves to the file that was read (it became a
    symlink, or a link was re-pointed), when the file is read-only, or when
    it has other hard links (they would keep the old content).
    """
    if data == snapshot.data:
        return False
    problems = format_problems(snapshot.data, data)
    if problems:
        raise WriteRefused("refusing to write: " + "; ".join(problems), snapshot.path)
    target = snapshot.real_path
    now = Path(os.path.realpath(snapshot.path))
    if now != target:
        # a regular file turned into a symlink (or a link re-pointed) since the read: replacing `target` would
        # destroy the link or miss the file it now names
        raise WriteRefused(
            f"now resolves to {now}, not {target} as when it was read (replaced by a symlink or moved?); not written (run apply again)",
            snapshot.path,
        )
    try:
        current = target.read_bytes()
        info = target.stat()
        mode = stat.S_IMODE(info.st_mode)
    except OSError as exc:
        raise WriteRefused(f"cannot re-read before writing: {exc.strerror or exc}", snapshot.path) from exc
    if current != snapshot.data:
        raise WriteRefused("changed on disk since it was read; not written (run apply again)", snapshot.path)
    if _read_only(target, mode):
        # A rename would replace it anyway; a read-only file is someone's decision, not apply's to override.
        raise WriteRefused(READ_ONLY, snapshot.path)
    if info.st_nlink > 1:
        raise WriteRefused(hard_linked(info.st_nlink, target.name), snapshot.path)
    try:
        _replace_atomically(target, data, mode, owner=(info.st_uid, info.st_gid))
    except OSError as exc:
        raise WriteRefused(f"cannot write: {exc.strerror or exc}; the file is unchanged", snapshot.path) from exc
    return True


def _replace_atomically(target: Path, data: bytes, mode: int, *, owner: tuple[int, int] | None = None) -> None:
    """Write ``data`` to a temporary file beside ``target``, fsync it, then rename it over ``target``.

    ``owner`` (uid, gid) is given back to the new file when it differs from ours: run as root (a CI
    container, a bind-mounted checkout), apply must not leave the developer's files root-owned. A
    process that may not give them back (not root) refuses instead of changing the owner (``OSError``).
    The extended attributes of ``target`` are copied to the new file before the rename; one that cannot
    be copied refuses the write the same way (``OSError``), ``target`` untouched.
    """
    directory = target.parent
    with signals_deferred():  # a stop signal cannot fall between creating the temporary file and removing it
        _write_and_rename(target, directory, data, mode, owner)
    _fsync_directory(directory)


def _write_and_rename(target: Path, directory: Path, data: bytes, mode: int, owner: tuple[int, int] | None) -> None:
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".thor-guard.tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            if owner is not None and owner != (os.geteuid(), os.getegid()):
                try:
                    os.fchown(handle.fileno(), *owner)
                except PermissionError as exc:
                    raise PermissionError(exc.errno, f"cannot keep its owner {owner[0]}:{owner[1]} (run apply as that user)") from exc
            _copy_xattrs(target, handle.fileno())
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


def _copy_xattrs(source: Path, fd: int) -> None:
    """Give the file open as ``fd`` every extended attribute of ``source`` (after its mode: an ACL carries mode bits too).

    A platform or filesystem without extended attributes has none to keep. An attribute that cannot be set on the
    new file (a security label this process may not set) raises ``OSError`` naming it, so the write is refused.
    """
    if not hasattr(os, "listxattr"):
        return  # not Linux: os has no xattr calls
    try:
        names = os.listxattr(source)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return
        raise
    for name in names:
        value = os.getxattr(source, name)
        try:
            if _xattr_of(fd, name) == value:
                continue  # already there (a security label the directory gives every new file): nothing to ask for
            os.setxattr(fd, name, value)
        except OSError as exc:
            raise OSError(exc.errno, f"cannot keep its extended attribute {name} ({exc.strerror or exc})") from exc


def _xattr_of(fd: int, name: str) -> bytes | None:
    """The value of extended attribute ``name`` of the open file ``fd``, None when it has none."""
    try:
        return os.getxattr(fd, name)
    except OSError as exc:
        if exc.errno == errno.ENODATA:
            return None
        raise


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; some filesystems do not allow opening a directory, which is fine."""
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)

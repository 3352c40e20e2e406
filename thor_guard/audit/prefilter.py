"""The cheap text pass: which files can matter before anything is parsed.

Two questions, both answered with C-speed substring search over raw bytes:

* *seed files*: does the file mention a spawn API (``Thread``, ``Timer``,
  ``Executor``, ``create_task``...) or hold a ``while`` loop that sleeps or
  waits? Only those are parsed first.
* *who may call these names*: given identifiers of functions and classes that
  lead to a spawn, which not-yet-parsed files mention one of them as a whole
  word? A caller must spell the name it calls (or imports) somewhere, so a file
  that never mentions it cannot call it by name - only dynamic dispatch can,
  and that is a documented limit.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from thor_guard.audit.spawners import SpawnerTable

SPAWN_MARKERS: tuple[bytes, ...] = SpawnerTable.build().markers()
"""Words of the built-in spawner table; a run with ``audit-spawners`` passes its own."""
_LOOP_MARKER = b"while"
_WAIT_MARKERS: tuple[bytes, ...] = (b"sleep(", b".wait(")


def is_seed(text: bytes, markers: Sequence[bytes] = SPAWN_MARKERS) -> bool:
    """True when the file may hold a spawn site or a sleeping loop."""
    for marker in markers:
        if marker in text:
            return True
    if _LOOP_MARKER in text:
        for marker in _WAIT_MARKERS:
            if marker in text:
                return True
    return False


def _is_word_char(byte: int) -> bool:
    return byte == 95 or 48 <= byte <= 57 or 65 <= byte <= 90 or 97 <= byte <= 122 or byte >= 128


def mentions(text: bytes, word: str | bytes) -> bool:
    """True when ``word`` occurs in ``text`` as a whole identifier."""
    needle = word if isinstance(word, bytes) else word.encode("ascii", "ignore")
    if not needle:
        return False
    size = len(needle)
    end = len(text)
    position = text.find(needle)
    while position != -1:
        before = text[position - 1] if position > 0 else 0
        after = text[position + size] if position + size < end else 0
        if not _is_word_char(before) and not _is_word_char(after):
            return True
        position = text.find(needle, position + 1)
    return False


class WordIndex:
    """All candidate files' bytes in one buffer, searched per word with ``bytes.find``.

    One ``find`` scan per word is a memchr-speed pass over the whole tree; a
    hit jumps to the next file at once, so a common word costs one check per
    file that contains it, not one per occurrence.
    """

    def __init__(self, keys: Sequence[str], texts: Sequence[bytes]) -> None:
        self._keys = list(keys)
        starts: list[int] = []
        offset = 0
        for text in texts:
            starts.append(offset)
            offset += len(text) + 1
        self._starts = starts
        self._ends = [s + len(t) for s, t in zip(starts, texts)]
        self._blob = b"\0".join(texts)
        self._texts = dict(zip(self._keys, texts))

    def files_containing(self, needles: Iterable[bytes]) -> set[str]:
        """Keys of the files that contain any of ``needles`` as a substring.

        One ``find`` over the whole buffer per needle, jumping to the next
        file at a hit. Measured with valgrind, this costs about half the
        instructions of testing every file for every needle (the needle's
        search tables are built once, and long needles skip further).
        """
        found: set[str] = set()
        blob = self._blob
        starts = self._starts
        for needle in needles:
            position = blob.find(needle)
            while position != -1:
                index = bisect.bisect_right(starts, position) - 1
                found.add(self._keys[index])
                position = blob.find(needle, self._ends[index])
        return found

    def seeds(self, markers: Sequence[bytes] = SPAWN_MARKERS) -> set[str]:
        """Keys of the files :func:`is_seed` accepts, found with whole-buffer scans."""
        found = self.files_containing(markers)
        texts = self._texts
        for key in self.files_containing([_LOOP_MARKER]) - found:
            text = texts[key]
            if any(marker in text for marker in _WAIT_MARKERS):
                found.add(key)
        return found

    def files_mentioning(self, words: Iterable[str], skip: set[str] | None = None) -> set[str]:
        """Keys of the files that contain any of ``words`` as a whole identifier."""
        found: set[str] = set()
        blob = self._blob
        starts = self._starts
        for word in words:
            needle = word.encode("ascii", "ignore")
            if not needle:
                continue
            size = len(needle)
            position = blob.find(needle)
            while position != -1:
                index = bisect.bisect_right(starts, position) - 1
                key = self._keys[index]
                if key in found or (skip is not None and key in skip):
                    position = blob.find(needle, self._ends[index])
                    continue
                before = blob[position - 1] if position > 0 else 0
                after_index = position + size
                after = blob[after_index] if after_index < len(blob) else 0
                if not _is_word_char(before) and not _is_word_char(after):
                    found.add(key)
                    position = blob.find(needle, self._ends[index])
                else:
                    position = blob.find(needle, position + 1)
        return found

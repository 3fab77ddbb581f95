"""A small token matcher for the pattern notation in patterns.py, indexed on the first word.

spaCy's Matcher handles bounded gaps ("{0,3}") by tracking partial matches at every token, which made the
pattern tables cost ~10 ms per narrative; this matcher looks up candidate patterns by the stem of each token
and backtracks only through those, giving the same matches (longest per start) at a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# element: (words, optional) for a token, or (None, max_gap) for a gap of 0..max_gap non-punctuation tokens
Element = tuple[frozenset[str] | None, Any]


def _convert(pattern: list[dict[str, Any]]) -> list[Element]:
    out: list[Element] = []
    for tok in pattern:
        if "NORM" in tok:
            norm = tok["NORM"]
            words = frozenset(norm["IN"]) if isinstance(norm, dict) else frozenset([norm])
            out.append((words, tok.get("OP") == "?"))
        else:
            op = tok["OP"]  # "{0,N}"
            out.append((None, int(op.strip("{}").split(",")[1])))
    return out


def _anchor(elems: list[Element]) -> tuple[int, frozenset[str]] | None:
    """The rarest-looking word set among the leading fixed-width tokens, with its offset from the start.

    Indexing on it (instead of the first token) keeps patterns that begin with "her"/"the" from being tried
    at every determiner. None when the first token is optional (then every first word is indexed)."""
    best: tuple[int, frozenset[str]] | None = None
    for k, (words, arg) in enumerate(elems):
        if words is None or arg:  # a gap or an optional token ends the fixed-width prefix
            break
        if best is None or len(words) < len(best[1]):
            best = (k, words)
    return best


def _first_words(elems: list[Element]) -> set[str]:
    words: set[str] = set()
    for ws, opt in elems:
        if ws is None:
            raise ValueError("a pattern may not start with a gap")
        words |= ws
        if not opt:
            return words
    return words


class TokenMatcher:
    def __init__(self) -> None:
        self._patterns: list[tuple[str, list[Element]]] = []
        self._index: dict[str, list[tuple[int, int]]] = {}
        # word sets every match of a pattern must contain: a pattern whose sets miss the document is skipped
        self._required: list[tuple[int, ...]] = []
        self._sets: dict[frozenset[str], int] = {}  # distinct required word sets, numbered
        self._set_cache: list[frozenset[str]] = []

    def add(self, label: str, patterns: list[list[dict[str, Any]]]) -> None:
        for pattern in patterns:
            elems = _convert(pattern)
            pid = len(self._patterns)
            self._patterns.append((label, elems))
            required = [ws for ws, arg in elems if ws is not None and not arg]
            self._required.append(tuple(self._sets.setdefault(ws, len(self._sets)) for ws in required))
            anchor = _anchor(elems)
            offset, words = anchor if anchor is not None else (0, frozenset(_first_words(elems)))
            for w in words:
                self._index.setdefault(w, []).append((pid, offset))

    @property
    def _set_list(self) -> list[frozenset[str]]:
        if len(self._set_cache) != len(self._sets):
            self._set_cache = sorted(self._sets, key=self._sets.__getitem__)
        return self._set_cache

    def __call__(self, norms: list[str], punct: list[bool]) -> Iterator[tuple[str, int, int]]:
        """(label, start, end) for the longest match of each pattern at each start."""
        n = len(norms)
        present = set(norms)
        feasible: dict[int, bool] = {}
        required = self._required
        sets = self._set_list
        set_ok: dict[int, bool] = {}

        def has(sid: int) -> bool:
            ok = set_ok.get(sid)
            if ok is None:
                ok = set_ok[sid] = not sets[sid].isdisjoint(present)
            return ok

        def longest(elems: list[Element], k: int, j: int) -> int:
            """The furthest end of a match of elems[k:] starting at token j, or -1 when none."""
            m = len(elems)
            # fixed tokens run without recursion; only gaps and optional tokens branch
            while k < m:
                words, arg = elems[k]
                if words is None or arg:
                    break
                if j < n and norms[j] in words:
                    k += 1
                    j += 1
                else:
                    return -1
            if k == m:
                return j
            words, arg = elems[k]
            best = -1
            if words is None:
                for g in range(arg + 1):
                    if g and (j + g - 1 >= n or punct[j + g - 1]):
                        break
                    e = longest(elems, k + 1, j + g)
                    if e > best:
                        best = e
                return best
            if j < n and norms[j] in words:
                best = longest(elems, k + 1, j + 1)
            e = longest(elems, k + 1, j)
            return e if e > best else best

        for a, norm in enumerate(norms):
            for pid, offset in self._index.get(norm, ()):
                i = a - offset
                if i < 0:
                    continue
                ok = feasible.get(pid)
                if ok is None:
                    ok = feasible[pid] = all(has(sid) for sid in required[pid])
                if not ok:
                    continue
                label, elems = self._patterns[pid]
                best = longest(elems, 0, i)
                if best > i:
                    yield label, i, best

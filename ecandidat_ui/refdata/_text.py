"""Accent- and case-insensitive matching, and a small ranked index for type-ahead searches.

Ranking of a match, best first:
  0. the folded text equals the query;
  1. the text starts with the query;
  2. a word of the text starts with the query (the query may span several words: « etienne du r »);
  3. the query appears anywhere in the text;
  4. (optional) every word of the query starts a word somewhere in the record's texts, in any order.
Within a rank, records come by weight (population for communes), then by name.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_WORD = re.compile(r"[a-z0-9]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_HIGH = "\U0010ffff"


def fold(text: str) -> str:
    """« L'Haÿ-les-Roses » → « l hay les roses »: no accent, lower case, words split by one space."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_LIGATURES)).encode("ascii", "ignore").decode()
    return " ".join(_WORD.findall(ascii_text.lower()))


def fold_name(text: str) -> str:
    """Folds a stored name, expanding the abbreviations « St », « Ste » into « saint », « sainte »."""
    return " ".join(_ABBREVIATIONS.get(word, word) for word in fold(text).split())


def fold_query(text: str) -> str:
    """Folds what the user typed; the last word may still grow, so it is not expanded (« st » → « strasbourg »)."""
    words = fold(text).split()
    if not words:
        return ""
    finished = text.rstrip() != text or not text[-1:].isalnum()
    expanded = [_ABBREVIATIONS.get(word, word) for word in (words if finished else words[:-1])]
    return " ".join(expanded if finished else [*expanded, words[-1]])


class RankedIndex:
    """Searches records by their names; built once per dataset.

    `texts[i]` lists the folded texts of record i (name first, then aliases); `order[i]` is the record's place
    among all records sorted by (-weight, name), used to break ties; `extra[i]`, when given, is more text
    (e.g. the commune of a lycée) used only by the all-words rank 4.
    """

    def __init__(
        self,
        texts: Sequence[Sequence[str]],
        order: Sequence[int],
        extra: Sequence[str] | None = None,
    ) -> None:
        keys: list[tuple[str, int, int]] = []
        for record, record_texts in enumerate(texts):
            for text in record_texts:
                if not text:
                    continue
                keys.append((text, record, 1))
                start = text.find(" ")
                while start >= 0:
                    keys.append((text[start + 1 :], record, 2))
                    start = text.find(" ", start + 1)
        keys.sort()
        self._keys = [key for key, _, _ in keys]
        self._records = [record for _, record, _ in keys]
        self._ranks = [rank for _, _, rank in keys]
        self._texts = [tuple(t for t in record_texts if t) for record_texts in texts]
        self._order = list(order)
        # for the all-words rank: each record's texts and extra text in one string, records separated by « \n »
        self._haystacks: list[str] | None = None
        if extra is not None:
            self._haystacks = [" " + " ".join(t) + " " + fold(e) for t, e in zip(self._texts, extra, strict=True)]
            self._hay_blob = "\n".join(self._haystacks)
            self._hay_offsets = list(accumulate((len(h) + 1 for h in self._haystacks[:-1]), initial=0))
        # one long string for substring scans: each record's texts, separated by « \n »
        offsets, parts, position = [], [], 0
        for record_texts in self._texts:
            for text in record_texts:
                offsets.append(position)
                parts.append(text)
                position += len(text) + 1
        self._blob = "\n".join(parts)
        self._blob_offsets = offsets
        self._blob_records = [record for record, record_texts in enumerate(self._texts) for _ in record_texts]

    def search(
        self,
        query: str,
        limit: int,
        accept: Callable[[int], bool] | None = None,
        subset: Iterable[int] | None = None,
    ) -> list[int]:
        """Record numbers of the best `limit` matches of the folded `query`.

        `accept` filters records; `subset`, when given, restricts the search to those records (a small set,
        such as the communes of one département) and is scanned directly.
        """
        if not query or limit <= 0:
            return []
        if subset is not None:
            best = self._scan(query, subset, accept)
        else:
            best = self._lookup(query, accept)
            if len(best) < limit:
                self._substrings(query, accept, best)
        if len(best) < limit and self._haystacks is not None:
            self._all_words(query, subset if subset is not None else range(len(self._texts)), accept, best)
        order = self._order
        return [r for _, _, r in heapq.nsmallest(limit, ((rank, order[r], r) for r, rank in best.items()))]

    def _lookup(self, query: str, accept: Callable[[int], bool] | None) -> dict[int, int]:
        keys, records, ranks = self._keys, self._records, self._ranks
        low = bisect_left(keys, query)
        high = bisect_left(keys, query + _HIGH, low)
        best: dict[int, int] = {}
        for i in range(low, high):
            record = records[i]
            rank = 0 if ranks[i] == 1 and keys[i] == query else ranks[i]
            previous = best.get(record)
            if previous is None:
                if accept is not None and not accept(record):
                    continue
                best[record] = rank
            elif rank < previous:
                best[record] = rank
        return best

    def _substrings(self, query: str, accept: Callable[[int], bool] | None, best: dict[int, int]) -> None:
        blob, offsets, blob_records = self._blob, self._blob_offsets, self._blob_records
        found = blob.find(query)
        while found >= 0:
            part = bisect_left(offsets, found + 1) - 1
            record = blob_records[part]
            if record not in best and (accept is None or accept(record)):
                best[record] = 3
            found = blob.find(query, found + 1)

    def _scan(self, query: str, subset: Iterable[int], accept: Callable[[int], bool] | None) -> dict[int, int]:
        spaced = f" {query}"
        best: dict[int, int] = {}
        for record in subset:
            if accept is not None and not accept(record):
                continue
            rank = 9
            for text in self._texts[record]:
                if text == query:
                    rank = 0
                elif text.startswith(query):
                    rank = min(rank, 1)
                elif spaced in f" {text}":
                    rank = min(rank, 2)
                elif query in text:
                    rank = min(rank, 3)
            if rank < 9:
                best[record] = rank
        return best

    def _all_words(
        self, query: str, records: Iterable[int], accept: Callable[[int], bool] | None, best: dict[int, int]
    ) -> None:
        words = [f" {word}" for word in query.split()]
        if len(words) < 2 or self._haystacks is None:
            return
        haystacks, offsets, blob = self._haystacks, self._hay_offsets, self._hay_blob
        if not isinstance(records, range):  # a subset (one commune, one département): look at it directly
            for record in records:
                if (
                    record not in best
                    and all(w in haystacks[record] for w in words)
                    and (accept is None or accept(record))
                ):
                    best[record] = 4
            return
        rarest = min(words, key=blob.count)  # the word with the fewest occurrences gives the fewest candidates
        found = blob.find(rarest)
        while found >= 0:
            record = bisect_left(offsets, found + 1) - 1
            if (
                record not in best
                and all(word in haystacks[record] for word in words)
                and (accept is None or accept(record))
            ):
                best[record] = 4
            found = blob.find(rarest, offsets[record + 1] if record + 1 < len(offsets) else len(blob))


def tie_break_order(
    names: Sequence[str], weights: Sequence[int] | None = None, folded: Sequence[str] | None = None
) -> list[int]:
    """Place of each record among all, sorted by weight (largest first) then folded name."""
    weights = weights or [0] * len(names)
    folded = folded if folded is not None else [fold(name) for name in names]
    ranking = sorted(range(len(names)), key=lambda i: (-weights[i], folded[i], names[i]))
    order = [0] * len(names)
    for place, record in enumerate(ranking):
        order[record] = place
    return order

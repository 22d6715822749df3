"""Group near-duplicate sentences, so cross-validation folds keep a cluster together.

The gold sentence sets hold families of near-identical sentences: one report with another
number, place or name, one sentence cut short or run on, one template ("X went on strike
for better pay") filled in twice. A fold made by a hash of each sentence's words puts the
members of a family on both sides of the split, and out-of-fold figures then measure
memory more than coding.

A sentence becomes the set of its word 3-shingles after masking numbers ('#') and
capitalised words after the first ('N', one mask for a run: names and places). Two
sentences are near-duplicates when they share at least MIN_SHARED shingles and those
cover at least THRESHOLD of the shorter one's shingles (the overlap coefficient, so a
sentence and its truncated or run-on copy match); clusters are closed transitively with
union-find.

Candidate pairs come from prefix filtering, exact and far from O(n^2): order each
sentence's shingles rarest first; if B is the shorter set and |A & B| >= t |B|, one of
B's first |B| - ceil(t |B|) + 1 shingles is in A, so each sentence's prefix is looked up
in an index of every earlier sentence's shingles and the reverse.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Sequence

THRESHOLD = 0.5
MIN_SHARED = 3
SHINGLE = 3

_WORD = re.compile(r"\w+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")  # curly quotes and their mojibake split alike


def masked_words(text: str) -> list[str]:
    """Lower-cased words, numbers as '#' and capitalised words after the first as 'N'."""
    out: list[str] = []
    for i, word in enumerate(_WORD.findall(_NON_ASCII.sub("'", text))):
        if any(ch.isdigit() for ch in word):
            out.append("#")
        elif i > 0 and word[0].isupper():
            if not out or out[-1] != "N":
                out.append("N")
        else:
            out.append(word.lower())
    return out


def shingles(text: str, n: int = SHINGLE) -> frozenset[tuple[str, ...]]:
    """Word n-shingles of the masked sentence; a sentence shorter than n is one shingle."""
    words = masked_words(text)
    if len(words) < n:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def near_duplicates(a: frozenset, b: frozenset, threshold: float = THRESHOLD) -> bool:
    """Shared shingles cover `threshold` of the shorter set (and at least MIN_SHARED)."""
    shorter = min(len(a), len(b))
    if shorter == 0:
        return False
    shared = len(a & b)
    return shared >= min(MIN_SHARED, shorter) and shared >= threshold * shorter


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def cluster_ids(texts: Sequence[str], threshold: float = THRESHOLD) -> list[int]:
    """For each text, the index of the first text of its near-duplicate cluster."""
    sets = [shingles(t) for t in texts]
    df: dict[tuple[str, ...], int] = defaultdict(int)
    for s in sets:
        for sh in s:
            df[sh] += 1
    full: dict[tuple[str, ...], list[int]] = defaultdict(list)  # every shingle of earlier texts
    prefixes: dict[tuple[str, ...], list[int]] = defaultdict(list)  # their prefix shingles
    uf = _UnionFind(len(texts))
    for i, s in enumerate(sets):
        ordered = sorted(s, key=lambda sh: (df[sh], sh))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        candidates = {j for sh in prefix for j in full[sh]}
        candidates |= {j for sh in s for j in prefixes[sh]}
        for j in candidates:
            if uf.find(i) != uf.find(j) and near_duplicates(s, sets[j], threshold):
                uf.union(i, j)
        for sh in s:
            full[sh].append(i)
        for sh in prefix:
            prefixes[sh].append(i)
    return [uf.find(i) for i in range(len(texts))]


def cluster_keys(texts: Sequence[str], threshold: float = THRESHOLD) -> dict[str, str]:
    """Each distinct text -> its cluster's key: the smallest member, whatever the order."""
    unique = list(dict.fromkeys(texts))
    ids = cluster_ids(unique, threshold)
    members: dict[int, list[str]] = defaultdict(list)
    for text, c in zip(unique, ids, strict=True):
        members[c].append(text)
    return {t: min(members[c]) for t, c in zip(unique, ids, strict=True)}


def fold_of_key(key: str, folds: int) -> int:
    """A stable fold for a cluster key (a hash, so it does not depend on set order)."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % folds


def cluster_folds(texts: Sequence[str], folds: int) -> dict[str, int]:
    """Each distinct text -> the fold of its near-duplicate cluster (a whole cluster in one)."""
    return {t: fold_of_key(key, folds) for t, key in cluster_keys(texts).items()}

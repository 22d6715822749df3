"""Exact and near-duplicate documents: the same wire story carried by many outlets is
stored and coded once, with every outlet that carried it.

Exact duplicates share a content hash (text with whitespace normalised). Near-duplicates
(another headline, a byline, a dropped last paragraph) are found with MinHash over word
shingles; LSH band keys make the lookup a plain equality join in the store, so the
index lives in the database (crash-safe, shared across runs) instead of in memory.
Stored signatures are only comparable with ones made with the same NUM_PERM, SHINGLE,
seed and datasketch scheme: change one and existing stores see no near-duplicates.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 256
BANDS, ROWS = 40, 6  # 240 of the 256 values; candidates from Jaccard ~0.55 up, verified below
SHINGLE = 4  # words per shingle
THRESHOLD = 0.75  # estimated Jaccard at or above which two documents are one story
MIN_WORDS = 25  # shorter texts only deduplicate exactly: too few shingles to judge
_SEED = 7
HASH_SLICE = 4096  # shingles hashed at a time (memory: 256 permutations x 8 bytes each)
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFC and collapsed whitespace: re-saved or re-wrapped copies hash alike."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """The identity of a document in the store."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Signature:
    """A document's MinHash values (uint32) and its LSH band keys."""

    values: np.ndarray
    bands: tuple[int, ...]

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes) -> Signature:
        values = np.frombuffer(blob, dtype="<u4").astype(np.uint32)
        return cls(values, band_keys(values))

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(np.mean(self.values == other.values))


def shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def _shingle_stream(text: str) -> Iterator[bytes]:
    """The shingles of `shingles`, one by one (repeats included), without a word list."""
    window: deque[str] = deque(maxlen=SHINGLE)
    for m in _WORD.finditer(text):
        window.append(m.group().lower())
        if len(window) == SHINGLE:
            yield " ".join(window).encode()


def signature(text: str) -> Signature | None:
    """MinHash signature, or None when the text is too short to compare fuzzily. The
    shingles are hashed in slices (a minimum is the same over any slicing, repeats
    included): hashing all at once costs 2 KB per word, 7 GB for a 20 MB document."""
    if sum(1 for _ in itertools.islice(_WORD.finditer(text), MIN_WORDS)) < MIN_WORDS:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32")
    stream = _shingle_stream(text)
    while batch := list(itertools.islice(stream, HASH_SLICE)):
        mh.update_batch(batch)
    values = np.asarray(mh.hashvalues, dtype=np.uint32)
    return Signature(values, band_keys(values))


def band_keys(values: np.ndarray) -> tuple[int, ...]:
    """One signed 64-bit key per band (band number folded in, so bands never collide)."""
    keys = []
    for b in range(BANDS):
        chunk = values[b * ROWS : (b + 1) * ROWS].astype("<u4").tobytes()
        digest = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return tuple(keys)

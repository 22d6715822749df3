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
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 256
BANDS, ROWS = 40, 6  # 240 of the 256 values; candidates from Jaccard ~0.55 up, verified below
SHINGLE = 4  # words per shingle
THRESHOLD = 0.75  # estimated Jaccard at or above which two documents are one story
MIN_WORDS = 25  # shorter texts only deduplicate exactly: too few shingles to judge
_SEED = 7
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


def signature(text: str) -> Signature | None:
    """MinHash signature, or None when the text is too short to compare fuzzily."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme="affine32")
    mh.update_batch(sorted(shingles(text)))
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

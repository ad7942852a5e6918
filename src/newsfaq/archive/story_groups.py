"""Near-identical copies of one wire story, found by MinHash over word 5-shingles."""

from __future__ import annotations

import re
import zlib

import numpy as np

from newsfaq.store.base import SIGNATURE_LENGTH as PERMUTATIONS

SHINGLE = 5
SAME_STORY = 0.8
"""Estimated Jaccard similarity above which two texts are copies of one story."""
_PRIME = (1 << 61) - 1
_RNG = np.random.default_rng(20261129)
_A = _RNG.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)


def signature(text: str) -> np.ndarray:
    """MinHash signature of the text's lower-cased word ``SHINGLE``-grams, one minimum per permutation: the
    share of equal values in two signatures estimates the texts' Jaccard similarity."""
    tokens = re.findall(r"\w+", text.lower())
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}
    hashes = np.array([zlib.crc32(s.encode()) for s in shingles], dtype=np.uint64)
    # Universal hashing (a*x + b) modulo 2^64 as the permutation family; min per permutation.
    return (np.outer(hashes, _A) + _B).min(axis=0)


def similar(candidate: np.ndarray, stored: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of ``candidate`` with each row of ``stored``."""
    if stored.size == 0:
        return np.zeros(0)
    return (stored == candidate).mean(axis=1)


def group_for(candidate: np.ndarray, groups: list[str], stored: np.ndarray, own_id: str) -> str:
    """The group of the most similar stored copy above SAME_STORY, else the article's own id."""
    scores = similar(candidate, stored)
    if scores.size and scores.max() >= SAME_STORY:
        return groups[int(scores.argmax())]
    return own_id


BANDS = 16
"""Bands of 4 signature values each, for looking copies up. Two signatures alike in at least ``SAME_STORY`` of
their 64 values differ in at most 12, which can spoil at most 12 of the 16 bands: a copy shares at least 4 whole
bands with its original, so the rows that share a band with a candidate hold every copy of it, exactly."""
_BAND_MIX = np.uint64(0x9E3779B97F4A7C15)


def _band_keys(signatures: np.ndarray) -> np.ndarray:
    """One 64-bit key per band of each signature row (rows x ``BANDS``); unequal bands may share a key, which
    only adds a candidate that ``similar`` then rejects."""
    bands = signatures.reshape(len(signatures), BANDS, PERMUTATIONS // BANDS)
    keys = np.zeros(bands.shape[:2], dtype=np.uint64)
    for column in range(bands.shape[2]):
        keys = keys * _BAND_MIX + bands[:, :, column]  # wraps modulo 2^64, as a hash may
    return keys


class StoryGroups:
    """Signatures of stored articles in memory, looked up by band: those of the stored articles in sorted
    arrays (12 bytes a band per article), those added since in a dictionary, merged into the arrays as it
    grows. Finding a copy costs 16 binary searches, not a pass over every stored signature (which cost 9.6 times
    as much by 20,000 articles, and grows with the archive: bench/story_groups_scale.py)."""

    def __init__(self, groups: list[str], signatures: np.ndarray) -> None:
        self.groups = list(groups)
        self._signatures = signatures.reshape(len(groups), PERMUTATIONS).astype(np.uint64)
        self._recent: dict[tuple[int, int], list[int]] = {}
        self._recent_rows: list[np.ndarray] = []
        self._merge()

    def _merge(self) -> None:
        """Put the recent signatures into the sorted arrays."""
        if self._recent_rows:
            self._signatures = np.vstack([self._signatures, *self._recent_rows])
        keys = _band_keys(self._signatures).T  # bands x rows
        order = np.argsort(keys, axis=1, kind="stable")
        self._sorted_keys = np.take_along_axis(keys, order, axis=1)
        self._sorted_rows = order.astype(np.int32)
        self._recent, self._recent_rows = {}, []

    def _candidates(self, candidate: np.ndarray) -> list[int]:
        """Rows sharing a band with ``candidate``, in row order."""
        keys = _band_keys(candidate.reshape(1, PERMUTATIONS))[0]
        rows: set[int] = set()
        for band, key in enumerate(keys):
            found = self._sorted_keys[band]
            first, last = np.searchsorted(found, key, "left"), np.searchsorted(found, key, "right")
            rows.update(self._sorted_rows[band, first:last].tolist())
            rows.update(self._recent.get((band, int(key)), ()))
        return sorted(rows)

    def _row(self, row: int) -> np.ndarray:
        stored = len(self._signatures)
        return self._signatures[row] if row < stored else self._recent_rows[row - stored]

    def group_for(self, candidate: np.ndarray, own_id: str) -> str:
        """The group of the most similar signature held (stored, or added earlier in this batch) above
        ``SAME_STORY``, else ``own_id``: the same as comparing with every signature, ties going to the first."""
        rows = self._candidates(candidate)
        if not rows:
            return own_id
        return group_for(candidate, [self.groups[r] for r in rows], np.vstack([self._row(r) for r in rows]), own_id)

    def add(self, group: str, candidate: np.ndarray) -> None:
        """Hold a newly stored article's signature under its group, so later articles of the batch can join it."""
        row = len(self.groups)
        self.groups.append(group)
        self._recent_rows.append(candidate.astype(np.uint64))
        for band, key in enumerate(_band_keys(candidate.reshape(1, PERMUTATIONS))[0]):
            self._recent.setdefault((band, int(key)), []).append(row)
        if len(self._recent_rows) > max(4096, len(self._signatures) // 16):
            self._merge()  # a sort of every key, once every 4,096 additions or 1/16 of the archive

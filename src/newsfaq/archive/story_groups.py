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


class StoryGroups:
    """Signatures of stored articles in memory, growing by doubling while a batch is added."""

    def __init__(self, groups: list[str], signatures: np.ndarray) -> None:
        self.groups = list(groups)
        self._rows = max(16, 2 * len(groups))
        self._buffer = np.zeros((self._rows, PERMUTATIONS), dtype=np.uint64)
        self._buffer[: len(groups)] = signatures.reshape(len(groups), PERMUTATIONS)

    def group_for(self, candidate: np.ndarray, own_id: str) -> str:
        """The group of the most similar signature held (stored, or added earlier in this batch) above
        ``SAME_STORY``, else ``own_id``."""
        return group_for(candidate, self.groups, self._buffer[: len(self.groups)], own_id)

    def add(self, group: str, candidate: np.ndarray) -> None:
        """Hold a newly stored article's signature under its group, so later articles of the batch can join it."""
        if len(self.groups) == self._rows:
            self._rows *= 2
            self._buffer = np.vstack([self._buffer, np.zeros_like(self._buffer)])
        self._buffer[len(self.groups)] = candidate
        self.groups.append(group)

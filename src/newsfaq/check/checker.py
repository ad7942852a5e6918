"""``check_claim`` and ``check_many``: verdicts on claims against their articles.

Batch work is arranged for speed: each distinct article is indexed once per batch, all
claims are parsed in one ``nlp.pipe`` pass, and every atomic claim is scored
in one matrix operation. Inputs that cannot be judged (empty, not English,
longer than the article) get an ``unverifiable`` verdict instead of an error,
so one bad pair never stops a batch.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial

import numpy as np
from spacy.tokens import Doc, Span

from newsfaq.check.cascade import judge_uncertain
from newsfaq.check.claims import UNUSED_PIPES, split_claims
from newsfaq.check.features import align_claim, is_verbatim
from newsfaq.check.index import ArticleIndex, index_articles
from newsfaq.check.language import looks_english
from newsfaq.check.scorer import SupportModel, get_model
from newsfaq.check.verdicts import combine, judge
from newsfaq.ingest.clean import clean_text
from newsfaq.model import Article, QAPair, Verdict
from newsfaq.nlp.lexicon import words
from newsfaq.nlp.pipeline import get_nlp

ArticleLike = Article | str


_article_is_english = lru_cache(maxsize=1024)(looks_english)
"""A batch checks many claims against one article; its language is tested once."""


def _unverifiable(body: str, claim: str) -> str | None:
    """Why a pair cannot be judged, or None when it can."""
    if not claim.strip():
        return "the claim is empty"
    if not any(ch.isalnum() for ch in body):
        return "the article has no text"
    if len(claim.strip()) > len(body.strip()):
        return "the claim is longer than the article"
    if not _article_is_english(body):
        return "the article does not look like English; only English is checked"
    if not looks_english(claim):
        return "the claim does not look like English; only English is checked"
    return None


@dataclass
class _Part:
    pair: int
    text: str


def verdicts_for(
    indexes: Sequence[ArticleIndex],
    claims: Sequence[str],
    model: SupportModel | None = None,
    parses: Sequence[Doc | Span] | None = None,
) -> list[Verdict]:
    """Verdicts for ``claims[i]`` against ``indexes[i]`` (claims already validated).

    ``parses`` may carry existing parses of the claims (the FAQ writer's
    answers are spans of the article parse), saving a second parse.
    """
    model = model or get_model()
    if parses is None:
        parses = list(get_nlp().pipe(claims, batch_size=64, disable=UNUSED_PIPES))
    parts = []
    for number, doc in enumerate(parses):
        index = indexes[number]

        def quoted(sentence: str, index: ArticleIndex = index) -> bool:
            return is_verbatim(words(sentence), index)

        parts.extend(_Part(number, text) for text in split_claims(doc.text, doc, keep_whole=quoted))
    tokens = [words(part.text) for part in parts]
    alignments = [align_claim(found, indexes[part.pair]) for part, found in zip(parts, tokens, strict=True)]
    scores = model.probability(np.array([a.features for a in alignments])) if parts else np.zeros(0)
    judged: list[list[Verdict]] = [[] for _ in claims]
    for part, found, alignment, score in zip(parts, tokens, alignments, scores, strict=True):
        judged[part.pair].append(judge(part.text, found, alignment, round(float(score), 4), model.threshold))
    return [combine(claim, verdicts) for claim, verdicts in zip(claims, judged, strict=True)]


def _normalised(batch: list[tuple[ArticleLike, str]]) -> list[tuple[str, str]]:
    """Both sides cleaned the same way (``ingest/clean.py``): "the victim 's" in a tokenised claim must
    meet "the victim's" in the article. An ``Article``'s body was cleaned when it was read and is taken as
    it is, so evidence numbers its sentences as every other command does; a plain-text document is cleaned
    here (once per distinct text)."""
    texts = {article: clean_text(article) for article, _ in batch if isinstance(article, str)}
    return [(texts[a] if isinstance(a, str) else a.body, clean_text(claim)) for a, claim in batch]


def _check_batch(batch: list[tuple[str, str]], model: SupportModel | None) -> list[Verdict]:
    """The fast checker's verdicts for one batch of cleaned (body, claim) pairs; each distinct body is
    indexed once."""
    problems = [_unverifiable(body, claim) for body, claim in batch]
    good = [i for i, problem in enumerate(problems) if problem is None]
    bodies = sorted({batch[i][0] for i in good})
    by_body = dict(zip(bodies, index_articles(bodies), strict=True))
    judged = iter(verdicts_for([by_body[batch[i][0]] for i in good], [batch[i][1] for i in good], model))
    return [
        Verdict(claim, "unverifiable", 0.0, [], problem) if problem else next(judged)
        for (_, claim), problem in zip(batch, problems, strict=True)
    ]


def check_many(
    pairs: Iterable[tuple[ArticleLike, str]],
    *,
    judge: str | None = None,
    llm_url: str | None = None,
    model: SupportModel | None = None,
    progress: Callable[[int], None] | None = None,
    judge_progress: Callable[[int, int], None] | None = None,
    batch_size: int = 256,
    processes: int = 1,
) -> list[Verdict]:
    """A verdict for each (article, claim) pair, in order. Verdicts name each claim as given; evidence
    offsets index the (cleaned) body.

    The fast checker reads every pair (``progress(n)`` after each batch); then, unless ``judge`` is
    ``off``, the model judge decides the uncertain ones (``judge_progress(done, total)``): see
    ``check/cascade.py``. ``judge`` and ``llm_url`` default to $NEWSFAQ_JUDGE (else ``auto``) and
    $NEWSFAQ_LLM_URL (else the local model). With ``processes`` > 1, the fast checker's batches run in
    forked worker processes that share the already loaded models (Linux and macOS; elsewhere it runs in
    one process).
    """
    given = list(pairs)
    cleaned = _normalised(given)
    verdicts = _check_fast(cleaned, model, progress, batch_size, processes)
    verdicts = judge_uncertain(cleaned, verdicts, judge, llm_url, judge_progress)
    return [replace(verdict, claim=claim) for verdict, (_, claim) in zip(verdicts, given, strict=True)]


def _check_fast(
    pairs: list[tuple[str, str]],
    model: SupportModel | None,
    progress: Callable[[int], None] | None,
    batch_size: int,
    processes: int,
) -> list[Verdict]:
    batches = _chunks(pairs, batch_size)
    work = partial(_check_batch, model=model)
    parallel = processes > 1 and len(batches) > 1 and "fork" in multiprocessing.get_all_start_methods()
    results: list[Verdict] = []
    if parallel:
        get_model(), get_nlp()  # load before forking, so every worker inherits them
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for batch, verdicts in zip(batches, pool.imap(work, batches), strict=True):
                results.extend(verdicts)
                if progress:
                    progress(len(batch))
        return results
    for batch in batches:
        results.extend(work(batch))
        if progress:
            progress(len(batch))
    return results


def _chunks(items: list, size: int) -> list[list]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def check_claim(article: ArticleLike, claim: str, *, judge: str | None = None, llm_url: str | None = None) -> Verdict:
    """Whether ``article`` supports ``claim``, with evidence and a reason (``judge``: as in ``check_many``)."""
    return check_many([(article, claim)], judge=judge, llm_url=llm_url)[0]


def check_faq(
    article: ArticleLike, items: Sequence[QAPair], *, judge: str | None = None, llm_url: str | None = None
) -> list[Verdict]:
    """A verdict on each FAQ answer (the question is context, not a claim)."""
    return check_many([(article, item.answer) for item in items], judge=judge, llm_url=llm_url)

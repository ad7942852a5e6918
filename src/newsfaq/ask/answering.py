"""``answer_question``: answer a question from one article or from retrieved sentences of
many, with the cited sentence and the as-of date, or say the source does not
answer it (with the closest sentences as leads)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Span

from newsfaq.ask import answerability
from newsfaq.ask.engine import RankedSentence, candidate_sentences, question_candidates, read_sentences
from newsfaq.ask.model_reader import read_span
from newsfaq.ask.question_analysis import QuestionInfo, analyse_question
from newsfaq.ask.reader import get_reader
from newsfaq.ask.subject import about_subject
from newsfaq.errors import FIELD, InputError
from newsfaq.model import Answer, Article, ArticleRef, Citation, Evidence
from newsfaq.nlp.analysis import Analysis, analyze
from newsfaq.nlp.embeddings import embed_question, get_embedder
from newsfaq.nlp.llm import ReplyWriter
from newsfaq.nlp.mentions import pronoun_referents
from newsfaq.nlp.quotable import echoes
from newsfaq.settings import DEFAULT_SETTINGS, Reading

MAX_QUESTION_CHARS = 1000
LEADS = 2
AGREED_IN_ONE_ARTICLE = 0.89
ALONE_IN_ONE_ARTICLE = 0.71
FROM_THE_ARCHIVE = 0.49
"""The confidence of a model answer: the share of such answers that were right (token F1 >= 0.5; an answer to
an unanswerable question is wrong) on the news question set (bench/news_reader.py, 2026-11-29, 8 sentences
read). Read from one article, 33 of 37 were right where the fast reader's pick in the same sentence shares a
word with it and 73 of 103 where it does not; read from the archive's best articles, 63 of 129 either way.
Fitted on the set it is reported on; refitted on one half of the articles and scored on the other, the
calibration error is 0.16 (one article) and 0.10 (archive): articles differ in how hard they are, and 29 is
few."""
MODEL_ANSWER_AT = 0.4
"""The model engine's default bar: below every model confidence, so it answers whenever it found words it can
cite. On the news question set that answers 87.0% of the answerable questions from one article (77.4% from
the archive) and declines 61.8% (64.7%) of the unanswerable ones: the reader's operating point issue 14 asks
for. The fast reader keeps ``answerability.ANSWER_AT``."""


def default_bar(model: ReplyWriter | None) -> float:
    """The confidence an answer needs when the caller sets none: the model engine's or the fast reader's."""
    return MODEL_ANSWER_AT if model is not None else answerability.ANSWER_AT


@dataclass
class Passage:
    """Sentences of one article, parsed, with where they sit in its body. A sentence's position here is not its
    index in the article (a passage may skip sentences): ``citation`` gives that."""

    article: ArticleRef
    sentences: list[Span]
    offsets: list[tuple[int, int, int]]
    """(sentence index, start, end) in the article body for each sentence."""
    context_keys: set[str]
    """Content words of the whole article body (what the question may find missing)."""
    vectors: np.ndarray
    """Each sentence's embedding (unit vectors, one row per sentence)."""
    referents: list[str] = field(default_factory=list)
    """Per sentence, the names its pronouns stand for (``mentions.pronoun_referents``), as one text, whose words
    the ranking counts as held (the answerability classifier does not); empty where the sentences were parsed
    without their article (the archive's)."""

    def citation(self, sentence: Span) -> Citation:
        """Where ``sentence`` (one of this passage's own spans, found by identity) sits in the article body."""
        position = next(i for i, s in enumerate(self.sentences) if s is sentence)
        index, start, end = self.offsets[position]
        return Citation(sentence=index, start=start, end=end, text=sentence.text.strip())


def validate_question(question: str, field: str = "question") -> str:
    """The question stripped; ``field`` is the input it came from, named in the error (see ``errors.describe``)."""
    question = question.strip()
    if not question:
        raise InputError(f"{FIELD} is empty; write some words, e.g. 'How many troops are in Iraq?'", field=field)
    if len(question) > MAX_QUESTION_CHARS:
        raise InputError(f"{FIELD} is {len(question)} characters; keep it under {MAX_QUESTION_CHARS}", field=field)
    return question


def _best(
    info: QuestionInfo, passage: Passage, ranked: list[RankedSentence]
) -> tuple[str | None, float, list[Span], float]:
    """The reader's best answer in one passage: (text, score, ranked sentences, probability that answering
    beats abstaining); ``ranked``: the passage's best sentences, aligned with the question."""
    found = question_candidates(info, ranked)
    if not found:
        return None, float("-inf"), [r.sentence for r in ranked], 0.0
    scores = get_reader().scores(found)
    best = int(np.argmax(scores))
    chosen = found[best]
    row = answerability.features(info, passage.context_keys, chosen, scores)
    sentences = [chosen.sentence] + [r.sentence for r in ranked if r.sentence is not chosen.sentence]
    return chosen.text, float(scores[best]), sentences, answerability.answer_probability(row)


def answer_from(
    question: str,
    passages: list[Passage],
    answer_at: float | None = None,
    model: ReplyWriter | None = None,
    from_archive: bool = False,
    reading: Reading = DEFAULT_SETTINGS.reading,
) -> Answer:
    """Answer from passages (most relevant first); abstain when the probability that the answer is right is
    below ``answer_at`` (0 answers whenever there is a candidate; None: ``reading.answer_at``, else the engine's
    default bar). With ``model``, the model reads the best sentences and its answer, found word for word in one
    of them, stands in for the fast reader's; its confidence is the rate measured for one article or,
    ``from_archive``, for the archive's best articles (however many of them there were). ``reading``: how many
    sentences each reader reads, how they are ranked, and the bar.

    For a question in the present tense the newest source wins (the model reads it first, though it may cite
    another); answers from other dated sources that differ are kept as ``alternatives`` (with the model, the
    fast reader's).
    """
    info = analyse_question(validate_question(question))
    if answer_at is None:
        answer_at = reading.answer_at if reading.answer_at is not None else default_bar(model)
    query = embed_question(info.text)
    depth = reading.model_sentences if model else reading.read_sentences
    weight = reading.closeness_weight
    rankings = [candidate_sentences(info, p.sentences, p.vectors @ query, depth, weight, p.referents) for p in passages]
    read = read_sentences(info, [ranked[: reading.read_sentences] for ranked in rankings])
    results = [(passage, *_best(info, passage, ranked)) for passage, ranked in zip(passages, read, strict=True)]
    # An article that does not name the question's subject cannot answer it, however well a sentence fits.
    on_subject = [about_subject(info, p.context_keys) for p in passages]
    eligible = [r for r, named in zip(results, on_subject, strict=True) if r[1] and named]
    declined = 0.0  # the model's confidence in an answer it found below the bar
    if model is not None:
        readable = [(p, r) for p, r, named in zip(passages, rankings, on_subject, strict=True) if named]
        if info.present:  # the newest source's sentences come first, where the model looks first
            readable.sort(key=lambda item: item[0].article.date or "", reverse=True)
        context = _model_context(readable, reading.model_sentences)
        read_by_model = _model_answer(question, context, eligible, model, from_archive)
        if read_by_model is not None and read_by_model.confidence >= answer_at:
            cited = read_by_model.evidence[0].article.id
            bar = max(answer_at, answerability.ANSWER_AT)  # the fast reader's own bar, or the caller's if higher
            fast = [r for r in eligible if r[0].article.id != cited and r[4] >= bar]
            read_by_model.alternatives = _disagreeing(read_by_model, [_answer(question, r) for r in fast])
            return read_by_model
        declined = read_by_model.confidence if read_by_model is not None else 0.0
        eligible = []  # the model found no answer it could cite: the fast reader's guess does not stand alone
    answered = [r for r in eligible if r[4] >= answer_at]
    if not answered:
        leads = [Evidence(p.article, p.citation(s)) for p, _, _, sents, _ in results for s in sents[:1]][:LEADS]
        best = max((r[2] for r in results if math.isfinite(r[2])), default=0.0)
        likeliest = max((r[4] for r in eligible), default=declined)
        return Answer(question, None, leads, None, round(best, 3), _silence(passages), confidence=round(likeliest, 3))
    if info.present:
        answered.sort(key=lambda r: r[0].article.date or "", reverse=True)
    primary, *others = [_answer(question, r) for r in answered]
    primary.alternatives = _disagreeing(primary, others)
    return primary


def _model_context(ranked: list[tuple[Passage, list[RankedSentence]]], limit: int) -> list[tuple[Passage, Span]]:
    """The ``limit`` best sentences of the passages, passage by passage in the order given, each passage's in
    the order its article tells them."""
    pooled = sorted(
        ((r.score, n, i, passage, r.sentence) for n, (passage, rs) in enumerate(ranked) for i, r in enumerate(rs)),
        key=lambda item: (-item[0], item[1], item[2]),
    )[:limit]
    in_order = sorted(pooled, key=lambda item: (item[1], item[3].citation(item[4]).sentence))
    return [(passage, sentence) for _, _, _, passage, sentence in in_order]


def _model_answer(
    question: str, context: list[tuple[Passage, Span]], fast: list, model: ReplyWriter, from_archive: bool
) -> Answer | None:
    """The model's answer, cited by the sentence it was found in, or None when it found none it could cite
    (``read_span``). Its confidence is that measured for answers read from the archive, or from one article,
    where it is higher when the fast reader's best answer in that sentence shares a word with it."""
    span = read_span(model, question, [sentence.text for _, sentence in context]) if context else None
    if span is None:
        return None
    passage, sentence = context[span.sentence]
    text = sentence.text[span.start : span.end]
    agreed = any(r[0] is passage and r[3][0] is sentence and _overlap(r[1], text) for r in fast)
    confidence = FROM_THE_ARCHIVE if from_archive else AGREED_IN_ONE_ARTICLE if agreed else ALONE_IN_ONE_ARTICLE
    evidence = [Evidence(passage.article, passage.citation(sentence))]
    return Answer(question, text, evidence, passage.article.date, confidence=confidence)


def _overlap(first: str, second: str) -> bool:
    return bool(answerability.content_keys(first) & answerability.content_keys(second))


def _answer(question: str, result) -> Answer:
    passage, text, score, sentences, probability = result
    evidence = [Evidence(passage.article, passage.citation(sentences[0]))]
    return Answer(question, text, evidence, passage.article.date, round(score, 3), confidence=round(probability, 3))


def _disagreeing(primary: Answer, others: list[Answer]) -> list[Answer]:
    """Answers from other dated articles that say something else (other content words: "About 2,300" and
    "2,300" agree)."""
    seen = [answerability.content_keys(primary.answer)]
    out = []
    for other in others:
        said = answerability.content_keys(other.answer)
        if said not in seen and other.as_of and other.as_of != primary.as_of:
            seen.append(said)
            out.append(other)
    return out


def _silence(passages: list[Passage]) -> str:
    where = "the article" if len({p.article.id for p in passages}) <= 1 else "the archive"
    return f"{where.capitalize()} does not say. The closest sentences are given as leads."


def passage_of(article: Article) -> Passage:
    """A whole article as one passage (parsed in full)."""
    return passage_from(analyze(article))


def passage_from(analysis: Analysis) -> Passage:
    """The passage of an article already parsed (the FAQ writer asks its questions back with it), without the
    captions and copies that restate a sentence of its prose, more than half their content words in it
    (``echoes``): the reader cites the story, not a caption repeating it."""
    article = analysis.article
    repeated = echoes(analysis)
    read = [i for i in range(len(analysis.spans)) if i not in repeated]
    spans = [analysis.spans[i] for i in read]
    offsets = [(analysis.sentences[i].index, analysis.sentences[i].start, analysis.sentences[i].end) for i in read]
    vectors = get_embedder().embed([s.text for s in spans])
    referents = [" ".join(names) for names in pronoun_referents(spans)]
    keys = answerability.content_keys(article.body)
    return Passage(ArticleRef.of(article), spans, offsets, keys, vectors, referents)


def answer_question(
    question: str,
    article: Article,
    answer_at: float | None = None,
    model: ReplyWriter | None = None,
    reading: Reading = DEFAULT_SETTINGS.reading,
) -> Answer:
    """Answer ``question`` from one article (``answer_from``'s ``answer_at``, ``model`` and ``reading``)."""
    return answer_from(question, [passage_of(article)], answer_at, model, reading=reading)

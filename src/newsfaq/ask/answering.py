"""``ask``: answer a question from one article or from retrieved sentences of
many, with the cited sentence and the as-of date, or say the source does not
answer it (with the closest sentences as leads)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span

from newsfaq.ask import answerability
from newsfaq.ask.engine import RankedSentence, candidate_sentences, question_candidates, read_sentences
from newsfaq.ask.questions import QuestionInfo, analyse_question
from newsfaq.ask.reader import get_reader
from newsfaq.ask.subject import about_subject
from newsfaq.errors import InputError
from newsfaq.model import Answer, Article, ArticleRef, Citation, Evidence
from newsfaq.nlp.analysis import Analysis, analyze
from newsfaq.nlp.embeddings import embed_question, get_embedder

MAX_QUESTION_CHARS = 1000
LEADS = 2


@dataclass
class Passage:
    """Sentences of one article, parsed, with where they sit in its body."""

    article: ArticleRef
    sentences: list[Span]
    offsets: list[tuple[int, int, int]]
    """(sentence index, start, end) in the article body for each sentence."""
    context_keys: set[str]
    """Content words of the whole article body (what the question may find missing)."""
    vectors: np.ndarray
    """Each sentence's embedding (unit vectors, one row per sentence)."""

    def citation(self, sentence: Span) -> Citation:
        position = next(i for i, s in enumerate(self.sentences) if s is sentence)
        index, start, end = self.offsets[position]
        return Citation(sentence=index, start=start, end=end, text=sentence.text.strip())


def validate_question(question: str, field: str = "question") -> str:
    """The question stripped; ``field`` is the input it came from, named in the error (see ``errors.describe``)."""
    question = question.strip()
    if not question:
        raise InputError("{field} is empty; write some words, e.g. 'How many troops are in Iraq?'", field=field)
    if len(question) > MAX_QUESTION_CHARS:
        raise InputError(f"{{field}} is {len(question)} characters; keep it under {MAX_QUESTION_CHARS}", field=field)
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


def answer_from(question: str, passages: list[Passage], answer_at: float = answerability.ANSWER_AT) -> Answer:
    """Answer from passages (most relevant first); abstain when the probability that the answer is right is
    below ``answer_at`` (0 answers whenever there is a candidate).

    For a question in the present tense the newest source wins; answers from
    other dated sources that differ are kept as ``alternatives``.
    """
    info = analyse_question(validate_question(question))
    query = embed_question(info.text)
    rankings = [candidate_sentences(info, passage.sentences, passage.vectors @ query) for passage in passages]
    read = read_sentences(info, rankings)
    results = [(passage, *_best(info, passage, ranked)) for passage, ranked in zip(passages, read, strict=True)]
    # An article that does not name the question's subject cannot answer it, however well a sentence fits.
    eligible = [r for r in results if r[1] and about_subject(info, r[0].context_keys)]
    answered = [r for r in eligible if r[4] >= answer_at]
    if not answered:
        leads = [Evidence(p.article, p.citation(s)) for p, _, _, sents, _ in results for s in sents[:1]][:LEADS]
        best = max((r[2] for r in results if math.isfinite(r[2])), default=0.0)
        likeliest = max((r[4] for r in eligible), default=0.0)
        return Answer(question, None, leads, None, round(best, 3), _silence(passages), confidence=round(likeliest, 3))
    if info.present:
        answered.sort(key=lambda r: r[0].article.date or "", reverse=True)
    primary, *others = [_answer(question, r) for r in answered]
    primary.alternatives = _disagreeing(primary, others)
    return primary


def _answer(question: str, result) -> Answer:
    passage, text, score, sentences, probability = result
    evidence = [Evidence(passage.article, passage.citation(sentences[0]))]
    return Answer(question, text, evidence, passage.article.date, round(score, 3), confidence=round(probability, 3))


def _disagreeing(primary: Answer, others: list[Answer]) -> list[Answer]:
    """Answers from other dated articles that say something else."""
    seen = {primary.answer.lower()}
    out = []
    for other in others:
        if other.answer.lower() not in seen and other.as_of != primary.as_of:
            seen.add(other.answer.lower())
            out.append(other)
    return out


def _silence(passages: list[Passage]) -> str:
    where = "the article" if len({p.article.id for p in passages}) <= 1 else "the archive"
    return f"{where.capitalize()} does not say. The closest sentences are given as leads."


def passage_of(article: Article) -> Passage:
    """A whole article as one passage (parsed in full)."""
    return passage_from(analyze(article))


def passage_from(analysis: Analysis) -> Passage:
    """The passage of an article already parsed (the FAQ writer asks its questions back with it)."""
    article = analysis.article
    offsets = [(s.index, s.start, s.end) for s in analysis.sentences]
    vectors = get_embedder().embed([s.text for s in analysis.spans])
    return Passage(ArticleRef.of(article), analysis.spans, offsets, answerability.content_keys(article.body), vectors)


def ask(question: str, article: Article) -> Answer:
    """Answer ``question`` from one article."""
    return answer_from(question, [passage_of(article)])

"""FAQ self-consistency: asked back of its article, does each question land on
the sentence its answer cites?

Retrieval is deliberately simple: BM25 over the article's sentences with
lower-cased word tokens, stop words removed. Chance level (a random sentence)
is shown beside it.

    python bench/faq_consistency.py
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from articles import dev_articles
from common import FAST_FAQ, data_path, print_table

from newsfaq import load_article
from newsfaq.faq.writer import make_faq
from newsfaq.nlp.analysis import analyze

STOP = set(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "what",
        "why",
        "how",
        "who",
        "whom",
        "when",
        "where",
        "which",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "as",
        "about",
        "into",
        "over",
        "after",
        "before",
        "than",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "not",
        "no",
    ]
)


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP]


def best_sentence(question: str, sentences: list[str]) -> int:
    """BM25 (k1=1.2, b=0.75) over sentences as documents."""
    docs = [Counter(words(s)) for s in sentences]
    average = sum(sum(d.values()) for d in docs) / max(1, len(docs))
    frequency = Counter(term for d in docs for term in d)
    scores = []
    for doc in docs:
        length = sum(doc.values())
        score = 0.0
        for term in set(words(question)):
            if term in doc:
                idf = math.log(1 + (len(docs) - frequency[term] + 0.5) / (frequency[term] + 0.5))
                tf = doc[term]
                score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / max(1e-9, average)))
        scores.append(score)
    return max(range(len(scores)), key=lambda i: (scores[i], -i))


def main() -> None:
    articles = [("reference", load_article(data_path("articles", "000_31ed11bd7c1c5854.txt")))] + dev_articles()
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    chance: dict[str, float] = defaultdict(float)
    for _, article in articles:
        analysis = analyze(article)
        sentences = [s.text for s in analysis.sentences]
        for item in make_faq(article, FAST_FAQ, analysis=analysis).items:
            found = best_sentence(item.question, sentences)
            cited = [c.sentence for c in item.citations]
            for key in (item.intent, "all"):
                hits[key][0] += 1
                hits[key][1] += found == cited[0]
                hits[key][2] += found in cited
                chance[key] += len(cited) / len(sentences)
    rows = [
        [key, n, round(main_hit / n, 3), round(any_hit / n, 3), round(chance[key] / n, 3)]
        for key, (n, main_hit, any_hit) in sorted(hits.items(), key=lambda kv: (kv[0] == "all", kv[0]))
    ]
    print_table(
        f"FAQ self-consistency over {len(articles)} articles (reference + check-dev)",
        ["intent", "items", "lands on main cited sentence", "lands on any cited sentence", "chance"],
        rows,
    )


if __name__ == "__main__":
    main()

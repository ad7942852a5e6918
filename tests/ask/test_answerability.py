import numpy as np

from newsfaq.ask.answerability import FEATURES, answer_probability, features
from newsfaq.ask.engine import candidate_sentences, question_candidates, read_sentences
from newsfaq.ask.question_analysis import analyse_question
from newsfaq.nlp.embeddings import embed_question, get_embedder
from newsfaq.nlp.lexicon import content_keys
from newsfaq.nlp.pipeline import get_nlp

ARTICLE = "About 1,200 dock workers joined the strike at the port on Thursday, the union said."


def _row(question: str, scores=(3.0, 1.0)) -> dict[str, float]:
    info = analyse_question(question)
    sentence = get_nlp()(ARTICLE)[:]
    ranked = candidate_sentences(info, [sentence], get_embedder().embed([ARTICLE]) @ embed_question(question))
    chosen = question_candidates(info, read_sentences(info, [ranked])[0])[0]
    row = features(info, content_keys(ARTICLE), chosen, np.array(scores))
    return dict(zip(FEATURES, row, strict=True))


def test_words_the_article_lacks_are_counted_and_weighed_by_rarity():
    on_topic = _row("How many dock workers joined the strike?")
    off_topic = _row("How many astronauts joined the expedition?")
    assert on_topic["absent_share"] == 0 and on_topic["absent_rarity"] == 0
    assert off_topic["absent_share"] > 0.5 and off_topic["absent_max_rarity"] > 3
    assert on_topic["lead_over_next"] == 2.0 and on_topic["kind"] == 2.0  # "how-many"


def test_the_classifier_prefers_answering_a_question_the_text_covers():
    covered = answer_probability(list(_row("How many dock workers joined the strike?").values()))
    foreign = answer_probability(list(_row("How many astronauts joined the expedition?").values()))
    assert 0 <= foreign < covered <= 1

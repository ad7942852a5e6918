import numpy as np

from newsfaq.ask.answerability import FEATURES, answer_probability, content_keys, features
from newsfaq.ask.questions import analyse_question

ARTICLE = "About 1,200 dock workers joined the strike at the port on Thursday, the union said."


def _row(question: str, scores=(3.0, 1.0)) -> dict[str, float]:
    row = features(analyse_question(question), content_keys(ARTICLE), ARTICLE, np.array(scores))
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

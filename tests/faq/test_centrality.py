from newsfaq import load_article
from newsfaq.faq.centrality import centrality
from newsfaq.model import Article
from newsfaq.nlp.analysis import analyze


def test_sentences_about_what_the_story_keeps_returning_to_score_higher(example_path):
    analysis = analyze(load_article(example_path))
    scores = centrality(analysis)
    texts = [span.text for span in analysis.spans]
    assert len(scores) == len(texts) and all(0.0 <= s <= 1.0 for s in scores)
    assert scores[texts.index("Shipping companies reacted with alarm.")] == 0.0  # a fragment, not a key fact
    lead, minister = scores[0], scores[next(i for i, t in enumerate(texts) if "economy minister" in t)]
    assert lead > 0.5 > 0.1 > minister  # dock, port, terminal, strike against a minister's one-off appeal


def test_a_caption_is_never_central():
    body = (
        "The council closed the old bridge on Monday after engineers found cracks in the bridge supports. "
        "Engineers said the bridge supports had corroded. "
        "Engineer Ann Reed ( pictured ) inspects the cracks in the bridge supports on Monday."
    )
    analysis = analyze(Article(id="b", body=body, date="2025-03-14"))
    assert centrality(analysis)[2] == 0.0 and centrality(analysis)[0] > 0.0

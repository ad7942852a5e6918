from newsfaq.faq import grounding
from newsfaq.faq.candidates import ItemCandidate
from newsfaq.faq.writer import plan_candidates
from newsfaq.model import Verdict
from newsfaq.nlp.analysis import analyze


def test_quoted_answers_all_pass(example_faq):
    article, _ = example_faq
    analysis = analyze(article)
    candidates = plan_candidates(analysis)
    result = grounding.ground(candidates, analysis, answer_sentences=2)
    assert result.kept == candidates and result.trimmed == result.dropped == 0


def test_unsupported_sentences_are_trimmed_and_answers_without_main_evidence_dropped(example_faq, monkeypatch):
    article, _ = example_faq
    analysis = analyze(article)

    def fake_verdicts(indexes, claims, parses):
        # Pretend the checker rejects the article's third sentence.
        bad = analysis.sentences[2].text
        return [Verdict(c, "unsupported" if c == bad else "supported", 0.0) for c in claims]

    monkeypatch.setattr(grounding, "verdicts_for", fake_verdicts)
    keep = ItemCandidate("who", "Who is Niek Stam?", (3, 2), 1.0)
    trim = ItemCandidate("why", "Why did they strike?", (1, 2), 1.0)
    drop = ItemCandidate("how-many", "How many workers joined?", (2,), 1.0)
    result = grounding.ground([keep, trim, drop], analysis, answer_sentences=2)
    assert [c.sentences for c in result.kept] == [(3,), (1,)]
    assert (result.trimmed, result.dropped) == (2, 1)

import pytest

from newsfaq.check.features import FEATURE_NAMES, align_claim, is_verbatim
from newsfaq.check.index import index_articles
from newsfaq.nlp.lexicon import words

BODY = (
    "About 1,200 workers joined the stoppage on Thursday. "
    "The operators offered a bonus of 2,500 euros. "
    "Maersk said it would divert vessels to Antwerp."
)


@pytest.fixture(scope="module")
def index():
    return index_articles([BODY])[0]


def _feature(alignment, name):
    return alignment.features[FEATURE_NAMES.index(name)]


def test_a_quoted_sentence_is_fully_covered_and_verbatim(index):
    claim = words("The operators offered a bonus of 2,500 euros.")
    alignment = align_claim(claim, index)
    assert is_verbatim(claim, index)
    assert _feature(alignment, "coverage") == 1.0 and _feature(alignment, "longest_fragment") == 1.0
    assert alignment.evidence[0].sentence.index == 1 and not alignment.missing


def test_a_changed_number_is_missing(index):
    alignment = align_claim(words("The operators offered a bonus of 3,000 euros."), index)
    assert [w.text for w in alignment.missing_numbers] == ["3,000"]


def test_a_fused_claim_breaks_phrases_and_cooccurrence(index):
    faithful = align_claim(words("Maersk would divert vessels to Antwerp."), index)
    fused = align_claim(words("Maersk joined the stoppage with 1,200 workers."), index)
    assert _feature(fused, "pair_cooccurrence") < _feature(faithful, "pair_cooccurrence")
    assert _feature(fused, "trigram_coverage") < _feature(faithful, "trigram_coverage")
    assert not is_verbatim(words("Maersk joined the stoppage with 1,200 workers."), index)


def test_negation_on_one_side_only_is_flagged(index):
    assert align_claim(words("The operators did not offer a bonus."), index).negation_mismatch
    assert not align_claim(words("The operators offered a bonus."), index).negation_mismatch


def test_sentence_offsets_point_into_the_body(index):
    for entry in index.sentences:
        s = entry.sentence
        assert BODY[s.start : s.end] == s.text

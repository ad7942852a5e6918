import numpy as np

from newsfaq.check.features import FEATURE_NAMES
from newsfaq.check.scorer import SupportModel, expand, get_model


def test_expand_adds_every_pairwise_product():
    out = expand(np.array([[2.0, 3.0]]))
    assert out.tolist() == [[2.0, 3.0, 4.0, 6.0, 9.0]]


def test_shipped_weights_load_and_round_trip():
    model = get_model()
    assert model.coef.shape == (len(FEATURE_NAMES) + len(FEATURE_NAMES) * (len(FEATURE_NAMES) + 1) // 2,)
    again = SupportModel.from_dict(model.to_dict())
    features = np.random.default_rng(0).random((4, len(FEATURE_NAMES)))
    assert np.allclose(again.probability(features), model.probability(features))
    assert ((model.probability(features) >= 0) & (model.probability(features) <= 1)).all()


def test_full_support_scores_higher_than_none():
    good = dict.fromkeys(FEATURE_NAMES, 1.0) | {
        "missing_weight": 0.0,
        "max_missing_rarity": 0.0,
        "missing_numbers": 0.0,
        "missing_names": 0.0,
        "negation_mismatch": 0.0,
        "content_words": 8.0,
        "fragments_per_word": 0.1,
        "fragment_sentences": 1.0,
        "missing_rare_share": 0.0,
        "missing_common_share": 0.0,
    }
    bad = good | {"coverage": 0.3, "weighted_coverage": 0.2, "best_sentence_coverage": 0.2,
        "best_pair_coverage": 0.3, "bigram_coverage": 0.1, "trigram_coverage": 0.0, "missing_weight": 25.0,
        "max_missing_rarity": 6.0, "missing_names": 2.0, "pair_cooccurrence": 0.1, "fragments_per_word": 0.9,
        "longest_fragment": 0.1, "missing_rare_share": 0.4, "missing_common_share": 0.3}  # fmt: skip
    rows = np.array([[good[n] for n in FEATURE_NAMES], [bad[n] for n in FEATURE_NAMES]])
    high, low = get_model().probability(rows)
    assert high > 0.5 > low

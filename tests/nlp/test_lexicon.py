from newsfaq.nlp.lexicon import content_keys, share_held, words


def _keys(text):
    return [w.key for w in words(text) if w.content]


def test_numbers_written_differently_share_a_key():
    assert _keys("2,500 troops") == _keys("2500 troops")
    assert _keys("two weeks")[0] == _keys("2 weeks")[0]


def test_inflections_and_possessives_share_a_key():
    assert _keys("killed the Pentagon's commander") == _keys("kill Pentagon commanders")


def test_acronyms_are_content_but_the_pronoun_is_not():
    assert _keys("US troops") == ["us", "troop"]
    assert _keys("tell us") == ["tell"]


def test_negations_are_flagged_not_counted_as_content():
    found = words("The union did not agree")
    assert [w.text for w in found if w.negation] == ["not"]
    assert "not" not in [w.text for w in found if w.content]


def test_offsets_point_into_the_text():
    text = "Stam said 40 ships waited."
    for w in words(text, offset=100):
        assert text[w.start - 100 : w.end - 100] == w.text


def test_content_keys_are_the_stems_of_the_content_words_only():
    keys = content_keys("The dock workers' strikes were called off on Monday, the union said.")
    assert keys == {"dock", "worker", "strike", "call", "monday", "union"}


def test_share_held_counts_one_sentence_against_the_other():
    assert share_held({"dock", "strike", "pay"}, {"dock", "strike", "ship", "port"}) == 2 / 3
    assert share_held({"dock", "strike", "ship", "port"}, {"dock", "strike", "pay"}) == 0.5
    assert share_held(set(), {"dock"}) == 0.0

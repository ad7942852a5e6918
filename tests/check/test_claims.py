from newsfaq.check.claims import split_claims


def test_including_phrase_and_relative_clause_become_their_own_claims():
    claims = split_claims(
        "The US struck after attacks on troops who guard the airport, including rocket fire at the base."
    )
    assert claims == ["The US struck after attacks on troops", "who guard the airport", "rocket fire at the base"]


def test_the_commas_around_a_detached_part_go_with_it():
    assert split_claims("The operators, who want automation, refused to talk.") == [
        "The operators refused to talk",
        "who want automation",
    ]


def test_reported_speech_is_checked_with_and_without_its_speaker():
    claims = split_claims("The union said that the strike would last two weeks.")
    assert claims == ["The union said that the strike would last two weeks", "the strike would last two weeks"]


def test_coordinated_clauses_with_their_own_subject_split():
    claims = split_claims("Maersk diverted ships to Antwerp, and the union extended the strike.")
    assert claims == ["Maersk diverted ships to Antwerp", "the union extended the strike"]


def test_each_sentence_is_a_claim_and_keep_whole_stops_splitting():
    text = "Workers walked out on Thursday. The operators, who want automation, refused."
    assert len(split_claims(text)) == 3
    assert split_claims(text, keep_whole=lambda sentence: True) == [
        "Workers walked out on Thursday.",
        "The operators, who want automation, refused.",
    ]


def test_an_unsplittable_claim_comes_back_as_it_is():
    claim = "Toulon tournament runs from may 27 to june 7"
    assert split_claims(claim + ".") == [claim]

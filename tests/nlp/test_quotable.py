from newsfaq.model import Article
from newsfaq.nlp.analysis import analyze
from newsfaq.nlp.quotable import echoes, unquotable


def _unquotable(sentences: list[str]) -> set[int]:
    return unquotable(analyze(Article(id="e", body=" ".join(sentences), date="2025-03-14")))


def test_an_unmarked_caption_opening_a_caption_block_is_not_quoted():
    sentences = [
        "Riverside beat their old rivals Hillford 3 - 1 on Saturday to reach the cup final.",
        "Striker Joe Marsh scored twice in the first half.",
        "Riverside beat Hillford 3 - 1 to reach the cup final.",  # restates the lede, then the captions
        "Joe Marsh ( right ) celebrates his second goal with his team-mates.",
        "The final will be played at the national stadium in May.",
    ]
    assert _unquotable(sentences) == {2, 3}


def test_a_caption_opener_restating_the_lede_in_other_words_is_not_quoted():
    sentences = [
        "Riverside's manager watched his team beat his former club Hillford 3 - 1 on Saturday to reach the cup final.",
        "Striker Joe Marsh scored twice in the first half.",
        "Riverside manager Tom Hale led his side to a 3 - 1 victory over his former club Hillford at home.",  # 6 of 11
        "Joe Marsh ( right ) celebrates his second goal with his team-mates.",
    ]
    assert _unquotable(sentences) == {2, 3}


def test_a_sentence_before_a_caption_that_repeats_nothing_stays_quotable():
    sentences = [
        "Riverside beat their old rivals Hillford 3 - 1 on Saturday to reach the cup final.",
        "The manager said the win was the best of his career.",
        "Joe Marsh ( right ) celebrates his second goal with his team-mates.",
    ]
    assert _unquotable(sentences) == {2}


def test_a_sentence_said_twice_is_quoted_from_its_first_copy_only():
    sentences = [
        "The council will close the old library in June to save money.",
        "Readers have started a petition against the closure.",
        "The council will close the old library in June to save money, officials said.",
    ]
    assert _unquotable(sentences) == {2}


def test_the_tail_of_a_quote_split_mid_sentence_is_not_quoted_unless_the_whole_text_is_lower_case():
    sentences = [
        "The minister defended the plan on Monday, saying it would cut waiting lists. '",
        "the plan is the only way to cut waiting lists,' she said.",  # the scrape split her quote here
        "Opposition parties said they would vote against it.",
        "The vote is due on Thursday.",
    ]
    assert 1 in _unquotable(sentences)
    assert 1 not in _unquotable([s.lower() for s in sentences])


def test_a_lead_opening_with_a_dateline_in_lower_case_is_no_tail():
    sentences = [
        "( cnn ) a storm flooded 300 homes in the valley on Sunday.",
        "Rescue teams worked through the night.",
        "The river fell on Monday.",
        "Schools stay closed this week.",
    ]
    assert 0 not in _unquotable(sentences)


def test_a_shortened_restatement_past_the_lead_is_quoted_from_the_fuller_sentence():
    sentences = [
        "Rivers spent his day off climbing trees at an adventure park in Cheshire.",
        "Rivers came on as a second-half substitute in Liverpool's 2 - 0 win against Newcastle at Anfield on Monday.",
        "He posted pictures of the day on Instagram.",
        "Rivers came on as a substitute in Liverpool's 2 - 0 win against Newcastle.",  # a caption, shortened
        "The club said he was fit for Saturday's match.",
    ]
    assert _unquotable(sentences) == {3}


def test_a_lead_sentence_restated_more_fully_later_stays_quotable():
    sentences = [
        "The council will close the old library in June.",
        "Readers have started a petition against the closure.",
        "The council will close the old library on the high street in June to save money, officials said.",
    ]
    assert 0 not in _unquotable(sentences)


def test_a_picture_described_in_the_present_tense_past_the_lead_is_a_caption():
    sentences = [
        "Watford beat Forest 3 - 1 on Saturday to go top of the table.",
        "Odion Ighalo scored twice before half-time.",
        "The manager said the win was the best of his career.",
        "Ighalo celebrates after scoring the opening goal at the City Ground.",
        "Watford play Derby next weekend.",
        "He celebrates every goal with the fans.",  # a pronoun subject: prose about a habit
    ]
    assert _unquotable(sentences) == {3}


def test_a_trophy_lifted_or_a_witness_testifying_in_the_present_tense_is_a_caption():
    sentences = [
        "Harbour City won the Highland Cup on Saturday, beating Dunmore 2 - 1 at Hampden.",
        "Rhona Vale scored the winner in the 88th minute.",
        "It was the club's first trophy in 40 years.",
        "Captain Rhona Vale lifts the cup after the final whistle at Hampden.",
        "In this 1998 file photo, Rhona Vale testifies before the inquiry into the stadium fire.",
        "The club hopes the win will bring back its supporters.",  # a present-tense hope: prose
    ]
    assert _unquotable(sentences) == {3, 4}


def test_a_caption_opener_before_a_pictured_action_is_not_quoted():
    sentences = [
        "Rivers may not play much for Liverpool but he had no trouble climbing trees at Delamere Forest on Tuesday.",
        "The striker spent his day off at an adventure park in Cheshire.",
        "Rivers came on as a substitute in the 2 - 0 win against Newcastle on Monday.",
        "Rivers enjoys a day out at Delamere Forest on Tuesday.",  # restates the lede; the captions start here
        "The Liverpool striker poses with friends at the adventure park.",
        "He has scored once in 17 appearances this season.",
    ]
    assert _unquotable(sentences) == {3, 4}


def test_a_whole_quotation_attributed_after_it_is_no_tail_though_it_opens_in_lower_case():
    sentences = [
        "The council approved the new cycle lanes on Tuesday.",
        "Work on the first route will start in the spring.",
        '"we have waited years for this," said local cyclist Ann Reid.',  # the scrape lowercased her first word
        "‘it will save lives,’ she said.",
        '"the lanes will slow every bus in the city.',  # a quotation with no attribution
        "Drivers' groups said they would ask for a review.",
        "The first lane opens in May.",
    ]
    assert _unquotable(sentences) == {4}


def test_only_a_caption_that_restates_the_prose_echoes_it():
    sentences = [
        "Marta Quill spent Tuesday climbing rope bridges at an adventure park near Dunmore after her side's win.",
        "Harbour City are now third in the table.",
        "Marta Quill spends a day out at the Dunmore adventure park on Tuesday ( pictured ).",
        "Marta Quill ( pictured ) broke her wrist in a fall and will miss Saturday's cup final.",
    ]
    analysis = analyze(Article(id="e", body=" ".join(sentences), date="2025-03-14"))
    assert unquotable(analysis) == {2, 3} and echoes(analysis) == {2}  # the second caption says more

from newsfaq.faq.wording import is_well_formed, without_modifiers


def test_well_formed_rejects_questions_that_need_the_article():
    assert not is_well_formed("Why did it do this?")
    assert not is_well_formed("What did they say?")
    assert not is_well_formed("The strike happened?")
    assert is_well_formed("Why did the US carry out the strike?")
    assert not is_well_formed("When did we go into ourselves way too much?")  # a speaker inside a quote
    assert not is_well_formed("What did the coach tell us?")


def test_well_formed_rejects_dangling_and_overlong_questions():
    assert not is_well_formed("When is the economy showing the highest growth in?")
    assert not is_well_formed("Why had that been abandoned?")
    assert not is_well_formed("When did " + "the very long council " * 5 + "meet?")
    assert not is_well_formed("When did Ms Ellison, 34 marry the defender?")
    assert is_well_formed("Why did 2,300 dock workers walk out?")
    assert not is_well_formed("What did John Truong think?")
    assert is_well_formed("What did John Truong think of the offer?")
    assert not is_well_formed("When did at a special meeting 203 residents sign a petition?")
    assert is_well_formed("Who is in charge of the port?")
    assert not is_well_formed("When does what happen time?")
    assert not is_well_formed("When 22-year-old Nicky Reilly?")
    assert is_well_formed("Where could the new stadium be built?")
    assert is_well_formed("How many passengers were rescued?")


def test_without_modifiers_cuts_clauses_and_appositions_with_their_commas():
    assert without_modifiers("What did Anna Berg, the mayor of the city, say about the bridge?") == (
        "What did Anna Berg say about the bridge?"
    )
    troops = "How many US-led troops, stationed in Iraq, are there?"
    assert without_modifiers(troops) == "How many US-led troops are there?"
    assert without_modifiers("Why did the council close the bridge?") == "Why did the council close the bridge?"


def test_an_event_question_must_name_who_it_happened_to():
    assert not is_well_formed("What happened after ten minutes?")
    assert not is_well_formed("What is happening in the harbour town?")
    assert not is_well_formed("What will happen if the council votes again?")
    assert is_well_formed("What happened to the ferry's passengers?")
    assert is_well_formed("What has happened to the missing funds?")
    assert is_well_formed("What happens next for the striking dockers?")
    assert not is_well_formed("What's happening at the harbour this week?")
    assert not is_well_formed("What has been happening at the port?")
    assert not is_well_formed("What is going on at the port authority?")
    assert is_well_formed("What happened between the two dock unions?")


def test_a_question_about_the_text_is_refused():
    assert not is_well_formed("What does this sentence add to the dock strike story?")
    assert not is_well_formed("What does the answer sentence say about the port's owners?")
    assert not is_well_formed("What is the name of the union mentioned in the story?")
    assert is_well_formed("Why did the newspaper's story about the strike fall apart?")
    assert is_well_formed("What was the sentence handed to the ferry captain?")
    assert is_well_formed("What will the passage of the bill mean for renters?")

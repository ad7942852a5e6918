from newsfaq.faq.model_questions import INTENT_HINTS, question_messages, tidy_question, write_question

STORY = "Dock workers at the Port of Rotterdam walked off the job on Thursday. The strike was called by a union."
ANSWER = "About 1,200 workers joined the stoppage, according to the union."


class Replies:
    """Stands in for the model where the test is about what happens to its reply, not the reply itself."""

    def __init__(self, text: str) -> None:
        self.text, self.asked = text, []

    def reply(self, messages, *, max_tokens=64, stop=None):
        self.asked.append((messages, max_tokens, stop))
        return self.text


def test_the_prompt_quotes_the_story_the_answer_and_the_planners_hint():
    messages = question_messages(STORY, ANSWER, "how-many")
    assert messages[0]["role"] == "system" and "pronouns" in messages[0]["content"]
    user = messages[1]["content"]
    assert user.startswith(f"Story so far: {STORY}") and f"Answer sentence: {ANSWER}" in user
    assert user.endswith(INTENT_HINTS["how-many"])


def test_tidy_question_keeps_one_question_and_refuses_the_rest():
    assert tidy_question("How many workers joined the stoppage?\nMore text") == "How many workers joined the stoppage?"
    assert tidy_question('Question: "how many workers joined?"') == "How many workers joined?"
    assert tidy_question("1. Who called the strike?") == "Who called the strike?"
    assert tidy_question("The union called it.") is None  # an answer, not a question
    assert tidy_question("Who? Why?") is None
    assert tidy_question("Why " + "very " * 20 + "long?") is None
    assert tidy_question("") is None
    assert tidy_question("When did Ms Ellison, 34 marry the defender?") is None  # the apposition's age left in
    assert tidy_question("What did John Truong think?") is None  # thought of what?
    assert tidy_question("What happened after ten minutes at the port?") is None  # happened to whom?
    assert tidy_question("Does the union believe the strike will last?") is None  # yes or no: lifted from its answer
    assert tidy_question("In which year did the port open?") == "In which year did the port open?"


def test_a_question_sharing_nothing_with_the_story_is_refused():
    assert write_question(Replies("What will happen next?"), STORY, ANSWER, "what-next") is None
    writer = Replies("How many workers joined the stoppage at the port?")
    assert write_question(writer, STORY, ANSWER, "how-many") == "How many workers joined the stoppage at the port?"
    _, max_tokens, stop = writer.asked[0]
    assert stop == ["\n"] and max_tokens <= 40


def test_a_question_too_long_is_cut_to_its_nouns_cores():
    long_question = (
        "Why did the union call the strike that shut the Port of Rotterdam, the largest port in Europe by far "
        "and a hub for trade?"
    )
    assert tidy_question(long_question) == "Why did the union call the strike?"
    short_enough = "Why did the union call the strike that shut the port?"
    assert tidy_question(short_enough) == short_enough  # short questions keep their clauses


def test_words_shared_with_the_story_are_matched_by_stem():
    assert write_question(Replies("What are the union's plans?"), STORY, "The union plans more stoppages.", "") == (
        "What are the union's plans?"
    )
    cut_to_nothing = Replies("Who was the person who " + "called the long and bitter strike at the port " * 2 + "?")
    assert write_question(cut_to_nothing, STORY, ANSWER, "who") is None  # "Who was the person?"


def test_a_filler_sentence_asked_again_is_steered_to_the_words_it_adds_to_the_opening():
    answer = "The union's leader, Anna Vos, said the stoppage would cost the port millions."
    user = question_messages(STORY, answer, "key-fact")[1]["content"]
    assert user.endswith("Ask about: leader, Anna, Vos, stoppage, cost, millions.")  # "union", "port": known
    assert question_messages(STORY, answer, "key-event")[1]["content"].endswith(INTENT_HINTS["key-event"])

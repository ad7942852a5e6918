"""Scraped-news clean-up: each repair keeps the prose and is idempotent."""

from __future__ import annotations

import pytest

from newsfaq import parse_article
from newsfaq.ingest.clean import PUNCTUATION_PIECE, clean_text

CASES = [
    ("The fare is Â£5 and itâ€™s rising.", "The fare is £5 and it’s rising."),
    ("sinn fã©in met at a cafã© in sã£o paulo, não longe.", "sinn féin met at a café in são paulo, não longe."),
    ("It happened in the US.Authorities say it was planned.", "It happened in the US. Authorities say it was planned."),
    ("Growth was 4.5% in 2023.Officials expected less.", "Growth was 4.5% in 2023. Officials expected less."),
    ("The U.S.Army and example.com stay as written.", "The U.S.Army and example.com stay as written."),
    ("She baked a chocolate cake, pictured above Detectives are expected to call.",
     "She baked a chocolate cake, pictured above. Detectives are expected to call."),
    ("She told reporters. Scroll down for video. It's time to eat well.", "She told reporters. It's time to eat well."),
    ("He won. Media playback is not supported on this device. The cyclist is 24.", "He won. The cyclist is 24."),
    ("Send this page to someone via email\n\nActivists dumped paint outside.", "Activists dumped paint outside."),
    ("They agreed.\n\nCLICK HERE TO GET THE FOX NEWS APP\n\nThe senator disagreed.",
     "They agreed.\n\nThe senator disagreed."),
    ("Share this with Email Facebook Messenger Twitter Pinterest WhatsApp LinkedIn Copy this link\nThe mayor quit.",
     "The mayor quit."),
    ("Image copyright Getty Images Image caption The minister left office.", "The minister left office."),
    ("the victim 's family said ` we 're devastated , ' -lrb- pictured -rrb- . they do n't know .",
     "the victim's family said ' we're devastated , ' ( pictured ) . they don't know ."),
    ("`` Yes , '' he said .", '" Yes , " he said .'),
    ("Advertisement executives met on Monday.", "Advertisement executives met on Monday."),
    ("He spoke.\nStory continues below advertisement\nThe mayor left.", "He spoke.\n\nThe mayor left."),
    ("Editor's Note: Sign up for CNN Travel's weekly newsletter.\nThe trip began.", "The trip began."),
    ("He spoke.\n(Jane Doe/The Post via Getty Images)\nThe mayor left.", "He spoke.\n\nThe mayor left."),
    ("He spoke. Read more suffolk stories here. Click here for more on the candidates.", "He spoke."),
    ("Read more about the plan in our guide.", "Read more about the plan in our guide."),
    ("The mayor said he would read more widely.", "The mayor said he would read more widely."),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "clean"), CASES)
def test_repairs(raw, clean):
    assert clean_text(raw) == clean
    assert clean_text(clean) == clean


def test_clean_prose_is_left_alone(example_path):
    body = parse_article(example_path.read_bytes()).body
    assert clean_text(body) == body


def test_articles_are_cleaned_when_read():
    article = parse_article(
        "date 2024-05-02\nThe council closed the bridge.Engineers found cracks in two of its piers. "
        "Scroll down for video. Repairs will take a year, the council said."
    )
    assert article.body == (
        "The council closed the bridge. Engineers found cracks in two of its piers. "
        "Repairs will take a year, the council said."
    )


def test_a_long_run_of_punctuation_is_cut_so_parsing_stays_fast():
    """spaCy's tokenizer is quadratic in such a run: 20,000 characters of it took 95 s in make_faq."""
    run = ").!?" * 5_000
    cleaned = clean_text(f"The council met. {run} The repairs will cost 2 million euros.")
    pieces = cleaned.split()
    assert max(len(piece) for piece in pieces) <= PUNCTUATION_PIECE
    assert "".join(pieces[3:-7]) == run  # every character kept, only spaces added
    assert clean_text(cleaned) == cleaned


def test_captions_and_cut_lead_ins_are_not_evidence_and_prose_is():
    from newsfaq.ingest.clean import is_not_evidence

    assert is_not_evidence("Babysitting : john agreed to babysit ronnie ( pictured ) on tuesday.")
    assert is_not_evidence("Midfielder James Morrison (right) celebrates his goal.")
    assert is_not_evidence("The suspect, pictured above, was seen on Friday.")
    assert is_not_evidence("Salford head coach Ian Watson told BBC Radio Manchester:.")
    assert is_not_evidence("She said that when she bit it, the hand became")
    assert not is_not_evidence("The minister said: the talks will go on.")
    assert not is_not_evidence('"We will not give up," she said.')
    assert not is_not_evidence("The union (which has 1,200 members) called the strike.")
    assert not is_not_evidence("He said [the council's] approach shows a failure to plan.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Religious ruling] declaring the weapons forbidden under the law.",  # from "We had a fatwa [religious ruling]"
        "the council's] approach shows a failure to plan.",
        ") and the club was sold.",
    ],
)
def test_the_tail_of_a_sentence_split_inside_brackets_is_not_evidence(sentence):
    from newsfaq.ingest.clean import is_not_evidence

    assert is_not_evidence(sentence)

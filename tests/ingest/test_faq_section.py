from newsfaq.ingest.faq_section import parse_faq_pairs, split_faq_section


def test_split_takes_the_last_heading():
    body, faq = split_faq_section("Body text.\n\nFAQs\n\nWhat?\n\nThat.\n")
    assert body == "Body text.\n\n"
    assert "What?" in faq


def test_no_heading_means_no_faq():
    assert split_faq_section("Just a body about FAQs in general.") == ("Just a body about FAQs in general.", None)


def test_pairs_with_multi_paragraph_answers_and_q_prefixes():
    pairs = parse_faq_pairs("Q: Who won?\nA: The home side.\n\nIt was close.\n\nWhen?\n\nOn Sunday.")
    assert [(p.question, p.answer) for p in pairs] == [
        ("Who won?", "The home side. It was close."),
        ("When?", "On Sunday."),
    ]

"""The versioned JSON read back: ``from_dict`` validates each document as JSON types it."""

import pytest

from newsfaq.errors import InputError
from newsfaq.model import FAQ, Answer, ArticleRef, Citation, QAPair, Verdict

ITEM = QAPair("How many workers struck?", "About 1,200.", [Citation(0, 0, 12, "About 1,200.")], "number", 0.9)
FAQ_DOCUMENT = FAQ(ArticleRef("a1", "2025-03-14"), [ITEM], "newsfaq test").to_dict()


def test_documents_round_trip():
    assert FAQ.from_dict(FAQ_DOCUMENT).items == [ITEM]
    verdict = Verdict("c", "contradicted", 0.1, [Citation(1, 5, 9, "text")], "why", [Verdict("d", "supported", 0.9)])
    assert Verdict.from_dict(verdict.to_dict()) == verdict
    answer = Answer("q?", None, message="The article does not say.")
    assert Answer.from_dict(answer.to_dict()) == answer


def test_a_wrong_type_names_its_field():
    cited_as_text = {"sentence": "0", "start": 0, "end": 12, "text": "About 1,200."}
    document = {**FAQ_DOCUMENT, "items": [{**FAQ_DOCUMENT["items"][0], "citations": [cited_as_text]}]}
    with pytest.raises(InputError, match=r"items\[0\]\.citations\[0\]\.sentence: Input should be a valid integer"):
        FAQ.from_dict(document)


def test_a_missing_field_is_named():
    with pytest.raises(InputError, match=r"question: Field required"):
        QAPair.from_dict({"answer": "About 1,200."})


def test_an_unknown_label_is_refused():
    with pytest.raises(InputError, match=r"label: Input should be 'supported', 'unsupported'"):
        Verdict.from_dict({"claim": "c", "label": "probably", "score": 0.5})


def test_another_schema_tag_is_refused():
    with pytest.raises(InputError, match="unsupported document 'newsfaq.faq/2'"):
        FAQ.from_dict({**FAQ_DOCUMENT, "schema": "newsfaq.faq/2"})
    with pytest.raises(InputError, match="this newsfaq reads 'newsfaq.answer/1'"):
        Answer.from_dict(FAQ_DOCUMENT)
    with pytest.raises(InputError, match="unsupported document 'list'"):
        FAQ.from_dict([])

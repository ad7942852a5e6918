import pytest

from newsfaq.check.checker import check_claim, check_faq, check_many
from newsfaq.model import Verdict


@pytest.fixture(scope="module")
def article(example_path):
    from newsfaq import load_article

    return load_article(example_path)


def test_a_quoted_sentence_is_supported_with_its_evidence(article):
    verdict = check_claim(article, "About 1,200 workers joined the stoppage, according to the union.")
    assert verdict.label == "supported"
    evidence = verdict.evidence[0]
    assert article.body[evidence.start : evidence.end] == evidence.text
    assert "1,200 workers" in evidence.text and "sentence 3" in verdict.reason


def test_the_planted_faq_claim_is_unsupported_with_a_reason(article):
    verdicts = check_faq(article, article.existing_faq)
    planted = verdicts[1]
    assert planted.label == "unsupported"
    assert "two weeks" in planted.reason
    assert all(part.label != "supported" for part in planted.claims)


def test_a_changed_number_is_contradicted(article):
    verdict = check_claim(article, "The operators' association offered retraining and a bonus of 4,000 euros.")
    assert verdict.label == "contradicted"
    assert "2,500" in verdict.reason and "4,000" in verdict.reason


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        (
            "Dock workers at the Port of Rotterdam walked off the job on Tuesday.",
            "sentence 1 says Thursday, not Tuesday",
        ),
        (
            "In June, the operators' association said it had offered retraining for every affected worker.",
            None,  # the article dates no statement: a month it never names is unsupported, not contradicted
        ),
        (
            "The union plans to extend the strike to a fourth terminal in April if no agreement is reached.",
            None,  # a Monday may fall in April: a weekday and a month are no conflict
        ),
        (
            "The operators' association said it had not offered retraining for every affected worker.",
            "the claim negates what sentence 6 says",
        ),
    ],
)
def test_a_changed_date_or_an_added_negation_is_contradicted_quoting_both_sides(article, claim, reason):
    verdict = check_claim(article, claim)
    if reason is None:
        assert verdict.label == "unsupported", verdict
    else:
        assert verdict.label == "contradicted" and verdict.reason.endswith(reason), verdict.reason


def test_a_claim_that_drops_the_articles_negation_is_contradicted():
    body = "The minister said the port would not close during the strike. Talks resume on Monday."
    verdict = check_claim(body, "The minister said the port would close during the strike.")
    assert verdict.label == "contradicted"
    assert verdict.reason.endswith("the claim drops the negation in what sentence 1 says"), verdict.reason


def test_an_invented_detail_in_a_true_sentence_is_caught_in_its_own_claim(article):
    verdict = check_claim(
        article,
        "Dock workers at the Port of Rotterdam walked off the job on Thursday, "
        "including crane drivers flown in from Gdansk and Marseille.",
    )
    assert verdict.label == "unsupported"
    assert [part.label for part in verdict.claims] == ["supported", "unsupported"]
    assert "Gdansk" in verdict.claims[1].reason


@pytest.mark.parametrize(
    ("document", "claim", "reason"),
    [
        ("Workers struck.", "   ", "empty"),
        ("Workers struck on Thursday.", "Workers struck on Thursday and again on Friday, then on Monday.", "longer"),
        ("", "Workers struck.", "no text"),
        (
            "Die Hafenarbeiter in Rotterdam haben am Donnerstag die Arbeit niedergelegt, "
            "nachdem die Gespräche über die Automatisierung gescheitert waren, so die Gewerkschaft.",
            "Die Hafenarbeiter streiken.",
            "English",
        ),
    ],
)
def test_inputs_that_cannot_be_judged_are_unverifiable(document, claim, reason):
    verdict = check_claim(document, claim)
    assert verdict.label == "unverifiable" and reason in verdict.reason


def test_check_many_keeps_order_and_survives_bad_pairs(article):
    pairs = [(article, "Maersk said it would divert some vessels to Antwerp while the strike lasts."), (article, ""),
             (article.body, "Rotterdam handled about 13.4 million containers last year.")]  # fmt: skip
    seen = []
    verdicts = check_many(pairs, progress=seen.append, batch_size=2)
    assert [v.label for v in verdicts] == ["supported", "unverifiable", "supported"]
    assert sum(seen) == 3
    assert all(isinstance(v, Verdict) for v in verdicts)


def test_verdicts_round_trip_through_json(article):
    verdict = check_claim(article, "The strike will spread to every terminal in the port.")
    assert Verdict.from_dict(verdict.to_dict()) == verdict


def test_reference_faq_unsupported_detail_is_caught(reference_path):
    from newsfaq import load_article

    reference = load_article(reference_path)
    first, second = check_faq(reference, reference.existing_faq)
    assert first.label == "unsupported"
    mortar = next(part for part in first.claims if "mortar" in part.claim)
    assert mortar.label == "unsupported" and "mortar fire" in mortar.reason and "Embassy" in mortar.reason
    assert second.claims[0].label == "supported"


def test_worker_processes_give_the_same_verdicts(article):
    claims = [s for s in article.body.replace("\n", " ").split(". ") if s][:6] + ["The port closed for a month."]
    pairs = [(article, claim) for claim in claims]
    assert check_many(pairs, batch_size=2, processes=2) == check_many(pairs, batch_size=2)


def test_tokenised_and_plain_claims_get_one_verdict():
    """Both sides are cleaned alike: a tokeniser's "victim 's" and "do n't" read as "victim's", "don't"."""
    body = (
        "Doctors said the victim's injuries were serious but not life-threatening. "
        "Police don't know who fired the shots, a spokesman said on Sunday."
    )
    pairs = [
        ("the victim 's injuries were serious", "the victim's injuries were serious"),
        ("police do n't know who fired the shots", "police don't know who fired the shots"),
        ("-lrb- police -rrb- do n't know who fired", "(police) don't know who fired"),
    ]
    for tokenised, plain in pairs:
        first, second = check_many([(body, tokenised), (body, plain)])
        assert (first.label, first.score) == (second.label, second.score)
        assert first.label == "supported"
        assert first.claim == tokenised  # the verdict names the claim as it was given


def test_no_negation_reason_unless_the_quoted_sentence_has_one():
    """A negation in a second, looser evidence sentence once made "drops the negation in sentence 2" of a
    sentence with no negation in it (51 of 76 negation reasons on check-dev)."""
    body = (
        "Crystal Palace manager Alan Pardew insists he has no regrets about leaving Newcastle for Palace. "
        "Palace have won six out of 10 league games since Pardew succeeded Neil Warnock at the start of the year."
    )
    verdict = check_claim(body, "Crystal Palace have won six out of 10 league games.")
    for part in verdict.claims or [verdict]:
        assert "negation" not in part.reason, part.reason


def test_a_statement_given_to_another_person_is_contradicted():
    """Every word of "enoch gaver, 28, was shot" is in the article, but the sentence says David Gaver was shot."""
    body = (
        "Police said David Gaver, 28, was shot in the stomach during the raid on Tuesday. "
        "His brother Enoch Gaver was arrested at the scene."
    )
    swapped = check_claim(body, "enoch gaver, 28, was shot in the stomach")
    assert swapped.label == "contradicted"
    assert swapped.reason == "sentence 1 says this of David Gaver, not enoch gaver"
    assert check_claim(body, "David Gaver, 28, was shot in the stomach.").label == "supported"
    assert check_claim(body, "His brother Enoch Gaver was arrested.").label == "supported"


def test_a_statement_made_of_another_club_is_contradicted():
    """The issue's Leeds case: every word but the club's name is in the sentence, which names Cardiff."""
    body = (
        "Supporters of Cardiff have thrown their backing behind a fans' boycott of Saturday's match. "
        "The club said tickets would be refunded."
    )
    verdict = check_claim(body, "Leeds have thrown their backing behind a fans' boycott.")
    assert (verdict.label, verdict.reason) == ("contradicted", "sentence 1 says this of Cardiff, not Leeds")
    assert check_claim(body, "Supporters of Cardiff have thrown their backing behind a boycott.").label == "supported"
    # a capitalised word that is not in the name's slot is not a name given instead of it
    assert (
        check_claim(body, "Eventually supporters have thrown their backing behind a fans' boycott.").label
        != "contradicted"
    )

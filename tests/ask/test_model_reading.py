"""The four questions the reader used to get wrong (issue 14), on short articles the team wrote with the same
shape: a death reworded as "killed", a maker named as a "manufacturer", experts who are "advisers", and a
question about someone a story never names. The first three need the real model; the last the archive."""

import json
import subprocess
import sys

import pytest

from newsfaq.archive import Archive
from newsfaq.ask.answering import answer_question
from newsfaq.model import Article

STRIKE = Article(
    id="strike",
    date="2025-06-02",
    body=(
        "The government of Patria said on Sunday that it would review the presence of foreign troops on its soil. "
        "The decision follows a drone strike near the border that resulted in the death of Colonel Anton Brevik, "
        "the commander of a militia allied to the government. "
        "The strike came three years after the killing of the militia's founder, Ilya Sorin, in an air raid. "
        "About 1,500 foreign troops are based in the country."
    ),
)
DRUG = Article(
    id="drug",
    date="2025-06-03",
    body=(
        "A new treatment for bowel cancer, Velomab, was approved by the European Medicines Agency on Tuesday. "
        "Velomab's manufacturer, the Swiss firm Kestrel Pharma, said the drug would reach hospitals in the autumn. "
        "The agency said the drug extended survival by four months in trials."
    ),
)
PANEL = Article(
    id="panel",
    date="2025-06-04",
    body=(
        "The health minister has asked a panel of scientific advisers to review the safety of school meals. "
        "The panel will report by March, the minister told parliament on Wednesday. "
        "Parents' groups welcomed the review."
    ),
)
HUNGARY = Article(
    id="laws",
    date="2025-06-05",
    body=(
        "Hungary's parliament passed laws on Tuesday that limit the powers of the courts. "
        "The ruling party said the laws would make the courts more accountable. "
        "Opposition parties said they would challenge the laws."
    ),
)


@pytest.mark.parametrize(
    ("article", "question", "expected"),
    [
        (STRIKE, "Who was killed in the drone strike?", "Anton Brevik"),
        (DRUG, "Which company makes Velomab?", "Kestrel Pharma"),
        (PANEL, "Which experts will review the school meals?", "advisers"),
    ],
)
def test_the_model_reads_a_reworded_question(local_model, article, question, expected):
    answer = answer_question(question, article, model=local_model)
    assert answer.answer and expected in answer.answer
    cited = answer.evidence[0].citation
    assert article.body[cited.start : cited.end] == cited.text and answer.answer in cited.text


def test_a_question_about_someone_no_stored_story_names_is_not_answered(tmp_path):
    with Archive(tmp_path / "a.db", create=True) as archive:
        archive.add([STRIKE, HUNGARY, DRUG])
        answer = archive.ask("Which party does Jesse Norman belong to?", answer_at=0.0)
        assert answer.answer is None and "does not say" in answer.message
        named = archive.ask("What did Hungary's parliament pass on Tuesday?", answer_at=0.0)
        assert named.evidence[0].article.id == "laws"  # a question naming what the story names is read


def test_the_cli_reads_with_the_model(local_model, tmp_path):
    path = tmp_path / "drug.txt"
    path.write_text(f"date {DRUG.date}\n\n{DRUG.body}\n")
    command = [sys.executable, "-m", "newsfaq", "ask", "Which company makes Velomab?", "--article", str(path)]
    result = subprocess.run([*command, "--engine", "model", "-f", "json"], capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    answer = json.loads(result.stdout)
    assert "Kestrel Pharma" in answer["answer"] and answer["confidence"] > 0

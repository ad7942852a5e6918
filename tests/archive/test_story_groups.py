import numpy as np

from newsfaq.archive.story_groups import SAME_STORY, group_for, signature, similar

STORY = " ".join(f"word{i}" for i in range(200))


def test_a_lightly_edited_copy_is_the_same_story_and_another_text_is_not():
    copy = STORY.replace("word17", "term17") + " Reporting by a wire desk."
    other = " ".join(f"other{i}" for i in range(200))
    stored = np.vstack([signature(STORY), signature(other)])
    scores = similar(signature(copy), stored)
    assert scores[0] >= SAME_STORY > scores[1]
    assert group_for(signature(copy), ["g1", "g2"], stored, "new") == "g1"
    assert group_for(signature("entirely new words here"), ["g1", "g2"], stored, "new") == "new"


def test_signatures_are_deterministic():
    assert (signature(STORY) == signature(STORY)).all()

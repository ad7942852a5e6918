import numpy as np

from newsfaq.archive.story_groups import SAME_STORY, StoryGroups, group_for, signature, similar

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


def test_the_band_index_groups_exactly_as_comparing_with_every_signature():
    """Thousands of stories, copies edited in up to 12 of 64 values (the most a copy at SAME_STORY may differ
    in) and near misses edited in 13, added past the point where the recent signatures are merged: the index
    gives every article the group a pass over all signatures gives."""
    rng = np.random.default_rng(7)
    originals = rng.integers(0, 2**63, size=(3000, 64), dtype=np.uint64)
    stored_groups = [f"s{n}" for n in range(1000)]
    groups = StoryGroups(stored_groups, originals[:1000])
    held, signatures = list(stored_groups), np.zeros((7000, 64), dtype=np.uint64)
    signatures[:1000] = originals[:1000]
    for n in range(6000):
        source = originals[rng.integers(0, 3000)]
        edited = source.copy()
        changes = rng.choice(64, size=rng.choice([0, 5, 12, 13, 30]), replace=False)
        edited[changes] = rng.integers(0, 2**63, size=len(changes), dtype=np.uint64)
        own = f"n{n}"
        expected = group_for(edited, held, signatures[: len(held)], own)
        assert groups.group_for(edited, own) == expected
        groups.add(expected, edited)
        signatures[len(held)] = edited
        held.append(expected)

import numpy as np

from newsfaq.nlp.embeddings import DIMENSIONS, embed_question, get_embedder


def test_vectors_are_unit_length_and_in_input_order():
    texts = ["Troops left the base.", "A much longer sentence about the central bank raising interest rates again.", ""]
    vectors = get_embedder().embed(texts)
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.allclose(vectors[1], get_embedder().embed([texts[1]])[0], atol=1e-5)
    assert get_embedder().embed([]).shape == (0, DIMENSIONS)


def test_a_paraphrase_with_no_shared_content_word_is_closer_than_a_sentence_on_the_same_place():
    question = embed_question("How many soldiers are stationed in Iraq?")
    paraphrase, same_place = get_embedder().embed(
        ["About 2,500 American troops remain deployed in the country.", "Iraq held a parliamentary election on Sunday."]
    )
    assert question @ paraphrase > question @ same_place + 0.2


def test_word_piece_vectors_carry_offsets_into_their_text():
    text = "Al-Jawari died."
    (pieces,) = get_embedder().tokens([text])
    assert [text[a:b] for a, b in pieces.offsets] == ["Al", "-", "Jaw", "ari", "died", "."]
    assert np.allclose(np.linalg.norm(pieces.vectors, axis=1), 1.0, atol=1e-4)
    again, other = get_embedder().tokens([text, "Troops left."])
    assert again is pieces and len(other.offsets) == 3

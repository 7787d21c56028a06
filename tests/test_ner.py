"""The Indonesian tagger: organisation features, the gazetteer, the seeds' names and the NER-UI test split."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kroscek.analyse.entities import consistent_types, find_mentions, gazetteer, gazetteer_tags, token_features
from kroscek.eval import ner as ner_eval
from kroscek.eval.ner import without_types
from kroscek.model import Mention, Sentence
from kroscek.train import ner as ner_train

NERUI = Path(__file__).resolve().parents[2] / "shared" / "data" / "indolem-nerui"
INDONLU = Path(__file__).resolve().parents[2] / "shared" / "data" / "indonlu-ner"


def found(*texts: str) -> set[tuple[str, str]]:
    mentions = find_mentions([Sentence(i, text, 0) for i, text in enumerate(texts)], "id")
    return {(m.text, m.type) for m in mentions}


def test_organisation_features() -> None:
    words = "Menurut KemenPPPA dan Polres Metro Jakarta Selatan , PT Pertamina menolak".split()
    features = token_features(words, {})
    assert features[1]["mixedcaps"] and features[1]["orghead"]  # "Kemen" opens a glued ministry name
    assert features[3]["orghead"] and features[5]["runhead-org"]  # "Jakarta" inside a name opened by "Polres"
    assert features[8]["acronym"] and features[8]["orghead"] and "title" not in features[10]
    # a feature that is false is left out: of value 0, it would add nothing to the CRF's scores
    assert not any(value is False for feats in features for value in feats.values())


def test_gazetteer_tags_take_the_longest_name() -> None:
    names = {("bank", "indonesia"): "ORG", ("indonesia",): "LOC", ("komisi", "pemberantasan", "korupsi"): "ORG"}
    lowers = "kata bank indonesia di indonesia dan komisi pemberantasan korupsi".split()
    assert gazetteer_tags(lowers, names) == ["O", "B-ORG", "I-ORG", "O", "B-LOC", "O", "B-ORG", "I-ORG", "I-ORG"]


def test_the_shipped_gazetteer_holds_training_and_curated_names() -> None:
    names = gazetteer()
    assert names[("kcna",)] == "ORG"  # curated
    assert len(names) > 1000


def test_labels_of_every_corpus_map_to_kroscek_types() -> None:
    assert ner_train.map_label("B-ORGANIZATION") == "B-ORG" and ner_train.map_label("I-LOCATION") == "I-LOC"
    assert ner_train.map_label("B-PLACE") == "B-LOC" and ner_train.map_label("B-FNB") == "O"


def test_types_a_corpus_lacks_are_left_out_of_its_score() -> None:
    assert without_types(["B-EVT", "I-EVT", "B-PER", "O", "B-ORG"], {"PER", "ORG", "LOC"}) == ["O", "O", "B-PER", "O", "B-ORG"]


def test_build_gazetteer_drops_words_that_are_mostly_not_names() -> None:
    sentences = [(["Bank", "Mandiri", "untung"], ["B-ORG", "I-ORG", "O"]),
                 (["Bank", "itu", "tutup"], ["O", "O", "O"]),
                 (["Bank", "dan", "pasar"], ["O", "O", "O"]),
                 (["Bank", "buka"], ["B-ORG", "O"])]
    names = ner_train.build_gazetteer(sentences)
    assert names == {("bank", "mandiri"): "ORG"}  # "bank" alone is a name once in four


def test_organisations_are_found() -> None:
    mentions = found("Kementerian Pemberdayaan Perempuan dan Perlindungan Anak (KemenPPPA) mendampingi korban.",
                     "Kasus itu ditangani Polres Metro Jakarta Selatan, kata juru bicara PT Pertamina.",
                     "Ketua DPRD Jawa Barat mengatakan Partai Golkar mendukung usul itu.")
    assert ("KemenPPPA", "ORG") in mentions  # a ministry's glued acronym, left out by the CRF, added by its stem
    assert {("PT Pertamina", "ORG"), ("Partai Golkar", "ORG"), ("DPRD", "ORG")} <= mentions
    assert ("Jawa Barat", "LOC") in mentions


def test_seed_people_and_newspaper_are_not_places(seed_articles) -> None:
    mentions = {(m.text, m.type) for a in seed_articles for m in a.mentions}
    assert ("Olga Makeeva", "PER") in mentions
    assert ("Sin Hong Chol", "PER") in mentions
    assert ("Izvestia", "ORG") in mentions
    assert not any(kind != "PER" and text in ("Sin", "Olga", "Makeeva") for text, kind in mentions)  # "Sin" alone is his surname
    assert not any(kind == "LOC" and text in ("Olga Makeeva", "Sin Hong Chol", "Izvestia") for text, kind in mentions)


def test_seoul_and_nk_news_do_not_fuse(seed_articles) -> None:
    texts = [m.text for a in seed_articles for m in a.mentions]
    assert "Seoul" in texts
    assert not any("Seoul" in text and "NK" in text for text in texts)


@pytest.mark.skipif(not NERUI.exists(), reason="IndoLEM NER-UI data not found beside the project")
def test_shipped_model_on_the_ner_ui_test_split() -> None:
    figures = ner_eval.main(NERUI / "test.txt")
    assert figures["overall"]["f1"] >= 0.8
    assert figures["types"]["ORG"]["f1"] >= 0.7
    assert figures["overall"]["f1"] >= figures["fast"]["overall"]["f1"]  # the default mode's tagger is not worse than the CRF alone


@pytest.mark.skipif(not INDONLU.exists(), reason="IndoNLU NER data not found beside the project")
def test_events_are_reported_apart_on_nergrit() -> None:
    figures = ner_eval.main(INDONLU / "nergrit" / "test.txt")
    assert "EVT" not in figures["types"]
    assert figures["types"]["ORG"]["f1"] >= 0.53


def test_one_name_keeps_one_type_within_an_article() -> None:
    mentions = [Mention("Sukamaju", "LOC", 0, 0, 8), Mention("Sukamaju", "PER", 1, 5, 13), Mention("Sukamaju", "LOC", 2, 0, 8),
                Mention("Budi", "PER", 1, 0, 4), Mention("Luhansk", "PER", 3, 0, 7), Mention("Luhansk", "LOC", 4, 0, 7),
                Mention("Arka", "ORG", 5, 0, 4), Mention("Arka", "PER", 6, 0, 4)]
    typed = [(m.text, m.type, m.sentence) for m in consistent_types(mentions)]
    assert ("Sukamaju", "LOC", 1) in typed  # the majority type
    assert ("Luhansk", "LOC", 3) in typed  # a tie: the gazetteer knows the city
    assert ("Arka", "ORG", 5) in typed and ("Arka", "PER", 6) in typed  # a tie the gazetteer cannot break stays as tagged
    assert [m.start for m in consistent_types(mentions)] == [m.start for m in mentions]


def test_seed_places_are_never_persons(seed_articles) -> None:
    mentions = {(m.text, m.type) for a in seed_articles for m in a.mentions}
    for place in ("Donetsk", "Luhansk", "Moskow", "Seoul", "Pyongyang"):
        assert (place, "LOC") in mentions or place not in {text for text, _ in mentions}, place
        assert not {(place, "PER"), (place, "ORG")} & mentions, place


def test_a_cased_sentence_marks_lower_case_words_and_a_lower_case_one_its_own_features() -> None:
    cased = token_features("Ketua DPR datang ke Jakarta".split(), {})
    assert cased[2]["lower"] and cased[1]["1:lower"] and "lower" not in cased[1]
    assert not any(key.startswith("u:") or key == "uncased" for feats in cased for key in feats)
    uncased = token_features("ketua dpr datang ke jakarta".split(), {("dpr",): "ORG"})
    assert uncased[1]["uncased"] and uncased[1]["u:w"] == "dpr" and uncased[1]["u:gaz"] == "B-ORG"
    assert uncased[1]["shape"] != cased[1]["shape"] and uncased[2]["shape"] != cased[2]["shape"]  # "xx" told apart
    assert "lower" not in uncased[2]


def test_the_gazetteer_keeps_names_the_lower_case_corpus_leaves_untagged() -> None:
    cased = [(["Partai", "Golkar", "menang"], ["O", "B-ORG", "O"])]
    lower = [(["golkar", "kalah"], ["O", "O"])] * 3 + [(["pertamina", "rugi"], ["B-ORG", "O"])]
    assert ("golkar",) not in ner_train.build_gazetteer(cased + lower)  # tagged once in four
    assert ner_train.corpus_gazetteer(cased + lower) == {("golkar",): "ORG", ("pertamina",): "ORG"}


def test_a_capitalised_sentence_opener_after_a_word_is_a_lost_sentence_break() -> None:
    from kroscek.analyse.entities import lost_breaks

    assert lost_breaks("kantor berita KCN Ini terjadi kemarin".split()) == [3]
    assert lost_breaks("kata Budi . Ini terjadi , Itu dia".split()) == []  # after punctuation: a real sentence start
    assert lost_breaks("kata Budi ini terjadi".split()) == []


def test_the_encoder_crf_reads_each_words_and_its_neighbours_class_probabilities() -> None:
    from kroscek.analyse.entities import encoder_probabilities, with_encoder

    classes = ("B-ORG", "I-ORG", "O")
    head = (np.array([[2.0, 0.0], [0.0, 2.0], [0.0, 0.0]], np.float32), np.zeros(3, np.float32), classes)
    probabilities = encoder_probabilities(np.array([[3.0, 0.0], [0.0, 3.0], [0.0, 0.0]], np.float32), head)
    assert np.allclose(probabilities.sum(1), 1.0) and probabilities[0].argmax() == 0 and probabilities[1].argmax() == 1
    features = with_encoder([{"w": "bank"}, {"w": "indonesia"}, {"w": "rapat"}], probabilities, classes)
    assert features[1]["0e5:I-ORG"] == pytest.approx(probabilities[1, 1])
    assert features[1]["-1e5:B-ORG"] == pytest.approx(probabilities[0, 0]) and features[1]["1e5:B-ORG"] == pytest.approx(probabilities[2, 0])
    assert "-1e5:B-ORG" not in features[0] and "1e5:I-ORG" not in features[2]  # no neighbour past either end
    assert not any("e5:O" in key for feats in features for key in feats)  # the O class is implied
    assert features[0]["w"] == "bank"


def test_two_names_joined_over_dan_are_split_when_the_second_is_known() -> None:
    from kroscek.analyse.entities import split_coordinated

    joined = Mention("Republik Rakyat Donetsk dan Republik Rakyat Demokratik Korea", "ORG", 3, 10, 70)
    head, tail = split_coordinated(joined)
    assert (head.text, head.type, head.start, head.end) == ("Republik Rakyat Donetsk", "LOC", 10, 33)
    assert (tail.text, tail.type, tail.start, tail.end) == ("Republik Rakyat Demokratik Korea", "LOC", 38, 70)
    for whole in ("Kementerian Pemuda dan Olahraga", "Badan Pengawas Obat dan Makanan"):
        assert split_coordinated(Mention(whole, "ORG", 0, 0, len(whole))) == [Mention(whole, "ORG", 0, 0, len(whole))]

"""Entities: the shipped Indonesian CRF, spaCy for English, titles, and resolution of spelling variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroscek.analyse.entities import find_mentions, spans_from_tags, tokenize
from kroscek.eval import ner as ner_eval
from kroscek.match.entities import acronym_definitions, resolve_entities, same_person
from kroscek.text.gazetteer import lookup
from kroscek.model import Article, Mention, Sentence
from kroscek.train import ner as ner_train

INDONLU = Path(__file__).resolve().parents[2] / "shared" / "data" / "indonlu-ner"


def sentences(*texts: str) -> list[Sentence]:
    return [Sentence(i, text, 0) for i, text in enumerate(texts)]


def article(article_id: str, language: str, *texts: str) -> Article:
    found = sentences(*texts)
    return Article(id=article_id, source=f"{article_id}.txt", title=texts[0], text=" ".join(texts), language=language,
                   sentences=found, mentions=find_mentions(found, language))


def mention_set(mentions: list[Mention]) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in mentions}


def test_offsets_point_at_the_mention_text() -> None:
    found = sentences("Gubernur Jawa Tengah Ganjar Pranowo meninjau banjir di Semarang, Kamis (3/2).",
                      "Kantor berita KCNA melaporkan, kata Dewan Keamanan PBB.")
    mentions = find_mentions(found, "id")
    assert {"Ganjar Pranowo", "Semarang", "Dewan Keamanan PBB"} <= {m.text for m in mentions}
    for mention in mentions:
        assert found[mention.sentence].text[mention.start:mention.end] == mention.text


def test_indonesian_crf_finds_people_places_and_organisations() -> None:
    found = mention_set(find_mentions(sentences(
        "Menteri Keuangan Sri Mulyani Indrawati mengatakan Bank Indonesia akan menahan suku bunga.",
        "Banjir merendam ratusan rumah di Kabupaten Bandung, Jawa Barat, pada Senin pagi."), "id"))
    assert ("Sri Mulyani Indrawati", "PER") in found
    assert ("Bank Indonesia", "ORG") in found
    assert any(text.endswith("Bandung") and kind == "LOC" for text, kind in found)


def test_titles_are_not_part_of_names_and_the_place_is_kept() -> None:
    found = find_mentions(sentences("Presiden Rusia Vladimir Putin mengirim pesan kepada Kim Jong Un."), "id")
    assert ("Vladimir Putin", "PER") in mention_set(found)
    assert ("Rusia", "LOC") in mention_set(found)
    assert not any(m.text.startswith("Presiden") for m in found)


def test_a_clause_word_glued_to_a_name_is_cut_off() -> None:
    found = mention_set(find_mentions(sentences("Surat itu dikirim kepada Kim Jong Unmenurut kantor berita resmi."), "id"))
    assert ("Kim Jong Un", "PER") in found


def test_english_uses_spacy() -> None:
    found = mention_set(find_mentions(sentences("Russian President Vladimir Putin met Kim Jong Un in Pyongyang, KCNA said."), "en"))
    assert {("Vladimir Putin", "PER"), ("Kim Jong Un", "PER"), ("Pyongyang", "LOC"), ("KCNA", "ORG")} <= found


def test_other_languages_get_no_mentions() -> None:
    assert find_mentions(sentences("Der Bundeskanzler traf Emmanuel Macron in Paris."), "de") == []


def test_bio_spans_include_a_stray_inside_tag() -> None:
    assert list(spans_from_tags(["B-PER", "I-PER", "O", "I-LOC", "B-ORG"])) == [("PER", 0, 2), ("LOC", 3, 4), ("ORG", 4, 5)]
    assert [t.text for t in tokenize("Rp 1.500, kata Prof. Budi.")] == ["Rp", "1.500", ",", "kata", "Prof", ".", "Budi", "."]


def test_person_spellings() -> None:
    assert same_person("Dennis Pushlin", "Denis Pushilin")
    assert same_person("Pushilin", "Denis Pushilin")
    assert same_person("Kim", "Kim Jong Un")
    assert not same_person("Kim Yo Jong", "Kim Jong Un")
    assert not same_person("Alexander Matsegora", "Olga Makeeva")


def test_gazetteer_ids_are_language_neutral() -> None:
    assert lookup("Korea Utara").id == lookup("North Korea").id == lookup("Korut").id == lookup("DPRK").id == "iso:KP"
    assert lookup("AS").id == "iso:US"  # not American Samoa
    assert lookup("as") is None
    assert lookup("Moskow").id == lookup("Moscow").id == "geonames:524901"
    assert lookup("Kantor Berita Pusat Korea").id == lookup("KCNA").id


def test_acronyms_defined_in_the_text() -> None:
    story = [article("a", "id", "Pada bulan Juli, Korea Utara mengakui Republik Rakyat Donetsk (DPR) dan Republik Rakyat Luhansk (LPR).")]
    assert acronym_definitions(story) == {"DPR": "Republik Rakyat Donetsk", "LPR": "Republik Rakyat Luhansk"}


def test_resolution_across_outlets_and_languages() -> None:
    story = [
        article("id1", "id", "Pemimpin separatis Denis Pushilin menulis surat kepada Kim Jong Un.",
                "Pushilin mengatakan hal itu kepada kantor berita KCNA di Pyongyang."),
        article("id2", "id", "Dennis Pushlin menyurati pemimpin Korut pekan lalu.",
                "Duta Besar Rusia untuk Korea Utara Alexander Matsegora berbicara di Moskow."),
        article("en1", "en", "Denis Pushilin wrote to North Korea's leader Kim Jong Un, the KCNA news agency said in Moscow."),
    ]
    entities = {e.id: e for e in resolve_entities(story)}
    pushilin = next(e for e in entities.values() if e.type == "PER" and "Pushilin" in e.name)
    assert pushilin.name == "Denis Pushilin"
    assert {"Dennis Pushlin", "Pushilin"} <= set(pushilin.aliases)
    assert {m.article for m in pushilin.mentions} == {"id1", "id2", "en1"}
    assert {"Korut", "North Korea"} <= {m.text for m in entities["iso:KP"].mentions}
    assert {m.article for m in entities["geonames:524901"].mentions} == {"id2", "en1"}
    assert len([e for e in entities.values() if "Kim Jong Un" in (e.name, *e.aliases)]) == 1
    every = [m for e in entities.values() for m in e.mentions]
    assert len(every) == len({(m.article, m.sentence, m.start) for m in every}), "a mention belongs to one entity"


def test_seeds_entities_match_the_answer_key(seed_articles) -> None:
    entities = resolve_entities(seed_articles)
    by_alias = {name: e for e in entities for name in (e.name, *e.aliases)}
    pushilin = by_alias["Denis Pushilin"]
    assert {"Dennis Pushlin", "Pushilin"} <= set(pushilin.aliases)
    assert len({m.article for m in pushilin.mentions}) == 2
    assert by_alias["Republik Rakyat Demokratik Korea"].id == by_alias["Korea Utara"].id == "iso:KP"
    assert by_alias["Moskow"].id == "geonames:524901"
    assert "DPR" in by_alias["Republik Rakyat Donetsk"].aliases
    for name in ("Kim Jong Un", "Vladimir Putin", "Alexander Matsegora", "Rusia", "Suriah", "Ukraina", "Donbas",
                 "Pyongyang", "Luhansk", "Reuters", "KCNA"):
        assert name in by_alias, name
    assert "iso:RU" in by_alias["Vladimir Putin"].links


@pytest.mark.skipif(not INDONLU.exists(), reason="IndoNLU NER data not found beside the project")
def test_shipped_model_scores_on_the_held_out_test_split() -> None:
    figures = ner_eval.main(INDONLU / "nergrit" / "test.txt")
    assert figures["overall"]["f1"] >= 0.65
    assert figures["types"]["PER"]["f1"] >= 0.65


@pytest.mark.skipif(not INDONLU.exists(), reason="IndoNLU NER data not found beside the project")
def test_training_maps_labels_and_writes_a_model_that_tags(tmp_path: Path, monkeypatch) -> None:
    assert ner_train.map_label("B-PERSON") == "B-PER" and ner_train.map_label("I-IND") == "I-ORG"
    assert ner_train.map_label("B-FNB") == "O"
    monkeypatch.setattr(ner_train, "DATASETS", ("nergrit",))
    monkeypatch.setattr(ner_train, "TRAIN_SPLITS", ("valid",))
    monkeypatch.setattr(ner_train, "CRF_PARAMS", {**ner_train.CRF_PARAMS, "max_iterations": 20})
    model = ner_train.train(INDONLU, tmp_path)
    import pycrfsuite
    from kroscek.analyse.entities import token_features

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    assert set(tagger.labels()) <= {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-EVT", "I-EVT"}
    words = "Presiden Joko Widodo berkunjung ke Surabaya .".split()
    assert len(tagger.tag(token_features(words))) == len(words)


def test_resolution_does_not_depend_on_article_order(seed_articles) -> None:
    forward = [e.to_dict() for e in resolve_entities(seed_articles)]
    assert forward == [e.to_dict() for e in resolve_entities(list(reversed(seed_articles)))]


def test_curated_names_the_tagger_misses_are_added_and_win_over_parts() -> None:
    found = find_mentions(sentences("Niat itu bertentangan dengan sanksi Dewan Keamanan PBB, kata Kantor Berita Pusat Korea."), "id")
    texts = {(m.text, m.type) for m in found}
    assert ("Dewan Keamanan PBB", "ORG") in texts and ("Kantor Berita Pusat Korea", "ORG") in texts
    assert not any(m.text in ("PBB", "Korea") for m in found), "no mention inside a curated name"


def test_a_name_the_cleaner_found_cut_short_joins_the_entity_it_begins() -> None:
    from kroscek.model import Damage

    story = article("a", "id", "Kantor berita KCNA melaporkan surat itu.", "KCN Ini terjadi dua hari kemudian.")
    story.warnings = [Damage("truncated-name", "KCN Ini", "…KCN Ini terjadi…", "cut off")]
    kcna = next(e for e in resolve_entities([story]) if e.id == "org:kcna")
    assert "KCN" in kcna.aliases
    assert ("a", 1, 0, 3) in {(m.article, m.sentence, m.start, m.end) for m in kcna.mentions}


def test_resolution_evaluation_on_the_seed_answer_key(seeds_dir) -> None:
    from kroscek.eval import entities as entity_eval

    figures = entity_eval.main(Path(__file__).resolve().parents[1] / "data" / "entities" / "seeds.json")
    assert figures["kroscek"]["pairwise_precision"] >= 0.95
    assert figures["kroscek"]["pairwise_recall"] >= 0.9 > figures["baseline"]["pairwise_recall"]
    assert figures["kroscek"]["found"] >= 0.9
    assert figures["kroscek"]["typed"] == 1.0 and figures["kroscek"]["typed_wrong"] == []


SEED_KEY_TYPES = {
    "PER": ("Denis Pushilin", "Dennis Pushlin", "Pushilin", "Kim Jong Un", "Vladimir Putin", "Alexander Matsegora",
            "Olga Makeeva", "Sin Hong Chol"),
    "ORG": ("KCNA", "KCN", "Kantor Berita Pusat Korea", "Reuters", "AP News", "Izvestia", "NK", "PBB", "Dewan Keamanan PBB"),
    "LOC": ("Korea Utara", "Republik Rakyat Demokratik Korea", "Republik Rakyat Donetsk", "Republik Rakyat Luhansk", "Rusia",
            "Suriah", "Ukraina", "Donbas", "Donbass", "Moskow", "Pyongyang", "Seoul", "Luhansk", "Donetsk"),
}


def test_every_seed_answer_key_entity_has_its_type(seed_articles) -> None:
    """The answer key's names (seeds README), each found, and every mention of it with the key's type
    ("NK" is NK News, its "News" translated and glued on in the Semarak copy)."""
    types: dict[str, set[str]] = {}
    for article in seed_articles:
        for mention in article.mentions:
            types.setdefault(mention.text, set()).add(mention.type)
    for kind, names in SEED_KEY_TYPES.items():
        for name in names:
            assert types.get(name) == {kind}, (name, types.get(name))


def test_sentences_the_text_ran_together_are_tagged_apart() -> None:
    """The Semarak seed's "... Korea Utara. KCN Ini terjadi ...": the acronym before "Ini" is
    tagged as the end of the sentence the copy lost, not as the start of the next."""
    from kroscek.analyse.entities import crf_tags

    words = "Pesan itu dikutip KCN Ini terjadi dua hari kemudian .".split()
    assert crf_tags(words) == crf_tags(words[:4]) + crf_tags(words[4:])
    assert crf_tags(["KCN", "Ini", "terjadi"])[0] == "B-ORG"

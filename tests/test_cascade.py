"""The default mode's e5 cascade: cheap signals (the static word vectors, word overlap, speakers,
languages) decide what they can, e5 encodes only what they leave open, each text once a run."""

from __future__ import annotations

import numpy as np
import pytest

from kroscek.analyse.embed import Embedder, StaticEmbedder, passage_embedder, static_model
from kroscek.compare.claims import CascadeVectors, Claim, claim_vectors, similarity
from kroscek.compare.provenance import find_translations
from kroscek.compare.quotes import match_quotes
from kroscek.model import Article, Quote, Sentence
from kroscek.settings import CASCADE_VARIABLE, cascade_enabled


class FakeE5(Embedder):
    """An e5 stand-in (named e5, so the cascade stands in front of it): the static model's plain
    unit vectors, and a record of every text it encodes."""

    def __init__(self) -> None:
        self.seen: list[str] = []

        def encode(texts: list[str]) -> np.ndarray:
            self.seen += texts
            return static_model().embed_texts(texts)

        super().__init__(encode=encode, name="e5", dimension=static_model().dimension)


FLOOD_A = "Banjir bandang merendam 120 rumah warga di Kecamatan Cibadak pada Senin pagi."
FLOOD_B = "Banjir bandang merendam 120 rumah warga di Kecamatan Cibadak, Senin pagi."
PARK = "Wali kota meresmikan taman bermain baru di alun-alun kota kemarin sore."
CHILI = "Harga cabai rawit di pasar tradisional naik dua kali lipat menjelang lebaran."


def claims() -> list[Claim]:
    return [Claim("a", 0, FLOOD_A), Claim("a", 1, PARK), Claim("b", 0, FLOOD_B), Claim("b", 1, CHILI)]


def test_the_cascade_is_on_unless_switched_off():
    assert cascade_enabled({}) and cascade_enabled({CASCADE_VARIABLE: "on"})
    assert not any(cascade_enabled({CASCADE_VARIABLE: value}) for value in ("off", "0", "false", "No"))


def test_every_claim_goes_to_e5_while_the_claim_cascade_is_off(monkeypatch):
    from kroscek.compare import claims as claims_module

    monkeypatch.delenv(CASCADE_VARIABLE, raising=False)
    monkeypatch.setattr(claims_module, "CLAIM_CASCADE", False)
    e5 = FakeE5()
    assert not isinstance(claim_vectors(claims(), e5), CascadeVectors)
    assert sorted(e5.seen) == sorted(c.text for c in claims())


def test_e5_encodes_only_claims_of_stories_that_mix_languages_or_that_static_vectors_do_not_read(monkeypatch):
    """An Indonesian story is aligned with the static vectors alone; a story of an Indonesian and
    an English article, or of German ones, sends every claim to e5; switched off, e5 reads all."""
    monkeypatch.delenv(CASCADE_VARIABLE, raising=False)
    e5 = FakeE5()
    vectors = claim_vectors(claims(), e5)
    assert isinstance(vectors, CascadeVectors) and not vectors.resolved.any() and e5.seen == []
    static = StaticEmbedder().embed_texts([c.text for c in claims()], languages=["id"] * 4)
    assert np.allclose(vectors.static, static)
    mixed = [*claims()[:2], Claim("c", 0, "Flash floods submerged 120 homes in Cibadak on Monday morning.", "en")]
    vectors = claim_vectors(mixed, e5)
    assert vectors.resolved.all() and sorted(e5.seen) == sorted(c.text for c in mixed)
    german = [Claim("a", 0, "Die Flut traf 120 Häuser in Cibadak.", "de"), Claim("b", 0, "120 Häuser standen unter Wasser.", "de")]
    assert claim_vectors(german, FakeE5()).resolved.all()
    monkeypatch.setenv(CASCADE_VARIABLE, "off")
    exact = FakeE5()
    assert not isinstance(claim_vectors(claims(), exact), CascadeVectors)
    assert sorted(exact.seen) == sorted(c.text for c in claims())


def test_cascade_similarity_reads_e5_where_both_claims_have_it_and_static_elsewhere():
    e5 = np.array([[1.0, 0.0], [0.0, 0.0]], np.float32)
    static = np.array([[0.6, 0.8], [0.8, 0.6]], np.float32)
    left = CascadeVectors(e5, static, np.array([True, False]))
    right = CascadeVectors(np.array([[0.0, 1.0], [1.0, 0.0]], np.float32), static, np.array([True, True]))
    assert isinstance(left[:1], CascadeVectors) and left[1:].resolved.tolist() == [False]  # slices keep their parts
    lexical = np.zeros((2, 2))
    scores = similarity([Claim("a", 0, "x"), Claim("a", 1, "y")], [Claim("b", 0, "x"), Claim("b", 1, "y")],
                        (left, right), lexical, (frozenset(), frozenset()))
    assert scores[0].tolist() == pytest.approx([0.0, 1.0])  # e5 cosines
    assert scores[1].tolist() == pytest.approx([float(static[1] @ static[0]), float(static[1] @ static[1])])


def _quoted(article: str, language: str, *quotes: Quote) -> Article:
    return Article(id=article, source=article, title="", text=" ".join(q.text for q in quotes), language=language,
                   quotes=list(quotes))


def test_e5_encodes_only_quotes_that_only_a_cosine_can_decide(monkeypatch):
    monkeypatch.delenv(CASCADE_VARIABLE, raising=False)
    verbatim = "Kami akan memperbaiki tanggul yang jebol sebelum musim hujan tiba."
    reworded = "Tanggul yang jebol akan kami perbaiki sebelum datangnya musim hujan."
    other_speaker = "Pasokan beras di gudang Bulog cukup sampai akhir tahun."
    articles = [
        _quoted("a", "id", Quote(verbatim, "Budi Santoso", 0), Quote(other_speaker, "Rina Kartika", 1)),
        _quoted("b", "id", Quote(verbatim, "Budi Santoso", 0), Quote(reworded, "Budi Santoso", 1)),
    ]
    e5 = FakeE5()
    matched = match_quotes(articles, embedder=e5)
    assert set(e5.seen) <= {verbatim, reworded}  # Rina Kartika's quote is never a candidate
    assert other_speaker not in e5.seen
    assert any(len(m.sources) == 2 and m.text == verbatim for m in matched)  # near-verbatim: no cosine needed
    again = FakeE5()
    again.cache = e5.cache
    match_quotes(articles, embedder=again)
    assert again.seen == []  # each text once: the shared cache has them


def test_passage_vectors_share_the_run_cache_under_their_own_keys():
    cache: dict[str, np.ndarray] = {}
    query = Embedder(cache=cache, encode=lambda texts: np.ones((len(texts), 3)), name="e5", dimension=3)
    passage = passage_embedder(query)
    assert passage.cache is cache and passage.name != query.name
    passage.encode = lambda texts: np.ones((len(texts), 3))
    query.embed_texts(["Satu kalimat."])
    passage.embed_texts(["Satu kalimat."])
    assert len(cache) == 2  # one vector per convention
    assert passage_embedder(StaticEmbedder()).cache is not cache


def _written(article: str, language: str, *sentences: str) -> Article:
    return Article(id=article, source=article, title="", text=" ".join(sentences), language=language,
                   sentences=[Sentence(n, text, 0) for n, text in enumerate(sentences)])


def test_translation_search_sends_e5_only_pairs_the_static_vectors_leave_open(monkeypatch):
    monkeypatch.delenv(CASCADE_VARIABLE, raising=False)
    indonesian = _written("id", "id", FLOOD_A, "Tidak ada korban jiwa akibat banjir tersebut.",
                          "Warga mengungsi ke balai desa terdekat.")
    unrelated = _written("en", "en", "The central bank kept its interest rate unchanged on Thursday.",
                         "Analysts had expected a cut of a quarter point.", "Markets fell after the decision.")
    e5 = FakeE5()
    assert find_translations([indonesian, unrelated], e5) == []
    assert e5.seen == []
    monkeypatch.setenv(CASCADE_VARIABLE, "off")
    find_translations([indonesian, unrelated], e5)
    assert len(e5.seen) == 6


def test_stories_are_checked_as_alone_with_their_e5_texts_encoded_together(monkeypatch):
    from kroscek.compare.story import check_stories, check_story
    from kroscek.model import Story

    monkeypatch.delenv(CASCADE_VARIABLE, raising=False)
    bank = ("The central bank kept its interest rate at six percent on Thursday.",
            "Analysts had expected a cut of a quarter point before the decision.")
    bridge = ("The river bridge in the north of the city closed for repairs on Monday.",
              "Engineers found cracks in two of its supports during an inspection.")
    stories = []
    for name, sentences in (("bank", bank), ("bridge", bridge)):
        articles = [_written(f"{name}-{n}", "en", *sentences) for n in range(2)]
        articles[1].outlet = "another outlet"
        stories.append((Story(id=name, title=name, articles=[a.id for a in articles]), articles))
    calls: list[list[str]] = []
    together = FakeE5()
    encode = together.encode
    together.encode = lambda texts: calls.append(list(texts)) or encode(texts)
    checked = list(check_stories(stories, embedder=together))
    assert len(calls) == 1 and set(calls[0]) == set(bank) | set(bridge)  # one batch for both stories
    alone = [check_story(story, articles, embedder=FakeE5()) for story, articles in stories]
    assert [c.brief.to_dict() for c in checked] == [c.brief.to_dict() for c in alone]

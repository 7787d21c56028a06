"""Story clustering: the seeds, the sample corpus labels, order, ids, incremental growth, merges, splits."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from kroscek.analyse.embed import Embedder
from kroscek.eval.clustering import bcubed
from kroscek.ingest import list_inputs, read_file
from kroscek.match.stories import cluster_stories, story_id
from kroscek.model import Article, Document, Story
from kroscek.pipeline import analyse
from kroscek.settings import DEFAULT, FAST


def read_articles(directory: Path) -> dict[str, Article]:
    """The articles of a folder, keyed as labels.json names them (file name, or ``name#n`` for records)."""
    labels = directory / "labels.json"
    record_urls = json.loads(labels.read_text(encoding="utf-8")).get("record_urls", {}) if labels.exists() else {}
    name_of_url = {url: name for name, url in record_urls.items()}
    articles = {}
    for path in list_inputs([directory]):
        for item in read_file(path):
            if isinstance(item, Document):
                articles[name_of_url.get(item.source, Path(item.source).name)] = analyse(item)
    return articles


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


@pytest.fixture(scope="module")
def corpus(corpus_dir) -> tuple[dict[str, Article], dict]:
    labels = json.loads((corpus_dir / "labels.json").read_text(encoding="utf-8"))
    return read_articles(corpus_dir), labels


def stories_by_name(result, articles: dict[str, Article]) -> dict[str, str]:
    """File name -> story id."""
    name_of = {a.id: name for name, a in articles.items()}
    return {name_of[article_id]: story.id for story in result.stories for article_id in story.articles}


def test_seeds_are_one_story(seeds_dir, embedder):
    articles = list(read_articles(seeds_dir).values())
    result = cluster_stories(articles, embedder=embedder)
    assert len(result.stories) == 1
    story = result.stories[0]
    assert sorted(story.articles) == sorted(a.id for a in articles)
    founder = min(articles, key=lambda a: (a.published or "", a.id))
    assert story.id == story_id(founder)
    assert story.articles[0] == founder.id


def test_sample_corpus_stories_match_the_labels(corpus, embedder):
    articles, labels = corpus
    result = cluster_stories(list(articles.values()), embedder=embedder)
    predicted = stories_by_name(result, articles)
    gold = {name: story for story, names in labels["stories"].items() for name in names}
    assert set(predicted) == set(gold)
    names = sorted(gold)
    assert bcubed([gold[n] for n in names], [predicted[n] for n in names])[2] == 1.0
    for left, right in labels["hard_negatives"]:
        assert predicted[left] != predicted[right], (left, right)


def test_seeds_stay_apart_from_the_corpus(seeds_dir, corpus, embedder):
    seeds = list(read_articles(seeds_dir).values())
    articles, _ = corpus
    result = cluster_stories(seeds + list(articles.values()), embedder=embedder)
    seed_ids = {a.id for a in seeds}
    seed_stories = [s for s in result.stories if seed_ids & set(s.articles)]
    assert len(seed_stories) == 1 and set(seed_stories[0].articles) == seed_ids


def test_result_does_not_depend_on_input_order(corpus, embedder):
    articles = list(corpus[0].values())
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)
    first = cluster_stories(articles, embedder=embedder)
    second = cluster_stories(shuffled, embedder=embedder)
    assert [s.to_dict() for s in first.stories] == [s.to_dict() for s in second.stories]


def test_a_new_batch_grows_stored_stories_and_keeps_their_ids(corpus, embedder):
    articles, labels = corpus
    flood = [articles[name] for name in labels["stories"]["banjir-bandang-tanjung-seruni"]]
    flood.sort(key=lambda a: (a.published or "", a.id))
    first = cluster_stories(flood[:2], embedder=embedder)
    assert len(first.stories) == 1
    stored = first.stories[0]
    later = cluster_stories(flood, previous=first.stories, embedder=embedder)
    assert len(later.stories) == 1
    assert later.stories[0].id == stored.id
    assert set(later.stories[0].articles) == {a.id for a in flood}
    assert later.events == []


def test_stored_stories_bridged_by_a_new_article_merge(corpus, embedder):
    articles, labels = corpus
    flood = sorted(
        (articles[name] for name in labels["stories"]["banjir-bandang-tanjung-seruni"]),
        key=lambda a: (a.published or "", a.id),
    )
    # The second Indonesian report and the English one (which do not link to each other) were
    # stored as two stories; the first report links strongly to both, so they merge into the older.
    previous = [Story(story_id(a), a.title, [a.id]) for a in (flood[1], flood[2])]
    result = cluster_stories(flood, previous=previous, embedder=embedder)
    assert len(result.stories) == 1
    merges = [e for e in result.events if e.kind == "merge"]
    assert merges and merges[0].into == previous[0].id
    assert set(merges[0].stories) == {s.id for s in previous}
    assert result.stories[0].id == previous[0].id


def test_a_stored_story_of_two_events_splits(corpus, embedder):
    articles, labels = corpus
    bridge = [articles[n] for n in labels["stories"]["jembatan-gantung-sungai-rambang-putus"]]
    rice = [articles[n] for n in labels["stories"]["impor-beras-500-ribu-ton"]]
    mixed = sorted(bridge + rice, key=lambda a: (a.published or "", a.id))
    stored = Story("s-stored", mixed[0].title, [a.id for a in mixed])
    result = cluster_stories(mixed, previous=[stored], embedder=embedder)
    assert len(result.stories) == 2
    assert {frozenset(s.articles) for s in result.stories} == {
        frozenset(a.id for a in bridge),
        frozenset(a.id for a in rice),
    }
    splits = [e for e in result.events if e.kind == "split"]
    assert len(splits) == 1 and splits[0].stories == ("s-stored",)
    assert set(splits[0].into) == {s.id for s in result.stories}
    assert "s-stored" in {s.id for s in result.stories}


def test_bcubed():
    assert bcubed(["a", "a", "b"], ["x", "x", "y"]) == (1.0, 1.0, 1.0)
    precision, recall, f1 = bcubed(["a", "a", "b", "b"], ["x", "x", "x", "x"])
    assert (precision, recall) == (0.5, 1.0)
    assert f1 == pytest.approx(2 / 3)


def test_parts_cluster_independently_in_any_order(corpus, seeds_dir, embedder):
    from kroscek.match.stories import cluster_part, combine, plan_stories

    articles, labels = corpus
    plan = plan_stories(list(articles.values()), embedder=embedder)
    part_of = {index: number for number, part in enumerate(plan.parts) for index in part}
    assert len(plan.parts) >= len(labels["stories"]) // 2, "the corpus splits into many independent parts"
    strong = [(i, c) for i, others in plan.candidates.items() for c, score in zip(others, plan.scores[i]) if score >= plan.thresholds.floor]
    assert strong and all(part_of[c] == part_of[i] for i, c in strong)
    whole = cluster_stories(list(articles.values()), embedder=embedder)
    backwards = [cluster_part(plan, part) for part in reversed(plan.parts)]
    assert combine(plan, backwards) == whole


def test_e5_embeds_only_the_articles_that_might_link(corpus):
    articles, labels = corpus
    embedder = Embedder()
    cluster_stories(list(articles.values()), embedder=embedder)
    linked = {articles[name].id for names in labels["stories"].values() if len(names) > 1 for name in names}
    assert linked <= set(embedder.cache), "every article of a multi-article story was scored with e5"
    assert len(embedder.cache) < len(articles), "articles no candidate comes near are not embedded"


def test_fast_mode_uses_no_e5_and_keeps_the_hard_negatives_apart(corpus):
    articles, labels = corpus
    embedder = Embedder()
    result = cluster_stories(list(articles.values()), embedder=embedder, settings=FAST)
    assert not embedder.cache
    predicted = stories_by_name(result, articles)
    for left, right in labels["hard_negatives"]:
        assert predicted[left] != predicted[right], (left, right)


def test_workers_sent_a_pickled_linker_place_articles_as_the_linker_does(corpus, embedder):
    """Ray tasks get the linker pickled, without article text: chunk by chunk, a copy finds the
    same candidates and scores them the same to the last bit (sums of key weights are exact, so
    the order a copied word set iterates in does not matter), and the stories are the same."""
    import pickle

    from kroscek.match.stories import plan_stories

    articles = list(corpus[0].values())
    sent = []

    def in_copies(work, linker, items):
        sent.append(pickle.dumps(linker))
        return [result for start in range(0, len(items), 5) for result in work(pickle.loads(sent[-1]), items[start : start + 5])]

    whole = plan_stories(articles, embedder=embedder)
    copied = plan_stories(articles, embedder=embedder, runner=in_copies)
    assert len(sent) == 2, "candidates are found and scored, then rescored with e5"
    assert all(article.text[:60].encode() not in message for article in articles for message in sent)
    assert copied.candidates == whole.candidates
    assert all(np.array_equal(copied.scores[i], whole.scores[i]) for i in whole.scores)
    assert copied.parts == whole.parts
    assert cluster_stories(articles, embedder=embedder, runner=in_copies) == cluster_stories(articles, embedder=embedder)


def _report(name: str, title: str, text: str, published: str, outlet: str = "contoh.id") -> Article:
    article = analyse(Document(source=name, title=title, text=text, published=published, outlet=outlet, language="id"))
    article.id = name
    return article


CLOSE = (
    "Jakarta - Indeks Harga Saham Gabungan (IHSG) sore ini ditutup {move} pada perdagangan {day} ({date}/6/2025). IHSG berakhir "
    "di level {level} atau {move} {points} poin. Sebanyak {up} saham naik, {down} saham turun dan sisanya stagnan. Nilai "
    "transaksi mencapai Rp {value} triliun. Saham perbankan besar menjadi penopang utama indeks sore ini, sementara sektor "
    "energi bergerak bervariasi."
)
DIVIDEND = (
    "Jakarta - PT {company} Tbk akan membagikan dividen tunai {amount} dari laba bersih tahun buku 2024. Keputusan itu "
    "diambil dalam Rapat Tahunan Pemegang Saham (RUPST) di Jakarta. Direktur {company} mengatakan rasio pembayaran "
    "dividen mencapai {ratio} persen dari laba. Jadwal cum dividen di pasar reguler jatuh pada {cum} Juni 2025."
)


@pytest.mark.parametrize("settings", [DEFAULT, FAST], ids=["default", "fast"])
def test_three_days_of_market_closes_are_three_stories(embedder, settings):
    days = [("menguat", "Selasa", 10, "7.230,74", 117, 350, 240, "12,4"), ("melemah", "Rabu", 11, "7.101,20", 129, 190, 420, "10,9"),
            ("menguat", "Kamis", 12, "7.163,55", 62, 310, 280, "11,7")]  # fmt: skip
    articles = [
        _report(f"close-{date}", f"IHSG Ditutup {move.title()} ke Level {level}",
                CLOSE.format(move=move, day=day, date=date, level=level, points=points, up=up, down=down, value=value),
                f"2025-06-{date}T16:30")  # fmt: skip
        for move, day, date, level, points, up, down, value in days
    ]
    assert len(cluster_stories(articles, embedder=embedder, settings=settings).stories) == 3


@pytest.mark.parametrize("settings", [DEFAULT, FAST], ids=["default", "fast"])
def test_two_companies_dividend_notices_are_two_stories(embedder, settings):
    articles = [
        _report("mayora", "Mayora Bagi Dividen Rp 52 per Saham",
                DIVIDEND.format(company="Mayora Indah", amount="Rp 52 per saham", ratio=40, cum=18), "2025-06-10T15:00"),
        _report("samudera", "Samudera Indonesia Bagi Dividen Rp 280 Miliar",
                DIVIDEND.format(company="Samudera Indonesia", amount="Rp 280 miliar", ratio=51, cum=19), "2025-06-10T13:00"),
    ]  # fmt: skip
    assert len(cluster_stories(articles, embedder=embedder, settings=settings).stories) == 2


@pytest.mark.parametrize("settings", [DEFAULT, FAST], ids=["default", "fast"])
def test_two_reports_of_one_incident_where_one_denies_the_other_are_one_story(embedder, settings):
    articles = [
        _report("report", "Baku Tembak di Bandara Aminggaru Ilaga, Dua Anggota KKB Tewas",
                "Ilaga - Kontak tembak terjadi antara aparat gabungan TNI dan kelompok kriminal bersenjata (KKB) di Bandara "
                "Aminggaru, Ilaga, Kabupaten Puncak, Papua Tengah, Senin (9/6/2025) pagi. Kapen Kogabwilhan III menyebut dua "
                "anggota KKB tewas dan satu pucuk senjata laras panjang diamankan. Penerbangan perintis dari Timika ke Ilaga "
                "dihentikan sementara setelah peristiwa itu.", "2025-06-09T14:00", "satu.id"),
        _report("denial", "TNI Bantah Ada Kontak Senjata di Ilaga, Sebut Hanya Tembakan Peringatan",
                "Timika - Kodam XVII/Cenderawasih membantah kabar adanya kontak senjata dengan kelompok bersenjata di sekitar "
                "Bandara Aminggaru, Ilaga, Puncak, Senin (9/6/2025). Kapendam mengatakan prajurit hanya melepaskan tembakan "
                "peringatan ke udara ketika orang tak dikenal mendekati landasan, dan tidak ada korban jiwa. Aktivitas "
                "penerbangan di Ilaga disebut berjalan normal kembali pada siang hari.", "2025-06-09T19:00", "dua.id"),
    ]  # fmt: skip
    assert len(cluster_stories(articles, embedder=embedder, settings=settings).stories) == 1


def test_why_each_article_joined_is_stored_reported_and_shown(tmp_path):
    """Each article's top link and the signature fields it shares go from matching to the store,
    report.json and the story page, so a reader can see a wrong merge."""
    from kroscek.engine.local import match
    from kroscek.report import ReportedStory, build_report
    from kroscek.report.html import render_story
    from kroscek.store import Store
    from test_story_kinds import DIVIDENDS, INCIDENT, keyed

    articles = keyed("incident", INCIDENT) + keyed("dividend", DIVIDENDS)
    store = Store(tmp_path / "joins.db")
    store.add_articles(articles)
    result = match(store, settings=FAST)
    incident = next(s for s in result.stories if "incident-0" in s.articles)
    assert incident.articles == ["incident-0", "incident-1"]
    joins = store.story_joins(incident.id)
    assert [j.article for j in joins] == incident.articles
    assert joins[0].through is None
    assert joins[1].through == "incident-0" and joins[1].score >= 0.7
    assert {"aminggaru", "ilaga"} <= set(joins[1].names) and joins[1].signature == "incident"
    report = build_report(store)
    reported = next(s for s in report["stories"] if s["id"] == incident.id)
    assert reported["joins"] == [j.to_dict() for j in joins]
    members = [Article.from_dict(a) for a in report["articles"] if a["id"] in incident.articles]
    page = render_story(ReportedStory.from_dict(reported), members)
    assert "Why each article joined" in page and 'id="join-incident-1"' in page
    section = page.split("Why each article joined")[1].split("The articles side by side")[0]
    assert f"{joins[1].score:.2f}" in section and "aminggaru" in section and "founded the story" in section
    # matching again keeps the reasons; an article that leaves its story loses its stored reason
    match(store, settings=FAST)
    assert store.story_joins(incident.id) == joins
    store.save_stories([s for s in store.stories() if s.id != incident.id])
    assert store.story_joins(incident.id) == []

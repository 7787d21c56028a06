"""What the claim cascade (``compare.claims.CLAIM_CASCADE``: e5 only for the claims of stories that
mix languages or whose language the static vectors do not read) spares and what it costs in
accuracy, in one run: on the tune half of the labelled stories (``data/facts``), the claims it
sends to e5 and the figures of ``kroscek eval claims`` beside those of e5 for every claim (the
stories whose figures differ are listed).

Only the tune half is read, so that nothing is ever chosen on the held-back half. e5 vectors
are kept in a file cache (``--cache``), so a second run costs seconds. The claims it would send to
e5 on a store's stories (the cost side, on real multi-article stories) come from
``--store STORE.db``.

Usage: ``python bench/bench_claim_cascade.py [--store STORE.db] [--cache FILE]``; prints two JSON
objects, a line each (the first is e5 for every claim, the second the cascade).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    from kroscek.analyse.embed import Embedder, FileCache, default_cache_dir
    from kroscek.compare import claims
    from kroscek.eval import shared_data_dir
    from kroscek.eval.claims import Tally, analysed, claims_of, raw_article, read_label_files, said_by_kroscek, score_story

    parser = argparse.ArgumentParser()
    parser.add_argument("--store", default=None, help="a store whose multi-article stories to count e5 claims on")
    parser.add_argument("--cache", default=str(default_cache_dir() / "claim-cascade-e5.npz"))
    options = parser.parse_args()
    cache = FileCache(Path(options.cache))
    embedder = Embedder(cache)
    labels = REPO / "data" / "facts"
    data_dir = shared_data_dir(labels, None)
    prepared = []
    for story in read_label_files(labels):
        if story.held_out:
            continue
        raws = {ref["key"]: raw_article(ref, data_dir) for ref in story.articles}
        articles = [analysed(key, doc) for key, (doc, _) in raws.items()]
        own = {a.id: claims.extract_claims(a) for a in articles}
        spans = {}
        for span in [s for a, b, *_ in story.pairs for s in (a, b)] + [s for s, _ in story.facts]:
            spans[(span.article, span.start, span.end)] = claims_of(raws[span.article][1][span.start:span.end], own[span.article])
        prepared.append((story, articles, [c for a in articles for c in own[a.id]], spans))
    stored = []
    if options.store:
        from kroscek.store import Store

        store = Store(Path(options.store))
        stored = [[c for a in store.articles(s.articles) for c in claims.extract_claims(a)]
                  for s in store.stories() if len(s.articles) > 1]

    def run(cascade: bool) -> tuple[dict, dict]:
        claims.CLAIM_CASCADE = cascade
        total, per_story = Tally(), {}
        for story, articles, _, spans in prepared:
            said, alone = said_by_kroscek(articles, embedder), Tally()
            score_story(story, spans, said, total)
            score_story(story, spans, said, alone)
            per_story[story.key] = alone.figures()
        figures = total.figures()
        figures.pop("recall_by_slot")

        def needed(groups: list) -> int:
            if not cascade:
                return sum(len(g) for g in groups)
            return sum(int(claims.needs_e5(g).sum()) for g in groups if g)

        tune_groups = [own for _, articles, own, _ in prepared if len(articles) > 1]
        row = {"cascade": cascade, "tune": figures, "tune_e5_claims": needed(tune_groups),
               "tune_claims": sum(len(g) for g in tune_groups)}
        if stored:
            row |= {"store_e5_claims": needed(stored), "store_claims": sum(len(g) for g in stored)}
        return row, per_story

    base, base_stories = run(False)
    cache.save()
    print(json.dumps(base), flush=True)
    row, stories = run(True)
    row["differs"] = sorted(k for k in stories if stories[k] != base_stories[k])
    print(json.dumps(row), flush=True)


if __name__ == "__main__":
    sys.exit(main())

"""Story matching's errors on labelled stories: per gold story, which articles it put apart or
with others, and why each joined.

For each mode (default, then ``--fast``) and the chosen split of a labels file that
``kroscek eval clustering`` reads, prints BCubed and then every gold story that the clustering
split or merged: its predicted stories, each article's date, outlet and title, the story label
of every article of another gold story it was put with, and the link it joined through (score,
signature term, shared keys). Titles are read from the shared data at run time and printed
only, never written.

The analysed articles are cached like ``bench_story_spans.py`` caches them (``$KROSCEK_CACHE``).
Usage: ``python bench/story_errors.py LABELS [tune|held-out|all] [--fast-only|--default-only]``.
"""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def labelled(path: Path, split: str) -> tuple[list, list[str]]:
    """The analysed articles of ``split`` and their gold story labels."""
    from bench_story_spans import analysed

    from kroscek.eval.clustering import in_split, read_labelled

    items = [item for item in read_labelled(path) if in_split(item.story, split)]
    documents = [item.document for item in items]
    name = f"labelled-{path.stem}-{split}"
    articles = analysed(name, documents)
    story_of = {hashlib.sha256(item.document.source.encode("utf-8")).hexdigest()[:16]: item.story for item in items}
    articles = [a for a in {a.id: a for a in articles}.values()]
    return articles, [story_of[a.id] for a in articles]


def report(articles: list, gold: list[str], precise: bool) -> float:
    from kroscek.analyse.embed import Embedder, FileCache, default_cache_dir
    from kroscek.eval.clustering import bcubed
    from kroscek.match.stories import cluster_stories
    from kroscek.settings import DEFAULT, FAST

    cache = FileCache(default_cache_dir() / "e5.npz")
    result = cluster_stories(articles, embedder=Embedder(cache), settings=DEFAULT if precise else FAST)
    cache.save()
    predicted = {a: story.id for story in result.stories for a in story.articles}
    labels = [predicted[a.id] for a in articles]
    precision, recall, f1 = bcubed(gold, labels)
    mode = "default" if precise else "fast"
    print(f"== {mode}: BCubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f} "
          f"({len(articles)} articles, {len(set(gold))} gold, {len(set(labels))} predicted)")
    by_id = {a.id: a for a in articles}
    gold_of = {a.id: g for a, g in zip(articles, gold)}
    members: dict[str, list[str]] = defaultdict(list)
    for a, g in zip(articles, gold):
        members[g].append(a.id)
    clusters: dict[str, list[str]] = defaultdict(list)
    for a, p in zip(articles, labels):
        clusters[p].append(a.id)

    def line(article_id: str) -> str:
        article, join = by_id[article_id], result.joins.get(article_id)
        link = ""
        if join is not None and join.through:
            other = gold_of[join.through]
            mark = "" if other == gold_of[article_id] else f" OTHER STORY {other.split(':', 1)[1][:40]}"
            keys = "; ".join(f"{k}: {', '.join(v[:4])}" for k, v in join.shared_fields().items())
            link = f"\n              <- {by_id[join.through].title[:60]!r} {join.score:.3f} {join.signature}{mark} [{keys}]"
        return f"      {(article.published or '')[:10]} {article.outlet[:8]:8} {article.title[:90]}{link}"

    shown: set[str] = set()
    for story, ids in sorted(members.items(), key=lambda item: -len(item[1])):
        found = sorted({predicted[i] for i in ids})
        mixed = [p for p in found if any(gold_of[i] != story for i in clusters[p])]
        if len(found) == 1 and not mixed:
            continue
        print(f"  gold {story} ({len(ids)}): in {len(found)} predicted, {len(mixed)} mixed")
        for p in found:
            print(f"    predicted {p}")
            for i in clusters[p]:
                if gold_of[i] == story or p not in shown:
                    tag = "" if gold_of[i] == story else f"  [{gold_of[i].split(':', 1)[1][:40]}]"
                    print(line(i) + tag)
            shown.add(p)
    if "--why" in sys.argv:
        why_apart(articles, gold, labels, DEFAULT if precise else FAST, Embedder(cache))
    return f1


def why_apart(articles: list, gold: list[str], labels: list[str], settings, embedder) -> None:  # noqa: ANN001
    """For each article not in its gold story's main predicted story: its best candidates of the
    gold story, their scores and which template test each meets."""
    from collections import Counter

    from kroscek.match.stories import plan_stories

    plan = plan_stories(articles, embedder=embedder, settings=settings)
    linker = plan.linker
    index_of = {a.id: i for i, a in enumerate(plan.ordered)}
    gold_of = {a.id: g for a, g in zip(articles, gold)}
    main = {g: Counter(p for p, h in zip(labels, gold) if h == g).most_common(1)[0][0] for g in set(gold)}
    print("  -- why apart")
    for a, g, p in zip(articles, gold, labels):
        if p == main[g]:
            continue
        i = index_of[a.id]
        mates = [index_of[b.id] for b, h, q in zip(articles, gold, labels) if h == g and q == main[g]]
        print(f"    {a.title[:80]}")
        rows = []
        for j in mates:
            early, late = min(i, j), max(i, j)
            if late in plan.candidates and early in plan.candidates[late]:
                score = float(plan.scores[late][plan.candidates[late].index(early)])
            else:
                score = float(linker.scores(late, [early])[0]) if late in plan.candidates or True else 0.0
                score = -score if early not in linker.candidates(late) else score
            tests = []
            if linker.conflict(i, j):
                tests.append("conflict")
                if linker.other_subjects(i, j):
                    tests.append("subjects")
                if linker.recurring_editions(i, j):
                    tests.append("recurring")
            rows.append((score, j, tests))
        for score, j, tests in sorted(rows, reverse=True)[:3]:
            print(f"       {score:+.3f} {','.join(tests):18} {plan.ordered[j].title[:70]}")
        blockers = [plan.ordered[j].title[:50] for j in mates if linker.conflict(i, j)]
        if blockers:
            print(f"       conflicts with {len(blockers)} of {len(mates)}: {blockers[:3]}")


def main(argv: list[str]) -> None:
    path = Path(argv[0])
    split = argv[1] if len(argv) > 1 and not argv[1].startswith("--") else "tune"
    articles, gold = labelled(path, split)
    modes = [True, False]
    if "--fast-only" in argv:
        modes = [False]
    if "--default-only" in argv:
        modes = [True]
    for precise in modes:
        report(articles, gold, precise)


if __name__ == "__main__":
    main(sys.argv[1:])

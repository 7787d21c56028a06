"""Online story clustering: which articles tell the same story, across outlets and languages.

Articles are taken in (published, id) order, so the result does not depend on input order. Each
article is compared only with candidates, never with everything: the ``TOP_K`` nearest by the
static vectors' cosine among articles published within ``WINDOW_DAYS`` (a slice of the
time-sorted matrix), plus articles sharing a rare name or number at any time (so a late
republication still finds its story). A candidate pair links when its similarity
(``match.similarity``), less a penalty for the days between their anchor dates, reaches
the link threshold (:class:`Thresholds`; higher for ``precise=False``); an article joins the
story of its best link, or founds a new one.

Pairs are scored twice (a cascade): first with the static vectors' cosine (put on e5's scale),
then, for the pairs that reach ``PREFILTER`` only, with e5's. So e5 embeds only the articles that
might link, not every article. ``precise=False`` skips the second pass: faster, less exact.

Stories from the store (``previous``) keep their articles and ids: a new batch only places the
articles no stored story holds. A story's id comes from its founding article (earliest by
(published, id)), so it stays the same as the story grows. An article that links strongly to two
stored stories merges them (into the older id); a stored story whose articles no longer link
together under the current model splits into its connected parts. Both are recorded in
``StoryResult.events``.

The work is split as :class:`StoryPlan` describes: candidates and their scores first (scoring may
run on other workers), then independent parts, each clustered on its own.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import DisjointSet

from kroscek.analyse.embed import Embedder, get_embedder, static_model
from kroscek.match.similarity import (
    KeyWeights,
    Profile,
    article_profile,
    capitalised_names,
    combiner,
    cross_language,
    days_apart,
    jaccard,
    numbers,
    pair_features,
)
from kroscek.model import Article, Story

WINDOW_DAYS = 7  # encoder candidates: published at most this many days apart
TOP_K = 12  # encoder candidates kept per article
# Static-vector score from which a pair is scored again with e5. At 0.5 the dev stories come out
# as with e5 for every pair (BCubed 0.983 held-out); at 0.6 the seeds (0.56) would stay apart.
PREFILTER = 0.5
MAX_KEY_FREQUENCY = 20  # a name or number shared by more articles than this retrieves nothing
DAY_PENALTY = 0.02  # similarity taken off per day between the anchor dates of a pair
MAX_PENALTY = 0.2
# A translation scores lower than a same-language rewrite of the same story (the combiner is
# trained on Indonesian pairs); cross-language pairs get this much added before the thresholds.
CROSS_LANGUAGE_OFFSET = 0.15
# Same-template reports of different events: titles that share this much of their words (Jaccard)
# but whose numbers differ, and that are dated on other days ("IHSG Ditutup Menguat ke Level 7.230"
# on Tuesday, "... 7.163" on Thursday) or name other subjects in the words they do not share (two
# companies' "Bagi Dividen Rp 55" / "Rp 280 Miliar"), are two events however alike their bodies
# read: the penalty outweighs any score. Same-day reports of one incident whose titles differ only
# in a figure ("50 bus" / "20 bus" burnt) keep their score.
TEMPLATE_TITLE = 0.3
TEMPLATE_PENALTY = 0.35
SUBJECT_CHARS = 1500  # the body's opening, where the names that tell a title's words are names
# One incident told differently (one report denies what the other describes): two reports of the
# same day that share at least ``INCIDENT_NAMES`` rare names (at most ``RARE_NAME`` articles of the
# batch hold each: a place, a person) get this much added, so wording and claims may differ.
INCIDENT_NAMES = 5
RARE_NAME = 4
INCIDENT_BONUS = 0.1


@dataclass(frozen=True)
class Thresholds:
    """``link``: the pair similarity (less the time penalty) that puts two articles in one story;
    ``merge``: the link strength to each of two stories that merges them."""

    link: float
    merge: float

    @property
    def floor(self) -> float:
        """Weaker pairs never place an article."""
        return min(self.link, self.merge)


THRESHOLDS = Thresholds(link=0.7, merge=0.7)
# ``--fast`` scores pairs with static cosines alone, which are about as high across unrelated
# stories as within one. At 0.7 a dense stream chains: the generated 100K corpus (2,000 articles a
# day) put 19,811 articles in one story (BCubed 0.736); at 0.75 its largest story has 313 (0.876),
# at a cost of 0.007 on the labelled tune half (0.959 -> 0.952).
FAST_THRESHOLDS = Thresholds(link=0.75, merge=0.75)


@dataclass
class StoryResult:
    stories: list[Story]
    events: list[dict] = field(default_factory=list)  # {"kind": "merge"|"split", "stories": [...], "into": ...}


def story_id(founder: Article) -> str:
    """A story's id, derived from its founding article."""
    return f"s-{founder.id}"


def _sort_key(article: Article) -> tuple[str, str]:
    return (article.published or "", article.id)


def _day(article: Article) -> int | None:
    try:
        return date.fromisoformat(article.published[:10]).toordinal() if article.published else None
    except ValueError:
        return None


class Linker:
    """Pair similarity and candidate retrieval over the time-sorted articles of one call, each
    named by its index in that order.

    ``vectors`` are the static article vectors (every article); ``precise`` the e5 vectors of the
    articles that have them. A pair's cosine is e5's when both have one, else the static cosine
    put on e5's scale by ``calibrate``. A linker holds no article text, so what workers are sent
    to find and score candidates is the articles' keys and vectors alone.
    """

    def __init__(self, articles: Sequence[Article], vectors: np.ndarray, calibrate: Callable[[np.ndarray], np.ndarray]):
        self.vectors = vectors
        self.calibrate = calibrate
        self.precise: dict[int, np.ndarray] = {}
        self.stored = np.zeros(len(articles), dtype=bool)  # articles of stored stories: placed from the start
        self.profiles: list[Profile] = [article_profile(a) for a in articles]
        self.weights = KeyWeights(self.profiles)
        self.title_numbers: list[frozenset[str]] = [frozenset(numbers(a.title or "")) for a in articles]
        # title words the body writes as names (mid-sentence capitals): the subjects a title names
        self.title_names: list[frozenset[str]] = [
            self.profiles[i].title & capitalised_names(a.text[:SUBJECT_CHARS]) if self.title_numbers[i] else frozenset()
            for i, a in enumerate(articles)
        ]
        self.days = [_day(a) for a in articles]
        self.dated = np.array([i for i, d in enumerate(self.days) if d is not None], dtype=int)
        self.dated_days = [self.days[i] for i in self.dated]
        self.dated_vectors = np.ascontiguousarray(vectors[self.dated])  # a window is a slice of it, not a copy
        postings: dict[str, list[int]] = defaultdict(list)
        for index, item in enumerate(self.profiles):
            for key in item.keys():
                postings[key].append(index)
        # a key shared by more articles retrieves nothing, so only the rare ones are kept
        self.postings = {key: found for key, found in postings.items() if len(found) <= MAX_KEY_FREQUENCY}
        self.combiner = combiner()

    def cosines(self, index: int, others: Sequence[int]) -> np.ndarray:
        """The cosine of ``index`` with each of ``others``: e5's where both have an e5 vector."""
        cosines = self.calibrate(self.vectors[list(others)] @ self.vectors[index])
        if index in self.precise:
            for position, other in enumerate(others):
                if other in self.precise:
                    cosines[position] = float(self.precise[other] @ self.precise[index])
        return cosines

    def scores(self, index: int, others: Sequence[int]) -> np.ndarray:
        """Similarity of one article to each of ``others``, less the penalty for the days between them."""
        if not others:
            return np.zeros(0)
        item = self.profiles[index]
        features = np.array(
            [pair_features(item, self.profiles[o], float(c), self.weights) for o, c in zip(others, self.cosines(index, others))]
        )
        penalties = []
        for other in others:
            days = days_apart(item, self.profiles[other])
            penalties.append(min(DAY_PENALTY * days, MAX_PENALTY) if days is not None else 0.0)
        offsets = [CROSS_LANGUAGE_OFFSET * cross_language(item, self.profiles[o]) + self.signature(index, o) for o in others]
        return self.combiner.score(features) - np.array(penalties) + np.array(offsets)

    def signature(self, index: int, other: int) -> float:
        """What the pair's event signatures add: ``-TEMPLATE_PENALTY`` for the same title template
        with other numbers, ``INCIDENT_BONUS`` for one day's reports sharing rare names, else 0."""
        left, right = self.profiles[index], self.profiles[other]
        numbers_left, numbers_right = self.title_numbers[index], self.title_numbers[other]
        days = days_apart(left, right)
        if numbers_left and numbers_right and not numbers_left & numbers_right and jaccard(left.title, right.title) >= TEMPLATE_TITLE:
            shared = left.title & right.title
            other_subjects = self.title_names[index] - shared and self.title_names[other] - shared
            if other_subjects or (days is not None and days >= 1):
                return -TEMPLATE_PENALTY
        if days is not None and days <= 1:
            rare = [name for name in left.names & right.names if self.weights.frequency.get(name, 0) <= RARE_NAME]
            if len(rare) >= INCIDENT_NAMES:
                return INCIDENT_BONUS
        return 0.0

    def candidates(self, index: int) -> list[int]:
        """Articles placed before ``index`` (earlier ones and stored stories') worth scoring against
        it: encoder neighbours in the window and key sharers. Depends on ``index`` alone, so
        articles can find their candidates in any order, on any worker."""
        day = self.days[index]
        if day is None:
            pool = np.flatnonzero((np.arange(len(self.days)) < index) | self.stored)
            cosines = self.vectors[pool] @ self.vectors[index]
        else:
            low = bisect.bisect_left(self.dated_days, day - WINDOW_DAYS)
            high = bisect.bisect_right(self.dated_days, day + WINDOW_DAYS)
            window = self.dated[low:high]
            keep = (window < index) | self.stored[window]
            pool = window[keep]
            cosines = (self.dated_vectors[low:high] @ self.vectors[index])[keep]
        found: set[int] = set()
        if len(pool):
            if len(pool) > TOP_K:
                top = np.argpartition(-cosines, TOP_K)[:TOP_K]
                found.update(int(pool[i]) for i in top)
            else:
                found.update(int(i) for i in pool)
        for key in sorted(self.profiles[index].keys()):
            found.update(i for i in self.postings.get(key, ()) if i < index or self.stored[i])
        found.discard(index)
        return sorted(found)


@dataclass
class StoryPlan:
    """What clustering needs, computed once for a batch: the articles in time order, their linker,
    the candidates of every article to place with their scores, the stored stories, and the
    independent parts.

    Finding an article's candidates depends on that article alone (the articles placed before it
    are the earlier ones and the stored stories'), and scoring on each pair alone, so both can run
    anywhere, in any order.
    Only pairs that reach the link threshold can place an article, so the connected parts of the
    graph of such pairs (and of stored stories) cluster independently, in any order or in
    parallel, with the same result as all together. Candidates come from the time window of the
    encoder and the rare names and numbers articles share, so a part never spans more than what
    one story's time window and blocking keys reach.
    """

    ordered: list[Article]
    linker: Linker
    candidates: dict[int, list[int]]  # article index -> the earlier or stored articles it is scored against
    scores: dict[int, np.ndarray]  # article index -> the scores of its candidates
    stored: dict[str, list[int]]  # stored story id -> its articles present in this batch
    parts: list[list[int]]  # article indices, each part in time order
    thresholds: Thresholds = THRESHOLDS


Work = Callable[[Linker, list[Any]], list[Any]]  # one result per item, in order
Runner = Callable[[Work, Linker, list[Any]], list[Any]]


def run_here(work: Work, linker: Linker, items: list[Any]) -> list[Any]:
    """Do ``work`` on every item in this process (the Ray engine splits the items over workers)."""
    return work(linker, items)


def find_and_score(linker: Linker, indices: list[int]) -> list[tuple[list[int], np.ndarray]]:
    """Each article's candidates and their scores."""
    found = []
    for index in indices:
        others = linker.candidates(index)
        found.append((others, linker.scores(index, others)))
    return found


def score_pairs(linker: Linker, items: list[tuple[int, list[int]]]) -> list[np.ndarray]:
    """The scores of each article against the others named with it."""
    return [linker.scores(index, others) for index, others in items]


def plan_stories(
    articles: Sequence[Article],
    previous: Sequence[Story] = (),
    embedder: Embedder | None = None,
    runner: Runner = run_here,
    precise: bool = True,
) -> StoryPlan:
    """Order and profile the articles, find and score every article's candidates (with e5 where
    the static vectors say a pair might link, unless not ``precise``), and split the batch into
    parts. Finding and scoring, the costly steps, go through ``runner``."""
    ordered = sorted({a.id: a for a in articles}.values(), key=_sort_key)
    position = {a.id: i for i, a in enumerate(ordered)}
    model = static_model()
    linker = Linker(ordered, model.embed_articles(ordered), model.calibration)
    stored: dict[str, list[int]] = {}
    for story in sorted(previous, key=lambda s: s.id):
        members = [position[a] for a in story.articles if a in position and not linker.stored[position[a]]]
        if members:
            stored[story.id] = members
            linker.stored[members] = True
    to_place = [index for index in range(len(ordered)) if not linker.stored[index]]
    found = runner(find_and_score, linker, to_place)
    candidates = {index: others for index, (others, _) in zip(to_place, found)}
    scores = {index: row for index, (_, row) in zip(to_place, found)}
    if precise:
        scores = _rescore(ordered, linker, candidates, scores, stored, embedder or get_embedder(), runner)
    thresholds = THRESHOLDS if precise else FAST_THRESHOLDS
    links = [(i, other) for i, others in candidates.items() for other, score in zip(others, scores[i]) if score >= thresholds.floor]
    links += [(members[0], member) for members in stored.values() for member in members[1:]]
    parts = _components(range(len(ordered)), links)
    return StoryPlan(ordered, linker, candidates, scores, stored, parts, thresholds)


def _rescore(
    ordered: list[Article],
    linker: Linker,
    candidates: dict[int, list[int]],
    scores: dict[int, np.ndarray],
    stored: dict[str, list[int]],
    embedder: Embedder,
    runner: Runner,
) -> dict[int, np.ndarray]:
    """The scores with the pairs at ``PREFILTER`` or above scored again with e5. The articles of
    those pairs, and of stored stories with several articles (whose split check compares them),
    are embedded with e5."""
    worth = {index: [o for o, score in zip(others, scores[index]) if score >= PREFILTER] for index, others in candidates.items()}
    worth = {index: others for index, others in worth.items() if others}
    needed = set(worth).union(*worth.values(), *(members for members in stored.values() if len(members) > 1))
    needed = sorted(needed)
    linker.precise = dict(zip(needed, embedder.embed_articles([ordered[i] for i in needed])))
    items = sorted(worth.items())
    result = {index: row.copy() for index, row in scores.items()}
    for (index, others), rescored in zip(items, runner(score_pairs, linker, items)):
        position = {other: k for k, other in enumerate(candidates[index])}
        for other, score in zip(others, rescored):
            result[index][position[other]] = score
    return result


def cluster_part(plan: StoryPlan, part: Sequence[int]) -> StoryResult:
    """The stories of one part of a plan (see :class:`StoryPlan`), with their merges and splits."""
    ordered, linker, thresholds = plan.ordered, plan.linker, plan.thresholds
    label: dict[int, int] = {}  # article index -> story label
    names: dict[int, str] = {}  # label -> stored story id
    founder: list[int] = []  # label -> its earliest article (indices are in time order)
    members_of = set(part)
    for stored_id, members in plan.stored.items():
        if members[0] in members_of:
            names[len(names)] = stored_id
            label.update((m, len(names) - 1) for m in members)
            founder.append(min(members))
    stored_labels = set(names)
    parent = list(range(len(names)))  # union-find over labels, for merges

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    events: list[dict] = []
    for index in part:
        if index in label:
            continue
        best: dict[int, float] = {}
        for other, score in zip(plan.candidates[index], plan.scores[index]):
            if score < thresholds.floor:
                continue  # cannot place the article; such a candidate may lie in another part
            story = find(label[other])
            best[story] = max(best.get(story, -1.0), float(score))
        linked = sorted((s for s, v in best.items() if v >= thresholds.link), key=lambda s: (-best[s], s))
        if not linked:
            parent.append(len(parent))
            founder.append(index)
            label[index] = len(parent) - 1
        else:
            label[index] = linked[0]
            joined = [s for s in linked if best[s] >= thresholds.merge]
            if len(joined) > 1:
                stored = [s for s in joined if s in stored_labels]
                keep = min(stored or joined, key=lambda s: founder[s])
                if len(stored) > 1:
                    events.append({"kind": "merge", "stories": sorted(names[s] for s in stored), "into": names[keep]})
                for s in joined:
                    parent[s] = keep
                founder[keep] = min(founder[s] for s in joined)
                label[index] = keep

    groups: dict[int, list[int]] = defaultdict(list)
    for index in part:
        groups[find(label[index])].append(index)
    stories: list[Story] = []
    for root, members in groups.items():
        parts = _connected_parts(members, linker, thresholds.link) if root in stored_labels else [members]
        ids = []
        for part_number, piece in enumerate(sorted(parts, key=lambda p: p[0])):
            first = ordered[piece[0]]
            ids.append(names[root] if root in names and part_number == 0 else story_id(first))
            stories.append(Story(id=ids[-1], title=first.title, articles=[ordered[i].id for i in piece]))
        if len(parts) > 1:
            events.append({"kind": "split", "stories": [names[root]], "into": ids})
    return StoryResult(stories, events)


def combine(plan: StoryPlan, results: Sequence[StoryResult]) -> StoryResult:
    """The stories of all parts in one deterministic order, whatever order the parts finished in."""
    position = {a.id: i for i, a in enumerate(plan.ordered)}
    stories = sorted((s for r in results for s in r.stories), key=lambda s: (position[s.articles[0]], s.id))
    events = sorted((e for r in results for e in r.events), key=lambda e: json.dumps(e, sort_keys=True))
    return StoryResult(stories, events)


def cluster_stories(
    articles: Sequence[Article],
    previous: Sequence[Story] = (),
    embedder: Embedder | None = None,
    runner: Runner = run_here,
    precise: bool = True,
) -> StoryResult:
    """Group ``articles`` into stories, growing the ``previous`` ones (see the module doc)."""
    if not articles:
        return StoryResult([], [])
    plan = plan_stories(articles, previous, embedder, runner, precise)
    return combine(plan, [cluster_part(plan, part) for part in plan.parts])


def _connected_parts(members: list[int], linker: Linker, threshold: float) -> list[list[int]]:
    """A stored story's articles grouped by links among themselves (one part when all connected)."""
    links = (
        (left, right)
        for position, left in enumerate(members)
        for right, score in zip(members[position + 1 :], linker.scores(left, members[position + 1 :]))
        if score >= threshold
    )
    return _components(members, links)


def _components(nodes: Sequence[int], edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected components of a graph, each in node order, ordered by their first node."""
    sets = DisjointSet(nodes)
    for left, right in edges:
        sets.merge(left, right)
    return sorted((sorted(subset) for subset in sets.subsets()), key=lambda part: part[0])

"""Online story clustering: which articles tell the same story, across outlets and languages.

Articles are taken in (published, id) order, so the result does not depend on input order. Each
article is compared only with candidates, never with everything: the ``TOP_K`` nearest by the
static vectors' cosine among articles published within ``WINDOW_DAYS`` (a slice of the
time-sorted matrix), plus articles sharing a rare name or number at any time (so a late
republication still finds its story). A candidate pair links when its similarity
(``match.similarity``), less a penalty for the days between their anchor dates, reaches
the link threshold (:class:`Thresholds`; higher in the fast mode); an article joins the
story of its best link, or founds a new one. A story is checked as a whole when an article joins
it (see ``MAX_SPAN_DAYS`` and ``Linker.conflict``): no member may be another event of the article's
template, and the story stays within ``MAX_SPAN_DAYS`` unless the article shares the incident
signature of the member it joins through; an article that links to two stories merges them only
when the members it links through are not two events of one template. In the fast mode a story
several of whose members link to an article just below the threshold takes it (``SUPPORT_LINKS``).
Why each article joined (:class:`Join`) comes with the stories in ``StoryResult.joins``.

Pairs are scored twice (a cascade): first with the static vectors' cosine (put on e5's scale),
then, for the pairs that reach ``PREFILTER`` only, with e5's. So e5 embeds only the articles that
might link, not every article. The fast mode (``Settings.fast``) skips the second pass: faster,
less exact.

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
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import DisjointSet

from kroscek.analyse.embed import Embedder, get_embedder, static_model
from kroscek.match.similarity import (
    MIN_NAME_LENGTH,
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
from kroscek.model import Article, Story, StoryEvent
from kroscek.settings import DEFAULT, Settings, Thresholds
from kroscek.text.fold import fold
from kroscek.text.graphs import components

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
SUBJECT_TITLE = 0.2  # titles this alike (Jaccard) that name other subjects are two events (``Linker.other_subjects``)
SUBJECT_CHARS = 1500  # the body's opening, where the names that tell a title's words are names
# One incident told differently (one report denies what the other describes): two reports of the
# same day that share at least ``INCIDENT_NAMES`` rare names (at most ``RARE_NAME`` articles of the
# batch hold each: a place, a person) get this much added, so wording and claims may differ.
INCIDENT_NAMES = 5
RARE_NAME = 4
INCIDENT_BONUS = 0.1
# Recurring reports (market closes, currency and gold prices, match reports): title words an outlet
# uses on at least ``RECURRING_DAYS`` different days of the batch, spread over more than
# ``MAX_SPAN_DAYS``, are its templates' words, learned from the data. Two reports of other days
# that cite no date in common, whose shared title words are all such words and that share fewer
# than ``INCIDENT_NAMES`` rare names, are two editions of a recurring report: they never link.
RECURRING_DAYS = 3
# A story is bounded as a whole, not only link by link: an article joins a story (or merges two)
# only through a member published at most ``RECENT_DAYS`` days from it, and only while the story
# with it spans at most ``MAX_SPAN_DAYS`` days; past either, only through a member it shares the
# incident signature with (a date within a day and ``INCIDENT_NAMES`` rare names). So a story cannot
# grow by a chain of week-apart links into months of daily reports.
RECENT_DAYS = WINDOW_DAYS
MAX_SPAN_DAYS = 14
# A story fits as a whole, not only through its nearest member: in the fast mode, whose static
# cosines are noisy pair by pair, an article that links to no story at the link threshold joins
# the story ``SUPPORT_LINKS`` of whose members link to it at the threshold less ``SUPPORT_MARGIN``
# (each link fitting the story as a join does). Two members agreeing are more than one link's noise.
SUPPORT_LINKS = 2
SUPPORT_MARGIN = 0.1
SHOWN_KEYS = 8  # rare names and figures a join shows
_WORD = re.compile(r"\w+", re.UNICODE)


THRESHOLDS = Thresholds(link=0.7, merge=0.7)
# ``--fast`` scores pairs with static cosines alone, which are about as high across unrelated
# stories as within one. At 0.7 a dense stream chains: the generated 100K corpus (2,000 articles a
# day) put 19,811 articles in one story (BCubed 0.736); at 0.75 its largest story has 313 (0.876),
# at a cost of 0.007 on the labelled tune half (0.959 -> 0.952).
FAST_THRESHOLDS = Thresholds(link=0.75, merge=0.75)


@dataclass(frozen=True)
class Join:
    """Why an article is in its story: the earlier article of the story it joined through (its
    strongest link there), the link's score, and the event-signature fields the two share.

    ``through`` is None for the article that founded the story. ``signature`` names what the
    signature term did to the link: ``incident`` (one day's reports sharing rare names, raised),
    ``template`` (same title template, other numbers or subjects: lowered), else empty; ``support``
    instead when no link reached the threshold and several members of the story backed the article
    (fast mode).
    """

    article: str
    story: str
    through: str | None = None
    score: float = 0.0
    days: float | None = None  # between the pair's anchor dates
    places: tuple[str, ...] = ()  # place mentions both name
    actors: tuple[str, ...] = ()  # people and organisations both name
    names: tuple[str, ...] = ()  # other rare names both hold (rarest first)
    dates: tuple[str, ...] = ()  # anchor dates (event or page) both hold, ISO
    numbers: tuple[str, ...] = ()  # figures both give (rarest first)
    title: tuple[str, ...] = ()  # title words both use
    signature: str = ""

    def shared_fields(self) -> dict[str, list[str]]:
        """The signature fields the two articles share, only those that are not empty."""
        fields = {"places": self.places, "actors": self.actors, "names": self.names, "dates": self.dates,
                  "numbers": self.numbers, "title": self.title}
        return {key: list(value) for key, value in fields.items() if value}

    def to_dict(self) -> dict[str, Any]:
        data = {key: list(value) if isinstance(value, tuple) else value for key, value in asdict(self).items()}
        data["score"] = round(self.score, 4)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Join:
        known = {f.name for f in fields(cls)}
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known})


@dataclass
class StoryResult:
    stories: list[Story]
    events: list[StoryEvent] = field(default_factory=list)  # merges and splits of the stored stories
    joins: dict[str, Join] = field(default_factory=dict)  # article id -> why it is in its story


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
        # the title words the body's opening capitalises mid-sentence (a subject both titles name
        # is one of these), and of them the subjects: those the body's prose never writes in lower case
        self.title_capitals: list[frozenset[str]] = [
            self.profiles[i].title & capitalised_names(a.text[:SUBJECT_CHARS]) for i, a in enumerate(articles)
        ]
        self.title_subjects: list[frozenset[str]] = [title_subjects(self.profiles[i].title, a.text) for i, a in enumerate(articles)]
        # the title subjects that are places the article's tagger found ("Jatim" in "Jatim Bakal Gelar ...")
        self.title_places: list[frozenset[str]] = [
            subjects & {fold(word) for m in a.mentions if m.type == "LOC" for word in _WORD.findall(m.text)}
            for subjects, a in zip(self.title_subjects, articles)
        ]
        # the same, for titles that hold numbers (the template test of those)
        self.title_names: list[frozenset[str]] = [
            subjects if self.title_numbers[i] else frozenset() for i, subjects in enumerate(self.title_subjects)
        ]
        self.days = [_day(a) for a in articles]
        self.recurring = _recurring_title_words(articles, self.profiles, self.days)
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
        """What the pair's event signatures add: ``-TEMPLATE_PENALTY`` when they are two events of
        one template (:meth:`conflict`), ``INCIDENT_BONUS`` for one day's reports sharing rare
        names, else 0."""
        if self.conflict(index, other):
            return -TEMPLATE_PENALTY
        days = days_apart(self.profiles[index], self.profiles[other])
        if days is not None and days <= 1 and len(self.rare_shared(index, other)) >= INCIDENT_NAMES:
            return INCIDENT_BONUS
        return 0.0

    def conflict(self, index: int, other: int) -> bool:
        """Two events of one template: titles alike with other numbers (dated on other days, or
        naming other subjects), titles alike naming other subjects, or two editions of a
        recurring report."""
        left, right = self.profiles[index], self.profiles[other]
        alike = jaccard(left.title, right.title)
        if alike < min(TEMPLATE_TITLE, SUBJECT_TITLE):
            return False  # every test below needs titles at least this alike (checked first: a story checks each member)
        numbers_left, numbers_right = self.title_numbers[index], self.title_numbers[other]
        if numbers_left and numbers_right and not numbers_left & numbers_right and alike >= TEMPLATE_TITLE:
            shared = left.title & right.title
            other_subjects = self.title_names[index] - shared and self.title_names[other] - shared
            days = days_apart(left, right)
            if other_subjects or (days is not None and days >= 1):
                return True
        return self.other_subjects(index, other) or self.recurring_editions(index, other)

    def other_subjects(self, index: int, other: int) -> bool:
        """Titles alike (Jaccard ``SUBJECT_TITLE`` or more) in words that name no subject of both,
        each naming a subject the other article never names: two companies' "Bagikan Dividen",
        two clubs' match reports (while two players named in reports of one match share its teams).
        A word both titles' bodies capitalise is a subject of both even where one body also writes
        it in lower case; only the other subjects must be names (:func:`title_subjects`)."""
        left, right = self.profiles[index], self.profiles[other]
        if jaccard(left.title, right.title) < SUBJECT_TITLE or self.title_capitals[index] & self.title_capitals[other]:
            return False
        mine, theirs = self.title_subjects[index], self.title_subjects[other]
        if not mine or not theirs:  # one title names no subject: its body's places tell the other's are not its own
            places = self.title_places[index] or self.title_places[other]
            named = right.names if self.title_places[index] else left.names
            return bool(places) and not places & named
        return bool(mine - right.names) and bool(theirs - left.names)

    def rare_shared(self, index: int, other: int) -> list[str]:
        """The rare names (held by at most ``RARE_NAME`` articles of the batch) both articles hold."""
        left, right = self.profiles[index], self.profiles[other]
        return [name for name in left.names & right.names if self.weights.frequency.get(name, 0) <= RARE_NAME]

    def shares_incident(self, index: int, other: int) -> bool:
        """Whether the two articles share the incident signature: an anchor date (page or firm
        event date) within a day, and ``INCIDENT_NAMES`` rare names."""
        days = days_apart(self.profiles[index], self.profiles[other])
        return days is not None and days <= 1 and len(self.rare_shared(index, other)) >= INCIDENT_NAMES

    def recurring_editions(self, index: int, other: int) -> bool:
        """Two editions of one recurring report: published on other days and citing no date in
        common, titles alike in their outlets' recurring words only, and fewer than
        ``INCIDENT_NAMES`` rare names shared (the cheap tests first: every candidate pair meets them)."""
        day, other_day = self.days[index], self.days[other]
        if day is None or other_day is None or day == other_day:
            return False
        left, right = self.profiles[index].title, self.profiles[other].title
        shared = left & right
        if not shared or jaccard(left, right) < TEMPLATE_TITLE:
            return False
        if not shared <= self.recurring[index] or not shared <= self.recurring[other]:
            return False
        if days_apart(self.profiles[index], self.profiles[other]) == 0:
            return False
        return len(self.rare_shared(index, other)) < INCIDENT_NAMES

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
    support: float | None = None  # see ``SUPPORT_MARGIN``: the fast mode's story support, None in the default mode

    @property
    def floor(self) -> float:
        """Weaker pairs never place an article."""
        return self.thresholds.floor if self.support is None else min(self.thresholds.floor, self.support)


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
    settings: Settings = DEFAULT,
) -> StoryPlan:
    """Order and profile the articles, find and score every article's candidates (with e5 where
    the static vectors say a pair might link, unless ``settings`` are fast), and split the batch
    into parts. Finding and scoring, the costly steps, go through ``runner``."""
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
    if settings.encoder == "e5":
        scores = _rescore(ordered, linker, candidates, scores, stored, embedder or get_embedder(), runner)
    thresholds = settings.thresholds or (FAST_THRESHOLDS if settings.fast else THRESHOLDS)
    support = thresholds.link - SUPPORT_MARGIN if settings.fast else None
    plan = StoryPlan(ordered, linker, candidates, scores, stored, [], thresholds, support)
    links = [(i, other) for i, others in candidates.items() for other, score in zip(others, scores[i]) if score >= plan.floor]
    links += [(members[0], member) for members in stored.values() for member in members[1:]]
    plan.parts = components(range(len(ordered)), links)
    return plan


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
    merged = DisjointSet(range(len(names)))  # the labels of stories merged into one
    kept: dict[int, int] = {}  # a merged set's root -> the label its story keeps (its earliest founder's)

    def find(x: int) -> int:
        """The label of the story that label ``x``'s story is now part of."""
        root = merged[x]
        return kept.get(root, root)

    events: list[StoryEvent] = []
    through: dict[int, tuple[int, float]] = {}  # placed article -> (the member it joined through, score)
    days = linker.days
    span: dict[int, tuple[int, int]] = {}  # label -> (first, last) published day of its dated members
    for stored_label, stored_id in names.items():
        dated = [days[m] for m in plan.stored[stored_id] if days[m] is not None]
        if dated:
            span[stored_label] = (min(dated), max(dated))

    held: dict[int, list[int]] = {stored_label: list(plan.stored[stored_id]) for stored_label, stored_id in names.items()}
    fitting: dict[int, bool] = {}  # story -> whether the article being placed fits it as a whole
    supported: set[int] = set()  # articles placed by story support (``SUPPORT_LINKS``), not one link

    def fits(index: int, story: int, member: int) -> bool:
        """Whether ``index`` may join ``story`` through ``member``: the link is recent and the story
        stays within ``MAX_SPAN_DAYS`` (or the two share the incident signature), and no member of
        the story is another event of the article's template (``Linker.conflict``)."""
        if story not in fitting:
            fitting[story] = not any(linker.conflict(index, other) for other in held.get(story, ()))
        if not fitting[story]:
            return False
        day, first_last = days[index], span.get(story)
        if day is None:
            return True
        recent = days[member] is None or abs(day - days[member]) <= RECENT_DAYS
        bounded = first_last is None or max(first_last[1], day) - min(first_last[0], day) <= MAX_SPAN_DAYS
        return (recent and bounded) or linker.shares_incident(index, member)

    def clash(story: int, joined: list[int], via: dict[int, int]) -> bool:
        """Whether the member the article links to ``story`` through and the member it links to
        one of the ``joined`` stories through are two events of one template (``Linker.conflict``):
        an article like both (a third day's report of the template) bridges two events, which stay
        apart."""
        return any(linker.conflict(via[story], via[j]) for j in joined)

    def extend(story: int, day: int | None) -> None:
        if day is not None:
            first, last = span.get(story, (day, day))
            span[story] = (min(first, day), max(last, day))

    for index in part:
        if index in label:
            continue
        fitting.clear()
        best: dict[int, float] = {}
        via: dict[int, int] = {}  # story -> its member with the best link
        backing: dict[int, list[float]] = defaultdict(list)  # story -> its members' links at the support level
        for other, score in zip(plan.candidates[index], plan.scores[index]):
            if score < plan.floor:
                continue  # cannot place the article; such a candidate may lie in another part
            story = find(label[other])
            if plan.support is not None and score >= plan.support and fits(index, story, other):
                backing[story].append(float(score))
            if score > best.get(story, -1.0) and fits(index, story, other):
                best[story], via[story] = float(score), other
        linked = sorted((s for s, v in best.items() if v >= thresholds.link), key=lambda s: (-best[s], s))
        if not linked:  # no single link: a story several of whose members link to the article at the support level
            backed = {s: sorted(v)[-SUPPORT_LINKS] for s, v in backing.items() if len(v) >= SUPPORT_LINKS}
            linked = sorted(backed, key=lambda s: (-backed[s], s))[:1]
            if linked:
                supported.add(index)
        if not linked:
            label[index] = len(founder)
            merged.add(label[index])
            founder.append(index)
            extend(label[index], days[index])
            held[label[index]] = [index]
        else:
            label[index] = linked[0]
            through[index] = (via[linked[0]], best[linked[0]])
            joined = [linked[0]]
            for s in linked[1:]:  # a merge must fit the stories merged so far, as a join does
                if best[s] >= thresholds.merge and s not in joined:
                    dated = [day for j in [*joined, s] if j in span for day in span[j]] + [days[index]]
                    dated = [day for day in dated if day is not None]
                    bounded = not dated or max(dated) - min(dated) <= MAX_SPAN_DAYS
                    if (bounded or linker.shares_incident(index, via[s])) and not clash(s, joined, via):
                        joined.append(s)
            if len(joined) > 1:
                stored = [s for s in joined if s in stored_labels]
                keep = min(stored or joined, key=lambda s: founder[s])
                if len(stored) > 1:
                    events.append(StoryEvent("merge", tuple(sorted(names[s] for s in stored)), names[keep]))
                for s in joined:
                    merged.merge(keep, s)
                    if s != keep:
                        for day in span.get(s, ()):
                            extend(keep, day)
                        held.setdefault(keep, []).extend(held.pop(s, []))
                        through.setdefault(founder[s], (index, best[s]))  # held in by the article that merged it
                kept[merged[keep]] = keep
                founder[keep] = min(founder[s] for s in joined)
                label[index] = keep
            extend(label[index], days[index])
            held.setdefault(label[index], []).append(index)

    groups: dict[int, list[int]] = defaultdict(list)
    for index in part:
        groups[find(label[index])].append(index)
    stories: list[Story] = []
    joins: dict[str, Join] = {}
    for root, members in groups.items():
        pair_scores: dict[tuple[int, int], float] = {}
        parts = _connected_parts(members, linker, thresholds.link, pair_scores) if root in stored_labels else [members]
        ids = []
        for part_number, piece in enumerate(sorted(parts, key=lambda p: p[0])):
            first = ordered[piece[0]]
            ids.append(names[root] if root in names and part_number == 0 else story_id(first))
            stories.append(Story(id=ids[-1], title=first.title, articles=[ordered[i].id for i in piece]))
            for position, index in enumerate(piece):
                link = through.get(index)
                if (link is None or link[0] not in piece) and position:
                    scored = [(pair_scores[(other, index)], other) for other in piece[:position] if (other, index) in pair_scores]
                    link = (max(scored)[1], max(scored)[0]) if scored else None
                joins[ordered[index].id] = explain(plan, index, ids[-1], link if position else None, index in supported)
        if len(parts) > 1:
            events.append(StoryEvent("split", (names[root],), tuple(ids)))
    return StoryResult(stories, events, joins)


def explain(plan: StoryPlan, index: int, story: str, link: tuple[int, float] | None, supported: bool = False) -> Join:
    """Why article ``index`` is in ``story``: the link it joined through and the signature fields
    the two articles share (None: it founded the story); ``supported``: placed by story support."""
    article = plan.ordered[index]
    if link is None:
        return Join(article.id, story)
    other, score = link
    linker, partner = plan.linker, plan.ordered[other]
    left, right = linker.profiles[index], linker.profiles[other]
    weights = linker.weights

    def mentioned(item: Article, kinds: tuple[str, ...]) -> dict[str, str]:
        return {fold(m.text): m.text for m in item.mentions if m.type in kinds}

    def shared_mentions(kinds: tuple[str, ...]) -> tuple[str, ...]:
        mine, theirs = mentioned(article, kinds), mentioned(partner, kinds)
        return tuple(sorted(mine[key] for key in mine.keys() & theirs.keys()))

    places, actors = shared_mentions(("LOC",)), shared_mentions(("PER", "ORG"))
    said = {word for text in places + actors for word in fold(text).split()}
    rarest = sorted(left.names & right.names - said, key=lambda name: (weights.frequency.get(name, 0), name))
    figures = sorted(left.numbers & right.numbers, key=lambda n: (weights.frequency.get("#" + n, 0), n))
    signature = linker.signature(index, other)
    return Join(
        article=article.id,
        story=story,
        through=partner.id,
        score=float(score),
        days=days_apart(left, right),
        places=places,
        actors=actors,
        names=tuple(rarest[:SHOWN_KEYS]),
        dates=tuple(sorted(d.isoformat() for d in set(left.dates) & set(right.dates))),
        numbers=tuple(figures[:SHOWN_KEYS]),
        title=tuple(sorted(word for word in left.title & right.title if len(word) >= MIN_NAME_LENGTH)),
        signature="support" if supported else "incident" if signature > 0 else "template" if signature < 0 else "",
    )


def combine(plan: StoryPlan, results: Sequence[StoryResult]) -> StoryResult:
    """The stories of all parts in one deterministic order, whatever order the parts finished in."""
    position = {a.id: i for i, a in enumerate(plan.ordered)}
    stories = sorted((s for r in results for s in r.stories), key=lambda s: (position[s.articles[0]], s.id))
    events = sorted((e for r in results for e in r.events), key=lambda e: json.dumps(e.logged(), sort_keys=True))
    joins = {article: r.joins[article] for r in results for article in sorted(r.joins, key=position.__getitem__)}
    return StoryResult(stories, events, joins)


def cluster_stories(
    articles: Sequence[Article],
    previous: Sequence[Story] = (),
    embedder: Embedder | None = None,
    runner: Runner = run_here,
    settings: Settings = DEFAULT,
) -> StoryResult:
    """Group ``articles`` into stories, growing the ``previous`` ones (see the module doc)."""
    if not articles:
        return StoryResult([], [])
    plan = plan_stories(articles, previous, embedder, runner, settings)
    return combine(plan, [cluster_part(plan, part) for part in plan.parts])


def _connected_parts(
    members: list[int], linker: Linker, threshold: float, scores: dict[tuple[int, int], float] | None = None
) -> list[list[int]]:
    """A stored story's articles grouped by links among themselves (one part when all connected);
    ``scores`` gets every pair's score, keyed (earlier, later)."""
    scores = {} if scores is None else scores
    for position, left in enumerate(members):
        later = members[position + 1 :]
        scores.update(((left, right), float(score)) for right, score in zip(later, linker.scores(left, later)))
    return components(members, (pair for pair, score in scores.items() if score >= threshold))


def title_subjects(title: frozenset[str], text: str) -> frozenset[str]:
    """The title words (folded) that name a subject: written as names in the body's opening
    (capitalised mid-sentence) and never in lower case in its prose. A word that is sometimes a
    name and sometimes not ("Bansos", "Keluarga Penerima Manfaat", "Untuk" opening a clause) names
    no subject: two reports of one aid programme do not read as two subjects' same-template news.
    Lines without a capital letter (an outlet's tag line: "jepang vs indonesia timnas") are not prose."""
    opening = text[:SUBJECT_CHARS]
    prose = [line for line in opening.splitlines() if any(c.isupper() for c in line)]
    lower = {fold(word) for line in prose for word in _WORD.findall(line) if word.islower()}
    return frozenset(title & capitalised_names(opening) - lower)


def _recurring_title_words(articles: Sequence[Article], profiles: Sequence[Profile], days: Sequence[int | None]) -> list[frozenset[str]]:
    """Each article's title words that its outlet's titles use on ``RECURRING_DAYS`` or more days
    spread over more than ``MAX_SPAN_DAYS`` (a story's own follow-ups repeat its words on a few
    close days; a recurring report's words come back for months)."""
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for article, item, day in zip(articles, profiles, days):
        if day is not None:
            for word in item.title:
                seen[(article.outlet or "", word)].add(day)
    recurring = {key for key, used in seen.items() if len(used) >= RECURRING_DAYS and max(used) - min(used) > MAX_SPAN_DAYS}
    return [frozenset(w for w in item.title if (article.outlet or "", w) in recurring) for article, item in zip(articles, profiles)]



"""The plain data model passed between pipeline stages.

Every stage takes and returns these dataclasses; none of them does I/O.
``to_dict`` gives the JSON form used in ``report.json`` and the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, TypeVar


@dataclass
class Document:
    """One raw article as read from a source, before cleaning."""

    source: str  # path (with ``#n`` for records inside a file) or URL
    text: str  # body text; for plain-text files the whole file, header lines included
    title: str | None = None  # None: the cleaner takes the first meaningful line
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # as found; parsed by the cleaner
    language: str | None = None  # ISO 639-1 when the source states it
    html: str | None = None  # the page, when the source was HTML


@dataclass
class Removed:
    """A piece of the source that is not article text, kept so a reader can see it."""

    text: str
    reason: str


@dataclass
class Damage:
    """Scraping or translation damage found in the text (an article warning)."""

    kind: str  # glued-words | truncated-name | mid-sentence-capital | dangling-fragment | ...
    span: str  # the offending text
    context: str  # a few words around it
    message: str


@dataclass
class Sentence:
    index: int
    text: str
    paragraph: int


@dataclass
class EventDate:
    """A date the article mentions, resolved to the calendar."""

    date: str  # ISO yyyy-mm-dd (or yyyy-mm / yyyy when that is all that is known)
    text: str  # the expression as written
    sentence: int  # index of the sentence it is in
    precision: str = "day"  # day | week | month | year
    firm: bool = False  # fixed by the text itself (explicit year, or weekday + day/month), not by the page date


@dataclass
class Mention:
    """A named-entity mention in one sentence of one article."""

    text: str
    type: str  # PER | ORG | LOC | ...
    sentence: int
    start: int  # character offsets inside the sentence
    end: int


@dataclass
class Quote:
    text: str
    speaker: str | None  # the speaker as written (resolved to an entity later)
    sentence: int
    kind: str = "direct"  # direct | reported
    verb: str | None = None


@dataclass
class Article:
    """A cleaned and analysed article."""

    id: str
    source: str
    title: str
    text: str  # clean body, paragraphs separated by blank lines
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: str | None = None  # ISO date (or datetime) of the page
    sentences: list[Sentence] = field(default_factory=list)
    event_dates: list[EventDate] = field(default_factory=list)
    stale: bool = False
    warnings: list[Damage] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def event_days(self) -> list[str]:
        """The days of the events it mentions, each once, in order (its JSON's ``event_dates``)."""
        return sorted({d.date for d in self.event_dates})

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["event_dates"] = self.event_days
        data["event_date_mentions"] = [asdict(d) for d in self.event_dates]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        data = dict(data)
        mentions = data.pop("event_date_mentions", [])
        data.pop("event_dates", None)
        return cls(
            **{k: v for k, v in data.items() if k not in _NESTED},
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            event_dates=[EventDate(**d) for d in mentions],
            warnings=[Damage(**w) for w in data.get("warnings", [])],
            removed=[Removed(**r) for r in data.get("removed", [])],
            mentions=[Mention(**m) for m in data.get("mentions", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
        )


_NESTED = {"sentences", "warnings", "removed", "mentions", "quotes"}


@dataclass
class Story:
    id: str
    title: str
    articles: list[str]  # article ids, earliest first

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ListedStory(Protocol):
    """What a story list orders by (a ``StorySummary`` and a reported story have it)."""

    @property
    def id(self) -> str: ...

    @property
    def articles(self) -> Sequence[str]: ...

    @property
    def last_published(self) -> str | None: ...


Listed = TypeVar("Listed", bound=ListedStory)


def newest_first(stories: Iterable[Listed]) -> list[Listed]:
    """Stories newest first by their last article (the undated last), then the biggest, then by id:
    the one order of every story list (the report's index pages, the web app, the CLI, the Python API)."""
    by_id = sorted(stories, key=lambda s: s.id)
    return sorted(by_id, key=lambda s: (s.last_published or "", len(s.articles)), reverse=True)  # stable: ids stay ascending


@dataclass(frozen=True)
class StoryEvent:
    """A change of the stories a grouping made, as logged: stories merged into one, or one split."""

    kind: str  # "merge" | "split"
    stories: tuple[str, ...]  # the stories merged, or the one split
    into: str | tuple[str, ...]  # the story kept (a merge), or the stories made (a split)
    at: str = ""  # when it was logged (UTC, ISO 8601); empty until the store logs it

    def logged(self) -> dict[str, Any]:
        """The fields the store's log holds (``from_logged`` reads them back), by name."""
        return {"into": self.into if isinstance(self.into, str) else list(self.into), "kind": self.kind,
                "stories": list(self.stories)}

    def to_dict(self) -> dict[str, Any]:
        """Its JSON form: the logged event's fields, by name, then when."""
        return {**self.logged(), "at": self.at}

    @classmethod
    def from_logged(cls, data: dict[str, Any], at: str) -> StoryEvent:
        into = data.get("into") or ""
        return cls(kind=data["kind"], stories=tuple(data.get("stories") or ()),
                   into=into if isinstance(into, str) else tuple(into), at=at)


@dataclass
class EntityMention:
    article: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One real-world entity, however each outlet spells it."""

    id: str  # language-neutral where possible: ``iso:KP``, ``geonames:524901``, else a slug
    name: str  # canonical display name
    type: str  # PER | ORG | LOC | ...
    aliases: list[str] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # ids of related entities ("Presiden Rusia" -> iso:RU)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Rejected:
    """An input that could not be ingested, and why."""

    source: str
    reason: str

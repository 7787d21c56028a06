"""Stories: their membership (written compare-and-set), briefs, list-page summaries, why each
article joined, and the merge/split log."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, select

from kroscek.model import Story, StoryEvent, newest_first
from kroscek.store.base import MEMBERSHIP_GENERATION, ROWS_PER_STATEMENT, StoreBase, chunks, utc_now
from kroscek.store.tables import entity_index_table, meta_table, stories_table, story_events_table, story_joins_table

if TYPE_CHECKING:
    from kroscek.compare.story import StoryBrief, StoryCheck, StorySummary
    from kroscek.match.stories import Join


class StaleStories(Exception):
    """Stories computed from a snapshot that another writer has since made stale."""


class StoryStore(StoreBase):
    """Stories with their briefs and summaries, the entity index their briefs fill, joins and events."""

    def membership_generation(self) -> str:
        """A token that changes whenever story membership is written or an article deleted: read it
        before grouping, and pass it to ``save_stories`` so that a stale grouping is refused."""
        return self._meta_value(MEMBERSHIP_GENERATION)

    def _check_membership(self, conn: Connection, expected: str) -> None:
        """Within ``conn``'s transaction, hold the write lock and raise ``StaleStories`` unless the
        membership generation is still ``expected``."""
        # A write first: SQLite then takes its write lock before reading (no other writer can slip
        # in between the check and the write), and PostgreSQL has a row to lock.
        conn.execute(self._dialect.insert(meta_table).values(key=MEMBERSHIP_GENERATION, value="").on_conflict_do_nothing(index_elements=["key"]))
        query = select(meta_table.c.value).where(meta_table.c.key == MEMBERSHIP_GENERATION)
        current = conn.execute(query if self.is_sqlite else query.with_for_update()).scalar() or ""
        if current != expected:
            raise StaleStories("the stories were saved by another writer after this grouping read the store")

    def save_stories(
        self, stories: Sequence[Story], events: Iterable[StoryEvent] = (), expected_generation: str | None = None,
        joins: Iterable[Join] = (),
    ) -> None:
        """Replace the stored stories and log merge/split events.

        ``joins`` (``match.stories.Join``) say why each article is in its story, stored in their
        ``to_dict`` form; a stored one is dropped when its article leaves that story. ``events``
        are logged in their ``StoryEvent.logged`` form, stamped with the time.

        A story whose articles did not change keeps its brief, summary and entity index;
        any other story gets them anew from ``save_brief``. With ``expected_generation`` (what
        ``membership_generation`` gave when the grouping read the store) the write is a
        compare-and-set: ``StaleStories`` is raised, and nothing written, if another writer has
        saved stories or deleted an article since.
        """
        with self.engine.begin() as c:
            if expected_generation is not None:
                self._check_membership(c, expected_generation)
            old = {row.id: row for row in c.execute(select(stories_table))}
            c.execute(stories_table.delete())
            rows = []
            for position, story in enumerate(stories):
                members = json.dumps(story.articles)
                kept = old.get(story.id)
                unchanged = kept is not None and kept.articles == members
                rows.append({
                    "id": story.id, "title": story.title, "position": position, "articles": members,
                    "brief": kept.brief if unchanged else None,
                    "summary": kept.summary if unchanged else None,
                    "last_published": kept.last_published if unchanged else None,
                })
            for chunk in chunks(rows, ROWS_PER_STATEMENT):
                c.execute(stories_table.insert(), chunk)
            saved = {story.id for story in stories}
            stale = [r["id"] for r in rows if r["brief"] is None] + [i for i in old if i not in saved]
            for chunk in chunks(stale, ROWS_PER_STATEMENT):
                c.execute(entity_index_table.delete().where(entity_index_table.c.story_id.in_(chunk)))
            story_of = {article: story.id for story in stories for article in story.articles}
            held = c.execute(select(story_joins_table.c.article_id, story_joins_table.c.story_id)).all()
            for chunk in chunks([r.article_id for r in held if story_of.get(r.article_id) != r.story_id], ROWS_PER_STATEMENT):
                c.execute(story_joins_table.delete().where(story_joins_table.c.article_id.in_(chunk)))
            reasons = [{"article_id": j.article, "story_id": j.story, "data": json.dumps(j.to_dict(), ensure_ascii=False)}
                       for j in joins if story_of.get(j.article) == j.story]
            for chunk in chunks(reasons, ROWS_PER_STATEMENT):
                self._upsert(c, story_joins_table, chunk, update=True)
            logged = [{"data": json.dumps(e.logged(), sort_keys=True), "at": utc_now()} for e in events]
            if logged:
                c.execute(story_events_table.insert(), logged)
            self._bump_generation(c)
            self._bump_generation(c, MEMBERSHIP_GENERATION)

    def save_check(self, check: StoryCheck) -> None:
        """Store a cross-checked story (``compare.story.check_story``): its brief and summary."""
        self.save_brief(check.story.id, check.brief, check.summary)

    def save_brief(self, story_id: str, brief: StoryBrief, summary: StorySummary | None = None) -> None:
        """Store a story's brief and its list-page summary in their ``to_dict`` form (what
        ``brief`` and ``story_summary`` read back), and index the brief's entities."""
        with self.engine.begin() as c:
            values: dict[str, Any] = {"brief": json.dumps(brief.to_dict(), ensure_ascii=False)}
            if summary is not None:
                values["summary"] = json.dumps(summary.to_dict(), ensure_ascii=False)
                values["last_published"] = summary.last_published
            c.execute(stories_table.update().where(stories_table.c.id == story_id).values(**values))
            c.execute(entity_index_table.delete().where(entity_index_table.c.story_id == story_id))
            rows = {}
            for entity in brief.entities:
                rows[entity.id] = {
                    "entity_id": entity.id, "story_id": story_id, "name": entity.name,
                    "type": entity.type, "aliases": json.dumps(entity.aliases, ensure_ascii=False),
                    "mentions": len(entity.mentions),
                }
            if rows:
                c.execute(entity_index_table.insert(), list(rows.values()))
            self._bump_generation(c)

    def stories(self) -> list[Story]:
        with self.engine.connect() as c:
            rows = c.execute(select(stories_table).order_by(stories_table.c.position))
            return [_story(r) for r in rows]

    def story(self, story_id: str) -> Story | None:
        with self.engine.connect() as c:
            row = c.execute(select(stories_table).where(stories_table.c.id == story_id)).first()
        return _story(row) if row else None

    def story_of(self, article_id: str) -> Story | None:
        """The story an article belongs to, if it has been grouped."""
        with self.engine.connect() as c:
            query = select(stories_table).where(stories_table.c.articles.contains(f'"{article_id}"'))
            row = c.execute(query).first()
        return _story(row) if row else None

    def brief(self, story_id: str) -> StoryBrief | None:
        """The story's brief read back (``StoryBrief.from_dict``); None while it has none."""
        from kroscek.compare.story import StoryBrief  # the story stage loads numpy: only when a brief is read

        data = self._brief_json(story_id)
        return StoryBrief.from_dict(json.loads(data)) if data else None

    def has_brief(self, story_id: str) -> bool:
        """Whether the story has a brief (one its articles have not changed since), without decoding it."""
        return bool(self._brief_json(story_id))

    def _brief_json(self, story_id: str) -> str | None:
        """The story's stored brief as JSON text (None or "" while it has none)."""
        with self.engine.connect() as c:
            return c.execute(select(stories_table.c.brief).where(stories_table.c.id == story_id)).scalar()

    def story_joins(self, story_id: str) -> list[Join]:
        """Why each article of a story joined it (``match.stories.Join``), in the story's article
        order; articles matched before these were kept have none."""
        from kroscek.match.stories import Join  # the story stage loads numpy: only when joins are read

        story = self.story(story_id)
        if story is None:
            return []
        with self.engine.connect() as c:
            rows = c.execute(select(story_joins_table.c.article_id, story_joins_table.c.data)
                             .where(story_joins_table.c.story_id == story_id))
            found = {r.article_id: Join.from_dict(json.loads(r.data)) for r in rows}
        return [found[a] for a in story.articles if a in found]

    def story_summaries(self) -> list[StorySummary]:
        """Every story's list-page summary, newest first, then biggest (cached until stories change);
        a story not briefed yet has only its id, title and articles."""
        return self.cached("story_summaries", self._story_summaries)

    def story_summary(self, story_id: str) -> StorySummary | None:
        """The story's stored list-page summary; None when there is no such story or it is not briefed yet."""
        with self.engine.connect() as c:
            row = c.execute(_summary_query().where(stories_table.c.id == story_id)).first()
        return _summary(row) if row is not None and row.summary else None

    def _story_summaries(self) -> list[StorySummary]:
        with self.engine.connect() as c:
            rows = c.execute(_summary_query())
            return newest_first(_summary(r) for r in rows)

    def story_events(self) -> list[StoryEvent]:
        """The merges and splits of stories, in the order they were logged."""
        with self.engine.connect() as c:
            rows = c.execute(select(story_events_table).order_by(story_events_table.c.id))
            return [StoryEvent.from_logged(json.loads(r.data), r.at) for r in rows]


def _summary_query() -> Select:
    """The stories columns a summary is read back from (``_summary``)."""
    return select(stories_table.c.id, stories_table.c.title, stories_table.c.articles, stories_table.c.summary)


def _summary(row: Any) -> StorySummary:
    """A stories row's summary read back, its id, title and articles those of the row."""
    from kroscek.compare.story import StorySummary  # the story stage loads numpy: only when summaries are read

    return StorySummary.from_dict({**json.loads(row.summary or "{}"), "id": row.id, "title": row.title,
                                   "articles": json.loads(row.articles)})


def _story(row: Any) -> Story:
    """A story row read back as a ``Story``."""
    return Story(id=row.id, title=row.title, articles=json.loads(row.articles))

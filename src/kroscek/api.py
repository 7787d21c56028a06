"""The Python API: ``kroscek.analyse`` (one article) and ``kroscek.run`` (articles -> stories, cross-checked).

``import kroscek`` loads none of this: the package's ``analyse`` and ``run`` import it on first call.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kroscek.model import Article, Document, Rejected, newest_first
from kroscek.report import Report as StoreReport
from kroscek.report import ReportedStory

Record = Mapping[str, Any]  # text (required), title, url, outlet, published, language
Input = str | Path | Record
TEXT_AS_PATH_MAX = 4096  # a string longer than this, or with a line break, is article text


class InputRejected(ValueError):
    """An input kroscek cannot read as an article; ``reason`` says why, in one line."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source, self.reason = source, reason


StoryReport = ReportedStory  # a story of ``run``'s report (the name the API has always given it)


@dataclass
class Report(StoreReport):
    """What ``run`` found: the report of its store (``kroscek.report.Report``: ``to_dict`` is
    ``report.json``), its stories listed newest and biggest first as the pages list them, and what
    this run stored."""

    added: int = 0  # articles stored by this run
    skipped: int = 0  # already stored, or the same article twice in the input
    db: str | None = None  # the store, when one was given (else a temporary one, gone)


def document(item: Input, **fields: str | None) -> Document:
    """The document ``item`` names: a record (dict), a file path, or article text. ``fields``
    (title, url, outlet, published, language) fill what the input does not say."""
    given = {k: v for k, v in fields.items() if v is not None}
    if isinstance(item, Mapping):
        from kroscek.ingest.decode import InputError
        from kroscek.ingest.records import document_from_record

        try:
            return _filled(document_from_record(item, "<record>"), given)
        except InputError as error:
            raise InputRejected("<record>", str(error)) from None
    if _is_path(item):
        from kroscek.ingest import read_file

        found = list(read_file(Path(item)))
        for rejected in (f for f in found if isinstance(f, Rejected)):
            raise InputRejected(rejected.source, rejected.reason)
        if len(found) != 1:
            raise InputRejected(str(item), f"holds {len(found)} articles; kroscek.run reads them all")
        return _filled(found[0], given)  # type: ignore[arg-type]
    if not isinstance(item, str) or not item.strip():
        raise InputRejected("<text>", "expected article text, a file path or a record (dict) with 'text'")
    return Document(source=given.get("url") or "<text>", text=item, **given)


def analyse(item: Input, *, title: str | None = None, url: str | None = None, outlet: str | None = None,
            published: str | None = None, language: str | None = None, fast: bool = False) -> Article:
    """One article, cleaned and analysed: sentences, language, event dates, entities, quotes,
    damage warnings. ``item`` is article text, a file path (text, HTML, JSON: one article) or a
    record ``{"text": ..., "title": ..., "outlet": ..., "published": ...}``; the keyword fields
    fill what it does not say; ``fast`` tags names with the CRF alone (no e5). Raises
    ``InputRejected`` (a ``ValueError``) with the reason."""
    from kroscek.pipeline import analyse as analyse_document
    from kroscek.settings import Settings

    return analyse_document(document(item, title=title, url=url, outlet=outlet, published=published,
                                     language=language), settings=Settings.from_options(fast=fast))


def run(inputs: Input | Iterable[Input], db: str | Path | None = None, *, fast: bool = False,
        columns: Mapping[str, str] | None = None, encoding: str | None = None) -> Report:
    """Ingest ``inputs`` (files, folders, article texts or records), group them into stories and
    cross-check each story, as ``kroscek run`` does; returns the ``Report``.

    ``db`` is the store (a SQLite file or ``postgresql://`` URL, created when missing, grown when
    it holds articles already); without it a temporary one is used and removed. ``fast`` matches
    and cross-checks with static word vectors alone and tags names with the CRF alone (no e5
    encoder: much faster, a little less exact). ``columns`` maps CSV columns / JSON keys to fields, as ``--columns``. A file that
    cannot be read is in ``Report.rejected`` with its reason; the others go on."""
    from kroscek.engine.local import compare, ingest, match
    from kroscek.ingest import list_inputs
    from kroscek.report import read_report
    from kroscek.settings import Settings
    from kroscek.store import Store

    settings = Settings.from_options(fast=fast)
    items = [inputs] if isinstance(inputs, (str, Path, Mapping)) else list(inputs)
    with tempfile.TemporaryDirectory(prefix="kroscek-run-") as folder:
        paths = [Path(i) for i in items if _is_path(i)]  # type: ignore[arg-type]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
        files = list_inputs(paths)
        given = [i for i in items if not _is_path(i)]
        if given:  # texts and records: one JSON Lines file, read as any other
            records = Path(folder) / "records.jsonl"
            with records.open("w", encoding="utf-8") as out:
                for item in given:
                    record = dict(item) if isinstance(item, Mapping) else {"text": item}
                    out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            files.append(records)
        store = Store(str(db) if db is not None else str(Path(folder) / "kroscek.db"))
        try:
            summary = ingest(files, store, columns=dict(columns) if columns else None, encoding=encoding, settings=settings)
            match(store, settings=settings)
            compare(store, settings=settings)
            found = read_report(store)
        finally:
            store.close()
    return Report(articles=found.articles, stories=newest_first(found.stories), rejected=found.rejected,
                  story_events=found.story_events, added=summary.added, skipped=summary.skipped,
                  db=str(db) if db is not None else None)


def _is_path(item: Any) -> bool:
    """A ``Path``; or a string naming a file or folder that exists, or without any space (article
    text has some), which is then a path even when it names nothing (and is reported missing)."""
    if isinstance(item, Path):
        return True
    if not isinstance(item, str) or len(item) > TEXT_AS_PATH_MAX or "\n" in item:
        return False
    return bool(item.strip()) and (Path(item).exists() or not any(c.isspace() for c in item.strip()))


def _filled(doc: Document, given: dict[str, str]) -> Document:
    for key, value in given.items():
        if getattr(doc, key, None) is None:
            setattr(doc, key, value)
    return doc

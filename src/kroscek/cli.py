"""The ``kroscek`` command line."""

from __future__ import annotations

import importlib
import json
import shlex
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperCommand, TyperGroup

from kroscek.ingest.decode import printable
from kroscek.model import newest_first
from kroscek.outlets import outlet_name
from kroscek.progress import NO_PROGRESS, ConsoleProgress, Progress
from kroscek.settings import DEFAULT as DEFAULT_SETTINGS
from kroscek.settings import Settings
from kroscek.store import DEFAULT_DB, Store, StoreMissing

if TYPE_CHECKING:  # the engines load on first use, to keep the command line quick to start
    from kroscek.engine.local import IngestSummary
    from kroscek.report import Report



class _PlainFlags:
    """Help that shows a flag (``--json``, ``--all``, ``--help``) bare: Typer 0.29 writes its value
    type, ``<bool>``, after it as if it took a value. A flag with no metavar gets an empty one,
    which is what the help prints in the type column (errors name a flag by its option)."""

    def get_params(self, ctx):  # noqa: ANN001, ANN201 - Typer's signature
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params


class Command(_PlainFlags, TyperCommand):
    """A command whose help shows flags bare."""


class Group(_PlainFlags, TyperGroup):
    """A group (``kroscek``, ``kroscek token``) whose help shows flags bare."""


app = typer.Typer(help="Cross-check the news: stories, sources, quotes, agreements and disputes.", no_args_is_help=True,
                  cls=Group)
console = Console(stderr=True)
TOP_STORIES = 20  # `stories` lists this many unless --all


def _print_version(value: bool) -> None:
    if value:
        from kroscek import __version__

        sys.stdout.write(f"kroscek {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Cross-check the news: stories, sources, quotes, agreements and disputes."""

DbOption = Annotated[str, typer.Option("--db", help="SQLite file or database URL (postgresql://...).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON to stdout.")]
ColumnsOption = Annotated[
    Optional[str], typer.Option("--columns", help="CSV column mapping, e.g. title=judul,text=isi_berita,url=tautan.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Show no progress (bars or stage lines) on stderr.")]
EncodingOption = Annotated[
    Optional[str], typer.Option("--encoding", help="Decode text files with this encoding (e.g. cp1252).")
]


def parse_columns(spec: str | None) -> dict[str, str] | None:
    """``title=judul,text=isi_berita`` -> ``{"title": "judul", "text": "isi_berita"}``."""
    if not spec:
        return None
    pairs = [item.split("=", 1) for item in spec.split(",") if item.strip()]
    if any(len(pair) != 2 or not pair[0].strip() or not pair[1].strip() for pair in pairs):
        raise typer.BadParameter(f"expected FIELD=COLUMN[,FIELD=COLUMN...], got {spec!r}", param_hint="--columns")
    return {field.strip(): column.strip() for field, column in pairs}


def sqlite_file(db: str) -> Path | None:
    """The file of a SQLite store named by ``--db`` (a path or a ``sqlite:///`` URL); None for
    another database or an in-memory one."""
    from sqlalchemy.engine import make_url

    from kroscek.store import database_url

    try:
        url = make_url(database_url(db))
    except Exception:  # noqa: BLE001 - an unparsable URL is reported when the store is opened
        return None
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def open_store(db: str, create: bool = True, created: str | None = None) -> Store:
    """The store named by ``--db``; a missing (when not to be created) or unusable one ends the
    command with one line and exit code 2, as does a new SQLite file whose folder does not exist.
    ``created``: a line to print on stderr when this call creates a new SQLite store (for commands
    that would otherwise make one unnoticed)."""
    shown = db
    if "://" in db:
        from sqlalchemy.engine import make_url

        try:
            shown = make_url(db).render_as_string(hide_password=True)
        except Exception:  # noqa: BLE001 - an unparsable URL is shown as given
            pass
    file = sqlite_file(db)
    new = create and file is not None and not file.exists()
    if new and not file.parent.is_dir():
        console.print(f"[red]no folder {escape(printable(str(file.parent)))} for the store {escape(printable(shown))}"
                      "[/red] (check --db, or create the folder first)", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    try:
        store = Store(db, create=create)
    except StoreMissing:
        console.print(f"[red]no store at {escape(printable(shown))}[/red] (check --db; `kroscek ingest` or `kroscek run` "
                      "creates one)", highlight=False, soft_wrap=True)
    except Exception as error:  # noqa: BLE001 - any failure to open it is reported the same way
        reason = getattr(error, "orig", None) or error
        line = " ".join(str(reason).split()) or type(reason).__name__
        console.print(f"[red]cannot open the store {escape(printable(shown))}[/red]: {escape(printable(line))}", highlight=False,
                      soft_wrap=True)
    else:
        if new and created:
            console.print(f"created a new, empty store at {escape(printable(shown))}: {created}", highlight=False,
                          soft_wrap=True)
        return store
    raise typer.Exit(2)


def check_paths(paths: list[str]) -> None:
    """End the command with exit code 2 (one line each) when a path given does not exist."""
    missing = [path for path in paths if "://" not in path and not Path(path).exists()]
    for path in missing:
        console.print(f"[red]no such file or folder[/red]: {escape(printable(path))}", highlight=False, soft_wrap=True)
    if missing:
        raise typer.Exit(2)


def _exit_code(summary: IngestSummary) -> int:
    """1 when nothing was ingested and something was rejected, else 0."""
    return 1 if not summary.added and summary.rejected else 0


def _progress(quiet: bool) -> Progress:
    """Progress on stderr (bars on a terminal, a line per stage start and end elsewhere), or none."""
    return NO_PROGRESS if quiet else ConsoleProgress(console)


def _ingest(paths: list[str], store: Store, columns: str | None, encoding: str | None, progress: Progress = NO_PROGRESS,
            settings: Settings = DEFAULT_SETTINGS):
    from kroscek.engine.local import ingest
    from kroscek.ingest import list_inputs

    summary = ingest(list_inputs(paths), store, columns=parse_columns(columns), encoding=encoding, progress=progress,
                     settings=settings)
    _print_ingested(summary, store)
    return summary


def _print_ingested(summary: IngestSummary, store: Store, more: str = "") -> None:
    """The rejected inputs, one line each, and a one-line count: new articles, readings of an article
    that came earlier in the input (if any), articles stored before, rejected inputs, what the
    store now holds."""
    for rejected in summary.rejected:  # a file name may hold a newline or a right-to-left override
        line = escape(f"{printable(rejected.source)}: {printable(rejected.reason)}")
        console.print(f"[red]rejected[/red] {line}", highlight=False, soft_wrap=True)
    repeated = f", {summary.repeated} repeated in the input" if summary.repeated else ""
    console.print(
        f"ingested {summary.added} new{repeated}, {summary.skipped} already stored, {len(summary.rejected)} rejected "
        f"({store.count_articles()} articles in {printable(store.url)}){more}",
        highlight=False,
        soft_wrap=True,
    )


@app.command(cls=Command)
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read.")],
    db: DbOption = DEFAULT_DB,
    columns: ColumnsOption = None,
    encoding: EncodingOption = None,
    quiet: QuietOption = False,
) -> None:
    """Read, clean and analyse articles into the store (idempotent: stored articles are skipped).

    Exit code 1 when nothing was ingested and something was rejected; 2 for a missing path or a
    store that cannot be opened."""
    check_paths(paths)
    store = open_store(db)
    with _progress(quiet) as progress:
        summary = _ingest(paths, store, columns, encoding, progress)
    if summary.added:
        again = " ".join(shlex.quote(printable(p)) for p in paths)
        store_option = "" if db == DEFAULT_DB else f" --db {shlex.quote(printable(db))}"
        console.print(f"the stories are not regrouped yet: `kroscek run {escape(again)}{escape(store_option)}` groups "
                      "them and cross-checks (stored articles are not read again)", highlight=False, soft_wrap=True)
    raise typer.Exit(_exit_code(summary))


@app.command(cls=Command)
def run(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to read.")],
    db: DbOption = DEFAULT_DB,
    out: Annotated[Path, typer.Option("--out", help="Folder for the report.")] = Path("kroscek-report"),
    as_json: JsonOption = False,
    columns: ColumnsOption = None,
    encoding: EncodingOption = None,
    engine: Annotated[
        str, typer.Option("--engine", help="local (this process) or ray (a Ray cluster; needs the ray extra).")
    ] = "local",
    address: Annotated[
        Optional[str], typer.Option("--address", help="Ray cluster: auto or ray://HOST:PORT (default: a local Ray).")
    ] = None,
    num_cpus: Annotated[
        Optional[int], typer.Option("--num-cpus", min=1, help="CPUs of the local Ray (default: all of this machine's).")
    ] = None,
    fast: Annotated[
        bool, typer.Option("--fast", help="Match and cross-check with static word vectors alone and tag names with the CRF alone, without e5: much faster, less exact.")
    ] = False,
    quiet: QuietOption = False,
) -> None:
    """The main job: ingest, group into stories, cross-check, write the report.

    Exit codes as ``ingest``'s (the report is written either way)."""
    from kroscek.engine.local import compare, match
    from kroscek.report import read_report
    from kroscek.report.html import write_report

    if engine not in ("local", "ray"):
        raise typer.BadParameter(f"expected local or ray, got {engine!r}", param_hint="--engine")
    if engine == "local" and (address or num_cpus):
        raise typer.BadParameter("--address and --num-cpus need --engine ray", param_hint="--engine")
    check_paths(paths)
    settings = Settings.from_options(fast=fast)
    store = open_store(db)
    with _progress(quiet) as progress:
        if engine == "ray":
            summary = _run_ray(paths, db, store, address, num_cpus, columns, encoding, settings, progress=progress)
        else:
            summary = _ingest(paths, store, columns, encoding, progress, settings)
            match(store, settings=settings, progress=progress)
            compare(store, settings=settings, progress=progress)
        progress.stage("report", 2)
        report = read_report(store)
        progress.advance()
        index = write_report(report, out)
        progress.advance()
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    _print_stories(report)
    console.print(f"report: {index.resolve()}", highlight=False)
    raise typer.Exit(_exit_code(summary))


def _run_ray(paths: list[str], db: str, store: Store, address: str | None, num_cpus: int | None,
             columns: str | None, encoding: str | None, settings: Settings, progress: Progress = NO_PROGRESS) -> IngestSummary:
    """``run``'s stages on Ray (``engine.ray``): the same results as the embedded engine."""
    import logging

    try:
        from kroscek.engine.ray import run_ray
    except ImportError as error:
        console.print(f"[red]--engine ray needs Ray[/red] ({error}): pip install 'kroscek[ray]'")
        raise typer.Exit(2) from None
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    result = run_ray(paths, db, address=address, columns=parse_columns(columns), encoding=encoding,
                     num_cpus=num_cpus, settings=settings, progress=progress)
    stages = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in result.stage_seconds.items())
    _print_ingested(result.ingest, store, f"; {result.stories} stories, {result.briefs} briefs written by "
                                          f"{result.workers} Ray workers ({stages})")
    return result.ingest


STORY_LINES = 5  # articles listed under each story in `run`'s summary


def _print_stories(report: Report) -> None:
    """The report's top stories, newest and biggest first, a few articles each (every one is in the report)."""
    stories, articles = report.stories, {a.id: a for a in report.articles}
    shown = newest_first(stories)[:TOP_STORIES]
    title = f"{len(stories)} {'story' if len(stories) == 1 else 'stories'}, {len(articles)} articles"
    if len(shown) < len(stories):
        title += f" (the top {len(shown)}, newest and biggest first; every one is in the report and `kroscek stories --all`)"
    table = Table(title=title, show_lines=True)
    for column in ("story", "articles", "notes"):
        table.add_column(column)
    for story in shown:
        lines = [f"{outlet_name(articles[i].outlet, articles[i].url) or Path(articles[i].source).name}: "
                 f"{articles[i].title}" for i in story.articles[:STORY_LINES]]
        if len(story.articles) > STORY_LINES:
            lines.append(f"[dim]and {len(story.articles) - STORY_LINES} more[/dim]")
        notes = story.badges
        warned = sum(len(articles[i].warnings) for i in story.articles)
        if warned:
            notes.append(f"{warned} damage warnings")
        table.add_row(f"{story.title}\n[dim]{story.id}[/dim]", "\n".join(lines), ", ".join(notes))
    console.print(table)


@app.command(cls=Command)
def stories(
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    show_all: Annotated[bool, typer.Option("--all", help=f"List every story, not only the top {TOP_STORIES}.")] = False,
) -> None:
    """List the stories in the store, newest and biggest first: the top 20 unless --all
    (--json prints every story)."""
    from kroscek.compare.story import story_summary

    store = open_store(db, create=False)
    listed = newest_first(story_summary(s, store.articles(s.articles)) for s in store.stories())
    if as_json:
        sys.stdout.write(json.dumps([s.to_dict() for s in listed], ensure_ascii=False, indent=2) + "\n")
        return
    shown = listed if show_all else listed[:TOP_STORIES]
    articles = sum(len(s.articles) for s in listed)
    title = f"{len(listed)} {'story' if len(listed) == 1 else 'stories'}, {articles} articles"
    if len(shown) < len(listed):
        title += f" (the top {len(shown)}, newest and biggest first; --all lists every one)"
    table = Table(title=title)
    for column in ("id", "title", "articles", "outlets", "languages", "first published"):
        table.add_column(column)
    for s in shown:
        table.add_row(s.id, s.title, str(len(s.articles)), ", ".join(s.outlets), ", ".join(s.languages),
                      s.first_published or "")
    Console().print(table)


@app.command(cls=Command)
def show(
    story_id: Annotated[str, typer.Argument(help="A story id (see `kroscek stories`).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Show one story: its articles and its brief."""
    from kroscek.compare.story import story_summary

    store = open_store(db, create=False)
    story = store.story(story_id)
    if story is None:
        console.print(f"[red]no story with id {story_id!r}[/red] (see `kroscek stories`)")
        raise typer.Exit(1)
    articles = store.articles(story.articles)
    brief = store.brief(story_id)
    data = {**story_summary(story, articles).to_dict(), "brief": brief.to_dict() if brief is not None else {},
            "article_details": [a.to_dict() for a in articles]}
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    out = Console()
    out.rule(story.title)
    for a in articles:
        out.print(f"- {outlet_name(a.outlet, a.url) or Path(a.source).name} ({a.language}, {a.published or 'undated'}){' [stale]' if a.stale else ''}: {a.title}")
    for line in brief.summary if brief is not None else []:
        out.print(f"  • {line.text}")
    for dispute in brief.disputes if brief is not None else []:
        out.print("[red]disputed[/red]: " + " ≠ ".join(c.text for c in dispute.claims))


@app.command("ingest-factchecks", cls=Command)
def ingest_factchecks(
    paths: Annotated[list[str], typer.Argument(help="Fact-check files or folders: a turnbackhoax-style CSV "
                                                    "(judul, isi, url), HTML pages or JSON-LD with ClaimReview.")],
    db: DbOption = DEFAULT_DB,
    fast: Annotated[
        bool, typer.Option("--fast", help="Do not embed the fact-checks with e5 now (the first `check` does it).")
    ] = False,
) -> None:
    """Store published fact-checks (the claim checked, the verdict, the date, the link); idempotent.
    New ones are embedded with e5 for the close claims of `check`, unless --fast.

    Exit code 1 when nothing was read and something was rejected; 2 for a missing path or store."""
    from kroscek.check import FactCheckIndex
    from kroscek.factchecks import read_fact_checks

    check_paths(paths)
    store = open_store(db)
    checks, rejected = read_fact_checks(paths)
    added = store.add_fact_checks(checks)
    for source, reason in rejected:
        console.print(f"[red]rejected[/red] {escape(printable(source))}: {escape(printable(reason))}", highlight=False,
                      soft_wrap=True)
    console.print(f"fact-checks: {added} new, {len(checks) - added} already stored, {len(rejected)} rejected "
                  f"({store.count_fact_checks()} in {printable(store.url)})", highlight=False)
    if added and not fast:
        started = time.perf_counter()
        embedded = len(FactCheckIndex.of_store(store).meaning_vectors())
        console.print(f"fact-checks embedded for the close claims of check (e5): {embedded} in "
                      f"{time.perf_counter() - started:.0f} s", highlight=False)
    raise typer.Exit(1 if not checks and rejected else 0)


@app.command(cls=Command)
def check(
    claim: Annotated[str, typer.Argument(help="The claim to check, as it circulates (one sentence).")],
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
    language: Annotated[str, typer.Option("--language", help="The claim's language (ISO 639-1).")] = "id",
    fast: Annotated[
        bool, typer.Option("--fast", help="Find the fact-checks of close claims with static word vectors, without e5.")
    ] = False,
) -> None:
    """Check a claim: the stories that cover it, the sentences that support and contradict it (with
    the slot and both values), earlier fact-checks of it, and apart from them the fact-checks of
    close claims (their verdict is of the claim they checked). Exit code 2 for a claim that cannot
    be checked (empty, too short, too long)."""
    from kroscek.check import ClaimError, FactCheckIndex, check_claim
    from kroscek.settings import Settings

    store = open_store(db, create=False)
    try:
        index = FactCheckIndex.of_store(store, language, Settings.from_options(fast))
        result = check_claim(store, claim, language, index=index)
    except ClaimError as error:
        console.print(f"[red]cannot check the claim[/red]: {escape(str(error))}", highlight=False)
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    out = Console()
    out.rule(escape(printable(result.claim)))
    if result.standard:
        out.print(f"compared in standard words: {escape(printable(result.standard))}", highlight=False)
    if result.note:
        out.print(result.note, highlight=False)
    for hit in result.stories:
        out.print(f"story {hit.id}: {escape(hit.title)} ({hit.articles} articles; {escape(', '.join(hit.outlets))})",
                  highlight=False)
    for title, items in (("supports", result.supports), ("contradicts", result.contradicts), ("updates", result.updates)):
        for e in items:
            slot = f" [{e.slot}: {escape(e.claim_value or '')} vs {escape(e.their_value or '')}]" if e.slot else ""
            out.print(f"{title}{slot} {escape(e.outlet)}, {e.published or 'undated'}: {escape(e.text)}", highlight=False)
    for c in result.fact_checks:
        out.print(f"fact-check: {c.verdict or '?'} ({escape(c.verdict_word)}), {c.published or 'undated'}: "
                  f"{escape(c.claim)} {escape(c.url or '')}", highlight=False)
    if not result.fact_checks:
        out.print("no earlier fact-check of this claim in the store", highlight=False)
    for c in result.close_fact_checks:
        differs = f" [differs: {c.differs}]" if c.differs else ""
        out.print(f"fact-check of a close claim (its verdict is of that claim){differs}: {c.verdict or '?'} "
                  f"({escape(c.verdict_word)}), {c.published or 'undated'}: {escape(c.claim)} {escape(c.url or '')}",
                  highlight=False)


token_app = typer.Typer(help="Access tokens for writing to (and optionally reading from) the web app.", cls=Group)
app.add_typer(token_app, name="token")


@token_app.command("create", cls=Command)
def token_create(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Who or what the token is for, e.g. desk-politik "
                                                           "(revoke it by this name).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Create a token named NAME; it is printed once and stored only as a hash. A store that does not
    exist yet is created (said on stderr); exit code 2 when its folder does not exist."""
    store = open_store(db, created="the token is kept there (check --db if you meant another store)")
    sys.stdout.write(store.add_token(name) + "\n")


@token_app.command("list", cls=Command)
def token_list(db: DbOption = DEFAULT_DB, as_json: JsonOption = False) -> None:
    """List the tokens: id, name and creation time (never the token itself)."""
    tokens = open_store(db, create=False).tokens()
    if as_json:
        sys.stdout.write(json.dumps([t.to_dict() for t in tokens], ensure_ascii=False, indent=2) + "\n")
        return
    if not tokens:
        console.print("no tokens (`kroscek token create NAME` makes one)", highlight=False)
        return
    table = Table(title=f"{len(tokens)} {'token' if len(tokens) == 1 else 'tokens'}")
    for column in ("id", "name", "created"):
        table.add_column(column)
    for token in tokens:
        table.add_row(token.id, printable(token.name), token.created_at)
    Console().print(table)


@token_app.command("revoke", cls=Command)
def token_revoke(
    name_or_id: Annotated[str, typer.Argument(metavar="NAME_OR_ID", help="A token's name, or its id from `kroscek token list`.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Revoke the tokens with this name or id: they stop working at once. Exit code 1 if none matched."""
    revoked = open_store(db, create=False).revoke_tokens(name_or_id)
    if not revoked:
        console.print(f"[red]no token named or with id {escape(printable(name_or_id))}[/red] (see `kroscek token list`)",
                      highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    console.print(f"revoked {revoked} {'token' if revoked == 1 else 'tokens'}", highlight=False)


@app.command(cls=Command)
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    read_token: Annotated[bool, typer.Option("--read-token", help="Require a token for reading too.")] = False,
    workers: Annotated[int, typer.Option(help="Server processes (one per core serves most readers).")] = 1,
    fast: Annotated[
        bool, typer.Option("--fast", help="Uploads and feeds are matched and cross-checked as `run --fast` does.")
    ] = False,
) -> None:
    """Serve the web app and the JSON API (/api/v1, OpenAPI at /docs) over the store. A store that
    does not exist yet is created, empty (said on stderr); exit code 2 when its folder does not exist."""
    import os

    import uvicorn

    # a bad --db: one line and exit code 2, before the server starts
    open_store(db, created="uploads fill it, as do `kroscek ingest` and `kroscek run` (check --db if you meant "
                           "another store)").close()
    os.environ["KROSCEK_DB"] = db
    os.environ["KROSCEK_READ_TOKEN_REQUIRED"] = "1" if read_token else ""
    os.environ.update(Settings.from_options(fast=fast).to_env())  # read by each server process's job runner
    shown = f"[{host}]" if ":" in host else host
    console.print(f"kroscek serving {printable(db)} at http://{shown}:{port}/ (API docs at /docs); Ctrl+C stops it",
                  highlight=False, soft_wrap=True)
    # uvicorn logs each request (method, path, status) and its own start and stop.
    uvicorn.run("kroscek.web.app:create_app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="info", access_log=True)


@app.command("eval", cls=Command)
def evaluate(
    name: Annotated[str, typer.Argument(help="similarity | clustering | ner | quotes | claims | summary | dates")],
    path: Annotated[Path, typer.Argument(help="The labelled data file.")],
    option: Annotated[Optional[list[str]], typer.Option("--option", "-o", help="KEY=VALUE passed to the evaluation.")] = None,
) -> None:
    """Measure one analysis against labelled data, with a baseline beside it."""
    try:
        module = importlib.import_module(f"kroscek.eval.{name}")
    except ModuleNotFoundError:
        console.print(f"[red]unknown evaluation {name!r}[/red]")
        raise typer.Exit(2) from None
    if not path.exists():
        console.print(f"[red]{path}: no such file[/red]")
        raise typer.Exit(2)
    options = dict(item.split("=", 1) for item in option or [])
    module.main(path, **options)


if __name__ == "__main__":
    app()

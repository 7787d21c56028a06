"""Quotes: precision / recall of quote spans, speaker accuracy, and cross-article matching.

PATH is a labelled quote file (``data/quotes/detik.jsonl``): a header line naming the source CSV
(relative to the shared data folder) and its id / text columns, then one line per article with
its quotes as character offsets into the raw text, the speaker's name, the kind (direct |
reported) and, for statements that recur in several articles, statement ids. No article text is
stored: it is read from the CSV at evaluation time.

Each article goes through the pipeline's own steps (``pipeline.Pipeline`` without the dates, and
without the entities unless ``mentions=ner``); a predicted quote
is located in the raw text and matches a labelled one when their spans overlap by at least half
of the shorter. A speaker is right when the names agree once titles are dropped (one inside the
other, or a close spelling). A quote a page prints twice (the same words, labelled in each copy)
is one quote, found when either copy is. The baseline takes every double-quoted span and the nearest
capitalised name after it (else before it) in the paragraph.
Matching is measured on the cross-article pairs of labelled quotes: pairs that share a
statement id should merge, the others not; the baseline merges on lexical overlap only.

``data/quotes/detik.jsonl`` (32 articles) is the development set the rules were written on;
``data/quotes/detik-heldout.jsonl`` (8 other articles) was labelled after and kept out of that work.

Options: ``data=DIR`` the shared data folder (default: the nearest ``shared/data`` above PATH);
``mentions=ner`` passes the NER mentions to the quote finder (default: none, the fallback);
``encoder=static`` matches quotes with the static word vectors, as ``kroscek run --fast`` does;
``split=tune`` (or ``held-back``) runs and reports one half of a split file only, the other half
not even read by the pipeline.

Several files at once: PATH a folder (every label file in it that carries a tune / held-back
split, or those ``files=GLOB[,GLOB...]`` names, relative to the folder), or PATH a file with
``files=`` naming more beside it. One table: per file and half, then each half over all the files
together (span P / R, speaker accuracy, speakers that are places; kroscek and baseline); cross-article
matching is left to the one-file run, since statement ids are per file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rich.console import Console
from rich.table import Table

from kroscek.analyse.quotes import lexicon, without_titles
from kroscek.compare.quotes import match_quotes, names_match
from kroscek.eval import encoder_for, labelled_rows
from kroscek.model import Article, Document, Quote
from kroscek.pipeline import Pipeline, quotes_step

MIN_OVERLAP = 0.5  # of the shorter span
LOCATE_SCORE = 90  # rapidfuzz alignment score to place a predicted quote in the raw text
BASELINE_LEXICAL = 0.8
_DOUBLE_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_CAPITALISED_RUN = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)", re.MULTILINE)


@dataclass
class Span:
    start: int
    end: int
    speaker: str | None
    kind: str
    statements: tuple[str, ...] = ()


@dataclass
class LabelledArticle:
    id: str
    title: str
    text: str
    gold: list[Span]
    held_back: bool | None = None  # None: the file has no split


def load(path: Path, data: str | None = None) -> list[LabelledArticle]:
    """The labelled articles with their raw text read from the source CSV (or CSVs: a header with
    ``sources``, one per outlet key, and an ``outlet`` on each record)."""
    path = Path(path)
    header, lookup = labelled_rows(path, data)
    title_column = header.get("title_column", "judul")
    articles = []
    for row, record in lookup:
        gold = [Span(q["start"], q["end"], q["speaker"], q["kind"], tuple(q.get("statements", ()))) for q in record["quotes"]]
        articles.append(LabelledArticle(record["article"], row.get(title_column, ""), row[header["text_column"]], gold, record.get("held_back")))
    return articles


def predict(article: LabelledArticle, use_mentions: bool) -> list[Quote]:
    """The quotes the pipeline finds in one article."""
    pipeline = Pipeline().replace("quotes", quotes_step(ner_languages=("id",) if use_mentions else ()))
    doc = Document(source=article.id, text=article.text, title=article.title, language="id")
    return pipeline.run(doc, disable=["dates"] if use_mentions else ["dates", "entities"]).quotes


def locate(text: str, raw: str, after: int = 0) -> tuple[int, int] | None:
    """Where a predicted quote lies in the raw text: its first copy from ``after`` on (a body the
    page repeats holds each quote twice), else its first copy."""
    start = raw.find(text, after)
    start = raw.find(text) if start < 0 else start
    if start >= 0:
        return start, start + len(text)
    alignment = fuzz.partial_ratio_alignment(text, raw)
    if alignment is None or alignment.score < LOCATE_SCORE:
        return None
    return alignment.dest_start, alignment.dest_end


def overlap(a: Span, b: Span) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return max(0, shared) / max(1, min(a.end - a.start, b.end - b.start))


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Names agree once titles are dropped: one inside the other, a close spelling, or an
    organisation's acronym beside its full name ("NBS" / "National Bureau of Statistics"). A gold
    speaker written in lowercase is a role no name is given for ("kuasa hukum Lisa", "jaksa"):
    the prediction must name that role, not the person after it (the lawyer is not his client)."""
    if not predicted or not gold:
        return predicted == gold
    if gold[:1].islower():
        role, said = gold.casefold().split(), predicted.casefold().split()
        return said[: min(2, len(role))] == role[: min(2, len(role))]
    if _acronym_of(predicted, gold) or _acronym_of(gold, predicted):
        return True
    lex = lexicon("id")
    return names_match(without_titles(predicted, lex), without_titles(gold, lex))


def _acronym_of(short: str, name: str) -> bool:
    """Whether ``short`` is the acronym of ``name``'s capitalised words ("NBS", "National Bureau
    of Statistics"): one organisation, as the article itself defines it."""
    initials = "".join(word[0] for word in name.split() if word[:1].isupper())
    return short.isupper() and " " not in short and len(short) >= 2 and short == initials


def align(predicted: list[Span], gold: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of predicted and gold spans, largest overlaps first."""
    candidates = sorted(
        ((overlap(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p, used_g, pairs = set(), set(), []
    for score, i, j in candidates:
        if score < MIN_OVERLAP:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return pairs


def baseline(raw: str) -> list[Span]:
    """Every double-quoted span, its speaker the nearest capitalised name after it, else before."""
    spans = []
    for match in _DOUBLE_QUOTED.finditer(raw):
        paragraph_end = raw.find("\n", match.end())
        paragraph_end = len(raw) if paragraph_end < 0 else paragraph_end
        paragraph_start = raw.rfind("\n", 0, match.start()) + 1
        after = _CAPITALISED_RUN.search(raw, match.end(), paragraph_end)
        before = list(_CAPITALISED_RUN.finditer(raw[paragraph_start : match.start()]))
        speaker = after.group(1) if after else (before[-1].group(1) if before else None)
        spans.append(Span(match.start(1), match.end(1), speaker, "direct"))
    return spans


def repeat_key(article: LabelledArticle, span: Span) -> str:
    """What makes two labelled quotes of one article one quote: the same words (a page that prints
    a paragraph twice holds each of its quotes twice)."""
    return " ".join(article.text[span.start:span.end].split()).lower()


def score(found: dict[str, list[Span]], articles: list[LabelledArticle]) -> dict[str, float]:
    """Span precision / recall / F1 (all and per kind) and speaker accuracy. A quote a page prints
    twice (the same words, labelled in each copy) is one quote for recall and speakers: found when
    either copy is; a prediction on either copy is right for precision."""
    tp = predicted = gold_total = right = with_speaker = found_quotes = 0
    kinds = {"direct": [0, 0], "reported": [0, 0]}  # matched, gold
    for article in articles:
        pairs = align(found[article.id], article.gold)
        tp += len(pairs)
        predicted += len(found[article.id])
        distinct = {}
        for g in article.gold:
            distinct.setdefault(repeat_key(article, g), g)
        gold_total += len(distinct)
        for g in distinct.values():
            kinds.setdefault(g.kind, [0, 0])[1] += 1
        matched: dict[str, tuple[Span, Span]] = {}
        for p, g in sorted(pairs, key=lambda pair: not same_speaker(pair[0].speaker, pair[1].speaker)):
            matched.setdefault(repeat_key(article, g), (p, g))  # of two copies found, one with its speaker right counts
        found_quotes += len(matched)
        for p, g in matched.values():
            kinds[g.kind][0] += 1
            if g.speaker:
                with_speaker += 1
                right += same_speaker(p.speaker, g.speaker)
    precision = tp / predicted if predicted else 0.0
    recall = found_quotes / gold_total if gold_total else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "recall_direct": kinds["direct"][0] / max(1, kinds["direct"][1]),
        "recall_reported": kinds["reported"][0] / max(1, kinds["reported"][1]),
        "speaker_accuracy": right / with_speaker if with_speaker else 0.0,
        "predicted": predicted,
        "gold": gold_total,
    }


def matching_pairs(articles: list[LabelledArticle], embedder: Any = None) -> tuple[dict[str, float], dict[str, float]]:
    """Pairwise precision / recall / F1 of merging labelled quotes across articles: system, baseline.
    ``embedder`` replaces e5 (see ``match_quotes``)."""
    quoted = [a for a in articles if any(g.statements for g in a.gold)]
    items = [(a, g) for a in quoted for g in a.gold]
    synthetic = [
        Article(id=a.id, source=a.id, title="", text=a.text,
                quotes=[Quote(a.text[g.start : g.end], g.speaker, n, g.kind) for n, g in enumerate(a.gold)])
        for a in quoted
    ]
    merged = set()
    for group in match_quotes(synthetic, embedder=embedder):
        keys = [(s.article, s.sentence) for s in group.sources]
        merged.update(frozenset(pair) for pair in combinations(keys, 2))
    system, base = [0, 0, 0], [0, 0, 0]  # tp, fp, fn
    for (a1, g1), (a2, g2) in combinations(items, 2):
        if a1.id == a2.id:
            continue
        truth = bool(set(g1.statements) & set(g2.statements))
        keys = frozenset({(a1.id, a1.gold.index(g1)), (a2.id, a2.gold.index(g2))})
        lexical = fuzz.token_set_ratio(a1.text[g1.start : g1.end].casefold(), a2.text[g2.start : g2.end].casefold()) / 100
        for tally, said in ((system, keys in merged), (base, lexical >= BASELINE_LEXICAL)):
            tally[0] += said and truth
            tally[1] += said and not truth
            tally[2] += truth and not said
    return _prf(system), _prf(base)


def _prf(tally: list[int]) -> dict[str, float]:
    tp, fp, fn = tally
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0, "pairs": tp + fn}


def place_speakers(found: dict[str, list[Span]]) -> int:
    """Predicted speakers that are places (a country or a city the gazetteer knows)."""
    from kroscek.analyse.quotes import is_place_name

    return sum(1 for spans in found.values() for span in spans if span.speaker and is_place_name(span.speaker))


def _split(articles: list[LabelledArticle], split: str | None) -> list[LabelledArticle]:
    """The articles of one half (``split`` tune or held-back), or all of them."""
    if split is None:
        return articles
    if split not in ("tune", "held-back"):
        raise ValueError(f"split must be tune or held-back, not {split!r}")
    return [a for a in articles if bool(a.held_back) == (split == "held-back")]


def found_spans(articles: list[LabelledArticle], use_mentions: bool) -> dict[str, list[Span]]:
    """Each article's predicted quotes as spans of its raw text."""
    found: dict[str, list[Span]] = {}
    for article in articles:
        spans: list[Span] = []
        used: set[tuple[int, int]] = set()
        for quote in predict(article, use_mentions):
            where = locate(quote.text, article.text)
            while where in used:  # the same words again: the repeated copy
                where = locate(quote.text, article.text, where[0] + 1)
                where = None if where is not None and where in used else where
            if where:
                used.add(where)
                spans.append(Span(*where, quote.speaker, quote.kind))
        found[article.id] = spans
    return found


def label_files(path: Path, files: str | None) -> list[Path]:
    """The label files a several-file run reads: ``path`` itself when it is a file, then each of
    the comma-separated ``files`` globs in its folder; for a folder with no ``files``, every
    ``*.jsonl`` in it whose records carry a tune / held-back split."""
    folder = path if path.is_dir() else path.parent
    chosen = [] if path.is_dir() else [path]
    if files:
        for pattern in (p.strip() for p in files.split(",") if p.strip()):
            matched = sorted(folder.glob(pattern), key=_round_order)
            if not matched:
                raise FileNotFoundError(f"no label file matches {pattern!r} in {folder}")
            chosen += [m for m in matched if m not in chosen]
        return chosen
    for candidate in sorted(folder.glob("*.jsonl"), key=_round_order):
        records = [json.loads(line) for line in candidate.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
        if records and all(record.get("held_back") is not None for record in records):
            chosen.append(candidate)
    return chosen


def _round_order(path: Path) -> tuple[str, int, str]:
    """Label files in round order: "indonews.jsonl" (round one) before "indonews-2.jsonl" before
    "indonews-10.jsonl"."""
    stem, _, number = path.stem.rpartition("-")
    return (stem, int(number), path.name) if stem and number.isdigit() else (path.stem, 1, path.name)


def main(path: Path, **options: str) -> dict:
    """Print and return the quote figures for the labelled file at ``path``; a file with a
    held-back split (``held_back`` on each record) is reported per half, tune then held back.
    A folder, or a ``files`` option, reports several files together (``main_files``)."""
    path = Path(path)
    if path.is_dir() or options.get("files"):
        return main_files(path, **options)
    split = options.get("split")
    articles = _split(load(path, options.get("data")), split)
    use_mentions = options.get("mentions") == "ner"
    found = found_spans(articles, use_mentions)
    halves = {"all": articles}
    if split is not None:
        halves = {split.replace("-", " "): articles}
    elif any(a.held_back is not None for a in articles):
        halves = {"tune": [a for a in articles if not a.held_back], "held back": [a for a in articles if a.held_back]}
    results = {}
    for name, part in halves.items():
        results[name] = _report(part, found, options, name)
    return results["all"] if "all" in results else results


def _report(articles: list[LabelledArticle], found: dict[str, list[Span]], options: dict[str, str], half: str) -> dict:
    use_mentions = options.get("mentions") == "ner"
    system = score(found, articles)
    base = score({a.id: baseline(a.text) for a in articles}, articles)
    match_system, match_base = matching_pairs(articles, encoder_for(options.get("encoder", "e5")))
    places = place_speakers({a.id: found[a.id] for a in articles})
    base_places = place_speakers({a.id: baseline(a.text) for a in articles})
    label = "" if half == "all" else f" ({half})"
    table = Table(title=f"quotes{label}: {len(articles)} articles, {system['gold']} labelled quotes")
    table.add_column("figure")
    table.add_column("kroscek", justify="right")
    table.add_column("baseline", justify="right")
    for key in ("precision", "recall", "f1", "recall_direct", "recall_reported", "speaker_accuracy"):
        table.add_row(f"span {key}" if key != "speaker_accuracy" else key, f"{system[key]:.3f}", f"{base[key]:.3f}")
    table.add_row("speakers that are places", str(places), str(base_places))
    if match_system["pairs"]:
        for key in ("precision", "recall", "f1"):
            table.add_row(f"matching {key}", f"{match_system[key]:.3f}", f"{match_base[key]:.3f}")
    table.caption = (f"{match_system['pairs']} same-statement pairs across articles; mentions: {'NER' if use_mentions else 'none'}; "
                     f"{options.get('encoder', 'e5')} vectors")
    Console().print(table)
    system["place_speakers"] = places
    return {"spans": system, "baseline": base, "matching": match_system, "matching_baseline": match_base}


def main_files(path: Path, **options: str) -> dict:
    """Several label files in one table: each file's halves, then each half over every file
    together (the articles pooled, so a figure is over all their quotes, not a mean of files).
    Returns ``{"files": {name: {half: figures}}, "combined": {half: figures}}``, the figures as
    ``score`` gives them for kroscek (``spans``, with ``place_speakers``) and the baseline."""
    split = options.get("split")
    use_mentions = options.get("mentions") == "ner"
    paths = label_files(Path(path), options.get("files"))
    if not paths:
        raise FileNotFoundError(f"no label file with a tune / held-back split in {path}")
    per_file: dict[str, dict[str, dict]] = {}
    pooled: dict[str, list[LabelledArticle]] = {}
    found: dict[str, list[Span]] = {}
    for label_path in paths:
        articles = _split(load(label_path, options.get("data")), split)
        found.update(found_spans(articles, use_mentions))
        halves = {"all": articles}
        if any(a.held_back is not None for a in articles):
            halves = {"tune": [a for a in articles if not a.held_back], "held back": [a for a in articles if a.held_back]}
        per_file[label_path.name] = {}
        for half, part in halves.items():
            if part:
                per_file[label_path.name][half] = _figures(part, found)
                pooled.setdefault(half, []).extend(part)
    combined = {half: _figures(part, found) for half, part in pooled.items()}
    table = Table(title=f"quotes over {len(paths)} label files (kroscek / baseline)")
    for column in ("file", "half", "articles", "quotes", "span P", "span R", "speakers", "places"):
        table.add_column(column, justify="left" if column in ("file", "half") else "right")
    order = [h for h in ("all", "tune", "held back") if h in pooled]
    for half in order:
        for name, halves in per_file.items():
            if half in halves:
                table.add_row(name, half, *_cells(halves[half]))
        table.add_row("[bold]combined[/bold]", f"[bold]{half}[/bold]", *_cells(combined[half]), end_section=True)
    table.caption = f"mentions: {'NER' if use_mentions else 'none'}; articles pooled per half; cross-article matching: run one file"
    Console(width=max(Console().width, 120)).print(table)
    return {"files": per_file, "combined": combined}


def _figures(articles: list[LabelledArticle], found: dict[str, list[Span]]) -> dict:
    system = score(found, articles)
    system["place_speakers"] = place_speakers({a.id: found[a.id] for a in articles})
    system["articles"] = len(articles)
    base_found = {a.id: baseline(a.text) for a in articles}
    base = score(base_found, articles)
    base["place_speakers"] = place_speakers(base_found)
    return {"spans": system, "baseline": base}


def _cells(figures: dict) -> list[str]:
    system, base = figures["spans"], figures["baseline"]
    cells = [str(system["articles"]), str(system["gold"])]
    cells += [f"{system[key]:.3f} / {base[key]:.3f}" for key in ("precision", "recall", "speaker_accuracy")]
    return [*cells, f"{system['place_speakers']} / {base['place_speakers']}"]

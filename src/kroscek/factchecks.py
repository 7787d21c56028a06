"""Published fact-checks as a source kind: the claim checked, its verdict, date and link.

Two forms are read:

- **turnbackhoax-style CSV** (columns ``judul``, ``isi``, ``url``; ``ID`` optional): the title is
  the claim as it circulated, the verdict is the URL slug's first word ("salah-...",
  "belum-terbukti-...", "satire-..."), the date is the URL's ``/YYYY/MM/DD/``, the conclusion is
  what follows "Kesimpulan" in the text; the text itself is kept too (``TEXT_CHARS``), for the
  names a checked claim must find in it.
- **Schema.org ClaimReview** in JSON-LD (``<script type="application/ld+json">`` of an HTML page,
  or a ``.json``/``.jsonld`` file): ``claimReviewed``, ``reviewRating.alternateName``,
  ``datePublished``, ``url``, ``author.name``; inside ``@graph`` and lists too.

Verdicts are normalised to one of ``VERDICTS``; the publisher's own word is kept beside it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

VERDICTS = ("false", "misleading", "missing-context", "true", "satire", "unproven")
CONCLUSION_CHARS = 600  # of the conclusion kept in the store
TEXT_CHARS = 6000  # of the fact-check's own text kept in the store (where a claim's names are looked for)

# the publisher's word (folded, spaces for dashes) -> the normalised verdict; longest phrase first
_VERDICT_WORDS: dict[str, str] = {
    # false
    "salah": "false", "hoaks": "false", "hoax": "false", "false": "false", "palsu": "false", "keliru": "false",
    "fitnah": "false", "disinformasi": "false", "penipuan": "false", "scam": "false", "fake": "false",
    "tidak benar": "false", "pants on fire": "false", "mostly false": "false", "incorrect": "false",
    "wrong": "false", "fabricated": "false",
    # misleading
    "misleading": "misleading", "menyesatkan": "misleading", "sesat": "misleading", "misinformasi": "misleading",
    "partly false": "misleading", "partially false": "misleading", "half true": "misleading",
    "sebagian benar": "misleading", "sebagian salah": "misleading", "distorted": "misleading",
    "manipulated": "misleading", "altered": "misleading",
    # missing context
    "missing context": "missing-context", "kurang konteks": "missing-context", "butuh konteks": "missing-context",
    "konteks": "missing-context", "out of context": "missing-context", "keluar konteks": "missing-context",
    "lacks context": "missing-context", "needs context": "missing-context",
    # true
    "benar": "true", "fakta": "true", "true": "true", "akurat": "true", "correct": "true", "mostly true": "true",
    "accurate": "true",
    # satire
    "satire": "satire", "satir": "satire", "parodi": "satire", "parody": "satire", "humor": "satire",
    # unproven
    "belum terbukti": "unproven", "tidak terbukti": "unproven", "unproven": "unproven", "unverified": "unproven",
    "tanpa bukti": "unproven", "no evidence": "unproven", "unsupported": "unproven", "belum terverifikasi": "unproven",
}
_WORD_ORDER = sorted(_VERDICT_WORDS, key=len, reverse=True)
_DATE_IN_URL = re.compile(r"/(20\d\d|19\d\d)/(\d\d)/(\d\d)/")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class FactCheck:
    """One published fact-check of one claim."""

    id: str
    claim: str  # the claim checked, as it circulated
    verdict: str  # one of VERDICTS, or "" when the publisher's word is not known
    verdict_word: str  # the publisher's own word ("salah", "Pants on Fire")
    published: str | None
    url: str | None
    title: str = ""
    conclusion: str = ""
    publisher: str = ""
    source: str = ""  # the file it was read from
    text: str = ""  # its own text (the post as it circulated, the checking), up to TEXT_CHARS; "" where none is read

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactCheck:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})  # a field stored before it existed: its default


def normalise_verdict(word: str | None) -> str:
    """The normalised verdict of a publisher's word ("SALAH", "Belum Terbukti", "Partly false"),
    "" when none is known. Whole words only: "benar" is not found in "kebenaran"."""
    folded = " " + _SPACES.sub(" ", re.sub(r"[^\w]+", " ", (word or "").casefold())).strip() + " "
    if folded.strip() in _VERDICT_WORDS:
        return _VERDICT_WORDS[folded.strip()]
    if "tidak benar" not in folded and " benar " in folded and " tidak " in folded:
        return ""
    for phrase in _WORD_ORDER:
        if f" {phrase} " in folded:
            return _VERDICT_WORDS[phrase]
    return ""


def verdict_from_url(url: str | None) -> tuple[str, str]:
    """(normalised verdict, word) from a fact-check URL's slug: its first word, or its first two
    ("belum-terbukti-...")."""
    slug = (url or "").rstrip("/").rsplit("/", 1)[-1].casefold()
    words = [w for w in slug.split("-") if w]
    for size in (2, 1):
        phrase = " ".join(words[:size])
        if len(words) >= size and phrase in _VERDICT_WORDS:
            return _VERDICT_WORDS[phrase], phrase
    return "", words[0] if words else ""


def date_from_url(url: str | None) -> str | None:
    match = _DATE_IN_URL.search(url or "")
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else None


def fact_check_id(url: str | None, claim: str) -> str:
    """A content-derived id: the link when there is one, else the claim's words."""
    key = (url or "").strip() or " ".join(claim.casefold().split())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:32]


def _conclusion(text: str) -> str:
    at = text.rfind("Kesimpulan")
    if at < 0:
        return ""
    return " ".join(text[at + len("Kesimpulan"):].split())[:CONCLUSION_CHARS]


def read_turnbackhoax_csv(path: Path | str) -> list[FactCheck]:
    """Fact-checks of a turnbackhoax-style CSV (``judul``, ``isi``, ``url``); ValueError when the
    columns are not there."""
    path = Path(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    found = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = {c.strip().casefold(): c for c in reader.fieldnames or []}
        if not {"judul", "url"} <= set(columns):
            raise ValueError(f"{path.name}: not a fact-check CSV (needs the columns judul and url)")
        for row in reader:
            title = " ".join((row.get(columns["judul"]) or "").split())
            url = (row.get(columns["url"]) or "").strip() or None
            if not title:
                continue
            verdict, word = verdict_from_url(url)
            body = row.get(columns["isi"], "") if "isi" in columns else ""
            found.append(FactCheck(
                id=fact_check_id(url, title), claim=title.strip("“”\"' "), verdict=verdict, verdict_word=word,
                published=date_from_url(url), url=url, title=title, conclusion=_conclusion(body or ""),
                publisher=_site(url), source=str(path), text=" ".join((body or "").split())[:TEXT_CHARS]))
    return found


def _site(url: str | None) -> str:
    match = re.match(r"https?://(?:www\.)?([^/]+)", url or "")
    return match.group(1) if match else ""


class _JsonLd(HTMLParser):
    """The text of every ``<script type="application/ld+json">`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and (dict(attrs).get("type") or "").strip().casefold() == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object in ``data`` (lists and ``@graph`` walked)."""
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "review"):
            if key in data:
                yield from _nodes(data[key])


def _is_claim_review(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] == "ClaimReview" for k in kinds)


def _name(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name", "")
    return str(value or "").strip()


def claim_reviews(data: Any, page_url: str | None = None, source: str = "") -> list[FactCheck]:
    """The ClaimReview objects of parsed JSON-LD."""
    found = []
    for node in _nodes(data):
        if not _is_claim_review(node):
            continue
        claim = " ".join(str(node.get("claimReviewed") or "").split())
        if not claim:
            continue
        rating = node.get("reviewRating") or {}
        rating = rating[0] if isinstance(rating, list) and rating else rating
        word = str(rating.get("alternateName") or rating.get("name") or "").strip() if isinstance(rating, dict) else ""
        url = str(node.get("url") or page_url or "").strip() or None
        published = str(node.get("datePublished") or "").strip()[:10] or date_from_url(url)
        found.append(FactCheck(
            id=fact_check_id(f"{url}#{claim}" if url else None, claim),  # one page may review several claims
            claim=claim, verdict=normalise_verdict(word), verdict_word=word, published=published, url=url,
            title=str(node.get("name") or node.get("headline") or "").strip(), publisher=_name(node.get("author")),
            source=source))
    return found


def read_claim_review_html(html: str, page_url: str | None = None, source: str = "") -> list[FactCheck]:
    """The ClaimReviews of an HTML page's JSON-LD (a malformed block is skipped)."""
    parser = _JsonLd()
    parser.feed(html)
    found = []
    for block in parser.blocks:
        try:
            found += claim_reviews(json.loads(block), page_url, source)
        except json.JSONDecodeError:
            continue
    return found


def read_fact_checks(paths: Iterable[Path | str]) -> tuple[list[FactCheck], list[tuple[str, str]]]:
    """Fact-checks of files and folders (CSV, HTML, JSON-LD): (fact-checks, (path, reason) of what
    was not read)."""
    found: list[FactCheck] = []
    rejected: list[tuple[str, str]] = []
    files: list[Path] = []
    for path in map(Path, paths):
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for path in files:
        suffix = path.suffix.casefold()
        try:
            if suffix == ".csv":
                found += read_turnbackhoax_csv(path)
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if suffix in (".json", ".jsonld"):
                items = claim_reviews(json.loads(text), source=str(path))
            elif suffix in (".html", ".htm"):
                items = read_claim_review_html(text, source=str(path))
            else:
                rejected.append((str(path), "not a fact-check file (CSV, HTML or JSON-LD)"))
                continue
        except (ValueError, OSError, UnicodeDecodeError) as error:
            rejected.append((str(path), str(error)))
            continue
        if items:
            found += items
        else:
            rejected.append((str(path), "no ClaimReview found"))
    return found, rejected

"""Outlet names: one name per outlet, however a record, a dateline or a URL spells it.

A bottom-layer module (it imports nothing else from kroscek), so ingest, analysis, compare, the
report and the web app name outlets the same way:

- ``outlet_name(name, url)``: the record's outlet made canonical, else the outlet of the URL's
  host (a table of known Indonesian and international news sites, then the registrable domain);
- ``outlet_key(name)``: the key two spellings of one outlet share (case and punctuation ignored,
  a known site's domain is its name): "HARIAN MENTARI", "Harian Mentari" and "harian-mentari";
- ``merge_outlets(names)``: the distinct outlets of a list of names, one spelling each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from kroscek.text.fold import name_key

# Registrable domain -> the outlet's name. Subdomains (news.detik.com, m.tribunnews.com) map to it.
KNOWN_HOSTS: dict[str, str] = {
    "detik.com": "detikcom",
    "kompas.com": "Kompas.com",
    "kompas.id": "Kompas",
    "kompas.tv": "Kompas TV",
    "tempo.co": "Tempo",
    "liputan6.com": "Liputan6",
    "cnnindonesia.com": "CNN Indonesia",
    "cnbcindonesia.com": "CNBC Indonesia",
    "antaranews.com": "Antara",
    "republika.co.id": "Republika",
    "kontan.co.id": "Kontan",
    "kapanlagi.com": "KapanLagi",
    "tribunnews.com": "Tribunnews",
    "okezone.com": "Okezone",
    "sindonews.com": "Sindonews",
    "suara.com": "Suara.com",
    "merdeka.com": "Merdeka.com",
    "viva.co.id": "Viva",
    "bisnis.com": "Bisnis.com",
    "kumparan.com": "kumparan",
    "idntimes.com": "IDN Times",
    "jpnn.com": "JPNN",
    "jawapos.com": "Jawa Pos",
    "beritasatu.com": "BeritaSatu",
    "mediaindonesia.com": "Media Indonesia",
    "thejakartapost.com": "The Jakarta Post",
    "jakartaglobe.id": "Jakarta Globe",
    "inews.id": "iNews",
    "tirto.id": "Tirto",
    "katadata.co.id": "Katadata",
    "voaindonesia.com": "VOA Indonesia",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "reuters.com": "Reuters",
    "apnews.com": "AP",
}
# Other spellings of known outlets (their keys), beyond their names and domains.
_ALIASES: dict[str, str] = {
    "detik": "detik.com",
    "antaranews": "antaranews.com",
    "antara news": "antaranews.com",
    "kantor berita antara": "antaranews.com",
    "tempo co": "tempo.co",
    "koran tempo": "tempo.co",
    "cnn": "cnnindonesia.com",
    "cnbc": "cnbcindonesia.com",
    "republika online": "republika.co.id",
    "tribun news": "tribunnews.com",
    "the jakarta post": "thejakartapost.com",
    "jakarta post": "thejakartapost.com",
    "bbc news": "bbc.com",
    "bbc indonesia": "bbc.com",
}
# Second-level suffixes under which a name is registered one level lower (berita.co.id).
_SECOND_LEVEL = {"co", "ac", "go", "or", "sch", "web", "my", "net", "mil", "biz", "desa", "ponpes", "com", "org", "gov", "edu"}
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")


def registrable_domain(host: str) -> str:
    """``news.detik.com`` -> ``detik.com``; ``www.kontan.co.id`` -> ``kontan.co.id``."""
    parts = host.lower().rstrip(".").removeprefix("www.").split(".")
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def host_outlet(url: str | None) -> str | None:
    """The outlet of a URL's site: a known site's name, else its registrable domain."""
    if not url or not isinstance(url, str):
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or not _DOMAIN.match(host):
        return None
    domain = registrable_domain(host)
    return KNOWN_HOSTS.get(domain, domain)


def _known(key: str) -> str | None:
    """A known outlet's name from a name key ("kompas com", "detiknews", "KONTAN.CO.ID")."""
    joined = key.replace(" ", "")
    for domain, name in KNOWN_HOSTS.items():
        if joined in (domain.replace(".", ""), name_key(name).replace(" ", "")):
            return name
    if key in _ALIASES:
        return KNOWN_HOSTS[_ALIASES[key]]
    if re.fullmatch(r"detik[a-z]*(com)?", joined):  # detikNews, detikFinance, detikJatim...
        return KNOWN_HOSTS["detik.com"]
    return None


def outlet_key(name: str | None) -> str:
    """The key shared by every spelling of one outlet ("" for none)."""
    if not name or not name.strip():
        return ""
    return name_key(canonical_outlet(name) or name).replace(" ", "")


def canonical_outlet(name: str | None) -> str | None:
    """One spelling of an outlet's name: a known outlet's name, a site's registrable domain, or the
    name tidied (spaces collapsed; an all-capital name in title case, acronyms kept)."""
    if not name or not isinstance(name, str):
        return None
    tidy = " ".join(name.split()).strip(" -–—|·:,")
    if not tidy:
        return None
    key = name_key(tidy)
    if not key:
        return None
    if known := _known(key):
        return known
    lowered = tidy.lower()
    if _DOMAIN.match(lowered):  # a site written as a name: "HARIANMENTARI.COM", "KabarKini.id"
        domain = registrable_domain(lowered)
        if domain in KNOWN_HOSTS:
            return KNOWN_HOSTS[domain]
        return tidy if tidy != lowered and not tidy.isupper() and domain == lowered else domain  # its own styling kept
    if tidy.isupper() and any(c.isalpha() for c in tidy):
        return " ".join(word if not re.search(r"[AEIOU]", word) else word.capitalize() for word in tidy.split())
    return tidy


def outlet_name(name: str | None, url: str | None = None) -> str | None:
    """An article's outlet: the name it came with, made canonical, else its URL's site."""
    return canonical_outlet(name) or host_outlet(url)


def _plain(name: str) -> bool:
    """All capitals or all small letters: an outlet's own mixed styling ("KabarKini.id") is preferred."""
    return name.isupper() or name.islower()


def merge_outlets(names: Iterable[str | None]) -> list[str]:
    """The distinct outlets among ``names`` (spellings of one outlet merged), sorted case-blind.
    The spelling kept is the canonical one, preferring a mixed-case spelling to an all-capital or
    all-small one."""
    chosen: dict[str, str] = {}
    for name in names:
        canonical = canonical_outlet(name)
        if not canonical:
            continue
        key = outlet_key(canonical)
        held = chosen.get(key)
        if held is None or (_plain(held) and not _plain(canonical)):
            chosen[key] = canonical
    return sorted(chosen.values(), key=str.casefold)

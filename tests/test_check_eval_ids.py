"""The check eval scores one labelling round on its own (``-o ids=c342-c421``)."""

from __future__ import annotations

import pytest

from kroscek.eval.check import id_range, in_range


def test_a_round_is_read_as_a_range_of_ids():
    bounds = id_range("c342-c421")
    assert bounds == (342, 421)
    assert in_range("c342", bounds) and in_range("c421", bounds) and in_range("c400", bounds)
    assert not in_range("c341", bounds) and not in_range("c422", bounds) and not in_range("x350", bounds)
    assert id_range(None) is None and id_range("") is None
    with pytest.raises(ValueError):
        id_range("342-421")

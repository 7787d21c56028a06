"""Connected components, as story matching, claim alignment and quote matching group their items:
scipy's ``DisjointSet`` joins them, and the groups come out in one order (each group in node order,
the groups by their first node), so that every stage lists its groups the same way."""

from __future__ import annotations

from collections.abc import Iterable

from scipy.cluster.hierarchy import DisjointSet


def ordered_subsets(sets: DisjointSet) -> list[list[int]]:
    """The subsets of ``sets``, each sorted, ordered by their first (smallest) node."""
    return sorted((sorted(subset) for subset in sets.subsets()), key=lambda part: part[0])


def components(nodes: Iterable[int], edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected components of a graph, each in node order, ordered by their first node."""
    sets = DisjointSet(nodes)
    for left, right in edges:
        sets.merge(left, right)
    return ordered_subsets(sets)

"""Connected components in the one order every stage lists its groups in."""

from scipy.cluster.hierarchy import DisjointSet

from kroscek.text.graphs import components, ordered_subsets


def test_components_follow_chains_and_keep_lone_nodes_in_node_order():
    # 4-1 and 1-3 chain into one group; 0 and 2 stand alone; 5 and 6 pair up
    assert components(range(7), [(4, 1), (1, 3), (6, 5)]) == [[0], [1, 3, 4], [2], [5, 6]]


def test_ordered_subsets_sorts_each_group_and_the_groups_by_their_first_node():
    sets = DisjointSet([9, 3, 7, 1])
    sets.merge(9, 1)
    sets.merge(7, 3)
    assert ordered_subsets(sets) == [[1, 9], [3, 7]]

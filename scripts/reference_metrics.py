#!/usr/bin/env python3
"""Regenerates tests/fixtures/networkx/*.json: Simpul maps with the metrics networkx
computes for them. The Rust tests read these files and must agree (eigenvector
within 1e-6, everything else within 1e-9).

Eigenvector centrality is Simpul's definition (crates/graph/src/eigenvector.rs),
computed here with numpy's dense symmetric eigensolver: on a connected graph it
is networkx.eigenvector_centrality_numpy (checked below); on a disconnected one
each connected group's principal eigenvector, scaled by sqrt(group size / n), and
0 for a stakeholder with no links.

    pip install networkx numpy scipy && python3 scripts/reference_metrics.py

The stakeholder graph is built as Simpul defines it: undirected, parallel links
collapsed, self-links removed (an nx.Graph from the links, minus self-loops).
"""
import json
import math
import os
import random

import networkx as nx
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "networkx")
KINDS = ["government", "business", "community", "academia", "media", "ngo", "donor", "other"]


def simpul_map(title, nodes, links, strengths=None):
    """nodes: list of ids; links: list of (from, to, directed); strengths: one per link (default 1)."""
    return {
        "format": "simpul-map",
        "version": 1,
        "title": title,
        "stakeholders": [
            {"id": n, "name": n, "kind": KINDS[i % len(KINDS)], "power": 1 + i % 5, "interest": 1 + (i * 3) % 5}
            for i, n in enumerate(nodes)
        ],
        "links": [
            {"id": f"l{k}", "from": a, "to": b, "kind": "partnership", "directed": d,
             "strength": 1 if strengths is None else strengths[k]}
            for k, (a, b, d) in enumerate(links)
        ],
    }


def reference(m):
    g = nx.Graph()
    g.add_nodes_from(s["id"] for s in m["stakeholders"])
    g.add_edges_from((l["from"], l["to"]) for l in m["links"])
    g.remove_edges_from(list(nx.selfloop_edges(g)))
    n = g.number_of_nodes()
    degree = nx.degree_centrality(g)
    betweenness = nx.betweenness_centrality(g, normalized=True)
    closeness = nx.closeness_centrality(g, wf_improved=True)
    eigenvector = exact_eigenvector(g)
    return {
        "metrics": {
            v: {
                "degree": degree[v],
                "betweenness": betweenness[v],
                "closeness": closeness[v],
                "eigenvector": None if eigenvector is None else eigenvector[v],
            }
            for v in g.nodes
        },
        "density": nx.density(g) if n else 0.0,
        "groups": nx.number_connected_components(g) if n else 0,
        "articulation_points": sorted(nx.articulation_points(g)),
        "bridges": sorted(sorted(e) for e in nx.bridges(g)),
        "best_louvain_modularity": best_louvain(m),
    }


def best_louvain(m):
    """The best modularity networkx's Louvain finds over seeds 0-9, on the stakeholder
    graph weighted by link strength (a pair's links add up; self-links left out)."""
    w = nx.Graph()
    w.add_nodes_from(s["id"] for s in m["stakeholders"])
    for l in m["links"]:
        a, b = l["from"], l["to"]
        if a == b:
            continue
        strength = l.get("strength", 1)
        if w.has_edge(a, b):
            w[a][b]["weight"] += strength
        else:
            w.add_edge(a, b, weight=strength)
    if w.number_of_edges() == 0:
        return 0.0
    return max(
        nx.community.modularity(w, nx.community.louvain_communities(w, weight="weight", seed=s), weight="weight")
        for s in range(10)
    )


def exact_eigenvector(g):
    n = g.number_of_nodes()
    values = {v: 0.0 for v in g.nodes}
    for group in nx.connected_components(g):
        if len(group) < 2:
            continue
        nodes = sorted(group, key=list(g.nodes).index)
        a = nx.to_numpy_array(g, nodelist=nodes)
        _, vectors = np.linalg.eigh(a)
        x = vectors[:, -1]
        x = x * np.sign(x.sum())
        x = np.clip(x, 0.0, None)
        x = x / np.linalg.norm(x)
        for v, value in zip(nodes, x):
            values[v] = float(value) * math.sqrt(len(group) / n)
    if n > 2 and nx.is_connected(g):
        numpy_reference = nx.eigenvector_centrality_numpy(g)
        assert all(abs(numpy_reference[v] - values[v]) < 1e-9 for v in g.nodes), "networkx agrees"
    return values


def clustered(sectors, size, degree_in, degree_out, seed):
    """A map in sector clusters as partnerships are: `sectors` groups of `size`,
    each stakeholder with about `degree_in` links inside its sector and `degree_out`
    outside."""
    p_in = degree_in / (size - 1)
    p_out = degree_out / (size * (sectors - 1))
    g = nx.planted_partition_graph(sectors, size, p_in, p_out, seed=seed)
    # One connected map, as the maps are: its largest group.
    return g.subgraph(max(nx.connected_components(g), key=len)).copy()


def from_graph(title, g, strengths_seed=None):
    ids = {v: f"n{v}" if isinstance(v, int) else str(v) for v in g.nodes}
    edges = list(g.edges)
    strengths = None
    if strengths_seed is not None:
        rng = random.Random(strengths_seed)
        strengths = [rng.randint(1, 3) for _ in edges]
    return simpul_map(title, [ids[v] for v in g.nodes], [(ids[a], ids[b], False) for a, b in edges], strengths)


def cases():
    yield "karate-club", from_graph("Zachary's karate club", nx.karate_club_graph())
    yield "florentine-families", from_graph("Padgett's Florentine families", nx.florentine_families_graph())
    yield "les-miserables", from_graph("Les Misérables", nx.les_miserables_graph())
    yield "empty", simpul_map("Empty", [], [])
    yield "one-stakeholder", simpul_map("One", ["solo"], [("solo", "solo", False)])
    yield "two-stakeholders", simpul_map("Two", ["a", "b"], [("a", "b", True)])
    yield "isolated-and-groups", simpul_map(
        "Groups and isolated stakeholders",
        ["a", "b", "c", "d", "e", "f", "g", "lonely"],
        [("a", "b", False), ("b", "c", True), ("c", "a", False), ("d", "e", False), ("e", "f", True), ("f", "g", False)],
    )
    yield "self-and-parallel-links", simpul_map(
        "Self-links and parallel links",
        ["a", "b", "c", "d"],
        [("a", "a", False), ("a", "b", True), ("b", "a", True), ("a", "b", False), ("b", "c", False),
         ("c", "d", True), ("d", "c", False), ("d", "d", True)],
    )
    yield "star", from_graph("Star", nx.star_graph(9))
    yield "path", from_graph("Path", nx.path_graph(12))
    rng = random.Random(7)
    yield "random-sparse", from_graph("Sparse random", nx.gnp_random_graph(60, 0.04, seed=rng.randint(0, 10**6)))
    yield "random-clustered", from_graph(
        "Clustered random", nx.planted_partition_graph(5, 12, 0.4, 0.02, seed=rng.randint(0, 10**6))
    )
    women = nx.bipartite.projected_graph(nx.davis_southern_women_graph(), nx.bipartite.sets(nx.davis_southern_women_graph())[0])
    yield "davis-southern-women", from_graph("Davis' southern women, projected", nx.convert_node_labels_to_integers(women))
    yield "clustered-500", from_graph("500 in sector clusters", nx.convert_node_labels_to_integers(clustered(20, 25, 11, 1, 11)), strengths_seed=3)
    yield "weighted-clustered", from_graph("Clustered, weighted", nx.planted_partition_graph(6, 10, 0.5, 0.05, seed=5), strengths_seed=9)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, m in cases():
        with open(os.path.join(OUT, f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump({"map": m, "expected": reference(m), "networkx": nx.__version__}, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"wrote {name}")


if __name__ == "__main__":
    main()

"""Co-occurrence networks: draw the edge table of :func:`fazhi.textstat_cooccurrence`, or write it
for Gephi.

The graph is built with networkx: nodes = the terms (size by ``count``, the units containing the
term), edges = the table's rows (width by the measure), communities by Louvain modularity
(``networkx.community.louvain_communities`` with a fixed seed), positions by a spring layout with
the same seed, so a re-run draws the same picture.

>>> edges = fazhi.textstat_cooccurrence(corpus, n=60)                  # doctest: +SKIP
>>> fazhi.textplot_network(edges)                                      # doctest: +SKIP
>>> fazhi.write_network(edges, "共现网络.gexf")                          # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fazhi.textplot import _empty, _figure, _message, _mpl, _named, _note

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_EDGE_COLUMNS = ("term_a", "term_b", "count", "count_a", "count_b")
_MEASURES = ("jaccard", "dice", "pmi")
_FORMATS = {".gexf": "GEXF", ".graphml": "GraphML"}


def _group_rows(edges: pd.DataFrame, group=None) -> tuple[pd.DataFrame, str]:
    """The rows of one group of a table made with ``by`` (``group``, else the first group) and a
    note naming it; the table itself when it has no group column."""
    extra = [c for c in edges.columns if c not in (*_EDGE_COLUMNS, *_MEASURES, "rank")]
    if not extra or not len(edges):
        return edges, ""
    col = extra[0]
    values = list(dict.fromkeys(edges[col].tolist()))
    pick = values[0] if group is None else group
    rows = edges[edges[col].astype(str) == str(pick)]
    note = f"{col} = {pick}" + (f"（共 {len(values)} 组，可用 group= 选另一组）"
                                if len(values) > 1 else "")
    return rows, note


def network_graph(edges: pd.DataFrame, *, n: int | None = None, measure: str | None = None,
                  seed: int = 1, group=None) -> nx.Graph:
    """The networkx graph of an edge table (its first ``n`` rows; one group of a table made with
    ``by``): node attributes ``count`` (units containing the term) and ``community`` (0 = the
    largest Louvain community), edge attributes count, jaccard, dice, pmi and ``weight`` (the
    ``measure``, default the table's; kept above 0 for the community search).

    >>> network_graph(edges).nodes["行政复议"]                 # doctest: +SKIP
    {'count': 20, 'community': 0}
    """
    import networkx as nx

    rows, _note_text = _group_rows(edges, group)
    if n:
        rows = rows.head(n)
    measure = measure or edges.attrs.get("measure", "jaccard")
    g = nx.Graph()
    counts: dict[str, int] = {}
    for a, b, ca, cb in zip(rows["term_a"], rows["term_b"], rows["count_a"], rows["count_b"],
                            strict=True):
        counts[str(a)] = int(ca)
        counts[str(b)] = int(cb)
    for term in sorted(counts, key=lambda t: (-counts[t], t)):
        g.add_node(term, count=counts[term])
    for row in rows.to_dict("records"):
        attrs = {"count": int(row["count"])}
        attrs.update({m: float(row[m]) for m in _MEASURES if m in row})
        attrs["weight"] = max(float(row.get(measure, row["count"])), 1e-6)
        g.add_edge(str(row["term_a"]), str(row["term_b"]), **attrs)
    for i, members in enumerate(_communities(g, seed)):
        for term in members:
            g.nodes[term]["community"] = i
    return g


def _communities(g: nx.Graph, seed: int) -> list[list[str]]:
    """Louvain communities (seeded), largest first, ties by their most frequent term."""
    import networkx as nx

    if not g.number_of_nodes():
        return []
    found = nx.community.louvain_communities(g, weight="weight", seed=seed)
    order = {t: i for i, t in enumerate(g.nodes)}
    groups = [sorted(c, key=order.__getitem__) for c in found]
    return sorted(groups, key=lambda c: (-len(c), order[c[0]]))


def network_layout(g: nx.Graph, seed: int = 1) -> dict[str, tuple[float, float]]:
    """Node positions: each connected component laid out by networkx's spring layout with a fixed
    ``seed`` (scaled by the square root of its size), the components packed in rows, largest
    first, so small islands are not squashed into dots. Same graph and seed, same picture."""
    import networkx as nx

    order = {t: i for i, t in enumerate(g.nodes)}
    comps = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(g)),
                   key=lambda c: (-len(c), order[c[0]]))
    pad = 1.4  # between components, in layout units (room for a long label)
    boxes = []
    for comp in comps:
        if len(comp) <= 2:  # a single node or a pair: side by side
            pos = {t: (0.7 * (2 * i - len(comp) + 1), 0.0) for i, t in enumerate(comp)}
        else:
            pos = nx.spring_layout(g.subgraph(comp), seed=seed, weight="weight",
                                   k=1.2 / len(comp) ** 0.5, iterations=200,
                                   scale=len(comp) ** 0.5)
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        boxes.append((comp, pos, min(xs), max(ys), max(xs) - min(xs) + pad,
                      max(ys) - min(ys) + pad))
    width = max([b[4] for b in boxes] + [1.6 * sum(b[4] * b[5] for b in boxes) ** 0.5])
    out: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for comp, pos, x0, y1, w, h in boxes:
        if x > 0 and x + w > width * 1.05:
            x, y, row_h = 0.0, y - row_h, 0.0
        for t in comp:
            px, py = pos[t]
            out[t] = (float(x + pad / 2 + px - x0), float(y - pad / 2 - (y1 - py)))
        x += w
        row_h = max(row_h, h)
    return out


@_named
def textplot_network(edges: pd.DataFrame, *, n: int | None = 60, seed: int = 1,
                     measure: str | None = None, group=None, title: str | None = None,
                     figsize: tuple[float, float] = (10, 8), ax: Axes | None = None) -> Figure:
    """The co-occurrence network of an edge table (:func:`fazhi.textstat_cooccurrence`): its
    first ``n`` edges, node size by ``count`` (units containing the term), node colour by
    community, edge width by ``measure`` (default the table's). Deterministic for a ``seed``.
    A table made with ``by`` draws one group (``group``, default the first). An empty table
    draws its ``attrs["message"]``.

    >>> textplot_network(textstat_cooccurrence(corpus), n=40)          # doctest: +SKIP
    """
    fig, ax = _figure(ax, figsize)
    measure = measure or edges.attrs.get("measure", "jaccard")
    g = network_graph(edges, n=n, measure=measure, seed=seed, group=group)
    if not g.number_of_edges():
        _empty(ax, _message(edges) or "没有共现的词对")
        return fig
    _draw(ax, g, network_layout(g, seed), measure)
    unit = "句" if edges.attrs.get("window") is None else f"{edges.attrs['window']} 词窗口"
    ax.set_title(_mpl(title or f"共现网络（{g.number_of_nodes()} 个词，{g.number_of_edges()} 条边；"
                               f"同{unit}共现，按 {measure} 排序）"), fontsize=12)
    _rows, note = _group_rows(edges, group)
    n_comm = len({c for _t, c in g.nodes(data="community")})
    _note(fig, "；".join(x for x in (note, f"颜色 = {n_comm} 个社区（Louvain），"
                                           f"点大小 = 含该词的单元数，线宽 = {measure}") if x))
    return fig


def _draw(ax, g: nx.Graph, pos: dict, measure: str) -> None:
    import matplotlib as mpl
    import numpy as np

    nodes = list(g.nodes)
    counts = np.array([g.nodes[t]["count"] for t in nodes], dtype=float)
    sizes = 60 + 640 * np.sqrt(counts / counts.max())
    cmap = mpl.colormaps["tab20"]
    colours = [cmap(g.nodes[t]["community"] % 20) for t in nodes]
    w = np.array([d[measure] if measure in d else d["weight"] for _a, _b, d in g.edges(data=True)])
    span = w.max() - w.min()
    widths = 0.6 + 4.4 * ((w - w.min()) / span if span > 0 else np.ones_like(w))
    for (a, b), lw in zip(g.edges, widths, strict=True):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        ax.plot([xa, xb], [ya, yb], color="#888888", linewidth=float(lw), alpha=0.55, zorder=1)
    xy = np.array([pos[t] for t in nodes])
    ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=colours, edgecolors="white", linewidths=1.0,
               zorder=2)
    for t, (x, y) in zip(nodes, xy, strict=True):
        ax.text(x, y, _mpl(t), ha="center", va="center", fontsize=8, zorder=3,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6})
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.08)


def write_network(edges: pd.DataFrame, path: str | Path, *, n: int | None = None, seed: int = 1,
                  measure: str | None = None, group=None) -> Path:
    """Write the network of an edge table for Gephi: GEXF (``.gexf``) or GraphML (``.graphml``),
    chosen by the suffix. Node attributes ``count`` and ``community``; edge attributes count,
    jaccard, dice, pmi, weight (see :func:`network_graph`). An empty table writes an empty graph.

    >>> write_network(textstat_cooccurrence(corpus), "共现网络.graphml")   # doctest: +SKIP
    """
    import networkx as nx

    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path.name}: 扩展名须为 .gexf 或 .graphml / the suffix must be .gexf "
                         f"or .graphml")
    g = network_graph(edges, n=n, measure=measure, seed=seed, group=group)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "GEXF":
        nx.write_gexf(g, path)
    else:
        nx.write_graphml(g, path)
    return path

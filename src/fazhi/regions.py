"""Regions: the places reports come from, as units rather than names.

A region is a unit, not a name: 鼓楼区 is in 福州, 南京, 徐州 and 开封, 城关镇 in hundreds of
counties. A region of a level is keyed by its name and the names of its parents (a district by
province, city, district; a town also by its district), "" for a parent the gazetteer could not
tell. Its label is the bare name when the corpus holds no other unit of that name, else the name
qualified by the nearest parents that tell the namesakes apart: 鼓楼区（福州市）, 东湖街道（福州市鼓楼区）.
Reports whose name is known but whose parents are not (an ambiguous name) form their own region
under the bare name: never merged into a placed namesake.

>>> [r.label for r in regions(corpus.docs, "district")]            # doctest: +SKIP
['鼓楼区（南京市）', '鼓楼区（福州市）', '鼓楼区', '马尾区']
>>> gz = select_region(corpus, "district", "鼓楼区（福州市）")          # doctest: +SKIP
>>> fazhi.textstat_themes(with_regions(corpus, "district"), by="region")   # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fazhi.vocab import REGION_LABELS, REGION_LEVELS, UNKNOWN, RegionLevel, is_unknown, label

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from fazhi.corpus import Corpus

Level = RegionLevel
LEVELS = REGION_LEVELS
LEVEL_LABELS = REGION_LABELS


# the parents of a region at each level, from the top
PARENTS: dict[str, tuple[str, ...]] = {"province": (), "city": ("province",),
                                       "district": ("province", "city"),
                                       "town": ("province", "city", "district")}
# the document column :func:`with_regions` adds: the label of each report's region
REGION_COLUMN = "region"
# a label qualified by parents: 鼓楼区（福州市）
_QUALIFIED = re.compile(r"(?P<name>[^（）()]+)[（(](?P<parents>[^（）()]+)[）)]")

RegionKey = tuple[str, ...]
# the fewest parents that qualify a name shared by several regions, by key length (4: a town)
_MIN_QUALIFIER = {4: 2}


@dataclass(frozen=True)
class Region:
    """One region of a level: ``key`` (province … name, "" for an unknown parent), ``label``
    (readable and unique in the corpus), ``place`` (the full name: 福建省福州市鼓楼区), reports."""

    level: str
    key: RegionKey
    label: str
    place: str
    n_docs: int

    @property
    def name(self) -> str:
        """The name at the level: 鼓楼区."""
        return self.key[-1]

    @property
    def placed(self) -> bool:
        """Whether any parent is known (False: an ambiguous name, e.g. 鼓楼区 alone)."""
        return any(self.key[:-1])


def _name(value) -> str:
    return "" if is_unknown(value) else str(value).strip()


def region_names(docs: pd.DataFrame, level: Level) -> list[str]:
    """The name of each report's region at ``level`` (stripped), or "" when unknown. Names are
    not regions (see :func:`region_keys`)."""
    _check_level(level)
    if level not in docs:
        return [""] * len(docs)
    return [_name(v) for v in docs[level]]


def region_keys(docs: pd.DataFrame, level: Level) -> list[RegionKey | None]:
    """The region of each report at ``level`` as its key, or None when the name is unknown:
    ``("福建省", "福州市", "鼓楼区")``; ``("", "", "鼓楼区")`` when its parents are unknown."""
    names = region_names(docs, level)
    cols = [[_name(v) for v in docs[c]] if c in docs else [""] * len(docs)
            for c in PARENTS[level]]
    return [(*parents, name) if name else None
            for name, *parents in zip(names, *cols, strict=True)]


def region_place(key: RegionKey) -> str:
    """The full name of a region from its key: ``region_place(("重庆市", "重庆市", "黔江区")) ==
    "重庆市黔江区"`` (a municipality is its own city); unknown parents are left out."""
    parts: list[str] = []
    for p in key:
        if p and (not parts or parts[-1] != p):
            parts.append(p)
    return "".join(parts)


def _qualifier(key: RegionKey, depth: int) -> str:
    """The ``depth`` nearest known parents of ``key``, outer first: 福州市 / 福州市鼓楼区."""
    parents: list[str] = []
    for p in reversed(key[:-1]):
        if p and (not parents or parents[-1] != p):
            parents.append(p)
    return "".join(reversed(parents[:depth]))


def region_labels_of(keys) -> dict[RegionKey, str]:
    """A readable label, unique among ``keys``, for each region key: the bare name unless another
    key has the same name; then the name with the fewest nearest parents that tell them apart
    (鼓楼区（福州市）, 鼓楼区（南京市）; a town at least with city and district: 东街街道（福州市鼓楼区）);
    a key without known parents keeps the bare name."""
    by_name: dict[str, list[RegionKey]] = {}
    for k in dict.fromkeys(k for k in keys if k):
        by_name.setdefault(k[-1], []).append(k)
    out: dict[RegionKey, str] = {}
    for name, ks in by_name.items():
        placed = [k for k in ks if any(k[:-1])]
        for k in ks:
            out[k] = name
        if len(ks) == 1 or not placed:
            continue
        # a town is shown with its district and city (district names repeat: 鼓楼区, 新华区)
        first = _MIN_QUALIFIER.get(len(ks[0]), 1)
        for depth in range(first, len(ks[0])):
            quals = [_qualifier(k, depth) for k in placed]
            if len(set(quals)) == len(quals):
                break
        else:  # e.g. 重庆市/重庆市 and 重庆市/(unknown city): show every parent slot
            quals = ["·".join(p or "不明" for p in k[:-1]) for k in placed]
        for k, q in zip(placed, quals, strict=True):
            out[k] = f"{name}（{q}）"
    return out


def region_order(key: RegionKey) -> tuple:
    """Province → city → … order, a region with an unknown parent after its placed namesakes."""
    return tuple((p == "", p) for p in key)


def _regions_of(keys: list[RegionKey | None], level: str) -> list[Region]:
    counts: dict[RegionKey, int] = {}
    for k in keys:
        if k:
            counts[k] = counts.get(k, 0) + 1
    labels_ = region_labels_of(counts)
    return [Region(level, k, labels_[k], region_place(k), counts[k])
            for k in sorted(counts, key=region_order)]


def regions(docs: pd.DataFrame, level: Level) -> list[Region]:
    """The regions of ``level`` that have reports, in province → city → … order.

    >>> [r.label for r in regions(corpus.docs, "district")]  # doctest: +SKIP
    ['鼓楼区（南京市）', '鼓楼区（福州市）', '鼓楼区', '马尾区']
    """
    return _regions_of(region_keys(docs, level), level)


def region_labels(docs: pd.DataFrame, level: Level) -> list[str]:
    """The label of each report's region at ``level`` (鼓楼区（福州市）), "" when unknown."""
    keys = region_keys(docs, level)
    labels_ = {r.key: r.label for r in _regions_of(keys, level)}
    return [labels_[k] if k else "" for k in keys]


def region_values(corpus: Corpus, level: Level) -> list[str]:
    """The labels of the regions of ``level`` in the corpus, province → city → … (unknown left out).

    >>> region_values(corpus, "province")  # doctest: +SKIP
    ['广东省', '福建省', '重庆市']
    """
    return [r.label for r in regions(corpus.docs, level)]


def find_regions(found: list[Region], region: str) -> list[Region]:
    """The regions ``region`` names: a label (鼓楼区（福州市）, or 鼓楼区 where that name is one
    region), a full name (福建省福州市鼓楼区), or a name with a parent (鼓楼区（福州市）) when exactly
    one region fits. A name shared by several regions names none of them: []."""
    want = _name(region)
    if not want:
        return []
    for attr in ("label", "place"):
        hit = [r for r in found if getattr(r, attr) == want]
        if hit:
            return hit
    m = _QUALIFIED.fullmatch(want)
    if m:
        name, parents = m.group("name").strip(), m.group("parents").strip()
        hit = [r for r in found if r.name == name and r.placed and
               parents in region_place(r.key[:-1])]
        if len(hit) == 1:
            return hit
    return []


def region_label(corpus: Corpus, level: Level, region: str) -> str:
    """The label of the region ``region`` names (a full name or a label: 福建省福州市鼓楼区 →
    鼓楼区（福州市） when the corpus holds another 鼓楼区), or ``region`` itself when it names none."""
    hit = find_regions(regions(corpus.docs, level), region)
    return hit[0].label if hit else str(region).strip()


def with_regions(corpus: Corpus, level: Level, *, column: str = REGION_COLUMN) -> Corpus:
    """The corpus with a document column ``region``: the label of each report's region at
    ``level`` (NA when unknown), so that any ``textstat_*(…, by="region")`` keeps namesakes apart.

    >>> fazhi.textstat_themes(with_regions(corpus, "district"), by="region")  # doctest: +SKIP
    """
    import pandas as pd

    docs = corpus.docvars  # the fields only: a store's texts stay unread
    values = [lab or None for lab in region_labels(docs, level)]
    try:
        col = pd.array(values, dtype=docs[level].dtype)
    except (KeyError, TypeError, ValueError):
        col = pd.array(values, dtype="string")
    return corpus.assign(**{column: col})


def unplaced(docs: pd.DataFrame, level: Level) -> pd.DataFrame:
    """The reports that have no region at ``level``, with the reason: file, title, place, reason.

    A report placed only above that level says so (a county's own report has no town).
    >>> unplaced(corpus.docs, "province")["reason"].tolist()  # doctest: +SKIP
    ['省不明（匿名报告）']
    """
    import pandas as pd

    names = region_names(docs, level)
    rows = []
    for rec, name in zip(docs.to_dict("records"), names, strict=True):
        if name:
            continue
        where = place(rec)
        reason = f"{LEVEL_LABELS[level]}不明"
        if where != UNKNOWN:
            reason += f"（已知地区：{where}）"
        elif not is_unknown(rec.get("anonymised")) and bool(rec.get("anonymised")):
            reason += "（匿名报告）"
        rows.append({"file": str(rec.get("file", "")), "title": label(rec.get("title")),
                     "place": where, "reason": reason})
    return pd.DataFrame(rows, columns=["file", "title", "place", "reason"])


def _check_level(level: str) -> None:
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")


def select_region(corpus: Corpus, level: Level, region: str) -> Corpus:
    """The reports of one region (see :func:`find_regions` for what ``region`` may be); possibly
    empty. Same-named units are different regions: 鼓楼区（福州市） is not 鼓楼区（南京市）.

    >>> gd = select_region(corpus, "province", "广东省")  # doctest: +SKIP
    >>> fz = select_region(corpus, "district", "鼓楼区（福州市）")  # doctest: +SKIP
    """
    return corpus.subset(region_mask(corpus.docs, level, region).to_numpy())


def region_mask(docs: pd.DataFrame, level: Level, region: str):
    """Boolean Series: which rows of ``docs`` belong to the region (names compared stripped). An
    unknown region ("", （不明）) is no region, nor is a name several regions share: they select
    nothing."""
    import pandas as pd

    keys = region_keys(docs, level)
    hit = {r.key for r in find_regions(_regions_of(keys, level), region)}
    return pd.Series([k in hit for k in keys], index=docs.index, dtype=bool)



def region_query(level: Level, region: str, docs: pd.DataFrame | None = None) -> str:
    """A pandas query string selecting the region (for ``textstat_keyness`` targets). With
    ``docs``: exactly that region's reports (``doc_id in [...]``), namesakes kept apart; without,
    a query on the name only (``district == '鼓楼区'``), which merges same-named units."""
    _check_level(level)
    if docs is None:
        return f"{level} == {_name(region)!r}"
    ids = docs.loc[region_mask(docs, level, region), "doc_id"].astype(str).tolist()
    return f"doc_id in {ids!r}"



def place(row) -> str:
    """The place of a report (a docs row as a dict) from province to town, or （不明）:
    ``place({"province": "重庆市", "city": "重庆市", "district": "黔江区", "town": "蓬东乡"})
    == "重庆市黔江区蓬东乡"``."""
    parts = [str(row.get(k)).strip() for k in ("province", "city", "district", "town")
             if not is_unknown(row.get(k))]
    return "".join(dict.fromkeys(parts)) or UNKNOWN


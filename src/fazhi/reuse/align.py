"""Aligning one pair of reports: seed matches grown into passages that survive editing.

On the class texts of two reports (numbers and their own place names already classes,
:mod:`fazhi.reuse.text`):

1. **Seeds.** Every shared fingerprint is an anchor; each is extended left and right into a
   maximal exact match (exact comparison: a hash collision cannot make a match).
2. **Local alignment around the seeds** (the seed-and-extend of BLAST, as textreuse, passim and
   TRACER use it): two matches that follow each other in both reports with at most ``max_gap``
   characters between them in each (a changed word, an inserted 认真, a deleted 进一步) are one
   passage; so are two matches separated only by place names of the gazetteer in both (宝泉乡、
   上营乡 → 柴维乡、中心站街道, however long). A passage's ends grow over such a gap when at least
   ``SEED`` (6) identical characters follow in both reports, and over a place name at its very
   start or end. A gap may hold a paragraph break in one report only (paragraphs joined or split
   by the copier); crossing one needs ``STUB`` (12) identical characters after it, and a passage
   never ends in a short stub past a paragraph break (一是 after the copied paragraph in both).
3. **Reordered sentences.** The pieces found are grouped: pieces close (``GROUP_GAP``) in one
   report or the other are one case when together they cover at least ``COVER`` (75 %) of the
   passage they span in both reports; otherwise the group is cut at its widest uncovered gap. A
   passage whose sentences were shuffled is then one case with its true boundaries in both
   reports. Pieces that claim the same text twice (a paragraph that one report repeats) are never
   one case.
4. **A sentence left out or put in.** In each report the widest hole of a case does not count
   against its coverage when it may be one sentence (at most ``SENTENCE_GAP``, 100 characters:
   longer than 96 % of the sentences in the sample and realistic reports) with ``min_length`` matched characters on
   each side; pieces that follow each other in both reports with at most a sentence between them
   in each (a sentence replaced) are candidates for one case too. So a copy that leaves out a
   sentence, or puts one of its own in, is one case (its edits name the sentence, see
   :mod:`fazhi.reuse.edits`); two copied passages with more than a sentence between them stay two.

>>> a = "为扎实推进法治政府建设亭江镇党委政府成立了以党委书记为组长的领导小组全年调处矛盾纠纷"
>>> b = "为扎实推进法治政府建设西联镇党委政府认真成立了以党委书记为组长的领导小组全年调处矛盾纠纷"
>>> [p[:4] for p in align(a, b, [(0, 0), (30, 32)], k=10, min_length=20, max_gap=10)]
[(0, 42, 0, 44)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from fazhi.reuse.text import PLACE

SEED = 6          # identical characters that let a passage grow over a gap
STUB = 12         # identical characters a passage needs past a paragraph break
GROUP_GAP = 30    # pieces at most this far apart in one report may be one reordered passage
COVER = 0.75      # ... when they cover this share of the passage they span, in both reports
OUTSIDE_SEED = 14  # shortest run found around a passage that may widen it in both reports ...
NEAR = 15          # ... unless it is this close to it in both
SENTENCE_GAP = 100  # longest hole inside one passage: a sentence left out or put in by the copier
NAME_GAP = 40     # longest run of place names bridged between two matches
MAX_FRAGMENTS = 400  # a pair with more pieces than this is not grouped (quadratic)
JOINERS = frozenset("和及与等")

Piece = tuple[int, int, int, int]          # sa, ea, sb, eb: an exact match
Aligned = tuple[int, int, int, int, list, bool]   # sa, ea, sb, eb, pieces, reordered


@lru_cache(maxsize=1)
def gazetteer_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Place names of the gazetteer (3+ characters, or a two-character 县), normalised, and the
    characters they end and start with."""
    from fazhi.gazetteer import load_gazetteer

    names = frozenset(n for n in load_gazetteer().index
                      if len(n) >= 3 or (len(n) == 2 and n.endswith("县")))
    return names, frozenset(n[-1] for n in names), frozenset(n[0] for n in names)


def _name_at(s: str, i: int) -> int:
    """Length of a place name (or the class character) starting at ``s[i]``, else 0."""
    if i >= len(s):
        return 0
    if s[i] == PLACE:
        return 1
    names, finals, firsts = gazetteer_names()
    if s[i] not in firsts:
        return 0
    for n in range(min(8, len(s) - i), 1, -1):
        if s[i + n - 1] in finals and s[i:i + n] in names:
            return n
    return 0


def _name_before(s: str, i: int) -> int:
    """Length of a place name (or the class character) ending at ``s[i - 1]``, else 0."""
    if i <= 0:
        return 0
    if s[i - 1] == PLACE:
        return 1
    names, finals, _ = gazetteer_names()
    if s[i - 1] not in finals:
        return 0
    for n in range(min(8, i), 1, -1):
        if s[i - n:i] in names:
            return n
    return 0


def _names_at(s: str, i: int) -> int:
    """Length of a run of place names (and 和/及/与/等 between them) starting at ``s[i]``."""
    n = 0
    while True:
        m = _name_at(s, i + n)
        if not m:
            return n
        n += m
        while i + n < len(s) and s[i + n] in JOINERS and _name_at(s, i + n + 1):
            n += 1


def _names_before(s: str, i: int) -> int:
    """Length of a run of place names ending at ``s[i - 1]``."""
    n = 0
    while True:
        m = _name_before(s, i - n)
        if not m:
            return n
        n += m
        while i - n > 0 and s[i - n - 1] in JOINERS and _name_before(s, i - n - 1):
            n += 1


def names_only(s: str) -> bool:
    """Whether ``s`` is made only of place names (and 和/及/与/等 between them).

    >>> names_only("宝泉乡上营乡和亭江镇"), names_only("宝泉乡党委")
    (True, False)
    """
    i, found = 0, False
    while i < len(s):
        if s[i] in JOINERS:
            i += 1
            continue
        n = _name_at(s, i)
        if not n:
            return False
        i += n
        found = True
    return found


# ---------------------------------------------------------------- exact matches


def extend_right(a: str, b: str, i: int, j: int) -> int:
    """Largest ``n`` with ``a[i:i+n] == b[j:j+n]`` (galloping over C-level slice comparisons)."""
    n_max = min(len(a) - i, len(b) - j)
    lo, step = 0, 16
    while True:
        hi = min(lo + step, n_max)
        if a[i + lo:i + hi] != b[j + lo:j + hi]:
            break
        lo = hi
        if lo == n_max:
            return lo
        step *= 2
    while hi - lo > 1:  # a[i:i+lo] == b[j:j+lo], a[i:i+hi] != b[j:j+hi]
        mid = (lo + hi) // 2
        if a[i + lo:i + mid] == b[j + lo:j + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def extend_left(a: str, b: str, i: int, j: int) -> int:
    """Largest ``n`` with ``a[i-n:i] == b[j-n:j]``."""
    n_max = min(i, j)
    lo, step = 0, 16
    while True:
        hi = min(lo + step, n_max)
        if a[i - hi:i - lo] != b[j - hi:j - lo]:
            break
        lo = hi
        if lo == n_max:
            return lo
        step *= 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[i - mid:i - lo] == b[j - mid:j - lo]:
            lo = mid
        else:
            hi = mid
    return lo


def exact_matches(a: str, b: str, anchors: Iterable[tuple[int, int]], k: int) -> list[Piece]:
    """Maximal exact matches grown from the anchors (given sorted by diagonal, then position),
    without line breaks at their ends."""
    out = []
    diag, end = None, -1
    for xa, xb in anchors:
        d = xa - xb
        if d == diag and xa < end:
            continue  # inside the match already grown on this diagonal
        if a[xa:xa + k] != b[xb:xb + k]:
            continue  # hash collision
        left = extend_left(a, b, xa, xb)
        right = extend_right(a, b, xa + k, xb + k)
        sa, ea = xa - left, xa + k + right
        while sa < ea and a[sa] == "\n":
            sa += 1
        while ea > sa and a[ea - 1] == "\n":
            ea -= 1
        diag, end = d, xa + k + right
        if ea - sa >= k:
            out.append((sa, ea, sa - d, ea - d))
    return out


# ---------------------------------------------------------------- chaining and growing


def _bridgeable(a: str, b: str, cur: list, m: Piece, max_gap: int) -> bool:
    """Whether match ``m`` continues fragment ``cur`` over the gap between them."""
    ga, gb = m[0] - cur[1], m[2] - cur[3]
    if ga < -max_gap or gb < -max_gap or m[1] <= cur[1] or m[3] <= cur[3]:
        return False
    if ga <= max_gap and gb <= max_gap:
        return True
    if ga > NAME_GAP or gb > NAME_GAP:
        return False
    # a run of place names in both (one shared character of a suffix may sit on either side)
    for da in (0, 1, 2):
        for db in (0, 1, 2):
            x = a[cur[1] - da:m[0] + db] if da <= cur[1] - cur[0] else ""
            y = b[cur[3] - da:m[2] + db] if da <= cur[3] - cur[2] else ""
            if x and y and names_only(x.replace("\n", "")) and names_only(y.replace("\n", "")):
                return True
    return False


def chain(matches: list[Piece], a: str, b: str, *, max_gap: int) -> list[list]:
    """Fragments ``[sa, ea, sb, eb, pieces]``: matches that follow each other in both reports over
    small gaps (or runs of place names) joined."""
    frags: list[list] = []
    for m in sorted(matches):
        for cur in reversed(frags[-4:]):
            if _bridgeable(a, b, cur, m, max_gap):
                shift = max(cur[1] - m[0], cur[3] - m[2], 0)
                if m[1] - m[0] > shift:
                    cur[4].append((m[0] + shift, m[1], m[2] + shift, m[3]))
                cur[1], cur[3] = m[1], m[3]
                break
        else:
            frags.append([m[0], m[1], m[2], m[3], [m]])
    return frags


def _at_break(s: str, i: int) -> bool:
    return i <= 0 or i >= len(s) or s[i] == "\n" or s[i - 1] == "\n"


def _names_right(a: str, b: str, f: list, max_gap: int, seed: int) -> bool:
    """Grow ``f`` to the right over place names: a run of them within ``max_gap`` characters of its
    end in both reports, followed by ``seed`` identical characters or a paragraph end in both."""
    ea, eb = f[1], f[3]
    for ga in range(max_gap + 1):
        la = _names_at(a, ea + ga)
        if not la:
            continue
        for gb in range(max_gap + 1):
            lb = _names_at(b, eb + gb)
            if not lb:
                continue
            na, nb = ea + ga + la, eb + gb + lb
            if "\n" in a[ea:na] or "\n" in b[eb:nb]:
                continue
            n = extend_right(a, b, na, nb)
            if n >= seed or (_at_break(a, na + n) and _at_break(b, nb + n)):
                f[1], f[3] = na + n, nb + n
                if n:
                    f[4].append((na, na + n, nb, nb + n))
                return True
    return False


def _names_left(a: str, b: str, f: list, max_gap: int, seed: int) -> bool:
    """As :func:`_names_right`, to the left."""
    sa, sb = f[0], f[2]
    for ga in range(max_gap + 1):
        la = _names_before(a, sa - ga)
        if not la:
            continue
        for gb in range(max_gap + 1):
            lb = _names_before(b, sb - gb)
            if not lb:
                continue
            na, nb = sa - ga - la, sb - gb - lb
            if "\n" in a[na:sa] or "\n" in b[nb:sb]:
                continue
            n = extend_left(a, b, na, nb)
            if n >= seed or (_at_break(a, na - n) and _at_break(b, nb - n)):
                f[0], f[2] = na - n, nb - n
                if n:
                    f[4].append((na - n, na, nb - n, nb))
                return True
    return False


def grow_right(a: str, b: str, f: list, max_gap: int, seed: int = SEED) -> bool:
    """Grow fragment ``f`` to the right once (see the module docstring); True if it grew."""
    ea, eb = f[1], f[3]
    for ga in range(max_gap + 1):
        i = ea + ga
        piece = a[i:i + seed]
        if len(piece) < seed:
            break
        if "\n" in piece:
            continue
        j = b.find(piece, eb, eb + max_gap + seed)
        if j < 0:
            continue
        n = seed + extend_right(a, b, i + seed, j + seed)
        if n < STUB and ("\n" in a[ea:i] or "\n" in b[eb:j]):
            continue
        f[1], f[3] = i + n, j + n
        f[4].append((i, i + n, j, j + n))
        return True
    return _names_right(a, b, f, max_gap, seed)


def grow_left(a: str, b: str, f: list, max_gap: int, seed: int = SEED) -> bool:
    """As :func:`grow_right`, to the left."""
    sa, sb = f[0], f[2]
    for ga in range(max_gap + 1):
        i = sa - ga
        if i - seed < 0:
            break
        piece = a[i - seed:i]
        if "\n" in piece:
            continue
        j = b.rfind(piece, max(0, sb - max_gap - seed), sb)
        if j < 0:
            continue
        n = seed + extend_left(a, b, i - seed, j)
        if n < STUB and ("\n" in a[i:sa] or "\n" in b[j + seed:sb]):
            continue
        f[0], f[2] = i - n, j + seed - n
        f[4].append((i - n, i, j + seed - n, j + seed))
        return True
    return _names_left(a, b, f, max_gap, seed)


def _trim_tail(a: str, b: str, f: list, stub: int) -> None:
    """Drop a tail of fewer than ``stub`` characters past a paragraph break."""
    pieces = sorted(f[4])
    tail = 0
    for idx in range(len(pieces) - 1, -1, -1):
        sa, ea, sb, eb = pieces[idx]
        br = a.rfind("\n", sa, ea)
        if br >= 0:
            tail += ea - br - 1
            if tail < stub:
                pieces = pieces[:idx] + ([(sa, br, sb, sb + br - sa)] if br > sa else [])
                break
            return
        tail += ea - sa
        if tail >= stub:
            return
        if idx and ("\n" in a[pieces[idx - 1][1]:sa] or "\n" in b[pieces[idx - 1][3]:sb]):
            pieces = pieces[:idx]
            break
    else:
        return
    if pieces:
        f[4] = pieces
        f[1], f[3] = pieces[-1][1], pieces[-1][3]


def _trim_head(a: str, b: str, f: list, stub: int) -> None:
    """Drop a head of fewer than ``stub`` characters before a paragraph break."""
    pieces = sorted(f[4])
    head = 0
    for idx in range(len(pieces)):
        sa, ea, sb, eb = pieces[idx]
        br = a.find("\n", sa, ea)
        if br >= 0:
            head += br - sa
            if head < stub:
                pieces = ([(br + 1, ea, sb + br + 1 - sa, eb)] if br + 1 < ea else []) + pieces[idx + 1:]
                break
            return
        head += ea - sa
        if head >= stub:
            return
        if idx + 1 < len(pieces) and ("\n" in a[ea:pieces[idx + 1][0]]
                                      or "\n" in b[eb:pieces[idx + 1][2]]):
            pieces = pieces[idx + 1:]
            break
    else:
        return
    if pieces:
        f[4] = pieces
        f[0], f[2] = pieces[0][0], pieces[0][2]


def _strip_breaks(a: str, b: str, f: list) -> None:
    while f[0] < f[1] and a[f[0]] == "\n":
        f[0] += 1
    while f[1] > f[0] and a[f[1] - 1] == "\n":
        f[1] -= 1
    while f[2] < f[3] and b[f[2]] == "\n":
        f[2] += 1
    while f[3] > f[2] and b[f[3] - 1] == "\n":
        f[3] -= 1


# ---------------------------------------------------------------- grouping


def _overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    return min(e1, e2) - max(s1, s2)


def _conflict(f: list, g: list) -> bool:
    """Two fragments that claim the same text of one report (a repeated paragraph)."""
    ova = _overlap(f[0], f[1], g[0], g[1])
    ovb = _overlap(f[2], f[3], g[2], g[3])
    return (ova > 0 and 2 * ova > min(f[1] - f[0], g[1] - g[0])) or \
        (ovb > 0 and 2 * ovb > min(f[3] - f[2], g[3] - g[2]))


def _merge_overlapping(frags: list[list]) -> list[list]:
    """Fragments that overlap in both reports are one (a sweep over report a)."""
    out: list[list] = []
    active: list[list] = []
    for f in sorted(frags, key=lambda f: (f[0], f[2])):
        active = [g for g in active if g[1] > f[0]]
        for g in active:
            if f[2] < g[3] and g[2] < f[3]:
                g[0], g[1] = min(g[0], f[0]), max(g[1], f[1])
                g[2], g[3] = min(g[2], f[2]), max(g[3], f[3])
                g[4] = g[4] + f[4]
                break
        else:
            out.append(f)
            active.append(f)
    return out


def _near_pairs(frags: list[list], gap: int) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of fragments at most ``gap`` apart (or overlapping) in
    report a or in report b (sweeps over each report; no all-pairs loop)."""
    out: set[tuple[int, int]] = set()
    for s, e in ((0, 1), (2, 3)):
        order = sorted(range(len(frags)), key=lambda i: frags[i][s])
        for x, i in enumerate(order):
            reach = frags[i][e] + gap
            for j in order[x + 1:]:
                if frags[j][s] > reach:
                    break
                out.add((i, j) if i < j else (j, i))
    return out


def _intervals(spans: list[tuple[int, int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def _coverage(ivs: list[list[int]]) -> float:
    hull = ivs[-1][1] - ivs[0][0]
    return sum(e - s for s, e in ivs) / hull if hull > 0 else 1.0


def _components(frags: list[list], gap: int, flank: int = 0) -> tuple[list[list[list]], bool]:
    """Connected fragments (near in one report or the other, or, with ``flank``, one sentence
    apart in both in the same order; not claiming the same text), and whether any two of them
    claim the same text."""
    n = len(frags)
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    conflicts = False
    near = _near_pairs(frags, gap)
    if flank > 0:
        near |= _in_order_pairs(frags, SENTENCE_GAP)
    for i, j in sorted(near):
        if _conflict(frags[i], frags[j]):
            conflicts = True
        else:
            parent[find(i)] = find(j)
    comps: dict[int, list] = {}
    for i in range(n):
        comps.setdefault(find(i), []).append(frags[i])
    return list(comps.values()), conflicts


def _in_order_pairs(frags: list[list], gap: int) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of fragments that follow each other in both reports with
    at most ``gap`` characters between them in each (a sentence replaced by another)."""
    out: set[tuple[int, int]] = set()
    order = sorted(range(len(frags)), key=lambda i: frags[i][0])
    for x, i in enumerate(order):
        f = frags[i]
        for j in order[x + 1:]:
            g = frags[j]
            if g[0] > f[1] + gap:
                break
            if g[0] >= f[1] and f[3] <= g[2] <= f[3] + gap:
                out.add((i, j) if i < j else (j, i))
    return out


def _holds(ivs: list[list[int]], cover: float, flank: int) -> bool:
    """Whether intervals (sorted, disjoint) cover ``cover`` of the span they make, the widest
    hole left out when it may be one sentence left out or put in by the copier: at most
    ``SENTENCE_GAP`` characters, with ``flank`` or more covered characters on each side."""
    if _coverage(ivs) >= cover:
        return True
    if len(ivs) < 2 or flank <= 0:
        return False
    hole, i = max((ivs[x + 1][0] - ivs[x][1], x) for x in range(len(ivs) - 1))
    if hole > SENTENCE_GAP:
        return False
    left = sum(e - s for s, e in ivs[:i + 1])
    right = sum(e - s for s, e in ivs[i + 1:])
    return min(left, right) >= flank and \
        (left + right) / (ivs[-1][1] - ivs[0][0] - hole) >= cover


def _split(frags: list[list], gap: int, cover: float, conflicts: bool,
           flank: int) -> list[list[list]]:
    if len(frags) == 1:
        return [frags]
    if conflicts and any(_conflict(frags[i], frags[j]) for i, j in _near_pairs(frags, 0)):
        keep: list[list] = []
        rest: list[list] = []
        for f in sorted(frags, key=lambda f: (f[0] - f[1], f[0])):
            (rest if any(_conflict(f, g) for g in keep) else keep).append(f)
        return group(keep, gap=gap, cover=cover, flank=flank) + \
            group(rest, gap=gap, cover=cover, flank=flank)
    iva = _intervals([(f[0], f[1]) for f in frags])
    ivb = _intervals([(f[2], f[3]) for f in frags])
    if _holds(iva, cover, flank) and _holds(ivb, cover, flank):
        return [frags]
    best = None
    for side, ivs in ((0, iva), (2, ivb)):
        for (_s1, e1), (s2, _e2) in zip(ivs, ivs[1:], strict=False):
            if best is None or s2 - e1 > best[0]:
                best = (s2 - e1, side, e1)
    _, side, cut = best
    left = [f for f in frags if f[side + 1] <= cut]
    right = [f for f in frags if f[side + 1] > cut]
    return group(left, gap=gap, cover=cover, flank=flank) + \
        group(right, gap=gap, cover=cover, flank=flank)


def group(frags: list[list], *, gap: int = GROUP_GAP, cover: float = COVER,
          flank: int = 0) -> list[list[list]]:
    """Fragments grouped into cases (see the module docstring); ``flank`` > 0: a hole of one
    sentence between ``flank`` matched characters on each side is bridged."""
    if len(frags) <= 1:
        return [frags] if frags else []
    if len(frags) > MAX_FRAGMENTS:
        return [[f] for f in frags]
    out = []
    comps, conflicts = _components(frags, gap, flank)
    for comp in comps:
        out += _split(comp, gap, cover, conflicts and len(comp) > 1, flank)
    return out


# ---------------------------------------------------------------- one pair


def _reordered(pieces: list[Piece]) -> bool:
    """Whether the pieces (sorted in report a) come in another order in report b."""
    last = -1
    for _sa, _ea, sb, eb in pieces:
        if eb <= last:
            return True
        last = max(last, sb)
    return False


def _fragments(matches: list[Piece], a: str, b: str, *, k: int, max_gap: int) -> list[list]:
    """Matches chained, grown and trimmed into fragments (those overlapping in both merged)."""
    frags = chain(matches, a, b, max_gap=max_gap)
    for f in frags:
        if max_gap > 0:
            while grow_right(a, b, f, max_gap):
                pass
            while grow_left(a, b, f, max_gap):
                pass
        _trim_tail(a, b, f, STUB)
        _trim_head(a, b, f, STUB)
        _strip_breaks(a, b, f)
    return _merge_overlapping([f for f in frags if f[1] - f[0] >= k and f[3] - f[2] >= k])


def _labelled_groups(frags: list[list], template, min_length: int) -> list[tuple[bool, list[list]]]:
    """The template fragments (each alone: boilerplate needs no reassembly) and the groups of
    the others; a fragment shorter than ``min_length`` is too short to tell and goes with the
    others."""
    if template is None:
        return [(False, g) for g in group(frags, flank=min_length)]
    others, templates = [], []
    for f in frags:
        (templates if f[1] - f[0] >= min_length and template(f[0], f[1]) else others).append(f)
    return [(True, [f]) for f in templates] + [(False, g) for g in group(others, flank=min_length)]


def _whole(s: str, span: tuple[int, int]) -> bool:
    """Whether ``s[span]`` starts and ends at paragraph breaks (or the ends of the text)."""
    return (span[0] == 0 or s[span[0] - 1] == "\n") and (span[1] >= len(s) or s[span[1]] == "\n")


def window_matches(a: str, b: str, wa: tuple[int, int], wb: tuple[int, int], q: int,
                   known: list[Piece]) -> list[tuple[int, int]]:
    """Anchors ``(i, j)`` of the ``q``-grams shared by ``a[wa]`` and ``b[wb]`` outside the known
    pieces in both reports (sorted by diagonal): the short sentences of a reordered passage that
    no fingerprint caught."""
    grams: dict[str, list[int]] = {}
    for j in range(max(0, wb[0]), min(len(b), wb[1]) - q + 1):
        g = b[j:j + q]
        if "\n" not in g:
            grams.setdefault(g, []).append(j)
    if not grams:
        return []
    out = []
    for i in range(max(0, wa[0]), min(len(a), wa[1]) - q + 1):
        hits = grams.get(a[i:i + q])
        if not hits:
            continue
        if any(x <= i < y for x, y, _, _ in known):
            continue  # text of a already aligned: a repeated phrase, not a moved sentence
        for j in hits[:4]:
            if not any(sx <= j < sy for _, _, sx, sy in known):
                out.append((i, j))
    out.sort(key=lambda t: (t[0] - t[1], t[0]))
    return out


def align(a: str, b: str, anchors: Iterable[tuple[int, int]], *, k: int, min_length: int,
          max_gap: int, template: Callable[[int, int], bool] | None = None,
          refine: int = 3) -> list[Aligned]:
    """The passages shared by class texts ``a`` and ``b`` (anchors: positions of shared
    fingerprints, sorted by diagonal then position): ``(sa, ea, sb, eb, pieces, reordered)``,
    sorted by ``sa``; each at least ``min_length`` characters (line breaks not counted) in both.

    ``template(sa, ea)``: whether a piece of ``a`` is boilerplate; a template piece is never
    grouped with a piece that is not (a slogan next to a copied sentence stays apart). Around
    each group that is not a template, ``refine`` rounds look for shorter shared runs
    (``SEED`` characters and more) within ``GROUP_GAP`` characters of it in both reports, and
    regroup."""
    matches = exact_matches(a, b, anchors, k)
    if not matches:
        return []
    frags = _fragments(matches, a, b, k=k, max_gap=max_gap)
    groups = _labelled_groups(frags, template, min_length)
    for _ in range(refine if max_gap > 0 else 0):
        found: set[Piece] = set()
        for is_template, g in groups:
            if is_template:
                continue
            pieces = [p for f in g for p in f[4]]
            ha = (min(f[0] for f in g), max(f[1] for f in g))
            hb = (min(f[2] for f in g), max(f[3] for f in g))
            if _whole(a, ha) and _whole(b, hb):
                continue  # whole paragraphs in both: no sentence of them is elsewhere
            wa, wb = (ha[0] - GROUP_GAP, ha[1] + GROUP_GAP), (hb[0] - GROUP_GAP, hb[1] + GROUP_GAP)
            for m in exact_matches(a, b, window_matches(a, b, wa, wb, SEED, pieces), SEED):
                # a short run that would widen the passage in both reports is more likely a
                # common phrase of the neighbouring text than a moved sentence
                inside = (ha[0] <= m[0] and m[1] <= ha[1]) or (hb[0] <= m[2] and m[3] <= hb[1])
                near = max(ha[0] - m[1], m[0] - ha[1]) <= NEAR and \
                    max(hb[0] - m[3], m[2] - hb[1]) <= NEAR
                if inside or near or m[1] - m[0] >= OUTSIDE_SEED:
                    found.add(m)
        found.difference_update(matches)
        if not found:
            break
        matches = sorted(set(matches) | found)
        frags = _fragments(matches, a, b, k=SEED, max_gap=max_gap)
        groups = _labelled_groups(frags, template, min_length)
    out: list[list] = []
    for _t, g in groups:
        pieces = sorted(p for f in g for p in f[4])
        sa, ea = min(f[0] for f in g), max(f[1] for f in g)
        sb, eb = min(f[2] for f in g), max(f[3] for f in g)
        if ea - sa - a.count("\n", sa, ea) < min_length or eb - sb - b.count("\n", sb, eb) < min_length:
            continue
        out.append([sa, ea, sb, eb, pieces, _reordered(pieces)])
    # a passage inside another one in both reports is not listed again
    out.sort(key=lambda p: (p[0] - p[1], p[0]))
    keep: list[list] = []
    for p in out:
        if not any(o[0] <= p[0] and p[1] <= o[1] and o[2] <= p[2] and p[3] <= o[3] for o in keep):
            keep.append(p)
    keep.sort()
    return [tuple(p) for p in keep]

"""Domain knowledge as versioned data: user dictionary, stopwords, boilerplate, aliases, units.

The files live in ``fazhi/data/`` (UTF-8, ``#`` starts a comment line, BOM and CRLF accepted):

- ``userdict.txt``: jieba's format, ``word [freq] [pos]`` separated by spaces, e.g. ``法律顾问 20000 nz``;
- ``stopwords.txt``: general function words, one per line (的, 了, 和 ...);
- ``boilerplate.txt``: report boilerplate, one per line (进一步, 切实, 加强 ...);
- ``aliases.tsv``: ``variant<TAB>canonical[<TAB>anonymised]``; rows marked ``anonymised`` apply only
  to documents flagged anonymised (``A法治思想`` -> ``习近平法治思想``);
- ``units.txt``: counting units kept with their number (``209件``, ``2021年``);
- ``compound_heads.tsv``: ``head<TAB>kind[<TAB>note]``, institutional heads that a term directly
  before them joins into one token (述法 + 会议 -> ``述法会议``; see :mod:`fazhi.tokens`); a user row
  of kind ``删除`` removes a package head.

Users add their own files of the same names in a folder (``load_lexicon("my_lexicon/")``). A malformed
line raises :class:`LexiconError` naming the file and the line. A loaded lexicon remembers where it
came from (``Lexicon.folder``, ``Lexicon.origin``) and is saved with the corpus store built with it
(``Lexicon.to_dict`` / ``Lexicon.from_dict``), so every reader of that store filters with it.

>>> lex = load_lexicon()                      # doctest: +SKIP
>>> "法律顾问" in {w for w, _, _ in lex.userdict}  # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from fazhi.read import TABLE_COLUMNS, data_path, read_lines, read_rows

FILES = ("userdict.txt", "stopwords.txt", "boilerplate.txt", "aliases.tsv", "units.txt",
         "compound_heads.tsv")
ALIAS_CONDITIONS = ("", "anonymised")
# kinds of compound_heads.tsv: ordinary heads, the linker, glued tokens (head+rest), removal
HEAD_KINDS = ("机构", "文件", "制度", "活动", "比率", "连接", "拆分", "删除")


class LexiconError(ValueError):
    """A malformed lexicon line; the message names the file and the line number."""


@dataclass(frozen=True)
class Lexicon:
    """A loaded lexicon. ``version`` changes whenever any of its files change.

    ``aliases`` apply to every document, ``anonymised_aliases`` only to documents flagged anonymised.
    ``folder``: the user lexicon folder added to the package lexicon (absolute), None for the
    package lexicon alone. ``compound_heads``: ``(head, kind)`` rows of ``compound_heads.tsv``.
    """

    userdict: tuple[tuple[str, int | None, str | None], ...] = ()
    stopwords: frozenset[str] = frozenset()
    boilerplate: frozenset[str] = frozenset()
    aliases: dict[str, str] = field(default_factory=dict)
    version: str = "0"
    anonymised_aliases: dict[str, str] = field(default_factory=dict)
    units: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    folder: str | None = None
    compound_heads: tuple[tuple[str, str], ...] = ()

    @property
    def origin(self) -> str:
        """Where the lexicon came from, for provenance: the package, or the package plus a folder.

        >>> load_lexicon().origin                 # doctest: +SKIP
        '软件包词库 / package lexicon 0.1.0 (a1b2c3d4e5f6)'
        """
        from fazhi import __version__

        if self.folder is None:
            return f"软件包词库 / package lexicon {__version__} ({self.version})"
        return f"软件包词库 + 用户词库 / package + user lexicon {self.folder} ({self.version})"

    def to_dict(self) -> dict:
        """The lexicon as plain JSON-able values (lists sorted: equal lexicons give equal dicts)."""
        return {"version": self.version, "folder": self.folder,
                "userdict": [list(e) for e in self.userdict],
                "stopwords": sorted(self.stopwords), "boilerplate": sorted(self.boilerplate),
                "aliases": dict(self.aliases), "anonymised_aliases": dict(self.anonymised_aliases),
                "units": list(self.units), "sources": list(self.sources),
                "compound_heads": [list(h) for h in self.compound_heads]}

    @classmethod
    def from_dict(cls, d: dict) -> Lexicon:
        """The lexicon of :meth:`to_dict`'s output."""
        return cls(userdict=tuple((w, f, p) for w, f, p in d.get("userdict", ())),
                   stopwords=frozenset(d.get("stopwords", ())),
                   boilerplate=frozenset(d.get("boilerplate", ())),
                   aliases=dict(d.get("aliases") or {}), version=str(d.get("version", "0")),
                   anonymised_aliases=dict(d.get("anonymised_aliases") or {}),
                   units=tuple(d.get("units", ())), sources=tuple(d.get("sources", ())),
                   folder=d.get("folder"),
                   compound_heads=tuple((h, k) for h, k in d.get("compound_heads", ())))


def parse_userdict(path: Path, data: bytes) -> list[tuple[str, int | None, str | None]]:
    """Entries ``(word, freq, pos)`` of a jieba user dictionary; ``freq``/``pos`` may be None."""
    entries = []
    for no, s in read_lines(path, data, error=LexiconError):
        parts = s.split()
        word, freq, pos = parts[0], None, None
        rest = parts[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest and rest[0].isascii() and rest[0].isalpha():
            pos = rest.pop(0)
        if rest or len(parts) > 3 or (freq is not None and freq <= 0):
            raise LexiconError(f"{path}:{no}: 词典行格式应为“词 [词频] [词性]” / expected "
                               f"'word [freq] [pos]', got {s!r}")
        entries.append((word, freq, pos))
    return entries


def parse_wordlist(path: Path, data: bytes) -> list[str]:
    """Words of a one-word-per-line list (stopwords, boilerplate, units)."""
    words = []
    for no, s in read_lines(path, data, error=LexiconError):
        if len(s.split()) != 1:
            raise LexiconError(f"{path}:{no}: 每行一个词 / one word per line, got {s!r}")
        words.append(s)
    return words


def parse_aliases(path: Path, data: bytes) -> list[tuple[str, str, str]]:
    """Rows ``(variant, canonical, condition)`` of an alias table; condition is "" or "anonymised"."""
    rows = []
    rows_read = read_rows(path, TABLE_COLUMNS["aliases.tsv"], data=data, error=LexiconError,
                          form="variant<TAB>canonical[<TAB>anonymised]")
    for no, (variant, canonical, cond) in rows_read:
        if not variant or not canonical or cond not in ALIAS_CONDITIONS:
            raise LexiconError(f"{path}:{no}: 别名表行格式应为“异写<TAB>规范词[<TAB>anonymised]” / "
                               f"expected 'variant<TAB>canonical[<TAB>anonymised]', got "
                               f"{[variant, canonical, cond]}")
        rows.append((variant, canonical, cond))
    return rows


def parse_heads(path: Path, data: bytes) -> list[tuple[str, str]]:
    """Rows ``(head, kind)`` of a compound heads table (``会议<TAB>活动<TAB>述法会议``)."""
    rows = []
    for no, (head, kind, _note) in read_rows(path, (2, 3), data=data, error=LexiconError,
                                             form="head<TAB>kind[<TAB>note]"):
        parts = head.split("+")
        if (not head or kind not in HEAD_KINDS or any(not p or p.isspace() for p in parts)
                or len(parts) != (2 if kind == "拆分" else 1) or len(head.split()) != 1):
            raise LexiconError(f"{path}:{no}: 复合词中心语表行格式应为“中心语<TAB>类别[<TAB>说明]”，"
                               f"类别为 {'/'.join(HEAD_KINDS)}（拆分写作 率+达） / expected "
                               f"'head<TAB>kind[<TAB>note]', got {[head, kind]}")
        rows.append((head, kind))
    return rows


def _sources(extra: str | Path | None) -> list[Path]:
    paths = [data_path(n) for n in FILES]
    if extra is not None:
        folder = Path(extra)
        if not folder.is_dir():
            raise LexiconError(f"{folder}: 不是词库文件夹 / not a lexicon folder")
        found = [folder / n for n in FILES if (folder / n).is_file()]
        if not found:
            raise LexiconError(f"{folder}: 没有词库文件 / none of {', '.join(FILES)} found")
        paths += found
    return paths


def load_lexicon(extra: str | Path | None = None) -> Lexicon:
    """The package lexicon plus the user files in the folder ``extra`` (same file names and formats).

    >>> load_lexicon().aliases["机治"]          # doctest: +SKIP
    '机制'
    """
    userdict: dict[str, tuple[str, int | None, str | None]] = {}
    lists: dict[str, list[str]] = {"stopwords.txt": [], "boilerplate.txt": [], "units.txt": []}
    aliases: dict[str, str] = {}
    anon: dict[str, str] = {}
    heads: dict[str, str] = {}
    digest = hashlib.sha1()
    paths = _sources(extra)
    for path in paths:
        data = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + data + b"\0")
        if path.name == "userdict.txt":
            for entry in parse_userdict(path, data):
                userdict[entry[0]] = entry
        elif path.name == "aliases.tsv":
            for variant, canonical, cond in parse_aliases(path, data):
                (anon if cond == "anonymised" else aliases)[variant] = canonical
        elif path.name == "compound_heads.tsv":
            for head, kind in parse_heads(path, data):
                heads.pop(head, None)
                if kind != "删除":
                    heads[head] = kind
        else:
            lists[path.name] += parse_wordlist(path, data)
    return Lexicon(
        userdict=tuple(userdict.values()),
        stopwords=frozenset(lists["stopwords.txt"]),
        boilerplate=frozenset(lists["boilerplate.txt"]),
        aliases=aliases,
        version=digest.hexdigest()[:12],
        anonymised_aliases=anon,
        units=tuple(dict.fromkeys(lists["units.txt"])),
        sources=tuple(str(p) for p in paths),
        folder=None if extra is None else str(Path(extra).resolve()),
        compound_heads=tuple(heads.items()),
    )

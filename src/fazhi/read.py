"""Read stage: find report files and turn bytes into text, recording the encoding found.

Never modifies the files it reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt",)


@dataclass(frozen=True)
class RawText:
    """The text of one file as decoded, with how it was decoded."""

    path: Path
    text: str
    encoding: str
    format: str


class ReadError(ValueError):
    """A file that cannot be read as a report; the message says why, for people."""


def find_files(path: str | Path) -> Iterator[Path]:
    """Report files under ``path`` (a file or a folder walked recursively), hidden ones skipped."""
    root = Path(path)
    if root.is_file():
        yield root
        return
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_file() and p.suffix.lower() in SUFFIXES:
            yield p


def read_file(path: str | Path) -> RawText:
    """Decode one file. Raises :class:`ReadError` with a one-line reason."""
    p = Path(path)
    data = p.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ReadError("无法识别文本编码 / cannot detect the text encoding")
    if not text.strip():
        raise ReadError("空文件 / empty file")
    return RawText(p, text, enc, p.suffix.lower().lstrip("."))

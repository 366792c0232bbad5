"""Writing files so that a reader never sees half of one (:func:`atomic_write`), and file-name
parts that cannot leave their folder (:func:`safe_name`).

Every file the package writes (store tables, the store's ``CURRENT`` pointer, memo results, pages,
exported tables, caches) goes through :func:`atomic_write`: the content is written to a temporary
file next to the target (same folder, so the rename never crosses file systems) and renamed over
it with :func:`os.replace`. A writer that fails leaves the old file as it was and no temporary file.

>>> atomic_write("报告/索引.html", "<p>法治政府建设</p>")                 # doctest: +SKIP
PosixPath('报告/索引.html')
>>> atomic_write("表.xlsx", lambda tmp: df.to_excel(tmp, index=False))  # doctest: +SKIP
PosixPath('表.xlsx')
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import uuid
from collections.abc import Callable
from pathlib import Path

# what a file-name part may hold (safe_name): word characters, CJK, dots, dashes, brackets
_UNSAFE = re.compile(r"[^\w\u3400-\u9fff\uf900-\ufaff.\-（）()·]+", re.U)
_DOTS = re.compile(r"\.{2,}")
_UNDERSCORES = re.compile(r"_+")
_MAX_NAME_BYTES = 90

TMP_MARK = ".tmp"  # temporary files are named ".<name>.<pid>-<random>.tmp<suffix>"


def temp_path(path: str | Path) -> Path:
    """A fresh temporary name next to ``path``, hidden, keeping its suffix (writers such as
    ``DataFrame.to_excel`` choose the format by the suffix).

    >>> temp_path("out/关键词.csv").name                                  # doctest: +SKIP
    '.关键词.csv.4242-1a2b3c4d.tmp.csv'
    """
    p = Path(path)
    return p.with_name(f".{p.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{TMP_MARK}{p.suffix}")


def atomic_write(path: str | Path, data: str | bytes | Callable[[Path], object], *,
                 encoding: str = "utf-8", fsync: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; return ``path``.

    ``data``: text (written with ``encoding``, newlines as given), bytes, or a callback that
    receives the temporary path and writes the file there (its return value is ignored).
    ``fsync``: flush the file to disk before the rename (for a pointer that must survive a crash).
    The folder must exist. On any error the temporary file is removed, ``path`` keeps its old
    content, and the error propagates.

    >>> atomic_write(Path("CURRENT"), "20240101T000000-abcdef\\n", fsync=True)   # doctest: +SKIP
    PosixPath('CURRENT')
    """
    path = Path(path)
    tmp = temp_path(path)
    try:
        if callable(data):
            data(tmp)
            if not tmp.exists():
                raise FileNotFoundError(f"{path}: 写入函数没有写出文件 / the writer wrote no "
                                        f"file at {tmp}")
        else:
            payload = data.encode(encoding) if isinstance(data, str) else bytes(data)
            with open(tmp, "wb") as fh:
                fh.write(payload)
        if fsync:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def safe_name(name: str, *, max_bytes: int = _MAX_NAME_BYTES) -> str:
    """A file-name part for ``name`` that cannot leave its folder.

    Separators, ``..``, control and reserved characters become ``_``; long names are cut (by UTF-8
    bytes). A name changed in any way gets a short hash of the original, so distinct names never
    collide after sanitising.

    >>> safe_name("广东省")
    '广东省'
    >>> safe_name("../etc/passwd")[:11]
    'etc_passwd-'
    """
    norm = unicodedata.normalize("NFC", name)
    slug = "".join(ch if unicodedata.category(ch)[0] != "C" else "_" for ch in norm)
    slug = _UNSAFE.sub("_", slug)
    slug = _DOTS.sub("_", slug)
    slug = _UNDERSCORES.sub("_", slug).strip("._ -") or "_"
    cut = slug.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")
    if cut != name:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        cut = f"{cut}-{digest}"
    return cut

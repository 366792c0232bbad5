"""Read stage: find report files and turn bytes into text, recording the encoding found.

Formats: ``.txt``, ``.html``/``.htm`` (the main text block of a web page, not its navigation),
``.docx`` (paragraphs and tables) and ``.pdf`` (text layer). Encodings: BOMs (UTF-8/16/32), strict
UTF-8, then GB18030 (a superset of GBK/GB2312) when the result is plausible Chinese (mostly frequent
characters), else the most plausible of Big5 and charset-normalizer's guess. Line endings CRLF/CR become LF.

Never modifies the files it reads; bad input raises :class:`ReadError` with a one-line reason.

>>> read_file("data/raw/2021-chongqing-qianjiang-pengdong.txt").encoding   # doctest: +SKIP
'utf-8'
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from fazhi.patterns import HEADING_START, IS_CJK

Format = Literal["txt", "html", "docx", "pdf"]
SUFFIXES: dict[str, Format] = {".txt": "txt", ".html": "html", ".htm": "html",
                               ".docx": "docx", ".pdf": "pdf"}

MIN_CJK = 20  # fewer Chinese characters than this: not a report

_CJK = IS_CJK
_NEWLINE_CHARS = "\r\u2028\u2029\x85\x0b\x0c"
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# control bytes that never occur in text files (NUL aside, handled separately)
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


@dataclass(frozen=True)
class RawText:
    """The text of one file as decoded, with how it was decoded.

    ``page``: for a web page, what the main-text extraction leaves out but the meta stage needs
    (see :func:`html_page`): ``meta:SiteName``, ``meta:PubDate`` … (the ``<meta>`` tags listed
    in ``page_labels.tsv``), ``title`` (the ``<title>``), ``breadcrumb``, ``head`` (the lines
    just before the main block: title, 来源/发布时间 line) and ``foot`` (the page's last lines
    after it: 主办, 网站标识码). ``{}`` for txt, docx and pdf.
    """

    path: Path
    text: str
    encoding: str
    format: str
    page: dict[str, str] = field(default_factory=dict, hash=False, repr=False)


class ReadError(ValueError):
    """A file that cannot be read as a report; the message says why, for people."""


def count_cjk(text: str, *, limit: int | None = None) -> int:
    """Number of Chinese characters (stop counting at ``limit``). ``count_cjk("法治 2020")`` -> 2."""
    n = 0
    for _ in _CJK.finditer(text):
        n += 1
        if limit is not None and n >= limit:
            break
    return n


def find_files(path: str | Path) -> Iterator[Path]:
    """Report files under ``path`` (a file or a folder walked recursively), hidden ones skipped.

    Entries with a report suffix that are not regular readable files (a broken symlink, a folder
    named ``x.txt``) are yielded too, so that they are reported as rejected rather than lost.
    """
    root = Path(path)
    if not root.is_dir():
        yield root
        return
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.suffix.lower() not in SUFFIXES:
            continue
        if p.is_dir() and any(True for _ in p.iterdir()):
            continue  # a folder with content is walked, not read
        yield p


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes of a text file; return (text, encoding). Raises :class:`ReadError`.

    >>> decode_bytes("法治政府".encode("gb18030"))
    ('法治政府', 'gb18030')
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ReadError(f"编码错误（{enc}）/ invalid {enc} text: {exc.reason}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    head = data[:65536]
    if b"\x00" in head or sum(head.count(b) for b in _BINARY_BYTES) > len(head) / 100:
        guess = _utf16_without_bom(data)
        if guess:
            return guess
        raise ReadError("二进制文件，不是文本 / binary file, not text")
    candidates: list[tuple[str, str]] = []
    try:
        text = data.decode("gb18030")
        if plausibility(text) >= 0.8:
            return text, "gb18030"
        candidates.append((text, "gb18030"))
    except UnicodeDecodeError:
        pass
    try:
        candidates.append((data.decode("big5"), "big5"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only for unusual files

    best = from_bytes(data).best()
    if best is not None:
        candidates.append((str(best), best.encoding))
    if not candidates:
        raise ReadError("无法识别文本编码 / cannot detect the text encoding")
    return max(candidates, key=lambda c: plausibility(c[0]))


@cache
def _is_common(ch: str) -> bool:
    """A frequent Chinese character: GB2312 level 1 (simplified) or Big5 level 1 (traditional)."""
    for enc, lo, hi in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
        try:
            if lo <= ch.encode(enc)[0] <= hi:
                return True
        except UnicodeEncodeError:
            pass
    return False


def plausibility(text: str, *, sample: int = 5000) -> float:
    """Share of frequent characters among the Chinese characters of ``text`` (1.0 for real
    Chinese, about 0.5 or less for text decoded with the wrong codec; 0.0 without Chinese).

    ``plausibility("法治政府建设")`` -> 1.0.
    """
    n = common = 0
    for m in _CJK.finditer(text):
        n += 1
        common += _is_common(m.group())
        if n >= sample:
            break
    return common / n if n else 0.0


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM (many NULs at odd or even positions), else None."""
    found = []
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if count_cjk(text, limit=MIN_CJK) >= MIN_CJK and "\x00" not in text:
            found.append((plausibility(text), text, enc))
    if not found:
        return None
    score, text, enc = max(found)
    return (text, enc) if score >= 0.5 else None


def normalize_newlines(text: str) -> str:
    """CRLF, CR and other line separators -> LF. ``"a\\r\\nb\\rc"`` -> ``"a\\nb\\nc"``."""
    if not any(c in text for c in _NEWLINE_CHARS):  # most files: nothing to do, no regex scan
        return text
    return _NEWLINES.sub("\n", text)


def _read_txt(data: bytes) -> tuple[str, str]:
    return decode_bytes(data)


def _read_html(data: bytes) -> tuple[str, str, dict[str, str]]:
    text, enc = decode_bytes(data)
    main, page = html_page(text)
    return main, enc, page


def _read_docx(data: bytes) -> tuple[str, str]:
    try:
        import docx  # python-docx, lazy
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                for row in Table(child, document).rows:
                    cells: list[str] = []
                    for cell in row.cells:
                        if not cells or cell.text != cells[-1]:  # merged cells repeat
                            cells.append(cell.text)
                    lines.append("\t".join(cells))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, AttributeError) as exc:
        raise ReadError(f"损坏的 Word 文件 / corrupt .docx file ({type(exc).__name__})") from None
    except Exception as exc:  # lxml / python-docx raise many kinds on broken parts
        raise ReadError(f"损坏的 Word 文件 / corrupt .docx file ({type(exc).__name__})") from None
    return "\n".join(lines), "docx"


def _read_pdf(data: bytes) -> tuple[str, str]:
    try:
        from pypdf import PdfReader  # lazy

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise ReadError("加密的 PDF 文件 / encrypted PDF") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except Exception as exc:  # pypdf raises PdfReadError, ValueError, KeyError, ... on corrupt files
        raise ReadError(f"损坏的 PDF 文件 / corrupt PDF file ({type(exc).__name__})") from None
    text = "\n".join(unwrap_lines(page) for page in pages)
    if count_cjk(text) == 0 and not text.strip():
        raise ReadError("PDF 没有文本层（可能是扫描件）/ PDF has no text layer (scanned?)")
    return text, "pdf"


_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
              "select", "button", "template", "svg")
_CHROME = re.compile(r"(?:^|[-_\s])(?:nav|navbar|menu|header|footer|breadcrumb|crumb|sidebar|side|"
                     r"share|toolbar|topbar|banner|copyright|links?|position|location)(?:$|[-_\s\d])", re.I)
_CONTAINERS = {"div", "article", "section", "main", "td", "body", "li", "dd", "blockquote"}
_BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "article", "section",
           "table", "blockquote", "pre", "dd", "dt", "ul", "ol", "center"}


HEAD_KEEP = (40, 4000)  # lines, characters of page chrome kept before the main block
FOOT_KEEP = (30, 3000)  # ... and at the end of the page
_CRUMB_CLASS = re.compile(r"crumb|position|location|dqwz|wzdh|address|path", re.I)


def html_main_text(html: str) -> str:
    """The main text of a web page: the block with the most Chinese text outside links.

    Navigation, headers, footers, scripts and styles are dropped; a ``<h1>``/``<h2>`` title just
    before the chosen block is kept as its first line, and the page's publish date (from
    ``<meta name="PubDate">`` or a ``发布时间：`` line outside the block) as a ``日期:`` line after
    it, which the clean stage removes and the meta stage reads.
    ``html_main_text("<nav>首页</nav><div><p>一、工作情况</p></div>")`` -> ``"一、工作情况"``.
    """
    return html_page(html)[0]


def html_page(html: str) -> tuple[str, dict[str, str]]:
    """The main text of a web page (:func:`html_main_text`) and its page dict (:attr:`RawText.page`):
    the ``<meta>`` tags that matter, the ``<title>``, the breadcrumb and the chrome lines around
    the main block, so that the page's own evidence is not lost with the chrome.

    ``html_page("<title>报告_XX区人民政府</title><div><p>一、工作情况</p></div>")[1]`` ->
    ``{"title": "报告_XX区人民政府"}``.
    """
    from bs4 import BeautifulSoup, NavigableString  # lazy
    from bs4.element import Comment

    soup = BeautifulSoup(html, "lxml")
    meta_date, page_dates = _page_dates(soup)
    page = _page_tags(soup)
    for tag in soup.find_all(_DROP_TAGS[:2] + ("template", "svg")):  # script, style: never text
        tag.decompose()
    root = soup.body or soup
    all_lines = _block_lines(root)
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    crumb = ""
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body"):
            continue
        attrs = tag.attrs or {}
        names = " ".join([*(attrs.get("class") or []), attrs.get("id") or "", attrs.get("role") or ""])
        if names.strip() and _CHROME.search(names):
            if not crumb and _CRUMB_CLASS.search(names):
                crumb = _crumb_text(tag)
            tag.decompose()
    if crumb:
        page["breadcrumb"] = crumb
    scores: dict[int, float] = {}
    nodes: dict[int, object] = {}
    for s in soup.find_all(string=True):
        if isinstance(s, Comment) or not isinstance(s, NavigableString):
            continue
        n = count_cjk(s)
        if not n:
            continue
        if s.find_parent("a") is not None:
            n = -n  # link text counts against its block
        block = s.parent
        while block is not None and block.name not in _CONTAINERS:
            block = block.parent
        if block is None:
            continue
        scores[id(block)] = scores.get(id(block), 0) + n
        nodes[id(block)] = block
    if not scores:
        return soup.get_text("\n"), page
    best = nodes[max(scores, key=lambda k: scores[k])]
    lines = _block_lines(best)
    page.update(_around(all_lines, lines))
    title = best.find_previous(["h1", "h2"])
    if title is not None:
        t = " ".join(title.get_text(" ").split())
        if 6 <= count_cjk(t) and len(t) <= 80 and (not lines or t != lines[0].strip()):
            lines.insert(0, t)
    block = " ".join(best.get_text(" ").split())
    published = meta_date or next((d for found, d in page_dates if found not in block), "")
    if published and not any(_PAGE_DATE.search(line) for line in lines[:5]):
        lines.insert(1 if lines else 0, f"日期:{published}")
    return "\n".join(lines), page


@cache
def _meta_names() -> dict[str, str]:
    """Lower-cased ``<meta name>`` -> its canonical spelling, from ``page_labels.tsv``."""
    return {name.lower(): name for kind, _field, names, *_ in _load_table("page_labels.tsv")
            if kind == "meta" for name in names.split("|") if name}


def _page_tags(soup) -> dict[str, str]:
    """``meta:Name`` -> content for the listed ``<meta>`` tags, and ``title``."""
    names = _meta_names()
    page: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        name = (tag.get("name") or tag.get("property") or "").strip()
        canon = names.get(name.lower())
        content = " ".join((tag.get("content") or "").split())
        if canon and content and f"meta:{canon}" not in page:
            page[f"meta:{canon}"] = content[:500]
    if soup.title is not None:
        t = " ".join(soup.title.get_text(" ").split())
        if t:
            page["title"] = t[:300]
    return page


def _crumb_text(tag) -> str:
    """``当前位置：首页 > 政务公开 > 法治政府建设``; link texts joined by `` > `` when the page
    draws its separators as images."""
    text = " ".join(tag.get_text(" ").split())
    links = [" ".join(a.get_text(" ").split()) for a in tag.find_all("a")]
    links = [x for x in links if x]
    if len(links) >= 2 and not re.search(r">|＞|»|›|→|/", text):
        text = " > ".join(links)
    return text[:300]


def _around(all_lines: list[str], block: list[str]) -> dict[str, str]:
    """The page's lines before the main block (``head``) and after it (``foot``), located by the
    block's longest line (a paragraph of the report, found once in the page)."""
    if not block or not all_lines:
        return {}
    p = max(range(len(block)), key=lambda i: len(block[i]))
    try:
        q = all_lines.index(block[p])
    except ValueError:
        return {}
    start = next((i for i in range(q, max(-1, q - p - 50), -1) if all_lines[i] == block[0]), max(0, q - p))
    last = len(block) - 1 - p
    end = next((i for i in range(q, min(len(all_lines), q + last + 50)) if all_lines[i] == block[-1]),
               min(len(all_lines) - 1, q + last))
    out = {}
    head = all_lines[max(0, start - HEAD_KEEP[0]):start]
    foot = all_lines[end + 1:][-FOOT_KEEP[0]:]
    if head:
        out["head"] = "\n".join(head)[-HEAD_KEEP[1]:]
    if foot:
        out["foot"] = "\n".join(foot)[-FOOT_KEEP[1]:]
    return out


_PAGE_DATE = re.compile(r"(?:发布时间|发布日期|发文日期|成文日期|日期|时间)\s*[:：]\s*"
                        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_META_DATE_NAMES = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "date")


def _page_dates(soup) -> tuple[str, list[tuple[str, str]]]:
    """The page's ``<meta name="PubDate">`` date, and every ``发布时间：…`` date on the page with
    the text that matched (YYYY-MM-DD)."""
    meta = ""
    for tag in soup.find_all("meta"):
        name = (tag.get("name") or tag.get("property") or "").lower()
        m = re.match(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", tag.get("content") or "")
        if name in _META_DATE_NAMES and m:
            meta = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            break
    text = " ".join((soup.body or soup).get_text(" ").split())
    found = [(m.group(), f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
             for m in _PAGE_DATE.finditer(text)]
    return meta, found


def _block_lines(node) -> list[str]:
    """Text of a block, one line per paragraph-like element."""
    from bs4 import NavigableString  # lazy
    from bs4.element import Comment

    parts: list[str] = []

    def walk(el) -> None:
        for child in el.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child).replace("\n", " "))
            elif child.name in _BLOCKS:
                parts.append("\n")
                walk(child)
                parts.append("\n")
            elif child.name in ("td", "th"):  # table cells: 主题分类：政务公开  成文日期：…
                parts.append("  ")
                walk(child)
                parts.append("  ")
            else:
                walk(child)

    walk(node)
    return [line.strip() for line in "".join(parts).split("\n") if line.strip()]


_END = re.compile(r"[。！？：!?:…]$")  # not ；: items of one paragraph
_STARTS_HEADING = HEADING_START
_STARTS_ITEM = re.compile(r"^\s*[一二三四五六七八九十]+是")


def _fullness(lines: list[str], full: float):
    """A test of whether a line is as long as the page's full lines: ``full`` x the 90th percentile
    of the lines' character counts, or of their printed widths (:func:`_width`: a line of digits
    is narrower than one of Chinese characters), ``indent`` more for a paragraph's first line."""
    chars = sorted(len(line) for line in lines)
    widths = sorted(_width(line) for line in lines)
    n_chars, n_width = chars[int(0.9 * (len(chars) - 1))], widths[int(0.9 * (len(widths) - 1))]

    def is_full(line: str, indent: bool = False) -> bool:
        return (len(line) + (_INDENT if indent else 0) >= full * n_chars
                or _width(line) + (2 * _INDENT if indent else 0) >= full * n_width)

    return is_full


_INDENT = 2  # a paragraph's first line is indented by two Chinese characters


def _width(line: str) -> int:
    """Printed width: a Chinese character or full-width mark 2, a digit, letter or half-width mark 1
    (from the UTF-8 length: 3 bytes for the first, 1 for the others)."""
    return (len(line.encode("utf-8")) + len(line)) // 2


def unwrap_lines(text: str, *, full: float = 0.9) -> str:
    """Join the lines a PDF wrapped inside a paragraph: a line as long as the page's full lines
    (:func:`_fullness`) that does not end a sentence continues on the next line, unless that line
    starts a heading (or an item ``一是`` right after a heading).

    ``unwrap_lines("一是加强领导，\n压实责任。")`` keeps both lines unless the first is full-width.
    """
    lines = text.split("\n")
    stripped_lines = [line.strip() for line in lines if line.strip()]
    if len(stripped_lines) < 3:
        return text
    is_full = _fullness(stripped_lines, full)
    out: list[str] = []
    joining = False
    for line in lines:
        stripped = line.strip()
        prev = out[-1].strip() if out else ""
        after_heading = bool(_STARTS_HEADING.match(prev)) and "。" not in prev
        if (joining and stripped and not _STARTS_HEADING.match(stripped)
                and not (after_heading and _STARTS_ITEM.match(stripped))):
            out[-1] += stripped
        else:
            out.append(line)
        first = not joining and not _STARTS_HEADING.match(stripped)  # (a heading is not indented)
        joining = bool(stripped) and is_full(stripped, first) and not _END.search(out[-1].strip())
    return "\n".join(out)


def looks_wrapped(text: str, *, full: float = 0.9, min_lines: int = 8) -> bool:
    """Whether a text's lines were wrapped at a fixed width (a PDF saved as text, ``pdftotext``
    output): at least ``min_lines`` lines, a third of them as long as the full lines
    (:func:`_fullness`) and most of those not ending a sentence. A text of one paragraph per line
    has few lines of full width, and they end in 。.

    ``looks_wrapped("预计全年，地区生产总值增长6%；规上工业\n增加值增长6%…")`` -> True for a page of such lines.
    """
    if len(text) > 80 * (text.count("\n") + 1):
        return False  # lines of 80 characters on average are paragraphs, not a page's lines
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < min_lines:
        return False
    is_full = _fullness(lines, full)
    wide = [line for line in lines if is_full(line)]
    return len(wide) >= len(lines) / 3 and sum(not _END.search(line) for line in wide) > 0.6 * len(wide)


def looks_fragmented(text: str, *, min_lines: int = 20) -> bool:
    """Whether a text's lines are runs of a PDF's text objects, not its lines (each number, and pieces of
    words, on a line of its own: ``地区生产总值从\n497.8\n亿元增加到…``): at least ``min_lines`` lines, a
    quarter of them of four characters or fewer, and four in five ending no sentence.

    ``looks_fragmented("各位代表：\n现在，我代表\n2021\n年…")`` -> True for a page of such lines.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < min_lines:
        return False
    short = sum(len(line) <= 4 for line in lines)
    open_ = sum(not _END.search(line) for line in lines)
    return short >= len(lines) / 4 and open_ >= 0.8 * len(lines)


def join_fragments(text: str) -> str:
    """Join the runs of a fragmented text (:func:`looks_fragmented`) into its sentences: a line that
    does not end a sentence goes on with the next, unless that one opens a heading.

    ``join_fragments("地区生产总值从\n497.8\n亿元增加到\n845亿元。\n二、…")`` ->
    ``"地区生产总值从497.8亿元增加到845亿元。\n二、…"``.
    """
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if out and stripped and out[-1].strip() and not _END.search(out[-1].strip()) \
                and not _STARTS_HEADING.match(stripped):
            out[-1] = out[-1].rstrip() + stripped
        else:
            out.append(line)
    return "\n".join(out)


_READERS = {"txt": _read_txt, "html": _read_html, "docx": _read_docx, "pdf": _read_pdf}


def read_file(path: str | Path) -> RawText:
    """Decode one file into text. Raises :class:`ReadError` with a one-line reason.

    ``RawText.text`` is the text as decoded (line endings normalised to LF).
    """
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise ReadError("找不到文件 / file not found")
    fmt = SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise ReadError(f"不支持的文件类型 {p.suffix or '(无后缀)'} / unsupported file type")
    if p.is_symlink() and not p.exists():
        raise ReadError("无法读取：链接指向的文件不存在 / cannot read: broken link")
    if p.is_dir():
        raise ReadError("无法读取：这是一个文件夹 / cannot read: this is a folder")
    try:
        data = p.read_bytes()
    except PermissionError:
        raise ReadError("无法读取：没有权限 / cannot read: permission denied") from None
    except OSError as exc:
        raise ReadError(f"无法读取 / cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise ReadError("空文件 / empty file" if not data else "只有空白 / whitespace only")
    text, encoding, *extra = _READERS[fmt](data)
    page = extra[0] if extra else {}
    text = normalize_newlines(text)
    if not text.strip():
        raise ReadError("只有空白 / whitespace only")
    if count_cjk(text, limit=MIN_CJK) < MIN_CJK:
        raise ReadError(f"没有中文文本（少于{MIN_CJK}个汉字）/ no Chinese text")
    return RawText(p, text, encoding, fmt, page)


# ---------------------------------------------------------------- the package's data files
#
# Every rule and word list of ``fazhi/data`` (and a user's replacement of one) is read here: UTF-8
# with or without BOM, CRLF or LF, blank lines and ``#`` comment lines skipped, fields separated by
# tabs and stripped of surrounding spaces (write a space inside a regex as ``\s`` or ``[ ]``). A
# malformed line raises :class:`DataFileError` (or the caller's subclass of ValueError) naming the
# file and the line number.

# the tab-separated files of fazhi/data: (fewest, most) fields of a line
TABLE_COLUMNS: dict[str, tuple[int, int]] = {
    "aliases.tsv": (2, 3), "char_variants.tsv": (2, 2), "clean_rules.tsv": (3, 3),
    "evidence.tsv": (2, 3), "indicator_status.tsv": (3, 3), "indicator_units.tsv": (2, 5),
    "indicator_verbs.tsv": (2, 2), "indicators.tsv": (1, 5),
    "kinds.tsv": (2, 2), "not_indicators.tsv": (1, 4), "page_labels.tsv": (3, 3),
    "parts.tsv": (2, 2), "place_aliases.tsv": (2, 2), "placeholders.tsv": (2, 3),
    "places.tsv": (2, 4), "problems.tsv": (2, 3), "reuse_classes.tsv": (2, 2), "reuse_labels.tsv": (2, 3),
    "themes.tsv": (2, 2), "typo_context.tsv": (1, 3), "typos.tsv": (2, 2),
    "indicator_doc_status.tsv": (2, 2),
}
TABLE_COLUMNS["compound_heads.tsv"] = (2, 3)


class DataFileError(ValueError):
    """A data file that cannot be read, or a malformed line of one; the message names the file and
    the line number (``typos.tsv:7: …``)."""


def data_dir() -> Path:
    """The package's data folder (``fazhi/data``), where every rule and word list lives."""
    from importlib.resources import files

    return Path(str(files("fazhi") / "data"))


def data_path(name: str) -> Path:
    """Path of a data file shipped in the package, e.g. ``data_path("userdict.txt")``."""
    return data_dir() / name


def _content_lines(path: Path, data: bytes | None, error: type[ValueError]) -> list[tuple[int, str]]:
    """Numbered lines that are neither blank nor comments, as written (without the line break)."""
    try:
        raw = Path(path).read_bytes() if data is None else data
    except OSError as exc:
        raise error(f"{path}: 无法读取 / cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: 不是 UTF-8 编码 / not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return [(no, line) for no, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.strip().startswith("#")]


def read_lines(path: str | Path, data: bytes | None = None, *,
               error: type[ValueError] = DataFileError) -> list[tuple[int, str]]:
    """``(line number, stripped line)`` of every line of a data file that is neither blank nor a
    ``#`` comment (``data``: the file's bytes when already read).

    >>> read_lines("stopwords.txt", "# 停用词\\n的\\n\\n了\\n".encode())
    [(2, '的'), (4, '了')]
    """
    return [(no, line.strip()) for no, line in _content_lines(Path(path), data, error)]


def read_rows(path: str | Path, columns: int | tuple[int, int] | None = None, *,
              data: bytes | None = None, form: str | None = None, pad: bool = True,
              error: type[ValueError] = DataFileError) -> list[tuple[int, list[str]]]:
    """``(line number, fields)`` of every row of a tab-separated data file.

    ``columns``: the number of fields a row must have, or (fewest, most); shorter rows are padded
    with "" to the most (unless ``pad=False``). A row with another number of fields raises
    ``error`` naming the file and the line, with ``form`` (the expected layout) when given.

    >>> read_rows("typos.tsv", 2, data="# 错字\\n机治\\t机制\\n".encode())
    [(2, ['机治', '机制'])]
    >>> read_rows("typos.tsv", 2, data="机治 机制\\n".encode())
    Traceback (most recent call last):
    fazhi.read.DataFileError: typos.tsv:1: 应有 2 个以制表符分隔的字段，实有 1 个 / expected 2 tab-separated fields, got 1: '机治 机制'
    """
    lo, hi = (columns, columns) if isinstance(columns, int) else (columns or (None, None))
    rows = []
    for no, line in _content_lines(Path(path), data, error):
        fields = [f.strip() for f in line.split("\t")]
        if (lo is not None and len(fields) < lo) or (hi is not None and len(fields) > hi):
            want = f"{lo}" if lo == hi else f"{lo}–{hi}"
            layout = f" ({form})" if form else ""
            raise error(f"{path}:{no}: 应有 {want} 个以制表符分隔的字段，实有 {len(fields)} 个 / "
                        f"expected {want} tab-separated fields{layout}, got {len(fields)}: "
                        f"{line.strip()!r}")
        if pad and hi is not None:
            fields += [""] * (hi - len(fields))
        rows.append((no, fields))
    return rows


def load_table(name: str) -> list[list[str]]:
    """Rows of a TSV data file shipped in ``fazhi/data`` (read once per process; the number of
    fields is checked against :data:`TABLE_COLUMNS`; rows are not padded).

    >>> load_table("typos.tsv")[0]                               # doctest: +SKIP
    ['机治', '机制']
    """
    return [list(r) for r in _load_table(name)]


@cache
def _load_table(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fields) for _, fields in
                 read_rows(data_path(name), TABLE_COLUMNS.get(name), pad=False))

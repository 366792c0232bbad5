"""Ingestion of whole folders: contract, truth table, bad batches, copies, overrides, raw data intact."""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import pytest
from conftest import RAW

from fazhi.clean import remove_artifacts
from fazhi.ingest import (
    DOC_COLUMNS,
    REJECTED_COLUMNS,
    SECTION_COLUMNS,
    MetadataError,
    finalize,
    ingest,
    ingest_file,
    is_late,
)

S000 = "2020-fujian-fuzhou-mawei-tingjiang.txt"
S001 = "2021-chongqing-qianjiang-pengdong.txt"
S002 = "2024-guangdong-shantou-jinping-yuepu.txt"
S003 = "2019-guangdong-shaoguan-wujiang-xilian.txt"
S004 = "2023-anonymised-town-template.txt"
META = ["report_year", "publish_date", "town", "district", "city", "province", "level"]
TRUTH = {
    S000: (2020, "2021-03-19", "亭江镇", "马尾区", "福州市", "福建省", "town"),
    S001: (2021, "", "蓬东乡", "黔江区", "重庆市", "重庆市", "township"),
    S002: (2024, "", "月浦街道", "金平区", "汕头市", "广东省", "subdistrict"),
    S003: (2019, "", "西联镇", "武江区", "韶关市", "广东省", "town"),
    S004: (2023, "", "", "", "", "", "town"),
}
# file, parts, truncated, anonymised_counts, typos_fixed, duplicate_numbering, no_title, late
FLAGS = [
    (S000, ["achievements", "problems", "plans"], False, {}, 11, False, False, False),
    (S001, ["achievements", "problems", "duty", "plans"], False, {}, 0, False, False, None),
    (S002, ["achievements", "problems", "duty", "plans"], False, {}, 0, False, True, None),
    (S003, ["achievements", "problems", "duty", "plans"], False, {}, 0, True, False, None),
    (S004, ["achievements"], True, {"A": 7, "X": 3}, 0, False, False, None),
]


@pytest.fixture(scope="module")
def raw_ingested():
    return ingest(RAW)


def _row(ing, name):
    return ing.docs.set_index("file").loc[name]


def test_contract_columns(raw_ingested):
    assert list(raw_ingested.docs.columns) == DOC_COLUMNS
    assert list(raw_ingested.sections.columns) == SECTION_COLUMNS
    assert list(raw_ingested.rejected.columns) == REJECTED_COLUMNS
    assert len(raw_ingested.docs) == 5 and raw_ingested.rejected.empty
    assert str(raw_ingested.docs["report_year"].dtype) == "Int64"
    d = raw_ingested.docs
    assert (d["doc_id"] == d["text_hash"].str[:12]).all()
    assert (d["n_chars"] == d["text"].str.len()).all()


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_truth_table(raw_ingested, name):
    row = _row(raw_ingested, name)
    assert tuple(row[k] for k in META) == TRUTH[name]


@pytest.mark.parametrize("name, parts, truncated, anon, typos, dup, no_title, late", FLAGS)
def test_flags_and_compliance(raw_ingested, name, parts, truncated, anon, typos, dup, no_title, late):
    row = _row(raw_ingested, name)
    assert json.loads(row["parts"]) == parts
    for p in ("achievements", "problems", "duty", "plans", "other"):
        assert bool(row[f"has_{p}"]) is (p in parts)
    assert bool(row["truncated"]) is truncated and bool(row["incomplete"]) is truncated
    assert bool(row["anonymised"]) is bool(anon)
    assert json.loads(row["anonymised_counts"]) == anon
    assert row["typos_fixed"] == typos
    assert bool(row["duplicate_numbering"]) is dup
    assert bool(row["no_title"]) is no_title
    assert (None if pd.isna(row["late"]) else bool(row["late"])) is late


def test_raw_text_keeps_the_original(raw_ingested):
    row = _row(raw_ingested, S000)
    assert row["raw_text"].count("机治") == 8 and "机治" not in row["text"]
    assert "日期:2021-03-19 17:12" in row["raw_text"] and "日期" not in row["text"]


def test_sections_belong_to_documents(raw_ingested):
    secs, docs = raw_ingested.sections, raw_ingested.docs.set_index("doc_id")
    assert set(secs["doc_id"]) == set(docs.index)
    assert set(secs["part"]) <= {"achievements", "problems", "duty", "plans", "other", "preamble"}
    for s in secs.itertuples():
        assert docs.loc[s.doc_id, "text"][s.start:s.end] == s.text


@pytest.mark.parametrize("date, year, late", [
    ("2021-03-19", 2020, False), ("2021-04-01", 2020, False), ("2021-04-02", 2020, True),
    ("", 2020, None), ("2021-05-01", None, None),
])
def test_is_late(date, year, late):
    assert is_late(date, year) is late


def _bad_batch(tmp_path):
    shutil.copy(RAW / S001, tmp_path / S001)
    shutil.copy(RAW / S001, tmp_path / "copy-of-pengdong.txt")          # duplicate
    (tmp_path / "sub").mkdir()
    shutil.copy(RAW / S003, tmp_path / "sub" / S003)
    (tmp_path / "sub" / "gbk-copy.txt").write_bytes((RAW / S003).read_text(encoding="utf-8").encode("gbk"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "english.txt").write_text("A report without Chinese text.\n" * 20)
    (tmp_path / "corrupt.docx").write_bytes(b"PK\x03\x04broken")
    (tmp_path / "corrupt.pdf").write_bytes(b"%PDF-1.7\nbroken")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "link.txt").symlink_to(tmp_path / "nowhere.txt")
    return tmp_path


def test_bad_batch_never_stops(tmp_path):
    ing = ingest(_bad_batch(tmp_path))
    assert sorted(ing.docs["file"]) == sorted([S001, f"sub/{S003}"])
    rej = ing.rejected.set_index("file")
    expected = {
        "copy-of-pengdong.txt": ("duplicate", S001),
        "sub/gbk-copy.txt": ("duplicate", f"sub/{S003}"),
        "empty.txt": ("rejected", "空文件"), "blank.txt": ("rejected", "只有空白"),
        "binary.txt": ("rejected", "二进制"), "english.txt": ("rejected", "没有中文"),
        "corrupt.docx": ("rejected", "损坏的 Word"), "corrupt.pdf": ("rejected", "损坏的 PDF"),
        "folder.txt": ("rejected", "文件夹"), "link.txt": ("rejected", "broken link"),
    }
    assert set(rej.index) == set(expected)
    for name, (status, words) in expected.items():
        assert rej.loc[name, "status"] == status
        assert words in rej.loc[name, "reason"] and "\n" not in rej.loc[name, "reason"]


@pytest.mark.parametrize("encoding, found", [("gbk", "gb18030"), ("utf-16", "utf-16"),
                                             ("utf-8-sig", "utf-8-sig")])
@pytest.mark.parametrize("name", [S000, S002])
def test_encoded_copies_give_the_same_document(tmp_path, name, encoding, found):
    text = (RAW / name).read_text(encoding="utf-8")
    f = tmp_path / name
    f.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    got = ingest_file(f, tmp_path).doc
    ref = ingest_file(RAW / name, RAW).doc
    assert got["encoding"] == found
    for k in (*META, "title", "kind", "text", "parts", "anonymised_counts", "typos_fixed"):
        assert got[k] == ref[k], k


def test_docx_made_from_a_seed_gives_the_same_metadata(tmp_path):
    import docx

    d = docx.Document()
    for line in (RAW / S003).read_text(encoding="utf-8").split("\n"):
        d.add_paragraph(line)
    d.save(tmp_path / "report.docx")
    got = ingest_file(tmp_path / "report.docx", tmp_path).doc
    ref = ingest_file(RAW / S003, RAW).doc
    assert got["format"] == "docx"
    for k in (*META, "title", "kind", "text", "parts", "duplicate_numbering"):
        assert got[k] == ref[k], k


def test_ingest_file_results_are_picklable_and_run_in_workers():
    files = sorted(RAW.glob("*.txt"))
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(ingest_file, files, [RAW] * len(files)))
    assert pickle.loads(pickle.dumps(results))[0].file == results[0].file
    serial = ingest(RAW)
    assert finalize(results, RAW).docs.equals(serial.docs)


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*"))
            if p.is_file()}, {p.name: p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_raw_data_is_never_modified():
    before = _hashes(RAW)
    ingest(RAW)
    ingest_file(RAW / S000, RAW)
    assert _hashes(RAW) == before


def _write_overrides(folder, text):
    (folder / "metadata.csv").write_text(text, encoding="utf-8")


def test_metadata_csv_overrides(tmp_path):
    shutil.copy(RAW / S004, tmp_path / S004)
    shutil.copy(RAW / S000, tmp_path / S000)
    _write_overrides(tmp_path, f"file,town,district,city,province,publish_date\n"
                               f"{S004},东海镇,普陀区,舟山市,浙江省,2024-05-06\n{S000},,,,,\n")
    ing = ingest(tmp_path)
    row = _row(ing, S004)
    assert (row["town"], row["district"], row["city"], row["province"]) == ("东海镇", "普陀区", "舟山市", "浙江省")
    assert bool(row["late"]) is True  # 2024-05-06 is after 1 April 2024 for report year 2023
    rules = json.loads(row["meta_rules"])
    assert rules["town"] == {"rule": "metadata.csv", "confidence": 1.0}
    assert tuple(_row(ing, S000)[k] for k in META) == TRUTH[S000]  # empty cells override nothing
    assert not bool(row["no_title"])
    assert "metadata.csv" not in set(ing.docs["file"]) | set(ing.rejected["file"])


def test_metadata_csv_title_clears_no_title(tmp_path):
    shutil.copy(RAW / S002, tmp_path / S002)
    _write_overrides(tmp_path, f"file,title,report_year\n{S002},月浦街道2024年法治政府建设年度报告,2024\n")
    row = _row(ingest(tmp_path), S002)
    assert row["title"] == "月浦街道2024年法治政府建设年度报告" and not bool(row["no_title"])
    assert row["report_year"] == 2024


@pytest.mark.parametrize("csv_text, message", [
    (f"file,village\n{S004},东海村\n", "unknown field"),
    ("file,town\nnot-there.txt,东海镇\n", "unknown file"),
    (f"file,report_year\n{S004},二〇二三\n", "4-digit year"),
    (f"file,publish_date\n{S004},2024/05/06\n", "YYYY-MM-DD"),
    (f"file,level\n{S004},village\n", "unknown level"),
    (f"town,file\n东海镇,{S004}\n", "first column"),
])
def test_metadata_csv_is_validated(tmp_path, csv_text, message):
    shutil.copy(RAW / S004, tmp_path / S004)
    _write_overrides(tmp_path, csv_text)
    with pytest.raises(MetadataError, match=message):
        ingest(tmp_path)


def test_ingest_a_single_file():
    ing = ingest(RAW / S001)
    assert list(ing.docs["file"]) == [S001]


def test_empty_folder(tmp_path):
    ing = ingest(tmp_path)
    assert ing.docs.empty and ing.rejected.empty and list(ing.docs.columns) == DOC_COLUMNS


def test_importing_ingestion_is_light():
    import subprocess
    import sys

    code = ("import sys, fazhi.ingest, fazhi.cli; heavy = {'bs4', 'lxml', 'docx', 'pypdf', 'charset_normalizer', "
            "'cpca', 'jieba', 'matplotlib'} & set(sys.modules); assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True)


def text_pdf(lines: list[str]) -> bytes:
    """A PDF whose text layer holds ``lines`` (Type0 font, Identity-H, ToUnicode CMap; no glyphs)."""
    chars = sorted({c for line in lines for c in line})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    cmap_lines = [f"<{cid[c]:04X}> <{ord(c):04X}>" for c in chars if ord(c) <= 0xFFFF]
    bf = ""
    for i in range(0, len(cmap_lines), 100):
        chunk = cmap_lines[i:i + 100]
        bf += f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{bf}endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    ops = ["BT", "/F1 10 Tf", "12 TL", "20 800 Td"]
    for line in lines:
        ops.append("<" + "".join(f"{cid[c]:04X}" for c in line) + "> Tj T*")
    ops.append("ET")
    content = "\n".join(ops).encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        b"<< /Length " + str(len(cmap)).encode() + b" >>\nstream\n" + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@pytest.mark.parametrize("name", [S001, S003])
def test_pdf_made_from_a_seed_gives_the_same_document(tmp_path, name):
    lines = [line for line in (RAW / name).read_text(encoding="utf-8").split("\n") if line.strip()]
    (tmp_path / "report.pdf").write_bytes(text_pdf(lines))
    got = ingest_file(tmp_path / "report.pdf", tmp_path)
    ref = ingest_file(RAW / name, RAW).doc
    assert got.reason is None and got.doc["format"] == "pdf"
    for k in (*META, "title", "kind", "text", "parts", "duplicate_numbering"):
        assert got.doc[k] == ref[k], k


@pytest.mark.parametrize("name", [S001, S002, S003])
def test_pdf_with_wrapped_paragraphs_is_unwrapped(tmp_path, name):
    width = 38  # characters per PDF line, as a narrow page would wrap them
    lines = []
    for para in (RAW / name).read_text(encoding="utf-8").split("\n"):
        para = para.strip()
        lines += [para[i:i + width] for i in range(0, len(para), width)]
    (tmp_path / "wrapped.pdf").write_bytes(text_pdf(lines))
    got = ingest_file(tmp_path / "wrapped.pdf", tmp_path).doc
    ref = ingest_file(RAW / name, RAW).doc
    for k in (*META, "title", "parts"):
        assert got[k] == ref[k], k
    assert got["text"] == ref["text"]


@pytest.mark.parametrize("name", [S001, S002, S003])
def test_txt_saved_from_a_pdf_reads_as_the_report(tmp_path, name):
    # pdftotext output: lines cut at a printed width (a Chinese character 2, a digit 1); no
    # conversion artifacts of a .docx ([bookmark: _GoBack]) in a PDF
    lines = []
    for para in remove_artifacts((RAW / name).read_text(encoding="utf-8")).split("\n"):
        line, width = "", 0
        for ch in para.strip():
            w = 2 if ord(ch) > 0x2000 else 1
            if width + w > 68:
                lines.append(line)
                line, width = "", 0
            line, width = line + ch, width + w
        lines.append(line)
    (tmp_path / "wrapped.txt").write_text("\n".join(lines), encoding="utf-8")
    got = ingest_file(tmp_path / "wrapped.txt", tmp_path).doc
    ref = ingest_file(RAW / name, RAW).doc
    for k in (*META, "title", "parts"):
        assert got[k] == ref[k], k
    assert got["text"].replace("\n", "") == ref["text"].replace("\n", "")

    def breaks(text: str) -> set[int]:  # where lines end, in the text without line ends
        return {i - n for n, i in enumerate(i for i, c in enumerate(text) if c == "\n")}

    flat = ref["text"].replace("\n", "")
    assert breaks(ref["text"]) <= breaks(got["text"])  # no two lines joined into one
    # a line more only where a page's line happened to end on a sentence's end
    assert all(flat[i - 1] in "。！？：" for i in breaks(got["text"]) - breaks(ref["text"]))


def test_a_50_mb_text_file_is_ingested(tmp_path):
    data = (RAW / S001).read_bytes()
    copies = 50_000_000 // len(data) + 1
    (tmp_path / "big.txt").write_bytes(data * copies)
    result = ingest_file(tmp_path / "big.txt", tmp_path)
    assert result.reason is None
    doc = result.doc
    assert (doc["town"], doc["district"], doc["report_year"]) == ("蓬东乡", "黔江区", 2021)
    assert doc["text"].count("关于2021年度法治政府建设情况的报告") == copies


def _page(text: str, info: str = "", head: str = "") -> str:
    title, *body = text.split("\n")
    paras = "".join(f"<p>{line}</p>" for line in body)
    return (f"<html><head><meta charset='utf-8'>{head}</head><body>"
            "<div class='nav'><a href='/'>首页</a><a href='/zwgk'>政务公开</a><a href='/fzzf'>法治政府</a></div>"
            f"<div class='main'><h1>{title}</h1><div class='info'>{info}</div>"
            f"<div class='TRS_Editor'>{paras}</div></div>"
            "<div class='footer'>版权所有：韶关市武江区人民政府 网站标识码4402030001</div></body></html>")


@pytest.mark.parametrize("info, head, date", [
    ("发布时间：2020-03-25 09:30 来源：西联镇", "", "2020-03-25"),
    ("", "<meta name='PubDate' content='2020-03-26 10:00'>", "2020-03-26"),
    ("信息来源：西联镇人民政府", "", ""),
])
def test_html_page_gives_the_seed_and_its_publish_date(tmp_path, info, head, date):
    text = (RAW / S003).read_text(encoding="utf-8")
    (tmp_path / "page.html").write_text(_page(text, info, head), encoding="utf-8")
    got = ingest_file(tmp_path / "page.html", tmp_path).doc
    ref = ingest_file(RAW / S003, RAW).doc
    assert got["format"] == "html" and got["publish_date"] == date
    assert got["text"] == ref["text"]
    for k in ("report_year", "town", "district", "city", "province", "level", "title", "parts"):
        assert got[k] == ref[k], k
    assert bool(got["late"]) is False if date else got["late"] is None


def test_html_date_inside_the_report_is_not_the_publish_date(tmp_path):
    text = (RAW / S003).read_text(encoding="utf-8") + "\n会议时间：2019年12月4日"
    (tmp_path / "page.html").write_text(_page(text), encoding="utf-8")
    assert ingest_file(tmp_path / "page.html", tmp_path).doc["publish_date"] == ""


def test_metadata_csv_site_name_is_evidence_and_an_edit_reingests(tmp_path):
    # a subdistrict's report that names itself once, with no title place: the user knows the site
    from fazhi.build import build_corpus

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("关于2022年度法治政府建设情况的报告\n2022年，我街道坚持以习近平法治思想为指导。"
                               "街道党工委……全街道……大碶街道……\n", encoding="utf-8")
    (raw / "metadata.csv").write_text("file,site_name\na.txt,宁波市北仑区人民政府\n", encoding="utf-8")
    docs = build_corpus(raw, tmp_path / "store", workers=1).docs
    assert tuple(docs.loc[0, ["town", "district", "city"]]) == ("大碶街道", "北仑区", "宁波市")
    assert "metadata.csv" in docs.loc[0, "page_meta"]
    # the site now says 镇海区, where there is no 大碶街道: the place is no longer decided
    (raw / "metadata.csv").write_text("file,site_name\na.txt,宁波市镇海区人民政府\n", encoding="utf-8")
    docs = build_corpus(raw, tmp_path / "store", workers=1).docs
    assert (docs.loc[0, "town"], docs.loc[0, "district"]) == ("", "")


def test_metadata_csv_evidence_columns_are_not_values(tmp_path):
    from fazhi.ingest import read_overrides

    (tmp_path / "a.txt").write_text("正文", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,site_name,report_year\na.txt,某某区人民政府,2021\n",
                                           encoding="utf-8")
    assert read_overrides(tmp_path / "metadata.csv", {"a.txt"}) == {"a.txt": {"report_year": 2021}}

"""Write a synthetic corpus of N reports built from the real sample paragraphs.

Usage: python bench/make_corpus.py N OUTDIR [--seed S]

Each report: a title line with a generated town/district and year, then real paragraphs of
data/raw (cleaned: no web chrome or 试读结束 trailer) shuffled, until a length drawn uniformly from 2,000-15,000 characters. Place names of
the samples are replaced by generated ones and years by the report's year, so no two reports are
equal. Files go to OUTDIR/<district>/<n>.txt (UTF-8).
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SAMPLE_PLACES = re.compile(r"亭江镇|蓬东乡|月浦街道|西联镇|马尾区|黔江区|金平区|武江区|[XＸ]镇")
YEAR = re.compile(r"20[12]\d(?=年)")
SYLLABLES = "东西南北安平兴和永宁新华丰泰康福德明阳山河湖江海清宝龙凤鹤松竹梅桥塘溪坪岭"
TOWN_SUFFIX = ("镇", "镇", "镇", "乡", "街道")


def paragraphs(raw: Path = RAW) -> list[str]:
    """Non-trivial paragraphs (lines of at least 20 characters) of the sample reports, after
    fazhi's cleaning: web-page chrome, 试读结束 trailers and advertisements are not report text
    (copied into every synthetic report they would cut most of them short)."""
    from fazhi.clean import clean_text

    out = []
    for p in sorted(raw.glob("*.txt")):
        for line in clean_text(p.read_text(encoding="utf-8-sig")).text.splitlines():
            if len(line.strip()) >= 20:
                out.append(line.strip())
    return out


def place(rng: random.Random, suffix: str) -> str:
    return "".join(rng.sample(SYLLABLES, 2)) + suffix


def report(rng: random.Random, paras: list[str]) -> tuple[str, str]:
    """(district, text) of one synthetic report."""
    district, town = place(rng, "区"), place(rng, rng.choice(TOWN_SUFFIX))
    year = rng.randint(2018, 2024)
    target = rng.randint(2000, 15000)
    lines = [f"{district}{town}{year}年度法治政府建设工作报告", ""]
    size = 0
    while size < target:
        p = rng.choice(paras)
        p = SAMPLE_PLACES.sub(lambda m: district if m.group(0).endswith("区") else town, p)
        p = YEAR.sub(str(year), p)
        lines.append(p)
        size += len(p)
    return district, "\n".join(lines) + "\n"


def make_corpus(n: int, out: str | Path, seed: int = 1) -> Path:
    """Write ``n`` synthetic reports under ``out``; return ``out``."""
    rng = random.Random(seed)
    paras = paragraphs()
    out = Path(out)
    for i in range(n):
        district, text = report(rng, paras)
        d = out / district
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of reports")
    ap.add_argument("outdir", help="output folder")
    ap.add_argument("--seed", type=int, default=1, help="random seed")
    args = ap.parse_args()
    make_corpus(args.n, args.outdir, args.seed)


if __name__ == "__main__":
    main()

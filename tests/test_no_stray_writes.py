"""Nothing is written outside the project's store and the package's cache directory.

jieba's dictionary cache (by default a fixed name in the system temp dir) and matplotlib's font cache
(by default under $HOME) must go under ``$FAZHI_CACHE_DIR``.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import RAW

SCRIPT = """
import sys
from fazhi.build import build_corpus
from fazhi.textplot import textplot_wordcloud
from fazhi.textstat import textstat_frequency
corpus = build_corpus(sys.argv[1], sys.argv[2])
textplot_wordcloud(textstat_frequency(corpus, n=50)).savefig(sys.argv[3])
"""


def _files_under(path):
    return sorted(str(p.relative_to(path)) for p in path.rglob("*") if p.is_file())


def test_build_and_plot_write_only_to_store_and_cache(tmp_path):
    tmp, home, cache = tmp_path / "tmp", tmp_path / "home", tmp_path / "cache"
    for d in (tmp, home):
        d.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("MPLCONFIGDIR", "XDG_CACHE_HOME",
                                                              "XDG_CONFIG_HOME")}
    env.update(TMPDIR=str(tmp), HOME=str(home), FAZHI_CACHE_DIR=str(cache), MPLBACKEND="Agg")
    subprocess.run([sys.executable, "-c", SCRIPT, str(RAW), str(tmp_path / "store"),
                    str(tmp_path / "cloud.png")], env=env, check=True, cwd=tmp_path,
                   capture_output=True, text=True)
    assert (tmp_path / "cloud.png").stat().st_size > 0
    assert _files_under(tmp) == []
    assert _files_under(home) == []
    assert _files_under(cache), "the caches were expected under FAZHI_CACHE_DIR"

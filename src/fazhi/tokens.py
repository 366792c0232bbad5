"""Tokens stage: segmentation with jieba and the governance lexicon.

The jieba tokenizer is built lazily, once per :class:`Tokenizer`, with its dictionary cache under
the package's cache directory (never a fixed name in the system temp dir).
"""

from __future__ import annotations

from functools import cached_property

from fazhi.config import cache_dir


class Tokenizer:
    """Segment Chinese text. ``Tokenizer().cut("推进法治政府建设")`` -> ``["推进", "法治", ...]``."""

    @cached_property
    def _jieba(self):
        import jieba

        tk = jieba.Tokenizer()
        tk.tmp_dir = str(cache_dir("jieba"))
        return tk

    def cut(self, text: str) -> list[str]:
        """Tokens of ``text``, whitespace dropped."""
        return [t for t in self._jieba.lcut(text) if t.strip()]

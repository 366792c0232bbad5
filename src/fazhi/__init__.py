"""fazhi: analyse Chinese local governments' annual rule-of-law reports (法治政府建设年度报告).

Importing the package does nothing heavy: names are resolved lazily on first use.

>>> import fazhi
>>> corpus = fazhi.open_corpus("data/raw")          # doctest: +SKIP
>>> fazhi.textstat_frequency(corpus, n=10)          # doctest: +SKIP
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

# public name -> module that defines it (resolved on first attribute access)
_EXPORTS = {
    "Corpus": "corpus",
    "read_corpus": "corpus",
    "build_corpus": "build",
    "load_corpus": "corpus",
    "open_corpus": "build",
    "explain_file": "ingest",
    "clean_text": "clean",
    "infer_meta": "meta",
    "Tokenizer": "tokens",
    "load_lexicon": "lexicon",
    "build_store": "build",
    "default_store": "store",
    "dfm": "textstat",
    "Dfm": "textstat",
    "textstat_frequency": "textstat",
    "textstat_keywords": "textstat",
    "textstat_keyness": "textstat",
    "textstat_trend": "textstat",
    "textstat_emerging": "textstat",
    "textstat_themes": "textstat",
    "textstat_simil": "textstat",
    "textstat_neighbours": "textstat",
    "textstat_distinctive": "textstat",
    "textstat_scale": "textstat",
    "load_themes": "textstat",
    "regroup_themes": "textstat",
    "compare_themes": "textstat",
    "n_docs_by": "textstat",
    "query_sides": "textstat",
    "query_label": "vocab",
    "reference_label": "vocab",
    "split_counts": "textstat",
    "kwic": "textstat",
    "textstat_cooccurrence": "textstat",
    "textstat_terms": "textstat",
    "write_userdict": "textstat",
    "term_examples": "textstat",
    "textstat_collocations": "textstat",
    "textmodel_lda": "textstat", "TopicModel": "textstat", "textstat_topics": "textstat", "textstat_topic_shares": "textstat",
    "export_table": "export",
    "export_tables": "export",
    "write_table": "export",
    "textstat_reuse": "reuse",
    "textstat_reuse_share": "reuse",
    "reuse_pairs": "reuse",
    "passages_of": "reuse",
    "passage_table": "reuse",
    "without_boilerplate": "reuse",
    "textstat_indicators": "indicators",
    "extract_indicators": "indicators",
    "textstat_indicator_summary": "indicators",
    "select_categories": "indicators",
    "textstat_compliance": "compliance",
    "textstat_compliance_summary": "compliance",
    "textstat_problems": "textstat", "textstat_problem_shares": "textstat", "textstat_compliance_reports": "compliance", "textplot_problems": "textplot",  # noqa: E501 - issue 14
    "textstat_summary": "summary",
    "textstat_region_terms": "summary",
    "RegionSummary": "summary",
    "select_region": "regions",
    "with_regions": "regions",
    "region_label": "regions",
    "textstat_indicator_table": "indicators",
    "export_indicator_table": "indicators",
    "textplot_trend": "textplot",
    "textplot_theme_trend": "textplot",
    "textplot_wordcloud": "textplot",
    "textplot_comparison_cloud": "textplot",
    "textplot_keyness": "textplot",
    "textplot_simil": "textplot",
    "textplot_themes": "textplot",
    "textplot_indicators": "textplot",
    "textplot_reuse": "textplot",
    "textplot_map": "textplot",
    "textplot_network": "textplot",
    "write_network": "textplot",
    "textplot_topics": "textplot", "textplot_topics_trend": "textplot",
    "save_figure": "figures",
    "font_path": "fonts",
    "setup_font": "fonts",
    "render": "render",
    "textstat_followthrough": "textstat", "textstat_followthrough_share": "textstat", "plan_items": "textstat",
    "textstat_specificity": "textstat",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    mod = _EXPORTS.get(name)
    if mod is None:
        raise AttributeError(f"module 'fazhi' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"fazhi.{mod}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

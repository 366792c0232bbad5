"""Analyses that return DataFrames (quanteda's ``textstat_*`` grammar), grouped by kind:

- :mod:`~fazhi.textstat.matrix`: the document-feature matrix (:func:`dfm`, :class:`Dfm`) the
  counting analyses are computed on;
- :mod:`~fazhi.textstat.frequency`: :func:`textstat_frequency`, :func:`textstat_keywords`;
- :mod:`~fazhi.textstat.keyness`: :func:`textstat_keyness`, :func:`textstat_emerging`,
  :func:`textstat_distinctive` (and how a comparison splits the reports: :func:`query_sides`,
  :func:`split_counts`; a reader's name for a query: :func:`query_label`);
- :mod:`~fazhi.textstat.trend`: :func:`textstat_trend`, :func:`textstat_themes`,
  :func:`load_themes` (and :func:`regroup_themes`, :func:`compare_themes`, :func:`n_docs_by`);
- :mod:`~fazhi.textstat.simil`: :func:`textstat_simil`, :func:`textstat_neighbours`;
- :mod:`~fazhi.textstat.kwic`: :func:`kwic`;
- :mod:`~fazhi.textstat.terms`: :func:`textstat_terms`, :func:`write_userdict` (new terms for the lexicon);
- :mod:`~fazhi.textstat.colloc`: :func:`textstat_collocations` (quanteda's λ and z).

Conventions shared by every function:

- the first argument is a :class:`~fazhi.corpus.Corpus`; the tokens come from ``corpus.tokens``
  (never segmented here: a corpus read without a store raises ``NoTokensError``, which says to run
  ``fazhi build PATH``), stopwords, boilerplate and units from ``corpus.lexicon`` (the store's);
- a *token* is a non-punctuation token; rates (``per_10k``) and the corpus sizes used by the
  keyness statistics count these tokens (stopwords included, punctuation not);
- a *term* is a token that is not number-only (``2021年``, ``209件``, ``13`` are not terms), of at
  least ``min_chars`` characters and, by default, not a stopword or a boilerplate word of the
  lexicon (``drop_stopwords=True, drop_boilerplate=True``);
- ``by`` is any column of ``corpus.docs`` (report_year, province, city, district, town, level, file,
  doc_id ...) or ``"part"`` (preamble / achievements / problems / duty / plans / other). It
  defaults to the document (``doc_id``), except for the time series (:func:`textstat_trend`,
  :func:`textstat_emerging`: ``report_year``) and :func:`textstat_frequency` (None: the whole
  corpus);
- ``n`` is the most rows of each group (of each side of a comparison, of each document's
  neighbours);
- unknown metadata is a group of its own: the documents whose ``by`` value is missing (``<NA>``
  year, empty place or title) form one group, listed last, whose value is missing (NA) in the
  result; the column keeps the type of ``corpus.docs[by]`` (years stay integers). Tables and
  charts show that group as ``（不明）`` (:data:`fazhi.vocab.UNKNOWN`);
- a comparison with an empty side (keyness, emerging terms) returns an empty table whose
  ``attrs["message"]`` says why (and warns), never an exception;
- terms given by the user (trends, themes) are matched on the token sequence with punctuation
  removed, so ``“七五”普法`` counts both ``七五普法`` and ``“ 七五 ” 普法`` (see
  :func:`textstat_trend` for the ``match`` rule).

>>> corpus = open_corpus("data/raw")                              # doctest: +SKIP
>>> textstat_frequency(corpus, by="report_year", n=5)             # doctest: +SKIP
>>> textstat_keyness(corpus, "province == '广东省'")              # doctest: +SKIP
"""

from __future__ import annotations

from fazhi.textstat._index import PARTS, Match, is_term
from fazhi.textstat.colloc import textstat_collocations
from fazhi.textstat.frequency import textstat_frequency, textstat_keywords
from fazhi.textstat.keyness import (
    query_label,
    query_sides,
    split_counts,
    textstat_distinctive,
    textstat_emerging,
    textstat_keyness,
)
from fazhi.textstat.kwic import kwic
from fazhi.textstat.matrix import Dfm, dfm
from fazhi.textstat.simil import textstat_neighbours, textstat_simil
from fazhi.textstat.terms import term_examples, textstat_terms, userdict_lines, write_userdict
from fazhi.textstat.topics import TopicModel, textmodel_lda, textstat_topic_shares, textstat_topics
from fazhi.textstat.trend import (
    compare_themes,
    load_themes,
    n_docs_by,
    regroup_themes,
    textstat_themes,
    textstat_trend,
)

__all__ = ["PARTS", "Dfm", "Match", "compare_themes", "dfm", "is_term", "kwic", "load_themes",
           "n_docs_by", "query_label", "query_sides", "regroup_themes", "split_counts", "textstat_distinctive",
           "textstat_emerging", "textstat_frequency", "textstat_keyness", "textstat_keywords",
           "textstat_neighbours", "textstat_simil", "textstat_themes", "textstat_trend"]
from fazhi.textstat.cooc import textstat_cooccurrence  # noqa: E402,F401
from fazhi.textstat.scale import textstat_scale  # noqa: E402, F401

__all__ += ["term_examples", "textstat_terms", "userdict_lines", "write_userdict", "textstat_collocations"]
__all__ += ["TopicModel", "textmodel_lda", "textstat_topic_shares", "textstat_topics"]
from fazhi.textstat.problems import textstat_problem_shares, textstat_problems  # noqa: E402,F401,I001
__all__ += ["textstat_problem_shares", "textstat_problems"]

from fazhi.textstat.followthrough import plan_items, textstat_followthrough, textstat_followthrough_share  # noqa: E402,F401,E501,I001
from fazhi.textstat.specificity import textstat_specificity  # noqa: E402,F401
__all__ += ["plan_items", "textstat_followthrough", "textstat_followthrough_share", "textstat_specificity"]

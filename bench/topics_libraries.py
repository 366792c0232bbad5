"""Compare the LDA libraries (tomotopy, gensim) on one store: speed, memory, determinism, topics.

Usage (each library installed apart, e.g. ``pip install --target /tmp/topics_libs/gensim gensim``):
  /usr/bin/time -v python bench/topics_libraries.py LIB STORE K ITERATIONS MAX_DOCFREQ PASSES

LIB: tomotopy or gensim (read from /tmp/topics_libs/LIB first when that folder exists). Both get
the same vocabulary: the dfm's terms with >= 5 occurrences in >= 2 reports and at most
MAX_DOCFREQ of them. tomotopy: ``LDAModel`` (seed 1, ITERATIONS Gibbs sweeps, one worker);
gensim: ``LdaModel`` (random_state 1, PASSES passes, ITERATIONS E-step iterations). Prints the
stage times, peak RSS, a hash of the top words and of the document-topic matrix (run twice: the
same hashes mean the same model) and the first five topics. The figures are in bench/RESULTS.md.
"""

import hashlib
import resource
import sys
import time
from pathlib import Path

lib, path, k, iters = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
max_docfreq, passes = float(sys.argv[5]), int(sys.argv[6])
if Path(f"/tmp/topics_libs/{lib}").is_dir():
    sys.path.insert(0, f"/tmp/topics_libs/{lib}")
import numpy as np  # noqa: E402

import fazhi  # noqa: E402

t0 = time.perf_counter()
corpus = fazhi.open_corpus(path)
m = fazhi.dfm(corpus).trim(min_count=5, min_docs=2)
X = m.counts.tocsr()
feats = m.features.astype(str)
B = X.copy()
B.data[:] = 1
dfr = np.asarray(B.sum(0)).ravel() / X.shape[0]
keep = np.flatnonzero(dfr <= max_docfreq)
X, feats = X[:, keep].tocsr(), feats[keep]
t1 = time.perf_counter()
print("dfm", X.shape, X.sum(), f"{t1 - t0:.1f}s")
if lib == "tomotopy":
    import tomotopy as tp

    mdl = tp.LDAModel(k=k, seed=1, min_cf=0)
    for i in range(X.shape[0]):
        s, e = X.indptr[i], X.indptr[i + 1]
        words = np.repeat(feats[X.indices[s:e]], X.data[s:e].astype(int)).tolist()
        if words:
            mdl.add_doc(words)
    t2 = time.perf_counter()
    mdl.train(iters, workers=1)
    t3 = time.perf_counter()
    top = [[w for w, _ in mdl.get_topic_words(t, top_n=8)] for t in range(k)]
    coh = tp.coherence.Coherence(mdl, coherence="u_mass")
    c = coh.get_score()
    t4 = time.perf_counter()
    theta = np.array([d.get_topic_dist() for d in mdl.docs])
else:
    from gensim.corpora import Dictionary
    from gensim.models import LdaModel
    from gensim.models.coherencemodel import CoherenceModel

    bow = [list(zip(X.indices[X.indptr[i]:X.indptr[i + 1]].tolist(),
                    X.data[X.indptr[i]:X.indptr[i + 1]].astype(int).tolist(), strict=True))
           for i in range(X.shape[0])]
    id2word = dict(enumerate(feats.tolist()))
    t2 = time.perf_counter()
    mdl = LdaModel(bow, num_topics=k, id2word=id2word, random_state=1, passes=passes,
                   iterations=iters, chunksize=2000, alpha="symmetric")
    t3 = time.perf_counter()
    top = [[w for w, _ in mdl.show_topic(t, 8)] for t in range(k)]
    d = Dictionary.from_corpus(bow, id2word=id2word)
    c = CoherenceModel(model=mdl, corpus=bow, dictionary=d, coherence="u_mass").get_coherence()
    t4 = time.perf_counter()
    theta = np.zeros((len(bow), k))
    for i, b in enumerate(bow):
        for t, p in mdl.get_document_topics(b, minimum_probability=0):
            theta[i, t] = p
t5 = time.perf_counter()
print(f"prep {t2 - t1:.1f}s train {t3 - t2:.1f}s coherence {t4 - t3:.1f}s ({c:.3f}) "
      f"theta {t5 - t4:.1f}s total {t5 - t0:.1f}s")
print("maxrss MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print("hash", hashlib.md5(repr(top).encode()).hexdigest(),
      hashlib.md5(np.round(theta, 6).tobytes()).hexdigest())
for t in top[:5]:
    print(" ", " ".join(t))

"""The walking skeleton: files -> corpus -> store -> load."""

from fazhi.corpus import build_corpus, load_corpus


def test_build_and_load_roundtrip(raw_dir, tmp_path):
    built = build_corpus(raw_dir, tmp_path / "store")
    loaded = load_corpus(tmp_path / "store")
    assert len(built.docs) == len(loaded.docs) == 5
    assert set(loaded.tokens["doc_id"]) == set(loaded.docs["doc_id"])
    assert "法治" in " ".join(loaded.tokens["tokens"]).split()

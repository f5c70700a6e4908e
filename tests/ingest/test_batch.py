"""Walking inputs and running extraction with per-file errors, in a stable order."""

from __future__ import annotations

from pathlib import Path

from repression_kg.facts import DocumentFacts
from repression_kg.ingest import IngestError, extract_paths, iter_documents, iter_paths


def make_tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "b" / "z.md").write_text("# Z\n\nText z.", encoding="utf-8")
    (root / "a.txt").write_text("Text a.", encoding="utf-8")
    (root / "c.html").write_text("<p>Text c.</p>", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "notes.pdf").write_bytes(b"%PDF")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "h.txt").write_text("hidden", encoding="utf-8")


def test_iter_paths_recursive_sorted_deduplicated(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = list(iter_paths([tmp_path, tmp_path / "a.txt", tmp_path / "missing.txt"]))
    names = [p.relative_to(tmp_path).as_posix() for p in found]
    assert names == ["a.txt", "b/z.md", "c.html", "empty.txt", "missing.txt"]


def test_iter_documents_yields_errors(tmp_path: Path) -> None:
    make_tree(tmp_path)
    results = {p.name: r for p, r in iter_documents([tmp_path])}
    assert isinstance(results["empty.txt"], IngestError)
    assert results["b" and "z.md"].text == "Z\n\nText z."  # type: ignore[union-attr]
    assert results["c.html"].text == "Text c."  # type: ignore[union-attr]


def test_extract_paths_parallel_keeps_order(tmp_path: Path) -> None:
    for i in range(12):
        (tmp_path / f"doc{i:02}.txt").write_text(f"Document {i}. Text.", encoding="utf-8")
    (tmp_path / "doc05.txt").write_bytes(b"")
    serial = [(p.name, r if isinstance(r, str) else r.to_json())
              for p, r in extract_paths([tmp_path], jobs=1)]
    parallel = [(p.name, r if isinstance(r, str) else r.to_json())
                for p, r in extract_paths([tmp_path], jobs=2)]
    assert serial == parallel
    assert [n for n, _ in serial] == [f"doc{i:02}.txt" for i in range(12)]
    assert serial[5][1] == f"{tmp_path / 'doc05.txt'}: empty file"
    first = DocumentFacts.from_json(serial[0][1])
    assert first.document.id == "doc00"


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "case.txt").write_text(f"Case in {folder}.", encoding="utf-8")
    (tmp_path / "b" / "other.txt").write_text("Other.", encoding="utf-8")
    for jobs in (1, 2):
        out = [(p.relative_to(tmp_path).as_posix(), r) for p, r in
               extract_paths([tmp_path], jobs=jobs)]
        assert [name for name, _ in out] == ["a/case.txt", "b/case.txt", "b/other.txt"]
        assert out[1][1] == (f"{tmp_path / 'b' / 'case.txt'}: duplicate document id 'case' "
                             f"(also {tmp_path / 'a' / 'case.txt'})")
        assert isinstance(out[0][1], DocumentFacts) and isinstance(out[2][1], DocumentFacts)
    docs = dict(iter_documents([tmp_path]))
    assert isinstance(docs[tmp_path / "b" / "case.txt"], IngestError)


def test_a_folders_readme_is_not_a_case_document(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Corpus\n\nOrlov was extradited.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "readme.txt").write_text("notes", encoding="utf-8")
    (tmp_path / "case.txt").write_text("Text.", encoding="utf-8")
    assert [p.name for p in iter_paths([tmp_path])] == ["case.txt"]
    # named on its own, it is read
    assert [p.name for p in iter_paths([tmp_path / "README.md"])] == ["README.md"]

"""Many files → documents → facts, with one clear error per bad file and deterministic order.

Public API (used by ``rkg extract`` and ``rkg build``):

- :func:`iter_paths(paths)` — the document files under files/directories given (recursive,
  suffixes in :data:`SUFFIXES`, hidden files skipped, sorted, duplicates dropped). A path
  that does not exist is yielded as is, so that reading it reports the error.
- :func:`iter_documents(paths, *, max_bytes, published)` — ``(path, Document | IngestError)``.

A document's id is its file stem, so two files with the same stem in different folders
would overwrite each other downstream: the second is reported as an error
(``duplicate document id``) in both iterators.
- :func:`extract_paths(paths, *, jobs, max_bytes, published)` — ``(path, DocumentFacts |
  str)`` where the string is a one-line error (``"corpus/x.txt: empty file"``); runs on
  ``jobs`` worker processes while keeping input order.
- :func:`read_and_extract_paths` — the same with ``(Document, DocumentFacts)`` pairs.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from repression_kg.facts import Document, DocumentFacts
from repression_kg.ingest.read import DEFAULT_MAX_BYTES, FORMATS, IngestError, read_document

SUFFIXES = frozenset(FORMATS)


_FOLDER_NOTES = frozenset({"README", "CHANGELOG", "LICENSE", "CONTRIBUTING", "NOTES"})


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to read, in a stable order: given files as given, directories walked sorted.

    A walked directory's hidden files and its notes about itself (README, CHANGELOG,
    LICENSE, CONTRIBUTING: never case documents) are left out; name such a file to read it.
    """
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.suffix.lower() in SUFFIXES and f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and f.stem.upper() not in _FOLDER_NOTES
            )
        else:
            found = [p]
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f


def _duplicates(files: list[Path]) -> dict[Path, str]:
    """Files whose stem (document id) was already taken by an earlier file → message."""
    owner: dict[str, Path] = {}
    out: dict[Path, str] = {}
    for f in files:
        if f.stem in owner:
            out[f] = f"{f}: duplicate document id {f.stem!r} (also {owner[f.stem]})"
        else:
            owner[f.stem] = f
    return out


def iter_documents(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                   published: str | None = None) -> Iterator[tuple[Path, Document | IngestError]]:
    """Read every file under ``paths``; errors are yielded, never raised."""
    files = list(iter_paths(paths))
    duplicates = _duplicates(files)
    for path in files:
        if path in duplicates:
            yield path, IngestError(path, duplicates[path].split(": ", 1)[1])
            continue
        try:
            yield path, read_document(path, max_bytes=max_bytes, published=published)
        except IngestError as exc:
            yield path, exc


def read_and_extract_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                          published: str | None = None,
                          ) -> tuple[Document, DocumentFacts] | str:
    """Read and extract one file: the document and its facts, or a one-line message."""
    from repression_kg.extract import extract_document

    try:
        doc = read_document(path, max_bytes=max_bytes, published=published)
    except IngestError as exc:
        return str(exc)
    try:
        return doc, extract_document(doc)
    except Exception as exc:  # an extractor bug must not stop the batch
        return f"{path}: extraction failed ({type(exc).__name__}: {exc})".replace("\n", " ")


def extract_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 published: str | None = None) -> DocumentFacts | str:
    """Read and extract one file; a failure comes back as a one-line message."""
    result = read_and_extract_file(path, max_bytes=max_bytes, published=published)
    return result if isinstance(result, str) else result[1]


def _work(args: tuple[str, int, str | None, bool]) -> object:
    result = read_and_extract_file(args[0], max_bytes=args[1], published=args[2])
    return result if args[3] or isinstance(result, str) else result[1]


def extract_paths(paths: Iterable[str | Path], *, jobs: int = 1,
                  max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None,
                  ) -> Iterator[tuple[Path, DocumentFacts | str]]:
    """Facts (or a one-line error) for every file under ``paths``, in input order."""
    yield from _paths(paths, jobs, max_bytes, published, False)  # type: ignore[misc]


def read_and_extract_paths(paths: Iterable[str | Path], *, jobs: int = 1,
                           max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None,
                           ) -> Iterator[tuple[Path, tuple[Document, DocumentFacts] | str]]:
    """The document and its facts (or a one-line error) for every file under ``paths``, in
    input order (what ``rkg build`` needs: the mapping reads the document's text too)."""
    yield from _paths(paths, jobs, max_bytes, published, True)  # type: ignore[misc]


def _paths(paths: Iterable[str | Path], jobs: int, max_bytes: int, published: str | None,
           documents: bool) -> Iterator[tuple[Path, object]]:
    files = list(iter_paths(paths))
    duplicates = _duplicates(files)
    results = _run([f for f in files if f not in duplicates], jobs, max_bytes, published,
                   documents)
    for f in files:
        yield (f, duplicates[f]) if f in duplicates else (f, next(results))


def _run(files: list[Path], jobs: int, max_bytes: int, published: str | None,
         documents: bool) -> Iterator[object]:
    if jobs <= 1 or len(files) < 2:
        for f in files:
            yield _work((str(f), max_bytes, published, documents))
        return
    workers = min(jobs, len(files), os.cpu_count() or 1)
    chunk = max(1, min(32, len(files) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_work, [(str(f), max_bytes, published, documents) for f in files],
                            chunksize=chunk)

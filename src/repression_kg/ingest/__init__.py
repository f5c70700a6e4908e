"""Ingest: files on disk → :class:`~repression_kg.facts.Document` (repaired, markup-free text).

- :func:`read_document` (:mod:`.read`) — one path → Document, or :class:`IngestError`
  (``str(err)`` is ``"<path>: <reason>"``); :data:`DEFAULT_MAX_BYTES` is 5 MiB.
- :func:`document_from_bytes` — the same for bytes in memory.
- :func:`iter_paths`, :func:`iter_documents`, :func:`extract_paths` (:mod:`.batch`) — walk
  files and directories, yield documents or facts with per-file errors, in input order.

Submodules: :mod:`.encoding` (detection), :mod:`.repair` and :mod:`.gbk` (mojibake),
:mod:`.markup` (HTML/Markdown), :mod:`.meta` (title, publication date).
"""

from repression_kg.ingest.batch import (
    SUFFIXES,
    extract_paths,
    iter_documents,
    iter_paths,
    read_and_extract_paths,
)
from repression_kg.ingest.read import (
    DEFAULT_MAX_BYTES,
    IngestError,
    document_from_bytes,
    read_document,
)

__all__ = [
    "DEFAULT_MAX_BYTES", "SUFFIXES", "IngestError", "document_from_bytes", "extract_paths",
    "iter_documents", "iter_paths", "read_and_extract_paths", "read_document",
]

"""CLI: ``rkg extract PATH... [--out FILE] [--jobs N] [--max-bytes N] [--base-date DATE]``.

``-`` as a PATH reads one document from standard input (id ``stdin``).

Writes one JSON object per document per line (the facts contract) to stdout or ``--out``;
each input that cannot be read or extracted gets one line on stderr
(``rkg: corpus/x.txt: empty file``) and the rest of the batch goes on. Exit status: 0 all
inputs extracted, 1 some input failed, 2 usage error.
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import click

from repression_kg.extract import extract_document
from repression_kg.facts import DocumentFacts
from repression_kg.ingest import (
    DEFAULT_MAX_BYTES,
    IngestError,
    document_from_bytes,
    extract_paths,
    iter_paths,
)

_PROGRESS_MIN_FILES = 20


@contextmanager
def _output(out: str | None) -> Any:
    """stdout, or a temporary file beside ``out`` that replaces it only when complete."""
    if out is None or out == "-":
        yield sys.stdout
        return
    target = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _progress(total: int) -> Any:
    """A rich progress bar on stderr when it is a terminal and the batch is large."""
    if total < _PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    return Progress("[progress.description]{task.description}", BarColumn(),
                    MofNCompleteColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True)


def _stdin_document(max_bytes: int, base_date: str | None) -> DocumentFacts | str:
    """``-``: one document read from standard input (id ``stdin``)."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        return f"-: too large (more than {max_bytes} bytes, see --max-bytes)"
    try:
        doc = document_from_bytes(data, doc_id="stdin", path="-", published=base_date)
    except IngestError as exc:
        return str(exc)
    return extract_document(doc)


def run_extract(paths: tuple[str, ...], *, out: str | None, jobs: int, max_bytes: int,
                base_date: str | None) -> int:
    """Extract ``paths`` to JSON lines; return the exit status (0 or 1)."""
    use_stdin = "-" in paths
    files = list(iter_paths(p for p in paths if p != "-"))
    if not files and not use_stdin:
        click.echo("rkg: no .txt, .md or .html files found in the given paths", err=True)
        return 1
    failed = 0
    progress = _progress(len(files))
    with _output(out) as fh:
        if use_stdin:
            result = _stdin_document(max_bytes, base_date)
            if isinstance(result, str):
                failed += 1
                click.echo(f"rkg: {result}", err=True)
            else:
                fh.write(result.to_json() + "\n")
        task = None
        if progress is not None:
            progress.start()
            task = progress.add_task("extracting", total=len(files))
        try:
            for _path, result in extract_paths(files, jobs=jobs, max_bytes=max_bytes,
                                               published=base_date):
                if isinstance(result, str):
                    failed += 1
                    if progress is not None:
                        progress.console.print(f"rkg: {result}", markup=False, highlight=False)
                    else:
                        click.echo(f"rkg: {result}", err=True)
                else:
                    fh.write(result.to_json())
                    fh.write("\n")
                if progress is not None and task is not None:
                    progress.advance(task)
        finally:
            if progress is not None:
                progress.stop()
    return 1 if failed else 0


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def register(root: click.Group, export: click.Group) -> None:
    """Add ``rkg extract`` to the root group."""

    @root.command("extract")
    @click.argument("paths", nargs=-1, required=True, type=click.Path())
    @click.option("-o", "--out", type=click.Path(dir_okay=False, writable=True),
                  help="Write JSON lines to FILE (atomically) instead of stdout.")
    @click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
                  help="Worker processes; output order stays the input order.")
    @click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
                  show_default=True, help="Refuse files larger than this many bytes.")
    @click.option("--base-date", callback=_iso_date, metavar="YYYY-MM-DD",
                  help="Publication date assumed for documents that state none "
                       "(relative dates like 'last fall' are resolved against it).")
    def extract_cmd(paths: tuple[str, ...], out: str | None, jobs: int, max_bytes: int,
                    base_date: str | None) -> None:
        """Extract facts from case documents (files or directories of .txt, .md, .html;
        - reads one document from standard input).

        Prints one JSON object per document per line (the repression-kg/facts/1 contract).
        Unreadable inputs are reported on stderr, one line each ("rkg: FILE: reason"),
        and the rest of the batch goes on. Encodings (UTF-8, UTF-16, cp1251, KOI8-R ...)
        are detected and mojibake is repaired; each repair is listed in document.repairs.

        Exit status: 0 every input extracted, 1 some input failed, 2 usage error.
        """
        if out not in (None, "-"):
            parent = Path(out).parent
            if not parent.is_dir() or not os.access(parent, os.W_OK):
                raise click.BadParameter(f"cannot write into {str(parent)!r}",
                                         param_hint="'--out'")
        try:
            status = run_extract(paths, out=out, jobs=jobs, max_bytes=max_bytes,
                                 base_date=base_date)
        except BrokenPipeError:  # `rkg extract dir | head`: stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            status = 1
        sys.exit(status)

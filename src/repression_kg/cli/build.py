"""CLI commands: `rkg build`, `rkg remove`, `rkg explain`, `rkg stats`, `rkg export rdf`."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from repression_kg.ids import DEFAULT_BASE
from repression_kg.store import StoreError, open_store

STORE_HELP = "Store directory (default: $RKG_STORE or .rkg/store)."
err = Console(stderr=True)


def _store(path: Path | None, read_only: bool = False):  # noqa: ANN202
    try:
        return open_store(path, read_only=read_only)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _remote(endpoint: str, update_endpoint: str | None):  # noqa: ANN202 (RemoteStore)
    from repression_kg.query.backends import QueryError, RemoteStore

    try:
        return RemoteStore(endpoint, update_endpoint)
    except QueryError as exc:
        raise click.UsageError(str(exc)) from exc


def _corrections(paths: tuple[Path, ...], path: Path | None, none: bool):  # noqa: ANN202
    """The corrections to apply: --corrections, an empty set for --no-corrections, the
    default file, or None (the build re-applies what the store recorded). A malformed file
    stops here, before the store is opened: one line, exit status 2."""
    from repression_kg.curation import (
        Corrections,
        CorrectionsError,
        find_corrections_file,
        load_corrections,
    )

    if none and path is not None:
        raise click.UsageError("--corrections and --no-corrections exclude each other")
    if none:
        return Corrections("--no-corrections")
    path = path or find_corrections_file(paths)
    if path is None:
        return None
    try:
        corrections = load_corrections(path)
    except CorrectionsError as exc:
        click.echo(f"rkg: {exc}", err=True)
        sys.exit(2)
    click.echo(f"corrections: {path} ({len(corrections.entries)} entries)", err=True)
    return corrections


def register(root: click.Group, export: click.Group) -> None:
    @root.command("build")
    @click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option("--store", type=click.Path(path_type=Path, file_okay=False), help=STORE_HELP)
    @click.option("--base", default=DEFAULT_BASE, show_default=True,
                  help="Base IRI of everything minted from documents.")
    @click.option("--no-validate", is_flag=True, help="Skip the SHACL gate (not recommended).")
    @click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
                  help="Processes that read and extract documents (the rest of the build "
                       "runs in one); the graph does not depend on it.")
    @click.option("--graph-out", type=click.Path(path_type=Path, file_okay=False),
                  help="Also write the built graph as deterministic TriG + stats (graph/).")
    @click.option("--corrections", "corrections_file", type=click.Path(path_type=Path, dir_okay=False),
                  help="Corrections file to apply (default: corrections.yml in the current "
                       "folder or in a built folder; else those the store recorded last time).")
    @click.option("--no-corrections", is_flag=True,
                  help="Apply no corrections (and remove those the store holds).")
    @click.option("--endpoint", metavar="URL",
                  help="Build into this SPARQL 1.1 endpoint instead of the local store.")
    @click.option("--update-endpoint", metavar="URL",
                  help="Where to send SPARQL Update (default: --endpoint; Oxigraph: …/update).")
    def build_command(paths: tuple[Path, ...], store: Path | None, base: str,
                      no_validate: bool, graph_out: Path | None, endpoint: str | None,
                      update_endpoint: str | None, corrections_file: Path | None,
                      no_corrections: bool, jobs: int) -> None:
        """Build documents (files or folders) into the store: extract, resolve, map,
        validate (SHACL) and load, one transaction per document.

        With --endpoint the graphs go to a SPARQL 1.1 endpoint instead, one SPARQL Update
        per named graph.

        A corrections file (docs/curation.md) is applied on every build: retractions,
        additions, merges and splits, recorded in id:graph/curated.

        Exit status: 0 all loaded, 1 some document or correction failed (the others are
        loaded), 2 usage error or a malformed corrections file (nothing is written).
        """
        from rich.progress import Progress

        from repression_kg.build import build

        corrections = _corrections(paths, corrections_file, no_corrections)

        if update_endpoint and not endpoint:
            raise click.UsageError("--update-endpoint needs --endpoint")
        if endpoint and (store is not None or graph_out is not None):
            raise click.UsageError("--endpoint cannot be combined with --store or --graph-out")
        db = _store(store) if not endpoint else _remote(endpoint, update_endpoint)
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("reading", total=None)
            loading = bar.add_task("loading", total=None, visible=False)

            def committed(doc_id: str) -> None:
                bar.update(task, visible=False)
                bar.update(loading, visible=True, description=f"loaded {doc_id}"[-60:], advance=1)

            try:
                report = build(paths, db, base=base, validate=not no_validate,  # type: ignore[arg-type]
                               corrections=corrections, loaded=committed, jobs=jobs,
                               progress=lambda p: bar.update(task, description=p[-60:],
                                                             advance=1))
            except RuntimeError as exc:  # QueryError: the endpoint refused or is unreachable
                if not endpoint:
                    raise
                raise click.ClickException(str(exc)) from exc
        for _, message in report.failed + report.failed_corrections:
            err.print(f"[red]rkg:[/red] {message}", markup=True, highlight=False)
        for message in report.warnings:
            click.echo(f"rkg: warning: {message}", err=True)
        table = Table(title="Build summary", show_header=False)
        table.add_row("documents", str(report.documents))
        table.add_row("loaded / unchanged / failed",
                      f"{len(report.loaded)} / {len(report.unchanged)} / {len(report.failed)}")
        table.add_row("triples in the loaded documents", f"{report.triples:,}")
        if report.corrections:
            table.add_row("corrections applied", str(report.corrections))
        for cls, n in sorted(report.entities.items(), key=lambda kv: (-kv[1], kv[0])):
            table.add_row(f"  {cls}", str(n))  # in the documents of this build
        err.print(table)
        if graph_out is not None:
            from repression_kg.graphdir import write_graph_dir

            write_graph_dir(db, graph_out)
            err.print(f"wrote {graph_out}/corpus.trig, stats.json and void.ttl")
        del db  # close the store now: a reader opening it next must not meet a live writer
        if report.failed or report.failed_corrections:
            sys.exit(1)

    @root.command("remove")
    @click.argument("doc_ids", nargs=-1, required=True)
    @click.option("--store", type=click.Path(path_type=Path, file_okay=False), help=STORE_HELP)
    @click.option("--base", default=DEFAULT_BASE, show_default=True)
    def remove_command(doc_ids: tuple[str, ...], store: Path | None, base: str) -> None:
        """Delete documents (by id: the file name without extension) from the store."""
        from repression_kg.build import remove

        db = _store(store)
        missing = [d for d in doc_ids if not remove(db, d, base)]
        for d in doc_ids:
            if d not in missing:
                click.echo(f"removed {d}")
        for d in missing:
            err.print(f"rkg: {d}: no such document in the store", highlight=False)
        db.flush()
        if missing:
            sys.exit(1)

    @root.command("explain")
    @click.argument("person")
    @click.option("--store", type=click.Path(path_type=Path, file_okay=False), help=STORE_HELP)
    def explain_command(person: str, store: Path | None) -> None:
        """Show how a person's mentions were merged: names, documents and the rule used."""
        from repression_kg.explain import explain

        rows = explain(_store(store, read_only=True), person)
        if not rows:
            raise click.ClickException(f"no person matches {person!r}")
        for row in rows:
            click.echo(row["iri"])
            click.echo(f"  rule: {row['rule']}")
            click.echo(f"  why:  {row['reason']}")
            click.echo("  names: " + "; ".join(row["names"]))
            click.echo("  documents: " + ", ".join(row["documents"]))
            for c in row["curated"]:
                click.echo(f"  curated: {c['what']} (by {c['who']}, {c['when']}): {c['why']}")

    @root.command("stats")
    @click.option("--store", type=click.Path(path_type=Path, file_okay=False), help=STORE_HELP)
    def stats_command(store: Path | None) -> None:
        """Counts of documents, triples and entities by class in the store."""
        from repression_kg.graphdir import stats

        for key, value in stats(_store(store, read_only=True)).items():
            click.echo(f"{key}: {value}")

    @export.command("rdf")
    @click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "jsonld"]),
                  default="trig", show_default=True)
    @click.option("--store", type=click.Path(path_type=Path, file_okay=False), help=STORE_HELP)
    @click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
                  help="Output file (default: stdout).")
    def export_rdf(fmt: str, store: Path | None, out: Path | None) -> None:
        """Write the whole graph, sorted (the same store always gives the same bytes).

        trig, nquads and jsonld keep the named graphs; turtle merges them. JSON-LD is
        compacted with the project's context (ontology/context.jsonld, read locally) and
        refers to it by its published address, https://w3id.org/repression-kg/context.jsonld.
        Files are written to a temporary name and moved into place.
        """
        from repression_kg.rdf.serialise import serialise, write_rdf

        db = _store(store, read_only=True)
        quads = list(db.quads_for_pattern(None, None, None, None))
        if out is None:
            sys.stdout.buffer.write(serialise(quads, fmt))
        else:
            write_rdf(quads, out, fmt)
            err.print(f"{out}: {len(quads):,} quads")

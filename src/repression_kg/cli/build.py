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


def register(root: click.Group, export: click.Group) -> None:
    @root.command("build")
    @click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option("--store", type=click.Path(path_type=Path, file_okay=False), help=STORE_HELP)
    @click.option("--base", default=DEFAULT_BASE, show_default=True,
                  help="Base IRI of everything minted from documents.")
    @click.option("--no-validate", is_flag=True, help="Skip the SHACL gate (not recommended).")
    @click.option("--graph-out", type=click.Path(path_type=Path, file_okay=False),
                  help="Also write the built graph as deterministic TriG + stats (graph/).")
    def build_command(paths: tuple[Path, ...], store: Path | None, base: str,
                      no_validate: bool, graph_out: Path | None) -> None:
        """Build documents (files or folders) into the store: extract, resolve, map,
        validate (SHACL) and load, one transaction per document.

        Exit status: 0 all loaded, 1 some document failed (the others are loaded),
        2 usage error.
        """
        from rich.progress import Progress

        from repression_kg.build import build

        db = _store(store)
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("reading", total=None)
            report = build(paths, db, base=base, validate=not no_validate,
                           progress=lambda p: bar.update(task, description=p[-60:],
                                                         advance=1))
        for _, message in report.failed:
            err.print(f"[red]rkg:[/red] {message}", markup=True, highlight=False)
        table = Table(title="Build summary", show_header=False)
        table.add_row("documents", str(report.documents))
        table.add_row("loaded / unchanged / failed",
                      f"{len(report.loaded)} / {len(report.unchanged)} / {len(report.failed)}")
        table.add_row("triples in the loaded documents", f"{report.triples:,}")
        for cls, n in sorted(report.entities.items(), key=lambda kv: (-kv[1], kv[0])):
            if cls in ("Person", "Charge", "Sentence", "Court", "Organisation", "Case",
                       "PrincipleInvocation", "Designation", "Relationship", "Document") \
                    or cls in ("Deportation", "Extradition", "Detention", "Arrest"):
                table.add_row(f"  {cls}", str(n))
        err.print(table)
        if graph_out is not None:
            from repression_kg.graphdir import write_graph_dir

            write_graph_dir(db, graph_out)
            err.print(f"wrote {graph_out}/corpus.trig and {graph_out}/stats.json")
        if report.failed:
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

        trig, nquads and jsonld keep the named graphs; turtle merges them. JSON-LD uses the
        published context ontology/context.jsonld.
        """
        from repression_kg.rdf.serialise import serialise, write_rdf

        db = _store(store, read_only=True)
        quads = list(db.quads_for_pattern(None, None, None, None))
        if out is None:
            sys.stdout.buffer.write(serialise(quads, fmt))
        else:
            write_rdf(quads, out, fmt)
            err.print(f"{out}: {len(quads):,} quads")

"""CLI commands: the query library (`rkg queries`, `rkg query`), `rkg analyse`, `rkg export graph`.

Exit codes: 0 success; 1 the query or analysis failed (syntax, engine, endpoint); 2 usage
(unknown query, unknown or badly typed parameter, refused query text).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from repression_kg.query import (
    ParamError,
    QueryError,
    QuerySpecError,
    QueryTextError,
    load_file,
    load_library,
    open_backend,
    run,
)
from repression_kg.query.formats import FORMATS, render, select_columns
from repression_kg.store import StoreError

EXIT_FAILED = 1
EXIT_USAGE = 2


def _fail(message: str, code: int) -> None:
    click.echo(f"rkg: {message}", err=True)
    sys.exit(code)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, eq, value = pair.partition("=")
        if not eq or not key.strip():
            _fail(f"--param {pair!r}: write it as key=value", EXIT_USAGE)
        values[key.strip()] = value
    return values


def _backend(store: Path | None, endpoint: str | None,  # noqa: ANN202 (LocalBackend | RemoteBackend)
             in_memory: bool = False):
    if in_memory and endpoint:
        _fail("--in-memory copies the local store; it cannot be combined with --endpoint",
              EXIT_USAGE)
    try:
        return open_backend(store=store, endpoint=endpoint, in_memory=in_memory)
    except StoreError as exc:
        _fail(str(exc), EXIT_USAGE)
    except QueryError as exc:
        _fail(str(exc), EXIT_USAGE)
    raise AssertionError("unreachable")


store_option = click.option("--store", type=click.Path(path_type=Path, file_okay=False),
                            help="Store directory (default: $RKG_STORE or .rkg/store).")
endpoint_option = click.option("--endpoint", metavar="URL",
                               help="Query a SPARQL 1.1 endpoint instead of the local store.")
in_memory_option = click.option(
    "--in-memory", is_flag=True,
    help="Copy the store into memory first (about 10 s per million quads): queries then run "
         "up to 3x faster, which pays for many queries or an analysis of a large graph.")


def register(root: click.Group, export: click.Group) -> None:
    """Add this module's commands to the root group and the export group."""

    @root.command("queries")
    @click.option("--folder", type=click.Path(path_type=Path, file_okay=False), help="Another query folder.")
    def queries_cmd(folder: Path | None) -> None:
        """List the named queries with their parameters."""
        try:
            library = load_library(folder)
        except QuerySpecError as exc:
            _fail(str(exc), EXIT_FAILED)
        for name, spec in library.items():
            click.echo(f"{name}\n  {spec.title}\n  parameters: {spec.signature()}")

    @root.command("query")
    @click.argument("name", required=False)
    @click.option("--file", "file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                  help="Run this .rq file instead of a named query.")
    @click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
    @click.option("--columns", metavar="A,B,...", help="Show only these result columns, in this order.")
    @click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated queries reach the network).")
    @store_option
    @endpoint_option
    @in_memory_option
    def query_cmd(name: str | None, file: Path | None, params: tuple[str, ...], fmt: str,
                  columns: str | None, allow_service: bool, store: Path | None, endpoint: str | None,
                  in_memory: bool) -> None:
        """Run a named query of the library (see `rkg queries`) or a .rq file."""
        if (name is None) == (file is None):
            _fail("give a query NAME or --file X.rq (one of them)", EXIT_USAGE)
        try:
            if file is not None:
                spec = load_file(file)
            else:
                library = load_library()
                if name is None or name not in library:
                    _fail(f"unknown query {name!r}; known: {', '.join(library)}", EXIT_USAGE)
                    return
                spec = library[name]
        except QuerySpecError as exc:
            _fail(str(exc), EXIT_USAGE)
        values = _params(params)
        backend = _backend(store, endpoint, in_memory)
        try:
            result = run(spec, backend, values, allow_service=allow_service)
        except (ParamError, QueryTextError) as exc:
            _fail(str(exc), EXIT_USAGE)
        except QueryError as exc:
            _fail(str(exc), EXIT_FAILED)
        if columns:
            try:
                result = select_columns(result, [c.strip() for c in columns.split(",") if c.strip()])
            except ValueError as exc:
                _fail(f"--columns: {exc}", EXIT_USAGE)
        click.echo(render(result, fmt, title=spec.title), nl=False)

    @root.command("analyse")
    @click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("exports") / "analysis",
                  show_default=True, help="Folder for report.md and report.html.")
    @click.option("--top", type=int, default=20, show_default=True, help="Rows per ranking.")
    @store_option
    @endpoint_option
    @in_memory_option
    def analyse_cmd(out: Path, top: int, store: Path | None, endpoint: str | None,
                    in_memory: bool) -> None:
        """Network analysis of the graph: centrality, communities, shared statutes, courts, transfers."""
        from repression_kg.analyse.report import write_report

        backend = _backend(store, endpoint, in_memory)
        try:
            paths = write_report(backend, out, top=top)
        except QueryError as exc:
            _fail(str(exc), EXIT_FAILED)
        for path in paths:
            click.echo(str(path))

    @export.command("graph")
    @click.option("--format", "fmt", type=click.Choice(("graphml", "gexf", "csv")), default="graphml", show_default=True)
    @click.option("--view", type=click.Choice(("person-statute", "person-person", "court-statute", "transfers",
                                               "co-defendants")), default="person-statute", show_default=True)
    @click.option("--out", type=click.Path(path_type=Path, dir_okay=False), help="Output file (CSV: a folder prefix).")
    @store_option
    @endpoint_option
    @in_memory_option
    def export_graph_cmd(fmt: str, view: str, out: Path | None, store: Path | None, endpoint: str | None,
                         in_memory: bool) -> None:
        """Write one network for Gephi, Cytoscape or a spreadsheet (GraphML, GEXF, CSV)."""
        from repression_kg.analyse.networks import build_view
        from repression_kg.export.graphs import write_graph

        backend = _backend(store, endpoint, in_memory)
        try:
            graph = build_view(backend, view)
        except QueryError as exc:
            _fail(str(exc), EXIT_FAILED)
        target = out or Path("exports") / f"{view}.{fmt if fmt != 'csv' else 'csv'}"
        for path in write_graph(graph, target, fmt):
            click.echo(str(path))

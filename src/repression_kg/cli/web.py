"""CLI: `rkg site` (static entity browser) and `rkg serve` (SPARQL endpoint + linked data)."""

from __future__ import annotations

from pathlib import Path

import click

from repression_kg.store import StoreError, open_store

STORE_OPTION = click.option("--store", type=click.Path(path_type=Path, file_okay=False),
                            help="Store directory (default: $RKG_STORE or .rkg/store).")


def register(root: click.Group, export: click.Group) -> None:
    """Add this module's commands to the root group and the export group."""

    @root.command("site")
    @STORE_OPTION
    @click.option("--out", type=click.Path(path_type=Path, file_okay=False),
                  default=Path("exports") / "site", show_default=True,
                  help="Folder to write (replaced only if it holds an earlier rkg site).")
    @click.option("--jobs", type=click.IntRange(1, 32), default=1, show_default=True,
                  help="Render pages in this many processes (more memory; pays on idle cores).")
    def site(store: Path | None, out: Path, jobs: int) -> None:
        """Write the static entity browser: one HTML page per entity, the quote behind every
        fact, an index with search. Works from file:// and any static host; loads nothing
        from the network."""
        from repression_kg.site import SiteError, write_site

        try:
            graph = open_store(store, read_only=True)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        try:
            stats = write_site(graph, out, jobs=jobs,
                               progress=lambda line: click.echo(line, err=True))
        except SiteError as exc:
            raise click.ClickException(str(exc)) from exc
        kinds = ", ".join(f"{n:,} {k}" for k, n in stats.by_kind.items())
        click.echo(f"{out}/index.html: {stats.pages:,} pages ({kinds}); {stats.files:,} files, "
                   f"{stats.bytes / 1e6:.1f} MB in {stats.seconds:.1f} s")

    @root.command("serve")
    @STORE_OPTION
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Interface to listen on (loopback by default; anything else exposes it).")
    @click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
                  help="Port (0 picks a free one).")
    @click.option("--timeout", type=click.FloatRange(0.1, 3600), default=30.0,
                  show_default=True, help="Seconds a query may run before it is stopped (504).")
    @click.option("--max-rows", type=click.IntRange(1), default=100_000, show_default=True,
                  help="Rows (or triples) a result may have; more is an error (422).")
    @click.option("--max-concurrent", type=click.IntRange(1, 64), default=4, show_default=True,
                  help="Worker processes; further requests get 429 with Retry-After.")
    @click.option("--allow-update", is_flag=True,
                  help="Accept SPARQL Update and graph-store writes (needs --token; one worker).")
    @click.option("--token", envvar="RKG_SERVE_TOKEN",
                  help="Bearer token writers must send (or $RKG_SERVE_TOKEN).")
    @click.option("--cors", metavar="ORIGIN",
                  help="Send Access-Control-Allow-Origin for this origin (none by default).")
    @click.option("--base", default="https://w3id.org/repression-kg/", show_default=True,
                  help="IRI base mapped to this server's /id/ and /ref/ paths.")
    @click.option("--queries", "queries_dir", type=click.Path(path_type=Path, file_okay=False,
                                                              exists=True),
                  help="Folder of named .rq queries for the query page (default: queries/).")
    @click.option("--site", type=click.Path(path_type=Path, file_okay=False, exists=True),
                  help="A folder written by `rkg site`: served at /site/, and entity IRIs "
                       "redirect (303) to its pages instead of rendering them per request.")
    @click.option("--quiet", is_flag=True, help="Do not log requests.")
    def serve_command(store: Path | None, host: str, port: int, timeout: float, max_rows: int,
                      max_concurrent: int, allow_update: bool, token: str | None,
                      cors: str | None, base: str, queries_dir: Path | None,
                      site: Path | None, quiet: bool) -> None:
        """Serve the graph: SPARQL 1.1 endpoint at /sparql, entity pages and RDF at /id/…
        and /ref/…, a query page at /. Read-only unless --allow-update --token T."""
        from repression_kg.serve import ServerConfig, serve
        from repression_kg.store import default_store_path

        if allow_update and not token:
            raise click.UsageError("--allow-update needs --token (or $RKG_SERVE_TOKEN)")
        if not base.startswith(("http://", "https://")) or not base.endswith("/"):
            raise click.UsageError(f"--base must be an http(s) IRI ending in '/': {base!r}")
        path = store if store is not None else default_store_path()
        if not path.is_dir():
            raise click.ClickException(f"{path}: no store here (run `rkg build` first, or "
                                       "pass --store)")
        config = ServerConfig(store=path, host=host, port=port, timeout=timeout,
                              max_rows=max_rows, max_concurrent=max_concurrent,
                              allow_update=allow_update, token=token, cors=cors, base=base,
                              queries_dir=queries_dir, site=site, quiet=quiet)
        try:
            serve(config)
        except (OSError, RuntimeError, ValueError) as exc:
            raise click.ClickException(str(exc)) from exc

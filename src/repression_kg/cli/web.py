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
    def site(store: Path | None, out: Path) -> None:
        """Write the static entity browser: one HTML page per entity, the quote behind every
        fact, an index with search. Works from file:// and any static host; loads nothing
        from the network."""
        from repression_kg.site import SiteError, write_site

        try:
            graph = open_store(store, read_only=True)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        try:
            stats = write_site(graph, out)
        except SiteError as exc:
            raise click.ClickException(str(exc)) from exc
        kinds = ", ".join(f"{n:,} {k}" for k, n in stats.by_kind.items())
        click.echo(f"{out}/index.html: {stats.pages:,} pages ({kinds}); {stats.files:,} files, "
                   f"{stats.bytes / 1e6:.1f} MB in {stats.seconds:.1f} s")

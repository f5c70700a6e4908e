"""CLI: `rkg export html` — self-contained HTML network views."""

from __future__ import annotations

from pathlib import Path

import click

from repression_kg.ids import slug
from repression_kg.store import StoreError, open_store


def register(root: click.Group, export: click.Group) -> None:
    from repression_kg.export.views import VIEWS

    @export.command("html")
    @click.option("--view", type=click.Choice(VIEWS), default="overview", show_default=True,
                  help="Which network to draw.")
    @click.option("--person", metavar="NAME", help="Name, alias or IRI (the person view).")
    @click.option("--store", type=click.Path(path_type=Path, file_okay=False),
                  help="Store directory (default: $RKG_STORE or .rkg/store).")
    @click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
                  help="Output file (default: exports/<view>.html).")
    @click.option("--max-nodes", type=click.IntRange(10, 20000), default=2000, show_default=True,
                  help="Above this the overview aggregates and other views keep the "
                       "best-connected nodes.")
    @click.option("--site", type=click.Path(path_type=Path, file_okay=False, exists=True),
                  help="A static site made by `rkg site`: nodes link to its entity pages.")
    def export_html(view: str, person: str | None, store: Path | None, out: Path | None,
                    max_nodes: int, site: Path | None) -> None:
        """Write a self-contained HTML network (works offline; all scripts inlined).

        Views: overview (aggregates above --max-nodes; click a group to draw its people),
        statutes, transfers, principles, person (--person NAME).
        """
        from repression_kg.export import html, kgdata
        from repression_kg.export.views import ViewError, build_view

        try:
            data = kgdata.load(open_store(store, read_only=True))
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        try:
            net = build_view(data, view, person=person, max_nodes=max_nodes)
        except ViewError as exc:
            raise click.UsageError(str(exc)) from exc
        if out is None:
            name = f"person-{slug(person or '')}" if view == "person" else view
            out = Path("exports") / f"{name}.html"
        if site is not None:
            from repression_kg.export.sitelinks import link_nodes

            link_nodes(net, site, out)
        html.write(net, out)
        click.echo(f"{out}: {len(net.nodes):,} nodes, {len(net.edges):,} edges"
                   + (f" ({'; '.join(net.notes)})" if net.notes else ""))

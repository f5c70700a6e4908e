"""`rkg demo`: the whole job on the bundled corpus, in one command.

Builds corpus/ into a store, reasons over it, runs a few headline queries, writes the
analysis report, the HTML network views and the entity browser into exports/, and says
where to open them. Each step is an ordinary `rkg` command (shown as it runs), so a user
can repeat any of them by hand.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from rich.console import Console
from rich.rule import Rule

from repression_kg.resources import repo_root

console = Console(stderr=True)

#: Queries shown by the demo: (query name, parameters, why a reader cares).
HEADLINE_QUERIES: list[tuple[str, list[str], str]] = [
    ("statute-people", [], "How many people were charged under each statute, and their sentences"),
    ("transfers", [], "People handed back to Russia by other states, and what followed"),
    ("shared-statute-pairs", [], "People who share a statute"),
    ("principles-per-statute", [], "Principles the authors say each statute's use violates"),
]


def _steps(corpus: Path, store: Path, exports: Path) -> list[tuple[str, list[str]]]:
    s = ["--store", str(store)]
    steps: list[tuple[str, list[str]]] = [
        ("Check the ontology with the OWL reasoner", ["ontology", "check"]),
        ("Build the graph from the bundled corpus", ["build", str(corpus), *s]),
        ("Materialise the inferences", ["reason", *s]),
    ]
    for name, params, why in HEADLINE_QUERIES:
        args = ["query", name, *s, "--format", "table"]
        for p in params:
            args += ["--param", p]
        steps.append((why, args))
    site = ["--site", str(exports / "site")]
    steps += [
        ("Write the analysis report", ["analyse", *s, "--out", str(exports / "analysis")]),
        ("Write the entity browser", ["site", *s, "--out", str(exports / "site")]),
    ]
    for view in ("overview", "statutes", "transfers", "principles"):
        steps.append((f"Write the {view} network", ["export", "html", *s, "--view", view,
                                                    *site, "--out", str(exports / f"{view}.html")]))
    return steps


def _run(root: click.Group, args: list[str]) -> int:
    """Run one `rkg` command in this process and return its exit code."""
    try:
        result = root.main(args=args, prog_name="rkg", standalone_mode=False)
    except SystemExit as exc:  # a command that calls sys.exit
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    return result if isinstance(result, int) else 0


def register(root: click.Group, export: click.Group) -> None:
    @root.command("demo")
    @click.option("--corpus", type=click.Path(path_type=Path, file_okay=False),
                  help="Documents to build (default: the bundled corpus/).")
    @click.option("--store", type=click.Path(path_type=Path, file_okay=False),
                  default=Path(".rkg") / "demo-store", show_default=True,
                  help="Store to build into; rebuilt from scratch.")
    @click.option("--exports", type=click.Path(path_type=Path, file_okay=False),
                  default=Path("exports"), show_default=True, help="Where to write the views.")
    def demo(corpus: Path | None, store: Path, exports: Path) -> None:
        """Build the bundled corpus and write every view of it (the README's first command)."""
        if corpus is None:
            checkout = repo_root()
            corpus = checkout / "corpus" if checkout else Path("corpus")
        if not corpus.is_dir():
            raise click.UsageError(f"{corpus}: no corpus here; pass --corpus DIR")
        if store.exists():
            shutil.rmtree(store)
        exports.mkdir(parents=True, exist_ok=True)
        failed: list[str] = []
        for title, args in _steps(corpus, store, exports):
            console.print(Rule(title))
            console.print(f"[dim]$ rkg {' '.join(args)}[/dim]")
            code = _run(root, args)
            if code:
                failed.append(f"rkg {' '.join(args)} (exit {code})")
        console.print(Rule("Done"))
        site = exports / "site" / "index.html"
        console.print(f"Entity browser:   {site.resolve().as_uri()}")
        console.print(f"Networks:         {(exports / 'overview.html').resolve().as_uri()}")
        console.print(f"Analysis report:  {(exports / 'analysis' / 'report.html').resolve().as_uri()}")
        console.print(f"SPARQL endpoint:  rkg serve --store {store}")
        if failed:
            console.print("[red]Some steps failed:[/red]\n  " + "\n  ".join(failed))
            raise SystemExit(1)

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
from rich.markup import escape
from rich.rule import Rule

from repression_kg.resources import repo_root

console = Console(stderr=True)

#: Queries shown by the demo: (query name, parameters, columns shown, why a reader cares).
HEADLINE_QUERIES: list[tuple[str, list[str], str, str]] = [
    ("statute-people", [], "number,title,people,sentenced,min_months,median_months,mean_months,max_months",
     "How many people were charged under each statute, and their sentences"),
    ("transfers", [], "name,kind,date,from_name,to_name,months,sentence_date",
     "People handed back to Russia by other states, and what followed"),
    ("shared-statute-pairs", [], "number,name_a,name_b", "People who share a statute"),
    ("principles-per-statute", [], "number,principle_name,cases,people",
     "Principles the authors say each statute's use violates"),
]
#: The network views the demo writes: (view, person or None, file name).
DEMO_VIEWS: list[tuple[str, str | None, str]] = [
    ("overview", None, "overview.html"), ("statutes", None, "statutes.html"),
    ("transfers", None, "transfers.html"), ("principles", None, "principles.html"),
]
#: A person of the bundled corpus whose neighbourhood the demo draws.
DEMO_PERSON = "Mikhail Zhilin"


def _views(bundled: bool) -> list[tuple[str, str | None, str]]:
    if not bundled:
        return DEMO_VIEWS
    return [*DEMO_VIEWS, ("person", DEMO_PERSON, "person-mikhail-zhilin.html")]


def _steps(corpus: Path, store: Path, exports: Path, *, bundled: bool = True) -> list[tuple[str, list[str]]]:
    s = ["--store", str(store)]
    steps: list[tuple[str, list[str]]] = [
        ("Check the ontology with the OWL reasoner", ["ontology", "check"]),
        ("Build the graph from the bundled corpus", ["build", str(corpus), *s]),
        ("Materialise the inferences", ["reason", *s]),
    ]
    for name, params, columns, why in HEADLINE_QUERIES:
        args = ["query", name, *s, "--format", "table", "--columns", columns]
        for p in params:
            args += ["--param", p]
        steps.append((why, args))
    site = ["--site", str(exports / "site")]
    steps += [
        ("Write the analysis report", ["analyse", *s, "--out", str(exports / "analysis")]),
        ("Write the entity browser", ["site", *s, "--out", str(exports / "site")]),
    ]
    for view, person, filename in _views(bundled):
        who = ["--person", person] if person else []
        title = f"Write the {view} network" + (f" of {person}" if person else "")
        steps.append((title, ["export", "html", *s, "--view", view, *who, *site,
                              "--out", str(exports / filename)]))
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
        bundled = corpus is None
        if corpus is None:
            checkout = repo_root()
            corpus = checkout / "corpus" if checkout else Path("corpus")
        if not corpus.is_dir():
            raise click.UsageError(f"{corpus}: no corpus here; pass --corpus DIR")
        if store.exists():
            shutil.rmtree(store)
        exports.mkdir(parents=True, exist_ok=True)
        failed: list[str] = []
        for title, args in _steps(corpus, store, exports, bundled=bundled):
            console.print(Rule(title))
            console.print(f"[dim]$ rkg {escape(' '.join(args))}[/dim]", soft_wrap=True)
            code = _run(root, args)
            if code:
                failed.append(f"rkg {' '.join(args)} (exit {code})")
        console.print(Rule("Done"))
        console.print("Open these in a browser (they work offline, from any folder):")
        rows = [("Entity browser", exports / "site" / "index.html"),
                ("Analysis report", exports / "analysis" / "report.html"),
                ("Analysis report (Markdown)", exports / "analysis" / "report.md")]
        rows += [(f"Network: {view}" + (f" ({person})" if person else ""), exports / filename)
                 for view, person, filename in _views(bundled)]
        for label, path in rows:
            mark = "" if path.is_file() else "  [red](missing)[/red]"
            console.print(f"  {label + ':':<30} {escape(path.resolve().as_uri())}{mark}", soft_wrap=True)
        console.print(f"  {'SPARQL endpoint:':<30} rkg serve --store {escape(str(store))}", soft_wrap=True)
        console.print(f"  {'More questions:':<30} rkg queries; rkg query NAME --store {escape(str(store))}",
                      soft_wrap=True)
        if failed:
            console.print("[red]Some steps failed:[/red]\n  " + "\n  ".join(failed))
            raise SystemExit(1)

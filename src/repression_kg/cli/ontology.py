"""CLI commands: `rkg ontology check|vocab|docs|reference|validate` and `rkg reason`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

EXIT_FAILED = 1
EXIT_USAGE = 2


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group("ontology")
def ontology_group() -> None:
    """The model in ontology/: check it, reason over it, generate vocab.py and docs."""


@ontology_group.command("check")
@click.option("--reasoner/--no-reasoner", default=True, show_default=True,
              help="Run HermiT (needs Java) for consistency and classification.")
def check_command(reasoner: bool) -> None:
    """Parse every model file, count terms, require labels and definitions, run HermiT.

    Exits 1 when a term lacks a label or definition, a class is unsatisfiable or the
    ontology with its reference data is inconsistent; 2 when a file cannot be parsed.
    """
    from repression_kg.ontology import OntologyError, load_ontology, load_reference
    from repression_kg.ontology.check import count, defined_classes, term_problems
    from repression_kg.ontology.files import all_turtle_files, load_graph

    try:
        for path in all_turtle_files():
            load_graph([path])
        ontology, reference = load_ontology(), load_reference()
    except OntologyError as exc:
        _fail(str(exc))
    counts = count(ontology, reference)
    for name, value in counts.rows():
        click.echo(f"{name:<38}{value:>7}")
    failed = False
    for problem in term_problems(ontology):
        click.echo(f"problem: {problem}", err=True)
        failed = True
    if reasoner:
        from repression_kg.ontology.hermit import ReasonerError, run_hermit

        try:
            result = run_hermit(ontology + reference, [str(c) for c in defined_classes(ontology)])
        except ReasonerError as exc:
            _fail(str(exc), EXIT_FAILED)
        if not result.consistent:
            click.echo(f"reasoner (HermiT): INCONSISTENT after {result.seconds:.1f} s: {result.message}")
            sys.exit(EXIT_FAILED)
        click.echo(f"reasoner (HermiT): consistent in {result.seconds:.1f} s; "
                   f"{result.inferred_subsumptions} subsumptions and {result.inferred_types} "
                   f"memberships inferred")
        for iri in result.unsatisfiable:
            click.echo(f"problem: unsatisfiable class {iri}", err=True)
            failed = True
        for iri, members in sorted(result.memberships.items()):
            click.echo(f"  {iri.rsplit('#', 1)[-1]:<36}{len(members):>5} members in reference data")
    sys.exit(EXIT_FAILED if failed else 0)


@ontology_group.command("vocab")
@click.option("--check", "check_only", is_flag=True, help="Only report whether vocab.py is stale (exit 1).")
def vocab_command(check_only: bool) -> None:
    """Regenerate src/repression_kg/vocab.py from ontology/repression.ttl."""
    from repression_kg.ontology import load_ontology
    from repression_kg.ontology.vocabgen import VOCAB_FILE, is_fresh, write

    ontology = load_ontology()
    if check_only:
        fresh = is_fresh(ontology)
        click.echo(f"{VOCAB_FILE}: {'fresh' if fresh else 'STALE (run `rkg ontology vocab`)'}")
        sys.exit(0 if fresh else EXIT_FAILED)
    changed = write(ontology)
    click.echo(f"{VOCAB_FILE}: {'written' if changed else 'unchanged'}")


@ontology_group.command("reference")
@click.option("--check", "check_only", is_flag=True,
              help="Only report whether the generated files are stale (exit 1).")
def reference_command(check_only: bool) -> None:
    """Regenerate ontology/reference/{places,courts,organisations}.ttl from the gazetteers
    of ontology/lookups/ (places.yml, courts.yml, organisations.yml)."""
    from repression_kg.ontology.reference import GazetteerError, stale, write_all

    try:
        if check_only:
            old = stale()
            for path in old:
                click.echo(f"{path}: STALE (run `rkg ontology reference`)")
            if not old:
                click.echo("ontology/reference: places, courts, organisations fresh")
            sys.exit(EXIT_FAILED if old else 0)
        written = write_all()
    except GazetteerError as exc:
        _fail(str(exc))
    for path in written:
        click.echo(f"{path}: written")
    if not written:
        click.echo("ontology/reference: places, courts, organisations unchanged")


@ontology_group.command("docs")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=Path("exports/ontology.html"),
              show_default=True, help="Where to write the HTML page.")
@click.option("--markdown", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Also write the Markdown version here (e.g. docs/ontology.md).")
def docs_command(out: Path, markdown: Path | None) -> None:
    """Write a readable, self-contained HTML page documenting classes and properties."""
    from repression_kg.ontology.docs import render_html, render_markdown, write_atomic

    write_atomic(out, render_html())
    click.echo(f"wrote {out}")
    if markdown is not None:
        write_atomic(markdown, render_markdown())
        click.echo(f"wrote {markdown}")


@ontology_group.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True))
def validate_command(files: tuple[Path, ...]) -> None:
    """Validate RDF files (Turtle, TriG, N-Triples, N-Quads) against ontology/shapes.ttl.

    Each file is checked on its own; every violation is printed with its node and
    constraint, and the exit status is 1 if any file fails.
    """
    from rdflib import Dataset, Graph

    from repression_kg.ontology.shacl import validate

    formats = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads"}
    failed = False
    for path in files:
        fmt = formats.get(path.suffix.lower())
        if fmt is None:
            click.echo(f"{path}: unknown RDF format (use .ttl, .trig, .nt or .nq)", err=True)
            failed = True
            continue
        data = Graph()
        try:
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                data.add((s, p, o))
        except Exception as exc:  # rdflib raises many types for bad syntax
            click.echo(f"{path}: cannot parse: {str(exc).splitlines()[0] if str(exc) else exc!r}", err=True)
            failed = True
            continue
        report = validate(data)
        click.echo(f"{path}: {'conforms' if report.conforms else 'does NOT conform'}")
        for violation in report.violations:
            click.echo(f"  {violation.line()}")
        failed |= not report.conforms
    sys.exit(EXIT_FAILED if failed else 0)


@click.command("reason")
@click.option("--store", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Store directory (default: $RKG_STORE or .rkg/store).")
def reason_command(store: Path | None) -> None:
    """Materialise the ontology's inferences into the graph id:graph/inferred (replaced).

    Applies ontology/rules/*.rq until nothing new follows: superclass and domain/range
    types, inverse, symmetric and transitive property values, and the defined classes
    (transferred person, speech defendant, dual prosecution case …).
    """
    from repression_kg.reason import INFERRED_GRAPH, RuleError, reason_store
    from repression_kg.store import StoreError

    try:
        report = reason_store(store)
    except (StoreError, RuleError) as exc:
        _fail(str(exc))
    for graph in report.loaded:
        click.echo(f"loaded the model into {graph} (it was missing)")
    for name, added in report.per_rule.items():
        click.echo(f"  {name:<24}{added:>9} triples")
    click.echo(f"{report.triples} triples inferred in {report.rounds} rounds, "
               f"{report.seconds:.2f} s -> {INFERRED_GRAPH}")


def register(root: click.Group, export: click.Group) -> None:
    """Add this module's commands to the root group and the export group."""
    root.add_command(ontology_group)
    root.add_command(reason_command)

"""CLI: ``rkg evaluate GOLD DIR [--format table|json] [--show-errors] [--min-f1 TYPE=VALUE]``.

GOLD is a gold JSON file or a directory of them; DIR a directory (or file) of documents
to ingest and extract, or a ``.jsonl`` of `rkg extract` output. Prints precision, recall
and F1 per fact type, then how often the attributes of matched facts agree with the gold
(regime and date of a sentence, ``stated_by_number`` of a charge, birth year of a person,
date of a transfer). Exit status: 0 scored (and every ``--min-f1`` floor met), 1 a floor
was missed or a document could not be read or extracted (its facts count as misses), 2
usage error (bad gold, missing path, bad option).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from repression_kg.evaluate import TYPES, GoldError, Score, load_gold, load_predictions, score


def _floors(values: tuple[str, ...]) -> dict[str, float]:
    out: dict[str, float] = {}
    for v in values:
        kind, sep, num = v.partition("=")
        if not sep or kind not in TYPES:
            raise click.BadParameter(f"{v!r}: expected TYPE=VALUE with TYPE one of "
                                     f"{', '.join(TYPES)}", param_hint="--min-f1")
        try:
            out[kind] = float(num)
        except ValueError:
            raise click.BadParameter(f"{v!r}: {num!r} is not a number",
                                     param_hint="--min-f1") from None
        if not 0.0 <= out[kind] <= 1.0:
            raise click.BadParameter(f"{v!r}: VALUE must be between 0 and 1",
                                     param_hint="--min-f1")
    return out


def _table(scores: dict[str, Score], n_docs: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Extraction against gold ({n_docs} documents)")
    for col in ("type", "gold", "predicted", "TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for kind, s in scores.items():
        table.add_row(kind, str(s.tp + s.fn), str(s.tp + s.fp), str(s.tp), str(s.fp),
                      str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
    Console().print(table)
    rows = [(kind, name, n, t) for kind, sc in scores.items()
            for name, (n, t) in sc.attributes.items() if t]
    if rows:
        attrs = Table(title="Attributes of matched facts (where the gold states them)")
        for col in ("type", "attribute", "compared", "agree", "accuracy"):
            attrs.add_column(col, justify="left" if col in ("type", "attribute") else "right")
        for kind, name, n, t in rows:
            attrs.add_row(kind, name, str(t), str(n), f"{n / t:.3f}")
        Console().print(attrs)


def _errors(scores: dict[str, Score]) -> None:
    by_doc: dict[str, list[str]] = {}
    for kind, s in scores.items():
        for doc, label in s.false_positives:
            by_doc.setdefault(doc, []).append(f"  FP {kind}: {label}")
        for doc, label in s.false_negatives:
            by_doc.setdefault(doc, []).append(f"  FN {kind}: {label}")
    for kind, s in scores.items():
        for doc, label, name, want, got in s.wrong_attributes:
            by_doc.setdefault(doc, []).append(
                f"  ≠ {kind}: {label}: {name} {want!r} (gold) vs {got!r}")
    for doc in sorted(by_doc):
        click.echo(doc)
        for line in by_doc[doc]:
            click.echo(line)


def register(root: click.Group, export: click.Group) -> None:
    """Add this module's commands to the root group and the export group."""

    @root.command("evaluate")
    @click.argument("gold", type=click.Path(exists=True, path_type=Path))
    @click.argument("documents", metavar="DIR", type=click.Path(exists=True, path_type=Path))
    @click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                  show_default=True, help="Output format.")
    @click.option("--show-errors", is_flag=True,
                  help="List false positives and false negatives per document.")
    @click.option("--min-f1", "min_f1", multiple=True, metavar="TYPE=VALUE",
                  help="Exit 1 when the F1 of TYPE is below VALUE (repeatable).")
    @click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
                  help="Worker processes for extraction.")
    def evaluate(gold: Path, documents: Path, fmt: str, show_errors: bool,
                 min_f1: tuple[str, ...], jobs: int) -> None:
        """Score extraction of DIR against the GOLD annotations (P/R/F1 per fact type)."""
        floors = _floors(min_f1)
        problems: list[str] = []
        try:
            gold_docs = load_gold(gold)
            predicted = load_predictions(documents, jobs=jobs, errors=problems)
        except GoldError as exc:
            raise click.UsageError(str(exc)) from None
        for line in problems:
            click.echo(f"rkg: {line}", err=True)
        for doc_id in sorted(set(gold_docs) - set(predicted)):
            click.echo(f"rkg: {documents}: no document {doc_id!r} for its gold", err=True)
        scores = score(gold_docs, predicted)
        if fmt == "json":
            out = {"documents": len(gold_docs),
                   "scores": {k: s.to_dict() for k, s in scores.items()}}
            if show_errors:
                out["errors"] = {k: {"false_positives": [list(x) for x in s.false_positives],
                                     "false_negatives": [list(x) for x in s.false_negatives],
                                     "wrong_attributes": [list(x) for x in s.wrong_attributes]}
                                 for k, s in scores.items()}
            click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        else:
            _table(scores, len(gold_docs))
            if show_errors:
                _errors(scores)
        missed = [f"{k}: F1 {scores[k].f1:.3f} < {v}" for k, v in floors.items()
                  if scores[k].f1 < v]
        for line in missed:
            click.echo(f"rkg: below floor: {line}", err=True)
        if missed or problems:
            sys.exit(1)  # a floor missed, or a document that could not be read (scored as misses)

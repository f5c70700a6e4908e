"""The `rkg` command: a thin layer over the library, one module per group of commands.

Exit codes (as in pySHACL): 0 success; 1 some input failed or a graph does not conform;
2 usage or load error.
"""

from __future__ import annotations

import click

from repression_kg import __version__
from repression_kg.cli import analysis, build, demo, evaluate, extract, html, ontology, web

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="rkg")
def root() -> None:
    """repression-kg: case documents in, a knowledge graph with provenance out."""


@root.group("export")
def export_group() -> None:
    """Write the graph out: RDF, tables for Gephi, self-contained HTML networks."""


for _module in (ontology, extract, evaluate, build, analysis, html, web, demo):
    _module.register(root, export_group)


def main() -> None:
    root(prog_name="rkg")

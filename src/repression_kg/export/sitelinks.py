"""Link the nodes of a network view to the entity pages of a site made by `rkg site`.

A node links to its page only when that page exists, with a path relative to the HTML
file, so the pair works together from a USB stick or any static host.
"""

from __future__ import annotations

import os
from pathlib import Path

from repression_kg.export.network import Network
from repression_kg.site.naming import page_path

#: node group → the site's page kind
PAGE_KIND = {"person": "person", "statute": "statute", "court": "court", "country": "place",
             "place": "place", "principle": "principle", "organisation": "organisation"}


def link_nodes(net: Network, site: Path, out: Path) -> int:
    """Set ``url`` on every node whose page exists under ``site``; return how many."""
    linked = 0
    base = out.resolve().parent
    for node in net.nodes + net.hidden_nodes:
        kind = PAGE_KIND.get(node.group)
        if kind is None:
            continue
        page = site / page_path(node.id, kind)
        if page.is_file():
            node.url = Path(os.path.relpath(page.resolve(), base)).as_posix()
            linked += 1
    return linked

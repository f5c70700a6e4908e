"""The merge judgements of person resolution as RDF, kept across builds.

``id:graph/resolution`` holds one PROV activity per resolved person (``<person>#resolution``):
the person it generated, the rule and its reason, the documents it used and the names it
merged. A build judges only the documents it reads, so the judgements it writes are merged
with those already stored: a stored judgement keeps the documents this build did not read
(and that are still in the store) with their names; documents read again are judged anew.
``rkg remove`` takes a document out of every judgement, and a judgement left without a
document goes with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from pyoxigraph import NamedNode, Quad

from repression_kg.ids import doc_iri
from repression_kg.rdf.terms import RDFS_COMMENT, RDFS_LABEL, prov, rkg, string
from repression_kg.resolve import PersonResolver
from repression_kg.resolve.persons import base_key

RESOLUTION_GRAPH = "graph/resolution"
_LABEL = "resolution of "  # + the resolution key, in each judgement's rdfs:label


def resolution_quads(resolver: PersonResolver, base: str) -> list[Quad]:
    """This build's judgements as PROV activities in ``id:graph/resolution``."""
    graph = NamedNode(base + RESOLUTION_GRAPH)
    out = []
    for judgement in resolver.judgements.values():
        node = NamedNode(judgement.iri + "#resolution")
        out += [Quad(node, prov("generated"), NamedNode(judgement.iri), graph),
                Quad(node, RDFS_LABEL, string(_LABEL + judgement.key), graph),
                Quad(node, RDFS_COMMENT, string(judgement.reason), graph),
                Quad(node, rkg("resolutionRule"), string(judgement.rule), graph)]
        out += [Quad(node, prov("used"), NamedNode(doc_iri(d, base=base)), graph)
                for d in sorted(judgement.documents)]
        out += [Quad(node, rkg("mergedName"), string(n), graph) for n in sorted(judgement.names)]
        out += [Quad(node, prov("wasInfluencedBy"), NamedNode(c), graph)
                for c in sorted(judgement.corrections)]
    return out


def merge_judgements(stored: Iterable[Quad], new: list[Quad], read: set[str],
                     present: Callable[[str], bool]) -> list[Quad]:
    """``new`` judgements plus what ``stored`` says about documents this build did not
    ``read`` (document IRIs) and that are still ``present`` in the store."""
    used = prov("used")
    by_node: dict[str, list[Quad]] = defaultdict(list)
    for quad in stored:
        by_node[quad.subject.value].append(quad)
    new_nodes = {q.subject.value for q in new}
    out = list(new)
    for node, quads in sorted(by_node.items()):
        kept = [q for q in quads if q.predicate == used
                and q.object.value not in read and present(q.object.value)]
        if not kept:
            continue
        if node in new_nodes:  # this build's rule and reason, with the older documents and names
            out += kept + [q for q in quads if q.predicate == rkg("mergedName")]
        else:
            out += [q for q in quads if q.predicate != used] + kept
    return sorted(set(out), key=str)


def forget_document_update(document: str, base: str) -> str:
    """A SPARQL update that takes ``document`` (an IRI) out of every judgement and drops the
    judgements that used no other document."""
    graph = NamedNode(base + RESOLUTION_GRAPH)
    used = prov("used")
    return (f"DELETE WHERE {{ GRAPH {graph} {{ ?j {used} {NamedNode(document)} }} }} ;\n"
            f"DELETE {{ GRAPH {graph} {{ ?j ?p ?o }} }} WHERE {{ GRAPH {graph} {{ ?j ?p ?o "
            f"FILTER NOT EXISTS {{ ?j {used} ?other }} }} }}")


def stored_people(store, base: str, read: set[str],  # noqa: ANN001  (Store or RemoteStore)
                  keys: set[str] | None = None) -> dict[str, set[int]]:
    """Resolution key → stated birth years of the people the store holds from documents
    (IRIs) not in ``read`` and still stored, for the names whose base key is in ``keys``
    (None: every name): what a build that reads only some documents resolves its people
    against (:class:`~repression_kg.resolve.PersonResolver` ``prior``)."""
    graph = NamedNode(base + RESOLUTION_GRAPH)
    wanted = []
    for quad in store.quads_for_pattern(None, RDFS_LABEL, None, graph):
        label = quad.object.value
        if label.startswith(_LABEL) and (
                keys is None or base_key(label[len(_LABEL):]) in keys):
            wanted.append((quad.subject, label[len(_LABEL):]))
    out: dict[str, set[int]] = {}
    present: dict[str, bool] = {}
    for node, full in wanted:
        for generated in store.quads_for_pattern(node, prov("generated"), None, graph):
            for used in store.quads_for_pattern(node, prov("used"), None, graph):
                doc = used.object
                if doc.value in read:
                    continue
                if doc.value not in present:
                    present[doc.value] = store.contains_named_graph(doc)
                if not present[doc.value]:
                    continue
                years = out.setdefault(full, set())
                years.update(int(q.object.value) for q in store.quads_for_pattern(
                    generated.object, rkg("birthYear"), None, doc))
    return out


#: People whose documents give birth years further apart than an age allows (one year):
#: resolution keeps such people apart, within a build and against the stored people, so a
#: conflict means a maintainer's merge, or a store written before builds resolved against
#: what it holds.
BIRTH_YEAR_CONFLICTS = """
PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?person (MIN(?year) AS ?low) (MAX(?year) AS ?high)
       (GROUP_CONCAT(DISTINCT STR(?g); separator=" ") AS ?graphs)
WHERE { %s GRAPH ?g { ?person a rkg:Person ; rkg:birthYear ?year } }
GROUP BY ?person
HAVING (MAX(?year) - MIN(?year) > 1)
ORDER BY ?person
"""


def birth_year_conflicts(store, people: Iterable[str] | None = None,  # noqa: ANN001
                         ) -> list[str]:
    """One warning per person IRI (of ``people``, or any) whose stored documents give
    incompatible birth years."""
    values = "" if people is None else \
        "VALUES ?person { " + " ".join(str(NamedNode(p)) for p in sorted(set(people))) + " }"
    out = []
    for row in store.query(BIRTH_YEAR_CONFLICTS % values):
        docs = ", ".join(sorted(g.rsplit("/", 1)[-1] for g in row["graphs"].value.split()))
        out.append(f"{row['person'].value}: born {row['low'].value} and {row['high'].value} "
                   f"according to {docs}; these may be different people merged under one IRI "
                   "(by a correction, or by an older build): rebuild their documents "
                   "together to keep them apart")
    return out

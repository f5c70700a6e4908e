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


STORED_PEOPLE = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?label ?doc ?year WHERE {
  GRAPH %s { ?j prov:generated ?person ; rdfs:label ?label ; prov:used ?doc }
  OPTIONAL { GRAPH ?doc { ?person rkg:birthYear ?year } }
}
"""
def stored_people(store, base: str, read: set[str]) -> dict[str, set[int]]:  # noqa: ANN001
    """Resolution key → stated birth years of the people the store holds from documents
    (IRIs) not in ``read`` and still stored: what a build that reads only some documents
    resolves its people against (:class:`~repression_kg.resolve.PersonResolver` ``prior``)."""
    out: dict[str, set[int]] = {}
    present: dict[str, bool] = {}
    for row in store.query(STORED_PEOPLE % NamedNode(base + RESOLUTION_GRAPH)):
        doc, label = row["doc"].value, row["label"].value
        if doc in read or not label.startswith(_LABEL):
            continue
        if doc not in present:
            present[doc] = store.contains_named_graph(NamedNode(doc))
        if not present[doc]:
            continue
        years = out.setdefault(label[len(_LABEL):], set())
        if row["year"] is not None:
            years.add(int(row["year"].value))
    return out


#: People whose documents give birth years further apart than an age allows (one year):
#: resolution keeps such people apart, within a build and against the stored people, so a
#: conflict means a maintainer's merge, or a store written before builds resolved against
#: what it holds.
BIRTH_YEAR_CONFLICTS = """
PREFIX rkg: <https://w3id.org/repression-kg/ontology#>
SELECT ?person (MIN(?year) AS ?low) (MAX(?year) AS ?high)
       (GROUP_CONCAT(DISTINCT STR(?g); separator=" ") AS ?graphs)
WHERE { GRAPH ?g { ?person a rkg:Person ; rkg:birthYear ?year } }
GROUP BY ?person
HAVING (MAX(?year) - MIN(?year) > 1)
ORDER BY ?person
"""


def birth_year_conflicts(store) -> list[str]:  # noqa: ANN001  (pyoxigraph.Store or RemoteStore)
    """One warning per person IRI whose stored documents give incompatible birth years."""
    out = []
    for row in store.query(BIRTH_YEAR_CONFLICTS):
        docs = ", ".join(sorted(g.rsplit("/", 1)[-1] for g in row["graphs"].value.split()))
        out.append(f"{row['person'].value}: born {row['low'].value} and {row['high'].value} "
                   f"according to {docs}; these may be different people merged under one IRI "
                   "(by a correction, or by an older build): rebuild their documents "
                   "together to keep them apart")
    return out

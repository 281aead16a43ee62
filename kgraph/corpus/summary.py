"""Short summaries of what a build produced: letters, entities by type, relations, links."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from kgraph.model import ENTITY_TYPES, LetterResult


def summarise_counts(letters: int, types: Counter[str], relations: int, links: int) -> str:
    by_type = ", ".join(f"{types[t]} {t}" for t in ENTITY_TYPES if types[t])
    return (
        f"{letters} letter{'s' if letters != 1 else ''}; "
        f"{sum(types.values())} entities ({by_type or 'none'}); "
        f"{relations} relations; {links} Wikidata links"
    )


def summarise_results(results: Sequence[LetterResult]) -> str:
    types: Counter[str] = Counter()
    relations = links = 0
    for r in results:
        types.update(e.type for e in r.entities)
        relations += len(r.relations)
        links += sum(1 for link in r.links if link.qid)
    return summarise_counts(len(results), types, relations, links)


COUNTS = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX wd: <http://www.wikidata.org/entity/>
SELECT ?what ?n WHERE {
  { SELECT ("letters" AS ?what) (COUNT(DISTINCT ?l) AS ?n) WHERE { GRAPH ?g { ?l a kg:Letter } } }
  UNION { SELECT ?what (COUNT(DISTINCT ?e) AS ?n) WHERE {
      GRAPH ?g { ?e a ?c }
      FILTER(?c IN (kg:Person, kg:Place, kg:Organization, kg:Periodical, kg:Work,
                    kg:Event, kg:Group, kg:Concept))
      BIND(STRAFTER(STR(?c), "#") AS ?what) } GROUP BY ?what }
  UNION { SELECT ("relations" AS ?what) (COUNT(DISTINCT ?a) AS ?n) WHERE {
      GRAPH ?g { ?a a kg:Assertion ; rdf:predicate ?p }
      FILTER(STRSTARTS(STR(?p), STR(kg:)) && ?p != kg:placeOfWriting) } }
  UNION { SELECT ("links" AS ?what) (COUNT(DISTINCT ?e) AS ?n) WHERE {
      GRAPH ?g { ?e owl:sameAs ?w } FILTER(STRSTARTS(STR(?w), STR(wd:))) } }
}"""


def summarise_files(files: Sequence[str | Path]) -> str:
    from kgraph.store.query import load_graphs, run_query

    result = run_query(load_graphs(files), COUNTS)
    counts = {row[0].value: int(row[1].value) for row in result.rows if row[0] and row[1]}
    types: Counter[str] = Counter({t: counts.get(t, 0) for t in ENTITY_TYPES})
    return summarise_counts(
        counts.get("letters", 0), types, counts.get("relations", 0), counts.get("links", 0)
    )

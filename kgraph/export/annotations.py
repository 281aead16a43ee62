"""Every mention of a collection as a W3C Web Annotation (JSON-LD).

One ``Annotation`` a mention, motivation ``identifying``: its target is the letter's IRI with
a ``TextPositionSelector`` (start and end in Unicode code points of the letter's ``kg:text``,
as kgraph counts them) and a ``TextQuoteSelector`` (the exact text, and up to
``CONTEXT`` code points before and after it when the letter's text is in the graph); its
bodies are the entity's IRI and, when linked, its Wikidata item.

The document names the Web Annotation context by its IRI, as the model asks; kgraph never
fetches it (a JSON-LD processor reading the file may, or may use a local copy).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kgraph.export.collection import Collection, LetterView, MentionView, read_collection
from kgraph.rdf.write import write_atomic

__all__ = ["ANNO_CONTEXT", "CONTEXT", "annotations_bytes", "annotations_of", "export_annotations"]

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
WIKIDATA = "http://www.wikidata.org/entity/"
CONTEXT = 32  # code points of prefix and suffix in a TextQuoteSelector


def annotations_of(collection: Collection) -> list[dict[str, Any]]:
    """The annotations of every mention, letter by letter, in text order."""
    found: list[dict[str, Any]] = []
    for letter in collection.letters:
        for mention in letter.mentions:
            found.append(_annotation(collection, letter, mention))
    return found


def _annotation(collection: Collection, letter: LetterView, m: MentionView) -> dict[str, Any]:
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": m.anchor}
    if letter.text is not None:
        quote["prefix"] = letter.text[max(0, m.begin - CONTEXT) : m.begin]
        quote["suffix"] = letter.text[m.end : m.end + CONTEXT]
    bodies: list[dict[str, Any]] = [
        {"type": "SpecificResource", "source": m.entity, "purpose": "identifying"}
    ]
    entity = collection.entities.get(m.entity)
    if entity is not None and entity.wikidata:
        bodies.append(
            {
                "type": "SpecificResource",
                "source": WIKIDATA + entity.wikidata,
                "purpose": "identifying",
            }
        )
    return {
        "id": f"{letter.iri}#annotation-char={m.begin},{m.end}",
        "type": "Annotation",
        "motivation": "identifying",
        "body": bodies,
        "target": {
            "source": letter.iri,
            "selector": [
                {"type": "TextPositionSelector", "start": m.begin, "end": m.end},
                quote,
            ],
        },
    }


def annotations_bytes(collection: Collection) -> bytes:
    """The JSON-LD document: the Web Annotation context and one annotation a mention."""
    document = {"@context": ANNO_CONTEXT, "@graph": annotations_of(collection)}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def export_annotations(
    data: Sequence[str | Path] = (),
    out: str | Path = "annotations.jsonld",
    *,
    store: str | Path | None = None,
    endpoint: str | None = None,
) -> int:
    """Read a collection and write its mentions as Web Annotations to ``out``; the count."""
    collection = read_collection(data, store=store, endpoint=endpoint)
    write_atomic(Path(out), annotations_bytes(collection))
    return sum(len(letter.mentions) for letter in collection.letters)

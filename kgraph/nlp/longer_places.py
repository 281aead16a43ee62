"""A known place at the end of a longer place name the model found: "the White Nile",
"West Africa", "New South Wales", "the Isle of Orleans". The authority ruler overrides the
model where they overlap, so it would keep "Nile", "Africa" or "Wales" and lose the name the
letter wrote. ``kgraph_model_places`` keeps the model's names before the ruler;
``kgraph_longer_places``, after it, gives the longer name back when the known place ends it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

MODEL_PLACES = "kgraph.model_places"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# the words a longer place name may add to the known one: "the", "of" ("the Isle of Orleans")
JOINING = frozenset({"the", "of"})


@Language.component("kgraph_model_places")
def model_places(doc: Doc) -> Doc:
    """Keep the model's place names as they were before the authority ruler."""
    doc.spans[MODEL_PLACES] = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    return doc


def _one_name(span: Span) -> bool:
    """A single name: its words capitalised or joining words, no comma or list between them
    ("the White Nile"; not "Brighton, Bath" nor "Paris and Lyons")."""
    return all(t.is_title or t.is_upper or t.lower_ in JOINING for t in span if not t.is_space)


def longer(doc: Doc) -> list[Span]:
    """The model's place names that end in a known place of the authority ruler."""
    found = []
    ents = list(doc.ents)
    for outer in doc.spans.get(MODEL_PLACES, []):
        inner = [
            e
            for e in ents
            if e.ent_id_.startswith("auth:")
            and e.label_ == "Place"
            and outer.start <= e.start
            and e.end == outer.end  # the known place ends the name: not "the Paris Exhibition"
            and len(e) < len(outer)
        ]
        # the model's span covers nothing else the ruler found, and is one name
        others = [e for e in ents if e.start < outer.end and outer.start < e.end]
        if len(inner) == 1 and len(others) == 1 and _one_name(outer):
            extra = [t for t in outer if t.i < inner[0].start or t.i >= inner[0].end]
            if any(t.is_title or t.is_upper for t in extra):  # more than "the"
                found.append(Span(doc, outer.start, outer.end, label="Place", span_id="ner"))
    return found


@Language.component("kgraph_longer_places")
def longer_places(doc: Doc) -> Doc:
    """Give back the model's longer place names over the known places inside them."""
    restored = longer(doc)
    if restored:
        kept = [e for e in doc.ents if not any(r.start <= e.start < r.end for r in restored)]
        doc.ents = filter_spans([*kept, *restored])
    return doc

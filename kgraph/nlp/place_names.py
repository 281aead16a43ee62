"""The ``kgraph_place_names`` component: a name the tagger cut short of the place word that
makes it a place. The model often keeps only the name in "Kentish Town", "Reichenbach
Falls", "Boulevard Montmartre", "Fort Mandan", "Cook's Strait" or "St. Peter's", and the
name alone then reads as a person or another place. The place words are data
(``place-head-words.txt`` and ``place-name-heads.txt``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kgraph.settings import read_words

GROWN = frozenset({"Place", "Person", "Organization", "Group"})
SAINTS = frozenset({"st.", "st", "saint", "ste.", "ste"})
# what may follow "St. X's" when it names the church or the place, not the saint's thing
AFTER_SAINT = frozenset({"ADP", "ADV", "CCONJ", "SCONJ", "VERB", "AUX", "PRON", "DET", "PUNCT"})
DAYS = frozenset({"yesterday", "today", "tomorrow", "tonight"})


@Language.factory("kgraph_place_names", default_config={})
class PlaceNames:
    """Grow a name by the capitalised place word next to it, into one place."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.heads: frozenset[str] = frozenset()

    def initialize(self, get_examples: Any = None, *, nlp: Any = None, data_dir: Path) -> None:
        self.heads = read_words(data_dir / "place-head-words.txt") | read_words(
            data_dir / "place-name-heads.txt"
        )

    def _head(self, token: Token) -> bool:
        """A capitalised place word no longer name holds ("Strait" alone may be a name)."""
        if not (token.is_title and token.lower_ in self.heads):
            return False
        return token.ent_type_ == "" or any(
            e.start == token.i and len(e) == 1 for e in token.doc.ents
        )

    def grown(self, doc: Doc, ent: Span) -> Span | None:
        """The longer place around ``ent``, or None."""
        if ent.label_ not in GROWN or not all(t.is_title or t.is_punct for t in ent):
            return None
        if ent[-1].lower_ in self.heads:  # "Hyde Park" is whole
            return None
        start, end = ent.start, ent.end
        possessive = end < len(doc) and doc[end].tag_ == "POS"
        after = end + 1 if possessive else end
        while after < len(doc) and self._head(doc[after]):
            after += 1  # "Reichenbach Falls", "Cook's Strait", "Kentish Town"
        if after > end + possessive:
            end = after
        elif possessive and ent[0].lower_ in SAINTS and len(ent) > 1:
            nxt = doc[end + 1] if end + 1 < len(doc) else None
            if nxt is None or nxt.pos_ in AFTER_SAINT or nxt.lower_ in DAYS:
                end += 1  # "walked to St. Peter's yesterday"; not "St. Paul's epistle"
        if start > 0 and self._head(doc[start - 1]):
            start -= 1  # "the Boulevard Montmartre", "Fort Mandan", "the Hotel Alexandria"
        elif start > 1 and doc[start - 1].lower_ == "of" and self._head(doc[start - 2]):
            start -= 2  # "the Bridge of Allan"
        elif (
            start > 2
            and doc[start - 1].lower_ == "the"
            and doc[start - 2].lower_ == "of"
            and self._head(doc[start - 3])
        ):
            start -= 3  # "wintered at the Lake of the Hills"
        if (start, end) == (ent.start, ent.end):
            return None
        return Span(doc, start, end, label="Place", span_id=ent.ent_id_)

    def __call__(self, doc: Doc) -> Doc:
        found = [g for g in (self.grown(doc, e) for e in doc.ents) if g is not None]
        if found:
            kept = [e for e in doc.ents if not any(g.start <= e.start < g.end for g in found)]
            doc.ents = filter_spans([*kept, *found])
        return doc

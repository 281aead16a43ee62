"""The words around a name that tell what kind of name it is: "the" with a preposition of
place before it ("in the Tatras"), an article ("the Congress"), "to" after a verb of motion
("went to Ranelagh"), "from" after what comes from a person ("a letter from Hobhouse"), a
nationality standing for its people ("the English are pleased"). Used by ``kgraph_types``."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

WHERE = frozenset(
    {"in", "at", "near", "above", "below", "across", "along", "beyond", "over", "up", "down"}
    | {"on", "to", "from", "of", "through", "into", "towards", "toward", "among", "under"}
)

# a letter of the correspondent's (or a third person's) came from where they were
OWNERS = frozenset({"your", "thy", "his", "her", "their", "our"})


def previous(doc: Doc, ent: Span) -> Token | None:
    """The token before ``ent``, past spaces."""
    i = ent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def where_the(doc: Doc, ent: Span) -> bool:
    """ "in the X", "above the X": a preposition of place and "the" before the name."""
    prev = previous(doc, ent)
    if prev is None or prev.lower_ != "the" or prev.i == 0:
        return False
    return doc[prev.i - 1].lower_ in WHERE


def after_article(doc: Doc, ent: Span) -> bool:
    prev = previous(doc, ent)
    return prev is not None and prev.lower_ in ("the", "a", "an", "this", "that")


def moved_to(prev: Token, motion: frozenset[str]) -> bool:
    """ "to" after a verb of motion ("went to", "drove over to"), also through the adverb
    the parser hangs it on ("we must go back to Tarnby", "rode down to Halvik"): a place
    follows."""
    if prev.lower_ != "to" or prev.head.i == prev.i:
        return False
    head = prev.head
    if head.tag_ in ("RB", "RP") and head.head.i != head.i:
        head = head.head
    return head.lemma_.lower() in motion


def sent_from(doc: Doc, prev: Token | None, sent_words: frozenset[str]) -> bool:
    """ "a letter from Hobhouse", "another from Kinnaird", "I heard from Lyell": what comes
    from a person. Not the correspondent's own letter ("your letter from Baddeck", "thy long
    letter from Auburn"): that one names where it was written."""
    if prev is None or prev.lower_ != "from" or prev.i == 0:
        return False
    before = doc[prev.i - 1]
    owner = doc[before.i - 1] if before.i > 0 else None
    if owner is not None and owner.tag_ == "JJ" and owner.i > 0:
        owner = doc[owner.i - 1]  # "your long letter"
    if owner is not None and owner.lower_ in OWNERS:
        return False
    return before.lower_ in sent_words or before.lemma_.lower() in sent_words


def people(doc: Doc, ent: Span) -> bool:
    """A nationality after "the" and before no noun ("the English are pleased", "the
    French, who …"): the people as a body, not the language ("in English") or an
    adjective ("the English Channel", "the English edition")."""
    prev = previous(doc, ent)
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return (
        len(ent) == 1
        and prev is not None
        and prev.lower_ == "the"
        and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))
    )

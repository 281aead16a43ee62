"""Round 8 of entity rules: an institution word alone names a body, not the place or the
person the tagger took it for (``data/patterns/institution-words.txt``); a railway, an
orchestra, a conservatory or a seminary with a name before it is an organisation
(``data/patterns/cues.jsonl``)."""

from __future__ import annotations

from tests.helpers import Entities


def test_institution_word_alone_is_a_body(entities: Entities) -> None:
    text = (
        "Dear Tom,\n\nThe work at the Conservatorium is hard, and I have written twice to "
        "the Admiralty about the charts.\n\nYour friend,\nAnn Grey\n"
    )
    found = entities(text)
    assert ("Conservatorium", "Organization") in found
    assert ("Admiralty", "Organization") in found


def test_named_railway_and_orchestra_are_bodies(entities: Entities) -> None:
    text = (
        "Dear Tom,\n\nThe Great Northern Railway has lost my trunk, and the Dorset Orchestra "
        "plays without me on Friday.\n\nYour friend,\nAnn Grey\n"
    )
    found = entities(text)
    assert ("Great Northern Railway", "Organization") in found
    assert ("Dorset Orchestra", "Organization") in found

"""One thing, one type: a lone name the tagger typed a place or a body that the letter also
names as a person (``kgraph.extract.surnames``), resolved on mentions made by hand so the
test does not hang on the statistical tagger's guesses."""

from __future__ import annotations

from typing import Any

from kgraph.extract.resolve import resolve
from kgraph.model import EntityType, Mention
from kgraph.text.letters import parse_letter
from kgraph.text.reading import read_text

LETTER = """Dear Margaret,

We dined with Professor Arnold Whitlock on Tuesday. Whitlock has promised the drawings.

We stayed a week at Kelso. Kelso is a pleasant little town.

Tell Ormond the boat is mended; Ormond will be glad.

Your affectionate brother,
Walter
"""


def _mention(text: str, name: str, kind: EntityType, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(start, start + len(name), name, kind, "ner")


def _types(processor: Any, mentions: list[Mention]) -> dict[str, list[str]]:
    letter = parse_letter(read_text(LETTER, "test-letter"))
    res = resolve(letter, tuple(sorted(mentions, key=lambda m: m.start)), processor.authority)
    found: dict[str, list[str]] = {}
    for e in res.entities:
        found.setdefault(e.type, []).append(e.label)
    return found


def test_a_lone_surname_typed_a_body_is_the_person_named_in_full(processor: Any) -> None:
    mentions = [
        _mention(LETTER, "Professor Arnold Whitlock", "Person"),
        _mention(LETTER, "Whitlock", "Organization", nth=1),
    ]
    types = _types(processor, mentions)
    assert "Organization" not in types
    assert types["Person"] == ["Arnold Whitlock"]


def test_a_word_read_as_person_and_place_is_a_place_after_at(processor: Any) -> None:
    mentions = [_mention(LETTER, "Kelso", "Place"), _mention(LETTER, "Kelso", "Person", nth=1)]
    types = _types(processor, mentions)
    assert types.get("Place") == ["Kelso"]
    assert "Person" not in types


def test_a_word_read_as_person_and_place_is_a_person_without_a_place_word(
    processor: Any,
) -> None:
    mentions = [_mention(LETTER, "Ormond", "Place"), _mention(LETTER, "Ormond", "Person", nth=1)]
    types = _types(processor, mentions)
    assert types.get("Person") == ["Ormond"]
    assert "Place" not in types


def test_a_surname_after_at_stays_a_place(processor: Any) -> None:
    text_mentions = [
        _mention(LETTER, "Professor Arnold Whitlock", "Person"),
        _mention(LETTER, "Kelso", "Place"),
    ]
    types = _types(processor, text_mentions)
    assert types.get("Place") == ["Kelso"]


SIGNED = """My dear Sophie,

The new overture of Berlioz was played last night to a full hall.

Your loving brother,
Hector
"""


def test_a_signed_given_name_is_the_known_person_it_begins(processor: Any) -> None:
    """ "Berlioz" is a name the authority file knows in full (Hector Berlioz): a letter
    signed "Hector" is signed by him, not by a second person."""
    letter = parse_letter(read_text(SIGNED, "test-letter"))
    start = SIGNED.index("Hector")
    mentions = (
        _mention(SIGNED, "Berlioz", "Person"),
        Mention(start, start + 6, "Hector", "Person", "structure", None, "signature"),
    )
    res = resolve(letter, mentions, processor.authority)
    people = [e for e in res.entities if e.type == "Person"]
    assert [e.label for e in people] == ["Hector Berlioz"]
    assert res.sender == people[0].key

"""Round 13 of entity rules, from unseen letters' errors: a capitalised noun after a
determiner no name takes ("their Allegiance", "my Son"; ``nlp/person_cues.py``), one or two
initials nobody answers to ("P. M."; ``extract/resolve.py``), a woman's honorific and a
woman's given name ("Mrs. Rowley" is "Harriet Ann Rowley"; ``data/patterns/women-names.txt``),
an edition's collections ("Fenwick Archive", "Hollis Papers"; ``extract/mentions.py``), an
edition's apparatus words ("Recto", "Translation"; ``data/patterns/not-names.txt``), a peer
named by a place ("the Marquis of Dunsford"; ``cue:peer-of-place``) and a man's honorific that
does not join a woman ("Lord Tilney" is not "Margaret Tilney")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgraph.extract.mentions import site_matter
from kgraph.model import LetterResult

Entities = Callable[[str], set[tuple[str, str]]]


def _labels(found: set[tuple[str, str]]) -> set[str]:
    return {label for label, _ in found}


def test_a_capitalised_noun_after_a_possessive_or_a_number_is_no_name(entities: Entities) -> None:
    text = (
        "Sir,\n\nThe Assembly has printed two Pamphlets which pardon all those Settlers who "
        "return to their Allegiance before June. I send them by my Son, who rides north "
        "tomorrow with Captain Harwood.\n\nI am, Sir, your obedient servant,\nJohn Peverell\n"
    )
    labels = _labels(entities(text))
    assert not {"Allegiance", "Son"} & labels
    assert "John Peverell" in labels


def test_a_capitalised_common_word_is_no_place(entities: Entities) -> None:
    word = "Weather"
    text = (
        f"Dear Ned,\n\nThe {word} has kept us indoors at Harrowgate since Monday, and the "
        "survey of the northern line waits.\n\nYours ever,\nMatthew Corbet\n"
    )
    assert word not in _labels(entities(text))


def test_two_initials_nobody_answers_to_are_no_person(entities: Entities) -> None:
    text = (
        "Dear Mother,\n\nThe train leaves at 4 P. M. and I shall be at Carlisle by nine. "
        "E. J. sends his love and hopes to see you at Easter.\n\n"
        "Your loving son,\nWalter Kemble\n"
    )
    labels = _labels(entities(text))
    assert "P. M." not in labels and "E. J." not in labels
    assert "Walter Kemble" in labels


def test_a_womans_honorific_joins_the_woman_of_that_surname(
    processed: Callable[[str], LetterResult],
) -> None:
    text = (
        "Dear Charles Dunmore,\n\nThe committee met on Tuesday. Mrs. Rowley is to read the "
        "report herself, and Mrs. Dunmore has promised the hall.\n\n"
        "Yours sincerely,\nHarriet Ann Rowley\n"
    )
    result = processed(text)
    writer = next(e for e in result.entities if e.label == "Harriet Ann Rowley")
    assert "Mrs. Rowley" in writer.alternate_names
    recipient = [e for e in result.entities if "Charles Dunmore" in (e.label, *e.alternate_names)]
    assert all("Mrs. Dunmore" not in e.alternate_names for e in recipient)


@pytest.mark.parametrize(
    ("name", "kind", "edition"),
    [
        ("Fenwick Internet Archive", "Place", True),
        ("Letters Index", "Place", True),
        ("Farm Diaries Transcription Project", "Organization", True),
        ("Hollis Papers", "Person", True),
        ("The Pickwick Papers", "Work", False),
        ("British Museum", "Organization", False),
    ],
)
def test_an_editions_collection_is_no_name_of_the_letter(
    name: str, kind: str, edition: bool
) -> None:
    assert site_matter(name, kind) is edition


def test_a_peer_named_by_the_title_of_a_place_is_a_person(entities: Entities) -> None:
    text = (
        "My dear Father,\n\nThe Marquis of Dunsford dined with us on Friday and spoke of the "
        "new railway.\n\nYour affectionate son,\nRobert Hale\n"
    )
    found = entities(text)
    assert ("Marquis of Dunsford", "Person") in found
    assert ("Dunsford", "Place") not in found


def test_a_mans_honorific_does_not_join_a_woman_of_that_surname(
    processed: Callable[[str], LetterResult],
) -> None:
    text = (
        "Dear Mrs. Pardoe,\n\nMr. Tilney called this morning with the proofs and Lord "
        "Tilney's compliments.\n\nYours affectionately,\nMargaret Tilney\n"
    )
    result = processed(text)
    writer = next(e for e in result.entities if e.label == "Margaret Tilney")
    assert not {"Mr. Tilney", "Lord Tilney"} & set(writer.alternate_names)

"""Relation recall, eighth round: a person named with a place right after the name ("Dr.
Hume at Leyden", "my cousin Tom in Leeds") lives there, unless the name is what a verb of
meeting or fighting took ("we met Mr. Tolley at Bristol": the place is where they met). The
letters are written for these tests."""

from __future__ import annotations

from tests.helpers import Run, labelled


def letter(body: str) -> str:
    return f"Bath, June 2, 1861.\n\nDear Mr. Hale,\n\n{body}\n\nYours truly,\nMartha Gill\n"


def lives(run: Run, body: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in labelled(run(letter(body))) if p == "livesIn"}


def test_a_name_followed_by_at_place_lives_there(run: Run) -> None:
    found = lives(run, "Dr. Wimble at Norwich has promised to read the proofs for us.")
    assert ("Dr. Wimble", "Norwich") in found


def test_a_name_followed_by_in_place_lives_there(run: Run) -> None:
    body = "I sent the seeds to Professor Ardley in Manchester, who will sow them in March."
    assert ("Professor Ardley", "Manchester") in lives(run, body)


def test_a_relative_named_with_a_place_lives_there(run: Run) -> None:
    body = "My cousin Thomas Pryor in Liverpool asks after your health."
    assert ("Thomas Pryor", "Liverpool") in lives(run, body)


def test_a_name_met_at_a_place_does_not_live_there(run: Run) -> None:
    found = lives(run, "Last week we met Mr. Tolley at Bristol, and he spoke of you.")
    assert not any(s == "Mr. Tolley" for s, _ in found)


def test_a_name_set_off_by_of_the_organisation_is_a_member(run: Run) -> None:
    body = "Mr. Pargeter, of the Geological Society, has offered to name the fossils."
    found = {(s, o) for s, p, o in labelled(run(letter(body))) if p == "memberOf"}
    assert ("Mr. Pargeter", "Geological Society") in found

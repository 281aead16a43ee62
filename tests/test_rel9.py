"""Relation recall, ninth round: "their" before a kinship word stands for the two people named
just before it ("Tom Hale and Ann Lowe came with their son, Ned": Ned is the child of both),
and for no one when one person or three are named there. The letters are written for these
tests."""

from __future__ import annotations

from tests.helpers import Run, labelled


def letter(body: str) -> str:
    return f"Bath, June 2, 1861.\n\nDear Mr. Hale,\n\n{body}\n\nYours truly,\nMartha Gill\n"


def children(run: Run, body: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in labelled(run(letter(body))) if p == "childOf"}


def test_their_child_is_the_child_of_the_two_named_before(run: Run) -> None:
    found = children(run, "Walter Brigg and Susan Tew came by coach with their son, Edwin.")
    assert {("Edwin", "Walter Brigg"), ("Edwin", "Susan Tew")} <= found


def test_their_reaches_back_to_the_sentence_before(run: Run) -> None:
    body = "Last spring Henry Dove married Ellen Pike. Their daughter Rose was born in May."
    found = children(run, body)
    assert {("Rose", "Henry Dove"), ("Rose", "Ellen Pike")} <= found


def test_their_stands_for_no_one_with_three_people_named(run: Run) -> None:
    body = "Henry Dove, Ellen Pike and Jacob Stott dined here with their son Arthur."
    assert not {(s, o) for s, o in children(run, body) if s == "Arthur"}

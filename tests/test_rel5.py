"""Relation recall, fifth round: more words for a home ("my garden at Hitchin", "his vicarage
at Ripon"), and "your cottage at Tobermory" read by the words where the parse hangs the place
from the verb. The letters are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgraph.model import LetterResult
from tests.helpers import Triple, labelled

NEWS = """\
Leeds, May 3, 1852.

Dear Mrs. Lowe,

Last week I walked over to your cottage at Tobermory and found it shut. The roses are
out now in my garden at Hitchin, and I wish you could see them.

Your affectionate friend,
Martha Gill
"""


@pytest.fixture(scope="module")
def news(run: Callable[[str], LetterResult]) -> set[Triple]:
    return labelled(run(NEWS))


def homes(triples: set[Triple]) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in triples if p == "livesIn"}


def test_your_cottage_at_a_town_is_the_recipients_home(news: set[Triple]) -> None:
    assert any("Lowe" in s and o == "Tobermory" for s, o in homes(news))


def test_my_garden_at_a_town_is_the_writers_home(news: set[Triple]) -> None:
    assert ("Martha Gill", "Hitchin") in homes(news)

"""Relation recall, third round: the names listed after a kinship noun ("our girls, Nora, Bess
and Kit") are each a child of the owner, and "my daughter Jane" is read by the words where the
parse misses the apposition. The letter is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgraph.model import LetterResult
from tests.helpers import Triple

CHILDREN = """\
Hull, 9 May 1851.

My dear Mrs. Varley,

Kiss our children Nora, Mary and Kitty many times for me. My boys, Walter and George, are at \
school in the country. My daughter Jane boards at Hull and is well.

Your friend,
Martha Gill
"""


@pytest.fixture(scope="module")
def children(run: Callable[[str], LetterResult]) -> set[Triple]:
    result = run(CHILDREN)
    label = {e.key: e.label for e in result.entities}
    return {(label[r.subject], r.predicate, label[r.object]) for r in result.relations}


@pytest.mark.parametrize("child", ["Nora", "Mary", "Kitty", "Walter", "George", "Jane"])
def test_each_listed_name_is_a_child_of_the_writer(children: set[Triple], child: str) -> None:
    assert (child, "childOf", "Martha Gill") in children


def test_a_list_ends_after_its_and(children: set[Triple]) -> None:
    assert not {t for t in children if t[1] == "childOf" and t[0] in ("Hull", "Mrs. Varley")}

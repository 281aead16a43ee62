"""A heading's town before its state ("TO MRS. HALE, MACON, GA."), after "Esq." or a dash
(``kgraph.extract.relate_parties.recipient_places``); "my winter at Menton" (visited) and
"my class at the Academy" (memberOf)."""

from __future__ import annotations

from tests.helpers import Run, labelled


def _letter(head: str, body: str = "I thank you for the books.") -> str:
    top = f"{head}\n\n" if head else ""
    return f"{top}Leeds, June 2, 1861.\n\nDear Sir,\n\n{body}\n\nYours truly,\nMartha Gill\n"


def test_a_town_before_its_abbreviated_state(run: Run) -> None:
    found = labelled(run(_letter("TO MRS. ANN HALE, MACON, GA.")))
    assert ("Ann Hale", "livesIn", "Macon") in found


def test_a_town_after_esquire_or_a_dash(run: Run) -> None:
    esquire = labelled(run(_letter("To Robert Hale, Esq., Bonn.")))
    assert ("Robert Hale", "livesIn", "Bonn") in esquire
    dash = labelled(run(_letter("TO CARLO GIUSTI — SIENA")))
    assert ("Carlo Giusti", "livesIn", "Siena") in dash


def test_no_town_before_a_date_or_a_house_before_its_town(run: Run) -> None:
    dated = labelled(run(_letter("To Mrs. Ann Hale, London, 3 May")))
    assert not [t for t in dated if t[1] == "livesIn" and t[0] == "Ann Hale"]
    house = labelled(run(_letter("To Robert Hale, Esq., Denmark Hill, Camberwell, London.")))
    assert ("Robert Hale", "livesIn", "Denmark Hill") not in house


def test_a_stay_spoken_of_as_ones_own(run: Run) -> None:
    found = labelled(run(_letter("", "I often think of my winter at Menton.")))
    assert ("Martha Gill", "visited", "Menton") in found


def test_a_class_or_a_seat_at_a_body(run: Run) -> None:
    found = labelled(run(_letter("", "My class at King's College goes on well.")))
    assert ("Martha Gill", "memberOf", "King's College") in found
    seat = labelled(run(_letter("", "I must be in my seat in the Senate by May.")))
    assert [t for t in seat if t[1] == "memberOf" and t[0] == "Martha Gill"]

"""The learned type votes (``kgraph.nlp.type_votes``): a name's context outweighs the rules'
type only when the weights are sure; the features of each name of the tagger's can be
collected for training."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Span

from kgraph.nlp.person_cues import PersonCues
from kgraph.nlp.type_votes import FEATURES_KEY, VOTES_FILE, TypeVotes

TYPES = ["Person", "Place", "Organization", "Work", "Periodical", "Group", "Event"]


@pytest.fixture(scope="module")
def nlp(unlinked):  # type: ignore[no-untyped-def]
    return unlinked.nlp


def _votes(tmp_path: Path, weights: dict[str, list[float]], sure: float = 0.8) -> TypeVotes:
    data = {"types": TYPES, "sure": sure, "bias": [0.0] * len(TYPES), "weights": weights}
    (tmp_path / VOTES_FILE).write_text(json.dumps(data), encoding="utf-8")
    votes = TypeVotes()
    votes.initialize(tmp_path, PersonCues(), frozenset())
    return votes


def test_a_sure_vote_overrides_the_rules_type(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("We walked between Tolworth and the mill.")
    ent = Span(doc, 3, 4, label="PERSON")
    place = [0.0, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert _votes(tmp_path, {"prev=between": place}).revise(doc, [(ent, "Person")]) == [
        (ent, "Place")
    ]


def test_an_unsure_vote_keeps_the_rules_type(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("We walked between Tolworth and the mill.")
    ent = Span(doc, 3, 4, label="PERSON")
    weak = [0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert _votes(tmp_path, {"prev=between": weak}).revise(doc, [(ent, "Person")]) == [
        (ent, "Person")
    ]


def test_names_of_the_rulers_and_dropped_names_keep_their_decision(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("We walked between Tolworth and the mill.")
    doc.ents = [Span(doc, 3, 4, label="Person", span_id="cue:")]  # a cue pattern's name
    ruled = doc.ents[0]
    dropped = Span(doc, 3, 4, label="PERSON")
    place = [0.0, 6.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    votes = _votes(tmp_path, {"prev=between": place})
    assert votes.revise(doc, [(ruled, "Person"), (dropped, None)]) == [
        (ruled, "Person"),
        (dropped, None),
    ]


def test_without_weights_nothing_changes(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("We walked between Tolworth and the mill.")
    ent = Span(doc, 3, 4, label="PERSON")
    votes = TypeVotes()
    votes.initialize(tmp_path, PersonCues(), frozenset())  # no weights file there
    assert votes.revise(doc, [(ent, "Person")]) == [(ent, "Person")]


def test_the_features_of_a_name_can_be_collected(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc("I still lose my way between Tolworth and the old market.")
    doc.user_data[FEATURES_KEY] = []
    doc = nlp(doc)
    found = {
        doc.text[start:end]: (label, names)
        for start, end, label, names in doc.user_data[FEATURES_KEY]
    }
    label, names = found["Tolworth"]
    assert "prev=between" in names and f"rule={label}" in names


def test_a_name_between_a_preposition_of_route_and_a_place_is_a_place(
    entities: Callable[[str], set[tuple[str, str]]],
) -> None:
    text = (
        "Dear Tom,\n\nI still lose my way between Tolworth and the old market every time I"
        " go out.\n\nYours ever,\nAnn\n"
    )
    assert ("Tolworth", "Place") in entities(text)

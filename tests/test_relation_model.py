"""The learned relation component (kgraph/nlp/relation_model.py), its features and its
training script (benchmarks/train_relations.py), on letters written for these tests."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kgraph.extract.relate import SIGNATURES
from kgraph.model import LetterResult
from kgraph.nlp.relation_model import MODEL_FILE, RelationModel
from kgraph.settings import Settings, project_root

ROOT = project_root()
HOUSE = "Mr. Ellis has a house at Florence."

LETTER = """\
Bath, 3 May 1851.

My dear Hope,

Mr. Ellis has a house at Florence. I was at Edinburgh all last week.

Yours ever,
Charles Mowbray
"""


@pytest.fixture(scope="module")
def nlp(processor: Any) -> Any:
    return processor.nlp


def relations(nlp: Any, text: str) -> list[tuple[str, str, str, str]]:
    doc = nlp(text)
    return [
        (r["rule"], text[slice(*r["subject"])], r["predicate"], text[slice(*r["object"])])
        for r in doc.user_data.get("kgraph.relations", [])
    ]


def test_the_model_file_knows_the_domain_and_range_of_every_predicate() -> None:
    data = json.loads((ROOT / "data" / "patterns" / MODEL_FILE).read_text(encoding="utf-8"))
    signatures = {p: (frozenset(d), frozenset(r)) for p, (d, r) in data["signatures"].items()}
    assert signatures == dict(SIGNATURES)


def test_the_model_finds_a_relation_no_rule_states(nlp: Any) -> None:
    found = relations(nlp, HOUSE)
    assert ("model-livesIn", "Mr. Ellis", "livesIn", "Florence") in found
    assert not [r for r in found if not r[0].startswith("model-")]


def test_a_model_relation_reaches_the_letter_with_its_rule_and_probability(
    processed: Callable[[str], LetterResult],
) -> None:
    result = processed(LETTER)
    label = {e.key: e.label for e in result.entities}
    found = {(label[r.subject], r.predicate, label[r.object]): r for r in result.relations}
    ellis = found[("Mr. Ellis", "livesIn", "Florence")]
    assert ellis.rule == "model-livesIn"
    assert 0.6 <= ellis.confidence <= 1.0
    assert ellis.evidence.text == HOUSE
    assert ("Charles Mowbray", "visited", "Edinburgh") in found  # "I" is the sender


HE_LETTER = """\
Bath, 3 May 1851.

My dear Hope,

Mr. Ellis came to tea on Sunday. He has a house at Florence. Captain Drew and Mr. Lowe
dined with us after. He has a house at Lucca.

Yours ever,
Charles Mowbray
"""


def test_a_he_is_weighed_for_the_one_person_named_before_it(
    processed: Callable[[str], LetterResult],
) -> None:
    result = processed(HE_LETTER)
    label = {e.key: e.label for e in result.entities}
    found = {(label[r.subject], r.predicate, label[r.object]): r for r in result.relations}
    assert found[("Mr. Ellis", "livesIn", "Florence")].rule == "model-livesIn"
    assert not [k for k in found if k[2] == "Lucca"]  # two people before: "he" is no one


def test_i_inside_quoted_speech_is_nobody(nlp: Any) -> None:
    plain = "I spent the spring at Rome."
    assert any(r[0].startswith("model-") and r[1] == "I" for r in relations(nlp, plain))
    quoted = "“I spent the spring at Rome,” said the old man."
    assert not [r for r in relations(nlp, quoted) if r[0].startswith("model-")]


def test_an_opening_quote_that_never_closes_is_no_speech(nlp: Any) -> None:
    text = "“I spent the spring at Rome, and stayed the winter."
    assert any(r[0] == "model-visited" and r[1] == "I" for r in relations(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "If I were at Rome in the spring, I would write more.",
        "I was never at Rome in the spring.",
        "I shall spend the spring at Rome.",
        'Mr. Hale said to me, "I spent the spring at Rome."',
    ],
)
def test_a_clause_that_states_no_fact_gives_the_model_nothing(nlp: Any, text: str) -> None:
    assert not [r for r in relations(nlp, text) if r[0].startswith("model-")]


def test_without_a_model_file_the_component_proposes_nothing(nlp: Any, tmp_path: Path) -> None:
    model = RelationModel(nlp, "empty", threshold=0.6)
    model.initialize(data_dir=tmp_path)
    assert model.match(nlp.make_doc(HOUSE)) == []


def _trainer() -> Any:
    spec = importlib.util.spec_from_file_location(
        "train_relations", ROOT / "benchmarks" / "train_relations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Crane came on Monday. He is settled at Bristol.", "Crane"),
        ("Mr. Crane and Mr. Peel came on Monday. He is settled at Bristol.", None),
        ("The roads were bad. He is settled at Bristol.", None),
    ],
)
def test_a_training_he_stands_for_the_one_person_named_before_it(
    nlp: Any, text: str, expected: str | None
) -> None:
    from kgraph.evaluation.gold import normalise

    forms = {normalise("Mr. Crane"): "Crane", normalise("Mr. Peel"): "Peel"}
    doc = nlp(text)
    he = text.index("He ")
    since = [s for s in doc.sents if s.end_char <= he][-1].start_char
    assert _trainer()._antecedent(doc, since, he, forms, None) == expected


def test_a_training_he_is_not_the_other_name_of_its_pair(nlp: Any) -> None:
    from kgraph.evaluation.gold import normalise

    text = "Mr. Crane met Mr. Peel at Leeds. He spoke of Mr. Peel with warmth."
    forms = {normalise("Mr. Crane"): "Crane", normalise("Mr. Peel"): "Peel"}
    doc = nlp(text)
    he = text.index("He ")
    assert _trainer()._antecedent(doc, 0, he, forms, "Peel") == "Crane"


TRAINING = {
    "hale-to-ward-1850-01-02": (
        "Leeds, 2 January 1850.\n\nDear Ward,\n\nMy cousin Robert is settled at Whitby with "
        "his books. Mr. Crane is still at Bristol with the Harveys.\n\nYours,\nJohn Hale\n",
        [("Robert Hale", "livesIn", "Whitby"), ("Mr. Crane", "livesIn", "Bristol")],
        [("Robert Hale", ["Robert"]), ("Mr. Crane", ["Mr. Crane"])],
        ["Whitby", "Bristol"],
    ),
    "ward-to-hale-1850-02-09": (
        "York, 9 February 1850.\n\nDear Hale,\n\nMy aunt Mary is now at Durham with the "
        "Lambtons. Mr. Peel is settled at Ripon for good.\n\nEver yours,\nThomas Ward\n",
        [("Mary Ward", "livesIn", "Durham"), ("Mr. Peel", "livesIn", "Ripon")],
        [("Mary Ward", ["Mary"]), ("Mr. Peel", ["Mr. Peel"])],
        ["Durham", "Ripon"],
    ),
}


def _write_training(folder: Path) -> None:
    for name, (text, rels, people, places) in TRAINING.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        entities = [{"label": p, "type": "Person", "forms": f} for p, f in people]
        entities += [{"label": p, "type": "Place", "forms": [p]} for p in places]
        sentence = {o: next(x for x in text.split(". ") if o in x) for *_, o in rels}
        gold = {
            "letter": f"{name}.txt",
            "metadata": {"sender": None, "recipient": None, "date": None, "place": None},
            "entities": entities,
            "relations": [
                {"subject": s, "predicate": p, "object": o, "evidence": sentence[o].strip()}
                for s, p, o in rels
            ],
        }
        (folder / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


@pytest.mark.slow
def test_training_is_deterministic_and_learns_its_examples(tmp_path: Path, nlp: Any) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    _write_training(letters)
    trainer = _trainer()
    first, second = tmp_path / "a" / MODEL_FILE, tmp_path / "b" / MODEL_FILE
    for out in (first, second):
        out.parent.mkdir()
        assert trainer.main(["--train", str(letters), "--out", str(out), "--min-count", "1"]) == 0
    assert first.read_bytes() == second.read_bytes()
    model = RelationModel(nlp, "trained", threshold=0.5)
    model.initialize(data_dir=first.parent)
    doc = nlp("Mr. Lowther is still at Lincoln with the Dymokes.")
    found = {(doc.text[slice(*r["subject"])], r["predicate"]) for r in model.match(doc)}
    assert found == {("Mr. Lowther", "livesIn")}
    assert Settings().patterns_dir.joinpath(MODEL_FILE).exists()

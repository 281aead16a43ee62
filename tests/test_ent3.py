"""One-word names the small tagger calls an organisation (``kgraph.nlp.bodies``): a body
only when the word names an institution; no name after an article or a possessive; else a
person. The span is marked by hand, so the test does not hang on the tagger's guesses."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Span

from kgraph.nlp.bodies import BodyCues


def _decide(processor: Any, sentence: str, word: str, label: str = "Organization") -> Any:
    doc = processor.nlp.make_doc(sentence)  # the rule reads the words, not the tags
    start = next(t.i for t in doc if t.text == word)
    span = Span(doc, start, start + 1, label=label)
    cues = BodyCues()
    cues.initialize(processor.settings.patterns_dir)
    return cues.one_word(doc, span, label)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The bill went before the Senate on Thursday.", "Senate"),
        ("Congress will sit again in the spring.", "Congress"),
        ("My drawings were refused by the Academy this year.", "Academy"),
    ],
)
def test_an_institution_word_stays_a_body(processor: Any, sentence: str, word: str) -> None:
    assert _decide(processor, sentence, word) == "Organization"


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("We waited two hours while the Tribunal heard the case.", "Tribunal"),
        ("He has sold his Brewery to a cousin.", "Brewery"),
    ],
)
def test_a_capitalised_noun_after_an_article_is_no_name(
    processor: Any, sentence: str, word: str
) -> None:
    assert _decide(processor, sentence, word) is None


def test_a_lone_word_without_an_article_is_a_person(processor: Any) -> None:
    sentence = "I dined with Fothergill and his sister."
    assert _decide(processor, sentence, "Fothergill") == "Person"


def test_other_types_are_left_alone(processor: Any) -> None:
    assert _decide(processor, "We walked down to the Harbour.", "Harbour", "Place") == "Place"


def test_a_quoted_name_in_a_dateline_is_a_ship_or_a_house() -> None:
    from kgraph.extract.places import quoted
    from kgraph.model import Mention

    line = "«Albatross», Tromsø, 4 June 1899."
    ship = Mention(1, 10, "Albatross", "Place", "structure", role="place")
    town = Mention(13, 19, "Tromsø", "Place", "ner", role="dateline")
    assert line[ship.start : ship.end] == "Albatross" and line[town.start : town.end] == "Tromsø"
    assert quoted(line, ship)
    assert not quoted(line, town)


def _owned(processor: Any, text: str, people: list[str]) -> list[str]:
    """The works ``kgraph_owned_titles`` finds when the tagger called ``people`` persons."""
    nlp = processor.nlp
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "kgraph_owned_titles":
            break
        doc = proc(doc)
    spans = []
    for word in people:
        start = text.index(word)
        span = doc.char_span(start, start + len(word), label="PERSON")
        assert span is not None
        spans.append(span)
    doc.ents = spans
    return [s.text for s in nlp.get_pipe("kgraph_owned_titles").match(doc)]


def test_a_name_after_my_or_your_is_a_work_unless_a_given_name(processor: Any) -> None:
    text = "Your Tancredi pleased everyone, and my Lucy sends her love with my Walter Lindsay."
    works = _owned(processor, text, ["Tancredi", "Lucy", "Walter Lindsay"])
    assert works == ["Tancredi"]


def test_a_name_after_his_stays_a_person(processor: Any) -> None:
    assert _owned(processor, "We met his Tancredi at the station.", ["Tancredi"]) == []


@pytest.mark.parametrize(
    ("sentence", "word", "work"),
    [
        ("I wrote five pages of Ulvhild before breakfast.", "Ulvhild", True),
        ("The new edition of my Tancredi is out.", "Tancredi", True),
        ("He is the author of Tancredi, which nobody reads.", "Tancredi", True),
        ("I sent a copy of Mary to the printer.", "Mary", False),  # a lone given name
        ("The Act of Tancredi was passed.", "Tancredi", False),  # "Act" is no noun written small
        ("We dined with the family of Tancredi.", "Tancredi", False),
    ],
)
def test_a_name_after_a_noun_of_a_work_and_of_is_a_title(
    processor: Any, sentence: str, word: str, work: bool
) -> None:
    from kgraph.nlp.work_cues import WorkCues

    doc = processor.nlp.make_doc(sentence)  # the rule reads the words, not the tags
    start = next(t.i for t in doc if t.text == word)
    cues = WorkCues()
    cues.initialize(processor.settings.patterns_dir)
    assert cues.work_of(doc, Span(doc, start, start + 1, label="Person")) is work


OPERA_LETTER = """Dear Margaret,

I have finished my Ulvhild at last. Ulvhild will be sung in the spring, if the tenor lives.

Your affectionate brother,
Walter
"""


def test_a_name_read_once_as_a_work_is_the_work_throughout(processor: Any) -> None:
    from kgraph.extract.resolve import resolve
    from kgraph.model import Mention
    from kgraph.text.letters import parse_letter
    from kgraph.text.reading import read_text

    first = OPERA_LETTER.index("Ulvhild")
    second = OPERA_LETTER.index("Ulvhild", first + 1)
    mentions = (
        Mention(first, first + 7, "Ulvhild", "Work", "title"),
        Mention(second, second + 7, "Ulvhild", "Person", "ner"),
    )
    letter = parse_letter(read_text(OPERA_LETTER, "test-letter"))
    found = resolve(letter, mentions, processor.authority).entities
    assert [(e.type, e.label, len(e.mentions)) for e in found] == [("Work", "Ulvhild", 2)]


def test_a_one_word_name_the_authority_knows_stays_for_the_resolver(processor: Any) -> None:
    from kgraph.knowledge.authority import Authority, AuthorityEntry

    entry = AuthorityEntry("the-quill", "Periodical", "The Quill", ())
    doc = processor.nlp.make_doc("His review appeared in the Quill last week.")
    start = next(t.i for t in doc if t.text == "Quill")
    span = Span(doc, start, start + 1, label="Organization")
    cues = BodyCues()
    cues.initialize(processor.settings.patterns_dir, Authority((entry,)))
    assert cues.one_word(doc, span, "Organization") == "Organization"
    unknown = BodyCues()
    unknown.initialize(processor.settings.patterns_dir)
    assert unknown.one_word(doc, span, "Organization") is None

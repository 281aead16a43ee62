"""Letters as editions print them: the editorial layer, editors' headings and introductions,
year-less datelines, and the cue kgraph records for each metadata value.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

import kgraph
from kgraph.model import Source
from kgraph.text.dates import find_date
from kgraph.text.editorial import footnote_markers, strip_markers
from kgraph.text.frame_years import complete_date, partial_date
from kgraph.text.headings import (
    addressee_name,
    is_site_line,
    parties,
    writer_year,
)
from kgraph.text.intro_names import intro_parties, intro_place
from kgraph.text.letter_lines import split_lines
from kgraph.text.letters import parse_letter

from .conftest import KG, SCHEMA


def source(text: str, name: str = "test-letter") -> Source:
    import hashlib

    return Source(name, text, hashlib.sha256(text.encode()).hexdigest())


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("his onslaught.2 It was", ["2"]),
        ("To J. S. Henslow   8 May [1860]1", ["1"]),
        ("at this place.—3", ["3"]),
        ("the experiments.6 Lyell came", ["6"]),
        ("the primula case?9", ["9"]),
        ("the word¹ again", ["¹"]),
        ("Dresden, 12.5.1871", []),  # a numeric date is no marker
        ("Jan.3, 1860", []),  # nor a day after a month's abbreviation
        ("No.2 of the series", []),
        ("CO2 and A4", []),
        ("on May 8th 1860", []),
    ],
)
def test_footnote_markers(text: str, markers: list[str]) -> None:
    assert [text[a:b] for a, b in footnote_markers(text)] == markers


def test_strip_markers_keeps_a_prefix() -> None:
    assert strip_markers("8 May [1860]1") == "8 May [1860]"
    assert strip_markers("Kent.") == "Kent."


def test_pipes_quotes_and_markers_make_lines_with_exact_offsets() -> None:
    text = "“Down | Bromley | Kent.\nYours ever | T. H. Huxley2\n"
    lines = split_lines(text)
    assert [ln.text for ln in lines] == ["Down", "Bromley", "Kent.", "Yours ever", "T. H. Huxley"]
    assert all(text[ln.start : ln.end] == ln.text for ln in lines)


@pytest.mark.parametrize(
    ("heading", "sender", "recipient"),
    [
        ("HUXLEY TO TYNDALL, 1866.", "HUXLEY", "TYNDALL"),
        ("Letter from Gustave Courbet to Alfred Bruyas", "Gustave Courbet", "Alfred Bruyas"),
        ("Kropotkin to Alexander Berkman, November 20, 1908", "Kropotkin", "Alexander Berkman"),
        ("1742: Woolf to V. Sackville-West", "Woolf", "V. Sackville-West"),
        ("To George Pell from Henry Vane, 17 December 1775", "Henry Vane", "George Pell"),
        ("Simón Arce a Francisco de Paula Ruiz", "Simón Arce", "Francisco de Paula Ruiz"),
        ("Rosa Lenz to Leo Marek | In Zurich", "Rosa Lenz", "Leo Marek"),
    ],
)
def test_heading_parties(heading: str, sender: str, recipient: str) -> None:
    found = parties(heading)
    assert found is not None
    (s0, s1), (r0, r1) = found
    assert (heading[s0:s1], heading[r0:r1]) == (sender, recipient)


def test_headings_that_name_no_parties() -> None:
    assert parties("Answers to Correspondents") is None
    assert parties("the way to Rome") is None
    w = writer_year("Flora Tristan 1843")
    assert w is not None and "Flora Tristan 1843"[w[0] : w[1]] == "Flora Tristan"
    w = writer_year("FROM THOMAS JEFFERSON.")
    assert w is not None and "FROM THOMAS JEFFERSON."[w[0] : w[1]] == "THOMAS JEFFERSON"
    assert writer_year("From the Archives, 1843") is None
    a = addressee_name("To J. S. Henslow   12 May [1860]1")
    assert a is not None and "To J. S. Henslow   12 May [1860]1"[a[0] : a[1]] == "J. S. Henslow"
    assert addressee_name("To the Editor of the Daily News.") is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("[To J. D. Hooker]", "J. D. Hooker"),
        ("XXIII. To Mrs. Gaskell.", "Mrs. Gaskell"),
        ("LETTER XII. To Alfred Bruyas", "Alfred Bruyas"),
        ("To James Madison. Paris", "James Madison"),
        ("To Josiah Wedgwood, Esq., Etruria.", "Josiah Wedgwood"),
        ("TO THE SAME.", None),
        ("To the Editor of the Times.", None),
    ],
)
def test_addressee_lines(line: str, name: str | None) -> None:
    found = addressee_name(line)
    assert (line[found[0] : found[1]] if found else None) == name


def test_site_lines() -> None:
    for line in (
        "The Wexley Correspondence Project",
        "Last updated 3 February 2012 · Anti-Copyright",
        "Published 1923",
        "Cite as: Letters Online, no. 12",
    ):
        assert is_site_line(line), line
    for line in ("Bromley, Kent, 18 May 1897.", "Ornans, 9 January 1854", "My dear Grave,"):
        assert not is_site_line(line), line


def test_introduction_names_the_parties_and_the_place() -> None:
    intro = (
        "The following letter was written by Ugo Bassi to his friend, T. Morley, the "
        "printer of Leeds, from his lodging at Ancona in March 1848, a week before the rising:"
    )
    found = intro_parties(intro)
    assert found is not None
    (s0, s1), (r0, r1), (a, b) = found
    assert (intro[s0:s1], intro[r0:r1]) == ("Ugo Bassi", "T. Morley")
    where = intro_place(intro[a:b])
    assert where is not None and intro[a:b][where[0] : where[1]] == "Ancona"


@pytest.mark.parametrize(
    ("line", "context", "iso"),
    [
        ("May 12th", "HUXLEY TO TYNDALL, 1866.", "1866-05-12"),
        ("Oct. 4, 87", "Whitman to Rossetti, 1887", "1887-10-04"),
        ("Paris, le 2 juin.", "Flora Tristan 1843", "1843-06-02"),
        ("Oct. 4, 87", "Whitman to Rossetti, 1901", None),  # the years disagree: no date
        ("May 12th", "To Tyndall", None),  # no year anywhere: no date
        ("Monday evening, 9th February.", "WINTER IN VENICE, 1851–1852", "1852-02-09"),
        ("Tuesday, 9th February.", "WINTER IN VENICE, 1851–1852", None),  # no Tuesday fits
        ("May 12th", "the summers of 1865 and 1866", None),  # two years fit: no date
    ],
)
def test_year_less_datelines(line: str, context: str, iso: str | None) -> None:
    partial = partial_date(line)
    assert partial is not None
    assert complete_date(partial, [context], line) == iso


def test_the_nearest_frame_that_names_a_year_decides() -> None:
    partial = partial_date("Aug. 1st.")
    assert partial is not None
    narrative = "it was from Geneva, on the 1st of August 1814, that he wrote:"
    assert complete_date(partial, ["TO HIS MOTHER.", "", narrative]) == "1814-08-01"
    assert complete_date(partial, ["1815", narrative]) == "1815-08-01"


def test_a_letter_inside_an_editors_narrative() -> None:
    text = (
        "88              THE LIFE OF JAMES ORR.              [1831.\n\n"
        "Orr had reached Lyons by the end of May, and found the silk-weavers there in a\n"
        "worse state than he had been told; it was from Lyons, on the 2nd of June 1831,\n"
        "that he wrote to his sister, who kept house for him in Leeds:--\n\n"
        "J. ORR TO ANN ORR.\n\n"
        "                                  LYONS, June 2nd.\n\n"
        "MY DEAR ANN,--The weavers here are quieter than the papers say, and I walk\n"
        "about the town without the least trouble. Tell Mr. Bolland the samples are\n"
        "packed and will go by Paris on Monday.\n\n"
        "                        Your affectionate brother,\n"
        "                                   JAMES ORR, Captain.\n\n"
        "He stayed another month at Lyons, and the next letters come from Geneva, where\n"
        "he met Sismondi at the house of a banker named Odier in the summer of 1832.\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is not None and letter.date.iso == "1831-06-02"
    assert letter.place is not None and letter.place.text == "LYONS"
    assert letter.heading is not None and letter.heading.text == "J. ORR TO ANN ORR."
    assert letter.sender_name is not None and letter.sender_name.text == "JAMES ORR"
    assert letter.address is None  # neither the running head nor the narrative after
    assert [p.text[:3] for p in letter.introduction] == ["Orr"]  # its names count
    assert [p.text[:3] for p in letter.edition_matter] == ["88 "]  # the running head's do not


def test_an_official_letter_names_its_addressee_with_a_rank() -> None:
    text = (
        "HEAD-QUARTERS, ARMY OF THE WEST,\n"
        "Camp near Fort Larned, July 3, 1866.\n\n"
        "Brevet Major-General A. B. TANNER, Fort Riley, Kansas.\n\n"
        "GENERAL: The train you sent came in yesterday with all its mules, and the\n"
        "men are in good heart.\n\n"
        "I am, very respectfully, your obedient servant,\n"
        "C. D. MERRIWEATHER, Colonel.\n"
    )
    letter = parse_letter(source(text))
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "A. B. TANNER"
    assert letter.place is not None and letter.place.text == "Fort Larned"
    assert letter.salutation is not None and letter.salutation.text.startswith("GENERAL")
    assert letter.sender_name is not None and letter.sender_name.text == "C. D. MERRIWEATHER"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Tuesday, Twenty-first November, 1854.", "1854-11-21"),
        ("March, 21st, 1919.", "1919-03-21"),
        ("Dresden, February 12 (24), 1870.", "1870-02-12"),
        ("le 3 mars 1871", "1871-03-03"),
        ("3. März 1871", "1871-03-03"),
        ("Sept. 3d, 1862", "1862-09-03"),
        ("Jany 5, 1860", "1860-01-05"),
        ("Philadelphia, 7ber 12, 1768", "1768-09-12"),
        ("Decr. 2d 1790", "1790-12-02"),
        ("Florence, 1847, March 4.", "1847-03-04"),
    ],
)
def test_dates_as_editions_print_them(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None and found.iso == iso


QUOTED = """THE EXILE'S WORD.

The following letter was written by Ugo Bassi to his friend, Thomas Morley, the printer, from \
his lodging at Ancona in March 1848:—

“My dear Morley,—Your parcel came safely, and the pamphlets are already in good hands.

“I shall write again when the roads are open.

“Ever yours,

“UGO BASSI.

The Leeds Mercury, April 2nd.
"""


def test_a_quoted_letter_takes_its_metadata_from_the_introduction() -> None:
    letter = parse_letter(source(QUOTED))
    assert letter.heading is not None and letter.heading.text == "THE EXILE'S WORD."
    assert letter.signature is not None and letter.signature.text == "UGO BASSI."
    assert letter.heading_sender is not None and letter.heading_sender.text == "Ugo Bassi"
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "Thomas Morley"
    assert letter.date is not None and letter.date.iso == "1848-03"  # not April, the source
    assert letter.place is not None and letter.place.text == "Ancona"
    assert letter.colophon is not None and "Leeds Mercury" in letter.colophon.text


EDITION = """The Hartwell Letters Project
Last updated 3 February 2012

HALLAM TO WREN, 1838.

12 Gower Street | London | May 12th | Saturday

My dear Wren,

I have read your paper on the tides twice over, and I think it sound.4 Sedley agrees.

Yours ever | J. Hallam

4 Sedley had read it in proof.
"""


@pytest.fixture(scope="module")
def edition_graph() -> tuple[URIRef, Graph]:
    settings = kgraph.Settings(link="none")
    graph = kgraph.build(EDITION, settings)
    letter = next(graph.subjects(RDF.type, KG.Letter))
    return letter, graph


def test_an_edition_letter_gets_its_metadata(edition_graph: tuple[URIRef, Graph]) -> None:
    letter, graph = edition_graph
    assert graph.value(letter, SCHEMA.dateSent) == Literal("1838-05-12", datatype=XSD.date)
    labels = {
        p: str(graph.value(graph.value(letter, p), RDFS.label))
        for p in (SCHEMA.sender, SCHEMA.recipient, KG.placeOfWriting)
    }
    assert "Hallam" in labels[SCHEMA.sender]
    assert "Wren" in labels[SCHEMA.recipient]
    assert labels[KG.placeOfWriting] != "The Hartwell Letters Project"
    # no mention's text carries a footnote marker, and the site line names nothing
    for anchor in graph.objects(None, KG.anchorOf):
        assert not any(ch.isdigit() for ch in str(anchor)), anchor
        assert "Project" not in str(anchor)


def test_each_metadata_value_has_its_cue(edition_graph: tuple[URIRef, Graph]) -> None:
    letter, graph = edition_graph
    rules = {}
    for a in graph.subjects(RDF.subject, letter):
        p = graph.value(a, RDF.predicate)
        rules[p] = str(graph.value(a, KG.rule))
        text = str(graph.value(a, KG.evidence))
        begin = graph.value(a, KG.beginIndex)
        end = graph.value(a, KG.endIndex)
        assert begin is not None and EDITION[int(begin) : int(end)] == text
    assert rules[SCHEMA.sender] in ("metadata:signature", "metadata:heading_sender")
    assert rules[SCHEMA.recipient] in ("metadata:heading_recipient", "metadata:recipient_name")
    assert rules[SCHEMA.dateSent] == "metadata:dateline-year-from-heading"


def test_conflicting_or_missing_cues_leave_the_value_out() -> None:
    text = "Dear Friend,\n\nThe weather is fine and the roads are open.\n\nYours,\nA Friend\n"
    graph = kgraph.build(text, kgraph.Settings(link="none"))
    letter = next(graph.subjects(RDF.type, KG.Letter))
    assert graph.value(letter, SCHEMA.dateSent) is None
    assert graph.value(letter, KG.placeOfWriting) is None


def test_a_closing_at_the_end_of_the_last_paragraph_finds_the_signature() -> None:
    text = (
        "Bonn, 3 May 1790.\n\nDearest Father,\n\nThe concert went well, and the prince "
        "has asked for two more quartets before the summer; I send the programme with this. "
        "I kiss your hands and am ever your most obedient son,\n\nLudwig Kessler\n"
    )
    letter = parse_letter(source(text))
    assert letter.signature is not None and letter.signature.text == "Ludwig Kessler"
    assert letter.valediction is not None
    assert letter.valediction.text.startswith("ever your most obedient son")
    # the paragraph before the closing stays in the body
    assert any("the prince has asked" in span.text for span in letter.body)


@pytest.mark.parametrize(
    ("address", "place"),
    [
        ("Hillcrest | Isle of Arran | Buteshire", "Hillcrest"),  # not the county
        ("Rosemount, Quarry Road, Ludlow.", "Ludlow"),  # a house on its road: the town
        ("Aux Charmettes", "Charmettes"),  # "at the Charmettes": the place, not "Aux"
        ("Hillside, Aux Charmettes", "Hillside"),
    ],
)
def test_the_place_of_writing_is_the_first_settlement_of_the_address(
    address: str, place: str
) -> None:
    text = f"{address}\n12 June 1890.\n\nDear Morris,\n\nThe roses are out.\n\nYours,\nA. Kemble\n"
    graph = kgraph.build(text, kgraph.Settings(link="none"))
    letter = next(graph.subjects(RDF.type, KG.Letter))
    assert str(graph.value(graph.value(letter, KG.placeOfWriting), RDFS.label)) == place


def test_the_parties_initials_are_mentions_of_them() -> None:
    text = (
        "To J. S. Hallam   8 May [1861]1\n\nDown | Bromley | Kent\nMay 8th\n\n"
        "My dear Hallam\n\nThank you for standing up for me yesterday.\n\n"
        "Yours affectionately | C. Darwell\n\n"
        "1 CD had been attacked at the Society on 7 May; JSH answered for him.\n"
    )
    results = kgraph.process([text], kgraph.Settings(link="none"))
    by_label = {e.label: e for e in results[0].entities}
    darwell = next(e for label, e in by_label.items() if "Darwell" in label)
    assert "CD" in {m.text for m in darwell.mentions}
    hallam = next(e for label, e in by_label.items() if "Hallam" in label)
    assert "JSH" in {m.text for m in hallam.mentions}
    assert all(m.role != "byline" for m in darwell.mentions)  # "Down" is no name of his


def test_named_bodies_keep_their_adjectives_and_possessives() -> None:
    text = (
        "Leeds, 4 May 1910.\n\nDear Mrs. Fenwick,\n\nI spoke for the Northern League of "
        "Women Teachers at the Imperial Congress of Teachers, and two delegates came with "
        "me. The Woman's Temperance Party met us at the station.\n\n"
        "Yours sincerely,\nAgnes Harrow\n"
    )
    results = kgraph.process([text], kgraph.Settings(link="none"))
    names = {(e.type, e.label) for e in results[0].entities}
    assert ("Organization", "Northern League of Women Teachers") in names
    assert ("Organization", "Woman's Temperance Party") in names
    assert ("Event", "Imperial Congress of Teachers") in names


def test_a_misspelling_is_close_but_another_word_is_not() -> None:
    from kgraph.extract.name_match import _close_enough

    assert _close_enough("tempes nouveau", "temps nouveaux")
    assert not _close_enough(
        "northern union of women s suffrage societies",
        "national union of women s suffrage societies",
    )


def test_a_date_after_the_senders_death_is_left_out() -> None:
    # the authority file knows Charles Darwin (1809-1882): 1923 is an edition's year
    text = (
        "Down, Beckenham.\n\nMy dear Hooker,\n\nThe orchids are in flower.\n\n"
        "Ever yours,\nC. Darwin\n\nPublished 1923.\n"
    )
    late = text.replace("Down, Beckenham.", "Down, Beckenham, 3 May 1923.")
    early = text.replace("Down, Beckenham.", "Down, Beckenham, 3 May 1860.")
    results = kgraph.process([late, early], kgraph.Settings(link="none"))
    assert results[0].letter.date is None
    assert results[1].letter.date is not None and results[1].letter.date.iso == "1860-05-03"
    assert results[0].sender is not None and results[1].sender is not None


def test_a_place_qualified_by_another_country_is_not_the_known_place() -> None:
    text = (
        "Camden, 4 Oct. 1887.\n\nDear friend,\n\nDr. Mercer of London, Canada, was here in "
        "August; he goes back to London in the spring, by way of Liverpool.\n\n"
        "Yours,\nW. Harlan\n"
    )
    result = kgraph.process([text], kgraph.Settings())[0]
    by_key = {e.key: e for e in result.entities}
    qualified = next(e for e in result.entities if e.label == "London, Canada")
    assert qualified.type == "Place"
    linked = {link.entity: link.qid for link in result.links if link.qid}
    assert qualified.key not in linked  # not London, England's Q84
    plain = [e for e in by_key.values() if e.label == "London"]
    assert plain and linked.get(plain[0].key) == "Q84"  # the other London is linked


def test_a_name_followed_by_who_or_a_kinship_is_a_person() -> None:
    text = (
        "Leeds, 4 May 1910.\n\nDear Agnes,\n\nThe review came, and Harrowgate, who edits it, "
        "paid at once. Lenna, his wife, sends her love.\n\nYours,\nTom Bell\n"
    )
    results = kgraph.process([text], kgraph.Settings(link="none"))
    types = {e.label: e.type for e in results[0].entities}
    assert types.get("Harrowgate") in (None, "Person")
    assert types.get("Lenna") in (None, "Person")
    from kgraph.extract.mentions import PERSON_AFTER

    assert PERSON_AFTER.match(", who edits it", 0)
    assert PERSON_AFTER.match(", his wife, sends", 0)
    assert not PERSON_AFTER.match(", where we lived", 0)


def test_the_english_as_a_people_is_a_group_but_the_language_is_not() -> None:
    text = (
        "Genoa, 3 May 1864.\n\nDear Cowley,\n\nI shall count on the English, who have always "
        "stood by us. The letter is written in English, and the English edition follows.\n\n"
        "Yours,\nG. Marenco\n"
    )
    results = kgraph.process([text], kgraph.Settings(link="none"))
    english = [e for e in results[0].entities if e.label == "English"]
    assert [e.type for e in english] == ["Group"]
    starts = {m.start for m in english[0].mentions}
    assert text.index("the English, who") + 4 in starts
    assert text.index("in English") + 3 not in starts  # the language is no group


def test_a_place_named_after_a_saint_is_one_place() -> None:
    text = (
        "Leeds, 4 May 1794.\n\nDear Sir,\n\nMr. Harker writes from St. Paul's Church-yard "
        "that the sheets are printed, and the binder in St. Mary's Square has them.\n\n"
        "Yours,\nJ. Aldous\n"
    )
    results = kgraph.process([text], kgraph.Settings(link="none"))
    places = {e.label for e in results[0].entities if e.type == "Place"}
    assert {"St. Paul's Church-yard", "St. Mary's Square"} <= places
    assert "St. Paul" not in places


@pytest.fixture(scope="module")
def typing_pipeline() -> tuple[object, object]:
    from kgraph.nlp.pipeline import build_pipeline

    nlp = build_pipeline(kgraph.Settings(link="none"))
    return nlp, nlp.get_pipe("kgraph_types")


def _typed(pipeline: tuple[object, object], text: str, spans: dict[str, str]) -> dict[str, str]:
    """The kg types the corrector gives the names in ``spans`` (text → the tagger's label),
    whatever the small model would have said: the rules are tested, not the model."""
    from spacy.tokens import Span

    nlp, types = pipeline
    doc = nlp.make_doc(text)  # type: ignore[attr-defined]
    for name, proc in nlp.pipeline:  # type: ignore[attr-defined]
        if name == "kgraph_types":
            break
        doc = proc(doc)
    ents = []
    for name, label in spans.items():
        start = text.index(name)
        ents.append(doc.char_span(start, start + len(name), label=label))
    doc.ents = [Span(doc, e.start, e.end, label=e.label_) for e in ents]
    return {e.text: label for e, label in types.match(doc)}  # type: ignore[attr-defined]


def test_a_one_word_body_nobody_knows_is_a_person(typing_pipeline: tuple[object, object]) -> None:
    text = "We drove from Brunetto yesterday, and the Congress sat late. We dine with Ibbotson."
    typed = _typed(typing_pipeline, text, {"Brunetto": "ORG", "Congress": "ORG", "Ibbotson": "ORG"})
    assert typed["Ibbotson"] == "Person"  # no English noun, no place: a surname
    assert typed["Congress"] == "Organization"  # an English noun after "the"
    assert typed["Brunetto"] == "Place"  # "from X" keeps the place reading


def test_kinship_lists_and_states_make_people(typing_pipeline: tuple[object, object]) -> None:
    text = (
        "My wife, Tolla, sends her love. Greet Anna, Mirabel and Quennet for me. "
        "Harkaway is tired of it all. We went down the Ozarva by boat."
    )
    typed = _typed(
        typing_pipeline,
        text,
        {
            "Tolla": "GPE",
            "Anna": "PERSON",
            "Mirabel": "PERSON",
            "Quennet": "GPE",
            "Harkaway": "GPE",
            "Ozarva": "PERSON",
        },
    )
    assert typed["Tolla"] == "Person"  # after "my wife,"
    assert typed["Quennet"] == "Person"  # listed with people
    assert typed["Harkaway"] == "Person"  # "is tired"
    assert typed["Ozarva"] == "Place"  # "the X": no person


def test_buildings_and_mountains_are_places() -> None:
    text = (
        "Bath, 3 June 1802.\n\nDear Ned,\n\nWe stayed a week at Pellingham House and climbed "
        "Mount Arvolo before dinner.\n\nYours,\nT. Crane\n"
    )
    results = kgraph.process([text], kgraph.Settings(link="none"))
    types = {e.label: e.type for e in results[0].entities}
    assert types.get("Pellingham House") == "Place"
    assert types.get("Mount Arvolo") == "Place"


@pytest.mark.parametrize(
    ("line", "iso", "place"),
    [
        ("Paryż, dnia 18 marca 1894 r.", "1894-03-18", "Paryż"),  # Polish
        ("Clarens, 12 [24] March 1878.", "1878-03-12", "Clarens"),  # Old Style first
        ("Victory, off Toulon, March 14th, 1804.", "1804-03-14", "Toulon"),  # a ship, then where
        ("Casa Guidi, Florence, June 3, 1849.", "1849-06-03", "Florence"),  # a house, then the town
        ("Camp before Burgos, 27th September, 1812.", "1812-09-27", "Burgos"),
        ("Utrecht, 4 maart 1890.", "1890-03-04", "Utrecht"),  # Dutch
        ("Londýn, 23. dubna 1885.", "1885-04-23", "Londýn"),  # Czech
        ("Upsala d. 14 Octob. 1758.", "1758-10-14", "Upsala"),  # Swedish "d.", Latin month
    ],
)
def test_datelines_of_many_editions(line: str, iso: str, place: str) -> None:
    from kgraph.text.datelines import parse_date
    from kgraph.text.letter_lines import Line

    parsed = parse_date(Line(0, len(line), line, 0))
    assert parsed is not None and parsed[0].iso == iso
    assert parsed[1] is not None and parsed[1].text == place


def test_headings_in_other_languages_and_styles() -> None:
    assert parties("PASTEUR À J.-B. DUMAS") is not None
    assert parties("GOETHE AN ZELTER.") is not None
    line = "To the Rev. Mr. Walker, of Truro.[1]"
    found = addressee_name(line)
    assert found is not None and line[found[0] : found[1]] == "Rev. Mr. Walker"


def test_who_signs_and_who_receives_at_the_foot_of_the_letter() -> None:
    text = (
        "TO THE EDITOR OF THE NORTHERN STAR.\n\nSalford, August 20, 1842.\n\nSIR,—The mills "
        "are idle and the men are quiet.\n\nYour obedient servant,\nAN OLD WEAVER.\n"
    )
    letter = parse_letter(source(text))
    assert letter.signature is not None and letter.sender_name is None  # no one's name
    text = (
        "Therapia, May 22, 1853.\n\nMy Lord,\n\nThe Prince has left the city.\n\n"
        "I have the honour to be, my Lord,\nYour Lordship's most obedient servant,\n"
        "HENRY WESTCOTE.\n\nThe Earl of Ashbury, K.G.,\n        &c.   &c.\n"
    )
    letter = parse_letter(source(text))
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "Earl of Ashbury"
    text = (
        "Monday evening, 9th February 1852.\n\nMY DEAREST FATHER,--The capitals are drawn.\n\n"
        "Love to my mother.\n\n[Addressed: James Hollins, Esq., Denmark Hill, London.]\n"
    )
    letter = parse_letter(source(text))
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "James Hollins"


def test_the_narrative_that_leads_in_names_the_addressee() -> None:
    text = (
        "They reached Geneva in June, and it was from Geneva, on the 1st of August 1814,\n"
        "that he wrote to his mother, Ruth Amblin, who was then living in Leeds:—\n\n"
        '"GENEVA, Aug. 1st.\n\n"DEAR MOTHER,—We are lodged very comfortably here.\n\n'
        '"Your affectionate son,\n"R. AMBLIN."\n'
    )
    letter = parse_letter(source(text))
    assert letter.heading_recipient is not None and letter.heading_recipient.text == "Ruth Amblin"
    results = kgraph.process([text], kgraph.Settings(link="none"))
    by_key = {e.key: e for e in results[0].entities}
    sender, recipient = results[0].sender, results[0].recipient
    assert sender is not None and recipient is not None and sender != recipient
    assert by_key[recipient].label == "Ruth Amblin"  # "R. AMBLIN" signs; she receives


def test_a_business_letter_with_a_letterhead_and_an_inside_address() -> None:
    text = (
        "                 FROM THE WORKS\n                      OF\n"
        "               HENRY R. CALDWELL,\n"
        "                               DAYTON, OHIO, May 4, 1891.\n\n"
        "Col. J. P. Whitlock,\n     Rose Hill, Clapham,\n          London, England.\n\n"
        "My dear Whitlock:—\n\nThe new press is finished and goes by the next steamer.\n\n"
        "Yours very truly,\n                         Henry R. Caldwell\n"
    )
    letter = parse_letter(source(text))
    assert letter.heading_sender is None  # "FROM THE WORKS" names no one
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "J. P. Whitlock"
    results = kgraph.process([text], kgraph.Settings(link="none"))
    places = {e.label for e in results[0].entities if e.type == "Place"}
    assert "Henry R" not in places and "Caldwell" not in places  # a name, not a place
    # the addressee's address is not the writer's
    assert letter.address is None or "Rose Hill" not in letter.address.text


def test_names_as_period_letters_write_them() -> None:
    text = (
        "REVEREND AND DEAR SIR,\n\nSir Wm. Hamilton dined with Professor De la Marne and "
        "Miss Joanna Pellow. 14th.—The Court of Session rose early, and his Lordship went "
        "home.\n\nYour obedient servant,\nThos. Pardoe.\n"
    )
    letter = parse_letter(source(text))
    assert letter.salutation is not None and letter.salutation.text.startswith("REVEREND")
    results = kgraph.process([text], kgraph.Settings(link="none"))
    entities = {e.label: e for e in results[0].entities}
    assert "Wm. Hamilton" in entities  # "Wm." does not end the name; "Sir" is no part of it
    assert "Professor De la Marne" in entities or "De la Marne" in entities
    pellow = entities.get("Joanna Pellow")  # the name, with "Miss" kept as a form
    assert pellow is not None and "Miss Joanna Pellow" in pellow.alternate_names
    assert not any(label.startswith("14th") for label in entities)
    assert "Lordship" not in entities


def test_an_archive_record_above_the_transcription() -> None:
    text = (
        "Reference: MS 88/2\nTitle: Letter from R. Hallam to Edmund Prior\nDate: 3 May 1840\n"
        "Extent: 2 pages\n-------------------------\n\nTranscription\n\n"
        "12 Mill Lane, Bristol\n\nMy dear Prior\n\nThe drawings came safely.\n\n"
        "Yours truly\nR. Hallam\n\nNotes\n\n1. Prior was then at Bath.\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is not None and letter.date.iso == "1840-05-03"
    assert letter.heading_sender is not None and letter.heading_sender.text == "R. Hallam"
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "Edmund Prior"
    assert letter.address is not None and letter.address.text == "12 Mill Lane, Bristol"
    assert "Date" not in (letter.place.text if letter.place else "")


def test_a_formal_closing_and_a_closing_sentence_find_the_signature() -> None:
    text = (
        "Fort Ann, Decemr 17th 1775\n\nMay it please your Excellency\n\nThe guns are across "
        "the lake.\n\nI have the honor to be with the utmost respect your Excellency's most "
        "obedient humble Servant\n\nHenry Vane\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is not None and letter.date.iso == "1775-12-17"
    assert letter.place is not None and letter.place.text == "Fort Ann"
    assert letter.sender_name is not None and letter.sender_name.text == "Henry Vane"
    text = (
        "Cuzco, 28 de junio de 1825.\n\nMy dear General:\n\nI arrived three days ago.\n\n"
        "I embrace you with all my heart.\n\nArce\n\n1 The battle was won in December.\n"
    )
    letter = parse_letter(source(text))
    assert letter.recipient_name is None  # "General" is a rank, not a name
    assert letter.sender_name is not None and letter.sender_name.text == "Arce"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Bern, 14/VII. 1913", "1913-07-14"),  # the month in Roman numerals
        ("Feb. 20th. 1855", "1855-02-20"),
        ("Fort Ann Decemr 17th 1775", "1775-12-17"),
    ],
)
def test_more_dates_as_letters_write_them(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None and found.iso == iso


def test_a_site_record_names_the_parties_but_its_own_dates_are_not_the_letters() -> None:
    heading = "Letter no. 1187 · From A. R. Waller to H. W. Bate · 20 February 1855"
    found = parties(heading)
    assert found is not None and heading[found[1][0] : found[1][1]] == "H. W. Bate"
    text = (
        "Item: Letter, Madam J. Reed to F. B. Olney\nLast modified: 21 June 2019\n\n"
        "                    New York, N. Y.\n                    November 9, 1916.\n\n"
        "Dear Mr. Olney:\n\nYour letter came this morning.\n\nYours very truly,\nJ. Reed\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is not None and letter.date.iso == "1916-11-09"
    assert letter.heading_recipient is not None and letter.heading_recipient.text == "F. B. Olney"


def test_what_comes_from_a_person(typing_pipeline: tuple[object, object]) -> None:
    text = "I had a long letter from Pennick, another from Quarley, and news from Paris."
    typed = _typed(typing_pipeline, text, {"Pennick": "GPE", "Quarley": "ORG", "Paris": "GPE"})
    assert typed["Pennick"] == "Person"  # "a letter from X": a person the letter knows
    assert typed["Quarley"] == "Person"
    assert typed["Paris"] == "Place"  # a known place stays one


def test_printed_pages_set_parts_side_by_side() -> None:
    text = (
        "                        LORD ARDEN TO EARL MOWBRAY.\n"
        "[Private.]                              Washington, December 6, 1861.\n"
        "MY DEAR LORD MOWBRAY,--I have still no word from you.\n"
        "                                    Yours faithfully,\n"
        "                                                     ARDEN.\n"
    )
    letter = parse_letter(source(text))
    assert letter.access_note is not None and letter.access_note.text == "[Private.]"
    assert letter.date is not None and letter.date.iso == "1861-12-06"
    text = (
        "                       To the Editor of NATURE.\n"
        "IN his letter of October 6, Mr. Corley asks whether any reader has watched it.\n"
        "I have been doing so for some weeks, in a long glass tank.\n"
        "                                                  HELEN MARSH.\n"
        "41 Norfolk Square, London, W., October 12, 1904.\n"
    )
    letter = parse_letter(source(text))
    assert letter.sender_name is not None and letter.sender_name.text == "HELEN MARSH"
    assert letter.date is not None and letter.date.iso == "1904-10-12"
    assert letter.place is not None and letter.place.text == "London"


def test_a_year_over_a_day_and_month_and_a_site_around_them() -> None:
    text = (
        "THE ORCHARD LETTERS · an online edition\n"
        "Letters › 1868 › No. 41                         ‹ previous | next ›\n\n"
        "41. LOUISA PELL TO THOMAS NILAND\n[1868]\n\n"
        "                                        Concord, July 15th.\n\n"
        "Dear Mr. Niland,\n\nThe chapters go by express to-day.\n\nYours truly,\nL. Pell.\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is not None and letter.date.iso == "1868-07-15"
    assert letter.place is not None and letter.place.text == "Concord"
    assert letter.heading is not None and letter.heading.text.startswith("41. LOUISA")


def test_family_pages_and_front_matter() -> None:
    letter_of = intro_parties(
        "Letter of Daniel Marsh to his sister-in-law, Sarah Day Marsh, widow of his brother"
    )
    assert letter_of is not None
    found = parties("Käthe Lenz to her son Hans, 21 October 1932")
    assert found is not None and found[1] == (22, 26)  # "Hans"
    assert find_date("October the 19 1816") is not None
    from kgraph.text.datelines import parse_date
    from kgraph.text.letter_lines import Line

    line = "Weißenburger Str. 25, Berlin N., 21. Oktober 1932"
    parsed = parse_date(Line(0, len(line), line, 0))
    assert parsed is not None and parsed[1] is not None and parsed[1].text == "Berlin"
    line = "63, Fleet-street, E.C., July 9, 1888"
    parsed = parse_date(Line(0, len(line), line, 0))
    assert parsed is not None and (parsed[1] is None or parsed[1].text != "E.C")


def test_where_from_is_not_who_and_other_edges_of_a_heading() -> None:
    assert writer_year("FROM OLD CALABAR.") is None  # a place, not a writer
    assert writer_year("FROM THOMAS JEFFERSON.") is not None
    line = "TO JOSEF SRBEK IN PRAGUE"
    found = addressee_name(line)
    assert found is not None and line[found[0] : found[1]] == "JOSEF SRBEK"
    from kgraph.text.datelines import parse_date
    from kgraph.text.letter_lines import Line

    for text in (
        "(Letter of 24 April 1867, MS 6970, f. 41.)",
        "LORD CHIEF JUSTICE EYRE.--Let it be read. London, April 16, 1792.",
    ):
        parsed = parse_date(Line(0, len(text), text, 0))
        assert parsed is None or parsed[1] is None or "--" not in parsed[1].text
        assert parsed is None or parsed[1] is None or not parsed[1].text.endswith(" of")
    text = "Casa Guidi, Florence: Wednesday, June 3, 1849."
    parsed = parse_date(Line(0, len(text), text, 0))
    assert parsed is not None and parsed[1] is not None and parsed[1].text == "Florence"


def test_official_and_business_papers() -> None:
    text = (
        "EGYPT. No. 3 (1898).\nPresented to both Houses of Parliament by Command of Her "
        "Majesty.\n\nNo. 4.\nColonel Sir H. Kestrel to Lord Arden.—(Received at Cairo,\n"
        "September 10.)\n                                        Khartoum, September 4, 1898.\n"
        "My Lord,\nI HAVE the honour to report that the flags were hoisted.\n"
        "I have the honour to be, &c.\n(Signed)    H. KESTREL,\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is not None and letter.date.iso == "1898-09-04"  # not the day received
    assert letter.heading_recipient is not None and letter.heading_recipient.text == "Lord Arden"
    assert letter.sender_name is not None and letter.sender_name.text == "H. KESTREL"
    text = (
        "                         JOHN PELL & SON,\n             TOURIST, SHIPPING & BANKING "
        "AGENTS.\n   CHIEF OFFICE: LUDGATE CIRCUS, LONDON, E.C.\n"
        "                                              2nd September, 1884.\n"
        "To the Most Honourable\n   The Marquis of Harwood, M.P.,\n\nMy Lord Marquis,\n"
        "The steamers are ready.\n\nYour Lordship's most obedient servant,\nJOHN M. PELL.\n"
    )
    letter = parse_letter(source(text))
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "Marquis of Harwood"
    results = kgraph.process([text], kgraph.Settings(link="none"))
    place = results[0].place
    labels = {e.key: e.label for e in results[0].entities}
    assert place is not None and labels[place].upper() == "LONDON"


def test_an_open_letter_to_an_office_names_the_addressee_below() -> None:
    assert parties("AN OPEN LETTER TO THE PRIME MINISTER.") is None
    text = (
        "AN OPEN LETTER TO THE PRIME MINISTER.\n\nTo the Right Hon. H. H. Aske, M.P.\n\n"
        "Sir,—The deputation will walk to the House on Tuesday.\n\nYours faithfully,\nE. PELL.\n"
    )
    letter = parse_letter(source(text))
    assert letter.heading_recipient is not None and letter.heading_recipient.text == "H. H. Aske"
    assert find_date("Wien, am 8ten Juni 1808.") is not None


def test_dates_and_headers_in_an_address_are_no_places() -> None:
    text = (
        "Wien, im Oktober 1861.\n\nHerr Hofrath,\n\nMrs. Pethick-Lowell will call on you.\n\n"
        "Your servant,\nI. Semmel\n"
    )
    results = kgraph.process([text], kgraph.Settings(link="none"))
    labels = {e.label: e.type for e in results[0].entities}
    assert not any("Oktober" in label for label in labels)
    assert labels.get("Mrs. Pethick-Lowell") == "Person"  # the hyphen does not end the name


def test_addressees_in_styles_and_headnotes() -> None:
    found = addressee_of_line("The Honble Joseph Starr,")
    assert found == "Joseph Starr"
    found = addressee_of_line("Señor General Don Bartolomé Mitra.")
    assert found == "Bartolomé Mitra"
    text = (
        "                          148. FROM CAIRO\n"
        "     [Lady Duff Ormond, who had gone to Egypt for her lungs, writes to\n"
        "     her mother, Mrs. Austen, on coming back to Cairo after a summer\n"
        "     in England.]\n"
        "                                             Cairo, Nov. 21, 1863.\n"
        "DEAREST MOTHER,--Here I am once more.\n                             L. D. O.\n"
    )
    letter = parse_letter(source(text))
    assert letter.heading_recipient is not None and letter.heading_recipient.text == "Mrs. Austen"
    assert letter.address is None  # the headnote's last line is no address


def addressee_of_line(line: str) -> str | None:
    from kgraph.text.head_lines import addressee_of

    found = addressee_of(line)
    return None if found is None else line[found[0] : found[1]]


def test_a_noun_the_letter_also_writes_small_is_no_name(
    typing_pipeline: tuple[object, object],
) -> None:
    from spacy.tokens import Span

    nlp, types = typing_pipeline
    text = "The Garden was dry. I walked in the garden again, and sent it to Paris."
    decided: dict[str, str | None] = {}
    for lower in (frozenset(), frozenset({"garden", "again", "walked", "sent"})):
        doc = nlp.make_doc(text)  # type: ignore[attr-defined]
        doc.user_data["kgraph.lower"] = lower
        for name, proc in nlp.pipeline:  # type: ignore[attr-defined]
            if name == "kgraph_types":
                break
            doc = proc(doc)
        doc.ents = [Span(doc, 1, 2, label="LOC"), Span(doc, 16, 17, label="GPE")]
        decided = {e.text: label for e, label in types.match(doc)}  # type: ignore[attr-defined]
        if not lower:
            assert decided["Garden"] is not None  # alone, it may be a name
    assert decided["Garden"] is None  # "garden" is written small in the same letter
    assert decided["Paris"] == "Place"


def test_buttons_places_and_titles_sign_for_no_one() -> None:
    text = (
        "THE HOME AND FOREIGN MISSION CHRONICLE.          [FEB.\n\n"
        "                          OLD CALABAR.\n\n"
        "We are well, and the school is full. The chiefs came to the palaver on Monday.\n"
    )
    letter = parse_letter(source(text))
    assert letter.sender_name is None  # a place under a magazine's title is no byline
    text = (
        "Search | Browse by correspondent | Browse by date | About the project\n\n"
        "Wien, 3. Oktober 1861.\n\nHerr Hofrath,\n\nThe figures are enclosed.\n\n"
        "Your servant,\nI. Semmel\n"
    )
    letter = parse_letter(source(text))
    assert letter.recipient_name is None  # "Hofrath" is a title
    assert letter.address is None  # the site's buttons are no address


def test_a_body_nobody_knows_after_in_the_is_a_place(
    typing_pipeline: tuple[object, object],
) -> None:
    text = "It rains every day in the Zirkavas, and the Ferbatch has sent its report."
    typed = _typed(typing_pipeline, text, {"Zirkavas": "ORG", "Ferbatch": "ORG"})
    assert typed["Zirkavas"] == "Place"  # "in the X": mountains or a river
    # "and the X" says nothing of a place (and a one-word body after "the" whose word names
    # no institution is no name at all: kgraph.nlp.bodies)
    assert typed.get("Ferbatch") != "Place"


def test_a_title_before_a_name_is_part_of_the_persons_name(
    typing_pipeline: tuple[object, object],
) -> None:
    nlp, _ = typing_pipeline
    text = (
        "Prince Lobkowitz and Major-General Hunter dined with Father Dominic Barberi, "
        "while the General Assembly sat and Grand Duchess Elena Pavlovna looked on."
    )
    doc = nlp(text)  # type: ignore[operator]
    people = {e.text for e in doc.ents if e.label_ == "Person"}
    assert {"Prince Lobkowitz", "Major-General Hunter", "Father Dominic Barberi"} <= people
    assert "Grand Duchess Elena Pavlovna" in people
    assert not any(p.startswith("General Assembly") for p in people)  # a body, not a general


def test_where_one_goes_to_is_a_place(typing_pipeline: tuple[object, object]) -> None:
    text = "We went last week to Ranelow, and I gave the key to Pennick."
    typed = _typed(typing_pipeline, text, {"Ranelow": "PERSON", "Pennick": "PERSON"})
    assert typed["Ranelow"] == "Place"  # "went … to X"
    assert typed["Pennick"] == "Person"  # "gave … to X" moves nobody


# A catalogue record whose transcription lost its line breaks, keys over their values.
FLAT_RECORD = """Lakeside Papers Online
Search results  ›  Creator: Pell, Martha  ›  Item 3 of 40
-
Title
-
to Owen Rudd, 2 Mar 1851
-
Creator
-
Pell, Martha Anne, 1801-1877
-
Text
-
Kendal, March 2nd 1851. Owen Rudd Esq. My dear Sir, I return the plans of the school with \
thanks, and with the hope that the committee will not stint the windows. The children of the \
upper town have learnt their letters in a room no better than a cellar, and Mr. Hollins tells \
me the damp has reached the ceiling again. I shall call at your office on Thursday if the \
coach runs. With kind regards to your sister, I remain, dear Sir, Your obliged servt. \
Martha A. Pell. [Endorsed:] Miss Pell Mar 2/51 Ansd.
Show less
-
Subjects
-
Schools--Westmorland
"""


def test_a_letter_run_into_one_paragraph_is_read_as_printed_line_by_line() -> None:
    letter = parse_letter(source(FLAT_RECORD))
    text = FLAT_RECORD

    def part(span: object) -> str | None:
        return None if span is None else text[span.start : span.end]  # type: ignore[attr-defined]

    assert letter.date is not None and letter.date.iso == "1851-03-02"
    assert part(letter.place) == "Kendal"  # the record's "Date" has no place; the dateline has
    assert part(letter.salutation) == "My dear Sir,"
    assert part(letter.signature) == "Martha A. Pell."
    assert part(letter.valediction).endswith("Your obliged servt.")  # type: ignore[union-attr]
    assert part(letter.heading_recipient) == "Owen Rudd"  # from the record's title
    assert all("Endorsed" not in text[s.start : s.end] for s in letter.body)
    assert any("Endorsed" in text[s.start : s.end] for s in letter.notes)
    assert all("Schools" not in text[s.start : s.end] for s in letter.body)


def test_an_editors_description_and_page_number_are_no_place() -> None:
    from kgraph.text.datelines import parse_date
    from kgraph.text.letter_lines import Line

    text = "Page 1 [on black-bordered paper] [Tenafly] June 6th [1880]"
    found = parse_date(Line(0, len(text), text, 0))
    assert found is not None and found[0].iso == "1880-06-06"
    assert found[1] is not None and found[1].text == "Tenafly"


# A biography's page: a running head, the narrative that leads in with a kinship and a name
# broken over two lines, an address in capitals, a sidenote in the body and a closing that
# runs on in the last sentence.
MEMOIR_PAGE = """212                 MARGARET LINDSAY                 [1852

the term had begun, and the board had at last admitted her to the
lectures. Next day she wrote to her sister, Mrs.
Agnes Rowe, who was then at Bath:—

                           7 QUEEN STREET, PERTH,
                                    March 4th [1852].

MY OWN DEAREST AGNES,—It is done at last, and I have my ticket.

[Sidenote: The lectures.]

The lectures are long and cold, and Dr. Ferrier reads from his notes
without once looking up, but I am very happy.

Give my love to the children, and believe me ever your affectionate

                                                M. L.
"""


def test_a_memoir_page_with_a_sidenote_and_a_lead_in_across_lines() -> None:
    letter = parse_letter(source(MEMOIR_PAGE))
    text = MEMOIR_PAGE

    def part(span: object) -> str | None:
        return None if span is None else text[span.start : span.end]  # type: ignore[attr-defined]

    assert part(letter.heading_recipient) == "Mrs.\nAgnes Rowe"  # a name over a line break
    assert part(letter.salutation) == "MY OWN DEAREST AGNES,—"
    assert part(letter.signature) == "M. L."  # not the sidenote above it
    assert letter.heading is None or "QUEEN STREET" not in part(letter.heading)  # type: ignore[operator]
    assert "QUEEN STREET" in (part(letter.address) or "")  # an address, not a heading
    assert letter.date is not None and letter.date.iso == "1852-03-04"
    assert "M. L." not in text[letter.body[-1].start : letter.body[-1].end]


@pytest.mark.parametrize(
    ("heading", "sender", "recipient"),
    [
        ("44/ Ellen Terry to Bernard Shaw", "Ellen Terry", "Bernard Shaw"),
        ("87. To her mother, Louise Lagerlöf", None, "Louise Lagerlöf"),
    ],
)
def test_numbered_headings(heading: str, sender: str | None, recipient: str) -> None:
    text = f"{heading}\n\n23rd September 1896\n\nDear friend,\n\nAll is well here.\n\nYours,\nE.\n"
    letter = parse_letter(source(text))

    def part(span: object) -> str | None:
        return None if span is None else text[span.start : span.end]  # type: ignore[attr-defined]

    assert part(letter.heading_recipient) == recipient
    if sender is not None:
        assert part(letter.heading_sender) == sender


def test_salutations_run_on_with_a_dash() -> None:
    for line, salutation in [
        ("Dearest - Your letter came this morning.", "Dearest - "),
        ("MY DEAR FATHER:—We came to anchor here on the 1st.", "MY DEAR FATHER:—"),
    ]:
        text = f"London, 3 May 1890.\n\n{line}\n\nMore news soon.\n\nYours,\nB.\n"
        letter = parse_letter(source(text))
        assert letter.salutation is not None
        assert text[letter.salutation.start : letter.salutation.end] == salutation


def test_a_ship_is_not_the_place_of_writing() -> None:
    from kgraph.text.datelines import parse_date
    from kgraph.text.letter_lines import Line

    text = "H.M.S. Bellerophon, Plymouth, July 3d, 1815."
    found = parse_date(Line(0, len(text), text, 0))
    assert found is not None and found[1] is not None and found[1].text == "Plymouth"


BLOG_POST = """DOMENECH, LETTER BY LETTER
a painter's correspondence, in English
Home · Letters · Places · About

Letter from Domenech to Pilar. 3 March 1909

Posted on 14 June 2021 by editor · 4 Comments

In 1909 Domenech spent the spring in Boston, and wrote to his wife nearly every day. We \
translate one of the first letters he sent home from the hotel.

Boston, 3 de marzo de 1909

My dearest Pilar, your letter came this morning and I have read it twice already.

The pictures are hung and the light is good.

Yours always,
Ramón
"""

ARCHIVE_HEADER = """M. A. Bakunina

To Pavel Lavrov

Written: March 2, 1872
Sent from Locarno to Zurich.
Source: Collected Letters, Volume 2, pages 11-12.
Other Formats: Text • README

Dear Friend,

The parcel has come, and I thank you for it.

Yours,
M. B.
"""


def test_a_blog_post_with_a_title_a_post_date_and_a_run_on_salutation() -> None:
    letter = parse_letter(source(BLOG_POST))
    text = BLOG_POST
    assert letter.date is not None and letter.date.iso == "1909-03-03"  # not the post's date
    assert letter.place is not None and text[letter.place.start : letter.place.end] == "Boston"
    assert letter.heading_sender is not None and letter.heading_recipient is not None
    assert text[letter.heading_recipient.start : letter.heading_recipient.end] == "Pilar"
    assert letter.salutation is not None
    assert text[letter.salutation.start : letter.salutation.end].startswith("My dearest Pilar,")
    assert text[letter.body[0].start :].startswith("your letter came")
    assert any("In 1909" in text[s.start : s.end] for s in letter.introduction)


def test_an_archive_sites_header_gives_writer_addressee_and_place() -> None:
    letter = parse_letter(source(ARCHIVE_HEADER))
    text = ARCHIVE_HEADER
    assert letter.heading_recipient is not None
    assert text[letter.heading_recipient.start : letter.heading_recipient.end] == "Pavel Lavrov"
    assert letter.byline is not None
    assert text[letter.byline.start : letter.byline.end] == "M. A. Bakunina"
    assert letter.place is not None and text[letter.place.start : letter.place.end] == "Locarno"
    assert letter.date is not None and letter.date.iso == "1872-03-02"


MEMOIR_LEAD_IN = """Chapter 9: Boston.—1841.

His letters were read aloud at the family table, and answered at length. Judge Harlow \
wrote to him from Salem, March 3, 1841:1

My dear Ellis,—Your account of the assizes was a feast to us all.

Do not stay too long away.

1 Printed in part in the judge's memoir, where it is misdated.
"""

OFFICIAL = """No. 12.—COUNT ARLEN TO KING FREDERICK.

                                  Turin, 4th May, 1821.

SIRE,

Everything is ready for the ceremony of the fourth.

I am, Sire, with the most profound respect,
    Your Majesty's most humble, most obedient,
    and most faithful servant and subject,
                                        ARLEN.

LETTERS FROM TURIN.            97

1 The treaty was signed in the night of the 3rd of May, 1821, and kept secret for a month.
"""


def test_the_narrative_names_the_writer_place_and_date_of_a_letter_it_leads_into() -> None:
    letter = parse_letter(source(MEMOIR_LEAD_IN))
    text = MEMOIR_LEAD_IN
    assert letter.heading_sender is not None
    assert text[letter.heading_sender.start : letter.heading_sender.end] == "Judge Harlow"
    assert letter.date is not None and letter.date.iso == "1841-03-03"
    assert letter.place is not None and text[letter.place.start : letter.place.end] == "Salem"


def test_an_official_letter_with_a_numbered_heading_and_a_long_closing() -> None:
    letter = parse_letter(source(OFFICIAL))
    text = OFFICIAL
    assert letter.heading_sender is not None and letter.heading_recipient is not None
    assert text[letter.heading_sender.start : letter.heading_sender.end] == "COUNT ARLEN"
    assert text[letter.heading_recipient.start : letter.heading_recipient.end] == "KING FREDERICK"
    assert letter.signature is not None
    assert text[letter.signature.start : letter.signature.end] == "ARLEN."
    assert letter.address is None  # the running head at the foot is the page's
    assert any(text[n.start : n.end].startswith("1 The treaty") for n in letter.notes)


CALENDAR = """Regency Correspondents Index  ·  Record 212

John Crome to Robert Ladbrooke of Norwich, 14 June [1812?]; printed in "Notes" (1890) 44.

My dear Ladbrooke, — I have your Letter, and thank you for it.

I am yours most sincerely,

J. Crome.

Yarmouth, June 14th.
"""

MUSEUM_RECORD = """Collection  ›  Documents  ›  Letters to Pedro Alcalde

Letter to Pedro Alcalde of 2 May 1790

Technical data
Author                Luis Paret
Title                 Letter to Pedro Alcalde of 2 May 1790
Date                  2 de mayo de 1790

English translation

Dear Pedro: The frames have come, and they are handsome.

Yours ever,
Luis Paret

Bilbao y mayo 2 de 1790.
"""


def test_a_calendar_entry_dates_the_dateline_at_the_foot() -> None:
    letter = parse_letter(source(CALENDAR))
    text = CALENDAR
    assert letter.heading_recipient is not None
    assert text[letter.heading_recipient.start : letter.heading_recipient.end].startswith(
        "Robert Ladbrooke"
    )
    assert letter.date is not None and letter.date.iso == "1812-06-14"  # not the 1890 reprint
    assert letter.place is not None and text[letter.place.start : letter.place.end] == "Yarmouth"


def test_a_museum_record_with_keys_set_apart_from_their_values() -> None:
    letter = parse_letter(source(MUSEUM_RECORD))
    text = MUSEUM_RECORD
    assert letter.heading_sender is not None
    assert text[letter.heading_sender.start : letter.heading_sender.end] == "Luis Paret"
    assert letter.heading_recipient is not None
    assert text[letter.heading_recipient.start : letter.heading_recipient.end] == "Pedro Alcalde"
    assert letter.date is not None and letter.date.iso == "1790-05-02"
    assert letter.place is not None and text[letter.place.start : letter.place.end] == "Bilbao"


NEWSPAPER_PAGE = """Article image

THE MILL STRIKE.

THE SPINNERS' THANKS TO THE COLONISTS.

(TO THE EDITOR OF THE OTAGO WITNESS.)

Sir,—On behalf of the spinners of Oldham, I ask leave to thank the working men of Otago \
for the help they sent us in the late dispute, which came when it was most wanted.

I am, &c.,
JOHN HOLT,
General Secretary, Amalgamated Association of Operative Cotton Spinners.
The Crown Inn, Union-street, Oldham, England, March 3, 1892.

This article text was automatically generated and may include errors.

Bibliographic details
Otago Witness, Issue 2001, 28 April 1892, Page 5
"""


def test_a_newspaper_letter_dated_under_the_signers_office() -> None:
    letter = parse_letter(source(NEWSPAPER_PAGE))
    text = NEWSPAPER_PAGE
    assert letter.date is not None and letter.date.iso == "1892-03-03"  # not the date
    assert letter.heading_sender is None and letter.heading_recipient is None  # a headline
    assert letter.signature is not None
    assert text[letter.signature.start : letter.signature.end] == "JOHN HOLT,"
    assert any("General Secretary" in text[n.start : n.end] for n in letter.notes)
    assert all("Bibliographic" not in text[p.start : p.end] for p in letter.postscript)


@pytest.mark.parametrize(
    ("line", "iso", "place"),
    [
        ("3 November 1891. [Moscow]", "1891-11-03", "Moscow"),
        ("Discovery Bay, 26th Sept'r, 1792.", "1792-09-26", "Discovery Bay"),
        ("Philadelphia, Decem’r 3, 1790", "1790-12-03", "Philadelphia"),
    ],
)
def test_datelines_with_the_place_after_or_old_abbreviations(
    line: str, iso: str, place: str
) -> None:
    from kgraph.text.datelines import parse_date
    from kgraph.text.letter_lines import Line

    found = parse_date(Line(0, len(line), line, 0))
    assert found is not None and found[0].iso == iso
    assert found[1] is not None and found[1].text == place


def test_an_addressee_by_office_with_the_name_in_parentheses() -> None:
    from kgraph.text.head_lines import addressee_of

    line = "To the President of Congress (Samuel Huntington)"
    found = addressee_of(line)
    assert found is not None and line[found[0] : found[1]] == "Samuel Huntington"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Kjøbenhavn den 10de Mai 1841", "1841-05-10"),
        ("Kristiania 3die August 1893", "1893-08-03"),
        ("Stockholm den 4:e mars 1900", "1900-03-04"),
        ("Roma, 26 Febbrajo 1890", "1890-02-26"),
        ("Paris, le 1er mai 1871", "1871-05-01"),
    ],
)
def test_ordinals_and_old_spellings_of_other_languages(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found.iso == iso


def test_a_roman_month_with_a_two_digit_year_takes_the_frames_century() -> None:
    partial = partial_date("Berlin, 14. V. 16.")
    assert partial is not None and (partial.month, partial.day, partial.year2) == (5, 14, 16)
    assert complete_date(partial, ["Letters of 1916"]) == "1916-05-14"
    assert complete_date(partial, ["Letters of 1816 and 1916"]) is None  # two centuries fit


def test_the_dateline_nearest_the_salutation_wins_over_a_record_date_above_it() -> None:
    text = (
        "Sold at Keller & Wray, 12 May 2004\n"
        "« Previous: 2 June 1759    |    Next: 9 June 1759 »\n\n"
        "Quebec, June 3, 1759.\n\nDear Brother,\n\nThe siege goes slowly.\n\nYours ever,\nJ. W.\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is not None and letter.date.iso == "1759-06-03"
    assert letter.place is not None and text[letter.place.start : letter.place.end] == "Quebec"


def test_a_title_named_as_someones_work_without_italics(
    typing_pipeline: tuple[object, object],
) -> None:
    nlp, _ = typing_pipeline

    def works(text: str) -> set[str]:
        doc = nlp(text)  # type: ignore[operator]
        return {e.text for e in doc.ents if e.label_ == "Work"}

    assert "Don Juan" in works("I am at work on my Don Juan, and Murray shall have it.")
    assert "El buey suelto" in works("He liked Pereda's El buey suelto better than anything.")
    assert "Systema" in works("I have finished my Systema at last.")  # no English word
    assert not works("Give my love to my Alfred and to my Wife.")  # a person, a kinship
    assert not works("Tell my Tussy that the cat is well.")  # a pet name, nothing written


OMEKA_RECORD = """Request a high resolution copy

Letter from Anna Reed to her father, John Reed

Summary
There is currently no summary available for this item.
Reference code
RD/1/4/17
Recipient
Reed, John Thomas
Person(s) mentioned
Wilson, A.T.
Cox, Percy

Text Item Type Metadata

Transcription
Cairo, 3 de marzo de 1921

Dearest Father,

The heat has come early this year.

Your loving
Anna
"""


def test_a_digital_collections_record_is_the_editions_and_the_transcription_the_letter() -> None:
    letter = parse_letter(source(OMEKA_RECORD))
    text = OMEKA_RECORD
    assert letter.date is not None and letter.date.iso == "1921-03-03"
    assert letter.place is not None and text[letter.place.start : letter.place.end] == "Cairo"
    assert letter.address is None  # "Summary", "Reference code", "Wilson, A.T.": the record's
    matter = " ".join(text[s.start : s.end] for s in letter.edition_matter)
    assert "Text Item Type Metadata" in matter and "Cox, Percy" in matter


def test_a_numbered_heading_with_a_year_and_a_european_dateline_in_figures() -> None:
    text = (
        "212.  ADLER TO BREUER  —  1899\n\n"
        "                       IX., Berggasse 7\n"
        "                       Wien, 3. 11. 99.\n\n"
        "Dear Josef,\n\nThe lectures go well.\n\nYour\nAlfred\n"
    )
    letter = parse_letter(source(text))
    assert letter.heading_recipient is not None
    assert text[letter.heading_recipient.start : letter.heading_recipient.end] == "BREUER"
    assert letter.date is not None and letter.date.iso == "1899-11-03"  # the heading's century
    assert letter.place is not None and text[letter.place.start : letter.place.end] == "Wien"


def test_old_forms_of_address_and_of_months() -> None:
    text = (
        "To Frau v. Hollen.\n\nESTORAS, den 4ten Märtz 1791.\n\n"
        "MOST ESTEEMED AND KINDEST FRAU V. HOLLEN,\n\nThe Prince is still in mourning.\n\n"
        "Your obedient servant,\nJOSEPH WEIGL.\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is not None and letter.date.iso == "1791-03-04"
    assert letter.heading_recipient is not None
    assert text[letter.heading_recipient.start : letter.heading_recipient.end] == "Frau v. Hollen"
    assert letter.recipient_name is not None
    assert text[letter.recipient_name.start : letter.recipient_name.end] == "FRAU V. HOLLEN"
    found = find_date("à Versailles le 1er. 7bre. 1783")
    assert found is not None and found.iso == "1783-09-01"
    padre = parse_letter(source("Parigi, 6 agosto 1829.\n\nCaro Padre,—Sto bene.\n\nG.\n"))
    assert padre.recipient_name is None  # "Padre" is a kinship, not a name


NEWSPAPER_REPRINT = """Historic Newspapers Online
The evening mail. (Boston, Mass.) 1850-1920, August 3, 1874, Image 2

THE NILE EXPEDITION.

  The Daily Courier of Monday publishes
the following letter from its correspondent
in the Sudan:

      GONDOKORO, BAHR EL JEBEL, June 2, 1874.
  THOMAS WALLACE HART, Esq.:
  I have but an hour before the boat leaves,
and I cannot tell when another will go.

                               SAMUEL BRIGGS.
"""


def test_a_reprinted_letter_addressed_by_name_under_its_dateline() -> None:
    letter = parse_letter(source(NEWSPAPER_REPRINT))
    text = NEWSPAPER_REPRINT
    assert letter.date is not None and letter.date.iso == "1874-06-02"  # not the paper's date
    assert letter.place is not None and text[letter.place.start : letter.place.end] == "GONDOKORO"
    assert letter.recipient_name is not None
    assert text[letter.recipient_name.start : letter.recipient_name.end] == "THOMAS WALLACE HART"


def test_a_page_number_in_spaced_brackets_and_a_letter_number_are_the_page() -> None:
    text = (
        "[ 41 ]\n\nXXIII.\n\nTO ANNA HALE.\n\n166 Albany Street,\nMonday.\n\n"
        "My dear Anna,\n\nAll well.\n\nJ.\n"
    )
    letter = parse_letter(source(text))
    assert letter.address is not None
    assert text[letter.address.start : letter.address.end] == "166 Albany Street,\nMonday."


NEWSPAPER_COLUMN = """121 THE DAILY BUGLE: TUESDAY, MAY 8, 1894. 7

THE VOICE OF THE PEOPLE.

SMOKE IN THE TENEMENTS.

[Editor of The Bugle.]—In your issue of Sunday the Inspector is quoted as saying that
the smoke has not reached the tenements. I beg leave to differ.
MARTHA HOLLIS,
State Sanitary Inspector.
Bell House, Chicago, May 7, 1894.

WANTED—A ROOM BY A YOUNG MAN IN A PRIVATE FAMILY ON THE WEST
Side; references. Address N 47, Bugle office.
"""


def test_a_letter_in_a_newspaper_column_signed_with_an_office_and_a_dated_address() -> None:
    letter = parse_letter(source(NEWSPAPER_COLUMN))
    text = NEWSPAPER_COLUMN
    assert letter.date is not None and letter.date.iso == "1894-05-07"  # not the page's date
    assert letter.place is not None and text[letter.place.start : letter.place.end] == "Chicago"
    assert letter.signature is not None
    assert text[letter.signature.start : letter.signature.end] == "MARTHA HOLLIS,"
    assert letter.recipient_name is None  # the paper's editor


def test_a_numbered_heading_in_spanish_names_the_addressee() -> None:
    text = (
        "Carta 41. A Juana de Vega, condesa de Espoz y Mina\n\n"
        "Madrid, 12 de febrero de 1870.\n\nMi querida amiga: Recibí la suya del 3.\n\n"
        "Suya de corazón,\nConcepción\n"
    )
    letter = parse_letter(source(text))
    assert letter.heading_recipient is not None
    assert text[letter.heading_recipient.start : letter.heading_recipient.end] == "Juana de Vega"
    assert letter.salutation is not None
    assert text[letter.salutation.start : letter.salutation.end] == "Mi querida amiga: "


def test_a_fronted_lead_in_and_a_place_near_another() -> None:
    text = (
        "His wife remained at Streatham. To Mrs. Hale he sent an almost daily account of "
        "himself, from which the following passages are taken:--\n\n"
        '"Hofstetten bei Thun, June 10, 1775.\n\n"DEAR MADAM,--I have been to the lake.\n\n'
        '"SAM. WELLS."\n'
    )
    letter = parse_letter(source(text))
    assert letter.heading_recipient is not None
    assert text[letter.heading_recipient.start : letter.heading_recipient.end] == "Mrs. Hale"
    assert letter.place is not None
    assert text[letter.place.start : letter.place.end] == "Hofstetten"


def test_the_english_taggers_guesses_in_a_paragraph_in_spanish_are_dropped(
    typing_pipeline: tuple[object, object],
) -> None:
    nlp, _ = typing_pipeline
    spanish = (
        "Estamos fundando con Guerola un periodiquito, La Voz de la Caridad, que saldrá dos "
        "veces al mes; será pobre, pero dirá la verdad. Mis hijos Fernando y Ramón la saludan."
    )
    names = {e.text for e in nlp(spanish).ents}  # type: ignore[operator]
    assert "Estamos" not in names and "Ramón la saludan" not in names
    english = "Estamos is the name of the mule we bought at Madrid from Ramón Gil last week."
    assert "Ramón Gil" in {e.text for e in nlp(english).ents}  # type: ignore[operator]


def test_a_one_word_place_nobody_knows_and_in_no_place_is_a_person(
    typing_pipeline: tuple[object, object],
) -> None:
    text = "Tell Ruth that Quarmby sends his love. We walked at Harrowgill yesterday."
    typed = _typed(typing_pipeline, text, {"Quarmby": "GPE", "Harrowgill": "GPE"})
    assert typed["Quarmby"] == "Person"  # no place the knowledge base knows, in no place
    assert typed["Harrowgill"] == "Place"  # "at X" keeps the place reading


def test_the_place_a_person_is_of(typing_pipeline: tuple[object, object]) -> None:
    nlp, _ = typing_pipeline
    doc = nlp("I wrote to Miss Harwood of Nantucket, and the Duke of Wellington dined here.")  # type: ignore[operator]
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Nantucket") == "Place"  # "Miss Harwood of Nantucket"
    assert "Wellington" not in labels or labels["Wellington"] != "Place"  # a title, no person


AUCTION_LOT = """FINE AUTOGRAPH LETTERS
Sale 2241 · 18 June 2019 · Lot 214

RAVEL, MAURICE (1875-1937)
Autograph letter signed ("Maurice Ravel") to his publisher Jacques Durand, 2 pages, 8vo, \
n.p., "Jeudi" [7 July 1910], in French, small tear at fold, otherwise fine.

"Mon cher ami, — the proofs are corrected and I send them back tonight."

Provenance: by descent; sold in these rooms, 3 December 1958, lot 88.
"""


def test_an_auction_lot_names_the_writer_the_addressee_and_the_date() -> None:
    letter = parse_letter(source(AUCTION_LOT))
    text = AUCTION_LOT
    assert letter.heading_sender is not None and letter.heading_recipient is not None
    assert text[letter.heading_sender.start : letter.heading_sender.end] == "Maurice Ravel"
    assert text[letter.heading_recipient.start : letter.heading_recipient.end] == "Jacques Durand"
    assert letter.date is not None and letter.date.iso == "1910-07-07"  # not the sale's date


def test_a_people_after_the_is_no_person(typing_pipeline: tuple[object, object]) -> None:
    text = "Good phrases to frighten the Harrowgills. Tell them that Quarmby laughed."
    typed = _typed(typing_pipeline, text, {"Harrowgills": "LOC", "Quarmby": "GPE"})
    assert typed["Harrowgills"] != "Person"  # "the X": a people or a place, no one person
    assert typed["Quarmby"] == "Person"

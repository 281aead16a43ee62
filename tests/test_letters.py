"""Letter structure on letters written for these tests (and the sample letter)."""

from __future__ import annotations

from kgraph.text.dates import find_date
from kgraph.text.letters import parse_letter
from kgraph.text.reading import read_path, read_text

from .conftest import SAMPLE


def test_sample_letter_structure() -> None:
    letter = parse_letter(read_path(SAMPLE))
    text = letter.source.text
    assert letter.date is not None and letter.date.iso == "1908-11-20"
    assert letter.date.precision == "day"
    assert letter.access_note is not None and letter.access_note.text == "Personal; not for print"
    assert letter.address is not None and letter.address.text.endswith("London, N.")
    assert letter.recipient_name is not None and letter.recipient_name.text == "Berkman"
    assert letter.sender_name is not None and letter.sender_name.text == "Peter Kropotkin"
    assert (
        letter.heading_recipient is not None
        and letter.heading_recipient.text == "Alexander Berkman"
    )
    assert letter.colophon is not None and "Anarchist Library" in letter.colophon.text
    assert letter.edition is not None and letter.edition.url == "http://theanarchistlibrary.org"
    # every part's offsets slice the text to exactly its text
    for span in (letter.heading, letter.dateline, letter.address, letter.salutation, *letter.body):
        assert span is not None
        assert text[span.start : span.end] == span.text
    # the colophon is not part of the body
    assert all(b.end <= letter.colophon.start for b in letter.body)


def test_dateline_at_the_bottom_with_place_and_postscript() -> None:
    text = (
        "My dear Hooker,\n\nI have been at Kew all week and saw the new glasshouses.\n\n"
        "Ever yours,\nC. Darwin\nDown, 14 December 1862.\n\nP.S. Remember me to Mrs. Hooker.\n"
    )
    letter = parse_letter(read_text(text))
    assert letter.date is not None and letter.date.iso == "1862-12-14"
    assert letter.place is not None and letter.place.text == "Down"
    assert letter.sender_name is not None and letter.sender_name.text == "C. Darwin"
    assert letter.recipient_name is not None and letter.recipient_name.text == "Hooker"
    assert len(letter.postscript) == 1 and letter.postscript[0].text.startswith("P.S.")
    assert letter.colophon is None


def test_letter_without_salutation_or_date_still_parses() -> None:
    letter = parse_letter(read_text("I write in haste to say the parcel came.\n"))
    assert letter.date is None and letter.sender_name is None and letter.salutation is None
    assert [b.text for b in letter.body] == ["I write in haste to say the parcel came."]


def test_dates_in_many_forms() -> None:
    cases = {
        "Brighton, 14 December 1912.": ("1912-12-14", "day"),
        "Jan. 3rd, 1859": ("1859-01-03", "day"),
        "Paris, 3 janvier 1871": ("1871-01-03", "day"),
        "the 12th of March 1794": ("1794-03-12", "day"),
        "March 1915": ("1915-03", "month"),
        "1889": ("1889", "year"),
    }
    for line, (iso, precision) in cases.items():
        found = find_date(line)
        assert found is not None and (found.iso, found.precision) == (iso, precision), line
    assert find_date("Tuesday") is None
    invalid = find_date("31 February 1900")  # no such day: the month is all it can say
    assert invalid is not None and (invalid.iso, invalid.precision) == ("1900-02", "month")

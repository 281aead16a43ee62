"""Where a letter was written, as real editions set it above the letter: a dateline on two
lines whose place line ends with a comma, a trial's record around the letter, the sides of
a postcard, a catalogue's record with the parties' life dates and a site's letter number.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

import pytest

from kgraph.text.letters import parse_letter
from tests.helpers import source


def place_of(text: str) -> str | None:
    letter = parse_letter(source(text))
    return None if letter.place is None else text[letter.place.start : letter.place.end]


TRIAL = """114                 TRIAL OF JOHN WARD                  [1795

   Mr. Serjeant Adair.--My Lord, the next paper was found in the prisoner's desk.

   Lord Chief Baron Macdonald.--Let it be read.

   The following letter was then read:

              "To Mr. Holt, Bookseller, Newark.

                            "London, No. 14, Fleet Street,
                                        "May 2, 1793.
   "DEAR SIR,

   "Your parcel came safe, and the pamphlets are already sold.

   "I am, your friend,
   "J. WARD."
"""


def test_a_trials_speakers_are_no_address_and_the_place_above_the_date_counts() -> None:
    letter = parse_letter(source(TRIAL))
    assert letter.date is not None and letter.date.iso == "1793-05-02"
    assert place_of(TRIAL) == "London"
    assert letter.address is None or "Baron" not in letter.address.text


@pytest.mark.parametrize(
    ("above", "place"),
    [
        ("Rose Villa, Keswick,", "Keswick"),
        ("Elm Grove, Bristol,", "Bristol"),
        ("Bath,", "Bath"),
    ],
)
def test_a_dateline_on_two_lines(above: str, place: str) -> None:
    body = "My dear Anne,\n\nWe came home on Tuesday.\n\nYours ever,\nJ. Bell\n"
    text = f"{above}\nJune 3rd, 1850.\n\n{body}"
    assert place_of(text) == place


POSTCARD = """[picture side]
Harbour at Whitby

[address side]
Miss Ada Holt,
12 Mill Lane,
Leeds.

[message side]
Whitby,
Aug. 4. 1911.

Dear Ada, the sea is grand and the rain has stopped at last. Love, Kit
"""


def test_a_postcards_sides_keep_the_addressees_town_out_of_the_place() -> None:
    letter = parse_letter(source(POSTCARD))
    assert place_of(POSTCARD) != "Leeds"
    assert letter.address is None or "Leeds" not in letter.address.text


RECORD = """from Hale, Edward, 1822-1909 to Lowell, James, 1819-1891

Letter No. EH0212

Letter from Edward Hale to James Lowell

Address: none given

Dear Lowell,

The proofs came back yesterday with your marks, and I have sent them on.

Yours ever,
E. E. Hale
"""


def test_a_catalogues_parties_line_and_a_letter_number_give_no_place() -> None:
    letter = parse_letter(source(RECORD))
    assert place_of(RECORD) is None
    assert letter.address is None


REPRINTED = """THE FATE OF THE EREBUS.

(From the Times, November 3, 1859.)

TO THE EDITOR OF THE TIMES.

Sir,—As some of your readers doubt the account I gave, I beg leave to add a word.

I am, Sir, your obedient servant,

F. L. McCLINTOCK.

Admiralty, Oct. 31.
"""


def test_a_reprints_source_line_is_no_dateline_but_lends_its_year() -> None:
    letter = parse_letter(source(REPRINTED))
    assert letter.date is not None and letter.date.iso == "1859-10-31"
    assert place_of(REPRINTED) == "Admiralty"


def test_a_year_first_dateline_with_a_roman_month() -> None:
    from kgraph.text.dates import find_date

    found = find_date("Kolozsvár, 1899. XI. 19.")
    assert found is not None and found.iso == "1899-11-19"
    found = find_date("Budapest, 1907. 3. 12.")
    assert found is not None and found.iso == "1907-03-12"


def test_an_office_before_a_name_and_a_style_before_a_particle() -> None:
    from kgraph.text.headings import addressee_name, parties

    heading = "COMMODORE JOHN RODGERS TO SECRETARY OF THE NAVY SMITH"
    found = parties(heading)
    assert found is not None and heading[slice(*found[1])] == "SMITH"
    line = "TO MADAME DE STAËL"
    named = addressee_name(line)
    assert named is not None and line[slice(*named)] == "MADAME DE STAËL"


def test_a_closing_word_on_the_signature_line_is_no_part_of_the_name() -> None:
    text = "Dearest Karl,\n\nThe rain has stopped.\n\nThy R.\n"
    letter = parse_letter(source(text))
    assert letter.sender_name is not None and letter.sender_name.text == "R."


NUMBERED_SITE = """Letter Reference | EDW/1891/007 |
Letter Date | Monday 4 May 1891 |
Address From | Malvern, Worcestershire |
Who To | Alice Meynell |
|
1Monday
2
3My dear Alice
4
5The hills are green again and I walk on them every morning before
6the post comes. I have read the proofs you sent.
7
8Edward
"""


def test_a_transcriptions_line_numbers_and_a_records_table_cells() -> None:
    letter = parse_letter(source(NUMBERED_SITE))
    assert letter.salutation is not None and letter.salutation.text == "My dear Alice"
    assert letter.date is not None and letter.date.iso == "1891-05-04"
    assert place_of(NUMBERED_SITE) == "Malvern"
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "Alice Meynell"


def test_a_dateline_on_three_lines_running_on_in_lower_case() -> None:
    text = (
        "Fort Clatsop, forty miles from\nthe mouth of the Columbia.\nJanuary 3rd. 1806.\n\n"
        "Dear Brother,\n\nWe are all well and in winter quarters.\n\nYour brother,\nW. Clark\n"
    )
    assert place_of(text) == "Fort Clatsop"


def test_numbers_that_do_not_run_line_after_line_are_kept() -> None:
    from kgraph.text.editorial import plain_emphasis

    text = "12 May 1870\n\nDear Sir,\n\n3 Cf. the minutes of 1869.\n"
    assert plain_emphasis(text) == text


@pytest.mark.parametrize(
    ("dateline", "place"),
    [("Dublin, Sept. 22nd, '08.", "Dublin"), ("Grez 11.6.12", "Grez")],
)
def test_a_datelines_place_stands_though_its_year_is_unknown(dateline: str, place: str) -> None:
    text = (
        f"{dateline}\n\nDear Comrade,\n\nThe paper goes to press on Friday.\n\nYours,\nJ. Dunne\n"
    )
    letter = parse_letter(source(text))
    assert letter.date is None  # a two-digit year with nothing to complete it
    assert place_of(text) == place


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Philadelphia 2d Mo. 17th [1838]", "1838-02-17"),
        ("Paris, March 5th/16th, 1782", "1782-03-05"),
    ],
)
def test_friends_months_and_a_day_in_two_calendars(line: str, iso: str) -> None:
    text = f"{line}\n\nDear Friend,\n\nThy letter came.\n\nThy friend,\nA. Hale\n"
    letter = parse_letter(source(text))
    assert letter.date is not None and letter.date.iso == iso


def test_leaf_markers_and_a_typists_reference() -> None:
    text = (
        "To Paul Gauguin. Arles, Tuesday, 12 June 1888.\n\n1r:1\nMy dear Gauguin,\n1r:2\n"
        "The wheat is ripe and I paint all day.\n1r:3\nEver yours,\n1r:4\nVincent\n"
    )
    letter = parse_letter(source(text))
    assert letter.sender_name is not None and letter.sender_name.text == "Vincent"
    typed = (
        "March 2, 1926.\n\nMy dear Mr. Hope:\n\nI shall come in April.\n\n"
        "Very sincerely yours,\n\nWEBD/DR\n"
    )
    assert parse_letter(source(typed)).sender_name is None


BIOGRAPHY = """                              CHAPTER VII

                              (1881)

By the spring the work at the station was going better, and the letters home grew
longer. On 3 May she wrote to Dr. Haldane in Edinburgh from Kimberley:

    The new wards are open and the fever cases are kept apart at last. I have two
    nurses from Cape Town and a third is promised for June.

    (Letter of 3 May 1881, MS 212, f. 9.)

She stayed at Kimberley until the end of the year.
"""


def test_a_quotation_after_a_lead_in_its_place_and_its_cited_date() -> None:
    letter = parse_letter(source(BIOGRAPHY))
    assert letter.date is not None and letter.date.iso == "1881-05-03"
    assert place_of(BIOGRAPHY) == "Kimberley"
    assert letter.heading_recipient is not None and letter.heading_recipient.text == "Dr. Haldane"


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("Alcázar de Toledo, 12 de marzo de 1861", "Toledo"),
        ("Camp de Valenciennes, le 3 juin 1793", "Valenciennes"),
        ("Hôtel de Langeac, Paris, Feb. 8, 1787", "Paris"),
        ("Ruse i Bulgarien, d. 4 Mai 1878", "Ruse"),
    ],
)
def test_a_camp_or_castle_of_a_town_and_a_town_in_a_land(dateline: str, place: str) -> None:
    from kgraph.text.datelines import parse_date
    from kgraph.text.letter_lines import Line

    found = parse_date(Line(0, len(dateline), dateline, 0))
    assert found is not None and found[1] is not None and found[1].text == place

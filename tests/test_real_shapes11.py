"""Shapes of session eleven: a town before the house's number and street, an editor's
bracketed town after a street in a lot, a despatch between two men of one surname, a
salutation that greets kin, a month with letters an editor supplied, names an editor
supplied inside a heading's name, a friend greeted with a colon and dash, an editor's
heading in brackets, a museum's "X letter to Y", titles before a name in capitals, a
court's lead-in sentence, a despatch's number beside the address, a scan's straight
quotation marks before each paragraph.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

from collections.abc import Callable

from kgraph.extract.name_match import fullest, without_title
from kgraph.model import LetterResult
from kgraph.text.dates import find_date, unmark
from kgraph.text.headings import addressee_name, parties
from kgraph.text.lead_in_names import lot_dateline
from kgraph.text.letters import parse_letter
from tests.helpers import label_of, source, spoken

Process = Callable[[str], LetterResult]  # the conftest's ``processed``


TOWN_FIRST = """TO THE REV. AMOS PIKE

                                        Hartford, 12 Elm St.
                                        March 3, 1871.

My dear Pike,

Your parcel came on Tuesday, and the sermons in it are better than you think. I shall be in
Hartford until the end of the month.

                                        Very truly yours,
                                                G. Wells.
"""


def test_the_town_not_the_abbreviated_street_is_where_the_letter_was_written(
    processed: Process,
) -> None:
    result = processed(TOWN_FIRST)
    assert label_of(result, result.place) == "Hartford"


def test_an_editors_bracketed_town_after_a_street_in_a_lot_is_the_place() -> None:
    lot = (
        'COX, DAVID (1783-1859). Autograph letter signed ("D Cox") to the engraver John Pye '
        '("Dear Pye"), 1 page 4to, Foley Terrace West [Birmingham], 9 March [1831], '
        "light spotting."
    )
    found = lot_dateline(lot)
    assert found is not None and lot[found[0] : found[1]].startswith("[Birmingham], 9 March")


DESPATCH = """No. 7.
COPY of a DESPATCH from Governor HALE to the Right Hon. EARL HALE.

                                        Government House, Hobart,
My Lord,                                          3rd June, 1851.

I have the honor to report to your Lordship that the road to the north is finished.

                                        I have, &c.,
                                              J. Hale.
"""


def test_the_writer_and_the_addressee_of_one_surname_stay_two_people(
    processed: Process,
) -> None:
    result = processed(DESPATCH)
    assert result.sender is not None and result.recipient is not None
    assert result.sender != result.recipient
    assert label_of(result, result.recipient) == "Earl Hale"


KIN = """Letter 12

Rose Lane to her mother

Paris, 4 June 1861

Dear Mama,

The rooms are small but the light is good, and I have begun to paint again.

Your loving
Rose
"""


def test_a_salutation_that_greets_kin_names_no_recipient() -> None:
    letter = parse_letter(source(KIN))
    assert letter.recipient_name is None


def test_a_month_with_letters_an_editor_supplied_is_read_whole() -> None:
    line = "Fort Ross, 2d Oct[obe]r 1839"
    assert len(unmark(line)) == len(line)
    found = find_date(unmark(line))
    assert found is not None and found.iso == "1839-10-02"


def test_names_an_editor_supplied_inside_a_headings_name_belong_to_it() -> None:
    line = "To MARY [ANNE LOWELL] PUTNAM, [Paris]"
    found = addressee_name(line)
    assert found is not None and line[found[0] : found[1]] == "MARY [ANNE LOWELL] PUTNAM"
    assert fullest(["MARY [ANNE LOWELL] PUTNAM"]) == "Mary Anne Lowell Putnam"


FRIEND = """Pittsburgh, May 2d, 1849.

Friend Garrison :—Since my last I have spoken at four meetings, and the halls were full.

Yours for the slave,
J. Lowry.
"""


def test_a_friend_greeted_with_a_colon_and_a_dash_is_the_recipient() -> None:
    letter = parse_letter(source(FRIEND))
    assert spoken(FRIEND, letter.recipient_name) == "Garrison"


def test_an_editors_heading_in_brackets_names_both_parties() -> None:
    heading = "[GB to WM]"
    found = parties(heading)
    assert found is not None
    assert (heading[slice(*found[0])], heading[slice(*found[1])]) == ("GB", "WM")


def test_a_museums_x_letter_to_y_names_both_parties() -> None:
    heading = "Hugh Ramsay letter to Ada Plante"
    found = parties(heading)
    assert found is not None
    assert heading[slice(*found[1])] == "Ada Plante"


def test_a_title_in_capitals_before_a_name_is_no_part_of_it() -> None:
    assert without_title("ABBÉ J.-B. FERLAND") == "J.-B. FERLAND"
    assert without_title("Governor Thomas Brisbane") == "Thomas Brisbane"
    assert without_title("Earl of Elgin") is None  # the title is the name
    assert without_title("M. A. Lamb") is None  # an initial, not Monsieur
    assert fullest(["J.-B. FERLAND"]) == "J.-B. Ferland"
    assert fullest(["MARTHA'S VINEYARD"]) == "Martha's Vineyard"


COURT = """   No. 42.—Letter, without date, found among the papers of the deceased.

   The following letter was then read by the Clerk of Court:—

                                                   Friday.
   My own dear Henri,—I cannot come on Sunday, for Papa will be at home.

                                                   Your own
                                                   Lily.
"""


def test_a_courts_lead_in_sentence_is_no_address(processed: Process) -> None:
    letter = parse_letter(source(COURT))
    assert letter.address is None or "Clerk" not in letter.address.text
    assert processed(COURT).place is None


NUMBERED = """COPY of a DESPATCH from Governor BLAKE to Lord Harwood.

  (No. 31.)                                      Government House, Perth,
My Lord,                                                  9th April 1850.

I have the honour to report the arrival of the store ship.

                                        I have, &c.,
                                              H. Blake.
"""


def test_a_despatchs_number_beside_the_address_is_no_part_of_it(processed: Process) -> None:
    result = processed(NUMBERED)
    assert label_of(result, result.place) == "Perth"


QUOTED = """TO MR THOMSON.

' DUNBAR, 3d March 1846.

' MY DEAR SIR, — The box of shells came safe, and my wife has them in order already.

' Believe me, yours very sincerely,

' ROBERT DICK.'
"""


def test_a_scans_straight_quotation_marks_open_each_paragraph() -> None:
    letter = parse_letter(source(QUOTED))
    assert spoken(QUOTED, letter.place) == "DUNBAR"
    assert letter.signature is not None
    assert spoken(QUOTED, letter.signature) == "ROBERT DICK."


SOURCEBOOK = """Home  /  Sources  /  Chemistry, 1900–1950  /  Source 12

Walther Kessel to Anna Brandt (March 2, 1931)

Summary
In the spring of 1931 the chemist Walther Kessel told his former assistant Anna Brandt of
the new furnace at the institute.

Translation

INSTITUT FÜR METALLKUNDE
Göttingen, Bunsenstraße 4

Göttingen, den 2. März 1931

Dear Anna,

The furnace is in, and it reaches the heat we wanted at the first trial.

Yours,
Walther
"""


def test_an_editors_heading_above_an_abstract_and_a_letterhead_names_the_parties() -> None:
    letter = parse_letter(source(SOURCEBOOK))
    assert spoken(SOURCEBOOK, letter.heading_sender) == "Walther Kessel"
    assert spoken(SOURCEBOOK, letter.heading_recipient) == "Anna Brandt"


RUNNING_HEAD = """52                    EXPEDITION TO BORNEO.

No. 4.

Captain Hale to the Secretary of the Admiralty.

                                        Sarawak, May 3, 1847.
Sir: I have the honor to report the arrival of the ship.

                                        M. C. Hale.
"""


def test_a_running_head_names_no_parties() -> None:
    letter = parse_letter(source(RUNNING_HEAD))
    assert spoken(RUNNING_HEAD, letter.heading_recipient) != "BORNEO"


LOT_HEADLINE = """Sale 812 — Americana
Lot 77

Estimate: $2,000 - $3,000

ON THE PAINTING OF A STORM
INNESS, GEORGE. Autograph Letter Signed, "Geo. Inness," to the dealer Thomas Wall, \
describing a picture of a storm. 2 pages, 8vo. Montclair, 4 May 1885

". . . the sky is done at last, and I think it the best I have painted . . ."

Provenance: by descent.
"""


def test_a_lots_headline_in_capitals_stands_over_its_description(processed: Process) -> None:
    result = processed(LOT_HEADLINE)
    assert label_of(result, result.recipient) == "Thomas Wall"
    assert result.letter.date is not None and result.letter.date.iso == "1885-05-04"


MUSEUM = """Skip to main content
Museum Online  |  Search  |  Visit  |  Support

Letter, Jasper Cropsey to Asher Durand, June 3, 1850

Transcription
                                                   Greenwood Lake June 3d 1850
Dear Sir
I have your note, and will bring the two small pictures on Saturday.
                                        Yours truly
                                              J. F. Cropsey
"""


def test_a_sites_navigation_bar_is_no_address_and_a_bare_dear_sir_greets() -> None:
    letter = parse_letter(source(MUSEUM))
    assert letter.address is None or "Visit" not in letter.address.text
    assert spoken(MUSEUM, letter.salutation) == "Dear Sir"
    assert spoken(MUSEUM, letter.place) == "Greenwood Lake"


POSTMARKED = """   No. 31.—Letter, without date, found in his desk. Envelope addressed, "Mr J. \
Hart, 4 Blythe Row." Postmark, "Paisley, Mar. 3, 1852."

   My dear Jack,—Do not come on Sunday.

                                                   Your own
                                                   NELL.
"""


def test_an_undated_letter_is_dated_and_placed_by_its_postmark() -> None:
    letter = parse_letter(source(POSTMARKED))
    assert letter.date is not None and letter.date.iso == "1852-03-03"
    assert spoken(POSTMARKED, letter.place) == "Paisley"

"""Letter metadata on shapes real editions print (session 13), on letters written for these
tests: a despatch whose salutation and dateline share one printed line, its "I have, &c."
closing and the copy of an inclosure printed under it; a signature under a closing sentence
("… with your old"); the year of a dateline given by the sentence that leads into the
letter; "written from X on the 12th of October" in a biographer's narrative."""

from __future__ import annotations

from kgraph.text.letters import parse_letter
from kgraph.text.reading import read_text

DESPATCH = """\
No. 12.
Mr. Holt to the Earl of Derby.—(Received May 2.)
My Lord, Mombasa, March 30, 1876.
I HAVE the honour to report that the caravan for the interior left the coast
yesterday under the charge of Mr. Ralph Keane, and that the chiefs of the
district have promised it a safe passage as far as the river.
I have, &c.
(Signed) EDWARD HOLT.
"""

WITH_INCLOSURE = """\
No. 7.
Mr. Holt to the Earl of Derby.—(Received May 30.)
My Lord,                                        Mombasa, April 20, 1876.
  I HAVE the honour to inclose a copy of a note from Mr. Keane, who writes that
the caravan has reached the river without loss.
                                          I have, &c.
                                    (Signed)      EDWARD HOLT.

                           Inclosure in No. 7.

                         Mr. Keane to Mr. Holt.

Sir,                                              Taveta, April 11, 1876.
  THE caravan reached this place on the 9th. The men are well.
                                          I have, &c.
                                    (Signed)      R. KEANE.
"""

TELEGRAM_INCLOSED = """\
No. 9.
MR. HOLT to the EARL OF DERBY.
                                   Consulate, Mombasa,
MY LORD,                                        June 2, 1876.
I HAVE the honour to transmit a copy of a telegram from Mr. Keane.
                                   I have, &c.
                        (Signed)   EDWARD HOLT.

Inclosure in No. 9.

MR. KEANE to MR. HOLT.

TELEGRAM.                          Taveta, May 28, 1876.

All well. Caravan crosses the river tomorrow.

                                                        R. KEANE.
"""

CLOSING_SENTENCE = """\
21. To Paul Werner in Graz

                                             Salzburg, 3. Mai 1862.

Dear Friend!

The organ is mended at last and I have played on it every evening this week. Write soon
and tell me how your choir did at the festival, and do not forget your old

                                   Franz Leitner.

1 The festival took place in Graz on 20 April 1862.
"""

LEAD_IN_YEAR = """\
He had come to the mission on the 2nd of December 1822, and found the school empty. In the
spring of 1823 he wrote to his sister:--

"Matadi, April 3.

"My dear Anne,--The school has twelve boys now, and the roof is mended. I am well.

"Your affectionate brother,

"T. BRAND."
"""

WRITTEN_FROM = """\
My father lectured in the west all that winter. I have one letter of those months, written
from Denver on the 4th of January, from which I give these lines:--

"MY DEAR GIRL,--The hall was full last night and the people kind. Your loving father,
"R. OWEN."
"""


def test_a_salutation_and_a_dateline_on_one_printed_line_are_two_parts() -> None:
    letter = parse_letter(read_text(DESPATCH, "despatch"))
    assert letter.salutation is not None and letter.salutation.text == "My Lord,"
    assert letter.date is not None and letter.date.iso == "1876-03-30"
    assert letter.place is not None and letter.place.text == "Mombasa"


def test_a_despatch_closing_with_etc_is_a_valediction() -> None:
    letter = parse_letter(read_text(DESPATCH, "despatch"))
    assert letter.sender_name is not None and letter.sender_name.text == "EDWARD HOLT"


def test_a_salutation_that_runs_into_the_letter_is_no_dateline() -> None:
    text = "Sir, Your letter of June 6, 1873.\n\nI am, &c.\nJ. SMITH.\n"
    letter = parse_letter(read_text(text, "prose"))
    assert letter.place is None


def test_the_despatch_ends_before_the_copy_of_its_inclosure() -> None:
    letter = parse_letter(read_text(WITH_INCLOSURE, "inclosure"))
    assert letter.sender_name is not None and letter.sender_name.text == "EDWARD HOLT"
    assert letter.date is not None and letter.date.iso == "1876-04-20"
    assert letter.place is not None and letter.place.text == "Mombasa"


def test_an_inclosed_telegram_gives_no_date_to_the_despatch() -> None:
    letter = parse_letter(read_text(TELEGRAM_INCLOSED, "telegram"))
    assert letter.date is not None and letter.date.iso == "1876-06-02"
    assert letter.sender_name is not None and letter.sender_name.text == "EDWARD HOLT"


def test_a_signature_under_a_closing_sentence_ending_your_old() -> None:
    letter = parse_letter(read_text(CLOSING_SENTENCE, "closing"))
    assert letter.signature is not None and letter.signature.text == "Franz Leitner."


def test_the_lead_in_sentence_gives_the_datelines_year() -> None:
    letter = parse_letter(read_text(LEAD_IN_YEAR, "lead"))
    assert letter.date is not None and letter.date.iso == "1823-04-03"


def test_written_from_a_town_on_a_day_gives_the_place() -> None:
    letter = parse_letter(read_text(WRITTEN_FROM, "written"))
    assert letter.place is not None and letter.place.text == "Denver"


SCANNED = """\
and she wrote to him that winter more often than in any year before, for the
news from the south troubled her, and she could not keep it to herself.

To her brother Samuel

Hartford, Novemher 14, 1862.
I have had no word from you since the battle, and I write to ask only that you
send a line, however short, to say that you are whole. The papers here print
long lists and I read them every morning with my heart in my mouth.

118 LETTERS OF MARY ANN COLE [1862

Father is well and sends his love. We have begun to knit for the regiment.

AFTER THE WAR 119

Your loving sister,
M. A. C.
"""


def test_a_month_misread_by_a_scanner_is_read() -> None:
    from kgraph.text.dates import find_date

    found = find_date("Hartford, Novemher 14, 1862.")
    assert found is not None and found.iso == "1862-11-14"
    day = find_date("Lucknow,  gth  June,  1784.")  # "9th" as a scanner read it
    assert day is not None and day.iso == "1784-06-09"
    other = find_date("Octopus 4, 1861")  # two letters from "October": no month
    assert other is not None and other.precision == "year"


def test_a_scanned_running_head_is_no_dateline() -> None:
    letter = parse_letter(read_text(SCANNED, "scanned"))
    assert letter.date is not None and letter.date.iso == "1862-11-14"
    assert letter.place is not None and letter.place.text == "Hartford"
    assert letter.dateline is not None and "COLE" not in letter.dateline.text


BROKEN_HEADING = """\
                                   No. 3.

        COPY of a DESPATCH from Governor GREY to the Right Hon.
                         HENRY LABOUCHERE, M.P.

                                              Government House, Cape Town,
Sir,                                              March 2, 1857.

    I HAVE the honour to report that the frontier is quiet.

                                          I have, &c.
                                    (Signed)      G. GREY.
"""

HEADLINES = """\
THE DAILY COURIER, TUESDAY, MAY 3, 1898.

GENERAL REPORTS ADVANCE

Rebels Coming In to Give Up Their Rifles.

MOLINA HAS GONE TO SANTIAGO

The War Office published this afternoon the following dispatch from the general:

"The column crossed the river at dawn. All well. HARTE."
"""

LOT_TO_A_FIRM = """\
HOLT, JAMES (1801-1870). Autograph letter signed ("James Holt"), to his Boston publishers \
Ticknor & Fields, Concord, 8 May 1855.

Gentlemen, I send the last sheets by this post.

James Holt
"""


def test_a_heading_broken_after_the_rank_names_the_recipient_below() -> None:
    from kgraph.text.letters import parse_letter as parse

    letter = parse(read_text(BROKEN_HEADING, "broken"))
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "HENRY LABOUCHERE"


def test_a_newspapers_headlines_name_no_parties() -> None:
    from kgraph.text.headings import parties

    assert parties("Rebels Coming In to Give Up Their Rifles.") is None
    assert parties("MOLINA HAS GONE TO SANTIAGO") is None
    assert parties("Marx to Engels") is not None
    letter = parse_letter(read_text(HEADLINES, "headlines"))
    assert letter.heading_sender is None and letter.heading_recipient is None


def test_dear_parents_names_no_recipient() -> None:
    text = "Cedar Falls, May 2, 1870.\n\nDear Parents,\n\nWe are all well.\n\nYour Anna\n"
    letter = parse_letter(read_text(text, "parents"))
    assert letter.recipient_name is None


def test_a_lot_to_a_firm_names_no_person_as_recipient() -> None:
    letter = parse_letter(read_text(LOT_TO_A_FIRM, "lot"))
    assert letter.heading_sender is not None and letter.heading_sender.text == "HOLT, JAMES"
    assert letter.heading_recipient is None


HOUSE_THEN_TOWN = """\
Wyndcliffe,
Frimley,
Surrey.

June 3rd, 1890.

Dear Tom,

The roses are out at last and the garden is a sight. Come down on Saturday if you can.

Yours ever,
Edith Lane
"""


def test_a_house_over_its_town_gives_the_town(run) -> None:  # type: ignore[no-untyped-def]
    result = run(HOUSE_THEN_TOWN, "house-then-town")
    place = next(e for e in result.entities if e.key == result.place)
    assert place.label == "Frimley"  # the town the knowledge base knows, not the house


def test_a_house_over_a_state_keeps_the_house(run) -> None:  # type: ignore[no-untyped-def]
    text = HOUSE_THEN_TOWN.replace("Frimley,\nSurrey.", "Florida.")
    result = run(text, "house-then-state")
    place = next(e for e in result.entities if e.key == result.place)
    assert place.label == "Wyndcliffe"  # "Florida" is a state before it is any town


def test_a_records_contents_label_is_no_address() -> None:
    text = (
        "Letters of the Circle · Calendar\nHome > Letters > 1840 > Letter no. 12\n\n"
        "Smith, John to Brown, James\n12 May [1840]\n\nSummary\n"
        "JS reports that the drawings are done and asks for the money.\n\nContents\n"
        "Dorset Street | Portman Square\nTuesday 12 May.\n\nMy dear Brown\n"
        "The drawings are done, and I hope you will like them better than the last.\n\n"
        "Yours ever\nJ. Smith\n"
    )
    letter = parse_letter(read_text(text, "contents"))
    assert letter.address is not None and "Contents" not in letter.address.text


HEADNOTE = """\
MARY HOLT
(1801–1870)

Mary Holt kept a school at Bath for thirty years and wrote a history of the town, which \
was much read in its day and is still consulted. The letter below was written to the \
Dowager Countess of Ashby, the patroness of the school, at whose house, Ashby Court, she \
had taught as a girl.

                                   Bath, May 2nd, 1841.

My dear Mother,

The school has broken up for the summer and I am free at last.

Your loving daughter,
Mary
"""


def test_an_anthologys_headnote_names_the_recipient_with_her_title() -> None:
    letter = parse_letter(read_text(HEADNOTE, "headnote"))
    assert letter.heading_recipient is not None
    assert letter.heading_recipient.text == "Dowager Countess of Ashby"

"""Letters a biography quotes, whose narrative calls the writer "he" or "she": the writer is
the person the running head names, or the person the paragraph opens with; and a heading's
second line that dates a postcard, and a dealer's "SURNAME (GIVEN NAMES)" lot.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

from kgraph.text.letters import parse_letter
from tests.helpers import source, spoken

RUNNING_HEAD = (
    "52                 JOHN RUSKIN HARLOWE.                 [1841\n"
    "\n"
    "In the spring of 1841 Harlowe had taken rooms at Dieppe, where his sister, Mrs. "
    "Vane, was then staying with her husband, Colonel Vane, and to her he wrote "
    "almost daily. In May he had crossed to Rouen, and writing from there on the 3rd "
    "he says:—\n"
    "\n"
    '"I have drawn the west front three times and each time it has beaten me. . . . '
    'My love to all at Dieppe."\n'
    "\n"
    "The summer brought him home again.\n"
)

PARAGRAPH_SUBJECT = (
    "CHAPTER IV.\n"
    "\n"
    "Corot had sent three pictures to the Salon of 1847, and waited at Ville-d'Avray "
    "for news of them. His friend Dutilleux was in Paris and went every day to look "
    "at them. He wrote to Dutilleux:--\n"
    "\n"
    "\"Ville-d'Avray, 12th May.\n"
    "\n"
    '"... You tell me they are badly hung. I expected nothing else. * * *"\n'
    "\n"
    "Dutilleux answered by the next post.\n"
)

TITLED_SUBJECT = (
    "CHAPTER II\n"
    "\n"
    "Miss Harlow went to Poughkeepsie in the autumn of 1866, taking her father, "
    "Samuel Harlow, with her. She wrote to her sister:--\n"
    "\n"
    '"Dear Ruth,—The snow is at the sills and Father keeps the stove.\n'
    "\n"
    '"Thy loving sister."\n'
)


def test_a_biographys_running_head_names_the_writer_it_calls_he() -> None:
    letter = parse_letter(source(RUNNING_HEAD))
    assert spoken(RUNNING_HEAD, letter.heading_sender) == "JOHN RUSKIN HARLOWE"


def test_the_paragraph_the_lead_in_closes_names_the_writer() -> None:
    letter = parse_letter(source(PARAGRAPH_SUBJECT))
    assert spoken(PARAGRAPH_SUBJECT, letter.heading_sender) == "Corot"
    titled = parse_letter(source(TITLED_SUBJECT))
    assert spoken(TITLED_SUBJECT, titled.heading_sender) == "Miss Harlow"  # not her father


def test_no_pronoun_lead_in_no_guess() -> None:
    text = PARAGRAPH_SUBJECT.replace("He wrote to Dutilleux:--", "The letters went on:--")
    assert parse_letter(source(text)).heading_sender is None


POSTCARD = (
    "Franz Marc to Maria Marc\n"
    "Picture postcard, 3 June 1912\n"
    "\n"
    "Picture side: view of the harbour\n"
    "\n"
    "                                                Sindelsdorf, Monday\n"
    "\n"
    "Dear Maria,\n"
    "The paints came today.\n"
    "Your Franz\n"
)

SOTHEBYS_LOT = (
    "Lot 88\n"
    "\n"
    'HOLST (GUSTAV) AUTOGRAPH LETTER SIGNED ("Gustav Holst") to Adrian Boult, on the '
    "Planets, 2 pages, 8vo, Thaxted, 9 March [1919]\n"
    "\n"
    '"... You have made the Planets sound ..."\n'
)


def test_a_postcards_second_heading_line_dates_it_and_a_lot_in_a_dealers_style() -> None:
    letter = parse_letter(source(POSTCARD))
    assert letter.date is not None and letter.date.iso == "1912-06-03"
    lot = parse_letter(source(SOTHEBYS_LOT))
    assert spoken(SOTHEBYS_LOT, lot.heading_sender) == "HOLST"
    assert spoken(SOTHEBYS_LOT, lot.heading_recipient) == "Adrian Boult"
    assert lot.date is not None and lot.date.iso == "1919-03-09"


def test_a_narrative_that_says_he_wrote_to_his_wife_names_her_as_mrs() -> None:
    text = (
        "Mrs. Asquith had gone down to the Wharf with the children early in July. Asquith "
        "wrote to his wife almost daily. The treaty was signed on this day.\n\n"
        "Downing Street, July 9. 1912.\n\nMY OWN M.,—A Cabinet at twelve, so no long letter.\n\n"
        "H. H. A.\n"
    )
    letter = parse_letter(source(text))
    assert spoken(text, letter.heading_recipient) == "Mrs. Asquith"

"""Letter metadata on shapes real editions print (session 12), on letters written for these
tests: a critical edition's margin numbers on every fifth line, a valediction's "Your" on a
line of its own, and a letter site's links to the letters before and after."""

from __future__ import annotations

from kgraph.text.editorial import plain_emphasis
from kgraph.text.letters import parse_letter
from kgraph.text.reading import read_text

MARGIN = """\
     12.   Friedrich Amsel to Weber. Leipzig, 3 March 1841

     Dear Weber, the parcel with the proofs came this morning, and I have been
     through the first sheet already. The printer has set the Greek badly once
     more, and I have sent him a list of the faults with some heat. You will
     forgive me if I say nothing yet of your chapter on the metres; I want to
5    read it twice before I write a word of it. My wife is better, and the
     children are at their grandmother's until Easter. The weather here is still
     cold, and the river has not yet opened; we walk on it as on a road. I see
     old Hermann now and then at the club, and he asks after you every time.
     Send me the rest of the proofs as soon as they are ready, and the sheets
10   of the index with them, for the printer wants to close the volume soon.
     The booksellers at the fair were gloomy, and I do not wonder at it: the
     times are bad for learned books, and worse for the men who write them.
     But we shall go on as we have begun, and the next volume will sell.
     Tell your brother that his book came safely and that I thank him for it.
15   Greet him from me, and write soon.
                                                                     Your
                                                                     Friedrich Amsel.
"""

RELATED = """\
LETTERS ONLINE · Correspondence of a Scholar
Home › Letters › 1902 › No. 88

No. 88
Anna Roth to Paul Keller
Heidelberg, 4 May 1902

Related letters: ← Keller to Roth, 20 Apr. 1902 | → Roth to Keller, 9 June 1902

Dear Keller,

Your paper arrived and I have read it with the greatest pleasure. I shall write
at more length next week.

Yours,
A. Roth
"""

RECORD = """\
Roth, Anna → Keller, Paul

Heidelberg, 4 May 1902

Dear Keller,

Your paper arrived and I have read it with the greatest pleasure.

Yours,
A. Roth
"""


def test_margin_numbers_on_every_fifth_line_are_the_editions() -> None:
    plain = plain_emphasis(MARGIN)
    assert "5    read" not in plain and "15   Greet" not in plain
    assert "     12.   Friedrich Amsel" in plain  # the letter's number is no margin number
    assert len(plain) == len(MARGIN)


def test_a_signature_under_a_margin_number_is_read() -> None:
    letter = parse_letter(read_text(MARGIN, "margin"))
    assert letter.signature is not None
    assert letter.signature.text == "Friedrich Amsel."


def test_a_valediction_word_alone_is_no_signature() -> None:
    text = "Dear Weber,\n\nThe proofs came this morning.\n\n    Your\n\n"
    letter = parse_letter(read_text(text, "your"))
    assert letter.signature is None or letter.signature.text != "Your"


def test_links_to_the_letters_before_and_after_give_no_date_or_place() -> None:
    letter = parse_letter(read_text(RELATED, "related"))
    assert letter.date is not None and letter.date.iso == "1902-05-04"
    assert letter.place is not None and letter.place.text == "Heidelberg"


def test_an_arrow_between_two_names_is_a_records_heading() -> None:
    letter = parse_letter(read_text(RECORD, "record"))
    assert letter.heading is not None
    assert letter.heading.text == "Roth, Anna → Keller, Paul"

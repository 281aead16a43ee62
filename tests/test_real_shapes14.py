"""Letter metadata on shapes real editions print (session 14), on letters written for these
tests: a biography's section headed by its year alone above a quoted letter whose dateline
has no year, under an ebook's header that names other years; a postcard's dateline with a
two-digit year whose century only the blogger's narrative gives."""

from __future__ import annotations

from kgraph.text.letters import parse_letter
from kgraph.text.reading import read_text

BIOGRAPHY = """\
The Free Shelf eBook of The Life of Anna Reid, Schoolmistress

This ebook may be copied and given away under the terms of the Free Shelf
licence included with it.

Title: The Life of Anna Reid, Schoolmistress
       With Extracts from her Letters

Editor: Margaret Reid

Release date: May 2, 2011 [eBook #31207]
Most recently updated: June 9, 2020

Credits: Transcribed from the 1879 edition by volunteers.

*** START OF THE FREE SHELF EBOOK THE LIFE OF ANNA REID ***


CHAPTER IX.

1841.

The school at Hexham was full by the spring, and my mother spent the summer in
finding masters for it. When the last of them was engaged she wrote to her sister,
who was then at Keswick:--

"Hexham, July 19th.

"My dear Jane,--The drawing master is found at last, and he is to come on Monday.
The children are wild with the news.

"Your loving sister,
"A. R."
"""
POSTCARD = """\
PAPER TRAILS
a blog about cards and letters

A card from Antibes
Posted on 3 March 2019 by M. L.

I bought this card in a box of views at a fair in Lyon. It was written by the painter
Paul Garnier to his friend Louis Morel in the spring of 1937, a few weeks before Garnier
left the coast for good; Morel kept it with his papers until the 1960s.

Recto: a photograph of the harbour, publisher's number 88.
Stamp: 65 c., red.

Message, in pencil:

Antibes, 4 avril 37
Cher Louis,
Le temps est beau et je travaille tous les jours sur le port.
Amitiés
P. Garnier
"""


def test_a_year_heading_the_section_dates_the_quoted_letter() -> None:
    letter = parse_letter(read_text(BIOGRAPHY, "year-head"))
    assert letter.date is not None and letter.date.iso == "1841-07-19"


def test_a_two_digit_year_takes_its_century_from_the_narrative() -> None:
    letter = parse_letter(read_text(POSTCARD, "two-digit-narrative"))
    assert letter.date is not None and letter.date.iso == "1937-04-04"


KIN_HEADING = """\
336                     LETTERS FROM ITALY.                     [1874

ANNA FELL TO HER DAUGHTER ROSE.

Florence, den 8. März 1874.

My dearest Child,--We came on Thursday after a long journey, and I have had no moment
to myself since.

Your loving Mother.
"""


def test_a_heading_to_her_daughter_names_both() -> None:
    letter = parse_letter(read_text(KIN_HEADING, "to-her-daughter"))
    assert letter.heading_sender is not None and letter.heading_sender.text == "ANNA FELL"
    assert letter.heading_recipient is not None and letter.heading_recipient.text == "ROSE"


def test_a_heading_to_his_wife_names_the_writer() -> None:
    text = KIN_HEADING.replace("ANNA FELL TO HER DAUGHTER ROSE.", "JOHN FELL TO HIS WIFE.")
    letter = parse_letter(read_text(text, "to-his-wife"))
    assert letter.heading_sender is not None and letter.heading_sender.text == "JOHN FELL"
    assert letter.heading_recipient is None


def test_two_given_names_with_one_initial_are_two_people(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KÄTHE HALM TO HER SON PAUL\n\nBerlin\n22. April 1917\n\nDear Paul,\n"
        "Karl Halm has too many patients, and Karl sends his love.\n\nYour Mother\n"
    )
    result = run(text, "kaethe-karl")
    sender = next(e for e in result.entities if e.key == result.sender)
    assert sender.label.casefold() == "käthe halm"  # not "Karl Halm", her husband


BLOG = """\
NOTES FROM THE STUDIO
a blog about painters' letters

A letter from Rome
Posted on 2 May 2015 by Claire

In May 1788, soon after she reached Rome, Émilie Dorval wrote to her old friend the
engraver Louis Mercier in Paris. Nobody has put the letter into English, so here is my own
rough translation of most of it:

    Rome, ce 9 mai.

    You would laugh to see me standing at the window with my brushes idle.

    Émilie

She stayed in Rome until the autumn.
"""


def test_a_blogs_sentence_before_the_translation_names_the_parties(run) -> None:  # type: ignore[no-untyped-def]
    result = run(BLOG, "blog-wrote-to")
    labels = {e.key: e.label for e in result.entities}
    assert labels.get(result.sender) == "Émilie Dorval"
    assert labels.get(result.recipient) == "Louis Mercier"


def test_a_friends_date_with_a_stop_after_the_day_is_read() -> None:
    text = (
        "HALL & SONS, LIMITED,\nYORK.\n\n11th mo. 12. 1901.\n\nMy dear John,\n\n"
        "I have read thy book through a second time.\n\nThy affectionate father,\nJoseph Hall\n"
    )
    letter = parse_letter(read_text(text, "friends-date"))
    assert letter.date is not None and letter.date.iso == "1901-11-12"


BLUE_BOOK = """\
PERSIA. No. 2 (1880).

FURTHER CORRESPONDENCE
RESPECTING
THE AFFAIRS OF PERSIA.

Presented to both Houses of Parliament by Command of Her Majesty.
May 1880.

LONDON:
PRINTED BY HARRISON AND SONS.

                              No. 7.

        Mr. Dane to the Marquis of Salisbury.--(Received March 30.)

(Extract.)                                        Tehran, March 2, 1880.
MY LORD,
    I HAVE the honour to report that the roads to the south are open again.
                                        I have, &c.
                              (Signed)     R. DANE.
"""


def test_a_blue_books_imprint_and_extract_mark_are_no_parts_of_the_letter() -> None:
    letter = parse_letter(read_text(BLUE_BOOK, "blue-book-extract"))
    assert letter.salutation is not None and letter.salutation.text == "MY LORD,"
    assert letter.date is not None and letter.date.iso == "1880-03-02"


def test_the_narrative_gives_the_year_of_the_datelines_month() -> None:
    text = (
        "CHAP. IV.]               LAST DAYS AT HATTON.                    88\n\n"
        "By the first days of March 1851 the household that had shared his house at Hatton "
        "since 1846 was breaking up, and his sister was alone there.\n\n"
        "[Sidenote: A letter from town.]\n\n"
        "On the evening of the 8th the carriage came for him, and he wrote before he left.\n\n"
        '"Hatton, Mar. 9.\n\n"My dear Sister,--The carriage came at last.\n\n'
        '"Ever yours,\n"J. H."\n'
    )
    letter = parse_letter(read_text(text, "month-year-narrative"))
    assert letter.date is not None and letter.date.iso == "1851-03-09"


def test_a_two_digit_year_at_the_bottom_takes_the_pages_century() -> None:
    text = (
        "12. TO PAUL VERNE\n\nMy dear friend,\n\nThe Trio is finished at last.¹\n\n"
        "Your old friend,\nLouis Marais.\n\nBiarritz, 26 sept. 14.\n\n"
        "¹ The Trio was first played in Paris on 28 January 1915.\n"
    )
    letter = parse_letter(read_text(text, "century-of-page"))
    assert letter.date is not None and letter.date.iso == "1914-09-26"

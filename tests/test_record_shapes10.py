"""Record shapes of session ten: a dealer's item page whose description opens with the
subject in brackets, a biography whose running head under the quoted letter names its
subject, a digital collection's record over a telegram (no salutation), a sale's price
line with its date.

The letters here are written for these tests in the shapes real editions use; none is
copied from an edition.
"""

from __future__ import annotations

import kgraph
from kgraph.text.head_lines import SITE_MATTER
from kgraph.text.lead_in_names import catalogue_lot
from kgraph.text.letters import parse_letter
from tests.helpers import source, spoken

DEALER = """MARSH & HOLT · RARE MANUSCRIPTS
Home > Subjects > Music > Item 2210

[Ethel Smyth, composer.] Autograph Letter Signed ('Ethel Smyth') to her friend Henry \
Brewster, written from Woking on the eve of a rehearsal, with news of her opera.

Author:
Ethel Smyth (1858-1944), composer
Publication details:
Coign, Woking. 'Sunday' [1902].
£1,200.00

2pp., 8vo. Folded once. Addressed 'Dear H. B.' and signed in full.
"""


def test_a_dealers_bracketed_subject_opens_the_lots_description() -> None:
    line = DEALER.splitlines()[3]
    found = catalogue_lot(line)
    assert found is not None
    writer, addressee = found
    assert writer is not None and line[writer[0] : writer[1]] == "Ethel Smyth"
    assert line[addressee[0] : addressee[1]] == "Henry Brewster"


BIOGRAPHY = """1861.]                 THE NEW PARISH.                 93

which he had feared would never come. The bishop had at last agreed to the change, and the
news found Holloway at his sister's house, so that he wrote the same evening to Pell:—

"You will be glad to hear that the thing is settled. . . . I go down on Monday to see the
churchwardens, and shall want your advice on the school before the month is out."

The answer came by return of post.

94                 LIFE OF EDWARD HOLLOWAY.                 [CHAP. VI.
"""


def test_the_running_head_under_a_quoted_letter_names_the_he_who_wrote() -> None:
    letter = parse_letter(source(BIOGRAPHY))
    assert spoken(BIOGRAPHY, letter.heading_sender) == "EDWARD HOLLOWAY"
    assert spoken(BIOGRAPHY, letter.heading_recipient) == "Pell"


RECORD = """Harbour Museum Digital Collections
Home / Collections / Marlow Family Papers / Item

Title: Cablegram, Ada Marlow to Thomas Marlow, 1911 March 3
Creator: Marlow, Ada, 1870-1940
Recipient: Marlow, Thomas, 1841-1915
Date: 1911-03-03
Type: Text; telegrams
Description: Sent from Hobart to her father in Liverpool on the day the ship sailed; \
the form is torn at the fold.
Identifier: MFP-01-009

Transcription:

EASTERN TELEGRAPH
RECEIVED 4 MAR 1911
= MARLOW ROCK FERRY LIVERPOOL =
SAILED TODAY ALL WELL LETTER FOLLOWS = ADA +
"""


def test_a_records_fields_over_a_telegram_name_its_parties_and_date() -> None:
    letter = parse_letter(source(RECORD))
    assert letter.date is not None and letter.date.iso == "1911-03-03"
    assert spoken(RECORD, letter.heading_sender) == "Ada Marlow"
    assert spoken(RECORD, letter.heading_recipient) == "Thomas Marlow"
    result = kgraph.process([RECORD], kgraph.Settings(link="none"))[0]
    label = {e.key: e.label for e in result.entities}
    assert result.place is None or "Collections" not in label[result.place]


def test_a_sales_price_line_is_the_sites_not_the_letters_date() -> None:
    assert SITE_MATTER.search("Sold for £9,375 on 14 November 2019")
    assert SITE_MATTER.search("Price realised: $4,000 on 2 May 2012")
    assert not SITE_MATTER.search("Sold the farm in May 1850")

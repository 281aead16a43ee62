"""The letter parser on any arrangement of the lines editions print: datelines, headings,
field lines, running heads, salutations, valedictions, signatures, notes and narrative, in
any order and with any blank lines between them. It never raises, and every part it finds
slices the text to exactly the part's own text.

The lines are written for this test in the shapes real editions use; none is copied."""

from __future__ import annotations

import hashlib
from dataclasses import fields

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.model import Source, TextSpan
from kgraph.text.letters import parse_letter

LINES = [
    "HENRY VANE TO GEORGE PELL.",
    "To George Pell from Henry Vane, 17 December 1775",
    "Letter no. 12 · From H. Vane to G. Pell · 3 May 1840",
    "Fort Ann, Decemr 17th 1775",
    "                              LYONS, June 2nd.",
    "Monday evening, 9th February.",
    "Bern, 14/VII. 1913",
    "Date: 3 May 1840",
    "**From:** Henry Vane",
    "Reference: MS 88/2",
    "Last modified: 21 June 2019",
    "88              THE LIFE OF JAMES ORR.              [1831.",
    "IV",
    "Transcription",
    "Notes",
    "-------------------------",
    "Col. G. E. Pell,",
    "     Rose Hill, Clapham,",
    "My dear Pell,",
    "GENERAL: Your letter of the 18th came yesterday.",
    "MY DEAREST FATHER,--The capitals are drawn.",
    "May it please your Excellency",
    "The drawings came safely, and I have sent them on to Bath.",
    "It was from Lyons, on the 2nd of June 1831, that he wrote to his sister, Ann Orr:--",
    "I have the honor to be with the utmost respect your Excellency's most obedient Servant",
    "Yours very truly,",
    "Your affectionate son,",
    "I embrace you with all my heart.",
    "H. Vane",
    "JAMES ORR, Captain.",
    "AN OLD WEAVER.",
    "[Addressed: James Pell, Esq., Denmark Hill, London.]",
    "The Earl of Ashbury, K.G.,",
    "1 Pell was then at Bath.",
    "[1] The sheets came in May.",
    "P.S.--July 24th. The boxes are come.",
    '"DEAR MOTHER,—We are lodged very comfortably here.',
    '"Your affectionate son,',
    '"R. AMBLIN."',
    "← To George Pell, 18 October 1852 | To Ann Orr, 14 December 1852 →",
    "Source: Collected Letters, vol. 2, 1925",
    "",
    "",
]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), max_size=30))
def test_any_arrangement_of_edition_lines_parses_with_exact_spans(lines: list[str]) -> None:
    text = "\n".join(lines)
    letter = parse_letter(Source("fuzz", text, hashlib.sha256(text.encode()).hexdigest()))
    for field in fields(letter):
        value = getattr(letter, field.name)
        spans = value if isinstance(value, tuple) else (value,)
        for span in spans:
            if isinstance(span, TextSpan):
                assert text[span.start : span.end] == span.text, field.name
    if letter.date is not None:
        assert text[letter.date.span.start : letter.date.span.end] == letter.date.span.text

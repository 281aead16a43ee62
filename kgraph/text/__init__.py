"""Reading letters: files and standard input into text (``reading``), the letter's parts with
offsets (``letters``, ``letter_lines``) and its dates (``dates``).

Public names: ``reading.read_path``, ``reading.read_text``, ``reading.iter_inputs``,
``letters.parse_letter``, ``dates.find_date``. Knows no spaCy and no RDF.
"""

__all__ = ["dates", "letter_lines", "letters", "reading"]

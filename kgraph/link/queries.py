"""What the linker asks Wikidata: the names it sends and the SPARQL text that carries them.

Two queries per letter: the candidates of all its names (one ``VALUES`` of language-tagged
labels, :func:`candidate_query`), then the facts of those candidates (classes, countries,
dates, sitelinks, :func:`facts_query`). Every value put into query text goes through
:func:`sparql_literal`, :func:`checked_language` or :func:`checked_qid`, so that no input can
change a query's meaning. Pure text: it sends nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from kgraph.errors import ConfigError, LinkError
from kgraph.knowledge.authority import AuthorityEntry, normalise
from kgraph.model import Entity

WD = "http://www.wikidata.org/entity/"
LANGUAGES = ("en", "fr", "de", "it", "es", "ru")
QID = re.compile(r"Q[1-9][0-9]{0,11}")
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*")
MAX_ROWS = 10_000  # a candidate answer this long may be cut off: then trust no label match
MAX_FORMS = 24  # names sent per entity
# Facts asked for every candidate: the key is what the rows call them.
FACTS = {
    "P31": "wdt:P31",  # instance of
    "P279": "wdt:P31/wdt:P279",  # one step up the class tree
    "P17": "wdt:P17",  # country
    "P131": "wdt:P131",  # located in the administrative territorial entity
    "P569": "wdt:P569",  # date of birth
    "P570": "wdt:P570",  # date of death
    "P571": "wdt:P571",  # inception
    "P577": "wdt:P577",  # publication date
    "P580": "wdt:P580",  # start time
    "P585": "wdt:P585",  # point in time
    "sitelinks": "wikibase:sitelinks",
}
PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


# -- escaping --------------------------------------------------------------------------------


def sparql_literal(value: str, language: str | None = None) -> str:
    """``value`` as a SPARQL string literal that no input can break out of.

    Quotes, backslashes and line breaks get their short escapes; other control characters,
    braces and characters beyond the Basic Multilingual Plane become 8-digit ``\\U``
    escapes (unambiguous for parsers that expand escapes before parsing, as SPARQL 1.1
    allows); a ``u`` after an escaped backslash is escaped too, so that no ``\\u`` sequence
    reaches such a parser. Lone surrogates become U+FFFD.
    """
    if _PLAIN.fullmatch(value):  # nothing to escape: the common case, kept fast
        literal = f'"{value}"'
        return literal if language is None else f"{literal}@{checked_language(language)}"
    out: list[str] = []
    previous_backslash = False
    for char in value:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            char, code = "\ufffd", 0xFFFD
        if char in "uU" and previous_backslash:
            piece = f"\\U{code:08X}"
        elif char in _SHORT_ESCAPES:
            piece = _SHORT_ESCAPES[char]
        elif char in "{}" or code > 0xFFFF or unicodedata.category(char) == "Cc":
            piece = f"\\U{code:08X}"
        else:
            piece = char
        previous_backslash = char == "\\"
        out.append(piece)
    literal = '"' + "".join(out) + '"'
    if language is not None:
        literal += "@" + checked_language(language)
    return literal


_PLAIN = re.compile(r'[^\\"{}\x00-\x1f\x7f-\x9f\ud800-\udfff\U00010000-\U0010ffff]*')
_SHORT_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def checked_language(tag: str) -> str:
    if not LANGUAGE_TAG.fullmatch(tag):
        raise ConfigError(f"{tag!r} is not a language tag", "use tags such as en, fr, de-ch")
    return tag


def checked_qid(qid: str) -> str:
    if not QID.fullmatch(qid):
        raise LinkError(
            f"{qid!r} is not a Wikidata item identifier", "expected Q followed by digits"
        )
    return qid


# -- queries ---------------------------------------------------------------------------------


def candidate_query(names: Iterable[str], languages: Sequence[str] = LANGUAGES) -> str:
    """Items whose label or alias is one of ``names`` in one of ``languages``.

    Wikidata's labels are language-tagged, so each name is sent once per language: a join on
    a bound object that the real Wikidata Query Service answers from its index, as do
    embedded stores. ``?label`` tells a label match from an alias match.
    """
    tags = [checked_language(t) for t in languages]
    rows = "\n    ".join(
        f"({sparql_literal(name, tag)})" for name in sorted(set(names)) for tag in tags
    )
    return f"""{PREFIXES}SELECT DISTINCT ?name ?item ?label WHERE {{
  VALUES (?name) {{
    {rows}
  }}
  ?item rdfs:label|skos:altLabel ?name .
  FILTER(STRSTARTS(STR(?item), "{WD}Q"))
  BIND(EXISTS {{ ?item rdfs:label ?name }} AS ?label)
}}
LIMIT {MAX_ROWS}"""


def facts_query(qids: Iterable[str]) -> str:
    """Classes, places, dates and sitelinks of items: one UNION branch per fact, so that
    many-valued facts add rows instead of multiplying them."""
    items = " ".join(f"wd:{checked_qid(q)}" for q in sorted(set(qids)))
    branches = "\n  UNION ".join(
        f'{{ ?item {path} ?value . BIND("{key}" AS ?fact) }}' for key, path in FACTS.items()
    )
    return f"""{PREFIXES}SELECT ?item ?fact ?value WHERE {{
  VALUES ?item {{ {items} }}
  {branches}
}}"""


# -- names -----------------------------------------------------------------------------------


def clean_name(text: str) -> str:
    """A name as sent: Unicode NFC, runs of white space (line breaks too) as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_forms(entity: Entity, entry: AuthorityEntry | None = None) -> list[str]:
    """The names to look up for an entity: as written, the authority's names for it, and
    their article, case and accent variants (Wikidata writes concepts in lower case)."""
    raw = [entity.label, *entity.alternate_names, *(entry.names if entry else ())]
    forms: dict[str, None] = {}
    for text in raw:
        name = clean_name(text)
        if len(normalise(name)) < 2:
            continue
        variants = [name]
        if name[:4].lower() == "the ":
            variants.append(name[4:])
        elif entity.type != "Person":
            variants.append(f"The {name}")  # titles: Wikidata keeps the article
        if entity.type in ("Concept", "Group"):
            variants.append(name.lower())
        stripped = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
        variants.append(unicodedata.normalize("NFC", stripped))
        for variant in variants:
            forms.setdefault(variant, None)
    return list(forms)[:MAX_FORMS]

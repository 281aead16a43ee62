"""Letters as badly converted web pages carry them: mojibake (UTF-8 read as Latin-1 or
Windows-1252, once or twice: "MÃ¼ller" for "Müller", "â€™" for "’") and the C1 control
characters U+0080–U+009F that such a conversion leaves in the text.

For every generated letter: the build never raises; every span and mention slices the text
exactly, in the results and in the output, where the offsets count into the letter's
``kg:text``; and the Turtle and N-Quads parse with rdflib, pyoxigraph and Debian's ``rapper``
(raptor2-utils) into the triples kgraph made. The letters are invented here.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph

from kgraph.model import LetterResult
from kgraph.rdf.graph import to_graph
from kgraph.rdf.write import serialize
from kgraph.settings import Settings

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own
BASE = Settings().base
RAPPER = shutil.which("rapper")
C1 = [chr(c) for c in range(0x80, 0xA0)]
PEOPLE = ["Ada Müller", "Jörg Weiß", "Zoë Ångström", "Łucja Dąbrowska", "Søren Kjær", "Émile Faÿ"]
PLACES = ["Zürich", "München", "Köln", "Kraków", "Orléans", "Sevilla"]
SENTENCES = [
    "I met {n} in {p} last week.",
    "“{n} said it’s fine,” — and we went on to {p}.",
    "{n} wrote from {p}: « très bien ».",
    "We saw {n} at {p} … at last.",
]
PROPERTY = settings(
    deadline=None,
    max_examples=60,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def garble(text: str, codec: str, times: int) -> str:
    """``text`` as a page converted the wrong way: its UTF-8 bytes read as ``codec``, where
    bytes that Windows-1252 leaves undefined become the C1 characters browsers make of them."""
    for _ in range(times):
        text = "".join(
            chr(b)
            if codec == "latin-1" or b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
            else bytes([b]).decode("cp1252")
            for b in text.encode("utf-8")
        )
    return text


@st.composite
def mangled(draw: st.DrawFn, text: str) -> str:
    """``text`` garbled (or not) and with C1 characters put in at random places."""
    codec = draw(st.sampled_from(["latin-1", "cp1252"]))
    text = garble(text, codec, draw(st.integers(0, 2)))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(C1)) + text[at:]
    return text


@st.composite
def letters(draw: st.DrawFn) -> str:
    sender, recipient = draw(st.sampled_from(PEOPLE)), draw(st.sampled_from(PEOPLE))
    place = draw(st.sampled_from(PLACES))
    body = " ".join(
        draw(st.sampled_from(SENTENCES)).format(
            n=draw(st.sampled_from(PEOPLE)), p=draw(st.sampled_from(PLACES))
        )
        for _ in range(draw(st.integers(1, 4)))
    )
    nl = draw(st.sampled_from(["\n", "\r\n", "\x85"]))  # NEL is itself a C1 character
    parts = [
        f"Letter from {sender} to {recipient}",
        "",
        f"{place}, 3 May 1860.",
        "",
        f"Dear {recipient.split()[0]},",
        "",
        body,
        "",
        "Yours truly,",
        sender,
    ]
    return nl.join(draw(mangled(part)) for part in parts)


OFFSETS = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
SELECT ?text ?anchor ?begin ?end WHERE {
  ?letter a kg:Letter ; kg:text ?text .
  { ?m kg:inLetter ?letter ; kg:anchorOf ?anchor ; kg:beginIndex ?begin ; kg:endIndex ?end }
  UNION
  { ?a kg:evidence ?anchor ; kg:beginIndex ?begin ; kg:endIndex ?end }
}"""


def rapper_count(data: bytes, syntax: str, tmp: Path) -> int:
    """The triples ``rapper`` reads from ``data`` (it fails on anything it cannot parse)."""
    assert RAPPER is not None
    path = tmp / f"letter.{syntax}"
    path.write_bytes(data)
    done = subprocess.run(
        [RAPPER, "-i", syntax, "-c", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return int(done.stderr.split("returned")[1].split()[0]) if "returned" in done.stderr else -1


def check(text: str, result: LetterResult, tmp: Path) -> None:
    read = result.letter.source.text
    assert read == text  # the text as read: nothing repaired, nothing dropped
    for entity in result.entities:
        for m in entity.mentions:
            assert read[m.start : m.end] == m.text, m
    for relation in result.relations:
        assert read[relation.evidence.start : relation.evidence.end] == relation.evidence.text

    expected = to_graph([result], BASE)
    turtle = serialize([result], "ttl", BASE)
    nquads = serialize([result], "nq", BASE)
    assert set(Graph().parse(data=turtle, format="turtle")) == set(expected)
    quads = Dataset().parse(data=nquads, format="nquads")
    assert {(s, p, o) for s, p, o, _ in quads.quads()} == set(expected)
    for data, fmt in ((turtle, ox.RdfFormat.TURTLE), (nquads, ox.RdfFormat.N_QUADS)):
        store = ox.Store()
        store.load(data, fmt)
        assert len(store) == len(expected)
        solutions = store.query(OFFSETS, use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        for row in solutions:
            assert row["text"].value == read
            begin, end = int(row["begin"].value), int(row["end"].value)
            assert read[begin:end] == row["anchor"].value
    if RAPPER is not None:
        assert rapper_count(turtle, "turtle", tmp) == len(expected)
        assert rapper_count(nquads, "nquads", tmp) == len(expected)


@pytest.mark.slow  # many examples, each built
@PROPERTY
@given(text=letters())
def test_mojibake_and_c1_letters_build_into_exact_rdf_every_parser_reads(
    text: str, run: Callable[[str], LetterResult], tmp_path_factory: pytest.TempPathFactory
) -> None:
    check(text, run(text), tmp_path_factory.mktemp("mojibake"))


def test_the_generator_makes_what_it_promises() -> None:
    """The strategy's garbling is the real mistake, and C1 characters do reach the text."""
    assert garble("Müller’s", "cp1252", 1) == "MÃ¼llerâ€™s"
    assert garble("Müller", "latin-1", 1) == "M\u00c3\u00bcller"
    assert garble("’", "latin-1", 1) == "\u00e2\u0080\u0099"  # two C1 characters
    assert garble("Müller", "cp1252", 2) == "MÃƒÂ¼ller"


@pytest.mark.skipif(
    RAPPER is None, reason="rapper is not installed (apt-get install raptor2-utils)"
)
def test_a_mojibake_file_builds_from_the_command_line(tmp_path: Path) -> None:
    """A file as a bad conversion leaves it: the build succeeds and rapper reads the output."""
    from click.testing import CliRunner

    from kgraph.cli.main import main

    text = "Letter from Ada Müller to Jörg Weiß\n\nZürich, 3 May 1860.\n\nDear Jörg,\n\n"
    text += "“Frau Müller said it’s fine” — we went to Köln.\n\nYours truly,\nAda Müller\n"
    source = tmp_path / "moji.txt"
    source.write_text(garble(text, "latin-1", 1) + "\x81\x8d\x9d", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    turtle = (tmp_path / "out" / "moji.ttl").read_bytes()
    assert rapper_count(turtle, "turtle", tmp_path) == len(Graph().parse(data=turtle))

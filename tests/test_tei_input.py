"""TEI P5 letters as input: the derived text and its parts, tagged names and encoded
metadata winning over guesses, several letters in one file, hostile XML refused without a
request, and a round trip through ``kgraph export tei``. Every letter here is made up."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_isomorphic

from kgraph.cli.main import main
from kgraph.errors import InputError
from kgraph.model import LetterResult
from kgraph.text.reading import iter_inputs, read_path
from kgraph.text.tei import read_tei
from tests.conftest import KG, OWL, SCHEMA, WD

NS = 'xmlns="http://www.tei-c.org/ns/1.0"'
Q_NIETZSCHE = "Q9358"  # in wikidata-verified.tsv
HEADER = f"""<teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt>
<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>made up</p></sourceDesc></fileDesc>
<profileDesc><correspDesc>
 <correspAction type="sent">
  <persName ref="http://www.wikidata.org/entity/{Q_NIETZSCHE} https://d-nb.info/gnd/1000000001"
    >Friedrich Nietzsche</persName>
  <placeName ref="http://www.geonames.org/1000001/">Sils</placeName>
  <date when="1881-07-09">9 July 1881</date></correspAction>
 <correspAction type="received"><persName ref="#mb">Marta Boll</persName></correspAction>
</correspDesc></profileDesc></teiHeader>
<standOff><listPerson><person xml:id="mb"><idno>https://viaf.org/viaf/1000000002</idno>
</person></listPerson></standOff>"""
BODY = """<text><body><div type="letter">
 <opener><dateline><placeName>Sils</placeName>,
  <date when="1881-07-09">9 July 1881</date></dateline>
  <salute>Dear <persName ref="#mb">Marta</persName>,</salute></opener>
 <p>Yesterday I walked with <persName key="ok">Otto Kerr</persName> to the
  <orgName>Alpine Reading Club</orgName><note place="foot">A club of the editor's
  invention, see <persName>Ida Lorne</persName>.</note> and read the
  <title level="j">Mountain Gazette</title> and the <title>Book of Lakes</title>.
  The <choice><abbr>Prof.</abbr><expan>Professor</expan></choice> came <del>late</del>
  <add>early</add>.<fw type="catch">page</fw><lb/>We spoke of
  <rs type="event">the Lake Fair</rs>.</p>
 <closer><salute>Ever yours,</salute>
  <signed><persName ref="http://www.wikidata.org/entity/Q9358">F. N.</persName></signed></closer>
 <postscript><p>P.S. Greet <persName key="ok">Otto</persName> from me.</p></postscript>
</div></body></text>"""
LETTER = f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI {NS}>{HEADER}{BODY}</TEI>\n'
PLAIN = f"""<TEI {NS}><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><p>t</p></publicationStmt><sourceDesc><p>t</p></sourceDesc></fileDesc>
</teiHeader><text><body>
 <opener><dateline>Lyon, <date when="1902-03">March 1902</date></dateline>
  <salute>Dear Clara,</salute></opener>
 <p>I met Anton Weil in Vienna last winter.</p>
 <closer><salute>Yours,</salute> <signed><persName>Paul Dorn</persName></signed></closer>
</body></text></TEI>"""


def corpus(*letters: tuple[str, str]) -> str:
    inner = "".join(
        f"<TEI {NS}{f' xml:id={ident!r}' if ident else ''}><teiHeader/>{body}</TEI>"
        for ident, body in letters
    )
    return f"<teiCorpus {NS}><teiHeader/>{inner}</teiCorpus>"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_derived_text_follows_the_edition(tmp_path: Path) -> None:
    source = read_path(write(tmp_path, "sils.xml", LETTER))
    text = source.text
    assert text.startswith("Sils, 9 July 1881\n\nDear Marta,\n\nYesterday I walked")
    assert "The Professor came early.\nWe spoke of the Lake Fair." in text  # expan, add, lb
    assert "Prof." not in text and "late" not in text and "page" not in text  # abbr, del, fw
    assert "Alpine Reading Club and read" in text  # the note is not in the running text
    assert text.endswith("A club of the editor's invention, see Ida Lorne.")  # but after it
    markup = source.markup
    assert markup is not None
    parts = dict(markup.parts)
    assert parts["salutation"].text == "Dear Marta,"
    assert parts["valediction"].text == "Ever yours,"
    assert parts["signature"].text == "F. N."
    assert parts["place"].text == "Sils"
    assert [p.text for p in markup.postscript] == ["P.S. Greet Otto from me."]
    assert [n.text for n in markup.notes] == ["A club of the editor's invention, see Ida Lorne."]
    assert markup.date is not None and markup.date.iso == "1881-07-09"
    assert markup.date.span.text == "9 July 1881"
    for span in (*parts.values(), *markup.body, *markup.notes):
        assert text[span.start : span.end] == span.text
    tags = {text[t.start : t.end]: (t.type, t.refs) for t in markup.tagged}
    assert tags["Mountain Gazette"][0] == "Periodical"
    assert tags["Book of Lakes"][0] == "Work"
    assert tags["the Lake Fair"][0] == "Event"
    assert tags["Marta"] == ("Person", ("#mb", "https://viaf.org/viaf/1000000002"))
    assert tags["Otto Kerr"] == ("Person", ("key:ok",))
    assert markup.encoded is not None
    assert markup.encoded.senders[0].name == "Friedrich Nietzsche"


@pytest.fixture(scope="module")
def sils(processor, tmp_path_factory: pytest.TempPathFactory) -> LetterResult:  # type: ignore[no-untyped-def]
    path = write(tmp_path_factory.mktemp("tei"), "sils.xml", LETTER)
    result: LetterResult = processor.process([read_path(path)])[0]
    return result


def test_tagged_names_and_encoded_metadata_win(sils: LetterResult) -> None:
    by_key = {e.key: e for e in sils.entities}
    text = sils.letter.source.text
    sender = by_key[sils.sender or ""]
    assert sender.label == "Friedrich Nietzsche" and "F. N." in sender.alternate_names
    assert sender.same_as == ("https://d-nb.info/gnd/1000000001",)
    recipient = by_key[sils.recipient or ""]
    assert recipient.label == "Marta Boll"
    assert recipient.same_as == ("https://viaf.org/viaf/1000000002",)
    assert by_key[sils.place or ""].label == "Sils"
    assert sils.letter.date is not None and sils.letter.date.iso == "1881-07-09"
    links = {link.entity: link for link in sils.links}
    assert links[sender.key].qid == Q_NIETZSCHE
    assert (links[sender.key].method, links[sender.key].confidence) == ("tei-ref", 1.0)
    otto = next(e for e in sils.entities if e.label == "Otto Kerr")  # @key joins "Otto"
    assert sorted(m.text for m in otto.mentions) == ["Otto", "Otto Kerr"]
    kinds = {m.text: e.type for e in sils.entities for m in e.mentions}
    assert kinds["Mountain Gazette"] == "Periodical" and kinds["Alpine Reading Club"] == (
        "Organization"
    )
    assert kinds["Ida Lorne"] == "Person"  # a name in an editor's note counts
    for e in sils.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_graph_of_a_tei_letter(sils: LetterResult) -> None:
    from kgraph.rdf.graph import to_graph

    graph = to_graph([sils], "https://w3id.org/kgraph/resource/")
    letter = URIRef("https://w3id.org/kgraph/resource/letter/sils")
    assert graph.value(letter, KG.text) == Literal(sils.letter.source.text)
    sender = graph.value(letter, SCHEMA.sender)
    assert (sender, OWL.sameAs, WD[Q_NIETZSCHE]) in graph
    assert (sender, SCHEMA.sameAs, URIRef("https://d-nb.info/gnd/1000000001")) in graph


def test_without_correspdesc_the_markup_still_gives_the_parts(processor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result: LetterResult = processor.process([read_path(write(tmp_path, "p.xml", PLAIN))])[0]
    by_key = {e.key: e for e in result.entities}
    assert by_key[result.sender or ""].label == "Paul Dorn"
    assert result.letter.date is not None
    assert (result.letter.date.iso, result.letter.date.precision) == ("1902-03", "month")
    assert result.letter.salutation is not None and result.letter.salutation.text == "Dear Clara,"
    names = {e.label for e in result.entities}
    assert "Vienna" in names  # kgraph's own extraction adds the untagged names


def test_a_tei_corpus_is_one_letter_per_tei(tmp_path: Path) -> None:
    body = "<text><body><p>Greetings from {}.</p></body></text>"
    write(tmp_path, "bundle.xml", corpus(("a1", body.format("Lyon")), ("b2", body.format("Graz"))))
    (tmp_path / "plain.txt").write_text("Dear Ann,\n\nAll well.\n\nYours,\nBo\n")
    found = [str(p) for p in iter_inputs([tmp_path])]
    assert found == [
        str(tmp_path / "bundle#a1.xml"),
        str(tmp_path / "bundle#b2.xml"),
        str(tmp_path / "plain.txt"),
    ]
    first, second = (read_path(p) for p in found[:2])
    assert (first.name, second.name) == ("bundle-a1", "bundle-b2")
    assert first.text == "Greetings from Lyon." and second.text == "Greetings from Graz."
    some_ids = write(tmp_path, "n.xml", corpus(("x", body.format("A")), ("", body.format("B"))))
    assert [f for f, _, _ in read_tei(some_ids.read_bytes(), "n.xml")] == ["1", "2"]


def test_a_tei_corpus_builds_deterministically(tmp_path: Path) -> None:
    body = "<text><body><p>Greetings from {}.</p></body></text>"
    write(tmp_path, "bundle.xml", corpus(("a1", body.format("Lyon")), ("b2", body.format("Graz"))))
    outputs = []
    for n in (1, 2):
        out = tmp_path / f"out{n}"
        result = CliRunner().invoke(
            main, ["build", str(tmp_path / "bundle.xml"), "-o", str(out), "--link", "none"]
        )
        assert result.exit_code == 0, result.output
        outputs.append({p.name: p.read_bytes() for p in sorted(out.glob("*.ttl"))})
    assert sorted(outputs[0]) == ["bundle-a1.ttl", "bundle-b2.ttl"]
    assert outputs[0] == outputs[1]


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.seen.append(self.path)
        body = b'<!ENTITY x "fetched">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Recorder.seen = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _tei(inner: str = "<p>Hello from Lyon.</p>", before: str = "", root: str = "TEI") -> bytes:
    return f"{before}<{root} {NS}><text><body>{inner}</body></text></{root}>".encode()


HOSTILE = {
    "malformed": (_tei("<p>open"), "is not well-formed XML"),
    "not TEI": (b"<letter><p>Hi</p></letter>", "is not a TEI document"),
    "TEI without namespace": (b"<TEI><text><body><p>Hi</p></body></text></TEI>", "not a TEI"),
    "no body": (f"<TEI {NS}><text/></TEI>".encode(), "has no <text><body>"),
    "empty body": (_tei("<p> </p>"), "has an empty <body>"),
    "external entity": (
        _tei("<p>&x;</p>", '<!DOCTYPE TEI [<!ENTITY x SYSTEM "{url}/x">]>'),
        "declares XML entities",
    ),
    "local file entity": (
        _tei("<p>&x;</p>", '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
        "declares XML entities",
    ),
    "parameter entity": (
        _tei("<p>x</p>", '<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}/p"> %p;]>'),
        "declares XML entities",
    ),
    "billion laughs": (
        _tei(
            "<p>&l3;</p>",
            '<!DOCTYPE TEI [<!ENTITY l0 "ha"><!ENTITY l1 "&l0;&l0;&l0;&l0;&l0;&l0;">'
            '<!ENTITY l2 "&l1;&l1;&l1;&l1;&l1;&l1;"><!ENTITY l3 "&l2;&l2;&l2;&l2;&l2;">]>',
        ),
        "declares XML entities",
    ),
    "undeclared entity": (_tei("<p>&nbsp;</p>"), "is not well-formed XML"),
    "deep nesting": (_tei("<hi>" * 5000 + "x" + "</hi>" * 5000), "XML"),
    "huge attribute": (_tei(f'<p><persName ref="{"h" * 20_000}">Al</persName></p>'), "long"),
    "invalid UTF-8": (_tei("<p>caf\xe9</p>").replace(b"\xc3\xa9", b"\xe9"), "not well-formed"),
    "empty file": (b"  \n", "is empty"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_xml_is_refused_in_one_line(case: str, tmp_path: Path, server: str) -> None:
    data, expected = HOSTILE[case]
    path = write(tmp_path, "hostile.xml", data.replace(b"{url}", server.encode()))
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    error = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(error) == 1 and str(path) in error[0] and expected in error[0], result.output
    assert _Recorder.seen == []  # nothing fetched
    assert not list((tmp_path).glob("out/*.ttl"))


@pytest.mark.parametrize(
    "before",
    [
        '<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">',
        '<?xml-model href="{url}/tei.rng" type="application/xml"?>',
    ],
)
def test_a_dtd_or_schema_on_the_network_is_never_fetched(
    before: str, tmp_path: Path, server: str
) -> None:
    path = write(tmp_path, "net.xml", _tei(before=before.replace("{url}", server)))
    assert read_path(path).text == "Hello from Lyon."
    assert _Recorder.seen == []


def test_xml_space_preserve_keeps_the_text_as_it_is(tmp_path: Path) -> None:
    inner = "<p>Dear  <persName>Ann</persName>,\n\n  all well.</p>\n<p>Yours</p>"
    body = f'<TEI {NS}><text><body xml:space="preserve">{inner}</body></text></TEI>'
    source = read_path(write(tmp_path, "v.xml", body))
    assert source.text == "Dear  Ann,\n\n  all well.\nYours"
    assert source.markup is not None
    tagged = source.markup.tagged[0]
    assert source.text[tagged.start : tagged.end] == "Ann"


XMLISH = st.lists(
    st.sampled_from(
        [
            f"<TEI {NS}>",
            "</TEI>",
            "<text>",
            "</text>",
            "<body>",
            "</body>",
            "<p>",
            "</p>",
            "<persName ref='x'>",
            "</persName>",
            "<note>",
            "</note>",
            "<choice>",
            "</choice>",
            "<abbr>",
            "</abbr>",
            "<lb/>",
            "&amp;",
            "&x;",
            "<!DOCTYPE TEI>",
            "<!ENTITY",
            "<?xml version='1.0'?>",
            "<![CDATA[a]]>",
            "Lyon",
            " ",
            "\n",
            "\x00",
            "é",
            "<",
            f"<teiCorpus {NS}>",
            "</teiCorpus>",
            "<date when='1900-13-40'>",
            "</date>",
        ]
    ),
    max_size=40,
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=XMLISH, noise=st.binary(max_size=20))
def test_random_xmlish_input_gives_letters_or_one_clean_error(
    parts: list[str], noise: bytes
) -> None:
    data = "".join(parts).encode("utf-8", "surrogatepass") + noise
    try:
        letters = read_tei(data, "random.xml")
    except InputError as error:
        assert "random.xml" in str(error) and "\n" not in str(error)
        return
    for _, text, markup in letters:
        assert text.strip()
        for t in markup.tagged:
            assert 0 <= t.start < t.end <= len(text)


def test_round_trip_through_export_tei(processor, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A letter built, exported as TEI by ``kgraph export tei`` and built again from that
    TEI gives the same graph, apart from what says where it came from."""
    export = pytest.importorskip("kgraph.export.tei", reason="kgraph export tei not there yet")
    from kgraph.rdf.graph import to_graph
    from kgraph.rdf.write import write_results

    original = processor.process([read_path(_plain(tmp_path))])
    built = tmp_path / "built"
    write_results(original, built, "ttl", "https://w3id.org/kgraph/resource/")
    tei_dir = tmp_path / "tei"
    export.export_tei([built], tei_dir)
    (tei_file,) = sorted(tei_dir.glob("*.xml"))
    assert b'xml:space="preserve"' in tei_file.read_bytes()
    again = processor.process([read_path(tei_file)])
    assert again[0].letter.source.text == original[0].letter.source.text

    def comparable(results: list[LetterResult]) -> Graph:
        graph = Graph()
        for s, p, o in to_graph(results, "https://w3id.org/kgraph/resource/"):
            if p not in (KG.sourceChecksum, KG.generator) and "#assertion-" not in str(s):
                graph.add((s, p, o))
        return graph

    assert to_isomorphic(comparable(original)) == to_isomorphic(comparable(again))


def _plain(tmp_path: Path) -> Path:
    path = tmp_path / "rt.txt"
    path.write_text(
        "Lyon, 3 May 1902\n\nDear Clara,\n\nI met Anton Weil in Vienna and we spoke of "
        "Paris.\n\nYours ever,\nPaul Dorn\n",
        encoding="utf-8",
    )
    return path

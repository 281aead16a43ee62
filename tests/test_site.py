"""``kgraph site``: the reading site, checked through the pages themselves in headless
Chromium (the DOM after the page's own script ran) and parsed with lxml.html."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kgraph.cli.main import main
from kgraph.errors import DataError
from kgraph.export.collection import (
    Collection,
    EntityView,
    LetterView,
    MentionView,
    RelationView,
    read_collection,
)
from kgraph.export.site import build_site, export_site
from kgraph.export.site.build import MARKER
from kgraph.export.site.letter import mention_tree
from kgraph.export.site.sitemap import site_map
from tests.conftest import GOLDEN, KG

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
R = "https://example.org/r/"
HOSTILE = "<script>alert(1)</script>"


def dump_dom(url: str, tmp: Path, *extra: str) -> lxml.html.HtmlElement:
    """The page's DOM after its scripts ran, as headless Chromium serialises it."""
    assert CHROMIUM is not None
    profile = tmp / "chromium-profile"
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--virtual-time-budget=2000",
            *extra,
            "--dump-dom",
            url,
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    # Chromium writes a carriage return in the DOM as it is; lxml would read it as a line feed
    return lxml.html.document_fromstring(done.stdout.replace(b"\r", b"&#13;"))


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(path.read_bytes())


def pre_text(doc: lxml.html.HtmlElement) -> str:
    """The letter's text in a page file parsed by lxml, which (unlike HTML5 parsers) keeps
    the one line feed after <pre> that the page adds for them to drop."""
    text: str = doc.get_element_by_id("text").text_content()
    return text[1:] if text.startswith("\n") else text


def entity(n: str, label: str, kind: str = "Person", qid: str | None = None) -> EntityView:
    return EntityView(R + n, kind, label, (), qid, ())


def letter(
    n: str,
    text: str,
    mentions: tuple[MentionView, ...] = (),
    *,
    sender: str | None = None,
    recipient: str | None = None,
    date: str | None = None,
    name: str | None = None,
    relations: tuple[RelationView, ...] = (),
) -> LetterView:
    return LetterView(
        iri=R + "letter/" + n,
        name=name or f"Letter {n}",
        label=f"Letter {n}",
        sender=sender,
        recipient=recipient,
        date=date,
        place=None,
        address=None,
        text=text,
        source_edition=None,
        mentions=mentions,
        relations=relations,
        graph=R + "letter/" + n,
    )


def small_collection() -> Collection:
    """Five letters between three invented people, dates out of order."""
    people = [entity("ada", "Ada Quill"), entity("bo", "Bo Varga"), entity("cy", "Cy Moss")]
    letters = []
    dates = ["1890-05-02", "1887-01-10", "1893-11", "1889", "1891-07-30"]
    for i, date in enumerate(dates):
        s, r = people[i % 3], people[(i + 1) % 3]
        text = f"Dear {r.label},\nI saw {s.label} at home.\n"
        b = text.index(s.label)
        mentions = (
            MentionView(5, 5 + len(r.label), r.label, r.iri),
            MentionView(b, b + len(s.label), s.label, s.iri),
        )
        letters.append(letter(f"l{i}", text, mentions, sender=s.iri, recipient=r.iri, date=date))
    return Collection(tuple(letters), {p.iri: p for p in people})


def hostile_collection() -> Collection:
    bad = entity("bad", HOSTILE, qid='Q1"><script>alert(2)</script>')
    evil = EntityView(R + 'evil"onmouseover="alert(3)', "Place", "Evil & Co </pre>", (), None,
                      ("javascript:alert(4)", 'https://example.org/a"b<c>'))  # fmt: skip
    text = f"From {HOSTILE} at Evil & Co </pre> <!-- hi -->\r\n"
    mentions = (
        MentionView(5, 5 + len(HOSTILE), HOSTILE, bad.iri),
        MentionView(text.index("Evil"), text.index("</pre>") + 6, "Evil & Co </pre>", evil.iri),
    )
    rel = RelationView(bad.iri, "visited", evil.iri, f"{HOSTILE} x", 0, 10, 0.5, "r")
    one = letter("x", text, mentions, sender=bad.iri, recipient=evil.iri, date="1900",
                 name=f"Letter {HOSTILE}", relations=(rel,))  # fmt: skip
    return Collection((one,), {bad.iri: bad, evil.iri: evil})


def write(collection: Collection, folder: Path) -> Path:
    from kgraph.export.site import write_site

    write_site(folder, build_site(collection))
    return folder


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Collection]]:
    folder = tmp_path_factory.mktemp("sample") / "site"
    export_site([GOLDEN], folder)
    yield folder, read_collection([GOLDEN])


def graph_mentions(data: Graph) -> dict[str, str]:
    """``char=B,E`` -> kg:anchorOf, read from the graph with rdflib (not the reader)."""
    found = {}
    for _, b, e, a in data.query(
        "SELECT ?m ?b ?e ?a WHERE { ?m a kg:Mention ; kg:beginIndex ?b ; kg:endIndex ?e ;"
        " kg:anchorOf ?a }",
        initNs={"kg": KG},
    ):
        found[f"char={b},{e}"] = str(a)
    return found


# --- in the browser --------------------------------------------------------------------------


@pytest.mark.slow  # headless chromium
@needs_chromium
def test_sample_letter_page_marks_every_mention(
    sample_site: tuple[Path, Collection], tmp_path: Path
) -> None:
    folder, collection = sample_site
    (one,) = collection.letters
    url = (folder / "letter").glob("*.html").__next__().as_uri()
    doc = dump_dom(url, tmp_path)
    expected = graph_mentions(Graph().parse(GOLDEN))
    marked = {
        el.get("id"): el for el in doc.xpath("//pre[@id='text']//*[starts-with(@id,'char=')]")
    }
    assert len(marked) == len(expected) > 10
    for ident, anchor in expected.items():
        assert marked[ident].text_content() == anchor
        assert "m t-" in marked[ident].get("class")
        assert marked[ident].get("title")
    assert doc.get_element_by_id("text").text_content() == one.text
    assert doc.xpath("//html/@lang") == ["en"]
    # the relations' evidence is highlighted on request (#evidence=B,E, as a click does)
    rel = next(r for r in one.relations if r.begin is not None)
    lit = dump_dom(f"{url}#evidence={rel.begin},{rel.end}", tmp_path)
    assert lit.get_element_by_id("text").get("data-evidence") == f"{rel.begin},{rel.end}"


@pytest.mark.slow  # headless chromium
@needs_chromium
def test_index_sorts_and_filters_in_the_browser(tmp_path: Path) -> None:
    folder = write(small_collection(), tmp_path / "site")
    index = (folder / "index.html").as_uri()

    def dates(doc: lxml.html.HtmlElement) -> list[str]:
        rows = doc.xpath("//table[@id='letters']/tbody/tr")
        return [r.xpath("td")[2].text_content() for r in rows if r.get("hidden") is None]

    plain = dates(dump_dom(index, tmp_path))
    assert len(plain) == 5
    up = dates(dump_dom(index + "?sort=date", tmp_path))
    down = dates(dump_dom(index + "?sort=-date", tmp_path))
    assert up == sorted(plain) != plain
    assert down == sorted(plain, reverse=True)
    assert dates(dump_dom(index + "?filter=1890", tmp_path)) == ["1890-05-02"]


@pytest.mark.slow  # headless chromium
@needs_chromium
def test_hostile_names_show_as_text(tmp_path: Path) -> None:
    collection = hostile_collection()
    folder = write(collection, tmp_path / "site")
    (one,) = collection.letters
    for path in sorted(folder.rglob("*.html")):
        doc = dump_dom(path.as_uri(), tmp_path)
        scripts = doc.xpath("//script")
        assert all(s.get("src", "").endswith("assets/site.js") for s in scripts), path
        assert not doc.xpath("//@*[starts-with(name(), 'on')]"), path
        hrefs = doc.xpath("//a/@href")
        assert not [h for h in hrefs if h.lower().startswith("javascript")], path
        if path.parent.name == "letter":
            assert doc.get_element_by_id("text").text_content() == one.text
            assert doc.xpath("//h1")[0].text_content() == f"Letter {HOSTILE}"
            assert [el.text_content() for el in doc.xpath("//*[starts-with(@id,'char=')]")] == [
                m.anchor for m in one.mentions
            ]
    texts = [t for p in folder.rglob("*.html") for t in page(p).xpath("//text()")]
    assert any(HOSTILE in t for t in texts)


@pytest.mark.slow  # headless chromium
@needs_chromium
def test_pages_open_without_the_network(
    sample_site: tuple[Path, Collection], tmp_path: Path
) -> None:
    folder, _ = sample_site
    for path in sorted(folder.rglob("*.html")):
        doc = page(path)
        for ref in doc.xpath("//script/@src | //link/@href | //img/@src | //iframe/@src"):
            assert not ref.lower().startswith(("http:", "https:", "//")), (path, ref)
    for name in ("index.html", "network.html", next((folder / "letter").glob("*")).name):
        path = folder / name if (folder / name).exists() else folder / "letter" / name
        online = lxml.html.tostring(dump_dom(path.as_uri(), tmp_path))
        offline = lxml.html.tostring(
            dump_dom(path.as_uri(), tmp_path, "--proxy-server=127.0.0.1:9")
        )
        assert online == offline


@pytest.mark.slow  # headless chromium
@needs_chromium
def test_network_page_has_a_node_per_correspondent(tmp_path: Path) -> None:
    collection = small_collection()
    folder = write(collection, tmp_path / "site")
    doc = dump_dom((folder / "network.html").as_uri(), tmp_path)
    nodes = set(doc.xpath("//svg//*[contains(@class,'node')]/@data-iri"))
    correspondents = {x for lt in collection.letters for x in (lt.sender, lt.recipient)}
    assert correspondents <= nodes
    ties = doc.xpath("//svg//*[@data-kind='correspondence']")
    assert len(ties) == len({(lt.sender, lt.recipient) for lt in collection.letters})
    hidden = dump_dom((folder / "network.html").as_uri() + "?min=2", tmp_path)
    shown = [e for e in hidden.xpath("//svg//*[@data-kind]") if "none" not in e.get("style", "")]
    assert all(int(e.get("data-weight")) >= 2 for e in shown)


# --- the files -------------------------------------------------------------------------------


def test_same_input_gives_byte_identical_sites(tmp_path: Path) -> None:
    for n, collection in enumerate((read_collection([GOLDEN]), hostile_collection())):
        one, two = build_site(collection), build_site(collection)
        assert one == two
        write(collection, tmp_path / f"a{n}")
        export = tmp_path / f"b{n}"
        write(collection, export)
        files = sorted(p.relative_to(export) for p in export.rglob("*") if p.is_file())
        assert files == sorted(
            p.relative_to(tmp_path / f"a{n}")
            for p in (tmp_path / f"a{n}").rglob("*")
            if p.is_file()
        )
        for f in files:
            assert (export / f).read_bytes() == (tmp_path / f"a{n}" / f).read_bytes()


def test_entity_page_lists_mentions_with_links_into_the_letter(
    sample_site: tuple[Path, Collection],
) -> None:
    folder, collection = sample_site
    person = next(e for e in collection.entities.values() if e.wikidata and e.type == "Person")
    path = next(
        p
        for p in (folder / "entity").glob("*.html")
        if page(p).xpath("//h1")[0].text_content() == person.label
    )
    doc = page(path)
    count = sum(1 for lt in collection.letters for m in lt.mentions if m.entity == person.iri)
    links = doc.xpath("//ol/li/a/@href")
    assert len(links) == count and all("#char=" in h for h in links)
    assert f"https://www.wikidata.org/wiki/{person.wikidata}" in doc.xpath("//a/@href")


def test_overlapping_mentions_nest_or_keep_the_first() -> None:
    text = "New York City"
    m = [
        MentionView(0, 13, text, R + "a"),
        MentionView(0, 8, "New York", R + "b"),
        MentionView(4, 13, "York City", R + "c"),  # crosses "New York": left out
        MentionView(9, 13, "City", R + "d"),
        MentionView(9, 13, "City", R + "e"),  # the same span again: left out
        MentionView(12, 20, "y...", R + "f"),  # beyond the text
    ]
    root = mention_tree(text, tuple(m))
    (outer,) = root.children
    assert outer.mention == m[0]
    assert [c.mention for c in outer.children] == [m[1], m[3]]


def test_a_folder_that_is_not_a_site_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    with pytest.raises(DataError, match="not a site kgraph wrote"):
        export_site([GOLDEN], folder)
    assert (folder / "notes.txt").read_text() == "keep me"
    export_site([GOLDEN], tmp_path / "site")
    export_site([GOLDEN], tmp_path / "site")  # its own site is replaced
    assert (tmp_path / "site" / MARKER).exists()


def test_cli_site(tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(main, ["site", str(GOLDEN), "-o", str(tmp_path / "s")])
    assert done.exit_code == 0, done.output
    assert "1 letters" in done.output and (tmp_path / "s" / "index.html").exists()
    bad = runner.invoke(main, ["site", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "t")])
    assert bad.exit_code == 1 and "missing.ttl: no such file" in bad.output
    assert "Example" in runner.invoke(main, ["site", "--help"]).output


# --- hostile strings, generated ---------------------------------------------------------------

TEXT = st.lists(
    st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from(["\n", "\t", "\r", "<", ">", "&", '"', "'", "</pre>", "<!--", "]]>"]),
    min_size=1,
    max_size=30,
).map("".join)
IRI_TAIL = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs")), min_size=1, max_size=20)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=TEXT, other=TEXT, before=TEXT, after=TEXT, tail=IRI_TAIL, qid=TEXT)
def test_generated_hostile_strings_stay_text(
    label: str, other: str, before: str, after: str, tail: str, qid: str
) -> None:
    text = before + label + after
    person = EntityView(R + tail, "Person", label, (other,), qid, ("javascript:" + tail,))
    mention = MentionView(len(before), len(before) + len(label), label, person.iri)
    one = letter("h", text, (mention,), sender=person.iri, name=other, date=other)
    files = build_site(Collection((one,), {person.iri: person}))
    allowed_scripts = {"../assets/site.js", "assets/site.js"}
    for path, data in files.items():
        if not path.endswith(".html"):
            continue
        doc = lxml.html.document_fromstring(data)
        assert {s.get("src") for s in doc.xpath("//script")} <= allowed_scripts
        assert not doc.xpath("//@*[starts-with(name(), 'on')]")
        for href in doc.xpath("//@href"):
            assert not href.lower().lstrip().startswith(("javascript", "data:")), href
        if path.startswith("letter/"):
            assert pre_text(doc) == text
            (marked,) = doc.xpath("//*[starts-with(@id, 'char=')]")
            assert marked.text_content() == label
            assert doc.xpath("//h1")[0].text_content() == other
        if path.startswith("entity/"):
            assert doc.xpath("//h1")[0].text_content() == label
            assert doc.xpath("//title")[0].text_content() == label


# --- a development collection of 50 letters, built by kgraph --------------------------------

PEOPLE = ["Ada Quill", "Bo Varga", "Cyril Moss", "Dagny Holt", "Emil Farrow", "Freya Lund"]
TOWNS = ["Brindle", "Harrowby", "Eskholt", "Dalby"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def development_letters(folder: Path, count: int = 50) -> None:
    """Letters invented for this test: who writes to whom, from where, naming whom."""
    folder.mkdir()
    for i in range(count):
        sender, recipient = PEOPLE[i % 6], PEOPLE[(i * 5 + 1) % 6]
        if sender == recipient:
            recipient = PEOPLE[(i + 2) % 6]
        other, town = PEOPLE[(i + 3) % 6], TOWNS[i % 4]
        day, month, year = 1 + i % 27, MONTHS[i % 6], 1880 + i % 13
        text = (
            f"{town}, {day} {month} {year}\n\nDear {recipient.split()[0]},\n\n"
            f"I went to {TOWNS[(i + 1) % 4]} with {other} last week, and we spoke of you. "
            f"{other.split()[0]} sends greetings from London.\n\n"
            f"Yours ever,\n{sender}\n"
        )
        (folder / f"{i:02d}-{sender.split()[1].lower()}.txt").write_text(text, encoding="utf-8")


@pytest.mark.slow
@needs_chromium
def test_fifty_letter_collection_in_the_browser(tmp_path: Path) -> None:
    from kgraph.corpus.batch import build_corpus
    from kgraph.settings import Settings

    development_letters(tmp_path / "letters")
    nq = tmp_path / "corpus.nq"
    report = build_corpus([tmp_path / "letters"], nq, "nq", Settings(link="none"))
    assert report.letters == 50 and not report.failures
    folder = tmp_path / "site"
    export_site([nq], folder)
    collection = read_collection([nq])
    expected = graph_mentions_by_letter(nq)
    assert sum(len(marks) for marks in expected.values()) > 100

    index = dump_dom((folder / "index.html").as_uri(), tmp_path)
    rows = index.xpath("//table[@id='letters']/tbody/tr")
    assert len(rows) == 50
    first = [r.xpath("td")[2].text_content() for r in rows]
    by_date = dump_dom((folder / "index.html").as_uri() + "?sort=date", tmp_path)
    dates = [
        r.xpath("td")[2].text_content() for r in by_date.xpath("//table[@id='letters']/tbody/tr")
    ]
    assert dates == sorted(first) != first

    pages = site_map(collection).letters
    for n, lt in enumerate(collection.letters):
        path = folder / pages[lt.iri]
        assert index.xpath(f"//tbody/tr/th/a[@href='{pages[lt.iri]}']")
        doc = dump_dom(path.as_uri(), tmp_path) if n % 5 == 0 else page(path)
        marked = doc.xpath("//pre[@id='text']//*[starts-with(@id,'char=')]")
        assert {el.get("id"): el.text_content() for el in marked} == expected.get(lt.iri, {})

    net = dump_dom((folder / "network.html").as_uri(), tmp_path)
    nodes = set(net.xpath("//svg//*[contains(@class,'node')]/@data-iri"))
    correspondents = {x for lt in collection.letters for x in (lt.sender, lt.recipient) if x}
    assert len(correspondents) >= 4 and correspondents <= nodes
    sizes = {p: p.stat().st_size for p in folder.rglob("*.html")}
    assert max(sizes.values()) < 300_000
    again = tmp_path / "again"
    export_site([nq], again)
    for p in folder.rglob("*"):
        if p.is_file():
            assert (again / p.relative_to(folder)).read_bytes() == p.read_bytes()


def graph_mentions_by_letter(nq: Path) -> dict[str, dict[str, str]]:
    from rdflib import Dataset

    data = Dataset()
    data.parse(nq, format="nquads")
    found: dict[str, dict[str, str]] = {}
    for letter_iri, b, e, a in data.query(
        "SELECT ?l ?b ?e ?a WHERE { GRAPH ?g { ?m a kg:Mention ; kg:inLetter ?l ;"
        " kg:beginIndex ?b ; kg:endIndex ?e ; kg:anchorOf ?a } }",
        initNs={"kg": KG},
    ):
        found.setdefault(str(letter_iri), {})[f"char={b},{e}"] = str(a)
    return found


def test_site_from_a_store_is_the_site_from_the_files(tmp_path: Path) -> None:
    from kgraph.store.embedded import load_store

    load_store([GOLDEN], tmp_path / "store")
    from_files = build_site(read_collection([GOLDEN]))
    from_store = build_site(read_collection(store=tmp_path / "store"))
    assert from_store == from_files


def test_the_editorial_matter_is_shown_as_such(sample_site: tuple[Path, Collection]) -> None:
    """The editor's heading and the source colophon of the sample are marked as editorial
    matter (kg:editorialPart), and marking them leaves the text exactly as read."""
    folder, collection = sample_site
    (letter,) = collection.letters
    assert letter.text is not None and letter.editorial
    kinds = {kind for _, _, kind in letter.editorial}
    assert {"heading", "colophon"} <= kinds
    (path,) = sorted((folder / "letter").glob("*.html"))
    doc = page(path)
    assert pre_text(doc) == letter.text
    marked = "".join(span.text_content() for span in doc.find_class("ed-colophon"))
    (begin, end) = next((b, e) for b, e, k in letter.editorial if k == "colophon")
    colophon = letter.text[begin:end]
    assert marked and marked in colophon and "Anarchist Library" in marked
    heading = "".join(span.text_content() for span in doc.find_class("ed-heading"))
    assert heading and heading in letter.text[: letter.text.index("Dear")]
    assert (
        doc.find_class("legend")
        and "Editorial matter" in doc.find_class("legend")[0].text_content()
    )


def test_the_cues_of_the_metadata_are_no_relations(sample_site: tuple[Path, Collection]) -> None:
    _, collection = sample_site
    (letter,) = collection.letters
    assert letter.relations
    assert all(r.subject != letter.iri for r in letter.relations)

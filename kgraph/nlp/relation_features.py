"""The pairs of arguments a sentence offers the learned relation model, and their features
(``kgraph.nlp.relation_model``; ``benchmarks/train_relations.py`` learns from the same ones).

A pair is a subject (a name, or a pronoun that ``relate`` maps to a person: "I", "we", "you",
"he", "she" and their other forms) and an object (a name) within one sentence and at most
``MAX_GAP`` tokens apart. Its features say how the two are joined: the words and dependency
labels on the parse path between them, the word governing the object (a preposition, a verb),
the words in between, the kinds of the two arguments and the last word of the object's name.
Features are strings; the model weighs them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

MAX_GAP = 30  # tokens between the two arguments
MAX_PATH = 6  # tokens on a dependency path kept as one feature
UNSURE_MARKS = frozenset({"if", "unless", "whether"})
UNSURE_MODALS = frozenset({"shall", "will", "would", "should", "may", "might", "'ll", "’ll"})
PRONOUN_KINDS = {
    **dict.fromkeys(("i", "me", "my", "myself"), "I"),
    **dict.fromkeys(("we", "us", "our", "ourselves"), "WE"),
    **dict.fromkeys(("you", "your", "thou", "thee", "thy", "yourself"), "YOU"),
    **dict.fromkeys(("he", "him", "his", "himself"), "HE"),
    **dict.fromkeys(("she", "her", "herself"), "SHE"),
}
OBJECT_TYPES = frozenset(
    {"Person", "Place", "Organization", "Periodical", "Work", "Event", "Group"}
)
SUBJECT_TYPES = frozenset({"Person", "Organization", "Group", "Place", "Work", "Event"})


@dataclass(frozen=True)
class Pair:
    """A subject and an object of one sentence, as character offsets into its doc."""

    subject: tuple[int, int]
    object: tuple[int, int]
    subject_kind: str  # "I", "WE", "YOU", "HE", "SHE" or the subject name's type
    object_type: str
    features: tuple[str, ...]
    asserted: bool = True  # False: negated, hypothetical or to come ("if I were in X")


def _root(span: Span) -> Token:
    return span.root


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _path(a: Token, b: Token) -> tuple[list[str], Token | None]:
    """The dependency path from ``a`` up to the lowest common head and down to ``b``."""
    up, down = _ancestors(a), _ancestors(b)
    ids = {t.i: n for n, t in enumerate(down)}
    for n, t in enumerate(up):
        if t.i in ids:
            lca = t
            steps = [f"{x.dep_}^" for x in up[:n]] + [lca.lemma_.lower()]
            steps += [f"v{x.dep_}" for x in reversed(down[: ids[t.i]])]
            inner = [f"{x.dep_}^{x.lemma_.lower()}" for x in up[1:n]] + [
                f"{x.lemma_.lower()}v{x.dep_}" for x in reversed(down[1 : ids[t.i]])
            ]
            return [*steps, "|", *inner], lca
    return [], None


def asserted(obj: Span) -> bool:
    """Whether the clause of ``obj`` states a fact: not negated ("I was never in X"), not a
    condition ("if I were in X") and not a future or a wish ("I shall go to X")."""
    verb = next((t for t in _ancestors(obj.root)[1:] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return True
    for t in verb.children:
        if t.dep_ == "neg" or (t.dep_ == "mark" and t.lower_ in UNSURE_MARKS):
            return False
        if t.tag_ == "MD" and t.lower_ in UNSURE_MODALS:
            return False
    return True


def features(sent: Span, subject: Span | Token, obj: Span, kind: str, otype: str) -> list[str]:
    """The features of one (subject, object) pair of ``sent``."""
    s = subject if isinstance(subject, Token) else _root(subject)
    o = _root(obj)
    path, lca = _path(s, o)
    cut = path.index("|") if "|" in path else len(path)
    steps, inner = path[:cut], path[cut + 1 :]
    both = f"{kind}>{otype}"
    found = [f"k={both}", f"o={otype}", f"s={kind}"]
    if steps and len(steps) <= MAX_PATH + 1:
        found.append(f"p={' '.join(steps)}|{both}")
        found.append(f"pd={' '.join(x for x in steps if x.endswith('^') or x.startswith('v'))}")
    for x in inner:
        found += [f"pw={x}", f"pw={x}|{both}"]
    if lca is not None:
        found += [f"lca={lca.lemma_.lower()}|{both}", f"lcap={lca.pos_}|{both}"]
    head = o.head
    if o.dep_ == "pobj":
        found += [f"prep={head.lower_}|{both}", f"prep={head.lower_}"]
        gov = head.head
        found += [
            f"gov={gov.lemma_.lower()}+{head.lower_}|{otype}",
            f"govp={gov.pos_}+{head.lower_}",
        ]
    else:
        found += [f"odep={o.dep_}|{both}", f"ohead={head.lemma_.lower()}|{otype}"]
    found.append(f"sdep={s.dep_}:{s.head.lemma_.lower()}|{both}")
    verb = next((t for t in _ancestors(o)[1:] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None:
        found.append(f"overb={verb.lemma_.lower()}|{both}")
    doc = sent.doc
    left = doc[max(obj.start - 2, sent.start) : obj.start]
    found.append(f"l2={' '.join(t.lower_ for t in left)}|{otype}")
    if kind in ("I", "WE", "YOU", "HE", "SHE") and s.dep_ == "poss":
        found += [f"poss={s.head.lemma_.lower()}|{both}"]
    lo, hi = sorted((s.i, o.i))
    gap = hi - lo
    found.append(f"order={'so' if s.i < o.i else 'os'}")
    found.append(f"gap={min(gap, 10) // 3}")
    if gap <= 8:
        start = (subject.end if isinstance(subject, Span) else s.i + 1) if s.i < o.i else obj.end
        end = obj.start if s.i < o.i else (subject.start if isinstance(subject, Span) else s.i)
        for t in doc[start:end]:
            if not t.is_punct:
                found.append(f"bw={t.lemma_.lower()}")
        found.append(f"bws={' '.join(t.lemma_.lower() for t in doc[start:end])}|{both}")
    found.append(f"olast={obj[-1].lower_}|{otype}")
    return found


def pairs(sent: Span, fits: Callable[[str, str], bool] = lambda kind, otype: True) -> list[Pair]:
    """Every (subject, object) pair of ``sent`` whose kinds ``fits`` accepts (some predicate's
    domain and range hold them)."""
    names = [e for e in sent.ents if e.label_ in OBJECT_TYPES]
    subjects: list[tuple[Span | Token, str]] = [
        (e, e.label_) for e in names if e.label_ in SUBJECT_TYPES
    ]
    subjects += [(t, PRONOUN_KINDS[t.lower_]) for t in sent if t.lower_ in PRONOUN_KINDS]
    found: list[Pair] = []
    for subject, kind in subjects:
        s_first = subject.i if isinstance(subject, Token) else subject.start
        s_last = subject.i + 1 if isinstance(subject, Token) else subject.end
        for obj in names:
            if not fits(kind, obj.label_):
                continue
            if obj.start < s_last and s_first < obj.end:
                continue  # the same or overlapping names
            if min(abs(obj.start - s_last), abs(s_first - obj.end)) > MAX_GAP:
                continue
            s_chars = (
                (subject.idx, subject.idx + len(subject.text))
                if isinstance(subject, Token)
                else (subject.start_char, subject.end_char)
            )
            o_chars = (obj.start_char, obj.end_char)
            feats = features(sent, subject, obj, kind, obj.label_)
            found.append(Pair(s_chars, o_chars, kind, obj.label_, tuple(feats), asserted(obj)))
    return found

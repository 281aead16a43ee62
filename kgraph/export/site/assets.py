"""The site's one style sheet and one small script (``site.css`` and ``site.js`` beside this
module), written beside the pages: nothing comes from a CDN.

Colours of the entity types are light backgrounds under near-black text (contrast above
WCAG AA's 4.5:1 by far), and each type also has its own underline style, its name in the
mention's title and, on focus, in visible text: colour is never the only cue.
"""

from __future__ import annotations

from importlib.resources import files

__all__ = ["CSS", "JS", "TYPE_STYLES"]

# type -> (background colour, underline style); text is #111 on all of them
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "Person": ("#ffd8a8", "solid"),
    "Place": ("#b2f2bb", "double"),
    "Organization": ("#a5d8ff", "dashed"),
    "Periodical": ("#eebefa", "dotted"),
    "Work": ("#ffec99", "wavy"),
    "Event": ("#ffc9c9", "solid"),
    "Group": ("#c5f6fa", "dashed"),
    "Concept": ("#dee2e6", "dotted"),
    "Entity": ("#e9ecef", "solid"),
}

_TYPE_RULES = "".join(
    f".t-{name}{{background:{colour};text-decoration-style:{style}}}\n"
    f".legend .t-{name}{{border:1px solid #444}}\n"
    f"svg .node.t-{name} circle{{fill:{colour}}}\n"
    for name, (colour, style) in TYPE_STYLES.items()
)

_HERE = files("kgraph.export.site")
CSS = _HERE.joinpath("site.css").read_text(encoding="utf-8") + _TYPE_RULES
JS = _HERE.joinpath("site.js").read_text(encoding="utf-8")

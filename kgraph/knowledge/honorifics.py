"""Words that stand before a name as a title or a form of address (Mr, Mme, Herr, Comrade,
Professor, …), shared by the NLP components and by in-letter resolution."""

from __future__ import annotations

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "miss",
        "ms",
        "dr",
        "prof",
        "professor",
        "sir",
        "lady",
        "lord",
        "madame",
        "mme",
        "mlle",
        "monsieur",
        "m",
        "herr",
        "frau",
        "signor",
        "signora",
        "citizen",
        "comrade",
        "general",
        "colonel",
        "captain",
        "rev",
        "reverend",
        "count",
        "countess",
        "prince",
        "princess",
        "baron",
        "baroness",
    ]
)

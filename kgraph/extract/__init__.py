"""From the analysed letter to facts: typed mentions with offsets (``mentions``), one entity per
real thing (``resolve``, with name similarity in ``name_match``) and relations with their
evidence (``relate``).

Public names: ``mentions.find_mentions``, ``resolve.resolve``, ``relate.relate``.
"""

__all__ = ["mentions", "name_match", "relate", "resolve"]

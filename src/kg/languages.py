"""Language tags checked against the IANA Language Subtag Registry (through langcodes, which ships it).

The parser accepts any well-formed BCP 47 tag; a well-formed tag can still name no language (``@ge``
for German, whose code is ``de``; ``@english``). Any valid tag is accepted, whatever its language or
script (what the script must be is the saved check no-text-in-a-script-its-tag-excludes's)."""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class InvalidTag:
    """A text whose language tag is well formed but not valid: a subtag the registry does not hold."""

    subject: str
    predicate: str
    tag: str

    @property
    def message(self) -> str:
        return (f"The language tag @{self.tag} is not a valid BCP 47 tag: the IANA registry holds no such "
                "language (or region, script, variant). Use the language's ISO 639 code (@de for German, "
                "@zh-Hans for Chinese in simplified characters).")


@functools.lru_cache(maxsize=None)
def is_valid(tag: str) -> bool:
    import langcodes

    return langcodes.tag_is_valid(tag)


def invalid_tags(quads) -> list[InvalidTag]:
    """One InvalidTag per statement whose literal carries a tag the registry does not know."""
    import pyoxigraph as ox

    out = []
    for q in quads:
        o = q.object
        if isinstance(o, ox.Literal) and o.language and not is_valid(o.language):
            out.append(InvalidTag(q.subject.value, q.predicate.value, o.language))
    return out

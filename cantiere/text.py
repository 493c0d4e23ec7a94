"""Text folded for matching: one rule for column headers, sheet and comune
names, service types and proposal titles."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\W_]+")


def fold(text: object) -> str:
    """``text`` with case, accents, apostrophes (' ’ ‘ ` ´), punctuation,
    underscores and spacing ignored: "Sant’Agata  sul Santerno" and
    "sant'agata sul santerno" fold to "sant agata sul santerno". Letters of
    any script are kept, so a title in Cyrillic or Arabic does not fold to ""."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_SEPARATORS.sub(" ", plain).split())

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


# Control characters a terminal acts on (C0 but tab and newline, DEL, C1) and the
# bidirectional overrides that reorder what is shown: a cell holding "\x1b]2;…"
# or "\x1b[2J" could retitle or clear the coordinator's terminal (issue 17).
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` as a terminal can show it without acting on it: every control
    character written as a visible escape (``\\x1b``, ``\\u202e``); a carriage
    return too, which would overwrite the line."""
    return _TERMINAL_UNSAFE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)

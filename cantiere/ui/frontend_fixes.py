"""Behaviour of Streamlit's frontend we change, as text replacements in its
JavaScript chunks, applied with the translations (``cantiere.ui.frontend``).

- **A text longer than ``max_chars`` is cut, not refused** (issue 15): Streamlit
  1.67 ignores any change that makes a text field longer than its limit, so
  pasting a long text into an empty field leaves it empty (and an older text
  stays, to be sent). Here the text is cut at the limit instead; the page then
  says so (``look.limit_notice``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from cantiere.i18n.frontend_streamlit import chunk_name

log = logging.getLogger("cantiere.frontend")


@dataclass(frozen=True)
class Fix:
    chunk: str  # file name up to the first dot
    old: str
    new: str


FIXES: tuple[Fix, ...] = (
    Fix(
        "useUpdateUiValue",
        "let{value:c}=r.target;t!==0&&c.length>t||(i(!0),a(c),",
        "let{value:c}=r.target;t!==0&&c.length>t&&(c=c.slice(0,t)),(i(!0),a(c),",
    ),
)


def apply(chunks: dict[str, str], done: dict[str, str], fixes: tuple[Fix, ...] = FIXES) -> dict[str, str]:
    """``done`` (chunks already rewritten, by file name) with every fix applied to
    ``chunks``; a fix not found exactly once is logged and left out (a newer Streamlit:
    tests/unit/test_frontend_fixes.py fails on it)."""
    out = dict(done)
    for fix in fixes:
        names = [name for name in chunks if chunk_name(name) == fix.chunk]
        sources = {name: out.get(name, chunks[name]) for name in names}
        found = [name for name, source in sources.items() if source.count(fix.old) == 1]
        if len(found) != 1:
            log.error("frontend fix not applied: %s.*.js no longer holds %r", fix.chunk, fix.old)
            continue
        out[found[0]] = sources[found[0]].replace(fix.old, fix.new)
    return out

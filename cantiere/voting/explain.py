"""Explanations of a tally, shared by every method: ``Line`` objects (an i18n
key and its parameters) turned into sentences by ``explain(result, lang)``.

Every tally reports ties as ties, says plainly when a round has no ballots,
very few ballots, a single item or only ties, and never invents a winner.
"""

from __future__ import annotations

from collections.abc import Sequence

from cantiere import fmt
from cantiere.i18n import translate
from cantiere.voting.model import Item, Line, Result


def _format_param(value: object, lang: str) -> object:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, float) and not value.is_integer():
        return fmt.number(value, 1 if round(value, 1) == value else 2, lang)
    return fmt.number(value, 0, lang)


def line_text(line: Line, lang: str = "it") -> str:
    """One explanation line as a sentence, numbers written the way ``lang`` writes them.

    Item titles inside are plain text: show them with ``st.text`` or ``st.write``
    of a string list, never as Markdown or HTML (titles may come from participants).
    """
    params = {name: _format_param(value, lang) for name, value in line.params.items()}
    return translate(line.key, lang, **params)


def explain(result: Result, lang: str = "it") -> list[str]:
    """The explanation of ``result``, one sentence per line."""
    return [line_text(line, lang) for line in result.explanation]


def quoted(title: str) -> str:
    """A title quoted the Italian way, as every message shows it."""
    return f"«{title}»"


def titles(ids: Sequence[int], items: Sequence[Item]) -> str:
    """The titles of ``ids``, quoted, comma-separated."""
    by_id = {item.id: item.title for item in items}
    return ", ".join(quoted(by_id[i]) for i in ids)


def _situation(n_ballots: int, items: Sequence[Item], ranking: Sequence[Sequence[int]]) -> list[Line]:
    """Plain words for degenerate rounds; empty when the round is ordinary."""
    if not items:
        return [Line("vote.explain.no_items")]
    if n_ballots == 0:
        return [Line("vote.explain.no_ballots")]
    lines = []
    if len(items) == 1:
        lines.append(Line("vote.explain.single_item", {"title": quoted(items[0].title)}))
    if n_ballots == 1:
        lines.append(Line("vote.explain.one_ballot"))
    elif n_ballots == 2:
        lines.append(Line("vote.explain.two_ballots"))
    if len(items) > 1 and len(ranking) == 1:
        lines.append(Line("vote.explain.all_tied", {"n": len(items)}))
    elif len(items) > 1 and ranking and len(ranking[0]) > 1:
        lines.append(Line("vote.explain.tie_first", {"n": len(ranking[0]), "titles": titles(ranking[0], items)}))
    return lines


def opening(method_line: Line, n_ballots: int, items: Sequence[Item], ranking: Sequence[Sequence[int]]) -> list[Line]:
    """How the method counts, then the plain words for degenerate rounds; with
    no items or no ballots, only the latter (there is nothing to explain)."""
    situation = _situation(n_ballots, items, ranking)
    if not items or n_ballots == 0:
        return situation
    return [method_line, *situation]


def first_line(
    key: str, ranking: Sequence[Sequence[int]], items: Sequence[Item], n_ballots: int, **params
) -> list[Line]:
    """The "«X» comes first" line, only when there is a single, real winner."""
    if n_ballots == 0 or len(items) < 2 or not ranking or len(ranking[0]) != 1:
        return []
    return [Line(key, {"title": titles(ranking[0], items), **params})]

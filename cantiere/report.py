"""The minutes of a workshop ("verbale"): a printable HTML page and an XLSX
workbook with the same sections, ready to attach to the minutes of a Piano di
Zona table.

Sections: the workshop and its date; participants by role and by district
(groups under ``results.MIN_GROUP`` people merged into "altri" or left out);
the priorities; for each round the method and its parameters, the result
table and the explanation; the comments (hidden ones left out); proposals and
pins when the store has them; the data version (ISTAT year, imported datasets)
and, for each round, the data it showed when it opened (issue 18). Each
priority carries its evidence line (figures, source and year).

The HTML is one self-contained file: inline CSS with print rules, no script,
no external asset. Every text that a person typed (titles, descriptions,
comments, proposals) goes through ``html.escape``.
"""

from __future__ import annotations

import html
import importlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from cantiere import entry, evidence, fmt, pacts, results, territory, voting
from cantiere.errors import UnknownNameError
from cantiere.export import escape_cell
from cantiere.i18n import translate

FORMATS = ("report", "report-xlsx")


@dataclass(frozen=True)
class RoundSection:
    position: int
    method: str
    params_text: str
    status: str
    n_ballots: int
    rows: list[dict]  # rank, title, score
    explanation: list[str]
    details: list[tuple[str, dict[int, str]]]  # method-specific columns (results.details)
    tie_rule: str = ""  # how the method decides ties (results.tie_rule)
    channels: list[tuple[str, int]] = field(default_factory=list)  # ballots per channel, small ones merged


@dataclass(frozen=True)
class Report:
    """Everything the minutes show, as plain strings and numbers."""

    lang: str
    title: str
    code: str
    description: str
    phase: str
    is_demo: bool
    created_at: datetime
    generated_at: datetime
    participants: int
    by_role: list[tuple[str, int]]
    by_district: list[tuple[str, int]]
    priorities: list[dict]
    rounds: list[RoundSection]
    comparison: list[dict]
    comments: list[dict]
    proposals: list[dict] | None  # None: this installation has no proposals table yet
    pins: list[dict] | None
    istat_year: int
    sources: list[str]
    datasets: list[dict] = field(default_factory=list)
    round_data: list[dict] = field(default_factory=list)  # position, recorded_at, lines (issue 18)
    entry: str = ""  # how people entered: the code, fixed or rotating (issue 17, cantiere.entry)
    card_repeats: list[dict] = field(default_factory=list)  # cards typed more than once (issue 19)
    pacts: list[dict] = field(default_factory=list)  # pacts born here and their log (issue 20)


# --- proposals and pins (the listening phase, another issue) ------------------------


def _listening():
    """The store module of the listening phase (``cantiere.store.listening``,
    with ``list_proposals`` and ``list_pins``), or None where it is not merged yet."""
    try:
        return importlib.import_module("cantiere.store.listening")
    except ImportError:
        return None


def _comune_name(code: str) -> str:
    if not code:
        return ""
    try:
        return territory.comune(code).name
    except Exception:  # an unknown code still shows as typed
        return str(code)


def proposals_of(store, workshop) -> list[dict] | None:
    """Visible, unmerged proposals as ``{"title", "text", "comuni", "supports"}``,
    or None while this installation has no listening store."""
    listening = _listening()
    if listening is None or not hasattr(listening, "list_proposals"):
        return None
    return [
        {
            "title": p.title,
            "text": getattr(p, "description", ""),
            "comuni": ", ".join(getattr(p, "comuni", ()) or ()),
            "supports": getattr(p, "supports", 0),
        }
        for p in listening.list_proposals(store, workshop.id)
    ]


def _category(kind: str, lang: str) -> str:
    text = translate(f"pins.category.{kind}", lang)
    return kind if text == f"pins.category.{kind}" else text


def pins_of(store, workshop, lang: str = "it") -> list[dict] | None:
    """Visible pins as ``{"comune", "kind", "note"}`` (no coordinates: the comune
    is enough for minutes), or None while there is no listening store."""
    listening = _listening()
    if listening is None or not hasattr(listening, "list_pins"):
        return None
    return [
        {
            "comune": _comune_name(getattr(p, "comune_code", "")),
            "kind": _category(getattr(p, "category", ""), lang),
            "note": getattr(p, "note", ""),
        }
        for p in listening.list_pins(store, workshop.id)
    ]


# --- building -------------------------------------------------------------------------


def score_text(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    return fmt.number(value, 0 if float(value).is_integer() else 2, lang)


def group_label(group: str, dimension: str, lang: str) -> str:
    if group == results.OTHERS:
        return translate("risultati.group.others", lang)
    if group == results.UNKNOWN:
        return translate("risultati.group.unknown", lang)
    if group == results.OUTSIDE:
        return translate("workshop.outside", lang)
    if dimension == "role":
        return translate(f"workshop.role.{group}", lang)
    if dimension == "channel":
        return translate(f"cards.channel.{group}", lang)
    return group


def round_rows(rnd: results.RoundResult) -> list[dict]:
    """Rank, title and score of every item of a round, best first."""
    ranks = results.ranks(rnd.result)
    order = sorted(rnd.items, key=lambda i: (ranks.get(i.id, len(rnd.items) + 1), i.id))
    return [
        {"rank": ranks.get(i.id), "id": i.id, "title": i.title, "score": rnd.result.scores.get(i.id)} for i in order
    ]


def build(store, workshop, lang: str = "it", now: datetime | None = None) -> Report:
    """Read everything the minutes need from the store."""
    from cantiere.store import datasets
    from cantiere.store import workshops as db

    data = results.collect(store, workshop)
    voters = list(data.voters.values())
    rounds = [
        RoundSection(
            r.position,
            r.method,
            results.describe_params(r.method, r.params, lang),
            r.status,
            r.result.n_ballots,
            round_rows(r),
            voting.explain(r.result, lang),
            results.details(r.result, lang),
            results.tie_rule(r.method, lang),
            [(group_label(g, "channel", lang), n) for g, n in results.channel_counts(r)],
        )
        for r in data.rounds
    ]
    comments = [
        {"priority": c.priority_title, "text": c.text, "created_at": c.created_at}
        for c in reversed(db.list_comments(store, workshop.id))
    ]
    imported = datasets.list_datasets(store)
    return Report(
        lang=lang,
        title=workshop.title,
        code=workshop.code,
        description=workshop.description,
        phase=workshop.phase,
        is_demo=workshop.is_demo,
        created_at=workshop.created_at,
        generated_at=now or datetime.now(UTC),
        participants=len(voters),
        by_role=[(group_label(g, "role", lang), n) for g, n in results.counts(voters, "role")],
        by_district=[(group_label(g, "district", lang), n) for g, n in results.counts(voters, "district")],
        priorities=[
            {
                "title": p.title,
                "description": p.description,
                "target_group": p.target_group,
                "comuni": ", ".join(p.comuni),
                "cost": p.cost,
                "evidence": evidence.line_of(p.attrs, lang),
            }
            for p in db.list_priorities(store, workshop.id)
        ],
        rounds=rounds,
        comparison=results.compare_rounds(data.rounds) if len(data.rounds) > 1 else [],
        comments=comments,
        proposals=proposals_of(store, workshop),
        pins=pins_of(store, workshop, lang),
        istat_year=territory.DEFAULT_YEAR,
        sources=[territory.SOURCE_POPULATION, territory.SOURCE_BOUNDARIES],
        datasets=[
            {
                "kind": r.tipo,
                "file": f"{r.file} (SHA-256 {r.sha256[:16]}…)" if r.sha256 else r.file,
                "source": r.fonte,
                "imported_at": r.importato_il,
                "rows": r.righe,
            }
            for r in imported.itertuples(index=False)
        ],
        round_data=round_data(store, workshop, lang),
        entry=entry.describe(store, workshop.id, lang),
        card_repeats=card_repeats(store, workshop, lang),
        pacts=pacts.minutes_rows(store, workshop.id, lang),
    )


def card_repeats(store, workshop, lang: str = "it") -> list[dict]:
    """Cards typed more than once, with who and when (never their votes)."""
    from cantiere import cards
    from cantiere.store import workshops as db

    positions = {r.id: r.position for r in db.list_rounds(store, workshop.id)}
    return [
        {
            "card": d["card"],
            "position": positions.get(d["round_id"], "?"),
            "what": translate(f"report.card_repeat.{d['kind']}", lang),
            "helper": d["helper"],
            "first_helper": d["first_helper"],
            "at": d["at"],
        }
        for d in cards.duplicates(store, workshop.id)
    ]


def round_data(store, workshop, lang: str = "it") -> list[dict]:
    """What each round showed when it opened: ISTAT year, imported files and their hashes."""
    from cantiere.store import workshops as db

    positions = {r.id: r.position for r in db.list_rounds(store, workshop.id)}
    return [
        {
            "position": positions.get(record.round_id, "?"),
            "recorded_at": record.recorded_at,
            "lines": evidence.versions_text({"istat_year": record.istat_year, "datasets": list(record.datasets)}, lang),
        }
        for record in db.list_round_data(store, workshop.id)
    ]


# --- HTML -------------------------------------------------------------------------------

_CSS = """
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:11pt;color:#111;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:2px solid #b5302b;padding-bottom:.15rem;margin-top:1.8rem}
h3{font-size:1.05rem;margin-top:1.2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#eee}td.num{text-align:right;white-space:nowrap}
.meta{color:#444}.note{color:#444;font-size:.92em}.demo{border:2px solid #E69F00;padding:.4rem .6rem;font-weight:bold}
@page{size:A4;margin:18mm 15mm}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}table,tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _table(headers: list[str], rows: list[list[Any]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f'<td class="num">{_e(v)}</td>' if k in numeric else f"<td>{_e(v)}</td>" for k, v in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _date(value: datetime | None, lang: str) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y %H:%M") if lang == "it" else value.strftime("%Y-%m-%d %H:%M")


def to_html(report: Report) -> str:
    """The minutes as one self-contained, printable HTML document."""
    lang = report.lang

    def tr(key: str, **params) -> str:
        return translate(key, lang, **params)

    parts = [
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}"><head><meta charset="utf-8">',
        f"<title>{_e(tr('report.title'))} – {_e(report.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(tr('report.title'))}: {_e(report.title)}</h1>",
        f'<p class="meta">{_e(tr("report.meta", code=report.code, created=_date(report.created_at, lang), generated=_date(report.generated_at, lang), phase=tr(f"workshop.phase.{report.phase}")))}</p>',
    ]
    if report.is_demo:
        parts.append(f'<p class="demo">{_e(tr("report.demo"))}</p>')
    if report.phase != "chiuso":
        parts.append(f'<p class="demo">{_e(tr("report.not_closed"))}</p>')
    if report.description:
        parts.append(f"<p>{_e(report.description)}</p>")

    parts.append(f"<h2>{_e(tr('report.section.participants'))}</h2>")
    parts.append(f"<p>{_e(tr('report.participants_total', n=report.participants))}</p>")
    if report.entry:
        parts.append(f"<p>{_e(report.entry)}</p>")
    for key, rows in (("report.by_role", report.by_role), ("report.by_district", report.by_district)):
        parts.append(f"<h3>{_e(tr(key))}</h3>")
        parts.append(
            _table([tr("report.col.group"), tr("report.col.people")], [[g, n] for g, n in rows], {1})
            if rows
            else f'<p class="note">{_e(tr("report.none"))}</p>'
        )
    parts.append(f'<p class="note">{_e(tr("risultati.small_groups", min=results.MIN_GROUP))}</p>')

    parts.append(f"<h2>{_e(tr('report.section.priorities'))}</h2>")
    parts.append(
        _table(
            [
                tr("report.col.n"),
                tr("report.col.priority"),
                tr("report.col.description"),
                tr("report.col.target"),
                tr("report.col.comuni"),
                tr("report.col.cost"),
                tr("report.col.evidence"),
            ],
            [
                [
                    k,
                    p["title"],
                    p["description"],
                    p["target_group"],
                    p["comuni"],
                    score_text(p["cost"], lang) if p["cost"] is not None else "",
                    p.get("evidence", ""),
                ]
                for k, p in enumerate(report.priorities, 1)
            ],
            {0, 5},
        )
        if report.priorities
        else f'<p class="note">{_e(tr("report.none"))}</p>'
    )

    parts.append(f"<h2>{_e(tr('report.section.results'))}</h2>")
    if not report.rounds:
        parts.append(f'<p class="note">{_e(tr("report.no_rounds"))}</p>')
    for rnd in report.rounds:
        parts.append(f"<h3>{_e(tr('report.round', position=rnd.position))}</h3>")
        parts.append(
            f"<p><strong>{_e(tr('report.method'))}</strong> {_e(rnd.params_text)} · {_e(tr('report.ballots', n=rnd.n_ballots))} · {_e(tr(f'workshop.round.{rnd.status}'))}</p>"
        )
        parts.append(
            _table(
                [
                    tr("report.col.rank"),
                    tr("report.col.priority"),
                    tr("report.col.score"),
                    *(h for h, _ in rnd.details),
                ],
                [
                    [
                        r["rank"] if r["rank"] is not None else "–",
                        r["title"],
                        score_text(r["score"], lang),
                        *(d.get(r["id"], "") for _, d in rnd.details),
                    ]
                    for r in rnd.rows
                ],
                {0, 2, *range(3, 3 + len(rnd.details))},
            )
        )
        parts.append(f"<p><strong>{_e(tr('report.explanation'))}</strong></p>")
        parts.append('<ul class="explanation">' + "".join(f"<li>{_e(line)}</li>" for line in rnd.explanation) + "</ul>")
        if rnd.tie_rule:
            parts.append(f'<p class="note">{_e(rnd.tie_rule)}</p>')
        parts.append(_channels_html(rnd, tr))
    if report.comparison:
        parts.append(f"<h3>{_e(tr('risultati.compare'))}</h3>")
        parts.append(
            _table(
                [tr("report.col.priority"), *[tr("report.round", position=r.position) for r in report.rounds]],
                [[row["title"], *[v if v is not None else "–" for v in row["ranks"]]] for row in report.comparison],
                set(range(1, len(report.rounds) + 1)),
            )
        )

    parts.append(_card_repeats_html(report, tr))
    parts.append(f"<h2>{_e(tr('report.section.comments'))}</h2>")
    parts.append(
        _table(
            [tr("report.col.priority"), tr("report.col.comment")],
            [[c["priority"], c["text"]] for c in report.comments],
        )
        if report.comments
        else f'<p class="note">{_e(tr("report.none"))}</p>'
    )

    parts.append(f"<h2>{_e(tr('report.section.proposals'))}</h2>")
    if report.proposals is None:
        parts.append(f'<p class="note">{_e(tr("report.proposals_unavailable"))}</p>')
    elif report.proposals:
        parts.append(
            _table(
                [tr("report.col.proposal"), tr("report.col.text"), tr("report.col.comuni"), tr("report.col.supports")],
                [[p["title"], p["text"], p["comuni"], p["supports"]] for p in report.proposals],
                {3},
            )
        )
    else:
        parts.append(f'<p class="note">{_e(tr("report.none"))}</p>')
    if report.pins is not None:
        parts.append(f"<h3>{_e(tr('report.pins'))}</h3>")
        parts.append(
            _table(
                [tr("report.col.comune"), tr("report.col.kind"), tr("report.col.text")],
                [[p["comune"], p["kind"], p["note"]] for p in report.pins],
            )
            if report.pins
            else f'<p class="note">{_e(tr("report.none"))}</p>'
        )

    parts.append(pacts_html(report))  # issue 20
    parts.append(f"<h2>{_e(tr('report.section.data'))}</h2>")
    parts.append(f"<p>{_e(tr('report.istat_year', year=report.istat_year))}</p>")
    parts.append("<ul>" + "".join(f"<li>{_e(s)}</li>" for s in report.sources) + "</ul>")
    if report.datasets:
        parts.append(
            _table(
                [
                    tr("report.col.dataset_kind"),
                    tr("report.col.file"),
                    tr("report.col.source"),
                    tr("report.col.imported_at"),
                    tr("report.col.rows"),
                ],
                [
                    [
                        d["kind"],
                        d["file"],
                        d["source"],
                        _date(
                            pd.Timestamp(d["imported_at"]).to_pydatetime() if d["imported_at"] is not None else None,
                            lang,
                        ),
                        d["rows"],
                    ]
                    for d in report.datasets
                ],
                {4},
            )
        )
    else:
        parts.append(f'<p class="note">{_e(tr("report.no_datasets"))}</p>')
    if report.round_data:
        parts.append(f"<h3>{_e(tr('report.round_data'))}</h3>")
        for record in report.round_data:
            parts.append(
                f"<p>{_e(tr('report.round_data_item', position=record['position'], when=_date(record['recorded_at'], lang)))}</p>"
            )
            parts.append('<ul class="round-data">' + "".join(f"<li>{_e(x)}</li>" for x in record["lines"]) + "</ul>")
    parts.append(f'<p class="note">{_e(tr("report.footer"))}</p>')
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _channels_html(rnd: RoundSection, tr) -> str:
    """Ballots per channel (phone, paper card, assisted), small channels merged."""
    head = f"<h4>{_e(tr('report.channels'))}</h4>"
    if not rnd.channels:
        return head + f'<p class="note">{_e(tr("report.channels_hidden", min=results.MIN_GROUP))}</p>'
    rows = [[g, n] for g, n in rnd.channels] + [[tr("report.total"), sum(n for _, n in rnd.channels)]]
    return head + _table([tr("report.col.channel"), tr("report.col.ballots")], rows, {1}).replace(
        "<table>", '<table class="channels">', 1
    )


def _card_repeats_html(report: Report, tr) -> str:
    head = f"<h3>{_e(tr('report.card_repeats'))}</h3>"
    if not report.card_repeats:
        return head + f'<p class="note">{_e(tr("report.none"))}</p>'
    rows = [
        [d["card"], d["position"], d["what"], d["helper"], d["first_helper"], _date(d["at"], report.lang)]
        for d in report.card_repeats
    ]
    headers = ["card", "round", "what", "helper", "first_helper", "when"]
    return head + _table([tr(f"report.col.repeat_{h}") for h in headers], rows).replace(
        "<table>", '<table class="card-repeats">', 1
    )


def pacts_html(report: Report) -> str:
    """The section «Patti nati da questo laboratorio»: status, lead, partners, milestones, the change log."""
    lang = report.lang
    parts = [f"<h2>{_e(translate('report.section.pacts', lang))}</h2>"]
    if not report.pacts:
        parts.append(f'<p class="note">{_e(translate("report.no_pacts", lang))}</p>')
    for p in report.pacts:
        parts.append(f"<h3>{_e(p['title'])}</h3>")
        parts.append(
            f"<p>{_e(translate('report.pact_line', lang, status=p['status'], progress=p['progress'], lead=p['lead'], partners=p['partners'] or '—'))}</p>"
        )
        if p["milestones"]:
            parts.append(f"<p>{_e(translate('pacts.col.milestones', lang))}: {_e(p['milestones'])}</p>")
        parts.append('<ul class="pact-log">' + "".join(f"<li>{_e(x)}</li>" for x in p["log"]) + "</ul>")
    return "\n".join(parts)


# --- XLSX -------------------------------------------------------------------------------


def sheets(report: Report) -> dict[str, pd.DataFrame]:
    """The same sections as the HTML, one sheet each, cells escaped for spreadsheets."""
    lang = report.lang

    def tr(key: str, **params) -> str:
        return translate(key, lang, **params)

    summary = [
        (tr("report.col.workshop"), report.title),
        (tr("report.col.code"), report.code),
        (tr("report.col.phase"), tr(f"workshop.phase.{report.phase}")),
        (tr("report.col.created"), _date(report.created_at, lang)),
        (tr("report.col.generated"), _date(report.generated_at, lang)),
        (tr("report.col.people"), report.participants),
        *(((tr("entry.mode.label"), report.entry),) if report.entry else ()),
        (tr("report.istat_label"), report.istat_year),
        *((tr("report.col.source"), s) for s in report.sources),
    ]
    if report.is_demo:
        summary.append(("", tr("report.demo")))
    frames = {
        tr("report.sheet.summary"): pd.DataFrame(summary, columns=[tr("report.col.field"), tr("report.col.value")]),
        tr("report.sheet.participants"): pd.DataFrame(
            [(tr("report.by_role"), g, n) for g, n in report.by_role]
            + [(tr("report.by_district"), g, n) for g, n in report.by_district],
            columns=[tr("report.col.dimension"), tr("report.col.group"), tr("report.col.people")],
        ),
        tr("report.sheet.priorities"): pd.DataFrame(
            [
                (p["title"], p["description"], p["target_group"], p["comuni"], p["cost"], p.get("evidence", ""))
                for p in report.priorities
            ],
            columns=[
                tr("report.col.priority"),
                tr("report.col.description"),
                tr("report.col.target"),
                tr("report.col.comuni"),
                tr("report.col.cost"),
                tr("report.col.evidence"),
            ],
        ),
        tr("report.sheet.results"): pd.DataFrame(
            [
                (
                    r.position,
                    r.params_text,
                    r.n_ballots,
                    row["rank"],
                    row["title"],
                    row["score"],
                    "; ".join(f"{h}: {d[row['id']]}" for h, d in r.details if d.get(row["id"])),
                )
                for r in report.rounds
                for row in r.rows
            ],
            columns=[
                tr("report.col.round"),
                tr("report.method"),
                tr("report.col.ballots"),
                tr("report.col.rank"),
                tr("report.col.priority"),
                tr("report.col.score"),
                tr("report.col.details"),
            ],
        ),
        tr("report.sheet.explanations"): pd.DataFrame(
            [(r.position, line) for r in report.rounds for line in [*r.explanation, r.tie_rule] if line],
            columns=[tr("report.col.round"), tr("report.explanation")],
        ),
        tr("report.sheet.comments"): pd.DataFrame(
            [(c["priority"], c["text"]) for c in report.comments],
            columns=[tr("report.col.priority"), tr("report.col.comment")],
        ),
        tr("report.sheet.proposals"): pd.DataFrame(
            [(p["title"], p["text"], p["comuni"], p["supports"]) for p in (report.proposals or [])]
            or ([("", tr("report.proposals_unavailable"), "", None)] if report.proposals is None else []),
            columns=[
                tr("report.col.proposal"),
                tr("report.col.text"),
                tr("report.col.comuni"),
                tr("report.col.supports"),
            ],
        ),
        tr("report.sheet.pins"): pd.DataFrame(
            [(p["comune"], p["kind"], p["note"]) for p in (report.pins or [])],
            columns=[tr("report.col.comune"), tr("report.col.kind"), tr("report.col.text")],
        ),
        tr("report.sheet.data"): pd.DataFrame(
            [(d["kind"], d["file"], d["source"], str(d["imported_at"]), d["rows"]) for d in report.datasets]
            + [
                (
                    tr("report.round_data_item", position=r["position"], when=_date(r["recorded_at"], lang)),
                    x,
                    "",
                    "",
                    None,
                )
                for r in report.round_data
                for x in r["lines"]
            ],
            columns=[
                tr("report.col.dataset_kind"),
                tr("report.col.file"),
                tr("report.col.source"),
                tr("report.col.imported_at"),
                tr("report.col.rows"),
            ],
        ),
    }
    # issue 19: ballots per channel and the cards typed more than once
    frames[tr("report.sheet.channels")] = pd.DataFrame(
        [(r.position, g, n, None, None, None, None) for r in report.rounds for g, n in r.channels]
        + [
            (d["position"], d["what"], None, d["card"], d["helper"], d["first_helper"], _date(d["at"], lang))
            for d in report.card_repeats
        ],
        columns=[
            tr("report.col.round"),
            tr("report.col.channel"),
            tr("report.col.ballots"),
            tr("report.col.repeat_card"),
            tr("report.col.repeat_helper"),
            tr("report.col.repeat_first_helper"),
            tr("report.col.repeat_when"),
        ],
    )
    frames[tr("report.sheet.pacts")] = pd.DataFrame(  # issue 20
        [
            (p["title"], p["status"], p["progress"], p["lead"], p["partners"], p["milestones"], "\n".join(p["log"]))
            for p in report.pacts
        ],
        columns=[
            tr(f"pacts.col.{c}") for c in ("title", "status", "progress", "lead", "partners", "milestones", "log")
        ],
    )
    return {name[:31]: frame.map(escape_cell) for name, frame in frames.items()}


def to_xlsx(report: Report) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets(report).items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return buffer.getvalue()


WRITERS: dict[str, tuple[Callable[[Report], bytes], str, str]] = {
    # format: (writer, file extension, MIME type)
    "report": (lambda r: to_html(r).encode("utf-8"), "html", "text/html"),
    "report-xlsx": (to_xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def render(store, workshop, fmt_name: str, lang: str = "it") -> bytes:
    """The minutes of ``workshop`` as ``report`` (HTML) or ``report-xlsx``."""
    if fmt_name not in WRITERS:
        raise UnknownNameError("thing.format", fmt_name, list(WRITERS))
    return WRITERS[fmt_name][0](build(store, workshop, lang))


def filename(workshop, fmt_name: str) -> str:
    return f"verbale-{workshop.code}.{WRITERS[fmt_name][1]}"

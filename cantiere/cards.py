"""Paper cards and assisted voting (issue 19): nobody left out for lack of a phone.

- **Cards.** For a voting round the facilitator prints N cards
  (``print_cards``): each is a participant of the workshop with a one-time code
  of 8 characters (7 random + 1 check character, so most typos are caught before
  the database is asked) and a QR code of that code's entry link; the printable
  A4 document (``cards_html``) shows the priorities with boxes and the round's
  rules in plain words.
- **Entering.** A facilitator, or a helper with a PIN of the day
  (``create_helper_pin``, hashed, revocable), enters a card by its code
  (``enter_card``) with the same validation as a phone
  (``workshop.ballot_validator``); channel ``paper``, or ``assisted`` when the
  helper votes for a person sitting beside them through that person's card. One
  ballot per card, by the ballots' unique (round, participant) rule; a second
  entry confirms or flags (double entry), never counts; every entry is in the
  event log with the helper and the time.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import secrets
from collections.abc import Mapping, Sequence
from datetime import timedelta

from cantiere import voting
from cantiere import workshop as w
from cantiere.i18n import translate
from cantiere.store import Store
from cantiere.store import cards as db_cards
from cantiere.store import workshops as db
from cantiere.store.cards import CHANNELS, Card, CardEntry, Entered, HelperPin
from cantiere.workshop_errors import (
    CardAlreadyEnteredError,
    CardCodeError,
    CardsNotOnPaperError,
    PermissionDeniedError,
    PhaseError,
    PinError,
    PinLockedError,
    RoundNotOpenError,
)

__all__ = ["CHANNELS", "Card", "CardEntry", "Entered", "HelperPin"]

CODE_ALPHABET = w.CODE_ALPHABET  # no 0/O, 1/I/L: read off paper, typed by a helper
CODE_LENGTH = 8  # 7 random + 1 check character: 31^7 ≈ 2.7e10 codes
ENTRY_CHANNELS = ("paper", "assisted")
PAPER_METHODS = ("dots", "approval", "ranking", "budget", "matrix")  # pairwise needs a screen per pair
MAX_CARDS = 500
PIN_DIGITS = 6
PIN_HOURS = 14  # a workshop day
PIN_ITERATIONS = 60_000  # PBKDF2-SHA256: a stolen database does not give the PINs away at a glance
LABEL_MAX = 60
MAX_FAILED_LOGINS = 10  # wrong PINs per workshop in LOCK_MINUTES: 10⁶ PINs cannot be tried one by one
LOCK_MINUTES = 10


# --- codes ---------------------------------------------------------------------------


def _check_char(body: str) -> str:
    """Weighted sum mod 31: catches any single wrong character and most swaps of two neighbours."""
    total = sum((k + 1) * CODE_ALPHABET.index(ch) for k, ch in enumerate(body))
    return CODE_ALPHABET[total % len(CODE_ALPHABET)]


def new_card_code() -> str:
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH - 1))
    return body + _check_char(body)


def pretty(code: str) -> str:
    """How a card shows its code: "ABCD-EFGH"."""
    return f"{code[:4]}-{code[4:]}"


def check_card_code(text: str) -> str:
    """The clean code of what a helper typed ("abcd efgh" → "ABCDEFGH");
    CardCodeError when it has the wrong length, letters a card never has, or a
    check character that does not match (a typo): nothing is looked up."""
    clean = w.normalize_code(text)
    typed = str(text or "").strip()
    if len(clean) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in clean):
        raise CardCodeError(code=typed, length=CODE_LENGTH)
    if _check_char(clean[:-1]) != clean[-1]:
        raise CardCodeError(code=typed, length=CODE_LENGTH)
    return clean


# --- who may enter cards ---------------------------------------------------------------


def _hash(pin: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), bytes.fromhex(salt), PIN_ITERATIONS).hex()


def create_helper_pin(store: Store, actor: w.Actor, workshop_id: int, label: str) -> tuple[HelperPin, str]:
    """A PIN of ``PIN_DIGITS`` digits for a helper, valid for the day; only its
    hash is stored, the PIN itself is returned once to be read out.
    PhaseError once the workshop is closed."""
    w.require_facilitator(actor)
    workshop = db.get_workshop(store, workshop_id)
    if workshop.phase == "chiuso":
        raise PhaseError("workshop.error.closed")
    clean = " ".join(str(label or "").split())[:LABEL_MAX] or translate("cards.helper_default", "it")
    active = [p for p in db_cards.list_helper_pins(store, workshop_id) if p.active]
    while True:  # two helpers of one workshop never share a PIN
        pin = "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))
        if not any(hmac.compare_digest(_hash(pin, p.salt), p.pin_hash) for p in active):
            break
    salt = secrets.token_hex(16)
    made = db_cards.add_helper_pin(
        store,
        workshop_id,
        label=clean,
        pin_hash=_hash(pin, salt),
        salt=salt,
        expires_at=db.now() + timedelta(hours=PIN_HOURS),
    )
    return made, pin


def revoke_helper_pin(store: Store, actor: w.Actor, pin_id: int) -> HelperPin:
    """Revoke a helper's PIN now: their next entry is refused (PinRevokedError)."""
    w.require_facilitator(actor)
    return db_cards.revoke_helper_pin(store, pin_id)


def helper_login(store: Store, workshop: db.Workshop, pin: str) -> w.Actor:
    """A helper Actor for an active PIN of ``workshop``; PinError otherwise
    (logged), PinLockedError after MAX_FAILED_LOGINS wrong PINs for this
    workshop in LOCK_MINUTES (the facilitator's password still works)."""
    if db_cards.failed_logins(store, workshop.id, db.now() - timedelta(minutes=LOCK_MINUTES)) >= MAX_FAILED_LOGINS:
        raise PinLockedError(minutes=LOCK_MINUTES)
    typed = "".join(ch for ch in str(pin or "") if ch.isdigit())
    if len(typed) == PIN_DIGITS:
        for found in db_cards.list_helper_pins(store, workshop.id):
            if found.active and hmac.compare_digest(_hash(typed, found.salt), found.pin_hash):
                return w.Actor(w.Role.HELPER, "pin", pin_id=found.id, label=found.label, workshop_id=workshop.id)
    db_cards.log_failed_login(store, workshop.id)
    raise PinError()


def require_card_entry(actor: w.Actor | None, workshop_id: int) -> None:
    """PermissionDeniedError unless ``actor`` is a facilitator or a helper of this workshop."""
    if isinstance(actor, w.Actor) and actor.role is w.Role.FACILITATOR:
        return
    if isinstance(actor, w.Actor) and actor.role is w.Role.HELPER and actor.workshop_id == workshop_id:
        return
    raise PermissionDeniedError()


def helper_name(actor: w.Actor) -> str:
    """Who entered a card, as the log and the minutes say it."""
    if actor.role is w.Role.HELPER:
        return f"{actor.label} · PIN n. {actor.pin_id}"
    return translate("cards.helper_facilitator", "it")


# --- printing ------------------------------------------------------------------------------


def entry_round(store: Store, workshop_id: int) -> db.Round:
    """The open round of the workshop, whose cards are entered now; RoundNotOpenError if none."""
    rnd = w.current_round(store, workshop_id)
    if rnd is None or rnd.status != "open":
        raise RoundNotOpenError()
    return rnd


def print_cards(store: Store, actor: w.Actor, round_id: int, n: int, *, double_entry: bool = False) -> list[Card]:
    """``n`` new cards for the round (1–MAX_CARDS): n participants with
    one-time codes, all or nothing. CardsNotOnPaperError for a pairwise round,
    PhaseError once the workshop is closed."""
    w.require_facilitator(actor)
    rnd = db.get_round(store, round_id)
    if rnd.method not in PAPER_METHODS:
        raise CardsNotOnPaperError(method=voting.method(rnd.method).label)
    if db.get_workshop(store, rnd.workshop_id).phase == "chiuso":
        raise PhaseError("workshop.error.closed")
    if not 1 <= int(n) <= MAX_CARDS:
        raise PhaseError("cards.error.how_many", max=MAX_CARDS)
    for _ in range(20):  # a collision among 31^7 codes is rare; retry anyway
        try:
            rows = [(new_card_code(), w.new_token()) for _ in range(int(n))]
            return db_cards.create_cards(store, rnd.workshop_id, round_id, rows, double_entry=double_entry)
        except db.CodeTakenError:
            continue
    raise RuntimeError("no free card codes after 20 attempts")


# --- entering --------------------------------------------------------------------------------


def enter_card(
    store: Store, actor: w.Actor, workshop_id: int, code: str, ballot: Mapping, *, channel: str = "paper"
) -> Entered:
    """Enter the card typed as ``code`` with ``ballot`` (the payload a phone
    would send) for the workshop's open round. Returns what happened:
    ``counted``, or a second entry ``match``/``mismatch`` (not counted).
    Raises PermissionDeniedError, PinRevokedError, CardCodeError,
    UnknownCardError, CardOtherWorkshopError, CardOtherRoundError,
    RoundNotOpenError, voting.BallotError (the phone's message), and
    CardAlreadyEnteredError for an identical repeat (logged, not counted)."""
    require_card_entry(actor, workshop_id)
    if channel not in ENTRY_CHANNELS:
        from cantiere.errors import UnknownNameError

        raise UnknownNameError("thing.channel", channel, ENTRY_CHANNELS)
    clean = check_card_code(code)
    rnd = entry_round(store, workshop_id)
    done = db_cards.enter_card(
        store,
        code=clean,
        workshop_id=workshop_id,
        round_id=rnd.id,
        helper=helper_name(actor),
        channel=channel,
        validate=w.ballot_validator(workshop_id, ballot),
        pin_id=actor.pin_id if actor.role is w.Role.HELPER else None,
    )
    if done.status == "duplicate":
        raise CardAlreadyEnteredError(code=pretty(clean), helper=done.first_helper)
    return done


def ranking_from_positions(positions: Mapping[int, int | None]) -> dict:
    """A ranking card's ballot from the numbers written in its boxes
    ({item id: 1, 2, 3…}; empty or 0 = not ranked): ``{"order": [...]}``.
    A number written twice raises BallotError (nothing is guessed)."""
    given = {i: int(p) for i, p in positions.items() if p}
    seen: dict[int, int] = {}
    for item_id, position in sorted(given.items(), key=lambda kv: kv[1]):
        if position in seen:
            raise voting.BallotError("cards.error.rank_repeated", position=position)
        seen[position] = item_id
    return {"order": [seen[p] for p in sorted(seen)]}


def duplicates(store: Store, workshop_id: int) -> list[dict]:
    """Every card typed more than once: refused repeats and second entries
    (confirmed or not), oldest first, as the minutes list them."""
    out = []
    for event in db.list_events(store, workshop_id):
        if event.kind in ("card_duplicate", "card_match", "card_mismatch"):
            d = event.detail
            kind = {"card_duplicate": "refused", "card_match": "match", "card_mismatch": "mismatch"}[event.kind]
            out.append(
                {
                    "card": pretty(str(d.get("card", ""))),
                    "round_id": d.get("round_id"),
                    "kind": kind,
                    "helper": d.get("helper", ""),
                    "first_helper": d.get("first_helper", ""),
                    "at": event.created_at,
                }
            )
    return out


# --- the printable cards ------------------------------------------------------------------


def rules_text(rnd: db.Round, lang: str = "it") -> str:
    """The round's rules in plain words, for a card."""
    p = dict(rnd.params or {})
    if rnd.method == "dots":
        return translate("cards.rule.dots", lang, dots=p.get("dots"), max_per_item=p.get("max_per_item"))
    if rnd.method in ("approval", "ranking"):
        cap = p.get("max_approvals" if rnd.method == "approval" else "max_ranked")
        key = f"cards.rule.{rnd.method}" + ("_max" if cap else "")
        return translate(key, lang, max=cap)
    if rnd.method == "budget":
        return translate("cards.rule.budget", lang, budget=p.get("budget"))
    return translate(f"cards.rule.{rnd.method}", lang)


_CSS = """
@page{size:A4;margin:8mm}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;margin:0;color:#000;font-size:10.5pt}
.sheet{display:grid;grid-template-columns:1fr 1fr;gap:6mm;break-after:page;page-break-after:always}
.sheet:last-child{break-after:auto;page-break-after:auto}
.card{border:1.5px dashed #333;padding:4mm;break-inside:avoid;page-break-inside:avoid}
.four .card{height:134mm;overflow:hidden}.two .card{min-height:134mm}.one{grid-template-columns:1fr}
.head{display:flex;justify-content:space-between;align-items:flex-start;gap:3mm}
.code{font-family:"DejaVu Sans Mono",monospace;font-size:17pt;font-weight:bold;letter-spacing:1px}
.qr svg{width:24mm;height:24mm}
h2{font-size:11pt;margin:1mm 0}
.rules{font-size:10pt;margin:2mm 0;border-left:3px solid #b5302b;padding-left:2mm}
table{border-collapse:collapse;width:100%}td{border-bottom:1px solid #999;padding:1.6mm 1mm;vertical-align:middle}
td.box{width:13mm}.box span{display:inline-block;width:10mm;height:8mm;border:1.5px solid #000}
.meta{font-size:8pt;color:#333}
@media screen{body{background:#eee}.sheet{background:#fff;width:210mm;margin:6mm auto;padding:8mm}}
"""


def per_page(n_items: int) -> int:
    """Cards per A4 sheet: 4 (2 × 2) while a card fits half a page (up to 6
    priorities), else 2 side by side, else 1 (more than 16 priorities)."""
    return 4 if n_items <= 6 else 2 if n_items <= 16 else 1


def cards_html(
    workshop: db.Workshop,
    rnd: db.Round,
    items: Sequence[voting.Item],
    cards: Sequence[Card],
    entry_url: str,
    lang: str = "it",
) -> str:
    """The printable document: ``per_page`` cards per A4 sheet, each with its
    code, a QR code of ``entry_url`` + code (the helper's tablet opens the card),
    the priorities with boxes and the rules in plain words. Self-contained:
    inline CSS and SVG, no script, no external asset; typed titles escaped."""
    import segno

    def e(value) -> str:
        return html.escape(str(value), quote=True)

    def tr(key: str, **params) -> str:
        return translate(key, lang, **params)

    rows = "".join(
        f'<tr><td>{k}. {e(item.title)}</td><td class="box">{"<span></span>" * boxes}</td></tr>'
        for k, item in enumerate(items, 1)
        for boxes in [2 if rnd.method == "matrix" else 1]
    )
    rules = e(rules_text(rnd, lang))
    blocks = []
    for card in cards:
        qr = segno.make(f"{entry_url}{card.code}", error="m").svg_inline(scale=3, border=1, omitsize=True)
        twice = f'<p class="meta">{e(tr("cards.print.twice"))}</p>' if card.double_entry else ""
        blocks.append(
            f'<section class="card" data-code="{e(card.code)}">'
            f'<div class="head"><div><div class="meta">{e(tr("cards.print.code"))}</div>'
            f'<div class="code">{e(pretty(card.code))}</div>'
            f'<h2>{e(workshop.title)}</h2><div class="meta">{e(tr("cards.print.round", position=rnd.position))}</div>'
            f'</div><div class="qr">{qr}</div></div>'
            f'<p class="rules">{rules}</p><table>{rows}</table>'
            f'<p class="meta">{e(tr("cards.print.keep"))}</p>{twice}</section>'
        )
    n = per_page(len(items))
    kind = {4: "four", 2: "two", 1: "one"}[n]
    sheets = "".join(f'<div class="sheet {kind}">{"".join(blocks[k : k + n])}</div>' for k in range(0, len(blocks), n))
    title = e(tr("cards.print.title", title=workshop.title))
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_CSS}</style></head><body>{sheets}</body></html>\n"
    )


def cards_document(store: Store, actor: w.Actor, round_id: int, entry_url: str, lang: str = "it") -> bytes:
    """Every card of the round as one printable HTML file (facilitator only)."""
    w.require_facilitator(actor)
    rnd = db.get_round(store, round_id)
    workshop = db.get_workshop(store, rnd.workshop_id)
    items = w.items_of(store, workshop.id, rnd.params)
    found = db_cards.list_cards(store, workshop.id, round_id)
    return cards_html(workshop, rnd, items, found, entry_url, lang).encode("utf-8")

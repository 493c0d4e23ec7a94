"""The UI side of ``cantiere.ratelimit``: who the client is, and one call per
action (issue 17).

Every participant action (Entra, a vote, a pin, «Anch'io», a comment, a
proposal) calls :func:`allow` first, inside the ``try`` that already turns a
CantiereError into its message, so a refusal reads «Stai andando troppo
veloce…» like any other error. Secrets (the facilitator password, join codes)
go through :func:`secret_allowed`/:func:`secret_failed`/:func:`secret_ok`:
a failure is logged with the count of failures only, never the typed text
nor the address.
"""

from __future__ import annotations

import logging

import streamlit as st

from cantiere import ratelimit

log = logging.getLogger("cantiere.security")


def client_address() -> str | None:
    """The address of this browser as the web server saw it (uvicorn takes it
    from X-Forwarded-For only behind the local proxy); None on this machine."""
    try:
        address = st.context.ip_address
    except Exception:  # no client context (a bare script run)
        return None
    return address if isinstance(address, str) and address else None  # AppTest: a mock


def allow(action: str, token: str | None = None) -> None:
    """Count ``action`` for participant ``token`` and this client, or raise
    ratelimit.RateLimitedError (nothing counted)."""
    ratelimit.check(action, participant=token, client=client_address())


def secret_allowed(secret: str) -> None:
    """Raise ratelimit.ThrottledError while this client must wait before trying ``secret``."""
    ratelimit.check_secret(secret, client_address())


def secret_failed(secret: str) -> None:
    """A wrong ``secret`` ("password", "code") from this client: counted and logged (no text, no address)."""
    failures = ratelimit.failed(secret, client_address())
    log.warning("wrong %s: %d failures from one client in %d minutes", secret, failures, ratelimit.FAILURE_WINDOW // 60)


def secret_ok(secret: str) -> None:
    """The right ``secret``: this client's failures are forgotten."""
    ratelimit.succeeded(secret, client_address())


def find_workshop(store, code: str):
    """``workshop.find_workshop`` for a code typed or put in the URL (a rotating
    key typed after it is ignored here): a wrong code counts as a guess of this
    client, and guessing slows down."""
    from cantiere import entry
    from cantiere import workshop as w
    from cantiere.workshop_errors import WrongCodeError

    secret_allowed("code")
    try:
        return w.find_workshop(store, entry.split_typed(code)[0])
    except WrongCodeError:
        secret_failed("code")
        raise


def join(store, code: str, key: str | None = None, found=None):
    """Entra: the code checked as a guess (:func:`find_workshop`, unless this run
    ``found`` the workshop already), the rotating key when the workshop asks for
    one (typed after the code, or ``key`` from the link), then one join of this
    client counted, then ``workshop.join``."""
    from cantiere import entry
    from cantiere import workshop as w
    from cantiere.ui import entry_view

    workshop = found if found is not None else find_workshop(store, code)
    try:
        entry.check_entry(store, entry_view.secret(), workshop, key or entry.split_typed(code)[1])
    except entry.EntryKeyError:
        secret_failed("code")
        raise
    allow("join")
    return w.join_workshop(store, workshop)


def allow_support(token: str, proposal_id: int) -> None:
    """«Anch'io»: per participant and client, and at most a few times per
    proposal from one client whoever the participant is (new participants
    must not multiply one person's support)."""
    allow("support", token)
    ratelimit.check("support_one", client=f"{client_address() or ''}#{proposal_id}" if client_address() else None)

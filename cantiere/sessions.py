"""Signed, expiring facilitator sessions: what keeps a facilitator logged in
across a reload for a working day, without the password in the URL or in the
browser.

A session is a token ``v1.<expires>.<nonce>.<signature>``: the signature is an
HMAC-SHA256 over the expiry and the nonce, keyed with the server secret (random,
kept in the database, the same for every process) and the admin password, so
that changing ``CANTIERE_ADMIN_PASSWORD`` ends every session. The browser keeps
it in an HttpOnly cookie (``cantiere/ui/live_routes.py``); nothing else about
the facilitator is stored anywhere. Pure functions: no Streamlit, no database.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

SESSION_HOURS = 12  # a working day, with margin
VERSION = "v1"
_PURPOSE = b"cantiere.facilitatore"


def _key(secret: str, password: str) -> bytes:
    return hmac.new(secret.encode("utf-8"), _PURPOSE + b"\0" + password.encode("utf-8"), hashlib.sha256).digest()


def _sign(key: bytes, expires: int, nonce: str) -> str:
    return hmac.new(key, f"{VERSION}.{expires}.{nonce}".encode("ascii"), hashlib.sha256).hexdigest()


def issue(secret: str, password: str, now: float | None = None, hours: float = SESSION_HOURS) -> str:
    """A new session token, valid for ``hours`` from ``now`` (default: the clock)."""
    if not secret or not password:
        raise ValueError("a session needs the server secret and a configured password")
    expires = int((time.time() if now is None else now) + hours * 3600)
    nonce = secrets.token_urlsafe(12)
    return f"{VERSION}.{expires}.{nonce}.{_sign(_key(secret, password), expires, nonce)}"


def expires_at(token: str) -> int | None:
    """The expiry (Unix seconds) written in a well-formed token, else None (not verified)."""
    parts = str(token or "").split(".")
    if len(parts) != 4 or parts[0] != VERSION or not parts[1].isdigit():
        return None
    return int(parts[1])


def valid(token: str, secret: str, password: str, now: float | None = None) -> bool:
    """True when ``token`` was issued with this secret and password and has not expired.
    Any malformed, forged, expired or foreign token is simply False."""
    if not token or not secret or not password or len(token) > 200:
        return False
    expires = expires_at(token)
    if expires is None or expires <= (time.time() if now is None else now):
        return False
    _, _, nonce, signature = token.split(".")
    expected = _sign(_key(secret, password), expires, nonce)
    return hmac.compare_digest(signature.encode("ascii", "replace"), expected.encode("ascii"))

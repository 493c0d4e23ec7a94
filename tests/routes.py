"""Calling the app's own HTTP routes (``cantiere/ui/live_routes.py``) as the
server would, without a network; and the phone's «Invia il voto» on a screen
the browser draws, which posts to one of them (issue 16)."""

from __future__ import annotations

import asyncio
import json
import threading


def run_async(coroutine):
    """``asyncio.run`` in a thread of its own: the browser tests' Playwright keeps an
    event loop running in the main thread for the whole session."""
    result: dict = {}

    def target():
        try:
            result["value"] = asyncio.run(coroutine)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            result["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


def call(handler, path, query="", method="GET", body=b"", headers=(), client=None):
    """Call a Starlette endpoint as the server would, without a network."""
    from starlette.requests import Request

    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "query_string": query.encode(),
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
        "path_params": {"code": path.rsplit("/", 1)[-1]},
        "scheme": "http",
        "server": ("127.0.0.1", 80),
        "client": (client, 50000) if client else None,
    }

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def run():
        return await handler(Request(scope, receive))

    return run_async(run())


def vote_screen(at, round_id: int) -> dict:
    """The data of the vote screen the page hands the browser (the component
    keyed ``partecipa.vote.<round>``): ``{"screen", "values", "large", "post"}``."""
    key = f"partecipa.vote.{round_id}"
    found = [e.proto for e in at.get("bidi_component") if e.proto.id.endswith(key)]
    assert found, f"no vote screen for round {round_id}"
    return json.loads(found[0].json)["vote"]


def post_ballot(token: str, round_id: int, ballot: dict, lang: str = "it", client: str | None = None):
    """``POST /api/voto`` as the page's script sends it: (HTTP status, answer)."""
    from cantiere.ui import live_routes

    body = json.dumps({"p": token, "round": round_id, "ballot": ballot, "lang": lang}).encode()
    response = call(
        live_routes.cast_vote, "/api/voto", method="POST", body=body, headers=[("X-Cantiere", "1")], client=client
    )
    return response.status_code, json.loads(response.body)


def send_vote(at, round_id: int, dots: dict) -> tuple[int, str]:
    """A thumb on the phone ``at``: ``dots`` ({priority id: n}) on its vote screen,
    then «Invia il voto». (HTTP status, the sentence the screen shows)."""
    screen = vote_screen(at, round_id)
    status, answer = post_ballot(screen["post"]["token"], round_id, {"dots": dots}, screen["screen"]["lang"])
    return status, answer.get("ok") or answer.get("error", "")

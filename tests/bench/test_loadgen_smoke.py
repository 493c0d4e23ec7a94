"""The load generator against the minimal app, started with ``streamlit run``.

These tests assert what the database holds and what the phones saw (errors),
never how fast it was: timing belongs in bench/README.md, not in a test.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from bench import cli as cli_bench
from bench import loadgen

pytestmark = pytest.mark.slow


def stored_participants(workdir) -> set[str]:
    with sqlite3.connect(workdir / "ballots.db") as conn:
        return {row[0] for row in conn.execute("SELECT participant FROM ballots")}


def test_twenty_phones_burst_vote_every_ballot_stored(tmp_path):
    scenario = loadgen.Scenario(kind="burst", phones=20, ramp=2.0, burst=3.0, observer=True, timeout=60)

    report = loadgen.run_target(loadgen.minimal_target(), scenario, workdir=tmp_path)

    assert report.errors == {}
    assert report.phones_joined == 20
    assert report.taps_sent == 20
    assert report.ballots_sent == 20
    assert report.ballots_stored == 20
    assert report.lost_ballots == 0
    # Checked in the database itself, not only through the report.
    participants = stored_participants(tmp_path)
    assert len(participants) == 20
    assert all(p.startswith("bench") for p in participants)
    assert report.vote["n"] == 20 and report.join["n"] == 20


def test_lost_ballots_are_reported(tmp_path):
    # The same app with nowhere to store ballots: every tap is confirmed on screen
    # but none reaches a database, and the report must say so.
    target = replace(loadgen.minimal_target(), env=lambda workdir: {})
    scenario = loadgen.Scenario(kind="burst", phones=3, ramp=0.5, burst=0.5, observer=False, timeout=30)

    report = loadgen.run_target(target, scenario, workdir=tmp_path)

    assert report.ballots_sent == 3
    assert report.ballots_stored == 0
    assert report.lost_ballots == 3


def test_a_confirmation_that_never_comes_is_an_error(tmp_path):
    target = replace(loadgen.minimal_target(), vote_steps=loadgen.parse_steps("press:vota; text:Testo che non arriva"))
    scenario = loadgen.Scenario(kind="burst", phones=3, ramp=0.5, burst=0.5, observer=False, timeout=2)

    report = loadgen.run_target(target, scenario, workdir=tmp_path)

    assert report.error_count == 3
    assert all("Testo che non arriva" in what for what in report.errors)
    # The taps themselves did reach the database.
    assert report.ballots_stored == 3


def test_cli_writes_the_report_as_json(tmp_path):
    out = tmp_path / "bench.json"

    code = cli_bench.main(["--phones", "3", "--ramp", "0.5", "--burst", "0.5", "--no-observer", "--json", str(out)])

    assert code == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    (report,) = payload["reports"]
    assert report["target"] == "minimal"
    assert report["ballots_sent"] == report["ballots_stored"] == 3
    assert report["error_count"] == 0


def test_cli_rejects_bad_parameters_in_italian(capsys):
    code = cli_bench.main(["--scenario", "maratona"])

    assert code == 2
    assert "Parametri del benchmark non validi" in capsys.readouterr().err


def test_cli_refuses_hosts_other_than_localhost(capsys):
    code = cli_bench.main(["--url", "http://example.org:8080"])

    assert code == 2
    assert "127.0.0.1" in capsys.readouterr().err


def test_compare_runs_the_minimal_app_too_and_gives_ratios():
    # Any target other than "minimal" is compared with the minimal app; here the
    # minimal app under another name stands in for ours.
    ours = replace(loadgen.minimal_target(), name="nostra")
    scenario = loadgen.Scenario(kind="burst", phones=3, ramp=0.5, burst=0.5, observer=False, timeout=30)

    main, floor, ratios = loadgen.compare(ours, scenario)

    assert (main.target, floor.target) == ("nostra", "minimal")
    assert main.ballots_stored == floor.ballots_stored == 3
    assert set(ratios) == {"cpu_per_tap", "cpu_per_join", "vote_p95", "join_p95", "idle_cpu", "follow_p95"}
    assert ratios["idle_cpu"] is None and ratios["follow_p95"] is None  # not an idle run
    assert ratios["vote_p95"] is not None and ratios["vote_p95"] > 0


def test_a_phone_keeps_the_token_the_app_writes_into_its_url(tmp_path):
    # The app gives a phone without ?p= a token through st.query_params; like a
    # browser, the client must send it back on every later rerun, so the ballot
    # is stored under that token.
    import asyncio

    from bench.protocol import Phone

    target = loadgen.minimal_target()

    async def vote(url: str) -> str:
        async with Phone(url, query="", timeout=30) as phone:
            await phone.open()
            token = phone.query.removeprefix("p=")
            mark = phone.mark()
            await phone.press("vota")
            await phone.wait_for_text("Voto registrato", since=mark)
            assert phone.exceptions == []
            return token

    with loadgen.Server(target.script, target.env(tmp_path), tmp_path) as server:
        token = loadgen.run_async(vote(server.url))

    assert len(token) >= 12
    assert stored_participants(tmp_path) == {token}


def test_set_values_then_press_stores_what_the_phone_chose(tmp_path):
    # Number inputs, a checkbox and a selectbox inside a fragment, set as a user
    # would (each change reruns the fragment), then the vote: the database must
    # hold exactly those values, sent through a CLI-style step script.
    from pathlib import Path

    target = replace(
        loadgen.minimal_target(),
        name="widgets",
        script=Path(__file__).with_name("widgets_app.py"),
        vote_steps=loadgen.parse_steps(
            "set:punti_a=3; set:punti_b=1; set:anonimo=true; set:comune=2; press:vota; text:Voto registrato"
        ),
    )
    scenario = loadgen.Scenario(kind="burst", phones=2, ramp=0.5, burst=0.5, observer=False, timeout=30)

    report = loadgen.run_target(target, scenario, workdir=tmp_path)

    assert report.errors == {}
    with sqlite3.connect(tmp_path / "ballots.db") as conn:
        payloads = [json.loads(row[0]) for row in conn.execute("SELECT payload FROM ballots")]
    assert payloads == [{"dots": {"a": 3, "b": 1}, "anonimo": True, "comune": "Lugo"}] * 2


def test_an_exception_in_the_app_is_an_error(tmp_path):
    # client.showErrorDetails = "none" hides the text from phones, but the
    # exception element still arrives and is counted.
    from pathlib import Path

    target = replace(
        loadgen.minimal_target(),
        name="failing",
        script=Path(__file__).with_name("failing_app.py"),
        vote_steps=loadgen.parse_steps("press:vota"),
        count_ballots=lambda workdir: None,
    )
    scenario = loadgen.Scenario(kind="burst", phones=2, ramp=0.5, burst=0.5, observer=False, timeout=30)

    report = loadgen.run_target(target, scenario, workdir=tmp_path)

    assert report.taps_sent == 2
    assert report.error_count == 2
    assert all(what.startswith("app: ") for what in report.errors)


def test_idle_phones_hold_the_long_poll_and_follow_the_minimal_room(tmp_path):
    """The idle scenario (issue 13) against the minimal app served with its
    room route: every phone follows the room's move, none errs."""
    scenario = loadgen.Scenario(kind="idle", phones=5, ramp=0.5, duration=1.0, timeout=60)

    report = loadgen.run_target(loadgen.minimal_target(), scenario, workdir=tmp_path)

    assert report.errors == {}
    assert report.phones_joined == 5
    assert report.follow["n"] == 5  # every phone saw "Fase 1" after the move
    assert report.idle_cpu_pct is not None and report.idle_s >= 1.0
    assert report.projector == {"n": 0, "p50_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None}
    with sqlite3.connect(tmp_path / "ballots.db") as conn:
        assert conn.execute("SELECT version FROM room").fetchone() == (1,)

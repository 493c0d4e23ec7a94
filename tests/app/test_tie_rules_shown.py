"""The tie rule of each method is shown where its result is: under the chart
on the projector and on Risultati; the projector names its score column after
the method (registry, not a dots special case)."""

from __future__ import annotations

import pytest
import streamlit as st

from cantiere import results
from cantiere import workshop as w
from tests.app.test_methods_flow import BALLOTS, closed_workshop, method_workshop
from tests.app.test_workshop_flow import env, page, texts  # noqa: F401  (env: fixture)


@pytest.mark.parametrize("method", ["dots", "budget"])
def test_risultati_shows_the_tie_rule_under_the_result(env, method):
    if method not in BALLOTS:
        pytest.skip(f"no ballots for {method} in test_methods_flow")
    closed_workshop(env, method)
    at = page("risultati")
    assert results.tie_rule(method, "it") in texts(at, "caption")


@pytest.mark.parametrize(
    "method, params, ballot, column",
    [
        ("dots", {"dots": 3, "max_per_item": 2}, lambda ids: {"dots": {str(ids[0]): 2}}, "Punti"),
        ("budget", {"budget": 100_000}, lambda ids: {"approved": [ids[0]]}, "Voti"),
        ("approval", {}, lambda ids: {"approved": [ids[1]]}, "Partecipanti che approvano"),
        ("ranking", {}, lambda ids: {"order": [ids[1]]}, "Punti Borda"),
    ],
)
def test_projector_shows_the_tie_rule_and_the_method_s_score(env, method, params, ballot, column):
    ws, rnd, items = method_workshop(env, method, params)
    for _ in range(5):
        _, who = w.join(env, ws.code)
        w.cast_ballot(env, who, rnd.id, ballot([i.id for i in items]))
    st.cache_data.clear()
    projector = page("proiezione", code=ws.code)
    assert results.tie_rule(method, "it") in texts(projector, "caption")
    assert list(projector.dataframe[0].value.columns) == ["Priorità", column]

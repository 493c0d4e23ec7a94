"""The widget keys of every method's phone screen, in one place: tests and the
load generator (bench/) press widgets by key. The screens themselves live in
``cantiere/ui/methods/<name>.py``, registered in ``cantiere.ui.methods``;
the Partecipa page draws the round's one with ``methods.vote_panel``."""

from __future__ import annotations

from cantiere.ui.methods import vote_panel
from cantiere.ui.methods.approval import approval_key
from cantiere.ui.methods.budget import budget_key
from cantiere.ui.methods.common import round_context, submit_button, submit_key
from cantiere.ui.methods.dots import dots_key
from cantiere.ui.methods.matrix import matrix_key
from cantiere.ui.methods.pairwise import pair_key
from cantiere.ui.methods.ranking import (
    rank_add_key,
    rank_down_key,
    rank_remove_key,
    rank_up_key,
    ranking_state_key,
)

__all__ = [
    "approval_key",
    "budget_key",
    "dots_key",
    "matrix_key",
    "pair_key",
    "rank_add_key",
    "rank_down_key",
    "rank_remove_key",
    "rank_up_key",
    "ranking_state_key",
    "round_context",
    "submit_button",
    "submit_key",
    "vote_panel",
]

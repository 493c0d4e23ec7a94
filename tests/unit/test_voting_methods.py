"""Ballot rules, round parameters, degenerate rounds and explanations, per method."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from cantiere.errors import UnknownNameError
from cantiere.i18n import LANGUAGES, placeholders, strings
from cantiere.voting import (
    METHODS,
    BallotError,
    Item,
    RoundParamsError,
    explain,
    method,
    next_pair,
    quadrant,
    tally,
)

ITEMS = [
    Item(1, "Assistenza domiciliare", 40_000),
    Item(2, "Nido d'infanzia", 60_000),
    Item(3, "Centro diurno anziani", 30_000),
]
PARAMS = {
    "dots": {"dots": 5, "max_per_item": 2},
    "approval": {"max_approvals": 2},
    "ranking": {},
    "budget": {"budget": 100_000},
    "pairwise": {},
    "matrix": {},
}
GOOD = {
    "dots": {"dots": {"1": 2, "3": 1}},
    "approval": {"approved": [3, 1]},
    "ranking": {"order": [2, 1]},
    "budget": {"approved": ["1", "2"]},
    "pairwise": {"comparisons": [[1, 2], ["2", "3", "skip"]]},
    "matrix": {"ratings": {"1": {"importance": 5, "feasibility": 2}}},
}


def validate(name, ballot, items=ITEMS, params=None):
    return method(name).validate(ballot, items, PARAMS[name] if params is None else params)


def test_registry_has_every_method_and_rejects_unknown_names():
    assert set(METHODS) == {"dots", "approval", "ranking", "budget", "pairwise", "matrix"}
    with pytest.raises(UnknownNameError) as err:
        method("borda")
    assert "borda" in err.value.message() and "ranking" in err.value.message()


@pytest.mark.parametrize("name", list(GOOD))
def test_good_ballots_are_normalised(name):
    clean = validate(name, GOOD[name])
    assert clean == validate(name, clean)  # normalising twice changes nothing
    expected = {
        "dots": {"dots": {"1": 2, "3": 1}},
        "approval": {"approved": [1, 3]},
        "ranking": {"order": [2, 1]},
        "budget": {"approved": [1, 2]},
        "pairwise": {"comparisons": [[1, 2], [2, 3, "skip"]]},
        "matrix": {"ratings": {"1": {"importance": 5, "feasibility": 2}}},
    }[name]
    assert clean == expected


@pytest.mark.parametrize(
    "name, ballot, key, italian",
    [
        (
            "approval",
            {"approved": [1, 1]},
            "vote.error.duplicate_item",
            "Hai indicato «Assistenza domiciliare» più di una volta",
        ),
        (
            "approval",
            {"approved": [1, 2, 3]},
            "vote.error.too_many_approvals",
            "Hai scelto 3 priorità ma se ne possono scegliere al massimo 2",
        ),
        ("approval", {"approved": []}, "vote.error.empty", "La scheda è vuota"),
        ("approval", {"approved": [9]}, "vote.error.unknown_item", "La priorità «9» non fa parte di questa votazione"),
        ("approval", {"approvati": [1]}, "vote.error.shape", "non è nel formato atteso"),
        (
            "ranking",
            {"order": [2, 1, 2]},
            "vote.error.duplicate_rank",
            "«Nido d'infanzia» compare due volte nella tua classifica",
        ),
        ("ranking", {"order": [2, "x"]}, "vote.error.unknown_item", "La priorità «x» non fa parte"),
        ("ranking", {"order": [True]}, "vote.error.unknown_item", "non fa parte"),
        ("ranking", {"order": "21"}, "vote.error.shape", "formato atteso"),
        (
            "budget",
            {"approved": [1, 2, 3]},
            "vote.error.over_budget",
            "I progetti scelti costano 130.000 €, oltre il budget di 100.000 € di 30.000 €",
        ),
        ("budget", {"approved": [3, 3]}, "vote.error.duplicate_item", "«Centro diurno anziani» più di una volta"),
        ("pairwise", {"comparisons": [[1, 1]]}, "vote.error.same_item", "due priorità diverse"),
        ("pairwise", {"comparisons": [[1, 2, "forse"]]}, "vote.error.comparison_shape", "non è valida"),
        ("pairwise", {"comparisons": [[1, 7]]}, "vote.error.unknown_item", "«7» non fa parte"),
        ("pairwise", {"comparisons": []}, "vote.error.empty", "La scheda è vuota"),
        (
            "matrix",
            {"ratings": {"1": {"importance": 7, "feasibility": 2}}},
            "vote.error.rating_range_importance",
            "L'importanza di «Assistenza domiciliare» è 7: usa un numero intero da 1 a 5",
        ),
        (
            "matrix",
            {"ratings": {"2": {"importance": 3, "feasibility": 0}}},
            "vote.error.rating_range_feasibility",
            "La fattibilità di «Nido d'infanzia» è 0",
        ),
        (
            "matrix",
            {"ratings": {"2": {"importance": 3.5, "feasibility": 3}}},
            "vote.error.rating_range_importance",
            "usa un numero intero da 1 a 5",
        ),
        (
            "matrix",
            {"ratings": {"2": {"importance": 3}}},
            "vote.error.rating_axes",
            "Per «Nido d'infanzia» servono due voti",
        ),
        (
            "matrix",
            {"ratings": {"1": {"importance": 3, "feasibility": 3}, 1: {"importance": 2, "feasibility": 2}}},
            "vote.error.duplicate_item",
            "più di una volta",
        ),
        ("matrix", {"ratings": {}}, "vote.error.empty", "La scheda è vuota"),
        ("dots", {"dots": {"1": 3}}, "vote.error.dots_per_item", "al massimo 2 punti"),
    ],
)
def test_bad_ballots_say_what_to_fix(name, ballot, key, italian):
    with pytest.raises(BallotError) as err:
        validate(name, ballot)
    assert err.value.key == key
    assert italian in err.value.message("it")
    assert not err.value.message("en").startswith("vote.")


@pytest.mark.parametrize(
    "name, items, params, key",
    [
        ("approval", ITEMS, {"max_approvals": 0}, "vote.error.params_positive"),
        ("approval", ITEMS, {"max_approvals": "due"}, "vote.error.params_not_int"),
        ("approval", ITEMS, {"max_approvals": 1.5}, "vote.error.params_not_int"),
        ("ranking", ITEMS, {"max_ranked": -1}, "vote.error.params_positive"),
        ("budget", ITEMS, {}, "vote.error.budget_missing"),
        ("budget", ITEMS, {"budget": 0}, "vote.error.budget_missing"),
        ("budget", ITEMS, {"budget": "tanti"}, "vote.error.budget_missing"),
        ("budget", ITEMS, {"budget": 50_000}, "vote.error.cost_over_budget"),
        ("budget", [Item(1, "Senza costo")], {"budget": 10}, "vote.error.item_without_cost"),
        ("budget", [Item(1, "Gratis", 0)], {"budget": 10}, "vote.error.item_without_cost"),
        ("dots", ITEMS, {"dots": 2, "max_per_item": 3}, "vote.error.max_over_dots"),
    ],
)
def test_bad_round_params_are_rejected(name, items, params, key):
    with pytest.raises(RoundParamsError) as err:
        method(name).check_params(params, items)
    assert err.value.key == key
    assert not err.value.message("it").startswith("vote.")


def test_cost_over_budget_names_the_project():
    with pytest.raises(RoundParamsError) as err:
        method("budget").check_params({"budget": 50_000}, ITEMS)
    assert (
        err.value.message()
        == "Il progetto «Nido d'infanzia» costa 60.000, più dell'intero budget (50.000): riduci il costo o alza il budget."
    )


def test_a_ballot_exactly_on_budget_is_accepted():
    items = [Item(1, "a", 0.1), Item(2, "b", 0.2)]
    assert validate("budget", {"approved": [1, 2]}, items, {"budget": 0.3}) == {"approved": [1, 2]}


# --- degenerate rounds: said plainly, no invented winner ---------------------------


@pytest.mark.parametrize("name", list(METHODS))
def test_no_ballots_means_no_result(name):
    result = tally(name, [], ITEMS, PARAMS[name])
    assert result.ranking == () and result.winners == ()
    assert explain(result) == ["Nessuna scheda ancora: non c'è un risultato."]


@pytest.mark.parametrize("name", list(METHODS))
def test_one_ballot_is_flagged(name):
    ballot = validate(name, GOOD[name])
    result = tally(name, [ballot], ITEMS, PARAMS[name])
    assert result.n_ballots == 1
    assert "C'è una sola scheda: è l'opinione di una persona, non ancora del gruppo." in explain(result)


@pytest.mark.parametrize("name", list(METHODS))
def test_two_ballots_are_flagged(name):
    ballot = validate(name, GOOD[name])
    result = tally(name, [ballot, ballot], ITEMS, PARAMS[name])
    assert any(line.startswith("Ci sono solo due schede") for line in explain(result))


@pytest.mark.parametrize("name", list(METHODS))
def test_no_items_says_so(name):
    result = tally(name, [], [], {} if name != "budget" else {"budget": 10})
    assert result.ranking == ()
    assert explain(result) == ["Questa votazione non ha priorità: non c'è nulla da contare."]


SINGLE = {
    "dots": {"dots": {"1": 1}},
    "approval": {"approved": [1]},
    "ranking": {"order": [1]},
    "budget": {"approved": [1]},
    "pairwise": None,  # no pair to compare with a single item
    "matrix": {"ratings": {"1": {"importance": 4, "feasibility": 4}}},
}


@pytest.mark.parametrize("name", list(METHODS))
def test_single_item_is_said_plainly(name):
    items = ITEMS[:1]
    ballots = [SINGLE[name]] * 4 if SINGLE[name] else []
    if name == "pairwise":
        assert next_pair(items, [], random.Random(1)) is None
        ballots = [{"comparisons": []}] * 4
    result = tally(name, ballots, items, PARAMS[name])
    text = explain(result)
    assert "C'è una sola priorità («Assistenza domiciliare»): la votazione non può sceglierne una tra più." in text
    assert not any(line.startswith("Al primo posto") for line in text)


ALL_TIED = {
    "dots": [{"dots": {"1": 1, "2": 1, "3": 1}}] * 3,
    "approval": [{"approved": [1]}, {"approved": [2]}, {"approved": [3]}],
    "ranking": [{"order": [1, 2, 3]}, {"order": [2, 3, 1]}, {"order": [3, 1, 2]}],
    "budget": [{"approved": [1]}, {"approved": [2]}, {"approved": [3]}],
    "pairwise": [{"comparisons": [[1, 2]]}, {"comparisons": [[2, 3]]}, {"comparisons": [[3, 1]]}],
    "matrix": [{"ratings": {str(i): {"importance": 3, "feasibility": 4} for i in (1, 2, 3)}}] * 3,
}


@pytest.mark.parametrize("name", list(METHODS))
def test_all_ties_are_reported_as_ties(name):
    result = tally(name, ALL_TIED[name], ITEMS, PARAMS[name])
    assert result.ranking == ((1, 2, 3),)
    assert result.winners == (1, 2, 3)
    text = explain(result)
    assert "Tutte le 3 priorità sono in parità: nessuna prevale." in text
    assert not any(line.startswith("Al primo posto") for line in text)


def test_ranking_cycle_is_a_tie_for_schulze_too():
    result = tally("ranking", ALL_TIED["ranking"], ITEMS, {})
    assert result.extra["schulze"]["ranking"] == ((1, 2, 3),)
    assert result.extra["condorcet_winner"] is None
    assert (
        "Metodo Schulze: parità al primo posto tra «Assistenza domiciliare», «Nido d'infanzia», «Centro diurno anziani»."
        in explain(result)
    )


def test_tie_for_first_names_the_tied_items():
    ballots = [{"approved": [1, 2]}, {"approved": [1, 2]}, {"approved": [3]}]
    result = tally("approval", ballots, ITEMS, {})
    assert result.ranking == ((1, 2), (3,))
    assert "Parità al primo posto tra 2 priorità: «Assistenza domiciliare», «Nido d'infanzia»." in explain(result)


def test_only_skipped_comparisons_give_no_result():
    ballots = [{"comparisons": [[1, 2, "skip"]]}] * 3
    result = tally("pairwise", ballots, ITEMS, {})
    assert result.ranking == ()
    assert "Nessun confronto deciso (solo «non so»): non c'è un risultato." in explain(result)


# --- ordinary results ----------------------------------------------------------------


def test_approval_counts_and_shares():
    ballots = [{"approved": [1, 2]}, {"approved": [1]}, {"approved": [1, 3]}, {"approved": [2]}]
    result = tally("approval", ballots, ITEMS, {})
    assert result.scores == {1: 3, 2: 2, 3: 1}
    assert result.ranking == ((1,), (2,), (3,))
    assert result.extra["share"][1] == 75.0
    assert "Al primo posto «Assistenza domiciliare», approvata da 3 partecipanti (75%)." in explain(result)
    assert "First: «Assistenza domiciliare», approved by 3 participants (75%)." in explain(result, "en")


def test_borda_gives_unranked_items_the_leftover_points_equally():
    # 4 items: a ballot ranking only item 1 gives it 3 points, the other three share 0+1+2 = 3
    items = ITEMS + [Item(4, "Sportello sociale", 10_000)]
    result = tally("ranking", [{"order": [1]}], items, {})
    assert result.scores == {1: 3.0, 2: 1.0, 3: 1.0, 4: 1.0}
    assert result.ranking == ((1,), (2, 3, 4))


def test_borda_and_schulze_can_disagree_and_the_explanation_says_so():
    # 3 ballots A>B>C, 2 ballots B>C>A: Borda B (7) over A (6); B is also the
    # Condorcet winner? No: A beats B 3-2, so A is Condorcet and Schulze winner.
    a, b, c = 1, 2, 3
    ballots = [{"order": [a, b, c]}] * 3 + [{"order": [b, c, a]}] * 2
    result = tally("ranking", ballots, ITEMS, {})
    assert result.scores == {a: 6, b: 7, c: 2}
    assert result.winners == (b,)
    assert result.extra["schulze"]["winners"] == (a,)
    assert result.extra["condorcet_winner"] == a
    text = explain(result)
    assert "Borda e Schulze non indicano la stessa prima scelta: vale la pena discuterne insieme." in text
    assert "«Assistenza domiciliare» batte ogni altra priorità nel confronto diretto (vincitore di Condorcet)." in text


def test_budget_result_reports_money_per_item_and_never_overspends():
    # 3 voters (60.000 € of shares) want 1 and 3 (70.000 €), 2 voters (40.000 €)
    # want 2 (60.000 €): the completion raises the shares until 1 and 3 are
    # bought; one step more would buy 2 too and overspend, so it stops there.
    ballots = [{"approved": [1, 3]}] * 3 + [{"approved": [2]}] * 2
    result = tally("budget", ballots, ITEMS, {"budget": 100_000})
    assert result.extra["greedy"]["funded"] == {1: 40_000, 3: 30_000}
    assert result.extra["equal_shares"]["funded"] == {1: 40_000, 3: 30_000}
    assert result.extra["equal_shares"]["order"] == [3, 1]
    assert result.extra["equal_shares"]["share_per_voter"] > 20_000
    assert "I due metodi finanziano gli stessi progetti." in explain(result)
    for outcome in ("greedy", "equal_shares"):
        assert result.extra[outcome]["spent"] <= 100_000
    text = explain(result)
    assert any(
        line.startswith(
            "Quote uguali (Equal Shares): il budget è diviso in parti uguali tra i partecipanti (20.000 € a testa)"
        )
        for line in text
    )


def test_pairwise_scores_and_share_won():
    ballots = [
        {"comparisons": [[1, 2], [1, 3], [2, 3]]},
        {"comparisons": [[1, 2], [3, 2], [2, 1, "skip"]]},
        {"comparisons": [[1, 3]]},
    ]
    result = tally("pairwise", ballots, ITEMS, {})
    assert result.ranking[0] == (1,)
    assert result.extra["won"] == {1: 4, 2: 1, 3: 1}
    assert result.extra["share_won"][1] == 100.0
    assert result.extra["share_won"][2] == 25.0
    assert result.extra["skipped"] == {1: 1, 2: 1, 3: 0}
    assert all(0 < score < 100 for score in result.scores.values())
    assert "Partecipanti: 3; confronti decisi: 6; risposte «non so»: 1." in explain(result)[0]


def test_matrix_mean_spread_and_quadrant():
    ballots = [
        {"ratings": {"1": {"importance": 5, "feasibility": 2}, "2": {"importance": 2, "feasibility": 5}}},
        {"ratings": {"1": {"importance": 3, "feasibility": 2}, "2": {"importance": 1, "feasibility": 4}}},
        {"ratings": {"1": {"importance": 4, "feasibility": 2}}},
    ]
    result = tally("matrix", ballots, ITEMS, {})
    one = result.extra["stats"][1]
    assert (one["n"], one["importance"], one["feasibility"], one["feasibility_sd"]) == (3, 4.0, 2.0, 0.0)
    assert one["importance_sd"] == pytest.approx((2 / 3) ** 0.5)
    assert one["quadrant"] == "challenge"
    assert result.extra["stats"][2]["quadrant"] == "quick_win"
    assert result.extra["stats"][3]["n"] == 0
    text = explain(result)
    assert "Nessuno ha valutato: «Centro diurno anziani»." in text
    assert "Nessuna priorità è, in media, sia importante sia fattibile." in text


@pytest.mark.parametrize(
    "importance, feasibility, expected",
    [(3, 3, "priority"), (5, 1, "challenge"), (2.9, 3, "quick_win"), (1, 2.99, "later")],
)
def test_quadrant_splits_at_the_midpoint(importance, feasibility, expected):
    assert quadrant(importance, feasibility) == expected


# --- next_pair ---------------------------------------------------------------------------


def test_next_pair_avoids_pairs_the_participant_answered():
    rng = random.Random(7)
    mine = [[1, 2], [1, 3, "skip"]]
    for _ in range(20):
        assert set(next_pair(ITEMS, mine, rng)) == {2, 3}


def test_next_pair_prefers_pairs_compared_least():
    everyone = [[1, 2]] * 5 + [[2, 3]] * 5
    for seed in range(10):
        assert set(next_pair(ITEMS, everyone, random.Random(seed), mine=[])) == {1, 3}


def test_next_pair_prefers_close_scores_among_equally_compared_pairs():
    items = ITEMS + [Item(4, "Sportello sociale")]
    # every pair compared twice; 1 and 2 are strong, 3 and 4 weak: the close pairs are {1,2} and {3,4}
    everyone = []
    for a, b in [(1, 3), (1, 4), (2, 3), (2, 4)]:
        everyone += [[a, b], [a, b]]
    everyone += [[1, 2], [2, 1], [3, 4], [4, 3]]
    chosen = {frozenset(next_pair(items, everyone, random.Random(seed), mine=[])) for seed in range(30)}
    assert chosen == {frozenset({1, 2}), frozenset({3, 4})}


def test_next_pair_repeats_only_when_every_pair_was_answered():
    mine = [[1, 2], [1, 3], [3, 2]]
    pair = next_pair(ITEMS, mine, random.Random(3))
    assert pair is not None and pair[0] != pair[1]


def test_next_pair_is_reproducible_with_the_same_seed():
    assert next_pair(ITEMS, [], random.Random(42)) == next_pair(ITEMS, [], random.Random(42))


# --- translations ------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def _keys_in(path: Path) -> set[str]:
    return set(re.findall(r'"(vote\.[a-z_.]+)"', path.read_text(encoding="utf-8")))


def test_every_vote_key_used_exists_in_both_languages_with_matching_placeholders():
    from cantiere import voting

    table = strings()
    used = _keys_in(ROOT / "cantiere" / "charts_voting.py")
    for path in (ROOT / "cantiere" / "voting").glob("*.py"):  # one module per method
        if not path.name.startswith("strings_"):
            used |= _keys_in(path)
    # keys built at run time
    used |= {f"vote.error.rating_range_{axis}" for axis in voting.AXES}
    used |= {f"vote.quadrant.{name}" for name in voting.QUADRANTS}
    for prefix in ("dots", "approval", "ranking", "pairwise"):
        used |= {f"vote.chart.{prefix}.title", f"vote.chart.{prefix}.axis"}
    used |= {f"vote.chart.budget.{name}" for name in ("equal_shares", "greedy")}
    used -= {f"vote.chart.{prefix}" for prefix in ("dots", "approval", "ranking", "pairwise")}  # f-string prefixes
    missing = sorted(k for k in used if k not in table)
    assert not missing
    for key in used:
        texts = table[key]
        assert all(texts.get(lang) for lang in LANGUAGES), key
        assert placeholders(texts["it"]) == placeholders(texts["en"]), key

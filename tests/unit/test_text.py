"""One folding rule for every text match (headers, comuni, service types,
proposal titles)."""

import pytest

from cantiere.text import fold


@pytest.mark.parametrize(
    "typed, folded",
    [
        ("Sant’Agata  sul Santerno", "sant agata sul santerno"),
        ("SANT'AGATA SUL SANTERNO", "sant agata sul santerno"),
        ("Sant`Agata sul Santerno", "sant agata sul santerno"),
        ("posti_autorizzati", "posti autorizzati"),
        ("  Città   più   vicina! ", "citta piu vicina"),
        ("Doposcuola (6-10 anni)", "doposcuola 6 10 anni"),
        ("Straße", "strasse"),
        ("Допомога Літнім", "допомога літнім"),  # any script is kept, lower-cased
        ("!!!", ""),
    ],
)
def test_fold(typed, folded):
    assert fold(typed) == folded


def test_titles_in_other_scripts_are_not_all_duplicates_of_each_other():
    assert fold("Допомога літнім") != fold("مساعدة كبار السن") != ""

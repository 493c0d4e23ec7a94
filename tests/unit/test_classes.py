"""Class breaks, including degenerate data."""

import pytest

from cantiere.classes import classify
from cantiere.errors import ClassificationError, UnknownNameError


@pytest.mark.parametrize("scheme", ["quantili", "intervalli_uguali", "jenks"])
def test_values_fall_in_increasing_classes(scheme):
    values = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
    classes = classify(values, scheme, 5)
    assert classes.k == 5
    indexes = [classes.assign(v) for v in values]
    assert indexes == sorted(indexes)
    assert indexes[0] == 0 and indexes[-1] == 4


def test_all_equal_values_make_one_class():
    classes = classify([7.5, 7.5, 7.5], "quantili", 5)
    assert classes.k == 1
    assert classes.assign(7.5) == 0
    assert len(classes.colors) == 1


def test_fewer_distinct_values_than_classes_gives_one_class_each():
    classes = classify([1, 1, 2, 2, 3], "intervalli_uguali", 5)
    assert classes.k == 3
    assert [classes.assign(v) for v in (1, 2, 3)] == [0, 1, 2]


def test_skewed_data_never_repeats_a_bound():
    classes = classify([1] * 10 + [2, 3, 4, 5], "quantili", 5)
    assert len(set(classes.bounds[1:])) == len(classes.bounds) - 1


def test_missing_values_are_ignored_and_coloured_grey():
    classes = classify([None, float("nan"), 1, 2], "quantili", 2)
    assert classes.assign(None) is None
    assert classes.color(float("nan")) == "#d9d9d9"


def test_no_values_is_a_clear_error():
    with pytest.raises(ClassificationError):
        classify([None, float("nan")])


def test_unknown_scheme_lists_the_valid_ones():
    with pytest.raises(UnknownNameError) as info:
        classify([1, 2, 3], "casuale")
    assert "quantili" in info.value.message("it")

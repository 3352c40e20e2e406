"""Medians, ratios and growth exponents: the arithmetic every verdict rests on."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.stats import format_ratio, format_seconds, growth_exponent, ratio, summarise


def test_summary_of_odd_and_even_runs() -> None:
    odd = summarise([3.0, 1.0, 2.0])
    assert (odd.runs, odd.median, odd.minimum, odd.maximum) == (3, 2.0, 1.0, 3.0)
    assert summarise([4.0, 1.0, 2.0, 3.0]).median == 2.5
    assert odd.spread == pytest.approx(1.0)
    with pytest.raises(ValueError):
        summarise([])


def test_ratio_is_slower_over_faster() -> None:
    assert ratio(3.0, 0.2) == pytest.approx(15.0)
    assert ratio(1.0, 0.0) == math.inf


@given(st.floats(0.001, 100), st.floats(0.001, 100))
def test_ratio_inverts(a: float, b: float) -> None:
    assert ratio(a, b) * ratio(b, a) == pytest.approx(1.0)


def test_growth_exponent() -> None:
    assert growth_exponent(1000, 1.0, 5000, 5.0) == pytest.approx(1.0)
    assert growth_exponent(1000, 1.0, 4000, 16.0) == pytest.approx(2.0)
    assert growth_exponent(1000, 2.0, 20000, 2.0) == pytest.approx(0.0)
    with pytest.raises(ValueError):
        growth_exponent(5000, 1.0, 1000, 2.0)


def test_formatting() -> None:
    assert format_ratio(15.26) == "15.3x"
    assert format_ratio(2.345) == "2.35x"
    assert format_ratio(None) == "-"
    assert format_ratio(math.inf) == "inf"
    assert [format_seconds(v) for v in (0.1234, 1.234, 12.34)] == ["0.123", "1.23", "12.3"]


def test_fitted_exponent() -> None:
    from benchmarks.stats import fitted_exponent

    assert fitted_exponent([(1000, 1.0), (5000, 5.0), (20000, 20.0)]) == pytest.approx(1.0)
    assert fitted_exponent([(1000, 1.0), (4000, 16.0)]) == pytest.approx(2.0)
    assert fitted_exponent([(1000, 2.0), (5000, 2.0), (20000, 2.0)]) == pytest.approx(0.0)
    with pytest.raises(ValueError):
        fitted_exponent([(1000, 1.0), (1000, 2.0)])
    with pytest.raises(ValueError):
        fitted_exponent([(1000, 0.0), (5000, 2.0)])

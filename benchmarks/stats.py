"""The arithmetic of a comparison: medians, spreads, ratios and growth exponents.

Pure functions over lists of seconds, kept apart from anything that runs a
process so that the tests can check the maths exactly.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Summary:
    """Runs of one tool on one tree in one scenario."""

    runs: int
    median: float
    minimum: float
    maximum: float

    @property
    def spread(self) -> float:
        """(max - min) / median: how noisy the runs were (the machine is shared)."""
        return (self.maximum - self.minimum) / self.median if self.median > 0 else 0.0


def summarise(samples: Sequence[float]) -> Summary:
    if not samples:
        raise ValueError("no samples to summarise")
    return Summary(len(samples), statistics.median(samples), min(samples), max(samples))


def ratio(slower: float, faster: float) -> float:
    """How many times ``faster`` beats ``slower`` (``slower / faster``); inf when ``faster`` took no time."""
    if faster <= 0:
        return math.inf
    return slower / faster


def growth_exponent(size_small: int, time_small: float, size_large: int, time_large: float) -> float:
    """k in t ~ n^k between two sizes: 1.0 is linear, below 1 sub-linear, above 1 worse than linear."""
    if size_small <= 0 or size_large <= size_small or time_small <= 0 or time_large <= 0:
        raise ValueError("need two increasing sizes and positive times")
    return math.log(time_large / time_small) / math.log(size_large / size_small)


def fitted_exponent(points: list[tuple[int, float]]) -> float:
    """k of the least-squares line through ``(log n, log t)``: one growth exponent for three or more sizes.

    ``points`` are ``(size, seconds)`` with at least two distinct positive
    sizes and positive times; raises ValueError otherwise.
    """
    usable = [(math.log(n), math.log(t)) for n, t in points if n > 0 and t > 0]
    if len(usable) != len(points) or len({x for x, _ in usable}) < 2:
        raise ValueError("need at least two distinct positive sizes and positive times")
    mean_x = sum(x for x, _ in usable) / len(usable)
    mean_y = sum(y for _, y in usable) / len(usable)
    spread = sum((x - mean_x) ** 2 for x, _ in usable)
    return sum((x - mean_x) * (y - mean_y) for x, y in usable) / spread


def format_ratio(value: float | None) -> str:
    if value is None:
        return "-"
    if math.isinf(value):
        return "inf"
    return f"{value:.1f}x" if value >= 10 else f"{value:.2f}x"


def format_seconds(value: float) -> str:
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"

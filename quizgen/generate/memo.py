"""Memoisation for one generation run. The same answers, stems and dates are normalised, parsed and
compared many times while a bank is turned into questions; these caches hold them for the run and are
emptied when it ends (see `clear_all`), so a long-lived process does not keep every text it has seen."""

from __future__ import annotations

import functools
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)

_CACHED: list = []


def per_run(function: F) -> F:
    """functools.cache (a plain dict, no LRU bookkeeping), registered to be emptied by clear_all()."""
    cached = functools.cache(function)
    _CACHED.append(cached)
    return cached  # type: ignore[return-value]


def clear_all() -> None:
    """Empty every per-run cache."""
    for cached in _CACHED:
        cached.cache_clear()

"""Memoisation for one generation run. The same answers, stems and dates are normalised, parsed and
compared many times while a bank is turned into questions; these caches hold them for the run and are
emptied when it ends (see `clear_all`), so a long-lived process does not keep every text it has seen."""

from __future__ import annotations

import functools
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)

_CACHED: list = []
_PER_BATCH: list = []


def per_run(function: F) -> F:
    """functools.cache (a plain dict, no LRU bookkeeping), registered to be emptied by clear_all().
    For what is asked again across the bank: answers, dates, numbers."""
    cached = functools.cache(function)
    _CACHED.append(cached)
    return cached  # type: ignore[return-value]


def per_batch(function: F) -> F:
    """Like per_run, for texts of one fact's questions (stems, statements), which generation and lint
    ask for within one batch of facts and hardly ever again: emptied by clear_batch() too."""
    cached = per_run(function)
    _PER_BATCH.append(cached)
    return cached  # type: ignore[return-value]


def clear_batch() -> None:
    """Empty the per-batch caches (at the end of each batch of facts)."""
    for cached in _PER_BATCH:
        cached.cache_clear()


def clear_all() -> None:
    """Empty every per-run cache (at the end of a generation)."""
    for cached in _CACHED:
        cached.cache_clear()

"""Cached regular expressions: the extractor calls a few hundred patterns millions of times on a
large article, and `re`'s own cache lookup costs more than the match on short sentences."""

from __future__ import annotations

import functools
import re

compiled = functools.lru_cache(maxsize=None)(re.compile)


def search(pattern: str, text: str, flags: int = 0):
    return compiled(pattern, flags).search(text)


def match(pattern: str, text: str, flags: int = 0):
    return compiled(pattern, flags).match(text)


def fullmatch(pattern: str, text: str, flags: int = 0):
    return compiled(pattern, flags).fullmatch(text)


def sub(pattern: str, repl, text: str, count: int = 0, flags: int = 0) -> str:
    return compiled(pattern, flags).sub(repl, text, count)


def findall(pattern: str, text: str, flags: int = 0):
    return compiled(pattern, flags).findall(text)


def finditer(pattern: str, text: str, flags: int = 0):
    return compiled(pattern, flags).finditer(text)


def split(pattern: str, text: str, flags: int = 0):
    return compiled(pattern, flags).split(text)

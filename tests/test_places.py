"""The gazetteer behind town distractors (quizgen/generate/places.py): what it knows of towns and
regions, and that it works without a cache folder."""

from __future__ import annotations

import pytest

from quizgen.generate import places


def _fresh(monkeypatch, cache_path):
    monkeypatch.setattr(places, "_cache_path", cache_path)
    places._OPEN.clear()
    for cached in (places._towns_named, places._towns_of, places.region_of):
        cached.cache_clear()


@pytest.fixture(params=["cache file", "no cache folder"])
def gazetteer(request, monkeypatch, tmp_path):
    if request.param == "cache file":
        _fresh(monkeypatch, lambda name: tmp_path / name)
    else:
        _fresh(monkeypatch, lambda name: None)  # a home without a writable cache: made in memory
    yield places
    _fresh(monkeypatch, places._cache_path)
    places._OPEN.clear()


def test_regions_towns_and_other_names(gazetteer):
    ohio, germany, england = gazetteer.region_of("Ohio"), gazetteer.region_of("Germany"), gazetteer.region_of("England")
    assert ohio == ("US", "OH") and germany == ("DE", "") and england == ("GB", "ENG")
    assert gazetteer.region_of("Atlantis") is None
    assert gazetteer.town_in_region("Cleveland", ohio) is True
    assert gazetteer.town_in_region("London", germany) is False
    assert gazetteer.town_in_region("New York", germany) is False  # GeoNames' "New York City", by its other name
    assert gazetteer.town_in_region("Cologne", germany) is True  # GeoNames' "Köln"
    assert gazetteer.town_in_region("Berlin", ohio) is False  # an old name of a town of Ohio places nothing
    assert gazetteer.town_in_region("Zorbatown", ohio) is None


def test_towns_like_the_key_in_size_and_never_one_to_avoid(gazetteer):
    germany = gazetteer.region_of("Germany")
    assert gazetteer.towns_like("Hamburg", germany, 3) == ["Berlin", "Munich", "Frankfurt am Main"]
    assert "Berlin" not in gazetteer.towns_like("Hamburg", germany, 3, avoid=lambda town: town == "Berlin")
    # a town below the gazetteer's size: a state's smallest towns; a country's: none
    small = gazetteer.towns_like("Oakville", gazetteer.region_of("Alabama"), 3)
    assert len(small) == 3 and all(gazetteer.town_in_region(t, gazetteer.region_of("Alabama")) for t in small)
    assert gazetteer.towns_like("Zorbatown", gazetteer.region_of("Egypt"), 3) == []


def test_the_cache_file_is_made_once_and_read_after(monkeypatch, tmp_path):
    _fresh(monkeypatch, lambda name: tmp_path / name)
    places.region_of("Ohio")
    made = list(tmp_path.glob("towns-*.sqlite3"))
    assert len(made) == 1 and not list(tmp_path.glob(".towns-*"))  # no temporary file left behind
    stamp = made[0].stat().st_mtime_ns
    _fresh(monkeypatch, lambda name: tmp_path / name)
    assert places.region_of("Texas") == ("US", "TX")
    assert made[0].stat().st_mtime_ns == stamp
    _fresh(monkeypatch, places._cache_path)
    places._OPEN.clear()


def test_a_name_of_two_regions_is_the_one_holding_the_town(gazetteer):
    assert gazetteer.region_of("Georgia", "Atlanta") == ("US", "GA")
    assert gazetteer.region_of("Georgia", "Tbilisi") == ("GE", "")
    assert gazetteer.region_of("Georgia") is None  # nothing to tell them apart

"""Which characters the fonts of a PDF render can draw, so that a worksheet never prints silent boxes.

Typst draws a character no font covers as an empty box ("tofu") and says nothing. Before compiling we
collect the characters of the worksheet text and look them up in the cmaps of every font Typst can
use: the fonts built into the typst wheel (their coverage is a table shipped beside this module, made
from the wheel's own font data by `python -m quizgen.render.fonts`), then --font-path folders and
system fonts (read with fontTools, only when the built-in fonts leave characters uncovered).
"""

from __future__ import annotations

import bisect
import functools
import io
import json
import re
import struct
import sys
import unicodedata
from pathlib import Path
from typing import Iterable, Optional

_COVERAGE_FILE = Path(__file__).with_name("typst_embedded_coverage.json")


@functools.lru_cache(maxsize=1)
def _embedded_ranges() -> tuple[list[int], list[int]]:
    data = json.loads(_COVERAGE_FILE.read_text(encoding="utf-8"))
    starts = [start for start, _ in data["ranges"]]
    ends = [end for _, end in data["ranges"]]
    return starts, ends


def embedded_covers(char: str) -> bool:
    """True if a font built into typst has a glyph for `char`."""
    starts, ends = _embedded_ranges()
    code = ord(char)
    i = bisect.bisect_right(starts, code) - 1
    return i >= 0 and code <= ends[i]


def needs_glyph(char: str) -> bool:
    """False for characters that are never drawn (spaces, controls, joiners, variation selectors)."""
    if unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return False
    code = ord(char)
    # variation selectors only pick a presentation of the character before them
    return not (0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)


@functools.lru_cache(maxsize=512)
def _font_file_cmap(path: str, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(path, fontNumber=index, lazy=True)
        return frozenset(font.getBestCmap() or {})
    except Exception:  # an unreadable font file covers nothing; Typst skips it too
        return frozenset()


def uncovered_characters(texts: Iterable[str], font_files: Iterable[tuple[str, int]] = ()) -> list[str]:
    """The distinct characters of `texts` that neither typst's built-in fonts nor `font_files` cover.

    `font_files` are (path, index in collection) pairs, read lazily and only while characters remain.
    """
    distinct: set[str] = set()
    for text in texts:
        distinct.update(text)  # a set per text first: 30 forms repeat the same few hundred characters
    wanted = {c for c in distinct if needs_glyph(c)}
    missing = {c for c in wanted if not embedded_covers(c)}
    for path, index in font_files:
        if not missing:
            break
        cmap = _font_file_cmap(path, index)
        missing = {c for c in missing if ord(c) not in cmap}
    return sorted(missing)


_FONT_ADVICE = [
    # (test on the character's Unicode name, what covers it)
    (re.compile(r"CJK|HIRAGANA|KATAKANA|HANGUL|BOPOMOFO|IDEOGRAPH"),
     "a CJK font such as Noto Sans CJK or Noto Serif CJK (Debian/Ubuntu: fonts-noto-cjk)"),
    (re.compile(r"ARABIC"), "an Arabic font such as Noto Naskh Arabic (Debian/Ubuntu: fonts-noto-core)"),
    (re.compile(r"DEVANAGARI|BENGALI|TAMIL|TELUGU|GUJARATI|GURMUKHI|KANNADA|MALAYALAM|ORIYA|SINHALA"),
     "a Noto font for that script, e.g. Noto Sans Devanagari (Debian/Ubuntu: fonts-noto-core)"),
    (re.compile(r"THAI|LAO|KHMER|MYANMAR|TIBETAN|ETHIOPIC|GEORGIAN|ARMENIAN"),
     "a Noto font for that script (Debian/Ubuntu: fonts-noto-core)"),
]
_EMOJI_ADVICE = "an emoji font such as Noto Color Emoji (Debian/Ubuntu: fonts-noto-color-emoji)"


def describe_char(char: str) -> str:
    """`"你" (U+4F60 CJK UNIFIED IDEOGRAPH-4F60)` for messages."""
    name = unicodedata.name(char, "unnamed character")
    return f'"{char}" (U+{ord(char):04X} {name})'


def advice_for(chars: Iterable[str]) -> list[str]:
    """What to install for these characters, one line per kind of font, in a stable order."""
    advice: list[str] = []
    for char in chars:
        name = unicodedata.name(char, "")
        tip = next((tip for pattern, tip in _FONT_ADVICE if pattern.search(name)), None)
        if tip is None:
            tip = _EMOJI_ADVICE if unicodedata.category(char) == "So" or ord(char) >= 0x1F000 else \
                "a font that covers them (the Noto family covers almost every script)"
        if tip not in advice:
            advice.append(tip)
    return advice


def coverage_warning(missing: list[str], limit: int = 12) -> str:
    """One clear message naming the uncovered characters and what to install or pass with --font-path."""
    shown = ", ".join(describe_char(c) for c in missing[:limit])
    more = f" and {len(missing) - limit} more" if len(missing) > limit else ""
    tips = "; ".join(advice_for(missing))
    return (f"no available font has {shown}{more}: the PDF would show empty boxes for "
            f"{'it' if len(missing) == 1 else 'them'}. Install {tips}, or pass a folder of fonts that "
            f"cover {'it' if len(missing) == 1 else 'them'} with --font-path DIR.")


# ------------------------------------------------------------------------------------------------
# Regenerating the table of the wheel's built-in fonts (run by hand after a typst upgrade)

_SFNT_HEADER = re.compile(rb"(\x00\x01\x00\x00|OTTO)(..)", re.S)
_TABLE_TAG = re.compile(rb"[A-Za-z0-9/ ]{4}")


def scan_embedded_fonts(library: Path) -> dict[str, set[int]]:
    """The cmaps of the OpenType fonts stored inside the typst extension module, by font name."""
    from fontTools.ttLib import TTFont

    data = library.read_bytes()
    fonts: dict[str, set[int]] = {}
    for match in _SFNT_HEADER.finditer(data):
        offset, (tables,) = match.start(), struct.unpack(">H", match.group(2))
        if not 5 <= tables <= 40:
            continue
        tags = [data[offset + 12 + 16 * i: offset + 16 + 16 * i] for i in range(tables)]
        if b"cmap" not in tags or not all(_TABLE_TAG.fullmatch(tag) for tag in tags):
            continue
        try:
            font = TTFont(io.BytesIO(data[offset:]), lazy=True)
            fonts.setdefault(font["name"].getDebugName(4) or f"font@{offset}", set()).update(font.getBestCmap())
        except Exception:
            continue
    return fonts


def _ranges(codes: set[int]) -> list[list[int]]:
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ranges


def regenerate_table(output: Optional[Path] = None) -> Path:
    """Rewrite the coverage table from the installed typst wheel's built-in fonts."""
    import typst

    library = next(Path(typst.__file__).parent.glob("_typst*.so"), None) or \
        next(Path(typst.__file__).parent.glob("_typst*.pyd"))
    fonts = scan_embedded_fonts(library)
    if not fonts:
        raise SystemExit(f"no fonts found in {library}")
    codes = set().union(*fonts.values())
    payload = {"typst": typst.__version__, "fonts": sorted(fonts), "ranges": _ranges(codes)}
    target = output or _COVERAGE_FILE
    target.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":  # python -m quizgen.render.fonts
    print(f"wrote {regenerate_table()}", file=sys.stderr)

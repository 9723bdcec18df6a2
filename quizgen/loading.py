"""Read a bank folder (article.md + facts.yaml) into models. Every problem of every file is collected
and reported at once as `path:line:col: field.path: message`; nothing here raises anything but
QuizgenError (BankError for problems inside the files).

facts.yaml is read in one of two ways. The fast path (`_parse_facts_fast`) builds plain data straight
from the YAML parser's events and keeps only the line of each fact id: the common case, a valid bank,
costs no more than it must. At the first thing it does not expect, or any problem, it gives up and the
marked path (`parse_facts`) reads the file again with the line and column of every node, for messages.
Both give the same Bank for a valid bank (tests/test_loading_fast.py)."""

from __future__ import annotations

import bisect
import contextlib
import difflib
import functools
import gc
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Literal, Optional

import yaml
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from quizgen.errors import BankError, QuizgenError, SourceError, display_path
from quizgen.model import Article, ArticleMeta, Block, Fact, FactsFile, StrictModel, fact_consistency_problems
from quizgen.resources import DEFAULT_BANK_ID, content_dir

try:  # libyaml is much faster on large banks; pure Python is the fallback
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

Path_ = tuple  # a location inside a YAML document: ("facts", 3, "value", "precision")


@dataclass
class Bank:
    """A loaded, validated bank: the article, its facts and where each fact was written."""

    id: str
    path: Path
    article: Article
    facts: list[Fact]
    facts_path: Path
    fact_lines: dict[str, int] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.article.meta.title

    def fact_location(self, fact_id: str) -> str:
        """"content/bank/facts.yaml:42" of a fact, for lint findings."""
        return f"{display_path(self.facts_path)}:{self.fact_lines.get(fact_id, 1)}"

    def fact(self, fact_id: str) -> Fact:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise KeyError(fact_id)


# ----------------------------------------------------------------------------------------------
# YAML with marks


class _Marked:
    """A YAML document turned into plain Python, with the line/column of every node."""

    def __init__(self) -> None:
        self.value_marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.scalar_text: dict[Path_, str] = {}  # the scalar as written, for hints ("put it in quotes")
        self.problems: list[tuple[int, int, str, str]] = []  # line, col, field, message
        # Alias bookkeeping: nodes being converted (an alias to one of them is a cycle) and how many
        # nodes were converted a second time through an alias (a "billion laughs" document).
        self._active: set[int] = set()
        self._seen: set[int] = set()
        self.repeats = 0


_constructor = yaml.constructor.SafeConstructor()

# Plain YAML only: a fact bank has no use for !!binary, !!set, !!python/... or custom tags, and
# refusing them means no YAML feature can make the loader build anything but text, numbers and lists.
_YAML = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_YAML + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_STR_TAG = _YAML + "str"
# parse_facts runs fact_consistency_problems on each raw fact itself, with locations.
_CHECKED_RAW = {"consistency_checked": True}
_MAX_DEPTH = 64  # a fact is at most four levels deep; deeper nesting is garbage, not a bank
_MAX_REPEATS = 10_000  # nodes converted again through aliases (plenty for shared tag lists)


class _AliasBomb(Exception):
    """Aliases expand to more nodes than any bank has: stop before it eats the memory."""


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag


def _construct_scalar(node: yaml.ScalarNode, where: Path_, marked: _Marked) -> Any:
    if node.tag == _STR_TAG:
        return node.value  # most scalars are text: skip the constructor's dispatch
    line, col = _mark(node)
    if node.tag == _YAML + "value":
        return node.value  # a bare "=" (YAML 1.1 "value" tag): plain text here
    if node.tag not in _ALLOWED_TAGS:
        marked.problems.append((line, col, _dotted(where),
                                f'the YAML tag "{_short_tag(node.tag)}" is not allowed (plain values only)'))
        return None
    try:
        return _constructor.construct_object(node)
    except ValueError as exc:
        # An impossible timestamp (2024-02-30) or an integer too long for Python to convert.
        if node.tag == _YAML + "timestamp":
            message = f'"{node.value}" is not a real date ({exc})'
        elif node.tag == _YAML + "int":
            message = "number too long"
        else:
            message = f"cannot read this value ({exc})"
        marked.problems.append((line, col, _dotted(where), message))
    except yaml.YAMLError as exc:
        marked.problems.append((line, col, _dotted(where),
                                f"cannot read this value ({getattr(exc, 'problem', None) or exc})"))
    return None


def _to_python(node: yaml.Node, where: Path_, marked: _Marked) -> Any:
    line, col = _mark(node)
    marked.value_marks[where] = (line, col)
    if isinstance(node, yaml.ScalarNode):
        marked.scalar_text[where] = node.value
        return _construct_scalar(node, where, marked)
    if node.tag not in _ALLOWED_TAGS:
        marked.problems.append((line, col, _dotted(where),
                                f'the YAML tag "{_short_tag(node.tag)}" is not allowed (plain values only)'))
        return None
    if len(where) > _MAX_DEPTH:
        marked.problems.append((line, col, _dotted(where), "nested too deeply"))
        return None
    identity = id(node)
    if identity in marked._active:
        marked.problems.append((line, col, _dotted(where), "an alias refers to the value that contains it"))
        return None
    if identity in marked._seen:
        marked.repeats += 1
        if marked.repeats > _MAX_REPEATS:
            raise _AliasBomb()
    marked._seen.add(identity)
    marked._active.add(identity)
    try:
        if isinstance(node, yaml.SequenceNode):
            return [_to_python(item, where + (i,), marked) for i, item in enumerate(node.value)]
        return _mapping_to_python(node, where, marked)
    finally:
        marked._active.discard(identity)


def _mapping_to_python(node: yaml.MappingNode, where: Path_, marked: _Marked) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line, key_col = _mark(key_node)
        if not isinstance(key_node, yaml.ScalarNode):
            marked.problems.append((key_line, key_col, _dotted(where), "a key must be a plain word"))
            continue
        if key_node.tag == _YAML + "merge":
            marked.problems.append((key_line, key_col, _dotted(where),
                                    "merge keys (<<) are not supported: write the fields out"))
            continue
        key = _construct_scalar(key_node, where, marked)
        if not isinstance(key, str):
            # YAML reads yes/no/on/off as booleans, 1 as a number and ~ as null; no field is named so.
            if key is not None or key_node.tag in _ALLOWED_TAGS:
                marked.problems.append((key_line, key_col, _dotted(where),
                                        f'"{key_node.value}" is not a field name (a key must be a word)'))
            continue
        if key in result:
            first = marked.key_marks[where + (key,)]
            marked.problems.append((key_line, key_col, _dotted(where + (key,)),
                                    f"duplicate key (first at line {first[0]})"))
            continue
        marked.key_marks[where + (key,)] = (key_line, key_col)
        result[key] = _to_python(value_node, where + (key,), marked)
    return result


def _dotted(where: Path_) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (("." if out else "") + str(part))
    return out


def _parse_yaml(text: str, line_offset: int = 0) -> tuple[Any, _Marked, Optional[tuple[int, int, str]]]:
    """Parse YAML text; returns (data, marks, syntax_error as (line, col, message) or None)."""
    marked = _Marked()
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        last_line = text.count("\n") + 1 - (1 if text.endswith("\n") else 0)
        if line > last_line:
            # libyaml puts the end of a file without a final newline on the next line: point at the
            # end of the last line instead, which an editor can jump to.
            line, col = last_line, len(text.rstrip("\n").rsplit("\n", 1)[-1]) + 1
        message = " ".join(bit for bit in (exc.context, exc.problem) if bit) or "invalid YAML"
        if "tab character" in message:
            message += " (indent with spaces, not tabs)"
        return None, marked, (line + line_offset, col, f"YAML syntax error: {message}")
    except yaml.reader.ReaderError as exc:
        # A control character (NUL, BEL...). libyaml gives a byte offset, PyYAML a character index:
        # find the character itself instead.
        where = text.find(chr(exc.character)) if isinstance(exc.character, int) else -1
        line, col = _line_col(text, where) if where >= 0 else (1, 1)
        return None, marked, (line + line_offset, col,
                              f"character U+{exc.character:04X} is not allowed in YAML ({exc.reason})")
    except yaml.YAMLError as exc:
        return None, marked, (1 + line_offset, 1, f"YAML error: {exc}")
    except RecursionError:
        return None, marked, (1 + line_offset, 1, "YAML error: nested too deeply")
    if node is None:
        return None, marked, None
    try:
        data = _to_python(node, (), marked)
    except _AliasBomb:
        return None, marked, (1 + line_offset, 1, "YAML error: aliases (*name) expand to too many values")
    finally:
        # The constructor remembers each node it built (for the aliases of one document). It lives as
        # long as the module: forget this document's nodes, or every number and date node of every
        # file loaded would stay in memory.
        _constructor.constructed_objects.clear()
        _constructor.recursive_objects.clear()
    if line_offset:
        marked.value_marks = {k: (l + line_offset, c) for k, (l, c) in marked.value_marks.items()}
        marked.key_marks = {k: (l + line_offset, c) for k, (l, c) in marked.key_marks.items()}
        marked.problems = [(l + line_offset, c, f, m) for (l, c, f, m) in marked.problems]
    return data, marked, None


# ----------------------------------------------------------------------------------------------
# The fast path: plain YAML straight from parser events, without marks


class _NotPlain(Exception):
    """The fast path met something it leaves to the marked path (which also words the message)."""


_NO_KEY = object()
# The tags a plain scalar can resolve to that the fast path builds itself (with PyYAML's own
# constructors); anything else (merge "<<", value "=") goes the marked way.
_FAST_SCALAR_TAGS = {_YAML + name for name in ("null", "bool", "int", "float", "timestamp")}


def _resolve_plain(value: str, cache: dict[str, Any], resolvers: dict[Any, list]) -> Any:
    """A plain (unquoted) scalar as SafeLoader reads it: its YAML 1.1 resolvers tried in the same
    order as Resolver.resolve, then SafeConstructor's constructor of the tag. Cached, as the same
    words (keys, kinds, precisions) recur thousands of times."""
    tag = _STR_TAG
    for candidate, regexp in resolvers.get(value[:1], []) + resolvers.get(None, []):
        if regexp.match(value):
            tag = candidate
            break
    if tag == _STR_TAG:
        result: Any = value
    elif tag in _FAST_SCALAR_TAGS:
        try:
            result = _constructor.yaml_constructors[tag](_constructor, yaml.ScalarNode(tag, value))
        except Exception:
            raise _NotPlain() from None  # 2024-02-30, an integer too long: the marked path says so
    else:
        raise _NotPlain()
    cache[value] = result
    return result


def _plain_yaml(text: str, depth: int = 0) -> tuple[Any, list[int]]:
    """Parse YAML text the way `yaml.compose` + `_to_python` do for a document without anything
    unusual, straight from the parser's events: no node tree, no marks, no paths.

    Returns (data, line of each `id` value in a mapping at depth 3, i.e. of each fact's id).
    `depth` is the depth at which the text's root sits: 1 for a run of facts-list items (see
    _plain_yaml_split), so that fact ids and the nesting limit are counted as in the whole file.
    Raises _NotPlain at anything the marked path treats specially or reports: a syntax error,
    a tag, an anchor or alias, a merge key, a key that is not text, a duplicate key, nesting
    deeper than _MAX_DEPTH, a second document.
    """
    loader = _Loader(text)
    get_event = loader.get_event
    resolvers = loader.yaml_implicit_resolvers
    cache: dict[str, Any] = {}
    id_lines: list[int] = []
    stack: list[tuple[Any, bool]] = []
    container: Any = None  # the mapping or list being filled (None: at the top)
    in_mapping = False
    key: Any = _NO_KEY  # in a mapping, the key waiting for its value
    root: Any = None
    documents = 0
    scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    raise _NotPlain()
                value = event.value
                if event.implicit[0]:  # plain: resolved by its text; quoted: always text
                    value = cache[value] if value in cache else _resolve_plain(value, cache, resolvers)
                if in_mapping:
                    if key is _NO_KEY:
                        if type(value) is not str or value in container:
                            raise _NotPlain()  # yes/1/~ as a key, or a duplicate key
                        key = value
                        continue
                    container[key] = value
                    if key == "id" and len(stack) + depth == 3:
                        id_lines.append(event.start_mark.line + 1)
                    key = _NO_KEY
                elif container is not None:
                    container.append(value)
                else:
                    root = value
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or event.tag is not None or len(stack) + depth > _MAX_DEPTH:
                    raise _NotPlain()
                new: Any = {} if kind is mapping_start else []
                if in_mapping:
                    if key is _NO_KEY:
                        raise _NotPlain()  # a mapping or list as a key
                    container[key] = new
                    key = _NO_KEY
                elif container is not None:
                    container.append(new)
                else:
                    root = new
                stack.append((container, in_mapping))
                container, in_mapping = new, kind is mapping_start
            elif kind is mapping_end or kind is sequence_end:
                container, in_mapping = stack.pop()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1 or event.version is not None or event.tags:
                    raise _NotPlain()
            elif kind is yaml.StreamEndEvent:
                return root, id_lines
            elif kind is not yaml.StreamStartEvent and kind is not yaml.DocumentEndEvent:
                raise _NotPlain()  # an alias
    except (yaml.YAMLError, RecursionError):
        raise _NotPlain() from None
    finally:
        loader.dispose()


# From this size of facts.yaml (about 3,500 facts) a worker on the second core parses its later half.
PARALLEL_PARSE_MIN_CHARS = 500_000
_FACTS_KEY_LINE = re.compile(r"^facts:[ \t]*(?:#[^\n]*)?\r?$", re.M)
_FIRST_ITEM = re.compile(r"^( *)-[ \t]", re.M)


def _fact_cuts(text: str, start: int = 0) -> Iterator[int]:
    """Where the file's facts list may be cut in two for _plain_yaml_split: the start of each line
    after the first item (and from `start` on) that opens a facts-list item ("  - " at the list's
    indentation). Nothing when the file is not laid out as a block list under a top-level `facts:`,
    or has line breaks that the parser counts but a newline count would not (lone CR, NEL, LS, PS)."""
    if text.count("\r") != text.count("\r\n") or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return
    facts_key = _FACTS_KEY_LINE.search(text)
    if facts_key is None:
        return
    first = _FIRST_ITEM.search(text, facts_key.end())
    if first is None:
        return
    items = re.compile("^" + first.group(1) + r"-[ \t]", re.M)
    at = max(first.end(), start)
    while (item := items.search(text, at)) is not None:
        yield item.start()
        at = item.end()


def _fact_split(text: str) -> Optional[int]:
    """The cut of a big file for _plain_yaml_split: the first item line past the middle."""
    if len(text) < PARALLEL_PARSE_MIN_CHARS:
        return None
    return next(_fact_cuts(text, len(text) // 2), None)


def _plain_yaml_split(text: str, cut: Optional[int] = None) -> tuple[Any, list[int]]:
    """_plain_yaml of a whole facts.yaml; a big file's facts list is parsed in two halves at once,
    the later one by a worker on the second core (the parser's events cost most of a load).

    The halves are two documents: everything up to an item line of the facts list, and the items
    from there on. Cut anywhere else (inside a quoted text or a [...] list), the first half does not
    parse; a key after the list makes the second half fail. Either way, and whenever the worker
    cannot run, the whole text is parsed here, so the result is always that of _plain_yaml(text)."""
    from quizgen import workers

    cut = _fact_split(text) if cut is None else cut
    if cut is None:
        return _plain_yaml(text)
    tail = text[cut:]
    worker = workers.start_worker(lambda: [pickle.dumps(_plain_yaml(tail, depth=1), pickle.HIGHEST_PROTOCOL)])
    if worker is None:
        return _plain_yaml(text)
    try:
        try:
            head, head_lines = _plain_yaml(text[:cut])
        except _NotPlain:
            return _plain_yaml(text)
        frames = list(worker.frames())
    finally:
        worker.cancel()
    if not worker.succeeded or len(frames) != 1:
        return _plain_yaml(text)
    items, tail_lines = pickle.loads(frames[0])
    # the head must end inside the facts list, its last key, and the tail be items of that list
    if not (isinstance(head, dict) and head and next(reversed(head)) == "facts"
            and isinstance(head["facts"], list) and isinstance(items, list)):
        return _plain_yaml(text)
    head["facts"] += items
    line_offset = text.count("\n", 0, cut)
    return head, head_lines + [line + line_offset for line in tail_lines]


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _decode(path: Path, data: bytes, errors: list[SourceError]) -> Optional[str]:
    shown = display_path(path)
    if not data.strip():
        errors.append(SourceError(shown, 1, 1, "", "file is empty"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        # Column in characters, as editors count them, even with accented letters earlier on the line.
        col = len(data[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        errors.append(SourceError(shown, line, col, "",
                                  f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"))
        return None
    return text.removeprefix("\ufeff")


# ----------------------------------------------------------------------------------------------
# pydantic errors -> SourceError


def _friendly(error: dict[str, Any], model: type[BaseModel] | None, written: Optional[str] = None) -> str:
    """A pydantic error as a sentence a bank author can act on. `written`: the scalar as typed."""
    kind = error["type"]
    loc = tuple(error["loc"])
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = _allowed_keys(loc, model)
        hint = difflib.get_close_matches(name, allowed, n=1)
        tail = f'; did you mean "{hint[0]}"?' if hint else (f" (allowed: {', '.join(allowed)})" if allowed else "")
        return f"unknown field{tail}"
    if kind == "missing":
        return "required field is missing"
    if kind == "string_pattern_mismatch" and loc and loc[-1] in ("id",) or (
        kind == "string_pattern_mismatch" and len(loc) >= 2 and loc[-2] == "tags"
    ):
        return f'"{error.get("input")}" is not a slug (lower-case letters, digits and single hyphens, e.g. "llama-3-release")'
    if loc == ("version",):
        # The only version this quizgen reads; a newer file needs a newer quizgen, not an edit.
        if isinstance(error.get("input"), int) and not isinstance(error.get("input"), bool):
            return f"{error['input']} is not supported: this quizgen reads version 1 (a newer quizgen may read it)"
        return "must be the number 1"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", (error.get("ctx") or {}).get("expected", ""))
        given = error.get("input")
        hint = difflib.get_close_matches(given, allowed, n=1) if isinstance(given, str) else []
        shown = f'"{given}"' if isinstance(given, str) else (written or repr(given))
        return f"{shown} is not one of: {', '.join(allowed)}" + (f'; did you mean "{hint[0]}"?' if hint else "")
    if kind == "string_type":
        given = error.get("input")
        if isinstance(given, (bool, int, float)) and written is not None:
            # YAML reads 2024 as a number and yes/no/on/off as true/false; quoting keeps the text.
            return f'must be text: write it in quotes, "{written}"'
        return f"must be text, not {_describe(given)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"must be a mapping (name: value lines), not {_describe(error.get('input'))}"
    if kind == "union_tag_not_found":
        return (f"must be a mapping: {{date, precision}}, {{number, scale, unit}} or {{name, class}}, "
                f"not {_describe(error.get('input'))}")
    if kind == "list_type":
        return f"must be a list ([a, b] or one '- item' line each), not {_describe(error.get('input'))}"
    if kind == "too_short" and loc == ("facts",):
        return "the bank has no facts: add at least one"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"too long: at most {(error.get('ctx') or {}).get('max_length')} characters"
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing"):
        given = error.get("input")
        if isinstance(given, (int, float)) and not isinstance(given, bool):
            return "number out of range"
        return f"must be a number, not {_describe(given)}"
    if kind == "finite_number":
        return "must be a finite number"
    message = error["msg"]
    message = message.removeprefix("Value error, ")
    return message


def _describe(value: Any) -> str:
    """What a YAML value turned out to be, in words."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _allowed_keys(loc: tuple, model: type[BaseModel] | None) -> list[str]:
    """The field names allowed where an unknown key was found, by walking the model along `loc`
    (pydantic's loc, with the union tag after "value" saying which value model applies)."""
    import typing

    from quizgen import model as m

    current: Any = model
    previous: Any = None
    for part in loc[:-1]:
        if current is None:
            return []
        if isinstance(part, int):
            previous = part
            continue
        if previous == "value" and part in _TAGS:
            # The tag, not the first member of the union: a quantity's unknown key lists quantity fields.
            current = {"date": m.DateValue, "quantity": m.QuantityValue, "entity": m.EntityValue}[part]
            previous = part
            continue
        previous = part
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = None
            for name, f in current.model_fields.items():
                if part in (name, f.alias):
                    info = f
                    break
            if info is None:
                return []
            current = _first_model(info.annotation, typing)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or n for n, f in current.model_fields.items()]
    return []


def _first_model(annotation: Any, typing: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _first_model(arg, typing)
        if found is not None:
            return found
    if hasattr(annotation, "__origin__"):
        return _first_model(getattr(annotation, "__origin__"), typing)
    return None


_TAGS = {"date", "quantity", "entity"}


def _locate(loc: tuple, data: Any, marked: _Marked) -> tuple[Path_, tuple[int, int]]:
    """Map a pydantic error location to the data path that exists and its line/column."""
    path: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif part in _TAGS and isinstance(node, dict):
            continue  # discriminated-union tag: not part of the document
        else:
            # A key the document lacks (missing field) or an unknown key: point at that key if it
            # exists, else at the mapping that should hold it.
            if tuple(path) + (part,) in marked.key_marks:
                return tuple(path) + (part,), marked.key_marks[tuple(path) + (part,)]
            break
    where = tuple(path)
    mark = marked.value_marks.get(where) or (1, 1)
    return where, mark


def _validation_errors(shown: str, exc: ValidationError, data: Any, marked: _Marked,
                       model: type[BaseModel]) -> list[SourceError]:
    out = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        # Strip union tags that pydantic puts into loc ("value.date.precision" -> "value.precision")
        clean: list[Any] = []
        for i, part in enumerate(loc):
            if part in _TAGS and i > 0 and loc[i - 1] == "value":
                continue
            clean.append(part)
        where, (line, col) = _locate(tuple(clean), data, marked)
        written = marked.scalar_text.get(where) if where == tuple(clean) else None
        out.append(SourceError(shown, line, col, _dotted(tuple(clean)), _friendly(error, model, written)))
    return out


def _without_repeats(new: list[SourceError], reported: list[SourceError]) -> list[SourceError]:
    """Drop validation errors on a field that already has a more precise message (a YAML problem
    such as a refused tag, or a cross-field check), so that each problem is said once."""
    fields = {(e.path, e.field) for e in reported if e.field}
    return [e for e in new if (e.path, e.field) not in fields]


def _read_text(path: Path, errors: list[SourceError], missing: str) -> Optional[str]:
    """The UTF-8 text of a bank file, or None with the reason in `errors`."""
    shown = display_path(path)
    if path.is_dir():
        errors.append(SourceError(shown, 1, 1, "", "is a folder, not a file"))
        return None
    if not path.is_file():
        errors.append(SourceError(shown, 1, 1, "", missing))
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        errors.append(SourceError(shown, 1, 1, "", f"cannot read the file ({exc.strerror or exc})"))
        return None
    return _decode(path, data, errors)


# ----------------------------------------------------------------------------------------------
# article.md


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?\n?", re.S | re.M)


def parse_article(path: Path, errors: list[SourceError]) -> Optional[Article]:
    """Read article.md: YAML front matter between --- lines, then headings (#) and paragraphs."""
    meta, blocks = _read_article(path, errors)
    if meta is None or not blocks:
        return None
    return Article(meta=meta, blocks=blocks)


def _read_article(path: Path, errors: list[SourceError]) -> tuple[Optional[ArticleMeta], list[Block]]:
    """The front matter (None when it has problems) and the blocks of the body, read independently so
    that a front-matter mistake does not stop the quotes of facts.yaml from being checked."""
    shown = display_path(path)
    text = _read_text(path, errors, "missing: a bank needs article.md")
    if text is None:
        return None, []
    match = _FRONT.match(text)
    if not match:
        if re.match(r"\A---[ \t]*\r?\n", text):
            errors.append(SourceError(shown, 1, 1, "", "the front matter is not closed: add a '---' line "
                                      "after its last field"))
        else:
            errors.append(SourceError(shown, 1, 1, "", "no front matter: start the file with a '---' line, "
                                      "the title, publisher and date, and another '---' line"))
        return None, []
    data, marked, syntax = _parse_yaml(match.group(1), line_offset=1)
    meta = None
    if syntax:
        errors.append(SourceError(shown, syntax[0], syntax[1], "", syntax[2]))
    elif not isinstance(data, dict):
        errors.append(SourceError(shown, 2, 1, "", "front matter must be a mapping (title: ..., date: ...), "
                                  f"not {_describe(data)}"))
    else:
        yaml_problems = [SourceError(shown, l, c, f, m) for l, c, f, m in marked.problems]
        errors.extend(yaml_problems)
        try:
            meta = ArticleMeta.model_validate(data)
        except ValidationError as exc:
            errors.extend(_without_repeats(_validation_errors(shown, exc, data, marked, ArticleMeta), yaml_problems))
    body_start_line = text.count("\n", 0, match.end()) + 1
    blocks = _split_blocks(text[match.end():], body_start_line)
    if not any(b.kind == "paragraph" for b in blocks):
        errors.append(SourceError(shown, body_start_line, 1, "", "the article has no text after the front matter"))
    return meta, blocks


def _split_blocks(body: str, first_line: int) -> list[Block]:
    """Headings are '#' lines; paragraphs are runs of non-blank lines (joined with spaces)."""
    blocks: list[Block] = []
    buffer: list[str] = []
    start = 0

    def flush() -> None:
        if buffer:
            blocks.append(Block(kind="paragraph", text=" ".join(s.strip() for s in buffer), line=start))
            buffer.clear()

    for offset, raw in enumerate(body.splitlines()):
        line_no = first_line + offset
        stripped = raw.strip()
        if not stripped:
            flush()
            continue
        heading = re.match(r"^#{1,6}\s+(.*)$", stripped)
        if heading:
            flush()
            blocks.append(Block(kind="heading", text=heading.group(1).strip(), line=line_no))
            continue
        if not buffer:
            start = line_no
        buffer.append(stripped)
    flush()
    return blocks


def normalize_for_quote(text: str) -> str:
    """Quote matching is tolerant only of whitespace and curly/straight quotes."""
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def find_quote(article: Article, quote: str) -> Optional[Block]:
    """The block of the article holding `quote` (whole words at both ends), or None."""
    needle = normalize_for_quote(quote)
    if not needle:
        return None
    return _find_block(article.blocks, needle)


class QuoteIndex:
    """The article's blocks normalized once and joined, so that each quote is one `str.find`.

    A bank's facts all quote the same article: scanning every block with a fresh regex for every
    fact cost 1.7 s at 10k facts; this costs a few milliseconds.
    """

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        texts = [normalize_for_quote(block.text) for block in blocks]
        self.starts: list[int] = []
        position = 0
        for text in texts:
            self.starts.append(position)
            position += len(text) + 1
        # Blocks are joined with a newline, which a normalized quote never contains, so no match
        # can span two blocks.
        self.text = "\n".join(texts)

    def find(self, needle: str) -> Optional[Block]:
        """The first block holding `needle` with word boundaries at both ends (as regex `\\b`-ish
        `(?<!\\w)needle(?!\\w)`), so that a fragment such as "x" does not match inside "next"."""
        text, start = self.text, self.text.find(needle)
        while start != -1:
            end = start + len(needle)
            if not (start > 0 and _is_word_char(text[start - 1])) and not (end < len(text) and _is_word_char(text[end])):
                return self.blocks[bisect.bisect_right(self.starts, start) - 1]
            start = text.find(needle, start + 1)
        return None


def _is_word_char(char: str) -> bool:
    # The same characters as the regex class \w: letters and digits of any script, and "_".
    return char.isalnum() or char == "_"


_quote_indexes: dict[int, QuoteIndex] = {}


def _find_block(blocks: list[Block], needle: str) -> Optional[Block]:
    index = _quote_indexes.get(id(blocks))
    if index is None or index.blocks is not blocks:
        if len(_quote_indexes) > 16:
            _quote_indexes.clear()
        index = _quote_indexes[id(blocks)] = QuoteIndex(blocks)
    return index.find(needle)


# ----------------------------------------------------------------------------------------------
# facts.yaml


class _Envelope(StrictModel):
    """facts.yaml without looking inside the facts (each fact is validated on its own)."""

    version: Literal[1] = 1
    facts: list[Any] = Field(min_length=1)


def parse_facts(path: Path, errors: list[SourceError]) -> tuple[list[Fact], dict[str, int], Any, _Marked]:
    """Read facts.yaml; returns (facts, line of each fact id, raw data, marks)."""
    shown = display_path(path)
    marked = _Marked()
    text = _read_text(path, errors, "missing: a bank needs facts.yaml")
    if text is None:
        return [], {}, None, marked
    data, marked, syntax = _parse_yaml(text)
    if syntax:
        errors.append(SourceError(shown, syntax[0], syntax[1], "", syntax[2]))
        return [], {}, None, marked
    reported = [SourceError(shown, l, c, f, m) for l, c, f, m in marked.problems]
    errors.extend(reported)
    if not isinstance(data, dict):
        if data is None and reported:
            return [], {}, data, marked  # a refused value (say a !!python tag) at the top: said already
        line, col = marked.value_marks.get((), (1, 1))
        errors.append(SourceError(shown, line, col, "", "facts.yaml must be a mapping with 'version: 1' and a "
                                  f"'facts:' list, not {_describe(data)}"))
        return [], {}, data, marked
    raw_facts = data.get("facts")
    facts: list[Fact] = []
    lines: dict[str, int] = {}
    # Validate the envelope and each fact separately, so that one bad fact never hides the others.
    try:
        _Envelope.model_validate(data)
    except ValidationError as exc:
        errors.extend(_without_repeats(_validation_errors(shown, exc, data, marked, FactsFile), reported))
    if not isinstance(raw_facts, list):
        return [], {}, data, marked
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_facts):
        where = ("facts", index)
        line = marked.value_marks.get(where, (1, 1))[0]
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            fact_id = raw["id"]
            id_line, id_col = marked.value_marks.get(where + ("id",), (line, 1))
            if fact_id in seen:
                errors.append(SourceError(shown, id_line, id_col, f"facts[{index}].id",
                                          f'duplicate id "{fact_id}" (first at line {seen[fact_id]})'))
            else:
                seen[fact_id] = id_line
        # Cross-field checks run on the raw mapping, so they are reported even when a field is bad.
        cross_field = []
        for field_name, message in fact_consistency_problems(raw):
            line_col = (marked.value_marks.get(where + _field_path(field_name))
                        or marked.value_marks.get(where, (line, 1)))
            cross_field.append(SourceError(shown, line_col[0], line_col[1], f"facts[{index}].{field_name}", message))
        errors.extend(cross_field)
        try:
            fact = Fact.model_validate(raw, context=_CHECKED_RAW)
        except ValidationError as exc:
            errors.extend(_without_repeats(_fact_errors(shown, exc, index, data, marked, bool(cross_field)),
                                           reported + cross_field))
            continue
        if fact.id in lines:
            continue  # duplicate already reported
        facts.append(fact)
        lines[fact.id] = marked.value_marks.get(where + ("id",), (line, 1))[0]
    return facts, lines, data, marked


def _field_path(field_name: str) -> Path_:
    """("value", "aliases", 1) from "value.aliases[1]"."""
    path: list = []
    for part in field_name.split("."):
        name, _, index = part.partition("[")
        path.append(name)
        if index:
            path.append(int(index.rstrip("]")))
    return tuple(path)


_FACT_LIST = TypeAdapter(list[Fact])
_FAST_CHUNK = 1024  # facts validated at a time; their raw mappings are dropped as they are done


def _parse_facts_fast(bank_path: Path, facts_path: Path,
                      blocks: list[Block]) -> Optional[tuple[list[Fact], dict[str, int]]]:
    """The facts of a bank without a single problem, or None: then parse_facts and _check_quotes
    (the marked path) read the file again and report exactly what is wrong.

    A valid bank gets here the very facts and lines the marked path gives it, without the marks
    of every node that only the messages of a broken bank need (at 100k facts those marks were
    most of the memory of a load).
    """
    try:
        text = facts_path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        data, id_lines = _plain_yaml_split(text)
        del text
        if not isinstance(data, dict):
            return None
        _Envelope.model_validate(data)
        raw_facts = data["facts"]
        facts: list[Fact] = []
        quote_missing: dict[str, bool] = {}
        # The facts a chunk at a time, the same checks as parse_facts and _check_quotes: the raw
        # mappings of a chunk are freed once it is validated, and the models take their memory
        # (at 100k facts the raw mappings and the models together were a quarter of the peak).
        for start in range(0, len(raw_facts), _FAST_CHUNK):
            chunk = raw_facts[start:start + _FAST_CHUNK]
            if any(fact_consistency_problems(raw) for raw in chunk):
                return None
            quote_problems: list[SourceError] = []
            _check_quotes(bank_path, blocks, {"facts": chunk}, _Marked(), "", quote_problems, quote_missing)
            if quote_problems:
                return None
            facts.extend(_FACT_LIST.validate_python(chunk, context=_CHECKED_RAW))
            raw_facts[start:start + _FAST_CHUNK] = [None] * len(chunk)
            del chunk
        del data, raw_facts
        lines = dict(zip((fact.id for fact in facts), id_lines))
        if len(id_lines) != len(facts) or len(lines) != len(facts):
            return None  # a duplicate id (the count of ids cannot differ in a valid bank: never guess)
    except Exception:  # _NotPlain, ValidationError, or whatever else: the marked path meets it too
        return None
    return facts, lines


def _fact_errors(shown: str, exc: ValidationError, index: int, data: Any, marked: _Marked,
                 cross_field_reported: bool) -> list[SourceError]:
    out = []
    for error in exc.errors():
        if not error["loc"] and error["type"] == "value_error" and cross_field_reported:
            continue  # the cross-field checks, already reported with their own field by parse_facts
        loc: list[Any] = ["facts", index]
        raw_loc = tuple(error["loc"])
        for i, part in enumerate(raw_loc):
            if part in _TAGS and i > 0 and raw_loc[i - 1] == "value":
                continue
            loc.append(part)
        where, (line, col) = _locate(tuple(loc), data, marked)
        written = marked.scalar_text.get(where) if where == tuple(loc) else None
        # _friendly gets pydantic's loc with the union tag, to know which value model a key belongs to
        out.append(SourceError(shown, line, col, _dotted(tuple(loc)),
                               _friendly({**error, "loc": ("facts", index) + raw_loc}, FactsFile, written)))
    return out


# ----------------------------------------------------------------------------------------------
# banks


def resolve_bank_path(ref: Optional[str | Path] = None) -> Path:
    """A bank folder from a path or a bundled bank id; None means the bundled default bank."""
    if ref is None or str(ref) == "":
        ref = DEFAULT_BANK_ID
    candidate = Path(ref)
    if candidate.is_dir():
        return candidate
    if candidate.exists():
        raise QuizgenError(f"{ref}: not a bank folder (a bank is a folder with article.md and facts.yaml)")
    bundled = content_dir() / str(ref)
    if "/" not in str(ref) and bundled.is_dir():
        return bundled
    known = ", ".join(sorted(p.name for p in content_dir().iterdir() if p.is_dir())) if content_dir().is_dir() else ""
    raise QuizgenError(f"{ref}: no such bank folder or bundled bank id" + (f" (bundled: {known})" if known else ""))


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Parsing builds a large tree of small objects without reference cycles; the cyclic collector
    would rescan it again and again as it grows (3x the load time of a 10k-fact bank)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # What survived parsing is the bank, alive as long as the command runs: move it out of
            # the collector's sight rather than have the next full collection walk all of it.
            gc.freeze()
            gc.enable()


def load_bank(ref: Optional[str | Path] = None) -> Bank:
    """Load and validate a bank; raises BankError listing every problem of every file."""
    bank_path = resolve_bank_path(ref)
    article_path = bank_path / "article.md"
    facts_path = bank_path / "facts.yaml"
    if not article_path.exists() and not facts_path.exists():
        raise QuizgenError(f"{display_path(bank_path)}: not a bank folder (it has neither article.md nor facts.yaml)")
    errors: list[SourceError] = []
    with _gc_paused():
        meta, blocks = _read_article(article_path, errors)
        fast = _parse_facts_fast(bank_path, facts_path, blocks) if not errors and facts_path.is_file() else None
        if fast is not None:
            facts, lines = fast
        else:
            facts, lines, data, marked = parse_facts(facts_path, errors)
            if blocks and data is not None:
                _check_quotes(bank_path, blocks, data, marked, display_path(facts_path), errors)
            del data, marked  # the marks of every node: not needed once the messages are made
    if errors:
        raise BankError(errors)
    assert meta is not None and blocks
    _share_repeats(facts)
    article = Article(meta=meta, blocks=blocks)
    bank_id = bank_path.resolve().name
    return Bank(id=bank_id, path=bank_path, article=article, facts=facts, facts_path=facts_path, fact_lines=lines)


def _share_repeats(facts: list[Fact]) -> None:
    """Let the facts share what repeats among them: pydantic's fields-set of each model (a set per
    model instance, over a kilobyte per fact, though a bank has only a few distinct ones), the
    quotes several facts cite, and tags. At 100k facts that was a third of the loaded bank.

    Safe because authored models are frozen: nothing can add a name to a shared fields-set (only
    assignment does; model_copy copies the set before changing it)."""
    shared_sets: dict[frozenset, set[str]] = {}
    last_of_class: dict[type, set[str]] = {}  # most models have the fields-set of the previous one
    shared_texts: dict[str, str] = {}

    def share_fields_set(model: BaseModel) -> None:
        fields_set = model.__pydantic_fields_set__
        canonical = last_of_class.get(type(model))
        if canonical is None or canonical != fields_set:
            canonical = last_of_class[type(model)] = shared_sets.setdefault(frozenset(fields_set), fields_set)
        if canonical is not fields_set:
            object.__setattr__(model, "__pydantic_fields_set__", canonical)

    for fact in facts:
        share_fields_set(fact)
        source = fact.source
        share_fields_set(source)
        if fact.value is not None:
            share_fields_set(fact.value)
        quote = source.quote
        source.__dict__["quote"] = shared_texts.setdefault(quote, quote)
        tags = fact.tags  # the validator's own new list: interned in place
        for i, tag in enumerate(tags):
            tags[i] = shared_texts.setdefault(tag, tag)


def _check_quotes(bank_path: Path, blocks: list[Block], data: Any, marked: _Marked, shown: str,
                  errors: list[SourceError], quote_missing: Optional[dict[str, bool]] = None) -> None:
    """Cross-file checks on every fact, valid or not: each quote occurs in the article; images exist.
    `quote_missing` remembers which quotes were looked up, across calls on parts of one file."""
    # Several facts often quote one sentence (10k facts of a big bank quote a few hundred): look
    # each quote up once.
    quote_missing = {} if quote_missing is None else quote_missing
    for i, raw in enumerate(data.get("facts") or [] if isinstance(data, dict) else []):
        if not isinstance(raw, dict):
            continue
        source = raw.get("source")
        quote = source.get("quote") if isinstance(source, dict) else None
        missing = quote_missing.get(quote) if isinstance(quote, str) else False
        if missing is None:
            needle = normalize_for_quote(quote)
            missing = quote_missing[quote] = bool(needle) and _find_block(blocks, needle) is None
        if missing:
            line, col = marked.value_marks.get(("facts", i, "source", "quote"), (1, 1))
            errors.append(SourceError(shown, line, col, f"facts[{i}].source.quote",
                                      "not found in article.md (copy the sentence exactly; only whitespace "
                                      "and curly/straight quotes may differ)"))
        image = raw.get("image")
        if isinstance(image, str) and image.strip():
            line, col = marked.value_marks.get(("facts", i, "image"), (1, 1))
            if not _inside(bank_path, image):
                # Images go into decks and worksheets that people share: never pick up a file from
                # elsewhere on the machine (/etc/passwd, ../../secrets).
                errors.append(SourceError(shown, line, col, f"facts[{i}].image",
                                          f"image must be a file inside the bank folder: {image}"))
            elif not (bank_path / image).is_file():
                errors.append(SourceError(shown, line, col, f"facts[{i}].image", f"image file not found: {image}"))


def _inside(folder: Path, relative: str) -> bool:
    """Whether `relative` names a path inside `folder` (no absolute paths, no way out through ..)."""
    if Path(relative).is_absolute():
        return False
    try:
        (folder / relative).resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


def source_line_of(bank: Bank, quote: str) -> int:
    """The article.md line of the block holding `quote` (0 if not found)."""
    block = find_quote(bank.article, quote)
    return block.line if block else 0

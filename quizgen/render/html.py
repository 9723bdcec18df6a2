"""Worksheet HTML with Jinja2 (autoescaped): one self-contained file per sheet, with print CSS.

Templates are looked up in the user's --templates folder first, then the built-in ones; a user
template can extend the built-in one it replaces with `{% extends "default:worksheet.html.j2" %}`
(the datasette convention)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import jinja2
from markupsafe import Markup

from quizgen.errors import QuizgenError
from quizgen.output import write_text_atomic
from quizgen.resources import templates_dir as builtin_templates_dir

MAIN_TEMPLATE = "worksheet.html.j2"
_CSS_SAFE = frozenset(" .,;:!?-()[]{}#$%*+=_/|~^@`")


def css_string(value: Any) -> Markup:
    """Text for inside a CSS string in a <style> element, where HTML entities mean nothing: every
    character that could end the string or the element is a CSS escape instead."""
    out = []
    for char in str(value):
        if char.isalnum() or char in _CSS_SAFE:
            out.append(char)
        else:
            out.append(f"\\{ord(char):x} ")
    return Markup("".join(out))


def make_environment(templates_dir: Optional[Path] = None) -> jinja2.Environment:
    """A Jinja2 environment: user folder first, then built-in; `default:` names the built-in one."""
    builtin = jinja2.FileSystemLoader(str(builtin_templates_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None:
        if not Path(templates_dir).is_dir():
            raise QuizgenError(f"--templates {templates_dir}: no such folder")
        loaders.append(jinja2.FileSystemLoader(str(templates_dir)))
    loaders += [jinja2.PrefixLoader({"default": builtin}, delimiter=":"), builtin]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,  # every template, whatever its name: question text is never markup
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    return env


class HtmlRenderer:
    """Renders worksheet documents (one sheet each) to HTML files."""

    def __init__(self, templates_dir: Optional[Path] = None):
        self.env = make_environment(templates_dir)
        try:
            self.template = self.env.get_template(MAIN_TEMPLATE)
        except jinja2.TemplateError as exc:
            raise QuizgenError(f"the worksheet HTML template failed to load: {_describe(exc)}") from None

    def render(self, document: dict[str, Any]) -> str:
        """The HTML text of a document holding one sheet."""
        try:
            return self.template.render(document=document, labels=document["labels"])
        except jinja2.TemplateError as exc:
            raise QuizgenError(f"the worksheet HTML template failed: {_describe(exc)}") from None
        except Exception as exc:  # a user's template can fail in any way; never show a traceback
            raise QuizgenError(f"the worksheet HTML template failed: {type(exc).__name__}: {exc}") from None

    def write(self, path: Path, document: dict[str, Any]) -> Path:
        return write_text_atomic(path, self.render(document))


def _describe(exc: jinja2.TemplateError) -> str:
    where = ""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = f"{exc.filename or exc.name}:{exc.lineno}: "
    return f"{where}{exc.message or exc}"

"""The JSON Schema of facts.yaml, generated from the models (committed as schemas/facts.schema.json)."""

from __future__ import annotations

import json

from quizgen.model import FactsFile


def facts_schema() -> dict:
    """JSON Schema (draft 2020-12) for facts.yaml, for editors' YAML support."""
    schema = FactsFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "quizgen facts.yaml"
    return schema


def facts_schema_text() -> str:
    """The schema as committed: sorted keys, two-space indent, final newline."""
    return json.dumps(facts_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"

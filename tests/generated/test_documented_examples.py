"""Every documented example response that conforms to its schema round-trips through the generated models."""

from __future__ import annotations

import importlib
import json
import re
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import FIXTURES, ROOT

SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
EXAMPLES: list[dict[str, Any]] = json.loads((FIXTURES / "documented_examples.json").read_text())


def _model(schema: str) -> Any:
    module = re.sub(r"(?<!^)(?=[A-Z])", "_", schema).lower()
    return getattr(importlib.import_module(f"threadshim_api.models.{module}"), schema)


def _errors(example: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(
        {"$ref": f"#/components/schemas/{example['schema']}", "components": SPEC["components"]}
    )
    return [error.message for error in validator.iter_errors(example["example"])]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_fixture_label_agrees_with_the_spec(example: dict[str, Any]) -> None:
    errors = _errors(example)
    if example["conforms"]:
        assert errors == []
    else:
        assert errors, f"labelled non-conforming ({example['breaks_schema_because']}) but validates"


CONFORMING = [e for e in EXAMPLES if e["conforms"]]


def test_the_docs_hold_conforming_examples_of_both_apis() -> None:
    schemas = {e["schema"] for e in CONFORMING}
    assert {"ChatKitThread", "ChatKitThreadList", "Thread", "DeletedThread", "DeletedMessage"} <= schemas


@pytest.mark.parametrize("example", CONFORMING, ids=[e["name"] for e in CONFORMING])
def test_conforming_example_round_trips(example: dict[str, Any]) -> None:
    model = _model(example["schema"]).from_dict(example["example"])
    assert model.to_dict() == example["example"]

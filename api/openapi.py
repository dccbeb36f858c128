"""The OpenAPI document: FastAPI's, plus the measure contract and the example measures.

Routes that take a measure document read the raw JSON themselves (so that
every contract violation is reported with its JSON pointer), so their request
body is described here: the measure JSON Schema, published as components
prefixed ``Measure``, and the example measures as named examples. The
examples are optional: without their directory the API is documented
without them.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path
from typing import Any

from art52.domain.measure import measure_json_schema

log = logging.getLogger("api")

MEASURE_REF = "#/components/schemas/MeasureDocument"


def measure_components() -> dict[str, Any]:
    """The measure schema and its definitions as OpenAPI components (refs rewritten)."""
    schema = measure_json_schema()
    definitions = schema.pop("$defs", {})
    renamed = {name: f"Measure{name}" if name != "Measure" else "MeasureDocument" for name in definitions}

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                    name = value.removeprefix("#/$defs/")
                    out[key] = f"#/components/schemas/{renamed.get(name, name)}"
                else:
                    out[key] = rewrite(value)
            return out
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        return node

    components = {renamed[name]: rewrite(body) for name, body in definitions.items()}
    components["MeasureDocument"] = rewrite(schema)
    return components


@cache
def example_measures(directory: Path) -> dict[str, dict[str, Any]]:
    """The example measures by short name (``ex01`` …), or none if the directory is absent."""
    if not directory.is_dir():
        log.info("no example measures at %s; the OpenAPI document has none", directory)
        return {}
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("*.json")):
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            log.warning("skipping example %s: %s", path.name, error)
            continue
        title = value.get("title") if isinstance(value, dict) else None
        found[path.stem.split("-", 1)[0]] = {"summary": title or path.stem, "value": value}
    return found


def measure_body(examples: dict[str, dict[str, Any]], description: str) -> dict[str, Any]:
    """An ``openapi_extra`` request body: a measure document, with the example measures."""
    media: dict[str, Any] = {"schema": {"$ref": MEASURE_REF}}
    if examples:
        media["examples"] = {name: {"$ref": f"#/components/examples/{name}"} for name in examples}
    return {"requestBody": {"required": True, "description": description, "content": {"application/json": media}}}


def without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` without its ``null`` alternative (FastAPI writes ``X | None`` as ``anyOf [X, null]``)."""
    alternatives = schema.get("anyOf")
    if not isinstance(alternatives, list):
        return schema
    kept = [a for a in alternatives if a != {"type": "null"}]
    if len(kept) != 1 or len(kept) == len(alternatives):
        return schema
    rest = {key: value for key, value in schema.items() if key != "anyOf"}
    return {**kept[0], **rest}


def complete(
    document: dict[str, Any], examples: dict[str, dict[str, Any]], validation_problem: dict[str, Any]
) -> dict[str, Any]:
    """Add the measure schema and the example measures to FastAPI's generated document.

    Every operation may answer 422 (unknown query parameters are refused everywhere), always as a
    problem document: FastAPI's own ``HTTPValidationError`` description is replaced, and dropped.
    An optional parameter is described by the schema of its value: a header, query or path
    parameter cannot carry JSON ``null`` (it is absent instead), so ``anyOf [X, null]`` becomes X.
    """
    for item in document.get("paths", {}).values():
        for operation in item.values():
            operation.setdefault("responses", {})["422"] = validation_problem
            for parameter in operation.get("parameters", []):
                parameter["schema"] = without_null(parameter.get("schema", {}))
    for unused in ("HTTPValidationError", "ValidationError"):
        document.get("components", {}).get("schemas", {}).pop(unused, None)
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name, body in measure_components().items():
        schemas.setdefault(name, body)
    if examples:
        components.setdefault("examples", {}).update(examples)
    return document

"""Read a data contract (Open Data Contract Standard v3, stored as JSON) into a ``Schema``.

The contract in contracts/ is the agreement with the people who consume the data: its schema
section is what the pipeline must produce, and its version says what kind of change was made.
Replace the example contract with yours; if you keep contracts as YAML, parse them with a YAML
library and pass the resulting dict to ``schema_from_contract``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .schema import Field, Schema

#: ODCS logical types and the schema types they map to.
LOGICAL_TYPES: Mapping[str, str] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "timestamp": "timestamp",
}


class ContractError(ValueError):
    """The contract file is not a data contract this module can read."""


def load_contract(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def schema_from_contract(contract: Mapping[str, Any], object_name: str = "orders") -> Schema:
    """The ``Schema`` of one object (table) in the contract, versioned with the contract's version."""
    if contract.get("kind") != "DataContract" or not str(contract.get("apiVersion", "")).startswith("v3."):
        raise ContractError("expected an ODCS v3 DataContract (kind: DataContract, apiVersion: v3.x.y)")
    objects = {obj["name"]: obj for obj in contract.get("schema", [])}
    if object_name not in objects:
        raise ContractError(f"the contract has no object {object_name!r}; it has {sorted(objects)}")
    fields = []
    for prop in objects[object_name].get("properties", []):
        logical = prop.get("logicalType")
        if logical not in LOGICAL_TYPES:
            raise ContractError(f"{object_name}.{prop.get('name')}: unsupported logicalType {logical!r}")
        fields.append(
            Field(
                name=prop["name"],
                type=LOGICAL_TYPES[logical],
                required=bool(prop.get("required", False)),
                description=prop.get("description", ""),
                primary_key=bool(prop.get("primaryKey", False)),
            )
        )
    return Schema(object_name, str(contract["version"]), tuple(fields))

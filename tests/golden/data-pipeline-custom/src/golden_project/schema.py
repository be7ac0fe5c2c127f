"""Schemas as data: typed fields, record conformance, and a compatibility check between versions.

Whatever format the schema is kept in (a data contract, a registry schema, a declaration in
code), it is read into a ``Schema`` so that one conformance check and one compatibility check
serve them all. A change is breaking when a consumer that worked with the old schema can fail
with the new one: a field removed, a type changed, a field newly required, or a required field
relaxed to optional (consumers may now see nulls). Only adding an optional field is safe.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

#: The logical types a field may have, and the Python values that satisfy each.
TYPES: Mapping[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float, Decimal),
    "boolean": (bool,),
    "timestamp": (datetime,),
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = True
    description: str = ""
    primary_key: bool = False

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"field {self.name}: unknown type {self.type!r}; expected one of {sorted(TYPES)}")


@dataclass(frozen=True)
class Schema:
    name: str
    version: str
    fields: tuple[Field, ...]

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"schema {self.name}: fields declared twice: {', '.join(repeated)}")

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def matches_type(value: object, type_name: str) -> bool:
    """Whether ``value`` is a valid ``type_name``: bools are not numbers, timestamps must be aware."""
    if isinstance(value, bool) and type_name != "boolean":
        return False
    if type_name == "timestamp":
        return isinstance(value, datetime) and value.utcoffset() is not None
    return isinstance(value, TYPES[type_name])


def conformance_problems(record: Mapping[str, Any], schema: Schema, *, allow_extra: bool = False) -> list[str]:
    """Every way ``record`` breaks ``schema``; an empty list means it conforms."""
    problems = []
    for f in schema.fields:
        value = record.get(f.name)
        if value is None:
            if f.required:
                problems.append(f"{f.name}: required but missing")
        elif not matches_type(value, f.type):
            problems.append(f"{f.name}: expected {f.type}, got {type(value).__name__}")
    if not allow_extra:
        problems.extend(f"{name}: not in schema {schema.name}" for name in record if schema.field(name) is None)
    return problems


def breaking_changes(old: Schema, new: Schema) -> list[str]:
    """The changes from ``old`` to ``new`` that can break a consumer of ``old``."""
    problems = []
    for before in old.fields:
        after = new.field(before.name)
        if after is None:
            problems.append(f"removed field {before.name}")
        elif after.type != before.type:
            problems.append(f"changed type of {before.name} from {before.type} to {after.type}")
        elif after.required and not before.required:
            problems.append(f"made {before.name} required")
        elif before.required and not after.required:
            problems.append(f"made {before.name} optional: consumers may now see nulls")
    problems.extend(f"added required field {f.name}" for f in new.fields if f.required and old.field(f.name) is None)
    return problems


def required_bump(old: Schema, new: Schema) -> str:
    """The semantic-version bump the change needs: major (breaking), minor (fields added) or patch."""
    if breaking_changes(old, new):
        return "major"
    if set(new.names) - set(old.names):
        return "minor"
    return "patch"


def _semver(version: str) -> tuple[int, int, int]:
    parts = version.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {version!r}")
    major, minor, patch = (int(p) for p in parts)
    return major, minor, patch


def version_problems(old: Schema, new: Schema) -> list[str]:
    """Empty when ``new.version`` is bumped at least as much as the change from ``old`` requires."""
    before, after = _semver(old.version), _semver(new.version)
    needed = required_bump(old, new)
    enough = {
        "major": after[0] > before[0],
        "minor": after[:2] > before[:2],
        "patch": after >= before,
    }[needed]
    return [] if enough else [f"{needed} change needs a {needed} version bump: {old.version} -> {new.version}"]

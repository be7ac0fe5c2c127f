"""Compatibility tests: which schema changes break consumers, and which version bump they need.

Pattern: take one small schema and apply each kind of change to it: removing a field, changing
its type, adding a required field, tightening or relaxing ``required``, adding an optional
field. Assert that exactly the breaking ones are reported and that the version must move by
major, minor or patch accordingly. Replace the example fields with a few of yours.
"""

from dataclasses import replace

import pytest

from golden_project.schema import Field, Schema, breaking_changes, required_bump, version_problems

pytestmark = pytest.mark.quality

BASE = Schema(
    "orders",
    "1.4.2",
    (Field("order_id", "string"), Field("amount_eur_cents", "integer"), Field("note", "string", required=False)),
)


def evolve(*fields, version="2.0.0"):
    return Schema("orders", version, tuple(fields))


def test_an_unchanged_schema_is_compatible():
    assert breaking_changes(BASE, BASE) == []
    assert required_bump(BASE, BASE) == "patch"


@pytest.mark.parametrize(
    ("new_fields", "expected"),
    [
        pytest.param(BASE.fields[:1] + BASE.fields[2:], ["removed field amount_eur_cents"], id="removed field"),
        pytest.param(
            (BASE.fields[0], Field("amount_eur_cents", "number"), BASE.fields[2]),
            ["changed type of amount_eur_cents from integer to number"],
            id="type change",
        ),
        pytest.param(BASE.fields + (Field("region", "string"),), ["added required field region"], id="required added"),
        pytest.param(BASE.fields[:2] + (Field("note", "string"),), ["made note required"], id="optional made required"),
        pytest.param(
            (Field("order_id", "string", required=False),) + BASE.fields[1:],
            ["made order_id optional: consumers may now see nulls"],
            id="required made optional",
        ),
    ],
)
def test_breaking_changes_are_detected_and_need_a_major_version(new_fields, expected):
    new = evolve(*new_fields)
    assert breaking_changes(BASE, new) == expected
    assert required_bump(BASE, new) == "major"


def test_adding_an_optional_field_is_a_minor_change():
    new = evolve(*BASE.fields, Field("region", "string", required=False), version="1.5.0")
    assert breaking_changes(BASE, new) == []
    assert required_bump(BASE, new) == "minor"
    assert version_problems(BASE, new) == []


def test_a_description_change_is_a_patch():
    described = replace(BASE.fields[0], description="The source system's order id.")
    new = evolve(described, *BASE.fields[1:], version="1.4.3")
    assert required_bump(BASE, new) == "patch"
    assert version_problems(BASE, new) == []


def test_several_breaking_changes_are_all_reported():
    new = evolve(Field("order_id", "integer"), Field("region", "string"))
    assert breaking_changes(BASE, new) == [
        "changed type of order_id from string to integer",
        "removed field amount_eur_cents",
        "removed field note",
        "added required field region",
    ]


@pytest.mark.parametrize(
    ("version", "ok"),
    [("2.0.0", True), ("1.5.0", False), ("1.4.3", False)],
    ids=["major bump", "minor is not enough", "patch is not enough"],
)
def test_a_breaking_change_is_only_accepted_with_a_major_bump(version, ok):
    new = evolve(*BASE.fields[:2], version=version)
    assert (version_problems(BASE, new) == []) is ok


def test_a_minor_change_released_as_a_patch_is_flagged():
    new = evolve(*BASE.fields, Field("region", "string", required=False), version="1.4.3")
    assert version_problems(BASE, new) == ["minor change needs a minor version bump: 1.4.2 -> 1.4.3"]


def test_schemas_reject_unknown_types_and_repeated_fields():
    with pytest.raises(ValueError, match="unknown type 'money'"):
        Field("amount", "money")
    with pytest.raises(ValueError, match="declared twice: order_id"):
        evolve(Field("order_id", "string"), Field("order_id", "string"))

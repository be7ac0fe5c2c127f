"""Data contract tests: the pipeline delivers what contracts/orders.odcs.json promises.

Pattern: load the contract the way consumers read it, run the pipeline on a fixture, and check
every output record against the contract's schema, the primary key for uniqueness, and that the
contract and the code describe the same columns. Edits to the contract are compared with the
committed version: a breaking edit needs a major version. Replace the contract with yours and
keep these tests pointed at it.
"""

import copy
from dataclasses import fields
from pathlib import Path

import pytest

from golden_project.contract import ContractError, load_contract, schema_from_contract
from golden_project.pipeline import MemorySink, MemorySource, run_pipeline
from golden_project.records import Order
from golden_project.schema import conformance_problems, required_bump, version_problems

pytestmark = pytest.mark.quality

CONTRACT = Path(__file__).resolve().parents[2] / "contracts" / "orders.odcs.json"


@pytest.fixture
def contract():
    return load_contract(CONTRACT)


@pytest.fixture
def output(load_fixture):
    sink = MemorySink()
    result = run_pipeline(MemorySource(load_fixture("orders_raw.json")), sink)
    assert len(result.dead_letters) == 0
    return sink.rows


def properties(contract):
    return contract["schema"][0]["properties"]


def test_the_contract_is_an_active_versioned_odcs_contract(contract):
    assert contract["kind"] == "DataContract"
    assert contract["apiVersion"].startswith("v3.")
    assert contract["status"] == "active"
    assert len(contract["version"].split(".")) == 3


def test_every_property_is_described(contract):
    undocumented = [p["name"] for p in properties(contract) if not p.get("description", "").strip()]
    assert undocumented == []


def test_pipeline_output_conforms_to_the_contract(contract, output):
    schema = schema_from_contract(contract)
    assert output
    problems = {row["order_id"]: conformance_problems(row, schema) for row in output}
    assert problems == {row["order_id"]: [] for row in output}


def test_the_primary_key_is_unique_in_the_output(contract, output):
    keys = [f.name for f in schema_from_contract(contract).fields if f.primary_key]
    assert keys == ["order_id"]
    values = [tuple(row[k] for k in keys) for row in output]
    assert len(values) == len(set(values))


def test_the_contract_and_the_output_record_have_the_same_columns(contract):
    assert set(schema_from_contract(contract).names) == {f.name for f in fields(Order)}


def drop_property(contract):
    del properties(contract)[1]


def change_type(contract):
    properties(contract)[2]["logicalType"] = "number"


def add_required(contract):
    region = {"name": "region", "logicalType": "string", "required": True, "description": "Sales region."}
    properties(contract).append(region)


@pytest.mark.parametrize(
    "edit", [drop_property, change_type, add_required], ids=["removed field", "type change", "required added"]
)
def test_breaking_edits_to_the_contract_need_a_major_version(contract, edit):
    edited = copy.deepcopy(contract)
    edit(edited)
    edited["version"] = "1.1.0"
    old, new = schema_from_contract(contract), schema_from_contract(edited)
    assert required_bump(old, new) == "major"
    assert version_problems(old, new) != []
    edited["version"] = "2.0.0"
    assert version_problems(old, schema_from_contract(edited)) == []


def test_adding_an_optional_property_is_a_minor_change(contract):
    edited = copy.deepcopy(contract)
    coupon = {"name": "coupon", "logicalType": "string", "required": False, "description": "Code used."}
    properties(edited).append(coupon)
    edited["version"] = "1.1.0"
    old, new = schema_from_contract(contract), schema_from_contract(edited)
    assert required_bump(old, new) == "minor"
    assert version_problems(old, new) == []


def test_a_file_that_is_not_a_contract_is_rejected(contract):
    with pytest.raises(ContractError, match="ODCS v3"):
        schema_from_contract({**contract, "kind": "Table"})
    with pytest.raises(ContractError, match="no object 'customers'"):
        schema_from_contract(contract, "customers")

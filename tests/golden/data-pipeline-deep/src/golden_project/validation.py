"""Boundary validation: every raw record is checked against the input contract on the way in.

Validation runs before any transform and reports every problem with a record at once, so the
producer gets one complete answer per rejected record; rejected records go to the dead-letter
list with stage "validation". Replace the rules and limits with your input contract, and keep
each limit a named constant so the tests can pin the exact boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from .pipeline import DeadLetter
from .records import RecordError
from .transforms import REQUIRED_FIELDS, STATUSES, parse_timestamp, to_decimal

MAX_ID_LENGTH = 64
MIN_AMOUNT = Decimal("0")
MAX_AMOUNT = Decimal("1000000")
CURRENCY_CODE = re.compile(r"[A-Z]{3}")
EARLIEST = datetime(2000, 1, 1, tzinfo=timezone.utc)
MAX_CLOCK_SKEW = timedelta(minutes=5)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate_raw_order(raw: Mapping[str, Any], *, now: datetime) -> list[str]:
    """Every way ``raw`` breaks the input contract; an empty list means it is valid."""
    problems = [f"{name}: required" for name in REQUIRED_FIELDS if _blank(raw.get(name))]
    for name in ("order_id", "customer_id"):
        if not _blank(raw.get(name)) and len(str(raw[name]).strip()) > MAX_ID_LENGTH:
            problems.append(f"{name}: longer than {MAX_ID_LENGTH} characters")
    if not _blank(raw.get("amount")):
        try:
            amount = to_decimal(raw["amount"])
        except RecordError as error:
            problems.append(f"amount: {error}")
        else:
            if not MIN_AMOUNT <= amount <= MAX_AMOUNT:
                problems.append(f"amount: {amount} outside [{MIN_AMOUNT}, {MAX_AMOUNT}]")
    currency = raw.get("currency")
    if not _blank(currency) and not (isinstance(currency, str) and CURRENCY_CODE.fullmatch(currency.strip().upper())):
        problems.append(f"currency: {currency!r} is not a three-letter code")
    if not _blank(raw.get("updated_at")):
        try:
            updated_at = parse_timestamp(raw["updated_at"])
        except RecordError as error:
            problems.append(f"updated_at: {error}")
        else:
            if updated_at < EARLIEST:
                problems.append(f"updated_at: before {EARLIEST.date()}")
            elif updated_at > now + MAX_CLOCK_SKEW:
                problems.append(f"updated_at: more than {MAX_CLOCK_SKEW} in the future")
    status = raw.get("status")
    if not _blank(status) and str(status).strip().lower() not in STATUSES:
        problems.append(f"status: {status!r} is not one of {sorted(STATUSES)}")
    return problems


def split_valid(raws: Iterable[Mapping[str, Any]], *, now: datetime) -> tuple[list[dict[str, Any]], list[DeadLetter]]:
    """Valid records (copied) for the transforms, and a dead letter for each invalid one."""
    valid: list[dict[str, Any]] = []
    dead: list[DeadLetter] = []
    for raw in raws:
        problems = validate_raw_order(raw, now=now)
        if problems:
            dead.append(DeadLetter(dict(raw), "validation", "; ".join(problems)))
        else:
            valid.append(dict(raw))
    return valid, dead

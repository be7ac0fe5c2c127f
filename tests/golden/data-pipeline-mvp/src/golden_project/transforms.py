"""Pure transforms: timestamps to UTC, amounts to EUR, raw dicts to ``Order``, latest-wins dedup.

Every function here is pure: no I/O, no clock, no global state, and the input is never modified.
That is what makes them cheap to test exhaustively. Replace them with your own transforms and
keep that property; read the rates, the clock and the data in the pipeline, not in here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping
from datetime import datetime, timezone
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any, TypeVar

from .records import MissingFieldError, Order, RecordError

#: Units of EUR per unit of each currency. A real pipeline loads the day's rates from a source.
EXAMPLE_RATES: Mapping[str, Decimal] = {
    "EUR": Decimal("1"),
    "USD": Decimal("0.92"),
    "GBP": Decimal("1.17"),
    "JPY": Decimal("0.0061"),
}

REQUIRED_FIELDS = ("order_id", "customer_id", "amount", "currency", "updated_at")
OPTIONAL_DEFAULTS: Mapping[str, str] = {"status": "placed", "channel": "web"}
STATUSES = frozenset({"placed", "paid", "shipped", "cancelled"})
CENT = Decimal("0.01")

T = TypeVar("T")


def parse_timestamp(value: object) -> datetime:
    """An aware UTC datetime from an ISO 8601 string with an offset, epoch seconds, or a datetime.

    A timestamp without a timezone is rejected rather than guessed: assuming local time or UTC
    silently shifts events by hours, which no later check can detect.
    """
    if isinstance(value, bool):
        raise RecordError(f"not a timestamp: {value!r}")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise RecordError(f"not a timestamp: {value!r}")
        return datetime.fromtimestamp(value, tz=timezone.utc)
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise RecordError(f"not an ISO 8601 timestamp: {value!r}") from None
    else:
        raise RecordError(f"unsupported timestamp type {type(value).__name__}")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise RecordError(f"timestamp without a timezone is ambiguous: {value!r}")
    return parsed.astimezone(timezone.utc)


def to_decimal(amount: object) -> Decimal:
    """An exact Decimal from a string, int, float or Decimal; floats go through their shortest repr."""
    if isinstance(amount, bool):
        raise RecordError(f"amount is not a number: {amount!r}")
    if isinstance(amount, Decimal):
        value = amount
    elif isinstance(amount, int):
        value = Decimal(amount)
    elif isinstance(amount, float):
        # repr(19.99) == "19.99", whereas Decimal(19.99) == 19.989999999999998436805981327779591083526611328125.
        value = Decimal(repr(amount))
    elif isinstance(amount, str):
        try:
            value = Decimal(amount.strip())
        except InvalidOperation:
            raise RecordError(f"amount is not a number: {amount!r}") from None
    else:
        raise RecordError(f"amount is not a number: {amount!r}")
    if not value.is_finite():
        raise RecordError(f"amount must be finite, got {amount!r}")
    return value


def normalise_currency(amount: object, currency: object, rates: Mapping[str, Decimal] = EXAMPLE_RATES) -> Decimal:
    """``amount`` in ``currency`` converted to EUR, rounded half-to-even to whole cents."""
    if not isinstance(currency, str) or not currency.strip():
        raise RecordError(f"currency must be a code such as 'EUR', got {currency!r}")
    code = currency.strip().upper()
    if code not in rates:
        raise RecordError(f"unknown currency {currency!r}")
    return (to_decimal(amount) * rates[code]).quantize(CENT, rounding=ROUND_HALF_EVEN)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_order(raw: Mapping[str, Any], rates: Mapping[str, Decimal] = EXAMPLE_RATES) -> Order:
    """Validate and normalise one raw order dict. Raises ``RecordError`` for anything unusable."""
    missing = [name for name in REQUIRED_FIELDS if _is_blank(raw.get(name))]
    if missing:
        raise MissingFieldError(missing)
    optional = {
        name: default if _is_blank(raw.get(name)) else str(raw[name]).strip().lower()
        for name, default in OPTIONAL_DEFAULTS.items()
    }
    if optional["status"] not in STATUSES:
        raise RecordError(f"unknown status {raw.get('status')!r}; expected one of {sorted(STATUSES)}")
    amount_eur = normalise_currency(raw["amount"], raw["currency"], rates)
    return Order(
        order_id=str(raw["order_id"]).strip(),
        customer_id=str(raw["customer_id"]).strip(),
        amount_eur_cents=int(amount_eur.scaleb(2)),
        currency=str(raw["currency"]).strip().upper(),
        updated_at=parse_timestamp(raw["updated_at"]),
        **optional,
    )


def _order_id(order: Any) -> Hashable:
    return order.order_id


def _updated_at(order: Any) -> Any:
    return order.updated_at


def dedup_latest(
    records: Iterable[T],
    key: Callable[[T], Any] = _order_id,
    version: Callable[[T], Any] = _updated_at,
) -> list[T]:
    """One record per key: the one with the greatest version; on a tie, the one that arrived last.

    The result is sorted by key, so it does not depend on the order records arrived in (except
    for exact ties, which the arrival order breaks deterministically).
    """
    latest: dict[Any, T] = {}
    for record in records:
        k = key(record)
        current = latest.get(k)
        if current is None or version(record) >= version(current):
            latest[k] = record
    return [latest[k] for k in sorted(latest)]

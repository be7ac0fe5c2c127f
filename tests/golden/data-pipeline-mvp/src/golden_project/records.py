"""The record types the pipeline passes around, and their JSON form.

Raw records arrive as plain dicts (whatever the source produced); a cleaned record is an
``Order``, a frozen dataclass whose fields are exactly the columns written to the sink. Replace
``Order`` with your own output record and keep it immutable, so a transform can never change a
record another step is still holding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any


class RecordError(ValueError):
    """A record that cannot be processed. The pipeline routes it to the dead-letter list."""


class MissingFieldError(RecordError):
    """One or more required fields are absent, None or blank."""

    def __init__(self, fields: Iterable[str]) -> None:
        self.fields = tuple(fields)
        plural = "s" if len(self.fields) > 1 else ""
        super().__init__(f"missing required field{plural}: {', '.join(self.fields)}")


@dataclass(frozen=True)
class Order:
    """One cleaned order, the latest known state of ``order_id``. Amounts are integer EUR cents."""

    order_id: str
    customer_id: str
    amount_eur_cents: int
    currency: str
    updated_at: datetime
    status: str = "placed"
    channel: str = "web"

    def to_record(self) -> dict[str, Any]:
        """The row written to a sink: a plain dict with Python values (an aware UTC datetime)."""
        return asdict(self)


def format_timestamp(value: datetime) -> str:
    """ISO 8601 in UTC with a ``Z`` suffix, e.g. ``2024-03-01T09:00:00Z``."""
    if value.tzinfo is None:
        raise ValueError("refusing to format a naive datetime: its timezone is unknown")
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def to_json_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``record`` that ``json.dumps`` accepts: datetimes become ISO 8601 UTC strings."""
    return {key: format_timestamp(value) if isinstance(value, datetime) else value for key, value in record.items()}

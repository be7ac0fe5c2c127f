"""Validation of the feature vectors a served model receives.

Everything that reaches the model goes through ``validate_instances`` first, so bad input gets a
clear error naming the row and the problem, never a numpy traceback or a silent NaN prediction.
Replace the rules with your input schema (column names, ranges, categories).
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np


class InvalidInput(ValueError):
    """The input does not match the model's schema; the message says where and why."""


def validate_instances(instances: Any, n_features: int, max_batch: int = 1000) -> np.ndarray:
    """Check a list of feature rows and return them as a float64 matrix."""
    if not isinstance(instances, Sequence) or isinstance(instances, (str, bytes)):
        raise InvalidInput(f"instances must be a list of feature lists, got {type(instances).__name__}")
    if len(instances) == 0:
        raise InvalidInput("instances is empty")
    if len(instances) > max_batch:
        raise InvalidInput(f"at most {max_batch} instances per request, got {len(instances)}")
    for i, row in enumerate(instances):
        if not isinstance(row, Sequence) or isinstance(row, (str, bytes)):
            raise InvalidInput(f"instance {i} must be a list of {n_features} numbers, got {type(row).__name__}")
        if len(row) != n_features:
            raise InvalidInput(f"instance {i} has {len(row)} features, expected {n_features}")
        for j, value in enumerate(row):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise InvalidInput(f"instance {i}, feature {j} must be a number, got {value!r}")
            if not math.isfinite(value):
                raise InvalidInput(f"instance {i}, feature {j} must be finite, got {value!r}")
    return np.asarray(instances, dtype=np.float64)

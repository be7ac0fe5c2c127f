"""Checkpoints that resume a training run exactly: weights, optimizer state, counters, RNG state.

Saved as one ``.npz`` file (arrays) holding a JSON description of the rest, written to a
temporary file first and then renamed, so a crash mid-save never corrupts the last checkpoint.
With PyTorch, torch_checkpoint.py shows the same pattern; keep the resume test either way.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from .train import Trainer

_ARRAY = "__array__"


class CheckpointError(RuntimeError):
    """A checkpoint file is missing or unreadable."""


def _split(tree: Any, arrays: dict[str, np.ndarray]) -> Any:
    """Replace every array in a nested structure with a reference, collecting the arrays."""
    if isinstance(tree, np.ndarray):
        key = f"a{len(arrays)}"
        arrays[key] = tree
        return {_ARRAY: key}
    if isinstance(tree, dict):
        return {str(k): _split(v, arrays) for k, v in tree.items()}
    if isinstance(tree, (list, tuple)):
        return [_split(v, arrays) for v in tree]
    if isinstance(tree, np.generic):
        return tree.item()
    return tree


def _join(tree: Any, arrays: Any) -> Any:
    if isinstance(tree, dict):
        if set(tree) == {_ARRAY}:
            return arrays[tree[_ARRAY]].copy()
        return {k: _join(v, arrays) for k, v in tree.items()}
    if isinstance(tree, list):
        return [_join(v, arrays) for v in tree]
    return tree


def save_checkpoint(path: str | Path, trainer: Trainer) -> Path:
    path = Path(path)
    arrays: dict[str, np.ndarray] = {}
    structure = _split(trainer.state_dict(), arrays)
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "wb") as handle:
        np.savez(handle, __state__=np.array(json.dumps(structure)), **arrays)
    os.replace(temporary, path)
    return path


def load_checkpoint(path: str | Path) -> dict[str, Any]:
    """The state saved by :func:`save_checkpoint`, ready for ``Trainer.load_state_dict``."""
    try:
        with np.load(path, allow_pickle=False) as data:
            structure = json.loads(str(data["__state__"]))
            return _join(structure, data)
    except (OSError, KeyError, ValueError) as error:
        raise CheckpointError(f"cannot read checkpoint {path}: {error}") from error


def resume(path: str | Path, trainer: Trainer) -> Trainer:
    """Load a checkpoint into ``trainer`` (built with the same model shape and config) and return it."""
    trainer.load_state_dict(load_checkpoint(path))
    return trainer

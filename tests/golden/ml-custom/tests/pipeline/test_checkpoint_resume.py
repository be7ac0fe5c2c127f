"""Checkpoint tests: a round trip restores everything, and a resumed run matches an uninterrupted one.

Pattern: train N epochs straight; separately train k epochs, checkpoint, rebuild the trainer from
scratch (with a different seed, to prove the state really comes from the file), resume for N - k
epochs, and require bit-identical weights. The last test shows why the RNG state is part of the
checkpoint. Replace the trainer with yours and keep the uninterrupted-vs-resumed comparison.
"""

import numpy as np
import pytest

from golden_project.checkpoint import CheckpointError, load_checkpoint, resume, save_checkpoint
from golden_project.config import TrainingConfig
from golden_project.model import LogisticRegression
from golden_project.train import Trainer

pytestmark = pytest.mark.integration


def new_trainer(data, config):
    return Trainer(LogisticRegression(data.n_features, seed=config.seed), config)


def assert_same_state(actual, expected):
    assert actual.step == expected.step and actual.epoch == expected.epoch
    assert actual.history == expected.history
    assert actual.rng.bit_generator.state == expected.rng.bit_generator.state
    for name in expected.model.params:
        np.testing.assert_array_equal(actual.model.params[name], expected.model.params[name])


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_round_trip_restores_weights_optimizer_step_and_rng(tiny_dataset, artifacts_dir, optimizer):
    config = TrainingConfig(optimizer=optimizer, epochs=3, seed=5)
    trainer = new_trainer(tiny_dataset, config)
    trainer.fit(tiny_dataset.X_train, tiny_dataset.y_train)
    save_checkpoint(artifacts_dir / "ckpt.npz", trainer)

    other_seed = TrainingConfig(optimizer=optimizer, seed=6)
    restored = resume(artifacts_dir / "ckpt.npz", new_trainer(tiny_dataset, other_seed))

    assert_same_state(restored, trainer)
    expected_optimizer = trainer.optimizer.state_dict()
    actual_optimizer = restored.optimizer.state_dict()
    assert actual_optimizer.keys() == expected_optimizer.keys()
    for key, value in expected_optimizer.items():
        if isinstance(value, dict):
            assert value.keys() == actual_optimizer[key].keys()
            for name in value:
                np.testing.assert_array_equal(actual_optimizer[key][name], value[name])
        else:
            assert actual_optimizer[key] == value


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_resumed_run_matches_an_uninterrupted_run(tiny_dataset, artifacts_dir, optimizer):
    config = TrainingConfig(optimizer=optimizer, seed=9)
    X, y = tiny_dataset.X_train, tiny_dataset.y_train
    straight = new_trainer(tiny_dataset, config)
    straight.fit(X, y, epochs=6)

    interrupted = new_trainer(tiny_dataset, config)
    interrupted.fit(X, y, epochs=3)
    save_checkpoint(artifacts_dir / "ckpt.npz", interrupted)
    del interrupted
    other_seed = TrainingConfig(optimizer=optimizer, seed=123)
    resumed = resume(artifacts_dir / "ckpt.npz", new_trainer(tiny_dataset, other_seed))
    resumed.fit(X, y, epochs=3)

    assert_same_state(resumed, straight)


def test_resuming_without_the_rng_state_diverges(tiny_dataset, artifacts_dir):
    """Why the RNG state is saved: with a fresh generator the batches differ, and so do the weights."""
    config = TrainingConfig(seed=9)
    X, y = tiny_dataset.X_train, tiny_dataset.y_train
    straight = new_trainer(tiny_dataset, config)
    straight.fit(X, y, epochs=4)
    interrupted = new_trainer(tiny_dataset, config)
    interrupted.fit(X, y, epochs=2)
    state = interrupted.state_dict()
    careless = new_trainer(tiny_dataset, config)
    state["rng"] = careless.rng.bit_generator.state
    careless.load_state_dict(state)
    careless.fit(X, y, epochs=2)
    assert not np.array_equal(careless.model.params["W"], straight.model.params["W"])


def test_save_leaves_no_temporary_file(tiny_dataset, artifacts_dir):
    trainer = new_trainer(tiny_dataset, TrainingConfig(epochs=1))
    trainer.fit(tiny_dataset.X_train, tiny_dataset.y_train)
    save_checkpoint(artifacts_dir / "ckpt.npz", trainer)
    save_checkpoint(artifacts_dir / "ckpt.npz", trainer)
    assert [p.name for p in artifacts_dir.iterdir()] == ["ckpt.npz"]


@pytest.mark.parametrize("content", [None, b"not a checkpoint"], ids=["missing", "corrupt"])
def test_unreadable_checkpoint_raises_a_clear_error(artifacts_dir, content):
    path = artifacts_dir / "ckpt.npz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CheckpointError, match="cannot read checkpoint"):
        load_checkpoint(path)

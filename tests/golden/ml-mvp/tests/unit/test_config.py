"""Unit tests for the training config: defaults filled in, invalid values rejected clearly.

Pattern: a config fails when it is built, naming the bad field, rather than halfway through a
training run. Replace ``TrainingConfig`` with your config class and keep one case per rule.
"""

import re

import pytest

from golden_project.config import ConfigError, TrainingConfig

pytestmark = pytest.mark.unit


def test_missing_keys_take_their_defaults():
    config = TrainingConfig.from_dict({"learning_rate": 0.01})
    assert config.learning_rate == 0.01
    assert config == TrainingConfig(learning_rate=0.01)
    assert config.optimizer == TrainingConfig().optimizer


def test_round_trips_through_a_plain_dict():
    config = TrainingConfig(learning_rate=0.05, epochs=3, optimizer="sgd", seed=7)
    assert TrainingConfig.from_dict(config.to_dict()) == config


@pytest.mark.parametrize(
    ("values", "message"),
    [
        pytest.param({"learning_rate": -0.1}, "learning_rate must be in (0.0, 10.0], got -0.1", id="negative-lr"),
        pytest.param({"learning_rate": 0}, "learning_rate must be in (0.0, 10.0], got 0", id="zero-lr"),
        pytest.param({"learning_rate": float("nan")}, "learning_rate must be a finite number", id="nan-lr"),
        pytest.param(
            {"optimizer": "rmsprop"},
            "optimizer must be one of sgd, momentum, adam, got 'rmsprop'",
            id="unknown-optimizer",
        ),
        pytest.param({"epochs": 0}, "epochs must be at least 1, got 0", id="zero-epochs"),
        pytest.param({"epochs": 2.5}, "epochs must be an integer, got 2.5", id="fractional-epochs"),
        pytest.param({"batch_size": True}, "batch_size must be an integer, got True", id="bool-batch-size"),
        pytest.param({"momentum": 1.0}, "momentum must be below 1.0", id="momentum-one"),
        pytest.param({"l2": -1e-3}, "l2 must be in [0.0, inf], got -0.001", id="negative-l2"),
    ],
)
def test_invalid_values_are_rejected_with_the_field_named(values, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        TrainingConfig.from_dict(values)


def test_unknown_keys_are_rejected_so_typos_surface():
    with pytest.raises(ConfigError, match="unknown config key.*learnig_rate"):
        TrainingConfig.from_dict({"learnig_rate": 0.1})


def test_config_is_immutable():
    config = TrainingConfig()
    with pytest.raises(AttributeError):
        config.learning_rate = 1.0  # type: ignore[misc]

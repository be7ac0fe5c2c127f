"""Smoke tests for the bounded wait: a stuck model must not hold the client, nor pile up threads.

Pattern: a stand-in model blocks on a ``threading.Event`` that only the test sets, so the
inference provably cannot finish while the test looks. The bounded call must already have
answered (a timeout, or 504 from the service) at that point, and the slot of the abandoned call
must stay taken until its thread really ends. No test measures elapsed time, so none can flake
on a slow runner. Keep these tests when you replace the model; point ``BlockingModel`` at
whatever interface your predictor calls.
"""

import asyncio
import threading

import numpy as np
import pytest

from golden_project.config import TrainingConfig
from golden_project.serving import BoundedPredictor, Overloaded, PredictionService, PredictionTimeout
from golden_project.train import train_logistic_regression

pytestmark = pytest.mark.smoke

ROW = [[1.0, 2.0, 3.0]]
SHORT = 0.05  # seconds the caller is willing to wait; the blocked model never answers that fast
# Only a broken bound ever reaches this: the model is released anyway, so a wait that is not
# bounded shows up as a failed assertion instead of a hung test run.
SAFETY_NET = 10.0


class BlockingModel:
    """A model whose predict_proba does not return until the test sets ``release``."""

    n_features = 3

    def __init__(self) -> None:
        self.release = threading.Event()
        self.finished = threading.Event()
        self.calls = 0

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        self.calls += 1
        self.release.wait()
        self.finished.set()
        return np.full((len(X), 2), 0.5)


@pytest.fixture
def blocking():
    model = BlockingModel()
    net = threading.Timer(SAFETY_NET, model.release.set)
    net.daemon = True
    net.start()
    yield model
    net.cancel()
    model.release.set()  # never leave a worker thread blocked, even when a test fails


def test_the_caller_gets_a_timeout_while_the_inference_is_still_running(blocking):
    bounded = BoundedPredictor(blocking.predict_proba, timeout_s=SHORT, max_in_flight=2)
    with pytest.raises(PredictionTimeout, match="still running"):
        asyncio.run(bounded.predict(np.zeros((1, 3))))
    # The caller already has its answer, yet the model call cannot have returned.
    assert not blocking.finished.is_set()
    assert bounded.in_flight == 1
    blocking.release.set()
    bounded.close(wait=True)
    assert blocking.finished.is_set()  # the thread ran on to the end after the caller left
    assert bounded.in_flight == 0


def test_the_service_answers_504_instead_of_waiting_for_a_stuck_model(blocking):
    service = PredictionService(blocking, "2024-01-01.1", timeout_s=SHORT)
    status, body = asyncio.run(service.handle_async({"instances": ROW}))
    assert status == 504
    assert "still running" in body["error"]
    assert not blocking.finished.is_set()
    blocking.release.set()
    service.close()


def test_abandoned_calls_keep_their_slot_until_the_model_returns(blocking):
    bounded = BoundedPredictor(blocking.predict_proba, timeout_s=SHORT, max_in_flight=1)

    async def two_requests() -> None:
        with pytest.raises(PredictionTimeout):
            await bounded.predict(np.zeros((1, 3)))
        with pytest.raises(Overloaded):
            await bounded.predict(np.zeros((1, 3)))

    asyncio.run(two_requests())
    blocking.release.set()
    bounded.close(wait=True)
    assert blocking.calls == 1  # the second request was turned away without starting a thread
    assert bounded.in_flight == 0


def test_a_saturated_service_answers_503(blocking):
    service = PredictionService(blocking, "2024-01-01.1", timeout_s=SHORT, max_in_flight=1)

    async def two_requests() -> list[int]:
        first = await service.handle_async({"instances": ROW})
        second = await service.handle_async({"instances": ROW})
        return [first[0], second[0]]

    assert asyncio.run(two_requests()) == [504, 503]
    blocking.release.set()
    service.close()


def test_invalid_input_is_rejected_before_any_thread_starts(blocking):
    service = PredictionService(blocking, "2024-01-01.1", timeout_s=SHORT)
    status, body = asyncio.run(service.handle_async({"instances": [[1.0, 2.0]]}))
    assert status == 400
    assert "expected 3" in body["error"]
    assert blocking.calls == 0
    assert service.predictor.in_flight == 0


def test_a_fast_model_answers_through_the_bound_like_the_plain_handler(tiny_dataset):
    model, _ = train_logistic_regression(tiny_dataset.X_train, tiny_dataset.y_train, TrainingConfig(epochs=10))
    service = PredictionService(model, "2024-01-01.1", timeout_s=30.0)
    request = {"instances": tiny_dataset.X_test[:4].tolist()}
    try:
        assert asyncio.run(service.handle_async(request)) == service.handle(request)
    finally:
        service.close()


@pytest.mark.parametrize(("timeout_s", "max_in_flight"), [(0.0, 1), (-1.0, 1), (1.0, 0)])
def test_nonsense_limits_are_refused(timeout_s, max_in_flight):
    with pytest.raises(ValueError):
        BoundedPredictor(np.asarray, timeout_s=timeout_s, max_in_flight=max_in_flight)

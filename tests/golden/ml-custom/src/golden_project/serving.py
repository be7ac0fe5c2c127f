"""The online prediction service, independent of any web framework.

``handle`` takes the decoded JSON body and returns ``(status, body)``; ``handle_async`` does the
same for async servers with the model call bounded in time. A thin adapter in FastAPI, Starlette
or a serverless handler does the HTTP part, for example
``status, body = await service.handle_async(await request.json())``. Keeping the logic here makes
the contract testable without a server. Replace the model loading and response fields with
yours; keep the validation in front of the model, the bounded wait and the versioned response.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Protocol

import numpy as np

from .inputs import InvalidInput, validate_instances
from .model import LogisticRegression


class Classifier(Protocol):
    @property
    def n_features(self) -> int: ...

    def predict_proba(self, X: np.ndarray) -> np.ndarray: ...


class PredictionTimeout(TimeoutError):
    """No prediction within the deadline. The model call is still running in its thread."""


class Overloaded(RuntimeError):
    """Every prediction slot is taken, counting calls whose callers already timed out."""


class BoundedPredictor:
    """Runs a blocking predict function in worker threads and bounds how long a caller waits.

    Python cannot stop a thread, so a call that times out keeps running to the end and keeps
    its thread busy. That is why the number of calls in flight is capped, and why a call holds
    its slot until its thread finishes, not until its caller gives up: otherwise every timeout
    would let one more stuck inference start. Past the cap, callers fail fast with
    ``Overloaded`` (answer 503) instead of queueing behind work nobody waits for.
    """

    def __init__(self, predict: Callable[[np.ndarray], np.ndarray], timeout_s: float, max_in_flight: int = 4) -> None:
        if timeout_s <= 0:
            raise ValueError(f"timeout_s must be positive, got {timeout_s}")
        if max_in_flight < 1:
            raise ValueError(f"max_in_flight must be at least 1, got {max_in_flight}")
        self._predict = predict
        self.timeout_s = timeout_s
        self.max_in_flight = max_in_flight
        # One thread per slot, so an admitted call starts at once and never queues.
        self._pool = ThreadPoolExecutor(max_workers=max_in_flight, thread_name_prefix="predict")
        self._lock = threading.Lock()
        self._in_flight = 0

    @property
    def in_flight(self) -> int:
        """Calls whose threads have not finished yet, abandoned ones included."""
        with self._lock:
            return self._in_flight

    def _release(self, _finished: Future | None = None) -> None:
        with self._lock:
            self._in_flight -= 1

    async def predict(self, X: np.ndarray) -> np.ndarray:
        with self._lock:
            if self._in_flight >= self.max_in_flight:
                raise Overloaded(f"{self.max_in_flight} predictions already in flight; retry later")
            self._in_flight += 1
        try:
            future = self._pool.submit(self._predict, X)
        except BaseException:
            self._release()
            raise
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout_s)
        except TimeoutError:
            raise PredictionTimeout(
                f"no prediction within {self.timeout_s:g} s; the model call is still running"
            ) from None

    def close(self, wait: bool = True) -> None:
        """Stop accepting work; with ``wait`` also wait for running calls (graceful shutdown)."""
        self._pool.shutdown(wait=wait)


class PredictionService:
    def __init__(
        self,
        model: Classifier,
        model_version: str,
        max_batch: int = 1000,
        timeout_s: float = 1.0,
        max_in_flight: int = 4,
    ) -> None:
        self.model = model
        self.model_version = model_version
        self.max_batch = max_batch
        self.predictor = BoundedPredictor(model.predict_proba, timeout_s, max_in_flight)

    @classmethod
    def from_artifact(cls, path: str | Path, model_version: str, **options: Any) -> "PredictionService":
        return cls(LogisticRegression.load(path), model_version, **options)

    def health(self) -> dict[str, Any]:
        return {"status": "ok", "model_version": self.model_version, "n_features": self.model.n_features}

    def _parse(self, payload: Any) -> np.ndarray:
        if not isinstance(payload, dict) or "instances" not in payload:
            raise InvalidInput('request body must be a JSON object with an "instances" list')
        unknown = sorted(set(payload) - {"instances"})
        if unknown:
            raise InvalidInput(f"unknown request field(s): {', '.join(unknown)}")
        return validate_instances(payload["instances"], self.model.n_features, self.max_batch)

    def _answer(self, proba: np.ndarray) -> dict[str, Any]:
        predictions = [
            {"label": int(row.argmax()), "probabilities": [round(float(p), 6) for p in row]} for row in proba
        ]
        return {"model_version": self.model_version, "predictions": predictions}

    def handle(self, payload: Any) -> tuple[int, dict[str, Any]]:
        """``{"instances": [[f1, ..., fn], ...]}`` -> 200 with one prediction per instance, or 400."""
        try:
            X = self._parse(payload)
        except InvalidInput as error:
            return 400, {"error": str(error)}
        return 200, self._answer(self.model.predict_proba(X))

    async def handle_async(self, payload: Any) -> tuple[int, dict[str, Any]]:
        """Like ``handle``, but answers 504 when the model misses the deadline and 503 when saturated."""
        try:
            X = self._parse(payload)
        except InvalidInput as error:
            return 400, {"error": str(error)}
        try:
            proba = await self.predictor.predict(X)
        except PredictionTimeout as error:
            return 504, {"error": str(error)}
        except Overloaded as error:
            return 503, {"error": str(error)}
        return 200, self._answer(proba)

    def close(self) -> None:
        self.predictor.close(wait=True)

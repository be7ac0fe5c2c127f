"""The online prediction service, independent of any web framework.

``handle`` takes the decoded JSON body and returns ``(status, body)``; a thin adapter in FastAPI,
Flask or a serverless handler does the HTTP part. Keeping the logic here makes the contract
testable without a server. Replace the model loading and response fields with yours; keep the
validation in front of the model and the versioned response.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .inputs import InvalidInput, validate_instances
from .model import LogisticRegression


class PredictionService:
    def __init__(self, model: LogisticRegression, model_version: str, max_batch: int = 1000) -> None:
        self.model = model
        self.model_version = model_version
        self.max_batch = max_batch

    @classmethod
    def from_artifact(cls, path: str | Path, model_version: str) -> "PredictionService":
        return cls(LogisticRegression.load(path), model_version)

    def health(self) -> dict[str, Any]:
        return {"status": "ok", "model_version": self.model_version, "n_features": self.model.n_features}

    def handle(self, payload: Any) -> tuple[int, dict[str, Any]]:
        """``{"instances": [[f1, ..., fn], ...]}`` -> 200 with one prediction per instance, or 400."""
        if not isinstance(payload, dict) or "instances" not in payload:
            return 400, {"error": 'request body must be a JSON object with an "instances" list'}
        unknown = sorted(set(payload) - {"instances"})
        if unknown:
            return 400, {"error": f"unknown request field(s): {', '.join(unknown)}"}
        try:
            X = validate_instances(payload["instances"], self.model.n_features, self.max_batch)
        except InvalidInput as error:
            return 400, {"error": str(error)}
        proba = self.model.predict_proba(X)
        predictions = [
            {"label": int(row.argmax()), "probabilities": [round(float(p), 6) for p in row]} for row in proba
        ]
        return 200, {"model_version": self.model_version, "predictions": predictions}

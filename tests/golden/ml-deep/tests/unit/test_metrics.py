"""Unit tests for metrics against values worked out by hand.

Pattern: tiny inputs whose answers you can verify on paper (the working is in each test), plus
the degenerate cases (empty input, one class only). Replace with your metrics; if you switch to
``sklearn.metrics``, keep these tests to catch swapped arguments or the wrong positive class.
"""

import math

import numpy as np
import pytest

from golden_project.metrics import accuracy, confusion_matrix, log_loss, precision_recall_f1, roc_auc

pytestmark = pytest.mark.unit

# Worked example: TP = 3 (rows 0, 3, 5), FN = 1 (row 2), FP = 2 (rows 4, 6), TN = 1 (row 1).
# FP and FN differ on purpose, so swapped arguments or a transposed matrix give other numbers.
Y_TRUE = np.array([1, 0, 1, 1, 0, 1, 0])
Y_PRED = np.array([1, 0, 0, 1, 1, 1, 1])


def test_accuracy_counts_matching_labels():
    assert accuracy(Y_TRUE, Y_PRED) == pytest.approx(4 / 7)


def test_confusion_matrix_rows_are_true_classes():
    # Row 0 (true 0): TN = 1, FP = 2. Row 1 (true 1): FN = 1, TP = 3.
    np.testing.assert_array_equal(confusion_matrix(Y_TRUE, Y_PRED), [[1, 2], [1, 3]])


def test_precision_recall_f1_by_hand():
    # precision = TP / (TP + FP) = 3/5, recall = TP / (TP + FN) = 3/4, F1 = 2PR / (P + R) = 2/3.
    precision, recall, f1 = precision_recall_f1(Y_TRUE, Y_PRED)
    assert (precision, recall, f1) == pytest.approx((0.6, 0.75, 2 / 3))


def test_precision_recall_for_the_other_class():
    # With 0 as the positive class: TP = 1 (row 1), FP = 1 (row 2), FN = 2 (rows 4, 6):
    # precision 1/2, recall 1/3, F1 = 2 * (1/2) * (1/3) / (5/6) = 2/5.
    assert precision_recall_f1(Y_TRUE, Y_PRED, positive=0) == pytest.approx((0.5, 1 / 3, 0.4))


def test_precision_is_zero_not_nan_when_nothing_is_predicted_positive():
    assert precision_recall_f1(np.array([1, 0]), np.array([0, 0])) == (0.0, 0.0, 0.0)


def test_log_loss_by_hand():
    # True-class probabilities 0.9 and 0.6: -(ln 0.9 + ln 0.6) / 2.
    proba = np.array([[0.1, 0.9], [0.6, 0.4]])
    expected = -(math.log(0.9) + math.log(0.6)) / 2
    assert log_loss(np.array([1, 0]), proba) == pytest.approx(expected)
    assert expected == pytest.approx(0.308093, abs=1e-6)


def test_log_loss_stays_finite_for_a_confident_wrong_answer():
    assert math.isfinite(log_loss(np.array([1]), np.array([[1.0, 0.0]])))


def test_roc_auc_by_hand():
    # Pairs (positive score > negative score): 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes: 3/4.
    assert roc_auc(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])) == pytest.approx(0.75)


def test_roc_auc_counts_ties_as_half():
    assert roc_auc(np.array([0, 1]), np.array([0.5, 0.5])) == pytest.approx(0.5)


@pytest.mark.parametrize(
    "call",
    [
        lambda: accuracy(np.array([]), np.array([])),
        lambda: accuracy(np.array([1, 0]), np.array([1])),
        lambda: roc_auc(np.array([1, 1]), np.array([0.2, 0.9])),
    ],
    ids=["empty", "length-mismatch", "single-class-auc"],
)
def test_metrics_reject_degenerate_input(call):
    with pytest.raises(ValueError):
        call()

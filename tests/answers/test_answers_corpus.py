"""The labelled corpus in CI: accuracy cannot silently regress, and no false accusation ever passes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from cctv_audit.answers import evaluate

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
DEV = HERE.parents[2] / "shared" / "eval" / "foi_real_dev"


@pytest.fixture(scope="module")
def corpus_report():
    return evaluate(CORPUS)


def test_corpus_is_large_and_matches_its_generator():
    import importlib.util

    spec = importlib.util.spec_from_file_location("corpus_gen", HERE / "corpus_gen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    built = module.build()
    assert len(built) >= 150
    for case_id, text, labels in built:
        assert (CORPUS / f"{case_id}.txt").read_text(encoding="utf-8") == text, (
            f"regenerate: {case_id}"
        )
        assert json.loads((CORPUS / f"{case_id}.json").read_text(encoding="utf-8")) == labels


def test_corpus_has_no_false_accusations(corpus_report):
    assert corpus_report.false_accusations == []


def test_corpus_meets_the_targets(corpus_report):
    data = corpus_report.to_dict()
    assert data["outcome_accuracy"] >= 0.93, data["mistakes"]
    assert data["in_use"]["precision"] >= 0.98, data["mistakes"]
    assert data["in_use"]["recall"] >= 0.95, data["mistakes"]
    assert data["counts_exact"] >= 0.9, data["mistakes"]
    assert data["exemptions"]["f1"] >= 0.95, data["mistakes"]
    assert data["denied"]["f1"] >= 0.9, data["mistakes"]


@pytest.mark.skipif(not DEV.is_dir(), reason="shared eval set not beside the repository")
def test_real_dev_set_meets_the_targets():
    """No false accusation ever; the other figures may not fall below rules-1.8's on these 22 replies.

    Outcome (0.955) now meets the issue's 0.85; in-use recall (0.75, two makers of cut-off pages) and counts
    (0.80) do not yet: the floors here are the measured figures (see docs/benchmarks.md), so they can only rise.
    """
    data = evaluate(DEV).to_dict()
    assert data["false_accusations"] == []
    assert data["outcome_accuracy"] >= 0.95, data["mistakes"]
    assert data["in_use"]["precision"] >= 0.98 and data["in_use"]["recall"] >= 0.75, data[
        "mistakes"
    ]
    assert data["counts_exact"] >= 0.8 and data["exemptions"]["f1"] >= 0.99, data["mistakes"]
    accepted = data["accepted_without_review"]
    assert accepted["false_accusations"] == 0 and accepted["outcome_accuracy"] >= 0.93, data[
        "mistakes"
    ]


BLIND_B18 = HERE / "blind" / "b18"
BLIND_B21 = BLIND_B18.parent / "b21"


def test_blind_batch_b18_holds_its_figures():
    """b18: 40 replies written by a helper who had not read answers/, scored before any rule changed for them
    (docs/blind-batches.md has the before-fix row). Floors at the rules-1.8 figures; no false accusation, also
    none accepted without review."""
    data = evaluate(BLIND_B18).to_dict()
    assert data["false_accusations"] == []
    assert data["outcome_accuracy"] >= 0.92, data["mistakes"]
    assert data["in_use"]["precision"] >= 0.9 and data["in_use"]["recall"] >= 0.78, data["mistakes"]
    assert data["counts_exact"] >= 0.6 and data["exemptions"]["f1"] >= 0.9, data["mistakes"]
    accepted = data["accepted_without_review"]
    assert accepted["false_accusations"] == 0 and accepted["outcome_accuracy"] >= 0.94, data[
        "mistakes"
    ]


def test_blind_batch_b21_holds_its_figures():
    """b21: 40 replies by a helper who had not read answers/ (30 texts, 3 PDF, 3 DOCX, 2 XLSX, 2 e-mails), scored
    before any rule changed for them (docs/blind-batches.md has the before-fix row). Floors at the rules-1.11
    figures; no false accusation, also none accepted without review."""
    data = evaluate(BLIND_B21).to_dict()
    assert data["cases"] == 40
    assert data["false_accusations"] == []
    assert data["outcome_accuracy"] >= 0.92, data["mistakes"]
    assert data["in_use"]["precision"] >= 0.98 and data["in_use"]["recall"] >= 0.95, data[
        "mistakes"
    ]
    assert data["counts_exact"] >= 0.95 and data["exemptions"]["f1"] >= 0.97, data["mistakes"]
    assert data["denied"]["f1"] >= 0.97, data["mistakes"]
    accepted = data["accepted_without_review"]
    assert accepted["false_accusations"] == 0 and accepted["outcome_accuracy"] >= 0.93, data[
        "mistakes"
    ]


#: Blind batches b22-b40 (40 replies each, by helpers who had read neither answers/ nor each other's batch;
#: texts, PDF, DOCX, XLSX, e-mail and one saved web page), scored before any rule changed for them
#: (docs/blind-batches.md has each before-fix row). Floors at the figures after their fixes (rules-1.11 to 1.24).
BLIND_FLOORS = {
    "b34": {
        "outcome": 0.95,
        "in_use_p": 0.96,
        "in_use_r": 0.89,
        "denied": 0.96,
        "exemptions": 0.89,
        "counts": 0.71,
    },
    "b35": {
        "outcome": 0.95,
        "in_use_p": 0.98,
        "in_use_r": 0.93,
        "denied": 0.9,
        "exemptions": 0.95,
        "counts": 0.81,
    },
    "b36": {
        "outcome": 0.92,
        "in_use_p": 1.0,
        "in_use_r": 0.97,
        "denied": 0.96,
        "exemptions": 0.91,
        "counts": 0.86,
    },
    "b37": {
        "outcome": 0.97,
        "in_use_p": 1.0,
        "in_use_r": 0.88,
        "denied": 0.86,
        "exemptions": 0.97,
        "counts": 0.74,
    },
    "b38": {
        "outcome": 0.95,
        "in_use_p": 0.96,
        "in_use_r": 0.83,
        "denied": 0.85,
        "exemptions": 0.91,
        "counts": 0.82,
    },
    "b39": {
        "outcome": 0.95,
        "in_use_p": 1.0,
        "in_use_r": 0.94,
        "denied": 0.88,
        "exemptions": 0.93,
        "counts": 0.83,
    },
    "b40": {
        "outcome": 0.9,
        "in_use_p": 1.0,
        "in_use_r": 0.95,
        "denied": 0.81,
        "exemptions": 0.92,
        "counts": 0.91,
    },
    "b22": {
        "outcome": 0.97,
        "in_use_p": 0.98,
        "in_use_r": 0.94,
        "denied": 0.97,
        "exemptions": 0.97,
        "counts": 0.9,
    },
    "b23": {
        "outcome": 0.97,
        "in_use_p": 0.98,
        "in_use_r": 0.95,
        "denied": 0.95,
        "exemptions": 0.95,
        "counts": 0.93,
    },
    "b24": {
        "outcome": 0.9,
        "in_use_p": 0.95,
        "in_use_r": 0.9,
        "denied": 0.9,
        "exemptions": 0.95,
        "counts": 0.78,
    },
    "b26": {
        "outcome": 0.95,
        "in_use_p": 0.97,
        "in_use_r": 0.96,
        "denied": 0.92,
        "exemptions": 0.93,
        "counts": 0.84,
    },
    "b27": {
        "outcome": 0.97,
        "in_use_p": 0.97,
        "in_use_r": 0.93,
        "denied": 0.97,
        "exemptions": 0.97,
        "counts": 0.8,
    },
    "b28": {
        "outcome": 0.97,
        "in_use_p": 0.98,
        "in_use_r": 0.95,
        "denied": 0.95,
        "exemptions": 0.97,
        "counts": 0.89,
    },
    "b29": {
        "outcome": 0.97,
        "in_use_p": 0.98,
        "in_use_r": 0.97,
        "denied": 0.93,
        "exemptions": 0.97,
        "counts": 0.82,
    },
    "b30": {
        "outcome": 0.95,
        "in_use_p": 0.98,
        "in_use_r": 0.94,
        "denied": 0.83,
        "exemptions": 0.97,
        "counts": 0.7,
    },
    "b31": {
        "outcome": 0.97,
        "in_use_p": 0.98,
        "in_use_r": 0.97,
        "denied": 0.88,
        "exemptions": 0.97,
        "counts": 0.85,
    },
    "b32": {
        "outcome": 0.87,
        "in_use_p": 0.98,
        "in_use_r": 0.9,
        "denied": 0.8,
        "exemptions": 0.93,
        "counts": 0.74,
    },
    "b33": {
        "outcome": 0.95,
        "in_use_p": 0.98,
        "in_use_r": 0.93,
        "denied": 0.8,
        "exemptions": 0.97,
        "counts": 0.82,
    },
    "b25": {
        "outcome": 0.95,
        "in_use_p": 0.98,
        "in_use_r": 0.94,
        "denied": 0.97,
        "exemptions": 0.95,
        "counts": 0.79,
    },
}


@pytest.mark.parametrize("batch", sorted(BLIND_FLOORS))
def test_blind_batches_hold_their_figures(batch):
    floors = BLIND_FLOORS[batch]
    data = evaluate(BLIND_B18.parent / batch).to_dict()
    assert data["cases"] == 40
    assert data["false_accusations"] == []
    assert data["outcome_accuracy"] >= floors["outcome"], data["mistakes"]
    assert data["in_use"]["precision"] >= floors["in_use_p"], data["mistakes"]
    assert data["in_use"]["recall"] >= floors["in_use_r"], data["mistakes"]
    assert data["denied"]["f1"] >= floors["denied"], data["mistakes"]
    assert data["exemptions"]["f1"] >= floors["exemptions"], data["mistakes"]
    assert data["counts_exact"] >= floors["counts"], data["mistakes"]
    accepted = data["accepted_without_review"]
    assert accepted["false_accusations"] == 0, data["mistakes"]

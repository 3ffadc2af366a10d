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
        assert (CORPUS / f"{case_id}.txt").read_text(encoding="utf-8") == text, f"regenerate: {case_id}"
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
    """No false accusation ever; the other figures may not fall below rules-1.7's on these 22 replies.

    The issue's targets (outcome 0.85+, in-use recall 0.92+, counts 0.85+) are not met yet: the floors
    here are the measured figures (see docs/benchmarks.md), so they can only rise.
    """
    data = evaluate(DEV).to_dict()
    assert data["false_accusations"] == []
    assert data["outcome_accuracy"] >= 0.81, data["mistakes"]
    assert data["in_use"]["precision"] >= 0.98 and data["in_use"]["recall"] >= 0.75, data["mistakes"]
    assert data["counts_exact"] >= 0.8 and data["exemptions"]["f1"] >= 0.95, data["mistakes"]

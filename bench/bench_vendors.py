"""Knowledge base: load time, matching speed, and matching precision/recall on the test corpora."""

from __future__ import annotations

import csv
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "vendors" / "data"


def _lines(name: str) -> list[str]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def run() -> str:
    from cctv_audit.vendors import load_kb, match_mac, match_model, match_text
    from cctv_audit.vendors.loader import DATA_DIR, load_kb_from

    kb, load_seconds = _timed(load_kb_from, DATA_DIR)
    load_kb()
    _, compile_seconds = _timed(match_text, "warm up")
    sentences = _lines("ordinary_sentences.txt")
    false_hits = sum(bool(match_text(s)) for s in sentences)
    rows = list(csv.DictReader(_lines("model_numbers.tsv"), delimiter="\t"))
    model_hits = sum(
        getattr(match_model(r["model"]), "manufacturer_id", None) == r["maker"] for r in rows
    )
    text_hits = sum(
        any(
            m.kind == "model" and m.manufacturer_id == r["maker"]
            for m in match_text(f"Site has {r['model']} units.")
        )
        for r in rows
    )
    reply = " ".join(sentences + [f"We have 12 x {r['model']} cameras." for r in rows]) * 20
    mentions, match_seconds = _timed(match_text, reply)
    macs = [f"BC:AD:28:{i % 256:02X}:00:01" for i in range(10_000)]
    _, mac_seconds = _timed(lambda: [match_mac(m) for m in macs])
    return (
        "## Vendors (knowledge base)\n\n"
        "`python -m bench vendors`; corpora in `tests/vendors/data/`.\n\n"
        "| measure | figure |\n|---|---|\n"
        f"| manufacturers / measures / sources / MAC blocks | {len(kb.manufacturers)} / {len(kb.measures)} / {len(kb.sources)} / {len(kb.oui)} |\n"
        f"| load and validate the YAML (uncached) | {load_seconds * 1000:.0f} ms |\n"
        f"| compile the matcher (first call) | {compile_seconds * 1000:.0f} ms |\n"
        f"| false matches on {len(sentences)} ordinary sentences with brand-like words | {false_hits} |\n"
        f"| model numbers resolved by `match_model` | {model_hits} / {len(rows)} ({model_hits / len(rows):.1%}) |\n"
        f"| model numbers found inside a sentence by `match_text` | {text_hits} / {len(rows)} ({text_hits / len(rows):.1%}) |\n"
        f"| `match_text` on a {len(reply) // 1000} kB reply ({len(mentions)} mentions) | {match_seconds * 1000:.0f} ms ({len(reply) / match_seconds / 1e6:.1f} MB/s) |\n"
        f"| `match_mac` | {len(macs) / mac_seconds:,.0f} lookups/s |\n"
    )

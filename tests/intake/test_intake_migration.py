"""A store built by the landed main (b5feea2) is folded to one answer per reply, keeping every review.

The fixture was made with that version's own CLI (the recipe of the design review): an e-mail
with a `response.txt` attachment ingested, `answers run`, then reviewer a corrected the e-mail's
reading (in use: Axis only) and reviewer b accepted the attachment's reading (Axis, Hikvision).
On that main, `uses:hikvision` then counted the body.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from cctv_audit import findings, intake
from cctv_audit.answers.models import AnswerRecord
from cctv_audit.findings.models import Claim, ClaimReview
from cctv_audit.store import open_store

LANDED = Path(__file__).parent / "data" / "landed-b5feea2"


def _landed_store(tmp_path: Path):
    shutil.copytree(LANDED, tmp_path / "landed")
    return open_store(tmp_path / "landed" / "store.db", data_dir=tmp_path / "landed" / "store-data")


def test_landed_store_folds_to_one_answer_per_reply_and_the_correction_holds(tmp_path):
    store = _landed_store(tmp_path)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(AnswerRecord)) == 1  # was 2
        answer = session.scalars(select(AnswerRecord)).one()
        history = session.scalars(select(ClaimReview).order_by(ClaimReview.version)).all()
        assert [(r.action, r.reviewer, r.version) for r in history] == [
            ("correct", "a", 1),
            ("accept", "b", 2),
            ("correct", "a", 3),
        ]  # every review kept, a's restated
        assert findings.effective_answer(session, answer).values["in_use"] == ["Axis"]
        active = {
            c.maker_id for c in session.scalars(select(Claim).where(Claim.status == "active"))
        }
        assert active == {"axis"}
        assert (
            findings.explain(session, "uses_flagged").counted == []
        )  # no body counted as a Hikvision user

        intake.refresh(session, redo=True)  # the reply read again, part by part
        assert session.scalar(select(func.count(func.distinct(AnswerRecord.document_id)))) == 1
        active = session.scalars(select(Claim).where(Claim.status == "active")).all()
        assert {c.maker_id for c in active} == {"axis"}  # the correction holds across re-reading
        assert (
            findings.explain(session, "uses_flagged").counted == []
        )  # no body counted as a Hikvision user


def test_folding_is_idempotent(tmp_path):
    store = _landed_store(tmp_path)
    store.dispose()
    store = open_store(
        tmp_path / "landed" / "store.db", data_dir=tmp_path / "landed" / "store-data"
    )
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(ClaimReview)) == 3

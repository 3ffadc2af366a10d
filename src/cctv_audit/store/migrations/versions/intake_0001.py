"""intake: one answer per reply. Answers read from a reply's attachments fold into the reply's.

Before intake, an e-mail and each of its attachments were read as separate replies: one reply
could hold two answers, each with its own reviews and claims, and a reviewer's correction of
one reading could be outvoted by an accept of the other. This revision folds every answer of
an attachment into the answer of its reply's document (same extractor version):

- every review is kept, moved onto the reply's answer and renumbered in the order it was made;
- where an accept of another part's reading came after a person's correction or rejection of
  the same field, the correction is restated last, so it stays in force (an accept confirms
  only what the extractor read in that part; a correction speaks for the reply);
- claims derived from an attachment's reading are superseded: the reply's own reading (whose
  text carried the attachment) holds the same passages. `cctv-audit answers run` re-reads the
  reply part by part with evidence pointing into each attachment.
An attachment answer with no reply-level answer of its version simply becomes the reply's.

Revision ID: intake_0001
Revises: findings_0002
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "intake_0001"
down_revision = "findings_0002"
branch_labels = None
depends_on = None

documents = sa.table("documents", sa.column("id"), sa.column("parent_id"))
replies = sa.table("replies", sa.column("document_id"))
answers = sa.table(
    "answers", sa.column("id"), sa.column("document_id"), sa.column("extractor_version")
)
reviews = sa.table(
    "claim_reviews",
    sa.column("id"),
    sa.column("answer_id"),
    sa.column("field"),
    sa.column("version"),
    sa.column("action"),
    sa.column("before"),
    sa.column("after"),
    sa.column("reason"),
    sa.column("reviewer"),
    sa.column("at"),
)
claims = sa.table(
    "claims",
    sa.column("answer_id"),
    sa.column("status"),
    sa.column("status_reason"),
    sa.column("confirmed"),
)


def _descendants(conn: sa.Connection, top: int) -> list[int]:
    found: list[int] = []
    frontier = [top]
    while frontier:
        rows = (
            conn.execute(
                sa.select(documents.c.id)
                .where(documents.c.parent_id.in_(frontier))
                .order_by(documents.c.id)
            )
            .scalars()
            .all()
        )
        found += rows
        frontier = list(rows)
    return found


def _fold(conn: sa.Connection, top: int, part_answer: int, version: str) -> None:
    target = conn.execute(
        sa.select(answers.c.id).where(
            answers.c.document_id == top, answers.c.extractor_version == version
        )
    ).scalar()
    if target is None:
        conn.execute(answers.update().where(answers.c.id == part_answer).values(document_id=top))
        return
    # Negative versions while moving: (answer_id, field, version) is unique; renumbered below.
    conn.execute(
        reviews.update()
        .where(reviews.c.answer_id == part_answer)
        .values(answer_id=target, version=-reviews.c.id)
    )
    conn.execute(
        claims.update()
        .where(claims.c.answer_id == part_answer, claims.c.status == "active")
        .values(
            status="superseded",
            confirmed=False,
            status_reason=f"folded into the reply's answer {target} (one answer per reply)",
        )
    )
    conn.execute(claims.update().where(claims.c.answer_id == part_answer).values(answer_id=target))
    conn.execute(answers.delete().where(answers.c.id == part_answer))


def _renumber(conn: sa.Connection, top: int, origin: dict[int, int]) -> None:
    """Versions in the order reviews were made; a correction outvoted by another part's accept is restated."""
    readings = sa.select(answers.c.id).where(answers.c.document_id == top)
    rows = (
        conn.execute(
            sa.select(reviews)
            .where(reviews.c.answer_id.in_(readings))
            .order_by(reviews.c.field, reviews.c.id)
        )
        .mappings()
        .all()
    )
    by_field: dict[str, list] = {}
    for row in rows:
        by_field.setdefault(row["field"], []).append(row)
    for field, history in by_field.items():
        for number, row in enumerate(history, start=1):
            conn.execute(reviews.update().where(reviews.c.id == row["id"]).values(version=number))
        last = history[-1]
        decided = [r for r in history if r["action"] in ("correct", "reject")]
        if not decided or last["action"] != "accept":
            continue
        correction = decided[-1]
        if correction["id"] < last["id"] and origin.get(correction["id"]) != origin.get(last["id"]):
            conn.execute(
                reviews.insert().values(
                    answer_id=last["answer_id"],
                    field=field,
                    version=len(history) + 1,
                    action=correction["action"],
                    before=last["after"],
                    after=correction["after"],
                    reviewer=correction["reviewer"],
                    at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                    reason=(
                        f"restated when the reply's readings were folded into one answer: review "
                        f"{correction['id']} ({correction['reason'] or correction['action']}) stays in "
                        f"force over the later accept {last['id']} of another part's reading"
                    ),
                )
            )


def upgrade() -> None:
    conn = op.get_bind()
    for top in conn.execute(sa.select(replies.c.document_id)).scalars().all():
        parts = _descendants(conn, top)
        part_answers = conn.execute(
            sa.select(answers.c.id, answers.c.extractor_version)
            .where(answers.c.document_id.in_(parts))
            .order_by(answers.c.id)
        ).all()
        if not part_answers:
            continue
        all_readings = sa.select(answers.c.id).where(answers.c.document_id.in_([top, *parts]))
        origin = dict(
            conn.execute(
                sa.select(reviews.c.id, reviews.c.answer_id).where(
                    reviews.c.answer_id.in_(all_readings)
                )
            ).all()
        )
        for answer_id, version in part_answers:
            _fold(conn, top, answer_id, version)
        _renumber(conn, top, origin)


def downgrade() -> None:
    pass  # folding cannot be undone: the readings it merged were of the same reply

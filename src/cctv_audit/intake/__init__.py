"""Intake: from a stored reply to one answer and its claims, read once.

A reply is the unit: an e-mail (or a WhatDoTheyKnow message, or an uploaded file) with its
attachments, bound to its request. Intake sits above ``foi`` (matching, request states),
``answers`` (reading text) and ``findings`` (claims, review, figures) and below the front ends;
neither foi nor findings calls the other upward. Public API::

    match_new(session)                        -> IntakeReport  (match new documents, read each reply)
    read_reply(session, reply)                -> ReplyReading  (one answer, its claims, the proposed state)
    assign(session, reply_id, request, actor) -> ReplyReading  (a person ties a queued reply, then it is read)
    attach(session, document_id, request, actor, replied_on=None) -> ReplyReading (any stored file)
    mark(session, reply_id, answer, actor, reason) -> ReplyReading (a person: this is / is not an answer)
    refresh(session, redo=False, on_progress) -> IntakeReport  (`answers run`: every reply not yet read)
    fetch_replies(store, settings, folder)    -> (ingest report, IntakeReport)
    rederive(session, survey_id=None)         -> int  (`claims sync`: claims again from saved answers)

See docs/architecture.md for the flow of one reply from mailbox to published number.
"""

from cctv_audit.intake.merge import merge_parts
from cctv_audit.intake.parts import Part, reply_parts
from cctv_audit.intake.service import (
    IntakeReport,
    ReplyReading,
    assign,
    attach,
    fetch_replies,
    mark,
    match_new,
    pending,
    read_reply,
    rederive,
    refresh,
)

__all__ = [
    "IntakeReport",
    "Part",
    "ReplyReading",
    "assign",
    "attach",
    "fetch_replies",
    "mark",
    "match_new",
    "merge_parts",
    "pending",
    "read_reply",
    "rederive",
    "refresh",
    "reply_parts",
]

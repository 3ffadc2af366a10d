"""FOI surveys: requests to many bodies, statutory deadlines, sending, replies, chasers.

Public API::

    due_date(received, "FOIA" | "FOISA") -> DueDate (due, skipped days with reasons)
    create_survey(session, name, requester={...}) -> Survey
    add_bodies(session, survey, bodies) -> [Request]
    preview_letter(session, survey, body_ref) -> Letter
    send_survey(store, survey_id, settings) -> (QueueReport, SendReport)
    set_state(session, request, state, actor=..., reason=...)
    request_due(request), is_overdue(request, today), timeliness(request, today)
    survey_status(session, survey_id, today=None) -> SurveyStatus
    record_reply(session, document) / match_new_documents(session) -> [Reply]  (matching only)
    is_answer(reply) (the one rule for "replied"), mark_reply(...), set_reply_date(...)
    apply_outcome(session, reply, outcome), reply_documents(session, reply), request_for_document(...)
    chase_overdue(session, survey), request_internal_review(session, request), draft_appeal(...)
    export_wdtk_batch(session, survey, path)
"""

from cctv_audit.foi.chasers import (
    ChaseReport,
    chase_overdue,
    draft_appeal,
    request_internal_review,
    send_chasers,
)
from cctv_audit.foi.deadlines import (
    FOIA,
    FOISA,
    LONG_OVERDUE_DAYS,
    DueDate,
    SkippedDay,
    due_date,
    is_working_day,
    review_due,
    working_days_elapsed,
)
from cctv_audit.foi.dispatch import QueueReport, SendPlan, queue_survey, send_survey, write_dry_run
from cctv_audit.foi.letters import Letter, bundled_templates, render_request_letter, survey_kits
from cctv_audit.foi.mail import MailSettings, load_mail_settings
from cctv_audit.foi.models import OutboxMessage, Reply, Request, RequestEvent, Survey
from cctv_audit.foi.outbox import SendReport, release, send_outbox
from cctv_audit.foi.replies import (
    ReplyHeaders,
    answering_replies,
    apply_outcome,
    assign_reply,
    attach_document,
    confirm_reply,
    fetch_mail,
    is_answer,
    is_own_message,
    mark_reply,
    match_headers,
    match_new_documents,
    record_reply,
    reply_documents,
    reply_of_document,
    request_for_document,
    set_reply_date,
    suggest_requests,
    unmatched_replies,
)
from cctv_audit.foi.states import STATES, is_overdue, request_due, set_state, timeliness
from cctv_audit.foi.status import (
    ReplyTiming,
    RequestStatus,
    SurveyStatus,
    reply_timing,
    survey_status,
)
from cctv_audit.foi.surveys import (
    add_bodies,
    create_survey,
    get_request,
    get_survey,
    list_surveys,
    preview_letter,
    request_events,
    request_to_dict,
    survey_requests,
)
from cctv_audit.foi.wdtk import export_wdtk_batch

__all__ = [
    "FOIA",
    "FOISA",
    "LONG_OVERDUE_DAYS",
    "STATES",
    "ChaseReport",
    "DueDate",
    "Letter",
    "MailSettings",
    "OutboxMessage",
    "QueueReport",
    "Reply",
    "ReplyHeaders",
    "ReplyTiming",
    "Request",
    "RequestEvent",
    "RequestStatus",
    "SendPlan",
    "SendReport",
    "SkippedDay",
    "Survey",
    "SurveyStatus",
    "add_bodies",
    "answering_replies",
    "apply_outcome",
    "assign_reply",
    "attach_document",
    "bundled_templates",
    "chase_overdue",
    "confirm_reply",
    "create_survey",
    "draft_appeal",
    "due_date",
    "export_wdtk_batch",
    "fetch_mail",
    "get_request",
    "get_survey",
    "is_answer",
    "is_overdue",
    "is_own_message",
    "is_working_day",
    "list_surveys",
    "load_mail_settings",
    "mark_reply",
    "match_headers",
    "match_new_documents",
    "preview_letter",
    "queue_survey",
    "record_reply",
    "release",
    "render_request_letter",
    "reply_documents",
    "reply_of_document",
    "reply_timing",
    "request_due",
    "request_events",
    "request_for_document",
    "request_internal_review",
    "request_to_dict",
    "review_due",
    "send_chasers",
    "send_outbox",
    "send_survey",
    "set_reply_date",
    "set_state",
    "suggest_requests",
    "survey_kits",
    "survey_requests",
    "survey_status",
    "timeliness",
    "unmatched_replies",
    "working_days_elapsed",
    "write_dry_run",
]

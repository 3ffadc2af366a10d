"""FOI surveys: deadline computations per second, survey status on every UK council, SMTP outbox throughput."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from cctv_audit.foi import add_bodies, create_survey, due_date, send_survey
from cctv_audit.foi.mail import MailSettings
from cctv_audit.foi.status import survey_status
from cctv_audit.registry import list_bodies, load_bundled_councils
from cctv_audit.store import open_store

REQUESTER = {"name": "Bench Researcher", "email": "bench@campaign.test"}


def _deadlines() -> tuple[int, float]:
    start = dt.date(2023, 1, 1)
    days = [start + dt.timedelta(days=i) for i in range(4 * 365)]
    for law in ("FOIA", "FOISA"):
        due_date(days[0], law)  # warm the holiday cache, as a long-running process would
    began = time.perf_counter()
    for day in days:
        for law in ("FOIA", "FOISA"):
            due_date(day, law)
    return 2 * len(days), time.perf_counter() - began


def _smtp_server():
    import socket

    from aiosmtpd.controller import Controller

    class Sink:
        count = 0

        async def handle_DATA(self, server, session, envelope):
            Sink.count += 1
            return "250 OK"

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    return controller, Sink


def _survey(folder: Path) -> tuple[float, float, int, int]:
    store = open_store(folder / "bench.db")
    with store.session() as session:
        load_bundled_councils(session)
        bodies = list_bodies(session)
        for n, body in enumerate(bodies):
            body.foi_email = f"foi@body{n}.test"
        survey = create_survey(session, "Bench", requester=REQUESTER)
        add_bodies(session, survey, bodies)
        survey_id = survey.id
    controller, sink = _smtp_server()
    try:
        settings = MailSettings.model_validate(
            {"smtp": {"host": "127.0.0.1", "port": controller.port, "security": "none"}, "spacing_seconds": 0})
        began = time.perf_counter()
        _, report = send_survey(store, survey_id, settings)
        send_seconds = time.perf_counter() - began
    finally:
        controller.stop()
    with store.session() as session:
        began = time.perf_counter()
        status = survey_status(session, survey_id, today=dt.date.today() + dt.timedelta(days=60))
        status_seconds = time.perf_counter() - began
    store.dispose()
    assert len(report.sent) == sink.count == status.total
    return send_seconds, status_seconds, len(report.sent), status.counts["overdue"]


def run() -> str:
    count, seconds = _deadlines()
    with tempfile.TemporaryDirectory() as folder:
        send_seconds, status_seconds, sent, overdue = _survey(Path(folder))
    return "\n".join([
        "## foi",
        "",
        "Command: `.venv/bin/python -m bench foi` (SQLite, aiosmtpd on loopback, no throttle).",
        "",
        "| measure | figure |",
        "|---|---|",
        (f"| due dates (20 working days, FOIA and FOISA, every day of 2023-2026) | {count} in {seconds:.2f} s "
         f"({count / seconds:,.0f}/s) |"),
        (f"| survey sent to every bundled council through the outbox | {sent} messages in {send_seconds:.1f} s "
         f"({sent / send_seconds:.1f} messages/s; real runs are throttled by `spacing_seconds`) |"),
        f"| `survey_status` for {sent} requests (60 days later: {overdue} overdue) | {status_seconds:.2f} s |",
        "",
    ])

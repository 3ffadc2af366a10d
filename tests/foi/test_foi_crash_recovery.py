"""The sending process is killed mid-send (SIGKILL) and restarted: each body still gets exactly one request."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from cctv_audit.foi import OutboxMessage, Request, add_bodies, get_survey
from cctv_audit.registry import list_bodies

CLI = [sys.executable, "-m", "cctv_audit.cli.main"]


def _config(tmp_path: Path, controller, imap) -> Path:
    path = tmp_path / "mail.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "smtp": {"host": "127.0.0.1", "port": controller.port, "security": "none"},
                "imap": {
                    "host": imap.host,
                    "port": imap.port,
                    "security": "none",
                    "username": imap.user,
                    "password_env": "TEST_IMAP_PASSWORD",
                    "sent_folder": "Sent",
                    "sent_copy": "server",
                },
                "spacing_seconds": 0.02,
                "backoff_seconds": 0.1,
                "max_wait_seconds": 10,
            }
        )
    )
    return path


def _send(db: str, config: Path, imap) -> subprocess.Popen:
    env = {**os.environ, "TEST_IMAP_PASSWORD": imap.password}
    return subprocess.Popen(
        [*CLI, "--db", db, "-q", "survey", "send", "cctv-2026", "--mail-config", str(config)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _kill_when_stalled(process: subprocess.Popen, handler) -> None:
    assert handler.stalled.wait(60), (
        process.stderr.read1().decode() if process.poll() is not None else "no stall"
    )
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    handler.stalled.clear()


@pytest.mark.slow
def test_killed_twice_mid_send_then_restarted(bodies_store, survey_id, smtp, imap_server, tmp_path):
    handler, controller = smtp
    b = handler.behaviour
    b.temporary_failures = {"foi@council005.test": 1, "foi@council031.test": 2}
    b.permanent_failures = {"foi@council044.test"}
    b.stall_seconds = 1.5
    with bodies_store.session() as session:
        add_bodies(session, get_survey(session, survey_id), list_bodies(session))
    db = bodies_store.engine.url.database
    config = _config(tmp_path, controller, imap_server)

    # 1. Killed after the server accepted (and filed) message 8 but before the client saw "250".
    b.stall_on_message = 8
    _kill_when_stalled(_send(db, config, imap_server), handler)
    # 2. Killed in the middle of a later SMTP transaction, before anything was accepted.
    b.stall_in_rcpt_on_message = handler.transactions + 6
    _kill_when_stalled(_send(db, config, imap_server), handler)
    with bodies_store.session() as session:
        assert session.scalars(select(OutboxMessage).where(OutboxMessage.status == "sending")).all()

    # 3. A clean run finishes the job.
    final = _send(db, config, imap_server)
    _, err = final.communicate(timeout=120)
    assert final.returncode == 0, err.decode()

    counts = {addr: len(messages) for addr, messages in handler.delivered.items()}
    assert len(counts) == 49 and set(counts.values()) == {1}, counts
    assert "foi@council044.test" not in counts
    sent_ids = imap_server.message_ids("Sent")
    assert len(sent_ids) == len(set(sent_ids)) == 49
    with bodies_store.session() as session:
        rows = session.scalars(select(OutboxMessage)).all()
        assert sorted(r.status for r in rows).count("sent") == 49
        assert [r.status for r in rows if r.to_addr == "foi@council044.test"] == ["failed"]
        assert any(r.confirmed_by == "sent-folder" for r in rows)  # the one killed after acceptance
        states = [r.state for r in session.scalars(select(Request))]
        assert states.count("awaiting_response") == 49 and states.count("bounced") == 1

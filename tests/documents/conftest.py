"""Fixtures of the documents tests (the IMAP server is reusable by other packages' tests)."""

from __future__ import annotations

import pytest
from dovecot_server import DovecotServer


@pytest.fixture
def imap_server(tmp_path):
    """A running dovecot with user ``alice`` / ``wonderland`` and an empty INBOX (plain IMAP)."""
    with DovecotServer(tmp_path) as server:
        yield server


@pytest.fixture
def imap_tls_server(tmp_path):
    """The same with STARTTLS and a self-signed certificate (``server.ssl_context()`` trusts it)."""
    with DovecotServer(tmp_path, tls=True) as server:
        yield server

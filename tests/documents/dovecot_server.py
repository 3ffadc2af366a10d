"""A real IMAP server for tests: Debian's dovecot, configured in a temp folder, on a free loopback port.

Usage (any test package may import this module, or use the ``imap_server``
fixture from ``tests/documents/conftest.py``)::

    with DovecotServer(tmp_path, tls=True) as server:
        server.append(raw_email_bytes)                 # through IMAP APPEND
        server.url  -> "imaps://alice@127.0.0.1:PORT/INBOX"
        server.host, server.user, server.password, server.port, server.ssl_context()

The server runs in the foreground (``dovecot -F``) as a child process and is
stopped by its own pid. Skips the test when dovecot is not installed.
"""

from __future__ import annotations

import contextlib
import imaplib
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"

CONFIG = """\
protocols = imap
listen = 127.0.0.1
instance_name = {instance}
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
default_internal_user = {internal}
default_login_user = {login}
first_valid_uid = 1
disable_plaintext_auth = no
auth_mechanisms = plain login
ssl = {ssl}
{ssl_files}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _accounts() -> tuple[str, str, int, int]:
    """Internal/login users and the uid/gid mail is stored as (dovecot refuses root for mail)."""
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.geteuid())
        return me.pw_name, me.pw_name, me.pw_uid, me.pw_gid
    account = pwd.getpwnam("dovecot")
    login = "dovenull" if _user_exists("dovenull") else "dovecot"
    return "dovecot", login, account.pw_uid, account.pw_gid


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


class DovecotServer:
    """A dovecot IMAP server with one passwd-file user and a Maildir, in ``root``."""

    host = "127.0.0.1"

    def __init__(
        self, root: Path, *, tls: bool = False, user: str = "alice", password: str = "wonderland"
    ) -> None:
        if not Path(DOVECOT).exists():
            pytest.skip("dovecot is not installed (apt-get install dovecot-imapd)")
        # dovecot's own users must traverse to its files, and pytest's tmp_path is private (0700)
        # to root: the server lives in a world-traversable folder of its own, removed on stop.
        self.root = Path(
            tempfile.mkdtemp(prefix="cctv-dovecot-", dir=os.environ.get("TMPDIR", "/tmp"))
        )
        self.root.chmod(0o755)
        self.tmp_path = Path(root)
        self.tls, self.user, self.password = tls, user, password
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        scheme = "imap+starttls" if self.tls else "imap"
        return f"{scheme}://{self.user}@127.0.0.1:{self.port}/INBOX"

    def __enter__(self) -> DovecotServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _write_config(self) -> Path:
        internal, login, uid, gid = _accounts()
        for folder in ("run", "state", f"home/{self.user}"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        os.chown(self.root / "home" / self.user, uid, gid)
        (self.root / "passwd").write_text(f"{self.user}:{{PLAIN}}{self.password}::::::\n")
        (self.root / "passwd").chmod(0o644)
        ssl_files = ""
        if self.tls:
            self._make_certificate()
            ssl_files = f"ssl_cert = <{self.root}/cert.pem\nssl_key = <{self.root}/key.pem"
        config = CONFIG.format(
            instance=self.root.name,
            root=self.root,
            internal=internal,
            login=login,
            uid=uid,
            gid=gid,
            ssl="yes" if self.tls else "no",
            ssl_files=ssl_files,
            port=self.port,
        )
        path = self.root / "dovecot.conf"
        path.write_text(config)
        return path

    def _make_certificate(self) -> None:
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                str(self.root / "key.pem"),
                "-out",
                str(self.root / "cert.pem"),
            ],
            check=True,
            capture_output=True,
        )

    def ssl_context(self) -> ssl.SSLContext:
        """A context that trusts this server's self-signed certificate."""
        return ssl.create_default_context(cafile=str(self.root / "cert.pem"))

    def start(self) -> None:
        config = self._write_config()
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"dovecot exited: {self.process.stdout.read().decode()} {self._log()}"
                )
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5),
            ):
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"dovecot did not listen on {self.port}: {self._log()}")

    def _log(self) -> str:
        log = self.root / "dovecot.log"
        return log.read_text()[-3000:] if log.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        shutil.rmtree(self.root, ignore_errors=True)

    def client(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4("127.0.0.1", self.port)
        if self.tls:
            client.starttls(self.ssl_context())
        client.login(self.user, self.password)
        return client

    def append(self, message: bytes, folder: str = "INBOX") -> None:
        """Deliver ``message`` to ``folder`` with IMAP APPEND."""
        client = self.client()
        try:
            client.append(folder, "", imaplib.Time2Internaldate(time.time()), message)
        finally:
            client.logout()

"""SMTP with STARTTLS and a login, against aiosmtpd with a certificate made for the test."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl

import pytest
from foi_servers import Behaviour, RecordingHandler, free_port
from sqlalchemy import select

from cctv_audit.errors import MailError
from cctv_audit.foi import MailSettings, OutboxMessage, add_bodies, get_survey, send_survey
from cctv_audit.registry import list_bodies

USER, PASSWORD = "alex@campaign.test", "app-password"


def _certificate(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.fixture
def tls_server(tmp_path):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    cert_file, key_file = _certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself

    handler = RecordingHandler(None, Behaviour())
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=context,
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
        auth_exclude_mechanism=["LOGIN"],
    )  # one mechanism: one refusal, no second round
    controller.start()
    yield handler, controller, cert_file
    controller.stop()


def _settings(controller, cert_file, password):
    return MailSettings.model_validate(
        {
            "smtp": {
                "host": "127.0.0.1",
                "port": controller.port,
                "security": "starttls",
                "username": USER,
                "password": password,
                "ca_file": str(cert_file),
                "timeout": 10,
            },
            "spacing_seconds": 0,
        }
    )


def test_starttls_and_login(bodies_store, survey_id, tls_server):
    handler, controller, cert_file = tls_server
    with bodies_store.session() as session:
        add_bodies(session, get_survey(session, survey_id), list_bodies(session)[:3])
    _, report = send_survey(bodies_store, survey_id, _settings(controller, cert_file, PASSWORD))
    assert len(report.sent) == 3 and len(handler.delivered) == 3


def test_wrong_password_stops_the_run_and_sends_nothing(bodies_store, survey_id, tls_server):
    handler, controller, cert_file = tls_server
    with bodies_store.session() as session:
        add_bodies(session, get_survey(session, survey_id), list_bodies(session)[:3])
    with pytest.raises(MailError, match="login refused"):
        send_survey(bodies_store, survey_id, _settings(controller, cert_file, "wrong"))
    assert not handler.delivered
    with bodies_store.session() as session:
        assert {r.status for r in session.scalars(select(OutboxMessage))} == {"pending"}

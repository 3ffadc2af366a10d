"""Optional read-only device credentials, from the environment or a file (never from guessing).

``CCTV_AUDIT_DEVICE_USER`` / ``CCTV_AUDIT_DEVICE_PASSWORD``, or a YAML file with ``username`` and
``password``. One account is tried once per device on its device-information endpoint only.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from cctv_audit.audit.probes import Credentials
from cctv_audit.errors import AuditError

ENV_USER = "CCTV_AUDIT_DEVICE_USER"
ENV_PASSWORD = "CCTV_AUDIT_DEVICE_PASSWORD"


def load_credentials(path: str | Path | None = None) -> Credentials | None:
    """Credentials from ``path`` (YAML) when given, else from the environment, else None."""
    if path is not None:
        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise AuditError(f"{path}: cannot read the credentials file ({exc})") from exc
        if not isinstance(data, dict) or not data.get("username") or "password" not in data:
            raise AuditError(f"{path}: a credentials file needs `username:` and `password:`")
        return Credentials(str(data["username"]), str(data["password"]))
    user = os.environ.get(ENV_USER)
    if user:
        return Credentials(user, os.environ.get(ENV_PASSWORD, ""))
    return None

"""A broken knowledge-base file stops the CLI with one error naming the file (no silent fallback)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cctv_audit.errors import ConfigError, KnowledgeBaseError
from cctv_audit.vendors import load_kb
from cctv_audit.vendors.loader import DATA_DIR, DATA_DIR_ENV

NMAP = Path(__file__).parents[1] / "audit" / "data" / "nmap-7.93-sV-emulated.xml"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    data = tmp_path / "kb"
    shutil.copytree(DATA_DIR, data)
    with (data / "manufacturers" / "china.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\nbroken_entry:\n  name: [unclosed\n")
    return data


def _cli(*args: str, data: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, DATA_DIR_ENV: str(data)}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "cctv_audit.cli.main",
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def _assert_one_error(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "manufacturers/china.yaml" in proc.stderr
    assert "not valid YAML" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("error:") == 1


def test_extract_stops_on_a_broken_file(broken, tmp_path):
    reply = tmp_path / "reply.txt"
    reply.write_text("The council uses 12 Hikvision cameras.\n", encoding="utf-8")
    _assert_one_error(_cli("extract", str(reply), data=broken, tmp_path=tmp_path))


def test_audit_import_stops_on_a_broken_file(broken, tmp_path):
    proc = _cli(
        "audit", "import-nmap", str(NMAP), "--organisation", "Test", data=broken, tmp_path=tmp_path
    )
    _assert_one_error(proc)


def test_the_override_folder_is_used_and_errors_name_the_line(broken, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(broken))
    with pytest.raises(KnowledgeBaseError, match=r"manufacturers/china\.yaml:\d+: not valid YAML"):
        load_kb()


def test_a_wrong_override_is_a_config_error(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "missing"))
    with pytest.raises(ConfigError, match=DATA_DIR_ENV):
        load_kb()


def test_a_missing_file_names_it(tmp_path, monkeypatch):
    data = tmp_path / "kb"
    shutil.copytree(DATA_DIR, data)
    (data / "measures.yaml").unlink()
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    with pytest.raises(KnowledgeBaseError, match=r"measures\.yaml: cannot read"):
        load_kb()

"""Letters: the request, chasers, internal review requests and appeal drafts, rendered from Jinja2 templates.

Per-law wording (FOIA 2000 or FOISA 2002) comes from ``laws.yaml``; a body's law is
its registry regime, so Welsh bodies get the FOIA wording (with an optional note
that they may reply in Welsh). Templates are plain text, rendered in a sandbox
with strict undefined variables so a typo in a user's template fails loudly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cctv_audit.errors import SurveyError
from cctv_audit.foi.deadlines import normalise_law

HERE = Path(__file__).parent
TEMPLATE_DIR = HERE / "templates"
LAW_KEYS = {
    "code",
    "act",
    "short",
    "request_section",
    "time_section",
    "cost_section",
    "advice_section",
    "review",
    "review_basis",
    "review_time",
    "regulator",
    "regulator_short",
    "appeal_section",
    "appeal_address",
    "subject_prefix",
}


@dataclass(frozen=True)
class Letter:
    """A rendered letter: what will be sent, exactly."""

    subject: str
    text: str
    law: str


@functools.cache
def law_wording() -> dict[str, dict[str, str]]:
    """The wording table per law, validated once."""
    path = HERE / "laws.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for law, wording in data.items():
        missing = LAW_KEYS - set(wording)
        if missing:
            raise SurveyError(f"{path}: law {law} lacks {', '.join(sorted(missing))}")
    return data


@functools.cache
def survey_kits() -> dict[str, dict[str, Any]]:
    """Ready-made surveys (name, template, subject, questions) from ``kits.yaml``."""
    path = HERE / "kits.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, kit in data.items():
        if not {"name", "template", "subject", "questions"} <= set(kit):
            raise SurveyError(f"{path}: kit {key} needs name, template, subject and questions")
    return data


def bundled_templates() -> list[str]:
    """Names of the templates shipped with the tool (``cctv-manufacturers``, ``chaser``...)."""
    return sorted(p.name.removesuffix(".txt.j2") for p in TEMPLATE_DIR.glob("*.txt.j2"))


@functools.cache
def _environment(directory: Path):
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        loader=FileSystemLoader([str(directory), str(TEMPLATE_DIR)]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # plain-text email, not HTML
    )


def render_template(template: str, context: dict[str, Any]) -> str:
    """Render a bundled template by name, or a user's template file by path."""
    from jinja2 import TemplateError

    path = Path(template).expanduser()
    if path.suffix and path.is_file():
        env, name = _environment(path.resolve().parent), path.name
    elif template in bundled_templates():
        env, name = _environment(TEMPLATE_DIR), f"{template}.txt.j2"
    else:
        raise SurveyError(
            f"letter template {template!r} is neither a file nor a bundled template "
            f"({', '.join(bundled_templates())})"
        )
    try:
        return env.get_template(name).render(**context)
    except TemplateError as exc:
        raise SurveyError(f"letter template {template!r} failed to render: {exc}") from exc


def letter_context(survey, body, request, **extra: Any) -> dict[str, Any]:
    """Everything a template may use: body, law wording, questions, reference, requester, options."""
    law = normalise_law(request.law if request is not None else body.regime)
    options = survey.options or {}
    return {
        "body": body,
        "law": law_wording()[law],
        "questions": survey.questions or [],
        "reference": request.reference if request is not None else "REFERENCE",
        "requester": _Requester(survey.requester or {}),
        "welsh_note": bool(options.get("welsh_note")) and body.nation == "Wales",
        "survey": survey,
        "extra": options.get("extra", {}),
        **extra,
    }


class _Requester(dict):
    """The requester identity; missing optional fields render as empty, not as errors."""

    def __getattr__(self, key: str) -> str:
        return self.get(key) or ""


def request_subject(survey, law: str, reference: str) -> str:
    """``Freedom of Information (Scotland) request: <subject> [CCTV-7K3Q9X]``."""
    wording = law_wording()[normalise_law(law)]
    subject = (survey.options or {}).get("subject") or survey.name
    return f"{wording['subject_prefix']}: {subject} [{reference}]"


def render_request_letter(survey, body, request) -> Letter:
    """The exact request letter for one body."""
    law = normalise_law(request.law)
    text = render_template(survey.template, letter_context(survey, body, request))
    return Letter(subject=request_subject(survey, law, request.reference), text=text, law=law)

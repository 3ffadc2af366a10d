"""The definitions of every figure: what counts, over which base, and how it is phrased.

Each figure is a ``Spec``: a function from one body's findings to its contribution (1 or 0
bodies, or a number of devices) and the key of the figure that is its denominator. Statistics
and explanations both evaluate the same specs, so an explanation always lists exactly the
bodies behind the number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cctv_audit.findings.flagged import FlagDefinition
from cctv_audit.findings.makers import maker_info
from cctv_audit.findings.types import BodyFinding, MakerFinding

REPLIED = ("answered", "refused", "not_held", "unclear")
#: The base of "of those that replied" figures, and how its sentences name it.
REPLIED_BASE = ("replied", "that replied")
_REPLIED_DEFINITION = (
    "A reply that answers the request (foi.is_answer): from the body, not an acknowledgement, an automatic "
    "reply or one of our own letters; a person can mark any reply 'not an answer' (and undo it)."
)
_WITHHELD = (
    "A reply that gives other facts but withholds the makers under an exemption counts as refused."
)


@dataclass(frozen=True)
class Spec:
    key: str
    label: str
    #: One body's contribution: 1/0 for body counts, a device total for device figures.
    counts: Callable[[BodyFinding], int]
    base_key: str | None
    #: Completes "of N ..." ("bodies asked", "that named manufacturers").
    base_phrase: str | None
    definition: str
    at_least: bool = False
    unit: str = "bodies"
    #: Sentence with {value}, {base}, {percent} placeholders.
    sentence: str = "{value} {label_lower}"
    #: Which makers' claims explain a body's contribution (None: all its claims).
    makers: Callable[[BodyFinding], set[str]] | None = None


def _flag(m: MakerFinding) -> bool:
    return m.flagged


def _confirmed_users(
    f: BodyFinding, keep: Callable[[MakerFinding], bool] = lambda m: True
) -> set[str]:
    return {
        m.maker_id
        for m in f.makers
        if m.polarity in ("uses", "conflict") and m.confirmed and keep(m)
    }


def _status_spec(key: str, label: str, statuses: tuple[str, ...], definition: str) -> Spec:
    return Spec(
        key,
        label,
        lambda f: int(f.status in statuses),
        "asked",
        "bodies asked",
        definition,
        sentence=f"{{value}} of {{base}} bodies asked {label.lower()} ({{percent}}%)",
    )


def _has_status(status: str) -> Callable[[BodyFinding], int]:
    return lambda f: int(f.status == status)


def round_specs() -> list[Spec]:
    """The figures every survey round has, in the order they are shown."""
    return [
        Spec(
            "asked",
            "Bodies asked",
            lambda f: int(f.status != "not_sent"),
            None,
            None,
            "Requests sent in this round (drafts, withdrawn and bounced requests are not counted).",
            sentence="{value} bodies asked",
        ),
        _status_spec(
            "replied",
            "Replied",
            REPLIED,
            f"{_REPLIED_DEFINITION} Answered, refused, not held or unclear. Base: bodies asked.",
        ),
        _status_spec(
            "answered",
            "Answered",
            ("answered",),
            f"The reply disclosed all or part of what was asked. {_WITHHELD}",
        ),
        _status_spec(
            "refused",
            "Refused",
            ("refused",),
            "Refused under an exemption, or neither confirmed nor denied (see the exemptions breakdown). "
            f"{_WITHHELD}",
        ),
        _status_spec(
            "not_held",
            "Said the information is not held",
            ("not_held",),
            "The body said it holds no such information.",
        ),
        _status_spec(
            "unclear",
            "Replied without a clear outcome",
            ("unclear",),
            "Replies such as acknowledgements or clarification requests: outcome not yet known.",
        ),
        _status_spec(
            "overdue",
            "Overdue",
            ("overdue",),
            "No reply and past the statutory deadline (20 working days).",
        ),
        _status_spec(
            "no_reply",
            "Awaiting a reply, not yet due",
            ("no_reply",),
            "No reply, still within the deadline.",
        ),
        Spec(
            "answered_no_makers",
            "Answered without naming a maker",
            lambda f: int(f.named_no_maker),
            *REPLIED_BASE,
            "Answered (disclosed all or part), but no claim names a maker in use or denied: e.g. only "
            "camera numbers, or makers the tool could not recognise. Unknown, not 'no'. Base: bodies that "
            "replied.",
            sentence="{value} of {base} bodies that replied answered without naming a maker ({percent}%)",
        ),
        Spec(
            "makers_unknown",
            "Makers unknown",
            lambda f: int(f.status != "not_sent" and not _confirmed_users(f)),
            "asked",
            "bodies asked",
            "Asked bodies with no confirmed maker in use: no reply, refused, not held, none named, or awaiting "
            "review. Unknown, not 'no'.",
            sentence="for {value} of {base} bodies asked the makers are unknown",
        ),
        Spec(
            "named_manufacturers",
            "Named manufacturers",
            lambda f: int(bool(_confirmed_users(f))),
            *REPLIED_BASE,
            "Bodies with at least one confirmed maker in use. Base: bodies that replied (non-replies, "
            "acknowledgements and automatic replies are never in it); the base of every 'of those that "
            "named manufacturers' figure.",
            at_least=True,
            sentence="of the {base} bodies that replied, at least {value} named the manufacturers they use "
            "({percent}%)",
            makers=_confirmed_users,
        ),
        Spec(
            "makers_known_without_reply",
            "Makers known without a reply",
            lambda f: int(f.status not in (*REPLIED, "not_sent") and bool(_confirmed_users(f))),
            "asked",
            "bodies asked",
            "Bodies that did not reply (or sent only an acknowledgement or an automatic reply) but have a "
            "confirmed maker in use from another source dated in the round: an audit of their network, a "
            "published or a manually recorded claim. They are in no base below 'replied'.",
            at_least=True,
            sentence="at least {value} of {base} bodies asked did not reply but have a confirmed maker in use "
            "from another source",
            makers=_confirmed_users,
        ),
        Spec(
            "awaiting_review",
            "Claims awaiting review",
            lambda f: int(any(m.needs_review for m in f.makers)),
            "asked",
            "bodies asked",
            "Bodies with a maker claim that is not confirmed yet (not counted in any 'at least' figure).",
            sentence="{value} of {base} bodies asked have claims awaiting review",
            makers=lambda f: {m.maker_id for m in f.makers if m.needs_review},
        ),
    ]


def maker_specs(
    findings: list[BodyFinding],
    base_key: str,
    base_phrase: str,
    flag: FlagDefinition,
    *,
    shares: bool = False,
) -> list[Spec]:
    """Figures about makers: flagged makers together, each maker used or denied, flagged devices.

    "Flagged" is ``flag`` (default: state-linked makers); its text is part of every flagged
    figure's definition. ``base_key`` / ``base_phrase`` are the base of the denials. With
    ``shares`` (survey rounds) each use figure is followed by the same count as a share of the
    bodies that replied (``replied_uses_flagged``, ``replied_uses:<maker>``).
    """

    def flagged(f: BodyFinding) -> set[str]:
        return _confirmed_users(f, _flag)

    counted = "Bodies with a confirmed claim of using a flagged maker."
    uses_flagged = Spec(
        "uses_flagged",
        f"Use a flagged ({flag.label}) maker",
        lambda f: int(bool(flagged(f))),
        "named_manufacturers",
        "that named manufacturers",
        f"{counted} Base: bodies that named manufacturers. {flag.text}",
        at_least=True,
        sentence="at least {value} of {base} bodies that named manufacturers use a "
        f"{flag.label} maker ({{percent}}%)",
        makers=flagged,
    )
    specs = [
        uses_flagged,
        *(
            [_share_of_replied(uses_flagged, f"a {flag.label} maker", counted, flag.text)]
            if shares
            else []
        ),
        Spec(
            "devices_flagged",
            f"Devices of flagged ({flag.label}) makers",
            lambda f: sum(m.device_count or 0 for m in f.makers if m.maker_id in flagged(f)),
            "uses_flagged",
            "bodies using flagged makers",
            "Sum of confirmed device counts of flagged makers; bodies that gave "
            f"no count add nothing, so this is a lower bound. {flag.text}",
            at_least=True,
            unit="devices",
            sentence=f"at least {{value}} devices of {flag.label} makers across {{base}} bodies "
            "using them",
            makers=flagged,
        ),
    ]
    makers = sorted({m.maker_id for f in findings for m in f.makers})
    for maker in makers:
        specs += _per_maker(maker, findings, base_key, base_phrase, flag, shares=shares)
    return specs


def _share_of_replied(uses: Spec, what: str, counted: str, rule: str = "") -> Spec:
    """The bodies of a use figure as a share of those that replied (the share of respondents).

    ``counted`` says who counts (the use figure's own words), ``rule`` is the flagged rule if any.
    """
    key, _, maker = uses.key.partition(":")
    return Spec(
        f"replied_{key}" + (f":{maker}" if maker else ""),
        f"{uses.label}, of bodies that replied",
        uses.counts,
        *REPLIED_BASE,
        f"{counted} Base: bodies that replied, so this is the share of respondents (non-replies, "
        f"acknowledgements and automatic replies are never in it); {uses.key} counts the same bodies out "
        f"of those that named manufacturers. {rule}".strip(),
        at_least=True,
        sentence=f"at least {{value}} of {{base}} bodies that replied use {what} ({{percent}}%)",
        makers=uses.makers,
    )


def _per_maker(
    maker: str,
    findings: list[BodyFinding],
    base_key: str,
    base_phrase: str,
    flag: FlagDefinition,
    *,
    shares: bool = False,
) -> list[Spec]:
    """The figures of one maker: bodies using it (and their share of respondents), stating they do not use it,
    and its devices when it is flagged."""
    name = maker_info(maker).name
    specs: list[Spec] = []
    if _named_as(maker, findings, ("uses", "conflict")):
        uses, counted = _uses_spec(maker, name)
        specs += [uses, *([_share_of_replied(uses, name, counted)] if shares else [])]
    if _named_as(maker, findings, ("does_not_use", "conflict")):
        specs.append(_denies_spec(maker, name, base_key, base_phrase))
    if flag(maker_info(maker)) and specs and specs[0].key.startswith("uses:"):
        specs.append(_devices_spec(maker, name, flag))
    return specs


def _named_as(maker: str, findings: list[BodyFinding], polarities: tuple[str, ...]) -> bool:
    return any(m.maker_id == maker and m.polarity in polarities for f in findings for m in f.makers)


def _uses_spec(maker: str, name: str) -> tuple[Spec, str]:
    counted = f"Bodies with a confirmed claim of using {name} (rebadged brands included)."
    return Spec(
        f"uses:{maker}",
        f"Use {name}",
        lambda f: int(f.uses(maker)),
        "named_manufacturers",
        "that named manufacturers",
        f"{counted} Base: bodies that named manufacturers.",
        at_least=True,
        makers=lambda f: {maker},
        sentence=f"at least {{value}} of {{base}} bodies that named manufacturers use {name} ({{percent}}%)",
    ), counted


def _denies_spec(maker: str, name: str, base_key: str, base_phrase: str) -> Spec:
    return Spec(
        f"denies:{maker}",
        f"State they do not use {name}",
        lambda f: int(
            any(
                m.maker_id == maker and m.polarity == "does_not_use" and m.confirmed
                for m in f.makers
            )
        ),
        base_key,
        base_phrase,
        f"Bodies with a confirmed statement that they do not use {name} and no "
        f"confirmed use. Base: bodies {base_phrase}"
        + (
            " (non-replies, acknowledgements and automatic replies are never in it)."
            if base_key == "replied"
            else "."
        ),
        at_least=True,
        makers=lambda f: {maker},
        sentence=f"at least {{value}} of {{base}} bodies {base_phrase} state they do not use {name}",
    )


def _devices_spec(maker: str, name: str, flag: FlagDefinition) -> Spec:
    return Spec(
        f"devices:{maker}",
        f"{name} devices",
        lambda f: sum(
            m.device_count or 0
            for m in f.makers
            if m.maker_id == maker and m.confirmed and m.polarity in ("uses", "conflict")
        ),
        f"uses:{maker}",
        f"bodies using {name}",
        f"Sum of confirmed {name} device counts (a lower bound). {name} is a flagged maker: {flag.text}",
        at_least=True,
        unit="devices",
        makers=lambda f: {maker},
        sentence=f"at least {{value}} {name} devices across {{base}} bodies using {name}",
    )


def all_claims_specs(findings: list[BodyFinding], flag: FlagDefinition) -> list[Spec]:
    """Figures over every claim and published disclosure, outside any round."""
    on_record = "bodies_on_record"
    specs = [
        Spec(
            on_record,
            "Bodies on record",
            lambda f: 1,
            None,
            None,
            "Bodies with at least one active claim (any source) or a published FOI reply loaded with "
            "`disclosures load` (including refusals, 'not held' and answers naming no maker).",
            sentence="{value} bodies on record",
        ),
        Spec(
            "bodies_with_claims",
            "Bodies with claims",
            lambda f: int(bool(f.makers)),
            on_record,
            "bodies on record",
            "Bodies with at least one active claim about a maker (in use or denied), from any source.",
            sentence="{value} of {base} bodies on record have claims about makers",
        ),
    ]
    for key, label, status, definition in (
        (
            "answered",
            "Answered",
            "answered",
            "A published reply disclosed all or part of what was asked.",
        ),
        (
            "refused",
            "Refused",
            "refused",
            "Only published refusals (an exemption, or neither confirm nor "
            "deny) are on record for the body: unknown, not 'no'.",
        ),
        (
            "not_held",
            "Said the information is not held",
            "not_held",
            "A published reply said the body holds no such information, and none answered.",
        ),
    ):
        specs.append(
            Spec(
                key,
                label,
                _has_status(status),
                on_record,
                "bodies on record",
                definition,
                sentence=f"{{value}} of {{base}} bodies on record: {label.lower()}",
            )
        )
    specs += [
        Spec(
            "answered_no_makers",
            "Answered without naming a maker",
            lambda f: int(f.named_no_maker),
            on_record,
            "bodies on record",
            "A published reply answered, but no claim names a maker in use or denied (e.g. only the "
            "number of cameras). Unknown, not 'no'.",
            sentence="{value} of {base} bodies on record answered without naming a maker",
        ),
        Spec(
            "named_manufacturers",
            "Named manufacturers",
            lambda f: int(bool(_confirmed_users(f))),
            "bodies_with_claims",
            "bodies with claims",
            "Bodies with at least one confirmed maker in use.",
            at_least=True,
            makers=_confirmed_users,
            sentence="at least {value} of {base} bodies with claims have a confirmed maker in use",
        ),
    ]
    return specs + maker_specs(findings, "bodies_with_claims", "with claims", flag)

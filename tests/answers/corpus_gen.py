"""Write the labelled corpus of synthetic FOI replies: `python tests/answers/corpus_gen.py`.

Every reply is written for this project (no text from real replies). Cases are
built from scenarios (what the body answered) and layouts (how the reply looks:
letter, disclosure-log page with cookie banner, e-mail with the request quoted
below, interleaved Q/A, numbered answers, flattened tables, Welsh bilingual),
with a fixed seed so the corpus is reproducible. The labels are known by
construction; many cases are traps (state-linked makers named only in the
request, past use, installers, reference numbers, costs and dates).
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"

BODIES = [
    ("Ashbourne District Council", "council", "England"),
    ("Northfield Borough Council", "council", "England"),
    ("Riverton City Council", "council", "England"),
    ("Kestrel County Council", "council", "England"),
    ("Harbour Valley NHS Foundation Trust", "nhs", "England"),
    ("Midshire Police", "police", "England"),
    ("University of Eastbridge", "university", "England"),
    ("Greywater Metropolitan Borough Council", "council", "England"),
    ("Cyngor Sir Glanrafon / Glanrafon County Council", "council", "Wales"),
    ("Pen-y-bryn County Borough Council", "council", "Wales"),
    ("Heddlu Dyffryn / Dyffryn Police", "police", "Wales"),
    ("Loch Ard Council", "council", "Scotland"),
    ("Strathbrae Council", "council", "Scotland"),
    ("NHS Glenmor", "nhs", "Scotland"),
    ("Inverbrae City Council", "council", "Scotland"),
    ("Ballyross District Council", "council", "Northern Ireland"),
    ("Carnlough and Moyle Borough Council", "council", "Northern Ireland"),
]
STATE = ["Hikvision", "Dahua"]
SAFE = ["Axis", "Bosch", "Hanwha", "Avigilon"]
BODYWORN = ["Edesix", "Axon", "Motorola Solutions"]
INSTALLERS = [
    "Sentinel Systems Ltd",
    "Openview Security Solutions",
    "Northgate Fire & Security",
    "Kestrel Integrated Services",
]
WORDS = {
    2: "two",
    3: "three",
    4: "four",
    6: "six",
    8: "eight",
    12: "twelve",
    15: "fifteen",
    20: "twenty",
    24: "twenty-four",
    30: "thirty",
    60: "sixty",
}


@dataclass
class Case:
    """One reply: its parts and its labels."""

    questions: list[str]
    answers: list[str]
    outcome: str
    in_use: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    total: int | None = None
    exemptions: list[str] = field(default_factory=list)
    notes: str = ""
    numbered: bool = True
    preface: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None


def law_of(nation: str) -> str:
    return "FOISA" if nation == "Scotland" else "FOIA"


# ---------------------------------------------------------------- requests


def request_makers(rng: random.Random) -> list[str]:
    """The request names state-linked makers (the classic trap)."""
    return rng.choice(
        [
            [
                "Please state the manufacturer of each CCTV camera you operate.",
                "Please state whether any of your cameras are made by Hikvision or Dahua.",
                "How many cameras do you operate in total?",
            ],
            [
                "Do you use any CCTV cameras manufactured by Hikvision, Dahua or their subsidiaries?",
                "If so, how many?",
                "What make are the rest of your cameras?",
            ],
            [
                "Which companies manufacture the CCTV cameras used by the organisation (for example Hikvision, Dahua, Axis)?",
                "How many cameras of each make are in use?",
            ],
            [
                "Could you tell me the brand and model of the cameras installed in your buildings and town centre?",
                "Are any of these cameras from Hikvision or Dahua, which the government has restricted on sensitive sites?",
                "Please provide the number of cameras by manufacturer.",
            ],
        ]
    )


def request_yes_no(maker: str) -> list[str]:
    return [
        f"Does the authority use any CCTV cameras made by {maker}?",
        "If yes, how many such cameras are in use?",
        "Do you have any plans to remove them?",
    ]


# ---------------------------------------------------------------- scenarios


def disclosed_list(rng, law):
    makers = rng.sample(SAFE, rng.choice([1, 2]))
    counts = {m: rng.choice([4, 12, 18, 27, 40, 63]) for m in makers}
    parts = [f"{counts[m]} {m} cameras" for m in makers]
    if len(makers) == 1:
        sentence = rng.choice(
            [
                f"The Council operates {counts[makers[0]]} CCTV cameras, all of which are manufactured by {makers[0]}.",
                f"All {counts[makers[0]]} of our cameras are {makers[0]} units.",
                f"We currently have {parts[0]} across our sites.",
            ]
        )
    else:
        sentence = f"Our CCTV estate comprises {parts[0]} and {parts[1]}."
    answers = [
        sentence,
        "None of our cameras are manufactured by Hikvision or Dahua.",
        f"{sum(counts.values())} cameras in total.",
    ]
    return Case(
        request_makers(rng)[:3],
        answers,
        "disclosed",
        makers,
        ["Dahua", "Hikvision"],
        counts,
        sum(counts.values()),
        notes="request names Hikvision and Dahua; the answer denies them",
    )


def disclosed_state(rng, law):
    maker = rng.choice(STATE)
    n = rng.choice([6, 14, 23, 41, 88])
    other = rng.choice(SAFE)
    m = rng.choice([3, 9, 16])
    answers = rng.choice(
        [
            [
                f"The Council has {n} {maker} cameras and {m} {other} cameras.",
                f"Total: {n + m} cameras.",
                "There are currently no plans to replace them.",
            ],
            [
                f"{n} x {maker} IP cameras (town centre scheme) and {m} x {other} cameras (car parks).",
                f"We operate {n + m} cameras in total.",
                "No decision has been taken about replacement.",
            ],
        ]
    )
    return Case(
        request_makers(rng),
        answers,
        "disclosed",
        [maker, other],
        [],
        {maker: n, other: m},
        n + m,
        notes="state-linked maker genuinely in use, with counts",
    )


def table_case(rng, law):
    makers = rng.sample(SAFE + STATE, 2)
    rows = [["Site", "Manufacturer", "Number of cameras"]]
    counts: dict[str, int] = {}
    sites = rng.sample(
        [
            "Town Hall",
            "Civic Centre",
            "Leisure Centre",
            "Bus Station",
            "Market Square",
            "Depot",
            "Library",
        ],
        4,
    )
    for site in sites:
        maker = rng.choice(makers)
        value = rng.choice([2, 3, 5, 8, 11, 16])
        counts[maker] = counts.get(maker, 0) + value
        rows.append([site, maker, str(value)])
    rows.append(["Total", "", str(sum(counts.values()))])
    used = sorted(counts)
    case = Case(
        request_makers(rng)[:2],
        ["Please see the table below."],
        "disclosed",
        used,
        [],
        counts,
        sum(counts.values()),
        notes="flattened table; counts summed over sites",
        table=rows,
    )
    return case


def sums_case(rng, law):
    maker = rng.choice(SAFE + ["Dahua"])
    a, b = rng.choice([(47, 9), (30, 6), (12, 4), (20, 3)])
    style = rng.randrange(3)
    if style == 0:
        text = f"We have {a} static and {b} PTZ cameras, all supplied by {maker}."
    elif style == 1:
        text = f"The system consists of {WORDS.get(a, a)} fixed cameras and {WORDS.get(b, b)} PTZ cameras; every camera is a {maker} model."
    else:
        text = f"{maker} cameras: {a} external domes plus {b} internal domes."
    answers = [
        text,
        "The cameras were installed in 2019 at a cost of £84,500.",
        "Our reference for this request is 2024/1187.",
    ]
    return Case(
        request_makers(rng)[:2] + ["When were they installed and what did they cost?"],
        answers,
        "disclosed",
        [maker],
        [],
        {maker: a + b},
        a + b,
        notes="count needs a sum; cost, year and reference are not counts",
    )


def past_use(rng, law):
    old = rng.choice(STATE)
    new = rng.choice(SAFE)
    n = rng.choice([22, 35, 50])
    answers = rng.choice(
        [
            [
                f"The Council previously used {old} cameras but these were replaced in 2021 with {new} equipment.",
                f"We now operate {n} {new} cameras.",
            ],
            [
                f"Until 2022 our town centre system used {old} cameras.",
                f"All {old} units have since been removed and replaced by {new}.",
                f"There are {n} cameras in the current system.",
            ],
        ]
    )
    return Case(
        request_makers(rng),
        answers,
        "disclosed",
        [new],
        [],
        {new: n},
        n,
        notes="past use that has ended is not in use",
    )


def no_longer(rng, law):
    old = rng.choice(STATE)
    new = rng.choice(SAFE)
    answers = [
        f"The authority no longer uses any {old} cameras.",
        f"Our cameras are made by {new}.",
    ]
    return Case(
        request_makers(rng)[:2],
        answers,
        "disclosed",
        [new],
        [old],
        notes="'no longer uses' is a denial",
    )


def installer_case(rng, law):
    installer = rng.choice(INSTALLERS)
    maker = rng.choice(SAFE)
    n = rng.choice([16, 28, 45])
    answers = [
        f"Our CCTV system was installed by {installer} and is maintained by them under a five-year contract.",
        f"The cameras are {maker} models.",
        f"There are {n} cameras.",
    ]
    return Case(
        [
            "Who installed and who maintains your CCTV system?",
            "What make are the cameras?",
            "How many cameras are there?",
        ],
        answers,
        "disclosed",
        [maker],
        [],
        {maker: n},
        n,
        notes="installer named; maker is separate",
    )


def installer_only(rng, law):
    installer = rng.choice(INSTALLERS)
    answers = [
        f"The Council's CCTV is provided and maintained by {installer} under contract.",
        "The Council does not hold information about the manufacturer of the cameras; this is held by the contractor.",
        "You may wish to contact the contractor directly.",
    ]
    return Case(
        request_makers(rng)[:2],
        answers,
        "not_held",
        notes="only an installer is named; maker not held",
    )


def model_only(rng, law):
    choice = rng.randrange(3)
    if choice == 0:
        maker, models = "Hikvision", ["DS-2CD2143G2-I", "DS-2DE4425IW-DE"]
    elif choice == 1:
        maker, models = "Dahua", ["IPC-HFW2431S-S-S2", "SD49225XA-HNR"]
    else:
        maker, models = "Axis", ["AXIS P3245-V", "AXIS Q6075-E"]
    a, b = rng.choice([(10, 2), (24, 4), (7, 1)])
    answers = [f"{models[0]} x {a}", f"{models[1]} x {b}"]
    return Case(
        ["Please list the model numbers of your CCTV cameras and how many of each you have."],
        answers,
        "disclosed",
        [maker],
        [],
        {maker: a + b},
        a + b,
        notes="model numbers only; maker resolved from the model",
    )


def hilook(rng, law):
    n = rng.choice([5, 9, 13])
    answers = [
        f"The reception area is covered by {n} HiLook cameras connected to a local recorder."
    ]
    return Case(
        ["What brand of cameras cover your offices?", "How many?"],
        answers,
        "disclosed",
        ["Hikvision"],
        [],
        {"Hikvision": n},
        n,
        notes="HiLook is a Hikvision brand",
    )


def yes_no_named(rng, law):
    maker = rng.choice(STATE + SAFE)
    n = rng.choice([3, 11, 19])
    yes = rng.random() < 0.5
    if yes:
        return Case(
            request_yes_no(maker),
            ["Yes.", f"{n}.", "No."],
            "disclosed",
            [maker],
            [],
            {maker: n},
            n,
            notes="'1. Yes' only means something next to its question",
        )
    return Case(
        request_yes_no(maker),
        ["No.", "Not applicable.", "Not applicable."],
        "disclosed",
        [],
        [maker],
        notes="'1. No' denies the maker named in question 1",
    )


def yes_no_both(rng, law):
    answers = rng.choice(
        [
            ["No, the Council does not use cameras from either of these companies.", "N/A"],
            ["No.", "N/A"],
            ["We do not use equipment from these manufacturers.", "Not applicable."],
        ]
    )
    return Case(
        ["Does the Council use CCTV cameras made by Hikvision or Dahua?", "If so, how many?"],
        answers,
        "disclosed",
        [],
        ["Dahua", "Hikvision"],
        notes="negative answer referring back to the makers in the question",
    )


def inline_letters(rng, law):
    maker = rng.choice(SAFE)
    n = rng.choice([7, 15, 31])
    questions = [
        "a) Do you use CCTV cameras in your buildings? b) Are any of them made by Hikvision? c) Who makes them?"
    ]
    answers = [f"a) Yes. b) No. c) {maker}, {n} cameras."]
    return Case(
        questions,
        answers,
        "disclosed",
        [maker],
        ["Hikvision"],
        {maker: n},
        n,
        numbered=False,
        notes="inline lettered answers",
    )


def no_cctv(rng, law):
    answers = rng.choice(
        [
            ["The Council does not operate any CCTV cameras."],
            ["We do not use body worn cameras."],
            [
                "The Trust has no CCTV cameras on its premises; security is provided by staff patrols."
            ],
        ]
    )
    return Case(
        [
            "Please list the manufacturers of all CCTV and body worn cameras you use, e.g. Hikvision or Dahua.",
            "How many cameras do you have?",
        ],
        answers,
        "disclosed",
        [],
        [],
        {},
        0,
        notes="a substantive 'none' answer is disclosed, not not_held",
    )


def refused_security(rng, law):
    if law == "FOISA":
        cites, labels = (
            "sections 31(1) and 35(1)(a) of the Freedom of Information (Scotland) Act 2002",
            ["FOISA s31", "FOISA s35"],
        )
    else:
        cites, labels = rng.choice(
            [
                (
                    "sections 24(1) and 31(1)(a) of the Freedom of Information Act 2000",
                    ["FOIA s24", "FOIA s31"],
                ),
                ("section 31(1)(a) of the Act (law enforcement)", ["FOIA s31"]),
                (
                    "section 24(1) (national security) and section 38(1) (health and safety)",
                    ["FOIA s24", "FOIA s38"],
                ),
            ]
        )
    answers = [
        f"The information you have requested is withheld under {cites}.",
        "Disclosing the makes and locations of our cameras would help those wishing to defeat them and would be likely to prejudice the prevention of crime.",
        "We have considered the public interest and concluded that it favours withholding the information.",
    ]
    return Case(
        request_makers(rng),
        answers,
        "refused",
        exemptions=labels,
        notes="refusal; Hikvision and Dahua only in the request",
    )


def refused_cost(rng, law):
    if law == "FOISA":
        answers = [
            "To identify the make of every camera we would need to inspect each site, as no central asset register is held.",
            "We estimate that the cost of complying with your request would exceed £600, so under section 12(1) of FOISA we are not obliged to comply.",
        ]
        labels = ["FOISA s12"]
    else:
        answers = [
            "Establishing the manufacturer of each camera would require a physical inspection of 212 sites.",
            "We estimate this would take well over 18 hours and would exceed the appropriate limit of £450.",
            "Section 12(1) of the Freedom of Information Act therefore applies and we will not be processing your request further.",
        ]
        labels = ["FOIA s12"]
    return Case(
        request_makers(rng),
        answers,
        "refused",
        exemptions=labels,
        notes="cost refusal; 212 sites is not a count",
    )


def refused_mixed(rng, law):
    sec = "section 12" if law == "FOIA" else "section 12 of FOISA"
    answers = [
        "The Council does not hold a central register of camera makes.",
        f"To answer would require visiting every site, and we estimate this would exceed the cost limit; we are therefore refusing your request under {sec}.",
    ]
    return Case(
        request_makers(rng),
        answers,
        "refused",
        exemptions=[f"{law} s12"],
        notes="refusal mixing not-held and cost",
    )


def refused_commercial(rng, law):
    sec, label = (
        ("section 43(2)", "FOIA s43") if law == "FOIA" else ("section 33(1)(b)", f"{law} s33")
    )
    maker = rng.choice(SAFE)
    answers = [
        f"The cameras are {maker} units.",
        f"The contract values are exempt from disclosure under {sec} as their release would prejudice the commercial interests of the Council and its supplier.",
    ]
    return Case(
        ["What make are your cameras?", "What was the value of the contract?"],
        answers,
        "partially_disclosed",
        [maker],
        [],
        exemptions=[label],
        notes="partial: maker disclosed, contract value withheld",
    )


def partial_locations(rng, law):
    maker = rng.choice(SAFE + STATE)
    n = rng.choice([14, 26, 58])
    sec, label = (
        ("section 31(1)(a)", "FOIA s31") if law == "FOIA" else ("section 35(1)(a)", "FOISA s35")
    )
    answers = [
        f"We can confirm that the Council's public space CCTV uses {n} {maker} cameras.",
        f"The locations of individual cameras are exempt under {sec}, as their disclosure would be likely to prejudice the prevention of crime.",
    ]
    return Case(
        [
            "What make are your cameras and how many do you have?",
            "Please list the location of each camera.",
        ],
        answers,
        "partially_disclosed",
        [maker],
        [],
        {maker: n},
        n,
        [label],
        notes="partial disclosure",
    )


def ncnd(rng, law):
    if law == "FOISA":
        answers = [
            "In terms of section 18 of FOISA, Police Scotland can neither confirm nor deny whether it holds the information you have requested."
        ]
        labels = ["FOISA s18"]
    else:
        answers = [
            "Midshire Police can neither confirm nor deny that it holds the information you requested, by virtue of sections 24(2) and 31(3) of the Freedom of Information Act 2000."
        ]
        labels = ["FOIA s24", "FOIA s31"]
    return Case(
        [
            "Do covert cameras used by the force include any made by Hikvision?",
            "How many such cameras are deployed?",
        ],
        answers,
        "neither_confirm_nor_deny",
        exemptions=labels,
        notes="NCND",
    )


def not_held(rng, law):
    if law == "FOISA":
        answers = [
            "In terms of section 17 of the Freedom of Information (Scotland) Act 2002, I must notify you that the Council does not hold the information you requested.",
            "The CCTV at our offices is owned and managed by the building's landlord.",
        ]
        labels = ["FOISA s17"]
    else:
        answers = rng.choice(
            [
                [
                    "The Council does not hold this information.",
                    "The CCTV system in our offices belongs to the landlord, who is not a public authority.",
                ],
                [
                    "Information not held.",
                    "The Council does not operate its own CCTV; public space cameras are run by Midshire Police.",
                ],
            ]
        )
        labels = []
    return Case(
        request_makers(rng)[:2],
        answers,
        "not_held",
        exemptions=labels,
        notes="not held; makers only in the request",
    )


def eir_refusal(rng, law):
    reg = rng.choice([("12(5)(a)", "public safety"), ("12(4)(b)", "manifestly unreasonable")])
    regs = (
        "Environmental Information (Scotland) Regulations 2004"
        if law == "FOISA"
        else "Environmental Information Regulations 2004"
    )
    label_reg = reg[0] if law == "FOIA" else reg[0].replace("12", "10", 1)
    answers = [
        f"Your request has been handled under the {regs}.",
        f"We are refusing to disclose the make of the roadside cameras under regulation {label_reg} ({reg[1]}).",
    ]
    return Case(
        ["What make are the traffic cameras on the ring road?"],
        answers,
        "refused",
        exemptions=[f"EIR reg {label_reg}"],
        notes="EIR exception, not a FOIA section",
    )


def acknowledgement(rng, law):
    answers = [
        "Thank you for your request for information, which we received on 3 March 2025.",
        "Your request is being dealt with under the Freedom of Information Act and we will respond within 20 working days, by 31 March 2025.",
        "Your reference number is FOI-25-0412.",
    ]
    return Case(
        request_makers(rng),
        answers,
        "other",
        notes="acknowledgement only; dates and reference are not counts",
    )


def clarification(rng, law):
    answers = [
        "Before we can respond, we need you to clarify your request.",
        "Could you please confirm whether you are asking about public space CCTV only, or also cameras inside council buildings and vehicles?",
        "Your request will be placed on hold until we receive your clarification.",
    ]
    return Case(request_makers(rng), answers, "other", notes="clarification request")


def topical_mention(rng, law):
    maker = rng.choice(SAFE)
    n = rng.choice([33, 48, 71])
    answers = [
        "Following the government's announcement in November 2022 about Hikvision, the Council reviewed its CCTV estate.",
        f"All {n} of our cameras are {maker} models.",
        "None of them are Hikvision or Dahua products.",
    ]
    return Case(
        request_makers(rng),
        answers,
        "disclosed",
        [maker],
        ["Dahua", "Hikvision"],
        {maker: n},
        n,
        notes="Hikvision named as a topic, not as equipment in use",
    )


def vms_case(rng, law):
    maker = rng.choice(SAFE)
    n = rng.choice([10, 21, 36])
    answers = [
        f"Our cameras are {maker} and are recorded using Milestone XProtect software.",
        f"There are {n} cameras in total.",
    ]
    return Case(
        ["What make of cameras and recording software do you use?", "How many cameras?"],
        answers,
        "disclosed",
        [maker],
        [],
        {maker: n},
        n,
        notes="VMS software is not a camera maker",
    )


def bodyworn(rng, law):
    maker = rng.choice(BODYWORN)
    n = rng.choice([17, 40, 120])
    model = {
        "Edesix": "VideoBadge VB-400",
        "Axon": "Axon Body 3",
        "Motorola Solutions": "Motorola VB400",
    }[maker]
    answers = rng.choice(
        [
            [
                "Our Civil Enforcement Officers use body worn cameras.",
                f"The Council has {n} body worn cameras.",
                f"The cameras are {model} devices made by {maker}.",
            ],
            ["Yes.", f"{WORDS.get(n, n)}.", f"{maker} ({model})."],
        ]
    )
    return Case(
        [
            "Do your officers use body worn cameras?",
            "How many body worn cameras do you have?",
            "What make and model are they?",
        ],
        answers,
        "disclosed",
        [maker],
        [],
        {maker: n},
        n,
        notes="body worn; make and count in different answers",
    )


def phone_refs(rng, law):
    maker = rng.choice(SAFE)
    n = rng.choice([9, 13, 27])
    answers = [
        f"Our reference: FOI/2025/00{rng.randint(100, 999)}.",
        f"The Council uses {n} {maker} cameras at its depots.",
        "If you have any queries please call 01632 960 123 or write to PO Box 396.",
        "The annual maintenance contract costs £12,400.",
    ]
    return Case(
        ["What make of CCTV cameras do you use and how many?"],
        answers,
        "disclosed",
        [maker],
        [],
        {maker: n},
        n,
        notes="reference, phone, PO box and cost numbers are not counts",
    )


def replacement_plan(rng, law):
    old = rng.choice(STATE)
    new = rng.choice(SAFE)
    n = rng.choice([12, 30])
    answers = [
        f"The Council currently has {n} {old} cameras.",
        f"These are due to be replaced with {new} cameras during 2026.",
    ]
    return Case(
        request_makers(rng)[:2],
        answers,
        "disclosed",
        [old],
        [],
        {old: n},
        n,
        notes="still in use until replaced; the planned maker is not in use",
    )


def words_count(rng, law):
    maker = rng.choice(SAFE)
    n = rng.choice([12, 20, 24, 60])
    answers = [f"The Council has {WORDS[n]} CCTV cameras, all manufactured by {maker}."]
    return Case(
        ["How many CCTV cameras does the Council have and who makes them?"],
        answers,
        "disclosed",
        [maker],
        [],
        {maker: n},
        n,
        notes="count written in words",
    )


def s21_published(rng, law):
    sec, label = ("section 21", "FOIA s21") if law == "FOIA" else ("section 25", "FOISA s25")
    answers = [
        f"This information is exempt under {sec} because it is reasonably accessible to you by other means.",
        "We published our CCTV asset list in our disclosure log in January 2025.",
    ]
    return Case(
        request_makers(rng)[:2], answers, "refused", exemptions=[label], notes="already published"
    )


def fee_notice(rng, law):
    answers = [
        "Providing copies of the maintenance records will incur a charge for photocopying and postage.",
        "Please find enclosed a fees notice for £18.50; we will process your request once payment has been received.",
    ]
    return Case(
        ["Please send copies of the maintenance records for all CCTV cameras."],
        answers,
        "other",
        notes="fee notice",
    )


SCENARIOS = [
    (disclosed_list, 12),
    (disclosed_state, 8),
    (table_case, 10),
    (sums_case, 8),
    (past_use, 7),
    (no_longer, 4),
    (installer_case, 6),
    (installer_only, 4),
    (model_only, 6),
    (hilook, 3),
    (yes_no_named, 8),
    (yes_no_both, 5),
    (inline_letters, 4),
    (no_cctv, 4),
    (refused_security, 10),
    (refused_cost, 6),
    (refused_mixed, 4),
    (refused_commercial, 4),
    (partial_locations, 6),
    (ncnd, 4),
    (not_held, 6),
    (eir_refusal, 4),
    (acknowledgement, 4),
    (clarification, 4),
    (topical_mention, 5),
    (vms_case, 4),
    (bodyworn, 6),
    (phone_refs, 5),
    (replacement_plan, 3),
    (words_count, 4),
    (s21_published, 3),
    (fee_notice, 2),
]


# ---------------------------------------------------------------- layouts

RIGHTS = {
    "FOIA": [
        (
            "If you are dissatisfied with the handling of your request, you have the right to ask for an internal review. "
            "Internal review requests should be submitted within 40 working days of the date of receipt of this response."
        ),
        (
            "If you are not content with the outcome of the internal review, you have the right to apply directly to the "
            "Information Commissioner for a decision under section 50 of the Act. The Information Commissioner can be contacted at: "
            "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF."
        ),
    ],
    "FOISA": [
        (
            "If you are unhappy with this response, you may ask us to carry out a review by writing within 40 working days, "
            "as set out in section 20 of the Freedom of Information (Scotland) Act 2002."
        ),
        (
            "If you remain dissatisfied following the review, you have the right to apply to the Scottish Information Commissioner "
            "under section 47(1) within six months. Her office is at Kinnaird Park, 16 Kinnaird House, St Andrews."
        ),
    ],
}
REUSE = [
    (
        "Most of the information we provide in response to requests is subject to copyright. You may re-use it under the "
        "terms of the Open Government Licence."
    ),
    (
        "The information supplied is for your personal use. Any further re-use requires permission, in line with the Re-use of "
        "Public Sector Information Regulations 2015."
    ),
]
REFUSAL_NOTICE = {
    "FOIA": "This letter constitutes a refusal notice under section 17 of the Freedom of Information Act 2000.",
    "FOISA": "This letter serves as a refusal notice under section 16 of the Freedom of Information (Scotland) Act 2002.",
}
COOKIES = [
    "Skip to main content",
    "We use cookies to make this site work and to collect analytics. Accept all cookies | Reject additional cookies",
    "Home > Your council > Freedom of information > Disclosure log",
    "Search this site",
]


def numbered(items: list[str], style: str) -> list[str]:
    fmt = {"dot": "{n}. {t}", "paren": "{n}) {t}", "q": "Q{n}: {t}", "letter": "({l}) {t}"}[style]
    return [fmt.format(n=i + 1, l="abcdefgh"[i], t=t) for i, t in enumerate(items)]


def table_lines(rows: list[list[str]] | None) -> list[str]:
    return ["\n".join(" | ".join(r) for r in rows)] if rows else []


def answer_lines(case: Case, style: str) -> list[str]:
    lines = numbered(case.answers, style) if case.numbered else list(case.answers)
    return lines + table_lines(case.table)


def question_lines(case: Case, style: str) -> list[str]:
    return numbered(case.questions, style) if case.numbered else list(case.questions)


def layout_letter(case: Case, body: str, law: str, rng: random.Random, ref: str) -> str:
    style = rng.choice(["dot", "paren", "q"])
    act = (
        "Freedom of Information (Scotland) Act 2002"
        if law == "FOISA"
        else "Freedom of Information Act 2000"
    )
    intro = rng.choice(
        ["You asked:", "Your request was as follows:", "You requested the following information:"]
    )
    reply = rng.choice(
        ["Our response:", "Response", "The Council's response is as follows:", "Answer:"]
    )
    parts = [
        "Dear Requester,",
        f"{act} - Request reference {ref}",
        f"Thank you for your request for information received on {rng.randint(1, 28)} {rng.choice(['January', 'May', 'October'])} 2025.",
        intro,
        *question_lines(case, style),
        reply,
        *answer_lines(case, style),
    ]
    if (
        case.outcome in {"refused", "partially_disclosed", "neither_confirm_nor_deny"}
        and rng.random() < 0.7
    ):
        parts.append(REFUSAL_NOTICE[law])
    parts += RIGHTS[law] + [
        rng.choice(REUSE),
        "Yours sincerely,",
        "Information Governance Team",
        body,
    ]
    return "\n\n".join(parts) + "\n"


def layout_page(case: Case, body: str, law: str, rng: random.Random, ref: str) -> str:
    style = rng.choice(["dot", "paren"])
    title = rng.choice(
        [f"FOI {ref}: CCTV camera manufacturers (Hikvision and Dahua)", f"CCTV cameras - {ref}"]
    )
    if law == "FOISA":
        title += " - Freedom of Information (Scotland) Act 2002"
    lines = [
        f"SOURCE: https://www.example-council.gov.uk/foi/disclosure-log/{ref.lower()}",
        *COOKIES,
        title,
        f"Date of response: {rng.randint(1, 28)}/0{rng.randint(1, 9)}/2024",
        "Request",
        *question_lines(case, style),
        "Response",
        *answer_lines(case, style),
        *REUSE[:1],
        "Back to top",
        "Was this page useful? Yes No",
    ]
    return "\n".join(lines) + "\n"


def layout_email(case: Case, body: str, law: str, rng: random.Random, ref: str) -> str:
    style = rng.choice(["dot", "paren"])
    lines = [
        "Dear Ms Jones,",
        "",
        f"Re: Freedom of Information request {ref}",
        "",
        "Thank you for your email. Please find our response to your questions below.",
        "",
        *answer_lines(case, style),
        "",
        *RIGHTS[law][:1],
        "",
        "Kind regards,",
        "FOI Officer",
        body,
        "",
        "-----Original Message-----",
        "From: A Jones <request-9912-ab12cd34@whatdotheyknow.com>",
        "Sent: 02 February 2025 10:14",
        f"To: FOI <foi@{ref.lower()}.example.gov.uk>",
        "Subject: Freedom of Information request - CCTV manufacturers",
        "",
        f"Dear {body},",
        "",
        *question_lines(case, style),
        "",
        "Yours faithfully,",
        "A Jones",
    ]
    return "\n".join(lines) + "\n"


def layout_interleaved(case: Case, body: str, law: str, rng: random.Random, ref: str) -> str:
    pairs = []
    for q, a in zip(case.questions + [""] * 9, case.answers):
        if q:
            pairs.append(q)
        pairs.append(a)
    lines = [
        f"Request ID: {ref}",
        "You asked",
        " ".join(case.questions),
        "We answered",
        f"Thank you for your request received by {body}.",
        "You asked:",
        *pairs,
        *table_lines(case.table),
        *RIGHTS[law][:1],
    ]
    return "\n\n".join(lines) + "\n"


def layout_welsh(case: Case, body: str, law: str, rng: random.Random, ref: str) -> str:
    welsh = [
        "Annwyl Ymgeisydd,",
        "Diolch am eich cais am wybodaeth o dan Ddeddf Rhyddid Gwybodaeth 2000.",
        "Mae ein hymateb i'w weld isod.",
    ]
    if {"Hikvision", "Dahua"} <= set(case.denied):
        welsh.append("Nid yw'r Cyngor yn defnyddio camerâu Hikvision na Dahua.")
    welsh += ["Yn gywir,", "Tîm Rhyddid Gwybodaeth", "---", "Dear Requester,"]
    return (
        "\n\n".join(welsh) + "\n\n" + layout_letter(case, body, law, rng, ref).split("\n\n", 1)[1]
    )


LAYOUTS = {
    "letter": layout_letter,
    "page": layout_page,
    "email": layout_email,
    "interleaved": layout_interleaved,
    "welsh": layout_welsh,
}


def pick_layout(case: Case, nation: str, rng: random.Random) -> str:
    if nation == "Wales" and rng.random() < 0.6:
        return "welsh"
    options = ["letter", "page", "interleaved"]
    if case.numbered and not any(
        a.strip().rstrip(".").lower() in {"yes", "no", "n/a", "not applicable"}
        for a in case.answers
    ):
        options.append("email")
    return rng.choice(options)


def build(seed: int = 20251122) -> list[tuple[str, str, dict]]:
    """All cases as (case_id, text, labels)."""
    rng = random.Random(seed)
    out = []
    for scenario, repeat in SCENARIOS:
        for k in range(repeat):
            body, body_type, nation = rng.choice(BODIES)
            law = law_of(nation)
            case = scenario(rng, law)
            layout = pick_layout(case, nation, rng)
            ref = f"FOI{rng.randint(1000, 9999)}"
            text = LAYOUTS[layout](case, body, law, rng, ref)
            case_id = f"{scenario.__name__.replace('_', '-')}-{k + 1:02d}-{layout}"
            labels = {
                "id": case_id,
                "body": body,
                "body_type": body_type,
                "nation": nation,
                "regime": law,
                "outcome": case.outcome,
                "exemptions": case.exemptions,
                "manufacturers_in_use": sorted(case.in_use),
                "manufacturers_denied": sorted(case.denied),
                "counts": case.counts,
                "total_cameras": case.total,
                "source_url": None,
                "response_date": None,
                "difficulty_notes": f"synthetic ({layout} layout): {case.notes}",
            }
            out.append((case_id, text, labels))
    return out + handwritten()


def handwritten() -> list[tuple[str, str, dict]]:
    """The hand-written cases of ``corpus_handwritten.py``, with the same label fields."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "corpus_handwritten", HERE / "corpus_handwritten.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    out = []
    for case_id, text, labels in module.CASES:
        full = {
            "id": case_id,
            "body": None,
            "body_type": None,
            "nation": None,
            "source_url": None,
            "response_date": None,
            **labels,
        }
        out.append((case_id, text, full))
    return out


def write(target: Path = CORPUS) -> int:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    cases = build()
    for case_id, text, labels in cases:
        (target / f"{case_id}.txt").write_text(text, encoding="utf-8")
        (target / f"{case_id}.json").write_text(
            json.dumps(labels, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return len(cases)


if __name__ == "__main__":
    print(f"wrote {write()} cases to {CORPUS}")

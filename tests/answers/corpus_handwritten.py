"""Hand-written replies in styles the scenario generator does not produce (a second "author").

Each entry is (case id, text, labels); ``corpus_gen.build()`` adds them to the
corpus with the same label fields. All text is written for this project.
"""

from __future__ import annotations


def _labels(
    outcome, in_use=(), denied=(), counts=None, total=None, exemptions=(), regime="FOIA", notes=""
):
    return {
        "outcome": outcome,
        "exemptions": list(exemptions),
        "manufacturers_in_use": sorted(in_use),
        "manufacturers_denied": sorted(denied),
        "counts": counts or {},
        "total_cameras": total,
        "regime": regime,
        "difficulty_notes": f"hand-written: {notes}",
    }


CASES: list[tuple[str, str, dict]] = [
    (
        "hw-transport-paragraph",
        """SOURCE: https://transport.example.gov.uk/foi/request-detail?ref=FOI-0412-2425
FOI request detail
CCTV at stations
You asked
Please tell me which company makes the CCTV cameras at your stations, and whether any are Hikvision or Dahua. How many cameras are there?
We answered
Our ref: FOI-0412-2425
Thank you for your request received on 3 June 2024. I can confirm that we hold the information you require. The CCTV cameras at our stations are manufactured by Hanwha. There are 312 cameras across our 27 stations. None of them are made by Hikvision or Dahua.
If you are not satisfied with this response please see the attached information sheet for details of your right to complain.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            ["Dahua", "Hikvision"],
            {"Hanwha": 312},
            312,
            notes="site count is not a camera count",
        ),
    ),
    (
        "hw-key-value-block",
        """Dear Mr Patel

Re: FOI 24/5521 - CCTV equipment

Thank you for your request. The details you asked for are below.

Make: Hikvision
Model: DS-2CD2347G2-LU
Quantity: 8
Location: Waste transfer station

Yours sincerely
Records Management Officer
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 8},
            8,
            notes="key-value lines; quantity on its own line",
        ),
    ),
    (
        "hw-bullets-with-zero",
        """Response to FOI 3390

Cameras by manufacturer:
• Axis – 34
• Bosch – 12
• Hikvision – 0

We hope this is helpful.
""",
        _labels(
            "disclosed",
            ["Axis", "Bosch"],
            ["Hikvision"],
            {"Axis": 34, "Bosch": 12},
            46,
            notes="a zero count is a denial",
        ),
    ),
    (
        "hw-neither-nor",
        """Freedom of Information Act 2000 – Ref 2025/118

Question: Does the Council use Hikvision or Dahua cameras?
Answer: Neither Hikvision nor Dahua cameras are used by the Council.

Question: Which manufacturer supplies your cameras?
Answer: Our cameras are supplied by Avigilon.
""",
        _labels(
            "disclosed",
            ["Avigilon"],
            ["Dahua", "Hikvision"],
            notes="neither/nor denial; Q/A labels",
        ),
    ),
    (
        "hw-partial-total-only",
        """Dear Requester,

1. The Council does not hold information on the manufacturer of its cameras, as the system is maintained by a contractor who holds the asset records.
2. We can confirm that we operate 45 public space CCTV cameras.

Regards,
Information Governance
""",
        _labels("partially_disclosed", total=45, notes="maker not held, total disclosed"),
    ),
    (
        "hw-withheld-brands-total-given",
        """Internal ref: IG/FOI/7781

You asked for the manufacturers of all cameras used at police stations and the number of cameras.

We can confirm that Midshire Police has 220 CCTV cameras across its estate.

The names of the manufacturers are withheld under section 24(1) (national security) and section 31(1)(a) (law enforcement) of the Freedom of Information Act 2000. Disclosure would allow those intent on criminal activity to identify weaknesses in our security.

Section 17 of the Act requires us to give reasons for refusing; these are set out above.
""",
        _labels(
            "partially_disclosed",
            total=220,
            exemptions=["FOIA s24", "FOIA s31"],
            notes="total disclosed; makers withheld; s17 not relied on",
        ),
    ),
    (
        "hw-internal-review-upheld",
        """Internal review – FOI 2024/0903

I have now completed the internal review you requested. Having considered the original request and the response, I have decided to uphold the decision to withhold the information under section 31(1)(a) of the Freedom of Information Act.

If you remain dissatisfied, you may apply to the Information Commissioner under section 50.
""",
        _labels("refused", exemptions=["FOIA s31"], notes="internal review outcome letter"),
    ),
    (
        "hw-foisa-not-held",
        """Freedom of Information (Scotland) Act 2002 – Request 101004417

Your request
Please provide the make and model of the cameras used in your CCTV control room, including any Hikvision equipment.

Our response
The Council does not operate a CCTV control room. The public space CCTV in the town is run by Police Scotland. In terms of section 17 of FOISA, this letter is notice that the Council does not hold the information you have requested.

Your right to seek a review
If you are unhappy with this response you may ask us to review it within 40 working days, and you may then apply to the Scottish Information Commissioner.
""",
        _labels(
            "not_held",
            exemptions=["FOISA s17"],
            regime="FOISA",
            notes="FOISA s17 notice counts as the ground",
        ),
    ),
    (
        "hw-foisa-s31-s35",
        """Our reference: FOI-2025-0777

Request
1. What brand are the cameras at your headquarters?
2. Are any of them made by Uniview?

Response
Police Scotland is unable to provide the information requested. The information is exempt under section 35(1)(a) and (b) (law enforcement) and section 31(1) (national security) of the Freedom of Information (Scotland) Act 2002, as disclosure would or would be likely to prejudice substantially the prevention or detection of crime.
""",
        _labels(
            "refused",
            exemptions=["FOISA s31", "FOISA s35"],
            regime="FOISA",
            notes="s31 is national security under FOISA",
        ),
    ),
    (
        "hw-lowercase-and-caps",
        """RESPONSE

We have carried out a search of our asset register.

CAMERA TYPE | MANUFACTURER | QTY
Dome | HIKVISION | 14
Bullet | HIKVISION | 6
PTZ | AXIS | 2

We also have a small number of older analogue cameras which are no longer in use.
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Hikvision": 20, "Axis": 2},
            22,
            notes="upper case table; counts summed by maker",
        ),
    ),
    (
        "hw-replacement-programme",
        """Dear Sir/Madam,

Freedom of Information Request – FOI/2023/1456

You asked whether the Council uses cameras manufactured by Hikvision and, if so, what plans there are to remove them.

The Council currently has 4 Hikvision cameras at the Riverside depot. These will be replaced by the end of the next financial year as part of our planned programme. All other cameras (56) are manufactured by Bosch.

Yours faithfully,
""",
        _labels(
            "disclosed",
            ["Bosch", "Hikvision"],
            [],
            {"Hikvision": 4, "Bosch": 56},
            60,
            notes="Hikvision still in use until replaced",
        ),
    ),
    (
        "hw-ncnd-police",
        """Request

Do you use any cameras made by Hikvision for covert surveillance?

Response

In accordance with the Freedom of Information Act 2000, this letter acts as a refusal notice. Midshire Constabulary can neither confirm nor deny that it holds any information relevant to your request as the duty in s1(1)(a) does not apply by virtue of the following exemptions:

Section 24(2) National Security
Section 31(3) Law Enforcement

Sections 24 and 31 are qualified exemptions and require a public interest test.
""",
        _labels(
            "neither_confirm_nor_deny",
            exemptions=["FOIA s24", "FOIA s31"],
            notes="NCND with a list of exemptions under an intro line",
        ),
    ),
    (
        "hw-acknowledgement-wdtk",
        """Dear Ms Rowe,

Thank you for your request for information, which was received on 12 February 2025 and has been logged under reference FOI-25-2210.

We will respond promptly and in any case no later than 12 March 2025, in line with the 20 working day limit.

Your request asked: "Please list every CCTV camera manufacturer you use, including Hikvision, Dahua and Uniview."

Kind regards
Information Governance Team
""",
        _labels("other", notes="acknowledgement quoting the request with state-linked names"),
    ),
    (
        "hw-clarification",
        """Dear Applicant,

We have received your request about CCTV cameras made by Hikvision. Before we can respond, please could you clarify whether your request covers only cameras owned by the Council, or also cameras in buildings we lease to others? Under section 1(3) of the Act we are not obliged to comply until we receive this clarification.

Regards
""",
        _labels("other", notes="clarification under s1(3); not an exemption"),
    ),
    (
        "hw-cost-no-section",
        """Response

We do not keep a central register of the make of each camera. To answer your question we would need to visit each of our 140 sites and inspect the cameras, which we estimate would take around 70 hours. This would exceed the appropriate limit of £450 set by the Fees Regulations, so we are unable to comply with your request.

As advice and assistance, you may wish to narrow your request to a single site.
""",
        _labels("refused", exemptions=["FOIA s12"], notes="cost refusal without a section number"),
    ),
    (
        "hw-eir-roads",
        """Environmental Information Regulations 2004 – request EIR/2024/311

You asked: What make are the ANPR and traffic cameras on the A40 corridor?

We have considered your request under the EIR because it concerns measures affecting the environment. We are withholding this information under regulation 12(5)(a) (public safety), as disclosure would help those wishing to damage or evade the cameras. The public interest in maintaining the exception outweighs the public interest in disclosure.
""",
        _labels("refused", exemptions=["EIR reg 12(5)(a)"], notes="EIR exception"),
    ),
    (
        "hw-model-table-dahua",
        """Please see below the list of cameras at the civic offices.

Location | Model | Count
Reception | IPC-HDW2431T-AS | 3
Car park | IPC-HFW5442E-ZE | 5
Stairwell | IPC-HDW2431T-AS | 2

The recorders are NVR5216-16P units.
""",
        _labels(
            "disclosed",
            ["Dahua"],
            [],
            {"Dahua": 10},
            10,
            notes="model numbers only; recorder not a camera count",
        ),
    ),
    (
        "hw-welsh-bilingual-full",
        """Annwyl Ymgeisydd,

Cais Rhyddid Gwybodaeth – CCTV

Nid yw'r Cyngor yn defnyddio camerâu Hikvision na Dahua. Mae gan y Cyngor 38 camera, pob un wedi'i gynhyrchu gan Axis.

Dear Applicant,

Freedom of Information Request – CCTV

The Council does not use Hikvision or Dahua cameras. The Council has 38 cameras, all manufactured by Axis.

Yn gywir / Yours sincerely
""",
        _labels(
            "disclosed",
            ["Axis"],
            ["Dahua", "Hikvision"],
            {"Axis": 38},
            38,
            notes="Welsh first, then English",
        ),
    ),
    (
        "hw-past-tense-only",
        """Answer to question 1: The Council used Dahua cameras at its leisure centres until 2020. These were decommissioned when the centres were transferred to the leisure trust.

Answer to question 2: The Council no longer operates any CCTV cameras.
""",
        _labels("disclosed", [], [], {}, 0, notes="past use only; now no cameras"),
    ),
    (
        "hw-vms-and-integrator",
        """In response to your request:

The Council's CCTV control room uses Genetec Security Center as its video management software. The system was designed and installed by Synectics. The cameras themselves are a mix of Axis (61) and Hanwha (19) models.
""",
        _labels(
            "disclosed",
            ["Axis", "Hanwha"],
            [],
            {"Axis": 61, "Hanwha": 19},
            80,
            notes="VMS and integrator named; makers with bracketed counts",
        ),
    ),
    (
        "hw-s21-link",
        """Your request for information

We published the answer to a very similar request in our disclosure log last month. This information is therefore exempt under section 21 of the Freedom of Information Act because it is reasonably accessible to you. It can be found on our website.
""",
        _labels("refused", exemptions=["FOIA s21"], notes="s21 pointer to a published answer"),
    ),
    (
        "hw-personal-data-partial",
        """1. What make are your body worn cameras?
Motorola Solutions VB400.

2. Which officers have been issued with them?
The names of individual officers are personal data and are exempt under section 40(2) of the Freedom of Information Act 2000.

3. How many body worn cameras do you have?
We have 85 body worn cameras.
""",
        _labels(
            "partially_disclosed",
            ["Motorola Solutions"],
            [],
            {"Motorola Solutions": 85},
            85,
            exemptions=["FOIA s40"],
            notes="interleaved Q/A; s40 for names",
        ),
    ),
    (
        "hw-hikvision-in-quoted-thread",
        """Hello,

Please see our answers below.

1. Bosch
2. 27

Regards,
FOI Team

-----Original Message-----
From: J Smith
Sent: 14 May 2025 09:12
To: FOI
Subject: FOI request

1. Who makes your CCTV cameras (e.g. Hikvision, Dahua)?
2. How many cameras do you have?
""",
        _labels(
            "disclosed",
            ["Bosch"],
            [],
            {"Bosch": 27},
            27,
            notes="questions only in the quoted thread below",
        ),
    ),
    (
        "hw-government-guidance-topical",
        """Response:

In November 2022 the Cabinet Office instructed departments to cease deploying Hikvision and other Chinese-made surveillance equipment on sensitive sites. The Council is not a central government department; however, we have reviewed our estate and can confirm that none of our 23 cameras were manufactured by Hikvision. Our cameras are Avigilon models.
""",
        _labels(
            "disclosed",
            ["Avigilon"],
            ["Hikvision"],
            {"Avigilon": 23},
            23,
            notes="Hikvision named in guidance context",
        ),
    ),
    (
        "hw-phone-and-ref-noise",
        """Tel: 01632 960 555
Our ref: 20250211/FOI/0093
Date: 11 February 2025

Dear Requester

In response to your request, the Council has 16 cameras. The cameras are Vivotek units purchased in 2018 for £23,400 under contract 4471.

If you have any queries, please contact us on 01632 960 555.
""",
        _labels(
            "disclosed",
            ["Vivotek"],
            [],
            {"Vivotek": 16},
            16,
            notes="phone, reference, year, cost and contract numbers",
        ),
    ),
    (
        "hw-not-held-landlord",
        """Request reference: 2024-FOI-0032

Thank you for your request about CCTV cameras and whether any are made by Hikvision or Dahua.

The Trust occupies its headquarters under a lease and the CCTV system is owned and operated by the landlord. The Trust therefore does not hold the information you have requested.
""",
        _labels("not_held", notes="landlord owns the system"),
    ),
    (
        "hw-yes-inline-maker",
        """Q1. Do you use Hikvision cameras? Yes, 12 Hikvision cameras are installed at the bus station.
Q2. Do you use Dahua cameras? No.
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            ["Dahua"],
            {"Hikvision": 12},
            12,
            notes="question and answer on one line",
        ),
    ),
    (
        "hw-fee-eir",
        """We are able to provide copies of the camera maintenance logs. As these amount to over 500 pages, a charge of £50.00 applies for copying and postage. Please find enclosed our fees notice. We will send the information when payment is received.
""",
        _labels("other", notes="fee notice"),
    ),
]

CASES += [
    (
        "hw-mixture-including",
        """Response

The Council's cameras are a mixture of makes, including Hikvision, Axis and Bosch. We do not keep a record of how many of each make we have.
""",
        _labels(
            "partially_disclosed",
            ["Axis", "Bosch", "Hikvision"],
            notes="'including' lists makers in use; count not held",
        ),
    ),
    (
        "hw-nvr-and-cameras",
        """1. What CCTV equipment do you use?
We have 3 Hikvision NVRs and 40 Axis cameras.
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Axis": 40},
            40,
            notes="recorders put their maker in use but add nothing to counts (the labelling convention of "
            "../shared/eval/README.md; relabelled in rules-1.11), and are not cameras in the total",
        ),
    ),
    (
        "hw-glued-x-count",
        """Cameras currently installed:
AXIS P3245-LVE x12
AXIS Q6135-LE x3
""",
        _labels("disclosed", ["Axis"], [], {"Axis": 15}, 15, notes="'x12' glued to the count"),
    ),
    (
        "hw-majority-not-held",
        """The force does not hold a central record of camera manufacturers. However, the majority of cameras on the police estate are Dahua.
""",
        _labels("partially_disclosed", ["Dahua"], notes="not held centrally, but a maker stated"),
    ),
    (
        "hw-exception-of",
        """Answer

All of the Council's cameras are Hikvision, with the exception of two Axis cameras at the depot.
""",
        _labels("disclosed", ["Axis", "Hikvision"], [], {"Axis": 2}, notes="exception clause"),
    ),
    (
        "hw-not-applicable-row",
        """Manufacturer | Number
Bosch | 18
Dahua | Not applicable
""",
        _labels(
            "disclosed",
            ["Bosch"],
            ["Dahua"],
            {"Bosch": 18},
            18,
            notes="'Not applicable' in a count cell",
        ),
    ),
    (
        "hw-question-heading-style",
        """Question 1 – Please confirm the make of the CCTV cameras used in the town centre, and whether any are Hikvision.
Response – The town centre cameras are Hanwha Wisenet models. There are no Hikvision cameras in the town centre.

Question 2 – How many cameras are there?
Response – Fifty-two.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            ["Hikvision"],
            {"Hanwha": 52},
            52,
            notes="Question/Response headings inline; number in words",
        ),
    ),
    (
        "hw-security-concerns-aware",
        """Thank you for your request.

The Council is aware of the concerns raised about Hikvision and Dahua equipment. The Council does not hold information identifying the manufacturer of each of its cameras, as this is not recorded in our asset register.
""",
        _labels("not_held", notes="makers named only as a topic of concern"),
    ),
    (
        "hw-foisa-s25-published",
        """Freedom of Information (Scotland) Act 2002 – your request FOI-0199

The information you requested about the make of our cameras is already published on our website in our response to an earlier request. It is therefore exempt under section 25(1) of FOISA, as it is otherwise accessible to you.
""",
        _labels("refused", exemptions=["FOISA s25"], regime="FOISA", notes="FOISA s25"),
    ),
    (
        "hw-s43-contract-with-makers-denied",
        """1. Do you use Hikvision or Dahua cameras?
No.

2. Please provide the contract value for your CCTV maintenance.
This information is withheld under section 43(2) of the Freedom of Information Act 2000 (commercial interests).
""",
        _labels(
            "partially_disclosed",
            [],
            ["Dahua", "Hikvision"],
            exemptions=["FOIA s43"],
            notes="denial plus a withheld part",
        ),
    ),
]

CASES += [
    (
        "hw-pdf-wrapped-negation",
        """Freedom of Information Act 2000
Our reference: FOI/2024/3312

You asked whether the Council uses CCTV cameras made by Hikvision or
Dahua, and how many cameras it operates.

The Council can confirm that it does not use
Hikvision or Dahua cameras. The Council operates 58 cameras, all of
which are manufactured by Bosch.
""",
        _labels(
            "disclosed",
            ["Bosch"],
            ["Dahua", "Hikvision"],
            {"Bosch": 58},
            58,
            notes="PDF line wraps split the negation from the makers",
        ),
    ),
    (
        "hw-request-bullets-no-markers",
        """Dear FOI Officer,

Please tell me how many CCTV cameras you have from each of the following manufacturers:
- Hikvision
- Dahua
- Uniview

Many thanks,
A Researcher

Dear Researcher,

The Council has 40 CCTV cameras, all of which are made by Axis.

Kind regards,
Information Team
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 40},
            40,
            notes="the request's bullet list names state-linked makers",
        ),
    ),
    (
        "hw-huawei-phones",
        """1. Which manufacturer makes your CCTV cameras?
Avigilon.

2. Which manufacturer makes the mobile phones issued to staff?
Huawei and Apple.
""",
        _labels("disclosed", ["Avigilon"], notes="a state-linked maker for another product"),
    ),
    (
        "hw-bare-answer-to-make-question",
        """1. Which company makes the cameras in your car parks?
2. How many cameras are there?

Our answers:
1. We use Vivotek.
2. 31
""",
        _labels(
            "disclosed",
            ["Vivotek"],
            [],
            {"Vivotek": 31},
            31,
            notes="bare maker name in the answer to a make question",
        ),
    ),
]

# A third batch, written before running the extractor on it (a blind check of generalisation).
CASES += [
    (
        "hw3-nhs-various-legacy",
        """Our reference: FOI 1187/24

Dear Requester

Information requested:
Please provide a breakdown of CCTV cameras by site and manufacturer, and state whether any are Hikvision.

Information provided:
Site | Number of cameras | Manufacturer
Main hospital | 212 | Axis
Community hospital | 38 | Axis
Car parks | 17 | Hikvision (legacy, being removed)

The Trust has a programme to replace the remaining Hikvision cameras in the car parks by March 2026.

Information Governance Department
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Axis": 250, "Hikvision": 17},
            267,
            notes="legacy cameras still in use until removed",
        ),
    ),
    (
        "hw3-decision-headings",
        """Request: Details of CCTV camera manufacturers used by the authority, including whether any are made by Dahua or Hikvision.

Decision: Information withheld

Reason: The authority considers that the information is exempt under section 31(1)(a) of the Freedom of Information Act 2000, as its release would be likely to prejudice the prevention or detection of crime.
""",
        _labels("refused", exemptions=["FOIA s31"], notes="Request/Decision/Reason headings"),
    ),
    (
        "hw3-police-qa-inline",
        """FOI Reference: 000123/25

Q1) Does the force use body worn video?
A1) Yes.

Q2) What make are the devices?
A2) Motorola Solutions VB400.

Q3) How many devices does the force have?
A3) 1,450.

Q4) Are any devices made by Hikvision?
A4) No.
""",
        _labels(
            "disclosed",
            ["Motorola Solutions"],
            ["Hikvision"],
            {"Motorola Solutions": 1450},
            1450,
            notes="Q1)/A1) labels; thousands separator",
        ),
    ),
    (
        "hw3-further-to",
        """Further to your Freedom of Information request, please note the following.

The Council's public space CCTV system consists of 96 cameras. 71 of these are Axis cameras and 25 are Bosch cameras. The Council does not use any Hikvision, Dahua or Uniview equipment.

The control room is staffed 24 hours a day, 365 days a year.
""",
        _labels(
            "disclosed",
            ["Axis", "Bosch"],
            ["Dahua", "Hikvision", "Uniview"],
            {"Axis": 71, "Bosch": 25},
            96,
            notes="24 hours and 365 days are not counts",
        ),
    ),
    (
        "hw3-foisa-held-not-held",
        """Freedom of Information (Scotland) Act 2002 – Response

Information held
The Council operates 140 CCTV cameras in town centres. These are manufactured by Hanwha.

Information not held
The Council does not hold information on the date each camera was installed. In terms of section 17 of FOISA, this is notice that this information is not held.
""",
        _labels(
            "partially_disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 140},
            140,
            exemptions=["FOISA s17"],
            regime="FOISA",
            notes="held and not-held sections",
        ),
    ),
    (
        "hw3-breadcrumb-list",
        """SOURCE: https://www.example.gov.uk/foi/disclosure-log/cctv-makes
Home / Council and democracy / Freedom of information / Disclosure log / CCTV makes
Accept cookies
CCTV makes
What was asked
The make of each CCTV camera operated by the council, for example Hikvision, Dahua or Axis.
What we said
We operate cameras from the following manufacturers:
- Bosch (54 cameras)
- Avigilon (12 cameras)
Back to top
""",
        _labels(
            "disclosed",
            ["Avigilon", "Bosch"],
            [],
            {"Bosch": 54, "Avigilon": 12},
            66,
            notes="breadcrumb and cookie lines; different headings",
        ),
    ),
    (
        "hw3-hikvision-no-numbers",
        """Dear Sir

We can confirm that the Council uses Hikvision cameras. We are unable to give numbers as we do not hold a central record of cameras by manufacturer.

Yours faithfully
""",
        _labels("partially_disclosed", ["Hikvision"], notes="maker confirmed, numbers not held"),
    ),
    (
        "hw3-model-lines-with-maker",
        """The cameras in the multi-storey car park are:

Hikvision (DS-2CD2042WD-I) – 8
Hikvision (DS-2DE4215IW-DE) – 2
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 10},
            10,
            notes="maker and model with dash counts",
        ),
    ),
    (
        "hw3-ncnd-other-info",
        """We have interpreted your request as asking for the manufacturers of cameras used for covert surveillance.

Midshire Constabulary can neither confirm nor deny whether it holds information relevant to your request. Section 23(5) and section 24(2) of the Freedom of Information Act 2000 apply.

For overt public space CCTV, the force does not operate any cameras; these are run by local councils.
""",
        _labels(
            "neither_confirm_nor_deny",
            exemptions=["FOIA s23", "FOIA s24"],
            total=0,
            notes="NCND with 'apply' after the sections",
        ),
    ),
    (
        "hw3-eir-council",
        """Environmental Information Regulations 2004

Your request for the make of the air quality monitoring cameras has been considered under the EIR. The Council does not hold this information because the cameras belong to the Highways Agency. Under regulation 12(4)(a) the Council is therefore not required to provide it.
""",
        _labels("not_held", exemptions=["EIR reg 12(4)(a)"], notes="EIR not held"),
    ),
]

# A fourth batch: sentences built to tempt a keyword matcher into an accusation.
CASES += [
    (
        "hw4-widely-used-not-us",
        """Response

Hikvision cameras are widely used across the UK public sector; however, the Council does not use them. Our 44 cameras are all Bosch.
""",
        _labels(
            "disclosed",
            ["Bosch"],
            ["Hikvision"],
            {"Bosch": 44},
            44,
            notes="maker as subject of a general statement, denied by a pronoun",
        ),
    ),
    (
        "hw4-offered-declined",
        """1. Has the Council purchased any Dahua cameras?
No. The Council has been offered Dahua cameras by a supplier but declined. All of our cameras are Hanwha.
""",
        _labels("disclosed", ["Hanwha"], ["Dahua"], notes="offer declined is not use"),
    ),
    (
        "hw4-previous-supplier",
        """Our previous CCTV supplier used Hikvision components. Since the new contract began in 2023 the Council has used Avigilon cameras only.
""",
        _labels("disclosed", ["Avigilon"], notes="previous supplier's components are past"),
    ),
    (
        "hw4-earlier-foi-reference",
        """The Council confirmed in response to FOI 2021/44 that it used Uniview cameras. Since then all of those cameras have been replaced with Axis cameras, and the Council now has 63 Axis cameras.
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 63},
            63,
            notes="earlier answer quoted; replaced since",
        ),
    ),
    (
        "hw4-nvr-only",
        """The Council's 18 cameras are Axis models. They record to a Hikvision NVR in the security office.
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Axis": 18},
            18,
            notes="a Hikvision recorder is Hikvision equipment in use",
        ),
    ),
]

# A fifth batch, for outcomes (scored blind: 8 of 10 outcomes right at first).
CASES += [
    (
        "hw5-installer-and-models",
        "Dear Mr Khan,\n\nI am writing in response to your request for information under the Freedom of Information Act 2000.\n\nThe Council has 8 CCTV cameras at its main office. These were installed by Chubb in 2017 and are Honeywell models.\n\nYours sincerely\n",
        _labels(
            "disclosed",
            ["Honeywell"],
            [],
            {"Honeywell": 8},
            8,
            notes="installer and maker in one sentence",
        ),
    ),
    (
        "hw5-question-dash-answers",
        "Question 1: Number of cameras - 54.\nQuestion 2: Locations - this information is withheld under section 31 as disclosure would assist criminals.\nQuestion 3: Manufacturer - Bosch.\n",
        _labels(
            "partially_disclosed",
            ["Bosch"],
            [],
            {"Bosch": 54},
            54,
            exemptions=["FOIA s31"],
            notes="answers after dashes on question lines",
        ),
    ),
    (
        "hw5-ncnd-third-person",
        "In accordance with section 24(2) and 31(3), the Police Service of Northern Ireland neither confirms nor denies whether it holds information relevant to your request.\n",
        _labels(
            "neither_confirm_nor_deny",
            exemptions=["FOIA s24", "FOIA s31"],
            notes="'neither confirms nor denies'",
        ),
    ),
    (
        "hw5-time-extension",
        "We are writing to let you know that we need more time to consider the public interest test. We now aim to respond by 14 June.\n",
        _labels("other", notes="public interest extension"),
    ),
    (
        "hw5-vexatious",
        "Your request is considered vexatious under section 14(1) of the Freedom of Information Act and we will not be responding further.\n",
        _labels("refused", exemptions=["FOIA s14"], notes="s14 vexatious"),
    ),
    (
        "hw5-some-held-schools",
        "We hold some of the information you have requested. The Council uses 3 Axis cameras at the museum. We do not hold information about cameras in schools as these are managed by the schools themselves.\n",
        _labels("partially_disclosed", ["Axis"], [], {"Axis": 3}, 3, notes="held in part"),
    ),
]

# A sixth batch, written for generalisation and scored before any rule was changed for it
# (see the bench notes in docs/benchmarks.md for the first score).
CASES += [
    (
        "hw6-site-table-total-row",
        """Dear Ms Okafor

FOI/2025/0907 – CCTV manufacturers

You asked for the make of every CCTV camera owned by the Council, by site, and whether any are Hikvision.

Site | Manufacturer | Cameras
Civic Centre | Axis | 24
Riverside Leisure Centre | Hanwha | 11
Highways Depot | Axis | 6
Total | | 41

None of the cameras listed above are made by Hikvision.

Yours sincerely
Information Governance Team
""",
        _labels(
            "disclosed",
            ["Axis", "Hanwha"],
            ["Hikvision"],
            {"Axis": 30, "Hanwha": 11},
            41,
            notes="same maker on two rows sums; Total row; denial after the table",
        ),
    ),
    (
        "hw6-words-static-ptz",
        """Thank you for your recent request about the Council's public space CCTV.

The system is made up of forty-seven fixed cameras and nine PTZ cameras, all of them manufactured by Hanwha Vision under the Wisenet name.

The control room is staffed 24 hours a day.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 56},
            56,
            notes="counts in words summed across types; 24 hours is not a count",
        ),
    ),
    (
        "hw6-until-2022-dahua",
        """Response:
Until 2022 the town centre scheme used Dahua dome cameras. These were removed during the upgrade, and the scheme now consists of 38 Axis cameras monitored from the Guildhall.
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 38},
            38,
            notes="past use in an earlier sentence; no denial stated",
        ),
    ),
    (
        "hw6-maintainer-and-vms",
        """Our response

The Council's CCTV cameras are maintained under contract by Sentry Fire & Security Ltd, and footage is managed in Genetec Security Center. The cameras themselves are Avigilon H5A models, 22 in total.
""",
        _labels(
            "disclosed",
            ["Avigilon"],
            [],
            {"Avigilon": 22},
            22,
            notes="maintainer and VMS are not camera makers",
        ),
    ),
    (
        "hw6-hilook-bracket-counts",
        """Q1. Make of cameras used by the parish council
A1. HiLook (12 cameras) and Axis (4 cameras).
Q2. Are any of your cameras made by Hikvision?
A2. Please see answer 1.
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Hikvision": 12, "Axis": 4},
            16,
            notes="HiLook is a Hikvision brand; 'see answer 1' is not a denial",
        ),
    ),
    (
        "hw6-ezviz-two-wireless",
        """Dear requester,

The only cameras the Town Council owns are two EZVIZ wireless cameras at the cemetery lodge, bought in 2021 for £89 each.

Regards
Town Clerk
""",
        _labels(
            "disclosed",
            ["Ezviz"],
            [],
            {"Ezviz": 2},
            2,
            notes="count in words; price and year are not counts",
        ),
    ),
    (
        "hw6-imou-list-denied",
        """1) Does the Council use products from Imou, EZVIZ, Hikvision or Dahua?
The Council does not use any products from Imou, EZVIZ, Hikvision or Dahua.
2) Which make of camera does the Council use?
Bosch.
""",
        _labels(
            "disclosed",
            ["Bosch"],
            ["Dahua", "Ezviz", "Hikvision", "Imou"],
            notes="four rebadge/state-linked names denied at once",
        ),
    ),
    (
        "hw6-partial-s24-s31-total",
        """FREEDOM OF INFORMATION ACT 2000 – RESPONSE

The Council can confirm that it holds the information you requested.

The total number of CCTV cameras operated by the Council is 134.

The manufacturers of the cameras are exempt from disclosure under sections 24(1) (national security) and 31(1)(a) (the prevention or detection of crime). Naming the manufacturers would tell a hostile party which known vulnerabilities could be exploited.

Section 24 and section 31 are qualified exemptions, and we have considered the public interest. We have concluded that the public interest in maintaining the exemptions outweighs the public interest in disclosure.

If you are dissatisfied with the handling of your request, you have the right to ask for an internal review.
""",
        _labels(
            "partially_disclosed",
            total=134,
            exemptions=["FOIA s24", "FOIA s31"],
            notes="total given, makers withheld; PIT paragraph",
        ),
    ),
    (
        "hw6-foisa-s17-police-owned",
        """Freedom of Information (Scotland) Act 2002 – Request 25-0412

Your request:
Please state the manufacturer of each public space CCTV camera in the town centre, including whether any are Hikvision or Dahua.

Response:
In terms of section 17(1) of FOISA, I must notify you that the Council does not hold the information you have requested. The town centre cameras are owned and operated by Police Scotland, who may be able to help you.

If you are unhappy with this response you may request a review under section 20 of FOISA within 40 working days. If you remain dissatisfied you may apply to the Scottish Information Commissioner under section 47.
""",
        _labels(
            "not_held",
            exemptions=["FOISA s17"],
            regime="FOISA",
            notes="s17 notice; makers only in the request",
        ),
    ),
    (
        "hw6-eir-12-5-a-partial",
        """Environmental Information Regulations 2004 – Our reference EIR 3381

We have handled your request under the EIR because the cameras monitor traffic on the public highway.

There are 27 traffic monitoring cameras on the Council's road network.

The make and model of the cameras is withheld under regulation 12(5)(a) (public safety), as publishing it would help someone disable the cameras. We have applied the presumption in favour of disclosure and considered the public interest, which in this case favours withholding.
""",
        _labels(
            "partially_disclosed",
            total=27,
            exemptions=["EIR reg 12(5)(a)"],
            regime="EIR",
            notes="EIR exception; count disclosed",
        ),
    ),
    (
        "hw6-ncnd-listed-sections",
        """Dear Applicant

Request for information reference 01/FOI/25/004211

The Constabulary neither confirms nor denies that it holds any information relevant to your request by virtue of the following exemptions:

Section 23(5) – Information supplied by, or concerning, certain security bodies
Section 24(2) – National security
Section 31(3) – Law enforcement

This should not be taken as an indication that the information you requested is or is not held.
""",
        _labels(
            "neither_confirm_nor_deny",
            exemptions=["FOIA s23", "FOIA s24", "FOIA s31"],
            notes="exemptions on their own lines under a list intro",
        ),
    ),
    (
        "hw6-clarify-scope",
        """Dear Mr Reid

Thank you for your email about CCTV makes, received on 2 May.

Before we can respond, could you please clarify whether your request covers body-worn cameras and dashcams as well as fixed CCTV? The 20 working day period for our response will begin once we receive your clarification.

Kind regards
FOI Officer
""",
        _labels("other", notes="clarification request; dates are not counts"),
    ),
    (
        "hw6-fees-notice",
        """Fees notice – FOI 2025/611

We estimate that printing and posting the 140 pages of maintenance records you asked for will cost £21.30. This letter is a fees notice under section 9 of the Freedom of Information Act 2000. We will send the records once the fee has been paid; if we do not receive payment within three months the request will be closed.
""",
        _labels("other", notes="fee notice; section 9 is procedure; pages are not cameras"),
    ),
    (
        "hw6-inline-council-response",
        """I am writing to make a request under the Freedom of Information Act 2000.

1. Please list the manufacturers of the CCTV cameras the Council operates and the number from each.
Council response: Panasonic – 15; Axis – 6.

2. Please confirm whether any of the Council's cameras or recorders are made by Hikvision or Dahua.
Council response: None of the Council's equipment is made by Hikvision or Dahua.

I understand that section 12 of the Act allows you to refuse a request that would exceed the appropriate limit. If that applies, please answer question 2 first.

Yours faithfully,
R. Singh
""",
        _labels(
            "disclosed",
            ["Axis", "Panasonic"],
            ["Dahua", "Hikvision"],
            {"Panasonic": 15, "Axis": 6},
            21,
            notes="answers written under the requester's own questions; the requester's s12 paragraph is not a refusal",
        ),
    ),
    (
        "hw6-email-with-attachment",
        """From: Information Requests <foi@eastmere.gov.test>
Subject: RE: FOI 7714 CCTV

Dear Sam,

Please find attached our response to your request.

Kind regards,
Information Requests Team

--- Attachment: FOI 7714 response.xlsx ---
Manufacturer | Quantity
Hikvision | 9
Axis | 40

-----Original Message-----
From: Sam Carter
Sent: 03 March 2025 09:14
Subject: FOI 7714 CCTV
Please tell me the manufacturer and number of every CCTV camera you operate, and whether any are Dahua or Uniview.
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Hikvision": 9, "Axis": 40},
            49,
            notes="cover e-mail plus attached table; request quoted below names other makers",
        ),
    ),
    (
        "hw6-remaining-four",
        """Ten of the fourteen Hikvision cameras installed at the depot in 2016 were replaced in 2023 with Axis cameras. The remaining four Hikvision cameras are still in use in the vehicle yard.
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Hikvision": 4},
            notes="part replaced, part still in use; 'ten of the fourteen' is not the current count",
        ),
    ),
    (
        "hw6-numbered-short-answers",
        """You asked:
1. What make of CCTV cameras does the Council use?
2. How many CCTV cameras does the Council operate?
3. Does the Council use any cameras made by Hikvision, Dahua or their subsidiaries?
4. If yes to 3, do you plan to replace them?

Our response:
1. Axis and Hanwha
2. 87
3. No
4. N/A
""",
        _labels(
            "disclosed",
            ["Axis", "Hanwha"],
            ["Dahua", "Hikvision"],
            total=87,
            notes="bare numbered answers",
        ),
    ),
    (
        "hw6-model-numbers-only",
        """The cameras installed at the recycling centre are:
DS-2CD2143G2-I (x6)
DS-2DE4425IW-DE (x2)
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 8},
            8,
            notes="Hikvision only through model numbers",
        ),
    ),
    (
        "hw6-trust-sites-not-cameras",
        """The Trust operates CCTV at 5 hospital sites, with 312 cameras in total. The cameras are mainly Bosch, with some Hanwha units in the newer buildings.
""",
        _labels(
            "disclosed",
            ["Bosch", "Hanwha"],
            [],
            total=312,
            notes="site count is not a camera count; no per-maker counts",
        ),
    ),
    (
        "hw6-phone-and-reference",
        """Your request (ref FOI 2024-0391) has now been answered.

We have 3 Reolink cameras at the allotments office. There are no other cameras.

For help with this response please call 01632 960123.
""",
        _labels(
            "disclosed",
            ["Reolink"],
            [],
            {"Reolink": 3},
            3,
            notes="reference and phone numbers are not counts",
        ),
    ),
    (
        "hw6-bodyworn-not-held",
        """The Council does not hold any information about body-worn cameras, as those used in the borough are supplied and managed by the police.

For fixed CCTV: 58 cameras, manufacturer Hanwha.
""",
        _labels(
            "partially_disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 58},
            58,
            notes="not held for one part, disclosed for the other",
        ),
    ),
    (
        "hw6-s31-considered-s24",
        """We have decided to withhold the information you requested under section 31(1)(a) of the Freedom of Information Act 2000, as disclosing the manufacturers of our cameras would be likely to prejudice the prevention of crime.

We also considered whether section 24 applied, but decided that it does not.

The public interest test has been carried out and favours maintaining the exemption.
""",
        _labels(
            "refused",
            exemptions=["FOIA s31"],
            notes="a section considered and not applied is not relied on",
        ),
    ),
    (
        "hw6-cost-refusal-hours",
        """To identify the manufacturer of every camera would mean checking records for about 400 separate sites, which we estimate would take 60 hours. This is more than the appropriate limit of 18 hours set under section 12 of the Act, and we are therefore refusing your request.

You may wish to narrow your request to a single building.
""",
        _labels(
            "refused", exemptions=["FOIA s12"], notes="s12 refusal; sites and hours are not counts"
        ),
    ),
    (
        "hw6-quoted-not-chosen",
        """Our installer, Openview Security, quoted for Uniview cameras in 2023 but the Council chose Hanwha. We have 26 Hanwha cameras.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 26},
            26,
            notes="a quotation not taken up is not use",
        ),
    ),
    (
        "hw6-glued-plain-table",
        """Make Model Qty
Axis P3245-LVE 12
Bosch Flexidome 5
""",
        _labels(
            "disclosed",
            ["Axis", "Bosch"],
            [],
            {"Axis": 12, "Bosch": 5},
            17,
            notes="table flattened without separators",
        ),
    ),
    (
        "hw6-cookie-page-dahua",
        """SOURCE: https://www.example-borough.gov.uk/foi/responses/cctv-car-parks
We use cookies to improve this site. Accept all cookies | Reject all cookies
Home > Your council > FOI responses
CCTV in council car parks
Request
How many CCTV cameras are in your car parks, and which company made them? Are any Hikvision?
Response
The council has 7 cameras in its car parks, all manufactured by Dahua Technology. None are Hikvision.
Was this page useful? Yes | No
""",
        _labels(
            "disclosed",
            ["Dahua"],
            ["Hikvision"],
            {"Dahua": 7},
            7,
            notes="real state-linked use on a scraped page",
        ),
    ),
    (
        "hw6-eir-not-held-12-4-a",
        """Environmental Information Regulations 2004

The Council does not hold the information you requested, and this letter serves as a refusal notice under regulation 12(4)(a) of the EIR (information not held when the request was received).
""",
        _labels(
            "not_held",
            exemptions=["EIR reg 12(4)(a)"],
            regime="EIR",
            notes="EIR not held exception",
        ),
    ),
    (
        "hw6-news-never-purchased",
        """You referred to the Government's announcement about Hikvision equipment on sensitive sites. The Council's cameras are made by Axis, and the Council has never purchased Hikvision equipment.
""",
        _labels("disclosed", ["Axis"], ["Hikvision"], notes="news context then 'never purchased'"),
    ),
    (
        "hw6-compatible-with",
        """Our Genetec system is compatible with cameras from many makers, including Hikvision and Dahua, but all of the Council's 15 cameras are Axis.
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 15},
            15,
            notes="'compatible with' names makers that are not in use",
        ),
    ),
]

# Variants of two regressions found end to end (tests/e2e/test_e2e_regressions.py): a past-use
# clause and a denial of the same maker in one sentence; answers written inline under the
# requester's own letter, whose cost-limit paragraph names section 12.
CASES += [
    (
        "hw7-decommissioned-and-no-longer",
        """Dear Requester,

The Dahua recorders at the depot were decommissioned last year and the Council no longer operates any Dahua equipment. Recording is now done on Milestone XProtect servers.
""",
        _labels(
            "disclosed",
            [],
            ["Dahua"],
            notes="past clause and denial of the same maker in one sentence",
        ),
    ),
    (
        "hw7-removed-and-no-longer-have",
        """Response: Hikvision cameras were removed from every council building in 2024 and we no longer have any Hikvision devices; today we use 30 Hanwha cameras.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            ["Hikvision"],
            {"Hanwha": 30},
            30,
            notes="removed and no longer have, one sentence",
        ),
    ),
    (
        "hw7-phased-out-none-current",
        """We used to run Uniview cameras, but they were phased out in 2023 and none of our current cameras are made by Uniview. The Council now has 12 Bosch cameras.
""",
        _labels(
            "disclosed",
            ["Bosch"],
            ["Uniview"],
            {"Bosch": 12},
            12,
            notes="past clause then 'none of our current' in one sentence",
        ),
    ),
    (
        "hw7-replaced-with-and-not-used",
        """All Hikvision cameras were replaced with Axis cameras in 2025, so the authority does not use Hikvision equipment at any site.
""",
        _labels(
            "disclosed",
            ["Axis"],
            ["Hikvision"],
            notes="replaced with a successor, then denied after 'so'",
        ),
    ),
    (
        "hw7-inline-answer-cost-paragraph",
        """Dear Westbury Borough Council,

I am writing to request information under the Freedom of Information Act 2000 (FOIA).

1. The makes of the CCTV cameras currently in use, and how many of each make.
ANSWER: Hanwha 33, Vivotek 8.
2. Whether any of this equipment is made by Hikvision or Dahua.
ANSWER: No.

If answering any part would exceed the cost limit under section 12 of the Act, please tell me which part, answer the rest, and suggest how I could narrow that part (section 16).

Yours faithfully,
Jo Bell
""",
        _labels(
            "disclosed",
            ["Hanwha", "Vivotek"],
            ["Dahua", "Hikvision"],
            {"Hanwha": 33, "Vivotek": 8},
            41,
            notes="inline answers under the requester's letter; s12 is the requester's, not relied on",
        ),
    ),
    (
        "hw7-foisa-letter-cost-paragraph",
        """Freedom of Information (Scotland) Act 2002

Your request, with our answers in bold:

a) Please list the manufacturers of the Council's CCTV cameras.
Reply: Bosch and Axis.
b) Please say whether any are made by Dahua.
Reply: None are made by Dahua.

Should the cost of complying with any part of my request exceed the £600 limit in section 12 of FOISA, I would ask you to answer the remaining parts.
""",
        _labels(
            "disclosed",
            ["Axis", "Bosch"],
            ["Dahua"],
            regime="FOISA",
            notes="requester's FOISA s12 paragraph quoted with inline replies",
        ),
    ),
    (
        "hw7-you-asked-cost-then-answer",
        """You asked:
Please tell me the manufacturer of each CCTV camera you use. If this would take you over the appropriate limit under s.12 FOIA, please prioritise the town centre cameras.

Our response:
The town centre has 40 Axis cameras. Cameras in council buildings are also Axis, 17 in total.
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 57},
            57,
            notes="requester's s.12 sentence in the quoted request",
        ),
    ),
    (
        "hw7-real-s12-after-quoted-paragraph",
        """You asked:
Please list every CCTV camera by make. If this would exceed the cost limit under section 12, please tell me which part and answer the rest.

Our response:
We estimate that identifying the make of every camera would take more than 18 hours, which exceeds the appropriate limit under section 12 of the Act. We are therefore refusing your request under section 12(1).
""",
        _labels(
            "refused",
            exemptions=["FOIA s12"],
            notes="a real s12 refusal below a quoted request that also names s12",
        ),
    ),
]

# A seventh batch (hw8), written after the hw6/hw7 fixes and scored before any change for it.
CASES += [
    (
        "hw8-two-documents-annex",
        """=== Document 1 of 2: covering letter ===
Dear Ms Evans,

Please find our response in Annex A. We have not withheld any information.

=== Document 2 of 2: Annex A ===
Market Square – 6 cameras – Hanwha
Bus Station – 4 cameras – Hanwha
Car Park 3 – 2 cameras – Vivotek
""",
        _labels(
            "disclosed",
            ["Hanwha", "Vivotek"],
            [],
            {"Hanwha": 10, "Vivotek": 2},
            12,
            notes="covering letter and annex; 'not withheld' is not a refusal; counts before the maker",
        ),
    ),
    (
        "hw8-none-are-rebadges",
        """None of our 64 cameras are Hikvision, HiLook or EZVIZ products; they are all Axis.
""",
        _labels(
            "disclosed",
            ["Axis"],
            ["Ezviz", "Hikvision"],
            {"Axis": 64},
            64,
            notes="rebadge denied; count belongs to Axis",
        ),
    ),
    (
        "hw8-words-and-digits",
        """Dahua: twenty-one (21) dome cameras at the leisure centre.
""",
        _labels(
            "disclosed",
            ["Dahua"],
            [],
            {"Dahua": 21},
            21,
            notes="a count in words and digits is one count",
        ),
    ),
    (
        "hw8-purchased-remain-in-service",
        """The council purchased 8 Uniview cameras in 2019, and these remain in service at the depot.
""",
        _labels(
            "disclosed", ["Uniview"], [], {"Uniview": 8}, 8, notes="past purchase, current use"
        ),
    ),
    (
        "hw8-foisa-s17-partial",
        """Freedom of Information (Scotland) Act 2002

We can tell you that the Council operates 33 CCTV cameras. Under section 17 of FOISA, we give you notice that we do not hold information on their manufacturers, as the equipment was bought by a previous contractor.
""",
        _labels(
            "partially_disclosed",
            total=33,
            exemptions=["FOISA s17"],
            regime="FOISA",
            notes="count given, maker not held under s17",
        ),
    ),
    (
        "hw8-eir-manifestly-unreasonable",
        """We have dealt with your request under the Environmental Information Regulations 2004. Finding the make of every camera on the highway network would mean inspecting over 900 columns, and we consider the request manifestly unreasonable under regulation 12(4)(b).
""",
        _labels(
            "refused",
            exemptions=["EIR reg 12(4)(b)"],
            regime="EIR",
            notes="EIR cost exception; columns are not cameras",
        ),
    ),
    (
        "hw8-ncnd-applies",
        """The Council can neither confirm nor deny whether it holds the information you have requested, as section 31(3) of the Act applies.
""",
        _labels("neither_confirm_nor_deny", exemptions=["FOIA s31"], notes="NCND with 'applies'"),
    ),
    (
        "hw8-clarify-makers-named",
        """Your request mentions Hikvision and Dahua. Could you please confirm whether you mean cameras only, or recorders as well, so that we can respond?
""",
        _labels("other", notes="clarification that names makers"),
    ),
    (
        "hw8-ack-quoting-request",
        """We acknowledge receipt of your request below, which we received on 4 April 2025. We will respond by 2 May 2025.

"Please tell me how many Hikvision cameras the council uses."
""",
        _labels("other", notes="acknowledgement with the request quoted"),
    ),
    (
        "hw8-accredited-installer",
        """Our CCTV is installed and maintained by Eastway Security, a Dahua-accredited installer; the cameras themselves are Bosch.
""",
        _labels(
            "disclosed", ["Bosch"], [], notes="installer's accreditation names a maker not in use"
        ),
    ),
    (
        "hw8-previous-current-columns",
        """Site | Previous make | Current make | Cameras
Depot | Hikvision | Axis | 8
Library | Dahua | Hanwha | 5
""",
        _labels(
            "disclosed",
            ["Axis", "Hanwha"],
            [],
            {"Axis": 8, "Hanwha": 5},
            13,
            notes="previous-make column is past use",
        ),
    ),
    (
        "hw8-total-then-split-words",
        """We have a total of seventy cameras: fifty-two are Axis and eighteen are Bosch.
""",
        _labels(
            "disclosed",
            ["Axis", "Bosch"],
            [],
            {"Axis": 52, "Bosch": 18},
            70,
            notes="split in words after a total",
        ),
    ),
    (
        "hw8-s12-one-question",
        """We have answered questions 1 and 2. Answering question 3 would exceed the appropriate limit under section 12 of the FOIA, so we have not answered it.

1. 19 cameras
2. Hanwha
""",
        _labels(
            "partially_disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 19},
            19,
            exemptions=["FOIA s12"],
            notes="s12 for one part only",
        ),
    ),
    (
        "hw8-bodyworn-of-them",
        """The Council's enforcement officers wear Motorola VB400 body-worn cameras; we have 16 of them.
""",
        _labels(
            "disclosed",
            ["Motorola Solutions"],
            [],
            {"Motorola Solutions": 16},
            16,
            notes="'16 of them' counts the cameras named before",
        ),
    ),
]

# A ninth batch (`hw9-*`): ordinary phrasings the rules missed when the lead probed them, and more in the
# same spirit (label/value layouts, "manufactured by" / "supplied by" splits, Q/A on one line, installer and
# maker in one sentence, recorders beside cameras, not-held wordings), plus traps. Scored before any rule
# was changed for them (see docs/benchmarks.md).
CASES += [
    (
        "hw9-manufactured-by-split",
        """The Council operates 212 CCTV cameras. 180 are manufactured by Hikvision and 32 by Axis Communications.
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Hikvision": 180, "Axis": 32},
            212,
            notes="'N are manufactured by X and M by Y'",
        ),
    ),
    (
        "hw9-label-value-lines",
        """Manufacturer: Hikvision
Number of cameras: 27
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 27},
            27,
            notes="label/value lines, nothing else",
        ),
    ),
    (
        "hw9-label-value-one-line",
        """Manufacturer: Hikvision. Number of cameras: 27.
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 27},
            27,
            notes="label/value pairs on one line",
        ),
    ),
    (
        "hw9-installer-then-maker",
        """Your request: What make are the council's public space CCTV cameras?
Our response: The system was installed by Chroma Vision Ltd and uses Hanwha cameras throughout (62 cameras).
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 62},
            62,
            notes="installer and maker in one sentence",
        ),
    ),
    (
        "hw9-qa-yes-dash-units",
        """Q3. Do you use Hikvision or Dahua? A: Yes - Hikvision (8 units).
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 8},
            8,
            notes="'Yes - X (N units)' to a question naming two makers; the other is not denied",
        ),
    ),
    (
        "hw9-nvrs-and-cameras-same-maker",
        """The Council has 3 Hikvision NVRs and 40 Hikvision cameras.
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 40},
            40,
            notes="recorders are not cameras when the maker's cameras are counted",
        ),
    ),
    (
        "hw9-holds-no-information-make",
        """The council holds no information on the manufacturer of its cameras.
""",
        _labels("not_held", notes="'holds no information'"),
    ),
    (
        "hw9-dash-lines-under-heading",
        """Cameras by make:
Hikvision - 23
Dahua - 4
Axis - 10
""",
        _labels(
            "disclosed",
            ["Axis", "Dahua", "Hikvision"],
            [],
            {"Hikvision": 23, "Dahua": 4, "Axis": 10},
            37,
            notes="'Maker - N' lines under a heading",
        ),
    ),
    (
        "hw9-majority-approximately",
        """The majority of our cameras (approximately 60) are Hikvision; the remainder are Bosch.
""",
        _labels(
            "disclosed", ["Bosch", "Hikvision"], [], notes="an approximate figure is not a count"
        ),
    ),
    (
        "hw9-supplied-by-split",
        """We have 45 cameras supplied by Bosch and 12 supplied by Hanwha.
""",
        _labels(
            "disclosed",
            ["Bosch", "Hanwha"],
            [],
            {"Bosch": 45, "Hanwha": 12},
            57,
            notes="'N supplied by X and M supplied by Y'",
        ),
    ),
    (
        "hw9-label-value-two-makers",
        """Dear Ms Rowe

Please see our answer below.

Camera manufacturer: Axis
Quantity: 14

Camera manufacturer: Dahua
Quantity: 6

Kind regards
Information Governance Team
""",
        _labels(
            "disclosed",
            ["Axis", "Dahua"],
            [],
            {"Axis": 14, "Dahua": 6},
            20,
            notes="a label/value block per maker",
        ),
    ),
    (
        "hw9-does-not-record-make",
        """Thank you for your request about the council's CCTV.

The Council does not record details of the make of its CCTV cameras.
""",
        _labels("not_held", notes="'does not record details of the make'"),
    ),
    (
        "hw9-no-recorded-information",
        """We have no recorded information about the manufacturers of the cameras in our car parks.
""",
        _labels("not_held", notes="'no recorded information'"),
    ),
    (
        "hw9-does-not-retain-details",
        """The Authority does not retain details of the make or model of the cameras, which were procured by the former district councils.
""",
        _labels("not_held", notes="'does not retain details of the make or model'"),
    ),
    (
        "hw9-qa-no-then-which",
        """Q1. Do you use Hikvision cameras? A: No.
Q2. Which manufacturer do you use? A: Axis (54 cameras).
""",
        _labels("disclosed", ["Axis"], ["Hikvision"], {"Axis": 54}, 54, notes="one-line Q/A pairs"),
    ),
    (
        "hw9-installed-by-manufactured-by",
        """Our 19 cameras were supplied and installed by Northgate Security Systems and are manufactured by Avigilon.
""",
        _labels(
            "disclosed",
            ["Avigilon"],
            [],
            {"Avigilon": 19},
            19,
            notes="installer then maker in one sentence",
        ),
    ),
    (
        "hw9-dvrs-other-maker",
        """All 25 cameras are Axis. Footage is recorded on 2 Dahua DVRs.
""",
        _labels(
            "disclosed",
            ["Axis", "Dahua"],
            [],
            {"Axis": 25},
            25,
            notes="recorders are equipment of their maker (in use) but not cameras, and add nothing to counts "
            "(README convention; relabelled in rules-1.11)",
        ),
    ),
    (
        "hw9-not-manufactured-by",
        """None of the Council's 30 cameras are manufactured by Hikvision; they are made by Panasonic.
""",
        _labels(
            "disclosed",
            ["Panasonic"],
            ["Hikvision"],
            {"Panasonic": 30},
            30,
            notes="'not manufactured by' denies",
        ),
    ),
    (
        "hw9-not-applicable-all-other",
        """Question: Please confirm the number of Hikvision cameras the Council operates.
Answer: Not applicable - the Council's 16 cameras are all Hanwha.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            ["Hikvision"],
            {"Hanwha": 16},
            16,
            notes="'Not applicable' to a question naming a maker",
        ),
    ),
    (
        "hw9-label-dash-lines",
        """Manufacturer - Bosch
Total number of cameras - 48
""",
        _labels("disclosed", ["Bosch"], [], {"Bosch": 48}, 48, notes="label - value lines"),
    ),
    (
        "hw9-qa-separate-lines",
        """Q1: What make of CCTV cameras does the council use?
A1: Hanwha Vision
Q2: How many cameras does the council have?
A2: 73
""",
        _labels(
            "disclosed", ["Hanwha"], [], {"Hanwha": 73}, 73, notes="numbered Q/A on separate lines"
        ),
    ),
    (
        "hw9-words-manufactured-by",
        """Of the council's forty cameras, thirty are manufactured by Bosch and ten by Axis.
""",
        _labels(
            "disclosed",
            ["Axis", "Bosch"],
            [],
            {"Bosch": 30, "Axis": 10},
            40,
            notes="counts in words with 'manufactured by'",
        ),
    ),
    (
        "hw9-not-hold-details-total",
        """We do not hold details of the make of our cameras. The Council has 58 public space CCTV cameras.
""",
        _labels("partially_disclosed", total=58, notes="make not held, total given"),
    ),
    (
        "hw9-not-held-whether-makers",
        """The Council does not hold information on whether any of its cameras are made by Hikvision or Dahua, as the cameras are leased from a contractor.
""",
        _labels("not_held", notes="makers named in a not-held sentence"),
    ),
    (
        "hw9-until-manufactured-by",
        """Until 2021 our cameras were manufactured by Dahua; all 34 cameras are now Axis.
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 34},
            34,
            notes="past maker, current maker with a count",
        ),
    ),
    (
        "hw9-label-value-per-site",
        """Site: Town Hall
Manufacturer: Axis
Number of cameras: 9

Site: Depot
Manufacturer: Axis
Number of cameras: 5
""",
        _labels(
            "disclosed", ["Axis"], [], {"Axis": 14}, 14, notes="label/value blocks per site add up"
        ),
    ),
    (
        "hw9-yes-some-of-total",
        """2. Are any of your cameras made by Uniview?
Yes, 6 of our 40 cameras are Uniview.
""",
        _labels(
            "disclosed",
            ["Uniview"],
            [],
            {"Uniview": 6},
            40,
            notes="'6 of our 40': the maker's count and the total",
        ),
    ),
    (
        "hw9-make-quantity-inline",
        """Cameras in use - make: Panasonic, quantity: 22.
""",
        _labels(
            "disclosed",
            ["Panasonic"],
            [],
            {"Panasonic": 22},
            22,
            notes="make and quantity labels inline",
        ),
    ),
    (
        "hw9-table-cameras-and-nvrs",
        """Make | Type | Quantity
Hanwha | Camera | 30
Hanwha | NVR | 2
Bosch | Camera | 6
""",
        _labels(
            "disclosed",
            ["Bosch", "Hanwha"],
            [],
            {"Hanwha": 30, "Bosch": 6},
            36,
            notes="recorder rows are not cameras",
        ),
    ),
    (
        "hw9-response-label-installer-statelinked",
        """Your request: Which company installed your CCTV, and who makes the cameras?
Our response: The cameras were installed by Hikvision-approved installer Secure Eye Ltd. The cameras themselves are Bosch (22 in total).
""",
        _labels(
            "disclosed",
            ["Bosch"],
            [],
            {"Bosch": 22},
            22,
            notes="a state-linked name in an installer's accreditation",
        ),
    ),
]

# An eleventh batch (`hw11-*`): replies as saved from web pages (`SOURCE:` line, then the page as published:
# navigation, cookie banners, breadcrumbs, "related requests" lists, footers, pages cut short), written for
# this project in the format of the shared real set. Police NCND, NHS trusts, ANPR and enforcement suppliers,
# body-worn video, FOISA s17 notices, EIR refusals, Welsh and English, requests quoted in full, WhatDoTheyKnow
# threads. Scored before any rule was changed for them (see docs/benchmarks.md).
CASES += [
    (
        "hw11-wdtk-sidebar-related-makers",
        """SOURCE: https://www.whatdotheyknow.com/request/public_space_cctv_makes_harbourside
Skip to main content
WhatDoTheyKnow
Make a request
Browse requests
View authorities
Read blog
Help
Sign in or sign up
Public space CCTV makes
Anna Kerr made this Freedom of Information request to Harbourside Borough Council
This request has been closed to new correspondence. Contact us if you think it should be reopened.
The request was successful.
From: Anna Kerr
4 March 2024
Dear Harbourside Borough Council,
Please tell me the manufacturer of the CCTV cameras the council operates in public spaces, and how many there are.
Yours faithfully,
Anna Kerr
From: Harbourside Borough Council
27 March 2024
Dear Ms Kerr
Thank you for your request for information. The council's public space CCTV system has 38 cameras, all of which are manufactured by Axis Communications.
Yours sincerely
Information Governance Team
Link to this
Report
Follow this request
Other requests like this
Hikvision cameras in schools
Request sent to Westmoor County Council by P Grant on 2 February 2024.
Dahua CCTV cameras in leisure centres
Request sent to Eastfield District Council by J Obi on 11 January 2024.
Uniview cameras used by parish councils
Long overdue.
WhatDoTheyKnow is run by mySociety, a registered charity.
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 38},
            38,
            notes="WhatDoTheyKnow thread; 'other requests like this' titles name state-linked makers",
        ),
    ),
    (
        "hw11-police-ncnd-s24-s31",
        """SOURCE: https://www.northmoor.police.uk/foi-ai/disclosure-log/2024/foi-2024-0912-cctv-custody/
Accept all cookies
Reject additional cookies
We use cookies to make this site work and to understand how you use it.
Home > Freedom of information > Disclosure log > 2024
Report a crime
Contact us
FOI 2024-0912 CCTV in custody suites
Date of response: 14 May 2024
Request:
1. Are any of the CCTV cameras in your custody suites manufactured by Hikvision or Dahua?
2. If so, how many?
Response:
Northmoor Police can neither confirm nor deny that it holds the information you have requested, by virtue of the following exemptions:
Section 24(2) - National Security
Section 31(3) - Law Enforcement
Confirming or denying whether particular equipment is used in custody suites would reveal information about the security of police premises that could be exploited by those intending to cause harm.
This should not be taken as an indication that the information you requested is or is not held.
Related disclosures
Body worn video - 2023
Hikvision equipment at police stations - 2022
Contact us | Accessibility | Privacy notice
""",
        _labels(
            "neither_confirm_nor_deny",
            exemptions=["FOIA s24", "FOIA s31"],
            notes="police NCND with s24(2)/s31(3); makers only in the request and a related-disclosures link",
        ),
    ),
    (
        "hw11-log-page-other-entries",
        """SOURCE: https://www.riverton.gov.uk/your-council/foi/disclosure-log/foi-24-1187
Skip to main content
Riverton City Council
Bins and recycling
Council tax
Parking
Your council
Home › Your council › Freedom of information › Disclosure log
FOI 24/1187 - CCTV cameras in car parks
Published: 9 July 2024
Request
How many CCTV cameras are there in the council's multi-storey car parks and who makes them?
Response
There are 22 cameras in the council's multi-storey car parks. The cameras are manufactured by Bosch.
Recent disclosure log entries
FOI 24/1176 - Hikvision cameras in council buildings
FOI 24/1162 - Dahua recorders in leisure centres
FOI 24/1150 - Pothole repairs 2023/24
View all disclosures
Was this page useful? Yes No
Follow us on social media
© Riverton City Council
""",
        _labels(
            "disclosed",
            ["Bosch"],
            [],
            {"Bosch": 22},
            22,
            notes="disclosure-log page listing other entries whose titles name state-linked makers",
        ),
    ),
    (
        "hw11-truncated-mid-answer",
        """SOURCE: https://transport.example.gov.uk/corporate/transparency/foi-request-detail?referenceId=FOI-2291-2324
FOI request detail
Bus lane enforcement cameras
Request ID: FOI-2291-2324
Date published: 2 February 2024
You asked
Who manufactures the bus lane enforcement cameras on the A41 corridor, how many are there, and are any of them made by Hikvision?
We answered
Our ref: FOI-2291-2324
Thank you for your request received on 8 January 2024. I can confirm that we hold the information you require.
The bus lane enforcement cameras on the A41 corridor are manufactured by Bosch and there are 14 of them. None of them are made by Hikvision. Of the 14 cameras, 9 are located at junctions where the
""",
        _labels(
            "disclosed",
            ["Bosch"],
            ["Hikvision"],
            {"Bosch": 14},
            14,
            notes="page cut short mid-sentence after the answer",
        ),
    ),
    (
        "hw11-truncated-before-answer",
        """SOURCE: https://transport.example.gov.uk/corporate/transparency/foi-request-detail?referenceId=FOI-3017-2324
FOI request detail
Cameras at depots
Request ID: FOI-3017-2324
Date published: 21 March 2024
You asked
Please tell me how many Hikvision or Dahua cameras are installed at your bus depots, and the model numbers of each (for example DS-2CD2143G2-I).
We answered
Our ref: FOI-3017-2324
Thank you for your request received on 23 February 2024. Your request has been considered in accordance with the requirements of the Freedom of Information Act and our information access policy. I can confirm that we
""",
        _labels(
            "other",
            notes="page cut before any answer; makers and a model number only in the request",
        ),
    ),
    (
        "hw11-nhs-trust-bwv-reveal",
        """SOURCE: https://www.westvale-hospitals.nhs.uk/about-us/freedom-of-information/disclosure-log/body-worn-cameras-for-security-staff
This website uses cookies. Accept Reject Manage settings
Westvale Hospitals NHS Foundation Trust
Patients and visitors | Our services | Work for us | About us
You are here: About us / Freedom of information / Disclosure log
Body worn cameras for security staff
Reference: FOI/2024/0456
Question 1: Does the Trust issue body worn cameras to security staff?
Answer: Yes.
Question 2: How many body worn cameras does the Trust have?
Answer: 40.
Question 3: Who is the manufacturer of the body worn cameras?
Answer: Reveal Media.
Question 4: Who maintains the Trust's fixed CCTV system?
Answer: The fixed CCTV system is maintained by Harlow Security Services Ltd under a contract that runs until 2026.
Related pages
Hikvision CCTV in hospitals - FOI/2023/1120
Contact the FOI team
""",
        _labels(
            "disclosed",
            ["Reveal"],
            [],
            {"Reveal": 40},
            40,
            notes="NHS trust body-worn video; count and maker in separate answers; maintainer is not a maker",
        ),
    ),
    (
        "hw11-nhs-trust-split-s31",
        """SOURCE: https://www.eastmere.nhs.uk/foi/disclosure-log/2024-25/cctv-estate
Cookie settings: we use necessary cookies to make our site work.
Eastmere University Hospitals NHS Trust
Home > About us > Freedom of Information > Disclosure log 2024-25
CCTV estate
Your request:
Please provide the number of CCTV cameras at each hospital site, their manufacturers, and their locations.
Our response:
The Trust operates 212 CCTV cameras. Of these, 150 are manufactured by Hikvision and 62 by Axis.
The locations of the cameras are withheld under section 31(1)(a) of the Freedom of Information Act, as disclosure would be likely to prejudice the prevention or detection of crime. The public interest test favours withholding this information.
A breakdown by hospital site is not held.
""",
        _labels(
            "partially_disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Hikvision": 150, "Axis": 62},
            212,
            exemptions=["FOIA s31"],
            notes="NHS trust that does use Hikvision; locations withheld under s31",
        ),
    ),
    (
        "hw11-anpr-operator-not-held",
        """SOURCE: https://www.oakfield.gov.uk/council/freedom-of-information/disclosure-log/anpr-car-parks
Oakfield District Council
Skip to content
Menu: Home | Parking | Planning | Council and democracy
FOI 5521 - ANPR cameras in car parks
Request
Are the ANPR cameras in the council's pay-and-display car parks made by Hikvision? Please name the supplier and the manufacturer of the cameras.
Response
The ANPR system in the council's car parks is supplied, operated and maintained by Parkwise Solutions Ltd under a concession contract, and uses Genetec AutoVu software. The cameras are owned by the contractor and the Council does not hold information about their manufacturer.
Help us improve this page
""",
        _labels(
            "partially_disclosed",
            notes="ANPR operator and software named (not camera makers); the manufacturer is not held",
        ),
    ),
    (
        "hw11-enforcement-supplier-table",
        """SOURCE: https://www.northgate-borough.gov.uk/foi/disclosure-log/2024/traffic-enforcement-cameras
Northgate Borough Council
Home | Residents | Business | Council
Disclosure log: Traffic enforcement cameras (FOI-2024-3310)
Request received: 2 April 2024
Response sent: 25 April 2024
You asked for the supplier and the manufacturer of the council's moving traffic enforcement cameras and how many there are.
Our answer is in the table below.
Supplier | Camera manufacturer | Number of cameras
Videalert Ltd | Hikvision | 14
Siemens Mobility | Bosch | 6
Total | | 20
The supplier provides the enforcement software and maintains the cameras.
""",
        _labels(
            "disclosed",
            ["Bosch", "Hikvision"],
            [],
            {"Hikvision": 14, "Bosch": 6},
            20,
            notes="supplier and manufacturer columns; the suppliers are not makers",
        ),
    ),
    (
        "hw11-bwv-motorola-supplier",
        """SOURCE: https://www.kingsbridge.gov.uk/foi/disclosure/bwv-civil-enforcement
Kingsbridge Borough Council
Search this site
Popular: bins, council tax, parking permits
Body-worn video for civil enforcement officers
Reference: KBC/FOI/24/0088
Request
1. Do your civil enforcement officers wear body-worn video cameras?
2. How many devices do you have?
3. Which company supplies them?
Response
1. Yes.
2. 24.
3. The devices are VB400 body-worn cameras supplied by Motorola Solutions. Footage is managed with VideoManager software.
Other disclosures in this category:
Reveal body cameras - refuse collection crews
Axon body cameras - street wardens
""",
        _labels(
            "disclosed",
            ["Motorola Solutions"],
            [],
            {"Motorola Solutions": 24},
            24,
            notes="body-worn video; other makers only in category links; count in a separate numbered answer",
        ),
    ),
    (
        "hw11-police-bwv-axon-number-withheld",
        """SOURCE: https://www.southlake.police.uk/foi-ai/southlake-police/disclosure-log/2024/body-worn-video-t2201/
Leave this site
Southlake Police
Cookies on this website: we use essential cookies only.
FOI T2201 - Body worn video
You asked:
1. What make and model of body-worn video cameras do your officers use?
2. How many body-worn video cameras does the force have?
Our response:
1. The force uses Axon Body 3 cameras.
2. This information is withheld. By withholding we rely on Section 31(1)(a)(b) - Law Enforcement. Disclosing the number of devices would reveal the extent of the force's capability.
Sections 31 is a prejudice based qualified exemption and a public interest test has been carried out.
""",
        _labels(
            "partially_disclosed",
            ["Axon"],
            [],
            exemptions=["FOIA s31"],
            notes="police BWV: maker given, number withheld under s31",
        ),
    ),
    (
        "hw11-request-quoted-list-none-of-these",
        """SOURCE: https://www.fenwick.gov.uk/council/foi/responses/foi-24-0712
Fenwick District Council
Skip to main content
Home > Council > Freedom of Information > Responses
FOI 24-0712 CCTV manufacturers
Your request was:
"I am writing to ask whether the council uses CCTV cameras made by any of the following manufacturers: Hikvision, Dahua, Uniview, Tiandy or Ezviz. For each, please state the number of cameras. Please also state the manufacturer of any other CCTV cameras the council uses, and how many."
Our response:
The council does not use cameras made by any of the manufacturers listed in your request. The council's CCTV cameras are all manufactured by Axis Communications; there are 27 in total.
""",
        _labels(
            "disclosed",
            ["Axis"],
            ["Dahua", "Ezviz", "Hikvision", "Tiandy", "Uniview"],
            {"Axis": 27},
            27,
            notes="request quoted in full; the denial refers back to the listed makers",
        ),
    ),
    (
        "hw11-welsh-bilingual-axis",
        """SOURCE: https://www.cyngor-dyffryn.gov.wales/cy/foi/datgeliadau/teledu-cylch-cyfyng
Neidio i'r prif gynnwys
English
Cyngor Sir Dyffryn
Hafan > Y Cyngor > Rhyddid Gwybodaeth > Log datgelu
Camerâu teledu cylch cyfyng / CCTV cameras
Cais / Request:
Pa wneuthurwr sy'n gwneud camerâu CCTV y Cyngor, a faint sydd? A yw'r Cyngor yn defnyddio camerâu Hikvision?
Which manufacturer makes the Council's CCTV cameras, and how many are there? Does the Council use Hikvision cameras?
Ymateb / Response:
Mae gan y Cyngor 44 o gamerâu CCTV, ac maent i gyd wedi'u gwneud gan Axis. Nid yw'r Cyngor yn defnyddio camerâu Hikvision.
The Council has 44 CCTV cameras, all of them made by Axis. The Council does not use Hikvision cameras.
Cysylltu â ni / Contact us
""",
        _labels(
            "disclosed",
            ["Axis"],
            ["Hikvision"],
            {"Axis": 44},
            44,
            notes="Welsh then English; the count appears twice and is one count",
        ),
    ),
    (
        "hw11-welsh-bilingual-not-held",
        """SOURCE: https://www.sirfon.gov.wales/en/foi/disclosure-log/cctv-makes-2024
Cymraeg
Sir Fon County Council
Home > Council and democracy > Freedom of information > Disclosure log
CCTV makes (FOI 2024/331)
Request:
Please provide the make of each CCTV camera in the council's leisure centres, and say whether any are Dahua.
Response:
Nid yw'r Cyngor yn cadw gwybodaeth am wneuthurwr y camerâu yn y canolfannau hamdden. Mae'r camerâu'n eiddo i'r cwmni sy'n rhedeg y canolfannau.
The Council does not hold information about the manufacturer of the cameras in the leisure centres. The cameras belong to the company that runs the centres.
""",
        _labels("not_held", notes="Welsh and English not-held statement; the request names Dahua"),
    ),
    (
        "hw11-foisa-s17-partial",
        """SOURCE: https://www.glenmore.gov.scot/foi/disclosure-log/2024/cctv-public-space
Glenmore Council
Skip to content
Home > Council and government > Freedom of information > Disclosure log
Public space CCTV (FOI-GC-24-0551)
Request
1. How many public space CCTV cameras does the Council operate?
2. Who manufactures them? Are any of them Hikvision?
Response
1. The Council operates 61 public space CCTV cameras.
2. In terms of section 17(1) of the Freedom of Information (Scotland) Act 2002, I must notify you that the Council does not hold this information. The cameras were installed under a partnership agreement and the manufacturer's details were not passed to the Council.
If you are dissatisfied with the way we have handled your request you may ask us to review our actions and decisions. You then have the right to apply to the Scottish Information Commissioner.
""",
        _labels(
            "partially_disclosed",
            total=61,
            exemptions=["FOISA s17"],
            regime="FOISA",
            notes="FOISA s17 notice for one part, total given for the other",
        ),
    ),
    (
        "hw11-foisa-s17-full-related",
        """SOURCE: https://www.lochside.gov.scot/foi/responses/cctv-makers-schools
Lochside Council
Cookies: We use cookies to improve your experience. Accept | Settings
Home / Your council / FOI responses
CCTV in schools
Request: Please confirm whether any CCTV cameras in the Council's schools are manufactured by Hikvision, Dahua or Uniview, and the number of each.
Response: Lochside Council does not hold the information you have asked for. CCTV in schools is procured and maintained by each school's facilities management provider under the PPP contract, and the Council holds no record of the make of the cameras. Accordingly, in terms of section 17(1) of FOISA, this letter serves as notice that the information is not held.
You have the right to request a review within 40 working days, and then to appeal to the Scottish Information Commissioner.
Related responses
Hikvision cameras in council offices (2023)
Dahua recorders at depots (2022)
""",
        _labels(
            "not_held",
            exemptions=["FOISA s17"],
            regime="FOISA",
            notes="full FOISA s17 notice; makers in the request and related-responses links",
        ),
    ),
    (
        "hw11-eir-12-5-a-refusal",
        """SOURCE: https://www.harfield.gov.uk/environmental-information/responses/eir-2024-077
Harfield City Council
Main menu: Roads and transport | Environment | Housing
EIR 2024-077 Traffic monitoring cameras
You requested: the manufacturer and model of each traffic monitoring camera on the inner ring road, including whether any are made by Hikvision.
Decision: The Council has decided to withhold this information under regulation 12(5)(a) of the Environmental Information Regulations 2004 (public safety). Disclosure of the make and model of each camera would help people identify vulnerabilities in the network. The public interest in maintaining the exception outweighs the public interest in disclosure.
You can ask for an internal review within 40 working days.
""",
        _labels(
            "refused",
            exemptions=["EIR reg 12(5)(a)"],
            regime="EIR",
            notes="EIR refusal under 12(5)(a); the maker named only in the request",
        ),
    ),
    (
        "hw11-eir-12-5-e-partial",
        """SOURCE: https://www.marchbank.gov.uk/eir/disclosures/bus-lane-cameras-contract
Marchbank Borough Council
Skip navigation
Bus lane cameras contract (EIR 4410)
Request
Please tell me the make of the bus lane cameras and the value of the contract with the supplier.
Response
The bus lane cameras are manufactured by Bosch. The contract value is withheld under regulation 12(5)(e) of the Environmental Information Regulations (confidentiality of commercial information), as disclosure would harm the supplier's legitimate economic interests.
""",
        _labels(
            "partially_disclosed",
            ["Bosch"],
            [],
            exemptions=["EIR reg 12(5)(e)"],
            regime="EIR",
            notes="maker disclosed, contract value withheld under EIR 12(5)(e)",
        ),
    ),
    (
        "hw11-police-bwv-count-comma",
        """SOURCE: https://www.westshire.police.uk/foi-ai/disclosure-log/2024/body-worn-video-devices/
Westshire Police
Skip to main content
Cookie notice: we use cookies to measure how the site is used.
FOI 000781/24 Body worn video devices
Request: How many body worn video devices does the force have, and who makes them?
Response: The force currently has 1,850 Axon Body 3 body worn video cameras. These were purchased in 2021 at a cost of £1,240,000.
Related: Use of Hikvision cameras by police forces (FOI 000455/23)
Contact us | Accessibility
""",
        _labels(
            "disclosed",
            ["Axon"],
            [],
            {"Axon": 1850},
            1850,
            notes="count with a thousands comma beside a year and a cost; related link names Hikvision",
        ),
    ),
    (
        "hw11-past-hikvision-removed",
        """SOURCE: https://www.aldbury.gov.uk/council/foi/disclosure-log/town-centre-cctv-2024
Aldbury Town Council
Home > Council > FOI
Town centre CCTV
Request: What make are the town centre CCTV cameras? Have you ever used Hikvision?
Response: The town centre cameras were Hikvision until the system was upgraded in 2022. All of the Hikvision cameras were removed during the upgrade, and the system now consists of 52 Hanwha Wisenet cameras.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 52},
            52,
            notes="past Hikvision use ended; current maker with a count",
        ),
    ),
    (
        "hw11-search-box-popular-terms",
        """SOURCE: https://www.brackwell.gov.uk/foi/disclosure-log/foi-8832
Brackwell Council
Search
Popular searches: bin collection, Hikvision, council tax, Dahua, parking
Home > Freedom of information > Disclosure log
FOI 8832 - Leisure centre CCTV
Request: Please tell me the manufacturer of the CCTV cameras at each leisure centre.
Response: The Council does not hold this information. The leisure centres are run by Brackwell Leisure Trust, which is not a public authority for the purposes of the Act, and which owns the CCTV systems.
""",
        _labels("not_held", notes="makers in a site search box; not held"),
    ),
    (
        "hw11-council-ncnd-covert-overt-bosch",
        """SOURCE: https://www.pellham.gov.uk/foi/responses/2024/cctv-overt-covert
Pellham District Council
Accept cookies | Reject cookies
Home > FOI responses
CCTV - overt and covert cameras
You asked:
1. How many overt public space cameras does the council have, and what make are they?
2. Does the council use covert cameras, and if so what make are they?
Our response:
1. The council has 18 overt public space cameras. All of them are Bosch.
2. The council neither confirms nor denies whether it holds information about covert cameras, by virtue of section 31(3) of the Freedom of Information Act.
""",
        _labels(
            "partially_disclosed",
            ["Bosch"],
            [],
            {"Bosch": 18},
            18,
            exemptions=["FOIA s31"],
            notes="NCND for one part, data for the other",
        ),
    ),
    (
        "hw11-wdtk-numbered-yes-no",
        """SOURCE: https://www.whatdotheyknow.com/request/dahua_and_hikvision_cameras_243
WhatDoTheyKnow
Make a request | Browse requests | View authorities | Help
Dahua and Hikvision cameras
Tom Reyes made this Freedom of Information request to Millbrook Parish Council
The request was successful.
From: Tom Reyes
1 May 2024
Dear Millbrook Parish Council,
1. Does the parish council use any Dahua cameras?
2. How many Dahua cameras does the parish council use?
3. Does the parish council use any Hikvision cameras?
Yours faithfully,
Tom Reyes
From: Clerk, Millbrook Parish Council
20 May 2024
Dear Mr Reyes
Answers to your questions are below.
1. Yes.
2. 6.
3. No.
Regards
Parish Clerk
Link to this | Report
Other requests like this
Hikvision cameras - Uniview too?
Request sent to Downley Town Council.
""",
        _labels(
            "disclosed",
            ["Dahua"],
            ["Hikvision"],
            {"Dahua": 6},
            6,
            notes="WhatDoTheyKnow thread: request above, bare numbered answers in the reply",
        ),
    ),
    (
        "hw11-police-anpr-denied-makes-withheld",
        """SOURCE: https://www.eastbridge.police.uk/foi-ai/eastbridge-police/disclosure-log/2024/anpr-camera-manufacturers/
Leave this site
Eastbridge Police
Your cookie preferences have been saved.
FOI 2024/1403 ANPR camera manufacturers
You asked:
Which companies manufacture the force's ANPR cameras? Are any manufactured by Hikvision or Dahua?
Our response:
I can confirm that none of the force's ANPR cameras are manufactured by Hikvision or Dahua.
The names of the manufacturers that are used are withheld. By withholding we rely on the following exemptions:
S24(1) - National Security
S31(1)(a)(b) - Law Enforcement
""",
        _labels(
            "partially_disclosed",
            [],
            ["Dahua", "Hikvision"],
            exemptions=["FOIA s24", "FOIA s31"],
            notes="police denial of two makers; the other makers withheld under s24/s31",
        ),
    ),
    (
        "hw11-clarification-chinese-cameras",
        """SOURCE: https://www.whatdotheyknow.com/request/chinese_cctv_cameras_ashdown
WhatDoTheyKnow
Chinese CCTV cameras
Lee Harper made this Freedom of Information request to Ashdown Borough Council
Awaiting clarification.
From: Lee Harper
3 June 2024
Dear Ashdown Borough Council,
Please tell me how many Chinese CCTV cameras the council uses (Hikvision, Dahua and so on).
Yours faithfully,
Lee Harper
From: Ashdown Borough Council
10 June 2024
Dear Mr Harper
Before we can respond, please could you clarify which cameras you would like us to include? For example, do you mean cameras owned by the Council only, or also those in buildings we lease? The 20 working day period will start again when we receive your clarification.
Regards
Customer Feedback Team
""",
        _labels("other", notes="clarification requested; makers only in the request"),
    ),
    (
        "hw11-academy-trust-s12",
        """SOURCE: https://www.elmridge-academies.org.uk/policies/freedom-of-information/responses/cctv-2024
Elmridge Academies Trust
Home | About | Our schools | Policies | Contact
FOI response: CCTV cameras in our schools
Request: For each school in the Trust, please list the make and model of every CCTV camera, and say whether any are Hikvision.
Response: The Trust does not hold this information centrally. Establishing it would require a site survey at each of our 14 schools, which we estimate would take over 40 hours. We are therefore refusing your request under section 12 of the Freedom of Information Act, as the cost of complying would exceed the appropriate limit of £450.
""",
        _labels(
            "refused",
            exemptions=["FOIA s12"],
            notes="academy trust s12 refusal; school count and hours are not cameras",
        ),
    ),
    (
        "hw11-flattened-cell-table",
        """SOURCE: https://www.westbrook.gov.uk/foi/disclosure-log/foi-2024-0213-cctv-sites
Westbrook Borough Council
Home > Council > Freedom of information > Disclosure log
FOI 2024-0213 CCTV cameras by site
Request: For each council building, please give the make and number of CCTV cameras.
Response: Please see the table below.
Site |
Manufacturer |
Cameras |
Civic Centre |
Axis |
12 |
Leisure Centre |
Hikvision |
8 |
Total |
 |
20 |
Related requests: Dahua cameras at the depot (FOI 2023-0991)
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Axis": 12, "Hikvision": 8},
            20,
            notes="table flattened to one cell per line; a related link names Dahua",
        ),
    ),
    (
        "hw11-internal-review-discloses",
        """SOURCE: https://www.whatdotheyknow.com/request/cctv_manufacturer_harrowgate
WhatDoTheyKnow
CCTV manufacturer
Sam Doyle made this Freedom of Information request to Harrowgate District Council
The request was successful.
From: Sam Doyle
2 January 2024
Dear Harrowgate District Council,
What make are the council's CCTV cameras and how many of each make are there?
Yours faithfully,
Sam Doyle
From: Harrowgate District Council
30 January 2024
Dear Mr Doyle
The information you requested is withheld under section 31(1)(a) of the Freedom of Information Act.
From: Sam Doyle
31 January 2024
Please pass this on to the person who conducts Freedom of Information reviews. I do not accept that naming a manufacturer prejudices crime prevention.
From: Harrowgate District Council
28 February 2024
Dear Mr Doyle
Internal review FOI 2024/0017
I have reviewed the handling of your request. I have concluded that section 31 was wrongly applied, and I have overturned the original decision. The council's CCTV cameras are manufactured by Dahua (9 cameras) and Axis (30 cameras).
Yours sincerely
Monitoring Officer
""",
        _labels(
            "disclosed",
            ["Axis", "Dahua"],
            [],
            {"Dahua": 9, "Axis": 30},
            39,
            notes="thread: refusal overturned at internal review, which discloses the makers",
        ),
    ),
]

# Two end-to-end regressions the lead placed in the corpus by hand (`hw10-*`), kept here so that
# regenerating the corpus keeps them.
CASES += [
    (
        "hw10-count-refers-back-after-salutation",
        "Dear Mr Patel,\n\nThank you for your request for information received on 2 March.\n\nThe Council currently operates 212 CCTV cameras across its estate. 180 are manufactured by Hikvision and 32 by Axis Communications.\nWe do not use Dahua equipment.\n\nKind regards,\nInformation Governance\n",
        {
            "body": None,
            "body_type": None,
            "nation": None,
            "source_url": None,
            "response_date": None,
            "outcome": "disclosed",
            "exemptions": [],
            "manufacturers_in_use": ["Axis", "Hikvision"],
            "manufacturers_denied": ["Dahua"],
            "counts": {"Hikvision": 180, "Axis": 32},
            "total_cameras": 212,
            "regime": "FOIA",
            "difficulty_notes": "hand-written (lead): '180 are manufactured by Hikvision' borrows the camera context of the sentence before, under a salutation",
        },
    ),
    (
        "hw10-phones-after-camera-sentence",
        "Dear Requester,\n\nThank you for your email.\n\nOur public space CCTV is made up of 64 cameras, all supplied by Hanwha Vision. Staff mobile phones are supplied by Huawei.\n\nRegards,\nFOI Officer\n",
        {
            "body": None,
            "body_type": None,
            "nation": None,
            "source_url": None,
            "response_date": None,
            "outcome": "disclosed",
            "exemptions": [],
            "manufacturers_in_use": ["Hanwha"],
            "manufacturers_denied": [],
            "counts": {"Hanwha": 64},
            "total_cameras": 64,
            "regime": "FOIA",
            "difficulty_notes": "hand-written (lead): a state-linked maker of phones right after a camera sentence is not a camera maker",
        },
    ),
]

# A tenth batch (`hw12-*`): saved web pages in the format of the shared real set, written to find what
# rules-1.3 still gets wrong (partnerships, third-party owners, schools and trusts, installed vs in use,
# flattened multi-column tables with subtotals, model numbers only, misspellings, OCR noise, numbers in
# words, percentages, costs and dates, FOIA s12/s14/s21/s40/s43, FOISA s25/s33/s35, NCND with a denial,
# questions repeated with Yes/No/N/A answers, a corrected earlier reply). Scored before any rule changed.
CASES += [
    (
        "hw12-partnership-three-councils",
        """SOURCE: https://www.ashdown.gov.uk/foi/disclosures/2025/cctv-partnership-cameras
Skip to main content
Ashdown District Council
Home | Council and democracy | Freedom of information | Disclosure log
CCTV partnership cameras
Reference: FOI-25-0318
Date of response: 14 April 2025
Request
Which manufacturers make the public space CCTV cameras used in your district? How many of each are there? Are any made by Hikvision or Dahua?
Response
Public space CCTV in the district is provided by the Tri-Valley CCTV Partnership, which Ashdown District Council hosts. The partnership operates 310 cameras on behalf of Ashdown, Brierley and Carrow councils. Of these, 268 are Hanwha and 42 are Axis.
No Hikvision or Dahua cameras are used by the partnership.
If you are unhappy with the way your request has been handled you can ask for an internal review.
""",
        _labels(
            "disclosed",
            ["Axis", "Hanwha"],
            ["Dahua", "Hikvision"],
            {"Hanwha": 268, "Axis": 42},
            310,
            notes="partnership operating for three councils; the council names are not sites or counts",
        ),
    ),
    (
        "hw12-police-owned-town-centre",
        """SOURCE: https://www.brierley.gov.uk/your-council/foi/responses/foi-2024-1190
Brierley Borough Council
Cookies on this site: we use essential cookies to make this site work. Accept all | Reject
Freedom of information response FOI 2024/1190
Information requested:
1. What make are the CCTV cameras in the town centre?
2. What make are the cameras in council buildings, and how many are there?
Our response:
1. The town centre cameras are owned and operated by Midshire Police, not by the Council. The Council therefore does not hold this information; you may wish to contact Midshire Police.
2. The Council's own buildings have 14 cameras, all made by Bosch.
Published: 9 December 2024
""",
        _labels(
            "partially_disclosed",
            ["Bosch"],
            [],
            {"Bosch": 14},
            14,
            notes="town centre cameras belong to the police (not held); the council's own cameras disclosed",
        ),
    ),
    (
        "hw12-housing-association-owns",
        """SOURCE: https://www.carrow.gov.uk/foi-log/2025/estate-cctv
Carrow City Council
Home > Freedom of information > Disclosure log > Estate CCTV
FOI 25-0042: CCTV on housing estates
You asked: What cameras are used on the Northgate and Riverside estates, and who makes them?
Our answer: The Council does not hold this information. The housing stock on both estates was transferred in 2009 to Greenway Housing Association, which owns and operates the CCTV there. Greenway is not a public authority under the Freedom of Information Act. We understand from Greenway's published tenant newsletter that its estate cameras are Hikvision, but you would need to contact the association to confirm this.
Was this page useful? Yes | No
""",
        _labels(
            "not_held",
            notes="a housing association (not the body) uses Hikvision; the council holds nothing",
        ),
    ),
    (
        "hw12-academy-trust-schools",
        """SOURCE: https://www.oakfieldlearningtrust.org.uk/governance/foi/cctv-response-march-2025
Oakfield Learning Trust
About us | Our schools | Governance | Vacancies | Contact
Freedom of Information response - CCTV
Request received 3 March 2025
Please tell me the make and number of CCTV cameras in each of the Trust's schools.
Response
Across our 6 schools the Trust has 94 CCTV cameras. The cameras at four schools are HiLook (52 cameras in total) and the cameras at the other two schools are Hanwha (42 cameras in total). We have not broken the figures down by school, as this could identify gaps in coverage at individual sites.
Oakfield Learning Trust is a company limited by guarantee registered in England, no. 08123456.
""",
        _labels(
            "disclosed",
            ["Hanwha", "Hikvision"],
            [],
            {"Hikvision": 52, "Hanwha": 42},
            94,
            notes="academy trust; HiLook resolves to Hikvision; school counts are not camera counts",
        ),
    ),
    (
        "hw12-leisure-trust-not-held",
        """SOURCE: https://www.dunmore.gov.uk/foi/published-responses/leisure-centre-cctv
Dunmore District Council
Search this site
Published FOI responses
Leisure centre and office CCTV (ref DDC/FOI/0771)
Your request
Please provide the manufacturer of the CCTV cameras at (a) the council's leisure centres and (b) the council offices, with numbers.
Our response
(a) The leisure centres are run by Dunmore Active Leisure Trust under a management agreement. The CCTV systems at the centres belong to the Trust and the Council does not hold any information about them.
(b) At the Civic Offices the Council has 18 Axis cameras.
Back to top
""",
        _labels(
            "partially_disclosed",
            ["Axis"],
            [],
            {"Axis": 18},
            18,
            notes="leisure trust's cameras not held; council offices disclosed",
        ),
    ),
    (
        "hw12-decommissioned-still-mounted",
        """SOURCE: https://www.eastwold.gov.uk/foi/2024/foi-2024-0655-car-park-cctv
Eastwold Council
Freedom of information request FOI-2024-0655
Car park CCTV
Request:
How many CCTV cameras are installed at council car parks and what make are they?
Response:
There are 40 cameras installed at our car parks, of which 31 are in use. The 9 Dahua cameras on the Mill Lane multi-storey were decommissioned in 2023 but are still mounted on the building pending removal. The 31 working cameras are all Axis.
Related pages
Parking permits
Car park tariffs
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 31},
            31,
            notes="decommissioned Dahua cameras still mounted are not in use; installed 40 vs in use 31",
        ),
    ),
    (
        "hw12-flattened-table-subtotals",
        """SOURCE: https://www.fenwick.gov.uk/foi/disclosure-log/foi-24-2291
Fenwick Borough Council
Home | Residents | Business | Council
FOI 24-2291 - CCTV cameras at council buildings
Request
Please list the make, model and quantity of CCTV cameras at each council building.
Response
The information is given in the table below.
Location | Make | Model | Qty
Town Hall | Axis | P3245-LVE | 10
Town Hall | Axis | Q6075-E | 2
Subtotal Town Hall | | | 12
Depot | Hanwha | XNV-6080 | 6
Subtotal Depot | | | 6
Grand total | | | 18
This response was published on 20 November 2024.
""",
        _labels(
            "disclosed",
            ["Axis", "Hanwha"],
            [],
            {"Axis": 12, "Hanwha": 6},
            18,
            notes="multi-column table with subtotal rows that must not be added twice",
        ),
    ),
    (
        "hw12-models-only-mixed",
        """SOURCE: https://www.glenholm.gov.uk/foi/responses/2025/depot-camera-models
Glenholm District Council
Freedom of Information
FOI 2025/0087 Depot cameras
Request: What are the make, model and unit cost of each CCTV camera at the council depot?
Response: The depot CCTV was installed in 2020. The camera models currently in use are:
DS-2CD2143G2-I - 14
IPC-HDW2431T - 6
XNV-6080 - 4
We do not hold any information on the cost of these units.
""",
        _labels(
            "partially_disclosed",
            ["Dahua", "Hanwha", "Hikvision"],
            [],
            {"Hikvision": 14, "Dahua": 6, "Hanwha": 4},
            24,
            notes="model numbers only resolve to makers; install year is not a count; cost not held",
        ),
    ),
    (
        "hw12-possessive-and-branded",
        """SOURCE: https://www.whatdotheyknow.com/request/cctv_cameras_hollins_parish
CCTV cameras - Hollins Town Council
Request sent to Hollins Town Council by Jo Marsh on 2 February 2025.
The request was successful.
From: Hollins Town Council
20 February 2025
Dear Ms Marsh
The Town Council operates forty cameras. Twelve of them are Dahua-branded units bought in 2019; the other twenty-eight are from Hikvision's ColorVu range, installed in 2022.
Kind regards
Town Clerk
Link to this
""",
        _labels(
            "disclosed",
            ["Dahua", "Hikvision"],
            [],
            {"Dahua": 12, "Hikvision": 28},
            40,
            notes="counts in words; possessive and hyphenated brand forms; years are not counts",
        ),
    ),
    (
        "hw12-misspelt-makers",
        """SOURCE: https://www.ivybridge-tc.gov.uk/foi/2024/cctv-make
Ivy Vale Town Council
News | Meetings | Documents | Contact
FOI reply: CCTV at the Memorial Park car park
Question: What make of CCTV cameras does the Town Council use and how many?
Answer: We have 7 Hik Vision cameras and 3 Dauha cameras at the Memorial Park car park. These are the only cameras the Town Council owns.
""",
        _labels(
            "disclosed",
            ["Dahua", "Hikvision"],
            [],
            {"Hikvision": 7, "Dahua": 3},
            10,
            notes="misspelt maker names resolve through the knowledge base",
        ),
    ),
    (
        "hw12-ocr-noise-denial",
        """SOURCE: https://www.kelmscott.gov.uk/foi/2023/foi-2023-414-scanned-reply
Kelmscott District Council
FOI 2023/414 (scanned letter)
Dear Sir
Freedom of lnformation Act 2000 - request ref 2023/414
Thank you for your request about CCTV.
The Counci1 currently uses 22 Axis carneras at the Civic Centre. We do n0t use Hikvision or Dahua carneras.
Yours faithfully
lnformation Governance Officer
""",
        _labels(
            "disclosed",
            ["Axis"],
            ["Dahua", "Hikvision"],
            {"Axis": 22},
            22,
            notes="OCR noise: 'n0t', 'carneras', 'Counci1'; the negation must still deny",
        ),
    ),
    (
        "hw12-dozen-and-words",
        """SOURCE: https://www.lanark-vale.gov.uk/foi/responses/foi-0921
Lanark Vale Council
Freedom of Information response FOI-0921
Request
How many CCTV cameras does the council operate and which manufacturers make them?
Response
The council has a dozen cameras at the Harbour Road depot, all made by Vivotek, and forty-two cameras in the town centre made by Bosch.
Information Governance Team, Lanark Vale Council
""",
        _labels(
            "disclosed",
            ["Bosch", "Vivotek"],
            [],
            {"Vivotek": 12, "Bosch": 42},
            54,
            notes="'a dozen' and 'forty-two' are counts",
        ),
    ),
    (
        "hw12-percentage-not-count",
        """SOURCE: https://www.millbrook.gov.uk/foi/log/2024-10-cctv-manufacturers
Millbrook Borough Council
Disclosure log: CCTV manufacturers (October 2024)
Request
Please state how many public space CCTV cameras you operate and who manufactures them.
Response
The public space system has 150 cameras. Around 80% of them are Hikvision and the remainder are Axis. We do not keep a breakdown by manufacturer.
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {},
            150,
            notes="a percentage is not a count; total only",
        ),
    ),
    (
        "hw12-costs-and-dates",
        """SOURCE: https://www.northleigh.gov.uk/foi/foi-responses/foi-2025-0140
Northleigh Council
FOI 2025-0140: CCTV purchase
You asked: Which company made the council's CCTV cameras, when were they bought, and what did they cost?
We replied: The Council's CCTV uses Hanwha cameras. They were purchased in 2021 at a cost of £14,350 and installed by Sentinel Vision Ltd on 12 March 2022. The annual maintenance contract costs £2,400.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            [],
            {},
            None,
            notes="costs and dates beside the maker are never counts; installer is not a maker",
        ),
    ),
    (
        "hw12-no-central-register-partial",
        """SOURCE: https://www.oxley.gov.uk/foi/disclosures/cctv-register
Oxley District Council
Home > Disclosure log > CCTV register
FOI/2024/3318 CCTV equipment register
Request
Please provide a copy of your register of CCTV equipment including the manufacturer of each camera.
Response
The Council does not hold a central register of CCTV equipment, as cameras are bought by individual services and no single record is kept. However, the town centre system, which the Council manages, uses Hikvision cameras.
""",
        _labels(
            "partially_disclosed",
            ["Hikvision"],
            [],
            notes="register not held; the town centre system's maker is given",
        ),
    ),
    (
        "hw12-s12-advice-names-maker",
        """SOURCE: https://www.pendle-vale.gov.uk/foi/responses/foi-24-771
Pendle Vale Council
FOI 24/771: CCTV cameras in all council properties
Request
For every council-owned property, please list each CCTV camera, its manufacturer, model and date of installation.
Response
We estimate that locating and extracting this information would take more than 40 hours, as records are held separately by each of our 120 properties. This exceeds the appropriate limit of £450, and we are therefore refusing your request under section 12 of the Freedom of Information Act 2000.
Advice and assistance: you may wish to narrow your request, for example by asking only whether Hikvision cameras are used in the town centre system, which we would be able to answer within the limit.
""",
        _labels(
            "refused",
            exemptions=["FOIA s12"],
            notes="s12 refusal; the advice names Hikvision as an example",
        ),
    ),
    (
        "hw12-s40-with-answer",
        """SOURCE: https://www.queensbury.gov.uk/foi/foi-2025-0212
Queensbury Borough Council
FOI 2025-0212 CCTV control room
Request: (1) How many cameras are monitored by the control room and what make are they? (2) Names of the staff who monitor them.
Response: (1) The control room monitors 26 cameras, all Hanwha. (2) The names of the staff are personal data and are withheld under section 40(2) of the Freedom of Information Act 2000.
""",
        _labels(
            "partially_disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 26},
            26,
            exemptions=["FOIA s40"],
            notes="s40 withholds names; the camera answer is given",
        ),
    ),
    (
        "hw12-s43-prices-withheld",
        """SOURCE: https://www.redwater.gov.uk/foi/disclosure-log/cctv-contract-2024
Redwater Council
CCTV contract (FOI 2024-0992)
Request
Which manufacturer supplies your CCTV cameras, and what is the unit price per camera under your contract?
Response
The Council uses Axis cameras. The unit prices and contract value are withheld under section 43(2) of the Act, as their disclosure would be likely to prejudice the commercial interests of the Council and the supplier.
""",
        _labels(
            "partially_disclosed",
            ["Axis"],
            [],
            exemptions=["FOIA s43"],
            notes="s43 withholds prices; maker given",
        ),
    ),
    (
        "hw12-s21-published-page",
        """SOURCE: https://www.stanholt.gov.uk/foi/foi-2024-4410
Stanholt City Council
FOI 2024-4410 CCTV cameras
Request
Please tell me whether the council uses Hikvision cameras, and how many.
Response
This information is reasonably accessible to you by other means and is therefore exempt under section 21 of the Freedom of Information Act 2000. Our statement on Hikvision equipment and our CCTV asset list are published at https://www.stanholt.gov.uk/cctv/hikvision-statement.
""",
        _labels(
            "refused",
            exemptions=["FOIA s21"],
            notes="s21 pointer to a published page whose address names Hikvision",
        ),
    ),
    (
        "hw12-vexatious-s14",
        """SOURCE: https://www.whatdotheyknow.com/request/hikvision_cameras_again_thornby
Hikvision cameras (again) - Thornby District Council
The request was refused by Thornby District Council.
From: Thornby District Council
4 March 2025
Dear Mr Kane
We have considered your request of 12 February. This is the eleventh request you have made this year about Hikvision cameras in the district, and we have answered the substance of it several times. We consider the request vexatious and are refusing it under section 14(1) of the Freedom of Information Act 2000.
Yours sincerely
Information Governance
""",
        _labels("refused", exemptions=["FOIA s14"], notes="vexatious; Hikvision is only the topic"),
    ),
    (
        "hw12-foisa-s25-s35-total",
        """SOURCE: https://www.ulvaside.gov.scot/foi/responses/2024/cctv-makes
Ulvaside Council
Freedom of Information (Scotland) Act 2002 - response 24/0551
Request
Please provide the locations of your public space CCTV cameras, the number of cameras, and the manufacturers.
Response
The locations of the cameras are published on our website, so that information is exempt under section 25 of FOISA (information otherwise accessible).
The Council operates 64 public space CCTV cameras.
The manufacturers are withheld under section 35(1)(a) and (b) of FOISA, as disclosure would be likely to prejudice substantially the prevention or detection of crime and the apprehension of offenders.
If you are dissatisfied you may ask for a review and then apply to the Scottish Information Commissioner.
""",
        _labels(
            "partially_disclosed",
            total=64,
            exemptions=["FOISA s25", "FOISA s35"],
            regime="FOISA",
            notes="FOISA s25 and s35 with the total disclosed",
        ),
    ),
    (
        "hw12-foisa-s33-nhs-board",
        """SOURCE: https://www.nhsbraemar.scot.nhs.uk/foi/disclosure-log/2025-0133
NHS Braemar
Disclosure log 2025-0133: CCTV at hospital sites
Request
Who supplies and manufactures the CCTV cameras at your hospitals, and what is the value of the contract?
Response
Our CCTV cameras are supplied and maintained by Boundary Security Ltd. The manufacturer is Avigilon. The contract value is withheld under section 33(1)(b) of the Freedom of Information (Scotland) Act 2002, as its release would be likely to prejudice substantially the commercial interests of the Board.
""",
        _labels(
            "partially_disclosed",
            ["Avigilon"],
            [],
            exemptions=["FOISA s33"],
            regime="FOISA",
            notes="FOISA s33 on contract value; supplier is not the maker",
        ),
    ),
    (
        "hw12-ncnd-covert-denies-hikvision",
        """SOURCE: https://www.midshire.police.uk/foi-ai/midshire-police/disclosure-2025/march/covert-cameras/
Midshire Police
Home | Report | Contact us | Freedom of information
Covert and overt cameras - 000412/25
Request
1. Does Midshire Police use covert cameras made by Hikvision or Dahua?
2. What make are the overt CCTV cameras at your police stations?
Response
1. Midshire Police can neither confirm nor deny whether it holds information about covert cameras, by virtue of sections 24(2) and 31(3) of the Freedom of Information Act 2000.
2. Midshire Police does not use Hikvision cameras at its police stations. The overt station cameras are made by Bosch.
""",
        _labels(
            "partially_disclosed",
            ["Bosch"],
            ["Hikvision"],
            exemptions=["FOIA s24", "FOIA s31"],
            notes="NCND for covert cameras, yet the overt answer denies Hikvision and names Bosch",
        ),
    ),
    (
        "hw12-repeated-questions-yes-no-na",
        """SOURCE: https://www.vennbridge.gov.uk/foi/disclosure-log/foi-2025-0301
Vennbridge District Council
FOI 2025-0301 Chinese-made cameras
Request and response
Does the council use Hikvision cameras?
Yes
Does the council use Dahua cameras?
No
If yes to either question above, how many cameras are there?
17
Are any of the council's cameras made by Uniview?
N/A
Date published: 2 April 2025
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            ["Dahua", "Uniview"],
            {"Hikvision": 17},
            17,
            notes="questions repeated with bare Yes/No/N/A answers; the count belongs to the only Yes",
        ),
    ),
    (
        "hw12-parish-imou-annke",
        """SOURCE: https://www.westcombe-pc.org.uk/foi/cctv-recreation-ground
Westcombe Parish Council
Home | Meetings | Minutes | Recreation ground | Contact the clerk
FOI request: CCTV at the recreation ground
The Parish Council owns two CCTV cameras at the recreation ground: one Imou and one Annke. Both are in use and record to a memory card, which is overwritten after 14 days.
Clerk to the Council
""",
        _labels(
            "disclosed",
            ["Annke", "Imou"],
            [],
            {"Imou": 1, "Annke": 1},
            2,
            notes="'one Imou and one Annke'; Annke is its own maker; 14 days is not a count",
        ),
    ),
    (
        "hw12-correction-of-earlier-reply",
        """SOURCE: https://www.whatdotheyknow.com/request/depot_cameras_yarrow
Depot cameras - Yarrow Borough Council
From: Yarrow Borough Council
3 May 2024
Dear Mr Ellis
The 20 cameras at the council depot are Dahua.
From: Yarrow Borough Council
17 May 2024
Dear Mr Ellis
Correction to our response of 3 May
I must correct our earlier reply. The 20 cameras at the depot are made by Uniview, not Dahua, as we stated in error. The Council does not use any Dahua cameras.
Yours sincerely
FOI Officer
""",
        _labels(
            "disclosed",
            ["Uniview"],
            ["Dahua"],
            {"Uniview": 20},
            20,
            notes="a later correction replaces the maker of the earlier reply",
        ),
    ),
    (
        "hw12-pipe-table-total-caps",
        """SOURCE: https://www.zennor.gov.uk/foi/responses/foi-2024-1777
Zennor District Council
FOI 2024-1777
Request: How many CCTV cameras of each manufacturer does the council have?
Response:
Public space CCTV cameras by manufacturer:
Manufacturer | Number in use
HikVision | 23
Axis | 38
TOTAL | 61
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Hikvision": 23, "Axis": 38},
            61,
            notes="pipe table with capitalised TOTAL row and 'HikVision' spelling",
        ),
    ),
    (
        "hw12-mounted-disconnected-hikvision",
        """SOURCE: https://www.ashcombe.gov.uk/foi/foi-responses/foi-2025-0419
Ashcombe Borough Council
FOI 2025-0419 Hikvision cameras
Request
Does the council currently use any Hikvision cameras? If so, how many and where?
Response
No Hikvision cameras are in use. Four Hikvision cameras remain mounted at the former Station Road depot, but they are disconnected and will be taken down when the site is sold. The town centre system (48 cameras) is Bosch.
""",
        _labels(
            "disclosed",
            ["Bosch"],
            ["Hikvision"],
            {"Bosch": 48},
            48,
            notes="disconnected cameras still mounted are not in use; a bracketed total in the Bosch sentence",
        ),
    ),
    (
        "hw12-bwv-eleven-reveal",
        """SOURCE: https://www.brackenfold.gov.uk/foi/disclosure-log/body-worn-video
Brackenfold Council
Disclosure log - body worn video (FOI 2024/0063)
Request
Do your enforcement officers wear body worn cameras? If so, how many and what make?
Response
Yes. Our civil enforcement officers use eleven body-worn cameras, supplied by Reveal Media. The cameras were bought in 2022 for £6,930.
""",
        _labels(
            "disclosed",
            ["Reveal"],
            [],
            {"Reveal": 11},
            11,
            notes="body-worn count in words; cost and year not counts",
        ),
    ),
]

# Written after the rules-1.4 fixes (rules-1.3 read "made by Axis rather than Hikvision" as Hikvision in use, and
# cameras "owned by" another organisation as the body's).
CASES += [
    (
        "hw12-third-party-owned-named",
        """SOURCE: https://www.lowmoor.gov.uk/foi/responses/foi-2025-0233
Lowmoor District Council
Home | Council | Contact us
FOI 2025-0233 CCTV in the town centre
Request
What make are the CCTV cameras in Lowmoor town centre, and how many does the Council have?
Response
The cameras inside the Riverside shopping centre are owned by Riverside Centre Ltd and are Hikvision; the Council has no access to them.
The Council's own town centre cameras, 24 in total, are Hanwha.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 24},
            24,
            notes="a private owner's Hikvision cameras are not the body's; the council's own are Hanwha",
        ),
    ),
    (
        "hw12-rather-than-contrast",
        """SOURCE: https://www.kingsmere.gov.uk/foi/disclosure-log/foi-2025-0509
Kingsmere Borough Council
Home | Council | Contact us
FOI 2025-0509: CCTV at the bus station
Request
Are the cameras at the bus station made by Hikvision? How many cameras are there?
Response
The bus station has 16 CCTV cameras. They were made by Axis rather than Hikvision, as the tender in 2021 required a UK-supported product. The recorder is a Milestone server, not a Hikvision NVR.
""",
        _labels(
            "disclosed",
            ["Axis"],
            ["Hikvision"],
            {"Axis": 16},
            16,
            notes="'Axis rather than Hikvision' and 'not a Hikvision NVR' deny Hikvision; Milestone is VMS",
        ),
    ),
]

# hw13: WhatDoTheyKnow threads where the requester's follow-ups and annotations name makers, e-mails with quoted
# history, signatures and footers, multi-page PDF text (running headers, page markers, flattened tables), sheets
# turned into rows, mixed answers and refusals, "see attached" only, internal reviews and ICO decision notices.
# Scored before any rule change (see bench/bench_answers.py notes).
CASES += [
    (
        "hw13-wdtk-followup-asks-hikvision",
        """SOURCE: https://www.whatdotheyknow.com/request/cctv_camera_makes_brackenbury
CCTV camera makes - a Freedom of Information request to Brackenbury Town Council
Alex Morden made this Freedom of Information request to Brackenbury Town Council
This request has been closed to new responses.
The request was successful.
From: Alex Morden
3 March 2025
Dear Brackenbury Town Council,
Please tell me the manufacturer of the CCTV cameras you operate and how many there are.
Yours faithfully,
Alex Morden
Link to this
From: Brackenbury Town Council
19 March 2025
Dear Alex,
The Town Council operates 31 CCTV cameras in the market square and the recreation ground. They were supplied and installed by Wessex Alarm Services in 2021 and are made by Bosch.
Kind regards,
Town Clerk
Link to this
From: Alex Morden
20 March 2025
Dear Brackenbury Town Council,
Thank you. Could you confirm whether any are Hikvision? Many towns seem to use Hikvision or Dahua cameras.
Yours faithfully,
Alex Morden
Link to this
From: Brackenbury Town Council
27 March 2025
Dear Alex,
I can confirm that none of the Town Council's cameras are made by Hikvision or Dahua.
Kind regards,
Town Clerk
Link to this
""",
        _labels(
            "disclosed",
            ["Bosch"],
            ["Dahua", "Hikvision"],
            {"Bosch": 31},
            31,
            notes="requester's follow-up names makers with usage words; the body's later message denies them",
        ),
    ),
    (
        "hw13-wdtk-annotation-other-councils-dahua",
        """SOURCE: https://www.whatdotheyknow.com/request/public_space_cctv_holmbridge
Public space CCTV - a Freedom of Information request to Holmbridge District Council
Priya Shah made this Freedom of Information request to Holmbridge District Council
The request was successful.
From: Priya Shah
2 April 2025
Dear Holmbridge District Council,
1. How many public space CCTV cameras does the council operate?
2. Who manufactures them?
Yours faithfully,
Priya Shah
Link to this
From: Holmbridge District Council
24 April 2025
Dear Ms Shah,
Our reference: FOI/25/0412
1. The council operates 18 public space CCTV cameras.
2. All 18 cameras are manufactured by Axis Communications.
Yours sincerely,
Information Governance Team
Link to this
Priya Shah left an annotation (25 April 2025)
Other councils in the county use Dahua and Hikvision cameras, so it is good to see Holmbridge uses Axis.
Link to this
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 18},
            18,
            notes="a requester's annotation names state-linked makers in use elsewhere; not the body's claim",
        ),
    ),
    (
        "hw13-wdtk-requester-asserts-hikvision",
        """SOURCE: https://www.whatdotheyknow.com/request/cctv_at_the_leisure_centre
CCTV at the leisure centre - a Freedom of Information request to Farleigh Borough Council
Sam Okafor made this Freedom of Information request to Farleigh Borough Council
Response to this request is long overdue.
From: Sam Okafor
5 May 2025
Dear Farleigh Borough Council,
What make are the CCTV cameras at Farleigh leisure centre and the council offices?
Yours faithfully,
Sam Okafor
Link to this
From: Sam Okafor
9 June 2025
Dear Farleigh Borough Council,
I have had no reply. The cameras at the leisure centre are clearly Hikvision - I photographed the logo on them last week. The council uses Hikvision and should say so.
Yours faithfully,
Sam Okafor
Link to this
From: Farleigh Borough Council
16 June 2025
Dear Mr Okafor,
Apologies for the delay. The leisure centre is run by Farleigh Leisure Trust, which installed and owns the cameras there; the Council holds no information about them. The cameras at the council offices are Hanwha.
Regards,
FOI Officer
Link to this
""",
        _labels(
            "partially_disclosed",
            ["Hanwha"],
            [],
            notes="requester asserts Hikvision with usage verbs; body: trust's cameras not held, own cameras Hanwha",
        ),
    ),
    (
        "hw13-wdtk-internal-review-upheld",
        """SOURCE: https://www.whatdotheyknow.com/request/cctv_manufacturers_midvale_police
CCTV manufacturers - a Freedom of Information request to Midvale Constabulary
Chris Lund made this Freedom of Information request to Midvale Constabulary
The request was refused by Midvale Constabulary.
From: Chris Lund
4 January 2025
Dear Midvale Constabulary,
Please list the manufacturers of the CCTV cameras at your police stations.
Yours faithfully,
Chris Lund
Link to this
From: Midvale Constabulary
30 January 2025
Dear Mr Lund,
The information you requested is exempt under section 24(1) and section 31(1)(a) of the Freedom of Information Act 2000. Disclosing the makes of security cameras at police premises would help those planning an attack to find vulnerabilities.
Freedom of Information Unit
Link to this
From: Chris Lund
2 February 2025
Dear Midvale Constabulary,
Please pass this on to the person who conducts Freedom of Information reviews.
I am writing to request an internal review. The public has a right to know whether Hikvision cameras are used in police stations. Dozens of councils have published that they use Hikvision and Dahua, and no harm followed.
Yours faithfully,
Chris Lund
Link to this
From: Midvale Constabulary
3 March 2025
Dear Mr Lund,
Internal review - FOI 2025/0031
I have reviewed the handling of your request. I am satisfied that sections 24(1) and 31(1)(a) were correctly applied and I uphold the original decision to withhold the information.
If you remain dissatisfied you may complain to the Information Commissioner.
Legal Services
Link to this
""",
        _labels(
            "refused",
            exemptions=["FOIA s24", "FOIA s31"],
            notes="requester's review request says others use Hikvision and Dahua; review upholds refusal",
        ),
    ),
    (
        "hw13-email-quoted-history-denial",
        """From: Information Requests <foi@oakhampton-dc.gov.uk>
Sent: 14 March 2025 10:12
To: Jordan Price
Subject: RE: FOI 2025-0219 follow-up question

Dear Jordan,

Further to your email, I can answer your follow-up question: the Council has no Hikvision cameras. All 42 of its public space cameras are Avigilon.

Kind regards

Megan Trevithick
Information Governance Officer
Legal and Democratic Services
Oakhampton District Council
Civic Offices, Fore Street, Oakhampton, OK1 2AB
Tel: 01632 960 442 | Ext 4420
www.oakhampton-dc.gov.uk
Follow us on social media @OakhamptonDC

This email and any attachments are confidential and may be legally privileged. If you are not the intended recipient, please notify the sender immediately and delete it. Any views expressed are those of the author and not necessarily those of Oakhampton District Council. Emails may be monitored.

> On 3 March 2025, Jordan Price wrote:
> Thank you for your reply. Could you tell me how many of your cameras are Hikvision?
> I understand that Hikvision and Dahua cameras are used by the neighbouring council.
>
> > On 24 February 2025, Information Requests wrote:
> > The Council operates 42 public space CCTV cameras.
""",
        _labels(
            "disclosed",
            ["Avigilon"],
            ["Hikvision"],
            {"Avigilon": 42},
            42,
            notes="quoted history names makers; long signature and confidentiality footer",
        ),
    ),
    (
        "hw13-email-quoted-old-reply-replaced",
        """Subject: RE: RE: FOI request 4471 - CCTV at the depot

Dear Mr Hale,

Thank you for coming back to us. The cameras mentioned in our earlier reply were removed in January 2025 when the depot was refurbished. The depot now has 12 cameras, all made by Axis.

Regards,
Corporate Information Team
Westerleigh Council

-----Original Message-----
From: Corporate Information Team
Sent: 10 December 2024 09:40
To: Daniel Hale
Subject: RE: FOI request 4471 - CCTV at the depot

Dear Mr Hale,
The depot has 12 CCTV cameras. They are Hikvision cameras, installed in 2017.
Regards,
Corporate Information Team
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 12},
            12,
            notes="the body's own earlier Hikvision answer is quoted below; the new reply says they were removed",
        ),
    ),
    (
        "hw13-forwarded-installer-signature",
        """From: FOI Team <foi@kelmscott.gov.uk>
Subject: FOI KC-2025-318 CCTV cameras

Dear Ms Reyes,

We asked our CCTV maintenance contractor for the details, and their reply is below. The Council's 14 cameras at the bus station and car parks are all Panasonic.

Kind regards,
FOI Team
Kelmscott Council

---------- Forwarded message ----------
From: Service Desk <service@shieldline-security.co.uk>
Date: 2 May 2025
Subject: Kelmscott camera list

Hi,
All 14 units on the Kelmscott contract are Panasonic WV-S1536 cameras.
Thanks,
Lee Harding
Service Desk Manager
ShieldLine Security Ltd
Approved installers of Hikvision, Dahua, Axis and Hanwha systems
NSI Gold | SSAIB registered | Company no. 04561234
""",
        _labels(
            "disclosed",
            ["Panasonic"],
            [],
            {"Panasonic": 14},
            14,
            notes="installer's signature lists brands it installs; i-PRO is reported as Panasonic",
        ),
    ),
    (
        "hw13-pdf-running-header-request-title",
        """Redmarsh Borough Council
FOI 2025/0088 - Hikvision and Dahua cameras
Page 1 of 2

Dear Requester,

Thank you for your request about Hikvision and Dahua cameras. You asked whether the Council uses cameras made by these companies and, if so, how many.

Redmarsh Borough Council
FOI 2025/0088 - Hikvision and Dahua cameras
Page 2 of 2

The Council does not have any Hikvision or Dahua cameras. Its public space CCTV system has 40 cameras, all supplied by Hanwha Vision.

Yours faithfully,
Information Officer
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            ["Dahua", "Hikvision"],
            {"Hanwha": 40},
            40,
            notes="request title repeated as a running header on every page",
        ),
    ),
    (
        "hw13-pdf-cell-per-line-page-break",
        """Thornbury Vale Council
Freedom of Information response - FOI 25-0611
OFFICIAL
Page 1 of 2
Your request: please list the CCTV cameras at council sites, with the manufacturer and the number at each site.
Our response: the cameras at each site are listed below.
Site
Manufacturer
Quantity
Civic Centre
Axis
12
Riverside Depot
Hikvision
4
Thornbury Vale Council
Freedom of Information response - FOI 25-0611
OFFICIAL
Page 2 of 2
Market Hall
Axis
9
Total
25
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Axis": 21, "Hikvision": 4},
            25,
            notes="table flattened one cell a line, split by running header/footer and a page marker",
        ),
    ),
    (
        "hw13-pdf-page-number-beside-count",
        """Elmstead Parish Council
Response to FOI EPC/2025/07

You asked: how many CCTV cameras do you have and who makes them? Are any of them Hikvision?

Response: Hikvision cameras are not used by the Parish Council. The Parish Council has
36 cameras in total, all made by Bosch.
- 1 -
Elmstead Parish Council, The Old School, Elmstead EL4 7QP
Please note: this reply relates only to cameras owned by the Parish Council.
""",
        _labels(
            "disclosed",
            ["Bosch"],
            ["Hikvision"],
            {"Bosch": 36},
            36,
            notes="page number under the count; request names Hikvision",
        ),
    ),
    (
        "hw13-pdf-cells-run-together",
        """Page 1 of 1
Ravensworth Metropolitan Council - Information Governance
FOI RMC-2025-1442
Request: number of CCTV cameras by manufacturer in council car parks.
Response:
Car park Manufacturer Model Number of cameras
Bridge Street MSCP Hanwha XNV-6080R 14
Quarry Lane surface car park Hanwha XNO-6120R 6
Station Road MSCP Axis P3265-LVE 10
Total 30
Ravensworth Metropolitan Council | ravensworth.gov.uk | 0161 496 0321
""",
        _labels(
            "disclosed",
            ["Axis", "Hanwha"],
            [],
            {"Axis": 10, "Hanwha": 20},
            30,
            notes="table cells run together with spaces; model numbers carry digits; phone in footer",
        ),
    ),
    (
        "hw13-sheet-rows-cameras-and-recorders",
        """From: Records Team
Subject: FOI 2025-144 response

Dear Requester,
The information is in the spreadsheet attached; its contents are reproduced below for accessibility.

Attachment: FOI-2025-144 CCTV assets.xlsx
Sheet: Cameras
Site | Make | Qty
Waste depot | Dahua | 6
Memorial park | Axis | 10
Sheet: Recorders
Site | Make | Qty
Waste depot | Dahua NVR | 1
Memorial park | Axis camera station | 1

Regards,
Records Team, Castlemere Borough Council
""",
        _labels(
            "disclosed",
            ["Axis", "Dahua"],
            [],
            {"Axis": 10, "Dahua": 6},
            16,
            notes="two sheets as rows; the recorders sheet must not add to camera counts",
        ),
    ),
    (
        "hw13-sheet-asset-list-status",
        """Sheet: Asset register
Asset ID | Location | Manufacturer | Status
CAM-001 | Town Hall entrance | Hikvision | Removed 2023
CAM-002 | Town Hall entrance | Axis | In service
CAM-003 | Library | Axis | In service
CAM-004 | Library | Hikvision | Removed 2023

Notes: the two Hikvision units were taken down in 2023 and replaced with Axis cameras.
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 2},
            notes="asset rows with a status column; removed Hikvision is past; an asset register lists one "
            "camera per row, so the rows in service are the count (relabelled in rules-1.11, after blind "
            "batch b22 labelled its register that way); the asset IDs themselves are not counts",
        ),
    ),
    (
        "hw13-mixed-sections-s31-s24-not-held",
        """Our ref: FOI 2025/3310
Date: 11 June 2025

Dear Requester,

Q1. How many CCTV cameras does the Council operate?
A1. The Council operates 84 CCTV cameras.

Q2. What make are the cameras?
A2. This information is withheld under section 31(1)(a) of the Freedom of Information Act 2000, as disclosure would be likely to prejudice the prevention of crime.

Q3. Please give the location of each camera.
A3. The locations of covert and temporary cameras are exempt under section 24(1). The locations of fixed public space cameras are published on our website.

Q4. How much did the cameras cost?
A4. The Council does not hold this information; the cameras were bought by the former district councils before 2009.

Yours sincerely,
Information Governance
""",
        _labels(
            "partially_disclosed",
            total=84,
            exemptions=["FOIA s24", "FOIA s31"],
            notes="answers some questions, refuses others under different sections, one not held",
        ),
    ),
    (
        "hw13-mixed-s40-s43-makers-given",
        """FOI 2025-0707 Response

1. Which manufacturers make the Council's CCTV cameras?
Axis and Bosch.

2. What is the annual value of the maintenance contract?
We consider this information commercially sensitive and it is withheld under section 43(2) of the FOI Act.

3. Please give the names of the staff who monitor the cameras.
Names of staff below senior management level are personal data and are exempt under section 40(2).
""",
        _labels(
            "partially_disclosed",
            ["Axis", "Bosch"],
            exemptions=["FOIA s40", "FOIA s43"],
            notes="makers disclosed, other questions refused under s43 and s40",
        ),
    ),
    (
        "hw13-see-attached-only",
        """Dear Requester,

Freedom of Information request FOI-2025-2043

Your request asked for the make and model of each CCTV camera owned by the Council, and specifically whether any are made by Hikvision or Dahua.

Please see the attached spreadsheet, which lists the make and model of every camera as requested. The spreadsheet also gives the installation year of each camera.

Yours sincerely,
Information Access Team
""",
        _labels("disclosed", notes="the answer is only in an attachment; the request names makers"),
    ),
    (
        "hw13-wdtk-attachment-filename",
        """SOURCE: https://www.whatdotheyknow.com/request/hikvision_cameras_stowmere
Hikvision cameras - a Freedom of Information request to Stowmere City Council
Jamie Cole made this Freedom of Information request to Stowmere City Council
The request was successful.
From: Jamie Cole
8 July 2025
Dear Stowmere City Council,
Does the council use Hikvision cameras? If so how many?
Yours faithfully,
Jamie Cole
Link to this
From: Stowmere City Council
31 July 2025
Dear Jamie,
Please find attached our response to your request.
Regards,
Information Governance
FOI 25 1183 Hikvision cameras response.pdf
Download
View as HTML
Link to this
""",
        _labels(
            "disclosed",
            notes="attachment file name names Hikvision; its contents are not in the text",
        ),
    ),
    (
        "hw13-review-upheld-ico-notice-cited",
        """Internal Review Outcome - IR 2025/014 (original request FOI 2024/2290)

Dear Ms Adeyemi,

You asked us to review our refusal of your request for the manufacturer and location of every CCTV camera in the Council's housing blocks, including whether any are Hikvision.

I have considered the matter afresh. In decision notice IC-214455-R8T3 the Information Commissioner found that another authority was entitled to rely on section 31 to withhold the locations of its cameras, and I consider the same reasoning applies here. I therefore uphold the decision that the information is exempt under section 31(1)(a).

If you are not content with the outcome of the internal review, you may apply directly to the Information Commissioner for a decision.

Head of Legal Services
""",
        _labels(
            "refused",
            exemptions=["FOIA s31"],
            notes="review upheld; ICO decision notice about another body cited",
        ),
    ),
    (
        "hw13-ico-notice-ordered-disclosure",
        """Our reference: FOI 2024/0815 (ICO case IC-301882-K4L9)

Dear Mr Baptiste,

Following the Information Commissioner's decision notice of 2 June 2025, which found that the Council was not entitled to rely on section 24 and required it to disclose the information, we now provide it.

The Council's 27 public space cameras are made by Hikvision (19) and Axis (8).

Yours sincerely,
Information Governance Manager
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Axis": 8, "Hikvision": 19},
            27,
            notes="disclosure after an ICO decision notice; the s24 it rejected is not relied on",
        ),
    ),
    (
        "hw13-ico-notice-other-body-not-held",
        """Dear Requester,

Re: FOI 25/771 - CCTV manufacturers

You referred to the Information Commissioner's decision notice concerning Brookhurst Council, in which the Commissioner ordered that council to disclose that its cameras were Hikvision. That decision concerned a different authority.

Calderbrook Parish Council does not own or operate any CCTV cameras, so it does not hold the information you requested.

Yours faithfully,
Parish Clerk
""",
        _labels(
            "not_held",
            total=0,
            notes="another body's Hikvision in an ICO notice; this body has no cameras",
        ),
    ),
    (
        "hw13-wdtk-clarification-then-answer",
        """SOURCE: https://www.whatdotheyknow.com/request/camera_brands_northgate_college
Camera brands - a Freedom of Information request to Northgate College
Robin Ashe made this Freedom of Information request to Northgate College
The request was successful.
From: Robin Ashe
1 September 2025
Dear Northgate College,
What type of cameras do you use on campus?
Yours faithfully,
Robin Ashe
Link to this
From: Northgate College
3 September 2025
Dear Robin,
Could you clarify what you mean by type? For example, do you mean the brand, or whether they are fixed or PTZ?
Regards,
Data Protection Officer
Link to this
From: Robin Ashe
3 September 2025
Dear Northgate College,
I mean the brand, for example Hikvision, Dahua or Uniview.
Yours faithfully,
Robin Ashe
Link to this
From: Northgate College
24 September 2025
Dear Robin,
The College's 22 CCTV cameras are all Vivotek.
Regards,
Data Protection Officer
Link to this
""",
        _labels(
            "disclosed",
            ["Vivotek"],
            [],
            {"Vivotek": 22},
            22,
            notes="clarification thread; the requester's example brands are not claims",
        ),
    ),
    (
        "hw13-wdtk-annotation-model-number",
        """SOURCE: https://www.whatdotheyknow.com/request/car_park_cameras_pellow
Car park cameras - a Freedom of Information request to Pellow District Council
Kim Tran made this Freedom of Information request to Pellow District Council
The request was successful.
From: Kim Tran
12 May 2025
Dear Pellow District Council,
Are any of the cameras in your car parks made by Hikvision? How many cameras are there and what make are they?
Yours faithfully,
Kim Tran
Link to this
From: Pellow District Council
2 June 2025
Dear Kim,
No Hikvision cameras are used in our car parks. There are 9 cameras, all made by Mobotix.
Regards,
Customer Services
Link to this
Kim Tran left an annotation (4 June 2025)
Having looked at photos of the Castle Street car park, the cameras there look like DS-2CD2143G2 units, which are Hikvision, to me.
Link to this
""",
        _labels(
            "disclosed",
            ["Mobotix"],
            ["Hikvision"],
            {"Mobotix": 9},
            9,
            notes="the requester's annotation names a Hikvision model number; the body denies Hikvision",
        ),
    ),
    (
        "hw13-police-ncnd-covert-disclose-overt",
        """Dyfnant Police - Freedom of Information
Reference: 2025/FOI/1290

Question 1: How many CCTV cameras are installed at police stations?
Answer: 120 cameras are installed across our 14 police stations. All of these cameras are Hanwha.

Question 2: Do you use covert cameras, and if so what make are they?
Answer: Dyfnant Police can neither confirm nor deny whether it holds information about covert cameras, by virtue of section 24(2) and section 31(3) of the Act.

Page 1 of 1
""",
        _labels(
            "partially_disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 120},
            120,
            exemptions=["FOIA s24", "FOIA s31"],
            notes="overt cameras disclosed; NCND for covert under s24(2) and s31(3); station count is not cameras",
        ),
    ),
    (
        "hw13-total-run-into-page-marker",
        """North Fenwick Council - FOI response FNC/2025/0402 - Page 1 of 2
Request: Please state how many CCTV cameras the Council has and the make of each.
Response: The Council's cameras are made by Axis and Vivotek.
Axis 35
Vivotek 23
Total cameras: 58 Page 2 of 2
North Fenwick Council - FOI response FNC/2025/0402
If you are unhappy with this response you can ask for an internal review.
""",
        _labels(
            "disclosed",
            ["Axis", "Vivotek"],
            [],
            {"Axis": 35, "Vivotek": 23},
            58,
            notes="total runs into the page marker of the next page",
        ),
    ),
]

# Written after the rules-1.5 fixes as probes of them (they passed when written): the body's own answer in a
# thread or under running headers must still be read.
CASES += [
    (
        "hw13-email-in-reply-to-question-dahua",
        """From: FOI Officer <foi@brinkley.gov.uk>
Sent: 2 June 2025
To: R Marsh
Subject: RE: FOI 7713

Dear Ms Marsh,

In reply to your question about Dahua: the Council does not use Dahua equipment in its CCTV system. The 26 cameras are Hanwha.

Regards
FOI Officer

On 28 May 2025 at 14:02, R Marsh <r.marsh@example.com> wrote:
> Dear Brinkley Council,
> My neighbour says the council's cameras on Mill Lane are Dahua. Is that right?
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            ["Dahua"],
            {"Hanwha": 26},
            26,
            notes="'In reply to your question about Dahua:' before the answer; a neighbour's claim quoted below",
        ),
    ),
    (
        "hw13-pdf-running-header-answers-split",
        """Ashgrove Council
Freedom of Information Request FOI/2025/4410
Page 1 of 2
You asked: 1. Which company manufactures your CCTV cameras? 2. How many cameras do you have? 3. Are any made by Hikvision?
1. Our cameras are manufactured by Hikvision.
2. We have 48 cameras.
Ashgrove Council
Freedom of Information Request FOI/2025/4410
Page 2 of 2
3. Yes, all 48 are Hikvision.
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 48},
            48,
            notes="running header between numbered answers; a real Hikvision answer must survive the furniture rule",
        ),
    ),
    (
        "hw13-wdtk-body-admits-annotation",
        """SOURCE: https://www.whatdotheyknow.com/request/bwv_ferncliffe
Body worn video - a Freedom of Information request to Ferncliffe Council
Dana Ellis made this Freedom of Information request to Ferncliffe Council
From: Dana Ellis
4 February 2025
Dear Ferncliffe Council,
How many body worn cameras do your wardens use, and what make are they?
Yours faithfully,
Dana Ellis
Link to this
From: Ferncliffe Council
25 February 2025
Dear Dana,
Our wardens use 12 body worn cameras made by Hikvision.
Regards,
Customer Services
Link to this
Dana Ellis left an annotation (26 February 2025)
Interesting that they admit to Hikvision.
Link to this
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 12},
            12,
            notes="the body's own Hikvision answer is a claim; the annotation after it is not",
        ),
    ),
    (
        "hw13-review-upheld-in-part-releases",
        """Internal review - FOI 2025/210
Your original request asked which manufacturers supply the Council's cameras, including Hikvision and Dahua.
The original response refused the request under section 31(1)(a). Having reviewed it, I uphold that decision in part: the locations remain exempt under section 31(1)(a), but the manufacturer can be released. The Council's 64 cameras are made by Bosch.
""",
        _labels(
            "partially_disclosed",
            ["Bosch"],
            [],
            {"Bosch": 64},
            64,
            exemptions=["FOIA s31"],
            notes="internal review upholds s31 for locations and releases the maker",
        ),
    ),
]

# hw14: equipment and wording traps. Convention (docs/answers.md): a maker is "in use" for cameras and camera
# recorders (fixed, PTZ, ANPR, body-worn, dashcam, drone cameras, NVR/DVR). Hikvision door-entry intercoms, display
# monitors, hard drives, cables and access-control readers are not camera use: neither in use nor denied. Thermal
# "fever screening" kiosks are cameras while in use; ones removed since are past use.
CASES += [
    (
        "hw14-intercom-not-camera",
        """SOURCE: https://www.harrowfield.gov.uk/foi/disclosure-log/FOI-2025-1402
Harrowfield District Council - Disclosure log
FOI-2025-1402 CCTV camera manufacturers
Request
1. Who manufactures the Council's CCTV cameras? 2. Does the Council use any Hikvision equipment?
Response
1. The Council's 24 CCTV cameras are manufactured by Axis Communications.
2. The only Hikvision product the Council holds is the video door-entry intercom panel at the main reception of the Civic Offices, installed with the building's door access system. It is not part of the CCTV system.
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 24},
            24,
            notes="a Hikvision door-entry intercom is not camera use (conservative): neither in use nor denied",
        ),
    ),
    (
        "hw14-monitors-and-drives",
        """Our ref: IR/3391
Dear Requester,
Thank you for your request about the equipment in the Council's CCTV control room.
The 16 cameras are manufactured by Hanwha Vision. The wall of display screens in the control room consists of six Hikvision monitors, and the storage in the recording server uses Seagate hard drives.
Yours faithfully,
Information Governance Team
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 16},
            16,
            notes="Hikvision display monitors are not cameras; 'six' monitors is not a camera count",
        ),
    ),
    (
        "hw14-access-control-and-cable",
        """Freedom of Information Act 2000 - request 25/0873
Question: Please list the manufacturer of every CCTV camera you operate and say whether any Hikvision products are in use.
Answer: Our 30 CCTV cameras are all Bosch. Hikvision card readers are used for staff access control at two depots, and some of the network cabling in the depot was supplied as Hikvision-branded cable. Neither is a camera.
""",
        _labels(
            "disclosed",
            ["Bosch"],
            [],
            {"Bosch": 30},
            30,
            notes="access-control readers and cable are not camera use",
        ),
    ),
    (
        "hw14-fever-screening-removed",
        """SOURCE: https://www.kelbrook.gov.uk/council/foi/responses/2025/cctv-thermal
Skip to main content
Kelbrook Borough Council
Home > Your council > FOI responses
Thermal cameras and CCTV (FOI 2025/0219)
You asked: Do you use any Hikvision cameras, including thermal cameras bought during the pandemic? How many CCTV cameras do you have and who makes them?
Our response:
In 2020 the Council bought two Hikvision thermal "fever screening" kiosks for the entrances of the Civic Centre. They were taken out of service in 2022 and disposed of, and are no longer in use.
The Council's 52 public space CCTV cameras are manufactured by Vivotek.
""",
        _labels(
            "disclosed",
            ["Vivotek"],
            [],
            {"Vivotek": 52},
            52,
            notes="thermal kiosks bought in 2020 and removed since: past use, not in use and not denied",
        ),
    ),
    (
        "hw14-drone-and-bodyworn",
        """SOURCE: https://www.cyngorpentre.gov.wales/en/foi/2025/0456
Cyngor Sir Pentre / Pentre County Council
FOI 2025/0456 - Drones and body worn video
You asked whether the council uses drones or body worn cameras, the makes, and how many.
Response:
The Council's countryside team uses 1 drone with a built-in camera for surveying coastal paths. Our civil enforcement officers use 14 body worn cameras made by Reveal Media. We do not use Hikvision or Dahua body worn cameras.
""",
        _labels(
            "disclosed",
            ["Reveal"],
            ["Dahua", "Hikvision"],
            {"Reveal": 14},
            None,
            notes="drone (maker unnamed) and body-worn video; total not stated as one camera figure",
        ),
    ),
    (
        "hw14-dashcams-hikvision",
        """Dear Ms Okafor,
FOI 7730 - cameras on council vehicles
Each of the Council's 12 refuse collection vehicles is fitted with a forward-facing dash cam. The dash cams are made by Hikvision, 12 in total. The Council has no other vehicle cameras.
Kind regards,
Fleet Services / FOI team
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 12},
            12,
            notes="dashcams are cameras: Hikvision in use (a missed claim is the second-worst bug)",
        ),
    ),
    (
        "hw14-quantity-notations",
        """Bramleigh Town Council - FOI response
Please find below the cameras at each of our sites:
- Car park: Axis dome cameras x2
- Depot: Hanwha bullet cameras qty 3
- Town hall: Bosch PTZ cameras 4no.
These are all of the Council's CCTV cameras (9 in total).
""",
        _labels(
            "disclosed",
            ["Axis", "Bosch", "Hanwha"],
            [],
            {"Axis": 2, "Bosch": 4, "Hanwha": 3},
            9,
            notes="'x2', 'qty 3', '4no.' quantity notations",
        ),
    ),
    (
        "hw14-nr-and-bracketed-word",
        """Response to request 2025-611
The library has Avigilon cameras (two) covering the entrance, and the leisure centre has 6 nr Vivotek cameras in the car park. There are no other cameras.
""",
        _labels(
            "disclosed",
            ["Avigilon", "Vivotek"],
            [],
            {"Avigilon": 2, "Vivotek": 6},
            8,
            notes="'(two)' after the maker and '6 nr'",
        ),
    ),
    (
        "hw14-years-contract-price-phone",
        """Greymouth Council - Freedom of Information
Reference: FOI/2025/0147
Contract CON-2021-0114 (value £36,400) was awarded in 2021 for the supply of Hanwha cameras for the bus station. There are 22 cameras in total, all Hanwha.
If you have any questions, please contact the FOI team on 01632 960418 or write to FOI Team, Town Hall, Greymouth GR4 7TH.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 22},
            22,
            notes="contract number, price, year, phone number and postcode are never counts",
        ),
    ),
    (
        "hw14-postcode-table",
        """SOURCE: https://www.northvale.gov.uk/foi/log/2025-0933
Northvale Borough Council
FOI 2025-0933 CCTV by site
Site | Postcode | Make | Cameras |
Riverside Depot | NV7 2QP | Axis | 5 |
Market Hall | NV1 4FH | Hanwha | 7 |
We do not hold any Hikvision or Dahua cameras.
""",
        _labels(
            "disclosed",
            ["Axis", "Hanwha"],
            ["Dahua", "Hikvision"],
            {"Axis": 5, "Hanwha": 7},
            12,
            notes="postcodes in the rows hold digits that are not counts",
        ),
    ),
    (
        "hw14-not-currently",
        """Dear Requester,
Your request: Does the Council use Hikvision or Dahua cameras?
The Council does not currently use Hikvision or Dahua cameras. All 18 of our CCTV cameras are Axis.
Regards
Data Protection Officer
""",
        _labels(
            "disclosed",
            ["Axis"],
            ["Dahua", "Hikvision"],
            {"Axis": 18},
            18,
            notes="'does not currently use' is a denial",
        ),
    ),
    (
        "hw14-none-of-which",
        """Ref: FOI 1187
We have 27 cameras, none of which are made by Hikvision. They are all Hanwha models.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            ["Hikvision"],
            {"Hanwha": 27},
            27,
            notes="'none of which are made by Hikvision' denies; the count goes to Hanwha",
        ),
    ),
    (
        "hw14-with-exception-of-dahua",
        """Westcombe Council - FOI 2025/4410
The Council operates 31 CCTV cameras. With the exception of 4 Dahua cameras at the Northgate depot, all of them are Axis.
""",
        _labels(
            "disclosed",
            ["Axis", "Dahua"],
            [],
            {"Axis": 27, "Dahua": 4},
            31,
            notes="'with the exception of 4 Dahua cameras' means Dahua is in use; Axis is the rest",
        ),
    ),
    (
        "hw14-no-longer-hikvision",
        """Dear Mr Hughes,
Hikvision cameras are no longer used by the Council; the last of them were replaced in 2023. We now have 40 Hanwha cameras.
Yours sincerely,
FOI Officer
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            ["Hikvision"],
            {"Hanwha": 40},
            40,
            notes="'no longer used' today: denied, as in the corpus's 'no longer uses any Hikvision cameras'",
        ),
    ),
    (
        "hw14-never-purchased",
        """SOURCE: https://www.ashcombe.gov.uk/foi/2025/1066
Ashcombe District Council
FOI 2025/1066
You asked: Has the council ever bought Hikvision or Dahua CCTV equipment?
Our answer: The Council has never purchased Hikvision or Dahua equipment. Our CCTV cameras are supplied and manufactured by Bosch.
""",
        _labels(
            "disclosed",
            ["Bosch"],
            ["Dahua", "Hikvision"],
            notes="'has never purchased' denies both",
        ),
    ),
    (
        "hw14-no-plans-to-buy",
        """FOI reference 25-0381
The Council's 9 CCTV cameras are Avigilon. There are no plans to purchase Hikvision cameras.
""",
        _labels(
            "disclosed",
            ["Avigilon"],
            [],
            {"Avigilon": 9},
            9,
            notes="'no plans to purchase' is a plan, not a statement about use: Hikvision neither in use nor denied",
        ),
    ),
    (
        "hw14-yes-no-table",
        """Oldbridge Council - FOI 2025/0290
Camera manufacturers:
Manufacturer | In use | Number of cameras |
Hikvision | No | |
Dahua | Yes | 6 |
Axis | Yes | 20 |
Uniview | No | 0 |
""",
        _labels(
            "disclosed",
            ["Axis", "Dahua"],
            ["Hikvision", "Uniview"],
            {"Axis": 20, "Dahua": 6},
            26,
            notes="Yes/No column per maker; a blank count cell",
        ),
    ),
    (
        "hw14-remainder-hikvision",
        """Lowfield Hospitals NHS Trust
Freedom of Information request 2025/177
The Trust operates 40 CCTV cameras across its two hospitals: 12 Axis and the remainder Hikvision.
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Axis": 12, "Hikvision": 28},
            40,
            notes="'the remainder' with a total: Hikvision 28",
        ),
    ),
    (
        "hw14-rest-are-hikvision",
        """Our reference: FOI-3021
Of our 55 cameras, 20 are Bosch and the rest are Hikvision.
""",
        _labels(
            "disclosed",
            ["Bosch", "Hikvision"],
            [],
            {"Bosch": 20, "Hikvision": 35},
            55,
            notes="'the rest are Hikvision' with a total",
        ),
    ),
    (
        "hw14-scottish-intend-replace",
        """SOURCE: https://www.glenmoray.gov.scot/foi/responses/2025-11842
Glenmoray Council
Freedom of Information (Scotland) Act 2002 - response 2025-11842
Request: Please state the make of the CCTV cameras at your schools.
Response: The school estate has 14 Dahua cameras. We intend to replace our Dahua cameras with Axis models during 2026/27, subject to budget.
""",
        _labels(
            "disclosed",
            ["Dahua"],
            [],
            {"Dahua": 14},
            14,
            regime="FOISA",
            notes="a plan to replace Dahua means Dahua is in use now; Axis is only planned",
        ),
    ),
    (
        "hw14-ni-nvr-hikvision",
        """Lisnagarvey District Council (Northern Ireland)
FOI 2025/078
The Council's 10 CCTV cameras are Axis. They record to a Hikvision NVR in the leisure centre plant room.
""",
        _labels(
            "disclosed",
            ["Axis", "Hikvision"],
            [],
            {"Axis": 10},
            10,
            notes="a Hikvision recorder is camera equipment in use; one NVR without a number is no count",
        ),
    ),
    (
        "hw14-welsh-never-purchased",
        """Cyngor Tref Llanddewi / Llanddewi Town Council
Nid yw'r Cyngor erioed wedi prynu camerâu Hikvision. Mae gan y Cyngor 16 camera Axis.
The Council has never purchased Hikvision cameras. The Council has 16 Axis cameras.
""",
        _labels(
            "disclosed",
            ["Axis"],
            ["Hikvision"],
            {"Axis": 16},
            16,
            notes="bilingual; 'never purchased' in Welsh and English; 16 said twice",
        ),
    ),
    (
        "hw14-anpr-hikvision-and-cctv",
        """Redfern Council FOI 2025-0508
Answer: The ANPR cameras at the household recycling centre (2) are Hikvision. The town centre CCTV system has 35 cameras, all Bosch.
""",
        _labels(
            "disclosed",
            ["Bosch", "Hikvision"],
            [],
            {"Bosch": 35, "Hikvision": 2},
            37,
            notes="ANPR cameras are cameras; '(2)' after the subject",
        ),
    ),
    (
        "hw14-monitors-only-denies-cameras",
        """Dear Requester,
None of our CCTV cameras are made by Hikvision: our 12 cameras are Pelco. The only Hikvision items the Council holds are two display monitors in the CCTV control room.
Regards, FOI team
""",
        _labels(
            "disclosed",
            ["Pelco"],
            ["Hikvision"],
            {"Pelco": 12},
            12,
            notes="cameras denied; Hikvision monitors are not camera use",
        ),
    ),
    (
        "hw14-price-and-po-beside-count",
        """Purchase history supplied in answer to FOI 2025/812:
Hikvision DS-2CD2143G2-I dome camera x 3 @ £189.00 each (order PO 40021, March 2019)
These 3 cameras remain in use at the allotment site and are the Council's only cameras.
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 3},
            3,
            notes="price, order number and year beside the maker; 'x 3' is the count",
        ),
    ),
]

# hw14 probes written after the rules-1.6 fixes, to test them: kit named with the maker, and camera words beside it.
CASES += [
    (
        "hw14-intercom-with-built-in-camera",
        """SOURCE: https://www.eastlow.gov.uk/foi/2025-0612
East Low Parish Council - FOI 2025-0612
Response: The Parish Council has 6 CCTV cameras at the pavilion, made by Hanwha. Our Hikvision video intercom at the pavilion door has a built-in camera but does not record and is not part of the CCTV system.
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 6},
            6,
            notes="a Hikvision intercom with a built-in camera is door-entry kit, not camera use (conservative)",
        ),
    ),
    (
        "hw14-cameras-and-monitors-hikvision",
        """Dear Requester,
FOI 25/1148: We use Hikvision cameras and monitors across our three leisure centres (14 cameras in all).
Yours sincerely,
Leisure Services
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 14},
            14,
            notes="'cameras and monitors': 'monitors' is kit here, not the verb of a monitoring contractor",
        ),
    ),
    (
        "hw14-screens-brand-not-maker",
        """Midcombe Council FOI response 2025/330
Our 12 Hikvision cameras display on Samsung screens in the control room. No other cameras are operated.
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 12},
            12,
            notes="'Samsung screens' are display kit; the knowledge base maps Samsung to Hanwha's cameras",
        ),
    ),
]

# hw15: full-length letters with heavy boilerplate (appeal rights citing sections, ICO/SIC addresses and phone
# numbers, OGL re-use, section 16 advice, data-protection footers, cost-limit explanations when the body answered),
# a refusal notice for one question only, disclosure-log pages mixing CCTV with parking and Wi-Fi entries, Welsh
# boilerplate first, Northern Irish bodies under FOIA, second-round replies referring to the previous answer.
_HW15_ICO = """If you are unhappy with the way your request has been handled you may ask for an internal review within 40 working days of the date of this letter, by writing to the Information Governance Manager at the address above or by e-mail to foi@{domain}. This letter is not a refusal notice under section 17 of the Act unless it says so expressly.
If you remain dissatisfied after the review you have the right under section 50 of the Freedom of Information Act 2000 to apply to the Information Commissioner for a decision. The Commissioner can be contacted at: Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF. Telephone 0303 123 1113. Website ico.org.uk. The Commissioner will generally expect you to have exhausted our internal review procedure first."""
_HW15_OGL = """Re-use of information: most of the information we provide is Crown copyright or the copyright of the Council and may be re-used under the terms of the Open Government Licence v3.0, except where otherwise stated. Information provided by third parties remains their copyright and you should seek their permission before re-using it. Any information already published by us is exempt under section 21 of the Act where we direct you to it; where a third party's personal data appears we apply section 40(2) as standard."""
_HW15_DP = """Data protection: your personal data will be processed in accordance with the UK General Data Protection Regulation and the Data Protection Act 2018 for the purpose of handling your request. It will be kept for three years after the request is closed and then securely destroyed. Our privacy notice is available on our website; our Data Protection Officer can be contacted at dpo@{domain} or on 01632 960 418."""

CASES += [
    (
        "hw15-appeal-s17-s50-boilerplate",
        f"""Ashcombe District Council
Council Offices, Market Street, Ashcombe AC1 4QT
Our ref: FOI/25/2210
Date: 14 October 2025

Dear Ms Larkin,

Freedom of Information Act 2000 - request for information about CCTV

Thank you for your request received on 16 September 2025, in which you asked:
1. How many CCTV cameras does the Council operate?
2. Who manufactures them?
3. Are any of them made by Hikvision or Dahua?

Our response is as follows.
1. The Council operates 42 CCTV cameras in total, in the town centre and at its two car parks.
2. All 42 cameras are manufactured by Axis Communications.
3. No. The Council does not have any Hikvision or Dahua cameras.

{_HW15_ICO.format(domain="ashcombe.gov.uk")}

{_HW15_DP.format(domain="ashcombe.gov.uk")}

Yours sincerely,
Information Governance Team
""",
        _labels(
            "disclosed",
            ["Axis"],
            ["Dahua", "Hikvision"],
            {"Axis": 42},
            42,
            notes="appeal paragraph citing section 17 and section 50, ICO address and phone; not a refusal",
        ),
    ),
    (
        "hw15-cost-limit-explained-answered",
        f"""Brinkworth Borough Council - Freedom of Information response
Reference: FOI-2025-4471

Dear Requester,

We have now considered your request for details of the closed circuit television cameras at the Council's leisure centres and offices.

Under section 12 of the Freedom of Information Act 2000 a public authority is not obliged to comply with a request where the cost of doing so would exceed the appropriate limit, which for local authorities is £450. This represents 18 hours of work at £25 per hour. We are pleased to say that your request could be answered within that limit and we have therefore provided the information in full.

The leisure centres have 18 Bosch cameras and the civic offices have 6 Hanwha cameras, 24 in all.

{_HW15_OGL}

{_HW15_ICO.format(domain="brinkworth.gov.uk")}

Kind regards
Corporate Information Unit
""",
        _labels(
            "disclosed",
            ["Bosch", "Hanwha"],
            [],
            {"Bosch": 18, "Hanwha": 6},
            24,
            notes="cost-limit explanation (£450, 18 hours) when the body answered in full; OGL and s21/s40 boilerplate",
        ),
    ),
    (
        "hw15-central-600-24-hours",
        f"""SOURCE: https://www.rural-payments-agency.example.gov.uk/foi/responses/FOI2025-00917
Home > Freedom of information > Responses
Response to FOI2025-00917: CCTV at our offices
Request
You asked: Please tell me the manufacturer and the number of CCTV cameras at each of your offices.
Response
The cost limit for central government is £600, which equates to 24 hours of staff time. Locating and collating this information did not exceed that limit. The Agency has 130 CCTV cameras across its six offices. All of them are Avigilon cameras, installed and maintained by Fenwick Security Ltd.
{_HW15_OGL}
{_HW15_ICO.format(domain="rpa.example.gov.uk")}
""",
        _labels(
            "disclosed",
            ["Avigilon"],
            [],
            {"Avigilon": 130},
            130,
            notes="central government cost limit (£600, 24 hours) explained, not relied on; installer named",
        ),
    ),
    (
        "hw15-refusal-one-question-s24",
        f"""Midshire Fire and Rescue Service
Freedom of Information request 2025/0392

Dear Mr Okafor,

You asked three questions. We have answered questions 1 and 3. This letter is a refusal notice under section 17 of the Freedom of Information Act 2000 in respect of question 2 only.

Question 1: How many CCTV cameras do you have at your fire stations?
Answer: There are 64 CCTV cameras across our 21 fire stations.

Question 2: Please provide the location of each camera.
Answer: We are withholding the locations of the cameras under section 24(1) (national security) and section 31(1)(a) (prevention or detection of crime). Revealing where cameras are, and by implication where they are not, would assist anyone intending to attack or break into a station. The public interest in maintaining these exemptions outweighs the public interest in disclosure.

Question 3: What make are the cameras?
Answer: All 64 cameras are Hanwha Vision models.

{_HW15_ICO.format(domain="midshirefire.gov.uk")}
""",
        _labels(
            "partially_disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 64},
            64,
            exemptions=["FOIA s24", "FOIA s31"],
            notes="refusal notice for one question only; other questions answered; 21 stations not a count",
        ),
    ),
    (
        "hw15-third-party-no-list",
        f"""Our ref: IR/25/0788

Dear Sir/Madam,

Thank you for your request about the CCTV cameras operated by Thornbury Town Council.

The Town Council operates 20 CCTV cameras in the town centre. They are all made by Axis.

Please note that the Council does not hold a list of makes for cameras owned by third parties, such as the shopping centre, the railway station or private businesses, some of which may use Hikvision or other makes. You may wish to contact those owners directly.

{_HW15_OGL}

{_HW15_DP.format(domain="thornbury-tc.gov.uk")}

Yours faithfully,
Town Clerk
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 20},
            20,
            notes="third parties' makes not held; 'may use Hikvision' is a hedge about others",
        ),
    ),
    (
        "hw15-disclosure-log-parking-wifi",
        """SOURCE: https://www.kelbrook.gov.uk/your-council/foi/disclosure-log/october-2025
Skip to main content
Home | Your council | Freedom of information | Disclosure log
Disclosure log - October 2025
FOI 25-0931 Parking enforcement
Request: How many penalty charge notices were issued in 2024/25, and who supplies your pay and display machines?
Response: 14,228 penalty charge notices were issued. The pay and display machines are supplied by Flowbird.
FOI 25-0937 Public Wi-Fi
Request: Which company provides the town centre public Wi-Fi and what equipment does it use?
Response: The service is provided by Kelbrook Connect Ltd using Huawei wireless access points and Huawei network switches.
FOI 25-0944 CCTV cameras
Request: Please tell me how many CCTV cameras the Council has and their manufacturer.
Response: The Council's public space CCTV system has 58 cameras, all manufactured by Bosch.
FOI 25-0950 Grass cutting
Request: How often are verges cut?
Response: Urban verges are cut six times a year.
""",
        _labels(
            "disclosed",
            ["Bosch"],
            [],
            {"Bosch": 58},
            58,
            notes="disclosure log: Huawei named for Wi-Fi kit in another entry, not cameras; PCN count is not cameras",
        ),
    ),
    (
        "hw15-welsh-boilerplate-first",
        """Cyngor Bwrdeistref Sirol Bryn Celyn / Bryn Celyn County Borough Council
Cyfeirnod / Reference: RhG/FOI/2025/612

Mae'r Cyngor yn croesawu gohebiaeth yn Gymraeg. Byddwn yn ateb gohebiaeth a dderbynnir yn Gymraeg yn Gymraeg ac ni fydd gohebu yn Gymraeg yn arwain at oedi. Os ydych yn anfodlon â'r ymateb hwn, mae gennych hawl i ofyn am adolygiad mewnol ac wedyn i gwyno i Swyddfa'r Comisiynydd Gwybodaeth o dan adran 50 o'r Ddeddf. Swyddfa'r Comisiynydd Gwybodaeth - Cymru, 2il Lawr, Tŷ Churchill, Ffordd Churchill, Caerdydd CF10 2HH. Ffôn: 0330 414 6421.

The Council welcomes correspondence in Welsh. Correspondence received in Welsh will be answered in Welsh and corresponding in Welsh will not lead to a delay.

Dear Mr Hughes,

Your request: Please provide the number and manufacturer of CCTV cameras operated by the Council, and say whether any are Hikvision or Dahua.

Our response: The Council operates 31 CCTV cameras: 25 Axis and 6 Hanwha. The Council does not use Hikvision or Dahua cameras.

If you are dissatisfied you may request an internal review and then complain to the Information Commissioner's Office - Wales, 2nd Floor, Churchill House, Churchill Way, Cardiff CF10 2HH. Telephone: 0330 414 6421.

Yn gywir / Yours sincerely,
Tîm Llywodraethu Gwybodaeth / Information Governance Team
""",
        _labels(
            "disclosed",
            ["Axis", "Hanwha"],
            ["Dahua", "Hikvision"],
            {"Axis": 25, "Hanwha": 6},
            31,
            notes="Welsh boilerplate block before the English answer; ICO Wales address and phone",
        ),
    ),
    (
        "hw15-ni-housing-hikvision",
        """Northern Ireland Housing Board
Freedom of Information Act 2000 - Request FOI/2025/1184

Dear Requester,

You asked for the number of CCTV cameras at the Board's offices and estates and their manufacturers.

The Board operates 112 CCTV cameras across its offices and estates, of which 40 are Hikvision and 72 are Hanwha.

If you are unhappy with our response you may ask for a review by writing to the Information Governance Unit, 2 Adelaide Street, Belfast BT2 8PB. If you remain dissatisfied you may apply to the Information Commissioner under section 50 of the Freedom of Information Act 2000: Information Commissioner's Office, 10th Floor, The Soloist Building, 1 Lanyon Place, Belfast BT1 3LP. Telephone 028 9027 8757.

The information supplied is subject to the Board's copyright and may be re-used under the Open Government Licence.

Information Governance Unit
""",
        _labels(
            "disclosed",
            ["Hanwha", "Hikvision"],
            [],
            {"Hanwha": 72, "Hikvision": 40},
            112,
            notes="Northern Irish body under FOIA; Belfast ICO address and phone; real Hikvision use",
        ),
    ),
    (
        "hw15-second-round-replaced-by-hanwha",
        f"""Dear Ms Carter,

Freedom of Information request FOI 2026/0105 - CCTV cameras (follow-up)

Thank you for your request of 5 January 2026, which follows your request of last year.

As stated in our response of 2025, we had 14 Hikvision cameras; these have now been replaced by Hanwha. The Council now has 16 Hanwha cameras at the depot and the civic centre, installed in November 2025.

{_HW15_ICO.format(domain="eastmoor.gov.uk")}

{_HW15_DP.format(domain="eastmoor.gov.uk")}

Yours sincerely,
FOI Officer
""",
        _labels(
            "disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 16},
            16,
            notes="second-round reply: last year's 14 Hikvision replaced; neither in use nor denied",
        ),
    ),
    (
        "hw15-second-round-unchanged-dahua",
        f"""Orrington Borough Council
Our reference: FOI 2026-0044

Dear Mr Byrne,

Thank you for your further request about the Council's CCTV cameras.

As stated in our previous response (FOI 2025-0311), the Council has 9 Dahua cameras at the Brook Lane depot. This has not changed since that response and there are no other Council cameras.

{_HW15_OGL}

{_HW15_ICO.format(domain="orrington.gov.uk")}
""",
        _labels(
            "disclosed",
            ["Dahua"],
            [],
            {"Dahua": 9},
            9,
            notes="second-round reply restating current Dahua use; 'previous response' is not past use",
        ),
    ),
    (
        "hw15-s21-policy-other-q-answered",
        f"""Fenmarsh District Council
FOI reference 25/1790

Dear Requester,

1. Which manufacturer makes the Council's CCTV cameras, and how many are there?
The Council's 22 CCTV cameras are manufactured by Pelco.

2. Please send me a copy of the Council's CCTV policy.
The CCTV policy is published on our website at www.fenmarsh.gov.uk/cctv-policy. This information is therefore exempt under section 21 of the Freedom of Information Act 2000, as it is reasonably accessible to you by other means.

Advice and assistance under section 16: if you cannot access the website, please contact us and we will send you a paper copy.

{_HW15_ICO.format(domain="fenmarsh.gov.uk")}
""",
        _labels(
            "partially_disclosed",
            ["Pelco"],
            [],
            {"Pelco": 22},
            22,
            exemptions=["FOIA s21"],
            notes="s21 relied on for one question; the other answered; section 16 advice",
        ),
    ),
    (
        "hw15-s40-operator-names",
        f"""Dear Mr Adeyemi,

Re: Your request FOI-25-3318 (CCTV control room)

You asked for the makes of the Council's CCTV cameras, the number of each, and the names of the staff who monitor them.

The cameras are made by Axis (38) and Bosch (4).

The names of the control room operators are personal data. We are withholding them under section 40(2) of the Freedom of Information Act 2000, because disclosure would breach the data protection principles.

{_HW15_OGL}

{_HW15_ICO.format(domain="harbridge.gov.uk")}

{_HW15_DP.format(domain="harbridge.gov.uk")}
""",
        _labels(
            "partially_disclosed",
            ["Axis", "Bosch"],
            [],
            {"Axis": 38, "Bosch": 4},
            42,
            exemptions=["FOIA s40"],
            notes="s40(2) relied on for operator names; makes and counts in brackets disclosed",
        ),
    ),
    (
        "hw15-s16-advice-police-cameras",
        f"""Lowater Borough Council
Request FOI 2025/2206

Dear Requester,

You asked which company manufactures the town centre CCTV cameras and whether any are Hikvision.

The Council does not hold this information. The town centre cameras are owned and operated by Midshire Police, and the Council has no records of their make or model.

Advice and assistance under section 16: you may wish to redirect your request to Midshire Police, Freedom of Information Unit, Police Headquarters, Midshire MS1 2AB, who will be able to tell you whether any of their cameras are Hikvision.

{_HW15_ICO.format(domain="lowater.gov.uk")}
""",
        _labels(
            "not_held",
            notes="not held; section 16 advice naming Hikvision for another body's request",
        ),
    ),
    (
        "hw15-s12-refusal-schools",
        f"""Westmere County Council
Reference: FOI 25-6120

Dear Ms Ndlovu,

You asked for the manufacturer and model of every CCTV camera at each of the county's 214 maintained schools.

We do not hold this information centrally. Each school buys its own cameras, and finding the make of every camera would mean contacting each school and reviewing invoices. We estimate this would take at least 107 hours, which is well above the appropriate limit of £450 (18 hours at £25 an hour). We are therefore refusing your request under section 12 of the Freedom of Information Act 2000, and this letter is a refusal notice under section 17(5).

Advice and assistance under section 16: if you narrowed your request, for example to whether any schools in one district have Hikvision cameras, we may be able to help.

{_HW15_ICO.format(domain="westmere.gov.uk")}
""",
        _labels(
            "refused",
            exemptions=["FOIA s12"],
            notes="real s12 refusal; advice names Hikvision; 214 schools and 107 hours not counts",
        ),
    ),
    (
        "hw15-ogl-table-zero-row",
        f"""SOURCE: https://www.caldbeck.gov.uk/foi/response/2025-1402
Caldbeck City Council - FOI 2025-1402 - CCTV manufacturers
Request: Please list the manufacturers of the Council's CCTV cameras with the number of each, including Hikvision.
Response: The Council's CCTV cameras are listed below.
Manufacturer | Number of cameras
Hanwha | 27
Axis | 3
Hikvision | 0
Total | 30
{_HW15_OGL}
{_HW15_DP.format(domain="caldbeck.gov.uk")}
{_HW15_ICO.format(domain="caldbeck.gov.uk")}
""",
        _labels(
            "disclosed",
            ["Axis", "Hanwha"],
            ["Hikvision"],
            {"Axis": 3, "Hanwha": 27},
            30,
            notes="table with a zero row and a total; heavy boilerplate",
        ),
    ),
    (
        "hw15-scottish-sic-dahua",
        """Strathlinnhe Council
Freedom of Information (Scotland) Act 2002
Our reference: FOI-SL-25-0871

Dear Mr Fraser,

Thank you for your request. You asked how many public space CCTV cameras the Council operates and who makes them.

The Council's public space CCTV system has 86 cameras. 70 are Dahua and 16 are Axis.

Your right to request a review: if you are dissatisfied with the way we have dealt with your request, you can ask us to review our actions and decisions under section 20 of the Act within 40 working days. If you remain dissatisfied after the review, you have the right to apply to the Scottish Information Commissioner under section 47 for a decision: Scottish Information Commissioner, Kinburn Castle, Doubledykes Road, St Andrews, Fife KY16 9DS. Telephone 01334 464610. Should you wish to appeal against the Commissioner's decision, you have the right to appeal to the Court of Session on a point of law only. This letter is not a refusal notice under section 16 of the Act.

Yours sincerely,
Information Management Officer
""",
        _labels(
            "disclosed",
            ["Axis", "Dahua"],
            [],
            {"Axis": 16, "Dahua": 70},
            86,
            regime="FOISA",
            notes="FOISA, SIC address and phone, section 16/20/47 boilerplate; real Dahua use",
        ),
    ),
    (
        "hw15-partial-s12-purchase-history",
        f"""Greyhaven Borough Council
FOI 2025/3350

Dear Requester,

1. How many CCTV cameras does the Council currently operate, and what make are they?
The Council currently operates 140 CCTV cameras. All are Hanwha.

2. Please provide every purchase order for CCTV equipment since 2005, with the supplier and make.
Our purchase records before 2016 are held on microfiche and are not indexed by subject. We estimate that locating them would take more than 18 hours, exceeding the £450 appropriate limit, so we are refusing this part of your request under section 12 of the Freedom of Information Act 2000. If you limit the request to orders since 2016 we will be able to answer it.

{_HW15_ICO.format(domain="greyhaven.gov.uk")}
""",
        _labels(
            "partially_disclosed",
            ["Hanwha"],
            [],
            {"Hanwha": 140},
            140,
            exemptions=["FOIA s12"],
            notes="s12 refusal for one question only; other answered",
        ),
    ),
    (
        "hw15-disclosure-log-no-cameras",
        """SOURCE: https://www.pennerley-pc.gov.uk/transparency/foi-log
Pennerley Parish Council - FOI log 2025
Accept cookies | Reject cookies
Ref 2025/07 - Car park
Request: Who maintains the village car park barrier and the ticket machine?
Response: The barrier is maintained by Hillside Access Ltd. The ticket machine is a Metric Group unit.
Ref 2025/08 - Wi-Fi in the village hall
Request: Is the village hall Wi-Fi router made by a Chinese company?
Response: The village hall Wi-Fi router is a Huawei model supplied by the broadband provider.
Ref 2025/09 - CCTV
Request: Does the Parish Council use Hikvision CCTV cameras?
Response: The Parish Council does not own or operate any CCTV cameras.
""",
        _labels(
            "disclosed",
            total=0,
            notes="log page: Huawei router in a Wi-Fi entry; no cameras at all; Hikvision only in the request",
        ),
    ),
    (
        "hw15-wifi-on-cctv-columns",
        f"""Dear Requester,

FOI 25/0762 - town centre CCTV and Wi-Fi

1. The Council has 12 town centre CCTV cameras. They are Axis cameras.
2. The public Wi-Fi network uses Huawei access points mounted on the CCTV columns.

{_HW15_ICO.format(domain="selham.gov.uk")}
""",
        _labels(
            "disclosed",
            ["Axis"],
            [],
            {"Axis": 12},
            12,
            notes="Huawei access points on CCTV columns are Wi-Fi kit, not cameras",
        ),
    ),
]

# hw15 probes written after the rules-1.7 fixes, to test their edges.
CASES += [
    (
        "hw15-active-replaced-keeps-use",
        f"""Dear Requester,

FOI 2025/1903 - CCTV cameras at the leisure centre

The leisure centre has 12 Hikvision cameras; these replaced our old Dahua cameras in 2019.

{_HW15_ICO.format(domain="pellow.gov.uk")}
""",
        _labels(
            "disclosed",
            ["Hikvision"],
            [],
            {"Hikvision": 12},
            12,
            notes="'these replaced our old Dahua' (active): Hikvision in use, Dahua past",
        ),
    ),
    (
        "hw15-installer-clause-count",
        f"""Dear Requester,

FOI 2025/2044 - CCTV at the car parks

Our 20 Bosch cameras, installed and maintained by Fenwick Security Ltd, cover the three car parks. The contract with Fenwick runs to 2027.

{_HW15_OGL}
""",
        _labels(
            "disclosed",
            ["Bosch"],
            [],
            {"Bosch": 20},
            20,
            notes="installer clause after the maker; contract year not a count",
        ),
    ),
]

"""The replies of the survey scenario, written for these tests: real PDF, DOCX, XLSX and plain emails,
each answering the request it was sent (``req``: reference, subject, message_id, text)."""

from __future__ import annotations

import functools

from e2e_support import REQUESTER, docx_bytes, foi_address, pdf_bytes, reply_email, xlsx_bytes


def _man_reply(req) -> bytes:
    pdf = pdf_bytes(
        [
            "Manchester City Council - Information Governance",
            f"Freedom of Information Act 2000 request {req['reference']}",
            "",
            "You asked:",
            "1. Which manufacturers made the CCTV cameras the council operates, and how many of each?",
            "2. Is any of your CCTV equipment made by Hikvision or Dahua?",
            "",
            "Our response:",
            "1. Hikvision 40 cameras, Axis 12 cameras.",
            "2. Yes, the Hikvision cameras listed above. No Dahua equipment is used by the council.",
            "",
            "If you are unhappy with this response you may ask for an internal review.",
        ]
    )
    return reply_email(
        sender="information.governance@man.gov.test",
        to=REQUESTER,
        subject=f"RE: {req['subject']}",
        in_reply_to=req["message_id"],
        body="Dear Alex,\n\nPlease find our response to your request attached.\n\nInformation Governance Team\n",
        attachments=[("FOI response.pdf", pdf, "application/pdf")],
    )


def _lds_reply(req) -> bytes:
    docx = docx_bytes(
        [
            f"Freedom of Information request {req['reference']}",
            "Leeds City Council holds information within the scope of your request.",
            (
                "The council considers that this information is exempt under section 24(1) (national security) and "
                "section 31(1)(a) (the prevention or detection of crime) of the Freedom of Information Act 2000, and "
                "it is withheld."
            ),
            (
                "Revealing the makes of our cameras, including whether any Hikvision equipment is in use, would help "
                "those wishing to defeat the system. The public interest favours maintaining both exemptions."
            ),
            "You may ask for an internal review within 40 working days.",
        ]
    )
    return reply_email(
        sender="foi@lds.gov.test",
        to=REQUESTER,
        subject=f"RE: {req['subject']}",
        in_reply_to=req["message_id"],
        body="Dear Requester,\n\nPlease see the attached decision notice.\n\nLeeds City Council\n",
        attachments=[
            (
                "Decision notice.docx",
                docx,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        ],
    )


def _bfs_reply(req) -> bytes:
    xlsx = xlsx_bytes(
        [
            ["Manufacturer", "Device type", "Quantity"],
            ["Bosch", "Camera", 30],
            ["Hanwha", "Camera", 8],
            ["Dahua", "Network video recorder", 2],
        ]
    )
    return reply_email(
        sender="foi@bfs.gov.test",
        to=REQUESTER,
        subject=f"RE: {req['subject']}",
        in_reply_to=req["message_id"],
        body="Dear Alex,\n\nThe information you requested is in the attached spreadsheet.\n\n"
        "Kind regards,\nBelfast City Council\n",
        attachments=[
            (
                "CCTV equipment.xlsx",
                xlsx,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        ],
    )


#: Replies written in the email body: code -> text. Edinburgh's mail system drops the thread headers
#: (matched by the reference in the subject); the others answer in the thread (In-Reply-To).
PLAIN_REPLIES = {
    "EDH": (
        "Freedom of Information (Scotland) Act 2002 - response\n\n"
        "The Council holds the information you asked for. It is exempt from disclosure under section 31(1) "
        "(national security and defence) and section 35(1)(a) and (b) (law enforcement) of the Freedom of "
        "Information (Scotland) Act 2002, and we are therefore withholding it. The public interest in "
        "maintaining these exemptions outweighs that in disclosure.\n\n"
        "If you are dissatisfied you may ask us to review this decision, and then apply to the Scottish "
        "Information Commissioner.\n\nCity of Edinburgh Council\n"
    ),
    "GLG": (
        "In terms of section 17 of the Freedom of Information (Scotland) Act 2002, the Council does not hold "
        "the information you requested. Public space CCTV in the city is operated by a separate organisation, "
        "to which you may wish to direct your request.\n\nGlasgow City Council\n"
    ),
    "CRF": "We do not use Hikvision or Dahua equipment; our cameras are Bosch.\n\nCity of Cardiff Council\n",
    "SWA": (
        "We operate 20 Axis cameras. The harbour cameras might be Hikvision; we are checking with our "
        "maintenance contractor.\n\nSwansea Council\n"
    ),
}


def _plain_reply(code: str, req) -> bytes:
    threaded = code != "EDH"
    return reply_email(
        sender=foi_address(code),
        to=REQUESTER,
        subject=f"RE: {req['subject']}" if threaded else f"Your request [{req['reference']}]",
        in_reply_to=req["message_id"] if threaded else None,
        body=f"Dear Alex,\n\n{PLAIN_REPLIES[code]}",
    )


def stranger() -> bytes:
    return reply_email(
        sender="newsletter@events.example.test",
        to=REQUESTER,
        subject="Security industry expo 2027",
        body="Register now for the biggest security trade show of the year.\n",
    )


REPLIES = {
    "MAN": _man_reply,
    "LDS": _lds_reply,
    "BFS": _bfs_reply,
    **{code: functools.partial(_plain_reply, code) for code in PLAIN_REPLIES},
}

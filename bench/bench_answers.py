"""Answer extraction: eval figures on the real dev replies and on the project's corpus, and time per reply."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from cctv_audit.answers import evaluate, extract_answer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "answers" / "corpus"
DEV = ROOT.parent / "shared" / "eval" / "foi_real_dev"


def _row(name: str, directory: Path) -> str:
    data = evaluate(directory).to_dict()
    use, exm = data["in_use"], data["exemptions"]
    return (
        f"| {name} | {data['cases']} | {data['outcome_accuracy']:.3f} | {use['precision']:.3f} | {use['recall']:.3f} "
        f"| {data['denied']['f1']:.3f} | {exm['f1']:.3f} | {data['counts_exact']:.3f} | {len(data['false_accusations'])} |"
    )


def _wrapped_row(directory: Path, width: int = 40) -> str:
    """The corpus with every line wrapped as a narrow PDF column would wrap it."""
    import json
    import textwrap

    from cctv_audit.answers.evaluate import EvalReport, score_case

    report = EvalReport()
    for path in sorted(directory.glob("*.txt")):
        lines = []
        for line in path.read_text(encoding="utf-8").split("\n"):
            lines.extend([line] if " | " in line or len(line) <= width else textwrap.wrap(line, width))
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        score_case(report, path.stem, labels, extract_answer("\n".join(lines)))
    cases = len(list(directory.glob("*.txt")))
    use, exm = report.in_use, report.exemptions
    return (
        f"| corpus, lines wrapped at {width} chars | {cases} | {report.outcome_correct / cases:.3f} | {use.precision:.3f} "
        f"| {use.recall:.3f} | {report.denied.f1:.3f} | {exm.f1:.3f} | {report.counts_exact:.3f} | {len(report.false_accusations)} |"
    )


def _timing(directories: list[Path]) -> tuple[float, float, int]:
    texts = [p.read_text(encoding="utf-8") for d in directories for p in sorted(d.glob("*.txt"))]
    extract_answer(texts[0])  # load the knowledge base once, as a long-running process would
    times = []
    for text in texts:
        started = time.perf_counter()
        extract_answer(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times), len(texts)


def run() -> str:
    sets = [("corpus (tests/answers/corpus)", CORPUS)]
    if DEV.is_dir():
        sets.insert(0, ("real dev (../shared/eval/foi_real_dev)", DEV))
    rows = [_row(name, directory) for name, directory in sets] + [_wrapped_row(CORPUS)]
    median, worst, n = _timing([d for _, d in sets])
    return (
        "## Answers\n\n"
        "Commands: `cctv-audit eval ../shared/eval/foi_real_dev` and `cctv-audit eval tests/answers/corpus` "
        "(add `--json` for every figure and the per-case mistakes).\n\n"
        "| set | cases | outcome acc. | in-use P | in-use R | denied F1 | exemptions F1 | counts exact | false accusations |\n"
        "|---|---|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
        f"Time per reply over {n} replies (knowledge base loaded once): median {median * 1000:.1f} ms, "
        f"slowest {worst * 1000:.1f} ms.\n\n"
        "Targets: outcome accuracy >= 0.90, in-use precision >= 0.98 with zero false accusations, in-use recall >= 0.90, "
        "counts exact >= 0.85, exemptions F1 >= 0.90.\n\n"
        "The corpus was written alongside the rules, so its figures guard against regressions rather than measure "
        "generalisation. Three hand-written batches (`hw3-*`, `hw4-*`, `hw5-*`) were scored before any rule was changed "
        "for them: 7 of 10 and 1 of 5 fully right, and 8 of 10 outcomes right in the third, with one false accusation in all (a maker 'used' "
        "in an earlier answer and replaced since, in the adversarial `hw4` batch); the rules were then fixed and the "
        "cases kept. A sixth batch of 29 hard replies (`hw6-*`: tables of makes, counts in words, sums across sites, "
        "past vs current use, installers and VMS, rebadges, s24/s31 partial refusals, FOISA s17, EIR, NCND, "
        "clarification, fees notice, inline answers, attachments) was scored before any rule was changed for it: "
        "22 of 29 fully right, outcome accuracy 0.931, in-use precision 0.926 and recall 0.893 with 2 false accusations "
        "(Hikvision and Dahua named in a 'VMS compatible with' clause), exemptions F1 0.952, counts exact 0.762. "
        "Eight variants of two end-to-end regressions (`hw7-*`) scored 4 of 8 before the fix. A seventh batch of 14 "
        "(`hw8-*`), written after those fixes and scored before any change for it, got 11 of 14 fully right with no "
        "false accusation (a 'not withheld' read as a refusal, and two counts missed). The rules were then fixed and all "
        "these cases kept. An eighth batch of 30 (`hw9-*`: 9 cases from the lead's probes of ordinary phrasings and 21 more: "
        "label/value lines and blocks, 'N are manufactured by X and M by Y', 'supplied by', one-line Q/A, installer and "
        "maker in one sentence, recorders beside cameras, not-held wordings, 'N of our M cameras', traps) was scored "
        "before any rule was changed for it: 14 of 30 fully right, outcome accuracy 0.867, in-use precision 0.964 and "
        "recall 0.818 with 1 false accusation (a 'Question:' line without a question mark read as the answer, so the "
        "Hikvision it asked about was 'in use' and the Hanwha of the real answer 'denied' by 'Not applicable'), denied "
        "F1 0.667, counts exact 0.500, total exact 0.567. The rules were then fixed (rules-1.2) and the cases kept. "
        "Conventions settled with that batch: a maker's count is its cameras; recorders (NVR/DVR) count only for a maker "
        "with no camera number and never enter the camera total; approximate figures ('approximately 60', 'over 200') "
        "are not counts. A ninth batch of 28 saved web pages (`hw11-*`, the format of the shared real set: `SOURCE:` "
        "line, menus, cookie banners, breadcrumbs, 'other requests like this' and 'related disclosures' lists naming "
        "Hikvision, Dahua or Uniview, pages cut short, disclosure-log pages listing other entries, WhatDoTheyKnow threads, "
        "police NCND under s24/s31, NHS trusts, ANPR and enforcement suppliers, body-worn video, FOISA s17, EIR 12(5)(a) "
        "and 12(5)(e), Welsh and English, an internal review overturning a refusal, a table flattened to one cell a line) "
        "was scored before any rule was changed for it (`cctv-audit eval` on a folder of just those cases): 17 of 28 fully "
        "right, outcome accuracy 0.750, in-use precision 0.679 and recall 0.905 with 7 false accusations (every one a "
        "link title in a related-requests or related-pages list), exemptions F1 0.960, counts exact 0.750, total exact "
        "0.893. The rules were then fixed (rules-1.3) and the cases kept. A tenth batch of 29 saved web pages (`hw12-*`: a "
        "CCTV partnership answering for three councils, cameras owned by the police, a housing association or a leisure "
        "trust, an academy trust, installed vs in use and decommissioned-but-mounted cameras, a Location | Make | Model | "
        "Qty table with subtotal rows, model numbers only, HiLook/Imou/Annke, 'Hikvision's' and 'Dahua-branded', 'Hik "
        "Vision'/'Dauha'/'HikVision', OCR noise, 'a dozen' and 'forty-two', a percentage, costs and dates, no central "
        "register, FOIA s12 with advice naming Hikvision, s14, s21, s40, s43, FOISA s25/s33/s35, NCND that also denies "
        "Hikvision, repeated questions with Yes/No/N/A, a corrected earlier reply) was scored before any rule was changed "
        "for it (`cctv-audit eval` on a folder of just those cases, rules-1.3): 21 of 29 fully right, outcome accuracy "
        "0.897, in-use precision 0.970 and recall 0.914 with 1 false accusation (a housing association's Hikvision cameras, "
        "'we understand from its newsletter that its estate cameras are Hikvision'), denied F1 0.750, exemptions F1 1.000, "
        "counts exact 0.750, total exact 0.793. The other misses: a correction ('made by Uniview, not Dahua') denying "
        "Uniview, OCR 'n0t'/'carneras' hiding a denial and a count, 'a dozen' read as 13 and 'and forty-two' given to the "
        "maker before it, 'one Imou' ('owns' not read as use), 'twenty-eight are from Hikvision's', a bare '17' under a "
        "question taken for a page number, a breakdown the request never asked for making the outcome partial. The rules "
        "were then fixed (rules-1.4) and the cases kept, with two more written after the fixes from probes of rules-1.3, "
        "which read 'made by Axis rather than Hikvision' and 'the estate cameras are owned by Greenway Housing "
        "Association and are Hikvision' as Hikvision in use (`hw12-rather-than-contrast`: rules-1.3 missed its Axis; "
        "`hw12-third-party-owned-named`: rules-1.3 denied a private owner's Hikvision). An eleventh batch of 24 "
        "(`hw13-*`: WhatDoTheyKnow threads whose requester follow-ups, review requests and annotations name Hikvision, "
        "Dahua or a Hikvision model number, an attachment file name naming Hikvision, e-mails with quoted history, long "
        "signatures, confidentiality footers and a forwarded installer signature listing brands, multi-page PDF text with "
        "running headers repeating the request title, page markers, a table flattened one cell a line across a page break "
        "and one with cells run together, spreadsheet sheets turned into rows with a recorders sheet, an asset list with a "
        "status column, mixed answers refused under s24/s31/s40/s43, 'see attached' only, internal reviews upholding a "
        "refusal, ICO decision notices) was scored before any rule was changed for it (`cctv-audit eval` on a folder of "
        "just those cases, rules-1.4): 13 of 24 fully right, outcome accuracy 0.917, in-use precision 0.815 and recall "
        "0.917 with 4 false accusations in 3 cases (a requester's annotation 'other councils use Dahua and Hikvision "
        "cameras', a requester's follow-up 'the cameras ... are clearly Hikvision', an attachment named 'FOI 25 1183 "
        "Hikvision cameras response.pdf'), denied F1 0.500, exemptions F1 0.947, counts exact 0.714, total exact 0.875; "
        "one of those misses was a label of ours (Panasonic, which the knowledge base names i-PRO; with it corrected: "
        "14 of 24, in-use precision 0.852, recall 0.958, counts exact 0.800). The other misses: denials in a requester's "
        "thread not paired with the body's later answer, 'I can answer your follow-up question: the Council has no "
        "Hikvision cameras' skipped as a description of the request, an ICO notice that rejected s24 read as s24 relied "
        "on, a cell-a-line table without separators (Hikvision 4 missed), a recorders sheet counted as cameras. The rules "
        "were then fixed (rules-1.5) and the cases kept, with four more written after the fixes as probes of them "
        "(the body's own Hikvision answer above an annotation, running headers between numbered answers). A twelfth batch "
        "of 25 (`hw14-*`: equipment and wording traps: a Hikvision door-entry intercom, display monitors, hard drives, "
        "access-control readers and cable beside cameras of another make, thermal 'fever screening' kiosks bought in 2020 and "
        "removed since, a drone, body-worn video, Hikvision dashcams, ANPR; 'x2', 'qty 3', '4no.', '6 nr', '(two)'; contract "
        "numbers, prices, years, postcodes and phone numbers beside makers; 'not currently', 'none of which', 'with the "
        "exception of 4 Dahua cameras', 'no longer', 'has never purchased', 'there are no plans to'; a Yes/No column per "
        "maker; 'the remainder/the rest are Hikvision' with a total; Scottish, Welsh bilingual and Northern Irish bodies; "
        "'we intend to replace our Dahua cameras') was scored before any rule was changed for it (`cctv-audit eval` on a "
        "folder of just those cases, rules-1.5): 11 of 25 fully right, outcome accuracy 0.960, in-use precision 0.943 and "
        "recall 0.943 with 2 false accusations (a Hikvision door-entry intercom, and Hikvision access-control card readers "
        "and cable, read as Hikvision cameras in use), denied F1 0.897, an exemption invented ('the Council's 12 refuse "
        "collection vehicles' read as s12, and 'refuse' as a refusal), counts exact 0.758, total exact 0.680. The other "
        "misses: 'the remainder / the rest are Hikvision' and 'with the exception of 4 Dahua cameras ..., all of them are "
        "Axis' not counted (nor the total before 'the remainder'), 'qty 3' and '4no.' missed, '(2) are Hikvision' missed, "
        "'x 3 @ £189.00' read as an e-mail signature, 'there are no other cameras' read as no cameras (total 0), 'no plans to "
        "purchase Hikvision' read as a denial, 'Hikvision cameras are no longer used' read as a denial where our label said "
        "past use (a label of ours: the corpus labels 'no longer uses any Hikvision cameras' a denial; corrected, 12 of 25), "
        "'None of our cameras are Hikvision: our 12 cameras are Pelco' denying Pelco. The rules were then fixed (rules-1.6) "
        "and the cases kept, with three more written after the fixes as probes of them (an intercom with a built-in "
        "camera, 'Hikvision cameras and monitors', 'Samsung screens'). A thirteenth batch of 20 full-length letters "
        "(`hw15-*`: heavy boilerplate: appeal rights citing section 17, section 50, section 21 and section 40(2), ICO "
        "(Wilmslow, Belfast, Cardiff) and Scottish Information Commissioner addresses and phone numbers, OGL re-use and "
        "copyright paragraphs, section 16 advice, data-protection footers, cost-limit explanations (£450 / 18 hours, "
        "£600 / 24 hours) when the body answered; a refusal notice for one question only (s24/s31, s21, s40, s12) "
        "beside answered ones; 'does not hold a list of makes for cameras owned by third parties'; disclosure-log pages "
        "mixing CCTV with parking and Wi-Fi entries naming Huawei; a Welsh boilerplate block before the English answer; "
        "a Northern Irish body under FOIA; second-round replies referring to the previous year's answer) was scored "
        "before any rule was changed for it (`cctv-audit eval` on a folder of just those cases, rules-1.6): 11 of 20 "
        "fully right, outcome accuracy 0.750, in-use precision 0.917 and recall 0.917 with 2 false accusations ('we had "
        "14 Hikvision cameras; these have now been replaced by Hanwha' read as Hikvision in use, and 'Huawei access "
        "points mounted on the CCTV columns' read as Huawei cameras), denied F1 1.000, exemptions F1 0.480 (precision "
        "0.316: s21 and s40 named in the standard re-use paragraph, and s12 from a cost limit explained but not applied, "
        "read as relied on), counts exact 0.800, total exact 0.900. The other misses: Avigilon skipped in 'All of them "
        "are Avigilon cameras, installed and maintained by Fenwick Security Ltd', a third parties' not-held note making "
        "an answered reply partial, and 'N of these remain in use' after 'we said we had 14 Hikvision cameras' (Hikvision "
        "and both counts missed). The rules were then fixed (rules-1.7) and 19 of the cases kept; the last "
        "(`hw15-second-round-some-remain`) still fails (no false accusation: Hikvision missed) and is kept out of the "
        "corpus. Two more were written after the fixes as probes ('these replaced our old Dahua cameras', active, keeps "
        "the Hikvision before it in use; an installer clause after a count). The "
        "wrapped-lines row re-lays every reply as a narrow PDF column would.\n\n"
        "**The honest estimate on unseen replies** is the newest blind batches, scored once before any rule "
        "changed for them (a measurement this benchmark cannot redo; every batch is in docs/blind-batches.md). "
        "Newest: b39 and b40, 40 replies each written blind by helpers who had not read `answers/`, on "
        "rules-1.21 (32732d0), `cctv-audit eval DIR --json`. b39 (the whole mix, four nations): outcome 0.950, "
        "in-use precision 1.000 / recall 0.946, no false accusation, denied F1 0.889, exemptions F1 0.931, "
        "counts exact 0.830 (53 compared), 28 accepted with outcome right on 0.929 (30% to review). b40 "
        "(state-linked makers named in every way that is not the body's use): outcome 0.900, in-use 0.921 / "
        "0.951, **5 false accusations in 4 replies, all accepted without review**, denied F1 0.812, exemptions "
        "F1 0.929, counts exact 0.911 (56), 30 accepted with outcome right on 0.900 (25% to review). Before "
        "them, on rules-1.19: b37 (an ordinary month of replies) outcome 0.925 with no false accusation, b38 "
        "(police and national bodies) outcome 0.800 with 9. On ordinary mixes the outcome and precision "
        "targets now hold before any fix; on replies built to name makers that are not the body's, someone "
        "else's words still become a claim (a tender shortlist, a trust's systems, Wi-Fi kit, a requester's "
        "photographs). Each one found is fixed and no batch has one after its fixes, but the zero-false-"
        "accusation target is not met on unseen replies.\n"
    )

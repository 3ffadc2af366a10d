"""Single traps, one rule each: what must (and must never) be extracted."""

from __future__ import annotations

from cctv_audit.answers import extract_answer

REQUEST = "You asked:\n1. Do you use Hikvision or Dahua cameras?\n2. How many cameras do you have?\n\nOur response:\n"


def test_makers_named_only_in_the_request_are_nothing():
    answer = extract_answer(REQUEST + "1. The Council uses Axis cameras.\n2. 40 cameras.\n")
    assert answer.manufacturers_in_use == ["Axis"]
    assert "Hikvision" not in answer.manufacturers_in_use + answer.manufacturers_denied
    assert answer.counts == {"Axis": 40}


def test_yes_takes_its_maker_from_the_numbered_question():
    text = "Request\n1. Does the council use cameras made by Dahua?\n2. If yes, how many cameras?\nResponse\n1. Yes\n2. 14\n"
    answer = extract_answer(text)
    assert answer.manufacturers_in_use == ["Dahua"]
    assert answer.counts == {"Dahua": 14}
    assert any(e.field == "in_use" and e.quote == "1. Yes" for e in answer.evidence)


def test_no_denies_every_maker_of_the_question():
    answer = extract_answer(REQUEST + "1. No.\n2. Not applicable.\n")
    assert answer.manufacturers_in_use == []
    assert answer.manufacturers_denied == ["Dahua", "Hikvision"]
    assert answer.outcome == "disclosed"


def test_yes_to_a_question_naming_two_makers_is_not_a_claim():
    answer = extract_answer(REQUEST + "1. Yes.\n")
    assert answer.manufacturers_in_use == []
    assert answer.needs_review


def test_past_use_is_not_use_and_the_replacement_is():
    answer = extract_answer(
        "We previously used Hikvision cameras but these were replaced in 2021 with Hanwha equipment.\n"
    )
    assert answer.manufacturers_in_use == ["Hanwha"]


def test_planned_replacement_leaves_the_current_maker_in_use():
    answer = extract_answer(
        "The Council has 12 Dahua cameras. These are due to be replaced with Axis cameras in 2026.\n"
    )
    assert answer.manufacturers_in_use == ["Dahua"]
    assert answer.counts == {"Dahua": 12}


def test_installer_and_vms_are_not_camera_makers():
    text = "Our CCTV was installed by Siemens and is recorded on Milestone XProtect. The cameras are Bosch units.\n"
    assert extract_answer(text).manufacturers_in_use == ["Bosch"]


def test_counts_add_up_and_ignore_costs_years_references_and_phones():
    text = (
        "Our reference: FOI/2025/00412.\nWe have 47 static and 9 PTZ cameras, all supplied by Axis.\n"
        "They were installed in 2019 at a cost of £84,500. Call 01632 960 123 with any queries.\n"
    )
    answer = extract_answer(text)
    assert answer.counts == {"Axis": 56}
    assert answer.total_cameras == 56


def test_numbers_in_words_count():
    assert extract_answer(
        "The Council has sixty CCTV cameras, all manufactured by Bosch.\n"
    ).counts == {"Bosch": 60}


def test_a_model_number_resolves_to_its_maker():
    answer = extract_answer(
        "Please list your camera models.\n\nResponse\nDS-2CD2143G2-I x 10\nDS-2DE4425IW-DE x 2\n"
    )
    assert answer.manufacturers_in_use == ["Hikvision"]
    assert answer.counts == {"Hikvision": 12}


def test_topic_mentions_are_not_use():
    text = "Following the government's announcement about Hikvision, we reviewed our estate. All 30 cameras are Axis models.\n"
    answer = extract_answer(text)
    assert answer.manufacturers_in_use == ["Axis"]


def test_s31_means_law_enforcement_in_england_and_national_security_in_scotland():
    english = extract_answer(
        "The information is withheld under section 31(1)(a) of the Freedom of Information Act 2000.\n"
    )
    scottish = extract_answer(
        "The information is withheld under section 31(1) of the Freedom of Information (Scotland) Act 2002.\n"
    )
    assert english.exemptions == ["FOIA s31"] and english.outcome == "refused"
    assert scottish.exemptions == ["FOISA s31"]


def test_section_17_and_the_rights_paragraph_are_not_relied_on():
    text = (
        "The information is exempt under section 24(1) of the Act.\n"
        "This letter constitutes a refusal notice under section 17 of the Freedom of Information Act 2000.\n"
        "If you are dissatisfied you may complain to the Information Commissioner under section 50 of the Act.\n"
    )
    assert extract_answer(text).exemptions == ["FOIA s24"]


def test_eir_exceptions_keep_their_regulation():
    text = "Your request is refused under regulation 12(4)(b) of the Environmental Information Regulations 2004.\n"
    answer = extract_answer(text)
    assert answer.exemptions == ["EIR reg 12(4)(b)"]
    assert answer.outcome == "refused"


def test_ncnd_not_held_acknowledgement_and_partial():
    assert extract_answer(
        "We can neither confirm nor deny whether we hold this information, by virtue of section 24(2).\n"
    ).outcome == ("neither_confirm_nor_deny")
    assert extract_answer("The Council does not hold this information.\n").outcome == "not_held"
    assert (
        extract_answer(
            "We acknowledge receipt of your request and will respond within 20 working days.\n"
        ).outcome
        == "other"
    )
    partial = extract_answer(
        "1. We can confirm the Council uses 26 Bosch cameras.\n"
        "2. The camera locations are exempt under section 31(1)(a) as disclosure would prejudice the prevention of crime.\n"
    )
    assert partial.outcome == "partially_disclosed" and partial.exemptions == ["FOIA s31"]


def test_welsh_negation_denies():
    answer = extract_answer("Nid yw'r Cyngor yn defnyddio camerâu Hikvision.\n")
    assert answer.manufacturers_in_use == []
    assert answer.manufacturers_denied == ["Hikvision"]


def test_saved_web_page_source_line_and_cookie_banner_are_ignored():
    text = "SOURCE: https://example.gov.uk/foi/hikvision-dahua\nWe use cookies. Accept all cookies\nResponse\nWe use 5 Axis cameras.\n"
    answer = extract_answer(text)
    assert answer.manufacturers_in_use == ["Axis"]


def test_every_evidence_quote_is_an_exact_slice():
    text = REQUEST + "1. No, all 12 of our cameras are Axis.\n2. 12\n"
    answer = extract_answer(text)
    assert answer.evidence
    for span in answer.evidence:
        assert text[span.start : span.end] == span.quote
        assert span.reason


def test_a_separately_supplied_question_pairs_with_bare_answers():
    answer = extract_answer(
        "1. Yes\n2. 8\n", question="1. Do you use Uniview cameras?\n2. How many cameras?\n"
    )
    assert answer.manufacturers_in_use == ["Uniview"]
    assert all(e.start >= 0 for e in answer.evidence)


def test_extraction_is_deterministic():
    text = REQUEST + "1. Hikvision (12) and Axis (4).\n"
    assert extract_answer(text).model_dump() == extract_answer(text).model_dump()


def test_a_negation_wrapped_onto_the_next_line_still_denies():
    answer = extract_answer(
        "The Council can confirm that it does not use\nHikvision or Dahua cameras.\n"
    )
    assert answer.manufacturers_in_use == []
    assert answer.manufacturers_denied == ["Dahua", "Hikvision"]


def test_bullets_under_a_request_line_belong_to_the_request():
    text = "Please tell me how many cameras you have from each of:\n- Hikvision\n- Dahua\n\nWe have 40 cameras, all made by Axis.\n"
    answer = extract_answer(text)
    assert answer.manufacturers_in_use == ["Axis"] and answer.counts == {"Axis": 40}


def test_a_state_linked_maker_needs_camera_context():
    text = "1. Who makes your CCTV cameras?\nAvigilon.\n2. Who makes your staff phones?\nHuawei.\n"
    answer = extract_answer(text)
    assert answer.manufacturers_in_use == ["Avigilon"]
    assert answer.needs_review


def test_one_item_a_line_is_not_joined():
    answer = extract_answer("Hikvision – No\nDahua – Yes (12 cameras)\n")
    assert answer.manufacturers_in_use == ["Dahua"] and answer.manufacturers_denied == ["Hikvision"]
    assert answer.counts == {"Dahua": 12}


def test_a_zero_count_is_a_denial_and_headings_are_not_claims():
    answer = extract_answer("Hikvision: 0\nAxis: 45\n")
    assert answer.manufacturers_in_use == ["Axis"] and answer.manufacturers_denied == ["Hikvision"]
    heading = extract_answer(
        "CCTV manufacturers - Hikvision and Dahua\n\nThe information is withheld under section 24(1).\n"
    )
    assert heading.manufacturers_in_use == [] and heading.outcome == "refused"


def test_previous_columns_and_status_cells_end_use():
    previous = extract_answer(
        "Site | Previous make | Current make\nDepot | Hikvision | Axis\nLibrary | Dahua | Bosch\n"
    )
    assert previous.manufacturers_in_use == ["Axis", "Bosch"]
    status = extract_answer(
        "Make | Cameras | Status\nHikvision | 12 | Decommissioned\nAxis | 30 | Operational\n"
    )
    assert status.manufacturers_in_use == ["Axis"] and status.counts == {"Axis": 30}


def test_a_later_sentence_can_end_the_use():
    text = "In 2021 the Council used Uniview cameras. Since then all of those cameras have been replaced with Axis cameras.\n"
    assert extract_answer(text).manufacturers_in_use == ["Axis"]
    still = extract_answer("We use 12 Hikvision cameras. These are being replaced next year.\n")
    assert still.manufacturers_in_use == ["Hikvision"] and still.counts == {"Hikvision": 12}


def test_a_replacement_and_a_denial_in_one_sentence_deny_the_maker():
    text = "Our Hikvision cameras were replaced in 2027 and we no longer use any Hikvision equipment. We now run 52 Axis cameras.\n"
    answer = extract_answer(text)
    assert (answer.manufacturers_in_use, answer.manufacturers_denied) == (["Axis"], ["Hikvision"])
    after_so = extract_answer(
        "All Dahua cameras were replaced with Axis in 2025, so the authority does not use Dahua at any site.\n"
    )
    assert (after_so.manufacturers_in_use, after_so.manufacturers_denied) == (["Axis"], ["Dahua"])
    only_past = extract_answer("Our Hikvision cameras were replaced in 2027.\n")
    assert only_past.manufacturers_in_use == [] and only_past.manufacturers_denied == []


def test_the_requesters_own_cost_paragraph_is_not_a_refusal():
    letter = (
        "1. Which makes of CCTV camera do you use, and how many of each?\n"
        "If answering any part would exceed the cost limit under section 12 of the Act, please tell me which part "
        "and answer the rest.\n"
    )
    reply = letter.replace(
        "how many of each?\n", "how many of each?\nANSWER: Hanwha 33, Vivotek 8.\n"
    )
    for question in (None, letter):
        answer = extract_answer(reply, question=question)
        assert (answer.outcome, answer.exemptions) == ("disclosed", [])
        assert answer.counts == {"Hanwha": 33, "Vivotek": 8}
    real = extract_answer(
        "We estimate that this would exceed the cost limit under section 12, and we are therefore refusing it.\n"
    )
    assert (real.outcome, real.exemptions) == ("refused", ["FOIA s12"])


def test_past_use_does_not_hide_what_is_still_in_use():
    text = "Ten of the fourteen Hikvision cameras were replaced in 2023 with Axis cameras. The remaining four Hikvision cameras are still in use.\n"
    answer = extract_answer(text)
    assert answer.manufacturers_in_use == ["Axis", "Hikvision"] and answer.counts == {
        "Hikvision": 4
    }
    compatible = extract_answer(
        "Our VMS is compatible with Hikvision and Dahua cameras, but all of our 15 cameras are Axis.\n"
    )
    assert compatible.manufacturers_in_use == ["Axis"]


def test_the_maker_after_a_contrast_is_denied_not_used():
    for text in (
        "Our CCTV cameras are made by Axis rather than Hikvision.\n",
        "We use Axis cameras instead of Hikvision.\n",
        "The 20 CCTV cameras at the depot are made by Axis, not Hikvision.\n",
    ):
        answer = extract_answer(text)
        assert (answer.manufacturers_in_use, answer.manufacturers_denied) == (
            ["Axis"],
            ["Hikvision"],
        )


def test_a_later_correction_overrules_the_earlier_reply():
    text = (
        "Dear Mr Ellis\nThe 20 cameras at the council depot are Dahua.\n\nDear Mr Ellis\nI must correct our earlier reply. "
        "The 20 cameras at the depot are made by Uniview, not Dahua, as we stated in error. The Council does not use any Dahua cameras.\n"
    )
    answer = extract_answer(text)
    assert (answer.manufacturers_in_use, answer.manufacturers_denied, answer.counts) == (
        ["Uniview"],
        ["Dahua"],
        {"Uniview": 20},
    )
    # Without a correction the contradiction stays unresolved and goes to review.
    plain = extract_answer(
        "The 20 cameras at the depot are Dahua.\nThe Council does not use any Dahua cameras.\n"
    )
    assert plain.manufacturers_in_use == [] and plain.needs_review


def test_ocr_noise_keeps_negations_and_quotes():
    text = "The Counci1 currently uses 22 Axis carneras at the Civic Centre. We do n0t use Hikvision or Dahua carneras.\n"
    answer = extract_answer(text)
    assert (answer.manufacturers_in_use, answer.manufacturers_denied, answer.counts) == (
        ["Axis"],
        ["Dahua", "Hikvision"],
        {"Axis": 22},
    )
    assert all(
        e.quote == text[e.start : e.end] and "carneras" in e.quote
        for e in answer.evidence
        if e.field == "in_use"
    )


def test_a_dozen_and_counts_in_each_part_of_a_sentence():
    text = (
        "The council has a dozen cameras at the depot, all made by Vivotek, and forty-two cameras in the town centre "
        "made by Bosch.\n"
    )
    answer = extract_answer(text)
    assert answer.counts == {"Vivotek": 12, "Bosch": 42} and answer.total_cameras == 54


def test_hearsay_about_a_third_partys_cameras_is_not_use():
    text = (
        "The Council does not hold this information. The estate CCTV is owned by Greenway Housing Association. We understand "
        "that its estate cameras are Hikvision, but you would need to contact the association to confirm this.\n"
    )
    answer = extract_answer(text)
    # Another body's cameras, recognised as such, are decided: the answer needs no review for them (rules-1.8).
    assert (
        answer.manufacturers_in_use == []
        and answer.outcome == "not_held"
        and not answer.needs_review
    )


def test_cameras_in_use_of_those_installed_are_the_total():
    text = "There are 40 cameras installed at our car parks, of which 31 are in use. The 31 working cameras are all Axis.\n"
    answer = extract_answer(text)
    assert answer.total_cameras == 31 and answer.counts == {"Axis": 31}


def test_cameras_owned_by_another_organisation_are_not_the_bodys():
    for text in (
        "The cameras on the estates are owned by Greenway Housing Association and are Hikvision.\n",
        "The town centre CCTV is operated by Midshire Police, whose cameras are Dahua.\n",
        "The shopping centre cameras belong to the centre owners and are Hikvision.\n",
    ):
        answer = extract_answer(text)
        # recognised as another body's: decided, so the maker is no reason for review (rules-1.8)
        assert answer.manufacturers_in_use == [] and not any(
            m in r for r in answer.review_reasons for m in ("Hikvision", "Dahua")
        )
    own = extract_answer("The 30 cameras are owned by the Council and are Hikvision.\n")
    assert own.manufacturers_in_use == ["Hikvision"]


def test_kit_that_is_not_a_camera_is_not_camera_use():
    for text in (
        "Our 24 cameras are Axis. The only Hikvision product we hold is the video door-entry intercom at reception.\n",
        "Our 24 cameras are Axis. Our Hikvision video intercom has a built-in camera.\n",
        "Our 24 cameras are Axis. The control room uses Hikvision monitors and Hikvision hard drives.\n",
    ):
        answer = extract_answer(text)
        assert (
            answer.manufacturers_in_use == ["Axis"]
            and answer.manufacturers_denied == []
            and not answer.needs_review
        )
        assert answer.total_cameras == 24
    both = extract_answer("We use Hikvision cameras and monitors across our sites (14 cameras).\n")
    assert both.manufacturers_in_use == ["Hikvision"] and both.counts == {"Hikvision": 14}
    nvr = extract_answer(
        "The Council's 10 CCTV cameras are Axis. They record to a Hikvision NVR.\n"
    )
    assert nvr.manufacturers_in_use == ["Axis", "Hikvision"] and nvr.counts == {"Axis": 10}


def test_the_rest_of_a_total_is_counted():
    answer = extract_answer(
        "The council operates 40 CCTV cameras: 12 Axis and the remainder Hikvision.\n"
    )
    assert answer.counts == {"Axis": 12, "Hikvision": 28} and answer.total_cameras == 40
    assert any(e.field == "count" and "the rest of the total" in e.reason for e in answer.evidence)
    exception = extract_answer(
        "We operate 31 cameras. With the exception of 4 Dahua cameras at the depot, all of them are Axis.\n"
    )
    assert exception.counts == {"Axis": 27, "Dahua": 4} and exception.total_cameras == 31


def test_quantity_notations_and_numbers_that_never_count():
    answer = extract_answer(
        "- Car park: Axis dome cameras x2\n- Depot: Hanwha bullet cameras qty 3\n- Town hall: Bosch PTZ cameras 4no.\n"
    )
    assert answer.counts == {"Axis": 2, "Bosch": 4, "Hanwha": 3}
    price = extract_answer(
        "Hikvision DS-2CD2143G2-I dome camera x 3 @ £189.00 each (order PO 40021, March 2019)\n"
    )
    assert price.counts == {"Hikvision": 3}
    vehicles = extract_answer(
        "Each of the Council's 12 refuse collection vehicles has a dash cam made by Hikvision, 12 in total.\n"
    )
    assert (
        vehicles.exemptions == []
        and vehicles.outcome == "disclosed"
        and vehicles.counts == {"Hikvision": 12}
    )
    other = extract_answer("The library has 2 Avigilon cameras. There are no other cameras.\n")
    assert other.total_cameras == 2


def test_no_plans_is_not_a_denial_and_a_colon_opens_a_statement():
    plans = extract_answer(
        "The Council's 9 CCTV cameras are Avigilon. There are no plans to purchase Hikvision cameras.\n"
    )
    assert plans.manufacturers_in_use == ["Avigilon"] and plans.manufacturers_denied == []
    keep = extract_answer("There are no plans to remove our 14 Hikvision cameras from the depot.\n")
    assert keep.manufacturers_in_use == ["Hikvision"] and keep.counts == {"Hikvision": 14}
    colon = extract_answer(
        "None of our CCTV cameras are made by Hikvision: our 12 cameras are Pelco.\n"
    )
    assert (colon.manufacturers_in_use, colon.manufacturers_denied, colon.counts) == (
        ["Pelco"],
        ["Hikvision"],
        {"Pelco": 12},
    )


def test_general_law_and_reuse_paragraphs_are_not_relied_on():
    cost = extract_answer(
        "Under section 12 a public authority is not obliged to comply with a request where the cost would exceed the "
        "appropriate limit, which for local authorities is £450. Your request could be answered within that limit.\n"
        "The Council has 18 Bosch cameras.\n"
    )
    assert (cost.outcome, cost.exemptions) == ("disclosed", [])
    reuse = extract_answer(
        "The Council has 30 Hanwha cameras.\n\nRe-use of information: you may re-use this under the Open Government "
        "Licence. Any information already published is exempt under section 21 where we direct you to it.\n"
    )
    assert (reuse.outcome, reuse.exemptions) == ("disclosed", [])
    refused = extract_answer(
        "The cost limit for local authorities is £450. We estimate 40 hours, so we are refusing your request under section 12.\n"
    )
    assert (refused.outcome, refused.exemptions) == ("refused", ["FOIA s12"])


def test_later_passive_clause_ends_use_and_network_kit_is_not_a_camera():
    replaced = extract_answer(
        "As stated in our response of 2025, we had 14 Hikvision cameras; these have now been replaced by Hanwha.\n"
    )
    assert replaced.manufacturers_in_use == ["Hanwha"] and "Hikvision" not in replaced.counts
    active = extract_answer(
        "The Council has 12 Hikvision cameras; these replaced our old Dahua cameras in 2019.\n"
    )
    assert active.manufacturers_in_use == ["Hikvision"]
    wifi = extract_answer(
        "1. The Council has 12 CCTV cameras. They are Axis cameras.\n2. The Wi-Fi uses Huawei access points mounted on the CCTV columns.\n"
    )
    assert wifi.manufacturers_in_use == ["Axis"]
    others = extract_answer(
        "The Council has 20 Axis cameras. The Council does not hold a list of makes for cameras owned by third parties.\n"
    )
    assert others.outcome == "disclosed"


def test_a_later_mention_of_a_makers_figure_is_no_second_total():
    """rules-1.9: 'replace the 30 domes' repeats Dahua's 30; the total stays 90 and the rest is Bosch's 60."""
    answer = extract_answer(
        "1. The town centre network has 90 cameras.\n"
        "2. 30 of these are Dahua domes, fitted in 2017, which are still in service. The remainder are made by Bosch.\n"
        "3. We intend to replace the 30 domes next year.\n"
    )
    assert answer.manufacturers_in_use == ["Bosch", "Dahua"]
    assert answer.counts == {"Bosch": 60, "Dahua": 30} and answer.total_cameras == 90


def test_has_never_used_is_a_denial_and_never_been_used_is_kit_in_storage():
    denial = extract_answer(
        "The trust does not use, and has never used, cameras manufactured by Hikvision or Uniview.\n"
    )
    assert denial.manufacturers_denied == ["Hikvision", "Uniview"]
    stored = extract_answer("Eight Dahua cameras were bought in 2021 but have never been used.\n")
    assert stored.manufacturers_in_use == [] and stored.manufacturers_denied == []


def test_an_acknowledgement_that_restates_the_request_in_welsh_accuses_nobody():
    answer = extract_answer(
        "Annwyl / Dear Mr Hughes,\n\n"
        "Diolch am eich cais a dderbyniwyd gan y Cyngor ar 2 Mai 2025 ynghylch camerâu CCTV a wnaed gan Dahua.\n"
        "Thank you for your request received by the Council on 2 May 2025 about CCTV cameras made by Dahua.\n\n"
        "We will respond within 20 working days.\n"
        "If a fee applies, or if we cannot answer because the information is exempt (for example under "
        "section 31), we will let you know.\n\n"
        "Rydym yn croesawu gohebiaeth yn Gymraeg. / We welcome correspondence in Welsh.\n"
    )
    assert answer.manufacturers_in_use == [] and answer.exemptions == []
    assert answer.outcome == "other"


# rules-1.10: arithmetic across sentences, answers in two languages, scoped denials (written for this change,
# each fails on rules-1.9).


def test_a_figure_given_once_in_each_language_is_counted_once():
    answer = extract_answer(
        "Ymateb / Response\n\n"
        "Mobotix - 12 camera / 12 cameras\n"
        "Vivotek - 5 camera / 5 cameras\n"
        "Cyfanswm / Total: 17\n"
    )
    assert answer.counts == {"Mobotix": 12, "Vivotek": 5} and answer.total_cameras == 17


def test_no_under_a_welsh_answer_answers_the_welsh_and_english_question():
    answer = extract_answer(
        "Eich cais / Your request\n\n"
        "1. A yw'r Cyngor yn defnyddio camerâu a wnaed gan Uniview?\n"
        "   Does the Council use cameras made by Uniview?\n"
        "2. Pa wneuthurwyr y mae'r Cyngor yn eu defnyddio?\n"
        "   Which manufacturers does the Council use?\n\n"
        "Ymateb / Response\n\n"
        "1. Na.\n"
        "   No.\n\n"
        "2. Sony.\n"
        "   Sony.\n"
    )
    assert answer.manufacturers_denied == ["Uniview"]
    assert answer.manufacturers_in_use == ["Sony"]


def test_numbered_answers_pair_with_a_request_reproduced_below_them():
    answer = extract_answer(
        "Dear Mr Rae,\n\nOur answers are below.\n\n"
        "1. Yes. There are 14 Avigilon cameras at the harbour office.\n"
        "2. No.\n\n"
        "Kind regards,\nInformation Team\n\n"
        "----------------------------------------\n"
        "1. Does the board use Avigilon cameras?\n"
        "2. Does the board use any Dahua cameras?\n"
    )
    assert answer.manufacturers_in_use == ["Avigilon"]
    assert answer.manufacturers_denied == ["Dahua"]
    assert answer.counts == {"Avigilon": 14}


def test_a_denial_for_one_named_place_is_no_denial_for_the_body():
    scoped = extract_answer("There are no Dahua cameras at Riverside Leisure Centre.\n")
    assert scoped.manufacturers_denied == []
    network = extract_answer("No Uniview cameras form part of the town centre CCTV network.\n")
    assert network.manufacturers_denied == []
    everywhere = extract_answer(
        "There are no Dahua cameras at Riverside Leisure Centre or at any other council site.\n"
    )
    assert everywhere.manufacturers_denied == ["Dahua"]


def test_a_further_figure_of_the_same_make_adds_to_the_maker_just_counted():
    answer = extract_answer(
        "The bus depot has 20 Axis cameras. The civic centre has a further 15 of the same make.\n"
    )
    assert answer.counts == {"Axis": 35}


def test_the_balance_of_the_figure_in_the_sentence_before_is_the_remaining_maker():
    answer = extract_answer(
        "The libraries have 50 cameras. Of these, 30 are Bosch and the balance are Vivotek.\n"
        "The leisure centres use Hanwha cameras.\n"
    )
    assert answer.counts == {"Bosch": 30, "Vivotek": 20}


def test_all_of_them_apart_from_an_exception_is_the_rest_and_a_subset_adds_nothing():
    answer = extract_answer(
        "The council has thirty CCTV cameras. All of them are made by Axis apart from four Mobotix "
        "cameras at the museum.\n"
        "Six of the Axis cameras are at the town hall.\n"
    )
    assert answer.counts == {"Axis": 26, "Mobotix": 4}


def test_more_figures_for_other_places_in_the_sentence_add_to_the_maker():
    answer = extract_answer(
        "There are 40 Bosch cameras at Kings Mill Hospital and 12 at Newark Hospital.\n"
    )
    assert answer.counts == {"Bosch": 52}


def test_cameras_the_body_expects_to_replace_are_still_in_use():
    answer = extract_answer(
        "The estates team expects to replace the remaining Hikvision cameras when the car park is refurbished.\n"
    )
    assert answer.manufacturers_in_use == ["Hikvision"]


def test_makers_listed_after_a_colon_are_the_cameras_makers_whoever_monitors_them():
    answer = extract_answer(
        "The town centre network, monitored by Safer Towns Ltd on our behalf, has 50 cameras: "
        "Hanwha 30 and Bosch 20.\n"
    )
    assert answer.manufacturers_in_use == ["Bosch", "Hanwha"]
    assert answer.counts == {"Bosch": 20, "Hanwha": 30}


# From blind batch b22/b23 (scored before these changes: docs/benchmarks.md). Each fails on b494fa4.


def test_hearsay_about_another_partys_cameras_accuses_nobody_and_is_reviewed():
    answer = extract_answer(
        "The council does not hold this information. The depot is run by a contractor, and its manager has "
        "told us informally that the cameras there are Uniview and that it intends to replace them.\n"
    )
    assert answer.manufacturers_in_use == [] and answer.outcome == "not_held"
    assert answer.needs_review
    logo = extract_answer(
        "We do not hold this information. From site visits some of the cameras appear to carry a Tiandy logo.\n"
    )
    assert logo.manufacturers_in_use == [] and logo.needs_review


def test_refusing_to_say_whether_information_is_held_is_ncnd_not_not_held():
    answer = extract_answer(
        "The force can neither confirm nor deny that it holds the information, by virtue of:\n"
        "Section 24(2) - National Security\n\n"
        "The safety of the public is paramount, and the force will not divulge whether information is or "
        "is not held.\n"
    )
    assert answer.outcome == "neither_confirm_nor_deny"
    assert not any("not_held" in reason for reason in answer.review_reasons)


def test_exemptions_that_would_apply_if_held_are_ncnd_grounds_each_under_its_heading():
    answer = extract_answer(
        "Under section 18 of FOISA I can neither confirm nor deny that the information is held.\n"
        "Where information is held, the exemptions that would apply are set out below:\n"
        "Section 31(1) - National Security\n"
        "Any information held would be exempt to safeguard national security.\n"
        "Our stations host partner agencies.\n"
        "Revealing equipment would help those who target them.\n"
        "Section 35(1)(a) - Law Enforcement\n"
        "Any information held would be exempt because disclosure would prejudice the detection of crime.\n"
    )
    assert answer.outcome == "neither_confirm_nor_deny"
    assert answer.exemptions == ["FOISA s18", "FOISA s31", "FOISA s35"]


def test_a_lone_footer_of_cells_is_page_furniture_not_information_given():
    answer = extract_answer(
        "Under section 12(1) of FOISA the college is not obliged to comply with your request, as the cost "
        "would exceed £600.\n\n"
        "Hillfoot College, Stirling FK9 4XX | Scottish Charity No SC000000 | FOI-2024-101\n"
    )
    assert answer.outcome == "refused"


def test_an_estimate_given_beside_a_register_not_kept_is_disclosed():
    answer = extract_answer(
        "1. The board does not keep a central register of cameras, but the security team estimates that "
        "there are in the region of 600 cameras.\n"
        "2. Most of the cameras are Axis.\n"
    )
    assert answer.outcome == "disclosed"


def test_the_title_of_section_23_names_no_supplier():
    answer = extract_answer(
        "Please list the suppliers of your CCTV cameras.\n\n"
        "The force can neither confirm nor deny that it holds the information by virtue of:\n"
        "Section 23(5) - Information supplied by, or concerning, certain security bodies\n"
    )
    assert answer.outcome == "neither_confirm_nor_deny"


def test_exemptions_considered_and_not_relied_on_are_not_listed():
    answer = extract_answer(
        "The information is withheld under section 24(1) (national security).\n"
        "Section 43(3) (commercial interests) was also considered but is not being relied upon.\n"
        "As all of it is withheld under section 24, it has not been necessary to rely on section 40.\n"
        "You also said that section 38 could not justify withholding the information.\n"
    )
    assert answer.exemptions == ["FOIA s24"]


def test_a_cost_refusal_with_its_time_estimate_table_is_refused():
    answer = extract_answer(
        "The force does not hold a central register of CCTV equipment.\n"
        "Our estimate is set out below.\n"
        "Activity | Premises | Hours\n"
        "Read works orders | 60 | 15\n"
        "Inspect equipment | 30 | 22.5\n"
        "As the estimate exceeds the 18 hour limit, the force is refusing the request under section 12.\n"
        "Had section 12 not applied, we would have needed to consider whether sections 24 or 31 "
        "applied to some of the information.\n"
        "As the request is refused under section 12, no decision has been made on those exemptions.\n"
    )
    assert answer.outcome == "refused" and answer.exemptions == ["FOIA s12"]


def test_recorders_put_their_maker_in_use_but_give_no_count():
    answer = extract_answer("All 25 cameras are Axis. Footage is recorded on 2 Uniview NVRs.\n")
    assert answer.manufacturers_in_use == ["Axis", "Uniview"]
    assert answer.counts == {"Axis": 25}


def test_an_asset_register_counts_one_camera_per_row_in_service():
    rows = [f"AR-{n:03d} | Depot | Vivotek | In service" for n in range(1, 46)]
    rows += [
        "AR-046 | Depot | Mobotix | Decommissioned 2021",
        "AR-047 | Yard | Mobotix | In service",
    ]
    answer = extract_answer("Asset ID | Site | Manufacturer | Status\n" + "\n".join(rows) + "\n")
    assert answer.counts == {"Mobotix": 1, "Vivotek": 45}


def test_the_parent_company_in_brackets_is_no_second_maker():
    answer = extract_answer(
        "All 118 cameras are manufactured by Avigilon (a Motorola Solutions company).\n"
    )
    assert answer.manufacturers_in_use == ["Avigilon"]


def test_a_negation_in_another_cell_of_a_row_denies_nothing():
    answer = extract_answer(
        "Site | Area | Make | Cameras\n"
        "Harbour office | Quay | Axis | 12\n"
        "Ferry terminal (run by Isles Ferries: not the council) | Pier | Hanwha | 30\n"
    )
    assert answer.manufacturers_denied == []


def test_a_denial_for_a_described_system_is_scoped_and_still_an_answer():
    answer = extract_answer(
        "1. The information about camera makes is withheld under section 35(1)(f) of FOISA.\n"
        "2. I can confirm that there are no Uniview cameras in the new perimeter security system at HMP "
        "Castlehill.\n"
    )
    assert answer.manufacturers_denied == []
    assert answer.outcome == "partially_disclosed"


def test_a_table_cell_that_is_only_a_model_number_names_its_maker():
    answer = extract_answer(
        "Site | Camera model | Quantity\n"
        "Riverside Hospital | P3245-LVE | 22\n"
        "Hill Hospital | XNV-8080R | 15\n"
        "Hill Hospital | P3245-LVE | 9\n"
    )
    assert answer.manufacturers_in_use == ["Axis", "Hanwha"]
    assert answer.counts == {"Axis": 31, "Hanwha": 15}


def test_a_not_held_answer_to_a_question_naming_a_maker_is_no_denial():
    answer = extract_answer(
        '"Please tell me the make of the cameras at each leisure centre. Are any of them Tiandy?"\n\n'
        "The centres are run by Glenview Leisure Trust, a separate public authority. The council does not "
        "hold any records of the make or number of cameras at these facilities.\n"
    )
    assert answer.manufacturers_denied == [] and answer.outcome == "not_held"


def test_an_exemption_heading_under_a_refusal_is_relied_on():
    answer = extract_answer(
        "Freedom of Information (Scotland) Act 2002\n\n"
        "The board holds the information you requested. However, the board has decided that the "
        "information is exempt from disclosure.\n\n"
        "Section 35(1)(a) - Law enforcement\n"
        "Information is exempt if its disclosure would prejudice substantially the detection of crime. "
        "Our sites hold controlled drugs. Naming the makers would help those planning a crime.\n\n"
        "Section 31(1) - National security\n"
        "Information is exempt where this is required to safeguard national security.\n"
    )
    assert answer.exemptions == ["FOISA s35", "FOISA s31"]
    assert answer.outcome == "refused"


def test_the_item_number_of_a_question_and_answer_table_is_no_count():
    answer = extract_answer(
        "No. | Question | Response\n"
        "1 | Does the board use Dahua cameras? | No.\n"
        "3 | Please list the makers of the cameras in use. | Axis, Bosch and Sony.\n"
    )
    assert answer.counts == {} and answer.manufacturers_in_use == ["Axis", "Bosch", "Sony"]


def test_a_sentence_describing_part_of_the_figure_before_adds_nothing():
    answer = extract_answer(
        "- Hanwha: 88 cameras (Wisenet X series). This figure includes 20 older units badged Samsung "
        "Techwin.\n"
        "- Bosch: 14 cameras.\n"
    )
    assert answer.counts == {"Bosch": 14, "Hanwha": 88}
    breakdown = extract_answer(
        "The depots have 86 CCTV cameras in total. These comprise 64 Honeywell cameras and 22 Pelco cameras.\n"
    )
    assert breakdown.counts == {"Honeywell": 64, "Pelco": 22}


def test_a_table_flattened_without_separators_sums_across_subtotals_and_a_page_break():
    answer = extract_answer(
        "Area / location Manufacturer Cameras\n"
        "Town Centre - Market Place Axis 12\n"
        "Town Centre - Bridge Street Axis 12\n"
        "Town Centre subtotal 24\n"
        "Northfield Hanwha 5\n"
        "Page 1 of 2\n\n"
        "[page 2]\n\n"
        "Area / location (continued) Manufacturer Cameras\n"
        "Southfield Hanwha 4\n"
        "Grand total 33\n"
    )
    assert answer.counts == {"Axis": 24, "Hanwha": 9}


def test_a_camera_make_column_is_not_the_count_column():
    answer = extract_answer(
        "Site | Camera make | Cameras |\n"
        "Harbour | Hanwha | 18 |\n"
        "Old town | Wisenet (Hanwha) | 21 |\n"
        "Station | Bosch | 9 |\n"
        "Total cameras | | 48 |\n"
    )
    assert answer.counts == {"Bosch": 9, "Hanwha": 39} and answer.total_cameras == 48


def test_a_whatdotheyknow_thread_reads_the_bodys_messages_and_not_the_requests_title():
    answer = extract_answer(
        "Uniview cameras used by the harbour board\n\n"
        "Sam Reid made this Freedom of Information request to Loch Harbour Board\n\n"
        "From: Sam Reid\n3 March 2024\n\n"
        "Dear Loch Harbour Board,\n1. Does the board use any Uniview cameras?\n"
        "2. Which makes does it use, and how many of each?\nYours faithfully,\nSam Reid\n\n"
        "Link to this   Report\n\n"
        "From: Information Team\nLoch Harbour Board\n28 March 2024\n\n"
        "Dear Mr Reid\n\n1. No.\n\n2. The board has 23 Axis cameras.\n\nYours sincerely\n\n"
        "Link to this   Report\n"
    )
    assert answer.manufacturers_in_use == ["Axis"]
    assert answer.manufacturers_denied == ["Uniview"]
    assert answer.counts == {"Axis": 23} and answer.outcome == "disclosed"


def test_a_question_and_answer_table_flattened_to_lines_pairs_each_answer_with_its_question():
    answer = extract_answer(
        "Question | Answer\n"
        "1. How many CCTV cameras does the Council operate? | 40 cameras in total.\n"
        "2. Please give the manufacturer of each camera. | Axis: 31 cameras. Sony: 9 cameras.\n"
        "3. Does the Council use any cameras made by Uniview? | No.\n"
    )
    assert answer.manufacturers_in_use == ["Axis", "Sony"]
    assert answer.manufacturers_denied == ["Uniview"]
    assert answer.counts == {"Axis": 31, "Sony": 9} and answer.total_cameras == 40


def test_a_withheld_cell_of_a_register_row_hedges_nothing_about_its_maker():
    rows = "\n".join(
        f"RC-{n:03d} | Vivotek | PTZ dome | Deployed | Withheld - s31(1)(a)" for n in range(1, 8)
    )
    answer = extract_answer("Asset ID | Make | Type | Status | Location\n" + rows + "\n")
    assert answer.manufacturers_in_use == ["Vivotek"] and answer.counts == {"Vivotek": 7}


def test_a_section_heading_naming_a_maker_claims_nothing_and_a_table_after_a_page_break_is_read():
    answer = extract_answer(
        "1. Cameras\nThe harbour operates 42 cameras, listed in the table on the next page.\n"
        "3. Dahua\nThe harbour does not have any Dahua cameras.\n"
        "OFFICIAL Page 1 of 2\n\n[page 2]\n\n"
        "Area | Manufacturer | Total\n"
        "Quay | Bosch | 30\n"
        "Car park | Mobotix | 12\n"
    )
    assert answer.manufacturers_denied == ["Dahua"]
    assert answer.counts == {"Bosch": 30, "Mobotix": 12}


def test_a_request_list_opened_after_a_colon_keeps_its_first_item_mark():
    answer = extract_answer(
        "1. The council does not use CCTV cameras made by any of the manufacturers listed in your request.\n\n"
        "Yours sincerely\n\n"
        '"Please tell me:\n'
        "1. Whether the council uses any CCTV cameras made by Tiandy or Uniview.\n"
        '2. How many cameras it operates."\n'
    )
    assert answer.manufacturers_denied == ["Tiandy", "Uniview"]


def test_a_table_grouped_under_maker_headings_sums_each_group():
    answer = extract_answer(
        "Hospital | Fixed | PTZ | Total\n"
        "Avigilon\n"
        "Royal Infirmary | 210 | 8 | 218\n"
        "Western General | 118 | 4 | 122\n"
        "Vivotek (legacy)\n"
        "Liberton | 9 | 0 | 9\n"
        "All hospitals | 337 | 12 | 349\n"
    )
    assert answer.counts == {"Avigilon": 340, "Vivotek": 9}


def test_makers_labelled_with_their_figures_in_a_run_each_keep_their_own():
    answer = extract_answer(
        "2. Who makes the cameras, and how many of each? | Axis: 58 Hanwha: 26 Mobotix: 12\n"
    )
    assert answer.counts == {"Axis": 58, "Hanwha": 26, "Mobotix": 12}


def test_a_zero_in_a_row_with_other_figures_is_no_denial_and_a_later_note_cell_denies_nothing():
    answer = extract_answer(
        "Make | Fixed | Dome | PTZ | Total\nAxis | 40 | 10 | 2 | 52\nBosch | 0 | 0 | 2 | 2\n"
    )
    assert answer.manufacturers_denied == [] and answer.counts == {"Axis": 52, "Bosch": 2}
    noted = extract_answer(
        "Station | Make | Type | Cameras | Note\n"
        "Quayside | Axis | Fixed | 12 |\n"
        "Central | Vicon | Fixed | 22 | Network Rail (mainline station) - not the authority's\n"
    )
    assert noted.manufacturers_denied == []


def test_an_item_mark_alone_says_nothing_and_a_review_finding_the_exemption_misapplied_drops_it():
    answer = extract_answer(
        "1 and 2.\nThe academy does not own any CCTV cameras and does not hold any information about the "
        "number or make of the cameras on the site.\n"
    )
    assert answer.outcome == "not_held"
    review = extract_answer(
        "The Council's response refused the request under section 31(1)(a).\n"
        "Review findings: I have concluded that section 31(1)(a) was not correctly applied.\n"
        "The information is now released: the Council has 40 Axis cameras.\n"
    )
    assert review.exemptions == [] and review.outcome == "disclosed"


def test_a_refusal_a_clarification_letter_only_foresees_is_not_relied_on():
    answer = extract_answer(
        "Before we can answer, please clarify which sites you mean. Checking every building would take "
        "60 hours, and the Council would be likely to refuse a request of that size under section 12.\n"
    )
    assert answer.exemptions == []


def test_the_remainder_of_a_stated_total_and_all_but_a_few_are_counted():
    answer = extract_answer(
        "1. The Council has 90 closed circuit television (CCTV) cameras.\n"
        "2. 60 of the cameras are made by Hanwha, 20 by Axis, and the remainder by Bosch.\n"
    )
    assert answer.total_cameras == 90
    assert answer.counts == {"Axis": 20, "Bosch": 10, "Hanwha": 60}
    bar = extract_answer(
        "The university has 300 CCTV cameras. All of them are made by Axis, bar twelve older Sony cameras "
        "at the north campus.\n"
    )
    assert bar.counts == {"Axis": 288, "Sony": 12}


def test_bulleted_lines_at_different_sites_add_up_even_with_the_same_figure():
    answer = extract_answer(
        "North depot:\n- Hanwha XNV-6080 x 4\n- Axis P3245-LVE x 2\n"
        "South depot:\n- Hanwha XNV-6080 x 4\n- Axis P3245-LVE x 3\n"
    )
    assert answer.counts == {"Axis": 5, "Hanwha": 8}


def test_weighing_a_part_answer_and_rejecting_it_is_still_a_refusal():
    answer = extract_answer(
        "The information is withheld under section 24(1) (national security) and section 31(1)(a).\n"
        "I have considered whether the part of your request concerning Uniview could be answered "
        "separately. Even a partial answer would reveal which sites lack modern cameras.\n"
    )
    assert answer.outcome == "refused"


def test_a_denial_for_one_kind_of_facility_is_not_the_bodys_but_one_for_its_estate_is():
    custody = extract_answer(
        "Question 3\nNo Hikvision or Dahua cameras are used in any Northshire Police custody suite. "
        "The force will not say which makers are used elsewhere.\n"
    )
    assert custody.manufacturers_denied == []
    estate = extract_answer(
        "3. The force can confirm that no Hikvision or Dahua cameras are in use on the NSP estate.\n"
    )
    assert estate.manufacturers_denied == ["Dahua", "Hikvision"]


def test_rows_under_a_heading_that_disowns_them_are_not_the_bodys_cameras():
    answer = extract_answer(
        "The College does not use Hikvision cameras.\n\n"
        "Building | Manufacturer | Quantity\nLibrary | Axis | 12\nTotal cameras on this sheet | | 12\n\n"
        "Students' Union cameras - NOT College equipment - for information only\n"
        "Building | Manufacturer | Quantity\nUnion bar | Hikvision | 4\n"
    )
    assert answer.manufacturers_in_use == ["Axis"]
    assert answer.manufacturers_denied == ["Hikvision"]
    assert answer.needs_review is False


def test_a_sheets_own_total_row_is_not_the_replys_total():
    answer = extract_answer(
        "(1) The College has 20 live CCTV cameras.\n\n"
        "Building | Manufacturer | Quantity\nLibrary | Axis | 12\nTotal cameras on this sheet | | 12\n\n"
        "Building | Manufacturer | Quantity\nHalls | Bosch | 8\nTotal cameras on this sheet | | 8\n"
    )
    assert answer.total_cameras == 20
    assert answer.counts == {"Axis": 12, "Bosch": 8}


def test_some_information_held_but_scattered_under_a_cost_refusal_is_refused():
    answer = extract_answer(
        "The Council holds some of this information, but it is not held centrally. Locating it would take "
        "more than 18 hours, so the Council is refusing your request under section 12(1) of the Freedom of "
        "Information Act 2000.\n"
    )
    assert answer.outcome == "refused"


def test_register_rows_on_order_are_not_counted():
    answer = extract_answer(
        "Our CCTV camera asset register:\n"
        "Site | Manufacturer | Model | Quantity | Status\nDepot | Axis | M2035-LE | 1 | In service\n"
        "Depot | Axis | M2035-LE | 1 | In service\nLibrary | Axis | Q6075-E | 4 | On order\n"
        "Library | Bosch | FLEXIDOME | 1 | In service\n"
    )
    assert answer.counts == {"Axis": 2, "Bosch": 1}


def test_a_list_item_ending_in_its_bracketed_count_counts_past_model_words():
    answer = extract_answer(
        "The port's CCTV is as follows, with the number of cameras in brackets:\n"
        "Terminal - Axis (38)\nMarshalling lanes - Bosch MIC IP starlight 7100i PTZ (6)\n"
        "Berths 2-4 - Bosch (9)\n"
    )
    assert answer.counts == {"Axis": 38, "Bosch": 15}


def test_counts_given_by_camera_type_and_makes_given_per_type_combine():
    answer = extract_answer(
        "2. Of the 150 cameras, 100 are pan-tilt-zoom (PTZ) domes and the remainder are fixed cameras.\n\n"
        "All of the PTZ domes are Bosch AUTODOME units.\n\n"
        "The fixed cameras are Axis, apart from 12 Hanwha units at the depot.\n"
    )
    assert answer.counts == {"Axis": 38, "Bosch": 100, "Hanwha": 12}
    unknown = extract_answer(
        "Of the 150 cameras, 100 are PTZ domes and the remainder are fixed cameras.\n\n"
        "The fixed cameras are Axis, apart from some Hanwha units at the depot.\n"
    )
    assert "Axis" not in unknown.counts  # the exception has no figure: the rest is unknown


def test_type_figures_as_labels_add_to_a_makers_counts_of_other_types():
    answer = extract_answer(
        "2. By type:\nFixed cameras: 640, of which 410 are Hanwha and 230 Axis.\nDome cameras: 318. "
        "All of the domes are Axis.\nPTZ cameras: 42 - Bosch (30) and Axis (12).\n"
    )
    assert answer.counts == {"Axis": 560, "Bosch": 30, "Hanwha": 410}


def test_options_being_prepared_for_replacing_a_maker_leave_it_in_use():
    answer = extract_answer(
        "Manufacturer | Site | Number of cameras\nHikvision | County Hall | 34\nAxis | Seax House | 20\n"
        "Officers have been asked to prepare options for replacing the Hikvision equipment by 2026.\n"
    )
    assert answer.manufacturers_in_use == ["Axis", "Hikvision"]
    assert answer.counts == {"Axis": 20, "Hikvision": 34}


def test_a_number_right_before_another_maker_is_never_this_makers():
    answer = extract_answer(
        "2. The public space network (94 cameras) uses Hanwha and Axis cameras: 61 Hanwha and 33 Axis.\n"
    )
    assert answer.counts == {"Axis": 33, "Hanwha": 61}


def test_the_last_maker_of_a_mix_making_up_the_rest_has_the_remainder():
    answer = extract_answer(
        "1. The University's CCTV system consists of 1,146 cameras.\n"
        "2. Axis cameras make up the majority, at 884 units. The remaining cameras are a mix of "
        "Hanwha (201) and Sony.\n"
    )
    assert answer.counts == {"Axis": 884, "Hanwha": 201, "Sony": 61}


def test_what_another_bodys_website_says_of_its_cameras_is_not_use():
    answer = extract_answer(
        "The County Council does not hold this information, and we are refusing your request under "
        "regulation 12(4)(a) of the EIR.\nFor your information, the Partnership's website states that its "
        "average speed cameras are Jenoptik VECTOR systems.\n"
    )
    assert answer.manufacturers_in_use == []
    assert answer.outcome == "not_held"


def test_exemptions_a_later_request_may_meet_are_not_relied_on():
    answer = extract_answer(
        "The Trust has searched its records and does not hold the information you have requested.\n"
        "You may also request a copy of the project agreement. Please be aware that some information in it may "
        "be exempt from disclosure, for example under section 43 (commercial interests) or section 31.\n"
        "Police forces may consider exemptions under sections 24 and 31 of the Act.\n"
    )
    assert answer.outcome == "not_held"
    assert answer.exemptions == []


def test_a_negation_far_from_a_back_reference_is_no_no_to_the_question():
    answer = extract_answer(
        '"How many cameras, and are any made by Hikvision, Dahua or Huawei?"\n'
        "The security provider owns and maintains the CCTV equipment at these sites as part of the service, "
        "and the contract is specified by outcome (detection and response) rather than by equipment.\n"
    )
    assert answer.manufacturers_denied == []


def test_foisa_s18_unable_to_reveal_whether_information_exists_is_ncnd():
    answer = extract_answer(
        "In accordance with section 18(1) of the Freedom of Information (Scotland) Act 2002, the Service is "
        "unable to reveal whether the information you have requested exists or is held by us.\n"
        "Section 18(1) allows a public authority to refuse to reveal whether information exists or is held.\n"
    )
    assert answer.outcome == "neither_confirm_nor_deny"


def test_weighing_an_exemption_and_not_applying_it_is_no_refusal():
    answer = extract_answer(
        "2. The force currently has 2,614 Motorola VB400 body worn cameras.\n"
        "The force has considered whether the number of devices held should be withheld under section "
        "31(1)(a). It is satisfied that disclosure would not prejudice law enforcement.\n"
        "4. Following a competitive procurement, the force has awarded a contract to Axon for Axon Body 4 "
        "cameras. Roll-out is planned to start "
        "in April 2025.\n"
    )
    assert answer.outcome == "disclosed"
    assert answer.total_cameras == 2614


def test_denials_for_one_systems_cameras_or_one_kind_of_site_are_not_the_bodys():
    public_space = extract_answer(
        "(b) The council-owned public space cameras are Bosch AUTODOME units.\n"
        "(c) None of the council-owned public space cameras monitored by CityWatch are made by Hikvision or "
        "Dahua.\n"
    )
    assert public_space.manufacturers_denied == []
    stations = extract_answer("The company does not have any Hikvision cameras at stations.\n")
    assert stations.manufacturers_denied == []
    custody = extract_answer("There are no Hikvision cameras in the force's custody suites.\n")
    assert custody.manufacturers_denied == []


def test_someone_elses_kit_disowned_or_not_held_is_neither_used_nor_denied():
    answer = extract_answer(
        "For information only, we understand that several operators use Hikvision mobile recorders on their "
        "vehicles, but these are not TfGM systems.\n"
        "The provider has told us that its systems there are Dahua, but the University does not hold any "
        "further information about them.\n"
    )
    assert answer.manufacturers_in_use == [] and answer.manufacturers_denied == []


def test_a_figure_reported_in_an_earlier_response_and_withdrawn_rows_are_past():
    answer = extract_answer(
        '"1. Does the University still have Hikvision cameras?"\n'
        "1. No. In our response to FOI 2021-0334 we reported that the University had 97 Hikvision cameras. "
        "All 97 have since been removed, and the University no longer has any Hikvision cameras.\n"
        "Fleet | Cameras | Recorder | Status\nMetro (legacy) | 0 | Dahua (recorders) | Withdrawn 2023\n"
    )
    assert answer.manufacturers_denied == ["Hikvision"]
    assert "Dahua" not in answer.manufacturers_in_use
    assert answer.needs_review is False or "Hikvision" not in " ".join(answer.review_reasons)


def test_a_printed_thread_without_from_lines_keeps_the_requesters_words_out_of_the_answer():
    answer = extract_answer(
        "CCTV cameras at council buildings\n\nRequest sent to Northshire County Council by Jan Kowalski.\n\n"
        "Jan Kowalski\n\n2 January 2024\n\nDear Northshire County Council,\n\n"
        "1. How many CCTV cameras are installed?\n2. I am especially interested in Hikvision, Dahua and "
        "Hanwha.\n\nYours faithfully,\n\nJan Kowalski\n\n-----------------------------\n\n"
        "Information Governance, Northshire County Council\n\n6 February 2024\n\n"
        "Please accept our apologies for the delay in responding to your request. We are still waiting for "
        "information from Property Services. We now expect to be able to send you a full response by 20 "
        "February 2024.\n\nWe are sorry for any inconvenience this has caused.\n"
    )
    assert answer.manufacturers_in_use == []
    assert answer.outcome == "other"


def test_exemptions_applying_to_all_parts_of_the_request_are_no_part_disclosure():
    answer = extract_answer(
        "Kent Police holds information relevant to your request. However, I have decided that the information "
        "is exempt from disclosure.\nThe exemptions relied upon are:\n   Section 24(1) - National Security\n"
        "   Section 31(1)(a) and (b) - Law Enforcement\nThese apply to all four parts of your request.\n"
    )
    assert answer.outcome == "refused"


def test_words_about_the_law_and_others_systems_are_no_no_to_the_question():
    ncnd = extract_answer(
        '"Does the force operate any cameras manufactured by Hikvision or Dahua?"\n'
        "The decision has been taken to neither confirm nor deny whether the force holds the information.\n"
        "Section 1(1)(a) places two duties on public authorities: to confirm or deny whether information is "
        "held. Those duties do not apply where an exemption to the duty to confirm or deny is engaged.\n"
    )
    assert ncnd.manufacturers_denied == []
    assert ncnd.outcome == "neither_confirm_nor_deny"
    others = extract_answer(
        "   3. Whether any of them are made by Hikvision.\nResponse\n"
        "The District Council does not hold the information you have requested.\nThe cameras are owned by the "
        "town councils. The Council has no involvement in the operation of these systems, and does not receive "
        "or hold information about the equipment used.\n"
    )
    assert others.manufacturers_denied == []
    assert others.outcome == "not_held"


def test_our_response_is_set_out_below_points_to_nothing():
    answer = extract_answer(
        "Thank you for your request. We have now completed our searches, and our response is set out below.\n"
        "You asked:\n1. How many CCTV cameras made by Hikvision were purchased between 2005 and 2013?\n"
        "Response\nRecords of minor purchases were destroyed in line with retention schedules.\n"
        "In terms of section 17(1) of the Freedom of Information (Scotland) Act 2002, this letter serves as "
        "notice that the Service does not hold the information you have requested.\n"
    )
    assert answer.outcome == "not_held"


def test_a_recorder_not_connected_to_a_network_is_still_in_use_and_a_preferred_option_is_a_plan():
    answer = extract_answer(
        "2. All of the cameras at these sites are manufactured by Hikvision. There are one hundred and "
        "thirty-eight (138) cameras in total. The cameras at each site record to a Hikvision network video "
        "recorder on that site, and are not connected to the corporate network.\n"
        "3. Subject to funding, the preferred option would see the existing cameras replaced with Axis cameras. "
        "No procurement has yet taken place and no contract has been awarded.\n"
    )
    assert answer.manufacturers_in_use == ["Hikvision"]
    assert answer.manufacturers_denied == []
    assert answer.counts == {"Hikvision": 138}
    assert answer.total_cameras == 138


def test_a_bare_no_is_an_answer_but_a_sentence_starting_with_no_is_not():
    answer = extract_answer(
        '"3. Does the Service have any plans to replace its Hikvision cameras?"\n'
        "3. No procurement has yet taken place and no contract has been awarded.\n"
    )
    assert answer.manufacturers_denied == []
    bare = extract_answer('"3. Does the council use Hikvision cameras?"\n3. No.\n')
    assert bare.manufacturers_denied == ["Hikvision"]


def test_a_back_reference_to_the_questions_figure_and_a_like_for_like_replacement_count():
    answer = extract_answer(
        'You asked:\n"1. In your 2021 FOI response you said the council had 31 Hikvision cameras at its depots. '
        'How many of these are still in use?\n2. What were the others replaced with?"\n'
        "Response\n1. Six of these remain in use, all at the Ellon depot. They are due to be replaced in "
        "2025.\n2. The other 25 were replaced like-for-like with Axis cameras during 2023.\n"
    )
    assert answer.manufacturers_in_use == ["Axis", "Hikvision"]
    assert answer.counts == {"Axis": 25, "Hikvision": 6}


def test_they_are_due_to_be_replaced_is_no_yes():
    answer = extract_answer(
        '"1. Does the school use Dahua cameras?"\n1. They are due to be reviewed next year.\n'
    )
    assert answer.manufacturers_in_use == []


def test_makers_listed_as_all_are_model_cameras_and_drone_fleets_are_in_use():
    bwv = extract_answer(
        "2. Make, model and number of cameras\nThe Trust has 40 body worn cameras. All are Reveal D-Series "
        "cameras, managed through the DEMS 360 software.\n"
    )
    assert bwv.manufacturers_in_use == ["Reveal"] and bwv.counts == {"Reveal": 40}
    drones = extract_answer(
        "Question 2: The current fleet consists of DJI Matrice 30T and DJI Mavic 3 Enterprise aircraft.\n"
    )
    assert drones.manufacturers_in_use == ["DJI"]


def test_a_category_column_not_recorded_negates_no_maker_of_a_crosstab():
    answer = extract_answer(
        "Campus | Axis | Hanwha | Bosch | Other / not recorded | Total\n"
        "Gilmorehill | 420 | 96 | 12 | 8 | 536\nGarscube | 85 | 20 | 0 | 3 | 108\n"
    )
    assert answer.manufacturers_in_use == ["Axis", "Bosch", "Hanwha"]
    assert answer.counts == {"Axis": 505, "Bosch": 12, "Hanwha": 116}


def test_the_acts_list_of_exemptions_and_a_search_to_avoid_are_not_relied_on():
    answer = extract_answer(
        "The information is withheld under section 24(1) and section 31(1)(a) of the Act.\n"
        "For your information, the exemptions available under the Act include, among others, section 23, "
        "section 38 (health and safety) and section 40 (personal information).\n"
    )
    assert answer.exemptions == ["FOIA s24", "FOIA s31"]
    clarification = extract_answer(
        "Before we can answer, please clarify which buildings you mean. We are asking so that we can avoid a "
        "search that would exceed the cost limit under section 12.\n"
    )
    assert clarification.exemptions == []


def test_a_register_row_in_service_with_a_replacement_year_is_in_use():
    answer = extract_answer(
        "Our CCTV recorders:\nSite | Area | Manufacturer | Model | Quantity | Status\n"
        "B-01 | Council buildings | Hikvision | DS-9632NI-I8 | 1 | In service – replacement 2025\n"
    )
    assert answer.manufacturers_in_use == ["Hikvision"]


def test_a_review_that_does_not_uphold_a_cost_refusal_discloses():
    answer = extract_answer(
        "Internal Review\nI have now completed the internal review. The register records the manufacturer of "
        "each camera. I therefore do not uphold the original decision to refuse your request under section 12.\n"
        "1. The council operates 146 CCTV cameras.\n2. By manufacturer:\n   Axis - 89\n   Bosch - 57\n"
    )
    assert answer.outcome == "disclosed"
    assert answer.exemptions == []


def test_devices_not_connected_to_one_network_and_denials_reaching_every_building():
    network = extract_answer(
        "I can confirm that no Hikvision or Dahua devices are connected to DWP's core IT network.\n"
    )
    assert network.manufacturers_denied == []
    buildings = extract_answer(
        "No. The council does not use Hikvision cameras on the town centre system or at any of its buildings.\n"
    )
    assert buildings.manufacturers_denied == ["Hikvision"]


def test_a_bulleted_sentence_restating_a_rows_figure_is_not_counted_again():
    answer = extract_answer(
        "Manufacturer | Cameras\nAxis Communications | 24\nDahua | 9\n\n"
        "- The nine Dahua cameras were installed in 2018 and remain in service.\n"
    )
    assert answer.counts == {"Axis": 24, "Dahua": 9}


def test_an_answer_cell_of_a_question_table_is_read_like_an_answer():
    answer = extract_answer(
        "Question | Response\n1 | The Board operates CCTV at all of its acute hospitals.\n"
        "2 | There are 412 Hikvision cameras in use. They are at older sites, principally Stobhill Hospital.\n"
    )
    assert answer.counts == {"Hikvision": 412}


def test_dash_items_with_model_words_and_the_remaining_figure_of_a_make_count():
    drones = extract_answer(
        "The force operates a fleet of 19 drones, all of which are manufactured by DJI:\n"
        "DJI Matrice 30T – 11\nDJI Mavic 3 Enterprise – 8\n"
    )
    assert drones.counts == {"DJI": 19}
    school = extract_answer(
        "1. The school has 42 CCTV cameras. 30 are Hikvision DS-2CD2347G2-LU turret cameras, covering the "
        "entrances. The remaining 12, on the sports centre and the sixth form block, are HiLook IPC-T250H "
        "cameras.\n"
    )
    assert school.counts == {"Hikvision": 42}


def test_names_answering_a_break_down_by_manufacturer_question_and_the_balance_count():
    answer = extract_answer(
        "(a) How many CCTV cameras does the University operate?\n(b) Please break this down by manufacturer.\n"
        "(c) Are any cameras made by Dahua or Hikvision?\n"
        "(a) The University operates 205 CCTV cameras.\n"
        "(b) 150 are Hanwha (Samsung Wisenet), 40 are Axis and the balance by Dahua.\n"
        "(c) The Dahua cameras are at the Harcourt Hill campus and are scheduled for replacement in 2026.\n"
    )
    assert answer.manufacturers_in_use == ["Axis", "Dahua", "Hanwha"]
    assert answer.counts == {"Axis": 40, "Dahua": 15, "Hanwha": 150}


def test_a_numbered_heading_of_maker_names_over_their_denial_is_no_claim():
    answer = extract_answer(
        "2. Manufacturers\nThe cameras are Axis.\n\n3. Hikvision and Dahua\n\n"
        "We can confirm that no Hikvision or Dahua cameras are installed at any NHSGGC site.\n"
    )
    assert answer.manufacturers_in_use == ["Axis"]
    assert answer.manufacturers_denied == ["Dahua", "Hikvision"]


def test_a_printed_thread_with_sender_and_date_on_one_line_keeps_the_requesters_hearsay_out():
    answer = extract_answer(
        "Priya Shah made this Freedom of Information request to Northshire Housing Executive.\n\n"
        "-----------------------------\nPriya Shah                                   3 March 2025\n\n"
        "Dear Northshire Housing Executive,\n3. Do you use any cameras made by Hikvision or Dahua?\n"
        "For context, a tenants' group has told me that some of your tower blocks have Hikvision cameras.\n"
        "Yours faithfully,\nPriya Shah\n\n-----------------------------\n"
        "Northshire Housing Executive                 1 April 2025\n\nDear Ms Shah,\n"
        "I am sorry that we have not been able to reply within 20 working days. We expect to be able to "
        "respond by 15 April 2025.\n"
    )
    assert answer.manufacturers_in_use == []
    assert answer.outcome == "other"


def test_it_does_not_use_is_the_body_and_none_of_one_networks_cameras_is_scoped():
    answer = extract_answer(
        "3. Yes. The Service uses Dahua cameras, as set out above. It does not use any Hikvision cameras.\n"
    )
    assert answer.manufacturers_denied == ["Hikvision"]
    scoped = extract_answer(
        "None of the cameras on the public space CCTV network are made by Hikvision or Dahua. The Council is "
        "unable to answer for systems outside that network.\n"
    )
    assert scoped.manufacturers_denied == []


def test_welsh_past_removal_and_replacement_is_past_but_future_replacement_is_not():
    past = extract_answer(
        "Nid yw'r Cyngor yn defnyddio unrhyw gamerâu a wnaed gan Hikvision. Cafodd pedwar camera Hikvision "
        "yn Neuadd Dwyfor eu tynnu ym mis Tachwedd 2022 a'u disodli gan gamerâu Axis.\n"
    )
    assert "Hikvision" not in past.manufacturers_in_use
    assert past.manufacturers_denied == ["Hikvision"]


def test_protected_in_part_by_cctv_is_no_part_disclosure_and_does_not_therefore_hold_is_not_held():
    refused = extract_answer(
        "The information is withheld under section 31(1) and section 35(1)(a) of FOISA.\n"
        "Custody centres and property stores are protected in part by CCTV.\n"
    )
    assert refused.outcome == "refused"
    almo = extract_answer(
        "The cameras on the estates are owned by the City Council. Northshire Homes does not therefore hold "
        "information about the number or make of the cameras.\n"
    )
    assert almo.outcome == "not_held"


def test_dotted_leader_lists_count_each_maker():
    answer = extract_answer(
        "Q2. Who manufactures the cameras? Please give numbers for each manufacturer.\n"
        "  Hanwha (Wisenet range) ............................. 52\n"
        "  Axis Communications ................................ 51\n"
        "  Bosch .............................................. 23\n"
    )
    assert answer.counts == {"Axis": 51, "Bosch": 23, "Hanwha": 52}


def test_a_decision_to_replace_a_maker_leaves_it_in_use():
    answer = extract_answer(
        "Manufacturer | Number of cameras\nHikvision | 120\nAxis | 97\n"
        "The Council has addressed this by confirming the decision to replace the Hikvision cameras.\n"
    )
    assert answer.manufacturers_in_use == ["Axis", "Hikvision"]
    assert answer.needs_review is False


def test_rows_of_a_decommissioned_sheet_are_past():
    answer = extract_answer(
        "[sheet Cameras]\nSite | Manufacturer | Quantity\nPepys estate | Hikvision | 21\nTown Hall | Axis | 18\n\n"
        "[sheet Decommissioned]\nSite | Manufacturer | Quantity\nLadywell | Hikvision | 22\nLadywell | Dahua | 8\n"
    )
    assert answer.counts == {"Axis": 18, "Hikvision": 21}
    assert "Dahua" not in answer.manufacturers_in_use


def test_not_operating_cameras_of_named_makers_is_no_total_of_zero():
    answer = extract_answer(
        "1. The Trust operates 1,146 CCTV cameras across its seven hospitals.\n2. Axis: 702\nHanwha: 311\n"
        "The remaining cameras are Avigilon units at St James's University Hospital.\n"
        "3. The Trust does not operate any cameras manufactured by Hikvision or Dahua.\n"
    )
    assert answer.total_cameras == 1146
    assert answer.counts == {"Avigilon": 133, "Axis": 702, "Hanwha": 311}


def test_a_crosstab_whose_total_column_of_formulas_reads_empty_still_sums_by_maker():
    answer = extract_answer(
        "CCTV cameras by site and manufacturer\nSite | Axis | Hikvision | Honeywell | Total\n"
        "Guildhall | 24 | 0 | 0\nFoyle Arena | 0 | 18 | 6\nPennyburn Depot | 0 | 14 | 4\nTotal\n"
    )
    assert answer.counts == {"Axis": 24, "Hikvision": 32, "Honeywell": 10}


def test_an_eir_exception_written_with_an_r_before_its_number_is_cited():
    answer = extract_answer(
        "The information is therefore being withheld under Regulations R12(5)(a) (public safety); regulation "
        "12(5)(b) (the course of justice); and regulation 12(5)(e) of the Environmental Information "
        "Regulations 2004.\n"
    )
    assert answer.exemptions == ["EIR reg 12(5)(a)", "EIR reg 12(5)(b)", "EIR reg 12(5)(e)"]


def test_a_review_finding_exemptions_not_engaged_discloses_and_old_units_remain_until_replaced():
    answer = extract_answer(
        "Internal review\nI have now completed the internal review. I do not consider that section 24(1) or "
        "section 31(1)(a) is engaged. I apologise that it was not released at the outset.\n"
        "Bosch – 212 cameras\nSony – 30 cameras (older units, which remain in service until they are replaced)\n"
    )
    assert answer.outcome == "disclosed"
    assert answer.manufacturers_in_use == ["Bosch", "Sony"]


def test_a_space_laid_table_introduced_by_a_numbered_answer_is_that_answers():
    answer = extract_answer(
        "You asked:\n\n1. What make of CCTV cameras are installed at your blocks?\n2. How many of each make?\n"
        "3. Are any of them Hikvision?\n4. Are there plans to replace them?\n\nOur response:\n\n"
        "1 and 2. The cameras installed in and around our blocks are as follows.\n\n"
        "Make                          Number of cameras\n"
        "HiLook (a Hikvision brand)    180\nHikvision                     32\nUniview                       44\n\n"
        "3. Yes. As set out above, 212 of our cameras are either Hikvision or its HiLook range.\n"
    )
    assert answer.manufacturers_in_use == ["Hikvision", "Uniview"]
    assert answer.counts == {"Hikvision": 212, "Uniview": 44}


def test_a_table_whose_header_row_counts_recorders_adds_no_cameras():
    answer = extract_answer(
        "Inverurie - council buildings\nManufacturer | Fixed | Dome | PTZ | Total\nHanwha | 12 | 10 | 1 | 23\n"
        "Town total | 12 | 10 | 1 | 23\nRecording equipment\nRecorder | Number of recorders\n"
        "Hanwha XRN-1610S | 2\n"
    )
    assert answer.counts == {"Hanwha": 23}


def test_an_authority_signing_over_a_date_opens_its_message_in_a_printed_thread():
    answer = extract_answer(
        "Euan Grant made this Freedom of Information request to The Highland Council\n\nEuan Grant\n\n"
        "3 June 2024\n\nDear The Highland Council,\n1. Does the council use any CCTV cameras made by Hikvision, "
        "Dahua, Huawei or Tiandy?\n3. Who manufactures the council's other CCTV cameras?\n\nYours faithfully,\n\n"
        "Euan Grant\n\nFOI Highland, The Highland Council\n\n1 July 2024\n\nDear Mr Grant\n\n"
        "1. No. The Highland Council does not use CCTV cameras made by any of the companies named in your "
        "request.\n\n3. The council's cameras are made by Axis.\n"
    )
    assert answer.outcome == "disclosed"
    assert answer.manufacturers_in_use == ["Axis"]
    assert answer.manufacturers_denied == ["Dahua", "Hikvision", "Huawei", "Tiandy"]
    assert answer.total_cameras is None


def test_a_public_interest_test_laid_out_as_a_table_gives_no_data_to_an_ncnd():
    answer = extract_answer(
        "The decision has been taken to neither confirm nor deny whether the force holds the information you "
        "have requested, by virtue of sections 24(2) and 31(3).\n\nPublic interest test\n\n"
        "Factors favouring confirmation or denial | Factors favouring neither confirming nor denying\n"
        "Confirmation would inform public debate about the security of equipment from manufacturers named in "
        "Parliament. | Confirmation would reveal tactical capability.\n"
        "Public awareness that the force has considered its surveillance equipment. | Any disclosure is to the "
        "world.\n"
    )
    assert answer.outcome == "neither_confirm_nor_deny"
    assert not answer.needs_review


def test_a_cost_estimate_table_and_a_number_of_academies_are_no_data_of_a_cost_refusal():
    answer = extract_answer(
        "We estimate that the cost of complying would exceed the appropriate limit. Section 12(1) of the Act "
        "therefore means we are not obliged to comply with the request.\nThe Trust does not hold a central "
        "register of CCTV equipment. Each of our 43 academies\narranged its own CCTV system.\n\n"
        "Activity | Time per academy | Total for 43 academies\n"
        "Locate installation records | 20 minutes | 14 hours 20 minutes\n"
        "Extract manufacturer and number of cameras | 10 minutes | 7 hours 10 minutes\nTotal |  | 36 hours\n"
    )
    assert answer.outcome == "refused"
    assert answer.total_cameras is None


def test_an_acknowledgement_stating_the_days_the_body_has_to_respond_is_other():
    answer = extract_answer(
        "Thank you for your request for information. Your request has been logged under reference "
        'FOI/2024/0041. You asked:\n\n"1. Does SFRS use any CCTV cameras manufactured by Hikvision or Dahua?\n'
        '2. If yes, how many of each?"\n\nUnder the Act, we have 20 working days from the date of receipt to respond. You '
        "should therefore receive a response by 5 February 2024.\n"
    )
    assert answer.outcome == "other"


def test_a_foisa_review_substituting_a_different_decision_overturns_the_cost_refusal():
    answer = extract_answer(
        "Original response\n\nThe Council refused your request under section 12(1) of FOISA, on the basis that "
        "the cost of complying would exceed £600.\n\nReview\n\nThe information can be extracted well within "
        "the cost limit. I have therefore concluded that section 12(1) did not apply.\n\nIn accordance with "
        "section 21(4)(b) of FOISA, I have substituted a different decision, and the information you requested "
        "is provided below.\n\n1. The public space CCTV system has 58 cameras, all manufactured by Bosch.\n"
    )
    assert answer.outcome == "disclosed"
    assert answer.exemptions == []


def test_a_forwarded_installer_reply_the_body_adopts_is_the_answer():
    answer = extract_answer(
        "Dear Mr Patel,\n\nThe town council's CCTV system is maintained for us by a contractor, so I asked them "
        "to confirm the details. Their reply is below, and I can confirm that it is correct and complete.\n\n"
        "Kind regards\nTown Clerk\n\n-----Original Message-----\nFrom: Mark Haines <mark@example.co.uk>\n"
        "Sent: 08 May 2024 16:22\nTo: Town Clerk <clerk@example.gov.uk>\nSubject: RE: FOI request\n\n"
        "Hi Sarah,\n\nYour system is 16 cameras in total:\n- 12 x Hikvision DS-2CD2387G2-LU bullets\n"
        "- 4 x Hikvision DS-2DE4425IW-DE PTZ domes\n\nThe cameras at the skate park are Dahua, but those "
        "belong to Somerset Council and aren't part of your system.\n\nMark\n\n-----Original Message-----\n"
        "From: Town Clerk <clerk@example.gov.uk>\nSent: 07 May 2024 09:15\nTo: Mark Haines\n\n"
        "Could you let me have the numbers and makes? Our old Dahua recorder went in 2019.\n"
    )
    assert answer.outcome == "disclosed"
    assert answer.manufacturers_in_use == ["Hikvision"]
    assert answer.manufacturers_denied == []
    assert answer.counts == {"Hikvision": 16}


def test_nothing_the_body_has_being_a_maker_denies_it():
    answer = extract_answer(
        "All four cameras are Axis and they record to an Axis recorder.\n\nNothing we have is Dahua.\n"
    )
    assert answer.manufacturers_in_use == ["Axis"]
    assert answer.manufacturers_denied == ["Dahua"]


def test_cameras_taken_down_or_all_replaced_are_past_use():
    answer = extract_answer(
        "1. The academies use 48 Axis cameras.\n2. Four Imou Wi-Fi cameras that the junior school had put up "
        "in its staff room were taken down in October 2023.\n3. Dahua cameras were installed at the airport "
        "in 2017, but they were all replaced in 2022.\n"
    )
    assert answer.manufacturers_in_use == ["Axis"]


def test_cameras_bought_and_put_up_by_a_charity_are_not_the_bodys():
    answer = extract_answer(
        "The crematorium has 8 Uniview cameras. There are also three cameras in the memorial garden. These "
        "are Ezviz units that were bought and put up by the Friends of Thornby Crematorium, a registered "
        "charity, in 2022.\n"
    )
    assert answer.manufacturers_in_use == ["Uniview"]


def test_a_network_switch_row_of_a_register_is_no_camera():
    answer = extract_answer(
        "Site | Make | Model | Type | Quantity | Status\nDepot | Axis | P3245-LVE | Dome | 6 | In service\n"
        "Depot | Huawei | S5735-L24P4S-A | Network switch | 4 | In service\n"
    )
    assert answer.manufacturers_in_use == ["Axis"]


def test_hearsay_in_a_request_quoted_after_your_request_of_a_date_is_the_request():
    answer = extract_answer(
        'Dear Mr Quinn,\n\nYour request of 18 June 2024:\n"A local newspaper has reported that the hospital '
        "has about 400 cameras, many of them Hikvision or Dahua. Please confirm how many Hikvision and Dahua "
        'cameras the Trust has."\n\nI am writing to let you know that we will not be able to respond within '
        "20 working days. We now expect to send you a full response by 14 August 2024.\n"
    )
    assert answer.outcome == "other"
    assert answer.manufacturers_in_use == []


def test_a_request_item_asking_for_the_locations_of_any_makers_cameras_is_the_request():
    answer = extract_answer(
        "You asked:\n1. The number of CCTV cameras in custody centres, broken down by manufacturer.\n"
        "2. The locations of any Hikvision or Dahua cameras on the Police Scotland estate.\n"
        "3. The number of public space CCTV cameras which Police Scotland can monitor.\n"
        "1. Custody centre cameras by manufacturer:\nBosch      611\nAvigilon   204\n"
        "2. I am refusing to provide the information in terms of sections 35(1)(a) and (b) (Law "
        "enforcement) and 39(1) (Health, safety and the environment) of FOISA.\n"
    )
    assert answer.manufacturers_in_use == ["Avigilon", "Bosch"]
    assert answer.exemptions == ["FOISA s35", "FOISA s39"]


def test_a_table_below_a_sentence_giving_its_kit_to_others_is_no_use_and_no_data():
    answer = extract_answer(
        "The Commissioner does not hold this information. The PCC does not own or operate any CCTV.\n\n"
        "The cameras bought with these grants belong to the organisations that received them, not to the "
        "PCC. The table shows the equipment described in each application.\n\n"
        "Recipient | Year | Grant | Equipment described in the application\n"
        "Ellerby Parish Council | 2021/22 | £3,000 | 4 x Hikvision ColorVu cameras and NVR\n"
        "Thorpe Marsh Village Hall | 2022/23 | £1,800 | 3 x Ezviz wireless cameras\n"
    )
    assert answer.outcome == "not_held"
    assert answer.manufacturers_in_use == []


def test_a_command_and_control_platform_and_its_integrator_are_no_camera_maker():
    answer = extract_answer(
        "The cameras are Axis (1,060) and Bosch (344).\nThe cameras are managed through the Synectics Synergy "
        "command and control platform. Synectics is the systems integrator and maintains the platform; it is "
        "not the manufacturer of the cameras listed above.\n"
    )
    assert answer.manufacturers_in_use == ["Axis", "Bosch"]
    assert answer.manufacturers_denied == []


def test_a_summary_sheet_beside_the_register_it_sums_is_not_counted_again():
    register = "".join(
        f"[sheet {site}]\n\nAsset ID | Location | Device type | Make | Model | Status\n"
        + "".join(
            f"{site[:2]}-{i:03} | Car park | Camera | Axis | P3265-LVE | Active\n"
            for i in range(axis)
        )
        + "".join(
            f"{site[:2]}-H{i:02} | Reception | Camera | Hanwha | XNV-6081 | Active\n"
            for i in range(hanwha)
        )
        + "\n"
        for site, axis, hanwha in (("Riverside", 3, 2), ("Eastbank", 2, 1))
    )
    answer = extract_answer(
        register
        + "[sheet Summary]\n\nMake | Riverside | Eastbank | Active cameras\nAxis | 3 | 2 | 5\n"
        "Hanwha | 2 | 1 | 3\nTotal | 5 | 3 | 8\n"
    )
    assert answer.counts == {"Axis": 5, "Hanwha": 3}


def test_a_table_reprinted_in_an_annex_is_counted_once():
    table = (
        "Site | Make | Cameras\nTown House | Axis | 40\nDepot | Bosch | 12\nLibrary | Axis | 6\n"
    )
    answer = extract_answer(
        "The council's cameras are listed below.\n\n"
        + table
        + "\nAnnex A - the table above, for your records\n\n"
        + table
    )
    assert answer.counts == {"Axis": 46, "Bosch": 12}


def test_two_sites_with_the_same_one_figure_both_count():
    answer = extract_answer(
        "North depot\nMake | Cameras\nAxis | 4\n\nSouth depot\nMake | Cameras\nAxis | 4\n"
    )
    assert answer.counts == {"Axis": 8}


def test_the_in_service_column_is_the_count_of_a_table_that_also_counts_spares_and_removals():
    answer = extract_answer(
        "CCTV asset register - summary by make and status\n"
        "Make | In service | Spare - in stock | Decommissioned | Total on register\n"
        "Axis | 88 | 6 | 0 | 94\nBosch | 23 | 0 | 4 | 27\nHikvision | 0 | 0 | 31 | 31\n"
    )
    assert answer.counts == {"Axis": 88, "Bosch": 23}
    assert answer.manufacturers_denied == ["Hikvision"]


def test_a_state_linked_row_under_a_sheet_named_cameras_is_in_use():
    answer = extract_answer(
        "[sheet Cameras]\n\nVenue | Location | Make | Qty | Status\n"
        + "".join(f"Leisure centre | Area {i} | Hanwha | 2 | In service\n" for i in range(6))
        + "Leisure centre | Gym | Tiandy | 4 | In service\nSports hub | Pavilion | Tiandy | 6 | In service\n"
    )
    assert answer.manufacturers_in_use == ["Hanwha", "Tiandy"]
    assert answer.counts == {"Hanwha": 12, "Tiandy": 10}


def test_someone_elses_cameras_after_the_answer_are_no_no_to_the_question():
    answer = extract_answer(
        '"Please tell me how many public space CCTV cameras the council operates and how many of these were '
        'manufactured by Hikvision."\n\nOur response\n\nThe network is made up of 386 cameras. Of these, 44 are '
        "Hikvision units; all of the others were manufactured by Bosch.\n\nOperators can also view roughly 60 "
        "cameras at the bus station. Those cameras belong to Strathclyde Partnership for Transport and are not "
        "part of the council's network, so they are not included in the figures above.\n"
    )
    assert answer.manufacturers_in_use == ["Bosch", "Hikvision"]
    assert answer.manufacturers_denied == []
    assert answer.counts == {"Bosch": 342, "Hikvision": 44}


def test_a_ground_the_next_sentence_says_is_not_relied_on_is_not_cited():
    answer = extract_answer(
        "The information is exempt under sections 24(1) and 31(1)(a), and the request is refused.\n"
        "For completeness, two tenant operators asked us to withhold the information as commercially sensitive "
        "under section 43. We have not relied on section 43.\nWe have also considered section 38. As sections 24 "
        "and 31 apply to all of the information, we have not gone on to decide whether section 38 is engaged.\n"
    )
    assert answer.exemptions == ["FOIA s24", "FOIA s31"]


def test_a_review_not_upholding_the_reliance_on_one_section_sets_only_it_aside():
    answer = extract_answer(
        "The original response withheld all of the information under section 31(1) and section 35(1)(a) of "
        "FOISA.\n\nI do not uphold the reliance on section 31(1). The campus is not part of the critical "
        "national infrastructure.\n\nI uphold the reliance on section 35(1)(a) for the numbers per building, "
        "which remain withheld. The cameras are made by Axis and Bosch.\n"
    )
    assert answer.exemptions == ["FOISA s35"]


def test_a_public_authority_under_section_6_cites_no_ground():
    answer = extract_answer(
        "Because the company is wholly owned by the council, it is a public authority under section 6 of the "
        "Freedom of Information Act. The cost of answering would exceed the appropriate limit, so the request "
        "is refused under section 12.\n"
    )
    assert answer.exemptions == ["FOIA s12"]


def test_no_cameras_at_one_named_place_is_no_denial_for_the_body():
    answer = extract_answer(
        "(i) There are 24 cameras at Marchester Bus Station, all made by Axis.\n"
        "(iii) None of the cameras at Marchester Bus Station are made by Hikvision or Dahua.\n"
    )
    assert answer.manufacturers_denied == []


def test_alarm_panels_that_do_not_include_cameras_deny_nothing():
    answer = extract_answer(
        "The Board's cameras are from Axis and Avigilon. For completeness, the intruder alarm panels at our "
        "health centres are Honeywell Galaxy units; these are alarm control panels and do not include cameras.\n"
    )
    assert answer.manufacturers_in_use == ["Avigilon", "Axis"]
    assert answer.manufacturers_denied == []


def test_an_agreed_or_funded_replacement_is_planned_in_english_and_welsh():
    answer = extract_answer(
        "Mae gan yr ysgol ddeg camera Hikvision. Mae'r corff llywodraethu wedi cytuno i osod camerâu Axis yn "
        "lle'r deg camera Hikvision yn ystod haf 2025.\nThe school has ten Hikvision cameras. The Commissioner "
        "approved funding to replace these cameras with Axis cameras during 2025/26.\n"
    )
    assert answer.manufacturers_in_use == ["Hikvision"]


def test_recorders_named_with_their_range_and_model_add_no_cameras():
    answer = extract_answer(
        "The cameras at both sites record to two Hanwha Wisenet WRN-1632S network video recorders. We have "
        "12 Mobotix cameras.\n"
    )
    assert answer.counts == {"Mobotix": 12}


def test_an_ncnd_letter_with_its_complaint_rights_attached_is_ncnd():
    answer = extract_answer(
        "The force can neither confirm nor deny that it holds the information you have requested, by virtue of "
        "the following exemptions:\nSection 24(2) - National Security\nSection 31(3) - Law Enforcement\n"
        "No inference can be taken from this refusal that the information you have requested does or does not "
        "exist.\nComplaint rights are attached.\n"
    )
    assert answer.outcome == "neither_confirm_nor_deny"


def test_a_table_of_items_each_neither_confirmed_nor_denied_is_ncnd():
    answer = extract_answer(
        "Each part of your request and our response is set out in the table below.\n\n"
        "No. | You asked | Our response\n1 | Does the force use Hikvision cameras at any of its premises? | "
        "Neither confirm nor deny - sections 24(2) and 31(3)\n2 | If so, how many? | Neither confirm nor deny - "
        "sections 24(2) and 31(3)\n"
    )
    assert answer.outcome == "neither_confirm_nor_deny"
    assert answer.manufacturers_in_use == []


def test_makers_in_the_request_column_of_a_review_table_are_asked_about():
    answer = extract_answer(
        "Your original request and the department's decision are summarised below.\n\n"
        "Part | Information requested | Original decision | Review decision\n"
        "1 | Number of CCTV cameras at each site, by manufacturer, including any Hikvision or Dahua | Withheld - "
        "s24(1), s31(1)(a) | Upheld\n\nThe department operates several hundred cameras across its estate. I "
        "uphold the decision to withhold the information under sections 24(1) and 31(1)(a).\n"
    )
    assert answer.outcome == "refused"
    assert answer.manufacturers_in_use == [] and answer.manufacturers_denied == []
    assert answer.total_cameras is None


def test_what_a_member_of_the_public_or_the_requester_said_is_hearsay():
    answer = extract_answer(
        "The Town Council does not hold this information. At the meeting in July a member of the public said "
        "that the County Council's cameras were Dahua.\nIn asking for a review you said that \"your schools use "
        'Hikvision cameras - you can see the logo", but the Trust does not comment on that.\n'
    )
    assert answer.manufacturers_in_use == [] and answer.manufacturers_denied == []


def test_the_rest_in_the_sentence_after_a_sites_split_adds_to_that_makers_count():
    answer = extract_answer(
        "Brookside Primary School has 10 cameras: 8 Hikvision and 2 Axis.\n\nMoorfield High School has 64 "
        "cameras, of which 40 are Hanwha. The rest are Hikvision and date from 2016.\n\nAt the depot, of our 30 "
        "cameras 10 are Bosch. The rest are Panasonic and Sony cameras.\n"
    )
    assert answer.counts == {"Axis": 2, "Bosch": 10, "Hanwha": 40, "Hikvision": 32}


def test_a_welsh_and_english_request_label_opens_the_request():
    answer = extract_answer(
        "Cais / Request: Please give the number of CCTV cameras the force operates from each of the following "
        "manufacturers: Hikvision, Dahua, Uniview, and any other manufacturers.\nYmateb / Response: The figures "
        "are in the table below.\n\nGwneuthurwr / Manufacturer | Nifer o gamerâu / Number of cameras\n"
        "Hikvision | 0\nDahua | 0\nAxis | 143\n"
    )
    assert answer.manufacturers_in_use == ["Axis"]
    assert answer.manufacturers_denied == ["Dahua", "Hikvision"]


def test_makers_widely_reported_in_a_policy_summary_are_not_in_use():
    answer = extract_answer(
        "In November 2022 the UK Government told its departments to stop deploying visual surveillance systems "
        "made by certain companies; Hikvision and Dahua were widely reported in that context. The council "
        "withholds the makes of its cameras under section 31(1)(a).\n"
    )
    assert answer.manufacturers_in_use == []


def test_a_cost_refusal_refuses_the_whole_request_however_much_is_held():
    answer = extract_answer(
        "I can confirm that the Department holds some information falling within the scope of your request. "
        "However, we are unable to answer your request within the cost limit.\n\nSection 12(1) of the Freedom "
        "of Information Act 2000 means that a public authority is not obliged to comply with a request where "
        "the cost would exceed the appropriate limit.\n\nYou may wish to submit a narrower request. A narrower "
        "request could still exceed the cost limit, and we would then also need to consider whether any "
        "exemptions apply, such as those at section 24 (national security) and section 31 (law enforcement).\n"
    )
    assert answer.outcome == "refused"
    assert answer.exemptions == ["FOIA s12"]


def test_yes_to_ever_trialled_or_used_is_past_use_and_a_later_no_denies():
    answer = extract_answer(
        "You asked:\n\n1. Has the Partnership ever trialled or used Hikvision cameras?\n2. Does the Partnership "
        "currently use any Hikvision equipment?\n\nOur response:\n\n1. Yes. In 2021 the Partnership ran a pilot "
        "of two Hikvision thermal cameras. The pilot ended in March 2021.\n\n2. No. The Partnership does not "
        "currently operate any Hikvision equipment.\n"
    )
    assert answer.manufacturers_in_use == []
    assert answer.manufacturers_denied == ["Hikvision"]


def test_hikvision_access_control_terminals_are_no_cameras():
    answer = extract_answer(
        '"Please list the makes and numbers of your CCTV cameras."\n\nThe halls of residence use Hikvision '
        "access-control terminals (DS-K1T671 series) at their entrances. None of the University's CCTV cameras "
        "is made by Hikvision. The University's 120 cameras are Avigilon.\n"
    )
    assert answer.manufacturers_in_use == ["Avigilon"]
    assert answer.manufacturers_denied == ["Hikvision"]


def test_cameras_retired_with_none_remaining_are_denied():
    answer = extract_answer(
        "In 2019 the Service fitted Uniview cameras at three stations. Those cameras were retired in March 2024 "
        "and none remain in service.\n\nAll 27 CCTV cameras now in use are made by Axis.\n"
    )
    assert answer.manufacturers_in_use == ["Axis"]
    assert answer.manufacturers_denied == ["Uniview"]


def test_what_the_body_would_reveal_if_it_were_to_confirm_is_no_denial():
    answer = extract_answer(
        "The Police Service neither confirms nor denies that it holds the information you have requested.\n"
        "Several forces have been asked the same question; if the force were to confirm, for example, that it "
        "holds no record of Hikvision equipment, while others decline, a pattern would emerge.\n"
    )
    assert answer.outcome == "neither_confirm_nor_deny"
    assert answer.manufacturers_denied == []


def test_no_cameras_at_a_numbered_address_and_kit_not_in_the_figures_deny_nothing():
    answer = extract_answer(
        "None of the CCTV cameras at 2 Marsham Street were manufactured by Hikvision or Dahua.\n"
        "The campus has 140 Axis cameras. Two Dahua pan-tilt-zoom cameras at the Sports Village were "
        "decommissioned in March 2024 and are not included in the figures above.\n"
    )
    assert answer.manufacturers_denied == []


def test_no_makers_in_a_network_which_consists_of_another_makers_cameras_counts_those():
    answer = extract_answer(
        "There are no Hikvision or Dahua cameras in the council's public-space CCTV network, "
        "which consists of 112 Axis cameras.\n"
    )
    assert answer.manufacturers_in_use == ["Axis"]
    assert answer.manufacturers_denied == []
    assert answer.counts == {"Axis": 112}


def test_the_requesters_remark_after_a_question_on_its_line_is_the_request():
    answer = extract_answer(
        "Your request:\nQ1. Does the Trust use any Hikvision cameras? I have seen Hikvision camera towers "
        "by the new building works.\n\nOur response:\nQ1. No. The Trust does not use any Hikvision cameras.\n"
    )
    assert answer.manufacturers_in_use == []
    assert answer.manufacturers_denied == ["Hikvision"]


def test_no_in_a_question_and_response_table_denies_the_maker_its_question_names():
    answer = extract_answer(
        "Question | Response | Exemption\n"
        "1. Does the University use any CCTV cameras made by Hikvision? | No | N/A\n"
        "2. Does the University use any CCTV cameras made by Dahua? | No | N/A\n"
    )
    assert answer.manufacturers_denied == ["Dahua", "Hikvision"]
    assert answer.manufacturers_in_use == []


def test_no_cameras_on_the_bodys_own_sites_is_a_denial_for_the_body():
    answer = extract_answer(
        "3. Does the Health Board use any Hikvision cameras?\n\n"
        "3. There are no longer any Hikvision cameras in use on Health Board sites. The last 14 were "
        "replaced in November 2023.\n"
    )
    assert answer.manufacturers_denied == ["Hikvision"]
    assert answer.counts == {}


def test_a_question_heading_on_its_own_line_pairs_the_no_under_it():
    answer = extract_answer(
        'You asked:\n"1. How many CCTV cameras does the Executive operate, and who makes them?\n'
        '2. Are any of them made by Hikvision?\n3. Who makes the cameras at its headquarters?"\n\n'
        "Question 1\nThe Executive operates 186 CCTV cameras on its estates and at its local offices.\n"
        "Of these, 120 are manufactured by Dahua and 66 by Hanwha.\n"
        "The cameras are maintained under a regional contract.\nRecords are kept by each area office.\n"
        "Question 2\nNo.\nQuestion 3\nThe Executive neither confirms nor denies whether it holds "
        "information about the CCTV at its headquarters.\n"
    )
    assert answer.manufacturers_denied == ["Hikvision"]
    assert answer.manufacturers_in_use == ["Dahua", "Hanwha"]


def test_refusing_the_rest_of_a_question_under_its_heading_is_no_no():
    answer = extract_answer(
        "You asked:\n1. Are any Hikvision or Dahua cameras used by the force?\n\n"
        "Question 1\nNo Hikvision or Dahua cameras are used in any South Wales Police custody suite.\n"
        "For the reasons given above, the force will not provide information about the manufacturers "
        "of cameras elsewhere on its estate.\n"
    )
    assert answer.manufacturers_denied == []


def test_a_saved_request_pages_title_is_no_claim():
    answer = extract_answer(
        "Council CCTV cameras made by Dahua - a Freedom of Information request to "
        "Brookhurst District Council - WhatDoTheyKnow\n\nDear Mr Hale,\n\nThank you for your request. "
        "We will respond within 20 working days.\n"
    )
    assert answer.manufacturers_in_use == []
    assert answer.outcome == "other"


def test_a_search_of_the_records_that_found_none_of_the_named_makers_denies_them():
    answer = extract_answer(
        "Q3 | Any other makers? | We searched the asset register for cameras made by Tiandy and "
        "Uniview and have not found any.\n"
    )
    assert answer.manufacturers_in_use == []
    assert answer.manufacturers_denied == ["Tiandy", "Uniview"]


def test_telecoms_equipment_from_a_camera_maker_is_no_camera_use():
    answer = extract_answer(
        "The station cameras are made by Axis. Part of our signalling telecoms network uses equipment "
        "supplied by Huawei.\n"
    )
    assert answer.manufacturers_in_use == ["Axis"]


def test_a_cover_sheets_request_row_is_the_request():
    answer = extract_answer(
        "FOI reference | FOI/24/0031\n"
        "Request | Does the Trust use cameras made by Hikvision or Dahua, and how many of each?\n"
        "Response | The Trust's cameras are listed below, from the estates asset register.\n\n"
        "Manufacturer | Currently in use? | Number of cameras\n"
        "Hikvision | No | 0\nDahua | No | 0\nWisenet | Yes | 41 | Includes former Samsung Techwin models\n"
    )
    assert answer.manufacturers_in_use == ["Hanwha"]
    assert answer.manufacturers_denied == ["Dahua", "Hikvision"]
    assert answer.counts == {"Hanwha": 41}


def test_a_request_quoted_after_asked_for_the_following_information_is_the_request():
    answer = extract_answer(
        "You asked for the following information:\n\n"
        '"For each depot, please provide:\n1. the number of CCTV cameras;\n'
        '2. the number of those cameras made by Dahua."\n\n'
        "The Service holds this information but it is exempt under section 24(1) of the Act.\n"
    )
    assert answer.manufacturers_in_use == []
    assert answer.outcome == "refused"


def test_the_answer_to_numbered_questions_is_no_denies_their_makers():
    answer = extract_answer(
        "You asked:\n1. Does the council use cameras made by Tiandy?\n"
        "2. Does the council use cameras made by Uniview?\n3. Which makers does it use?\n\n"
        "The answer to questions 1 and 2 is no. The council's cameras are made by Bosch.\n"
    )
    assert answer.manufacturers_denied == ["Tiandy", "Uniview"]
    assert answer.manufacturers_in_use == ["Bosch"]


def test_zero_nil_and_welsh_dim_deny_the_maker_asked_about():
    answer = extract_answer(
        "Request\n1. How many cameras made by Hikvision does the council operate?\n"
        "2. How many cameras made by Dahua does the council operate?\n\nResponse\n1. Zero.\n\n2. Nil.\n"
    )
    assert answer.manufacturers_denied == ["Dahua", "Hikvision"]
    assert answer.counts == {}
    table = extract_answer(
        "Gwneuthurwr / Manufacturer | Nifer / Number\nUniview | Dim / None\nAxis | 12\nCyfanswm / Total | 12\n"
    )
    assert table.manufacturers_denied == ["Uniview"]
    assert table.counts == {"Axis": 12}


def test_this_manufacturer_and_the_four_you_list_refer_back_to_the_request():
    one = extract_answer(
        'You asked: "Does the Trust use Hikvision cameras? If so, how many?"\n\n'
        "Response:\nI can confirm that the Trust does not use this manufacturer.\n"
    )
    assert one.manufacturers_denied == ["Hikvision"]
    four = extract_answer(
        'You asked: "Does the University use cameras made by Hikvision, Dahua, Uniview or Tiandy?"\n\n'
        "Response\nThe University's CCTV system uses none of the four manufacturers you list.\n"
    )
    assert four.manufacturers_denied == ["Dahua", "Hikvision", "Tiandy", "Uniview"]


def test_a_denial_naming_the_requests_companies_from_afar_and_what_follows_from_it():
    answer = extract_answer(
        'Request\n\n"Does the council use any equipment made by any of these companies:\n\n- Hikvision\n\n'
        '- Dahua\n\nIf so, please state the quantity from each."\n\nResponse\n\n'
        "The council can confirm that it does not use surveillance equipment manufactured by any of the "
        "companies named in your request. As a result, the council does not hold any information "
        "regarding quantities or locations.\n"
    )
    assert answer.manufacturers_denied == ["Dahua", "Hikvision"]
    assert answer.outcome == "disclosed"


def test_the_parent_named_in_a_clause_and_a_predominant_maker_get_no_count():
    answer = extract_answer(
        "The cameras are predominantly Avigilon units (Avigilon is now part of Motorola Solutions). "
        "The college operates 240 CCTV cameras.\n"
    )
    assert answer.manufacturers_in_use == ["Avigilon"]
    assert answer.counts == {}
    assert answer.total_cameras == 240


def test_a_question_number_in_a_tables_first_cell_is_no_total():
    answer = extract_answer(
        "Your request\n- How many cameras does the Board operate?\n\n- Whether any are made by Dahua.\n\n"
        "Response\nQuestion | Response\n1 | The Board does not hold a count of its cameras.\n"
        "5 | The Board does not use any Dahua cameras.\n"
    )
    assert answer.total_cameras is None


def test_i_pro_is_reported_as_panasonic():
    answer = extract_answer("The council's cameras are made by i-PRO (16) and Axis (4).\n")
    assert answer.counts == {"Axis": 4, "Panasonic": 16}


def test_of_these_after_a_total_counts_and_a_records_caveat_denies_nothing():
    answer = extract_answer(
        "Q2. How many?\nA2. There are 640 CCTV cameras across the Board's estate. Of these, 120 are "
        "manufactured by Dahua. The remaining cameras are a mix of Axis and Bosch models; the asset "
        "register does not break these down by manufacturer.\n"
    )
    assert answer.counts == {"Dahua": 120}
    assert answer.manufacturers_denied == []
    assert answer.manufacturers_in_use == ["Axis", "Bosch", "Dahua"]


def test_a_maker_used_with_an_installer_clause_and_kit_used_to_provide_imagery_stay_in_use():
    answer = extract_answer(
        "CCTV at our stations uses Vivotek cameras, which are installed and maintained by a "
        "contractor. The drone team operates three DJI aircraft fitted with cameras. The aircraft are "
        "used to provide imagery at incidents; they are not connected to our network. No decision has "
        "been taken on the replacement of the DJI aircraft.\n"
    )
    assert answer.manufacturers_in_use == ["DJI", "Vivotek"]


def test_none_of_the_forces_body_worn_devices_is_no_denial_for_the_force():
    answer = extract_answer(
        "The force's body worn video devices are Motorola Solutions VB400 cameras. None of the force's "
        "body worn video devices or in-vehicle cameras are manufactured by Hikvision.\n"
    )
    assert answer.manufacturers_denied == []


def test_a_bare_no_scoped_by_the_sentence_under_it_and_all_but_n_of_these():
    answer = extract_answer(
        "1) How many cameras?\n2) Which makes?\n3) Are any made by Hikvision?\n\n"
        "1) The council's CCTV team manages 210 public space cameras across the borough.\n\n"
        "2) All but 12 of these are Axis cameras. The 12 exceptions are older Bosch domes.\n\n"
        "3) No. The council does not operate any Hikvision cameras in the public space network.\n"
    )
    assert answer.manufacturers_denied == []
    assert answer.counts["Axis"] == 198
    assert answer.manufacturers_in_use == ["Axis", "Bosch"]


def test_a_saved_threads_sender_and_date_line_ends_an_annotation():
    answer = extract_answer(
        "Jo Bloggs made this Freedom of Information request to Brookhurst Council\n"
        "Jo Bloggs 10 February 2025\nDear Brookhurst Council,\nDo you use Dahua cameras? If so how many?\n"
        "Yours faithfully,\nJo Bloggs\n"
        "Alex Reed left an annotation (21 February 2025)\nI heard the leisure centres have Hikvision.\n"
        "Brookhurst Council 14 March 2025\nDear Jo Bloggs,\n1. Yes. The Council has 31 Dahua cameras.\n"
        "Yours sincerely,\nInformation Governance Team\n"
    )
    assert answer.manufacturers_in_use == ["Dahua"]
    assert answer.counts == {"Dahua": 31}


def test_a_question_heading_naming_a_maker_is_no_use():
    answer = extract_answer(
        'Your original request\n\n"1. The manufacturer and model of the body worn video cameras issued to '
        "officers.\n2. The manufacturer(s) of the CCTV cameras at police stations.\n3. Whether any of the "
        'cameras in 1 or 2 are made by Hikvision."\n\n'
        "Question 1 - Body worn video\n\nThe force uses 950 Reveal D5 body worn cameras.\n\n"
        "Question 2 - Station CCTV\n\nI uphold the original decision in respect of the CCTV at police "
        "stations. This information remains exempt under Section 24(1).\n\n"
        "Question 3 - Hikvision\n\nI am able to confirm that the body worn video cameras described above "
        "are not made by Hikvision. For the reasons given in respect of Question 2, I uphold the decision "
        "not to disclose whether any station CCTV cameras are made by any particular manufacturer.\n"
    )
    assert answer.manufacturers_in_use == ["Reveal"]
    assert answer.counts == {"Reveal": 950}


def test_the_requests_words_are_not_the_bodys_use():
    review = extract_answer(
        'Your original request asked:\n\n"For each prison, please state the number of cameras made by '
        'Hikvision."\n\nI uphold the decision to withhold the information in full under section 31(1)(f).\n'
    )
    assert review.manufacturers_in_use == []
    interested = extract_answer(
        "1. Please tell me how many cameras are installed at your stations.\n"
        "2. For each manufacturer, please give the number of cameras.\n"
        "I am particularly interested in cameras made by Dahua and Huawei.\n\n"
        "Response\nThe Service does not hold the information you have requested.\n"
    )
    assert interested.manufacturers_in_use == []
    assert interested.outcome == "not_held"


def test_we_do_not_hold_is_no_yes_and_a_public_interest_topic_is_no_use():
    answer = extract_answer(
        "Does HMRC use Hikvision cameras at its regional centres?\n\n"
        "We do not hold equivalent information for the other regional centres.\n"
    )
    assert answer.manufacturers_in_use == []
    topic = extract_answer(
        "The Department holds the information but it is exempt under section 31(1)(f). I have considered "
        "the public interest, including the public discussion about the security of cameras manufactured "
        "by Dahua.\n"
    )
    assert topic.manufacturers_in_use == []


def test_a_grants_table_with_a_note_under_it_that_the_recipients_own_the_cameras():
    answer = extract_answer(
        "2. The Commissioner awarded these grants towards CCTV for partner organisations.\n\n"
        "Recipient | Year | Amount | Equipment reported by recipient\n"
        "Northtown Borough Council | 2020/21 | £24,000 | 12 Hikvision PTZ cameras, town centre\n"
        "Southport Council | 2021/22 | £9,000 | 5 Axis cameras\n\n"
        "The cameras purchased with these grants are owned, operated and maintained by the recipient "
        "councils.\n"
    )
    assert answer.manufacturers_in_use == []
    assert answer.counts == {}


def test_what_follows_from_a_denial_and_a_note_of_what_is_not_held_beyond_the_table_are_no_part():
    denial = extract_answer(
        "1. Do you use Hikvision or Dahua cameras?\n2. If so, how many?\n\n"
        "The council does not use cameras manufactured by any of the companies named in your request. "
        "The remainder of your request therefore does not apply.\n"
    )
    assert denial.outcome == "disclosed"
    table = extract_answer(
        "The grants were:\n\nRecipient | Amount | Equipment\nNorthtown Council | £9,000 | 5 Axis cameras\n"
        "Eastfield Council | £4,000 | 2 Bosch cameras\n\n"
        "The Commissioner does not hold information about the cameras beyond what is shown in the table.\n"
    )
    assert table.outcome == "disclosed"


def test_cameras_out_of_scope_are_no_no_and_the_rest_is_not_held():
    answer = extract_answer(
        '"1) How many public space cameras do you operate?\n3) Are any of them made by Hikvision?"\n\n'
        "The council does not own or operate any public space CCTV cameras. The town council runs the "
        "scheme, and the council does not hold information about its cameras.\n\nThere are internal "
        "cameras at the civic offices. These are not public space cameras and we have treated them as "
        "outside the scope of your request.\n"
    )
    assert answer.manufacturers_denied == []
    assert answer.outcome == "not_held"


def test_an_ncnd_caveat_and_its_public_interest_annex_are_no_part_disclosure():
    answer = extract_answer(
        "The Department can neither confirm nor deny whether it holds the information you have requested. "
        "This is by virtue of sections 23(5) and 24(2) of the FOIA.\n"
        "Our consideration of the public interest is set out in the Annex below.\n"
        "This response should not be taken as an indication that the information you have requested is "
        "or is not held.\n"
    )
    assert answer.outcome == "neither_confirm_nor_deny"


def test_another_bodys_statement_that_it_does_not_use_a_maker_is_no_denial():
    answer = extract_answer(
        "The force neither confirms nor denies that it holds the information, under section 24(2).\n"
        "The fact that other police forces have chosen to state that they do not use Hikvision equipment "
        "does not oblige the force to do the same.\n"
    )
    assert answer.manufacturers_denied == []
    assert answer.outcome == "neither_confirm_nor_deny"
    contractor = extract_answer(
        "The body worn cameras used by the parking contractor are not Council equipment; NSL has "
        "confirmed that they are not made by Dahua.\n"
    )
    assert contractor.manufacturers_denied == []


def test_parts_that_do_not_apply_after_a_denial_leave_it_disclosed():
    answer = extract_answer(
        'You asked: "Does the Board have equipment from Hikvision or Dahua? If so, how many and where?"\n\n'
        "The Board does not have any equipment from these suppliers. As the Board does not have any such "
        "equipment, the remaining parts of your request do not apply.\n"
    )
    assert answer.outcome == "disclosed"
    assert answer.manufacturers_denied == ["Dahua", "Hikvision"]
    numbers = extract_answer(
        "Translink has no contracts with, and holds no equipment from, Dahua. As there is no Dahua "
        "equipment, we do not hold any information in relation to numbers of devices.\n"
    )
    assert numbers.outcome == "disclosed"


def test_a_tender_shortlist_a_trusts_own_systems_and_replaced_wifi_kit_are_no_use():
    tender = extract_answer(
        "The shortlisted bids proposed cameras from the following manufacturers: Dahua; Tiandy; and "
        "Axis. The council's network comprises 110 Axis cameras.\n"
    )
    assert tender.manufacturers_in_use == ["Axis"]
    trust = extract_answer(
        "The Trust has told the Council that its systems include Hikvision cameras, but these are the "
        "Trust's own systems and the Council holds no further details.\n"
    )
    assert trust.manufacturers_in_use == []
    wifi = extract_answer(
        "At 11 branches the wireless access points are older Huawei AP4050DN units, which are due to be "
        "replaced next year. The library cameras are Vivotek.\n"
    )
    assert wifi.manufacturers_in_use == ["Vivotek"]


def test_a_rows_other_cells_do_not_make_its_maker_an_installer_and_a_review_request_is_quoted():
    table = extract_answer(
        "Use | Manufacturer | Number\nFlood risk asset monitoring | Axis | 131\n"
        "Offices and depots | Bosch | 19\n"
    )
    assert table.counts == {"Axis": 131, "Bosch": 19}
    review = extract_answer(
        'Your request for review said:\n\n"I believe you use Dahua cameras.\nI attach photographs of '
        "Dahua-branded cameras on your buildings.\"\n\nReview\nThe University's cameras are Avigilon.\n"
    )
    assert review.manufacturers_in_use == ["Avigilon"]


def test_yes_and_no_under_maker_headings_answer_for_the_headings_maker():
    answer = extract_answer(
        'You asked: "Do you use CCTV cameras made by Hikvision or Dahua? If so how many?"\n\n'
        "1. Hikvision\nYes. The association has 231 CCTV cameras, all of which are made by Hikvision.\n\n"
        "2. Dahua\nNo. We do not have any Dahua cameras.\n"
    )
    assert answer.manufacturers_in_use == ["Hikvision"]
    assert answer.manufacturers_denied == ["Dahua"]
    assert answer.counts == {"Hikvision": 231}


def test_all_the_other_cameras_are_the_rest_of_a_whole_two_sentences_back():
    answer = extract_answer(
        "The council's CCTV estate comprises 300 cameras in total. 40 of these are Dahua cameras. All of "
        "the council's other cameras are manufactured by Bosch.\n"
    )
    assert answer.counts == {"Bosch": 260, "Dahua": 40}


def test_a_review_that_overturns_in_part_keeps_the_grounds_it_upholds():
    answer = extract_answer(
        "The information is exempt from disclosure by virtue of section 24(1) and section 31(1)(a).\n\n"
        "Internal review\nHaving considered your arguments, I have decided to partially overturn the "
        "original decision.\nQuestion 2: I can confirm that the force does not use cameras made by Dahua.\n"
        "Question 1: I uphold the original decision to withhold the names of the manufacturers used at "
        "police stations, under Sections 24(1) and 31(1)(a).\n"
    )
    assert answer.exemptions == ["FOIA s24", "FOIA s31"]

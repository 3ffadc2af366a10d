// Small progressive enhancement for the review queue: keyboard shortcuts, and
// decisions sent with fetch so the next item replaces the panel without a page reload.
// Everything works without this file (plain forms and links).
"use strict";

(function () {
  const panel = () => document.getElementById("review-panel");
  const fields = () => Array.from(document.querySelectorAll("#review-panel article.field"));
  let current = 0;

  function setStatus(message, isError) {
    const box = document.getElementById("review-status");
    if (!box) return;
    box.textContent = message;
    box.classList.toggle("error", Boolean(isError));
  }

  function focusField(index) {
    const all = fields();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((el, i) => el.classList.toggle("current", i === current));
    all[current].focus({ preventScroll: false });
  }

  // The server marks the selected field (the first one, the one after a decision, or the one
  // being corrected): the keys act on exactly the field drawn as selected.
  function focusSelected() {
    const all = fields();
    const marked = all.findIndex((el) => el.classList.contains("current"));
    focusField(marked >= 0 ? marked : 0);
    const pick = document.querySelector("#review-panel form.pick");
    if (pick) {
      const checked = pick.querySelector("input[name=passage]:checked") || pick.querySelector("input[name=passage]");
      if (checked) checked.focus();
      showChosen();
    }
  }

  function showChosen() {
    const pick = document.querySelector("#review-panel form.pick");
    if (!pick) return;
    const checked = pick.querySelector("input[name=passage]:checked");
    const key = checked ? checked.value : "";
    document.querySelectorAll("#review-panel mark.cand").forEach((m) => m.classList.toggle("chosen", m.dataset.passage === key));
    const chosen = document.querySelector("#review-panel mark.cand.chosen");
    if (chosen) chosen.scrollIntoView({ block: "nearest" });
  }

  function choosePassage(number) {
    const radios = Array.from(document.querySelectorAll("#review-panel form.pick input[name=passage]"));
    if (!radios.length) return false;
    // 0 is the last radio ("my own value"), 1..n the numbered passages.
    const radio = number === 0 ? radios[radios.length - 1] : radios[number - 1];
    if (!radio || (number !== 0 && radio.value === "")) return false;
    radio.checked = true;
    radio.focus();
    showChosen();
    setStatus(number === 0 ? "No passage: your own value, give the reason." : "Passage " + number + " will be quoted. Enter saves.");
    return true;
  }

  async function swapPanel(response) {
    const html = await response.text();
    // Parsed, never executed: scripts in fetched HTML do not run, and the CSP forbids inline code anyway.
    const doc = new DOMParser().parseFromString(html, "text/html");
    if (!response.ok) {
      const error = doc.querySelector(".error");
      setStatus(error ? error.textContent : "Error " + response.status, true);
      return false;
    }
    const fresh = doc.getElementById("review-panel");
    if (!fresh) {
      setStatus("Unexpected answer from the server; reload the page.", true);
      return false;
    }
    panel().replaceWith(document.importNode(fresh, true));
    const id = panel().dataset.answer;
    const skip = panel().dataset.skip;
    history.replaceState(null, "", (id ? "/team/review/" + id : "/team/review") + (skip ? "?skip=" + skip : ""));
    focusSelected();
    const problem = panel().querySelector(".problem");
    if (problem) setStatus(problem.textContent, true);
    const saved = panel().querySelector(".saved-warnings");
    if (saved) setStatus(saved.textContent.replace(/\s+/g, " ").trim(), true);
    return !problem && !saved;
  }

  async function submit(form, action, extra) {
    const data = new URLSearchParams(new FormData(form));
    data.set("action", action);
    Object.entries(extra || {}).forEach(([k, v]) => data.set(k, v));
    setStatus("Saving…");
    // getAttribute: the buttons are named "action", which shadows form.action.
    const response = await fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "X-CSRF-Token": data.get("csrf_token") || "" },
    });
    const picking = action === "correct" && data.get("pick") !== "1";
    if (await swapPanel(response)) {
      setStatus(picking ? "Pick the passage to quote (its number, or 0: your own value), then Enter."
        : action === "accept" ? "Accepted." : action === "reject" ? "Rejected." : "Corrected.");
    }
  }

  async function skip() {
    const link = document.getElementById("skip-link");
    if (!link) return;
    setStatus("Loading the next answer…");
    if (await swapPanel(await fetch(link.href, { credentials: "same-origin" }))) setStatus("Skipped.");
  }

  function startEditing(selector, mode) {
    const field = fields()[current];
    if (!field) return;
    const form = field.querySelector("form.decide");
    form.dataset.mode = mode;
    const input = form.querySelector(selector);
    input.focus();
    if (input.select) input.select();
    setStatus(mode === "correct" ? "Type the value, press Enter to see the passages that support it." : "Give a reason, press Enter.");
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches || !form.matches("#review-panel form.decide")) return;
    event.preventDefault();
    if (form.matches(".pick")) {
      submit(form, "correct", { pick: (event.submitter && event.submitter.value) || "1" });
      return;
    }
    submit(form, (event.submitter && event.submitter.value) || "accept");
  });

  function onEnterInForm(event) {
    const form = event.target.form;
    if (!form || !form.matches("#review-panel form.decide")) return;
    if (form.matches(".pick")) {
      // Enter in the value looks for passages again; anywhere else in the picker it saves.
      event.preventDefault();
      submit(form, "correct", { pick: event.target.name === "value" ? "0" : "1" });
      return;
    }
    const value = form.querySelector("[name=value]");
    const edited = value && value.value !== (value.defaultValue !== undefined ? value.defaultValue : value.value);
    const mode = form.dataset.mode || (edited ? "correct" : null);
    if (!mode) return;
    event.preventDefault();
    submit(form, mode);
  }

  const KEYS = {
    j: () => focusField(current + 1),
    ArrowDown: () => focusField(current + 1),
    k: () => focusField(current - 1),
    ArrowUp: () => focusField(current - 1),
    a: () => { const f = fields()[current]; if (f) submit(f.querySelector("form.decide"), "accept"); },
    c: () => startEditing("[name=value]", "correct"),
    r: () => startEditing("[name=reason]", "reject"),
    A: () => { const f = document.querySelector("#review-panel form.accept-all"); if (f) submit(f, "accept"); },
    s: skip,
  };

  document.addEventListener("keydown", (event) => {
    if (!panel() || event.ctrlKey || event.metaKey || event.altKey) return;
    const inPicker = event.target.closest && event.target.closest("#review-panel form.pick");
    const typing = event.target.closest && event.target.closest("input:not([type=radio]):not([type=checkbox]), select, textarea");
    if (inPicker && !typing && /^[0-9]$/.test(event.key)) {
      if (choosePassage(Number(event.key))) event.preventDefault();
      return;
    }
    if (inPicker && event.key === "Escape") {
      event.preventDefault();
      cancelPick();
      return;
    }
    if (inPicker && !typing && event.key === "Enter") {
      onEnterInForm(event);
      return;
    }
    // Other keys in the picker keep their usual meaning (space checks a radio, arrows move between
    // them) except j/k/s: nothing is accepted or rejected while a correction is open.
    if (inPicker && !typing && !["j", "k", "s"].includes(event.key)) return;
    if (typing) {
      if (event.key === "Enter") onEnterInForm(event);
      if (event.key === "Escape") { event.target.blur(); delete event.target.form.dataset.mode; }
      return;
    }
    const action = KEYS[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  async function cancelPick() {
    const id = panel().dataset.answer;
    const skip = panel().dataset.skip;
    if (await swapPanel(await fetch("/team/review/" + id + "/panel" + (skip ? "?skip=" + skip : ""), { credentials: "same-origin" }))) {
      setStatus("Correction cancelled.");
    }
  }

  document.addEventListener("change", (event) => {
    if (event.target.matches && event.target.matches("#review-panel form.pick input[name=passage]")) showChosen();
  });

  document.addEventListener("click", (event) => {
    // Clicking a highlighted passage in the reply picks it.
    const mark = event.target.closest && event.target.closest("#review-panel mark.cand");
    if (mark) {
      choosePassage(Number(mark.dataset.n));
      return;
    }
    if (event.target.id === "skip-link") {
      event.preventDefault();
      skip();
      return;
    }
    // Clicking a field makes it the one the keys act on.
    const field = event.target.closest && event.target.closest("#review-panel article.field");
    if (field) {
      current = fields().indexOf(field);
      fields().forEach((el, i) => el.classList.toggle("current", i === current));
    }
  });

  document.addEventListener("DOMContentLoaded", () => { if (panel()) focusSelected(); });
})();

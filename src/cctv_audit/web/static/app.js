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

  function focusFirstPending() {
    const all = fields();
    const pending = all.findIndex((el) => el.classList.contains("state-extracted"));
    focusField(pending >= 0 ? pending : 0);
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
    focusFirstPending();
    return true;
  }

  async function submit(form, action) {
    const data = new URLSearchParams(new FormData(form));
    data.set("action", action);
    setStatus("Saving…");
    // getAttribute: the buttons are named "action", which shadows form.action.
    const response = await fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "X-CSRF-Token": data.get("csrf_token") || "" },
    });
    if (await swapPanel(response)) setStatus(action === "accept" ? "Accepted." : action === "reject" ? "Rejected." : "Corrected.");
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
    setStatus(mode === "correct" ? "Edit the value, give a reason, press Enter." : "Give a reason, press Enter.");
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches || !form.matches("#review-panel form.decide")) return;
    event.preventDefault();
    submit(form, (event.submitter && event.submitter.value) || "accept");
  });

  function onEnterInForm(event) {
    const form = event.target.form;
    if (!form || !form.matches("#review-panel form.decide")) return;
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
    const typing = event.target.closest && event.target.closest("input, select, textarea");
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

  document.addEventListener("click", (event) => {
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

  document.addEventListener("DOMContentLoaded", () => { if (panel()) focusFirstPending(); });
})();

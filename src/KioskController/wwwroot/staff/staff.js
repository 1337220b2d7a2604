// The staff screen. Every text comes from /i18n/{lang}.json, like the patron's screen. Nothing of the list shows until
// the staff code is accepted; the code stays in this tab's sessionStorage until "lock" and goes with each "dealt with".
// The list reloads when /api/stream says it changed (event "staff") and when the stream (re)connects: no polling.
"use strict";
(() => {
  const CODE_KEY = "kiosk.staffCode";
  const state = { lang: "vi", texts: {}, list: null, unlocked: false, message: "" };
  const $ = (id) => document.getElementById(id);
  const t = (key, values) => {
    let text = state.texts[key] ?? key;
    for (const [name, value] of Object.entries(values ?? {})) text = text.replaceAll(`{${name}}`, value);
    return text;
  };
  // "OfflineCheckout" → "offlineCheckout": the enum names the API sends are the resource keys' last part.
  const keyOf = (name) => name ? name[0].toLowerCase() + name.slice(1) : "unknown";
  const known = (prefix, name) => (state.texts[`${prefix}.${keyOf(name)}`] ? `${prefix}.${keyOf(name)}` : `${prefix}.unknown`);
  const when = (iso) => new Date(iso).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB", { dateStyle: "short", timeStyle: "short" });

  async function loadLanguage(lang) {
    const response = await fetch(`/i18n/${lang}.json`, { cache: "no-cache" });
    state.texts = await response.json();
    state.lang = lang;
    document.documentElement.lang = lang;
    render();
  }

  function refusal(payload) {
    return payload?.reason === "lockedOut" ? t("staff.lockedOut") : t("staff.wrongCode");
  }

  async function unlock(code) {
    $("access-error").textContent = "";
    if (!code) { $("access-error").textContent = t("staff.noCode"); return; }
    const response = await fetch("/api/staff/access", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }) });
    if (!response.ok) {
      sessionStorage.removeItem(CODE_KEY);
      $("access-error").textContent = refusal(await response.json().catch(() => null));
      $("staff-code").focus();
      return;
    }
    sessionStorage.setItem(CODE_KEY, code);
    state.unlocked = true;
    render();
    await loadList();
    $("security-heading").focus();
  }

  function lock(message) {
    sessionStorage.removeItem(CODE_KEY);
    state.unlocked = false;
    state.list = null;
    state.message = "";
    render();
    $("access-error").textContent = message ?? "";
    $("staff-code").focus();
  }

  async function loadList() {
    if (!state.unlocked) return;
    try {
      const response = await fetch("/api/staff", { cache: "no-cache" });
      if (!response.ok) throw new Error(String(response.status));
      state.list = await response.json();
    } catch {
      state.message = t("staff.loadFailed");
    }
    render();
  }

  async function resolve(kind, entry, label) {
    const response = await fetch(`/api/staff/${kind}/${entry.id}/resolve`, {
      method: "POST",
      headers: { "X-Staff-Code": sessionStorage.getItem(CODE_KEY) ?? "" },
    }).catch(() => null);
    if (response?.status === 403 || response?.status === 429) { lock(refusal(await response.json().catch(() => null))); return; }
    state.message = response?.ok ? t("staff.resolved", { item: label }) : response?.status === 404 ? t("staff.notListed") : t("staff.failed");
    await loadList();
    // Keep the keyboard's place: the next entry's button, or the heading when the list is empty.
    (document.querySelector(".staff-items button") ?? $("security-heading")).focus();
  }

  function line(kind, entry, what, todo) {
    const li = document.createElement("li");
    li.dataset.id = String(entry.id);
    const label = entry.title ? `${entry.title} (${entry.itemId})` : entry.itemId;
    const title = Object.assign(document.createElement("span"), { className: "title", textContent: entry.title ?? t("staff.item", { id: entry.itemId }) });
    if (entry.title) title.append(" · ", t("staff.item", { id: entry.itemId }));
    const whatLine = document.createElement("p");
    whatLine.className = "what";
    whatLine.append(Object.assign(document.createElement("span"), { className: "label", textContent: t("staff.whatHappened") + ": " }), what);
    const todoLine = document.createElement("p");
    todoLine.className = "todo";
    todoLine.append(Object.assign(document.createElement("span"), { className: "label", textContent: t("staff.todo") + ": " }), todo);
    const at = Object.assign(document.createElement("span"), { className: "when", textContent: t("staff.at", { time: when(entry.at) }) });
    const button = Object.assign(document.createElement("button"), { type: "button", className: "primary", textContent: t("staff.resolve") });
    button.setAttribute("aria-label", t("staff.resolveLabel", { item: label }));
    button.addEventListener("click", () => { button.disabled = true; resolve(kind, entry, label); });
    li.append(title, whatLine, todoLine, at);
    if (entry.note) {
      const details = document.createElement("details");
      details.append(Object.assign(document.createElement("summary"), { textContent: t("staff.details") }), entry.note);
      li.append(details);
    }
    li.append(button);
    return li;
  }

  // The reasons that name the kind already (a loan on loan elsewhere, a blocked patron's loan) say it once.
  function conflictWords(entry) {
    const words = t(known("staff.conflict", entry.reason));
    return ["ItemOnLoanToSomeoneElse", "PatronBlocked"].includes(entry.reason) ? words : `${t(known("staff.kind", entry.kind))}. ${words}`;
  }

  function fill(list, lines) {
    list.replaceChildren(...(lines.length ? lines : [Object.assign(document.createElement("li"), { className: "empty", textContent: t("staff.nothing") })]));
  }

  function render() {
    document.querySelectorAll("[data-i18n]").forEach((element) => { element.textContent = t(element.dataset.i18n); });
    document.title = t("staff.title");
    const toggle = $("language");
    toggle.textContent = t("switchTo");
    toggle.setAttribute("aria-label", t("switchTo"));
    $("access").hidden = state.unlocked;
    $("lists").hidden = !state.unlocked;
    $("lock").hidden = !state.unlocked;
    $("staff-message").textContent = state.message;
    $("keypad").querySelectorAll("button").forEach((button) => {
      const key = button.dataset.key;
      button.setAttribute("aria-label", key === "⌫" ? t("backspace") : key === "C" ? t("clear") : key);
    });
    if (!state.unlocked || !state.list) return;
    fill($("security"), state.list.security.map((entry) =>
      line("security", entry, t(known("staff.security", entry.operation)), t(known("staff.securityTodo", entry.operation)))));
    fill($("offline"), state.list.offlineConflicts.map((entry) =>
      line("offline", entry, conflictWords(entry), t(known("staff.conflictTodo", entry.reason)))));
  }

  $("language").addEventListener("click", () => loadLanguage(state.lang === "vi" ? "en" : "vi"));
  $("lock").addEventListener("click", () => lock());
  $("access-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const code = $("staff-code").value.trim();
    $("staff-code").value = "";
    unlock(code);
  });
  const keypad = $("keypad");
  for (const key of ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "C"]) {
    const button = Object.assign(document.createElement("button"), { type: "button", textContent: key });
    button.dataset.key = key;
    button.addEventListener("click", () => {
      const input = $("staff-code");
      input.value = key === "⌫" ? input.value.slice(0, -1) : key === "C" ? "" : (input.value + key).slice(0, 12);
      input.focus();
    });
    keypad.append(button);
  }

  const stream = new EventSource("/api/stream");
  stream.addEventListener("open", () => loadList());
  stream.addEventListener("staff", () => loadList());

  fetch("/api/status").then((r) => r.json()).then((status) => loadLanguage(status.defaultLanguage || "vi"))
    .catch(() => loadLanguage("vi"))
    .then(() => {
      const stored = sessionStorage.getItem(CODE_KEY);
      if (stored) unlock(stored); else $("staff-code").focus();
    });
})();

// The kiosk's screen. Every text comes from /i18n/{lang}.json. The session and the devices' status are pushed over
// /api/stream (server-sent events); the screen only asks the server to act, and redraws from what the server says.
"use strict";
(() => {
  const state = { lang: "vi", texts: {}, status: null, session: null, view: "home", intent: "borrow", result: null, account: null };
  const $ = (id) => document.getElementById(id);
  const t = (key, values) => {
    let text = state.texts[key] ?? key;
    for (const [name, value] of Object.entries(values ?? {})) text = text.replaceAll(`{${name}}`, value);
    return text;
  };
  const date = (iso) => iso ? new Date(iso).toLocaleDateString(state.lang === "vi" ? "vi-VN" : "en-GB") : "";

  async function loadLanguage(lang) {
    const response = await fetch(`/i18n/${lang}.json`, { cache: "no-cache" });
    state.texts = await response.json();
    state.lang = lang;
    document.documentElement.lang = lang;
    render();
  }

  async function call(path, body) {
    $("busy").hidden = false;
    try {
      const response = await fetch(`/api/session/${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body ?? {}),
      });
      const payload = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
      if (!response.ok) throw Object.assign(new Error(payload?.reason ?? "failed"), { payload });
      return payload;
    } finally {
      $("busy").hidden = true;
    }
  }

  function show(view) {
    state.view = view;
    document.querySelectorAll(".screen").forEach((screen) => { screen.hidden = screen.dataset.screen !== view; });
    const focus = { "sign-in": "card-number", pin: "pin" }[view];
    if (focus) $(focus).focus();
    render();
  }

  // What the server's session says decides the screen; the patron's intent decides where a sign-in leads.
  function follow(session) {
    const previous = state.session;
    state.session = session;
    const signedIn = session.state === "active" || session.state === "idleWarning";
    if (session.state === "awaitingPin" && state.view !== "pin") show("pin");
    else if (signedIn && ["home", "sign-in", "pin"].includes(state.view)) show(state.intent === "account" ? "account" : "borrow");
    else if (session.state === "noSession" && ["borrow", "account", "pin"].includes(state.view)) show("home");
    else if (previous?.sessionId && previous.sessionId !== session.sessionId && session.state === "noSession" && state.view === "result") show("home");
    else render();
    if (signedIn && state.view === "account" && !state.account) loadAccount();
  }

  function itemLine(item) {
    const li = document.createElement("li");
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = item.title ?? item.itemId;
    li.append(title);
    const notes = [];
    if (item.partsInItem > 1) {
      notes.push(t("parts", { k: item.partsPresent.length, n: item.partsInItem }));
      for (const part of item.missingParts ?? []) notes.push(t("partMissing", { k: part, n: item.partsInItem }));
    }
    if (item.scanned) notes.push(t("scannedIn"));
    if (item.awaitingReturnToPad) { notes.push(t("putItBack")); li.classList.add("warn"); }
    if ((item.missingParts ?? []).length > 0) li.classList.add("warn");
    if (notes.length) {
      const note = document.createElement("span");
      note.className = "note";
      note.textContent = notes.join(" · ");
      li.append(note);
    }
    return li;
  }

  function outcomeLine(outcome) {
    const li = document.createElement("li");
    li.className = outcome.status === "done" ? "ok" : outcome.status === "doneWithWarning" ? "warn" : "bad";
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = outcome.title ?? outcome.itemId;
    const note = document.createElement("span");
    note.className = "note";
    const parts = [];
    if (outcome.status === "putItBack") parts.push(t("putItBack"));
    else if (outcome.succeeded) {
      parts.push(t(`done.${outcome.operation}`));
      if (outcome.dueDate) parts.push(t("dueOn", { date: date(outcome.dueDate) }));
    }
    if (outcome.reason) parts.push(t(`reason.${outcome.reason}`));
    for (const part of outcome.missingParts ?? []) parts.push(t("partMissingShort", { k: part }));
    if (outcome.offline) parts.push(t("offlineQueued"));
    if (outcome.ilsMessage) parts.push(outcome.ilsMessage);
    note.textContent = parts.join(" · ");
    li.append(title, note);
    return li;
  }

  function render() {
    document.querySelectorAll("[data-i18n]").forEach((element) => { element.textContent = t(element.dataset.i18n); });
    const toggle = $("language");
    toggle.textContent = t("switchTo");
    toggle.setAttribute("aria-label", t("switchTo"));
    renderStatus();
    const session = state.session;
    if (!session) return;
    const maintenance = state.status?.maintenance === true;
    $("offline-banner").hidden = session.ilsReachable && !maintenance;
    if (maintenance) $("offline-banner").textContent = t("maintenanceBanner");
    else if (!session.ilsReachable) $("offline-banner").textContent = t(session.offlineLoansAllowed ? "offlineBannerLoans" : "offlineBanner");
    for (const id of ["go-borrow", "go-return", "go-account"]) $(id).disabled = maintenance;
    const items = session.items ?? [];
    for (const list of [$("borrow-items"), $("return-items")]) {
      list.replaceChildren(...(items.length ? items.map(itemLine) : [Object.assign(document.createElement("li"), { className: "empty", textContent: t("padEmpty") })]));
    }
    $("confirm-borrow").disabled = items.length === 0;
    $("confirm-return").disabled = items.length === 0;
    $("blocks").textContent = (session.blocks ?? []).map((block) => t(`block.${block}`)).join(" · ");
    const idle = session.state === "idleWarning";
    $("idle-warning").hidden = !idle;
    if (idle) {
      const seconds = Math.max(0, Math.round((new Date(session.idleWarningEndsAt) - Date.now()) / 1000));
      $("idle-countdown").textContent = t("idleCountdown", { s: seconds });
    }
    renderAccount();
    renderResult();
  }

  function renderStatus() {
    const status = state.status;
    if (!status) return;
    if (status.libraryName) $("library-name").textContent = status.libraryName;
    const ils = $("ils-status");
    ils.className = `status ${status.ils.status}`;
    ils.textContent = t(status.ils.status === "online" ? "statusOnline" : status.ils.status === "offline" ? "statusOffline" : "statusUnknown");
    const pad = (status.readers ?? []).find((reader) => reader.name === "pad") ?? status.readers?.[0];
    const padLine = $("pad-status");
    padLine.className = `status ${pad?.status === "connected" ? "online" : "offline"}`;
    padLine.textContent = !pad ? "" : pad.status !== "connected" ? t("readerDisconnected") : t("readerConnected");
    $("printer-status").textContent = !status.printer ? "" : status.printer.canPrint ? t("printerReady") : t("printerTrouble");
    $("device").textContent = status.deviceId;
    $("simulated").hidden = !status.simulated;
  }

  function renderAccount() {
    const account = state.account;
    if (!account) { $("loans").replaceChildren(); $("holds").replaceChildren(); $("fines").textContent = ""; return; }
    $("loans").replaceChildren(...(account.loans.length ? account.loans.map((loan) => {
      const li = document.createElement("li");
      if (loan.overdue) li.classList.add("bad");
      const title = Object.assign(document.createElement("span"), { className: "title", textContent: loan.title ?? loan.itemId });
      const note = Object.assign(document.createElement("span"), { className: "note", textContent: (loan.overdue ? t("overdue") + " · " : "") + t("dueOn", { date: date(loan.dueDate) }) });
      const renew = Object.assign(document.createElement("button"), { type: "button", textContent: t("renew") });
      renew.addEventListener("click", () => act(() => call("renew", { itemId: loan.itemId, lang: state.lang }), "renewHeading"));
      li.append(title, note, renew);
      return li;
    }) : [Object.assign(document.createElement("li"), { className: "empty", textContent: t("noLoans") })]));
    $("holds").replaceChildren(...(account.holdsReadyForPickup.length
      ? account.holdsReadyForPickup.map((hold) => Object.assign(document.createElement("li"), { textContent: hold.title ?? hold.itemId }))
      : [Object.assign(document.createElement("li"), { className: "empty", textContent: t("noHolds") })]));
    $("fines").textContent = account.finesOwed ? t("finesOwed", { amount: Number(account.finesOwed).toLocaleString(state.lang === "vi" ? "vi-VN" : "en-GB"), currency: account.currency ?? "" }) : t("noFines");
    $("renew-all").disabled = account.loans.length === 0;
  }

  function renderResult() {
    const result = state.result;
    if (!result) return;
    $("result-heading").textContent = t(result.heading);
    $("outcomes").replaceChildren(...result.outcomes.map(outcomeLine));
    const receipt = result.receipt;
    $("receipt-ask").hidden = !(receipt && receipt.policy === "ask" && receipt.printed === null);
    $("receipt-status").textContent = !receipt || receipt.printed === null ? "" : receipt.printed ? t("receiptPrinted") : receipt.problem ? t("receiptProblem") : "";
  }

  async function loadAccount() {
    try {
      state.account = await call("account");
    } catch (error) {
      state.account = null;
      $("fines").textContent = t(`reason.${error.payload?.reason ?? "ilsUnreachable"}`);
    }
    render();
  }

  async function act(operation, heading) {
    try {
      const result = await operation();
      state.result = { heading, outcomes: result.outcomes, receipt: result.receipt ?? null };
      state.account = null;
      show("result");
    } catch (error) {
      state.result = { heading, outcomes: [], receipt: null };
      show("result");
      $("receipt-status").textContent = t(`reason.${error.payload?.reason ?? "ilsUnreachable"}`);
    }
  }

  async function signIn(card, method) {
    $("sign-in-error").textContent = "";
    try {
      const result = await call("sign-in", { card, method });
      if (result.status === "refused") {
        $("sign-in-error").textContent = [t(`reason.${result.reason}`), ...(result.blocks ?? []).map((block) => t(`block.${block}`))].join(" · ");
      }
    } catch (error) {
      $("sign-in-error").textContent = t(`reason.${error.payload?.reason ?? "ilsUnreachable"}`);
    }
  }

  // Buttons.
  $("language").addEventListener("click", () => loadLanguage(state.lang === "vi" ? "en" : "vi"));
  $("go-borrow").addEventListener("click", () => { state.intent = "borrow"; show("sign-in"); });
  $("go-account").addEventListener("click", () => { state.intent = "account"; show("sign-in"); });
  $("go-return").addEventListener("click", () => show("return"));
  $("go-account-signed-in").addEventListener("click", () => { state.account = null; show("account"); loadAccount(); });
  $("back-to-borrow").addEventListener("click", () => show("borrow"));
  document.querySelectorAll(".back").forEach((button) => button.addEventListener("click", () => show("home")));
  document.querySelectorAll(".end").forEach((button) => button.addEventListener("click", async () => { await call("end").catch(() => null); state.account = null; show("home"); }));
  $("card-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const card = $("card-number").value.trim();
    $("card-number").value = "";
    if (card) signIn(card, "typed");
  });
  $("pin-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const pin = $("pin").value;
    $("pin").value = "";
    $("pin-error").textContent = "";
    try {
      const result = await call("pin", { pin });
      if (result.status === "refused") {
        $("pin-error").textContent = t(`reason.${result.reason}`) + (result.pinAttemptsLeft > 0 ? " · " + t("attemptsLeft", { n: result.pinAttemptsLeft }) : "");
        if (result.pinAttemptsLeft === 0) show("sign-in");
      }
    } catch (error) {
      $("pin-error").textContent = t(`reason.${error.payload?.reason ?? "ilsUnreachable"}`);
    }
  });
  const keypad = $("keypad");
  for (const key of ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "C"]) {
    const button = Object.assign(document.createElement("button"), { type: "button", textContent: key });
    button.setAttribute("aria-label", key === "⌫" ? t("backspace") : key === "C" ? t("clear") : key);
    button.addEventListener("click", () => {
      const pin = $("pin");
      pin.value = key === "⌫" ? pin.value.slice(0, -1) : key === "C" ? "" : pin.value + key;
      pin.focus();
    });
    keypad.append(button);
  }
  $("scan-item-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const itemId = $("item-barcode").value.trim();
    $("item-barcode").value = "";
    if (itemId) await call("scan-item", { itemId }).catch(() => null);
  });
  $("confirm-borrow").addEventListener("click", () => act(() => call("borrow", { lang: state.lang }), "borrowResultHeading"));
  $("confirm-return").addEventListener("click", () => act(() => call("return", { lang: state.lang }), "returnResultHeading"));
  $("renew-all").addEventListener("click", () => act(() => call("renew-all", { lang: state.lang }), "renewHeading"));
  $("receipt-yes").addEventListener("click", async () => {
    const receipt = await call("receipt").catch(() => ({ printed: false, problem: "failed" }));
    state.result.receipt = { ...state.result.receipt, ...receipt };
    render();
  });
  $("receipt-no").addEventListener("click", () => { state.result.receipt = { ...state.result.receipt, printed: false, problem: null }; render(); });
  $("result-done").addEventListener("click", () => {
    state.result = null;
    const signedIn = ["active", "idleWarning"].includes(state.session?.state);
    show(signedIn ? "borrow" : "home");
  });
  $("still-here").addEventListener("click", () => call("keep-alive").catch(() => null));

  // Any touch or key keeps a session alive (at most one request every few seconds).
  let lastKeepAlive = 0;
  const keepAlive = () => {
    if (!["active", "idleWarning"].includes(state.session?.state) || Date.now() - lastKeepAlive < 5000) return;
    lastKeepAlive = Date.now();
    call("keep-alive").catch(() => null);
  };
  document.addEventListener("pointerdown", keepAlive);
  document.addEventListener("keydown", keepAlive);
  setInterval(() => { if (state.session?.state === "idleWarning") render(); }, 1000);

  // Live updates; a slow poll only while the stream is down.
  let streaming = false;
  const stream = new EventSource("/api/stream");
  stream.addEventListener("status", (event) => { streaming = true; state.status = JSON.parse(event.data); render(); });
  stream.addEventListener("session", (event) => { streaming = true; follow(JSON.parse(event.data)); });
  stream.onerror = () => { streaming = false; };
  async function poll() {
    if (streaming) return;
    try {
      const [status, session] = await Promise.all([fetch("/api/status", { cache: "no-cache" }), fetch("/api/session", { cache: "no-cache" })]);
      if (status.ok) state.status = await status.json();
      if (session.ok) follow(await session.json()); else render();
    } catch { /* the host restarts; the next poll shows it */ }
  }
  setInterval(poll, 3000);
  fetch("/api/status").then((r) => r.json()).then((status) => { state.status = status; return loadLanguage(status.defaultLanguage || "vi"); })
    .catch(() => loadLanguage("vi"));
  fetch("/api/session").then((r) => r.ok ? r.json() : null).then((session) => { if (session) follow(session); }).catch(() => null);
})();

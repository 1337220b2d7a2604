// The patron's screen. The session and the devices' status are pushed over /api/stream (server-sent events); the
// screen only asks the server to act, and redraws from what the server says. Nothing of one patron outlives them:
// going home clears every trace and puts back the default language.
import { t, has, loadTexts, language, money } from "./js/text.js";
import { createSounds } from "./js/sounds.js";
import { buildCardKeyboard, buildPinKeypad, relabelKeys } from "./js/keys.js";
import { itemLine, outcomeLine, outcomeKind, loanLine, plainLine, emptyLine } from "./js/lines.js";

const $ = (id) => document.getElementById(id);
const state = {
  status: null, session: null, view: "home", intent: "borrow", result: null, account: null, accountLoading: false,
  signIn: null, cardEnding: null, running: null, ending: false, leftOnPad: [],
};
const sounds = createSounds(() => state.status?.sounds !== false);
// The order in which a refusal to lend is explained, when the server sends only the ILS's blocks. "Borrowing denied"
// comes last: an ILS sets it as the consequence of the others (fines over the limit), which say what to do.
const blockOrder = ["cardReportedLost", "finesOverLimit", "tooManyItemsLost", "recallOverdue", "tooManyItemsOverdue", "tooManyItemsCharged", "borrowingDenied"];
const signedIn = (session) => session?.state === "active" || session?.state === "idleWarning";
const defaultLanguage = () => state.status?.defaultLanguage || "vi";
const reasonOf = (error) => error?.payload?.reason ?? "ilsUnreachable";
const reasonText = (reason) => t(has(`reason.${reason}`) ? `reason.${reason}` : "reason.ilsUnreachable");

let pendingCalls = 0;
async function call(path, body) {
  // "Working…" shows only when an answer is slow, so that a quick keep-alive does not flash it under the patron's finger.
  pendingCalls++;
  const slow = setTimeout(() => { $("busy").hidden = pendingCalls === 0; }, 600);
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
    clearTimeout(slow);
    pendingCalls--;
    if (pendingCalls === 0) $("busy").hidden = true;
  }
}

// ---- Screens, the inactivity timer and going home -------------------------------------------------------------

let screenTimer = 0;
function armScreenTimer() {
  clearTimeout(screenTimer);
  const configured = Number(state.status?.screenTimeout);
  const seconds = configured > 0 ? configured : 60;
  // The goodbye stays only as long as it takes to read it: a little longer when it names books left on the tray, never
  // long enough for the next patron to find the last one's titles.
  const wait = state.view !== "goodbye" ? seconds : Math.min(seconds, state.leftOnPad.length === 0 ? 6 : 12);
  screenTimer = setTimeout(onScreenTimeout, wait * 1000);
}

function onScreenTimeout() {
  const session = state.session;
  if (signedIn(session)) {
    // A signed-in patron's inactivity is the server's to judge: it warns, then ends the session, and the screen follows.
    armScreenTimer();
    return;
  }
  if (session?.state === "awaitingPin") call("end").catch(() => null);
  goHome();
}

function show(view) {
  state.view = view;
  document.querySelectorAll(".screen").forEach((screen) => { screen.hidden = screen.dataset.screen !== view; });
  const focus = { "sign-in": "card-number", pin: "pin" }[view];
  if (focus) $(focus).focus({ preventScroll: true });
  armScreenTimer();
  render();
}

function forgetPatron() {
  Object.assign(state, { result: null, account: null, accountLoading: false, accountError: "", signIn: null, cardEnding: null, leftOnPad: [] });
  for (const id of ["card-number", "pin"]) $(id).value = "";
  for (const id of ["sign-in-error", "pin-error", "receipt-status"]) $(id).textContent = "";
}

/** Home, as the next patron must find it: nothing of the last one, in the default language, normal text size. */
function goHome() {
  forgetPatron();
  state.intent = "borrow";
  setLargeText(false);
  show("home");
  if (language() !== defaultLanguage()) loadTexts(defaultLanguage()).then(render).catch(() => null);
}

function setLargeText(on) {
  document.documentElement.classList.toggle("large", on);
  $("large-text").setAttribute("aria-pressed", String(on));
}

// What the server's session says decides the screen; the patron's intent decides where a sign-in leads.
function follow(session) {
  const previous = state.session;
  state.session = session;
  const wasSignedIn = signedIn(previous) || previous?.state === "awaitingPin";
  if (previous?.sessionId && session.sessionId && previous.sessionId !== session.sessionId) forgetPatron();
  if (session.state === "awaitingPin") {
    if (state.view !== "pin") show("pin"); else render();
  } else if (signedIn(session)) {
    if (["home", "sign-in", "pin"].includes(state.view)) show(state.intent === "account" ? "account" : "borrow"); else render();
  } else if (wasSignedIn && !state.ending && ["borrow", "account", "pin", "result"].includes(state.view)) {
    // The server ended the session (idle, or from elsewhere): nothing of this patron may stay on screen.
    goHome();
  } else {
    render();
  }
  if (signedIn(session) && state.view === "account" && !state.account && !state.accountLoading) loadAccount();
}

// ---- Drawing ------------------------------------------------------------------------------------------------

function render() {
  document.querySelectorAll("[data-i18n]").forEach((element) => { element.textContent = t(element.dataset.i18n); });
  const toggle = $("language");
  toggle.textContent = t("switchTo");
  toggle.lang = language() === "vi" ? "en" : "vi";
  relabelKeys($("card-keyboard"));
  relabelKeys($("keypad"));
  renderStatus();
  const session = state.session;
  if (!session) return;
  const maintenance = state.status?.maintenance === true;
  const banner = $("offline-banner");
  banner.hidden = session.ilsReachable && !maintenance;
  banner.textContent = maintenance ? t("maintenanceBanner") : t(session.offlineLoansAllowed ? "offlineBannerLoans" : "offlineBanner");
  for (const id of ["go-borrow", "go-return", "go-account"]) $(id).disabled = maintenance;
  renderTray();
  renderBorrowPatron();
  renderPin();
  const idle = session.state === "idleWarning";
  $("idle-warning").hidden = !idle;
  if (idle) {
    const seconds = Math.max(0, Math.round((new Date(session.idleWarningEndsAt) - Date.now()) / 1000));
    $("idle-countdown").textContent = t("idleCountdown", { s: seconds });
  }
  renderAccount();
  renderResult();
  renderGoodbye();
}

function renderStatus() {
  const status = state.status;
  if (!status) return;
  if (status.libraryName) {
    $("library-name").textContent = status.libraryName;
    document.title = status.libraryName;
  }
  const ils = status.ils?.status;
  $("ils-status").textContent = t(ils === "online" ? "statusOnline" : ils === "offline" ? "statusOffline" : "statusUnknown");
}

function renderTray() {
  const session = state.session;
  const items = session.items ?? [];
  const transaction = session.transaction ?? null;
  const running = Boolean(state.running || transaction);
  const lines = items.length ? items.map((item) => itemLine({ ...item, transactionRunning: running })) : [emptyLine(t("padEmpty"))];
  $("borrow-items").replaceChildren(...lines);
  $("return-items").replaceChildren(...lines.map((li) => li.cloneNode(true)));
  let progress = items.length ? t("countOnTray", { n: items.length }) : "";
  if (running) {
    const operation = transaction?.operation ?? state.running;
    const finished = transaction?.finished ?? items.filter((item) => ["done", "refused", "handled"].includes(item.progress)).length;
    const total = transaction?.total ?? items.length;
    progress = t(`progress.${operation === "return" ? "return" : "checkout"}`, { k: finished, n: total });
  }
  $("borrow-progress").textContent = progress;
  $("return-progress").textContent = progress;
  $("confirm-borrow").disabled = items.length === 0 || running;
  $("confirm-return").disabled = items.length === 0 || running;
}

/** Whether this patron may borrow, and why not, from the server's patron facts or, before it sends them, the blocks. */
function borrowing() {
  const session = state.session;
  const patron = session?.patron ?? state.signIn?.patron ?? null;
  if (patron) return { patron, canBorrow: patron.canBorrow !== false, reason: patron.cannotBorrow ?? null };
  const blocks = session?.blocks ?? [];
  const reason = blockOrder.find((block) => blocks.includes(block)) ?? null;
  return { patron: null, canBorrow: reason === null, reason };
}

function cannotBorrowText(reason, patron) {
  if (reason === "finesOverLimit" && patron?.finesOwed != null) {
    return t("cannot.finesOverLimitAmount", { amount: money(patron.finesOwed, patron.currency) });
  }
  return t(has(`cannot.${reason}`) ? `cannot.${reason}` : "cannot.other");
}

function renderBorrowPatron() {
  const { patron, canBorrow, reason } = borrowing();
  $("borrow-heading").textContent = patron?.greetingName ? t("greeting", { name: patron.greetingName }) : t("greetingNoName");
  const facts = [];
  if (canBorrow && Number.isInteger(patron?.loansLeft)) facts.push(patron.loansLeft === 1 ? t("loansLeftOne") : t("loansLeft", { n: patron.loansLeft }));
  if (patron?.holdsReady > 0) facts.push(patron.holdsReady === 1 ? t("holdsReadyOne") : t("holdsReady", { n: patron.holdsReady }));
  if (patron?.offline) facts.push(t("offlineSession"));
  $("patron-facts").replaceChildren(...facts.map((text) => Object.assign(document.createElement("p"), { textContent: text })));
  const cannot = $("cannot-borrow");
  cannot.hidden = canBorrow;
  $("screen-borrow").classList.toggle("cannot", !canBorrow);
  if (!canBorrow) {
    cannot.replaceChildren(
      Object.assign(document.createElement("p"), { textContent: cannotBorrowText(reason, patron) }),
      Object.assign(document.createElement("p"), { textContent: t("cannotBorrowAlso") }));
  }
  // A patron who cannot borrow is never invited to lay books down.
  for (const id of ["borrow-tray", "borrow-list-heading", "borrow-items", "confirm-borrow"]) $(id).hidden = !canBorrow;
}

function renderPin() {
  const ending = state.session?.pending?.cardEnding ?? state.cardEnding;
  $("pin-card").textContent = ending ? t("pinCard", { card: ending }) : "";
}

function renderAccount() {
  const account = state.account;
  if (!account) {
    $("loans").replaceChildren();
    $("holds").replaceChildren();
    $("fines").textContent = state.accountError ?? "";
    $("renew-all").disabled = true;
    return;
  }
  $("loans").replaceChildren(...(account.loans.length
    ? account.loans.map((loan) => loanLine(loan, () => transact(() => call("renew", { itemId: loan.itemId, lang: language() }), "renewHeading", "renew")))
    : [emptyLine(t("noLoans"))]));
  $("holds").replaceChildren(...(account.holdsReadyForPickup.length
    ? account.holdsReadyForPickup.map((hold) => plainLine(hold.title ?? hold.itemId))
    : [emptyLine(t("noHolds"))]));
  $("fines").textContent = account.finesOwed ? t("finesOwed", { amount: money(account.finesOwed, account.currency) }) : t("noFines");
  $("renew-all").disabled = account.loans.length === 0 || Boolean(state.running);
}

function renderResult() {
  const result = state.result;
  if (!result) {
    $("outcomes").replaceChildren();
    $("result-heading").textContent = "";
    $("result-summary").textContent = "";
    $("receipt-ask").hidden = true;
    return;
  }
  $("result-heading").textContent = t(result.heading);
  $("outcomes").replaceChildren(...result.outcomes.map(outcomeLine));
  const settled = result.outcomes.filter((outcome) => !["refused", "putItBack"].includes(outcome.status)).length;
  $("result-summary").textContent = result.outcomes.length > 1 ? t("summary", { k: settled, n: result.outcomes.length }) : "";
  const lentOrReturned = result.outcomes.some((outcome) => outcome.status === "done" || outcome.status === "doneWithWarning");
  const receipt = result.receipt;
  // The server sends no receipt when nothing was lent or returned; an older one always sends it, hence the second test.
  const asking = Boolean(receipt && receipt.policy === "ask" && receipt.printed === null && !result.answered && lentOrReturned);
  $("receipt-ask").hidden = !asking;
  // While the question is open its answer is the main choice on screen.
  $("result-done").classList.toggle("primary", !asking);
  $("receipt-status").textContent = result.error ? reasonText(result.error)
    : !receipt || !result.answered ? ""
      : receipt.printed ? t("receiptPrinted") : receipt.problem ? t("receiptProblem") : t("receiptDeclined");
}

function renderGoodbye() {
  $("left-on-pad").replaceChildren(...state.leftOnPad.map((item) =>
    Object.assign(document.createElement("li"), { className: "bad", textContent: t("leftOnPad", { title: item.title ?? item.itemId }) })));
}

// ---- Actions ------------------------------------------------------------------------------------------------

async function loadAccount() {
  state.accountLoading = true;
  state.accountError = "";
  try {
    state.account = await call("account");
  } catch (error) {
    state.account = null;
    state.accountError = reasonText(reasonOf(error));
  } finally {
    state.accountLoading = false;
  }
  render();
}

async function transact(operation, heading, running) {
  if (state.running) return;
  state.running = running;
  render();
  try {
    const result = await operation();
    state.result = { heading, outcomes: result.outcomes ?? [], receipt: result.receipt ?? null, answered: false };
    const kinds = state.result.outcomes.map(outcomeKind);
    if (kinds.some((kind) => kind === "bad" || kind === "warn")) sounds.problem(); else if (kinds.length) sounds.done();
  } catch (error) {
    state.result = { heading, outcomes: [], receipt: null, answered: false, error: reasonOf(error) };
    sounds.problem();
  } finally {
    state.running = null;
  }
  state.account = null;
  show("result");
}

function cardRefusalText(result) {
  if (result.reason === "patronBlocked") {
    const block = blockOrder.find((candidate) => (result.blocks ?? []).includes(candidate));
    if (block) return cannotBorrowText(block, result.patron);
  }
  return reasonText(result.reason);
}

async function signIn(card, method) {
  $("sign-in-error").textContent = "";
  state.cardEnding = card.slice(-4);
  try {
    const result = await call("sign-in", { card, method });
    state.signIn = result;
    if (result.status === "refused") {
      $("sign-in-error").textContent = cardRefusalText(result);
      sounds.problem();
    }
  } catch (error) {
    $("sign-in-error").textContent = reasonText(reasonOf(error));
    sounds.problem();
  }
  render();
}

async function submitPin() {
  const pin = $("pin").value;
  $("pin").value = "";
  $("pin-error").textContent = "";
  try {
    const result = await call("pin", { pin });
    state.signIn = result;
    if (result.status === "refused") {
      sounds.problem();
      const text = result.reason === "pinWrong"
        ? t("reason.pinWrong") + (result.pinAttemptsLeft > 0 ? " · " + t("attemptsLeft", { n: result.pinAttemptsLeft }) : "")
        : cardRefusalText(result);
      $("pin-error").textContent = text;
      if (!(result.pinAttemptsLeft > 0)) {
        show("sign-in");
        $("sign-in-error").textContent = text;
      }
    }
  } catch (error) {
    $("pin-error").textContent = reasonText(reasonOf(error));
  }
  render();
}

async function endSession() {
  state.ending = true;
  let leftOnPad = [];
  try {
    leftOnPad = (await call("end"))?.leftOnPad ?? [];
  } catch {
    // Already ended (idle, or another tab): the goodbye is the same.
  }
  forgetPatron();
  state.leftOnPad = leftOnPad;
  state.ending = false;
  if (leftOnPad.length) sounds.problem();
  show("goodbye");
}

// ---- Wiring -------------------------------------------------------------------------------------------------

$("language").addEventListener("click", () => loadTexts(language() === "vi" ? "en" : "vi").then(render));
$("large-text").addEventListener("click", () => setLargeText(!document.documentElement.classList.contains("large")));
$("go-borrow").addEventListener("click", () => { state.intent = "borrow"; show("sign-in"); });
$("go-account").addEventListener("click", () => { state.intent = "account"; show("sign-in"); });
$("go-return").addEventListener("click", () => show("return"));
$("go-account-signed-in").addEventListener("click", () => { state.account = null; show("account"); loadAccount(); });
$("back-to-borrow").addEventListener("click", () => show("borrow"));
document.querySelectorAll(".back").forEach((button) => button.addEventListener("click", goHome));
document.querySelectorAll(".end").forEach((button) => button.addEventListener("click", endSession));
document.querySelectorAll(".cancel-pin").forEach((button) => button.addEventListener("click", async () => {
  await call("end").catch(() => null);
  goHome();
}));
$("card-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const card = $("card-number").value.trim();
  $("card-number").value = "";
  if (card) signIn(card, "typed");
});
$("pin-form").addEventListener("submit", (event) => { event.preventDefault(); submitPin(); });
buildCardKeyboard($("card-keyboard"), $("card-number"));
buildPinKeypad($("keypad"), $("pin"));
$("confirm-borrow").addEventListener("click", () => transact(() => call("borrow", { lang: language() }), "borrowResultHeading", "checkout"));
$("confirm-return").addEventListener("click", () => transact(() => call("return", { lang: language() }), "returnResultHeading", "return"));
$("renew-all").addEventListener("click", () => transact(() => call("renew-all", { lang: language() }), "renewHeading", "renew"));
$("receipt-yes").addEventListener("click", async () => {
  const result = state.result;
  result.answered = true;
  render();
  const receipt = await call("receipt").catch(() => ({ printed: false, problem: "failed" }));
  result.receipt = { ...result.receipt, ...receipt };
  render();
});
$("receipt-no").addEventListener("click", () => {
  state.result.answered = true;
  state.result.receipt = { ...state.result.receipt, printed: false, problem: null };
  render();
});
$("result-done").addEventListener("click", () => {
  state.result = null;
  if (signedIn(state.session)) show("borrow"); else goHome();
});
$("goodbye-done").addEventListener("click", goHome);
$("still-here").addEventListener("click", () => keepAlive());

// Any touch or key is activity: it restarts the screen's timer and keeps a session alive (one request every few seconds).
let lastKeepAlive = 0;
async function keepAlive() {
  lastKeepAlive = Date.now();
  await call("keep-alive").catch(() => null);
  // The server does not push a snapshot when a touch lifts the idle warning; ask for it, so the warning goes away.
  const response = await fetch("/api/session", { cache: "no-cache" }).catch(() => null);
  if (response?.ok) follow(await response.json());
}
function activity() {
  armScreenTimer();
  if (signedIn(state.session) && Date.now() - lastKeepAlive >= 5000) keepAlive();
}
document.addEventListener("pointerdown", activity);
document.addEventListener("keydown", activity);
setInterval(() => { if (state.session?.state === "idleWarning") render(); }, 1000);

// Live updates; a slow poll only while the stream is down.
let streaming = false;
const stream = new EventSource("/api/stream");
stream.addEventListener("status", (event) => { streaming = true; state.status = JSON.parse(event.data); render(); });
stream.addEventListener("session", (event) => {
  streaming = true;
  const before = (state.session?.items ?? []).length;
  const session = JSON.parse(event.data);
  // A book laid on or lifted from the tray is the patron at work.
  if ((session.items ?? []).length !== before && state.view !== "home") armScreenTimer();
  follow(session);
});
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
fetch("/api/status").then((r) => r.json()).then((status) => { state.status = status; return loadTexts(defaultLanguage()); })
  .catch(() => loadTexts("vi")).then(render, () => null);
fetch("/api/session").then((r) => (r.ok ? r.json() : null)).then((session) => { if (session) follow(session); }).catch(() => null);
armScreenTimer();

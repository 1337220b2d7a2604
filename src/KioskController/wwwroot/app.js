// The patron's screen. The session and the devices' status are pushed over /api/stream (server-sent events); the
// screen only asks the server to act, and redraws from what the server says. Nothing of one patron outlives them:
// going home clears every trace and puts back the default language.
import { t, loadTexts, language } from "./js/text.js";
import { createSounds } from "./js/sounds.js";
import { buildCardKeyboard, buildPinKeypad } from "./js/keys.js";
import { outcomeKind } from "./js/lines.js";
import { $, state, blockOrder, signedIn, reasonText, actions } from "./js/screen-state.js";
import { render, cannotBorrowText } from "./js/render.js";

const sounds = createSounds(() => state.status?.sounds !== false);
const defaultLanguage = () => state.status?.defaultLanguage || "vi";
const reasonOf = (error) => error?.payload?.reason ?? "ilsUnreachable";

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
actions.renew = (itemId) => transact(() => call("renew", { itemId, lang: language() }), "renewHeading", "renew");
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

// The patron's screen, drawn from the state the server last sent: the tray, the patron's greeting or why they cannot
// borrow, the PIN, the account, a result and the goodbye. Drawing never asks the server anything.
import { t, has, language, money } from "./text.js";
import { relabelKeys } from "./keys.js";
import { itemLine, outcomeLine, outcomeKind, loanLine, plainLine, emptyLine } from "./lines.js";
import { $, state, blockOrder, reasonText, actions } from "./screen-state.js";

export function render() {
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
  // What the ILS's ACS Status lets this kiosk do now; a paused loan is said even off-line, where it still holds.
  const { loans, returns } = permitted(session);
  const paused = !loans && !returns ? "bothPausedBanner" : !loans ? "loansPausedBanner" : !returns ? "returnsPausedBanner" : null;
  const banner = $("offline-banner");
  banner.hidden = session.ilsReachable && !maintenance && !paused;
  banner.textContent = maintenance ? t("maintenanceBanner")
    : paused ? t(paused) : t(session.offlineLoansAllowed ? "offlineBannerLoans" : "offlineBanner");
  $("go-borrow").disabled = maintenance || !loans;
  $("go-return").disabled = maintenance || !returns;
  $("go-account").disabled = maintenance;
  if (!loans) $("tile-borrow-hint").textContent = t("pausedHint");
  if (!returns) $("tile-return-hint").textContent = t("pausedHint");
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

/** What the ILS lets this kiosk do now, from its ACS Status; an older server that does not say allows everything. */
function permitted(session) {
  return {
    loans: session?.loansAllowed !== false,
    returns: session?.returnsAllowed !== false,
    renewals: session?.renewalsAllowed !== false,
  };
}

/** Whether this patron may borrow, and why not, from the server's patron facts or, before it sends them, the blocks. */
function borrowing() {
  const session = state.session;
  if (!permitted(session).loans) return { patron: session?.patron ?? state.signIn?.patron ?? null, canBorrow: false, reason: "loansPaused" };
  const patron = session?.patron ?? state.signIn?.patron ?? null;
  if (patron) return { patron, canBorrow: patron.canBorrow !== false, reason: patron.cannotBorrow ?? null };
  const blocks = session?.blocks ?? [];
  const reason = blockOrder.find((block) => blocks.includes(block)) ?? null;
  return { patron: null, canBorrow: reason === null, reason };
}

export function cannotBorrowText(reason, patron) {
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
    const lines = [cannotBorrowText(reason, patron)];
    if (permitted(state.session).returns) lines.push(t("cannotBorrowAlso"));
    cannot.replaceChildren(...lines.map((text) => Object.assign(document.createElement("p"), { textContent: text })));
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
  const renewals = permitted(state.session).renewals;
  $("renewals-paused").hidden = renewals;
  if (!account) {
    $("loans").replaceChildren();
    $("holds").replaceChildren();
    $("fines").textContent = state.accountError ?? "";
    $("renew-all").disabled = true;
    return;
  }
  $("loans").replaceChildren(...(account.loans.length
    ? account.loans.map((loan) => loanLine(loan, renewals ? () => actions.renew(loan.itemId) : null))
    : [emptyLine(t("noLoans"))]));
  $("holds").replaceChildren(...(account.holdsReadyForPickup.length
    ? account.holdsReadyForPickup.map((hold) => plainLine(hold.title ?? hold.itemId))
    : [emptyLine(t("noHolds"))]));
  $("fines").textContent = account.finesOwed ? t("finesOwed", { amount: money(account.finesOwed, account.currency) }) : t("noFines");
  $("renew-all").disabled = account.loans.length === 0 || Boolean(state.running) || !renewals;
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

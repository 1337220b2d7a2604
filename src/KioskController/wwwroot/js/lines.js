// One line of a list: a book on the tray (with its progress while a transaction runs), or a book's outcome.
import { t, has, dueDayOf, formatDay } from "./text.js";

const marks = { ok: "✓", bad: "!", warn: "!", neutral: "i", working: "…", pending: "" };

function line(kind, title, notes, extra) {
  const li = document.createElement("li");
  if (kind) li.className = kind;
  const mark = Object.assign(document.createElement("span"), { className: "mark", textContent: marks[kind] ?? "" });
  if (!kind || kind === "plain" || kind === "pending") {
    // A book not yet decided on shows a book, not an empty mark.
    mark.innerHTML = '<svg viewBox="0 0 24 24" focusable="false"><use href="#pict-book"/></svg>';
  }
  mark.setAttribute("aria-hidden", "true");
  const text = Object.assign(document.createElement("span"), { className: "text" });
  text.append(Object.assign(document.createElement("span"), { className: "title", textContent: title }));
  const shown = notes.filter(Boolean);
  if (shown.length) text.append(Object.assign(document.createElement("span"), { className: "note", textContent: shown.join(" · ") }));
  li.append(mark, text);
  if (extra) li.append(extra);
  return li;
}

/** A title alone, such as a hold waiting on the shelf. */
export const plainLine = (title) => line("plain", title, []);

/** A list's "nothing here" line. */
export const emptyLine = (text) => Object.assign(document.createElement("li"), { className: "empty", textContent: text });

const reasonText = (reason) => (reason ? (has(`reason.${reason}`) ? t(`reason.${reason}`) : t("reason.ilsRefused")) : "");

/** How an outcome looks: green only for what was done; "nothing to do" is neutral, not a success. */
export function outcomeKind(outcome) {
  switch (outcome.status) {
    case "done": return "ok";
    case "doneWithWarning": return "warn";
    case "alreadyDone":
    case "notOnLoan": return "neutral";
    case "putItBack": return "warn";
    default: return "bad";
  }
}

/** The words of an outcome: what happened, the due day for a loan or renewal, and why when it was not done. */
export function outcomeNotes(outcome) {
  const notes = [];
  const succeeded = outcome.status === "done" || outcome.status === "doneWithWarning";
  if (outcome.status === "putItBack") notes.push(t("putItBack"));
  else if (succeeded) {
    notes.push(t(`done.${outcome.operation}`));
    const day = dueDayOf(outcome);
    if (outcome.offline && outcome.operation === "checkout") notes.push(t("offlineQueued"));
    else if (day && outcome.operation !== "return") notes.push(t("dueOn", { date: formatDay(day) }));
  } else if (outcome.status === "alreadyDone" || outcome.status === "notOnLoan") {
    if (!outcome.reason) notes.push(t(outcome.status === "notOnLoan" ? "reason.notOnLoan" : `done.${outcome.operation}`));
  } else {
    notes.push(t(`refused.${outcome.operation}`));
  }
  if (outcome.status !== "putItBack") notes.push(reasonText(outcome.reason));
  for (const part of outcome.missingParts ?? []) notes.push(t("partMissingShort", { k: part }));
  if (outcome.offline && outcome.operation !== "checkout") notes.push(t("offlineQueued"));
  // The ILS's own words help only to explain a refusal; beside a success they would be a second, differently written date.
  if (outcome.status === "refused" && outcome.ilsMessage) notes.push(outcome.ilsMessage);
  return notes;
}

/** A book's outcome on the result screen. */
export const outcomeLine = (outcome) => line(outcomeKind(outcome), outcome.title ?? outcome.itemId, outcomeNotes(outcome));

/** A book on the tray: its parts, and while a transaction runs, how far it has come or what became of it. */
export function itemLine(item) {
  const notes = [];
  let kind = "plain";
  if (item.partsInItem > 1) {
    notes.push(t("parts", { k: item.partsPresent.length, n: item.partsInItem }));
    for (const part of item.missingParts ?? []) notes.push(t("partMissing", { k: part, n: item.partsInItem }));
    if ((item.missingParts ?? []).length > 0) kind = "warn";
  }
  if (item.scanned) notes.push(t("scannedIn"));
  if (item.outcome && ["done", "refused", "handled"].includes(item.progress)) {
    kind = outcomeKind(item.outcome);
    notes.length = 0;
    notes.push(...outcomeNotes(item.outcome));
  } else if (item.progress === "working" || (item.transactionRunning && item.progress === undefined)) {
    kind = "working";
    notes.unshift(t("item.working"));
  } else if (item.progress === "pending" && item.transactionRunning) {
    kind = "pending";
    notes.unshift(t("item.pending"));
  }
  if (item.awaitingReturnToPad) { notes.push(t("putItBack")); kind = "warn"; }
  return line(kind, item.title ?? item.itemId, notes);
}

/** A loan on the account screen, with its renew button unless renewing is paused (onRenew is null). */
export function loanLine(loan, onRenew) {
  let renew = null;
  if (onRenew) {
    renew = Object.assign(document.createElement("button"), { type: "button", textContent: t("renew") });
    renew.setAttribute("aria-label", t("renewLabel", { title: loan.title ?? loan.itemId }));
    renew.addEventListener("click", onRenew);
  }
  const day = dueDayOf(loan);
  return line(loan.overdue ? "bad" : "plain", loan.title ?? loan.itemId, [loan.overdue ? t("overdue") : "", day ? t("dueOn", { date: formatDay(day) }) : ""], renew);
}

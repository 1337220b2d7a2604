// What the patron's screen knows, shared by its drawing and its actions: the last session and status the server sent,
// the screen shown, and what one patron did on it (cleared when the screen goes home).
import { t, has } from "./text.js";

export const $ = (id) => document.getElementById(id);
export const state = {
  status: null, session: null, view: "home", intent: "borrow", result: null, account: null, accountLoading: false,
  signIn: null, cardEnding: null, running: null, ending: false, leftOnPad: [],
};

// The order in which a refusal to lend is explained, when the server sends only the ILS's blocks. "Borrowing denied"
// comes last: an ILS sets it as the consequence of the others (fines over the limit), which say what to do.
export const blockOrder = ["cardReportedLost", "finesOverLimit", "tooManyItemsLost", "recallOverdue", "tooManyItemsOverdue", "tooManyItemsCharged", "borrowingDenied"];
export const signedIn = (session) => session?.state === "active" || session?.state === "idleWarning";
export const reasonText = (reason) => t(has(`reason.${reason}`) ? `reason.${reason}` : "reason.ilsUnreachable");

/** What a drawn control may ask for; the entry module fills it in. */
export const actions = { renew: (itemId) => itemId };

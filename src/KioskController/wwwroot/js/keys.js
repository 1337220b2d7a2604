// The on-screen keys: letters and digits for a card number, digits for a PIN. A patron needs no physical keyboard;
// one that is plugged in (or a keyboard-wedge scanner) still types into the same field.
import { t } from "./text.js";

const cardRows = ["1234567890", "ABCDEFGHIJ", "KLMNOPQRST", "UVWXYZ"];

function key(label, name, onPress, className) {
  const button = Object.assign(document.createElement("button"), { type: "button", textContent: label });
  if (className) button.className = className;
  button.dataset.name = name;
  button.addEventListener("click", onPress);
  return button;
}

/** Keeps the keys' accessible names in the screen's language (backspace and clear are words). */
export function relabelKeys(container) {
  for (const button of container.querySelectorAll("button[data-name]")) {
    const name = button.dataset.name;
    if (name === "backspace" || name === "clear") {
      button.setAttribute("aria-label", t(name));
      if (button.dataset.word) button.textContent = t(name);
    }
  }
}

function edit(input, change) {
  input.value = change(input.value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.focus({ preventScroll: true });
}

/** Letters A–Z and digits, a backspace and a clear key, for the card number. */
export function buildCardKeyboard(container, input) {
  const keys = [];
  for (const row of cardRows) {
    for (const character of row) keys.push(key(character, character, () => edit(input, (value) => value + character)));
  }
  const backspace = key("⌫", "backspace", () => edit(input, (value) => value.slice(0, -1)), "wide");
  const clear = key("", "clear", () => edit(input, () => ""), "wide");
  clear.dataset.word = "true";
  keys.push(backspace, clear);
  container.replaceChildren(...keys);
  relabelKeys(container);
}

/** Digits 0–9, a backspace and a clear key, for the PIN. */
export function buildPinKeypad(container, input) {
  const keys = [];
  for (const character of ["1", "2", "3", "4", "5", "6", "7", "8", "9"]) {
    keys.push(key(character, character, () => edit(input, (value) => value + character)));
  }
  keys.push(key("⌫", "backspace", () => edit(input, (value) => value.slice(0, -1))));
  keys.push(key("0", "0", () => edit(input, (value) => value + "0")));
  const clear = key("", "clear", () => edit(input, () => ""));
  clear.dataset.word = "true";
  keys.push(clear);
  container.replaceChildren(...keys);
  relabelKeys(container);
}

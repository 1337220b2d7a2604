// The simulator control panel: drives the embedded simulators through /sim/api/* and follows the kiosk's live stream.
"use strict";
(() => {
  const result = document.getElementById("result");
  const say = (text) => { result.textContent = text; };

  async function post(url, body, json) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": json ? "application/json" : "text/plain" },
      body: json ? JSON.stringify(body) : body,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(text);
    return text;
  }

  function button(label, onClick, extraClass) {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    if (extraClass) element.className = extraClass;
    element.addEventListener("click", onClick);
    return element;
  }

  function cell(...children) {
    const td = document.createElement("td");
    td.append(...children);
    return td;
  }

  async function pad(action, item, part) {
    try {
      await post("/sim/api/pad", { action, item, part }, true);
      say(`${action} ${item ?? ""}${part ? " part " + part : ""}`);
    } catch (error) { say(error.message); }
    refresh();
  }

  function renderCatalogue(catalogue) {
    const books = document.querySelector("#books tbody");
    books.replaceChildren(...catalogue.items.map((item) => {
      const row = document.createElement("tr");
      row.dataset.item = item.id;
      const tags = document.createElement("span");
      item.secured.forEach((secured, index) => {
        if (secured === null) return;
        const badge = document.createElement("span");
        badge.className = `badge ${secured ? "secured" : "loaned"}`;
        badge.textContent = (item.parts > 1 ? `${index + 1}: ` : "") + (secured ? "secured" : "loaned");
        tags.append(badge, " ");
      });
      const buttons = [];
      for (let part = 1; part <= item.parts; part++) {
        const onPad = item.onPad.includes(part);
        const label = (onPad ? "Lift" : "Place") + (item.parts > 1 ? ` part ${part}` : "");
        buttons.push(button(label, () => pad(onPad ? "remove" : "place", item.id, part), onPad ? "on" : ""));
      }
      row.append(cell(item.id), cell(item.title + (item.onLoan ? " (on loan)" : "")), cell(tags), cell(...buttons));
      return row;
    }));
    const patrons = document.querySelector("#patrons tbody");
    patrons.replaceChildren(...catalogue.patrons.map((patron) => {
      const row = document.createElement("tr");
      row.append(cell(patron.id), cell(patron.name + (patron.blocked ? " (blocked)" : "")), cell(patron.pin),
        cell(button("Scan", () => scan(patron.id))));
      return row;
    }));
    document.getElementById("ils-state").textContent = catalogue.ilsUp ? "up" : "cut";
    const select = document.getElementById("gate-item");
    const chosen = select.value;
    select.replaceChildren(...catalogue.items.map((item) => Object.assign(document.createElement("option"), { value: item.id, textContent: `${item.id} ${item.title}` })));
    if (chosen) select.value = chosen;
  }

  async function scan(code) {
    try { say(await post("/sim/api/scanner", code)); } catch (error) { say(error.message); }
  }

  async function refresh() {
    try {
      const response = await fetch("/sim/api/catalogue", { cache: "no-cache" });
      if (response.ok) renderCatalogue(await response.json());
      const receipts = await fetch("/sim/api/receipts", { cache: "no-cache" });
      if (receipts.ok) renderReceipts(await receipts.json());
    } catch { /* the kiosk restarts; the next refresh shows it */ }
  }

  function renderGate(gate) {
    document.getElementById("gate-light").textContent = gate.lightOn ? "ON" : "off";
    document.getElementById("gate-in").textContent = gate.activity.in;
    document.getElementById("gate-out").textContent = gate.activity.out;
    document.getElementById("gate-faults").textContent = gate.activity.faults.join(" · ");
    document.getElementById("gate-alarms").replaceChildren(...gate.activity.alarms.map((alarm) => {
      const li = document.createElement("li");
      li.className = "bad";
      const when = new Date(alarm.at).toLocaleTimeString();
      li.textContent = `${when} alarm, antenna ${alarm.antenna}, ${alarm.direction}: ${alarm.title ?? alarm.itemId ?? "reading the tag…"}`;
      return li;
    }));
  }

  async function refreshGate() {
    const response = await fetch("/sim/api/gate", { cache: "no-cache" }).catch(() => null);
    if (response?.ok) renderGate(await response.json());
  }

  let shownReceipts = "";
  function renderReceipts(list) {
    const key = list.map((receipt) => receipt.name).join();
    if (key === shownReceipts) return;
    shownReceipts = key;
    document.getElementById("receipts").replaceChildren(...list.slice(0, 6).map((receipt) => {
      const figure = document.createElement("figure");
      const image = document.createElement("img");
      image.src = receipt.image;
      image.alt = receipt.text;
      const caption = document.createElement("figcaption");
      caption.textContent = receipt.name;
      figure.append(image, caption);
      return figure;
    }));
  }

  document.querySelectorAll("[data-walk]").forEach((element) => element.addEventListener("click", async () => {
    const body = { scenario: element.dataset.walk, item: document.getElementById("gate-item").value || null, direction: element.dataset.direction ?? "out" };
    try { await post("/sim/api/gate", body, true); say(`walked: ${body.scenario}`); } catch (error) { say(error.message); }
    refreshGate();
  }));
  document.getElementById("clear-pad").addEventListener("click", () => pad("clear"));
  document.getElementById("place-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = document.getElementById("place-id");
    if (input.value.trim()) pad("place", input.value.trim(), 1);
    input.value = "";
  });
  document.getElementById("scan-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = document.getElementById("scan-code");
    if (input.value.trim()) scan(input.value.trim());
    input.value = "";
  });
  document.querySelectorAll("[data-ils]").forEach((element) => element.addEventListener("click", async () => {
    try { say(await post("/sim/api/ils", element.dataset.ils)); } catch (error) { say(error.message); }
    refresh();
  }));
  document.querySelectorAll("[data-broker]").forEach((element) => element.addEventListener("click", async () => {
    try { say(await post("/sim/api/broker", element.dataset.broker)); } catch (error) { say(error.message); }
    refreshBroker();
  }));
  async function refreshBroker() {
    const response = await fetch("/api/status/events", { cache: "no-cache" }).catch(() => null);
    if (!response?.ok) return;
    const events = await response.json();
    document.getElementById("broker-state").textContent = `${events.link}, ${events.outboxCount} event(s) waiting in the outbox`;
  }
  setInterval(refreshBroker, 1000);
  document.querySelectorAll("[data-tags]").forEach((element) => element.addEventListener("click", async () => {
    try { say(await post("/sim/api/reader/faults", element.dataset.tags)); } catch (error) { say(error.message); }
  }));
  document.querySelectorAll("[data-printer]").forEach((element) => element.addEventListener("click", async () => {
    try { say(await post("/sim/api/printer", element.dataset.printer)); } catch (error) { say(error.message); }
  }));

  const stream = new EventSource("/api/stream");
  stream.addEventListener("status", (event) => {
    const status = JSON.parse(event.data);
    const printer = status.printer;
    document.getElementById("printer-state").textContent = !printer ? "none" : printer.canPrint ? "ready" : (printer.detail || "not ready");
    refresh();
  });
  stream.addEventListener("gate", (event) => refreshGate());
  refresh();
  refreshGate();
  setInterval(refresh, 3000);
  setInterval(refreshGate, 1000);
})();

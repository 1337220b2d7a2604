// The kiosk's screen: every text comes from /i18n/{lang}.json; the status is pushed over /api/stream (server-sent
// events), and polled slowly only as a fallback while the stream is down.
"use strict";
(() => {
  const state = { lang: "vi", texts: {}, status: null };

  async function loadLanguage(lang) {
    const response = await fetch(`/i18n/${lang}.json`, { cache: "no-cache" });
    state.texts = await response.json();
    state.lang = lang;
    document.documentElement.lang = lang;
    render();
  }

  const t = (key) => state.texts[key] ?? key;

  function render() {
    document.querySelectorAll("[data-i18n]").forEach((element) => { element.textContent = t(element.dataset.i18n); });
    const toggle = document.getElementById("language");
    toggle.textContent = t("switchTo");
    toggle.setAttribute("aria-label", t("switchTo"));
    const status = state.status;
    if (!status) return;
    if (status.libraryName) document.getElementById("library-name").textContent = status.libraryName;
    const ils = status.ils;
    const line = document.getElementById("ils-status");
    line.className = `status ${ils.status}`;
    line.textContent = t(ils.status === "online" ? "statusOnline" : ils.status === "offline" ? "statusOffline" : "statusUnknown");
    const yesNo = (value) => value === null || value === undefined ? "—" : t(value ? "yes" : "no");
    const rows = [
      ["host", ils.host], ["profile", ils.profile], ["institution", ils.institutionId ?? "—"], ["libraryName", ils.libraryName ?? "—"],
      ["checkout", yesNo(ils.checkoutAllowed)], ["checkin", yesNo(ils.checkinAllowed)], ["renew", yesNo(ils.renewalAllowed)],
    ];
    const list = document.getElementById("ils-details");
    list.replaceChildren(...rows.flatMap(([key, value]) => {
      const dt = document.createElement("dt"); dt.textContent = t(key);
      const dd = document.createElement("dd"); dd.textContent = value;
      return [dt, dd];
    }));
    renderPad(status.readers ?? []);
    document.getElementById("device").textContent = status.deviceId;
    document.getElementById("simulated").hidden = !status.simulated;
  }

  function renderPad(readers) {
    const pad = readers.find((reader) => reader.name === "pad") ?? readers[0];
    const line = document.getElementById("pad-status");
    const list = document.getElementById("pad-items");
    if (!pad) { line.textContent = ""; list.replaceChildren(); return; }
    const connected = pad.status === "connected";
    line.className = `status ${connected ? "online" : "offline"}`;
    line.textContent = !connected ? t("readerDisconnected")
      : pad.tags.length === 0 ? t("padEmpty") : t("padCount").replace("{n}", pad.tags.length);
    list.replaceChildren(...pad.tags.map((tag) => {
      const item = document.createElement("li");
      const part = tag.partsInItem > 1 ? " — " + t("part").replace("{k}", tag.partNumber).replace("{n}", tag.partsInItem) : "";
      item.textContent = (tag.itemId ?? t("unreadable")) + part;
      return item;
    }));
  }

  async function refresh() {
    try {
      const response = await fetch("/api/status", { cache: "no-cache" });
      if (response.ok) { state.status = await response.json(); render(); }
    } catch { /* the host restarts; the next refresh will show it */ }
  }

  document.getElementById("language").addEventListener("click", () => loadLanguage(state.lang === "vi" ? "en" : "vi"));
  fetch("/api/status").then((r) => r.json()).then((status) => { state.status = status; return loadLanguage(status.defaultLanguage || "vi"); })
    .catch(() => loadLanguage("vi"));
  let streaming = false;
  const stream = new EventSource("/api/stream");
  stream.addEventListener("status", (event) => { streaming = true; state.status = JSON.parse(event.data); render(); });
  stream.onerror = () => { streaming = false; };
  setInterval(() => { if (!streaming) refresh(); }, 3000);
})();

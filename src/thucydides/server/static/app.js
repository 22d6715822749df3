// The dashboard: filters live in the URL (share it and the view comes back), every view is
// drawn from the JSON API, and the event table shows each event's sentence with its
// source, target and trigger marked, built from text nodes only.
"use strict";

import { drawDyadDetail, drawDyads, drawMap, drawNetwork, drawTimeline } from "./charts.js";
import { QUAD, clear, el, fmt } from "./dom.js";

const FILTERS = ["start", "end", "actor", "source", "target", "country", "code", "root", "quad",
  "plover", "place", "polarity", "modality", "q", "min_confidence", "doc_id", "undated"];
const PAGE = 25; // rows per page unless the URL says `limit` (1 to 500)
const TOKEN_KEY = "thucydides-token";
const $ = (id) => document.getElementById(id);

// -- state in the URL -------------------------------------------------------------------

function state() {
  return new URLSearchParams(location.search);
}

function pageSize(params = state()) {
  const n = parseInt(params.get("limit") || "", 10);
  return n >= 1 && n <= 500 ? n : PAGE;
}

function filterParams(params = state()) {
  const out = new URLSearchParams();
  for (const k of FILTERS) if (params.get(k)) out.set(k, params.get(k));
  return out;
}

// Change some parameters; filter changes go back to the first page. Empty values drop.
function navigate(changes, resetPage = true) {
  const params = state();
  for (const [k, v] of Object.entries(changes)) v ? params.set(k, v) : params.delete(k);
  if (resetPage) params.delete("offset");
  const query = params.toString();
  history.pushState(null, "", query ? `?${query}` : location.pathname);
  render();
}

// -- API --------------------------------------------------------------------------------

class AuthNeeded extends Error {}

async function api(path, params, asText = false) {
  const headers = {};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${path}?${params}`, { headers });
  if (res.status === 401) throw new AuthNeeded();
  if (!res.ok) {
    let detail = res.statusText;
    try { const body = await res.json(); detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail); } catch (_) { /* not JSON */ }
    throw new Error(detail);
  }
  return asText ? res.blob() : res.json();
}

function showError(message) {
  $("error").hidden = !message;
  $("error").textContent = message || "";
}

// -- rendering --------------------------------------------------------------------------

let generation = 0; // a newer render makes older responses stale

async function render() {
  const mine = ++generation;
  const params = state();
  const filters = filterParams(params);
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  syncForm(params);
  drawChips(filters);
  showError("");
  document.body.classList.add("loading");
  try {
    const with_ = (extra) => { const p = new URLSearchParams(filters); for (const [k, v] of Object.entries(extra)) p.set(k, v); return p; };
    const source = filters.get("source"), target = filters.get("target");
    const dyad = source && target; // both set: the dyad view shows it both ways
    // without an interval in the URL, the server picks one for the dates shown (days for a
    // month of events, weeks for a season), and the dyad view follows it
    const [summary, series] = await Promise.all([api("/api/summary", ""),
      api("/api/series", with_({ interval: params.get("interval") || "auto", by: "quad" }))]);
    const interval = series.interval;
    const [dyads, places, net, page, forward, reverse] = await Promise.all([
      api("/api/top", with_({ kind: "dyads", n: 12 })),
      api("/api/places", with_({ n: 300 })),
      api("/api/network", with_({ max_edges: 300 })),
      api("/api/events", with_({ limit: pageSize(params), offset })),
      dyad ? api("/api/series", with_({ interval, by: "none" })) : null,
      dyad ? api("/api/series", with_({ interval, by: "none", source: target, target: source })) : null,
    ]);
    if (mine !== generation) return;
    $("auth").hidden = true;
    $("interval-auto").textContent = params.get("interval") ? "auto" : `auto (${interval})`;
    const undated = summary.undated ? ` (${summary.undated} undated)` : "";
    $("summary").textContent = `${summary.events} events${undated} from ${summary.documents} documents, ` +
      `${summary.actors} actors, ${summary.first_date || "?"} to ${summary.last_date || "?"}`;
    $("summary").title = `${summary.records} coded records: a report of one event in several articles, ` +
      "or in a headline and its lead, counts once";
    drawTimeline($("timeline"), series.series, interval, navigate, series.undated);
    clear($("dyads"));
    if (dyad) drawDyadDetail($("dyads"), source, target, forward.series, reverse.series, interval, navigate,
      [forward.undated, reverse.undated]);
    else drawDyads($("dyads"), dyads.top, navigate);
    drawNetwork($("network"), net, navigate);
    drawTable(page);
    await drawMap($("map"), places.places, navigate);
  } catch (err) {
    if (mine !== generation) return;
    if (err instanceof AuthNeeded) { $("auth").hidden = false; showError("This server needs a token."); }
    else showError(`Could not load: ${err.message}`);
  } finally {
    if (mine === generation) document.body.classList.remove("loading");
  }
}

function drawChips(filters) {
  const box = clear($("chips"));
  if (![...filters.keys()].length) box.append(el("span", { class: "muted no-filters" }, "No filters: every event is shown."));
  for (const [k, v] of filters) {
    const chip = el("button", { type: "button", class: "chip", title: `Remove ${k}` }, `${k}: ${v} ×`);
    chip.addEventListener("click", () => navigate({ [k]: "" }));
    box.append(chip);
  }
}

function syncForm(params) {
  const form = $("filters");
  for (const input of form.elements) {
    if (!input.name) continue;
    input.value = params.get(input.name) || "";
  }
}

// The sentence with its marked spans; overlapping spans keep the first.
export function markedSentence(sentence, spans) {
  const cell = el("span", { class: "sentence" });
  let at = 0;
  for (const h of spans) {
    if (h.start < at || h.end > sentence.length) continue;
    cell.append(sentence.slice(at, h.start));
    cell.append(el("mark", { class: `hl-${h.role}`, title: h.role }, sentence.slice(h.start, h.end)));
    at = h.end;
  }
  cell.append(sentence.slice(at));
  return cell;
}

function actorCell(code, text) {
  if (!code && !text) return el("td", { class: "muted" }, "–");
  const link = el("a", { href: "#", title: text || "" }, code || "?");
  link.addEventListener("click", (e) => { e.preventDefault(); if (code) navigate({ actor: code, source: "", target: "" }); });
  return el("td", {}, link);
}

function drawTable(page) {
  const body = clear($("events").tBodies[0]);
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.events.length;
  $("count").textContent = `${first}–${last} of ${page.total}`;
  $("count").dataset.total = page.total;
  $("prev").disabled = page.offset === 0;
  $("next").disabled = last >= page.total;
  for (const ev of page.events) {
    const mood = (ev.polarity === "negated" ? "not " : "") + (ev.modality !== "actual" ? ev.modality : "");
    const doc = el("a", { href: "#", title: "Only this document" }, `${ev.doc_id} #${ev.sentence_index}`);
    doc.addEventListener("click", (e) => { e.preventDefault(); navigate({ doc_id: ev.doc_id }); });
    const quad = ev.cameo_quad_class;
    body.append(el("tr", { "data-event": ev.event_id },
      el("td", { class: "date" }, ev.date || "–"),
      actorCell(ev.source_code, ev.source_text),
      el("td", { title: ev.cameo_name || "" }, el("b", {}, ev.cameo_code || "–"), " ", ev.cameo_name || "",
        mood.trim() ? el("em", { class: "mood" }, ` (${mood.trim()})`) : null),
      actorCell(ev.target_code, ev.target_text),
      el("td", { title: quad ? QUAD[quad].name : "" }, quad ? String(quad) : "–"),
      el("td", {}, ev.plover_event_type || "–"),
      el("td", { class: "num" }, fmt(ev.confidence)),
      el("td", {}, markedSentence(ev.sentence || "", ev.highlights || [])),
      el("td", {}, doc),
      el("td", { class: "num reports", title: `${ev.num_mentions} mention${ev.num_mentions === 1 ? "" : "s"} in ` +
        `${ev.num_articles} article${ev.num_articles === 1 ? "" : "s"} from ${ev.num_sources} outlet${ev.num_sources === 1 ? "" : "s"}` },
      String(ev.num_articles))));
  }
  if (!page.events.length) body.append(el("tr", {}, el("td", { colspan: 10, class: "muted" }, "No events match these filters.")));
}

async function exportCsv() {
  const params = filterParams();
  params.set("format", "csv");
  params.set("limit", "100000");
  try {
    const blob = await api("/api/events", params, true);
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: "events.csv" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (err) {
    showError(err instanceof AuthNeeded ? "This server needs a token." : `Export failed: ${err.message}`);
  }
}

// -- wiring -----------------------------------------------------------------------------

function init() {
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const changes = {};
    for (const input of e.target.elements) if (input.name) changes[input.name] = input.value.trim();
    navigate(changes);
  });
  $("clear").addEventListener("click", () => {
    history.pushState(null, "", location.pathname);
    render();
  });
  $("auth").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, e.target.elements.token.value);
    e.target.elements.token.value = "";
    render();
  });
  $("prev").addEventListener("click", () => {
    const offset = Math.max(0, (parseInt(state().get("offset") || "0", 10) || 0) - pageSize());
    navigate({ offset: offset ? String(offset) : "" }, false);
  });
  $("next").addEventListener("click", () => {
    navigate({ offset: String((parseInt(state().get("offset") || "0", 10) || 0) + pageSize()) }, false);
  });
  $("export").addEventListener("click", exportCsv);
  window.addEventListener("popstate", render);
  render();
}

init();

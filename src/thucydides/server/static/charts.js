// The four views: timeline by quad class, dyads, map of places, actor network.
// Each draws plain SVG from API rows; clicking a mark narrows the filters, and the event
// table then shows the sentences behind that number.
"use strict";

import { QUAD, clear, el, fmt, goldsteinColor, svg, titled } from "./dom.js";

// -- timeline ---------------------------------------------------------------------------

export function periodEnd(start, interval) {
  const d = new Date(start + "T00:00:00Z");
  if (interval === "day") return start;
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  else { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

// Round numbers for an axis from 0 to `max`: 1, 2 or 5 times a power of ten apart.
export function niceTicks(max, count = 5) {
  if (max <= 0) return [0];
  const raw = max / count, p = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw));
  const ticks = [];
  for (let v = 0; v <= max + 1e-9; v += step) ticks.push(v);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

function periodLabel(p, interval) {
  return interval === "month" ? p.slice(0, 7) : interval === "year" ? p.slice(0, 4) : p;
}

// Stacked bars per period by quad class, on a y axis of round numbers with grid lines and
// an x axis labelled as often as the labels fit; undated events get a bar of their own.
export function drawTimeline(box, rows, interval, onPick, undatedRows = []) {
  clear(box);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const undated = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const r of undatedRows) if (undated[r.group] !== undefined) undated[r.group] += r.count;
  const nUndated = Object.values(undated).reduce((a, b) => a + b, 0);
  if (!periods.length && !nUndated) return box.append(el("p", { class: "muted" }, "No events."));
  const byPeriod = new Map(periods.map((p) => [p, { 1: 0, 2: 0, 3: 0, 4: 0 }]));
  for (const r of rows) if (r.group && byPeriod.get(r.period)) byPeriod.get(r.period)[r.group] += r.count;
  const totals = periods.map((p) => Object.values(byPeriod.get(p)).reduce((a, b) => a + b, 0));
  const ticks = niceTicks(Math.max(1, nUndated, ...totals));
  const max = ticks[ticks.length - 1];
  const W = 600, H = 230, left = 40, right = nUndated ? 62 : 6, bottom = 34, top = 10;
  const plotW = W - left - right, plotH = H - bottom - top;
  const bw = periods.length ? Math.min(plotW / periods.length, 60) : 0; // one period: no wall
  const x0 = left + (plotW - bw * periods.length) / 2;
  const y = (v) => (plotH * v) / max;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "img" });
  for (const t of ticks) {
    const ty = H - bottom - y(t);
    chart.append(svg("line", { x1: left, x2: W - right, y1: ty, y2: ty, class: t ? "grid" : "axis" }));
    chart.append(svg("text", { x: left - 5, y: ty + 3, class: "tick y-tick", "text-anchor": "end" }, String(t)));
  }
  chart.append(svg("text", { x: 10, y: top + plotH / 2, class: "tick axis-title", "text-anchor": "middle",
    transform: `rotate(-90 10 ${top + plotH / 2})` }, "events"));
  const stack = (x, width, counts, label, pick, data) => {
    let base = H - bottom;
    for (const q of [1, 2, 3, 4]) {
      const n = counts[q];
      if (!n) continue;
      const h = y(n);
      const bar = svg("rect", { x: x.toFixed(1), y: (base - h).toFixed(1), width: width.toFixed(1),
        height: h.toFixed(1), fill: QUAD[q].color, class: "bar", "data-quad": q, "data-count": n, ...data });
      titled(bar, `${label}: ${n} ${QUAD[q].name} event${n === 1 ? "" : "s"}`);
      bar.addEventListener("click", () => onPick({ ...pick, quad: String(q) }));
      chart.append(bar);
      base -= h;
    }
  };
  const gap = bw > 6 ? Math.min(2, bw * 0.15) : 0;
  periods.forEach((p, i) => stack(x0 + i * bw + gap / 2, Math.max(1, bw - gap), byPeriod.get(p),
    `${p}${interval === "day" ? "" : " to " + periodEnd(p, interval)}`,
    { start: p, end: periodEnd(p, interval), undated: "" }, { "data-period": p }));
  // x axis: a tick per period, a label as often as labels of this width fit
  const labelW = periodLabel(periods[0] || "", interval).length * 6.2 + 10;
  const every = Math.max(1, Math.ceil(labelW / Math.max(bw, 1)));
  periods.forEach((p, i) => {
    const x = x0 + i * bw + bw / 2;
    const labelled = i % every === 0;
    chart.append(svg("line", { x1: x, x2: x, y1: H - bottom, y2: H - bottom + (labelled ? 5 : 2), class: "axis" }));
    if (labelled) chart.append(svg("text", { x, y: H - bottom + 16, class: "tick x-tick", "text-anchor": "middle" },
      periodLabel(p, interval)));
  });
  chart.append(svg("text", { x: left + plotW / 2, y: H - 3, class: "tick axis-title", "text-anchor": "middle" },
    interval === "week" ? "weeks, by their Monday" : `${interval}s`));
  if (nUndated) {
    const x = W - right + 16;
    stack(x, right - 22, undated, "undated", { undated: "1", start: "", end: "" }, { "data-undated": "1" });
    chart.append(svg("line", { x1: x - 8, x2: x - 8, y1: top, y2: H - bottom, class: "grid split" }));
    chart.append(svg("text", { x: x + (right - 22) / 2, y: H - bottom + 16, class: "tick x-tick undated-label",
      "text-anchor": "middle" }, "undated"));
  }
  box.append(chart, legend());
}

function legend() {
  return el("div", { class: "legend" }, ...[1, 2, 3, 4].map((q) => {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = QUAD[q].color;
    return el("span", {}, swatch, `${q} ${QUAD[q].name}`);
  }));
}

// -- dyads ------------------------------------------------------------------------------

export function drawDyads(box, rows, onPick) {
  if (!rows.length) return box.append(el("p", { class: "muted" }, "No events with both a source and a target."));
  const max = Math.max(...rows.map((r) => r.count));
  const list = el("ol", { class: "dyads" });
  for (const r of rows) {
    const bar = el("span", { class: "dyad-bar" });
    bar.style.width = `${(100 * r.count) / max}%`;
    bar.style.background = goldsteinColor(r.goldstein_mean);
    const link = el("a", { href: "#", class: "dyad", title: `Show the ${r.count} events ${r.source} → ${r.target}` },
      el("span", { class: "dyad-name" }, `${r.source} → ${r.target}`),
      el("span", { class: "dyad-track" }, bar),
      el("span", { class: "num" }, String(r.count)),
      el("span", { class: "num muted" }, fmt(r.goldstein_mean, 1)));
    link.addEventListener("click", (e) => { e.preventDefault(); onPick({ source: r.source, target: r.target, actor: "" }); });
    list.append(el("li", {}, link));
  }
  box.append(list);
}

// One dyad both ways: events per period A → B beside B → A, coloured by mean Goldstein.
export function drawDyadDetail(box, source, target, forward, reverse, interval, onPick,
  undated = [[], []]) {
  const periods = [...new Set([...forward, ...reverse].map((r) => r.period))].sort();
  const nUndated = undated.map((rows) => rows.reduce((a, r) => a + r.count, 0));
  const dated = (rows) => rows.reduce((a, r) => a + r.count, 0);
  const sum = (rows) => dated(rows) + nUndated[rows === forward ? 0 : 1];
  const mean = (rows) => {
    const n = rows.filter((r) => r.goldstein_mean !== null).reduce((a, r) => a + r.count, 0);
    return n ? rows.reduce((a, r) => a + (r.goldstein_sum || 0), 0) / n : null;
  };
  const head = el("div", { class: "dyad-head" });
  for (const [a, b, rows, cls] of [[source, target, forward, "fwd"], [target, source, reverse, "rev"]]) {
    const u = nUndated[cls === "fwd" ? 0 : 1];
    const link = el("a", { href: "#", class: `dyad-dir ${cls}`, "data-count": sum(rows) },
      `${a} → ${b}: ${sum(rows)} event${sum(rows) === 1 ? "" : "s"}${u ? ` (${u} undated)` : ""}, ` +
      `mean Goldstein ${fmt(mean(rows), 1)}`);
    link.addEventListener("click", (e) => { e.preventDefault(); onPick({ source: a, target: b }); });
    head.append(link);
  }
  box.append(head);
  if (!periods.length) return;
  const byKey = (rows) => new Map(rows.map((r) => [r.period, r]));
  const f = byKey(forward), r = byKey(reverse);
  const max = Math.max(1, ...periods.map((p) => Math.max((f.get(p) || {}).count || 0, (r.get(p) || {}).count || 0)));
  const W = 600, H = 120, bottom = 18, bw = Math.min((W - 8) / periods.length, 60);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "dyad-chart", role: "img" });
  periods.forEach((p, i) => {
    [[f.get(p), source, target, 0], [r.get(p), target, source, 1]].forEach(([row, a, b, k]) => {
      if (!row || !row.count) return;
      const h = ((H - bottom - 4) * row.count) / max;
      const bar = svg("rect", { x: (4 + i * bw + k * bw / 2).toFixed(1), y: (H - bottom - h).toFixed(1),
        width: Math.max(1, bw / 2 - 1).toFixed(1), height: h.toFixed(1), class: `bar dyad-${k ? "rev" : "fwd"}`,
        fill: goldsteinColor(row.goldstein_mean) });
      titled(bar, `${p}: ${a} → ${b}, ${row.count} event${row.count === 1 ? "" : "s"}, mean Goldstein ${fmt(row.goldstein_mean, 1)}`);
      bar.addEventListener("click", () => onPick({ source: a, target: b, start: p, end: periodEnd(p, interval) }));
      chart.append(bar);
    });
  });
  chart.append(svg("text", { x: 4, y: H - 4, class: "tick" }, periods[0]));
  chart.append(svg("text", { x: W - 4, y: H - 4, class: "tick", "text-anchor": "end" }, periods[periods.length - 1]));
  box.append(chart);
}

// -- map --------------------------------------------------------------------------------

let basemap = null; // the decoded world outline, drawn once per page

// TopoJSON (world-atlas): quantized, delta-encoded arcs shared by neighbouring countries.
function decodeTopology(topo) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (indexes) => {
    const pts = [];
    for (const i of indexes) {
      const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    return pts;
  };
  return topo.objects.countries.geometries.map((g) => {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    const d = polys.flatMap((rings) => rings.map((r) => "M" + ring(r).map(([lon, lat]) =>
      `${(lon + 180).toFixed(2)},${(90 - lat).toFixed(2)}`).join("L") + "Z")).join("");
    return { name: (g.properties && g.properties.name) || "", d };
  });
}

// The part of the world the places are in (with a margin), at the panel's aspect ratio.
function mapView(places) {
  const ASPECT = 2.4;
  if (!places.length) return [0, 5, 360, 150];
  const xs = places.map((p) => p.lon + 180), ys = places.map((p) => 90 - p.lat);
  // a wider margin east, where the names of the easternmost places go
  let x0 = Math.min(...xs) - 15, x1 = Math.max(...xs) + 30, y0 = Math.min(...ys) - 10, y1 = Math.max(...ys) + 10;
  let w = Math.max(x1 - x0, 60), h = Math.max(y1 - y0, 25);
  if (w / h > ASPECT) h = w / ASPECT; else w = h * ASPECT;
  w = Math.min(w, 360); h = Math.min(h, 150);
  const cx = (x0 + x1) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  x0 = Math.max(0, Math.min(360 - w, cx - w / 2));
  y0 = Math.max(0, Math.min(180 - h, cy - h / 2));
  return [x0, y0, w, h];
}

export async function drawMap(box, places, onPick) {
  if (!basemap) {
    const res = await fetch("/static/vendor/world-atlas/countries-110m.json");
    basemap = decodeTopology(await res.json());
  }
  clear(box);
  const [vx, vy, vw, vh] = mapView(places);
  const map = svg("svg", { viewBox: `${vx.toFixed(1)} ${vy.toFixed(1)} ${vw.toFixed(1)} ${vh.toFixed(1)}`,
    class: "map", role: "img" });
  map.append(svg("rect", { x: 0, y: 0, width: 360, height: 180, class: "sea" }));
  for (const c of basemap) map.append(titled(svg("path", { d: c.d, class: "land" }), c.name));
  const max = Math.max(1, ...places.map((p) => p.count));
  const unit = vw / 360; // radii stay the same size on screen whatever the zoom
  for (const p of places) {
    const dot = svg("circle", {
      cx: (p.lon + 180).toFixed(2), cy: (90 - p.lat).toFixed(2),
      r: (unit * (2 + 7 * Math.sqrt(p.count / max))).toFixed(2),
      fill: goldsteinColor(p.goldstein_mean), class: "place", "data-place": p.name,
    });
    titled(dot, `${p.name}${p.country ? " (" + p.country + ")" : ""}: ${p.count} event${p.count === 1 ? "" : "s"}`);
    dot.addEventListener("click", () => onPick({ place: p.name }));
    map.append(dot);
  }
  // every bubble is named: beside it, to its left, above or below, wherever the name covers
  // no name placed before it (busiest places first), else beside it all the same
  const size = 9 * unit, taken = [];
  for (const p of places) {
    const cx = p.lon + 180, cy = 90 - p.lat, w = 0.6 * size * p.name.length, r = unit * 9;
    const spots = [[cx + r, cy + size / 3, "start"], [cx - r, cy + size / 3, "end"],
      [cx, cy - r, "middle"], [cx, cy + r + size, "middle"], [cx + r, cy - r, "start"],
      [cx + r, cy + r + size, "start"], [cx - r, cy - r, "end"], [cx - r, cy + r + size, "end"]];
    const boxOf = ([x, y, anchor]) => {
      const x0 = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
      return [x0, y - size, x0 + w, y];
    };
    const free = spots.find((s) => { const b = boxOf(s); return !taken.some((t) => b[0] < t[2] && t[0] < b[2] && b[1] < t[3] && t[1] < b[3]); });
    const [x, y, anchor] = free || spots[0];
    taken.push(boxOf([x, y, anchor]));
    map.append(svg("text", { x: x.toFixed(2), y: y.toFixed(2), class: "place-label", "data-place": p.name,
      "text-anchor": anchor, "font-size": size.toFixed(2) }, p.name));
  }
  box.append(map);
  if (!places.length) box.append(el("p", { class: "muted" }, "No events with a place."));
}

// -- network ----------------------------------------------------------------------------

export const NETWORK_NODES = 16; // actors drawn: the most active; the rest are one filter away

// The actors with the most events on an ellipse, grouped by code (one country's actors side
// by side), each name outside the ellipse and inside the picture, edges between them.
export function drawNetwork(box, net, onPick, limit = NETWORK_NODES) {
  clear(box);
  if (!net.edges.length) return box.append(el("p", { class: "muted" }, "No dyads to draw."));
  const degree = (n) => n.in + n.out;
  const nodes = net.nodes.slice().sort((a, b) => degree(b) - degree(a) || (a.id < b.id ? -1 : 1))
    .slice(0, limit).sort((a, b) => (a.id < b.id ? -1 : 1));
  const longest = Math.max(...nodes.map((n) => n.id.length));
  const W = 600, H = 330, labelW = 6.8 * longest + 14;
  const rx = W / 2 - labelW - 8, ry = H / 2 - 30, cx = W / 2, cy = H / 2;
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n.id, { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a), cos: Math.cos(a), sin: Math.sin(a) }];
  }));
  const edges = net.edges.filter((e) => pos.has(e.source) && pos.has(e.target));
  const maxW = Math.max(1, ...edges.map((e) => e.weight));
  const maxDeg = Math.max(...nodes.map(degree));
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "img" });
  g.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
    markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, svg("path", { d: "M0,0L10,5L0,10Z", class: "arrow" }))));
  for (const e of edges) {
    const { x: x1, y: y1 } = pos.get(e.source), { x: x2, y: y2 } = pos.get(e.target);
    // bend each direction to its own side, so A→B and B→A do not overlap
    const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15, my = (y1 + y2) / 2 - (x2 - x1) * 0.15;
    const len = Math.hypot(x2 - mx, y2 - my) || 1, stop = 10;
    const ex = x2 - ((x2 - mx) / len) * stop, ey = y2 - ((y2 - my) / len) * stop;
    const edge = svg("path", {
      d: `M${x1.toFixed(1)},${y1.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      class: "edge", stroke: goldsteinColor(e.goldstein_mean), "stroke-width": (1 + 4 * e.weight / maxW).toFixed(1),
      "marker-end": "url(#arrow)", "data-source": e.source, "data-target": e.target, "data-count": e.weight,
    });
    titled(edge, `${e.source} → ${e.target}: ${e.weight} event${e.weight === 1 ? "" : "s"}, mean Goldstein ${fmt(e.goldstein_mean, 1)}`);
    edge.addEventListener("click", () => onPick({ source: e.source, target: e.target, actor: "" }));
    g.append(edge);
  }
  for (const n of nodes) {
    const { x, y, cos, sin } = pos.get(n.id);
    const r = 4 + 6 * Math.sqrt(degree(n) / maxDeg);
    const anchor = cos > 0.25 ? "start" : cos < -0.25 ? "end" : "middle";
    const lx = (r + 4) * Math.sign(Math.round(cos * 4)), ly = anchor === "middle" ? (sin < 0 ? -r - 5 : r + 12) : 4;
    const node = svg("g", { class: "node", "data-actor": n.id, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` },
      svg("circle", { r: r.toFixed(1) }),
      svg("text", { x: lx.toFixed(1), y: ly.toFixed(1), "text-anchor": anchor }, n.id));
    titled(node, `${n.id}${n.name ? " – " + n.name : ""}: ${n.out} as source, ${n.in} as target`);
    node.addEventListener("click", () => onPick({ actor: n.id, source: "", target: "" }));
    g.append(node);
  }
  box.append(g);
  if (net.nodes.length > nodes.length) {
    box.append(el("p", { class: "muted note" }, `The ${nodes.length} of ${net.nodes.length} actors with the most ` +
      "events; filter by an actor to see its other partners."));
  }
}

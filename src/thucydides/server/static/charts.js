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

export function drawTimeline(box, rows, interval, onPick) {
  clear(box);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  if (!periods.length) return box.append(el("p", { class: "muted" }, "No dated events."));
  const byPeriod = new Map(periods.map((p) => [p, { 1: 0, 2: 0, 3: 0, 4: 0 }]));
  for (const r of rows) if (r.group && byPeriod.get(r.period)) byPeriod.get(r.period)[r.group] += r.count;
  const max = Math.max(1, ...periods.map((p) => Object.values(byPeriod.get(p)).reduce((a, b) => a + b, 0)));
  const W = 600, H = 220, left = 34, bottom = 24, top = 8;
  const bw = (W - left - 4) / periods.length;
  const y = (v) => ((H - bottom - top) * v) / max;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "img" });
  chart.append(svg("line", { x1: left, x2: W, y1: H - bottom, y2: H - bottom, class: "axis" }));
  chart.append(svg("text", { x: left - 4, y: top + 8, class: "tick", "text-anchor": "end" }, String(max)));
  chart.append(svg("text", { x: left - 4, y: H - bottom, class: "tick", "text-anchor": "end" }, "0"));
  const step = Math.max(1, Math.ceil(periods.length / 8));
  periods.forEach((p, i) => {
    let base = H - bottom;
    for (const q of [1, 2, 3, 4]) {
      const n = byPeriod.get(p)[q];
      if (!n) continue;
      const h = y(n);
      const bar = svg("rect", {
        x: (left + i * bw + 1).toFixed(1), y: (base - h).toFixed(1), width: Math.max(1, bw - 2).toFixed(1),
        height: h.toFixed(1), fill: QUAD[q].color, class: "bar", "data-period": p, "data-quad": q,
      });
      titled(bar, `${p}: ${n} ${QUAD[q].name} event${n === 1 ? "" : "s"}`);
      bar.addEventListener("click", () => onPick({ start: p, end: periodEnd(p, interval), quad: String(q) }));
      chart.append(bar);
      base -= h;
    }
    if (i % step === 0) {
      chart.append(svg("text", { x: left + i * bw + bw / 2, y: H - 8, class: "tick", "text-anchor": "middle" },
        interval === "month" ? p.slice(0, 7) : interval === "year" ? p.slice(0, 4) : p));
    }
  });
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
export function drawDyadDetail(box, source, target, forward, reverse, interval, onPick) {
  const periods = [...new Set([...forward, ...reverse].map((r) => r.period))].sort();
  const sum = (rows) => rows.reduce((a, r) => a + r.count, 0);
  const mean = (rows) => {
    const n = rows.filter((r) => r.goldstein_mean !== null).reduce((a, r) => a + r.count, 0);
    return n ? rows.reduce((a, r) => a + (r.goldstein_sum || 0), 0) / n : null;
  };
  const head = el("div", { class: "dyad-head" });
  for (const [a, b, rows, cls] of [[source, target, forward, "fwd"], [target, source, reverse, "rev"]]) {
    const link = el("a", { href: "#", class: `dyad-dir ${cls}` },
      `${a} → ${b}: ${sum(rows)} event${sum(rows) === 1 ? "" : "s"}, mean Goldstein ${fmt(mean(rows), 1)}`);
    link.addEventListener("click", (e) => { e.preventDefault(); onPick({ source: a, target: b }); });
    head.append(link);
  }
  box.append(head);
  if (!periods.length) return;
  const byKey = (rows) => new Map(rows.map((r) => [r.period, r]));
  const f = byKey(forward), r = byKey(reverse);
  const max = Math.max(1, ...periods.map((p) => Math.max((f.get(p) || {}).count || 0, (r.get(p) || {}).count || 0)));
  const W = 600, H = 120, bottom = 18, bw = (W - 8) / periods.length;
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
  let x0 = Math.min(...xs) - 15, x1 = Math.max(...xs) + 15, y0 = Math.min(...ys) - 10, y1 = Math.max(...ys) + 10;
  let w = Math.max(x1 - x0, 60), h = Math.max(y1 - y0, 25);
  if (w / h > ASPECT) h = w / ASPECT; else w = h * ASPECT;
  w = Math.min(w, 360); h = Math.min(h, 150);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2, cy = (Math.min(...ys) + Math.max(...ys)) / 2;
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
  // names of the busiest places, skipping any that would cover a name already placed
  const size = 9 * unit, taken = [];
  for (const p of places.slice(0, 12)) {
    const x = p.lon + 180 + 7 * unit, y = 90 - p.lat + size / 3;
    const box = [x, y - size, x + 0.6 * size * p.name.length, y];
    if (taken.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    taken.push(box);
    map.append(svg("text", { x: x.toFixed(2), y: y.toFixed(2), class: "place-label",
      "font-size": size.toFixed(2) }, p.name));
  }
  box.append(map);
  if (!places.length) box.append(el("p", { class: "muted" }, "No events with a place."));
}

// -- network ----------------------------------------------------------------------------

export function drawNetwork(box, net, onPick) {
  clear(box);
  if (!net.edges.length) return box.append(el("p", { class: "muted" }, "No dyads to draw."));
  const W = 600, H = 300, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 34;
  const nodes = net.nodes.slice().sort((a, b) => (b.in + b.out) - (a.in + a.out)).slice(0, 40);
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n.id, [cx + R * 1.6 * Math.cos(a), cy + R * Math.sin(a)]];
  }));
  const maxW = Math.max(...net.edges.map((e) => e.weight));
  const maxDeg = Math.max(...nodes.map((n) => n.in + n.out));
  const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "img" });
  g.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
    markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, svg("path", { d: "M0,0L10,5L0,10Z", class: "arrow" }))));
  for (const e of net.edges) {
    if (!pos.has(e.source) || !pos.has(e.target)) continue;
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    // bend each direction to its own side, so A→B and B→A do not overlap
    const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15, my = (y1 + y2) / 2 - (x2 - x1) * 0.15;
    const len = Math.hypot(x2 - mx, y2 - my) || 1, stop = 9;
    const ex = x2 - ((x2 - mx) / len) * stop, ey = y2 - ((y2 - my) / len) * stop;
    const edge = svg("path", {
      d: `M${x1.toFixed(1)},${y1.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      class: "edge", stroke: goldsteinColor(e.goldstein_mean), "stroke-width": (1 + 5 * e.weight / maxW).toFixed(1),
      "marker-end": "url(#arrow)", "data-source": e.source, "data-target": e.target,
    });
    titled(edge, `${e.source} → ${e.target}: ${e.weight} event${e.weight === 1 ? "" : "s"}, mean Goldstein ${fmt(e.goldstein_mean, 1)}`);
    edge.addEventListener("click", () => onPick({ source: e.source, target: e.target, actor: "" }));
    g.append(edge);
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n.id);
    const node = svg("g", { class: "node", "data-actor": n.id, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` },
      svg("circle", { r: (4 + 6 * Math.sqrt((n.in + n.out) / maxDeg)).toFixed(1) }),
      svg("text", { y: -12, "text-anchor": "middle" }, n.id));
    titled(node, `${n.id}${n.name ? " – " + n.name : ""}: ${n.out} as source, ${n.in} as target`);
    node.addEventListener("click", () => onPick({ actor: n.id, source: "", target: "" }));
    g.append(node);
  }
  box.append(g);
}

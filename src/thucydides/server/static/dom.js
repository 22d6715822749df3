// Building DOM and SVG nodes safely: text always goes in as textContent and attributes
// through setAttribute with names we choose, so data from articles can never become markup.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (name.startsWith("on")) throw new Error("event handlers are attached with addEventListener");
    node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number"
      ? document.createTextNode(String(child)) : child);
  }
  return node;
}

export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

// An SVG element with a hover title (tooltips that are text, never markup).
export function titled(node, text) {
  node.append(svg("title", {}, text));
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export function fmt(value, digits = 2) {
  if (value === null || value === undefined) return "–";
  return Number.isInteger(value) ? String(value) : Number(value).toFixed(digits);
}

// Blue for cooperation (positive Goldstein), red for conflict (negative), grey for none.
export function goldsteinColor(g) {
  if (g === null || g === undefined) return "#999";
  const t = Math.max(-1, Math.min(1, g / 10));
  if (t >= 0) return `rgb(${Math.round(200 - 170 * t)},${Math.round(200 - 90 * t)},${Math.round(220 - 10 * t)})`;
  return `rgb(${Math.round(220 - 20 * t)},${Math.round(200 + 170 * t)},${Math.round(200 + 170 * t)})`;
}

export const QUAD = {
  1: { name: "verbal cooperation", color: "#6baed6" },
  2: { name: "material cooperation", color: "#2171b5" },
  3: { name: "verbal conflict", color: "#fd8d3c" },
  4: { name: "material conflict", color: "#cb181d" },
};

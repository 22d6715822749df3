// Offline API docs: the OpenAPI document rendered as text, one panel per route.
"use strict";

import { el } from "./dom.js";

function typeOf(schema) {
  if (!schema) return "";
  if (schema.enum) return schema.enum.join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeOf).filter((t) => t !== "null").join(" | ");
  if (schema.$ref) return schema.$ref.split("/").pop();
  return schema.type || "";
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  const box = document.getElementById("endpoints");
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters || []).map((p) => el("tr", {},
        el("td", {}, el("code", {}, p.name)),
        el("td", {}, typeOf(p.schema)),
        el("td", {}, p.schema && p.schema.default !== undefined ? String(p.schema.default) : ""),
        el("td", {}, p.description || "")));
      let body = null;
      const ref = op.requestBody && op.requestBody.content["application/json"].schema.$ref;
      if (ref) {
        const schema = spec.components.schemas[ref.split("/").pop()];
        body = el("p", {}, "JSON body: ", ...Object.entries(schema.properties).map(([name, p]) =>
          el("span", {}, el("code", {}, name), ` (${typeOf(p)}${(schema.required || []).includes(name) ? ", required" : ""}) `)));
      }
      box.append(el("section", { class: "panel" },
        el("h2", {}, el("code", {}, `${method.toUpperCase()} ${path}`), " ", el("span", { class: "muted" }, op.summary || "")),
        el("p", {}, op.description || ""),
        body,
        params.length ? el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "type"),
          el("th", {}, "default"), el("th", {}, "meaning"))), el("tbody", {}, ...params)) : null));
    }
  }
}

main();

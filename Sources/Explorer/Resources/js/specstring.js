// Optimizer spec strings, the syntax of `descent trace --optimizer`: `adam(lr=0.3,betas=(0.9,0.99))`.
// The URL keeps each optimizer of a race in this form, so a link reads like a command line.

/** Formats a run `{kind, params}` as a spec string (parameters in the order given). */
export function formatSpec(run) {
  const args = Object.entries(run.params).map(([name, value]) => `${name}=${formatValue(value)}`);
  return args.length ? `${run.kind}(${args.join(",")})` : run.kind;
}

function formatValue(value) {
  if (Array.isArray(value)) return `(${value.map(String).join(",")})`;
  return String(value);
}

/** Parses a spec string into `{kind, params}`; returns null when it is not one. */
export function parseSpec(text) {
  const match = /^\s*([a-z_]+)\s*(?:\((.*)\))?\s*$/i.exec(text);
  if (!match) return null;
  const params = {};
  const body = match[2] ?? "";
  // Split on commas outside parentheses.
  let depth = 0, current = "";
  const parts = [];
  for (const ch of body) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) { parts.push(current); current = ""; } else current += ch;
  }
  if (current.trim()) parts.push(current);
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq < 0) return null;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    const value = parseValue(raw);
    if (!name || value === undefined) return null;
    params[name] = value;
  }
  return { kind: match[1].toLowerCase(), params };
}

function parseValue(raw) {
  if (raw === "true" || raw === "false") return raw === "true";
  if (raw.startsWith("(") && raw.endsWith(")")) {
    const xs = raw.slice(1, -1).split(",").map((s) => Number(s.trim()));
    return xs.every(Number.isFinite) ? xs : undefined;
  }
  const x = Number(raw);
  return raw !== "" && Number.isFinite(x) ? x : raw;
}

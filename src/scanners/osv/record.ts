// Turns untrusted JSON into an OsvRecord the matcher can walk without checking types again:
// wrong-typed fields are dropped, a record without an id is rejected.
import type { OsvAffected, OsvEvent, OsvRange, OsvRecord, OsvSeverity } from "./types.js";

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
function s(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
function severities(v: unknown): OsvSeverity[] {
  if (!Array.isArray(v)) return [];
  const out: OsvSeverity[] = [];
  for (const item of v) {
    const o = obj(item);
    const type = s(o?.type);
    const score = s(o?.score);
    if (type && score) out.push({ type, score });
  }
  return out;
}

function events(v: unknown): OsvEvent[] {
  if (!Array.isArray(v)) return [];
  const out: OsvEvent[] = [];
  for (const item of v) {
    const o = obj(item);
    if (!o) continue;
    const e: OsvEvent = {};
    for (const k of ["introduced", "fixed", "last_affected", "limit"] as const) {
      const value = o[k];
      if (typeof value === "string") e[k] = value;
    }
    if (Object.keys(e).length === 1) out.push(e);
  }
  return out;
}

export function sanitizeRecord(value: unknown): OsvRecord | null {
  const o = obj(value);
  const id = s(o?.id);
  if (!o || !id) return null;
  const record: OsvRecord = { id, aliases: strings(o.aliases), severity: severities(o.severity), affected: [] };
  for (const k of ["modified", "published", "withdrawn", "summary", "details"] as const) {
    const v = s(o[k]);
    if (v !== undefined) record[k] = v;
  }
  const dbs = obj(o.database_specific);
  if (dbs) record.database_specific = dbs;
  if (Array.isArray(o.references)) {
    record.references = o.references.map(obj).filter((r): r is Record<string, unknown> => !!r).map((r) => {
      const ref: { type?: string; url?: string } = {};
      const type = s(r.type);
      const url = s(r.url);
      if (type) ref.type = type;
      if (url) ref.url = url;
      return ref;
    });
  }
  for (const item of Array.isArray(o.affected) ? o.affected : []) {
    const a = obj(item);
    if (!a) continue;
    const pkg = obj(a.package);
    const entry: OsvAffected = { versions: strings(a.versions), severity: severities(a.severity), ranges: [] };
    if (pkg) {
      entry.package = {};
      const eco = s(pkg.ecosystem);
      const name = s(pkg.name);
      const purl = s(pkg.purl);
      if (eco !== undefined) entry.package.ecosystem = eco;
      if (name !== undefined) entry.package.name = name;
      if (purl !== undefined) entry.package.purl = purl;
    }
    for (const r of Array.isArray(a.ranges) ? a.ranges : []) {
      const ro = obj(r);
      const type = s(ro?.type);
      if (!ro || !type) continue;
      const range: OsvRange = { type, events: events(ro.events) };
      entry.ranges?.push(range);
    }
    const es = obj(a.ecosystem_specific);
    const ds = obj(a.database_specific);
    if (es) entry.ecosystem_specific = es;
    if (ds) entry.database_specific = ds;
    record.affected?.push(entry);
  }
  return record;
}

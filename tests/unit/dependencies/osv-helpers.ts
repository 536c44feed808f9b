// Builds OSV records for tests and checks each one against the OSV schema, so the offline and
// online tests feed the matcher only records a real OSV database could hold.
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { zipSync, strToU8 } from "fflate";

/** The shared OSV schema lives beside the repository (CI puts shared/ next to the clone). */
const SCHEMA_PATH = join(process.cwd(), "..", "shared", "schemas", "osv-schema.json");

let validator: ValidateFunction | undefined;

export function validateOsv(record: unknown): void {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    formats.default(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as object);
  }
  if (!validator(record)) throw new Error(`OSV record does not validate: ${JSON.stringify(validator.errors)}`);
}

export interface Event {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface RecordInput {
  id: string;
  ecosystem: string;
  name: string;
  events?: Event[];
  rangeType?: "ECOSYSTEM" | "SEMVER";
  versions?: string[];
  aliases?: string[];
  summary?: string;
  severity?: { type: "CVSS_V3" | "CVSS_V4" | "CVSS_V2"; score: string }[];
  databaseSeverity?: string;
  withdrawn?: string;
  /** Extra affected entries (other packages in the same record). */
  more?: { ecosystem: string; name: string; events: Event[] }[];
}

export function osvRecord(input: RecordInput): Record<string, unknown> {
  const affected: Record<string, unknown>[] = [];
  const entry: Record<string, unknown> = { package: { ecosystem: input.ecosystem, name: input.name } };
  if (input.events) entry.ranges = [{ type: input.rangeType ?? "ECOSYSTEM", events: input.events }];
  if (input.versions) entry.versions = input.versions;
  affected.push(entry);
  for (const m of input.more ?? []) affected.push({ package: { ecosystem: m.ecosystem, name: m.name }, ranges: [{ type: "ECOSYSTEM", events: m.events }] });
  const record: Record<string, unknown> = {
    schema_version: "1.6.0",
    id: input.id,
    modified: "2024-01-02T03:04:05Z",
    published: "2023-12-01T00:00:00Z",
    aliases: input.aliases ?? [],
    summary: input.summary ?? `Test advisory ${input.id}`,
    affected,
  };
  if (input.severity) record.severity = input.severity;
  if (input.databaseSeverity) record.database_specific = { severity: input.databaseSeverity };
  if (input.withdrawn) record.withdrawn = input.withdrawn;
  validateOsv(record);
  return record;
}

/** Writes records as `<dir>/<Ecosystem>/<ID>.json`, the layout of OSV's per-ecosystem exports. */
export function writeOsvDirectory(dir: string, records: Record<string, unknown>[]): string {
  for (const r of records) {
    const eco = String(((r.affected as { package: { ecosystem: string } }[])[0]?.package.ecosystem ?? "misc").split(":")[0]);
    mkdirSync(join(dir, eco), { recursive: true });
    writeFileSync(join(dir, eco, `${String(r.id)}.json`), JSON.stringify(r, null, 2));
  }
  return dir;
}

/** Writes records into one zip (OSV's all.zip shape: `<ID>.json` entries). */
export function writeOsvZip(path: string, records: Record<string, unknown>[]): string {
  const files: Record<string, Uint8Array> = {};
  for (const r of records) files[`${String(r.id)}.json`] = strToU8(JSON.stringify(r));
  writeFileSync(path, zipSync(files, { level: 6 }));
  return path;
}

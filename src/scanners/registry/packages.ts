// The OS package databases found in image layers (dpkg status, apk installed) and the distribution
// release from os-release, turned into OSV package references (OSV names the source package).

export interface OsPackage {
  /** Binary package name as installed. */
  name: string;
  version: string;
  /** Source package name (dpkg Source:, apk origin), which OSV advisories name. */
  source: string;
  sourceVersion: string;
  manager: "dpkg" | "apk";
}

export interface OsRelease {
  id: string;
  versionId: string;
  prettyName?: string;
}

/** Paragraphs of a Debian control-style file: "Field: value" lines, continuation lines start with a space. */
function paragraphs(text: string): Array<Map<string, string>> {
  const out: Array<Map<string, string>> = [];
  let current = new Map<string, string>();
  let lastKey: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") {
      if (current.size > 0) out.push(current);
      current = new Map();
      lastKey = undefined;
      continue;
    }
    if ((line.startsWith(" ") || line.startsWith("\t")) && lastKey) {
      current.set(lastKey, `${current.get(lastKey) ?? ""}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    lastKey = line.slice(0, colon).trim();
    current.set(lastKey, line.slice(colon + 1).trim());
  }
  if (current.size > 0) out.push(current);
  return out;
}

/** Installed packages of /var/lib/dpkg/status (or a distroless status.d entry). */
export function parseDpkgStatus(text: string): OsPackage[] {
  const packages: OsPackage[] = [];
  for (const p of paragraphs(text)) {
    const name = p.get("Package");
    const version = p.get("Version");
    if (!name || !version) continue;
    const status = p.get("Status");
    // "install ok installed"; skip removed packages that left config files behind.
    if (status !== undefined && !/\binstalled$/.test(status)) continue;
    let source = name;
    let sourceVersion = version;
    const sourceField = p.get("Source");
    if (sourceField) {
      const m = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(sourceField);
      if (m?.[1]) source = m[1];
      if (m?.[2]) sourceVersion = m[2];
    }
    packages.push({ name, version, source, sourceVersion, manager: "dpkg" });
  }
  return packages;
}

/** Installed packages of /lib/apk/db/installed: blank-line separated records of "X:value" lines. */
export function parseApkInstalled(text: string): OsPackage[] {
  const packages: OsPackage[] = [];
  for (const record of text.split(/\r?\n\r?\n/)) {
    let name: string | undefined;
    let version: string | undefined;
    let origin: string | undefined;
    for (const line of record.split(/\r?\n/)) {
      if (line.startsWith("P:")) name = line.slice(2).trim();
      else if (line.startsWith("V:")) version = line.slice(2).trim();
      else if (line.startsWith("o:")) origin = line.slice(2).trim();
    }
    if (name && version) packages.push({ name, version, source: origin || name, sourceVersion: version, manager: "apk" });
  }
  return packages;
}

export function parseOsRelease(text: string): OsRelease | undefined {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (!m?.[1] || m[2] === undefined) continue;
    values.set(m[1], m[2].replace(/^(["'])(.*)\1$/, "$2"));
  }
  const id = values.get("ID");
  if (!id) return undefined;
  const release: OsRelease = { id: id.toLowerCase(), versionId: values.get("VERSION_ID") ?? "" };
  const pretty = values.get("PRETTY_NAME");
  if (pretty) release.prettyName = pretty;
  return release;
}

/**
 * The OSV ecosystem of a release, e.g. "Debian:12", "Alpine:v3.19"; undefined when OSV has no
 * matching ecosystem or the release is unknown (Debian testing has no VERSION_ID).
 */
export function osvEcosystem(release: OsRelease | undefined): string | undefined {
  if (!release) return undefined;
  if (release.id === "debian") {
    const major = /^(\d+)/.exec(release.versionId)?.[1];
    return major ? `Debian:${major}` : undefined;
  }
  if (release.id === "alpine") {
    const m = /^(\d+)\.(\d+)/.exec(release.versionId);
    return m ? `Alpine:v${m[1]}.${m[2]}` : undefined;
  }
  return undefined;
}

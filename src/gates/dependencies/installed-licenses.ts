// Licences of packages the lockfile does not record, read from what is installed beside it:
// node_modules/<name>/package.json, a virtualenv's *.dist-info/METADATA, vendored crates' Cargo.toml.
import { readFile, readdir } from "node:fs/promises";
import { join, posix } from "node:path";
import type { LockPackage, ParsedLockfile } from "../../scanners/lockfiles/index.js";
import { licenseOf } from "../../scanners/lockfiles/parsers/npm.js";

async function text(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Fills `license` in place for packages that have none, when an installed copy of the same version says. */
export async function addInstalledLicenses(root: string, lockfile: ParsedLockfile): Promise<void> {
  const dir = join(root, posix.dirname(lockfile.path));
  const missing = lockfile.packages.filter((p) => p.license === undefined);
  if (missing.length === 0) return;
  const python = missing.some((p) => p.ecosystem === "PyPI") ? await pythonMetadata(dir) : new Map<string, string>();
  await Promise.all(
    missing.map(async (pkg) => {
      const license = await installedLicense(dir, pkg, python);
      if (license) pkg.license = license;
    }),
  );
}

async function installedLicense(dir: string, pkg: LockPackage, python: Map<string, string>): Promise<string | undefined> {
  switch (pkg.ecosystem) {
    case "npm": {
      const raw = await text(join(dir, "node_modules", pkg.name, "package.json"));
      if (raw === undefined) return undefined;
      try {
        const manifest = JSON.parse(raw) as { version?: unknown; license?: unknown; licenses?: unknown };
        if (manifest.version !== pkg.version) return undefined;
        return licenseOf(manifest.license ?? manifest.licenses);
      } catch {
        return undefined;
      }
    }
    case "PyPI":
      return python.get(`${pkg.name.toLowerCase().replace(/[-_.]+/g, "-")}@${pkg.version}`);
    case "crates.io": {
      const raw = await text(join(dir, "vendor", pkg.name, "Cargo.toml"));
      if (raw === undefined || !new RegExp(`^version\\s*=\\s*"${pkg.version.replace(/\./g, "\\.")}"`, "m").test(raw)) return undefined;
      return /^license\s*=\s*"([^"]+)"/m.exec(raw)?.[1];
    }
    default:
      return undefined;
  }
}

/** name@version -> licence from .venv/venv site-packages METADATA (License-Expression, else License). */
async function pythonMetadata(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const venv of [".venv", "venv"]) {
    let libs: string[];
    try {
      libs = (await readdir(join(dir, venv, "lib"))).filter((d) => d.startsWith("python"));
    } catch {
      continue;
    }
    for (const lib of libs) {
      const site = join(dir, venv, "lib", lib, "site-packages");
      let entries: string[];
      try {
        entries = (await readdir(site)).filter((e) => e.endsWith(".dist-info"));
      } catch {
        continue;
      }
      for (const entry of entries) {
        const meta = await text(join(site, entry, "METADATA"));
        if (!meta) continue;
        const header = meta.split(/\r?\n\r?\n/)[0] ?? "";
        const name = /^Name:\s*(.+)$/m.exec(header)?.[1]?.trim();
        const version = /^Version:\s*(.+)$/m.exec(header)?.[1]?.trim();
        const license = /^License-Expression:\s*(.+)$/m.exec(header)?.[1]?.trim() ?? /^License:\s*(.+)$/m.exec(header)?.[1]?.trim();
        if (name && version && license && license !== "UNKNOWN") out.set(`${name.toLowerCase().replace(/[-_.]+/g, "-")}@${version}`, license);
      }
    }
  }
  return out;
}

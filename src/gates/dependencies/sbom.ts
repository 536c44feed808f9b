// The CycloneDX 1.6 JSON SBOM of every package found, with package URLs, built with the
// CycloneDX library so the output follows its schema.
import * as CDX from "@cyclonedx/cyclonedx-library";
import { PackageURL } from "packageurl-js";
import type { LockPackage, ParsedLockfile } from "../../scanners/lockfiles/index.js";
import { parseLicense } from "./licenses.js";

/** purl type per OSV ecosystem (https://github.com/package-url/purl-spec/blob/main/PURL-TYPES.rst). */
const PURL_TYPES: Record<string, string> = {
  npm: "npm",
  PyPI: "pypi",
  Go: "golang",
  "crates.io": "cargo",
  RubyGems: "gem",
  Packagist: "composer",
  Maven: "maven",
  NuGet: "nuget",
};

export function purlOf(pkg: Pick<LockPackage, "ecosystem" | "name" | "version">): PackageURL | undefined {
  const type = PURL_TYPES[pkg.ecosystem];
  if (!type) return undefined;
  let namespace: string | undefined;
  let name = pkg.name;
  let version = pkg.version;
  if (type === "npm" && name.startsWith("@")) [namespace, name] = splitOnce(name, "/");
  else if (type === "maven") [namespace, name] = splitOnce(name, ":");
  else if (type === "composer" || type === "golang") {
    const cut = name.lastIndexOf("/");
    if (cut > 0) [namespace, name] = [name.slice(0, cut), name.slice(cut + 1)];
  }
  if (type === "pypi") name = name.toLowerCase().replace(/[-_.]+/g, "-");
  if (type === "golang" && pkg.name !== "stdlib") version = `v${version.replace(/^v/, "")}`;
  return new PackageURL(type, namespace ?? null, name, version, null, null);
}

function splitOnce(value: string, sep: string): [string | undefined, string] {
  const i = value.indexOf(sep);
  return i === -1 ? [undefined, value] : [value.slice(0, i), value.slice(i + 1)];
}

export interface SbomInput {
  projectName: string;
  lockfiles: ParsedLockfile[];
  toolVersion: string;
  now: Date;
}

export function buildSbom(input: SbomInput): string {
  const bom = new CDX.Models.Bom();
  bom.metadata.timestamp = input.now;
  const project = new CDX.Models.Component(CDX.Enums.ComponentType.Application, input.projectName, { bomRef: "project" });
  bom.metadata.component = project;
  bom.metadata.tools.components.add(new CDX.Models.Component(CDX.Enums.ComponentType.Application, "tollgate", { version: input.toolVersion }));
  const seen = new Map<string, CDX.Models.Component>();
  for (const lockfile of input.lockfiles) {
    for (const pkg of lockfile.packages) {
      const purl = purlOf(pkg);
      const ref = purl?.toString() ?? `${pkg.ecosystem}:${pkg.name}@${pkg.version}`;
      const existing = seen.get(ref);
      if (existing) {
        // Prod in any lockfile wins over dev in another.
        if (!pkg.dev) existing.scope = CDX.Enums.ComponentScope.Required;
        continue;
      }
      const component = new CDX.Models.Component(CDX.Enums.ComponentType.Library, pkg.name, {
        version: pkg.version,
        bomRef: ref,
        scope: pkg.dev ? CDX.Enums.ComponentScope.Optional : CDX.Enums.ComponentScope.Required,
      });
      if (purl) {
        component.purl = purl.toString();
        if (purl.namespace) {
          component.group = purl.namespace;
          component.name = purl.name;
        }
      }
      const license = licenseModel(pkg.license);
      if (license) component.licenses.add(license);
      component.properties.add(new CDX.Models.Property("tollgate:lockfile", lockfile.path));
      if (pkg.direct) component.properties.add(new CDX.Models.Property("tollgate:direct", "true"));
      seen.set(ref, component);
      bom.components.add(component);
      if (pkg.direct) project.dependencies.add(component.bomRef);
    }
  }
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}

function licenseModel(raw: string | undefined): CDX.Models.License | undefined {
  if (!raw) return undefined;
  const parsed = parseLicense(raw);
  if ("reason" in parsed) return new CDX.Models.NamedLicense(raw);
  if ("license" in parsed.node && !parsed.node.plus && !parsed.node.exception && CDX.SPDX.isSupportedSpdxId(parsed.node.license)) {
    return new CDX.Models.SpdxLicense(parsed.node.license);
  }
  return new CDX.Models.LicenseExpression(parsed.expression);
}

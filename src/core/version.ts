// The version is injected by the bundler; tests running from source read package.json.
import { readFileSync } from "node:fs";

declare const __TOLLGATE_VERSION__: string | undefined;

export const INFORMATION_URI = "https://github.com/tollgate-dev/tollgate";

export function toolVersion(): string {
  if (typeof __TOLLGATE_VERSION__ === "string") return __TOLLGATE_VERSION__;
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

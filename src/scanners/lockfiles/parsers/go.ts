// go.mod: `require` lines (`// indirect` marks transitive ones), `replace` directives, and the Go
// version itself as the "stdlib" package, since the standard library has advisories too.
import { type LockPackage, LockfileError, type ParsedLockfile } from "../types.js";
import { stripBom } from "../text.js";

interface Require {
  path: string;
  version: string;
  indirect: boolean;
  line: number;
}

export function parseGoMod(path: string, content: string): ParsedLockfile {
  const lines = stripBom(content).split(/\r?\n/);
  const requires: Require[] = [];
  const replaces = new Map<string, { path: string; version?: string }>();
  let goVersion: { version: string; line: number } | undefined;
  let toolchain: { version: string; line: number } | undefined;
  let block: string | undefined;
  let sawModule = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const comment = raw.indexOf("//");
    const indirect = comment !== -1 && /\/\/\s*indirect\b/.test(raw.slice(comment));
    const text = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    if (text === "") continue;
    if (block) {
      if (text === ")") {
        block = undefined;
        continue;
      }
      directive(block, text, indirect, i + 1);
      continue;
    }
    const m = /^(\w+)\s*(.*)$/.exec(text);
    if (!m?.[1]) throw new LockfileError(`line ${i + 1}: expected a directive`, i + 1);
    const verb = m[1];
    const rest = (m[2] ?? "").trim();
    if (rest === "(") {
      block = verb;
      continue;
    }
    directive(verb, rest, indirect, i + 1);
  }
  if (block) throw new LockfileError(`unterminated "${block} (" block`);
  if (!sawModule) throw new LockfileError('no "module" directive: this is not a go.mod file');

  function directive(verb: string, rest: string, indirect: boolean, line: number): void {
    const args = rest.split(/\s+/).map(unquote);
    switch (verb) {
      case "module":
        sawModule = true;
        break;
      case "go":
        if (args[0]) goVersion = { version: args[0], line };
        break;
      case "toolchain": {
        // "go1.23.6-custom" is a vendor build of go1.23.6; "default" names no release.
        const release = /^go(\d[^-\s]*)/.exec(args[0] ?? "")?.[1];
        if (release) toolchain = { version: release, line };
        break;
      }
      case "require":
        if (args.length < 2 || !args[0] || !args[1]) throw new LockfileError(`line ${line}: require needs a module path and a version`, line);
        requires.push({ path: args[0], version: args[1], indirect, line });
        break;
      case "replace": {
        const arrow = args.indexOf("=>");
        const from = args[0];
        const to = args[arrow + 1];
        if (arrow < 1 || !from || !to) throw new LockfileError(`line ${line}: replace needs "old => new"`, line);
        const target: { path: string; version?: string } = { path: to };
        const version = args[arrow + 2];
        if (version) target.version = version;
        replaces.set(arrow === 2 && args[1] ? `${from}@${args[1]}` : from, target);
        break;
      }
      default:
        break; // exclude, retract, godebug, tool: nothing installed
    }
  }

  // Two requirements replaced by the same module version are one package.
  const byId = new Map<string, LockPackage>();
  const notes: string[] = [];
  for (const req of requires) {
    const replaced = replaces.get(`${req.path}@${req.version}`) ?? replaces.get(req.path);
    let name = req.path;
    let version = req.version;
    if (replaced) {
      if (!replaced.version) {
        notes.push(`${path}:${req.line}: ${req.path} is replaced by the local folder ${replaced.path}; it is not checked`);
        continue;
      }
      name = replaced.path;
      version = replaced.version;
    }
    const pkg: LockPackage = { ecosystem: "Go", name, version: version.replace(/^v/, ""), direct: !req.indirect, dev: false, line: req.line };
    const seen = byId.get(`${pkg.name}@${pkg.version}`);
    if (seen) seen.direct ||= pkg.direct;
    else byId.set(`${pkg.name}@${pkg.version}`, pkg);
  }
  const out = [...byId.values()];
  const std = toolchain ?? goVersion;
  if (std) out.push({ ecosystem: "Go", name: "stdlib", version: std.version, direct: true, dev: false, line: std.line });
  return { path, format: "go.mod", packages: out, notes };
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
}

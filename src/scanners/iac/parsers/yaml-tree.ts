// YAML (and JSON, which the same parser reads) to plain values plus a path → line map, keeping
// CloudFormation short-form intrinsics (!Ref, !Sub...) as their long form ({ "Ref": x }).
import { LineCounter, parseAllDocuments, isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Tags } from "yaml";
import type { Value } from "../types.js";

const INTRINSICS = [
  "Ref", "Condition", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "And", "Or", "Not",
  "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs", "Transform", "Length", "ToJsonString",
];

/** Custom tags so the parser accepts every intrinsic in scalar, sequence and mapping form without warnings. */
const CFN_TAGS: Tags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: "seq" as const, resolve: (value: YamlNode) => value },
  { tag: `!${name}`, collection: "map" as const, resolve: (value: YamlNode) => value },
]);

export interface YamlDoc {
  value: Value;
  lines: Map<string, number>;
  /** First and last line of the document's content. */
  startLine: number;
  endLine: number;
  /** Set when the document does not parse. */
  error?: { line: number; message: string };
}

export interface YamlParseOptions {
  /** Translate !Ref and friends into CloudFormation's long form. */
  intrinsics?: boolean;
}

export function parseYamlDocuments(text: string, options: YamlParseOptions = {}): YamlDoc[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    customTags: options.intrinsics ? CFN_TAGS : [],
    uniqueKeys: false,
    strict: false,
    prettyErrors: false,
  });
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [docs as unknown as Document.Parsed];
  const line = (offset: number): number => lineCounter.linePos(offset).line;
  const out: YamlDoc[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0]?.line ?? line(error.pos[0]);
      out.push({ value: null, lines: new Map(), startLine: pos, endLine: pos, error: { line: pos, message: firstLine(error.message) } });
      continue;
    }
    const lines = new Map<string, number>();
    const contents = doc.contents;
    if (!contents) continue;
    const ctx: Ctx = { lines, line, anchors: new Map(), intrinsics: options.intrinsics === true, doc };
    const value = convert(contents as YamlNode, "", ctx, 0);
    const range = (contents as YamlNode).range ?? [0, 0, 0];
    out.push({ value, lines, startLine: line(range[0]), endLine: line(Math.max(range[0], range[1] - 1)) });
  }
  return out;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).trim();
}

function join(prefix: string, key: string | number): string {
  return prefix === "" ? String(key) : `${prefix}.${key}`;
}

interface Ctx {
  lines: Map<string, number>;
  line: (offset: number) => number;
  anchors: Map<YamlNode, Value>;
  intrinsics: boolean;
  doc: Document.Parsed;
}

function convert(node: YamlNode | null | undefined, path: string, ctx: Ctx, depth: number): Value {
  if (node === null || node === undefined || depth > 200) return null;
  const { lines, line, anchors, intrinsics } = ctx;
  if (isAlias(node)) {
    const target = node.resolve(ctx.doc) as YamlNode | undefined;
    return target ? (anchors.get(target) ?? null) : null;
  }
  let value: Value;
  if (isScalar(node)) {
    const v = node.value;
    value = typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null ? v : typeof v === "bigint" ? Number(v) : String(v);
  } else if (isMap(node)) {
    const obj: { [key: string]: Value } = {};
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : keyNode === null ? "" : String(keyNode);
      if (key === "<<" && pair.value) {
        // Merge keys: the merged map's entries come first, explicit keys win.
        const merged = convert(pair.value as YamlNode, path, { ...ctx, lines: new Map() }, depth + 1);
        for (const m of Array.isArray(merged) ? merged : [merged]) {
          if (m && typeof m === "object" && !Array.isArray(m)) for (const [k, v] of Object.entries(m)) if (!(k in obj)) obj[k] = v as Value;
        }
        continue;
      }
      const childPath = join(path, key);
      const keyRange = keyNode?.range;
      if (keyRange) lines.set(childPath, line(keyRange[0]));
      obj[key] = convert(pair.value as YamlNode, childPath, ctx, depth + 1);
    }
    value = obj;
  } else if (isSeq(node)) {
    value = node.items.map((item, i) => {
      const childPath = join(path, i);
      const r = (item as YamlNode | null)?.range;
      if (r) lines.set(childPath, line(r[0]));
      return convert(item as YamlNode, childPath, ctx, depth + 1);
    });
  } else {
    value = null;
  }
  const tag = node.tag;
  if (intrinsics && tag && tag.startsWith("!") && !tag.startsWith("!!")) value = intrinsic(tag.slice(1), value);
  if (node.anchor) anchors.set(node, value);
  return value;
}

function intrinsic(name: string, value: Value): Value {
  if (name === "Ref" || name === "Condition") return { [name]: value };
  if (name === "GetAtt" && typeof value === "string") {
    const dot = value.indexOf(".");
    return { "Fn::GetAtt": dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

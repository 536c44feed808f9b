// The matching engine: one Aho-Corasick pass over the text finds every rule keyword, then each
// rule's pattern runs only in small windows around its keywords. Patterns never see the rest of
// the text, which is what makes a few hundred rules cost about as much as one.
import { inChecksumContext, isLockfile, isPlaceholder, isPublishedExample, shannonEntropy } from "./noise.js";
import type { MatchContext, RuleSpan, SecretRule } from "./types.js";

export interface RawMatch {
  rule: SecretRule;
  /** Declaration order of the rule (earlier wins ties). */
  order: number;
  /** Offset of the secret in the text. */
  start: number;
  end: number;
  secret: string;
}

export interface EngineResult {
  matches: RawMatch[];
  /** True when the time budget ran out before every window was searched. */
  timedOut: boolean;
}

interface CompiledRule {
  rule: SecretRule;
  index: number;
  regex: RegExp;
  span: RuleSpan;
}

interface KeywordEntry {
  /** Set for keywords that must match exactly (they contain an upper-case letter). */
  exact?: string;
  length: number;
  rules: number[];
}

// Window sizes: how far around a keyword a rule's pattern may reach.
const LINE_BACK = 512;
const LINE_FORWARD = 1536;
const BLOCK_FORWARD = 24 * 1024;
const AROUND = 16 * 1024;
/** How often (in windows) the time budget is checked. */
const BUDGET_CHECK_EVERY = 64;

export class SecretEngine {
  readonly rules: readonly SecretRule[];
  private readonly compiled: CompiledRule[];
  private readonly keywords: KeywordEntry[] = [];
  /** UTF-16 code unit -> character class of the automaton (0 = not in any keyword). */
  private readonly classOf = new Uint8Array(65536);
  private classes = 1;
  /** Transition table, states premultiplied by the class count; negative = state with output. */
  private table = new Int32Array(0);
  /** Keyword indices emitted per state, indexed by the premultiplied state (sparse). */
  private outputs: (number[] | undefined)[] = [];
  /** Reused between scans: end offset and state of each keyword hit. */
  private hitBuffer = new Int32Array(4096);

  constructor(rules: readonly SecretRule[]) {
    this.rules = rules;
    this.compiled = rules.map((rule, index) => {
      const flags = new Set(rule.pattern.flags.replace(/[gyd]/g, ""));
      return {
        rule,
        index,
        regex: new RegExp(rule.pattern.source, `${[...flags].join("")}gd`),
        span: rule.span ?? "line",
      };
    });
    this.build();
  }

  private build(): void {
    const byText = new Map<string, KeywordEntry>();
    this.compiled.forEach((c) => {
      for (const kw of c.rule.keywords) {
        if (kw.length === 0) throw new Error(`${c.rule.id}: empty keyword`);
        let entry = byText.get(kw);
        if (!entry) {
          entry = { length: kw.length, rules: [] };
          if (kw !== kw.toLowerCase()) entry.exact = kw;
          byText.set(kw, entry);
        }
        if (!entry.rules.includes(c.index)) entry.rules.push(c.index);
      }
    });
    const words = [...byText.keys()];
    this.keywords.push(...words.map((w) => byText.get(w) as KeywordEntry));

    // Character classes: case-folded, one per distinct character used in any keyword.
    for (const w of words) {
      for (const ch of w.toLowerCase()) {
        const code = ch.charCodeAt(0);
        if (this.classOf[code] === 0) {
          const cls = this.classes++;
          this.classOf[code] = cls;
          if (code >= 97 && code <= 122) this.classOf[code - 32] = cls;
        }
      }
    }
    if (this.classes > 255) throw new Error("too many distinct keyword characters");
    const K = this.classes;

    // Trie.
    const next: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    words.forEach((w, wi) => {
      let s = 0;
      for (const ch of w.toLowerCase()) {
        const cls = this.classOf[ch.charCodeAt(0)] ?? 0;
        const node = next[s] as Map<number, number>;
        let t = node.get(cls);
        if (t === undefined) {
          t = next.length;
          next.push(new Map());
          out.push([]);
          node.set(cls, t);
        }
        s = t;
      }
      (out[s] as number[]).push(wi);
    });

    // Breadth-first failure links folded into a full transition table.
    const n = next.length;
    const delta = new Int32Array(n * K);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    for (let c = 1; c < K; c++) {
      const t = (next[0] as Map<number, number>).get(c);
      if (t !== undefined) {
        delta[c] = t;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi] as number;
      for (let c = 1; c < K; c++) {
        const t = (next[s] as Map<number, number>).get(c);
        const viaFail = delta[(fail[s] as number) * K + c] as number;
        if (t !== undefined) {
          fail[t] = viaFail;
          out[t] = [...(out[t] as number[]), ...(out[viaFail] as number[])];
          delta[s * K + c] = t;
          queue.push(t);
        } else {
          delta[s * K + c] = viaFail;
        }
      }
    }
    this.table = new Int32Array(n * K);
    for (let s = 0; s < n; s++) {
      for (let c = 0; c < K; c++) {
        const t = delta[s * K + c] as number;
        this.table[s * K + c] = (out[t] as number[]).length > 0 ? -(t * K) - 1 : t * K;
      }
    }
    const byState: (number[] | undefined)[] = [];
    for (let st = 0; st < n; st++) if ((out[st] as number[]).length > 0) byState[st * K] = out[st];
    this.outputs = byState;
  }

  /**
   * Every match of every rule in text, noise filters applied, overlapping generic matches
   * dropped. Stops early (timedOut) once `deadline` (a performance.now() value) has passed.
   */
  scan(text: string, options: { path?: string; deadline?: number } = {}): EngineResult {
    const windows = this.findWindows(text, options.path);
    const matches: RawMatch[] = [];
    let timedOut = false;
    let checked = 0;
    const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    outer: for (const ruleIndex of windows.touched) {
      const list = windows.byRule[ruleIndex] as number[];
      const c = this.compiled[ruleIndex] as CompiledRule;
      for (let i = 0; i < list.length; i += 2) {
        if (++checked % BUDGET_CHECK_EVERY === 0 && performance.now() > deadline) {
          timedOut = true;
          break outer;
        }
        this.searchWindow(c, text, list[i] as number, list[i + 1] as number, options.path, matches);
      }
    }
    return { matches: resolveOverlaps(matches), timedOut };
  }

  /** The automaton over the whole text; returns the end offsets and states of keyword hits. */
  private keywordHits(text: string): { hits: Int32Array; count: number } {
    const { table, classOf } = this;
    const length = text.length;
    let hits = this.hitBuffer;
    let count = 0;
    let s = 0;
    // Kept minimal on purpose: this loop sees every character of every file.
    for (let i = 0; i < length; i++) {
      s = table[s + (classOf[text.charCodeAt(i)] as number)] as number;
      if (s < 0) {
        if (count + 2 > hits.length) {
          const grown = new Int32Array(hits.length * 2);
          grown.set(hits);
          hits = grown;
          this.hitBuffer = hits;
        }
        s = -s - 1;
        hits[count++] = i;
        hits[count++] = s;
      }
    }
    return { hits, count };
  }

  /** Keyword pass: per rule, merged [start, end) windows as a flat array. */
  private findWindows(text: string, path: string | undefined): { byRule: (number[] | undefined)[]; touched: number[] } {
    const byRule: (number[] | undefined)[] = new Array(this.compiled.length);
    const touched: number[] = [];
    const { hits, count } = this.keywordHits(text);
    if (count === 0) return { byRule, touched };
    const { outputs, keywords } = this;
    const lockfile = isLockfile(path);
    const length = text.length;
    // Line bounds of the latest hit, cached: hits arrive in text order, so each newline is
    // looked for once per line rather than once per hit (which was quadratic on minified files).
    const line = { start: 0, end: -1 };
    for (let h = 0; h < count; h += 2) {
      const i = hits[h] as number;
      const state = hits[h + 1] as number;
      const emitted = outputs[state] as number[];
      for (let k = 0; k < emitted.length; k++) {
        const kw = keywords[emitted[k] as number] as KeywordEntry;
        const start = i - kw.length + 1;
        if (kw.exact !== undefined && !text.startsWith(kw.exact, start)) continue;
        if (start > line.end) {
          line.start = start === 0 ? 0 : text.lastIndexOf("\n", start - 1) + 1;
          const nl = text.indexOf("\n", start);
          line.end = nl < 0 ? length : nl;
        }
        const rules = kw.rules;
        for (let r = 0; r < rules.length; r++) {
          const ruleIndex = rules[r] as number;
          const c = this.compiled[ruleIndex] as CompiledRule;
          if (lockfile && c.rule.generic) continue;
          let list = byRule[ruleIndex];
          if (list === undefined) {
            list = [];
            byRule[ruleIndex] = list;
            touched.push(ruleIndex);
          }
          addWindow(list, c.span, length, line, start, i + 1);
        }
      }
    }
    return { byRule, touched };
  }

  private searchWindow(c: CompiledRule, text: string, ws: number, we: number, path: string | undefined, out: RawMatch[]): void {
    const { regex, rule } = c;
    const slice = text.slice(ws, we);
    if (rule.requires && !rule.requires.some((literal) => slice.includes(literal))) return;
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(slice)) !== null) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const groups = m.groups ?? {};
      const secretRange = m.indices?.groups?.secret ?? m.indices?.[0];
      const secret = groups.secret ?? m[0];
      if (!secretRange || secret === "") continue;
      const start = ws + secretRange[0];
      const end = ws + secretRange[1];
      if (accept(rule, secret, { text, start, end, groups, ...(path === undefined ? {} : { path }) })) {
        out.push({ rule, order: c.index, start, end, secret });
      }
    }
  }
}

function addWindow(list: number[], span: RuleSpan, length: number, line: { start: number; end: number }, start: number, end: number): void {
  let ws: number;
  let we: number;
  if (span === "around") {
    ws = Math.max(0, start - AROUND);
    we = Math.min(length, end + AROUND);
  } else {
    ws = Math.max(line.start, start - LINE_BACK);
    we = span === "block" ? Math.min(length, end + BLOCK_FORWARD) : Math.min(line.end, end + LINE_FORWARD);
  }
  const last = list.length - 1;
  // Hits arrive in text order, so a window can only overlap the previous one of its rule.
  if (last > 0 && ws <= (list[last] as number)) {
    if (we > (list[last] as number)) list[last] = we;
  } else {
    list.push(ws, we);
  }
}

function accept(rule: SecretRule, secret: string, context: MatchContext): boolean {
  const body = rule.prefixLength ? secret.slice(rule.prefixLength) : secret;
  // Cheapest tests first: most candidate matches of generic rules fail the entropy floor.
  if (rule.entropy !== undefined && shannonEntropy(body) < rule.entropy) return false;
  if (isPublishedExample(secret)) return false;
  if (isPlaceholder(body, rule.generic === true)) return false;
  if (rule.generic && inChecksumContext(context.text, context.start)) return false;
  if (rule.validate && !rule.validate(secret, context)) return false;
  return true;
}

/**
 * One report per secret span: a specific rule wins over a generic one on overlapping text, and
 * two specific rules matching the very same span keep the first declared.
 */
function resolveOverlaps(matches: RawMatch[]): RawMatch[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const specific = matches.filter((m) => !m.rule.generic);
  const kept: RawMatch[] = [];
  const seenSpan = new Set<string>();
  for (const m of matches) {
    if (m.rule.generic && specific.some((s) => s.start < m.end && m.start < s.end)) continue;
    const key = `${m.start}:${m.end}`;
    if (seenSpan.has(key)) continue;
    seenSpan.add(key);
    kept.push(m);
  }
  return kept;
}

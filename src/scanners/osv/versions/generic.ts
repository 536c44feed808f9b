// Fallback ordering for ecosystems without a dedicated one: numbers compare as numbers, other
// runs as text, and a release sorts after its pre-releases ("1.0-rc1" < "1.0").

export function compareGeneric(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  const n = Math.max(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === undefined) return typeof y === "number" ? (y === 0 ? 0 : -1) : 1;
    if (y === undefined) return typeof x === "number" ? (x === 0 ? 0 : 1) : -1;
    if (typeof x === "number" && typeof y === "number") {
      if (x !== y) return x < y ? -1 : 1;
    } else if (typeof x === "number") {
      return 1;
    } else if (typeof y === "number") {
      return -1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

function tokens(version: string): (number | string)[] {
  const out: (number | string)[] = [];
  for (const m of version.toLowerCase().replace(/^v(?=\d)/, "").matchAll(/\d+|[a-z]+/g)) {
    const t = m[0];
    out.push(/^\d/.test(t) ? Number(t) : t);
  }
  return out;
}

/** Compares digit strings of any length without losing precision. */
export function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

// Deterministic stand-in credentials built at run time, so the test sources hold no literal
// token that a secret scanner (this one included) would flag.
const CHARSETS = {
  an: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  hex: "0123456789abcdef",
  up: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
  b64: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  dig: "0123456789",
} as const;

export function randomChars(seed: number, length: number, charset: keyof typeof CHARSETS = "an"): string {
  const chars = CHARSETS[charset];
  // mulberry32: small, fast and well distributed.
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let out = "";
  while (out.length < length) {
    const c = chars[Math.floor(next() * chars.length)] as string;
    // Keep runs short so the noise filters never mistake a test token for a placeholder.
    if (out.length >= 2 && out.endsWith(c + c)) continue;
    out += c;
  }
  return out;
}

export const fake = {
  githubPat: (seed = 1) => "gh" + "p_" + randomChars(seed, 36),
  awsKeyId: (seed = 2) => "AK" + "IA" + randomChars(seed, 16, "up"),
  awsSecret: (seed = 3) => randomChars(seed, 40, "b64"),
  slackBot: (seed = 4) => "xo" + "xb-" + randomChars(seed + 1000, 10, "dig") + "-" + randomChars(seed + 2000, 13, "dig") + "-" + randomChars(seed, 24),
  stripeLive: (seed = 5) => "sk" + "_live_" + randomChars(seed, 32),
  npm: (seed = 6) => "np" + "m_" + randomChars(seed, 36),
};

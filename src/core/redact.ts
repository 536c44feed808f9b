// Secrets leave the machine only redacted: the first 4 characters and the length.

export function redact(secret: string): string {
  return `${secret.slice(0, 4)}…(${secret.length} chars)`;
}

/** Replaces every occurrence of each secret in text by its redacted form. */
export function redactAll(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(redact(s));
  return out;
}

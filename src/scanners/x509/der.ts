// A minimal DER reader: just enough to read a certificate's signature algorithm and to take
// certificates out of a PKCS#7 SignedData without a full ASN.1 library (node-forge refuses EC keys).

export interface Tlv {
  tag: number;
  /** Offset of the first content byte. */
  start: number;
  /** Offset just past the content. */
  end: number;
  /** Offset of the tag byte. */
  offset: number;
}

export function readTlv(buf: Uint8Array, offset: number, limit = buf.length): Tlv {
  if (offset + 2 > limit) throw new Error("truncated DER");
  const tag = buf[offset] ?? 0;
  if ((tag & 0x1f) === 0x1f) throw new Error("multi-byte DER tags are not supported");
  let lenByte = buf[offset + 1] ?? 0;
  let pos = offset + 2;
  let len = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n === 0 || n > 4) throw new Error("unsupported DER length");
    len = 0;
    for (let i = 0; i < n; i++) {
      lenByte = buf[pos++] ?? 0;
      len = len * 256 + lenByte;
    }
  }
  const end = pos + len;
  if (end > limit) throw new Error("truncated DER");
  return { tag, start: pos, end, offset };
}

/** The TLVs directly inside a constructed TLV. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let pos = parent.start;
  while (pos < parent.end) {
    const tlv = readTlv(buf, pos, parent.end);
    out.push(tlv);
    pos = tlv.end;
  }
  return out;
}

export function decodeOid(bytes: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const first = value < 80 ? Math.floor(value / 40) : 2;
        parts.push(first, value - first * 40);
      } else parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

/** OID of Certificate.signatureAlgorithm (RFC 5280 §4.1.1.2). */
export function signatureAlgorithmOid(der: Uint8Array): string {
  const cert = readTlv(der, 0);
  const [, sigAlg] = children(der, cert);
  if (!sigAlg) throw new Error("not an X.509 certificate");
  const [oid] = children(der, sigAlg);
  if (!oid || oid.tag !== 0x06) throw new Error("not an X.509 certificate");
  return decodeOid(der.subarray(oid.start, oid.end));
}

const SIGNATURE_ALGORITHMS: Record<string, { name: string; hash: string }> = {
  "1.2.840.113549.1.1.2": { name: "md2WithRSAEncryption", hash: "MD2" },
  "1.2.840.113549.1.1.4": { name: "md5WithRSAEncryption", hash: "MD5" },
  "1.2.840.113549.1.1.5": { name: "sha1WithRSAEncryption", hash: "SHA-1" },
  "1.3.14.3.2.29": { name: "sha1WithRSASignature", hash: "SHA-1" },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", hash: "SHA-1" },
  "1.2.840.10040.4.3": { name: "dsa-with-sha1", hash: "SHA-1" },
  "1.2.840.113549.1.1.14": { name: "sha224WithRSAEncryption", hash: "SHA-224" },
  "1.2.840.113549.1.1.11": { name: "sha256WithRSAEncryption", hash: "SHA-256" },
  "1.2.840.113549.1.1.12": { name: "sha384WithRSAEncryption", hash: "SHA-384" },
  "1.2.840.113549.1.1.13": { name: "sha512WithRSAEncryption", hash: "SHA-512" },
  "1.2.840.113549.1.1.10": { name: "rsassa-pss", hash: "PSS" },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", hash: "SHA-224" },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", hash: "SHA-256" },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", hash: "SHA-384" },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", hash: "SHA-512" },
  "2.16.840.1.101.3.4.3.2": { name: "dsa-with-sha256", hash: "SHA-256" },
  "1.3.101.112": { name: "Ed25519", hash: "none" },
  "1.3.101.113": { name: "Ed448", hash: "none" },
};

export function signatureAlgorithm(der: Uint8Array): { oid: string; name: string; hash: string } {
  const oid = signatureAlgorithmOid(der);
  const known = SIGNATURE_ALGORITHMS[oid];
  return { oid, name: known?.name ?? oid, hash: known?.hash ?? "unknown" };
}

const SIGNED_DATA = "1.2.840.113549.1.7.2";

/** The certificates of a PKCS#7 / CMS SignedData (RFC 5652 §5.1), each as DER. */
export function pkcs7Certificates(der: Uint8Array): Uint8Array[] {
  const info = readTlv(der, 0);
  const [type, explicit] = children(der, info);
  if (!type || type.tag !== 0x06 || decodeOid(der.subarray(type.start, type.end)) !== SIGNED_DATA || !explicit) {
    throw new Error("not a PKCS#7 SignedData");
  }
  const [signedData] = children(der, explicit);
  if (!signedData) throw new Error("empty PKCS#7 SignedData");
  const certSet = children(der, signedData).find((t) => t.tag === 0xa0);
  if (!certSet) return [];
  return children(der, certSet)
    .filter((t) => t.tag === 0x30)
    .map((t) => der.slice(t.offset, t.end));
}

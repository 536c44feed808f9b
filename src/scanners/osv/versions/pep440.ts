// PEP 440 ordering (PyPI) via @renovatebot/pep440, which implements the spec's normalisation.
import pep440 from "@renovatebot/pep440";
import { compareGeneric } from "./generic.js";

export function comparePep440(a: string, b: string): number {
  try {
    return Math.sign(pep440.compare(a, b));
  } catch {
    return compareGeneric(a, b); // not a PEP 440 version (legacy): best-effort order
  }
}

// The dependencies gate's rule catalogue (read by `tollgate rules` and `tollgate explain`).
import type { RuleMeta } from "../../core/types.js";

const HELP = "https://github.com/tollgate-dev/tollgate/blob/main/src/gates/dependencies/README.md";

export const RULES = {
  vulnerablePackage: {
    id: "dependencies/vulnerable-package",
    severity: "high",
    title: "Dependency with a known vulnerability",
    description:
      "A package version installed by a lockfile is affected by an OSV advisory (GitHub, PyPA, RustSec, Go and other databases). The finding's severity is the advisory's CVSS base score, or the database's own rating.",
    remediation: "Upgrade the package to one of the fixed versions named in the finding (update the direct dependency that pulls it in), or waive it with a reason if the vulnerable code is not reachable.",
    helpUri: `${HELP}#vulnerable-package`,
    tags: ["security", "supply-chain"],
  },
  licenseDenied: {
    id: "dependencies/license-denied",
    severity: "high",
    title: "Dependency under a denied licence",
    description: "Every alternative of the package's SPDX licence expression includes a licence the policy's licenses.deny list names.",
    remediation: "Replace the package, obtain it under another licence, or waive it after a legal review.",
    helpUri: `${HELP}#licences`,
    tags: ["licence"],
  },
  licenseNotAllowed: {
    id: "dependencies/license-not-allowed",
    severity: "high",
    title: "Dependency under a licence outside the allow list",
    description: "No alternative of the package's SPDX licence expression uses only licences from the policy's licenses.allow list.",
    remediation: "Replace the package, add its licence to licenses.allow after review, or waive it.",
    helpUri: `${HELP}#licences`,
    tags: ["licence"],
  },
  licenseUnknown: {
    id: "dependencies/license-unknown",
    severity: "low",
    title: "Dependency licence unknown",
    description: "The lockfile and the installed package do not give an SPDX licence for this package, so the licence policy cannot be checked.",
    remediation: "Check the package's licence by hand and waive the finding with the result, or install dependencies so their manifests can be read.",
    helpUri: `${HELP}#licences`,
    tags: ["licence"],
  },
  parseError: {
    id: "dependencies/parse-error",
    severity: "high",
    title: "Lockfile cannot be parsed",
    description: "A lockfile could not be read, so the packages it installs were not checked.",
    remediation: "Regenerate the lockfile with its package manager (npm install, poetry lock, cargo generate-lockfile...), or exclude it if it is a test fixture.",
    helpUri: `${HELP}#lockfiles`,
  },
  missingLockfile: {
    id: "dependencies/missing-lockfile",
    severity: "high",
    title: "Lockfile named in the policy is missing",
    description: "The policy lists a lockfile (or glob) under dependencies.lockfiles that does not exist, so nothing was checked for it.",
    remediation: "Fix the path in the policy or commit the lockfile.",
    helpUri: `${HELP}#lockfiles`,
  },
  advisoriesUnavailable: {
    id: "dependencies/advisories-unavailable",
    severity: "info",
    title: "Advisory source unavailable",
    description: "The OSV API or offline database could not be read and on-unavailable is warn, so packages were not checked for vulnerabilities.",
    remediation: "Restore network access to the OSV API, point osv-database at an offline copy, or retry.",
    helpUri: `${HELP}#advisories`,
  },
} satisfies Record<string, RuleMeta & { severity: RuleMeta["severity"] }>;

export const RULE_LIST: RuleMeta[] = Object.values(RULES);

// The container gate's rule catalogue: data that `tollgate rules` and `tollgate explain` read.
import type { RuleMeta } from "../../core/types.js";

const HELP = "https://github.com/opencontainers/image-spec/blob/main/config.md";

export const RULES = {
  unavailable: {
    id: "container/image-unavailable",
    severity: "high",
    title: "Image could not be inspected",
    description:
      "The registry could not be reached, refused the credentials, or does not have the image or platform; or a repository file names an internal host (IP address, single-label or cluster.local name) the policy does not trust. An image that cannot be inspected never passes.",
    remediation: "Check the reference, the platform option, network access and credentials (registries.<host>.auth or ~/.docker/config.json).",
  },
  invalidReference: {
    id: "container/invalid-reference",
    severity: "high",
    title: "Image reference is not valid",
    description: "The reference does not follow the registry/repository:tag@digest grammar.",
    remediation: "Write the reference as host/repository:tag or host/repository@sha256:<digest>.",
  },
  runsAsRoot: {
    id: "container/runs-as-root",
    severity: "medium",
    title: "Image runs as root",
    description: "The image config has no USER, or USER is root or 0, so the container process runs as root unless the runtime overrides it.",
    remediation: "Add a non-root USER (for example `USER 10001`) in the Dockerfile's final stage.",
    helpUri: HELP,
    tags: ["security", "CWE-250"],
  },
  tooOld: {
    id: "container/image-too-old",
    severity: "medium",
    title: "Image is older than allowed",
    description: "The image was built longer ago than max-age-days, so it misses recent OS and runtime fixes.",
    remediation: "Rebuild the image on a current base image and publish it again.",
    tags: ["security"],
  },
  notPinned: {
    id: "container/not-pinned-by-digest",
    severity: "medium",
    title: "Image reference is not pinned by digest",
    description: "A tag can be moved to other content; the policy requires references pinned by digest.",
    remediation: "Reference the image as name@sha256:<digest> (the finding gives the current digest).",
    tags: ["security", "supply-chain"],
  },
  missingLabel: {
    id: "container/missing-label",
    severity: "low",
    title: "Required image label is missing",
    description: "The image lacks a label the policy requires, such as org.opencontainers.image.source or .revision, which trace an image back to its code.",
    remediation: "Add the label at build time, e.g. `LABEL org.opencontainers.image.source=...` or docker build --label.",
    helpUri: "https://github.com/opencontainers/image-spec/blob/main/annotations.md",
  },
  secretInConfig: {
    id: "container/secret-in-config",
    severity: "high",
    title: "Secret in the image configuration",
    description: "An environment variable, label or build history entry of the image contains a secret; anyone who can pull the image can read it.",
    remediation: "Revoke the secret, pass it at run time (or as a build secret), and rebuild the image.",
    tags: ["security", "CWE-798"],
  },
  secretInLayer: {
    id: "container/secret-in-layer",
    severity: "high",
    title: "Secret in an image layer",
    description: "A file in one of the image's layers contains a secret. Deleting it in a later layer does not remove it from the image.",
    remediation: "Revoke the secret, keep it out of the build context (.dockerignore, build secrets), and rebuild.",
    tags: ["security", "CWE-798"],
  },
  sensitivePort: {
    id: "container/sensitive-port",
    severity: "high",
    title: "Sensitive port exposed",
    description: "The image exposes a remote administration port (SSH 22, telnet 23, Docker daemon 2375, RDP 3389).",
    remediation: "Remove the EXPOSE line and the service behind it; administer containers through the orchestrator instead.",
    tags: ["security"],
  },
  tooLarge: {
    id: "container/image-too-large",
    severity: "low",
    title: "Image is larger than allowed",
    description: "The compressed size of the image's layers is above max-size-mb.",
    remediation: "Use a slimmer base image and multi-stage builds; remove build tools and caches from the final stage.",
  },
  noHealthcheck: {
    id: "container/no-healthcheck",
    severity: "low",
    title: "Image has no HEALTHCHECK",
    description: "Without a HEALTHCHECK, a container whose process hangs is still reported as running.",
    remediation: "Add a HEALTHCHECK instruction, or set healthcheck: false when the orchestrator probes health itself.",
  },
  vulnerablePackage: {
    id: "container/vulnerable-os-package",
    severity: "high",
    title: "OS package with a known vulnerability",
    description: "A package in the image's dpkg or apk database has a version affected by an OSV advisory.",
    remediation: "Rebuild on an updated base image or upgrade the package to a fixed version.",
    helpUri: "https://osv.dev/",
    tags: ["security"],
  },
  layerScanIncomplete: {
    id: "container/layer-scan-incomplete",
    severity: "medium",
    title: "Layers only partly scanned",
    description: "Streaming the layers stopped at a limit (bytes, files, decompression ratio) or an error, so secrets and packages past that point were not checked.",
    remediation: "Investigate the layer (a decompression bomb?) or raise layer-limits if the image is legitimately large.",
  },
  osUnknown: {
    id: "container/os-packages-unmatched",
    severity: "info",
    title: "OS packages not matched",
    description: "The image has an OS package database but its distribution has no OSV ecosystem tollgate knows (or os-release is missing).",
    remediation: "Nothing to fix in the image; OS package advisories are checked for Debian and Alpine.",
  },
  parseError: {
    id: "container/parse-error",
    severity: "medium",
    title: "File naming images could not be read",
    description: "A Compose file or Kubernetes manifest could not be parsed, so its images were not inspected.",
    remediation: "Fix the file's syntax.",
  },
} satisfies Record<string, RuleMeta>;

export const ALL_RULES: RuleMeta[] = Object.values(RULES);

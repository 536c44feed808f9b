// GitHub Actions workflow and GitLab CI rules: supply chain (pinning, remote includes), script
// injection, token permissions and secrets handling.
import type { IacRule, Issue, Obj, Resource, Value } from "../types.js";
import { code } from "./factory.js";
import { badImageTag, each, isObj, isTrue, looksLikeLiteralSecret, looksLikeSecretName, str, strings } from "./helpers.js";

const GHA_HARDENING = "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions";

function jobs(r: Resource): { id: string; value: Obj; path: string }[] {
  const j = r.body.jobs;
  return isObj(j) ? Object.entries(j).flatMap(([id, v]) => (isObj(v) ? [{ id, value: v, path: `jobs.${id}` }] : [])) : [];
}

function steps(r: Resource): { value: Obj; path: string }[] {
  return jobs(r).flatMap((job) => each(job.value, "steps.*", job.path).flatMap((m) => (isObj(m.value) ? [{ value: m.value, path: m.path }] : [])));
}

/** Events the workflow runs on, whatever shape `on:` takes. */
function events(r: Resource): string[] {
  const on = r.body.on ?? r.body.true; // YAML 1.1 readers turn a bare `on` into true
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return strings(on);
  if (isObj(on)) return Object.keys(on);
  return [];
}

/** Issue pointing at the line inside a (possibly multi-line) script value that matches. */
function scriptIssue(r: Resource, path: string, value: string, pattern: RegExp, message?: string): Issue | undefined {
  const lines = value.split("\n");
  const index = lines.findIndex((l) => pattern.test(l));
  if (index < 0) return undefined;
  const keyLine = r.lines.get(path);
  const issue: Issue = { path };
  // A block scalar (run: |) starts on the line after its key.
  if (keyLine !== undefined && value.includes("\n")) issue.line = keyLine + 1 + index;
  if (message !== undefined) issue.message = message;
  return issue;
}

const UNTRUSTED = /\$\{\{\s*(github\.event\.(issue\.(title|body)|pull_request\.(title|body|head\.(ref|label|repo\.default_branch))|comment\.body|review\.body|review_comment\.body|pages\.[^}]*\.page_name|commits\.[^}]*\.(message|author\.(email|name))|head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|head_commit\.(message|author\.(email|name))|display_title)|discussion\.(title|body)|inputs\.[^}]*)|github\.head_ref|inputs\.[\w-]+)\s*\}\}/;
const PIPE_TO_SHELL = /\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+)?(ba|z|da)?sh\b|\b(ba)?sh\s+(-c\s+)?["']?\$\((curl|wget)\b|\b(ba)?sh\s+<\(\s*(curl|wget)\b/;
const SHA = /^[0-9a-f]{40}$/;

const GITLAB_RESERVED = new Set(["stages", "variables", "default", "include", "workflow", "image", "services", "before_script", "after_script", "cache", "pages"]);

function gitlabJobs(r: Resource): { id: string; value: Obj; path: string }[] {
  return Object.entries(r.body).flatMap(([id, v]) =>
    !GITLAB_RESERVED.has(id) && isObj(v) && (v.script !== undefined || v.trigger !== undefined || v.extends !== undefined || v.image !== undefined) ? [{ id, value: v, path: id }] : [],
  );
}

/** Every script line (script, before_script, after_script; global default and per job). */
function gitlabScripts(r: Resource): { value: string; path: string }[] {
  const out: { value: string; path: string }[] = [];
  const collect = (obj: Value | undefined, base: string): void => {
    if (!isObj(obj)) return;
    for (const key of ["script", "before_script", "after_script"]) {
      const v = obj[key];
      const p = base === "" ? key : `${base}.${key}`;
      if (typeof v === "string") out.push({ value: v, path: p });
      else if (Array.isArray(v)) v.forEach((s, i) => {
        if (typeof s === "string") out.push({ value: s, path: `${p}.${i}` });
        else if (Array.isArray(s)) s.forEach((t, k) => typeof t === "string" && out.push({ value: t, path: `${p}.${i}.${k}` }));
      });
    }
  };
  collect(r.body, "");
  collect(r.body.default, "default");
  for (const j of gitlabJobs(r)) collect(j.value, j.path);
  return out;
}

function gitlabVariables(r: Resource): { name: string; value: Value; path: string }[] {
  const out: { name: string; value: Value; path: string }[] = [];
  const collect = (v: Value | undefined, base: string): void => {
    if (!isObj(v)) return;
    for (const [name, value] of Object.entries(v)) {
      const literal = isObj(value) ? value.value : value;
      out.push({ name, value: literal ?? null, path: `${base}.${name}` });
    }
  };
  collect(r.body.variables, "variables");
  for (const j of gitlabJobs(r)) collect(j.value.variables, `${j.path}.variables`);
  return out;
}

export const ciRules: IacRule[] = [
  {
    id: "iac/gha-unpinned-action",
    severity: "medium",
    title: "Third-party action is not pinned to a commit SHA",
    description: "A tag or branch of a third-party action can be moved to malicious code at any time (as in the tj-actions/changed-files compromise); only a full commit SHA is immutable.",
    remediation: "Pin the action to a full 40-character commit SHA (keep the version in a comment), and let Dependabot or Renovate update it.",
    references: ["CWE-829", `${GHA_HARDENING}#using-third-party-actions`],
    tags: ["security", "CWE-829"],
    frameworks: ["github-actions"],
    types: ["workflow"],
    check: (r) => {
      const uses = [...steps(r).map((s) => ({ value: s.value.uses, path: `${s.path}.uses` })), ...jobs(r).map((j) => ({ value: j.value.uses, path: `${j.path}.uses` }))];
      return uses.flatMap(({ value, path }) => {
        if (typeof value !== "string" || value.startsWith("./") || value.startsWith("docker://")) return [];
        const [name = "", ref = ""] = value.split("@");
        const owner = name.split("/")[0]?.toLowerCase() ?? "";
        if (owner === "actions" || owner === "github") return [];
        return SHA.test(ref) ? [] : [{ path, message: `Action ${name} is pinned to "${ref || "nothing"}", not a commit SHA` }];
      });
    },
    examples: {
      valid: [{ code: code`
        on: push
        permissions: read-all
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: docker/setup-buildx-action@b5ca514318bd6ebac0fb2aedd5d36ec1b5c232a2 # v3.10.0
              - uses: ./.github/actions/local
      ` }],
      invalid: [{ code: code`
        on: push
        permissions: read-all
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: tj-actions/changed-files@v45
      `, lines: [8] }],
    },
  },
  {
    id: "iac/gha-pull-request-target-checkout",
    severity: "critical",
    title: "pull_request_target checks out the pull request's code",
    description: "pull_request_target runs with the base repository's secrets and write token; checking out and running the head of an untrusted pull request hands both to its author (a \"pwn request\").",
    remediation: "Use the pull_request event for building untrusted code, or split the work: build in pull_request, then act on artifacts in workflow_run without executing PR code.",
    references: ["CWE-829", "https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/"],
    tags: ["security", "CWE-829"],
    frameworks: ["github-actions"],
    types: ["workflow"],
    check: (r) => {
      if (!events(r).includes("pull_request_target")) return [];
      return steps(r).flatMap((s) => {
        if (!/^actions\/checkout@/.test(str(s.value.uses) ?? "")) return [];
        const ref = isObj(s.value.with) ? str(s.value.with.ref) ?? str(s.value.with.repository) : undefined;
        if (ref && /github\.event\.pull_request\.head\.|github\.head_ref|refs\/pull\/|github\.event\.number|github\.event\.pull_request\.number/.test(ref)) {
          return [{ path: `${s.path}.with.${isObj(s.value.with) && s.value.with.ref !== undefined ? "ref" : "repository"}` }];
        }
        return [];
      });
    },
    examples: {
      valid: [{ code: code`
        on: pull_request_target
        permissions:
          pull-requests: write
        jobs:
          label:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
      ` }],
      invalid: [{ code: code`
        on:
          pull_request_target:
            types: [opened]
        permissions: read-all
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  ref: \${{ github.event.pull_request.head.sha }}
              - run: npm ci && npm test
      `, lines: [11] }],
    },
  },
  {
    id: "iac/gha-script-injection",
    severity: "high",
    title: "Untrusted input expanded inside a run script",
    description: "${{ github.event.* }} values such as issue titles, PR bodies or branch names are pasted into the script before the shell runs it, so an attacker who controls them runs commands in the workflow.",
    remediation: "Pass the value through an environment variable (env: TITLE: ${{ github.event.issue.title }}) and use \"$TITLE\" in the script.",
    references: ["CWE-94", "CKV_GHA_2", `${GHA_HARDENING}#understanding-the-risk-of-script-injections`],
    tags: ["security", "CWE-94"],
    frameworks: ["github-actions"],
    types: ["workflow"],
    check: (r) =>
      steps(r).flatMap((s) => {
        const out: Issue[] = [];
        const run = str(s.value.run);
        if (run !== undefined) {
          const i = scriptIssue(r, `${s.path}.run`, run, UNTRUSTED);
          if (i) out.push(i);
        }
        const script = isObj(s.value.with) ? str(s.value.with.script) : undefined;
        if (script !== undefined && /^actions\/github-script@/.test(str(s.value.uses) ?? "")) {
          const i = scriptIssue(r, `${s.path}.with.script`, script, UNTRUSTED);
          if (i) out.push(i);
        }
        return out;
      }),
    examples: {
      valid: [{ code: code`
        on: issues
        permissions: read-all
        jobs:
          triage:
            runs-on: ubuntu-latest
            steps:
              - env:
                  TITLE: \${{ github.event.issue.title }}
                run: echo "$TITLE"
      ` }],
      invalid: [{ code: code`
        on: issues
        permissions: read-all
        jobs:
          triage:
            runs-on: ubuntu-latest
            steps:
              - run: |
                  echo "triaging"
                  echo "\${{ github.event.issue.title }}"
      `, lines: [9] }],
    },
  },
  {
    id: "iac/gha-write-all-permissions",
    severity: "high",
    title: "Workflow grants write-all permissions",
    description: "permissions: write-all gives the GITHUB_TOKEN write access to contents, packages, deployments and more, so any compromised step can push code or releases.",
    remediation: "Grant only the scopes the job needs (for example contents: read, pull-requests: write).",
    references: ["CWE-250", "CKV2_GHA_1", "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token"],
    tags: ["security", "CWE-250"],
    frameworks: ["github-actions"],
    types: ["workflow"],
    check: (r) => [
      ...(r.body.permissions === "write-all" ? [{ path: "permissions" }] : []),
      ...jobs(r).filter((j) => j.value.permissions === "write-all").map((j) => ({ path: `${j.path}.permissions` })),
    ],
    examples: {
      valid: [{ code: "on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n" }],
      invalid: [{ code: "on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n", lines: [2] }],
    },
  },
  {
    id: "iac/gha-missing-permissions",
    severity: "medium",
    title: "Workflow does not restrict GITHUB_TOKEN permissions",
    description: "Without a permissions block the token gets the repository's default, which for many repositories is read/write on everything.",
    remediation: "Add a top-level permissions block (for example permissions: contents: read) and widen it per job only where needed.",
    references: ["CWE-250", "OpenSSF Scorecard Token-Permissions", "https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token"],
    tags: ["security", "CWE-250"],
    frameworks: ["github-actions"],
    types: ["workflow"],
    check: (r) => {
      if (r.body.permissions !== undefined) return undefined;
      const list = jobs(r);
      if (list.length > 0 && list.every((j) => j.value.permissions !== undefined)) return undefined;
      return { path: "permissions", missing: true };
    },
    examples: {
      valid: [{ code: "on: push\njobs:\n  a:\n    permissions:\n      contents: read\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n" }],
      invalid: [{ code: "name: ci\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n", lines: [1] }],
    },
  },
  {
    id: "iac/gha-secret-echoed",
    severity: "high",
    title: "Workflow prints a secret",
    description: "Echoing a secret relies on log masking, which fails for transformed values (base64, substrings, JSON); the secret then sits in the build log.",
    remediation: "Never print secrets; pass them to tools through environment variables or files.",
    references: ["CWE-532", `${GHA_HARDENING}#using-secrets`],
    tags: ["security", "CWE-532"],
    frameworks: ["github-actions"],
    types: ["workflow"],
    check: (r) => {
      // Environment variables fed from secrets, at workflow, job or step level.
      const secretEnv = (env: Value | undefined): string[] => (isObj(env) ? Object.entries(env).filter(([, v]) => typeof v === "string" && /\$\{\{\s*secrets\./.test(v)).map(([k]) => k) : []);
      const top = secretEnv(r.body.env);
      return jobs(r).flatMap((job) => {
        const jobEnv = [...top, ...secretEnv(job.value.env)];
        return each(job.value, "steps.*", job.path).flatMap((m) => {
          if (!isObj(m.value)) return [];
          const run = str(m.value.run);
          if (run === undefined) return [];
          const names = [...jobEnv, ...secretEnv(m.value.env)].map((n) => n.replace(/[^\w]/g, ""));
          const viaEnv = names.length > 0 ? `|\\$\\{?(${names.join("|")})\\b` : "";
          const pattern = new RegExp(`\\b(echo|printf|print|cat\\s+<<)\\b[^\\n]*(\\$\\{\\{\\s*secrets\\.${viaEnv})`);
          const i = scriptIssue(r, `${m.path}.run`, run, pattern);
          return i ? [i] : [];
        });
      });
    },
    examples: {
      valid: [{ code: code`
        on: push
        permissions: read-all
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - run: ./deploy.sh
                env:
                  TOKEN: \${{ secrets.DEPLOY_TOKEN }}
      ` }],
      invalid: [
        { code: code`
          on: push
          permissions: read-all
          jobs:
            a:
              runs-on: ubuntu-latest
              steps:
                - run: echo "token is \${{ secrets.DEPLOY_TOKEN }}" | base64
        `, lines: [7] },
        { code: code`
          on: push
          permissions: read-all
          jobs:
            a:
              runs-on: ubuntu-latest
              env:
                TOKEN: \${{ secrets.DEPLOY_TOKEN }}
              steps:
                - run: |
                    ./deploy.sh
                    echo "debug: $TOKEN"
        `, lines: [11] },
      ],
    },
  },
  {
    id: "iac/gha-unsecure-commands",
    severity: "high",
    title: "Workflow re-enables deprecated set-env commands",
    description: "ACTIONS_ALLOW_UNSECURE_COMMANDS lets any output line set environment variables and PATH, so printing untrusted text becomes code execution.",
    remediation: "Remove ACTIONS_ALLOW_UNSECURE_COMMANDS and write to $GITHUB_ENV / $GITHUB_PATH instead.",
    references: ["CWE-94", "CKV_GHA_1", "https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/"],
    tags: ["security", "CWE-94"],
    frameworks: ["github-actions"],
    types: ["workflow"],
    check: (r) =>
      [...each(r.body, "env.ACTIONS_ALLOW_UNSECURE_COMMANDS"), ...jobs(r).flatMap((j) => each(j.value, "env.ACTIONS_ALLOW_UNSECURE_COMMANDS", j.path)), ...steps(r).flatMap((s) => each(s.value, "env.ACTIONS_ALLOW_UNSECURE_COMMANDS", s.path))]
        .filter((m) => isTrue(m.value))
        .map((m) => ({ path: m.path })),
    examples: {
      valid: [{ code: "on: push\npermissions: read-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n" }],
      invalid: [{ code: "on: push\npermissions: read-all\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n", lines: [4] }],
    },
  },
  {
    id: "iac/gha-curl-pipe-shell",
    severity: "medium",
    title: "Workflow pipes a download into a shell",
    description: "curl ... | sh runs whatever the server sends with the job's token and secrets in reach.",
    remediation: "Download, verify a checksum or signature, then run; or use a pinned action or package.",
    references: ["CWE-494", "CKV_GHA_3"],
    tags: ["security", "CWE-494"],
    frameworks: ["github-actions"],
    types: ["workflow"],
    check: (r) =>
      steps(r).flatMap((s) => {
        const run = str(s.value.run);
        const i = run === undefined ? undefined : scriptIssue(r, `${s.path}.run`, run, PIPE_TO_SHELL);
        return i ? [i] : [];
      }),
    examples: {
      valid: [{ code: "on: push\npermissions: read-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n" }],
      invalid: [{ code: "on: push\npermissions: read-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          set -e\n          curl -sSL https://example.com/install.sh | bash\n", lines: [9] }],
    },
  },
  {
    id: "iac/gitlab-image-latest",
    severity: "medium",
    title: "GitLab CI image uses latest or no tag",
    description: "Jobs running an unpinned image execute whatever was pushed last under that name, with the job's CI variables and tokens.",
    remediation: "Pin image: and services: to a version tag or digest.",
    references: ["CWE-1357", "https://docs.gitlab.com/ci/yaml/#image"],
    tags: ["security", "CWE-1357"],
    frameworks: ["gitlab-ci"],
    types: ["pipeline"],
    check: (r) => {
      const candidates: { value: Value | undefined; path: string }[] = [];
      const collect = (obj: Value | undefined, base: string): void => {
        if (!isObj(obj)) return;
        const p = (k: string): string => (base === "" ? k : `${base}.${k}`);
        const image = obj.image;
        candidates.push(isObj(image) ? { value: image.name, path: p("image.name") } : { value: image, path: p("image") });
        for (const m of each(obj.services, "*", p("services"))) candidates.push(isObj(m.value) ? { value: m.value.name, path: `${m.path}.name` } : { value: m.value, path: m.path });
      };
      collect(r.body, "");
      collect(r.body.default, "default");
      for (const j of gitlabJobs(r)) collect(j.value, j.path);
      return candidates.flatMap(({ value, path }) => {
        const image = str(value);
        const bad = image === undefined ? undefined : badImageTag(image);
        return bad ? [{ path, message: `Image ${image ?? ""} is ${bad === "latest" ? "tagged latest" : "not tagged"}` }] : [];
      });
    },
    examples: {
      valid: [{ code: "image: node:20.11\ntest:\n  script:\n    - npm test\n" }],
      invalid: [{ code: "image: node:20.11\ntest:\n  image: python:latest\n  services:\n    - name: postgres\n  script:\n    - pytest\n", lines: [3, 5] }],
    },
  },
  {
    id: "iac/gitlab-curl-pipe-shell",
    severity: "high",
    title: "GitLab CI script pipes a download into a shell",
    description: "curl ... | sh runs whatever the server sends, with the job's CI_JOB_TOKEN and variables in reach.",
    remediation: "Download, verify a checksum or signature, then run; or use a pinned image that contains the tool.",
    references: ["CWE-494", "https://docs.gitlab.com/ci/pipeline_security/"],
    tags: ["security", "CWE-494"],
    frameworks: ["gitlab-ci"],
    types: ["pipeline"],
    check: (r) => gitlabScripts(r).flatMap((s) => {
      const i = scriptIssue(r, s.path, s.value, PIPE_TO_SHELL);
      return i ? [i] : [];
    }),
    examples: {
      valid: [{ code: "build:\n  image: alpine:3.20\n  script:\n    - make\n" }],
      invalid: [{ code: "build:\n  image: alpine:3.20\n  script:\n    - apk add curl\n    - curl -fsSL https://get.example.com | sh\n", lines: [5] }],
    },
  },
  {
    id: "iac/gitlab-secret-in-variables",
    severity: "high",
    title: "GitLab CI file holds a secret in variables",
    description: "Variables written in .gitlab-ci.yml are committed, visible to everyone with read access and not masked in logs.",
    remediation: "Define the secret as a masked, protected CI/CD variable in the project settings (or use an external secret store) and remove it from the file.",
    references: ["CWE-798", "https://docs.gitlab.com/ci/variables/#cicd-variable-security"],
    tags: ["security", "CWE-798"],
    frameworks: ["gitlab-ci"],
    types: ["pipeline"],
    check: (r) => gitlabVariables(r).filter((v) => looksLikeSecretName(v.name) && looksLikeLiteralSecret(v.value)).map((v) => ({ path: v.path, message: `Variable ${v.name} holds a literal secret` })),
    examples: {
      valid: [{ code: "variables:\n  DEPLOY_TOKEN: $VAULT_DEPLOY_TOKEN\n  LOG_LEVEL: info\n" }],
      invalid: [{ code: "variables:\n  LOG_LEVEL: info\ndeploy:\n  variables:\n    API_TOKEN: glpat-abcdefghij123456\n  script:\n    - ./deploy\n", lines: [5] }],
    },
  },
  {
    id: "iac/gitlab-debug-trace",
    severity: "medium",
    title: "GitLab CI debug tracing is enabled",
    description: "CI_DEBUG_TRACE prints every command with expanded variables, so masked secrets end up in the job log.",
    remediation: "Remove CI_DEBUG_TRACE / CI_DEBUG_SERVICES from the file; enable them only temporarily from the UI on a protected run.",
    references: ["CWE-532", "https://docs.gitlab.com/ci/variables/#enable-debug-logging"],
    tags: ["security", "CWE-532"],
    frameworks: ["gitlab-ci"],
    types: ["pipeline"],
    check: (r) => gitlabVariables(r).filter((v) => (v.name === "CI_DEBUG_TRACE" || v.name === "CI_DEBUG_SERVICES") && isTrue(v.value)).map((v) => ({ path: v.path })),
    examples: {
      valid: [{ code: "variables:\n  LOG_LEVEL: info\n" }],
      invalid: [{ code: "variables:\n  CI_DEBUG_TRACE: \"true\"\n", lines: [2] }],
    },
  },
  {
    id: "iac/gitlab-remote-include",
    severity: "medium",
    title: "GitLab CI includes a remote file",
    description: "include: remote fetches pipeline code from a URL at every run; whoever controls that URL controls your pipeline.",
    remediation: "Include from a project pinned to a ref or commit (include: project + ref), or vendor the file.",
    references: ["CWE-829", "https://docs.gitlab.com/ci/yaml/includes/"],
    tags: ["security", "CWE-829"],
    frameworks: ["gitlab-ci"],
    types: ["pipeline"],
    check: (r) => {
      const inc = r.body.include;
      const items = Array.isArray(inc) ? inc.map((v, i) => ({ value: v, path: `include.${i}` })) : inc !== undefined ? [{ value: inc, path: "include" }] : [];
      return items.flatMap(({ value, path }) => {
        if (typeof value === "string" && /^https?:\/\//.test(value)) return [{ path }];
        if (isObj(value) && typeof value.remote === "string") return [{ path: `${path}.remote` }];
        return [];
      });
    },
    examples: {
      valid: [{ code: "include:\n  - project: group/templates\n    ref: v1.2.0\n    file: /ci.yml\n" }],
      invalid: [{ code: "include:\n  - remote: https://example.com/ci.yml\n", lines: [2] }],
    },
  },
  {
    id: "iac/gitlab-project-include-unpinned",
    severity: "low",
    title: "GitLab CI includes another project without a ref",
    description: "include: project without ref follows that project's default branch, so any push there changes your pipeline.",
    remediation: "Add ref: with a tag or commit SHA to the include.",
    references: ["CWE-829", "https://docs.gitlab.com/ci/yaml/includes/"],
    tags: ["security", "CWE-829"],
    frameworks: ["gitlab-ci"],
    types: ["pipeline"],
    check: (r) => each(r.body, "include.*").filter((m) => isObj(m.value) && m.value.project !== undefined && m.value.ref === undefined).map((m) => ({ path: `${m.path}.project` })),
    examples: {
      valid: [{ code: "include:\n  - project: group/templates\n    ref: 3f2a9c1\n    file: /ci.yml\n" }],
      invalid: [{ code: "include:\n  - project: group/templates\n    file: /ci.yml\n", lines: [2] }],
    },
  },
];

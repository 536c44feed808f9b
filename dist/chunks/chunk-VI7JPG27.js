#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/scanners/iac/types.ts
var FRAMEWORKS = [
  "terraform",
  "terraform-plan",
  "kubernetes",
  "dockerfile",
  "cloudformation",
  "compose",
  "github-actions",
  "gitlab-ci"
];
var Unresolved = class {
  constructor(text) {
    this.text = text;
  }
  text;
  toString() {
    return this.text;
  }
};

// src/scanners/iac/rules/helpers.ts
function isObj(v) {
  return v !== null && v !== void 0 && typeof v === "object" && !Array.isArray(v) && !(v instanceof Unresolved);
}
function join(prefix, key) {
  return prefix === "" ? String(key) : `${prefix}.${key}`;
}
function get(obj, path) {
  if (path === "") return obj;
  let cur = obj;
  for (const seg of path.split(".")) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(seg) ? cur[Number(seg)] : void 0;
    else if (isObj(cur)) cur = Object.hasOwn(cur, seg) ? cur[seg] : void 0;
    else return void 0;
    if (cur === void 0) return void 0;
  }
  return cur;
}
function each(obj, pattern, base = "") {
  let current = obj === void 0 ? [] : [{ value: obj, path: base }];
  if (pattern === "") return current;
  for (const seg of pattern.split(".")) {
    const next = [];
    for (const m of current) {
      const v = m.value;
      if (seg === "*") {
        if (Array.isArray(v)) v.forEach((x, i) => next.push({ value: x, path: join(m.path, i) }));
        else if (isObj(v)) for (const [k, x] of Object.entries(v)) next.push({ value: x, path: join(m.path, k) });
      } else if (Array.isArray(v) && !/^\d+$/.test(seg)) {
        v.forEach((x, i) => {
          if (isObj(x) && Object.hasOwn(x, seg)) next.push({ value: x[seg], path: join(join(m.path, i), seg) });
        });
      } else if (Array.isArray(v)) {
        const x = v[Number(seg)];
        if (x !== void 0) next.push({ value: x, path: join(m.path, seg) });
      } else if (isObj(v) && Object.hasOwn(v, seg)) {
        next.push({ value: v[seg], path: join(m.path, seg) });
      }
    }
    current = next;
  }
  return current;
}
function blocks(obj, name, base = "") {
  if (!isObj(obj)) return [];
  const v = obj[name];
  const path = join(base, name);
  if (Array.isArray(v)) return v.flatMap((x, i) => isObj(x) ? [{ value: x, path: join(path, i) }] : []);
  if (isObj(v)) return [{ value: v, path }];
  return [];
}
function block(obj, name, base = "") {
  return blocks(obj, name, base)[0];
}
function isTrue(v) {
  return v === true || typeof v === "string" && /^(true|yes|on)$/i.test(v);
}
function isFalse(v) {
  return v === false || typeof v === "string" && /^(false|no|off)$/i.test(v);
}
function isSet(v) {
  if (v === void 0 || v === null) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (Array.isArray(v)) return v.length > 0;
  return true;
}
function str(v) {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : void 0;
}
function strings(v) {
  if (Array.isArray(v)) return v.flatMap((x) => typeof x === "string" ? [x] : typeof x === "number" ? [String(x)] : []);
  const s = str(v);
  return s === void 0 ? [] : [s];
}
function num(v) {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return void 0;
}
var WORKLOAD_KINDS = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "PodTemplate"];
var podSpecCache = /* @__PURE__ */ new WeakMap();
var containerCache = /* @__PURE__ */ new WeakMap();
function podSpec(r) {
  const cached = podSpecCache.get(r);
  if (cached !== void 0) return cached ?? void 0;
  const found = findPodSpec(r);
  podSpecCache.set(r, found ?? null);
  return found;
}
function findPodSpec(r) {
  const candidates = {
    Pod: "spec",
    CronJob: "spec.jobTemplate.spec.template.spec",
    PodTemplate: "template.spec"
  };
  const path = candidates[r.type] ?? "spec.template.spec";
  const v = get(r.body, path);
  return isObj(v) ? { value: v, path } : void 0;
}
function containers(r, options = {}) {
  let all = containerCache.get(r);
  if (!all) {
    all = findContainers(r);
    containerCache.set(r, all);
  }
  return options.init === false ? all.filter((c) => !c.init) : all;
}
function findContainers(r) {
  const spec = podSpec(r);
  if (!spec) return [];
  const out = [];
  for (const key of ["initContainers", "containers", "ephemeralContainers"]) {
    const list = spec.value[key];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (isObj(c)) out.push({ value: c, path: `${spec.path}.${key}.${i}`, init: key !== "containers", ephemeral: key === "ephemeralContainers" });
    });
  }
  return out;
}
function imageTag(image) {
  if (image.includes("${") || image.includes("$(") || /^\$/.test(image)) return void 0;
  if (image.includes("@sha256:") || image.includes("@")) return void 0;
  const lastSlash = image.lastIndexOf("/");
  const last = image.slice(lastSlash + 1);
  const colon = last.indexOf(":");
  return colon < 0 ? "" : last.slice(colon + 1);
}
function badImageTag(image) {
  if (image === "scratch") return void 0;
  const tag = imageTag(image.trim());
  if (tag === void 0) return void 0;
  if (tag === "") return "untagged";
  if (tag.toLowerCase() === "latest") return "latest";
  return void 0;
}
var instructionCache = /* @__PURE__ */ new WeakMap();
function instructions(r) {
  let cached = instructionCache.get(r);
  if (!cached) {
    cached = readInstructions(r);
    instructionCache.set(r, cached);
  }
  return cached;
}
function readInstructions(r) {
  const list = r.body.instructions;
  if (!Array.isArray(list)) return [];
  return list.flatMap(
    (x, index) => isObj(x) && typeof x.cmd === "string" && typeof x.value === "string" && typeof x.line === "number" && typeof x.stage === "number" ? [{ cmd: x.cmd, value: x.value, line: x.line, stage: x.stage, index }] : []
  );
}
function stageCount(r) {
  return Array.isArray(r.body.stages) ? r.body.stages.length : 0;
}
function instructionIssue(ins, message) {
  const issue = { path: `instructions.${ins.index}`, line: ins.line, key: `stage${ins.stage}:${ins.cmd} ${ins.value}` };
  if (message !== void 0) issue.message = message;
  return issue;
}
function shellText(value) {
  const v = value.trim();
  if (v.startsWith("[")) {
    try {
      const parsed = JSON.parse(v);
      if (Array.isArray(parsed)) return parsed.map(String).join(" ");
    } catch {
    }
  }
  return v.replace(/^(--\S+\s+)+/, "");
}
var SECRET_NAME = /(pass(word|wd)?|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)/i;
var NOT_SECRET_NAME = /(_file|_path|_url|_uri|_id|_name|_arn|_region|_length|_ttl|_enabled|_type|length|_host|_port|_user(name)?)$/i;
function looksLikeSecretName(name) {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}
function looksLikeLiteralSecret(value) {
  if (typeof value !== "string") return false;
  const v = value.trim();
  if (v.length < 4) return false;
  if (/\$\{|\$\(|^\$|\{\{|^<.*>$|^(true|false|null|none|changeme)$/i.test(v)) return false;
  if (/^(arn:|\/|https?:\/\/|file:|vault:|ssm:|secretsmanager:)/i.test(v)) return false;
  return true;
}
function policyDocument(v) {
  if (isObj(v)) return v;
  if (typeof v === "string" && v.trim().startsWith("{")) {
    try {
      return toValue(JSON.parse(v));
    } catch {
      return void 0;
    }
  }
  return void 0;
}
function toValue(x) {
  if (x === null || typeof x === "string" || typeof x === "number" || typeof x === "boolean") return x;
  if (Array.isArray(x)) return x.map(toValue);
  if (typeof x === "object") {
    const o = {};
    for (const [k, v] of Object.entries(x)) o[k] = toValue(v);
    return o;
  }
  return null;
}
function statements(doc, path) {
  if (!doc) return [];
  const s = doc.Statement ?? doc.statement;
  const key = doc.Statement !== void 0 ? "Statement" : "statement";
  if (Array.isArray(s)) return s.flatMap((x, i) => isObj(x) ? [{ value: x, path: join(join(path, key), i) }] : []);
  if (isObj(s)) return [{ value: s, path: join(path, key) }];
  return [];
}

// src/scanners/iac/rules/aws-shared.ts
var OPEN = /* @__PURE__ */ new Set(["0.0.0.0/0", "::/0"]);
function portRange(fromV, toV, protocolV) {
  const protocol = (str(protocolV) ?? "tcp").toLowerCase();
  const all = protocol === "-1" || protocol === "all";
  const from = num(fromV);
  const to = num(toV);
  if (all || from === void 0 || to === void 0) return { from: 0, to: 65535, all: all || from === void 0, protocol };
  if (from === -1 && to === -1) return { from: 0, to: 65535, all: true, protocol };
  return { from, to, all: false, protocol };
}
function openIngress(r) {
  const out = [];
  const push = (entry, base, cidrKeys, keys) => {
    const range = portRange(entry[keys.from], entry[keys.to], entry[keys.protocol]);
    for (const key of cidrKeys) {
      const v = entry[key];
      if (Array.isArray(v)) {
        v.forEach((c, i) => {
          if (typeof c === "string" && OPEN.has(c.trim())) out.push({ path: join(join(base, key), i), ...range });
        });
      } else if (typeof v === "string" && OPEN.has(v.trim())) out.push({ path: join(base, key), ...range });
    }
  };
  const tfKeys = { from: "from_port", to: "to_port", protocol: "protocol" };
  if (r.framework === "terraform") {
    if (r.type === "aws_security_group") {
      for (const b of blocks(r.body, "ingress")) push(b.value, b.path, ["cidr_blocks", "ipv6_cidr_blocks"], tfKeys);
    } else if (r.type === "aws_security_group_rule") {
      if (str(r.body.type) === "ingress") push(r.body, "", ["cidr_blocks", "ipv6_cidr_blocks"], tfKeys);
    } else if (r.type === "aws_vpc_security_group_ingress_rule") {
      push(r.body, "", ["cidr_ipv4", "cidr_ipv6"], { from: "from_port", to: "to_port", protocol: "ip_protocol" });
    }
  } else if (r.framework === "cloudformation") {
    const keys = { from: "FromPort", to: "ToPort", protocol: "IpProtocol" };
    if (r.type === "AWS::EC2::SecurityGroup") {
      for (const m of each(r.body, "SecurityGroupIngress.*")) if (isObj(m.value)) push(m.value, m.path, ["CidrIp", "CidrIpv6"], keys);
    } else if (r.type === "AWS::EC2::SecurityGroupIngress") {
      push(r.body, "", ["CidrIp", "CidrIpv6"], keys);
    }
  }
  return out;
}
var SG_TYPES = {
  terraform: ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"],
  cloudformation: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"]
};
function coversPort(i, port) {
  return i.all || i.protocol !== "udp" && i.protocol !== "17" && i.protocol !== "icmp" && i.from <= port && port <= i.to;
}
function fromJsonStatement(s, path) {
  const action = s.Action ?? s.action;
  return {
    effect: str(s.Effect) ?? "Allow",
    actions: strings(action),
    notActions: strings(s.NotAction),
    resources: strings(s.Resource),
    principals: s.Principal,
    hasCondition: s.Condition !== void 0,
    path,
    actionPath: join(path, s.NotAction !== void 0 && action === void 0 ? "NotAction" : "Action"),
    resourcePath: join(path, "Resource"),
    principalPath: join(path, "Principal")
  };
}
function policyStatements(r, kinds) {
  const out = [];
  const fromDoc = (v, path, kind) => {
    if (!kinds.includes(kind)) return;
    const doc = policyDocument(v);
    for (const s of statements(doc, typeof v === "string" ? path : path)) out.push(fromJsonStatement(s.value, typeof v === "string" ? path : s.path));
  };
  if (r.framework === "terraform") {
    switch (r.type) {
      case "aws_iam_policy":
      case "aws_iam_role_policy":
      case "aws_iam_user_policy":
      case "aws_iam_group_policy":
        fromDoc(r.body.policy, "policy", "identity");
        break;
      case "aws_iam_role":
        fromDoc(r.body.assume_role_policy, "assume_role_policy", "trust");
        for (const b of blocks(r.body, "inline_policy")) fromDoc(b.value.policy, join(b.path, "policy"), "identity");
        break;
      case "aws_s3_bucket_policy":
      case "aws_sqs_queue_policy":
      case "aws_sns_topic_policy":
        fromDoc(r.body.policy, "policy", "resource");
        break;
      case "aws_s3_bucket":
        fromDoc(r.body.policy, "policy", "resource");
        break;
      case "aws_iam_policy_document":
        if (!kinds.includes("identity") && !kinds.includes("resource")) break;
        for (const b of blocks(r.body, "statement")) {
          const s = b.value;
          const principals = blocks(s, "principals").flatMap((p) => str(p.value.type) === "*" || strings(p.value.identifiers).includes("*") ? ["*"] : []);
          out.push({
            effect: str(s.effect) ?? "Allow",
            actions: strings(s.actions),
            notActions: strings(s.not_actions),
            resources: strings(s.resources),
            principals: principals.length > 0 ? "*" : void 0,
            hasCondition: blocks(s, "condition").length > 0,
            path: b.path,
            actionPath: join(b.path, s.actions === void 0 && s.not_actions !== void 0 ? "not_actions" : "actions"),
            resourcePath: join(b.path, "resources"),
            principalPath: join(b.path, "principals")
          });
        }
        break;
    }
  } else if (r.framework === "cloudformation") {
    switch (r.type) {
      case "AWS::IAM::Policy":
      case "AWS::IAM::ManagedPolicy":
        fromDoc(r.body.PolicyDocument, "PolicyDocument", "identity");
        break;
      case "AWS::IAM::Role":
      case "AWS::IAM::User":
      case "AWS::IAM::Group":
        if (r.type === "AWS::IAM::Role") fromDoc(r.body.AssumeRolePolicyDocument, "AssumeRolePolicyDocument", "trust");
        for (const m of each(r.body, "Policies.*")) if (isObj(m.value)) fromDoc(m.value.PolicyDocument, join(m.path, "PolicyDocument"), "identity");
        break;
      case "AWS::S3::BucketPolicy":
      case "AWS::SQS::QueuePolicy":
      case "AWS::SNS::TopicPolicy":
        fromDoc(r.body.PolicyDocument, "PolicyDocument", "resource");
        break;
    }
  }
  return out;
}
var IAM_TYPES = {
  terraform: ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role", "aws_iam_policy_document"],
  cloudformation: ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
};
function isPublicPrincipal(p) {
  if (p === "*") return true;
  if (isObj(p)) return strings(p.AWS).includes("*") || strings(p.aws).includes("*");
  return false;
}
function refersTo(value, target, nameAttrs = ["bucket", "name"]) {
  if (value instanceof Unresolved) return value.text === target.address || value.text.startsWith(`${target.address}.`) || value.text.startsWith(`${target.address}[`);
  if (typeof value === "string") {
    if (value.includes(`\${${target.address}.`)) return true;
    return nameAttrs.some((a) => {
      const n = get(target.body, a);
      return typeof n === "string" && n === value;
    });
  }
  return false;
}
function companions(target, neighbours, type, attr = "bucket") {
  return neighbours.filter((n) => n.type === type && refersTo(n.body[attr], target));
}

// src/scanners/iac/rules/factory.ts
function code(strings2, ...values) {
  let text = strings2.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  text = text.replace(/^\n/, "").replace(/\n[ \t]*$/, "\n");
  const indents = text.split("\n").filter((l) => l.trim() !== "").map((l) => l.length - l.trimStart().length);
  const min = indents.length > 0 ? Math.min(...indents) : 0;
  return text.split("\n").map((l) => l.slice(min)).join("\n");
}
function looseEquals(a, b) {
  if (a === b) return true;
  if (typeof a === "string" && (typeof b === "boolean" || typeof b === "number")) return a.toLowerCase() === String(b);
  if (typeof b === "string" && typeof a === "string") return a.toLowerCase() === b.toLowerCase();
  return false;
}
function unknownValue(v) {
  if (v instanceof Unresolved) return true;
  if (typeof v === "string" && v.includes("${")) return true;
  if (isObj(v)) return Object.keys(v).some((k) => k === "Ref" || k.startsWith("Fn::"));
  return false;
}
function checkAttr(spec, r) {
  if (spec.when && !spec.when(r.body)) return [];
  const pass = spec.pass ?? ((v) => looseEquals(v, spec.ok));
  const matches = each(r.body, spec.attr);
  if (matches.length === 0) return spec.missing === "fail" ? [{ path: spec.attr, missing: true }] : [];
  const out = [];
  for (const m of matches) {
    if (m.value === null) {
      if (spec.missing === "fail") out.push({ path: m.path });
      continue;
    }
    if (unknownValue(m.value)) continue;
    if (!pass(m.value)) out.push({ path: m.path });
  }
  return out;
}
function renderValue(framework, v) {
  if (framework === "terraform" && isObj(v)) return `{ ${Object.entries(v).map(([k, x]) => `${k} = ${renderValue(framework, x)}`).join(", ")} }`;
  return JSON.stringify(v);
}
function renderResource(framework, type, spec, value) {
  const segments = spec.attr.split(".");
  const last = segments.pop() ?? spec.attr;
  const lines = [];
  if (framework === "terraform") {
    lines.push(`resource "${type}" "example" {`);
    for (const e of spec.extra ?? []) lines.push(`  ${e}`);
    let line2 = 1;
    if (value !== void 0) {
      let indent = "  ";
      for (const s of segments) {
        lines.push(`${indent}${s} {`);
        indent += "  ";
      }
      lines.push(`${indent}${last} = ${renderValue(framework, value)}`);
      line2 = lines.length;
      for (let i = segments.length; i > 0; i--) lines.push(`${"  ".repeat(i)}}`);
    }
    lines.push("}");
    return { code: `${lines.join("\n")}
`, line: line2 };
  }
  lines.push("Resources:", "  Example:", `    Type: ${type}`);
  let line = 2;
  const extra = spec.extra ?? [];
  if (value !== void 0 || extra.length > 0) {
    lines.push("    Properties:");
    for (const e of extra) lines.push(`      ${e}`);
    if (value !== void 0) {
      let indent = "      ";
      for (const s of segments) {
        lines.push(`${indent}${s}:`);
        indent += "  ";
      }
      lines.push(`${indent}${last}: ${renderValue(framework, value)}`);
      line = lines.length;
    }
  }
  return { code: `${lines.join("\n")}
`, line };
}
function examplesFor(framework, spec) {
  const file = framework === "terraform" ? "main.tf" : "template.yaml";
  const type = spec.types[0] ?? "";
  const valid = [{ file, code: renderResource(framework, type, spec, spec.ok).code }];
  const bad = renderResource(framework, type, spec, spec.bad);
  const invalid = [{ file, code: bad.code, lines: [bad.line] }];
  const absent = renderResource(framework, type, spec, void 0);
  if (spec.missing === "fail") invalid.push({ file, code: absent.code, lines: [absent.line] });
  else valid.push({ file, code: absent.code });
  return { valid, invalid };
}
function attrRule(input) {
  const frameworks = [];
  const types = [];
  const valid = [];
  const invalid = [];
  if (input.terraform) {
    frameworks.push("terraform");
    types.push(...input.terraform.types);
    const ex = examplesFor("terraform", input.terraform);
    valid.push(...ex.valid);
    invalid.push(...ex.invalid);
  }
  if (input.cloudformation) {
    frameworks.push("cloudformation");
    types.push(...input.cloudformation.types);
    const ex = examplesFor("cloudformation", input.cloudformation);
    valid.push(...ex.valid);
    invalid.push(...ex.invalid);
  }
  const { terraform, cloudformation } = input;
  return {
    id: input.id,
    severity: input.severity,
    title: input.title,
    description: input.description,
    remediation: input.remediation,
    references: input.references,
    tags: input.tags ?? ["security"],
    frameworks,
    types,
    check: (r) => {
      if (r.framework === "terraform" && terraform && terraform.types.includes(r.type)) return checkAttr(terraform, r);
      if (r.framework === "cloudformation" && cloudformation && cloudformation.types.includes(r.type)) return checkAttr(cloudformation, r);
      return void 0;
    },
    examples: { valid, invalid }
  };
}

// src/scanners/iac/rules/aws.ts
var CIS_AWS = "CIS Amazon Web Services Foundations Benchmark";
function sgRule(input) {
  const ports = input.ports ?? (input.port !== void 0 ? [input.port] : []);
  const p = ports[0] ?? 0;
  return {
    id: input.id,
    severity: input.severity,
    title: `Security group opens ${input.name} to the internet`,
    description: `An ingress rule allows ${input.name} from 0.0.0.0/0 or ::/0, so anyone on the internet can reach the service and try to log in or exploit it.`,
    remediation: `Restrict the rule's CIDR to known addresses (a VPN or bastion range) or reach the host through a session manager instead of opening ${input.name}.`,
    references: input.references,
    tags: ["security", "CWE-284"],
    frameworks: ["terraform", "cloudformation"],
    types: [...SG_TYPES.terraform, ...SG_TYPES.cloudformation],
    check: (r) => {
      const open = openIngress(r).filter((i) => ports.some((port) => coversPort(i, port)) && !(i.all && ports.length > 1));
      return open.map((i) => ({ path: i.path }));
    },
    examples: {
      valid: [
        {
          file: "main.tf",
          code: code`
            resource "aws_security_group" "ok" {
              ingress {
                from_port   = ${p}
                to_port     = ${p}
                protocol    = "tcp"
                cidr_blocks = ["10.0.0.0/8"]
              }
            }
          `
        },
        {
          file: "template.yaml",
          code: code`
            Resources:
              Sg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: ${p}
                      ToPort: ${p}
                      CidrIp: 10.0.0.0/8
          `
        }
      ],
      invalid: [
        {
          file: "main.tf",
          code: code`
            resource "aws_security_group" "bad" {
              ingress {
                from_port   = ${p}
                to_port     = ${p}
                protocol    = "tcp"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
          `,
          lines: [6]
        },
        {
          file: "main.tf",
          code: code`
            resource "aws_security_group_rule" "bad" {
              type             = "ingress"
              from_port        = ${p}
              to_port          = ${p}
              protocol         = "tcp"
              ipv6_cidr_blocks = ["::/0"]
            }
          `,
          lines: [6]
        },
        {
          file: "template.yaml",
          code: code`
            Resources:
              Sg:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: ${p}
                      ToPort: ${p}
                      CidrIp: 0.0.0.0/0
          `,
          lines: [9]
        }
      ]
    }
  };
}
var ADMIN_PORTS = [20, 21, 23, 445, 1433, 1521, 2375, 2376, 3306, 5432, 5601, 5900, 6379, 9200, 11211, 27017];
var PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read", "PublicRead", "PublicReadWrite", "AuthenticatedRead"];
function readOnlyAction(a) {
  return /^[\w-]+:(Describe|List|Get|Head|BatchGet|Lookup|Search|Query|Scan|View)[\w*]*$/i.test(a) && !a.endsWith(":*");
}
function lambdaVariables(r) {
  if (r.framework === "terraform") {
    return blocks(r.body, "environment").flatMap((b) => isObj(b.value.variables) ? [{ path: `${b.path}.variables`, vars: b.value.variables }] : []);
  }
  const v = get(r.body, "Environment.Variables");
  return isObj(v) ? [{ path: "Environment.Variables", vars: v }] : [];
}
var AWS_KEY = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;
var awsRules = [
  sgRule({ id: "iac/aws-sg-open-ssh", port: 22, name: "SSH (port 22)", severity: "high", references: [`${CIS_AWS} 5.2`, "CKV_AWS_24", "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"] }),
  sgRule({ id: "iac/aws-sg-open-rdp", port: 3389, name: "RDP (port 3389)", severity: "high", references: [`${CIS_AWS} 5.2`, "CKV_AWS_25", "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"] }),
  sgRule({ id: "iac/aws-sg-open-admin-port", ports: ADMIN_PORTS, name: "an administrative or database port", severity: "high", references: ["CWE-284", "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"] }),
  {
    id: "iac/aws-sg-open-all-ports",
    severity: "critical",
    title: "Security group opens every port to the internet",
    description: "An ingress rule with protocol -1 (or ports 0-65535) from 0.0.0.0/0 or ::/0 exposes every service on the instances it protects.",
    remediation: "Allow only the ports the service needs, from the addresses that need them.",
    references: ["CKV_AWS_277", "CWE-284", "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform", "cloudformation"],
    types: [...SG_TYPES.terraform, ...SG_TYPES.cloudformation],
    check: (r) => openIngress(r).filter((i) => i.all || i.from <= 0 && i.to >= 65535).map((i) => ({ path: i.path })),
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_security_group" "ok" {
          ingress {
            from_port   = 443
            to_port     = 443
            protocol    = "tcp"
            cidr_blocks = ["0.0.0.0/0"]
          }
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_security_group" "bad" {
            ingress {
              from_port   = 0
              to_port     = 0
              protocol    = "-1"
              cidr_blocks = ["0.0.0.0/0"]
            }
          }
        `, lines: [6] },
        { file: "template.yaml", code: code`
          Resources:
            Rule:
              Type: AWS::EC2::SecurityGroupIngress
              Properties:
                GroupId: sg-123
                IpProtocol: "-1"
                CidrIpv6: ::/0
        `, lines: [7] }
      ]
    }
  },
  {
    id: "iac/aws-s3-public-acl",
    severity: "critical",
    title: "S3 bucket ACL grants public access",
    description: "A canned ACL of public-read, public-read-write or authenticated-read lets anyone (or any AWS account) list or change the bucket's objects.",
    remediation: "Use the private ACL (or disable ACLs with object ownership BucketOwnerEnforced) and share objects through CloudFront or pre-signed URLs.",
    references: [`${CIS_AWS} 2.1.5`, "CKV_AWS_20", "CWE-284", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_s3_bucket", "aws_s3_bucket_acl", "AWS::S3::Bucket"],
    check: (r) => {
      const attr = r.framework === "terraform" ? "acl" : "AccessControl";
      const v = str(r.body[attr]);
      return v !== void 0 && PUBLIC_ACLS.includes(v) ? { path: attr } : void 0;
    },
    examples: {
      valid: [
        { file: "main.tf", code: code`
          resource "aws_s3_bucket_acl" "ok" {
            bucket = aws_s3_bucket.b.id
            acl    = "private"
          }
        ` }
      ],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_s3_bucket" "bad" {
            bucket = "site"
            acl    = "public-read"
          }
        `, lines: [3] },
        { file: "template.yaml", code: code`
          Resources:
            Bucket:
              Type: AWS::S3::Bucket
              Properties:
                AccessControl: PublicReadWrite
        `, lines: [5] }
      ]
    }
  },
  {
    id: "iac/aws-s3-public-policy",
    severity: "critical",
    title: "S3 bucket policy allows anyone",
    description: 'A bucket policy statement with Effect Allow, Principal "*" and no Condition grants its actions to everybody on the internet.',
    remediation: "Name the accounts or roles in Principal, or add a Condition (aws:SourceVpce, aws:PrincipalOrgID) that limits who can use the statement.",
    references: ["CKV_AWS_70", "CWE-284", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_s3_bucket_policy", "aws_s3_bucket", "aws_sqs_queue_policy", "aws_sns_topic_policy", "AWS::S3::BucketPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy"],
    check: (r) => policyStatements(r, ["resource"]).filter((s) => s.effect === "Allow" && isPublicPrincipal(s.principals) && !s.hasCondition).map((s) => ({ path: s.principalPath })),
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_s3_bucket_policy" "ok" {
          bucket = "b"
          policy = jsonencode({
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = "arn:aws:iam::123456789012:root" }
              Action    = "s3:GetObject"
              Resource  = "arn:aws:s3:::b/*"
            }]
          })
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_s3_bucket_policy" "bad" {
            bucket = "b"
            policy = jsonencode({
              Statement = [{
                Effect    = "Allow"
                Principal = "*"
                Action    = "s3:GetObject"
                Resource  = "arn:aws:s3:::b/*"
              }]
            })
          }
        `, lines: [6] },
        { file: "template.yaml", code: code`
          Resources:
            Policy:
              Type: AWS::S3::BucketPolicy
              Properties:
                Bucket: b
                PolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal:
                        AWS: "*"
                      Action: s3:GetObject
                      Resource: arn:aws:s3:::b/*
        `, lines: [9] }
      ]
    }
  },
  {
    id: "iac/aws-s3-public-access-block-disabled",
    severity: "high",
    title: "S3 public access block setting is off",
    description: "A public access block with block_public_acls, block_public_policy, ignore_public_acls or restrict_public_buckets not true lets a later ACL or policy make the bucket public.",
    remediation: "Set all four public access block settings to true.",
    references: [`${CIS_AWS} 2.1.5`, "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block", "AWS::S3::Bucket"],
    check: (r) => {
      const out = [];
      if (r.framework === "terraform") {
        for (const k of ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]) {
          const v = r.body[k];
          if (v === void 0) out.push({ path: k, missing: true, message: `${k} is not set (it defaults to false)` });
          else if (!unknownValue(v) && !isTrue(v)) out.push({ path: k, message: `${k} is not true` });
        }
      } else {
        const cfg = r.body.PublicAccessBlockConfiguration;
        if (!isObj(cfg)) return out;
        for (const k of ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]) {
          const v = cfg[k];
          if (v === void 0) out.push({ path: `PublicAccessBlockConfiguration.${k}`, missing: true, message: `${k} is not set (it defaults to false)` });
          else if (!unknownValue(v) && !isTrue(v)) out.push({ path: `PublicAccessBlockConfiguration.${k}`, message: `${k} is not true` });
        }
      }
      return out;
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_s3_bucket_public_access_block" "ok" {
          bucket                  = aws_s3_bucket.b.id
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_s3_bucket_public_access_block" "bad" {
            bucket                  = aws_s3_bucket.b.id
            block_public_acls       = true
            block_public_policy     = false
            ignore_public_acls      = true
            restrict_public_buckets = true
          }
        `, lines: [4] },
        { file: "template.yaml", code: code`
          Resources:
            Bucket:
              Type: AWS::S3::Bucket
              Properties:
                PublicAccessBlockConfiguration:
                  BlockPublicAcls: true
                  BlockPublicPolicy: true
                  IgnorePublicAcls: false
                  RestrictPublicBuckets: true
        `, lines: [8] }
      ]
    }
  },
  {
    id: "iac/aws-s3-no-public-access-block",
    severity: "medium",
    title: "S3 bucket has no public access block",
    description: "Without a public access block, nothing stops a future ACL or bucket policy from exposing the bucket's data.",
    remediation: "Add an aws_s3_bucket_public_access_block (or PublicAccessBlockConfiguration) for the bucket with all four settings true, or block public access for the whole account.",
    references: ["CKV2_AWS_6", "CWE-284", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_s3_bucket", "AWS::S3::Bucket"],
    check: (r, ctx) => {
      if (r.framework === "cloudformation") return r.body.PublicAccessBlockConfiguration === void 0 ? { path: "PublicAccessBlockConfiguration", missing: true } : void 0;
      if (r.source === "terraform-plan") return void 0;
      if (ctx.neighbours.some((n) => n.type === "aws_s3_account_public_access_block")) return void 0;
      return companions(r, ctx.neighbours, "aws_s3_bucket_public_access_block").length === 0 ? { path: "", missing: true } : void 0;
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_s3_bucket" "ok" {
          bucket = "data"
        }
        resource "aws_s3_bucket_public_access_block" "ok" {
          bucket                  = aws_s3_bucket.ok.id
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_s3_bucket" "bad" {
            bucket = "data"
          }
        `, lines: [1] },
        { file: "template.yaml", code: code`
          Resources:
            Bucket:
              Type: AWS::S3::Bucket
        `, lines: [2] }
      ]
    }
  },
  {
    id: "iac/aws-s3-encryption",
    severity: "medium",
    title: "S3 bucket has no default encryption configured",
    description: "Without a server-side encryption configuration the bucket relies on defaults you do not control, and cannot use a customer-managed KMS key.",
    remediation: "Add a server-side encryption configuration (aws_s3_bucket_server_side_encryption_configuration or BucketEncryption) with aws:kms or AES256.",
    references: ["CKV_AWS_19", "CWE-311", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html"],
    tags: ["security", "CWE-311"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_s3_bucket", "AWS::S3::Bucket"],
    check: (r, ctx) => {
      if (r.framework === "cloudformation") return r.body.BucketEncryption === void 0 ? { path: "BucketEncryption", missing: true } : void 0;
      if (r.body.server_side_encryption_configuration !== void 0) return void 0;
      if (r.source === "terraform-plan") return { path: "server_side_encryption_configuration", missing: true };
      return companions(r, ctx.neighbours, "aws_s3_bucket_server_side_encryption_configuration").length === 0 ? { path: "server_side_encryption_configuration", missing: true } : void 0;
    },
    examples: {
      valid: [
        { file: "main.tf", code: code`
          resource "aws_s3_bucket" "ok" {
            bucket = "data"
          }
          resource "aws_s3_bucket_server_side_encryption_configuration" "ok" {
            bucket = aws_s3_bucket.ok.bucket
            rule {
              apply_server_side_encryption_by_default {
                sse_algorithm = "aws:kms"
              }
            }
          }
        ` },
        { file: "main.tf", code: code`
          resource "aws_s3_bucket" "ok" {
            server_side_encryption_configuration {
              rule {
                apply_server_side_encryption_by_default {
                  sse_algorithm = "AES256"
                }
              }
            }
          }
        ` }
      ],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_s3_bucket" "bad" {
            bucket = "data"
          }
        `, lines: [1] },
        { file: "template.yaml", code: code`
          Resources:
            Bucket:
              Type: AWS::S3::Bucket
              Properties:
                BucketName: data
        `, lines: [2] }
      ]
    }
  },
  {
    id: "iac/aws-s3-versioning",
    severity: "low",
    title: "S3 bucket versioning is not enabled",
    description: "Without versioning an overwrite or delete (by mistake or by ransomware) cannot be undone.",
    remediation: "Enable versioning (aws_s3_bucket_versioning with status Enabled, or VersioningConfiguration Status: Enabled).",
    references: ["CKV_AWS_21", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html"],
    tags: ["security"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_s3_bucket", "aws_s3_bucket_versioning", "AWS::S3::Bucket"],
    check: (r, ctx) => {
      if (r.framework === "cloudformation") {
        const s = get(r.body, "VersioningConfiguration.Status");
        if (s === void 0) return { path: "VersioningConfiguration.Status", missing: true };
        return unknownValue(s) || looseEquals(s, "Enabled") ? void 0 : { path: "VersioningConfiguration.Status" };
      }
      if (r.type === "aws_s3_bucket_versioning") {
        const s = each(r.body, "versioning_configuration.status")[0];
        return s && !unknownValue(s.value) && !looseEquals(s.value, "Enabled") ? { path: s.path } : void 0;
      }
      const separate = companions(r, ctx.neighbours, "aws_s3_bucket_versioning");
      if (separate.length > 0) return void 0;
      const v = block(r.body, "versioning");
      if (v) {
        const e = v.value.enabled;
        if (e === void 0) return { path: `${v.path}.enabled`, missing: true };
        return unknownValue(e) || isTrue(e) ? void 0 : { path: `${v.path}.enabled` };
      }
      return { path: "versioning", missing: true };
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_s3_bucket" "ok" {
          bucket = "data"
        }
        resource "aws_s3_bucket_versioning" "ok" {
          bucket = aws_s3_bucket.ok.id
          versioning_configuration {
            status = "Enabled"
          }
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_s3_bucket" "bad" {
            versioning {
              enabled = false
            }
          }
        `, lines: [3] },
        { file: "main.tf", code: code`
          resource "aws_s3_bucket" "bad" {
            bucket = "data"
          }
        `, lines: [1] },
        { file: "template.yaml", code: code`
          Resources:
            Bucket:
              Type: AWS::S3::Bucket
              Properties:
                VersioningConfiguration:
                  Status: Suspended
        `, lines: [6] }
      ]
    }
  },
  {
    id: "iac/aws-s3-access-logging",
    severity: "low",
    title: "S3 bucket access logging is not enabled",
    description: "Without server access logs there is no record of who read or changed objects, which incident response needs.",
    remediation: "Enable server access logging to a separate log bucket (aws_s3_bucket_logging or LoggingConfiguration).",
    references: ["CKV_AWS_18", "CWE-778", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html"],
    tags: ["security", "CWE-778"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_s3_bucket", "AWS::S3::Bucket"],
    check: (r, ctx) => {
      if (r.framework === "cloudformation") return r.body.LoggingConfiguration === void 0 ? { path: "LoggingConfiguration", missing: true } : void 0;
      if (r.body.logging !== void 0 || r.source === "terraform-plan") return void 0;
      return companions(r, ctx.neighbours, "aws_s3_bucket_logging").length === 0 ? { path: "logging", missing: true } : void 0;
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_s3_bucket" "ok" {
          logging {
            target_bucket = "logs"
          }
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_s3_bucket" "bad" {
            bucket = "data"
          }
        `, lines: [1] }
      ]
    }
  },
  attrRule({
    id: "iac/aws-rds-public",
    severity: "critical",
    title: "RDS instance is publicly accessible",
    description: "publicly_accessible gives the database a public address, exposing it to password guessing and exploits from the internet.",
    remediation: "Set publicly_accessible (PubliclyAccessible) to false and reach the database from inside the VPC.",
    references: ["CKV_AWS_17", "CWE-284", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html"],
    terraform: { types: ["aws_db_instance", "aws_rds_cluster_instance"], attr: "publicly_accessible", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
    cloudformation: { types: ["AWS::RDS::DBInstance"], attr: "PubliclyAccessible", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) }
  }),
  attrRule({
    id: "iac/aws-rds-unencrypted",
    severity: "high",
    title: "RDS storage is not encrypted",
    description: "Unencrypted database storage, snapshots and replicas expose data to anyone who obtains a copy of the volume or a snapshot.",
    remediation: "Set storage_encrypted (StorageEncrypted) to true, optionally with a customer-managed kms_key_id.",
    references: ["CKV_AWS_16", "CWE-311", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"],
    terraform: { types: ["aws_db_instance", "aws_rds_cluster"], attr: "storage_encrypted", ok: true, bad: false, missing: "fail", when: (b) => !/aurora|serverless/.test(str(b.engine_mode) ?? "") && b.replicate_source_db === void 0 && b.snapshot_identifier === void 0 },
    cloudformation: { types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"], attr: "StorageEncrypted", ok: true, bad: false, missing: "fail", when: (b) => b.SourceDBInstanceIdentifier === void 0 && b.DBSnapshotIdentifier === void 0 && b.DBClusterIdentifier === void 0 }
  }),
  attrRule({
    id: "iac/aws-rds-backup-retention",
    severity: "medium",
    title: "RDS automated backups are disabled",
    description: "A backup retention period of 0 turns off automated backups and point-in-time recovery.",
    remediation: "Set backup_retention_period (BackupRetentionPeriod) to at least 7 days.",
    references: ["CKV_AWS_133", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html"],
    terraform: { types: ["aws_db_instance", "aws_rds_cluster"], attr: "backup_retention_period", ok: 7, bad: 0, missing: "pass", pass: (v) => typeof v !== "number" || v > 0 },
    cloudformation: { types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"], attr: "BackupRetentionPeriod", ok: 7, bad: 0, missing: "pass", pass: (v) => !(v === 0 || v === "0") }
  }),
  attrRule({
    id: "iac/aws-rds-deletion-protection",
    severity: "low",
    title: "RDS deletion protection is off",
    description: "Without deletion protection one mistaken apply or API call drops the database.",
    remediation: "Set deletion_protection (DeletionProtection) to true for production databases.",
    references: ["CKV_AWS_293", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection"],
    tags: ["reliability"],
    terraform: { types: ["aws_db_instance", "aws_rds_cluster"], attr: "deletion_protection", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"], attr: "DeletionProtection", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-rds-iam-auth",
    severity: "low",
    title: "RDS IAM database authentication is off",
    description: "Without IAM authentication every client needs a long-lived database password.",
    remediation: "Set iam_database_authentication_enabled (EnableIAMDatabaseAuthentication) to true.",
    references: ["CKV_AWS_161", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html"],
    terraform: { types: ["aws_db_instance"], attr: "iam_database_authentication_enabled", ok: true, bad: false, missing: "fail", when: (b) => /mysql|postgres|aurora/.test(str(b.engine) ?? "mysql") },
    cloudformation: { types: ["AWS::RDS::DBInstance"], attr: "EnableIAMDatabaseAuthentication", ok: true, bad: false, missing: "fail", when: (b) => /mysql|postgres|aurora/.test(str(b.Engine) ?? "mysql") }
  }),
  {
    id: "iac/aws-iam-wildcard-action",
    severity: "high",
    title: "IAM policy allows every action",
    description: 'A statement that allows Action "*" grants full administrative rights over the resources it names.',
    remediation: "List the specific actions the principal needs (least privilege); use AWS managed job-function policies if unsure.",
    references: [`${CIS_AWS} 1.16`, "CKV_AWS_62", "CKV_AWS_63", "CWE-269", "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"],
    tags: ["security", "CWE-269"],
    frameworks: ["terraform", "cloudformation"],
    types: [...IAM_TYPES.terraform, ...IAM_TYPES.cloudformation],
    check: (r) => policyStatements(r, ["identity"]).filter((s) => s.effect === "Allow" && s.actions.some((a) => a === "*" || a === "*:*")).map((s) => ({ path: s.actionPath })),
    examples: {
      valid: [{ file: "main.tf", code: code`
        data "aws_iam_policy_document" "ok" {
          statement {
            actions   = ["s3:GetObject"]
            resources = ["arn:aws:s3:::b/*"]
          }
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_iam_policy" "bad" {
            name   = "admin"
            policy = <<EOF
          {
            "Version": "2012-10-17",
            "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
          }
          EOF
          }
        `, lines: [3] },
        { file: "main.tf", code: code`
          data "aws_iam_policy_document" "bad" {
            statement {
              actions   = ["*"]
              resources = ["*"]
            }
          }
        `, lines: [3] },
        { file: "template.yaml", code: code`
          Resources:
            Policy:
              Type: AWS::IAM::ManagedPolicy
              Properties:
                PolicyDocument:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: "*"
                      Resource: "*"
        `, lines: [9] }
      ]
    }
  },
  {
    id: "iac/aws-iam-wildcard-resource",
    severity: "medium",
    title: "IAM policy allows write actions on every resource",
    description: 'A statement allowing non-read-only actions on Resource "*" reaches every current and future resource of those services in the account.',
    remediation: "Name the resource ARNs the actions apply to, or add conditions that narrow them.",
    references: ["CKV_AWS_355", "CKV_AWS_290", "CWE-732", "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"],
    tags: ["security", "CWE-732"],
    frameworks: ["terraform", "cloudformation"],
    types: [...IAM_TYPES.terraform, ...IAM_TYPES.cloudformation],
    check: (r) => policyStatements(r, ["identity"]).filter((s) => s.effect === "Allow" && s.resources.includes("*") && !s.hasCondition && !s.actions.some((a) => a === "*" || a === "*:*") && s.actions.some((a) => !readOnlyAction(a))).map((s) => ({ path: s.resourcePath })),
    examples: {
      valid: [{ file: "main.tf", code: code`
        data "aws_iam_policy_document" "ok" {
          statement {
            actions   = ["ec2:DescribeInstances"]
            resources = ["*"]
          }
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          data "aws_iam_policy_document" "bad" {
            statement {
              actions   = ["s3:PutObject"]
              resources = ["*"]
            }
          }
        `, lines: [4] },
        { file: "template.yaml", code: code`
          Resources:
            Role:
              Type: AWS::IAM::Role
              Properties:
                AssumeRolePolicyDocument:
                  Statement:
                    - Effect: Allow
                      Principal: { Service: lambda.amazonaws.com }
                      Action: sts:AssumeRole
                Policies:
                  - PolicyName: p
                    PolicyDocument:
                      Statement:
                        - Effect: Allow
                          Action: ["s3:*"]
                          Resource: "*"
        `, lines: [16] }
      ]
    }
  },
  {
    id: "iac/aws-iam-allow-not-action",
    severity: "medium",
    title: "IAM policy allows with NotAction",
    description: "Allow with NotAction grants every action except the listed ones, including actions AWS adds later.",
    remediation: "Rewrite the statement as an explicit Action allow-list.",
    references: ["CWE-269", "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html"],
    tags: ["security", "CWE-269"],
    frameworks: ["terraform", "cloudformation"],
    types: [...IAM_TYPES.terraform, ...IAM_TYPES.cloudformation],
    check: (r) => policyStatements(r, ["identity"]).filter((s) => s.effect === "Allow" && s.notActions.length > 0).map((s) => ({ path: s.actionPath })),
    examples: {
      valid: [{ file: "main.tf", code: code`
        data "aws_iam_policy_document" "ok" {
          statement {
            effect      = "Deny"
            not_actions = ["iam:*"]
            resources   = ["*"]
          }
        }
      ` }],
      invalid: [{ file: "main.tf", code: code`
        data "aws_iam_policy_document" "bad" {
          statement {
            not_actions = ["iam:*"]
            resources   = ["*"]
          }
        }
      `, lines: [3] }]
    }
  },
  {
    id: "iac/aws-iam-trust-any-principal",
    severity: "critical",
    title: "IAM role can be assumed by anyone",
    description: 'A trust policy with Principal "*" and no condition lets any AWS account assume the role.',
    remediation: "Name the trusted accounts, roles or services in Principal, and add an sts:ExternalId or aws:PrincipalOrgID condition for third parties.",
    references: ["CKV_AWS_60", "CWE-284", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_iam_role", "AWS::IAM::Role"],
    check: (r) => policyStatements(r, ["trust"]).filter((s) => s.effect === "Allow" && isPublicPrincipal(s.principals) && !s.hasCondition).map((s) => ({ path: s.principalPath })),
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_iam_role" "ok" {
          assume_role_policy = jsonencode({
            Statement = [{
              Effect    = "Allow"
              Action    = "sts:AssumeRole"
              Principal = { Service = "ec2.amazonaws.com" }
            }]
          })
        }
      ` }],
      invalid: [{ file: "main.tf", code: code`
        resource "aws_iam_role" "bad" {
          assume_role_policy = jsonencode({
            Statement = [{
              Effect    = "Allow"
              Action    = "sts:AssumeRole"
              Principal = { AWS = "*" }
            }]
          })
        }
      `, lines: [6] }]
    }
  },
  {
    id: "iac/aws-iam-admin-policy-attached",
    severity: "high",
    title: "AdministratorAccess policy attached",
    description: "Attaching the AWS managed AdministratorAccess policy gives unrestricted access to the whole account.",
    remediation: "Attach a policy scoped to the tasks the identity performs.",
    references: [`${CIS_AWS} 1.16`, "CKV_AWS_274", "CWE-269", "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html"],
    tags: ["security", "CWE-269"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment", "aws_iam_role", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"],
    check: (r) => {
      const admin = (v) => typeof v === "string" && /:policy\/AdministratorAccess$/.test(v);
      if (r.framework === "terraform") {
        if (admin(r.body.policy_arn)) return { path: "policy_arn" };
        return each(r.body, "managed_policy_arns.*").filter((m) => admin(m.value)).map((m) => ({ path: m.path }));
      }
      return each(r.body, "ManagedPolicyArns.*").filter((m) => admin(m.value)).map((m) => ({ path: m.path }));
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_iam_role_policy_attachment" "ok" {
          role       = "app"
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_iam_role_policy_attachment" "bad" {
            role       = "app"
            policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
          }
        `, lines: [3] },
        { file: "template.yaml", code: code`
          Resources:
            User:
              Type: AWS::IAM::User
              Properties:
                ManagedPolicyArns:
                  - arn:aws:iam::aws:policy/AdministratorAccess
        `, lines: [6] }
      ]
    }
  },
  {
    id: "iac/aws-iam-user-inline-policy",
    severity: "low",
    title: "IAM policy attached directly to a user",
    description: "Policies on individual users are hard to audit and revoke; permissions belong on groups or roles.",
    remediation: "Attach the policy to a group or role and add the user to it.",
    references: [`${CIS_AWS} 1.15`, "CKV_AWS_40", "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"],
    tags: ["security"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_iam_user_policy", "aws_iam_user_policy_attachment", "AWS::IAM::User"],
    check: (r) => {
      if (r.framework === "terraform") return { path: "" };
      return r.body.Policies !== void 0 ? { path: "Policies" } : r.body.ManagedPolicyArns !== void 0 ? { path: "ManagedPolicyArns" } : void 0;
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_iam_group_policy_attachment" "ok" {
          group      = "devs"
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }
      ` }],
      invalid: [{ file: "main.tf", code: code`
        resource "aws_iam_user_policy_attachment" "bad" {
          user       = "alice"
          policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
        }
      `, lines: [1] }]
    }
  },
  attrRule({
    id: "iac/aws-iam-password-length",
    severity: "medium",
    title: "IAM password policy allows short passwords",
    description: "Passwords shorter than 14 characters fall to guessing and cracking far more easily.",
    remediation: "Set minimum_password_length to 14 or more.",
    references: [`${CIS_AWS} 1.8`, "CKV_AWS_10", "CWE-521"],
    terraform: { types: ["aws_iam_account_password_policy"], attr: "minimum_password_length", ok: 14, bad: 8, missing: "fail", pass: (v) => typeof v !== "number" || v >= 14 }
  }),
  attrRule({
    id: "iac/aws-cloudtrail-log-validation",
    severity: "medium",
    title: "CloudTrail log file validation is off",
    description: "Without log file validation, an attacker who reaches the log bucket can alter or delete trail files unnoticed.",
    remediation: "Set enable_log_file_validation (EnableLogFileValidation) to true.",
    references: [`${CIS_AWS} 3.2`, "CKV_AWS_36", "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html"],
    terraform: { types: ["aws_cloudtrail"], attr: "enable_log_file_validation", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::CloudTrail::Trail"], attr: "EnableLogFileValidation", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-cloudtrail-multi-region",
    severity: "medium",
    title: "CloudTrail trail covers one region only",
    description: "A single-region trail misses activity in every other region, where an attacker can act unrecorded.",
    remediation: "Set is_multi_region_trail (IsMultiRegionTrail) to true.",
    references: [`${CIS_AWS} 3.1`, "CKV_AWS_67", "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html"],
    terraform: { types: ["aws_cloudtrail"], attr: "is_multi_region_trail", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::CloudTrail::Trail"], attr: "IsMultiRegionTrail", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-cloudtrail-kms",
    severity: "medium",
    title: "CloudTrail logs are not encrypted with KMS",
    description: "Trail files encrypted only with S3-managed keys can be read by anyone with read access to the bucket.",
    remediation: "Set kms_key_id (KMSKeyId) to a customer-managed KMS key.",
    references: [`${CIS_AWS} 3.5`, "CKV_AWS_35", "CWE-311"],
    terraform: { types: ["aws_cloudtrail"], attr: "kms_key_id", ok: "arn:aws:kms:eu-west-1:123456789012:key/abc", bad: "", missing: "fail", pass: (v) => isSet(v) },
    cloudformation: { types: ["AWS::CloudTrail::Trail"], attr: "KMSKeyId", ok: "alias/trail", bad: "", missing: "fail", pass: (v) => isSet(v) }
  }),
  attrRule({
    id: "iac/aws-kms-rotation",
    severity: "medium",
    title: "KMS key rotation is off",
    description: "Without automatic rotation a symmetric key stays the same for its whole life, widening the blast radius of a leak.",
    remediation: "Set enable_key_rotation (EnableKeyRotation) to true on symmetric keys.",
    references: [`${CIS_AWS} 3.6`, "CKV_AWS_7", "CWE-320", "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"],
    terraform: { types: ["aws_kms_key"], attr: "enable_key_rotation", ok: true, bad: false, missing: "fail", when: (b) => (str(b.customer_master_key_spec) ?? str(b.key_spec) ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" },
    cloudformation: { types: ["AWS::KMS::Key"], attr: "EnableKeyRotation", ok: true, bad: false, missing: "fail", when: (b) => (str(b.KeySpec) ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" }
  }),
  attrRule({
    id: "iac/aws-ebs-unencrypted",
    severity: "high",
    title: "EBS volume is not encrypted",
    description: "Unencrypted volumes and their snapshots expose data at rest to anyone who gets a copy.",
    remediation: "Set encrypted (Encrypted) to true, or turn on EBS encryption by default for the account.",
    references: ["CKV_AWS_3", "CWE-311", "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"],
    terraform: { types: ["aws_ebs_volume"], attr: "encrypted", ok: true, bad: false, missing: "fail", when: (b) => b.snapshot_id === void 0 },
    cloudformation: { types: ["AWS::EC2::Volume"], attr: "Encrypted", ok: true, bad: false, missing: "fail", when: (b) => b.SnapshotId === void 0 }
  }),
  attrRule({
    id: "iac/aws-ebs-default-encryption-off",
    severity: "medium",
    title: "EBS encryption by default is turned off",
    description: "Turning off account-level EBS encryption by default lets new volumes be created unencrypted.",
    remediation: "Set enabled to true in aws_ebs_encryption_by_default.",
    references: ["CKV_AWS_106", `${CIS_AWS} 2.2.1`, "CWE-311"],
    terraform: { types: ["aws_ebs_encryption_by_default"], attr: "enabled", ok: true, bad: false, missing: "pass" }
  }),
  {
    id: "iac/aws-instance-volume-unencrypted",
    severity: "high",
    title: "EC2 instance block device is not encrypted",
    description: "Root and attached block devices without encryption leave instance data readable from snapshots and copies.",
    remediation: "Set encrypted = true in root_block_device and every ebs_block_device (Ebs.Encrypted in BlockDeviceMappings).",
    references: ["CKV_AWS_8", "CWE-311", "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"],
    tags: ["security", "CWE-311"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_instance", "aws_launch_configuration", "aws_launch_template", "AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration"],
    check: (r) => {
      const out = [];
      if (r.framework === "terraform") {
        const devices = r.type === "aws_launch_template" ? blocks(r.body, "block_device_mappings").flatMap((b) => blocks(b.value, "ebs", b.path)) : [...blocks(r.body, "root_block_device"), ...blocks(r.body, "ebs_block_device")];
        for (const d of devices) {
          const e = d.value.encrypted;
          if (d.value.snapshot_id !== void 0) continue;
          if (e === void 0) out.push({ path: `${d.path}.encrypted`, missing: true });
          else if (!unknownValue(e) && !isTrue(e)) out.push({ path: `${d.path}.encrypted` });
        }
        if (r.type === "aws_instance" && blocks(r.body, "root_block_device").length === 0) out.push({ path: "root_block_device", missing: true });
        return out;
      }
      for (const m of each(r.body, "BlockDeviceMappings.*.Ebs")) {
        if (!isObj(m.value) || m.value.SnapshotId !== void 0) continue;
        const e = m.value.Encrypted;
        if (e === void 0) out.push({ path: `${m.path}.Encrypted`, missing: true });
        else if (!unknownValue(e) && !isTrue(e)) out.push({ path: `${m.path}.Encrypted` });
      }
      return out;
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_instance" "ok" {
          ami = "ami-123"
          root_block_device {
            encrypted = true
          }
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_instance" "bad" {
            ami = "ami-123"
            root_block_device {
              encrypted = false
            }
          }
        `, lines: [4] },
        { file: "main.tf", code: code`
          resource "aws_instance" "bad" {
            ami = "ami-123"
          }
        `, lines: [1] },
        { file: "template.yaml", code: code`
          Resources:
            Vm:
              Type: AWS::EC2::Instance
              Properties:
                BlockDeviceMappings:
                  - DeviceName: /dev/sda1
                    Ebs:
                      VolumeSize: 20
        `, lines: [7] }
      ]
    }
  },
  attrRule({
    id: "iac/aws-efs-unencrypted",
    severity: "high",
    title: "EFS file system is not encrypted",
    description: "An unencrypted EFS file system stores its data in clear at rest.",
    remediation: "Set encrypted (Encrypted) to true, optionally with a customer-managed kms_key_id.",
    references: ["CKV_AWS_42", "CWE-311", "https://docs.aws.amazon.com/efs/latest/ug/encryption.html"],
    terraform: { types: ["aws_efs_file_system"], attr: "encrypted", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::EFS::FileSystem"], attr: "Encrypted", ok: true, bad: false, missing: "fail" }
  }),
  {
    id: "iac/aws-lb-http-listener",
    severity: "high",
    title: "Load balancer listener accepts plain HTTP",
    description: "An HTTP listener that does not redirect to HTTPS sends credentials and session cookies in clear over the network.",
    remediation: "Listen on HTTPS with a certificate, or make the HTTP listener's default action a redirect to HTTPS.",
    references: ["CKV_AWS_2", "CKV_AWS_103", "CWE-319", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html"],
    tags: ["security", "CWE-319"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_lb_listener", "aws_alb_listener", "aws_elb", "AWS::ElasticLoadBalancingV2::Listener", "AWS::ElasticLoadBalancing::LoadBalancer"],
    check: (r) => {
      if (r.type === "aws_elb") {
        return blocks(r.body, "listener").filter((l) => str(l.value.lb_protocol)?.toLowerCase() === "http").map((l) => ({ path: `${l.path}.lb_protocol` }));
      }
      if (r.type === "AWS::ElasticLoadBalancing::LoadBalancer") {
        return each(r.body, "Listeners.*").filter((m) => isObj(m.value) && str(m.value.Protocol)?.toUpperCase() === "HTTP").map((m) => ({ path: `${m.path}.Protocol` }));
      }
      const tf = r.framework === "terraform";
      const protocol = str(r.body[tf ? "protocol" : "Protocol"]);
      if (protocol?.toUpperCase() !== "HTTP") return void 0;
      const actions = tf ? blocks(r.body, "default_action").map((b) => b.value) : each(r.body, "DefaultActions.*").flatMap((m) => isObj(m.value) ? [m.value] : []);
      const redirects = actions.some((a) => {
        const type = str(a[tf ? "type" : "Type"])?.toLowerCase();
        if (type !== "redirect") return false;
        const proto = tf ? str(block(a, "redirect")?.value.protocol) : str(get(a, "RedirectConfig.Protocol"));
        return proto?.toUpperCase() === "HTTPS";
      });
      return redirects ? void 0 : { path: tf ? "protocol" : "Protocol" };
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_lb_listener" "ok" {
          port     = 80
          protocol = "HTTP"
          default_action {
            type = "redirect"
            redirect {
              port        = "443"
              protocol    = "HTTPS"
              status_code = "HTTP_301"
            }
          }
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_lb_listener" "bad" {
            port     = 80
            protocol = "HTTP"
            default_action {
              type             = "forward"
              target_group_arn = aws_lb_target_group.app.arn
            }
          }
        `, lines: [3] },
        { file: "template.yaml", code: code`
          Resources:
            Listener:
              Type: AWS::ElasticLoadBalancingV2::Listener
              Properties:
                Port: 80
                Protocol: HTTP
                DefaultActions:
                  - Type: forward
                    TargetGroupArn: !Ref TargetGroup
        `, lines: [6] }
      ]
    }
  },
  attrRule({
    id: "iac/aws-lb-outdated-tls-policy",
    severity: "medium",
    title: "Load balancer allows TLS 1.0 or 1.1",
    description: "Old ELB security policies still negotiate TLS 1.0/1.1 and weak ciphers.",
    remediation: "Use ssl_policy ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy).",
    references: ["CKV_AWS_103", "CWE-326", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html"],
    terraform: { types: ["aws_lb_listener", "aws_alb_listener"], attr: "ssl_policy", ok: "ELBSecurityPolicy-TLS13-1-2-2021-06", bad: "ELBSecurityPolicy-2016-08", missing: "pass", pass: (v) => typeof v !== "string" || !/^ELBSecurityPolicy-(2015-05|2016-08|TLS-1-0-2015-04|TLS-1-1-2017-01|FS-2018-06|FS-1-1-2019-08)$/.test(v) },
    cloudformation: { types: ["AWS::ElasticLoadBalancingV2::Listener"], attr: "SslPolicy", ok: "ELBSecurityPolicy-TLS13-1-2-2021-06", bad: "ELBSecurityPolicy-2016-08", missing: "pass", pass: (v) => typeof v !== "string" || !/^ELBSecurityPolicy-(2015-05|2016-08|TLS-1-0-2015-04|TLS-1-1-2017-01|FS-2018-06|FS-1-1-2019-08)$/.test(v) }
  }),
  {
    id: "iac/aws-lambda-env-secrets",
    severity: "high",
    title: "Lambda function has a secret in its environment",
    description: "Environment variables are stored with the function configuration and shown to anyone who can read it; a literal password, token or access key there is exposed.",
    remediation: "Store the secret in Secrets Manager or SSM Parameter Store and read it at runtime (or pass its ARN in the variable).",
    references: ["CKV_AWS_45", "CWE-798", "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"],
    tags: ["security", "CWE-798"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_lambda_function", "AWS::Lambda::Function", "AWS::Serverless::Function"],
    check: (r) => {
      const out = [];
      for (const { path, vars } of lambdaVariables(r)) {
        for (const [name, value] of Object.entries(vars)) {
          const v = value;
          if (looksLikeSecretName(name) && looksLikeLiteralSecret(v) || typeof v === "string" && AWS_KEY.test(v)) {
            out.push({ path: `${path}.${name}`, message: `Environment variable ${name} holds a literal secret` });
          }
        }
      }
      return out;
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_lambda_function" "ok" {
          function_name = "f"
          environment {
            variables = {
              DB_PASSWORD_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db"
              LOG_LEVEL       = "info"
            }
          }
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_lambda_function" "bad" {
            function_name = "f"
            environment {
              variables = {
                LOG_LEVEL   = "info"
                DB_PASSWORD = "hunter2hunter2"
              }
            }
          }
        `, lines: [6] },
        { file: "template.yaml", code: code`
          Transform: AWS::Serverless-2016-10-31
          Resources:
            Fn:
              Type: AWS::Serverless::Function
              Properties:
                Handler: index.handler
                Environment:
                  Variables:
                    API_TOKEN: abcd1234efgh5678
        `, lines: [9] }
      ]
    }
  },
  attrRule({
    id: "iac/aws-lambda-tracing",
    severity: "low",
    title: "Lambda X-Ray tracing is off",
    description: "Without active tracing, requests through the function cannot be followed when investigating failures or abuse.",
    remediation: 'Set tracing_config { mode = "Active" } (TracingConfig Mode: Active).',
    references: ["CKV_AWS_50", "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html"],
    tags: ["observability"],
    terraform: { types: ["aws_lambda_function"], attr: "tracing_config.mode", ok: "Active", bad: "PassThrough", missing: "fail" },
    cloudformation: { types: ["AWS::Lambda::Function"], attr: "TracingConfig.Mode", ok: "Active", bad: "PassThrough", missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-ec2-imdsv1",
    severity: "high",
    title: "EC2 instance metadata allows IMDSv1",
    description: "IMDSv1 answers unauthenticated GET requests, so an SSRF bug in the application can steal the instance role's credentials.",
    remediation: 'Set metadata_options { http_tokens = "required" } (MetadataOptions HttpTokens: required).',
    references: ["CKV_AWS_79", "CWE-918", "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html"],
    terraform: { types: ["aws_instance", "aws_launch_template"], attr: "metadata_options.http_tokens", ok: "required", bad: "optional", missing: "fail", pass: (v) => looseEquals(v, "required") },
    cloudformation: { types: ["AWS::EC2::LaunchTemplate"], attr: "LaunchTemplateData.MetadataOptions.HttpTokens", ok: "required", bad: "optional", missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-ec2-public-ip",
    severity: "low",
    title: "EC2 instance gets a public IP address",
    description: "A public address puts the instance directly on the internet, bypassing load balancers and NAT.",
    remediation: "Set associate_public_ip_address to false and expose services through a load balancer.",
    references: ["CKV_AWS_88", "CWE-284"],
    terraform: { types: ["aws_instance"], attr: "associate_public_ip_address", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) }
  }),
  {
    id: "iac/aws-ec2-user-data-secrets",
    severity: "high",
    title: "EC2 user data contains AWS credentials",
    description: "User data is readable by anyone who can describe the instance and from inside it through the metadata service.",
    remediation: "Give the instance an IAM role instead of embedding access keys in user data.",
    references: ["CKV_AWS_46", "CWE-798"],
    tags: ["security", "CWE-798"],
    frameworks: ["terraform"],
    types: ["aws_instance", "aws_launch_configuration", "aws_launch_template"],
    check: (r) => {
      const v = r.body.user_data;
      return typeof v === "string" && (AWS_KEY.test(v) || /aws_secret_access_key\s*=\s*['"]?[A-Za-z0-9/+]{40}/i.test(v)) ? { path: "user_data" } : void 0;
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_instance" "ok" {
          user_data = "echo hello"
        }
      ` }],
      invalid: [{ file: "main.tf", code: code`
        resource "aws_instance" "bad" {
          ami       = "ami-123"
          user_data = "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"
        }
      `, lines: [3] }]
    }
  },
  {
    id: "iac/aws-provider-hardcoded-keys",
    severity: "critical",
    title: "AWS provider has hard-coded credentials",
    description: "Access keys written in the provider block end up in version control and in every copy of the repository.",
    remediation: "Remove access_key/secret_key and use environment variables, a shared profile or an assumed role.",
    references: ["CKV_AWS_41", "CWE-798"],
    tags: ["security", "CWE-798"],
    frameworks: ["terraform"],
    types: ["provider.aws"],
    check: (r) => ["access_key", "secret_key"].filter((k) => looksLikeLiteralSecret(r.body[k])).map((k) => ({ path: k })),
    examples: {
      valid: [{ file: "main.tf", code: code`
        provider "aws" {
          region = "eu-west-1"
        }
      ` }],
      invalid: [{ file: "main.tf", code: code`
        provider "aws" {
          region     = "eu-west-1"
          access_key = "AKIAIOSFODNN7EXAMPLE"
        }
      `, lines: [3] }]
    }
  },
  attrRule({
    id: "iac/aws-ecr-scan-on-push",
    severity: "low",
    title: "ECR image scanning on push is off",
    description: "Images pushed without a scan can carry known vulnerabilities into production unnoticed.",
    remediation: "Set image_scanning_configuration { scan_on_push = true } (ImageScanningConfiguration ScanOnPush: true).",
    references: ["CKV_AWS_163", "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html"],
    terraform: { types: ["aws_ecr_repository"], attr: "image_scanning_configuration.scan_on_push", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::ECR::Repository"], attr: "ImageScanningConfiguration.ScanOnPush", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-ecr-mutable-tags",
    severity: "low",
    title: "ECR repository allows tags to be overwritten",
    description: "Mutable tags let a push replace the image behind a tag that deployments already trust.",
    remediation: "Set image_tag_mutability (ImageTagMutability) to IMMUTABLE.",
    references: ["CKV_AWS_51", "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html"],
    terraform: { types: ["aws_ecr_repository"], attr: "image_tag_mutability", ok: "IMMUTABLE", bad: "MUTABLE", missing: "fail" },
    cloudformation: { types: ["AWS::ECR::Repository"], attr: "ImageTagMutability", ok: "IMMUTABLE", bad: "MUTABLE", missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-dynamodb-pitr",
    severity: "low",
    title: "DynamoDB point-in-time recovery is off",
    description: "Without point-in-time recovery, a bad write or delete cannot be rolled back.",
    remediation: "Set point_in_time_recovery { enabled = true } (PointInTimeRecoverySpecification).",
    references: ["CKV_AWS_28", "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html"],
    tags: ["reliability"],
    terraform: { types: ["aws_dynamodb_table"], attr: "point_in_time_recovery.enabled", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::DynamoDB::Table"], attr: "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", ok: true, bad: false, missing: "fail" }
  }),
  {
    id: "iac/aws-sqs-unencrypted",
    severity: "medium",
    title: "SQS queue is not encrypted",
    description: "Messages in an unencrypted queue are stored in clear.",
    remediation: "Set sqs_managed_sse_enabled = true or a kms_master_key_id (SqsManagedSseEnabled / KmsMasterKeyId).",
    references: ["CKV_AWS_27", "CWE-311", "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html"],
    tags: ["security", "CWE-311"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_sqs_queue", "AWS::SQS::Queue"],
    check: (r) => {
      const tf = r.framework === "terraform";
      const managed = r.body[tf ? "sqs_managed_sse_enabled" : "SqsManagedSseEnabled"];
      const key = r.body[tf ? "kms_master_key_id" : "KmsMasterKeyId"];
      if (isSet(key) || isTrue(managed) || unknownValue(managed)) return void 0;
      return isFalse(managed) ? { path: tf ? "sqs_managed_sse_enabled" : "SqsManagedSseEnabled" } : { path: tf ? "kms_master_key_id" : "KmsMasterKeyId", missing: true };
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_sqs_queue" "ok" {
          name                    = "q"
          sqs_managed_sse_enabled = true
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_sqs_queue" "bad" {
            name                    = "q"
            sqs_managed_sse_enabled = false
          }
        `, lines: [3] },
        { file: "template.yaml", code: code`
          Resources:
            Queue:
              Type: AWS::SQS::Queue
              Properties:
                QueueName: q
        `, lines: [2] }
      ]
    }
  },
  attrRule({
    id: "iac/aws-sns-unencrypted",
    severity: "medium",
    title: "SNS topic is not encrypted",
    description: "Messages published to an unencrypted topic are stored in clear.",
    remediation: "Set kms_master_key_id (KmsMasterKeyId), for example alias/aws/sns.",
    references: ["CKV_AWS_26", "CWE-311"],
    terraform: { types: ["aws_sns_topic"], attr: "kms_master_key_id", ok: "alias/aws/sns", bad: "", missing: "fail", pass: (v) => isSet(v) },
    cloudformation: { types: ["AWS::SNS::Topic"], attr: "KmsMasterKeyId", ok: "alias/aws/sns", bad: "", missing: "fail", pass: (v) => isSet(v) }
  }),
  attrRule({
    id: "iac/aws-elasticache-transit-encryption",
    severity: "medium",
    title: "ElastiCache replication group does not encrypt in transit",
    description: "Without in-transit encryption, cached data and AUTH tokens travel in clear inside the VPC.",
    remediation: "Set transit_encryption_enabled (TransitEncryptionEnabled) to true.",
    references: ["CKV_AWS_30", "CWE-319"],
    terraform: { types: ["aws_elasticache_replication_group"], attr: "transit_encryption_enabled", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::ElastiCache::ReplicationGroup"], attr: "TransitEncryptionEnabled", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-elasticache-rest-encryption",
    severity: "medium",
    title: "ElastiCache replication group does not encrypt at rest",
    description: "Without at-rest encryption, backups and swap hold cached data in clear.",
    remediation: "Set at_rest_encryption_enabled (AtRestEncryptionEnabled) to true.",
    references: ["CKV_AWS_29", "CWE-311"],
    terraform: { types: ["aws_elasticache_replication_group"], attr: "at_rest_encryption_enabled", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::ElastiCache::ReplicationGroup"], attr: "AtRestEncryptionEnabled", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-redshift-public",
    severity: "high",
    title: "Redshift cluster is publicly accessible",
    description: "A publicly accessible cluster can be reached from the internet.",
    remediation: "Set publicly_accessible (PubliclyAccessible) to false.",
    references: ["CKV_AWS_87", "CWE-284"],
    terraform: { types: ["aws_redshift_cluster"], attr: "publicly_accessible", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
    cloudformation: { types: ["AWS::Redshift::Cluster"], attr: "PubliclyAccessible", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) }
  }),
  attrRule({
    id: "iac/aws-redshift-unencrypted",
    severity: "high",
    title: "Redshift cluster is not encrypted",
    description: "An unencrypted data warehouse stores its data and snapshots in clear.",
    remediation: "Set encrypted (Encrypted) to true.",
    references: ["CKV_AWS_64", "CWE-311"],
    terraform: { types: ["aws_redshift_cluster"], attr: "encrypted", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::Redshift::Cluster"], attr: "Encrypted", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-opensearch-rest-encryption",
    severity: "high",
    title: "OpenSearch domain is not encrypted at rest",
    description: "Indices, logs and snapshots of the domain are stored in clear.",
    remediation: "Set encrypt_at_rest { enabled = true } (EncryptionAtRestOptions Enabled: true).",
    references: ["CKV_AWS_5", "CWE-311"],
    terraform: { types: ["aws_elasticsearch_domain", "aws_opensearch_domain"], attr: "encrypt_at_rest.enabled", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::Elasticsearch::Domain", "AWS::OpenSearchService::Domain"], attr: "EncryptionAtRestOptions.Enabled", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-opensearch-node-encryption",
    severity: "medium",
    title: "OpenSearch node-to-node encryption is off",
    description: "Traffic between the domain's nodes travels in clear.",
    remediation: "Set node_to_node_encryption { enabled = true } (NodeToNodeEncryptionOptions Enabled: true).",
    references: ["CKV_AWS_6", "CWE-319"],
    terraform: { types: ["aws_elasticsearch_domain", "aws_opensearch_domain"], attr: "node_to_node_encryption.enabled", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::Elasticsearch::Domain", "AWS::OpenSearchService::Domain"], attr: "NodeToNodeEncryptionOptions.Enabled", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-opensearch-https",
    severity: "medium",
    title: "OpenSearch domain does not enforce HTTPS",
    description: "Clients may talk to the domain endpoint over plain HTTP.",
    remediation: "Set domain_endpoint_options { enforce_https = true } (DomainEndpointOptions EnforceHTTPS: true).",
    references: ["CKV_AWS_83", "CWE-319"],
    terraform: { types: ["aws_elasticsearch_domain", "aws_opensearch_domain"], attr: "domain_endpoint_options.enforce_https", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::Elasticsearch::Domain", "AWS::OpenSearchService::Domain"], attr: "DomainEndpointOptions.EnforceHTTPS", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-cloudfront-http",
    severity: "medium",
    title: "CloudFront allows plain HTTP to viewers",
    description: "viewer_protocol_policy allow-all serves content over HTTP, open to tampering and eavesdropping.",
    remediation: "Set viewer_protocol_policy (ViewerProtocolPolicy) to redirect-to-https or https-only.",
    references: ["CKV_AWS_34", "CWE-319"],
    terraform: { types: ["aws_cloudfront_distribution"], attr: "default_cache_behavior.viewer_protocol_policy", ok: "redirect-to-https", bad: "allow-all", missing: "pass", pass: (v) => !looseEquals(v, "allow-all") },
    cloudformation: { types: ["AWS::CloudFront::Distribution"], attr: "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy", ok: "redirect-to-https", bad: "allow-all", missing: "pass", pass: (v) => !looseEquals(v, "allow-all") }
  }),
  attrRule({
    id: "iac/aws-eks-public-endpoint",
    severity: "medium",
    title: "EKS API endpoint is public",
    description: "A public cluster endpoint exposes the Kubernetes API to the internet.",
    remediation: "Set vpc_config { endpoint_public_access = false } or restrict public_access_cidrs.",
    references: ["CKV_AWS_39", "CWE-284", "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html"],
    terraform: { types: ["aws_eks_cluster"], attr: "vpc_config.endpoint_public_access", ok: false, bad: true, missing: "fail", pass: (v) => !isTrue(v) }
  }),
  attrRule({
    id: "iac/aws-eks-secrets-encryption",
    severity: "medium",
    title: "EKS secrets are not encrypted with KMS",
    description: "Without envelope encryption, Kubernetes secrets are stored in etcd protected only by the default disk encryption.",
    remediation: 'Add encryption_config { resources = ["secrets"] provider { key_arn = ... } }.',
    references: ["CKV_AWS_58", "CWE-311"],
    terraform: { types: ["aws_eks_cluster"], attr: "encryption_config.resources", ok: ["secrets"], bad: [], missing: "fail", pass: (v) => strings(v).includes("secrets") }
  }),
  {
    id: "iac/aws-ecs-privileged",
    severity: "high",
    title: "ECS task runs a privileged container",
    description: "A privileged container has full access to the host, so a compromise of the container is a compromise of the instance.",
    remediation: "Remove privileged: true from the container definition.",
    references: ["CKV_AWS_97", "CWE-250"],
    tags: ["security", "CWE-250"],
    frameworks: ["terraform", "cloudformation"],
    types: ["aws_ecs_task_definition", "AWS::ECS::TaskDefinition"],
    check: (r) => {
      if (r.framework === "terraform") {
        const raw = r.body.container_definitions;
        let defs = raw;
        if (typeof raw === "string") {
          try {
            defs = JSON.parse(raw);
          } catch {
            return void 0;
          }
        }
        return Array.isArray(defs) && defs.some((d) => isObj(d) && d.privileged === true) ? { path: "container_definitions" } : void 0;
      }
      return each(r.body, "ContainerDefinitions.*.Privileged").filter((m) => isTrue(m.value)).map((m) => ({ path: m.path }));
    },
    examples: {
      valid: [{ file: "main.tf", code: code`
        resource "aws_ecs_task_definition" "ok" {
          family                = "app"
          container_definitions = jsonencode([{ name = "app", image = "app:1.0" }])
        }
      ` }],
      invalid: [
        { file: "main.tf", code: code`
          resource "aws_ecs_task_definition" "bad" {
            family                = "app"
            container_definitions = jsonencode([{ name = "app", image = "app:1.0", privileged = true }])
          }
        `, lines: [3] },
        { file: "template.yaml", code: code`
          Resources:
            Task:
              Type: AWS::ECS::TaskDefinition
              Properties:
                ContainerDefinitions:
                  - Name: app
                    Image: app:1.0
                    Privileged: true
        `, lines: [8] }
      ]
    }
  },
  attrRule({
    id: "iac/aws-kinesis-unencrypted",
    severity: "medium",
    title: "Kinesis stream is not encrypted",
    description: "Records in an unencrypted stream are stored in clear.",
    remediation: 'Set encryption_type = "KMS" with a kms_key_id (StreamEncryption).',
    references: ["CKV_AWS_43", "CWE-311"],
    terraform: { types: ["aws_kinesis_stream"], attr: "encryption_type", ok: "KMS", bad: "NONE", missing: "fail" },
    cloudformation: { types: ["AWS::Kinesis::Stream"], attr: "StreamEncryption.EncryptionType", ok: "KMS", bad: "NONE", missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-docdb-unencrypted",
    severity: "high",
    title: "DocumentDB cluster is not encrypted",
    description: "Cluster storage and snapshots are stored in clear.",
    remediation: "Set storage_encrypted (StorageEncrypted) to true.",
    references: ["CKV_AWS_74", "CWE-311"],
    terraform: { types: ["aws_docdb_cluster", "aws_neptune_cluster"], attr: "storage_encrypted", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster"], attr: "StorageEncrypted", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-msk-plaintext",
    severity: "medium",
    title: "MSK cluster accepts plaintext clients",
    description: "Producers and consumers may talk to the brokers without TLS.",
    remediation: 'Set encryption_info { encryption_in_transit { client_broker = "TLS" } }.',
    references: ["CKV_AWS_81", "CWE-319"],
    terraform: { types: ["aws_msk_cluster"], attr: "encryption_info.encryption_in_transit.client_broker", ok: "TLS", bad: "TLS_PLAINTEXT", missing: "pass", pass: (v) => looseEquals(v, "TLS") }
  }),
  attrRule({
    id: "iac/aws-codebuild-privileged",
    severity: "medium",
    title: "CodeBuild project runs in privileged mode",
    description: "Privileged mode gives the build container root on the build host (usually to run Docker).",
    remediation: "Set environment { privileged_mode = false } unless the build really builds images.",
    references: ["CWE-250", "https://docs.aws.amazon.com/codebuild/latest/userguide/create-project.html"],
    terraform: { types: ["aws_codebuild_project"], attr: "environment.privileged_mode", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) }
  }),
  attrRule({
    id: "iac/aws-api-gateway-no-auth",
    severity: "medium",
    title: "API Gateway method has no authorization",
    description: "authorization NONE lets anyone on the internet call the method.",
    remediation: "Set authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM (or require an API key).",
    references: ["CKV_AWS_59", "CWE-306"],
    terraform: { types: ["aws_api_gateway_method"], attr: "authorization", ok: "AWS_IAM", bad: "NONE", missing: "pass", pass: (v) => !looseEquals(v, "NONE") },
    cloudformation: { types: ["AWS::ApiGateway::Method"], attr: "AuthorizationType", ok: "AWS_IAM", bad: "NONE", missing: "pass", pass: (v) => !looseEquals(v, "NONE") }
  }),
  attrRule({
    id: "iac/aws-sagemaker-direct-internet",
    severity: "medium",
    title: "SageMaker notebook has direct internet access",
    description: "Direct internet access bypasses the VPC's egress controls.",
    remediation: "Set direct_internet_access (DirectInternetAccess) to Disabled and run the notebook in a VPC.",
    references: ["CKV_AWS_122", "CWE-284"],
    terraform: { types: ["aws_sagemaker_notebook_instance"], attr: "direct_internet_access", ok: "Disabled", bad: "Enabled", missing: "fail" },
    cloudformation: { types: ["AWS::SageMaker::NotebookInstance"], attr: "DirectInternetAccess", ok: "Disabled", bad: "Enabled", missing: "fail" }
  }),
  attrRule({
    id: "iac/aws-cloudwatch-log-retention",
    severity: "low",
    title: "CloudWatch log group keeps logs forever or not long enough",
    description: "Without a retention period logs are kept (and billed) forever; with less than a year, incident investigations lack history.",
    remediation: "Set retention_in_days (RetentionInDays) to 365 or more.",
    references: ["CKV_AWS_338", "CKV_AWS_66"],
    tags: ["observability"],
    terraform: { types: ["aws_cloudwatch_log_group"], attr: "retention_in_days", ok: 365, bad: 7, missing: "fail", pass: (v) => typeof v !== "number" || v === 0 || v >= 365 },
    cloudformation: { types: ["AWS::Logs::LogGroup"], attr: "RetentionInDays", ok: 365, bad: 7, missing: "fail", pass: (v) => typeof v !== "number" || v >= 365 }
  }),
  attrRule({
    id: "iac/aws-lb-drop-invalid-headers",
    severity: "low",
    title: "Application load balancer forwards invalid HTTP headers",
    description: "Forwarding malformed headers enables HTTP request smuggling against the targets.",
    remediation: "Set drop_invalid_header_fields = true.",
    references: ["CKV_AWS_131", "CWE-444"],
    terraform: { types: ["aws_lb", "aws_alb"], attr: "drop_invalid_header_fields", ok: true, bad: false, missing: "fail", when: (b) => (str(b.load_balancer_type) ?? "application") === "application" }
  }),
  {
    id: "iac/aws-elb-access-logs",
    severity: "low",
    title: "Load balancer access logging is off",
    description: "Without access logs there is no record of requests for incident response.",
    remediation: "Add access_logs { bucket = ... enabled = true }.",
    references: ["CKV_AWS_91", "CWE-778"],
    tags: ["observability"],
    frameworks: ["terraform"],
    types: ["aws_lb", "aws_alb", "aws_elb"],
    check: (r) => {
      const logs = block(r.body, "access_logs");
      if (!logs) return { path: "access_logs", missing: true };
      const e = logs.value.enabled;
      return e !== void 0 && !unknownValue(e) && !isTrue(e) ? { path: `${logs.path}.enabled` } : void 0;
    },
    examples: {
      valid: [{ file: "main.tf", code: 'resource "aws_lb" "ok" {\n  access_logs {\n    bucket = "logs"\n  }\n}\n' }],
      invalid: [
        { file: "main.tf", code: 'resource "aws_lb" "bad" {\n  name = "web"\n}\n', lines: [1] },
        { file: "main.tf", code: 'resource "aws_lb" "bad" {\n  access_logs {\n    bucket  = "logs"\n    enabled = false\n  }\n}\n', lines: [4] }
      ]
    }
  }
];

// src/scanners/iac/rules/kubernetes.ts
var PSS = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";
function pod(container = [], spec = [], meta = ["namespace: prod"]) {
  return [
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  name: app",
    ...meta.map((l) => `  ${l}`),
    "spec:",
    ...spec.map((l) => `  ${l}`),
    "  containers:",
    "    - name: app",
    "      image: nginx:1.25",
    ...container.map((l) => `      ${l}`),
    ""
  ].join("\n");
}
function cline(n, spec = [], meta = 1) {
  return 4 + meta + 1 + spec.length + 3 + n;
}
function sline(n, meta = 1) {
  return 4 + meta + 1 + n;
}
var CONTAINER_LINE = (spec = []) => cline(-1, spec);
function effective(r, c, key) {
  const own = get(c.value, `securityContext.${key}`);
  if (own !== void 0) return { value: own, path: `${c.path}.securityContext.${key}` };
  const spec = podSpec(r);
  const podValue = spec ? get(spec.value, `securityContext.${key}`) : void 0;
  if (podValue !== void 0 && spec) return { value: podValue, path: `${spec.path}.securityContext.${key}` };
  return void 0;
}
function containerRule(input) {
  return {
    id: input.id,
    severity: input.severity,
    title: input.title,
    description: input.description,
    remediation: input.remediation,
    references: input.references,
    tags: input.tags ?? ["security"],
    frameworks: ["kubernetes"],
    types: WORKLOAD_KINDS,
    check: (r) => {
      if (input.skipJobs && (r.type === "Job" || r.type === "CronJob")) return [];
      return containers(r, { init: !input.appOnly }).filter((c) => !(input.appOnly && c.init)).flatMap((c) => {
        const out = input.check(c, r);
        return out === void 0 ? [] : Array.isArray(out) ? out : [out];
      });
    },
    examples: input.examples
  };
}
function podRule(input) {
  return {
    id: input.id,
    severity: input.severity,
    title: input.title,
    description: input.description,
    remediation: input.remediation,
    references: input.references,
    tags: input.tags ?? ["security"],
    frameworks: ["kubernetes"],
    types: WORKLOAD_KINDS,
    check: (r) => {
      const spec = podSpec(r);
      return spec ? input.check(spec, r) : void 0;
    },
    examples: input.examples
  };
}
var DANGEROUS_CAPS = /* @__PURE__ */ new Set(["ALL", "SYS_ADMIN", "NET_ADMIN", "NET_RAW", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF", "PERFMON", "SYS_BOOT"]);
var SAFE_SYSCTLS = /* @__PURE__ */ new Set(["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"]);
var NAMESPACED = [...WORKLOAD_KINDS, "Service", "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding", "Ingress", "NetworkPolicy", "PersistentVolumeClaim", "HorizontalPodAutoscaler", "PodDisruptionBudget"];
function resourceRule(kind, res, severity, ckv) {
  return containerRule({
    id: `iac/k8s-${res}-${kind === "limits" ? "limit" : "request"}-missing`,
    severity,
    title: `Container has no ${res.toUpperCase() === "CPU" ? "CPU" : "memory"} ${kind === "limits" ? "limit" : "request"}`,
    description: kind === "limits" ? `Without resources.limits.${res} one container can starve every other workload on the node (noisy neighbour or denial of service).` : `Without resources.requests.${res} the scheduler cannot place the pod sensibly and it is the first to be evicted under pressure.`,
    remediation: `Set resources.${kind}.${res} on every container.`,
    references: [ckv, "https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/"],
    tags: ["reliability"],
    check: (c) => !c.ephemeral && get(c.value, `resources.${kind}.${res}`) === void 0 ? { path: `${c.path}.resources.${kind}.${res}`, missing: true } : void 0,
    examples: {
      valid: [{ code: pod(["resources:", `  ${kind}:`, `    ${res}: ${res === "cpu" ? "500m" : "256Mi"}`]) }],
      invalid: [
        { code: pod(), lines: [CONTAINER_LINE()] },
        { code: pod(["resources:", `  ${kind === "limits" ? "requests" : "limits"}:`, `    ${res}: ${res === "cpu" ? "500m" : "256Mi"}`]), lines: [cline(1)] }
      ]
    }
  });
}
var kubernetesRules = [
  containerRule({
    id: "iac/k8s-privileged-container",
    severity: "high",
    title: "Container runs privileged",
    description: "A privileged container has every capability and access to the host's devices: escaping to the node is trivial.",
    remediation: "Remove securityContext.privileged or set it to false.",
    references: ["CKV_K8S_16", "CWE-250", PSS],
    check: (c) => isTrue(get(c.value, "securityContext.privileged")) ? { path: `${c.path}.securityContext.privileged` } : void 0,
    examples: {
      valid: [{ code: pod(["securityContext:", "  privileged: false"]) }],
      invalid: [{ code: pod(["securityContext:", "  privileged: true"]), lines: [cline(2)] }]
    }
  }),
  containerRule({
    id: "iac/k8s-allow-privilege-escalation",
    severity: "medium",
    title: "Container allows privilege escalation",
    description: "Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent (setuid binaries), which helps an attacker who got in.",
    remediation: "Set securityContext.allowPrivilegeEscalation: false on every container.",
    references: ["CKV_K8S_20", "CWE-269", PSS],
    check: (c) => {
      const v = get(c.value, "securityContext.allowPrivilegeEscalation");
      if (v === void 0) return { path: `${c.path}.securityContext.allowPrivilegeEscalation`, missing: true };
      return v === false || v === "false" ? void 0 : { path: `${c.path}.securityContext.allowPrivilegeEscalation` };
    },
    examples: {
      valid: [{ code: pod(["securityContext:", "  allowPrivilegeEscalation: false"]) }],
      invalid: [
        { code: pod(["securityContext:", "  allowPrivilegeEscalation: true"]), lines: [cline(2)] },
        { code: pod(), lines: [CONTAINER_LINE()] }
      ]
    }
  }),
  containerRule({
    id: "iac/k8s-run-as-root",
    severity: "medium",
    title: "Container may run as root",
    description: "Without runAsNonRoot: true (or a non-zero runAsUser) the container runs as whatever user the image says, usually root.",
    remediation: "Set securityContext.runAsNonRoot: true (pod or container level) and a non-zero runAsUser.",
    references: ["CKV_K8S_23", "CWE-250", PSS],
    check: (c, r) => {
      const nonRoot = effective(r, c, "runAsNonRoot");
      const user = effective(r, c, "runAsUser");
      if (user && num(user.value) === 0) return void 0;
      if (nonRoot && isTrue(nonRoot.value)) return void 0;
      if (user && (num(user.value) ?? 0) > 0) return void 0;
      if (nonRoot && !isTrue(nonRoot.value)) return { path: nonRoot.path };
      return { path: `${c.path}.securityContext.runAsNonRoot`, missing: true };
    },
    examples: {
      valid: [{ code: pod([], ["securityContext:", "  runAsNonRoot: true"]) }, { code: pod(["securityContext:", "  runAsUser: 10001"]) }],
      invalid: [
        { code: pod(), lines: [CONTAINER_LINE()] },
        { code: pod(["securityContext:", "  runAsNonRoot: false"]), lines: [cline(2)] }
      ]
    }
  }),
  containerRule({
    id: "iac/k8s-run-as-user-0",
    severity: "high",
    title: "Container runs as UID 0",
    description: "runAsUser: 0 explicitly runs the container as root.",
    remediation: "Set runAsUser to a non-zero UID and runAsNonRoot: true.",
    references: ["CWE-250", PSS],
    check: (c, r) => {
      const user = effective(r, c, "runAsUser");
      return user && num(user.value) === 0 ? { path: user.path } : void 0;
    },
    examples: {
      valid: [{ code: pod(["securityContext:", "  runAsUser: 10001"]) }],
      invalid: [{ code: pod(["securityContext:", "  runAsUser: 0"]), lines: [cline(2)] }, { code: pod([], ["securityContext:", "  runAsUser: 0"]), lines: [sline(2)] }]
    }
  }),
  ...["hostNetwork", "hostPID", "hostIPC"].map(
    (key, i) => podRule({
      id: `iac/k8s-${key.replace("host", "host-").toLowerCase()}`,
      severity: "high",
      title: `Pod shares the host's ${key === "hostNetwork" ? "network" : key === "hostPID" ? "process" : "IPC"} namespace`,
      description: key === "hostNetwork" ? "hostNetwork gives the pod the node's network stack: it can sniff traffic and reach services bound to localhost." : key === "hostPID" ? "hostPID lets the pod see and signal every process on the node, and read their environment." : "hostIPC lets the pod read and write shared memory of every process on the node.",
      remediation: `Remove ${key} or set it to false.`,
      references: [["CKV_K8S_19", "CKV_K8S_17", "CKV_K8S_18"][i] ?? "", "CWE-250", PSS],
      check: (spec) => isTrue(spec.value[key]) ? { path: `${spec.path}.${key}` } : void 0,
      examples: {
        valid: [{ code: pod([], [`${key}: false`]) }],
        invalid: [{ code: pod([], [`${key}: true`]), lines: [sline(1)] }]
      }
    })
  ),
  podRule({
    id: "iac/k8s-host-path",
    severity: "medium",
    title: "Pod mounts a host path",
    description: "hostPath volumes expose the node's file system to the pod; a writable mount of the wrong directory is a path to the node.",
    remediation: "Use persistent volumes, configMaps, secrets or emptyDir instead of hostPath.",
    references: ["CKV_K8S_27", "CWE-284", PSS],
    check: (spec) => each(spec.value, "volumes.*").filter((m) => isObj(m.value) && m.value.hostPath !== void 0).map((m) => ({ path: `${spec.path}.${m.path}.hostPath` })),
    examples: {
      valid: [{ code: pod([], ["volumes:", "  - name: data", "    emptyDir: {}"]) }],
      invalid: [{ code: pod([], ["volumes:", "  - name: data", "    hostPath:", "      path: /etc"]), lines: [sline(3)] }]
    }
  }),
  podRule({
    id: "iac/k8s-docker-socket",
    severity: "critical",
    title: "Pod mounts the container runtime socket",
    description: "Access to docker.sock or containerd.sock is root on the node: the pod can start privileged containers at will.",
    remediation: "Do not mount the runtime socket; use a rootless builder (BuildKit, kaniko) or the Kubernetes API.",
    references: ["CKV_K8S_27", "CWE-250"],
    check: (spec) => each(spec.value, "volumes.*.hostPath.path").filter((m) => typeof m.value === "string" && /(docker|containerd|crio|cri-dockerd)\.sock$|^\/var\/run\/?$|^\/run\/containerd\/?$/.test(m.value)).map((m) => ({ path: `${spec.path}.${m.path}` })),
    examples: {
      valid: [{ code: pod([], ["volumes:", "  - name: data", "    hostPath:", "      path: /data"]) }],
      invalid: [{ code: pod([], ["volumes:", "  - name: sock", "    hostPath:", "      path: /var/run/docker.sock"]), lines: [sline(4)] }]
    }
  }),
  containerRule({
    id: "iac/k8s-dangerous-capabilities",
    severity: "high",
    title: "Container adds a dangerous capability",
    description: "Capabilities such as SYS_ADMIN, NET_ADMIN, NET_RAW or ALL give root-like powers over the node or its network.",
    remediation: "Remove the capability from securityContext.capabilities.add; drop ALL and add back only what the process needs.",
    references: ["CKV_K8S_39", "CKV_K8S_25", "CWE-250", PSS],
    check: (c) => each(c.value, "securityContext.capabilities.add.*").filter((m) => typeof m.value === "string" && DANGEROUS_CAPS.has(m.value.toUpperCase().replace(/^CAP_/, ""))).map((m) => ({ path: `${c.path}.${m.path}`, message: `Container adds capability ${String(m.value)}` })),
    examples: {
      valid: [{ code: pod(["securityContext:", "  capabilities:", "    add: [NET_BIND_SERVICE]"]) }],
      invalid: [{ code: pod(["securityContext:", "  capabilities:", "    add:", "      - SYS_ADMIN"]), lines: [cline(4)] }]
    }
  }),
  containerRule({
    id: "iac/k8s-net-raw-not-dropped",
    severity: "low",
    title: "Container keeps the NET_RAW capability",
    description: "NET_RAW (granted by default) allows crafting packets for ARP and DNS spoofing inside the cluster network.",
    remediation: "Add securityContext.capabilities.drop: [ALL] (or at least NET_RAW).",
    references: ["CKV_K8S_28", "CKV_K8S_37", PSS],
    check: (c) => {
      const drop = strings(get(c.value, "securityContext.capabilities.drop")).map((x) => x.toUpperCase());
      if (drop.includes("ALL") || drop.includes("NET_RAW") || drop.includes("CAP_NET_RAW")) return void 0;
      return { path: `${c.path}.securityContext.capabilities.drop`, missing: get(c.value, "securityContext.capabilities.drop") === void 0 };
    },
    examples: {
      valid: [{ code: pod(["securityContext:", "  capabilities:", "    drop: [ALL]"]) }],
      invalid: [{ code: pod(), lines: [CONTAINER_LINE()] }, { code: pod(["securityContext:", "  capabilities:", "    drop: [MKNOD]"]), lines: [cline(3)] }]
    }
  }),
  containerRule({
    id: "iac/k8s-writable-root-fs",
    severity: "low",
    title: "Container root file system is writable",
    description: "A writable root file system lets an attacker drop tools and persist changes inside the container.",
    remediation: "Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the app must write.",
    references: ["CKV_K8S_22", "CWE-732"],
    check: (c) => {
      const v = get(c.value, "securityContext.readOnlyRootFilesystem");
      if (v === void 0) return { path: `${c.path}.securityContext.readOnlyRootFilesystem`, missing: true };
      return isTrue(v) ? void 0 : { path: `${c.path}.securityContext.readOnlyRootFilesystem` };
    },
    examples: {
      valid: [{ code: pod(["securityContext:", "  readOnlyRootFilesystem: true"]) }],
      invalid: [{ code: pod(["securityContext:", "  readOnlyRootFilesystem: false"]), lines: [cline(2)] }, { code: pod(), lines: [CONTAINER_LINE()] }]
    }
  }),
  resourceRule("limits", "cpu", "low", "CKV_K8S_11"),
  resourceRule("limits", "memory", "medium", "CKV_K8S_13"),
  resourceRule("requests", "cpu", "low", "CKV_K8S_10"),
  resourceRule("requests", "memory", "low", "CKV_K8S_12"),
  containerRule({
    id: "iac/k8s-image-latest",
    severity: "medium",
    title: "Container image uses the latest tag or no tag",
    description: "An image without a fixed tag or digest changes under you: deployments are not reproducible and a poisoned push rolls out silently.",
    remediation: "Pin the image to a version tag, or better a digest (image@sha256:...).",
    references: ["CKV_K8S_14", "CWE-1357"],
    check: (c) => {
      const image = str(c.value.image);
      const bad = image === void 0 ? void 0 : badImageTag(image);
      return bad ? { path: `${c.path}.image`, message: `Image ${image ?? ""} is ${bad === "latest" ? "tagged latest" : "not tagged"}` } : void 0;
    },
    examples: {
      valid: [{ code: pod() }],
      invalid: [{ code: pod().replace("nginx:1.25", "nginx:latest"), lines: [CONTAINER_LINE() + 1] }, { code: pod().replace("nginx:1.25", "registry.example.com:5000/nginx"), lines: [CONTAINER_LINE() + 1] }]
    }
  }),
  {
    id: "iac/k8s-default-namespace",
    severity: "low",
    title: "Object is placed in the default namespace",
    description: "Workloads in the default namespace share it with everything else nobody thought about, so RBAC and network policies cannot separate them.",
    remediation: "Set metadata.namespace to a dedicated namespace.",
    references: ["CKV_K8S_21", "https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/"],
    tags: ["security"],
    frameworks: ["kubernetes"],
    types: NAMESPACED,
    check: (r) => {
      const ns = get(r.body, "metadata.namespace");
      if (ns === void 0) return { path: "metadata.namespace", missing: true, line: r.line };
      return ns === "default" ? { path: "metadata.namespace" } : void 0;
    },
    examples: {
      valid: [{ code: pod() }],
      invalid: [{ code: pod([], [], []), lines: [1] }, { code: pod([], [], ["namespace: default"]), lines: [5] }]
    }
  },
  containerRule({
    id: "iac/k8s-secret-in-env",
    severity: "high",
    title: "Secret written as a literal environment value",
    description: "A password or token in env[].value is stored in the manifest, in version control and in every copy of the object.",
    remediation: "Put the value in a Secret and reference it with env[].valueFrom.secretKeyRef (or mount it as a file).",
    references: ["CKV_K8S_35", "CWE-798"],
    tags: ["security", "CWE-798"],
    check: (c) => each(c.value, "env.*").filter((m) => isObj(m.value) && typeof m.value.name === "string" && looksLikeSecretName(m.value.name) && looksLikeLiteralSecret(m.value.value)).map((m) => ({ path: `${c.path}.${m.path}.value`, message: `Environment variable ${String(isObj(m.value) ? m.value.name : "")} holds a literal secret` })),
    examples: {
      valid: [{ code: pod(["env:", "  - name: DB_PASSWORD", "    valueFrom:", "      secretKeyRef: { name: db, key: password }"]) }],
      invalid: [{ code: pod(["env:", "  - name: DB_PASSWORD", "    value: s3cr3t-passw0rd"]), lines: [cline(3)] }]
    }
  }),
  podRule({
    id: "iac/k8s-automount-service-account-token",
    severity: "low",
    title: "Service account token is mounted automatically",
    description: "Every process in the pod can read the mounted API token; most applications never call the Kubernetes API and should not hold one.",
    remediation: "Set automountServiceAccountToken: false in the pod spec (or on the service account) unless the pod talks to the API.",
    references: ["CKV_K8S_38", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"],
    check: (spec) => {
      const v = spec.value.automountServiceAccountToken;
      if (v === void 0) return { path: `${spec.path}.automountServiceAccountToken`, missing: true };
      return v === false || v === "false" ? void 0 : { path: `${spec.path}.automountServiceAccountToken` };
    },
    examples: {
      valid: [{ code: pod([], ["automountServiceAccountToken: false"]) }],
      invalid: [{ code: pod([], ["automountServiceAccountToken: true"]), lines: [sline(1)] }, { code: pod(), lines: [6] }]
    }
  }),
  containerRule({
    id: "iac/k8s-liveness-probe-missing",
    severity: "low",
    title: "Container has no liveness probe",
    description: "Without a liveness probe a hung process keeps receiving traffic until someone notices.",
    remediation: "Add a livenessProbe (httpGet, tcpSocket, grpc or exec).",
    references: ["CKV_K8S_8", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
    tags: ["reliability"],
    appOnly: true,
    skipJobs: true,
    check: (c) => c.value.livenessProbe === void 0 ? { path: `${c.path}.livenessProbe`, missing: true } : void 0,
    examples: {
      valid: [{ code: pod(["livenessProbe:", "  httpGet: { path: /healthz, port: 8080 }"]) }],
      invalid: [{ code: pod(), lines: [CONTAINER_LINE()] }]
    }
  }),
  containerRule({
    id: "iac/k8s-readiness-probe-missing",
    severity: "low",
    title: "Container has no readiness probe",
    description: "Without a readiness probe, traffic reaches the pod before it can serve and during restarts.",
    remediation: "Add a readinessProbe (httpGet, tcpSocket, grpc or exec).",
    references: ["CKV_K8S_9", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/"],
    tags: ["reliability"],
    appOnly: true,
    skipJobs: true,
    check: (c) => c.value.readinessProbe === void 0 ? { path: `${c.path}.readinessProbe`, missing: true } : void 0,
    examples: {
      valid: [{ code: pod(["readinessProbe:", "  tcpSocket: { port: 8080 }"]) }],
      invalid: [{ code: pod(), lines: [CONTAINER_LINE()] }]
    }
  }),
  containerRule({
    id: "iac/k8s-seccomp-unconfined",
    severity: "low",
    title: "Container runs without a seccomp profile",
    description: "Without seccomp (RuntimeDefault or a local profile) the container can call every system call, widening the kernel attack surface.",
    remediation: "Set securityContext.seccompProfile.type: RuntimeDefault at pod or container level.",
    references: ["CKV_K8S_31", PSS],
    check: (c, r) => {
      const t = effective(r, c, "seccompProfile");
      const type = t && isObj(t.value) ? str(t.value.type) : void 0;
      if (type === "RuntimeDefault" || type === "Localhost") return void 0;
      const annotations = get(r.body, "metadata.annotations");
      if (isObj(annotations) && Object.entries(annotations).some(([k, v]) => k.startsWith("seccomp.security.alpha.kubernetes.io") && v !== "unconfined")) return void 0;
      return t ? { path: `${t.path}.type` } : { path: `${c.path}.securityContext.seccompProfile`, missing: true };
    },
    examples: {
      valid: [{ code: pod([], ["securityContext:", "  seccompProfile:", "    type: RuntimeDefault"]) }],
      invalid: [{ code: pod(), lines: [CONTAINER_LINE()] }, { code: pod(["securityContext:", "  seccompProfile:", "    type: Unconfined"]), lines: [cline(3)] }]
    }
  }),
  containerRule({
    id: "iac/k8s-host-port",
    severity: "medium",
    title: "Container binds a host port",
    description: "hostPort ties the pod to a node port, bypasses network policies on some CNIs and exposes the service on the node's address.",
    remediation: "Remove hostPort and expose the port through a Service.",
    references: ["CKV_K8S_26", PSS],
    check: (c) => each(c.value, "ports.*.hostPort").filter((m) => num(m.value) !== void 0 && num(m.value) !== 0).map((m) => ({ path: `${c.path}.${m.path}` })),
    examples: {
      valid: [{ code: pod(["ports:", "  - containerPort: 8080"]) }],
      invalid: [{ code: pod(["ports:", "  - containerPort: 8080", "    hostPort: 8080"]), lines: [cline(3)] }]
    }
  }),
  containerRule({
    id: "iac/k8s-unmasked-proc-mount",
    severity: "high",
    title: "Container uses an unmasked /proc",
    description: "procMount: Unmasked exposes kernel interfaces under /proc that the runtime normally hides.",
    remediation: "Remove securityContext.procMount or set it to Default.",
    references: ["CWE-250", PSS],
    check: (c) => str(get(c.value, "securityContext.procMount")) === "Unmasked" ? { path: `${c.path}.securityContext.procMount` } : void 0,
    examples: {
      valid: [{ code: pod(["securityContext:", "  procMount: Default"]) }],
      invalid: [{ code: pod(["securityContext:", "  procMount: Unmasked"]), lines: [cline(2)] }]
    }
  }),
  podRule({
    id: "iac/k8s-unsafe-sysctls",
    severity: "high",
    title: "Pod sets an unsafe sysctl",
    description: "Sysctls outside the safe set change kernel behaviour for the whole node.",
    remediation: "Remove the sysctl from securityContext.sysctls or set it on the node instead.",
    references: ["CWE-250", PSS],
    check: (spec) => each(spec.value, "securityContext.sysctls.*").filter((m) => isObj(m.value) && typeof m.value.name === "string" && !SAFE_SYSCTLS.has(m.value.name)).map((m) => ({ path: `${spec.path}.${m.path}`, message: `Pod sets unsafe sysctl ${String(isObj(m.value) ? m.value.name : "")}` })),
    examples: {
      valid: [{ code: pod([], ["securityContext:", "  sysctls:", "    - name: net.ipv4.tcp_syncookies", '      value: "1"']) }],
      invalid: [{ code: pod([], ["securityContext:", "  sysctls:", "    - name: kernel.msgmax", '      value: "65536"']), lines: [sline(3)] }]
    }
  }),
  podRule({
    id: "iac/k8s-share-process-namespace",
    severity: "low",
    title: "Containers share one process namespace",
    description: "With shareProcessNamespace every container sees the others' processes and can read their environment and files through /proc.",
    remediation: "Remove shareProcessNamespace unless a sidecar really needs it.",
    references: ["CWE-668"],
    check: (spec) => isTrue(spec.value.shareProcessNamespace) ? { path: `${spec.path}.shareProcessNamespace` } : void 0,
    examples: { valid: [{ code: pod() }], invalid: [{ code: pod([], ["shareProcessNamespace: true"]), lines: [sline(1)] }] }
  }),
  {
    id: "iac/k8s-rbac-wildcard",
    severity: "high",
    title: "RBAC role uses a wildcard",
    description: '"*" in verbs, resources or apiGroups grants everything present and future, including secrets and escalation paths.',
    remediation: "List the exact apiGroups, resources and verbs the subject needs.",
    references: ["CKV_K8S_49", "CWE-269", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"],
    tags: ["security", "CWE-269"],
    frameworks: ["kubernetes"],
    types: ["Role", "ClusterRole"],
    check: (r) => each(r.body, "rules.*").flatMap((m) => {
      if (!isObj(m.value)) return [];
      const rule2 = m.value;
      return ["verbs", "resources", "apiGroups"].filter((k) => k !== "apiGroups" && strings(rule2[k]).includes("*")).map((k) => ({ path: `${m.path}.${k}` }));
    }),
    examples: {
      valid: [{ code: code`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: reader
          namespace: prod
        rules:
          - apiGroups: [""]
            resources: ["pods"]
            verbs: ["get", "list"]
      ` }],
      invalid: [{ code: code`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: everything
        rules:
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["get"]
      `, lines: [7] }]
    }
  },
  {
    id: "iac/k8s-cluster-admin-binding",
    severity: "high",
    title: "Subject is bound to cluster-admin",
    description: "cluster-admin is full control of the cluster; binding it to an application or group makes any compromise total.",
    remediation: "Bind a narrower ClusterRole or namespaced Role.",
    references: ["CWE-269", "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"],
    tags: ["security", "CWE-269"],
    frameworks: ["kubernetes"],
    types: ["ClusterRoleBinding", "RoleBinding"],
    check: (r) => get(r.body, "roleRef.name") === "cluster-admin" ? { path: "roleRef.name" } : void 0,
    examples: {
      valid: [{ code: code`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: read
          namespace: prod
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: reader
        subjects:
          - kind: ServiceAccount
            name: app
      ` }],
      invalid: [{ code: code`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: admin
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: ServiceAccount
            name: app
            namespace: prod
      `, lines: [8] }]
    }
  },
  {
    id: "iac/k8s-secret-in-configmap",
    severity: "medium",
    title: "ConfigMap holds a secret-looking value",
    description: "ConfigMaps are not treated as secret: they are readable by more roles, logged and not encrypted at rest.",
    remediation: "Move the value into a Secret (or an external secret store) and reference it.",
    references: ["CWE-312", "https://kubernetes.io/docs/concepts/configuration/configmap/"],
    tags: ["security", "CWE-312"],
    frameworks: ["kubernetes"],
    types: ["ConfigMap"],
    check: (r) => {
      const data = r.body.data;
      if (!isObj(data)) return void 0;
      return Object.entries(data).filter(([k, v]) => looksLikeSecretName(k) && looksLikeLiteralSecret(v)).map(([k]) => ({ path: `data.${k}`, message: `ConfigMap key ${k} holds a secret-looking value` }));
    },
    examples: {
      valid: [{ code: code`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
          namespace: prod
        data:
          LOG_LEVEL: info
      ` }],
      invalid: [{ code: code`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
          namespace: prod
        data:
          LOG_LEVEL: info
          API_TOKEN: 9f8e7d6c5b4a
      `, lines: [8] }]
    }
  }
];

// src/scanners/iac/rules/dockerfile.ts
var BEST = "https://docs.docker.com/build/building/best-practices/";
function finalStage(r) {
  const all = instructions(r);
  const names = /* @__PURE__ */ new Map();
  for (const i of all) {
    if (i.cmd !== "FROM") continue;
    const m = /\s+as\s+(\S+)\s*$/i.exec(i.value);
    if (m?.[1]) names.set(m[1].toLowerCase(), i.stage);
  }
  const chain = [];
  let stage = stageCount(r) - 1;
  while (stage >= 0 && !chain.includes(stage)) {
    chain.unshift(stage);
    const from = all.find((i) => i.stage === stage && i.cmd === "FROM");
    const parent = from ? names.get(fromImage(from).toLowerCase()) : void 0;
    if (parent === void 0 || parent >= stage) break;
    stage = parent;
  }
  return chain.flatMap((s) => all.filter((i) => i.stage === s));
}
function stageNames(r) {
  return new Set(instructions(r).filter((i) => i.cmd === "FROM").flatMap((i) => {
    const m = /\s+as\s+(\S+)\s*$/i.exec(i.value);
    return m?.[1] ? [m[1].toLowerCase()] : [];
  }));
}
function fromImage(ins) {
  return ins.value.split(/\s+/).filter((p) => !p.startsWith("--"))[0] ?? "";
}
function runRule(input) {
  return {
    id: input.id,
    severity: input.severity,
    title: input.title,
    description: input.description,
    remediation: input.remediation,
    references: input.references,
    tags: input.tags ?? ["security"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "RUN" && input.test(shellText(i.value))).map((i) => instructionIssue(i)),
    examples: { valid: input.valid.map((c) => ({ code: c })), invalid: input.invalid }
  };
}
function commands(shell) {
  return shell.split(/&&|\|\||;|\n/).map((c) => c.trim()).filter(Boolean);
}
var PIPE_TO_SHELL = /\b(curl|wget)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da|k)?sh\b|\b(ba)?sh\s+(-c\s+)?["']?\$\((curl|wget)\b|\b(ba)?sh\s+<\(\s*(curl|wget)\b/;
var dockerfileRules = [
  {
    id: "iac/docker-no-user",
    severity: "medium",
    title: "Image runs as root (no USER instruction)",
    description: "Without a USER instruction in the final stage the container's process runs as root, so any code execution bug is root in the container.",
    remediation: "Create an unprivileged user and add USER <name> (or a UID) in the final stage.",
    references: ["CKV_DOCKER_3", "CWE-250", BEST],
    tags: ["security", "CWE-250"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => {
      const last = finalStage(r);
      if (last.length === 0 || last.some((i) => i.cmd === "USER")) return void 0;
      const from = last.filter((i) => i.cmd === "FROM").pop();
      if (from && /^scratch$/i.test(fromImage(from))) return void 0;
      return from ? instructionIssue(from) : { path: "" };
    },
    examples: {
      valid: [
        { code: code`
          FROM node:20 AS build
          RUN npm ci
          FROM node:20-slim
          USER node
          CMD ["node", "app.js"]
        ` },
        { code: code`
          FROM node:20-slim AS base
          USER node
          FROM base
          CMD ["node", "app.js"]
        ` }
      ],
      invalid: [{ code: code`
        FROM node:20 AS build
        USER node
        FROM node:20-slim
        CMD ["node", "app.js"]
      `, lines: [3] }]
    }
  },
  {
    id: "iac/docker-user-root",
    severity: "high",
    title: "Image switches to the root user last",
    description: "The last USER of the final stage is root (or UID 0), so the container runs as root.",
    remediation: "End the final stage with USER set to an unprivileged user.",
    references: ["CKV_DOCKER_8", "CWE-250", BEST],
    tags: ["security", "CWE-250"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => {
      const users = finalStage(r).filter((i) => i.cmd === "USER");
      const last = users[users.length - 1];
      return last && /^(root|0)(:|$)/.test(last.value.trim()) ? instructionIssue(last) : void 0;
    },
    examples: {
      valid: [{ code: "FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl=8.9.1-r0\nUSER app\n" }],
      invalid: [{ code: "FROM alpine:3.20\nUSER app\nRUN id\nUSER root\n", lines: [4] }]
    }
  },
  {
    id: "iac/docker-base-image-latest",
    severity: "medium",
    title: "Base image uses the latest tag or no tag",
    description: "FROM without a fixed tag or digest builds on whatever the registry serves today: builds are not reproducible and a poisoned image flows in silently.",
    remediation: "Pin FROM to a version tag, or better a digest (image@sha256:...).",
    references: ["CKV_DOCKER_7", "CWE-1357", BEST],
    tags: ["security", "CWE-1357"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => {
      const stages = stageNames(r);
      const args = new Set(instructions(r).filter((i) => i.cmd === "ARG").map((i) => i.value.split("=")[0]?.trim() ?? ""));
      return instructions(r).filter((i) => i.cmd === "FROM").flatMap((i) => {
        const image = fromImage(i);
        if (stages.has(image.toLowerCase()) || image.includes("$") || args.has(image)) return [];
        const bad = badImageTag(image);
        return bad ? [instructionIssue(i, `Base image ${image} is ${bad === "latest" ? "tagged latest" : "not tagged"}`)] : [];
      });
    },
    examples: {
      valid: [{ code: "FROM golang:1.22 AS build\nRUN go build\nFROM build\nFROM gcr.io/distroless/static@sha256:0123456789abcdef\n" }],
      invalid: [{ code: "FROM ubuntu\nRUN echo\n", lines: [1] }, { code: "FROM node:20 AS a\nFROM python:latest\n", lines: [2] }]
    }
  },
  {
    id: "iac/docker-add-remote-url",
    severity: "medium",
    title: "ADD downloads from a URL",
    description: "ADD <url> fetches a file without any integrity check, and its cache behaviour hides upstream changes.",
    remediation: "Download with curl/wget in a RUN and verify a checksum, or use ADD --checksum=sha256:...",
    references: ["CKV_DOCKER_4", "CWE-494", BEST],
    tags: ["security", "CWE-494"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "ADD" && /(^|\s)(https?|ftp):\/\//i.test(i.value) && !/--checksum=/.test(i.value)).map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tgz /a.tgz\n" }],
      invalid: [{ code: "FROM alpine:3.20\nADD https://example.com/tool.tgz /opt/\n", lines: [2] }]
    }
  },
  {
    id: "iac/docker-add-instead-of-copy",
    severity: "low",
    title: "ADD used to copy local files",
    description: "ADD also extracts archives and fetches URLs; COPY does only what it says, so surprises cannot creep in.",
    remediation: "Use COPY for local files and directories.",
    references: ["CKV_DOCKER_4", "hadolint DL3020", BEST],
    tags: ["best-practice"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "ADD" && !/(^|\s)(https?|ftp|git@[^\s]+):?\/?\/?/i.test(i.value) && !/\.(tar|tgz|tar\.gz|tar\.bz2|tar\.xz|txz|tbz2?)(\s|$)/i.test(i.value)).map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM alpine:3.20\nCOPY app /app\nADD rootfs.tar.gz /\n" }],
      invalid: [{ code: "FROM alpine:3.20\nADD app /app\n", lines: [2] }]
    }
  },
  runRule({
    id: "iac/docker-curl-pipe-shell",
    severity: "high",
    title: "RUN pipes a download into a shell",
    description: "curl ... | sh runs whatever the server (or anyone in the middle) sends, with no integrity check, at build time as root.",
    remediation: "Download the script, verify its checksum or signature, then run it; or install from a package manager.",
    references: ["CWE-494", "hadolint DL4006"],
    tags: ["security", "CWE-494"],
    test: (s) => PIPE_TO_SHELL.test(s),
    valid: ["FROM alpine:3.20\nRUN curl -fsSLo install.sh https://example.com/install.sh && sha256sum -c sums && sh install.sh\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 \\\n  && curl -fsSL https://example.com/install.sh | sh\n", lines: [2] }]
  }),
  {
    id: "iac/docker-secret-in-env-arg",
    severity: "high",
    title: "Secret passed through ENV or ARG",
    description: "ENV values are baked into the image and ARG values are visible in the image history: secrets there leak to anyone who can pull the image.",
    remediation: "Use BuildKit secrets (RUN --mount=type=secret) at build time and runtime secrets (env from the orchestrator, mounted files) at run time.",
    references: ["CWE-798", "https://docs.docker.com/build/building/secrets/"],
    tags: ["security", "CWE-798"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "ENV" || i.cmd === "ARG").flatMap((i) => {
      const pairs = [];
      const v = i.value.trim();
      if (i.cmd === "ENV" && !v.includes("=")) {
        const [name, ...rest] = v.split(/\s+/);
        pairs.push({ name: name ?? "", value: rest.join(" ") });
      } else {
        for (const m of v.matchAll(/([A-Za-z_][\w.-]*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) pairs.push({ name: m[1] ?? "", value: m[2]?.replace(/^["']|["']$/g, "") });
      }
      const bad = pairs.filter((p) => looksLikeSecretName(p.name) && (i.cmd === "ARG" || p.value !== void 0 && p.value !== "" && !p.value.startsWith("$")));
      return bad.map((p) => instructionIssue(i, `${i.cmd} ${p.name} carries a secret`));
    }),
    examples: {
      valid: [{ code: "FROM alpine:3.20\nARG VERSION=1.0\nENV APP_HOME=/app\nENV PASSWORD_FILE=/run/secrets/db\n" }],
      invalid: [{ code: "FROM alpine:3.20\nENV DB_PASSWORD=hunter2\n", lines: [2] }, { code: "FROM alpine:3.20\nARG NPM_TOKEN\nRUN npm ci\n", lines: [2] }]
    }
  },
  runRule({
    id: "iac/docker-apt-unpinned",
    severity: "low",
    title: "apt-get install without version pins",
    description: "Unpinned packages make builds unreproducible: the same Dockerfile installs different software on different days.",
    remediation: "Pin versions (apt-get install -y pkg=1.2.3-1) or build from a pinned base image that already has them.",
    references: ["hadolint DL3008", BEST],
    tags: ["best-practice"],
    test: (s) => commands(s).some((c) => {
      const m = /\bapt(-get)?\s+(?:-\S+\s+)*install\b(.*)$/.exec(c);
      if (!m) return false;
      const pkgs = (m[2] ?? "").split(/\s+/).filter((p) => p && !p.startsWith("-") && !p.includes("$"));
      return pkgs.some((p) => !p.includes("=") && !p.endsWith(".deb"));
    }),
    valid: ["FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n"],
    invalid: [{ code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", lines: [2] }]
  }),
  runRule({
    id: "iac/docker-apt-no-cleanup",
    severity: "low",
    title: "apt lists are left in the image",
    description: "Leaving /var/lib/apt/lists in the layer bloats the image and ships stale package indexes.",
    remediation: "End the same RUN with rm -rf /var/lib/apt/lists/* (or use a cache mount).",
    references: ["hadolint DL3009", BEST],
    tags: ["best-practice"],
    test: (s) => /\bapt(-get)?\s+(?:-\S+\s+)*install\b/.test(s) && !/\/var\/lib\/apt\/lists/.test(s) && !/apt-get\s+clean/.test(s),
    valid: ["FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n"],
    invalid: [{ code: "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10\n", lines: [2] }]
  }),
  runRule({
    id: "iac/docker-apt-recommends",
    severity: "info",
    title: "apt-get install pulls recommended packages",
    description: "Recommended packages grow the image and its attack surface with software nobody asked for.",
    remediation: "Add --no-install-recommends to apt-get install.",
    references: ["hadolint DL3015", BEST],
    tags: ["best-practice"],
    test: (s) => commands(s).some((c) => /\bapt-get\s+(?:-\S+\s+)*install\b/.test(c) && !/--no-install-recommends|APT::Install-Recommends=false/.test(c)),
    valid: ["FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10\n"],
    invalid: [{ code: "FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n", lines: [2] }]
  }),
  runRule({
    id: "iac/docker-apk-unpinned",
    severity: "low",
    title: "apk add without version pins",
    description: "Unpinned packages make builds unreproducible.",
    remediation: "Pin versions (apk add pkg=1.2.3-r0).",
    references: ["hadolint DL3018", BEST],
    tags: ["best-practice"],
    test: (s) => commands(s).some((c) => {
      const m = /\bapk\s+(?:-\S+\s+)*add\b(.*)$/.exec(c);
      if (!m) return false;
      const pkgs = (m[1] ?? "").split(/\s+/).filter((p) => p && !p.startsWith("-") && !p.includes("$"));
      return pkgs.some((p) => !p.includes("=") && !p.includes("~"));
    }),
    valid: ["FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN apk add --no-cache curl\n", lines: [2] }]
  }),
  runRule({
    id: "iac/docker-apk-no-cache",
    severity: "low",
    title: "apk add keeps its package cache",
    description: "Without --no-cache the package index stays in the layer, bloating the image.",
    remediation: "Use apk add --no-cache (or remove /var/cache/apk/* in the same RUN).",
    references: ["hadolint DL3019", BEST],
    tags: ["best-practice"],
    test: (s) => commands(s).some((c) => /\bapk\s+(?:-\S+\s+)*add\b/.test(c) && !/--no-cache/.test(c)) && !/\/var\/cache\/apk/.test(s),
    valid: ["FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r0\n", lines: [2] }]
  }),
  runRule({
    id: "iac/docker-sudo",
    severity: "medium",
    title: "RUN uses sudo",
    description: "sudo in a build means the image carries sudo and a user allowed to use it, an easy privilege escalation at run time.",
    remediation: "Run the step before switching USER (as root during the build), and do not install sudo.",
    references: ["hadolint DL3004", "CWE-250"],
    tags: ["security", "CWE-250"],
    test: (s) => /(^|[\s;&|(])sudo\s/.test(s),
    valid: ["FROM debian:12\nRUN chown app /app\n"],
    invalid: [{ code: "FROM debian:12\nUSER app\nRUN sudo chown app /app\n", lines: [3] }]
  }),
  {
    id: "iac/docker-no-healthcheck",
    severity: "low",
    title: "Image has no HEALTHCHECK",
    description: "Without a HEALTHCHECK, Docker and Compose cannot tell a hung container from a healthy one.",
    remediation: "Add HEALTHCHECK CMD <command> to the final stage (Kubernetes users: define probes in the manifest instead).",
    references: ["CKV_DOCKER_2", BEST],
    tags: ["reliability"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => {
      const last = finalStage(r);
      if (last.length === 0) return void 0;
      const checks = last.filter((i) => i.cmd === "HEALTHCHECK");
      const effective2 = checks[checks.length - 1];
      if (effective2 && !/^NONE\b/i.test(effective2.value.trim())) return void 0;
      const from = last.filter((i) => i.cmd === "FROM").pop();
      if (from && /^scratch$/i.test(fromImage(from))) return void 0;
      return from ? instructionIssue(from) : void 0;
    },
    examples: {
      valid: [{ code: "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n" }],
      invalid: [{ code: "FROM node:20 AS build\nHEALTHCHECK NONE\nFROM nginx:1.27\nCOPY --from=build /out /usr/share/nginx/html\n", lines: [3] }]
    }
  },
  runRule({
    id: "iac/docker-upgrade-packages",
    severity: "low",
    title: "RUN upgrades all packages",
    description: "apt-get upgrade / dist-upgrade / apk upgrade in a Dockerfile makes the build unreproducible; update the base image instead.",
    remediation: "Use a newer base image tag (or digest) rather than upgrading packages in place.",
    references: ["hadolint DL3005", "CWE-1357"],
    tags: ["best-practice"],
    test: (s) => /\b(apt(-get)?\s+(?:-\S+\s+)*(dist-)?upgrade|apk\s+(?:-\S+\s+)*upgrade|yum\s+(?:-\S+\s+)*update\s*$)/m.test(s),
    valid: ["FROM debian:12\nRUN apt-get update\n"],
    invalid: [{ code: "FROM debian:12\nRUN apt-get update && apt-get -y upgrade\n", lines: [2] }]
  }),
  {
    id: "iac/docker-expose-ssh",
    severity: "medium",
    title: "Image exposes SSH (port 22)",
    description: "Running sshd in a container adds a remote login service, keys to manage and an attack surface; use docker exec / kubectl exec instead.",
    remediation: "Remove EXPOSE 22 and the SSH daemon.",
    references: ["CKV_DOCKER_1", "CWE-284"],
    tags: ["security"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "EXPOSE" && i.value.split(/\s+/).some((p) => /^22(\/tcp)?$/.test(p))).map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM nginx:1.27\nEXPOSE 80 443\n" }],
      invalid: [{ code: "FROM ubuntu:24.04\nEXPOSE 80 22\n", lines: [2] }]
    }
  },
  {
    id: "iac/docker-maintainer-deprecated",
    severity: "info",
    title: "MAINTAINER is deprecated",
    description: "MAINTAINER has been deprecated for years; labels carry the information in a standard way.",
    remediation: 'Replace MAINTAINER with LABEL org.opencontainers.image.authors="...".',
    references: ["hadolint DL4000", "https://docs.docker.com/reference/dockerfile/#maintainer-deprecated"],
    tags: ["best-practice"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "MAINTAINER").map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="team@example.com"\n' }],
      invalid: [{ code: "FROM alpine:3.20\nMAINTAINER team@example.com\n", lines: [2] }]
    }
  },
  {
    id: "iac/docker-workdir-relative",
    severity: "info",
    title: "WORKDIR uses a relative path",
    description: "A relative WORKDIR depends on every previous WORKDIR, which makes the Dockerfile fragile to edit.",
    remediation: "Use an absolute path in WORKDIR.",
    references: ["CKV_DOCKER_10", "hadolint DL3000"],
    tags: ["best-practice"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => i.cmd === "WORKDIR" && !/^["']?(\/|\$|[A-Za-z]:\\)/.test(i.value.trim())).map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM alpine:3.20\nWORKDIR /app\n" }],
      invalid: [{ code: "FROM alpine:3.20\nWORKDIR app\n", lines: [2] }]
    }
  },
  runRule({
    id: "iac/docker-tls-verification-disabled",
    severity: "high",
    title: "Download with TLS verification turned off",
    description: "curl -k, wget --no-check-certificate or pip --trusted-host accept any certificate, so anyone on the path can replace what the build downloads.",
    remediation: "Remove the option and fix the trust store (install ca-certificates or add the internal CA).",
    references: ["CWE-295"],
    tags: ["security", "CWE-295"],
    test: (s) => /\bcurl\b[^;&|]*\s(-k|--insecure|-[a-zA-Z]*k[a-zA-Z]*)(\s|$)|\bwget\b[^;&|]*--no-check-certificate|--trusted-host\b|\bgit\s+-c\s+http\.sslVerify=false|npm\s+config\s+set\s+strict-ssl\s+false/.test(s),
    valid: ["FROM alpine:3.20\nRUN curl -fsSLo /tmp/a https://example.com/a\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN curl -fsSLk -o /tmp/a https://example.com/a\n", lines: [2] }]
  }),
  runRule({
    id: "iac/docker-chmod-777",
    severity: "medium",
    title: "RUN makes files world-writable",
    description: "chmod 777 (or o+w) lets any user in the container change the files, including the application's code.",
    remediation: "Give ownership to the application user (chown / COPY --chown) and use 755/644 permissions.",
    references: ["CWE-732"],
    tags: ["security", "CWE-732"],
    test: (s) => /\bchmod\s+(-R\s+)?(0?777|a\+w|o\+w|ugo\+w)\b/.test(s),
    valid: ["FROM alpine:3.20\nRUN chmod 755 /app\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN chmod -R 777 /app\n", lines: [2] }]
  }),
  runRule({
    id: "iac/docker-pip-no-cache",
    severity: "info",
    title: "pip install keeps its cache",
    description: "pip's download cache stays in the layer and bloats the image.",
    remediation: "Use pip install --no-cache-dir (or a BuildKit cache mount).",
    references: ["hadolint DL3042"],
    tags: ["best-practice"],
    test: (s) => commands(s).some((c) => /\bpip3?\s+(?:-\S+\s+)*install\b/.test(c) && !/--no-cache-dir/.test(c) && !/PIP_NO_CACHE_DIR/.test(s)),
    valid: ["FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n"],
    invalid: [{ code: "FROM python:3.12\nRUN pip install -r requirements.txt\n", lines: [2] }]
  }),
  runRule({
    id: "iac/docker-cd-instead-of-workdir",
    severity: "info",
    title: "RUN changes directory with cd",
    description: "cd only lasts for one RUN; WORKDIR states the directory for every following instruction.",
    remediation: "Use WORKDIR to change directory.",
    references: ["hadolint DL3003"],
    tags: ["best-practice"],
    test: (s) => /^cd\s+\S+\s*(&&|;)/.test(s.trim()),
    valid: ["FROM alpine:3.20\nWORKDIR /src\nRUN make\n"],
    invalid: [{ code: "FROM alpine:3.20\nRUN cd /src && make\n", lines: [2] }]
  }),
  runRule({
    id: "iac/docker-update-alone",
    severity: "low",
    title: "Package index updated in a RUN of its own",
    description: "apt-get update (or apk update, yum makecache) alone in a RUN is cached as a layer, so later installs use a stale index and get old packages.",
    remediation: "Update and install in the same RUN: apt-get update && apt-get install -y ... && rm -rf /var/lib/apt/lists/*.",
    references: ["CKV_DOCKER_5", "hadolint DL3059", BEST],
    tags: ["best-practice"],
    test: (s) => {
      const cmds = commands(s);
      const updates = cmds.some((c) => /^(apt(-get)?\s+(-\S+\s+)*update|apk\s+update|yum\s+makecache|dnf\s+makecache)\b/.test(c));
      const installs = cmds.some((c) => /\b(install|add|upgrade)\b/.test(c));
      return updates && !installs;
    },
    valid: ["FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10\n"],
    invalid: [{ code: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl=7.88.1-10\n", lines: [2] }]
  }),
  {
    id: "iac/docker-multiple-cmd",
    severity: "low",
    title: "Stage has more than one CMD or ENTRYPOINT",
    description: "Only the last CMD and ENTRYPOINT of a stage take effect; earlier ones are dead code that misleads readers.",
    remediation: "Keep a single CMD and a single ENTRYPOINT per stage.",
    references: ["hadolint DL4003", "hadolint DL4004"],
    tags: ["best-practice"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => {
      const seen = /* @__PURE__ */ new Map();
      const out = [];
      for (const i of instructions(r)) {
        if (i.cmd !== "CMD" && i.cmd !== "ENTRYPOINT") continue;
        const key = `${i.stage}:${i.cmd}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        if (n > 1) out.push(instructionIssue(i, `Stage has more than one ${i.cmd}`));
      }
      return out;
    },
    examples: {
      valid: [{ code: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n' }],
      invalid: [{ code: 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n', lines: [3] }]
    }
  },
  runRule({
    id: "iac/docker-yum-no-clean",
    severity: "low",
    title: "yum/dnf cache is left in the image",
    description: "The package manager's cache stays in the layer and bloats the image.",
    remediation: "End the same RUN with yum clean all (dnf clean all), or use --setopt=keepcache=0.",
    references: ["hadolint DL3032", "hadolint DL3040"],
    tags: ["best-practice"],
    test: (s) => /\b(yum|dnf|microdnf)\s+(?:-\S+\s+)*install\b/.test(s) && !/\b(yum|dnf|microdnf)\s+clean\s+all\b|rm\s+-rf\s+\/var\/cache\/(yum|dnf)/.test(s),
    valid: ["FROM rockylinux:9\nRUN dnf install -y nginx-1.20.1 && dnf clean all\n"],
    invalid: [{ code: "FROM rockylinux:9\nRUN dnf install -y nginx-1.20.1\n", lines: [2] }]
  }),
  runRule({
    id: "iac/docker-pip-unpinned",
    severity: "low",
    title: "pip install without version pins",
    description: "Unpinned Python packages make builds unreproducible and open the door to a malicious new release.",
    remediation: "Pin versions (pip install pkg==1.2.3) or install from a locked requirements file.",
    references: ["hadolint DL3013"],
    tags: ["best-practice"],
    test: (s) => commands(s).some((c) => {
      const m = /\bpip3?\s+(?:-\S+\s+)*install\b(.*)$/.exec(c);
      if (!m) return false;
      const args = (m[1] ?? "").split(/\s+/).filter(Boolean);
      if (args.some((a) => a === "-r" || a.startsWith("--requirement") || a === "-e" || a === "." || a.startsWith("-c"))) return false;
      return args.filter((a) => !a.startsWith("-") && !a.includes("$") && !a.includes("/") && !a.endsWith(".whl")).some((p) => !/[=<>~@]/.test(p));
    }),
    valid: ["FROM python:3.12\nRUN pip install --no-cache-dir requests==2.32.3\n"],
    invalid: [{ code: "FROM python:3.12\nRUN pip install --no-cache-dir requests\n", lines: [2] }]
  }),
  {
    id: "iac/docker-copy-secrets",
    severity: "high",
    title: "COPY brings private keys or credentials into the image",
    description: "Files such as .env, id_rsa, *.pem or .npmrc copied into a layer stay in the image history even if deleted later.",
    remediation: "Exclude them with .dockerignore and mount them at build time with RUN --mount=type=secret.",
    references: ["CWE-538", "https://docs.docker.com/build/building/secrets/"],
    tags: ["security", "CWE-538"],
    frameworks: ["dockerfile"],
    types: ["dockerfile"],
    check: (r) => instructions(r).filter((i) => (i.cmd === "COPY" || i.cmd === "ADD") && !/--from=/.test(i.value)).filter((i) => i.value.split(/\s+/).filter((a) => !a.startsWith("--")).slice(0, -1).some((a) => /(^|\/)(\.env(\.[\w-]+)?|id_rsa|id_ed25519|id_ecdsa|[\w.-]+\.pem|[\w.-]+\.key|\.npmrc|\.pypirc|\.netrc|credentials(\.json)?|\.aws\/credentials|\.docker\/config\.json)$/.test(a))).map((i) => instructionIssue(i)),
    examples: {
      valid: [{ code: "FROM node:20\nCOPY package.json src/ /app/\n" }],
      invalid: [{ code: "FROM node:20\nCOPY .npmrc package.json /app/\n", lines: [2] }]
    }
  }
];

// src/scanners/iac/rules/compose.ts
var SPEC = "https://docs.docker.com/reference/compose-file/services/";
var DANGEROUS_CAPS2 = /* @__PURE__ */ new Set(["ALL", "SYS_ADMIN", "NET_ADMIN", "NET_RAW", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF", "SYS_BOOT"]);
function svc(lines) {
  return ["services:", "  app:", "    image: nginx:1.27", ...lines.map((l) => `    ${l}`), ""].join("\n");
}
function rule(input) {
  return { ...input, tags: input.tags ?? ["security"], frameworks: ["compose"], types: ["service"] };
}
function envEntries(r) {
  const env = r.body.environment;
  if (Array.isArray(env)) {
    return env.flatMap((e, i) => {
      if (typeof e !== "string" || !e.includes("=")) return [];
      const at = e.indexOf("=");
      return [{ name: e.slice(0, at), value: e.slice(at + 1), path: `environment.${i}` }];
    });
  }
  if (isObj(env)) return Object.entries(env).map(([name, value]) => ({ name, value, path: `environment.${name}` }));
  return [];
}
var composeRules = [
  rule({
    id: "iac/compose-privileged",
    severity: "high",
    title: "Compose service runs privileged",
    description: "privileged: true gives the container every capability and the host's devices: it is root on the host.",
    remediation: "Remove privileged: true; add only the capabilities the service needs with cap_add.",
    references: ["CWE-250", SPEC],
    check: (r) => isTrue(r.body.privileged) ? { path: "privileged" } : void 0,
    examples: { valid: [{ code: svc(["privileged: false"]) }], invalid: [{ code: svc(["privileged: true"]), lines: [4] }] }
  }),
  rule({
    id: "iac/compose-host-network",
    severity: "high",
    title: "Compose service uses the host network",
    description: "network_mode: host removes network isolation: the container sees every host interface and localhost-only service.",
    remediation: "Use a bridge network and publish only the ports needed.",
    references: ["CWE-668", SPEC],
    check: (r) => str(r.body.network_mode) === "host" ? { path: "network_mode" } : void 0,
    examples: { valid: [{ code: svc(["networks: [front]"]) }], invalid: [{ code: svc(["network_mode: host"]), lines: [4] }] }
  }),
  rule({
    id: "iac/compose-docker-socket",
    severity: "critical",
    title: "Compose service mounts the Docker socket",
    description: "Whoever controls a container with docker.sock can start privileged containers: it is root on the host.",
    remediation: "Do not mount /var/run/docker.sock; use a socket proxy that allows only the needed API calls, or rootless tooling.",
    references: ["CWE-250", "https://docs.docker.com/engine/security/#docker-daemon-attack-surface"],
    check: (r) => each(r.body, "volumes.*").filter((m) => {
      const source = typeof m.value === "string" ? m.value.split(":")[0] : isObj(m.value) ? str(m.value.source) : void 0;
      return source !== void 0 && /(docker|containerd)\.sock$/.test(source);
    }).map((m) => ({ path: m.path })),
    examples: {
      valid: [{ code: svc(["volumes:", "  - ./data:/data"]) }],
      invalid: [{ code: svc(["volumes:", "  - /var/run/docker.sock:/var/run/docker.sock"]), lines: [5] }]
    }
  }),
  rule({
    id: "iac/compose-secret-in-env",
    severity: "high",
    title: "Compose service has a secret in its environment",
    description: "A literal password or token in environment: is committed with the file and shown by docker inspect.",
    remediation: "Use Compose secrets, an env_file kept out of version control, or ${VARIABLE} substitution from the shell.",
    references: ["CWE-798", "https://docs.docker.com/compose/how-tos/use-secrets/"],
    tags: ["security", "CWE-798"],
    check: (r) => envEntries(r).filter((e) => looksLikeSecretName(e.name) && looksLikeLiteralSecret(e.value)).map((e) => ({ path: e.path, message: `Environment variable ${e.name} holds a literal secret` })),
    examples: {
      valid: [{ code: svc(["environment:", "  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}", "  LOG_LEVEL: info"]) }],
      invalid: [{ code: svc(["environment:", "  - LOG_LEVEL=info", "  - POSTGRES_PASSWORD=supersecret1"]), lines: [6] }]
    }
  }),
  rule({
    id: "iac/compose-host-pid",
    severity: "high",
    title: "Compose service shares the host PID namespace",
    description: "pid: host lets the container see and signal every process on the host.",
    remediation: "Remove pid: host.",
    references: ["CWE-668", SPEC],
    check: (r) => str(r.body.pid) === "host" ? { path: "pid" } : void 0,
    examples: { valid: [{ code: svc([]) }], invalid: [{ code: svc(["pid: host"]), lines: [4] }] }
  }),
  rule({
    id: "iac/compose-host-ipc",
    severity: "medium",
    title: "Compose service shares the host IPC namespace",
    description: "ipc: host exposes the host's shared memory to the container.",
    remediation: "Remove ipc: host (use ipc: shareable between services if needed).",
    references: ["CWE-668", SPEC],
    check: (r) => str(r.body.ipc) === "host" ? { path: "ipc" } : void 0,
    examples: { valid: [{ code: svc(["ipc: private"]) }], invalid: [{ code: svc(["ipc: host"]), lines: [4] }] }
  }),
  rule({
    id: "iac/compose-dangerous-capabilities",
    severity: "high",
    title: "Compose service adds a dangerous capability",
    description: "Capabilities such as SYS_ADMIN, NET_ADMIN or ALL give root-like powers over the host or its network.",
    remediation: "Remove the capability from cap_add; drop ALL and add back only what the process needs.",
    references: ["CWE-250", SPEC],
    check: (r) => each(r.body, "cap_add.*").filter((m) => typeof m.value === "string" && DANGEROUS_CAPS2.has(m.value.toUpperCase().replace(/^CAP_/, ""))).map((m) => ({ path: m.path, message: `Service adds capability ${String(m.value)}` })),
    examples: { valid: [{ code: svc(["cap_add: [NET_BIND_SERVICE]"]) }], invalid: [{ code: svc(["cap_add:", "  - SYS_ADMIN"]), lines: [5] }] }
  }),
  rule({
    id: "iac/compose-image-latest",
    severity: "medium",
    title: "Compose service image uses latest or no tag",
    description: "An unpinned image changes under you; the next pull may bring anything.",
    remediation: "Pin the image to a version tag or digest.",
    references: ["CWE-1357", SPEC],
    check: (r) => {
      if (r.body.build !== void 0) return void 0;
      const image = str(r.body.image);
      const bad = image === void 0 ? void 0 : badImageTag(image);
      return bad ? { path: "image", message: `Image ${image ?? ""} is ${bad === "latest" ? "tagged latest" : "not tagged"}` } : void 0;
    },
    examples: {
      valid: [{ code: svc([]) }, { code: "services:\n  app:\n    build: .\n    image: myapp\n" }],
      invalid: [{ code: "services:\n  db:\n    image: postgres\n", lines: [3] }]
    }
  }),
  rule({
    id: "iac/compose-unconfined-profile",
    severity: "high",
    title: "Compose service disables seccomp or AppArmor",
    description: "seccomp:unconfined or apparmor:unconfined removes the kernel filters that contain a compromised container.",
    remediation: "Remove the security_opt entry (or point it at a custom profile).",
    references: ["CWE-250", "https://docs.docker.com/engine/security/seccomp/"],
    check: (r) => each(r.body, "security_opt.*").filter((m) => typeof m.value === "string" && /^(seccomp|apparmor)[:=]unconfined$/.test(m.value)).map((m) => ({ path: m.path })),
    examples: {
      valid: [{ code: svc(["security_opt:", "  - no-new-privileges:true"]) }],
      invalid: [{ code: svc(["security_opt:", "  - seccomp:unconfined"]), lines: [5] }]
    }
  }),
  rule({
    id: "iac/compose-root-user",
    severity: "low",
    title: "Compose service runs as root explicitly",
    description: "user: root (or 0) overrides a safer USER in the image.",
    remediation: 'Run as an unprivileged user (user: "1000:1000").',
    references: ["CWE-250", SPEC],
    check: (r) => /^(root|0)(:|$)/.test(str(r.body.user) ?? "") ? { path: "user" } : void 0,
    examples: { valid: [{ code: svc(['user: "1000:1000"']) }], invalid: [{ code: svc(["user: root"]), lines: [4] }] }
  })
];

// src/scanners/iac/rules/ci.ts
var GHA_HARDENING = "https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions";
function jobs(r) {
  const j = r.body.jobs;
  return isObj(j) ? Object.entries(j).flatMap(([id, v]) => isObj(v) ? [{ id, value: v, path: `jobs.${id}` }] : []) : [];
}
function steps(r) {
  return jobs(r).flatMap((job) => each(job.value, "steps.*", job.path).flatMap((m) => isObj(m.value) ? [{ value: m.value, path: m.path }] : []));
}
function events(r) {
  const on = r.body.on ?? r.body.true;
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return strings(on);
  if (isObj(on)) return Object.keys(on);
  return [];
}
function scriptIssue(r, path, value, pattern, message) {
  const lines = value.split("\n");
  const index = lines.findIndex((l) => pattern.test(l));
  if (index < 0) return void 0;
  const keyLine = r.lines.get(path);
  const issue = { path };
  if (keyLine !== void 0 && value.includes("\n")) issue.line = keyLine + 1 + index;
  if (message !== void 0) issue.message = message;
  return issue;
}
var UNTRUSTED = /\$\{\{\s*(github\.event\.(issue\.(title|body)|pull_request\.(title|body|head\.(ref|label|repo\.default_branch))|comment\.body|review\.body|review_comment\.body|pages\.[^}]*\.page_name|commits\.[^}]*\.(message|author\.(email|name))|head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|head_commit\.(message|author\.(email|name))|display_title)|discussion\.(title|body)|inputs\.[^}]*)|github\.head_ref|inputs\.[\w-]+)\s*\}\}/;
var PIPE_TO_SHELL2 = /\b(curl|wget)\b[^|;&\n]*\|\s*(sudo\s+)?(ba|z|da)?sh\b|\b(ba)?sh\s+(-c\s+)?["']?\$\((curl|wget)\b|\b(ba)?sh\s+<\(\s*(curl|wget)\b/;
var SHA = /^[0-9a-f]{40}$/;
var GITLAB_RESERVED = /* @__PURE__ */ new Set(["stages", "variables", "default", "include", "workflow", "image", "services", "before_script", "after_script", "cache", "pages"]);
function gitlabJobs(r) {
  return Object.entries(r.body).flatMap(
    ([id, v]) => !GITLAB_RESERVED.has(id) && isObj(v) && (v.script !== void 0 || v.trigger !== void 0 || v.extends !== void 0 || v.image !== void 0) ? [{ id, value: v, path: id }] : []
  );
}
function gitlabScripts(r) {
  const out = [];
  const collect = (obj, base) => {
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
function gitlabVariables(r) {
  const out = [];
  const collect = (v, base) => {
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
var ciRules = [
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
      `, lines: [8] }]
    }
  },
  {
    id: "iac/gha-pull-request-target-checkout",
    severity: "critical",
    title: "pull_request_target checks out the pull request's code",
    description: `pull_request_target runs with the base repository's secrets and write token; checking out and running the head of an untrusted pull request hands both to its author (a "pwn request").`,
    remediation: "Use the pull_request event for building untrusted code, or split the work: build in pull_request, then act on artifacts in workflow_run without executing PR code.",
    references: ["CWE-829", "https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/"],
    tags: ["security", "CWE-829"],
    frameworks: ["github-actions"],
    types: ["workflow"],
    check: (r) => {
      if (!events(r).includes("pull_request_target")) return [];
      return steps(r).flatMap((s) => {
        if (!/^actions\/checkout@/.test(str(s.value.uses) ?? "")) return [];
        const ref = isObj(s.value.with) ? str(s.value.with.ref) ?? str(s.value.with.repository) : void 0;
        if (ref && /github\.event\.pull_request\.head\.|github\.head_ref|refs\/pull\/|github\.event\.number|github\.event\.pull_request\.number/.test(ref)) {
          return [{ path: `${s.path}.with.${isObj(s.value.with) && s.value.with.ref !== void 0 ? "ref" : "repository"}` }];
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
      `, lines: [11] }]
    }
  },
  {
    id: "iac/gha-script-injection",
    severity: "high",
    title: "Untrusted input expanded inside a run script",
    description: "${{ github.event.* }} values such as issue titles, PR bodies or branch names are pasted into the script before the shell runs it, so an attacker who controls them runs commands in the workflow.",
    remediation: 'Pass the value through an environment variable (env: TITLE: ${{ github.event.issue.title }}) and use "$TITLE" in the script.',
    references: ["CWE-94", "CKV_GHA_2", `${GHA_HARDENING}#understanding-the-risk-of-script-injections`],
    tags: ["security", "CWE-94"],
    frameworks: ["github-actions"],
    types: ["workflow"],
    check: (r) => steps(r).flatMap((s) => {
      const out = [];
      const run = str(s.value.run);
      if (run !== void 0) {
        const i = scriptIssue(r, `${s.path}.run`, run, UNTRUSTED);
        if (i) out.push(i);
      }
      const script = isObj(s.value.with) ? str(s.value.with.script) : void 0;
      if (script !== void 0 && /^actions\/github-script@/.test(str(s.value.uses) ?? "")) {
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
      `, lines: [9] }]
    }
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
      ...r.body.permissions === "write-all" ? [{ path: "permissions" }] : [],
      ...jobs(r).filter((j) => j.value.permissions === "write-all").map((j) => ({ path: `${j.path}.permissions` }))
    ],
    examples: {
      valid: [{ code: "on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n" }],
      invalid: [{ code: "on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n", lines: [2] }]
    }
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
      if (r.body.permissions !== void 0) return void 0;
      const list = jobs(r);
      if (list.length > 0 && list.every((j) => j.value.permissions !== void 0)) return void 0;
      return { path: "permissions", missing: true };
    },
    examples: {
      valid: [{ code: "on: push\njobs:\n  a:\n    permissions:\n      contents: read\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n" }],
      invalid: [{ code: "name: ci\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n", lines: [1] }]
    }
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
      const secretEnv = (env) => isObj(env) ? Object.entries(env).filter(([, v]) => typeof v === "string" && /\$\{\{\s*secrets\./.test(v)).map(([k]) => k) : [];
      const top = secretEnv(r.body.env);
      return jobs(r).flatMap((job) => {
        const jobEnv = [...top, ...secretEnv(job.value.env)];
        return each(job.value, "steps.*", job.path).flatMap((m) => {
          if (!isObj(m.value)) return [];
          const run = str(m.value.run);
          if (run === void 0) return [];
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
        `, lines: [11] }
      ]
    }
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
    check: (r) => [...each(r.body, "env.ACTIONS_ALLOW_UNSECURE_COMMANDS"), ...jobs(r).flatMap((j) => each(j.value, "env.ACTIONS_ALLOW_UNSECURE_COMMANDS", j.path)), ...steps(r).flatMap((s) => each(s.value, "env.ACTIONS_ALLOW_UNSECURE_COMMANDS", s.path))].filter((m) => isTrue(m.value)).map((m) => ({ path: m.path })),
    examples: {
      valid: [{ code: "on: push\npermissions: read-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n" }],
      invalid: [{ code: "on: push\npermissions: read-all\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: true\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n", lines: [4] }]
    }
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
    check: (r) => steps(r).flatMap((s) => {
      const run = str(s.value.run);
      const i = run === void 0 ? void 0 : scriptIssue(r, `${s.path}.run`, run, PIPE_TO_SHELL2);
      return i ? [i] : [];
    }),
    examples: {
      valid: [{ code: "on: push\npermissions: read-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n" }],
      invalid: [{ code: "on: push\npermissions: read-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          set -e\n          curl -sSL https://example.com/install.sh | bash\n", lines: [9] }]
    }
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
      const candidates = [];
      const collect = (obj, base) => {
        if (!isObj(obj)) return;
        const p = (k) => base === "" ? k : `${base}.${k}`;
        const image = obj.image;
        candidates.push(isObj(image) ? { value: image.name, path: p("image.name") } : { value: image, path: p("image") });
        for (const m of each(obj.services, "*", p("services"))) candidates.push(isObj(m.value) ? { value: m.value.name, path: `${m.path}.name` } : { value: m.value, path: m.path });
      };
      collect(r.body, "");
      collect(r.body.default, "default");
      for (const j of gitlabJobs(r)) collect(j.value, j.path);
      return candidates.flatMap(({ value, path }) => {
        const image = str(value);
        const bad = image === void 0 ? void 0 : badImageTag(image);
        return bad ? [{ path, message: `Image ${image ?? ""} is ${bad === "latest" ? "tagged latest" : "not tagged"}` }] : [];
      });
    },
    examples: {
      valid: [{ code: "image: node:20.11\ntest:\n  script:\n    - npm test\n" }],
      invalid: [{ code: "image: node:20.11\ntest:\n  image: python:latest\n  services:\n    - name: postgres\n  script:\n    - pytest\n", lines: [3, 5] }]
    }
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
      const i = scriptIssue(r, s.path, s.value, PIPE_TO_SHELL2);
      return i ? [i] : [];
    }),
    examples: {
      valid: [{ code: "build:\n  image: alpine:3.20\n  script:\n    - make\n" }],
      invalid: [{ code: "build:\n  image: alpine:3.20\n  script:\n    - apk add curl\n    - curl -fsSL https://get.example.com | sh\n", lines: [5] }]
    }
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
      invalid: [{ code: "variables:\n  LOG_LEVEL: info\ndeploy:\n  variables:\n    API_TOKEN: glpat-abcdefghij123456\n  script:\n    - ./deploy\n", lines: [5] }]
    }
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
      invalid: [{ code: 'variables:\n  CI_DEBUG_TRACE: "true"\n', lines: [2] }]
    }
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
      const items = Array.isArray(inc) ? inc.map((v, i) => ({ value: v, path: `include.${i}` })) : inc !== void 0 ? [{ value: inc, path: "include" }] : [];
      return items.flatMap(({ value, path }) => {
        if (typeof value === "string" && /^https?:\/\//.test(value)) return [{ path }];
        if (isObj(value) && typeof value.remote === "string") return [{ path: `${path}.remote` }];
        return [];
      });
    },
    examples: {
      valid: [{ code: "include:\n  - project: group/templates\n    ref: v1.2.0\n    file: /ci.yml\n" }],
      invalid: [{ code: "include:\n  - remote: https://example.com/ci.yml\n", lines: [2] }]
    }
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
    check: (r) => each(r.body, "include.*").filter((m) => isObj(m.value) && m.value.project !== void 0 && m.value.ref === void 0).map((m) => ({ path: `${m.path}.project` })),
    examples: {
      valid: [{ code: "include:\n  - project: group/templates\n    ref: 3f2a9c1\n    file: /ci.yml\n" }],
      invalid: [{ code: "include:\n  - project: group/templates\n    file: /ci.yml\n", lines: [2] }]
    }
  }
];

// src/scanners/iac/rules/azure-gcp.ts
var CIS_AZ = "CIS Microsoft Azure Foundations Benchmark";
var CIS_GCP = "CIS Google Cloud Platform Foundation Benchmark";
function azurePortIncludes(spec, port) {
  return spec.split(",").some((part) => {
    const p = part.trim();
    if (p === "*") return true;
    const range = /^(\d+)-(\d+)$/.exec(p);
    if (range) return Number(range[1]) <= port && port <= Number(range[2]);
    return Number(p) === port;
  });
}
var ANY_SOURCE = /* @__PURE__ */ new Set(["*", "0.0.0.0", "0.0.0.0/0", "internet", "any", "::/0"]);
function azureOpenRules(r) {
  const candidates = r.type === "azurerm_network_security_rule" ? [{ value: r.body, path: "" }] : blocks(r.body, "security_rule");
  return candidates.filter(({ value }) => looseEquals(value.direction, "Inbound") && looseEquals(value.access, "Allow")).filter(({ value }) => [...strings(value.source_address_prefix), ...strings(value.source_address_prefixes)].some((s) => ANY_SOURCE.has(s.toLowerCase()))).map(({ value, path }) => ({ rule: value, path }));
}
function nsgRule(id, port, name, ckv) {
  return {
    id,
    severity: "high",
    title: `Network security group opens ${name} to the internet`,
    description: `An inbound Allow rule from any source (*, 0.0.0.0/0, Internet) to port ${port} exposes ${name} to password guessing and exploits.`,
    remediation: `Restrict source_address_prefix to known ranges, or use Azure Bastion / just-in-time access instead of opening ${name}.`,
    references: [`${CIS_AZ} 6.1`, ckv, "CWE-284"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform"],
    types: ["azurerm_network_security_rule", "azurerm_network_security_group"],
    check: (r) => azureOpenRules(r).flatMap(({ rule: rule2, path }) => {
      const ports = [...strings(rule2.destination_port_range), ...strings(rule2.destination_port_ranges)];
      if (!ports.some((p) => azurePortIncludes(p, port))) return [];
      const key = rule2.source_address_prefix !== void 0 ? "source_address_prefix" : "source_address_prefixes";
      return [{ path: path === "" ? key : `${path}.${key}` }];
    }),
    examples: {
      valid: [{ code: code`
        resource "azurerm_network_security_rule" "ok" {
          direction                  = "Inbound"
          access                     = "Allow"
          protocol                   = "Tcp"
          source_address_prefix      = "10.0.0.0/8"
          destination_port_range     = "${port}"
          destination_address_prefix = "*"
        }
      ` }],
      invalid: [
        { code: code`
          resource "azurerm_network_security_rule" "bad" {
            direction                  = "Inbound"
            access                     = "Allow"
            protocol                   = "Tcp"
            source_address_prefix      = "*"
            destination_port_range     = "${port}"
            destination_address_prefix = "*"
          }
        `, lines: [5] },
        { code: code`
          resource "azurerm_network_security_group" "bad" {
            name = "nsg"
            security_rule {
              name                       = "in"
              direction                  = "Inbound"
              access                     = "Allow"
              protocol                   = "Tcp"
              source_address_prefix      = "Internet"
              destination_port_range     = "${port - 1}-${port + 1}"
              destination_address_prefix = "*"
            }
          }
        `, lines: [8] }
      ]
    }
  };
}
function gcpFirewallRule(id, port, name, ckv) {
  return {
    id,
    severity: "high",
    title: `Firewall rule opens ${name} to the internet`,
    description: `An ingress firewall rule from 0.0.0.0/0 allowing port ${port} exposes ${name} on every matching instance.`,
    remediation: `Restrict source_ranges to known ranges, or use IAP TCP forwarding (35.235.240.0/20) instead of opening ${name}.`,
    references: [`${CIS_GCP} 3.6`, ckv, "CWE-284"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform"],
    types: ["google_compute_firewall"],
    check: (r) => {
      if (str(r.body.direction)?.toUpperCase() === "EGRESS" || isTrue(r.body.disabled)) return [];
      const open = each(r.body, "source_ranges.*").filter((m) => m.value === "0.0.0.0/0" || m.value === "::/0");
      if (open.length === 0) return [];
      const allows = blocks(r.body, "allow").some(({ value }) => {
        const protocol = str(value.protocol)?.toLowerCase();
        if (protocol === "all") return true;
        if (protocol !== "tcp" && protocol !== "6") return false;
        const ports = strings(value.ports);
        return ports.length === 0 || ports.some((p) => azurePortIncludes(p, port));
      });
      return allows ? open.map((m) => ({ path: m.path })) : [];
    },
    examples: {
      valid: [{ code: code`
        resource "google_compute_firewall" "ok" {
          network       = "default"
          source_ranges = ["35.235.240.0/20"]
          allow {
            protocol = "tcp"
            ports    = ["${port}"]
          }
        }
      ` }],
      invalid: [{ code: code`
        resource "google_compute_firewall" "bad" {
          network = "default"
          allow {
            protocol = "tcp"
            ports    = ["80", "${port}"]
          }
          source_ranges = ["0.0.0.0/0"]
        }
      `, lines: [7] }]
    }
  };
}
var PUBLIC_MEMBERS = /^(allUsers|allAuthenticatedUsers)$/;
var azureGcpRules = [
  {
    id: "iac/azure-storage-public-blob",
    severity: "high",
    title: "Storage account allows public blob access",
    description: "With nested items allowed to be public, any container can be switched to anonymous read access.",
    remediation: "Set allow_nested_items_to_be_public = false (allow_blob_public_access = false before azurerm 3.0).",
    references: [`${CIS_AZ} 3.7`, "CKV_AZURE_190", "CWE-284"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform"],
    types: ["azurerm_storage_account"],
    check: (r) => {
      for (const k of ["allow_nested_items_to_be_public", "allow_blob_public_access"]) {
        const v = r.body[k];
        if (v === void 0 || unknownValue(v)) continue;
        return isTrue(v) ? { path: k } : void 0;
      }
      return r.body.allow_nested_items_to_be_public === void 0 && r.body.allow_blob_public_access === void 0 ? { path: "allow_nested_items_to_be_public", missing: true } : void 0;
    },
    examples: {
      valid: [
        { code: 'resource "azurerm_storage_account" "ok" {\n  allow_nested_items_to_be_public = false\n}\n' },
        { code: 'resource "azurerm_storage_account" "ok" {\n  allow_blob_public_access = false\n}\n' }
      ],
      invalid: [
        { code: 'resource "azurerm_storage_account" "bad" {\n  name                     = "sa"\n  allow_blob_public_access = true\n}\n', lines: [3] },
        { code: 'resource "azurerm_storage_account" "bad" {\n  name = "sa"\n}\n', lines: [1] }
      ]
    }
  },
  attrRule({
    id: "iac/azure-storage-container-public",
    severity: "high",
    title: "Storage container allows anonymous access",
    description: "container_access_type blob or container lets anyone on the internet read (and list) the container's blobs.",
    remediation: 'Set container_access_type = "private" and share with SAS tokens or private endpoints.',
    references: [`${CIS_AZ} 3.7`, "CKV_AZURE_34", "CWE-284"],
    terraform: { types: ["azurerm_storage_container"], attr: "container_access_type", ok: "private", bad: "blob", missing: "pass" }
  }),
  {
    id: "iac/azure-storage-https-only",
    severity: "medium",
    title: "Storage account accepts plain HTTP",
    description: "With HTTPS-only traffic disabled, clients may send keys and data in clear.",
    remediation: "Set https_traffic_only_enabled (enable_https_traffic_only in azurerm < 4) to true.",
    references: [`${CIS_AZ} 3.1`, "CKV_AZURE_3", "CWE-319"],
    tags: ["security", "CWE-319"],
    frameworks: ["terraform"],
    types: ["azurerm_storage_account"],
    check: (r) => ["https_traffic_only_enabled", "enable_https_traffic_only"].filter((k) => r.body[k] !== void 0 && !unknownValue(r.body[k]) && !isTrue(r.body[k])).map((k) => ({ path: k })),
    examples: {
      valid: [{ code: 'resource "azurerm_storage_account" "ok" {\n  https_traffic_only_enabled = true\n}\n' }, { code: 'resource "azurerm_storage_account" "ok" {\n  name = "sa"\n}\n' }],
      invalid: [{ code: 'resource "azurerm_storage_account" "bad" {\n  name                      = "sa"\n  enable_https_traffic_only = false\n}\n', lines: [3] }]
    }
  },
  attrRule({
    id: "iac/azure-storage-min-tls",
    severity: "medium",
    title: "Storage account allows TLS below 1.2",
    description: "TLS 1.0 and 1.1 have known weaknesses and are deprecated.",
    remediation: 'Set min_tls_version = "TLS1_2".',
    references: [`${CIS_AZ} 3.15`, "CKV_AZURE_44", "CWE-326"],
    terraform: { types: ["azurerm_storage_account"], attr: "min_tls_version", ok: "TLS1_2", bad: "TLS1_0", missing: "pass", pass: (v) => !/^TLS1_[01]$/.test(String(v)) }
  }),
  attrRule({
    id: "iac/azure-storage-network-default-allow",
    severity: "medium",
    title: "Storage account network rules allow all networks",
    description: "default_action Allow accepts connections from any network, relying only on keys and tokens.",
    remediation: 'Set network_rules { default_action = "Deny" } and allow the needed subnets and IPs.',
    references: [`${CIS_AZ} 3.8`, "CKV_AZURE_35", "CWE-284"],
    terraform: { types: ["azurerm_storage_account", "azurerm_storage_account_network_rules"], attr: "network_rules.default_action", ok: "Deny", bad: "Allow", missing: "pass" }
  }),
  nsgRule("iac/azure-nsg-open-ssh", 22, "SSH", "CKV_AZURE_10"),
  nsgRule("iac/azure-nsg-open-rdp", 3389, "RDP", "CKV_AZURE_9"),
  attrRule({
    id: "iac/azure-sql-public-network",
    severity: "high",
    title: "Azure SQL server allows public network access",
    description: "With public network access on, the server's endpoint is reachable from the internet, guarded only by firewall rules and credentials.",
    remediation: "Set public_network_access_enabled = false and connect through private endpoints.",
    references: ["CKV_AZURE_113", "CWE-284"],
    terraform: { types: ["azurerm_mssql_server"], attr: "public_network_access_enabled", ok: false, bad: true, missing: "fail", pass: (v) => !isTrue(v) }
  }),
  {
    id: "iac/azure-sql-firewall-open",
    severity: "critical",
    title: "Azure SQL firewall allows every address",
    description: "A firewall rule from 0.0.0.0 to 255.255.255.255 lets the whole internet reach the database.",
    remediation: "Allow only the client ranges that need access (or use private endpoints).",
    references: [`${CIS_AZ} 4.1.2`, "CKV_AZURE_11", "CWE-284"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform"],
    types: ["azurerm_sql_firewall_rule", "azurerm_mssql_firewall_rule", "azurerm_postgresql_firewall_rule", "azurerm_mysql_firewall_rule", "azurerm_postgresql_flexible_server_firewall_rule", "azurerm_mysql_flexible_server_firewall_rule"],
    check: (r) => str(r.body.start_ip_address) === "0.0.0.0" && str(r.body.end_ip_address) === "255.255.255.255" ? { path: "end_ip_address" } : void 0,
    examples: {
      valid: [{ code: 'resource "azurerm_mssql_firewall_rule" "ok" {\n  start_ip_address = "10.0.0.1"\n  end_ip_address   = "10.0.0.9"\n}\n' }],
      invalid: [{ code: 'resource "azurerm_mssql_firewall_rule" "bad" {\n  start_ip_address = "0.0.0.0"\n  end_ip_address   = "255.255.255.255"\n}\n', lines: [3] }]
    }
  },
  attrRule({
    id: "iac/azure-disk-encryption-disabled",
    severity: "medium",
    title: "Managed disk encryption settings are disabled",
    description: "encryption_settings { enabled = false } turns off Azure Disk Encryption for the disk.",
    remediation: "Enable encryption_settings, or use a disk encryption set with customer-managed keys.",
    references: [`${CIS_AZ} 7.2`, "CKV_AZURE_2", "CWE-311"],
    terraform: { types: ["azurerm_managed_disk"], attr: "encryption_settings.enabled", ok: true, bad: false, missing: "pass" }
  }),
  attrRule({
    id: "iac/azure-keyvault-purge-protection",
    severity: "medium",
    title: "Key Vault purge protection is off",
    description: "Without purge protection a deleted vault and its keys can be purged immediately, by mistake or by an attacker.",
    remediation: "Set purge_protection_enabled = true.",
    references: [`${CIS_AZ} 8.5`, "CKV_AZURE_110"],
    terraform: { types: ["azurerm_key_vault"], attr: "purge_protection_enabled", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/azure-aks-rbac-disabled",
    severity: "high",
    title: "AKS cluster has Kubernetes RBAC disabled",
    description: "Without RBAC every authenticated user and service account can do anything in the cluster.",
    remediation: "Set role_based_access_control_enabled = true.",
    references: ["CKV_AZURE_5", "CWE-285"],
    terraform: { types: ["azurerm_kubernetes_cluster"], attr: "role_based_access_control_enabled", ok: true, bad: false, missing: "pass" }
  }),
  attrRule({
    id: "iac/azure-app-service-https",
    severity: "medium",
    title: "App Service accepts plain HTTP",
    description: "Without https_only, users can reach the app over HTTP and expose cookies and credentials.",
    remediation: "Set https_only = true.",
    references: [`${CIS_AZ} 9.2`, "CKV_AZURE_14", "CWE-319"],
    terraform: { types: ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_function_app", "azurerm_linux_function_app", "azurerm_windows_function_app"], attr: "https_only", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/azure-app-service-min-tls",
    severity: "medium",
    title: "App Service allows TLS below 1.2",
    description: "TLS 1.0 and 1.1 have known weaknesses and are deprecated.",
    remediation: 'Set site_config { minimum_tls_version = "1.2" } (min_tls_version in older providers).',
    references: [`${CIS_AZ} 9.3`, "CKV_AZURE_15", "CWE-326"],
    terraform: { types: ["azurerm_linux_web_app", "azurerm_windows_web_app"], attr: "site_config.minimum_tls_version", ok: "1.2", bad: "1.0", missing: "pass", pass: (v) => !/^1\.[01]$/.test(String(v)) }
  }),
  attrRule({
    id: "iac/azure-postgres-ssl-disabled",
    severity: "high",
    title: "Database server does not enforce SSL",
    description: "With SSL enforcement off, clients may connect in clear and expose credentials and data.",
    remediation: "Set ssl_enforcement_enabled = true.",
    references: [`${CIS_AZ} 4.3.1`, "CKV_AZURE_29", "CWE-319"],
    terraform: { types: ["azurerm_postgresql_server", "azurerm_mysql_server"], attr: "ssl_enforcement_enabled", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/azure-vm-password-auth",
    severity: "medium",
    title: "Linux VM allows password authentication",
    description: "Password logins over SSH are open to guessing; keys are much stronger.",
    remediation: "Set disable_password_authentication = true and provide admin_ssh_key.",
    references: ["CKV_AZURE_1", "CWE-309"],
    terraform: { types: ["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"], attr: "disable_password_authentication", ok: true, bad: false, missing: "pass" }
  }),
  {
    id: "iac/gcp-storage-public",
    severity: "critical",
    title: "Cloud Storage bucket is shared with allUsers",
    description: "Granting a role to allUsers or allAuthenticatedUsers makes the bucket readable (or writable) by anyone on the internet.",
    remediation: "Remove allUsers/allAuthenticatedUsers from the bucket's IAM and grant named principals instead.",
    references: [`${CIS_GCP} 5.1`, "CKV_GCP_28", "CWE-284"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform"],
    types: ["google_storage_bucket_iam_member", "google_storage_bucket_iam_binding", "google_storage_bucket_acl", "google_storage_default_object_acl"],
    check: (r) => {
      const out = [];
      if (typeof r.body.member === "string" && PUBLIC_MEMBERS.test(r.body.member)) out.push({ path: "member" });
      for (const key of ["members", "role_entity"]) {
        for (const m of each(r.body, `${key}.*`)) if (typeof m.value === "string" && /(^|:)(allUsers|allAuthenticatedUsers)$/.test(m.value)) out.push({ path: m.path });
      }
      return out;
    },
    examples: {
      valid: [{ code: 'resource "google_storage_bucket_iam_member" "ok" {\n  bucket = "b"\n  role   = "roles/storage.objectViewer"\n  member = "group:team@example.com"\n}\n' }],
      invalid: [{ code: 'resource "google_storage_bucket_iam_binding" "bad" {\n  bucket  = "b"\n  role    = "roles/storage.objectViewer"\n  members = [\n    "allUsers",\n  ]\n}\n', lines: [5] }]
    }
  },
  attrRule({
    id: "iac/gcp-storage-uniform-access",
    severity: "medium",
    title: "Cloud Storage bucket uses fine-grained ACLs",
    description: "Without uniform bucket-level access, object ACLs can silently make individual objects public.",
    remediation: "Set uniform_bucket_level_access = true.",
    references: [`${CIS_GCP} 5.2`, "CKV_GCP_29"],
    terraform: { types: ["google_storage_bucket"], attr: "uniform_bucket_level_access", ok: true, bad: false, missing: "fail" }
  }),
  gcpFirewallRule("iac/gcp-firewall-open-ssh", 22, "SSH", "CKV_GCP_2"),
  gcpFirewallRule("iac/gcp-firewall-open-rdp", 3389, "RDP", "CKV_GCP_3"),
  {
    id: "iac/gcp-sql-public",
    severity: "critical",
    title: "Cloud SQL instance is open to the internet",
    description: "An authorized network of 0.0.0.0/0 lets any address connect to the instance's public IP.",
    remediation: "Remove the 0.0.0.0/0 authorized network; use private IP or the Cloud SQL Auth Proxy.",
    references: [`${CIS_GCP} 6.5`, "CKV_GCP_11", "CWE-284"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform"],
    types: ["google_sql_database_instance"],
    check: (r) => each(r.body, "settings.ip_configuration.authorized_networks.value").filter((m) => m.value === "0.0.0.0/0").map((m) => ({ path: m.path })),
    examples: {
      valid: [{ code: 'resource "google_sql_database_instance" "ok" {\n  settings {\n    ip_configuration {\n      ipv4_enabled = false\n    }\n  }\n}\n' }],
      invalid: [{ code: 'resource "google_sql_database_instance" "bad" {\n  settings {\n    ip_configuration {\n      authorized_networks {\n        name  = "all"\n        value = "0.0.0.0/0"\n      }\n    }\n  }\n}\n', lines: [6] }]
    }
  },
  {
    id: "iac/gcp-sql-ssl",
    severity: "medium",
    title: "Cloud SQL instance does not require SSL",
    description: "Without SSL enforcement, clients may connect in clear.",
    remediation: 'Set settings { ip_configuration { ssl_mode = "ENCRYPTED_ONLY" } } (or require_ssl = true on older providers).',
    references: [`${CIS_GCP} 6.7`, "CKV_GCP_6", "CWE-319"],
    tags: ["security", "CWE-319"],
    frameworks: ["terraform"],
    types: ["google_sql_database_instance"],
    check: (r) => {
      const ip = each(r.body, "settings.ip_configuration")[0];
      if (!ip || !Array.isArray(ip.value) || !isObj(ip.value[0])) return { path: "settings.ip_configuration", missing: true };
      const cfg = ip.value[0];
      const base = `${ip.path}.0`;
      if (isTrue(cfg.require_ssl) || /^(ENCRYPTED_ONLY|TRUSTED_CLIENT_CERTIFICATE_REQUIRED)$/.test(str(cfg.ssl_mode) ?? "") || unknownValue(cfg.ssl_mode) || unknownValue(cfg.require_ssl)) return void 0;
      if (cfg.ssl_mode !== void 0) return { path: `${base}.ssl_mode` };
      if (cfg.require_ssl !== void 0) return { path: `${base}.require_ssl` };
      return { path: `${base}.ssl_mode`, missing: true };
    },
    examples: {
      valid: [{ code: 'resource "google_sql_database_instance" "ok" {\n  settings {\n    ip_configuration {\n      ssl_mode = "ENCRYPTED_ONLY"\n    }\n  }\n}\n' }],
      invalid: [{ code: 'resource "google_sql_database_instance" "bad" {\n  settings {\n    ip_configuration {\n      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"\n    }\n  }\n}\n', lines: [4] }]
    }
  },
  {
    id: "iac/gcp-disk-no-cmek",
    severity: "low",
    title: "Compute disk is not encrypted with a customer-managed key",
    description: "Disks encrypted only with Google-managed keys cannot be revoked or audited by you.",
    remediation: "Add disk_encryption_key { kms_key_self_link = ... } (CSEK or CMEK).",
    references: [`${CIS_GCP} 4.7`, "CKV_GCP_37", "CWE-311"],
    tags: ["security", "CWE-311"],
    frameworks: ["terraform"],
    types: ["google_compute_disk"],
    check: (r) => blocks(r.body, "disk_encryption_key").length === 0 && r.body.disk_encryption_key === void 0 ? { path: "disk_encryption_key", missing: true } : void 0,
    examples: {
      valid: [{ code: 'resource "google_compute_disk" "ok" {\n  disk_encryption_key {\n    kms_key_self_link = google_kms_crypto_key.k.id\n  }\n}\n' }],
      invalid: [{ code: 'resource "google_compute_disk" "bad" {\n  size = 10\n}\n', lines: [1] }]
    }
  },
  {
    id: "iac/gcp-compute-serial-port",
    severity: "medium",
    title: "Compute instance enables the interactive serial port",
    description: "The serial console accepts connections from any IP and bypasses firewall rules.",
    remediation: "Remove metadata serial-port-enable or set it to false.",
    references: [`${CIS_GCP} 4.5`, "CKV_GCP_35", "CWE-284"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform"],
    types: ["google_compute_instance", "google_compute_instance_template"],
    check: (r) => {
      const v = get(r.body, "metadata.serial-port-enable");
      return v !== void 0 && (isTrue(v) || v === 1 || v === "1") ? { path: "metadata.serial-port-enable" } : void 0;
    },
    examples: {
      valid: [{ code: 'resource "google_compute_instance" "ok" {\n  metadata = {\n    enable-oslogin = "TRUE"\n  }\n}\n' }],
      invalid: [{ code: 'resource "google_compute_instance" "bad" {\n  metadata = {\n    serial-port-enable = true\n  }\n}\n', lines: [3] }]
    }
  },
  {
    id: "iac/gcp-compute-default-service-account",
    severity: "medium",
    title: "Compute instance uses the default service account with full scopes",
    description: "The default compute service account is Editor on the project; with the cloud-platform scope any process on the VM can act on the whole project.",
    remediation: "Attach a dedicated service account with minimal roles, and narrow scopes.",
    references: [`${CIS_GCP} 4.2`, "CKV_GCP_30", "CKV_GCP_31", "CWE-250"],
    tags: ["security", "CWE-250"],
    frameworks: ["terraform"],
    types: ["google_compute_instance", "google_compute_instance_template"],
    check: (r) => blocks(r.body, "service_account").flatMap(({ value, path }) => {
      const email = str(value.email);
      const defaultSa = email === void 0 || /-compute@developer\.gserviceaccount\.com$/.test(email) || email === "default";
      const fullScope = strings(value.scopes).some((s) => s === "cloud-platform" || s.endsWith("/auth/cloud-platform"));
      return defaultSa && fullScope ? [{ path: `${path}.scopes` }] : [];
    }),
    examples: {
      valid: [{ code: 'resource "google_compute_instance" "ok" {\n  service_account {\n    email  = "app@p.iam.gserviceaccount.com"\n    scopes = ["cloud-platform"]\n  }\n}\n' }],
      invalid: [{ code: 'resource "google_compute_instance" "bad" {\n  service_account {\n    scopes = ["cloud-platform"]\n  }\n}\n', lines: [3] }]
    }
  },
  attrRule({
    id: "iac/gcp-gke-legacy-abac",
    severity: "high",
    title: "GKE cluster uses legacy ABAC",
    description: "Legacy ABAC grants broad static permissions and bypasses Kubernetes RBAC.",
    remediation: "Set enable_legacy_abac = false.",
    references: [`CIS GKE Benchmark 5.8.3`, "CKV_GCP_7", "CWE-285"],
    terraform: { types: ["google_container_cluster"], attr: "enable_legacy_abac", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) }
  }),
  {
    id: "iac/gcp-kms-rotation",
    severity: "medium",
    title: "Cloud KMS key is not rotated within 90 days",
    description: "Keys without a rotation period (or with one over 90 days) stay in use for too long.",
    remediation: "Set rotation_period to 7776000s (90 days) or less.",
    references: [`${CIS_GCP} 1.10`, "CKV_GCP_43", "CWE-320"],
    tags: ["security", "CWE-320"],
    frameworks: ["terraform"],
    types: ["google_kms_crypto_key"],
    check: (r) => {
      const v = r.body.rotation_period;
      if (v === void 0) return { path: "rotation_period", missing: true };
      if (unknownValue(v)) return void 0;
      const seconds = num(String(v).replace(/s$/, ""));
      return seconds === void 0 || seconds > 7776e3 ? { path: "rotation_period" } : void 0;
    },
    examples: {
      valid: [{ code: 'resource "google_kms_crypto_key" "ok" {\n  rotation_period = "7776000s"\n}\n' }],
      invalid: [{ code: 'resource "google_kms_crypto_key" "bad" {\n  name            = "k"\n  rotation_period = "31536000s"\n}\n', lines: [3] }, { code: 'resource "google_kms_crypto_key" "bad" {\n  name = "k"\n}\n', lines: [1] }]
    }
  },
  {
    id: "iac/gcp-project-public-iam",
    severity: "critical",
    title: "Project IAM grants a role to allUsers",
    description: "A project-level binding for allUsers or allAuthenticatedUsers gives that role to anyone with (or without) a Google account.",
    remediation: "Grant the role to named users, groups or service accounts.",
    references: ["CWE-284", "https://cloud.google.com/iam/docs/principals-overview#allusers"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform"],
    types: ["google_project_iam_member", "google_project_iam_binding"],
    check: (r) => [
      ...typeof r.body.member === "string" && PUBLIC_MEMBERS.test(r.body.member) ? [{ path: "member" }] : [],
      ...each(r.body, "members.*").filter((m) => typeof m.value === "string" && PUBLIC_MEMBERS.test(m.value)).map((m) => ({ path: m.path }))
    ],
    examples: {
      valid: [{ code: 'resource "google_project_iam_member" "ok" {\n  role   = "roles/viewer"\n  member = "user:a@example.com"\n}\n' }],
      invalid: [{ code: 'resource "google_project_iam_member" "bad" {\n  role   = "roles/viewer"\n  member = "allAuthenticatedUsers"\n}\n', lines: [3] }]
    }
  },
  attrRule({
    id: "iac/gcp-gke-private-nodes",
    severity: "medium",
    title: "GKE nodes have public IP addresses",
    description: "Without private nodes every node gets a public address reachable from the internet.",
    remediation: "Add private_cluster_config { enable_private_nodes = true }.",
    references: ["CIS GKE Benchmark 5.6.5", "CKV_GCP_64", "CWE-284"],
    terraform: { types: ["google_container_cluster"], attr: "private_cluster_config.enable_private_nodes", ok: true, bad: false, missing: "fail" }
  }),
  attrRule({
    id: "iac/azure-mssql-min-tls",
    severity: "medium",
    title: "Azure SQL server allows TLS below 1.2",
    description: "TLS 1.0 and 1.1 have known weaknesses and are deprecated.",
    remediation: 'Set minimum_tls_version = "1.2".',
    references: ["CKV_AZURE_52", "CWE-326"],
    terraform: { types: ["azurerm_mssql_server"], attr: "minimum_tls_version", ok: "1.2", bad: "1.0", missing: "pass", pass: (v) => !/^(1\.0|1\.1|Disabled)$/.test(String(v)) }
  }),
  attrRule({
    id: "iac/azure-redis-non-ssl-port",
    severity: "high",
    title: "Azure Cache for Redis enables the non-SSL port",
    description: "The non-SSL port (6379) carries the access key and data in clear.",
    remediation: "Set non_ssl_port_enabled (enable_non_ssl_port) to false.",
    references: ["CKV_AZURE_91", "CWE-319"],
    terraform: { types: ["azurerm_redis_cache"], attr: "enable_non_ssl_port", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) }
  }),
  attrRule({
    id: "iac/azure-keyvault-network-open",
    severity: "medium",
    title: "Key Vault accepts traffic from all networks",
    description: "Without network ACLs defaulting to Deny, the vault endpoint is reachable from anywhere.",
    remediation: 'Add network_acls { default_action = "Deny" bypass = "AzureServices" } and allow the needed networks.',
    references: ["CKV_AZURE_109", "CWE-284"],
    terraform: { types: ["azurerm_key_vault"], attr: "network_acls.default_action", ok: "Deny", bad: "Allow", missing: "fail" }
  }),
  attrRule({
    id: "iac/azure-aks-network-policy",
    severity: "low",
    title: "AKS cluster has no network policy",
    description: "Without a network policy engine every pod can talk to every other pod.",
    remediation: 'Set network_profile { network_policy = "azure" } (or calico/cilium).',
    references: ["CKV_AZURE_7"],
    terraform: { types: ["azurerm_kubernetes_cluster"], attr: "network_profile.network_policy", ok: "azure", bad: "", missing: "fail", pass: (v) => isSet(v) }
  }),
  attrRule({
    id: "iac/gcp-compute-ip-forwarding",
    severity: "medium",
    title: "Compute instance can forward IP packets",
    description: "IP forwarding lets the instance route traffic for others, bypassing firewall intent, unless it is a deliberate NAT or router.",
    remediation: "Set can_ip_forward = false unless the instance is a network appliance.",
    references: [`${CIS_GCP} 4.6`, "CKV_GCP_36"],
    terraform: { types: ["google_compute_instance", "google_compute_instance_template"], attr: "can_ip_forward", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) }
  }),
  attrRule({
    id: "iac/gcp-compute-shielded-vm",
    severity: "low",
    title: "Compute instance does not use Shielded VM integrity monitoring",
    description: "Shielded VM's secure boot and integrity monitoring detect boot-level tampering.",
    remediation: "Add shielded_instance_config { enable_integrity_monitoring = true enable_vtpm = true }.",
    references: [`${CIS_GCP} 4.8`, "CKV_GCP_39"],
    terraform: { types: ["google_compute_instance"], attr: "shielded_instance_config.enable_integrity_monitoring", ok: true, bad: false, missing: "fail" }
  }),
  {
    id: "iac/gcp-bigquery-public",
    severity: "critical",
    title: "BigQuery dataset is readable by everyone",
    description: "An access entry for allUsers or allAuthenticatedUsers exposes the dataset's tables to anyone.",
    remediation: "Remove the special_group allAuthenticatedUsers / iam_member allUsers access entry.",
    references: [`${CIS_GCP} 7.1`, "CKV_GCP_15", "CWE-284"],
    tags: ["security", "CWE-284"],
    frameworks: ["terraform"],
    types: ["google_bigquery_dataset", "google_bigquery_dataset_iam_member", "google_bigquery_dataset_iam_binding"],
    check: (r) => [
      ...blocks(r.body, "access").flatMap(
        ({ value, path }) => [["special_group", /^allAuthenticatedUsers$/], ["iam_member", /^allUsers$/]].flatMap(([k, re]) => typeof value[k] === "string" && re.test(value[k]) ? [{ path: `${path}.${k}` }] : [])
      ),
      ...typeof r.body.member === "string" && PUBLIC_MEMBERS.test(r.body.member) ? [{ path: "member" }] : [],
      ...each(r.body, "members.*").filter((m) => typeof m.value === "string" && PUBLIC_MEMBERS.test(m.value)).map((m) => ({ path: m.path }))
    ],
    examples: {
      valid: [{ code: 'resource "google_bigquery_dataset" "ok" {\n  access {\n    role          = "READER"\n    special_group = "projectReaders"\n  }\n}\n' }],
      invalid: [{ code: 'resource "google_bigquery_dataset" "bad" {\n  access {\n    role          = "READER"\n    special_group = "allAuthenticatedUsers"\n  }\n}\n', lines: [4] }]
    }
  },
  attrRule({
    id: "iac/gcp-gke-network-policy",
    severity: "low",
    title: "GKE cluster has no network policy",
    description: "Without network policy enforcement every pod can talk to every other pod.",
    remediation: "Set network_policy { enabled = true } (or use Dataplane V2).",
    references: ["CIS GKE Benchmark 5.6.7", "CKV_GCP_12"],
    terraform: { types: ["google_container_cluster"], attr: "network_policy.enabled", ok: true, bad: false, missing: "fail", when: (b) => str(b.datapath_provider) !== "ADVANCED_DATAPATH" }
  })
];

// src/scanners/iac/rules/index.ts
var RULES = [...awsRules, ...kubernetesRules, ...dockerfileRules, ...composeRules, ...ciRules, ...azureGcpRules];
function ruleMeta(rule2) {
  const meta = {
    id: rule2.id,
    severity: rule2.severity,
    title: rule2.title,
    description: rule2.description,
    remediation: rule2.remediation,
    tags: [.../* @__PURE__ */ new Set([...rule2.tags ?? ["security"], ...rule2.frameworks.map((f) => `framework:${f}`), ...rule2.references.filter((r) => /^(CWE-\d+|CKV2?_\w+)$/.test(r))])]
  };
  const help = rule2.helpUri ?? rule2.references.find((r) => r.startsWith("https://"));
  if (help) meta.helpUri = help;
  return meta;
}

export {
  FRAMEWORKS,
  Unresolved,
  each,
  num,
  looseEquals,
  unknownValue,
  RULES,
  ruleMeta
};

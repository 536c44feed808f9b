// Readers for AWS concepts that several rules share across Terraform and CloudFormation:
// security group ingress, IAM policy statements, references between Terraform resources.
import { Unresolved, type Obj, type Resource, type Value } from "../types.js";
import { blocks, each, get, isObj, join, num, policyDocument, statements, str, strings } from "./helpers.js";

export interface Ingress {
  /** Path of the open CIDR entry (the offending attribute). */
  path: string;
  from: number;
  to: number;
  /** All protocols / all ports. */
  all: boolean;
  protocol: string;
}

const OPEN = new Set(["0.0.0.0/0", "::/0"]);

function portRange(fromV: Value | undefined, toV: Value | undefined, protocolV: Value | undefined): { from: number; to: number; all: boolean; protocol: string } {
  const protocol = (str(protocolV) ?? "tcp").toLowerCase();
  const all = protocol === "-1" || protocol === "all";
  const from = num(fromV);
  const to = num(toV);
  if (all || from === undefined || to === undefined) return { from: 0, to: 65535, all: all || from === undefined, protocol };
  // -1 ports mean "all" for ICMP-less rules; 0-0 with protocol -1 handled above.
  if (from === -1 && to === -1) return { from: 0, to: 65535, all: true, protocol };
  return { from, to, all: false, protocol };
}

/** Ingress entries open to the world, in every shape Terraform and CloudFormation write them. */
export function openIngress(r: Resource): Ingress[] {
  const out: Ingress[] = [];
  const push = (entry: Obj, base: string, cidrKeys: string[], keys: { from: string; to: string; protocol: string }): void => {
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

export const SG_TYPES = {
  terraform: ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"],
  cloudformation: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"],
};

export function coversPort(i: Ingress, port: number): boolean {
  return i.all || (i.protocol !== "udp" && i.protocol !== "17" && i.protocol !== "icmp" && i.from <= port && port <= i.to);
}

// ---- IAM ---------------------------------------------------------------------------------------

export interface PolicyStatement {
  /** Normalised: Effect, Action, NotAction, Resource, Principal, Condition. */
  effect: string;
  actions: string[];
  notActions: string[];
  resources: string[];
  principals: Value | undefined;
  hasCondition: boolean;
  /** Paths for findings. */
  path: string;
  actionPath: string;
  resourcePath: string;
  principalPath: string;
}

export type PolicyKind = "identity" | "resource" | "trust";

function fromJsonStatement(s: Obj, path: string): PolicyStatement {
  const action = s.Action ?? s.action;
  return {
    effect: str(s.Effect) ?? "Allow",
    actions: strings(action),
    notActions: strings(s.NotAction),
    resources: strings(s.Resource),
    principals: s.Principal,
    hasCondition: s.Condition !== undefined,
    path,
    actionPath: join(path, s.NotAction !== undefined && action === undefined ? "NotAction" : "Action"),
    resourcePath: join(path, "Resource"),
    principalPath: join(path, "Principal"),
  };
}

/** Every policy statement a resource carries, with what kind of policy it is. */
export function policyStatements(r: Resource, kinds: PolicyKind[]): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  const fromDoc = (v: Value | undefined, path: string, kind: PolicyKind): void => {
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
          const principals = blocks(s, "principals").flatMap((p) => (str(p.value.type) === "*" || strings(p.value.identifiers).includes("*") ? ["*"] : []));
          out.push({
            effect: str(s.effect) ?? "Allow",
            actions: strings(s.actions),
            notActions: strings(s.not_actions),
            resources: strings(s.resources),
            principals: principals.length > 0 ? "*" : undefined,
            hasCondition: blocks(s, "condition").length > 0,
            path: b.path,
            actionPath: join(b.path, s.actions === undefined && s.not_actions !== undefined ? "not_actions" : "actions"),
            resourcePath: join(b.path, "resources"),
            principalPath: join(b.path, "principals"),
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

export const IAM_TYPES = {
  terraform: ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role", "aws_iam_policy_document"],
  cloudformation: ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"],
};

export function isPublicPrincipal(p: Value | undefined): boolean {
  if (p === "*") return true;
  if (isObj(p)) return strings(p.AWS).includes("*") || strings(p.aws).includes("*");
  return false;
}

// ---- Terraform references ----------------------------------------------------------------------

/** Does `value` refer to resource `target` (by reference expression, or by its literal bucket/name)? */
export function refersTo(value: Value | undefined, target: Resource, nameAttrs: string[] = ["bucket", "name"]): boolean {
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

/** Neighbours of type `type` whose `attr` refers to `target`. */
export function companions(target: Resource, neighbours: readonly Resource[], type: string, attr = "bucket"): Resource[] {
  return neighbours.filter((n) => n.type === type && refersTo(n.body[attr], target));
}

// The IaC engine's shared model: every parser turns a file into resources (plain values plus a
// path → line map), and every rule is metadata plus a check over one resource.
import type { RuleMeta } from "../../core/types.js";

/** Framework keys, as the `frameworks:` option of the iac gate names them. */
export const FRAMEWORKS = [
  "terraform",
  "terraform-plan",
  "kubernetes",
  "dockerfile",
  "cloudformation",
  "compose",
  "github-actions",
  "gitlab-ci",
] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** A value the parser could not reduce to a literal (a reference, a function call, an intrinsic). */
export class Unresolved {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Value = string | number | boolean | null | Unresolved | Value[] | { [key: string]: Value };
export type Obj = { [key: string]: Value };

/** One thing rules look at: a Terraform resource, a Kubernetes object, a CloudFormation resource, a Compose service, a whole Dockerfile or CI file. */
export interface Resource {
  /** The framework whose rules apply (a plan resource is checked by the Terraform rules). */
  framework: Exclude<Framework, "terraform-plan">;
  /** Which parser produced it, when it differs from `framework` ("terraform-plan"). */
  source?: Framework;
  /** "aws_s3_bucket", "Deployment", "AWS::S3::Bucket", "service", "dockerfile", "workflow", "pipeline". */
  type: string;
  /** Stable address: "aws_s3_bucket.logs", "Deployment/default/web", a logical id, a service name. */
  address: string;
  /** Repository-relative path. */
  path: string;
  /** First line of the resource (1-based). */
  line: number;
  /** Last line of the resource. */
  endLine: number;
  body: Obj;
  /** Dotted path inside body ("ingress.0.cidr_blocks") → 1-based line. */
  lines: Map<string, number>;
  /** True when the whole file is the resource (Dockerfile, workflow): inline ignores must sit on its first lines. */
  wholeFile?: boolean;
}

/** What a check reports: the attribute path that is wrong (or missing) and, optionally, a specific message. */
export interface Issue {
  /** Dotted path inside the resource body; "" for the resource itself. */
  path: string;
  /** The attribute does not exist: the finding points at its nearest existing ancestor. */
  missing?: boolean;
  message?: string;
  /** Explicit line when the path is not in the line map (Dockerfile instructions). */
  line?: number;
  /** Fingerprint key when the path is positional (a Dockerfile instruction's index): default the path. */
  key?: string;
}

/** Everything a check may look at besides its resource: the other resources of the same module / file. */
export interface CheckContext {
  /** Resources of the same Terraform module (directory) or the same file for other frameworks. */
  neighbours: readonly Resource[];
}

export type CheckResult = Issue | Issue[] | undefined | null | false;

export interface RuleExample {
  /** File name the example is scanned under (framework detection); defaults per framework. */
  file?: string;
  code: string;
}

export interface InvalidExample extends RuleExample {
  /** Expected line(s) of the findings of this rule. */
  lines: number[];
}

export interface IacRule extends RuleMeta {
  remediation: string;
  frameworks: Framework[];
  /** CIS, CWE, vendor documentation. */
  references: string[];
  /** Resource types the check applies to; undefined means every resource of its frameworks. */
  types?: string[];
  check(resource: Resource, ctx: CheckContext): CheckResult;
  examples: { valid: RuleExample[]; invalid: InvalidExample[] };
}

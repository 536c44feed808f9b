// AWS rules for Terraform and CloudFormation (Checkov / KICS semantics for the common checks).
import type { IacRule, Issue, Resource } from "../types.js";
import { IAM_TYPES, SG_TYPES, companions, coversPort, isPublicPrincipal, openIngress, policyStatements } from "./aws-shared.js";
import { attrRule, code, looseEquals, unknownValue } from "./factory.js";
import { block, blocks, each, get, isFalse, isObj, isSet, isTrue, looksLikeLiteralSecret, looksLikeSecretName, str, strings } from "./helpers.js";

const CIS_AWS = "CIS Amazon Web Services Foundations Benchmark";

function sgRule(input: { id: string; port?: number; ports?: number[]; name: string; severity: IacRule["severity"]; references: string[] }): IacRule {
  const ports = input.ports ?? (input.port !== undefined ? [input.port] : []);
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
          `,
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
          `,
        },
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
          lines: [6],
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
          lines: [6],
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
          lines: [9],
        },
      ],
    },
  };
}

const ADMIN_PORTS = [20, 21, 23, 445, 1433, 1521, 2375, 2376, 3306, 5432, 5601, 5900, 6379, 9200, 11211, 27017];

const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read", "PublicRead", "PublicReadWrite", "AuthenticatedRead"];

function readOnlyAction(a: string): boolean {
  return /^[\w-]+:(Describe|List|Get|Head|BatchGet|Lookup|Search|Query|Scan|View)[\w*]*$/i.test(a) && !a.endsWith(":*");
}

function lambdaVariables(r: Resource): { path: string; vars: Record<string, unknown> }[] {
  if (r.framework === "terraform") {
    return blocks(r.body, "environment").flatMap((b) => (isObj(b.value.variables) ? [{ path: `${b.path}.variables`, vars: b.value.variables }] : []));
  }
  const v = get(r.body, "Environment.Variables");
  return isObj(v) ? [{ path: "Environment.Variables", vars: v }] : [];
}

const AWS_KEY = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;

export const awsRules: IacRule[] = [
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
    check: (r) => openIngress(r).filter((i) => i.all || (i.from <= 0 && i.to >= 65535)).map((i) => ({ path: i.path })),
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
        `, lines: [7] },
      ],
    },
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
      return v !== undefined && PUBLIC_ACLS.includes(v) ? { path: attr } : undefined;
    },
    examples: {
      valid: [
        { file: "main.tf", code: code`
          resource "aws_s3_bucket_acl" "ok" {
            bucket = aws_s3_bucket.b.id
            acl    = "private"
          }
        ` },
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
        `, lines: [5] },
      ],
    },
  },
  {
    id: "iac/aws-s3-public-policy",
    severity: "critical",
    title: "S3 bucket policy allows anyone",
    description: "A bucket policy statement with Effect Allow, Principal \"*\" and no Condition grants its actions to everybody on the internet.",
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
        `, lines: [9] },
      ],
    },
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
      const out: Issue[] = [];
      if (r.framework === "terraform") {
        for (const k of ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]) {
          const v = r.body[k];
          if (v === undefined) out.push({ path: k, missing: true, message: `${k} is not set (it defaults to false)` });
          else if (!unknownValue(v) && !isTrue(v)) out.push({ path: k, message: `${k} is not true` });
        }
      } else {
        const cfg = r.body.PublicAccessBlockConfiguration;
        if (!isObj(cfg)) return out;
        for (const k of ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]) {
          const v = cfg[k];
          if (v === undefined) out.push({ path: `PublicAccessBlockConfiguration.${k}`, missing: true, message: `${k} is not set (it defaults to false)` });
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
        `, lines: [8] },
      ],
    },
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
      if (r.framework === "cloudformation") return r.body.PublicAccessBlockConfiguration === undefined ? { path: "PublicAccessBlockConfiguration", missing: true } : undefined;
      if (r.source === "terraform-plan") return undefined;
      if (ctx.neighbours.some((n) => n.type === "aws_s3_account_public_access_block")) return undefined;
      return companions(r, ctx.neighbours, "aws_s3_bucket_public_access_block").length === 0 ? { path: "", missing: true } : undefined;
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
        `, lines: [2] },
      ],
    },
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
      if (r.framework === "cloudformation") return r.body.BucketEncryption === undefined ? { path: "BucketEncryption", missing: true } : undefined;
      if (r.body.server_side_encryption_configuration !== undefined) return undefined;
      if (r.source === "terraform-plan") return { path: "server_side_encryption_configuration", missing: true };
      return companions(r, ctx.neighbours, "aws_s3_bucket_server_side_encryption_configuration").length === 0 ? { path: "server_side_encryption_configuration", missing: true } : undefined;
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
        ` },
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
        `, lines: [2] },
      ],
    },
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
        if (s === undefined) return { path: "VersioningConfiguration.Status", missing: true };
        return unknownValue(s) || looseEquals(s, "Enabled") ? undefined : { path: "VersioningConfiguration.Status" };
      }
      if (r.type === "aws_s3_bucket_versioning") {
        const s = each(r.body, "versioning_configuration.status")[0];
        return s && !unknownValue(s.value) && !looseEquals(s.value, "Enabled") ? { path: s.path } : undefined;
      }
      // Provider v4+ configures versioning in its own resource (plans still show the inline block as disabled).
      const separate = companions(r, ctx.neighbours, "aws_s3_bucket_versioning");
      if (separate.length > 0) return undefined;
      const v = block(r.body, "versioning");
      if (v) {
        const e = v.value.enabled;
        if (e === undefined) return { path: `${v.path}.enabled`, missing: true };
        return unknownValue(e) || isTrue(e) ? undefined : { path: `${v.path}.enabled` };
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
        `, lines: [6] },
      ],
    },
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
      if (r.framework === "cloudformation") return r.body.LoggingConfiguration === undefined ? { path: "LoggingConfiguration", missing: true } : undefined;
      if (r.body.logging !== undefined || r.source === "terraform-plan") return undefined;
      return companions(r, ctx.neighbours, "aws_s3_bucket_logging").length === 0 ? { path: "logging", missing: true } : undefined;
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
        `, lines: [1] },
      ],
    },
  },
  attrRule({
    id: "iac/aws-rds-public",
    severity: "critical",
    title: "RDS instance is publicly accessible",
    description: "publicly_accessible gives the database a public address, exposing it to password guessing and exploits from the internet.",
    remediation: "Set publicly_accessible (PubliclyAccessible) to false and reach the database from inside the VPC.",
    references: ["CKV_AWS_17", "CWE-284", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html"],
    terraform: { types: ["aws_db_instance", "aws_rds_cluster_instance"], attr: "publicly_accessible", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
    cloudformation: { types: ["AWS::RDS::DBInstance"], attr: "PubliclyAccessible", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
  }),
  attrRule({
    id: "iac/aws-rds-unencrypted",
    severity: "high",
    title: "RDS storage is not encrypted",
    description: "Unencrypted database storage, snapshots and replicas expose data to anyone who obtains a copy of the volume or a snapshot.",
    remediation: "Set storage_encrypted (StorageEncrypted) to true, optionally with a customer-managed kms_key_id.",
    references: ["CKV_AWS_16", "CWE-311", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"],
    terraform: { types: ["aws_db_instance", "aws_rds_cluster"], attr: "storage_encrypted", ok: true, bad: false, missing: "fail", when: (b) => !/aurora|serverless/.test(str(b.engine_mode) ?? "") && b.replicate_source_db === undefined && b.snapshot_identifier === undefined },
    cloudformation: { types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"], attr: "StorageEncrypted", ok: true, bad: false, missing: "fail", when: (b) => b.SourceDBInstanceIdentifier === undefined && b.DBSnapshotIdentifier === undefined && b.DBClusterIdentifier === undefined },
  }),
  attrRule({
    id: "iac/aws-rds-backup-retention",
    severity: "medium",
    title: "RDS automated backups are disabled",
    description: "A backup retention period of 0 turns off automated backups and point-in-time recovery.",
    remediation: "Set backup_retention_period (BackupRetentionPeriod) to at least 7 days.",
    references: ["CKV_AWS_133", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html"],
    terraform: { types: ["aws_db_instance", "aws_rds_cluster"], attr: "backup_retention_period", ok: 7, bad: 0, missing: "pass", pass: (v) => typeof v !== "number" || v > 0 },
    cloudformation: { types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"], attr: "BackupRetentionPeriod", ok: 7, bad: 0, missing: "pass", pass: (v) => !(v === 0 || v === "0") },
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
    cloudformation: { types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"], attr: "DeletionProtection", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-rds-iam-auth",
    severity: "low",
    title: "RDS IAM database authentication is off",
    description: "Without IAM authentication every client needs a long-lived database password.",
    remediation: "Set iam_database_authentication_enabled (EnableIAMDatabaseAuthentication) to true.",
    references: ["CKV_AWS_161", "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html"],
    terraform: { types: ["aws_db_instance"], attr: "iam_database_authentication_enabled", ok: true, bad: false, missing: "fail", when: (b) => /mysql|postgres|aurora/.test(str(b.engine) ?? "mysql") },
    cloudformation: { types: ["AWS::RDS::DBInstance"], attr: "EnableIAMDatabaseAuthentication", ok: true, bad: false, missing: "fail", when: (b) => /mysql|postgres|aurora/.test(str(b.Engine) ?? "mysql") },
  }),
  {
    id: "iac/aws-iam-wildcard-action",
    severity: "high",
    title: "IAM policy allows every action",
    description: "A statement that allows Action \"*\" grants full administrative rights over the resources it names.",
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
        `, lines: [9] },
      ],
    },
  },
  {
    id: "iac/aws-iam-wildcard-resource",
    severity: "medium",
    title: "IAM policy allows write actions on every resource",
    description: "A statement allowing non-read-only actions on Resource \"*\" reaches every current and future resource of those services in the account.",
    remediation: "Name the resource ARNs the actions apply to, or add conditions that narrow them.",
    references: ["CKV_AWS_355", "CKV_AWS_290", "CWE-732", "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"],
    tags: ["security", "CWE-732"],
    frameworks: ["terraform", "cloudformation"],
    types: [...IAM_TYPES.terraform, ...IAM_TYPES.cloudformation],
    check: (r) =>
      policyStatements(r, ["identity"])
        .filter((s) => s.effect === "Allow" && s.resources.includes("*") && !s.hasCondition && !s.actions.some((a) => a === "*" || a === "*:*") && s.actions.some((a) => !readOnlyAction(a)))
        .map((s) => ({ path: s.resourcePath })),
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
        `, lines: [16] },
      ],
    },
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
      `, lines: [3] }],
    },
  },
  {
    id: "iac/aws-iam-trust-any-principal",
    severity: "critical",
    title: "IAM role can be assumed by anyone",
    description: "A trust policy with Principal \"*\" and no condition lets any AWS account assume the role.",
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
      `, lines: [6] }],
    },
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
      const admin = (v: unknown): boolean => typeof v === "string" && /:policy\/AdministratorAccess$/.test(v);
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
        `, lines: [6] },
      ],
    },
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
      return r.body.Policies !== undefined ? { path: "Policies" } : r.body.ManagedPolicyArns !== undefined ? { path: "ManagedPolicyArns" } : undefined;
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
      `, lines: [1] }],
    },
  },
  attrRule({
    id: "iac/aws-iam-password-length",
    severity: "medium",
    title: "IAM password policy allows short passwords",
    description: "Passwords shorter than 14 characters fall to guessing and cracking far more easily.",
    remediation: "Set minimum_password_length to 14 or more.",
    references: [`${CIS_AWS} 1.8`, "CKV_AWS_10", "CWE-521"],
    terraform: { types: ["aws_iam_account_password_policy"], attr: "minimum_password_length", ok: 14, bad: 8, missing: "fail", pass: (v) => typeof v !== "number" || v >= 14 },
  }),
  attrRule({
    id: "iac/aws-cloudtrail-log-validation",
    severity: "medium",
    title: "CloudTrail log file validation is off",
    description: "Without log file validation, an attacker who reaches the log bucket can alter or delete trail files unnoticed.",
    remediation: "Set enable_log_file_validation (EnableLogFileValidation) to true.",
    references: [`${CIS_AWS} 3.2`, "CKV_AWS_36", "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html"],
    terraform: { types: ["aws_cloudtrail"], attr: "enable_log_file_validation", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::CloudTrail::Trail"], attr: "EnableLogFileValidation", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-cloudtrail-multi-region",
    severity: "medium",
    title: "CloudTrail trail covers one region only",
    description: "A single-region trail misses activity in every other region, where an attacker can act unrecorded.",
    remediation: "Set is_multi_region_trail (IsMultiRegionTrail) to true.",
    references: [`${CIS_AWS} 3.1`, "CKV_AWS_67", "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html"],
    terraform: { types: ["aws_cloudtrail"], attr: "is_multi_region_trail", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::CloudTrail::Trail"], attr: "IsMultiRegionTrail", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-cloudtrail-kms",
    severity: "medium",
    title: "CloudTrail logs are not encrypted with KMS",
    description: "Trail files encrypted only with S3-managed keys can be read by anyone with read access to the bucket.",
    remediation: "Set kms_key_id (KMSKeyId) to a customer-managed KMS key.",
    references: [`${CIS_AWS} 3.5`, "CKV_AWS_35", "CWE-311"],
    terraform: { types: ["aws_cloudtrail"], attr: "kms_key_id", ok: "arn:aws:kms:eu-west-1:123456789012:key/abc", bad: "", missing: "fail", pass: (v) => isSet(v) },
    cloudformation: { types: ["AWS::CloudTrail::Trail"], attr: "KMSKeyId", ok: "alias/trail", bad: "", missing: "fail", pass: (v) => isSet(v) },
  }),
  attrRule({
    id: "iac/aws-kms-rotation",
    severity: "medium",
    title: "KMS key rotation is off",
    description: "Without automatic rotation a symmetric key stays the same for its whole life, widening the blast radius of a leak.",
    remediation: "Set enable_key_rotation (EnableKeyRotation) to true on symmetric keys.",
    references: [`${CIS_AWS} 3.6`, "CKV_AWS_7", "CWE-320", "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html"],
    terraform: { types: ["aws_kms_key"], attr: "enable_key_rotation", ok: true, bad: false, missing: "fail", when: (b) => (str(b.customer_master_key_spec) ?? str(b.key_spec) ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" },
    cloudformation: { types: ["AWS::KMS::Key"], attr: "EnableKeyRotation", ok: true, bad: false, missing: "fail", when: (b) => (str(b.KeySpec) ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" },
  }),
  attrRule({
    id: "iac/aws-ebs-unencrypted",
    severity: "high",
    title: "EBS volume is not encrypted",
    description: "Unencrypted volumes and their snapshots expose data at rest to anyone who gets a copy.",
    remediation: "Set encrypted (Encrypted) to true, or turn on EBS encryption by default for the account.",
    references: ["CKV_AWS_3", "CWE-311", "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html"],
    terraform: { types: ["aws_ebs_volume"], attr: "encrypted", ok: true, bad: false, missing: "fail", when: (b) => b.snapshot_id === undefined },
    cloudformation: { types: ["AWS::EC2::Volume"], attr: "Encrypted", ok: true, bad: false, missing: "fail", when: (b) => b.SnapshotId === undefined },
  }),
  attrRule({
    id: "iac/aws-ebs-default-encryption-off",
    severity: "medium",
    title: "EBS encryption by default is turned off",
    description: "Turning off account-level EBS encryption by default lets new volumes be created unencrypted.",
    remediation: "Set enabled to true in aws_ebs_encryption_by_default.",
    references: ["CKV_AWS_106", `${CIS_AWS} 2.2.1`, "CWE-311"],
    terraform: { types: ["aws_ebs_encryption_by_default"], attr: "enabled", ok: true, bad: false, missing: "pass" },
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
      const out: Issue[] = [];
      if (r.framework === "terraform") {
        const devices = r.type === "aws_launch_template" ? blocks(r.body, "block_device_mappings").flatMap((b) => blocks(b.value, "ebs", b.path)) : [...blocks(r.body, "root_block_device"), ...blocks(r.body, "ebs_block_device")];
        for (const d of devices) {
          const e = d.value.encrypted;
          if (d.value.snapshot_id !== undefined) continue;
          if (e === undefined) out.push({ path: `${d.path}.encrypted`, missing: true });
          else if (!unknownValue(e) && !isTrue(e)) out.push({ path: `${d.path}.encrypted` });
        }
        if (r.type === "aws_instance" && blocks(r.body, "root_block_device").length === 0) out.push({ path: "root_block_device", missing: true });
        return out;
      }
      for (const m of each(r.body, "BlockDeviceMappings.*.Ebs")) {
        if (!isObj(m.value) || m.value.SnapshotId !== undefined) continue;
        const e = m.value.Encrypted;
        if (e === undefined) out.push({ path: `${m.path}.Encrypted`, missing: true });
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
        `, lines: [7] },
      ],
    },
  },
  attrRule({
    id: "iac/aws-efs-unencrypted",
    severity: "high",
    title: "EFS file system is not encrypted",
    description: "An unencrypted EFS file system stores its data in clear at rest.",
    remediation: "Set encrypted (Encrypted) to true, optionally with a customer-managed kms_key_id.",
    references: ["CKV_AWS_42", "CWE-311", "https://docs.aws.amazon.com/efs/latest/ug/encryption.html"],
    terraform: { types: ["aws_efs_file_system"], attr: "encrypted", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::EFS::FileSystem"], attr: "Encrypted", ok: true, bad: false, missing: "fail" },
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
      if (protocol?.toUpperCase() !== "HTTP") return undefined;
      const actions = tf ? blocks(r.body, "default_action").map((b) => b.value) : each(r.body, "DefaultActions.*").flatMap((m) => (isObj(m.value) ? [m.value] : []));
      const redirects = actions.some((a) => {
        const type = str(a[tf ? "type" : "Type"])?.toLowerCase();
        if (type !== "redirect") return false;
        const proto = tf ? str(block(a, "redirect")?.value.protocol) : str(get(a, "RedirectConfig.Protocol"));
        return proto?.toUpperCase() === "HTTPS";
      });
      return redirects ? undefined : { path: tf ? "protocol" : "Protocol" };
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
        `, lines: [6] },
      ],
    },
  },
  attrRule({
    id: "iac/aws-lb-outdated-tls-policy",
    severity: "medium",
    title: "Load balancer allows TLS 1.0 or 1.1",
    description: "Old ELB security policies still negotiate TLS 1.0/1.1 and weak ciphers.",
    remediation: "Use ssl_policy ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy).",
    references: ["CKV_AWS_103", "CWE-326", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html"],
    terraform: { types: ["aws_lb_listener", "aws_alb_listener"], attr: "ssl_policy", ok: "ELBSecurityPolicy-TLS13-1-2-2021-06", bad: "ELBSecurityPolicy-2016-08", missing: "pass", pass: (v) => typeof v !== "string" || !/^ELBSecurityPolicy-(2015-05|2016-08|TLS-1-0-2015-04|TLS-1-1-2017-01|FS-2018-06|FS-1-1-2019-08)$/.test(v) },
    cloudformation: { types: ["AWS::ElasticLoadBalancingV2::Listener"], attr: "SslPolicy", ok: "ELBSecurityPolicy-TLS13-1-2-2021-06", bad: "ELBSecurityPolicy-2016-08", missing: "pass", pass: (v) => typeof v !== "string" || !/^ELBSecurityPolicy-(2015-05|2016-08|TLS-1-0-2015-04|TLS-1-1-2017-01|FS-2018-06|FS-1-1-2019-08)$/.test(v) },
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
      const out: Issue[] = [];
      for (const { path, vars } of lambdaVariables(r)) {
        for (const [name, value] of Object.entries(vars)) {
          const v = value as Parameters<typeof looksLikeLiteralSecret>[0];
          if ((looksLikeSecretName(name) && looksLikeLiteralSecret(v)) || (typeof v === "string" && AWS_KEY.test(v))) {
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
        `, lines: [9] },
      ],
    },
  },
  attrRule({
    id: "iac/aws-lambda-tracing",
    severity: "low",
    title: "Lambda X-Ray tracing is off",
    description: "Without active tracing, requests through the function cannot be followed when investigating failures or abuse.",
    remediation: "Set tracing_config { mode = \"Active\" } (TracingConfig Mode: Active).",
    references: ["CKV_AWS_50", "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html"],
    tags: ["observability"],
    terraform: { types: ["aws_lambda_function"], attr: "tracing_config.mode", ok: "Active", bad: "PassThrough", missing: "fail" },
    cloudformation: { types: ["AWS::Lambda::Function"], attr: "TracingConfig.Mode", ok: "Active", bad: "PassThrough", missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-ec2-imdsv1",
    severity: "high",
    title: "EC2 instance metadata allows IMDSv1",
    description: "IMDSv1 answers unauthenticated GET requests, so an SSRF bug in the application can steal the instance role's credentials.",
    remediation: "Set metadata_options { http_tokens = \"required\" } (MetadataOptions HttpTokens: required).",
    references: ["CKV_AWS_79", "CWE-918", "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html"],
    terraform: { types: ["aws_instance", "aws_launch_template"], attr: "metadata_options.http_tokens", ok: "required", bad: "optional", missing: "fail", pass: (v) => looseEquals(v, "required") },
    cloudformation: { types: ["AWS::EC2::LaunchTemplate"], attr: "LaunchTemplateData.MetadataOptions.HttpTokens", ok: "required", bad: "optional", missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-ec2-public-ip",
    severity: "low",
    title: "EC2 instance gets a public IP address",
    description: "A public address puts the instance directly on the internet, bypassing load balancers and NAT.",
    remediation: "Set associate_public_ip_address to false and expose services through a load balancer.",
    references: ["CKV_AWS_88", "CWE-284"],
    terraform: { types: ["aws_instance"], attr: "associate_public_ip_address", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
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
      return typeof v === "string" && (AWS_KEY.test(v) || /aws_secret_access_key\s*=\s*['"]?[A-Za-z0-9/+]{40}/i.test(v)) ? { path: "user_data" } : undefined;
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
      `, lines: [3] }],
    },
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
      `, lines: [3] }],
    },
  },
  attrRule({
    id: "iac/aws-ecr-scan-on-push",
    severity: "low",
    title: "ECR image scanning on push is off",
    description: "Images pushed without a scan can carry known vulnerabilities into production unnoticed.",
    remediation: "Set image_scanning_configuration { scan_on_push = true } (ImageScanningConfiguration ScanOnPush: true).",
    references: ["CKV_AWS_163", "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html"],
    terraform: { types: ["aws_ecr_repository"], attr: "image_scanning_configuration.scan_on_push", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::ECR::Repository"], attr: "ImageScanningConfiguration.ScanOnPush", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-ecr-mutable-tags",
    severity: "low",
    title: "ECR repository allows tags to be overwritten",
    description: "Mutable tags let a push replace the image behind a tag that deployments already trust.",
    remediation: "Set image_tag_mutability (ImageTagMutability) to IMMUTABLE.",
    references: ["CKV_AWS_51", "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html"],
    terraform: { types: ["aws_ecr_repository"], attr: "image_tag_mutability", ok: "IMMUTABLE", bad: "MUTABLE", missing: "fail" },
    cloudformation: { types: ["AWS::ECR::Repository"], attr: "ImageTagMutability", ok: "IMMUTABLE", bad: "MUTABLE", missing: "fail" },
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
    cloudformation: { types: ["AWS::DynamoDB::Table"], attr: "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", ok: true, bad: false, missing: "fail" },
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
      if (isSet(key) || isTrue(managed) || unknownValue(managed)) return undefined;
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
        `, lines: [2] },
      ],
    },
  },
  attrRule({
    id: "iac/aws-sns-unencrypted",
    severity: "medium",
    title: "SNS topic is not encrypted",
    description: "Messages published to an unencrypted topic are stored in clear.",
    remediation: "Set kms_master_key_id (KmsMasterKeyId), for example alias/aws/sns.",
    references: ["CKV_AWS_26", "CWE-311"],
    terraform: { types: ["aws_sns_topic"], attr: "kms_master_key_id", ok: "alias/aws/sns", bad: "", missing: "fail", pass: (v) => isSet(v) },
    cloudformation: { types: ["AWS::SNS::Topic"], attr: "KmsMasterKeyId", ok: "alias/aws/sns", bad: "", missing: "fail", pass: (v) => isSet(v) },
  }),
  attrRule({
    id: "iac/aws-elasticache-transit-encryption",
    severity: "medium",
    title: "ElastiCache replication group does not encrypt in transit",
    description: "Without in-transit encryption, cached data and AUTH tokens travel in clear inside the VPC.",
    remediation: "Set transit_encryption_enabled (TransitEncryptionEnabled) to true.",
    references: ["CKV_AWS_30", "CWE-319"],
    terraform: { types: ["aws_elasticache_replication_group"], attr: "transit_encryption_enabled", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::ElastiCache::ReplicationGroup"], attr: "TransitEncryptionEnabled", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-elasticache-rest-encryption",
    severity: "medium",
    title: "ElastiCache replication group does not encrypt at rest",
    description: "Without at-rest encryption, backups and swap hold cached data in clear.",
    remediation: "Set at_rest_encryption_enabled (AtRestEncryptionEnabled) to true.",
    references: ["CKV_AWS_29", "CWE-311"],
    terraform: { types: ["aws_elasticache_replication_group"], attr: "at_rest_encryption_enabled", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::ElastiCache::ReplicationGroup"], attr: "AtRestEncryptionEnabled", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-redshift-public",
    severity: "high",
    title: "Redshift cluster is publicly accessible",
    description: "A publicly accessible cluster can be reached from the internet.",
    remediation: "Set publicly_accessible (PubliclyAccessible) to false.",
    references: ["CKV_AWS_87", "CWE-284"],
    terraform: { types: ["aws_redshift_cluster"], attr: "publicly_accessible", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
    cloudformation: { types: ["AWS::Redshift::Cluster"], attr: "PubliclyAccessible", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
  }),
  attrRule({
    id: "iac/aws-redshift-unencrypted",
    severity: "high",
    title: "Redshift cluster is not encrypted",
    description: "An unencrypted data warehouse stores its data and snapshots in clear.",
    remediation: "Set encrypted (Encrypted) to true.",
    references: ["CKV_AWS_64", "CWE-311"],
    terraform: { types: ["aws_redshift_cluster"], attr: "encrypted", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::Redshift::Cluster"], attr: "Encrypted", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-opensearch-rest-encryption",
    severity: "high",
    title: "OpenSearch domain is not encrypted at rest",
    description: "Indices, logs and snapshots of the domain are stored in clear.",
    remediation: "Set encrypt_at_rest { enabled = true } (EncryptionAtRestOptions Enabled: true).",
    references: ["CKV_AWS_5", "CWE-311"],
    terraform: { types: ["aws_elasticsearch_domain", "aws_opensearch_domain"], attr: "encrypt_at_rest.enabled", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::Elasticsearch::Domain", "AWS::OpenSearchService::Domain"], attr: "EncryptionAtRestOptions.Enabled", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-opensearch-node-encryption",
    severity: "medium",
    title: "OpenSearch node-to-node encryption is off",
    description: "Traffic between the domain's nodes travels in clear.",
    remediation: "Set node_to_node_encryption { enabled = true } (NodeToNodeEncryptionOptions Enabled: true).",
    references: ["CKV_AWS_6", "CWE-319"],
    terraform: { types: ["aws_elasticsearch_domain", "aws_opensearch_domain"], attr: "node_to_node_encryption.enabled", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::Elasticsearch::Domain", "AWS::OpenSearchService::Domain"], attr: "NodeToNodeEncryptionOptions.Enabled", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-opensearch-https",
    severity: "medium",
    title: "OpenSearch domain does not enforce HTTPS",
    description: "Clients may talk to the domain endpoint over plain HTTP.",
    remediation: "Set domain_endpoint_options { enforce_https = true } (DomainEndpointOptions EnforceHTTPS: true).",
    references: ["CKV_AWS_83", "CWE-319"],
    terraform: { types: ["aws_elasticsearch_domain", "aws_opensearch_domain"], attr: "domain_endpoint_options.enforce_https", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::Elasticsearch::Domain", "AWS::OpenSearchService::Domain"], attr: "DomainEndpointOptions.EnforceHTTPS", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-cloudfront-http",
    severity: "medium",
    title: "CloudFront allows plain HTTP to viewers",
    description: "viewer_protocol_policy allow-all serves content over HTTP, open to tampering and eavesdropping.",
    remediation: "Set viewer_protocol_policy (ViewerProtocolPolicy) to redirect-to-https or https-only.",
    references: ["CKV_AWS_34", "CWE-319"],
    terraform: { types: ["aws_cloudfront_distribution"], attr: "default_cache_behavior.viewer_protocol_policy", ok: "redirect-to-https", bad: "allow-all", missing: "pass", pass: (v) => !looseEquals(v, "allow-all") },
    cloudformation: { types: ["AWS::CloudFront::Distribution"], attr: "DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy", ok: "redirect-to-https", bad: "allow-all", missing: "pass", pass: (v) => !looseEquals(v, "allow-all") },
  }),
  attrRule({
    id: "iac/aws-eks-public-endpoint",
    severity: "medium",
    title: "EKS API endpoint is public",
    description: "A public cluster endpoint exposes the Kubernetes API to the internet.",
    remediation: "Set vpc_config { endpoint_public_access = false } or restrict public_access_cidrs.",
    references: ["CKV_AWS_39", "CWE-284", "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html"],
    terraform: { types: ["aws_eks_cluster"], attr: "vpc_config.endpoint_public_access", ok: false, bad: true, missing: "fail", pass: (v) => !isTrue(v) },
  }),
  attrRule({
    id: "iac/aws-eks-secrets-encryption",
    severity: "medium",
    title: "EKS secrets are not encrypted with KMS",
    description: "Without envelope encryption, Kubernetes secrets are stored in etcd protected only by the default disk encryption.",
    remediation: "Add encryption_config { resources = [\"secrets\"] provider { key_arn = ... } }.",
    references: ["CKV_AWS_58", "CWE-311"],
    terraform: { types: ["aws_eks_cluster"], attr: "encryption_config.resources", ok: ["secrets"], bad: [], missing: "fail", pass: (v) => strings(v).includes("secrets") },
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
        let defs: unknown = raw;
        if (typeof raw === "string") {
          try {
            defs = JSON.parse(raw);
          } catch {
            return undefined;
          }
        }
        return Array.isArray(defs) && defs.some((d) => isObj(d as never) && (d as { privileged?: unknown }).privileged === true) ? { path: "container_definitions" } : undefined;
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
        `, lines: [8] },
      ],
    },
  },
  attrRule({
    id: "iac/aws-kinesis-unencrypted",
    severity: "medium",
    title: "Kinesis stream is not encrypted",
    description: "Records in an unencrypted stream are stored in clear.",
    remediation: "Set encryption_type = \"KMS\" with a kms_key_id (StreamEncryption).",
    references: ["CKV_AWS_43", "CWE-311"],
    terraform: { types: ["aws_kinesis_stream"], attr: "encryption_type", ok: "KMS", bad: "NONE", missing: "fail" },
    cloudformation: { types: ["AWS::Kinesis::Stream"], attr: "StreamEncryption.EncryptionType", ok: "KMS", bad: "NONE", missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-docdb-unencrypted",
    severity: "high",
    title: "DocumentDB cluster is not encrypted",
    description: "Cluster storage and snapshots are stored in clear.",
    remediation: "Set storage_encrypted (StorageEncrypted) to true.",
    references: ["CKV_AWS_74", "CWE-311"],
    terraform: { types: ["aws_docdb_cluster", "aws_neptune_cluster"], attr: "storage_encrypted", ok: true, bad: false, missing: "fail" },
    cloudformation: { types: ["AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster"], attr: "StorageEncrypted", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/aws-msk-plaintext",
    severity: "medium",
    title: "MSK cluster accepts plaintext clients",
    description: "Producers and consumers may talk to the brokers without TLS.",
    remediation: "Set encryption_info { encryption_in_transit { client_broker = \"TLS\" } }.",
    references: ["CKV_AWS_81", "CWE-319"],
    terraform: { types: ["aws_msk_cluster"], attr: "encryption_info.encryption_in_transit.client_broker", ok: "TLS", bad: "TLS_PLAINTEXT", missing: "pass", pass: (v) => looseEquals(v, "TLS") },
  }),
  attrRule({
    id: "iac/aws-codebuild-privileged",
    severity: "medium",
    title: "CodeBuild project runs in privileged mode",
    description: "Privileged mode gives the build container root on the build host (usually to run Docker).",
    remediation: "Set environment { privileged_mode = false } unless the build really builds images.",
    references: ["CWE-250", "https://docs.aws.amazon.com/codebuild/latest/userguide/create-project.html"],
    terraform: { types: ["aws_codebuild_project"], attr: "environment.privileged_mode", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
  }),
  attrRule({
    id: "iac/aws-api-gateway-no-auth",
    severity: "medium",
    title: "API Gateway method has no authorization",
    description: "authorization NONE lets anyone on the internet call the method.",
    remediation: "Set authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM (or require an API key).",
    references: ["CKV_AWS_59", "CWE-306"],
    terraform: { types: ["aws_api_gateway_method"], attr: "authorization", ok: "AWS_IAM", bad: "NONE", missing: "pass", pass: (v) => !looseEquals(v, "NONE") },
    cloudformation: { types: ["AWS::ApiGateway::Method"], attr: "AuthorizationType", ok: "AWS_IAM", bad: "NONE", missing: "pass", pass: (v) => !looseEquals(v, "NONE") },
  }),
  attrRule({
    id: "iac/aws-sagemaker-direct-internet",
    severity: "medium",
    title: "SageMaker notebook has direct internet access",
    description: "Direct internet access bypasses the VPC's egress controls.",
    remediation: "Set direct_internet_access (DirectInternetAccess) to Disabled and run the notebook in a VPC.",
    references: ["CKV_AWS_122", "CWE-284"],
    terraform: { types: ["aws_sagemaker_notebook_instance"], attr: "direct_internet_access", ok: "Disabled", bad: "Enabled", missing: "fail" },
    cloudformation: { types: ["AWS::SageMaker::NotebookInstance"], attr: "DirectInternetAccess", ok: "Disabled", bad: "Enabled", missing: "fail" },
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
    cloudformation: { types: ["AWS::Logs::LogGroup"], attr: "RetentionInDays", ok: 365, bad: 7, missing: "fail", pass: (v) => typeof v !== "number" || v >= 365 },
  }),
  attrRule({
    id: "iac/aws-lb-drop-invalid-headers",
    severity: "low",
    title: "Application load balancer forwards invalid HTTP headers",
    description: "Forwarding malformed headers enables HTTP request smuggling against the targets.",
    remediation: "Set drop_invalid_header_fields = true.",
    references: ["CKV_AWS_131", "CWE-444"],
    terraform: { types: ["aws_lb", "aws_alb"], attr: "drop_invalid_header_fields", ok: true, bad: false, missing: "fail", when: (b) => (str(b.load_balancer_type) ?? "application") === "application" },
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
      // enabled defaults to true once a bucket is given.
      if (!logs) return { path: "access_logs", missing: true };
      const e = logs.value.enabled;
      return e !== undefined && !unknownValue(e) && !isTrue(e) ? { path: `${logs.path}.enabled` } : undefined;
    },
    examples: {
      valid: [{ file: "main.tf", code: 'resource "aws_lb" "ok" {\n  access_logs {\n    bucket = "logs"\n  }\n}\n' }],
      invalid: [
        { file: "main.tf", code: 'resource "aws_lb" "bad" {\n  name = "web"\n}\n', lines: [1] },
        { file: "main.tf", code: 'resource "aws_lb" "bad" {\n  access_logs {\n    bucket  = "logs"\n    enabled = false\n  }\n}\n', lines: [4] },
      ],
    },
  },
];

// Azure and Google Cloud rules for Terraform (azurerm / google providers): the storage, network,
// disk, database and cluster equivalents of the AWS checks.
import type { IacRule, Issue, Obj, Resource } from "../types.js";
import { attrRule, code, looseEquals, unknownValue } from "./factory.js";
import { blocks, each, get, isObj, isSet, isTrue, num, str, strings } from "./helpers.js";

const CIS_AZ = "CIS Microsoft Azure Foundations Benchmark";
const CIS_GCP = "CIS Google Cloud Platform Foundation Benchmark";

/** Does an Azure port specification ("22", "20-30", "*") include port? */
function azurePortIncludes(spec: string, port: number): boolean {
  return spec.split(",").some((part) => {
    const p = part.trim();
    if (p === "*") return true;
    const range = /^(\d+)-(\d+)$/.exec(p);
    if (range) return Number(range[1]) <= port && port <= Number(range[2]);
    return Number(p) === port;
  });
}

const ANY_SOURCE = new Set(["*", "0.0.0.0", "0.0.0.0/0", "internet", "any", "::/0"]);

/** Inbound allow rules from anywhere, in azurerm_network_security_rule and inline security_rule blocks. */
function azureOpenRules(r: Resource): { rule: Obj; path: string }[] {
  const candidates = r.type === "azurerm_network_security_rule" ? [{ value: r.body, path: "" }] : blocks(r.body, "security_rule");
  return candidates
    .filter(({ value }) => looseEquals(value.direction, "Inbound") && looseEquals(value.access, "Allow"))
    .filter(({ value }) => [...strings(value.source_address_prefix), ...strings(value.source_address_prefixes)].some((s) => ANY_SOURCE.has(s.toLowerCase())))
    .map(({ value, path }) => ({ rule: value, path }));
}

function nsgRule(id: string, port: number, name: string, ckv: string): IacRule {
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
    check: (r) =>
      azureOpenRules(r).flatMap(({ rule, path }) => {
        const ports = [...strings(rule.destination_port_range), ...strings(rule.destination_port_ranges)];
        if (!ports.some((p) => azurePortIncludes(p, port))) return [];
        const key = rule.source_address_prefix !== undefined ? "source_address_prefix" : "source_address_prefixes";
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
        `, lines: [8] },
      ],
    },
  };
}

/** google_compute_firewall rules open to the world on a port. */
function gcpFirewallRule(id: string, port: number, name: string, ckv: string): IacRule {
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
      `, lines: [7] }],
    },
  };
}

const PUBLIC_MEMBERS = /^(allUsers|allAuthenticatedUsers)$/;

export const azureGcpRules: IacRule[] = [
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
      // azurerm 3+ names it allow_nested_items_to_be_public (default true); 2.x allow_blob_public_access.
      for (const k of ["allow_nested_items_to_be_public", "allow_blob_public_access"]) {
        const v = r.body[k];
        if (v === undefined || unknownValue(v)) continue;
        return isTrue(v) ? { path: k } : undefined;
      }
      return r.body.allow_nested_items_to_be_public === undefined && r.body.allow_blob_public_access === undefined ? { path: "allow_nested_items_to_be_public", missing: true } : undefined;
    },
    examples: {
      valid: [
        { code: 'resource "azurerm_storage_account" "ok" {\n  allow_nested_items_to_be_public = false\n}\n' },
        { code: 'resource "azurerm_storage_account" "ok" {\n  allow_blob_public_access = false\n}\n' },
      ],
      invalid: [
        { code: 'resource "azurerm_storage_account" "bad" {\n  name                     = "sa"\n  allow_blob_public_access = true\n}\n', lines: [3] },
        { code: 'resource "azurerm_storage_account" "bad" {\n  name = "sa"\n}\n', lines: [1] },
      ],
    },
  },
  attrRule({
    id: "iac/azure-storage-container-public",
    severity: "high",
    title: "Storage container allows anonymous access",
    description: "container_access_type blob or container lets anyone on the internet read (and list) the container's blobs.",
    remediation: "Set container_access_type = \"private\" and share with SAS tokens or private endpoints.",
    references: [`${CIS_AZ} 3.7`, "CKV_AZURE_34", "CWE-284"],
    terraform: { types: ["azurerm_storage_container"], attr: "container_access_type", ok: "private", bad: "blob", missing: "pass" },
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
    check: (r) => ["https_traffic_only_enabled", "enable_https_traffic_only"].filter((k) => r.body[k] !== undefined && !unknownValue(r.body[k]) && !isTrue(r.body[k])).map((k) => ({ path: k })),
    examples: {
      valid: [{ code: "resource \"azurerm_storage_account\" \"ok\" {\n  https_traffic_only_enabled = true\n}\n" }, { code: "resource \"azurerm_storage_account\" \"ok\" {\n  name = \"sa\"\n}\n" }],
      invalid: [{ code: "resource \"azurerm_storage_account\" \"bad\" {\n  name                      = \"sa\"\n  enable_https_traffic_only = false\n}\n", lines: [3] }],
    },
  },
  attrRule({
    id: "iac/azure-storage-min-tls",
    severity: "medium",
    title: "Storage account allows TLS below 1.2",
    description: "TLS 1.0 and 1.1 have known weaknesses and are deprecated.",
    remediation: "Set min_tls_version = \"TLS1_2\".",
    references: [`${CIS_AZ} 3.15`, "CKV_AZURE_44", "CWE-326"],
    terraform: { types: ["azurerm_storage_account"], attr: "min_tls_version", ok: "TLS1_2", bad: "TLS1_0", missing: "pass", pass: (v) => !/^TLS1_[01]$/.test(String(v)) },
  }),
  attrRule({
    id: "iac/azure-storage-network-default-allow",
    severity: "medium",
    title: "Storage account network rules allow all networks",
    description: "default_action Allow accepts connections from any network, relying only on keys and tokens.",
    remediation: "Set network_rules { default_action = \"Deny\" } and allow the needed subnets and IPs.",
    references: [`${CIS_AZ} 3.8`, "CKV_AZURE_35", "CWE-284"],
    terraform: { types: ["azurerm_storage_account", "azurerm_storage_account_network_rules"], attr: "network_rules.default_action", ok: "Deny", bad: "Allow", missing: "pass" },
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
    terraform: { types: ["azurerm_mssql_server"], attr: "public_network_access_enabled", ok: false, bad: true, missing: "fail", pass: (v) => !isTrue(v) },
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
    check: (r) => (str(r.body.start_ip_address) === "0.0.0.0" && str(r.body.end_ip_address) === "255.255.255.255" ? { path: "end_ip_address" } : undefined),
    examples: {
      valid: [{ code: "resource \"azurerm_mssql_firewall_rule\" \"ok\" {\n  start_ip_address = \"10.0.0.1\"\n  end_ip_address   = \"10.0.0.9\"\n}\n" }],
      invalid: [{ code: "resource \"azurerm_mssql_firewall_rule\" \"bad\" {\n  start_ip_address = \"0.0.0.0\"\n  end_ip_address   = \"255.255.255.255\"\n}\n", lines: [3] }],
    },
  },
  attrRule({
    id: "iac/azure-disk-encryption-disabled",
    severity: "medium",
    title: "Managed disk encryption settings are disabled",
    description: "encryption_settings { enabled = false } turns off Azure Disk Encryption for the disk.",
    remediation: "Enable encryption_settings, or use a disk encryption set with customer-managed keys.",
    references: [`${CIS_AZ} 7.2`, "CKV_AZURE_2", "CWE-311"],
    terraform: { types: ["azurerm_managed_disk"], attr: "encryption_settings.enabled", ok: true, bad: false, missing: "pass" },
  }),
  attrRule({
    id: "iac/azure-keyvault-purge-protection",
    severity: "medium",
    title: "Key Vault purge protection is off",
    description: "Without purge protection a deleted vault and its keys can be purged immediately, by mistake or by an attacker.",
    remediation: "Set purge_protection_enabled = true.",
    references: [`${CIS_AZ} 8.5`, "CKV_AZURE_110"],
    terraform: { types: ["azurerm_key_vault"], attr: "purge_protection_enabled", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/azure-aks-rbac-disabled",
    severity: "high",
    title: "AKS cluster has Kubernetes RBAC disabled",
    description: "Without RBAC every authenticated user and service account can do anything in the cluster.",
    remediation: "Set role_based_access_control_enabled = true.",
    references: ["CKV_AZURE_5", "CWE-285"],
    terraform: { types: ["azurerm_kubernetes_cluster"], attr: "role_based_access_control_enabled", ok: true, bad: false, missing: "pass" },
  }),
  attrRule({
    id: "iac/azure-app-service-https",
    severity: "medium",
    title: "App Service accepts plain HTTP",
    description: "Without https_only, users can reach the app over HTTP and expose cookies and credentials.",
    remediation: "Set https_only = true.",
    references: [`${CIS_AZ} 9.2`, "CKV_AZURE_14", "CWE-319"],
    terraform: { types: ["azurerm_app_service", "azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_function_app", "azurerm_linux_function_app", "azurerm_windows_function_app"], attr: "https_only", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/azure-app-service-min-tls",
    severity: "medium",
    title: "App Service allows TLS below 1.2",
    description: "TLS 1.0 and 1.1 have known weaknesses and are deprecated.",
    remediation: "Set site_config { minimum_tls_version = \"1.2\" } (min_tls_version in older providers).",
    references: [`${CIS_AZ} 9.3`, "CKV_AZURE_15", "CWE-326"],
    terraform: { types: ["azurerm_linux_web_app", "azurerm_windows_web_app"], attr: "site_config.minimum_tls_version", ok: "1.2", bad: "1.0", missing: "pass", pass: (v) => !/^1\.[01]$/.test(String(v)) },
  }),
  attrRule({
    id: "iac/azure-postgres-ssl-disabled",
    severity: "high",
    title: "Database server does not enforce SSL",
    description: "With SSL enforcement off, clients may connect in clear and expose credentials and data.",
    remediation: "Set ssl_enforcement_enabled = true.",
    references: [`${CIS_AZ} 4.3.1`, "CKV_AZURE_29", "CWE-319"],
    terraform: { types: ["azurerm_postgresql_server", "azurerm_mysql_server"], attr: "ssl_enforcement_enabled", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/azure-vm-password-auth",
    severity: "medium",
    title: "Linux VM allows password authentication",
    description: "Password logins over SSH are open to guessing; keys are much stronger.",
    remediation: "Set disable_password_authentication = true and provide admin_ssh_key.",
    references: ["CKV_AZURE_1", "CWE-309"],
    terraform: { types: ["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"], attr: "disable_password_authentication", ok: true, bad: false, missing: "pass" },
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
      const out: Issue[] = [];
      if (typeof r.body.member === "string" && PUBLIC_MEMBERS.test(r.body.member)) out.push({ path: "member" });
      for (const key of ["members", "role_entity"]) {
        for (const m of each(r.body, `${key}.*`)) if (typeof m.value === "string" && /(^|:)(allUsers|allAuthenticatedUsers)$/.test(m.value)) out.push({ path: m.path });
      }
      return out;
    },
    examples: {
      valid: [{ code: "resource \"google_storage_bucket_iam_member\" \"ok\" {\n  bucket = \"b\"\n  role   = \"roles/storage.objectViewer\"\n  member = \"group:team@example.com\"\n}\n" }],
      invalid: [{ code: "resource \"google_storage_bucket_iam_binding\" \"bad\" {\n  bucket  = \"b\"\n  role    = \"roles/storage.objectViewer\"\n  members = [\n    \"allUsers\",\n  ]\n}\n", lines: [5] }],
    },
  },
  attrRule({
    id: "iac/gcp-storage-uniform-access",
    severity: "medium",
    title: "Cloud Storage bucket uses fine-grained ACLs",
    description: "Without uniform bucket-level access, object ACLs can silently make individual objects public.",
    remediation: "Set uniform_bucket_level_access = true.",
    references: [`${CIS_GCP} 5.2`, "CKV_GCP_29"],
    terraform: { types: ["google_storage_bucket"], attr: "uniform_bucket_level_access", ok: true, bad: false, missing: "fail" },
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
      valid: [{ code: "resource \"google_sql_database_instance\" \"ok\" {\n  settings {\n    ip_configuration {\n      ipv4_enabled = false\n    }\n  }\n}\n" }],
      invalid: [{ code: "resource \"google_sql_database_instance\" \"bad\" {\n  settings {\n    ip_configuration {\n      authorized_networks {\n        name  = \"all\"\n        value = \"0.0.0.0/0\"\n      }\n    }\n  }\n}\n", lines: [6] }],
    },
  },
  {
    id: "iac/gcp-sql-ssl",
    severity: "medium",
    title: "Cloud SQL instance does not require SSL",
    description: "Without SSL enforcement, clients may connect in clear.",
    remediation: "Set settings { ip_configuration { ssl_mode = \"ENCRYPTED_ONLY\" } } (or require_ssl = true on older providers).",
    references: [`${CIS_GCP} 6.7`, "CKV_GCP_6", "CWE-319"],
    tags: ["security", "CWE-319"],
    frameworks: ["terraform"],
    types: ["google_sql_database_instance"],
    check: (r) => {
      const ip = each(r.body, "settings.ip_configuration")[0];
      if (!ip || !Array.isArray(ip.value) || !isObj(ip.value[0])) return { path: "settings.ip_configuration", missing: true };
      const cfg = ip.value[0];
      const base = `${ip.path}.0`;
      if (isTrue(cfg.require_ssl) || /^(ENCRYPTED_ONLY|TRUSTED_CLIENT_CERTIFICATE_REQUIRED)$/.test(str(cfg.ssl_mode) ?? "") || unknownValue(cfg.ssl_mode) || unknownValue(cfg.require_ssl)) return undefined;
      if (cfg.ssl_mode !== undefined) return { path: `${base}.ssl_mode` };
      if (cfg.require_ssl !== undefined) return { path: `${base}.require_ssl` };
      return { path: `${base}.ssl_mode`, missing: true };
    },
    examples: {
      valid: [{ code: "resource \"google_sql_database_instance\" \"ok\" {\n  settings {\n    ip_configuration {\n      ssl_mode = \"ENCRYPTED_ONLY\"\n    }\n  }\n}\n" }],
      invalid: [{ code: "resource \"google_sql_database_instance\" \"bad\" {\n  settings {\n    ip_configuration {\n      ssl_mode = \"ALLOW_UNENCRYPTED_AND_ENCRYPTED\"\n    }\n  }\n}\n", lines: [4] }],
    },
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
    check: (r) => (blocks(r.body, "disk_encryption_key").length === 0 && r.body.disk_encryption_key === undefined ? { path: "disk_encryption_key", missing: true } : undefined),
    examples: {
      valid: [{ code: "resource \"google_compute_disk\" \"ok\" {\n  disk_encryption_key {\n    kms_key_self_link = google_kms_crypto_key.k.id\n  }\n}\n" }],
      invalid: [{ code: "resource \"google_compute_disk\" \"bad\" {\n  size = 10\n}\n", lines: [1] }],
    },
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
      return v !== undefined && (isTrue(v) || v === 1 || v === "1") ? { path: "metadata.serial-port-enable" } : undefined;
    },
    examples: {
      valid: [{ code: "resource \"google_compute_instance\" \"ok\" {\n  metadata = {\n    enable-oslogin = \"TRUE\"\n  }\n}\n" }],
      invalid: [{ code: "resource \"google_compute_instance\" \"bad\" {\n  metadata = {\n    serial-port-enable = true\n  }\n}\n", lines: [3] }],
    },
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
    check: (r) =>
      blocks(r.body, "service_account").flatMap(({ value, path }) => {
        const email = str(value.email);
        const defaultSa = email === undefined || /-compute@developer\.gserviceaccount\.com$/.test(email) || email === "default";
        const fullScope = strings(value.scopes).some((s) => s === "cloud-platform" || s.endsWith("/auth/cloud-platform"));
        return defaultSa && fullScope ? [{ path: `${path}.scopes` }] : [];
      }),
    examples: {
      valid: [{ code: "resource \"google_compute_instance\" \"ok\" {\n  service_account {\n    email  = \"app@p.iam.gserviceaccount.com\"\n    scopes = [\"cloud-platform\"]\n  }\n}\n" }],
      invalid: [{ code: "resource \"google_compute_instance\" \"bad\" {\n  service_account {\n    scopes = [\"cloud-platform\"]\n  }\n}\n", lines: [3] }],
    },
  },
  attrRule({
    id: "iac/gcp-gke-legacy-abac",
    severity: "high",
    title: "GKE cluster uses legacy ABAC",
    description: "Legacy ABAC grants broad static permissions and bypasses Kubernetes RBAC.",
    remediation: "Set enable_legacy_abac = false.",
    references: [`CIS GKE Benchmark 5.8.3`, "CKV_GCP_7", "CWE-285"],
    terraform: { types: ["google_container_cluster"], attr: "enable_legacy_abac", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
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
      if (v === undefined) return { path: "rotation_period", missing: true };
      if (unknownValue(v)) return undefined;
      const seconds = num(String(v).replace(/s$/, ""));
      return seconds === undefined || seconds > 7776000 ? { path: "rotation_period" } : undefined;
    },
    examples: {
      valid: [{ code: "resource \"google_kms_crypto_key\" \"ok\" {\n  rotation_period = \"7776000s\"\n}\n" }],
      invalid: [{ code: "resource \"google_kms_crypto_key\" \"bad\" {\n  name            = \"k\"\n  rotation_period = \"31536000s\"\n}\n", lines: [3] }, { code: "resource \"google_kms_crypto_key\" \"bad\" {\n  name = \"k\"\n}\n", lines: [1] }],
    },
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
      ...(typeof r.body.member === "string" && PUBLIC_MEMBERS.test(r.body.member) ? [{ path: "member" }] : []),
      ...each(r.body, "members.*").filter((m) => typeof m.value === "string" && PUBLIC_MEMBERS.test(m.value)).map((m) => ({ path: m.path })),
    ],
    examples: {
      valid: [{ code: "resource \"google_project_iam_member\" \"ok\" {\n  role   = \"roles/viewer\"\n  member = \"user:a@example.com\"\n}\n" }],
      invalid: [{ code: "resource \"google_project_iam_member\" \"bad\" {\n  role   = \"roles/viewer\"\n  member = \"allAuthenticatedUsers\"\n}\n", lines: [3] }],
    },
  },
  attrRule({
    id: "iac/gcp-gke-private-nodes",
    severity: "medium",
    title: "GKE nodes have public IP addresses",
    description: "Without private nodes every node gets a public address reachable from the internet.",
    remediation: "Add private_cluster_config { enable_private_nodes = true }.",
    references: ["CIS GKE Benchmark 5.6.5", "CKV_GCP_64", "CWE-284"],
    terraform: { types: ["google_container_cluster"], attr: "private_cluster_config.enable_private_nodes", ok: true, bad: false, missing: "fail" },
  }),
  attrRule({
    id: "iac/azure-mssql-min-tls",
    severity: "medium",
    title: "Azure SQL server allows TLS below 1.2",
    description: "TLS 1.0 and 1.1 have known weaknesses and are deprecated.",
    remediation: "Set minimum_tls_version = \"1.2\".",
    references: ["CKV_AZURE_52", "CWE-326"],
    terraform: { types: ["azurerm_mssql_server"], attr: "minimum_tls_version", ok: "1.2", bad: "1.0", missing: "pass", pass: (v) => !/^(1\.0|1\.1|Disabled)$/.test(String(v)) },
  }),
  attrRule({
    id: "iac/azure-redis-non-ssl-port",
    severity: "high",
    title: "Azure Cache for Redis enables the non-SSL port",
    description: "The non-SSL port (6379) carries the access key and data in clear.",
    remediation: "Set non_ssl_port_enabled (enable_non_ssl_port) to false.",
    references: ["CKV_AZURE_91", "CWE-319"],
    terraform: { types: ["azurerm_redis_cache"], attr: "enable_non_ssl_port", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
  }),
  attrRule({
    id: "iac/azure-keyvault-network-open",
    severity: "medium",
    title: "Key Vault accepts traffic from all networks",
    description: "Without network ACLs defaulting to Deny, the vault endpoint is reachable from anywhere.",
    remediation: "Add network_acls { default_action = \"Deny\" bypass = \"AzureServices\" } and allow the needed networks.",
    references: ["CKV_AZURE_109", "CWE-284"],
    terraform: { types: ["azurerm_key_vault"], attr: "network_acls.default_action", ok: "Deny", bad: "Allow", missing: "fail" },
  }),
  attrRule({
    id: "iac/azure-aks-network-policy",
    severity: "low",
    title: "AKS cluster has no network policy",
    description: "Without a network policy engine every pod can talk to every other pod.",
    remediation: "Set network_profile { network_policy = \"azure\" } (or calico/cilium).",
    references: ["CKV_AZURE_7"],
    terraform: { types: ["azurerm_kubernetes_cluster"], attr: "network_profile.network_policy", ok: "azure", bad: "", missing: "fail", pass: (v) => isSet(v) },
  }),
  attrRule({
    id: "iac/gcp-compute-ip-forwarding",
    severity: "medium",
    title: "Compute instance can forward IP packets",
    description: "IP forwarding lets the instance route traffic for others, bypassing firewall intent, unless it is a deliberate NAT or router.",
    remediation: "Set can_ip_forward = false unless the instance is a network appliance.",
    references: [`${CIS_GCP} 4.6`, "CKV_GCP_36"],
    terraform: { types: ["google_compute_instance", "google_compute_instance_template"], attr: "can_ip_forward", ok: false, bad: true, missing: "pass", pass: (v) => !isTrue(v) },
  }),
  attrRule({
    id: "iac/gcp-compute-shielded-vm",
    severity: "low",
    title: "Compute instance does not use Shielded VM integrity monitoring",
    description: "Shielded VM's secure boot and integrity monitoring detect boot-level tampering.",
    remediation: "Add shielded_instance_config { enable_integrity_monitoring = true enable_vtpm = true }.",
    references: [`${CIS_GCP} 4.8`, "CKV_GCP_39"],
    terraform: { types: ["google_compute_instance"], attr: "shielded_instance_config.enable_integrity_monitoring", ok: true, bad: false, missing: "fail" },
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
      ...blocks(r.body, "access").flatMap(({ value, path }) =>
        [["special_group", /^allAuthenticatedUsers$/], ["iam_member", /^allUsers$/]].flatMap(([k, re]) => (typeof value[k as string] === "string" && (re as RegExp).test(value[k as string] as string) ? [{ path: `${path}.${k as string}` }] : [])),
      ),
      ...(typeof r.body.member === "string" && PUBLIC_MEMBERS.test(r.body.member) ? [{ path: "member" }] : []),
      ...each(r.body, "members.*").filter((m) => typeof m.value === "string" && PUBLIC_MEMBERS.test(m.value)).map((m) => ({ path: m.path })),
    ],
    examples: {
      valid: [{ code: "resource \"google_bigquery_dataset\" \"ok\" {\n  access {\n    role          = \"READER\"\n    special_group = \"projectReaders\"\n  }\n}\n" }],
      invalid: [{ code: "resource \"google_bigquery_dataset\" \"bad\" {\n  access {\n    role          = \"READER\"\n    special_group = \"allAuthenticatedUsers\"\n  }\n}\n", lines: [4] }],
    },
  },
  attrRule({
    id: "iac/gcp-gke-network-policy",
    severity: "low",
    title: "GKE cluster has no network policy",
    description: "Without network policy enforcement every pod can talk to every other pod.",
    remediation: "Set network_policy { enabled = true } (or use Dataplane V2).",
    references: ["CIS GKE Benchmark 5.6.7", "CKV_GCP_12"],
    terraform: { types: ["google_container_cluster"], attr: "network_policy.enabled", ok: true, bad: false, missing: "fail", when: (b) => str(b.datapath_provider) !== "ADVANCED_DATAPATH" },
  }),
];

// Type declarations for the SPDX helpers, which ship without types.
declare module "spdx-expression-parse" {
  export type SpdxNode =
    | { license: string; plus?: boolean; exception?: string }
    | { left: SpdxNode; conjunction: "and" | "or"; right: SpdxNode };
  export default function parse(expression: string): SpdxNode;
}

declare module "spdx-correct" {
  export default function correct(identifier: string, options?: { upgrade?: boolean }): string | null;
}

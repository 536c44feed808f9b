// Smaller APIs whose keys have no fixed prefix, recognised by the provider named in the
// variable, plus two prefixed formats.
import type { SecretRule } from "../types.js";
import { HEX32, UUID, context, rotate, token } from "./build.js";

interface Simple {
  id: string;
  provider: string;
  kind?: string;
  keywords: string[];
  value: string;
  sample: string;
  where: string;
  severity?: SecretRule["severity"];
}

/** A provider-named assignment rule from a one-line declaration. */
function simple(d: Simple): SecretRule {
  const kind = d.kind ?? "API key";
  return context({
    id: d.id,
    provider: d.provider,
    kind,
    ...(d.severity ? { severity: d.severity } : {}),
    description: `A ${d.provider} ${kind} assigned to a ${d.provider}-named variable.`,
    remediation: rotate(`in ${d.where}`),
    keywords: d.keywords,
    name: d.keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")).join("|"),
    value: d.value,
    entropy: 3,
    positive: [d.sample],
    negative: [`${(d.keywords[0] ?? "x").toUpperCase()}_API_KEY=\${${(d.keywords[0] ?? "x").toUpperCase()}_API_KEY}`],
  });
}

export const moreSaasRules: SecretRule[] = [
  token({
    id: "scalingo-api-token",
    provider: "Scalingo",
    kind: "API token",
    description: "A Scalingo API token (tk-us-…).",
    remediation: rotate("in the Scalingo dashboard (User settings > API tokens)"),
    prefix: "tk-us-",
    body: "[A-Za-z0-9_-]{48}",
    entropy: 3.8,
    positive: ["SCALINGO_API_TOKEN=tk-us-Fku71IpfTTl80nZdLq-5VwvrHOpFewOaamJX238x5k2kAHkZ"],
    negative: ["tk-us-"],
  }),
  token({
    id: "defined-networking-api-token",
    provider: "Defined Networking",
    kind: "API token",
    description: "A Defined Networking (managed Nebula) API token (dnkey-…).",
    remediation: rotate("in the Defined Networking admin panel (API keys)"),
    prefix: "dnkey-",
    body: "[a-z0-9=_-]{26}-[a-z0-9=_-]{52}",
    entropy: 3.5,
    positive: ["DN_API_KEY=dnkey-39zj04osrnvgglgic2roi5ffqk-iw2qny7o7lawsml2ammttlybzc9fd5sd05zxrn7meqg27tdgcc4j"],
    negative: ["dnkey-"],
  }),
  simple({ id: "sumologic-access-key", provider: "Sumo Logic", kind: "access key", keywords: ["sumo"], value: "[A-Za-z0-9]{64}", sample: "SUMO_ACCESS_KEY=WvQLlz0UCHeWwp2LwD650n0z5Cx85u0uzsxRTD4KPHDw7KEtWp2GnlT4DMM73uGJ", where: "Sumo Logic (Administration > Security > Access keys > delete)" }),
  simple({ id: "messagebird-api-key", provider: "MessageBird", keywords: ["messagebird", "message_bird", "message-bird"], value: "[A-Za-z0-9]{25}", sample: "MESSAGEBIRD_API_KEY=HA9IfWrv21cymJVGFpmxNO9F5", where: "the MessageBird (Bird) dashboard (Developers > API access)" }),
  simple({ id: "rapidapi-key", provider: "RapidAPI", keywords: ["rapidapi"], value: "[A-Za-z0-9_-]{50}", sample: "RAPIDAPI_KEY=h4LdWVR6uuyp_ej-KTNueWImwCwy_mWFMPlwHMM00Y_HJO3BID", where: "RapidAPI (Apps > the app > Authorization > regenerate)" }),
  simple({ id: "sendbird-api-token", provider: "Sendbird", kind: "API token", keywords: ["sendbird"], value: "[a-f0-9]{40}", sample: "SENDBIRD_API_TOKEN=d9aafdff1b0978156ad3179bab46b6da2d072518", where: "the Sendbird dashboard (Settings > Application > General > API tokens)" }),
  simple({ id: "squarespace-api-key", provider: "Squarespace", keywords: ["squarespace"], value: UUID, sample: "SQUARESPACE_API_KEY=eb40f0b5-ab13-7cff-8e4c-b26aa07ccc0c", where: "Squarespace (Settings > Advanced > Developer API keys)" }),
  simple({ id: "finnhub-api-key", provider: "Finnhub", keywords: ["finnhub"], value: "[a-z0-9]{20}", sample: "FINNHUB_API_KEY=toscg8mav0cqmx6sou1j", where: "the Finnhub dashboard" , severity: "medium" }),
  simple({ id: "flickr-api-key", provider: "Flickr", keywords: ["flickr"], value: HEX32, sample: "FLICKR_API_KEY=e071cf4af3c20fba241389be4f31569d", where: "Flickr (The App Garden > your apps)", severity: "medium" }),
  simple({ id: "freshbooks-access-token", provider: "FreshBooks", kind: "access token", keywords: ["freshbooks"], value: "[A-Za-z0-9]{64}", sample: "FRESHBOOKS_ACCESS_TOKEN=7RnA1KAq3RGzeICS5tWaqQrtSD3OOCcB8khjTxeM8yDVnMVLG1vecmij8puFP7RN", where: "FreshBooks (Developer portal > the app > revoke tokens)" }),
  simple({ id: "kraken-api-secret", provider: "Kraken", kind: "API secret", keywords: ["kraken"], value: "[A-Za-z0-9+/]{80,90}={0,2}", sample: "KRAKEN_API_SECRET=GBj06I6YM5aZnWXiY9GqanXvXoZpXxDi+oHlOP/CTsB95mMetWtglbUuAgvq910VmfSJIYtXRfg+P6kuCxvW+m4N", where: "Kraken (Security > API > delete the key)", severity: "critical" }),
  simple({ id: "kucoin-api-secret", provider: "KuCoin", kind: "API key or secret", keywords: ["kucoin"], value: `${UUID}|[a-f0-9]{24}`, sample: "KUCOIN_API_SECRET=43294a56-3df7-435c-7abe-dc5f5a245e27", where: "KuCoin (API management > delete the key)", severity: "critical" }),
  simple({ id: "bittrex-api-secret", provider: "Bittrex", kind: "API key or secret", keywords: ["bittrex"], value: "[A-Za-z0-9]{32}", sample: "BITTREX_API_SECRET=NwDO01FhNT5SxCN2yRyNoZ2pB2u6Rogd", where: "Bittrex (Account > API keys)", severity: "critical" }),
  simple({ id: "etsy-api-key", provider: "Etsy", keywords: ["etsy"], value: "[a-z0-9]{24}", sample: "ETSY_API_KEY=32m4yxt989fyeacfj1a15fcl", where: "Etsy (Your apps > the app > regenerate the shared secret)", severity: "medium" }),
  simple({ id: "nytimes-api-key", provider: "New York Times", keywords: ["nytimes", "newyorktimes", "new-york-times", "new_york_times"], value: "[A-Za-z0-9_=-]{32}", sample: "NYTIMES_API_KEY=3uGcCP7o9Re1iWgeoDmvMgA3Px2-Zn6T", where: "the NYT developer portal (Apps > the app > regenerate the key)", severity: "low" }),
  simple({ id: "beamer-api-token", provider: "Beamer", kind: "API token", keywords: ["beamer"], value: "b_[A-Za-z0-9=_-]{44}", sample: "BEAMER_API_KEY=b_g0n6KFAGd0IhoO7pP8rGe3Kjb-YYY3X5js7HvI9ePCbO", where: "Beamer (Settings > API)", severity: "medium" }),
  simple({ id: "finicity-secret", provider: "Finicity", kind: "API key or partner secret", keywords: ["finicity"], value: "[a-f0-9]{32}|[A-Za-z0-9]{20}", sample: "FINICITY_PARTNER_SECRET=DVx8jdL00XaaE1umz7qV", where: "the Finicity (Mastercard Open Banking) developer dashboard", severity: "critical" }),
  simple({ id: "gitter-access-token", provider: "Gitter", kind: "access token", keywords: ["gitter"], value: "[a-f0-9]{40}", sample: "GITTER_TOKEN=9b70425118e19bcbd4f0cb5c388a1d52c179f11c", where: "Gitter (developer apps > revoke the token)", severity: "medium" }),
  simple({ id: "pusher-app-secret", provider: "Pusher", kind: "app secret", keywords: ["pusher"], value: "[a-f0-9]{20}", sample: "PUSHER_APP_SECRET=40ad729958d3f7aca6c2", where: "the Pusher dashboard (the app > App keys > regenerate)" }),
];

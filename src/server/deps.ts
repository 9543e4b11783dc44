import type { IncomingHttpHeaders } from "node:http";
import type { Config } from "../config/types.js";
import type { RouterError } from "../errors/index.js";
import type { Forwarder } from "../forward/index.js";
import type { ApiKind } from "../ir/types.js";
import type { SpendRecord } from "../keys/index.js";
import type { WireFormat } from "../wire/types.js";
import type { ProxyRecord } from "./proxy.js";
import type { Candidate, Engine, ResolvedProvider, RoutePlan } from "./types.js";

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Everything the HTTP layer needs, injected (tests build it with fakes; `serve` with the real parts). */
export interface AppDeps {
  config: Config;
  engine: Engine;
  wires: Record<ApiKind, WireFormat>;
  providers: (id: string) => ResolvedProvider | undefined;
  forwarder: Forwarder;
  log: Logger;
  /** Ledger + metrics sink; must never throw. `settled`: the request's spend already went to `settle`. */
  record: (rec: ProxyRecord, settled?: boolean) => void;
  /**
   * Charges a key's budget as soon as the answer is priced, before its last bytes leave: a client that sends its next
   * request on receiving this answer is then checked against a budget that already includes it. Must never throw.
   */
  settle?: (rec: SpendRecord) => void;
  /** Router keys: resolves the caller's key id or throws a 401 RouterError. Absent when no keys are configured. */
  authorize?: (api: ApiKind, headers: IncomingHttpHeaders, url: URL) => Promise<string | null>;
  routerKeysEnabled: boolean;
  /** Budgets / rate limits, checked once the request is routed; throws a 429 RouterError. */
  beforeCall?: (keyId: string | null, plan: RoutePlan) => Promise<void>;
  onFallback?: (from: Candidate, err: RouterError) => void;
  /** Provider circuit breaker: open providers are skipped before any network call; outcomes are reported back. */
  providerHealth?: {
    usable(providers: string[]): Promise<boolean[]>;
    report(provider: string, ok: boolean): Promise<void>;
  };
  /** Extra GET routes (dashboard, metrics, sessions …) handled before the 404. */
  extraRoutes?: (method: string, url: URL, res: import("node:http").ServerResponse) => Promise<boolean> | boolean;
}

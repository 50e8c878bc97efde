import { Resolver } from "node:dns/promises";
import type { Config } from "../config.js";

/** The port domain verification looks TXT records up through. */
export interface TxtResolver {
  /**
   * Each TXT record of `name`, its character-strings joined; [] when the name or the record does
   * not exist. Throws DnsLookupError when DNS gave no answer in time (or refused, or failed).
   */
  resolveTxt(name: string): Promise<string[]>;
}

/** DNS could not answer: the caller decides what the user is told (it is worth a retry). */
export class DnsLookupError extends Error {
  constructor(readonly code: string) {
    super(`DNS lookup failed: ${code}`);
    this.name = "DnsLookupError";
  }
}

/** Answers that mean "there is no such record", as opposed to "DNS did not answer". */
const NO_RECORD = new Set(["ENOTFOUND", "ENODATA", "ENONAME"]);
const TRIES = 2;

/**
 * A real resolver (DNS_SERVERS, else the system's) whose whole lookup is bounded by
 * `dnsTimeoutMs`: c-ares doubles its per-try timeout on retry, so a per-try timeout of a third of
 * the budget fits two tries, and a hard deadline cancels anything slower. Each lookup gets its own
 * Resolver because `cancel()` aborts every query of a resolver, and lookups run concurrently.
 */
export function createTxtResolver(config: Config): TxtResolver {
  const budgetMs = Math.max(50, config.dnsTimeoutMs);
  const perTryMs = Math.max(20, Math.floor(budgetMs / 3));
  // A malformed DNS_SERVERS fails at start-up, not on an admin's first verification.
  if (config.dnsServers) new Resolver().setServers(config.dnsServers);
  return {
    async resolveTxt(name) {
      const resolver = new Resolver({ timeout: perTryMs, tries: TRIES });
      if (config.dnsServers) resolver.setServers(config.dnsServers);
      const deadline = setTimeout(() => resolver.cancel(), budgetMs);
      try {
        return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
      } catch (error) {
        const code = (error as { code?: string }).code ?? "";
        if (NO_RECORD.has(code)) return [];
        // ETIMEOUT, ECANCELLED (our deadline), ECONNREFUSED, ESERVFAIL, EREFUSED...: worth a retry later.
        throw new DnsLookupError(code || "EUNKNOWN");
      } finally {
        clearTimeout(deadline);
      }
    },
  };
}

import { Resolver } from "node:dns/promises";
import type { Config } from "../config.js";

/** The port domain verification looks TXT records up through. */
export interface TxtResolver {
  /** Each TXT record of `name`, its character-strings joined; [] when there is none. */
  resolveTxt(name: string): Promise<string[]>;
}

export function createTxtResolver(config: Config): TxtResolver {
  const resolver = new Resolver({ timeout: config.dnsTimeoutMs, tries: 2 });
  if (config.dnsServers) resolver.setServers(config.dnsServers);
  return {
    async resolveTxt(name) {
      try {
        return (await resolver.resolveTxt(name)).map((chunks) => chunks.join(""));
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "ENOTFOUND" || code === "ENODATA") return [];
        throw error;
      }
    },
  };
}

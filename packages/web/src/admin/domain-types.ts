import type { DomainQuery } from "@access-identity/client";

/** The domain as its owners see it. */
export type Domain = NonNullable<DomainQuery["domain"]>;

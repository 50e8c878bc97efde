import { monotonicFactory } from "ulidx";

const ulid = monotonicFactory();

/** Prefixed, time-sortable ids: the prefix tells what an id names, the ULID sorts by creation. */
export type IdPrefix = "usr" | "fac" | "chl" | "ses" | "evt" | "eml";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  return /^[a-z]{3}_[0-9a-z]{26}$/.test(id) && id.startsWith(`${prefix}_`);
}

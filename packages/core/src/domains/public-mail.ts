import { loadOnce } from "../load-once.js";

// Free and disposable mail providers (the `email-providers` package, pinned exactly): anyone can
// get an address there, so an address proves nothing about who runs the domain. Such a domain can
// never be claimed or verified, so no policy can bind its accounts and sessions never read its
// domain item (domains/policy.ts): gmail.com must not be one hot partition read by every request.
//
// The list (8,700 names, 130 kB) loads once per process, with the first sign-up, sign-in or
// authenticated request (a few ms, overlapped with the session read: `loadPublicMailDomains`);
// after that every check is a Set lookup, never another import.
//
// Why a running deployment can trust it: the list is bundled into the deployed artefact, so it
// changes only with a release; under one list no listed domain can be claimed nor verified
// (claimDomain and verifyDomain both refuse it). A domain verified *before* a release added it to
// the list would silently lose its enforcement: upgrading `email-providers` is a migration (see
// db/README.md, "Upgrading the public mail list"), and public-mail.test.ts fails on any change
// to the list until the migration is acknowledged there.

/**
 * Listed domains an organisation verified before a release put them on the list: they stay
 * claimable and enforced (the upgrade migration adds them here). Empty: none so far.
 */
const VERIFIED_BEFORE_LISTED: ReadonlySet<string> = new Set<string>();

/** Starts (or joins) the one load of the list; resolved, it costs a microtask. */
export const loadPublicMailDomains = loadOnce(
  async (): Promise<ReadonlySet<string>> => new Set((await import("email-providers/all.json", { with: { type: "json" } })).default as string[]),
);

/** The name itself or any parent domain is a public mail provider (`x.usa.cc` is as public as `usa.cc`). */
export async function isPublicMailDomain(name: string): Promise<boolean> {
  const known = await loadPublicMailDomains();
  const labels = name.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join(".");
    if (VERIFIED_BEFORE_LISTED.has(candidate)) return false;
    if (known.has(candidate)) return true;
  }
  return false;
}

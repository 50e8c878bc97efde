import { loadOnce } from "../load-once.js";

// Free and disposable mail providers (the `email-providers` package): anyone can get an address there,
// so an address proves nothing about who runs the domain. The list (8,700 names, 130 kB) loads with
// the first claim or sign-up a process sees, not at every cold start.
const loadPublicMailDomains = loadOnce(
  async (): Promise<ReadonlySet<string>> => new Set((await import("email-providers/all.json", { with: { type: "json" } })).default as string[]),
);

/** The name itself or any parent domain is a public mail provider (`x.usa.cc` is as public as `usa.cc`). */
export async function isPublicMailDomain(name: string): Promise<boolean> {
  const known = await loadPublicMailDomains();
  const labels = name.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    if (known.has(labels.slice(i).join("."))) return true;
  }
  return false;
}

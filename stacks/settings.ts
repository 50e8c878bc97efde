/**
 * The deployer's settings: read from the environment of `sst deploy` (never from the function's),
 * checked here so that a stage that serves users cannot deploy half-configured.
 */

export const deployer = process.env;

export function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `sst dev`, or a stage named dev / dev-*: a developer's own, where localhost defaults are fine. */
export const isDevStage = $dev || /^dev(-|$)/.test($app.stage);

/** A positive whole number from the deployer, or undefined when unset. */
export function positiveInteger(name: string): number | undefined {
  const value = deployer[name];
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return n;
}

/**
 * The web app on AWS (stacks/web.ts), on only when the deployer names the host it is served on:
 * WEB_DOMAIN=app.example.com (a host name, no scheme; SST sets up its certificate and DNS record in
 * the Route 53 zone for it). A domain of its own, not CloudFront's generated one, because the API's
 * WebAuthn and CORS origins follow from it and must be known before either resource exists.
 */
export function webSite(): { domain: string; origin: string } | undefined {
  const domain = deployer.WEB_DOMAIN?.trim().toLowerCase();
  if (!domain) return undefined;
  if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain)) {
    throw new Error(`WEB_DOMAIN must be a host name such as app.example.com (no scheme, port or path), not "${deployer.WEB_DOMAIN}"`);
  }
  return { domain, origin: `https://${domain}` };
}

/**
 * WebAuthn binds every credential to the relying party id and checks each ceremony's origin: a
 * stage that serves users on the localhost defaults fails every passkey and security key. So outside
 * dev stages both must be given, the origins must be https, and each must sit on the RP id's domain.
 */
export function webAuthnSettings(): { rpId?: string; origins: string[] } {
  // With the web app on AWS, its host is the default relying party and its origin the default
  // origin; WEBAUTHN_RP_ID / WEBAUTHN_ORIGINS, when set, win.
  const site = webSite();
  const rpId = deployer.WEBAUTHN_RP_ID?.trim() || site?.domain;
  const explicitOrigins = list(deployer.WEBAUTHN_ORIGINS);
  const origins = explicitOrigins.length > 0 ? explicitOrigins : site ? [site.origin] : [];
  if (isDevStage) return { rpId, origins };
  if (!rpId || origins.length === 0) {
    throw new Error(
      `stage "${$app.stage}" needs WEBAUTHN_RP_ID and WEBAUTHN_ORIGINS (e.g. WEBAUTHN_RP_ID=example.com WEBAUTHN_ORIGINS=https://app.example.com), or WEB_DOMAIN for the web app on AWS: without them every WebAuthn ceremony fails`,
    );
  }
  for (const origin of origins) {
    const url = new URL(origin);
    if (url.protocol !== "https:" || url.origin !== origin) throw new Error(`WEBAUTHN_ORIGINS: "${origin}" must be an https origin (scheme and host, no path)`);
    if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) throw new Error(`WEBAUTHN_ORIGINS: "${origin}" is not on the relying party's domain "${rpId}"`);
  }
  return { rpId, origins };
}

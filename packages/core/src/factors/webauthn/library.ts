// @simplewebauthn/server brings certificate and ASN.1 parsers (about 300 kB minified): it is loaded
// at the first WebAuthn ceremony a process serves, not parsed at every Lambda cold start.
export const webAuthnServer = () => import("@simplewebauthn/server");
export const webAuthnHelpers = () => import("@simplewebauthn/server/helpers");

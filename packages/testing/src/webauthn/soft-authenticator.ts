import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

/**
 * A software FIDO2 authenticator for unit tests: P-256 (ES256) keys from node:crypto, "none"
 * attestation, and assertions signed exactly as a real key signs them (ECDSA over
 * authenticatorData || SHA-256(clientDataJSON), DER-encoded). Everything a hostile or broken
 * client could vary is controllable: origin, RP id, challenge, counter, user verification,
 * user handle, credential id.
 */

// Authenticator data flags (WebAuthn §6.1).
const UP = 0x01;
const UV = 0x04;
const BE = 0x08;
const BS = 0x10;
const AT = 0x40;

export interface SoftCredential {
  id: string;
  privateKey: KeyObject;
  cosePublicKey: Uint8Array;
  rpId: string;
  /** base64url, as the RP gave it at registration. */
  userHandle: string;
  counter: number;
}

export interface CeremonyOverrides {
  origin?: string;
  rpId?: string;
  challenge?: string;
  userVerified?: boolean;
}

interface CreationOptions {
  challenge: string;
  rp: { id?: string };
  user: { id: string };
}

interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

/** The library's byte type is Uint8Array over a plain ArrayBuffer; Node's Buffers may sit on a shared pool. */
function bytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(data);
}

function b64url(data: Uint8Array): string {
  return isoBase64URL.fromBuffer(bytes(data));
}

function sha256(data: Uint8Array | string): Buffer {
  return createHash("sha256").update(data).digest();
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** COSE_Key for an EC2 P-256 key with ES256 (RFC 9053): kty 2, alg -7, crv 1, x, y. */
function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: "jwk" });
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, isoBase64URL.toBuffer(jwk.x!)],
      [-3, isoBase64URL.toBuffer(jwk.y!)],
    ]),
  );
}

export class SoftAuthenticator {
  readonly credentials = new Map<string, SoftCredential>();
  readonly aaguid = Buffer.alloc(16);

  constructor(
    readonly defaults: { origin: string; rpId: string; attachment?: "platform" | "cross-platform"; backupEligible?: boolean },
  ) {}

  /**
   * Answers `startRegistration` options with a RegistrationResponseJSON (`response`) and keeps the
   * new credential; `reuse` registers an existing credential again (one key, two accounts).
   */
  register(options: CreationOptions, overrides: CeremonyOverrides & { reuse?: SoftCredential } = {}) {
    const rpId = overrides.rpId ?? options.rp.id ?? this.defaults.rpId;
    let credential = overrides.reuse;
    if (!credential) {
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
      credential = {
        id: b64url(randomBytes(32)),
        privateKey,
        cosePublicKey: coseKey(publicKey),
        rpId,
        userHandle: options.user.id,
        counter: 0,
      };
    }
    this.credentials.set(credential.id, credential);
    const idBytes = isoBase64URL.toBuffer(credential.id);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(idBytes.length);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([this.flags(overrides.userVerified) | AT]),
      uint32(credential.counter),
      this.aaguid,
      idLength,
      idBytes,
      credential.cosePublicKey,
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, never> | Uint8Array<ArrayBuffer>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, never>()],
        ["authData", bytes(authData)],
      ]),
    );
    const clientDataJSON = clientData("webauthn.create", overrides.challenge ?? options.challenge, overrides.origin ?? this.defaults.origin);
    const response = {
      id: credential.id,
      rawId: credential.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: [this.defaults.attachment === "platform" ? "internal" : "usb"],
      },
      authenticatorAttachment: this.defaults.attachment ?? "cross-platform",
      clientExtensionResults: {},
    };
    return { response, credential };
  }

  /**
   * Answers `startAuthentication` options with an assertion. The counter goes up by one unless
   * `counter` says what to report; `credentialId` picks a credential (default: the first allowed,
   * or any for discoverable sign-in).
   */
  authenticate(
    options: RequestOptions,
    overrides: CeremonyOverrides & { counter?: number; userHandle?: string | null; credentialId?: string } = {},
  ) {
    const credential = this.pick(options, overrides.credentialId);
    credential.counter = overrides.counter ?? credential.counter + 1;
    const rpId = overrides.rpId ?? options.rpId ?? credential.rpId;
    const authData = Buffer.concat([sha256(rpId), Buffer.from([this.flags(overrides.userVerified)]), uint32(credential.counter)]);
    const clientDataJSON = clientData("webauthn.get", overrides.challenge ?? options.challenge, overrides.origin ?? this.defaults.origin);
    // node:crypto's ECDSA signature is DER-encoded, which is what WebAuthn's ES256 assertions carry.
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
    const userHandle = overrides.userHandle === undefined ? credential.userHandle : overrides.userHandle;
    return {
      id: credential.id,
      rawId: credential.id,
      type: "public-key" as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(userHandle === null ? {} : { userHandle }),
      },
      authenticatorAttachment: this.defaults.attachment ?? "cross-platform",
      clientExtensionResults: {},
    };
  }

  private flags(userVerified: boolean | undefined): number {
    let flags = UP;
    if (userVerified ?? true) flags |= UV;
    if (this.defaults.backupEligible) flags |= BE | BS;
    return flags;
  }

  private pick(options: RequestOptions, credentialId?: string): SoftCredential {
    const allowed = options.allowCredentials?.map((c) => c.id) ?? [];
    const id = credentialId ?? allowed.find((a) => this.credentials.has(a)) ?? (allowed.length ? undefined : [...this.credentials.keys()][0]);
    const credential = id ? this.credentials.get(id) : undefined;
    if (!credential) throw new Error("soft authenticator: no matching credential");
    return credential;
  }
}

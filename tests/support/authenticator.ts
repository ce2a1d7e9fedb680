import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoCBOR } from "@simplewebauthn/server/helpers";

/**
 * A software passkey for tests that run without a browser: it makes and uses a P-256 (ES256)
 * credential the way a platform authenticator does (WebAuthn Level 3, "none" attestation), so
 * the server's real checks run on real signatures. It stands in for the user's device, which is
 * outside our code. Each instance holds one credential.
 */

const FLAG = { userPresent: 0x01, userVerified: 0x04, backupEligible: 0x08, backedUp: 0x10, attested: 0x40 };

export interface SoftAuthenticatorOptions {
  /** The origin the "browser" reports (default: the app's, as the tests' env sets it). */
  origin?: string;
  /** Signature counter: "counting" adds one per use (a security key), "none" stays 0 (a synced passkey). */
  counter?: "counting" | "none";
  /** Whether the user unlocked the device (PIN, biometrics). */
  userVerified?: boolean;
}

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

export class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private readonly origin: string;
  private readonly userVerified: boolean;
  private readonly counting: boolean;
  counter = 0;
  /** The user handle the server gave at registration, returned with every assertion. */
  userHandle: string | undefined;

  constructor({
    origin = "http://localhost:3000",
    counter = "none",
    userVerified = true,
  }: SoftAuthenticatorOptions = {}) {
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" }));
    this.origin = origin;
    this.userVerified = userVerified;
    this.counting = counter === "counting";
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  private flags(extra: number): number {
    const uv = this.userVerified ? FLAG.userVerified : 0;
    const synced = this.counting ? 0 : FLAG.backupEligible | FLAG.backedUp;
    return FLAG.userPresent | uv | synced | extra;
  }

  private authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  /** The public key as COSE (EC2, P-256, ES256). */
  private cosePublicKey(): Uint8Array {
    const jwk = this.publicKey.export({ format: "jwk" });
    return isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, "base64url")],
        [-3, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
  }

  /** navigator.credentials.create(): a new passkey for the options the server sent. */
  createCredential(options: PublicKeyCredentialCreationOptionsJSON): RegistrationResponseJSON {
    this.userHandle = options.user.id;
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, this.cosePublicKey()]);
    const authData = this.authenticatorData(options.rp.id!, this.flags(FLAG.attested), this.counter, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ["fmt", "none"],
        ["attStmt", new Map<string, string>()],
        ["authData", authData],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options.challenge)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
    };
  }

  /**
   * navigator.credentials.get(): signs the server's challenge. `counter` overrides the value the
   * authenticator reports (a cloned or rewound device); `origin`, the page the browser was on (a
   * look-alike site relaying our challenge).
   */
  getAssertion(
    options: PublicKeyCredentialRequestOptionsJSON,
    { counter, origin }: { counter?: number; origin?: string } = {},
  ): AuthenticationResponseJSON {
    if (this.counting) this.counter += 1;
    const reported = counter ?? this.counter;
    const authData = this.authenticatorData(options.rpId!, this.flags(0), reported);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, origin);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: this.userHandle,
      },
      clientExtensionResults: {},
    };
  }
}

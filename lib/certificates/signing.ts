// Who signs the certificates: the association's PKCS#12 from configuration, or, outside
// production, the demonstration authority created on first use. Loaded once per process
// (decrypting a PKCS#12 costs a PBKDF2; signing then takes a few milliseconds).
import "server-only";
import { createHash } from "node:crypto";
import { HttpTimestampAuthority, P12Signer, PDF } from "@libpdf/core";
import { env, type Env } from "@/lib/config/env";
import { ensureDemoAuthority } from "./authority";

export type SigningIdentity = {
  signer: P12Signer;
  /** The certificate readers are asked to trust: the top of the chain (or the signer itself). */
  authorityDer: Uint8Array;
  /** SHA-256 of the authority's certificate, « AB:CD:… », published on the verification page. */
  authorityFingerprint: string;
  demonstration: boolean;
  timestampUrl?: string;
};

export function fingerprintOf(der: Uint8Array): string {
  return createHash("sha256").update(der).digest("hex").toUpperCase().replace(/(..)(?!$)/g, "$1:");
}

async function loadIdentity(config: Env): Promise<SigningIdentity> {
  let p12: Uint8Array;
  let passphrase: string;
  let demonstration = false;
  if (config.CERTIFICATE_P12_BASE64) {
    p12 = new Uint8Array(Buffer.from(config.CERTIFICATE_P12_BASE64, "base64"));
    passphrase = config.CERTIFICATE_P12_PASSWORD ?? "";
  } else if (config.APP_ENV !== "production") {
    const demo = await ensureDemoAuthority(config.CERTIFICATE_DEMO_AUTHORITY_DIR);
    p12 = demo.p12;
    passphrase = demo.passphrase;
    demonstration = true;
  } else {
    throw new Error("CERTIFICATE_P12_BASE64 est requise en production (signature des certificats).");
  }
  const signer = await P12Signer.create(p12, passphrase);
  const authorityDer = signer.certificateChain.at(-1) ?? signer.certificate;
  return {
    signer,
    authorityDer,
    authorityFingerprint: fingerprintOf(authorityDer),
    demonstration,
    timestampUrl: config.CERTIFICATE_TSA_URL,
  };
}

let identity: Promise<SigningIdentity> | undefined;

/** The signing identity of this process (a failed load is retried on the next call). */
export function signingIdentity(): Promise<SigningIdentity> {
  identity ??= loadIdentity(env()).catch((error: unknown) => {
    identity = undefined;
    throw error;
  });
  return identity;
}

export type SignatureDetails = { reason: string; location: string; signingTime?: Date };

/**
 * Signs the finished document: PAdES baseline B-B (CAdES detached, signing-certificate-v2),
 * B-T when a timestamp authority is configured. The signature is the very last change to the
 * bytes, appended as an incremental update covering the whole document.
 */
export async function signPdf(bytes: Uint8Array, details: SignatureDetails, using?: SigningIdentity): Promise<Uint8Array> {
  const { signer, timestampUrl } = using ?? (await signingIdentity());
  const pdf = await PDF.load(bytes);
  const { bytes: signed } = await pdf.sign({
    signer,
    reason: details.reason,
    location: details.location,
    signingTime: details.signingTime,
    fieldName: "SignatureACCD",
    ...(timestampUrl ? { level: "B-T" as const, timestampAuthority: new HttpTimestampAuthority(timestampUrl, { timeout: 15_000 }) } : { level: "B-B" as const }),
  });
  return signed;
}

// The signature as the outside world checks it: poppler's pdfsig (the tool the issue names),
// NSS trust with the demonstration authority, one changed byte, and the CMS printed by openssl.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const work = mkdtempSync(path.join(tmpdir(), "ccd-signing-"));
process.env.CERTIFICATE_DEMO_AUTHORITY_DIR = path.join(work, "authority");
delete process.env.CERTIFICATE_P12_BASE64;
delete process.env.CERTIFICATE_TSA_URL;

const { renderCertificate } = await import("./render");
const { signPdf, signingIdentity, fingerprintOf } = await import("./signing");
const { createDemoAuthority } = await import("./authority");
const { P12Signer } = await import("@libpdf/core");

const content = {
  serial: "CCD-2026-7KQ4-M9XH",
  year: 2026,
  territory: { name: "Meyreuil", kind: "COMMUNE" as const, code: "13060", departmentCode: "13", departmentName: "Bouches-du-Rhône" },
  validFrom: new Date("2026-03-12T10:00:00Z"),
  validUntil: new Date("2026-12-31T22:59:59Z"),
  isRenewal: false,
  verificationUrl: "http://localhost:3000/verifier/CCD-2026-7KQ4-M9XH",
  signatoryName: "Camille Martin",
  signatoryRole: "Présidente de l'ACCD",
  issuedAt: new Date("2026-03-12T10:00:00Z"),
  demonstration: true,
};

function pdfsig(file: string, nssdir?: string): string {
  try {
    return execFileSync("pdfsig", [...(nssdir ? ["-nssdir", `sql:${nssdir}`] : []), file], { encoding: "utf8" });
  } catch (error) {
    // pdfsig exits non-zero when a signature is invalid: its report is what we test.
    return String((error as { stdout?: string }).stdout ?? "");
  }
}

/** The CMS SignedData from the signature dictionary's /Contents, without its zero padding. */
export function extractCms(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString("latin1");
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!range) throw new Error("no ByteRange");
  const hex = text.slice(Number(range[2]) + 1, Number(range[3]) - 1);
  const der = Buffer.from(hex, "hex");
  // SEQUENCE with a long-form length: 0x30 0x8n <n bytes of length>.
  const lengthBytes = der[1]! & 0x7f;
  const length = der.subarray(2, 2 + lengthBytes).reduce((total, byte) => total * 256 + byte, 0);
  return der.subarray(0, 2 + lengthBytes + length);
}

describe("signPdf", () => {
  let signed: Uint8Array;
  const file = path.join(work, "certificat.pdf");
  const nss = path.join(work, "nss");

  beforeAll(async () => {
    signed = await signPdf(await renderCertificate(content), { reason: "Certificat du label", location: "France" });
    writeFileSync(file, signed);
    const identity = await signingIdentity();
    writeFileSync(path.join(work, "authority.cer"), identity.authorityDer);
    execFileSync("mkdir", ["-p", nss]);
    execFileSync("certutil", ["-N", "-d", `sql:${nss}`, "--empty-password"]);
    execFileSync("certutil", ["-A", "-d", `sql:${nss}`, "-n", "autorite-demo", "-t", "CT,C,C", "-i", path.join(work, "authority.cer")]);
  }, 60_000);

  it("is a valid PAdES signature over the whole document, by the demonstration signer", () => {
    const report = pdfsig(file);
    expect(report).toContain("Signature Type: ETSI.CAdES.detached");
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain("Total document signed");
    expect(report).toContain("Signer Certificate Common Name: Signature des certificats du label (démonstration)");
  });

  it("is trusted once the demonstration authority is in the reader's NSS database", () => {
    expect(pdfsig(file, nss)).toContain("Certificate Validation: Certificate is Trusted.");
  });

  it("is invalid after one byte of the document changes", () => {
    const text = Buffer.from(signed).toString("latin1");
    // A hex digit of the document's /Creator string (inside the signed range): still a valid PDF.
    const at = text.indexOf("/Creator <FEFF00") + "/Creator <FEFF00".length;
    expect(at).toBeGreaterThan(100);
    const tampered = new Uint8Array(signed);
    tampered[at] = tampered[at] === 0x34 ? 0x35 : 0x34;
    const tamperedFile = path.join(work, "modifie.pdf");
    writeFileSync(tamperedFile, tampered);
    const report = pdfsig(tamperedFile, nss);
    expect(report).not.toContain("Signature is Valid");
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it("carries signing-certificate-v2 in its CMS (PAdES baseline B-B)", () => {
    const cmsFile = path.join(work, "signature.p7s");
    writeFileSync(cmsFile, extractCms(signed));
    const printed = execFileSync("openssl", ["cms", "-cmsout", "-print", "-inform", "DER", "-in", cmsFile], { encoding: "utf8" });
    expect(printed).toMatch(/signingCertificateV2/);
    expect(printed).toMatch(/messageDigest/);
  });

  it("publishes the authority's fingerprint as the SHA-256 of its certificate", async () => {
    const identity = await signingIdentity();
    expect(identity.demonstration).toBe(true);
    expect(identity.authorityFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const der = readFileSync(path.join(process.env.CERTIFICATE_DEMO_AUTHORITY_DIR!, "autorite.cer"));
    expect(fingerprintOf(new Uint8Array(der))).toBe(identity.authorityFingerprint);
  });

  it("signs with an ECDSA key as well (a PKCS#12 of another kind from configuration)", async () => {
    const ecdsa = await createDemoAuthority("ECDSA");
    const signer = await P12Signer.create(ecdsa.p12, ecdsa.passphrase);
    expect(signer.keyType).toBe("EC");
    const identity = { signer, authorityDer: ecdsa.rootDer, authorityFingerprint: fingerprintOf(ecdsa.rootDer), demonstration: true };
    const file = path.join(work, "certificat-ecdsa.pdf");
    writeFileSync(file, await signPdf(await renderCertificate(content), { reason: "Certificat du label", location: "France" }, identity));
    const report = pdfsig(file);
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain("Total document signed");
  });
});

// The demonstration signing authority: on a developer's machine or a demo, nobody has the
// association's real signing certificate, yet a fresh machine must issue signed certificates.
// So the first start creates, under .data/, a root « autorité de démonstration » and a signing
// certificate it issued, as a PKCS#12 file (the same shape production receives in
// CERTIFICATE_P12_BASE64). Generated offline with pkijs (PeculiarVentures, the library
// @libpdf/core itself parses PKCS#12 with) on WebCrypto: no openssl binary, no network.
// Every name says « démonstration » so nobody mistakes a demo certificate for a real one.
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

const crypto = globalThis.crypto;
pkijs.setEngine("node-webcrypto", new pkijs.CryptoEngine({ name: "node-webcrypto", crypto }));

const RSA: RsaHashedKeyGenParams = { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" };
const ECDSA: EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };
const ATTRIBUTE = { C: "2.5.4.6", O: "2.5.4.10", OU: "2.5.4.11", CN: "2.5.4.3" } as const;

function name(entries: [keyof typeof ATTRIBUTE, string][]): pkijs.RelativeDistinguishedNames {
  // One attribute per RDN set, as every CA writes names (pkijs alone puts them all in one set).
  const sequence = new asn1js.Sequence({
    value: entries.map(
      ([type, value]) =>
        new asn1js.Set({
          value: [
            new pkijs.AttributeTypeAndValue({ type: ATTRIBUTE[type], value: type === "C" ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }) }).toSchema(),
          ],
        }),
    ),
  });
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(sequence.toBER(false)).result });
}

function keyUsage(bits: number[]): pkijs.Extension {
  // KeyUsage BIT STRING: bit 0 is the most significant bit of the first byte.
  let value = 0;
  for (const bit of bits) value |= 0x80 >> bit;
  const bytes = new Uint8Array([value]);
  const unused = 7 - Math.max(...bits);
  return new pkijs.Extension({
    extnID: "2.5.29.15",
    critical: true,
    extnValue: new asn1js.BitString({ valueHex: bytes, unusedBits: unused }).toBER(false),
  });
}

async function keyIdentifier(publicKey: CryptoKey): Promise<ArrayBuffer> {
  const spki = await crypto.subtle.exportKey("spki", publicKey);
  const info = new pkijs.PublicKeyInfo({ schema: asn1js.fromBER(spki).result });
  return crypto.subtle.digest("SHA-1", new Uint8Array(info.subjectPublicKey.valueBlock.valueHexView));
}

async function makeCertificate(options: {
  subject: pkijs.RelativeDistinguishedNames;
  issuer: pkijs.RelativeDistinguishedNames;
  publicKey: CryptoKey;
  issuerKey: CryptoKey;
  issuerPublicKey: CryptoKey;
  ca: boolean;
  years: number;
}): Promise<pkijs.Certificate> {
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: crypto.getRandomValues(new Uint8Array(16)).map((byte, index) => (index === 0 ? byte & 0x7f : byte)) });
  certificate.subject = options.subject;
  certificate.issuer = options.issuer;
  const now = new Date();
  certificate.notBefore.value = new Date(now.getTime() - 24 * 3600_000);
  certificate.notAfter.value = new Date(Date.UTC(now.getUTCFullYear() + options.years, now.getUTCMonth(), now.getUTCDate()));
  await certificate.subjectPublicKeyInfo.importKey(options.publicKey);
  const basicConstraints = new pkijs.BasicConstraints({ cA: options.ca });
  certificate.extensions = [
    new pkijs.Extension({ extnID: "2.5.29.19", critical: true, extnValue: basicConstraints.toSchema().toBER(false), parsedValue: basicConstraints }),
    // CA: keyCertSign (5), cRLSign (6). Signer: digitalSignature (0), nonRepudiation (1).
    keyUsage(options.ca ? [5, 6] : [0, 1]),
    new pkijs.Extension({ extnID: "2.5.29.14", extnValue: new asn1js.OctetString({ valueHex: await keyIdentifier(options.publicKey) }).toBER(false) }),
    new pkijs.Extension({
      extnID: "2.5.29.35",
      extnValue: new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: await keyIdentifier(options.issuerPublicKey) }) }).toSchema().toBER(false),
    }),
  ];
  await certificate.sign(options.issuerKey, "SHA-256");
  return certificate;
}

/** A PKCS#12 holding the key (PBES2, AES-256) and the chain, with a SHA-256 integrity MAC. */
async function makePkcs12(privateKey: CryptoKey, chain: pkijs.Certificate[], passphrase: string): Promise<Uint8Array> {
  const password = new TextEncoder().encode(passphrase).buffer as ArrayBuffer;
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", privateKey);
  const keyInfo = new pkijs.PrivateKeyInfo({ schema: asn1js.fromBER(pkcs8).result });
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            {
              privacyMode: 0,
              value: new pkijs.SafeContents({
                safeBags: [
                  new pkijs.SafeBag({ bagId: "1.2.840.113549.1.12.10.1.2", bagValue: new pkijs.PKCS8ShroudedKeyBag({ parsedValue: keyInfo }) }),
                  ...chain.map((certificate) => new pkijs.SafeBag({ bagId: "1.2.840.113549.1.12.10.1.3", bagValue: new pkijs.CertBag({ parsedValue: certificate }) })),
                ],
              }),
            },
          ],
        },
      }),
    },
  });
  const safeContents = pfx.parsedValue!.authenticatedSafe!.parsedValue.safeContents[0].value as pkijs.SafeContents;
  await (safeContents.safeBags[0]!.bagValue as pkijs.PKCS8ShroudedKeyBag).makeInternalValues({
    password,
    // pkijs draws the IV itself.
    contentEncryptionAlgorithm: { name: "AES-CBC", length: 256 } as unknown as pkijs.ContentEncryptionAesCbcParams,
    hmacHashAlgorithm: "SHA-256",
    iterationCount: 100_000,
  });
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}] });
  await pfx.makeInternalValues({ password, iterations: 100_000, pbkdf2HashAlgorithm: "SHA-256" as unknown as Algorithm, hmacHashAlgorithm: "SHA-256" });
  return new Uint8Array(pfx.toSchema().toBER(false));
}

export function toPem(der: Uint8Array, label = "CERTIFICATE"): string {
  const base64 = Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n");
  return `-----BEGIN ${label}-----\n${base64.replace(/\n$/, "")}\n-----END ${label}-----\n`;
}

export type DemoAuthorityFiles = { p12: Uint8Array; passphrase: string; rootDer: Uint8Array };

/** Creates a demonstration root and signing certificate, in memory (RSA 2048, or ECDSA P-256). */
export async function createDemoAuthority(keys: "RSA" | "ECDSA" = "RSA"): Promise<DemoAuthorityFiles> {
  const algorithm = keys === "RSA" ? RSA : ECDSA;
  const root = (await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
  const signer = (await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"])) as CryptoKeyPair;
  const organization = "ACCD - Association des Communes Cyber Dynamiques (démonstration)";
  const rootName = name([
    ["C", "FR"],
    ["O", organization],
    ["CN", "Autorité de démonstration du label Commune Cyber Dynamique - ne pas faire confiance en production"],
  ]);
  const rootCertificate = await makeCertificate({ subject: rootName, issuer: rootName, publicKey: root.publicKey, issuerKey: root.privateKey, issuerPublicKey: root.publicKey, ca: true, years: 10 });
  const signerCertificate = await makeCertificate({
    subject: name([
      ["C", "FR"],
      ["O", organization],
      ["OU", "Certificats du label"],
      ["CN", "Signature des certificats du label (démonstration)"],
    ]),
    issuer: rootName,
    publicKey: signer.publicKey,
    issuerKey: root.privateKey,
    issuerPublicKey: root.publicKey,
    ca: false,
    years: 5,
  });
  const passphrase = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64url");
  const p12 = await makePkcs12(signer.privateKey, [signerCertificate, rootCertificate], passphrase);
  return { p12, passphrase, rootDer: new Uint8Array(rootCertificate.toSchema().toBER(false)) };
}

const README = `Autorité de DÉMONSTRATION du label Commune Cyber Dynamique.

Créée au premier démarrage hors production pour que les certificats de démonstration soient
signés. Elle ne prouve rien : ne l'importez jamais comme autorité de confiance ailleurs que sur
une machine de développement. En production, la clé de signature de l'association est fournie
par CERTIFICATE_P12_BASE64 et CERTIFICATE_P12_PASSWORD.

- signature.p12 : clé et certificat de signature, avec la chaîne (mot de passe : passphrase.txt)
- autorite.pem / autorite.cer : le certificat racine, à importer dans un lecteur PDF de test
`;

/**
 * The demonstration authority under `dir`, created on first use. Two processes starting at once
 * both generate one, but only the first rename wins: everyone then reads the same files.
 */
export async function ensureDemoAuthority(dir: string): Promise<DemoAuthorityFiles> {
  try {
    return await readDemoAuthority(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const created = await createDemoAuthority();
  await mkdir(path.dirname(path.resolve(dir)), { recursive: true });
  const staging = await mkdtemp(`${path.resolve(dir)}.tmp-`);
  await writeFile(path.join(staging, "signature.p12"), created.p12, { mode: 0o600 });
  await writeFile(path.join(staging, "passphrase.txt"), `${created.passphrase}\n`, { mode: 0o600 });
  await writeFile(path.join(staging, "autorite.cer"), created.rootDer);
  await writeFile(path.join(staging, "autorite.pem"), toPem(created.rootDer));
  await writeFile(path.join(staging, "LISEZ-MOI.txt"), README);
  try {
    await rename(staging, path.resolve(dir));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!["ENOTEMPTY", "EEXIST", "EPERM"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
  }
  return readDemoAuthority(dir);
}

async function readDemoAuthority(dir: string): Promise<DemoAuthorityFiles> {
  const [p12, passphrase, rootDer] = await Promise.all([
    readFile(path.join(dir, "signature.p12")),
    readFile(path.join(dir, "passphrase.txt"), "utf8"),
    readFile(path.join(dir, "autorite.cer")),
  ]);
  return { p12: new Uint8Array(p12), passphrase: passphrase.trim(), rootDer: new Uint8Array(rootDer) };
}

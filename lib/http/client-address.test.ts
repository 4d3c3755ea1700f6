import { describe, expect, it } from "vitest";
import { UNKNOWN_CLIENT, clientAddress, clientAddressOf, peerHeaderName } from "./client-address";

describe("clientAddress", () => {
  it("is the socket's address when no proxy is declared, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ socketAddress: "203.0.113.7", forwardedFor: "10.1.2.3", trustedHops: 0 })).toBe("203.0.113.7");
    expect(clientAddress({ socketAddress: "::ffff:203.0.113.7", forwardedFor: null, trustedHops: 0 })).toBe("203.0.113.7");
  });
  it("behind declared proxies, takes the entry they wrote, counted from the right", () => {
    // One proxy: it appended the address it saw; what the client wrote stands to the left.
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "1.1.1.1, 2.2.2.2, 198.51.100.9", trustedHops: 1 })).toBe("198.51.100.9");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "1.1.1.1, 198.51.100.9, 10.0.0.3", trustedHops: 2 })).toBe("198.51.100.9");
    // Fewer entries than proxies: the leftmost is the best known.
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "198.51.100.9", trustedHops: 3 })).toBe("198.51.100.9");
  });
  it("ignores what is no address, and never invents one", () => {
    expect(clientAddress({ socketAddress: null, forwardedFor: null, trustedHops: 0 })).toBe(UNKNOWN_CLIENT);
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "<script>, ", trustedHops: 1 })).toBe("10.0.0.2");
  });
});

describe("clientAddressOf", () => {
  const secret = "s".repeat(40);
  it("reads the socket address only from the header named after the secret", () => {
    const headers = new Headers({ [peerHeaderName(secret)]: "203.0.113.7", "x-forwarded-for": "9.9.9.9" });
    expect(clientAddressOf(headers, { secret, trustedHops: 0 })).toBe("203.0.113.7");
    // A client guessing a header name does not choose its address.
    const forged = new Headers({ [peerHeaderName("another secret of 32 characters!!")]: "9.9.9.9", "x-forwarded-for": "9.9.9.9" });
    expect(clientAddressOf(forged, { secret, trustedHops: 0 })).toBe(UNKNOWN_CLIENT);
  });
});

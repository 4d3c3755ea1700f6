import { expect, test } from "@playwright/test";

test.describe("GET /api/territories", () => {
  test("répond avec les territoires trouvés et un cache public", async ({ request }) => {
    const response = await request.get("/api/territories?q=saint%20etienne");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("public, max-age=300");
    const body = (await response.json()) as { results: Array<{ name: string; kind: string; departmentName: string | null }> };
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results).toContainEqual(expect.objectContaining({ name: "Saint-Étienne", kind: "COMMUNE", departmentName: "Loire" }));
  });

  test("filtre par type de territoire", async ({ request }) => {
    const response = await request.get("/api/territories?q=saint%20etienne&kind=EPCI");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { results: Array<{ kind: string }> };
    expect(body.results.every((territory) => territory.kind === "EPCI")).toBe(true);
  });

  test("refuse un type inconnu avec un message en français", async ({ request }) => {
    const response = await request.get("/api/territories?q=lyon&kind=REGION");
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ message: expect.stringMatching(/type de territoire/) });
  });

  test("refuse une recherche démesurée sans trace technique", async ({ request }) => {
    const response = await request.get(`/api/territories?q=${"a".repeat(10_000)}`);
    expect(response.status()).toBe(400);
    const body = (await response.json()) as { message: string };
    expect(Object.keys(body)).toEqual(["message"]);
    expect(body.message).not.toMatch(/error|stack|at \w+ \(/i);
  });
});

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { banc } from "../serveur/test-support.js";

/** The back-office process serves the API under /api/v1, beside the agents' screens. */
describe("the API in the back-office's express application", () => {
  let b: Awaited<ReturnType<typeof banc>>;
  beforeAll(async () => {
    b = await banc();
  }, 60_000);
  afterAll(async () => b.detruire());

  it("serves the OpenAPI document and guards every family (mémoires, tickets, dépôt flux) with the bearer token", async () => {
    const doc = await request(b.application.app).get("/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect((doc.body as { openapi: string }).openapi).toBe("3.1.0");
    for (const chemin of ["/api/v1/structures", "/api/v1/memoires", "/api/v1/tickets", "/api/v1/flux/LOT-1"]) {
      const r = await request(b.application.app).get(chemin);
      expect(r.status, chemin).toBe(401);
      expect(r.headers["content-type"], chemin).toMatch(/^application\/problem\+json/);
      expect(r.headers["www-authenticate"], chemin).toMatch(/^Bearer/);
    }
  });

  it("leaves the agents' back-office as it was (its sign-in page, no problem+json)", async () => {
    const r = await request(b.application.app).get("/admin/login");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/html/);
  });
});

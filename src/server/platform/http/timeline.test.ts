import { describe, expect, it } from "vitest";
import { presentTimeline } from "./timeline.ts";

const row = {
  id: "7d9f4c1e-3b2a-4c5d-8e6f-0a1b2c3d4e5f",
  ownerId: "not for the response",
  at: new Date("2026-11-25T08:00:00.000Z"),
  actorId: "not for the response either",
  actorName: "张丽华",
  action: "submit",
  fromStatus: null,
  toStatus: "new" as const,
  note: null,
  photos: ["a".repeat(64)],
};

describe("presentTimeline", () => {
  it("shows the shared columns only, with photo links, and data where the table keeps it", () => {
    const [withData] = presentTimeline([{ ...row, data: { score: 5 } }]);
    expect(withData).toEqual({
      id: row.id,
      at: "2026-11-25T08:00:00.000Z",
      action: "submit",
      actorName: "张丽华",
      fromStatus: null,
      toStatus: "new",
      note: null,
      photos: [{ id: "a".repeat(64), url: `/api/v1/files/${"a".repeat(64)}` }],
      data: { score: 5 },
    });
    const [without] = presentTimeline([row]);
    expect(without).not.toHaveProperty("data");
  });
});

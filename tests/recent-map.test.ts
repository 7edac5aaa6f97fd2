import { describe, expect, it } from "vitest";
import { RecentMap } from "../lib/utils/recent-map.js";

describe("RecentMap", () => {
  it("drops the least recently used entry beyond its limit; a read or a write makes an entry the newest", () => {
    const map = new RecentMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    expect(map.get("a")).toBe(1);
    map.set("c", 3);
    expect(map.get("b")).toBeUndefined();
    expect(map.get("a")).toBe(1);
    map.set("c", 30);
    map.set("d", 4);
    expect(map.get("a")).toBeUndefined();
    expect(map.get("c")).toBe(30);
    expect(map.get("d")).toBe(4);
  });

  it("keeps null values (a parse that failed is an answer too), deletes and clears", () => {
    const map = new RecentMap<string, number | null>(3);
    map.set("x", null);
    expect(map.get("x")).toBeNull();
    map.delete("x");
    expect(map.get("x")).toBeUndefined();
    map.set("y", 1);
    map.clear();
    expect(map.get("y")).toBeUndefined();
  });
});

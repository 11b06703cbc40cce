/** A Meta with nothing known (kind "plan"), for tests that build documents by hand. */
import type { Meta } from "../../src/types.js";

export function blankMeta(overrides: Partial<Meta> = {}): Meta {
  return {
    title: null,
    issuer: null,
    region: null,
    province: null,
    year: null,
    kind: "plan",
    published: null,
    ...overrides,
  };
}

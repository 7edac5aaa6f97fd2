import type { Linter } from "eslint";

/**
 * Judges end of life on a fixed day, for tests that lint with a whole config and assert its exact
 * findings: `no-end-of-life-image` judges on today's date by default, so their images (node 24, alpine
 * 3.23, debian 12) would start failing them on the day those lines end.
 */
export const FIXED_END_OF_LIFE_DATE: Linter.Config = {
  name: "tests/fixed-end-of-life-date",
  files: ["**/*"],
  rules: { "docker/no-end-of-life-image": ["error", { date: "2026-11-30" }] },
};

/** The sections every rule doc has (tests/docs.test.ts checks them; `npm run new` writes them). */
export const REQUIRED_SECTIONS = [
  "## Why",
  "## Examples",
  "### Incorrect",
  "### Correct",
  "## When not to use it",
  "## Contract",
  "## Differences from peers",
  "## Peer checks",
] as const;

/**
 * The parts of the docs rendered from the peer-check table (`lib/peers/peer-checks.ts`), so that a rule
 * doc, the migration guide and the table cannot disagree:
 *
 * - each rule doc's "## Peer checks" section: the checks of other tools that the table maps to the rule,
 *   between two markers; hand-written notes may follow the end marker (a guide, a tool outside the table);
 * - the tables of `docs/migrating.md`, one per tool, between `<!-- begin peer table: <tool> -->` markers.
 *
 * `npm run update` writes them (scripts/update.ts, through generated-sources.ts); tests/generated-sources.test.ts
 * fails when a doc and the table drift apart.
 */
import { PEER_CHECKS, PEER_SOURCES, PEER_TOOL_LABELS, type PeerCheck, type PeerTool } from "../lib/peers/peer-checks.js";

const TOOLS = Object.keys(PEER_TOOL_LABELS) as PeerTool[];

export const PEER_SECTION_BEGIN = "<!-- begin auto-generated peer checks (lib/peers/peer-checks.ts; `npm run update`) -->";
export const PEER_SECTION_END = "<!-- end auto-generated peer checks -->";

/** How a check is written in the docs: the id in backticks, a KICS query by its name (its id is a UUID). */
function checkText(check: PeerCheck): string {
  const text = check.name === undefined ? `\`${check.id}\`` : `"${check.name}"`;
  return check.note === undefined ? text : `${text} (${check.note})`;
}

/** The generated body of a rule doc's "Peer checks" section (without the markers). */
export function renderPeerChecks(rule: string): string {
  const lines = TOOLS.flatMap((tool) => {
    const checks = PEER_CHECKS.filter((check) => check.tool === tool && check.rules.includes(rule));
    return checks.length === 0 ? [] : [`- ${PEER_TOOL_LABELS[tool]}: ${checks.map(checkText).join(", ")}`];
  });
  if (lines.length > 0) return lines.join("\n");
  const tools = TOOLS.map((tool) => PEER_TOOL_LABELS[tool]);
  return `No check of ${tools.slice(0, -1).join(", ")} or ${tools.at(-1)!} reports this.`;
}

/**
 * The doc with its "## Peer checks" section's generated part replaced. A section without markers (a new
 * doc) gets them right after its heading, and what it said before is kept below them as notes.
 */
export function withPeerChecks(markdown: string, rule: string): string {
  const block = `${PEER_SECTION_BEGIN}\n${renderPeerChecks(rule)}\n${PEER_SECTION_END}`;
  const begin = markdown.indexOf(PEER_SECTION_BEGIN);
  const end = markdown.indexOf(PEER_SECTION_END);
  if (begin !== -1 && end > begin) return markdown.slice(0, begin) + block + markdown.slice(end + PEER_SECTION_END.length);
  const heading = "\n## Peer checks\n";
  const at = markdown.indexOf(heading);
  if (at === -1) return markdown;
  const bodyStart = at + heading.length;
  const rest = markdown.slice(bodyStart).replace(/^\n+/u, "");
  return `${markdown.slice(0, bodyStart)}\n${block}\n${rest === "" ? "" : `\n${rest}`}`;
}

function tableBegin(tool: PeerTool): string {
  return `<!-- begin peer table: ${tool} (lib/peers/peer-checks.ts; \`npm run update\`) -->`;
}

function tableEnd(tool: PeerTool): string {
  return `<!-- end peer table: ${tool} -->`;
}

const ruleLinks = (rules: readonly string[]): string =>
  rules.length === 0 ? "none" : rules.map((rule) => `[\`docker/${rule}\`](rules/${rule}.md)`).join(", ");

/** One tool's table for docs/migrating.md: every check of the tool and the rules of ours that report it. */
export function renderPeerTable(tool: PeerTool): string {
  const checks = PEER_CHECKS.filter((check) => check.tool === tool);
  const kics = tool === "kics";
  const header = kics ? "| KICS query | Query id | Our rules |\n| --- | --- | --- |" : `| ${PEER_TOOL_LABELS[tool]} check | Our rules |\n| --- | --- |`;
  const rows = checks.map((check) => {
    const rules = ruleLinks(check.rules) + (check.note === undefined ? "" : ` (${check.note})`);
    return kics ? `| ${check.name ?? ""} | \`${check.id}\` | ${rules} |` : `| \`${check.id}\` | ${rules} |`;
  });
  return `${header}\n${rows.join("\n")}\n\nSource: ${PEER_SOURCES[tool]}.`;
}

/** docs/migrating.md with each tool's table (between its markers) rendered from the table. */
export function withPeerTables(markdown: string): string {
  let out = markdown;
  for (const tool of TOOLS) {
    const begin = tableBegin(tool);
    const end = tableEnd(tool);
    const from = out.indexOf(begin);
    const to = out.indexOf(end);
    if (from === -1 || to < from) continue;
    out = `${out.slice(0, from)}${begin}\n\n${renderPeerTable(tool)}\n\n${out.slice(to)}`;
  }
  return out;
}

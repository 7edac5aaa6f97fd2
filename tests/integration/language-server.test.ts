/**
 * The editor path, with the real ESLint language server (`vscode-eslint-language-server` from
 * vscode-langservers-extracted, the server VS Code's ESLint extension runs, packaged for other editors)
 * spoken to over stdio as an editor does. A temporary project loads the built plugin by its package name;
 * the server is asked for diagnostics of all three file kinds, `source.fixAll.eslint` (and the
 * `eslint.applyAllFixes` command Neovim's `LspEslintFixAll` sends) must give what `eslint --fix` writes, every
 * suggestion of ours must come back as a quick fix, and applying our "Disable docker/<id> for this …" quick
 * fix must silence that finding and add none. Three clients' settings and language ids are answered, each
 * with the settings docs/editors.md adds: VS Code's (what vscode-eslint's client sends), nvim-lspconfig's
 * (with `disableRuleComment.location: "sameLine"`: with the server's own disable action on, that location
 * fails every code-action request on a language its comment table does not know) and Helix's (on files
 * with CRLF line ends). The three servers start at once; the whole file takes about 6 s of CPU.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = path.resolve(import.meta.dirname, "../..");
// The package's own bin script, run with this Node (node_modules/.bin/vscode-eslint-language-server links to it).
const serverScript = path.join(repoRoot, "node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server");
const serverMissing = !existsSync(serverScript);
if (serverMissing) console.warn(`language-server.test.ts skipped: ${serverScript} is absent (dev dependency vscode-langservers-extracted not installed)`);

/** Every wait on the server ends: a request that takes longer fails the test instead of hanging it. */
const TIMEOUT_MS = 20_000;

// Inside the repository, so that `import "eslint-plugin-docker-policy"` resolves to this package (its dist/,
// which `npm test` builds first) and the server finds ESLint in the repository's node_modules.
const scratch = path.join(repoRoot, ".tmp-tests");
mkdirSync(scratch, { recursive: true });
const workDir = mkdtempSync(path.join(scratch, "language-server-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const CONFIG = `import docker from "eslint-plugin-docker-policy";

export default [
  ...docker.configs.recommended,
  // Judge end of life on a fixed day, so that the findings do not change with the date.
  { files: ["**/*"], rules: { "docker/no-end-of-life-image": ["error", { date: "2026-11-30" }] } },
];
`;

/** The project's files; each kind has findings, fixable ones and ones with only suggestions. */
const FILES: Record<string, string> = {
  "eslint.config.mjs": CONFIG,
  Dockerfile: "FROM node\nMAINTAINER Ops <ops@example.com>\nRUN apt-get update \\\n  && apt-get install -y curl\nCOPY . /app\n",
  "compose.yaml": "services:\n  web:\n    build: .\n    ports:\n      - 8080:80\n    privileged: true\n",
  ".dockerignore": "node_modules\n",
};

/** Writes the project; `eol` is the line end of the Docker files (a CRLF project checks positions and fixes across `\r\n`). */
function writeProject(name: string, eol: string): string {
  const dir = path.join(workDir, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(FILES)) writeFileSync(path.join(dir, file), file === "eslint.config.mjs" ? text : text.replaceAll("\n", eol));
  return dir;
}

/** What `eslint --fix` writes (ESLint's API on a copy of the project: lintFiles, then outputFixes, as the CLI does). */
async function eslintFix(project: string): Promise<Record<string, string>> {
  const copy = path.join(workDir, `${path.basename(project)}-cli-fix`);
  cpSync(project, copy, { recursive: true });
  const eslint = new ESLint({ cwd: copy, fix: true });
  await ESLint.outputFixes(await eslint.lintFiles(["."]));
  return Object.fromEntries(Object.keys(FILES).map((file) => [file, readFileSync(path.join(copy, file), "utf8")]));
}

/** The suggestions ESLint's API gives for each file: `line:ruleId` -> the suggestions' descriptions. */
async function eslintSuggestions(project: string): Promise<Map<string, Map<string, string[]>>> {
  const eslint = new ESLint({ cwd: project });
  const byFile = new Map<string, Map<string, string[]>>();
  for (const result of await eslint.lintFiles(["."])) {
    const findings = new Map<string, string[]>();
    for (const message of result.messages) findings.set(`${message.line}:${message.ruleId}`, (message.suggestions ?? []).map((suggestion) => suggestion.desc));
    byFile.set(path.basename(result.filePath), findings);
  }
  return byFile;
}

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface Diagnostic {
  range: Range;
  message: string;
  code?: string | number;
  source?: string;
}
interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: Command;
  edit?: WorkspaceEdit;
  diagnostics?: Diagnostic[];
}
interface WorkspaceEdit {
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
  changes?: Record<string, TextEdit[]>;
}

function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const match = /\r\n|\n|\r/gu;
    match.lastIndex = offset;
    const found = match.exec(text);
    if (!found) return text.length;
    offset = found.index + found[0].length;
  }
  return Math.min(offset + position.character, text.length);
}

/** `edits` applied to `text` (LSP text edits never overlap; applied from the last). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const located = edits.map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), text: edit.newText }));
  located.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of located) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  return [...(edit.documentChanges ?? []).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits), ...(edit.changes?.[uri] ?? [])];
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the language server did not answer ${what} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** An editor's side of the conversation: the server's process, the open documents and the settings it is asked for. */
class Client {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly log: string[] = [];
  /** The `eslint/status` states the server sent: 1 ok, 2 warn, 3 error (a lint that threw). */
  readonly statuses: number[] = [];
  /** URLs the server asked the editor to open (`eslint/openDoc`, from "Show documentation for …"). */
  readonly openedDocs: string[] = [];
  private readonly documents = new Map<string, { text: string; version: number; languageId: string }>();
  /** Edits the server asked the editor to apply (`workspace/applyEdit`), for the next `take()`. */
  private applied: WorkspaceEdit[] = [];

  constructor(
    readonly project: string,
    private readonly settings: Record<string, unknown>,
  ) {
    this.child = spawn(process.execPath, [serverScript, "--stdio"], { cwd: project, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr!.on("data", (chunk: Buffer) => this.log.push(chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onRequest("workspace/configuration", (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => (item.scopeUri && !item.section ? this.settings : null)),
    );
    this.connection.onRequest("workspace/applyEdit", (params: { edit: WorkspaceEdit }) => {
      this.applied.push(params.edit);
      return { applied: true };
    });
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("eslint/openDoc", (params: { url: string }) => {
      this.openedDocs.push(params.url);
      return {};
    });
    this.connection.onNotification("eslint/status", (params: { state: number }) => {
      this.statuses.push(params.state);
    });
    this.connection.onNotification("window/logMessage", (params: { message: string }) => {
      this.log.push(params.message);
    });
    this.connection.listen();
  }

  uri(file: string): string {
    return pathToFileURL(path.join(this.project, file)).href;
  }

  async start(): Promise<void> {
    const rootUri = pathToFileURL(this.project).href;
    await withTimeout(
      this.connection.sendRequest("initialize", {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: path.basename(this.project) }],
        capabilities: {
          workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
          textDocument: {
            diagnostic: {},
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll", "source.fixAll.eslint"] } } },
          },
        },
      }),
      "initialize",
    );
    await this.connection.sendNotification("initialized", {});
  }

  async open(file: string, languageId: string): Promise<void> {
    const uri = this.uri(file);
    const text = readFileSync(path.join(this.project, file), "utf8");
    this.documents.set(uri, { text, version: 1, languageId });
    await this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
  }

  text(file: string): string {
    return this.documents.get(this.uri(file))!.text;
  }

  version(file: string): number {
    return this.documents.get(this.uri(file))!.version;
  }

  /** Replaces the document's text, as an editor syncs an edit (whole text; the server accepts it under incremental sync). */
  async change(file: string, text: string): Promise<void> {
    const uri = this.uri(file);
    const document = this.documents.get(uri)!;
    document.text = text;
    document.version++;
    await this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: document.version }, contentChanges: [{ text }] });
  }

  /** Pull diagnostics (the server offers only these, as VS Code's client asks for them on open and on type). */
  async diagnostics(file: string): Promise<Diagnostic[]> {
    const report = await withTimeout(
      this.connection.sendRequest<{ items: Diagnostic[] }>("textDocument/diagnostic", { textDocument: { uri: this.uri(file) } }),
      `textDocument/diagnostic for ${file}`,
    );
    return report.items;
  }

  async codeActions(file: string, range: Range, diagnostics: Diagnostic[], only?: string): Promise<CodeAction[]> {
    const actions = await withTimeout(
      this.connection.sendRequest<CodeAction[] | null>("textDocument/codeAction", {
        textDocument: { uri: this.uri(file) },
        range,
        context: { diagnostics, ...(only ? { only: [only] } : {}), triggerKind: 1 },
      }),
      `textDocument/codeAction for ${file}`,
    );
    return actions ?? [];
  }

  /** Runs a code action as an editor does: its edit, or its command (whose edit the server sends back by `workspace/applyEdit`). Returns the new text. */
  async apply(file: string, action: CodeAction): Promise<string> {
    this.applied = [];
    if (action.command) {
      await withTimeout(this.connection.sendRequest("workspace/executeCommand", { command: action.command.command, arguments: action.command.arguments }), `${action.command.command}`);
    }
    const edits = [...(action.edit ? [action.edit] : []), ...this.applied].flatMap((edit) => editsFor(edit, this.uri(file)));
    if (edits.length === 0) throw new Error(`"${action.title}" edited nothing`);
    return applyEdits(this.text(file), edits);
  }

  async stop(): Promise<void> {
    try {
      if (this.child.exitCode === null) {
        await withTimeout(this.connection.sendRequest("shutdown"), "shutdown").catch(() => undefined);
        await this.connection.sendNotification("exit").catch(() => undefined);
      }
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    }
  }
}

/** The `.vscode/settings.json` docs/editors.md gives (its `jsonc` block under "## VS Code"), so that the doc and the test cannot drift apart. */
function vscodeDocSettings(): Record<string, unknown> {
  const doc = readFileSync(path.join(repoRoot, "docs/editors.md"), "utf8");
  const section = doc.slice(doc.indexOf("\n## VS Code\n"));
  const block = /\n```jsonc\n([\s\S]*?)\n```\n/u.exec(section)?.[1];
  if (block === undefined) throw new Error("docs/editors.md has no jsonc block under ## VS Code");
  return JSON.parse(block.replace(/^\s*\/\/.*$/gmu, "").replace(/,(\s*[}\]])/gu, "$1")) as Record<string, unknown>;
}

/**
 * The settings vscode-eslint's VS Code client sends for a validated file (client/src/client.ts,
 * readConfiguration) under the `.vscode/settings.json` of docs/editors.md.
 */
function vscodeSettings(project: string): Record<string, unknown> {
  const user = vscodeDocSettings();
  return {
    validate: "on",
    packageManager: "npm",
    useESLintClass: false,
    // `eslint.useFlatConfig` unset (ESLint 10 has only flat config); `experimental.useFlatConfig` must stay false with
    // ESLint 10: it makes the server ask for a FlatESLint class ESLint 10 no longer exports, and lint nothing.
    useFlatConfig: undefined,
    experimental: { useFlatConfig: false },
    codeActionOnSave: { mode: "all" },
    format: false,
    quiet: false,
    onIgnoredFiles: "off",
    options: {},
    rulesCustomizations: [],
    run: "onType",
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: undefined,
    workspaceFolder: { name: path.basename(project), uri: pathToFileURL(project).href },
    codeAction: {
      // VS Code merges an object setting over its default.
      disableRuleComment: { enable: true, location: "separateLine", commentStyle: "line", ...(user["eslint.codeAction.disableRuleComment"] as object) },
      showDocumentation: { enable: true },
    },
  };
}

/** nvim-lspconfig's default settings for the `eslint` server (lsp/eslint.lua), with `disableRuleComment` as docs/editors.md gives it and the sameLine location. */
function neovimSettings(project: string): Record<string, unknown> {
  return {
    validate: "on",
    useESLintClass: false,
    experimental: {},
    codeActionOnSave: { enable: false, mode: "all" },
    format: true,
    quiet: false,
    onIgnoredFiles: "off",
    rulesCustomizations: [],
    run: "onType",
    problems: { shortenToSingleLine: false },
    nodePath: "",
    workingDirectory: { mode: "auto" },
    workspaceFolder: { uri: pathToFileURL(project).href, name: path.basename(project) },
    codeAction: {
      disableRuleComment: { enable: false, location: "sameLine" },
      showDocumentation: { enable: true },
    },
  };
}

/**
 * What Helix sends with the `config` table docs/editors.md gives for `vscode-eslint-language-server` in
 * languages.toml. It replaces Helix's built-in table as a whole (Helix merges languages.toml three levels
 * deep), so it repeats the built-in keys and adds the server's disable action off and `codeActionOnSave.mode`
 * (without it the server fails every `source.fixAll.eslint` request, which Helix's `code-actions-on-save`
 * sends). Helix sends no workspace folder.
 */
function helixSettings(): Record<string, unknown> {
  return {
    validate: "on",
    experimental: { useFlatConfig: false },
    rulesCustomizations: [],
    run: "onType",
    problems: { shortenToSingleLine: false },
    nodePath: "",
    workingDirectory: { mode: "location" },
    codeActionOnSave: { mode: "all" },
    codeAction: { disableRuleComment: { enable: false }, showDocumentation: { enable: true } },
  };
}

/** Each client's settings and the language ids it sends for a Dockerfile, a compose file and a `.dockerignore`. */
const CASES = [
  { name: "VS Code's settings", folder: "vscode", settings: vscodeSettings, languageIds: ["dockerfile", "dockercompose", "ignore"], eol: "\n" },
  // Neovim's own file types: a compose file is `yaml`, a `.dockerignore` is `gitignore`.
  { name: "nvim-lspconfig's settings, disable comments on the same line", folder: "neovim", settings: neovimSettings, languageIds: ["dockerfile", "yaml", "gitignore"], eol: "\n" },
  // Files with CRLF line ends, as a Windows checkout has them.
  { name: "Helix's settings, CRLF files", folder: "helix", settings: helixSettings, languageIds: ["dockerfile", "dockercompose", "git-ignore"], eol: "\r\n" },
];

/** One editor session: its server, the files it opened (with their language ids), and ESLint's own answers for its project. */
interface Session {
  client: Client;
  files: { file: string; languageId: string }[];
  expectedFix: Record<string, string>;
  expectedSuggestions: Map<string, Map<string, string[]>>;
}

const sessions = new Map<string, Session>();
const clients: Client[] = [];

async function startSession({ folder, settings, languageIds, eol }: (typeof CASES)[number]): Promise<Session> {
  const project = writeProject(folder, eol);
  const client = new Client(project, settings(project));
  clients.push(client);
  // ESLint's own answers, computed while the server starts.
  const expected = Promise.all([eslintFix(project), eslintSuggestions(project)]);
  const files = ["Dockerfile", "compose.yaml", ".dockerignore"].map((file, index) => ({ file, languageId: languageIds[index]! }));
  await client.start();
  for (const { file, languageId } of files) await client.open(file, languageId);
  // The first lint loads ESLint, the config and the plugin into the server.
  await client.diagnostics("Dockerfile");
  const [expectedFix, expectedSuggestions] = await expected;
  return { client, files, expectedFix, expectedSuggestions };
}

// Both servers start at once: most of their time is loading ESLint, the config and the plugin.
beforeAll(async () => {
  if (serverMissing) return;
  await Promise.all(CASES.map(async (candidate) => sessions.set(candidate.name, await startSession(candidate))));
});

// Runs even when a start failed or timed out: no server outlives the tests.
afterAll(async () => {
  await Promise.all(clients.map((client) => client.stop()));
});

const isOurs = (diagnostic: Diagnostic) => typeof diagnostic.code === "string" && diagnostic.code.startsWith("docker/");
const key = (diagnostic: Diagnostic) => `${diagnostic.code} ${diagnostic.message}`;

it("the VS Code settings of docs/editors.md validate the language ids VS Code gives our files", () => {
  expect(vscodeDocSettings()["eslint.validate"]).toEqual(expect.arrayContaining(CASES[0]!.languageIds));
});

describe.skipIf(serverMissing).each(CASES)("vscode-eslint-language-server with $name", ({ name, eol }) => {
  let client: Client;
  let files: Session["files"];
  let expectedFix: Session["expectedFix"];
  let expectedSuggestions: Session["expectedSuggestions"];

  beforeAll(() => {
    ({ client, files, expectedFix, expectedSuggestions } = sessions.get(name)!);
  });

  it("reports our findings in all three file kinds", async () => {
    const expected = expectedSuggestions;
    for (const { file } of files) {
      const diagnostics = await client.diagnostics(file);
      expect(diagnostics.length, `${file}: ${client.log.join("\n")}`).toBeGreaterThan(0);
      expect(diagnostics.every((diagnostic) => isOurs(diagnostic) && diagnostic.source === "eslint")).toBe(true);
      expect(diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.code}`).sort()).toEqual([...expected.get(file)!.keys()].sort());
    }
    expect(client.statuses.length).toBeGreaterThan(0);
    expect(client.statuses.filter((state) => state !== 1), client.log.join("\n")).toEqual([]);
  });

  it("source.fixAll.eslint gives the text eslint --fix writes", async () => {
    const expected = expectedFix;
    for (const { file } of files) {
      await client.diagnostics(file);
      const actions = await client.codeActions(file, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], "source.fixAll.eslint");
      const fixAll = actions.find((action) => action.kind === "source.fixAll.eslint");
      const fixed = fixAll ? await client.apply(file, fixAll) : client.text(file);
      expect(fixed, file).toBe(expected[file]);
    }
    expect(expected["Dockerfile"]).not.toBe(FILES["Dockerfile"]!.replaceAll("\n", eol));
    expect(expected["compose.yaml"]).not.toBe(FILES["compose.yaml"]!.replaceAll("\n", eol));
  });

  it("the eslint.applyAllFixes command (Neovim's LspEslintFixAll) gives the same text", async () => {
    const expected = expectedFix;
    const uri = client.uri("Dockerfile");
    const fixed = await client.apply("Dockerfile", {
      title: "LspEslintFixAll",
      command: { title: "LspEslintFixAll", command: "eslint.applyAllFixes", arguments: [{ uri, version: client.version("Dockerfile") }] },
    });
    expect(fixed).toBe(expected["Dockerfile"]);
  });

  it("offers every suggestion of ours as a quick fix, the disable one included, and no disable action of the server's", async () => {
    const expected = expectedSuggestions;
    for (const { file } of files) {
      for (const diagnostic of await client.diagnostics(file)) {
        const descriptions = expected.get(file)!.get(`${diagnostic.range.start.line + 1}:${diagnostic.code}`)!;
        expect(descriptions.some((description) => description.startsWith(`Disable ${diagnostic.code} for this `)), `${file} ${diagnostic.code}`).toBe(true);
        const actions = await client.codeActions(file, diagnostic.range, [diagnostic]);
        const quickFixes = actions.filter((action) => action.kind === "quickfix").map((action) => action.title);
        for (const description of descriptions) expect(quickFixes, `${file} ${diagnostic.code}`).toContain(`${description} (${diagnostic.code})`);
        expect(quickFixes.filter((title) => title.endsWith(" for this line") || title.endsWith(" for the entire file"))).toEqual([]);
      }
    }
  });

  it("opens a rule's documentation from its finding", async () => {
    const [finding] = await client.diagnostics("compose.yaml");
    const actions = await client.codeActions("compose.yaml", finding!.range, [finding!]);
    const show = actions.find((action) => action.title === `Show documentation for ${finding!.code}`);
    expect(show).toBeDefined();
    await withTimeout(client.connection.sendRequest("workspace/executeCommand", show!.command), "eslint.openRuleDoc");
    // The server sends the request without waiting for it; a second round trip lets it arrive.
    await client.diagnostics("compose.yaml");
    expect(client.openedDocs.some((url) => url.endsWith(`/docs/rules/${String(finding!.code).slice("docker/".length)}.md`)), client.openedDocs.join(" ")).toBe(true);
  });

  // A finding in each kind: on an instruction's continuation line, on a list item, about the whole file.
  it.each([
    { file: "Dockerfile", rule: "docker/no-install-recommends", comment: "# eslint-disable-next-line docker/no-install-recommends\nRUN apt-get update" },
    { file: "compose.yaml", rule: "docker/require-quoted-ports", comment: "      # eslint-disable-next-line docker/require-quoted-ports\n      - 8080:80" },
    { file: ".dockerignore", rule: "docker/dockerignore-required-entries", comment: "# eslint-disable docker/dockerignore-required-entries\n" },
  ])("our disable quick fix silences $rule in $file and adds no finding", async ({ file, rule, comment }) => {
    const before = await client.diagnostics(file);
    const finding = before.find((diagnostic) => diagnostic.code === rule)!;
    expect(finding).toBeDefined();
    const actions = await client.codeActions(file, finding.range, [finding]);
    const disable = actions.find((action) => action.kind === "quickfix" && action.title.startsWith(`Disable ${rule} for this `));
    expect(disable, actions.map((action) => action.title).join("\n")).toBeDefined();
    const original = client.text(file);
    const edited = await client.apply(file, disable!);
    expect(edited).toContain(comment.replaceAll("\n", eol));
    await client.change(file, edited);
    const after = await client.diagnostics(file);
    expect(after.filter((diagnostic) => diagnostic.code === rule)).toEqual([]);
    expect(after.map(key).sort()).toEqual(before.filter((diagnostic) => diagnostic !== finding).map(key).sort());
    // Back to the original text for the other tests.
    await client.change(file, original);
  });
});

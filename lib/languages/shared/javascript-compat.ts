/**
 * Just enough of ESLint's JavaScript SourceCode API that core rules a user enables for every file
 * (an unscoped `js.configs.recommended`) find what they look up on our files and report nothing:
 * Dockerfiles, compose files and `.dockerignore` files have no JavaScript scopes or variables.
 */
export interface FakeScope {
  type: "global";
  block: unknown;
  set: Map<string, unknown>;
  through: unknown[];
  childScopes: unknown[];
  variableScope: FakeScope | null;
  variables: unknown[];
  references: unknown[];
  functionExpressionScope: false;
  isStrict: false;
  upper: null;
  implicit: { variables: unknown[]; set: Map<string, unknown> };
}

export function createFakeGlobalScope(root: unknown): FakeScope {
  const scope: FakeScope = {
    type: "global",
    block: root,
    set: new Map(),
    through: [],
    childScopes: [],
    variableScope: null,
    variables: [],
    references: [],
    functionExpressionScope: false,
    isStrict: false,
    upper: null,
    implicit: { variables: [], set: new Map() },
  };
  scope.variableScope = scope;
  return scope;
}

export function createFakeScopeManager(root: unknown, globalScope: FakeScope = createFakeGlobalScope(root)) {
  return {
    scopes: [globalScope],
    globalScope,
    acquire: (node: unknown) => (node === root ? globalScope : null),
    getDeclaredVariables: () => [],
    addGlobals: () => {},
  };
}

/**
 * The fields JavaScript rules read on the root without checking the language (`Program.body`,
 * `Program.tokens`, `Program.sourceType`, as ESTree defines them): a file of ours has no JavaScript
 * statements or tokens. Added as non-enumerable properties only where the AST does not already have
 * them (yaml-eslint-parser's Program has all three), so our own AST stays as the parser built it.
 */
export function addJavaScriptProgramShape(root: object): void {
  const shape: Record<string, unknown> = { body: [], tokens: [], sourceType: "module" };
  for (const [key, value] of Object.entries(shape)) {
    if (!(key in root)) Object.defineProperty(root, key, { value, enumerable: false, writable: false, configurable: true });
  }
}

/**
 * The `parserServices` typescript-eslint's parser gives a file it parsed without type information
 * (`ParserServicesWithoutTypeInformation` in @typescript-eslint/typescript-estree): empty node maps,
 * `program: null`, and no compiler settings. typescript-eslint's rules that need no type information
 * still read them through `getParserServices(context, true)`, which throws unless both node maps
 * exist: `consistent-type-imports` (8.74) asks at the start of every file for the decorator settings,
 * so an unscoped `tseslint.configs.strict` or `all` aborted the run on every file of ours. With the
 * maps there, those rules see a file without TypeScript; a rule that needs type information still
 * stops with typescript-eslint's own message, as it does on a `.js` file without a project
 * (`program` is null: we have no TypeScript program to give).
 */
export function untypedTypeScriptServices(): Record<string, unknown> {
  return {
    program: null,
    esTreeNodeToTSNodeMap: new WeakMap(),
    tsNodeToESTreeNodeMap: new WeakMap(),
    emitDecoratorMetadata: undefined,
    experimentalDecorators: undefined,
    isolatedDeclarations: undefined,
  };
}

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

export function createFakeScopeManager(root: unknown) {
  const globalScope = createFakeGlobalScope(root);
  return {
    scopes: [globalScope],
    globalScope,
    acquire: (node: unknown) => (node === root ? globalScope : null),
    getDeclaredVariables: () => [],
    addGlobals: () => {},
  };
}

/**
 * What Compose really runs when it loads the linted file: the file itself, plus
 * - the override file Compose merges by default (`compose.override.yaml` over `compose.yaml`, and so
 *   on; compose-go `cli/options.go`: the first existing of DefaultFileNames, then the first existing of
 *   DefaultOverrideFileNames in the same folder),
 * - the files of a top-level `include:` (Compose Specification, "Include": each path is relative to the
 *   including file; the included services, networks, volumes, secrets and configs join the project),
 * - the services named by `extends` (same file, or `file:` relative to the file that says `extends`;
 *   Compose Specification, "Extends").
 *
 * Each project service is a stack of layers in merge order (extended base first, override last), as
 * compose-go's `override` package merges them: a scalar field of a later layer replaces the earlier
 * one, mappings merge key by key, and a `!reset` value removes the field. Rules judge the merged
 * service through `effectiveField`, and report only on nodes of the linted file.
 *
 * Other files are read through the project model's mtime-keyed FileCache. A file that cannot be read
 * or parsed makes the project `incomplete`: rules that need to know every definition stay silent.
 */
import path from "node:path";
import { isFile } from "../project/project-model.js";
import type { AST } from "yaml-eslint-parser";
import { FileCache } from "../project/file-cache.js";
import { parseCompose } from "./parse.js";
import { getEntry, getMappingEntries, getSequenceItems, type resolveNode } from "./yaml.js";
import type { ComposeFile, ComposeService, ServiceField } from "./types.js";
import { toScalarValue } from "./model.js";

const composeFiles = new FileCache<ComposeFile | null>((text) => {
  const result = parseCompose(text);
  return result.ok ? result.model : null;
});

/** The compose model of a file on disk, or null when it is missing, unreadable or not a compose mapping. */
export function readComposeFile(file: string): ComposeFile | null {
  return composeFiles.get(file);
}

/** compose-go `cli.DefaultFileNames`, in the order Compose looks for them. */
export const DEFAULT_FILE_NAMES = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"] as const;
/** compose-go `cli.DefaultOverrideFileNames`. */
export const DEFAULT_OVERRIDE_FILE_NAMES = [
  "compose.override.yml",
  "compose.override.yaml",
  "docker-compose.override.yml",
  "docker-compose.override.yaml",
] as const;

/** One contribution to a service: the service as one file declares it. */
export interface ServiceLayer {
  /** Absolute path of the file; the linted file's own path for its layers. */
  file: string;
  service: ComposeService;
  /** This layer is the linted file's own declaration. */
  own: boolean;
}

export interface ProjectService {
  name: string;
  /** In merge order: extended services first, then the declaration, then the override. */
  layers: ServiceLayer[];
  /** The linted file's declaration, or null when the service comes only from other files. */
  own: ComposeService | null;
}

export type ResourceKind = "networks" | "volumes" | "secrets" | "configs";

export interface ComposeProject {
  file: string;
  model: ComposeFile;
  services: ReadonlyMap<string, ProjectService>;
  /** Names defined at top level in any file of the project. */
  definitions: Readonly<Record<ResourceKind, ReadonlySet<string>>>;
  /** A file the project needs (include, override, extends file) could not be read or parsed. */
  incomplete: boolean;
  /**
   * The linted file is an overlay (`compose.prod.yaml`) meant for `-f base -f … -f overlay`: the other
   * files of that command line are unknown, so what it leaves undefined may be defined there.
   */
  overlay: boolean;
  /** Every other file read, absolute paths. */
  files: readonly string[];
}

/** A field of the merged service, and the layer that set it last. */
export interface EffectiveField {
  field: ServiceField;
  layer: ServiceLayer;
}

const projectCache = new WeakMap<ComposeFile, Map<string, ComposeProject>>();

/**
 * The project the linted file belongs to. `file` is its absolute path (`context.physicalFilename`);
 * for a file not on disk (`<text>`) only the file itself and same-file `extends` count. Cached per
 * model and path: every rule of one lint shares it.
 */
export function getComposeProject(model: ComposeFile, file: string): ComposeProject {
  let byFile = projectCache.get(model);
  if (!byFile) {
    byFile = new Map();
    projectCache.set(model, byFile);
  }
  let project = byFile.get(file);
  if (!project) {
    project = buildProject(model, file);
    byFile.set(file, project);
  }
  return project;
}

/**
 * The merged service's field `name`: the last layer that sets it wins, and a later `!reset` removes it.
 * For mapping fields (`healthcheck`, `deploy`) this is the layer whose mapping Compose merges last;
 * presence questions ("is there a healthcheck?") are answered right.
 */
export function effectiveField(service: ProjectService, name: string): EffectiveField | null {
  for (let index = service.layers.length - 1; index >= 0; index--) {
    const layer = service.layers[index]!;
    const node = layer.service.node;
    if (!node) continue;
    const entry = getMappingEntries(node).get(name);
    if (entry?.reset) return null;
    const field = layer.service.fields.get(name);
    if (field) return { field, layer };
  }
  return null;
}

/** The first layer (latest first) whose service has a value for `pick`. */
export function effectiveValue<T>(service: ProjectService, pick: (service: ComposeService) => T | null | undefined): { value: T; layer: ServiceLayer } | null {
  for (let index = service.layers.length - 1; index >= 0; index--) {
    const layer = service.layers[index]!;
    const value = pick(layer.service);
    if (value !== null && value !== undefined && (!Array.isArray(value) || value.length > 0)) return { value, layer };
  }
  return null;
}

/** Files Compose loads for the file, other than itself: `include:` paths. */
export function includedFiles(model: ComposeFile, file: string): { path: string | null; node: AST.YAMLNode }[] {
  const entry = model.fields.get("include");
  const sequence = entry?.value.node;
  if (!sequence || sequence.type !== "YAMLSequence") return [];
  const dir = path.dirname(file);
  const found: { path: string | null; node: AST.YAMLNode }[] = [];
  const addPath = (node: ReturnType<typeof resolveNode>) => {
    const value = toScalarValue(node);
    if (!value || typeof value.value !== "string") return;
    found.push({ path: value.resolved === null ? null : path.resolve(dir, value.resolved), node: value.node });
  };
  for (const item of getSequenceItems(sequence)) {
    if (item.node?.type === "YAMLScalar") addPath(item);
    else if (item.node?.type === "YAMLMapping") {
      const paths = getEntry(item.node, "path")?.value;
      if (paths?.node?.type === "YAMLSequence") for (const p of getSequenceItems(paths.node)) addPath(p);
      else if (paths) addPath(paths);
    }
  }
  return found;
}

/**
 * The file Compose merges over `file` by default, or the base file `file` is merged over:
 * - a default file (`compose.yaml`…) gets the first existing default override file;
 * - a default override file is merged over the first existing default file;
 * - an overlay named like `compose.prod.yaml` / `docker-compose.test.yml` is written to be passed with
 *   `-f` after a base file: the first existing default file of its folder, else of the parent folder
 *   (overlays often live in an `overrides/` folder). `unknown` when no base is found: the overlay is a
 *   fragment of something we cannot see.
 */
export function defaultPartner(file: string): { role: "override" | "base"; path: string } | "unknown" | null {
  const dir = path.dirname(file);
  const name = path.basename(file);
  // The linted file counts as existing: an editor lints it before it is saved.
  const firstExisting = (names: readonly string[], folder = dir) => names.find((candidate) => (folder === dir && candidate === name) || isFile(path.join(folder, candidate)));
  if ((DEFAULT_FILE_NAMES as readonly string[]).includes(name)) {
    if (firstExisting(DEFAULT_FILE_NAMES) !== name) return null;
    const override = firstExisting(DEFAULT_OVERRIDE_FILE_NAMES);
    return override ? { role: "override", path: path.join(dir, override) } : null;
  }
  if ((DEFAULT_OVERRIDE_FILE_NAMES as readonly string[]).includes(name)) {
    if (firstExisting(DEFAULT_OVERRIDE_FILE_NAMES) !== name) return null;
    const base = firstExisting(DEFAULT_FILE_NAMES);
    return base ? { role: "base", path: path.join(dir, base) } : null;
  }
  if (OVERLAY_NAME.test(name)) {
    for (const folder of [dir, path.dirname(dir)]) {
      const base = DEFAULT_FILE_NAMES.find((candidate) => isFile(path.join(folder, candidate)));
      if (base) return { role: "base", path: path.join(folder, base) };
    }
    return "unknown";
  }
  return null;
}

/** Whether some service of the file cannot run on its own (no image, build or extends): a fragment of a merge. */
function isPartial(model: ComposeFile): boolean {
  return [...model.services.values()].some((service) => !service.fields.has("image") && !service.fields.has("build") && !service.fields.has("extends"));
}

/** `compose.<x>.yaml`, `docker-compose.<x>.yml`: an overlay meant for `-f base -f overlay`. */
const OVERLAY_NAME = /^(?:docker-)?compose\..+\.ya?ml$/u;

const MAX_DEPTH = 16;

function buildProject(model: ComposeFile, file: string): ComposeProject {
  const onDisk = path.isAbsolute(file);
  const services = new Map<string, ProjectService>();
  const definitions: Record<ResourceKind, Set<string>> = { networks: new Set(), volumes: new Set(), secrets: new Set(), configs: new Set() };
  const files = new Set<string>();
  let incomplete = false;

  const read = (other: string): ComposeFile | null => {
    files.add(other);
    const found = readComposeFile(other);
    if (!found) incomplete = true;
    return found;
  };
  const define = (source: ComposeFile) => {
    for (const kind of ["networks", "volumes", "secrets", "configs"] as const) for (const name of source[kind].keys()) definitions[kind].add(name);
  };

  /** The layers of `name` as declared in `source` (at `sourceFile`), with its `extends` chain first. */
  const layersOf = (source: ComposeFile, sourceFile: string, service: ComposeService, own: boolean, seen: Set<string>): ServiceLayer[] => {
    const layers: ServiceLayer[] = [];
    const ext = service.extends;
    if (ext && seen.size < MAX_DEPTH) {
      let baseModel: ComposeFile | null = source;
      let baseFile = sourceFile;
      if (ext.file) {
        const target = ext.file.resolved;
        if (target === null || !onDisk) {
          incomplete = true;
          baseModel = null;
        } else {
          baseFile = path.resolve(path.dirname(sourceFile), target);
          baseModel = read(baseFile);
        }
      }
      const key = `${baseFile}\0${ext.service}`;
      const base = baseModel?.services.get(ext.service);
      if (base && !seen.has(key)) {
        layers.push(...layersOf(baseModel!, baseFile, base, false, new Set([...seen, key])));
      }
    }
    layers.push({ file: sourceFile, service, own });
    return layers;
  };

  const addFile = (source: ComposeFile, sourceFile: string, own: boolean, position: "after" | "before") => {
    define(source);
    for (const service of source.services.values()) {
      const layers = layersOf(source, sourceFile, service, own, new Set([`${sourceFile}\0${service.name}`]));
      const existing = services.get(service.name);
      if (existing) {
        if (position === "after") existing.layers.push(...layers);
        else existing.layers.unshift(...layers);
        if (own) existing.own = service;
      } else {
        services.set(service.name, { name: service.name, layers, own: own ? service : null });
      }
    }
  };

  addFile(model, file, true, "after");
  if (onDisk) {
    let found = defaultPartner(file);
    // An overlay whose services all say what they run (image, build or extends) may as well be a file
    // of its own (`docker-compose.test.yml` run alone): merging it with a base would invent layers.
    if (found !== null && OVERLAY_NAME.test(path.basename(file)) && !isPartial(model)) found = null;
    if (found === "unknown") incomplete = true;
    const partner = found === "unknown" ? null : found;
    if (partner) {
      const other = read(partner.path);
      if (other) addFile(other, partner.path, false, partner.role === "override" ? "after" : "before");
    }
    const visitIncludes = (source: ComposeFile, sourceFile: string, depth: number, seen: Set<string>) => {
      for (const include of includedFiles(source, sourceFile)) {
        if (include.path === null) {
          incomplete = true;
          continue;
        }
        if (seen.has(include.path) || depth > MAX_DEPTH) continue;
        seen.add(include.path);
        const included = read(include.path);
        if (!included) continue;
        addFile(included, include.path, false, "after");
        visitIncludes(included, include.path, depth + 1, seen);
      }
    };
    visitIncludes(model, file, 0, new Set([file]));
    if (partner) {
      const other = readComposeFile(partner.path);
      if (other) visitIncludes(other, partner.path, 0, new Set([file, partner.path]));
    }
  } else if (model.fields.has("include")) {
    incomplete = true;
  }
  return { file, model, services, definitions, incomplete, overlay: onDisk && OVERLAY_NAME.test(path.basename(file)), files: [...files] };
}

/** Whether any layer of the service satisfies `test` (for fields Compose merges by union: `security_opt`, `volumes`, `ports`). */
export function anyLayer(service: ProjectService, test: (service: ComposeService) => boolean): boolean {
  return service.layers.some((layer) => test(layer.service));
}

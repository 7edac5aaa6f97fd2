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
import { isFile } from "./project-model.js";
import type { AST } from "yaml-eslint-parser";
import { FileCache } from "./file-cache.js";
import { FreshCache, readsUnchanged, recordReads, type RecordedReads } from "./fs-snapshot.js";
import { parseCompose } from "../compose/parse.js";
import { getEntry, getMappingEntries, getSequenceItems, type MappingEntry, type resolveNode } from "../compose/yaml.js";
import type { ComposeFile, ComposeService, ServiceField } from "../compose/types.js";
import { getComposeDocuments, toScalarValue, toServiceField } from "../compose/model.js";
import type { DotEnv } from "../compose/env-file.js";
import { readDotEnv } from "./env-files.js";
import { joinedPath } from "./resolved-path.js";

const composePrograms = new FileCache<AST.YAMLProgram | null>((text) => {
  const result = parseCompose(text);
  return result.ok ? result.program : null;
});

/**
 * The compose model of a file on disk (its first mapping document; `documents` has them all),
 * interpolated with `dotEnv` (by default the `.env` of the file's own project, `projectDotEnv`), or
 * null when it is missing, unreadable or not a compose mapping.
 */
export function readComposeFile(file: string, dotEnv: DotEnv | null | undefined = undefined): ComposeFile | null {
  const program = composePrograms.get(file);
  if (!program) return null;
  return getComposeDocuments(program, dotEnv === undefined ? projectDotEnv(file) : dotEnv)[0] ?? null;
}

/**
 * The files `COMPOSE_FILE` in the `.env` names (compose-go `cli/options.go`, `WithConfigFileEnv`: split
 * on `COMPOSE_PATH_SEPARATOR`, else on the platform's path-list separator; relative to the folder
 * Compose runs in, here the `.env`'s), in order; null when the `.env` does not set it or its value is unknown.
 */
export function composeFileList(dotEnv: DotEnv | null): string[] | null {
  const list = dotEnv?.environment.COMPOSE_FILE;
  if (list === undefined || list === null || list === "") return null;
  const separator = dotEnv!.environment.COMPOSE_PATH_SEPARATOR || path.delimiter;
  const dir = path.dirname(dotEnv!.file);
  return list.split(separator).filter((item) => item !== "").map((item) => path.resolve(dir, item));
}

/** The profiles `COMPOSE_PROFILES` in the `.env` enables (compose-go `WithDefaultProfiles`), or null when unset or unknown. */
export function composeProfiles(dotEnv: DotEnv | null): string[] | null {
  const list = dotEnv?.environment.COMPOSE_PROFILES;
  if (list === undefined || list === null) return null;
  return list.split(",").map((item) => item.trim()).filter((item) => item !== "");
}

/**
 * The `.env` Compose reads for the project of `file`: the one of the project folder, which is the folder
 * of the project's first compose file (compose-go reads the working directory's `.env`; the lint takes
 * the folder `docker compose` would be run from):
 * - a folder (the file's, or its parent) whose `.env` lists the file in `COMPOSE_FILE`;
 * - for an override or overlay, the folder of the base file it is merged over (`defaultPartner`);
 * - else the file's own folder.
 * Null when that folder has no `.env`. The shell's environment is never read: the lint judges the
 * project as its files describe it, whatever shell it runs in.
 */
export function projectDotEnv(file: string): DotEnv | null {
  if (!path.isAbsolute(file)) return null;
  // Every compose rule asks it for the linted file: answered once per file-system window.
  return dotEnvOfFile.get(file, findProjectDotEnv);
}

/** Revalidated by a stat of the files and folders it read (the `.env` candidates, the base file's names). */
const dotEnvOfFile = new FreshCache<DotEnv | null>(1024, { revalidate: true });

function findProjectDotEnv(file: string): DotEnv | null {
  const dir = path.dirname(file);
  for (const folder of [dir, path.dirname(dir)]) {
    const dotEnv = readDotEnv(folder);
    if (dotEnv && composeFileList(dotEnv)?.includes(file)) return dotEnv;
  }
  const partner = defaultPartner(file);
  if (partner !== null && partner !== "unknown" && partner.role === "base") return readDotEnv(path.dirname(partner.path));
  return readDotEnv(dir);
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

/**
 * By model and path, with what building the project read: the override, include and extends files
 * and the listings that found them. The model of a neighbouring compose file (`readComposeFile`) stays
 * the same object while its own text and `.env` do, so an edit to its `compose.override.yaml` or to a
 * file it extends is found by checking those reads, once per window (fs-snapshot's `readsUnchanged`).
 */
const projectCache = new WeakMap<ComposeFile, Map<string, { project: ComposeProject; reads: RecordedReads }>>();

/**
 * The project the linted file belongs to. `file` is its absolute path (`context.physicalFilename`);
 * for a file not on disk (`<text>`) only the file itself and same-file `extends` count. Cached per
 * model and path: every rule of one lint shares it; built again in a later window when a file it read
 * changed.
 */
export function getComposeProject(model: ComposeFile, file: string): ComposeProject {
  let byFile = projectCache.get(model);
  if (!byFile) {
    byFile = new Map();
    projectCache.set(model, byFile);
  }
  let known = byFile.get(file);
  if (!known || !readsUnchanged(known.reads)) {
    const { value, reads } = recordReads(() => buildProject(model, file));
    known = { project: value, reads };
    byFile.set(file, known);
  }
  return known.project;
}

/**
 * The merged service's field `name`: the last layer that sets it wins, and a later `!reset` removes it.
 * For mapping fields (`healthcheck`, `deploy`) this is the layer whose mapping Compose merges last;
 * presence questions ("is there a healthcheck?") are answered right. For a value inside a mapping,
 * use `effectivePath`; for a list or mapping Compose merges across layers, `mergedItems`.
 */
export function effectiveField(service: ProjectService, name: string): EffectiveField | null {
  return effectivePath(service, [name]);
}

/** How a layer treats the value at a path: sets it, leaves it to the layers before, or removes what they set. */
type LayerPart = { kind: "set"; entry: MappingEntry; parentVia: ServiceField } | { kind: "absent" } | { kind: "reset" } | { kind: "replaced" };

/**
 * What one layer says about `path` (`["deploy", "resources", "limits", "memory"]`):
 * - `reset`: `!reset` on the value or on a mapping above it;
 * - `replaced`: a mapping above it is tagged `!override` and does not have it (the layers before are
 *   replaced, so the value is gone);
 * - `set`: the layer has it (a `!override` on it or above is a plain set);
 * - `absent`: the layer says nothing, the layers before decide.
 */
function layerPart(layer: ServiceLayer, fieldPath: readonly string[]): LayerPart {
  const node = layer.service.node;
  if (!node) return { kind: "absent" };
  const [first, ...rest] = fieldPath;
  if (first === undefined) return { kind: "absent" };
  const top = getMappingEntries(node).get(first);
  if (top?.reset) return { kind: "reset" };
  const field = layer.service.fields.get(first);
  if (!top || !field) return { kind: "absent" };
  let entry: MappingEntry = top;
  let overridden = top.override;
  for (const key of rest) {
    const mapping = entry.value.node;
    if (!mapping || mapping.type !== "YAMLMapping") return overridden ? { kind: "replaced" } : { kind: "absent" };
    const next = getMappingEntries(mapping).get(key);
    if (next?.reset) return { kind: "reset" };
    if (!next) return overridden ? { kind: "replaced" } : { kind: "absent" };
    entry = next;
    overridden = overridden || next.override;
  }
  return { kind: "set", entry, parentVia: field };
}

/**
 * The merged service's value at `path` (a field, or a key inside mapping fields), and the layer that
 * set it last; null when no layer sets it, or a later layer removes it with `!reset` (on it or a
 * mapping above it) or replaces a mapping above it with `!override` (compose-go `loader/reset.go`: the
 * tagged path is deleted from what the earlier layers built, then the layer is merged).
 */
export function effectivePath(service: ProjectService, fieldPath: readonly string[]): EffectiveField | null {
  for (let index = service.layers.length - 1; index >= 0; index--) {
    const layer = service.layers[index]!;
    const part = layerPart(layer, fieldPath);
    if (part.kind === "reset" || part.kind === "replaced") return null;
    if (part.kind === "absent") continue;
    const top = part.parentVia;
    if (fieldPath.length === 1) return { field: top, layer };
    return { field: toServiceField(part.entry, top.via, top.environment), layer };
  }
  return null;
}

/**
 * The first layer (latest first) whose service has a value for `pick`. With `field`, the name of the
 * field `pick` reads, a later layer's `!reset` of it ends the search: the value is removed.
 */
export function effectiveValue<T>(
  service: ProjectService,
  pick: (service: ComposeService) => T | null | undefined,
  field?: string,
): { value: T; layer: ServiceLayer } | null {
  for (let index = service.layers.length - 1; index >= 0; index--) {
    const layer = service.layers[index]!;
    if (field !== undefined && layerPart(layer, [field]).kind === "reset") return null;
    const value = pick(layer.service);
    if (value !== null && value !== undefined && (!Array.isArray(value) || value.length > 0)) return { value, layer };
  }
  return null;
}

/** An item of a merged list field and the layer that declares it. */
export interface MergedItem<T> {
  item: T;
  layer: ServiceLayer;
}

/**
 * The items of a list (or map-or-list) field of the merged service, as compose-go merges them
 * (`override/merge.go`): each layer's items are appended to those of the layers before, a layer whose
 * field (or a mapping above it) is tagged `!override` replaces them, and `!reset` removes them. With
 * `key`, an item whose key an earlier item has replaces it in place (compose-go `override/uncity.go`:
 * ports by their binding, volumes by target, environment and labels by name…); a null key is never merged.
 *
 * `fieldPath` is the field (`["ports"]`, `["build", "args"]`); `items` reads a layer's own items.
 */
export function mergedItems<T>(
  service: ProjectService,
  fieldPath: readonly string[],
  items: (service: ComposeService) => readonly T[],
  key?: (item: T) => string | null,
): MergedItem<T>[] {
  let merged: MergedItem<T>[] = [];
  for (const layer of service.layers) {
    const part = layerPart(layer, fieldPath);
    if (part.kind === "reset" || part.kind === "replaced") merged = [];
    if (part.kind !== "set") continue;
    const overridden = isOverridden(layer, fieldPath);
    const own = items(layer.service).map((item) => ({ item, layer }));
    merged = overridden ? own : [...merged, ...own];
  }
  if (!key) return merged;
  const result: MergedItem<T>[] = [];
  const positions = new Map<string, number>();
  for (const entry of merged) {
    const name = key(entry.item);
    const at = name === null ? undefined : positions.get(name);
    if (at !== undefined) result[at] = entry;
    else {
      if (name !== null) positions.set(name, result.length);
      result.push(entry);
    }
  }
  return result;
}

/** Whether the layer tags `fieldPath`, or a mapping above it, `!override`. */
function isOverridden(layer: ServiceLayer, fieldPath: readonly string[]): boolean {
  let mapping = layer.service.node;
  for (const key of fieldPath) {
    if (!mapping) return false;
    const entry = getMappingEntries(mapping).get(key);
    if (!entry) return false;
    if (entry.override) return true;
    mapping = entry.value.node?.type === "YAMLMapping" ? entry.value.node : null;
  }
  return false;
}

/** Files Compose loads for the file, other than itself: `include:` paths. */
export function includedFiles(model: ComposeFile, file: string): { path: string | null; node: AST.YAMLNode }[] {
  const entry = model.fields.get("include");
  const sequence = entry?.value.node;
  if (!sequence || sequence.type !== "YAMLSequence") return [];
  const dir = path.dirname(file);
  const found: { path: string | null; node: AST.YAMLNode }[] = [];
  const addPath = (node: ReturnType<typeof resolveNode>) => {
    const value = toScalarValue(node, null, model.environment);
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
  const firstExisting = (names: readonly string[], folder = dir) => names.find((candidate) => (folder === dir && candidate === name) || isFile(joinedPath(folder, candidate)));
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
      const base = DEFAULT_FILE_NAMES.find((candidate) => isFile(joinedPath(folder, candidate)));
      if (base) return { role: "base", path: path.join(folder, base) };
    }
    return "unknown";
  }
  return null;
}

/** The services a document tags `!reset` or `!override` as a whole. */
function serviceTags(document: ComposeFile): Map<string, "reset" | "override"> {
  const tags = new Map<string, "reset" | "override">();
  const section = getMappingEntries(document.root).get("services");
  const mapping = section?.value.node;
  if (!mapping || mapping.type !== "YAMLMapping") return tags;
  for (const [name, entry] of getMappingEntries(mapping)) {
    if (entry.reset) tags.set(name, "reset");
    else if (entry.override) tags.set(name, "override");
  }
  return tags;
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
  const dotEnv = model.environment;
  const services = new Map<string, ProjectService>();
  const definitions: Record<ResourceKind, Set<string>> = { networks: new Set(), volumes: new Set(), secrets: new Set(), configs: new Set() };
  const files = new Set<string>();
  let incomplete = false;

  const read = (other: string): ComposeFile | null => {
    files.add(other);
    // Every file of the project is interpolated with the project's `.env`.
    const found = readComposeFile(other, dotEnv);
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
      // The extended service as the whole file declares it: every document of it, in order.
      const bases = (baseModel?.documents ?? []).flatMap((document) => {
        const base = document.services.get(ext.service);
        return base ? [{ document, base }] : [];
      });
      if (bases.length > 0 && !seen.has(key)) {
        for (const { document, base } of bases) layers.push(...layersOf(document, baseFile, base, false, new Set([...seen, key])));
      }
    }
    layers.push({ file: sourceFile, service, own });
    return layers;
  };

  /** Adds every document of a file, in order, each over the ones before (compose-go `loadYamlFile`). */
  const addFile = (source: ComposeFile, sourceFile: string) => {
    for (const document of source.documents) {
      define(document);
      const own = document === model;
      // `name: !reset` removes a service the files before declared; `name: !override` replaces it.
      const section = getMappingEntries(document.root).get("services");
      if (section?.reset || section?.override) services.clear();
      const tagged = serviceTags(document);
      for (const [name, tag] of tagged) if (tag === "reset") services.delete(name);
      for (const service of document.services.values()) {
        const layers = layersOf(document, sourceFile, service, own, new Set([`${sourceFile}\0${service.name}`]));
        const existing = tagged.get(service.name) === "override" ? undefined : services.get(service.name);
        if (existing) {
          existing.layers.push(...layers);
          if (own) existing.own = service;
        } else {
          services.set(service.name, { name: service.name, layers, own: own ? service : null });
        }
      }
    }
  };

  // The files of the project in merge order, the linted file among them.
  let before: string[] = [];
  let after: string[] = [];
  if (onDisk) {
    const listed = composeFileList(dotEnv);
    const position = listed?.indexOf(file) ?? -1;
    if (listed && position >= 0) {
      // `COMPOSE_FILE` in the `.env` names the files (as `-f` would); no default override is added.
      before = listed.slice(0, position);
      after = listed.slice(position + 1).filter((other) => other !== file);
    } else {
      let found = defaultPartner(file);
      // An overlay whose services all say what they run (image, build or extends) may as well be a file
      // of its own (`docker-compose.test.yml` run alone): merging it with a base would invent layers.
      if (found !== null && OVERLAY_NAME.test(path.basename(file)) && !isPartial(model)) found = null;
      if (found === "unknown") incomplete = true;
      else if (found?.role === "override") after = [found.path];
      else if (found?.role === "base") before = [found.path];
    }
  }
  const loaded: { source: ComposeFile; file: string }[] = [];
  for (const other of before) {
    const source = read(other);
    if (source) loaded.push({ source, file: other });
  }
  loaded.push({ source: model.documents[0] ?? model, file });
  for (const other of after) {
    const source = read(other);
    if (source) loaded.push({ source, file: other });
  }
  for (const { source, file: sourceFile } of loaded) addFile(source, sourceFile);

  if (onDisk) {
    const seen = new Set(loaded.map((entry) => entry.file));
    const visitIncludes = (source: ComposeFile, sourceFile: string, depth: number) => {
      for (const document of source.documents) {
        for (const include of includedFiles(document, sourceFile)) {
          if (include.path === null) {
            incomplete = true;
            continue;
          }
          if (seen.has(include.path) || depth > MAX_DEPTH) continue;
          seen.add(include.path);
          const included = read(include.path);
          if (!included) continue;
          addFile(included, include.path);
          visitIncludes(included, include.path, depth + 1);
        }
      }
    };
    for (const { source, file: sourceFile } of loaded) visitIncludes(source, sourceFile, 0);
  } else if (model.documents.some((document) => document.fields.has("include"))) {
    incomplete = true;
  }
  return { file, model, services, definitions, incomplete, overlay: onDisk && OVERLAY_NAME.test(path.basename(file)), files: [...files] };
}


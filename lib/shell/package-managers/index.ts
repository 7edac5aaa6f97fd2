/**
 * The package-manager knowledge table (declarative data per manager, with sources) and the one
 * classifier that reads it. See `types.ts` for the shapes, `classify.ts` for the reader.
 */
export { classifyPackageManagerCommand, commandEnvironment, invocationHasOption } from "./classify.js";
export { cacheAreasCoveredByMount, cacheAreasForPath, classifyCacheCleanup, normalizeCachePath, pathCoversDirectory, removesDirectory, segmentMatches } from "./cache.js";
export type * from "./types.js";
export { requirementLine } from "./arguments.js";

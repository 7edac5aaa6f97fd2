/**
 * pip requirements files of a build context, read through the project model's file cache (by path and
 * mtime, never stale) and split into the named requirements with their pin state.
 */
import { requirementLine } from "../shell/package-managers/index.js";
import { FileCache } from "./file-cache.js";

export interface RequirementEntry {
  name: string;
  pinned: boolean;
  /** 1-based line in the file. */
  line: number;
  text: string;
}

const files = new FileCache<RequirementEntry[]>((text) =>
  text.split(/\r\n|\r|\n/u).flatMap((line, index) => {
    const requirement = requirementLine(line);
    return requirement ? [{ ...requirement, line: index + 1, text: line.trim() }] : [];
  }),
);

/** The named requirements of the requirements file at `file`, or null when it is missing or unreadable. */
export function readRequirementsFile(file: string): RequirementEntry[] | null {
  return files.get(file);
}

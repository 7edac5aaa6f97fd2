/**
 * What an ADD source is, as BuildKit decides it (`dockerfile2llb/convert.go`, `dispatchCopy`): a
 * remote URL is downloaded, a Git repository is cloned, and a local file that is a tar archive is
 * unpacked; everything else is copied as COPY would. Facts from the Dockerfile reference
 * (https://docs.docker.com/reference/dockerfile/#add).
 */

export type AddSourceKind =
  /** `http://` or `https://` (not a Git repository): downloaded, never unpacked. */
  | "url"
  /** `git@…`, `git://…`, `ssh://…`, or an http(s) URL of a `.git` repository: cloned. */
  | "git"
  /** A local path whose name says it is (or may be) a tar archive: ADD unpacks it. */
  | "archive"
  /** A local file or directory ADD copies as it is. */
  | "local"
  /** Depends on a build-time value, or a glob that may match an archive. */
  | "unknown";

/**
 * Local files ADD unpacks: "a local tar archive in a recognized compression format (identity, gzip,
 * bzip2 or xz)" (Dockerfile reference, ADD); BuildKit also reads zstd. Detection is by content, so a
 * bare `.gz`, `.bz2`, `.xz` or `.zst` file may be a compressed tar too. `.zip` is never unpacked.
 */
const ARCHIVE_SUFFIXES = [".tar", ".tgz", ".taz", ".tbz", ".tbz2", ".tb2", ".txz", ".tzst", ".gz", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".z"];

const GIT_TRANSPORT = /^(?:git@|git:\/\/|ssh:\/\/|git\+)/iu;

/** Whether a file name looks like a (maybe compressed) tar archive. */
function looksLikeArchive(name: string): boolean {
  const lower = name.toLowerCase();
  return ARCHIVE_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** Whether `source` is an http(s) URL (BuildKit's `isHTTPSource` test on the processed value). */
export function isRemoteUrl(source: string): boolean {
  return /^https?:\/\//iu.test(source);
}

/**
 * Classifies one processed ADD source (variables already substituted; null when unknown).
 * BuildKit treats an http(s) URL as Git when its path ends in `.git` (a `#ref` fragment or a
 * `?ref=` query may follow), as `gitutil.ParseGitRef` does.
 */
export function classifyAddSource(source: string | null): AddSourceKind {
  if (source === null) return "unknown";
  if (GIT_TRANSPORT.test(source)) return "git";
  if (isRemoteUrl(source)) {
    // `#ref:subdir` (classic) and `?ref=…&keep-git-dir=1` (Dockerfile 1.x query form) follow the path.
    const path = source.split(/[#?]/u)[0]!.replace(/\/+$/u, "");
    return path.toLowerCase().endsWith(".git") ? "git" : "url";
  }
  const base = source.replace(/[/\\]+$/u, "").split(/[/\\]/u).at(-1) ?? "";
  if (looksLikeArchive(base)) return "archive";
  if (/[*?[]/u.test(base)) {
    // `*.json` cannot match an archive; `*`, `pkg-*` or `*.t*` may.
    const extension = /\.([A-Za-z0-9]+)$/u.exec(base)?.[1];
    return extension && !/[*?[]/u.test(base.slice(base.lastIndexOf("."))) && !looksLikeArchive(`.${extension}`) ? "local" : "unknown";
  }
  return "local";
}

/** Flags ADD has and COPY does not (Dockerfile reference, ADD and COPY options). */
export const ADD_ONLY_FLAGS: ReadonlySet<string> = new Set(["checksum", "keep-git-dir", "unpack"]);

/** Flags COPY accepts; an ADD with any other flag cannot become a COPY as it is. */
export const COPY_FLAGS: ReadonlySet<string> = new Set(["from", "chown", "chmod", "link", "parents", "exclude"]);

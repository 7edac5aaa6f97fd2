/**
 * Dockerfile names: which file names the project model takes for Dockerfiles (the same names the
 * configs' `docker.files.dockerfile` globs claim, lib/configs/files.ts; tests/project/dockerfile-names.test.ts
 * checks that the two agree), and which file a build whose Dockerfile is `Dockerfile` or left out
 * really reads.
 *
 * How the builders look the file up (read in their sources, 2026-12):
 * - The Docker CLI's classic builder, without `-f`: `<context>/Dockerfile`, else `<context>/dockerfile`
 *   ("Just to be nice ;-) look for 'dockerfile' too", docker/cli `cli/command/image/build/context.go`).
 * - buildx (`docker build` since Docker 23, and `docker compose build`, which builds through buildx or
 *   bake): any Dockerfile path whose last element is `Dockerfile` becomes `dockerfile` in the same
 *   folder when that folder has a `dockerfile` and no `Dockerfile` (docker/buildx `build/opt.go`,
 *   `handleLowercaseDockerfile`, "handle moby/moby#10858"); BuildKit's frontend retries the same name
 *   (moby/buildkit `frontend/dockerui/config.go`, "dockerfile is also supported casing moby/moby#10858").
 * - Compose fills in `dockerfile: Dockerfile` when `build:` gives neither `dockerfile` nor
 *   `dockerfile_inline` (compose-spec/compose-go `loader/normalize.go`). Neither Docker Compose, buildx
 *   nor BuildKit ever looks for a `Containerfile`.
 * - podman-compose, without `dockerfile:`, takes the first of `Containerfile`, `ContainerFile`,
 *   `containerfile`, `Dockerfile`, `DockerFile`, `dockerfile` in the context (containers/podman-compose
 *   `podman_compose.py`, `container_to_build_args`); `podman build`/buildah without `-f` take
 *   `Containerfile`, else `Dockerfile` (containers/buildah `pkg/util/util.go`, `DiscoverContainerfile`).
 */
import path from "node:path";
import { directoryEntries } from "./fs-snapshot.js";

/**
 * The names the Dockerfile language claims: `Dockerfile`, `Containerfile` and their lower-case
 * spellings; `Dockerfile.*`, `Dockerfile-*`, `Dockerfile_*` and the same for `Containerfile`;
 * `*.Dockerfile`, `*.dockerfile`, `*.Containerfile`, `*.containerfile`. A `*.dockerignore`
 * (`Dockerfile.dockerignore`) is an ignore file, not a Dockerfile. As the globs, `*` may match nothing
 * (`Dockerfile_`, `.dockerfile`).
 */
const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:[._-].*)?|dockerfile|containerfile|.*\.(?:Dockerfile|dockerfile|Containerfile|containerfile))$/u;

/** Whether a file name (no folder) is one the project model takes for a Dockerfile (see {@link DOCKERFILE_NAME}). */
export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name) && !name.endsWith(".dockerignore");
}

/**
 * Names podman-compose also tries when `build:` gives no `dockerfile:` and the context has neither
 * `Dockerfile` nor `dockerfile` (where Docker Compose would stop with "failed to read dockerfile").
 * Taken so that a Podman project is not told its build fails; in podman-compose's order.
 */
const PODMAN_COMPOSE_DEFAULT_NAMES = ["Containerfile", "ContainerFile", "containerfile", "DockerFile"];

/**
 * The file a build reads for the Dockerfile path `file` (absolute): `file` itself, or `dockerfile`
 * beside it when `file` is named `Dockerfile` and its folder holds a `dockerfile` and no `Dockerfile`
 * (buildx, BuildKit and the Docker CLI, see the module comment). With `defaulted` (compose's
 * `build:` gives no `dockerfile:`, so `file` is `<context>/Dockerfile`), a context that has neither
 * spelling gives podman-compose's `Containerfile` when there is one. Where both a `Dockerfile` and a
 * `Containerfile` exist, Docker's choice (`Dockerfile`) is the one answered. Returns `file` when
 * nothing else applies, whether or not it exists.
 */
export function locateDockerfile(file: string, { defaulted = false }: { defaulted?: boolean } = {}): string {
  if (path.basename(file) !== "Dockerfile") return file;
  const dir = path.dirname(file);
  // Names as listed, whatever their kind: buildx reads the folder the same way.
  const files = new Set(directoryEntries(dir).map((entry) => entry.name));
  if (files.has("Dockerfile")) return file;
  if (files.has("dockerfile")) return path.join(dir, "dockerfile");
  if (defaulted) {
    const podman = PODMAN_COMPOSE_DEFAULT_NAMES.find((name) => files.has(name));
    if (podman) return path.join(dir, podman);
  }
  return file;
}

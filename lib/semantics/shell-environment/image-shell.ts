/**
 * Which POSIX shell a stage's base image provides at `/bin/sh`'s side: bash, BusyBox ash, none at all
 * (scratch, distroless), or unknown. Fixes and suggestions that write a shell into the Dockerfile (a
 * `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, a GNU-only `wget` flag) ask this first and stay out
 * when the answer is not certain.
 *
 * Facts:
 * - Alpine images and the official images' `-alpine` variants ship BusyBox (`/bin/ash`, BusyBox `wget`)
 *   and no bash (https://hub.docker.com/_/alpine, "Image Variants" of each official image page).
 * - `busybox` images are BusyBox only (https://hub.docker.com/_/busybox).
 * - Distroless images have no shell at all (https://github.com/GoogleContainerTools/distroless, README).
 * - The official images' other variants are Debian- or Ubuntu-based (`bookworm`, `slim`, `jammy`…) and
 *   have bash and GNU wget when installed (their "Image Variants" sections).
 * A stage built on another stage inherits that stage's answer, unless the stage itself installs bash.
 */
import type { DockerfileProgram, Stage } from "../../dockerfile/ast.js";
import { getStageGraph } from "../stages/stages.js";

export type ImageShellFamily =
  /** bash is at /bin/bash; coreutils and GNU tools are the norm. */
  | "bash"
  /** BusyBox: /bin/ash, BusyBox applets (wget, tar…). */
  | "busybox"
  /** No shell: scratch, distroless. */
  | "none"
  /** A base the file does not let us know (an ARG without default, an unfamiliar image). */
  | "unknown";

const BUSYBOX_IMAGE = /(?:^|\/)(?:alpine|busybox)(?::|@|$)|[:-]alpine/u;
const NO_SHELL_IMAGE = /(?:^|\/)distroless\/|(?:^|\/)static(?::|@|$)/u;
/** Official-image tags and names of Debian/Ubuntu/RHEL families, which ship bash. */
const BASH_IMAGE =
  /(?:^|\/)(?:debian|ubuntu|fedora|centos|rockylinux|almalinux|amazonlinux|oraclelinux|redhat\/ubi\d*(?:-minimal)?|ubi\d*)(?::|@|$)|[:-](?:bookworm|bullseye|buster|trixie|stretch|jammy|focal|noble|bionic|slim)(?:-|$)/u;
/** Official language images whose default variant is Debian-based (Docker Hub pages, "Image Variants"). */
const DEBIAN_DEFAULT_OFFICIAL = new Set([
  "node", "python", "ruby", "golang", "php", "perl", "rust", "openjdk", "eclipse-temurin", "maven", "gradle",
  "buildpack-deps", "gcc", "haskell", "elixir", "erlang", "julia", "r-base", "swift", "clojure", "groovy",
  "postgres", "mysql", "mariadb", "redis", "mongo", "nginx", "httpd", "tomcat", "wordpress", "composer",
]);

function familyOfImage(value: string): ImageShellFamily {
  const lower = value.toLowerCase();
  if (NO_SHELL_IMAGE.test(lower)) return "none";
  if (BUSYBOX_IMAGE.test(lower)) return "busybox";
  if (BASH_IMAGE.test(lower)) return "bash";
  const name = (lower.split(/[:@]/u)[0] ?? "").replace(/^(?:docker\.io\/)?(?:library\/)?/u, "");
  if (DEBIAN_DEFAULT_OFFICIAL.has(name)) return "bash";
  return "unknown";
}

const cache = new WeakMap<DockerfileProgram, Map<Stage, ImageShellFamily>>();

/** The shell family of the image `stage` is built on (through earlier stages), computed once per file. */
export function imageShellFamily(program: DockerfileProgram, stage: Stage): ImageShellFamily {
  let byStage = cache.get(program);
  if (!byStage) {
    byStage = new Map();
    const graph = getStageGraph(program);
    for (const each of program.stages) {
      const base = graph.baseOf(each);
      let family: ImageShellFamily;
      if (base.kind === "stage") family = byStage.get(base.stage) ?? "unknown";
      else if (base.kind === "scratch") family = "none";
      else if (base.kind === "image") family = familyOfImage(base.value);
      else family = "unknown";
      byStage.set(each, family);
    }
    cache.set(program, byStage);
  }
  return byStage.get(stage) ?? "unknown";
}

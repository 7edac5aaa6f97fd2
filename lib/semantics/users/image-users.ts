/**
 * Images that run as a non-root user without a USER in the Dockerfile that builds on them: the user
 * their own image config sets, with the source of each fact. Read by `defaultImageUser` only.
 */
import type { ParsedImageReference } from "../../dockerfile/image-reference.js";
import { normalizedImageName } from "../../dockerfile/image-reference.js";

export interface ImageUserFact {
  /** Matches the normalized name (`docker.io/library/node`) and the tag (null when untagged). */
  matches(name: string, tag: string | null): boolean;
  /** The user the image config sets. */
  user: string;
  source: string;
}

const tagEndsWith = (tag: string | null, suffix: string) => tag !== null && (tag === suffix.slice(1) || tag.endsWith(suffix));

const NON_ROOT_IMAGES: readonly ImageUserFact[] = [
  {
    // Distroless `:nonroot` and `:debug-nonroot` tags run as uid 65532.
    matches: (name, tag) => name.startsWith("gcr.io/distroless/") && tagEndsWith(tag, "-nonroot"),
    user: "nonroot (65532)",
    source: "https://github.com/GoogleContainerTools/distroless#debug-images",
  },
  {
    // `docker:*-rootless` (and the same convention in moby/buildkit) run as uid 1000.
    matches: (name, tag) => tagEndsWith(tag, "-rootless"),
    user: "rootless (1000)",
    source: "https://hub.docker.com/_/docker (rootless variant); https://github.com/moby/buildkit#rootless",
  },
  {
    // .NET chiseled images (Ubuntu chiselled) run as the non-root `app` user (uid 1654).
    matches: (name, tag) => name.startsWith("mcr.microsoft.com/dotnet/") && tag !== null && tag.includes("chiseled"),
    user: "app (1654)",
    source: "https://learn.microsoft.com/dotnet/core/docker/container-images#scenario-based-images",
  },
  {
    matches: (name) => name === "docker.io/nginxinc/nginx-unprivileged",
    user: "nginx (101)",
    source: "https://hub.docker.com/r/nginxinc/nginx-unprivileged",
  },
  {
    matches: (name) => name === "docker.io/grafana/grafana" || name === "docker.io/grafana/grafana-oss",
    user: "grafana (472)",
    source: "https://grafana.com/docs/grafana/latest/setup-grafana/configure-docker/#run-grafana-container-with-persistent-storage",
  },
  {
    matches: (name) => name === "docker.io/jenkins/jenkins",
    user: "jenkins (1000)",
    source: "https://github.com/jenkinsci/docker#usage",
  },
  {
    matches: (name) => name === "docker.io/prom/prometheus" || name === "quay.io/prometheus/prometheus",
    user: "nobody (65534)",
    source: "https://github.com/prometheus/prometheus/blob/main/Dockerfile (USER nobody)",
  },
  {
    matches: (name) => name === "quay.io/keycloak/keycloak",
    user: "1000",
    source: "https://www.keycloak.org/server/containers",
  },
  {
    matches: (name) => name === "docker.elastic.co/elasticsearch/elasticsearch",
    user: "elasticsearch (1000)",
    source: "https://www.elastic.co/guide/en/elasticsearch/reference/current/docker.html",
  },
  {
    matches: (name) => name === "docker.io/library/sonarqube",
    user: "sonarqube (1000)",
    source: "https://github.com/SonarSource/docker-sonarqube (USER sonarqube in every image)",
  },
  {
    // Bitnami application images are non-root (uid 1001); minideb is their root OS base.
    matches: (name) => name.startsWith("docker.io/bitnami/") && name !== "docker.io/bitnami/minideb",
    user: "1001",
    source: "https://docs.bitnami.com/kubernetes/faq/configuration/use-non-root/",
  },
];

/** The non-root user `reference` runs as by its own config, or null when it is not in the table. */
export function nonRootImageUser(reference: Pick<ParsedImageReference, "registry" | "path" | "tag">): ImageUserFact | null {
  const name = normalizedImageName(reference);
  return NON_ROOT_IMAGES.find((fact) => fact.matches(name, reference.tag)) ?? null;
}

/**
 * Windows base images: their default user is an OS account (`ContainerUser` on Nano Server,
 * `ContainerAdministrator` on Server Core), not a Unix uid; judged by the USER written, never by default.
 * https://learn.microsoft.com/virtualization/windowscontainers/manage-containers/container-security#when-to-use-containeruser
 */
export function isWindowsImage(reference: Pick<ParsedImageReference, "registry" | "path" | "tag">): boolean {
  const name = normalizedImageName(reference);
  return /(?:^|\/)windows\/|nanoserver|servercore/iu.test(`${name}:${reference.tag ?? ""}`);
}

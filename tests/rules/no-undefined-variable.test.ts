import { describe, expect, it } from "vitest";
import rule from "../../rules/no-undefined-variable.js";
import { closestName } from "../../lib/semantics/variables/spelling.js";
import { editDistance } from "../../lib/utils/edit-distance.js";
import { ruleTester } from "../support/rule-tester.js";
import { dedent } from "../support/dedent.js";

ruleTester("dockerfile").run("no-undefined-variable", rule, {
  valid: [
    // Defaults that make a valid reference (BuildKit's testInvalidDefaultArgInFrom good cases).
    'ARG SFX="box"\nFROM busy${SFX}\n',
    dedent`
      ARG IMAGE=node
      ARG TAG=22.11-alpine
      ARG REGISTRY=ghcr.io/org
      FROM \${IMAGE}:\${TAG} AS a
      FROM \${REGISTRY}/tool:\${TAG:-latest}
    `,
    "ARG TAG=\nFROM busybox${TAG:+:$TAG}\n",
    // BuildKit UndefinedVar's good cases: declared before use; the base image may define it.
    dedent`
      FROM alpine:3.20 AS base
      ARG foo
      COPY $foo .
    `,
    "FROM python:3.12 AS base\nARG VERSION=$PYTHON_VERSION\n",
    // A global ARG re-declared in the stage; platform ARGs in FROM, and declared in the stage.
    dedent`
      ARG NODE_VERSION=20.11
      FROM node:\${NODE_VERSION}
      ARG NODE_VERSION
      LABEL node=$NODE_VERSION
    `,
    dedent`
      FROM --platform=$BUILDPLATFORM golang:1.22 AS build
      ARG TARGETOS TARGETARCH
      COPY bin/$TARGETOS-$TARGETARCH /app
    `,
    // ENV and ARG of the stage it is built on.
    dedent`
      FROM scratch AS base
      ENV APP=/app
      ARG MODE=prod
      FROM base
      WORKDIR $APP
      LABEL mode=$MODE
    `,
    // Predefined proxy ARGs, PATH, defaults for unset values.
    "FROM scratch\nENV http_proxy=$HTTP_PROXY PATH=/bin:$PATH X=${UNSET:-fallback} Y=${UNSET:+set}\n",
    // Shell bodies are the shell's business; ONBUILD triggers expand in a later build.
    dedent`
      FROM scratch
      RUN echo $WHATEVER
      CMD echo $HOME
      ONBUILD COPY $SRC /src
      HEALTHCHECK --interval=$IVL CMD true
    `,
    // Earlier names of the same ARG are visible; in an ENV it is no-self-referencing-env's finding.
    dedent`
      FROM scratch
      ARG A=1 B=$A
      ENV C=1 D=$C
    `,
    // Unknown ENV of a pulled base image: not judged (BuildKit reads that ENV; we cannot).
    dedent`
      FROM eclipse-temurin:21
      ENV PATH=$JAVA_HOME/bin:$PATH
      WORKDIR $CATALINA_HOME
    `,
    // FROM with a global ARG and a default; a template placeholder is not judged.
    "ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\n",
    "ARG VARIANT=${templateOption:imageVariant}\nFROM base:${VARIANT}\n",
    // A default computed from the platform is a default.
    dedent`
      ARG SUPPORTED=\${TARGETPLATFORM#linux/amd64}
      ARG SUPPORTED=\${SUPPORTED:+"no"}
      ARG SUPPORTED=\${SUPPORTED:-"yes"}
      FROM scratch AS tool-yes
      FROM tool-\${SUPPORTED}
    `,
  ],
  invalid: [
    {
      // BuildKit UndefinedVar: `ARG VERSION=$foo` with nothing setting foo (lower case: not an image ENV name).
      code: "FROM alpine:3.20 AS base\nARG VERSION=$foo\n",
      errors: [{ messageId: "undefinedVarUnlessBase", line: 2, column: 13, endColumn: 17, data: { name: "foo" } }],
    },
    {
      // Off scratch the whole environment is known.
      code: "FROM scratch\nCOPY $SRC /app\n",
      errors: [{ messageId: "undefinedVar", line: 2, column: 6, endColumn: 10, data: { name: "SRC" } }],
    },
    {
      // A near miss of a declared name (BuildKit: "did you mean").
      code: dedent`
        FROM node:20.11
        ARG NODE_VERSION=20.11
        LABEL node=\${NODE_VERISON}
        ENV PATH=$PAHT:/app
      `,
      errors: [
        { messageId: "typo", line: 3, column: 12, data: { name: "NODE_VERISON", suggestion: "NODE_VERSION" } },
        // The same ENV declares PATH, so PAHT is a near miss of a name this file sets.
        { messageId: "typo", line: 4, column: 10, data: { name: "PAHT", suggestion: "PATH" } },
      ],
    },
    {
      code: "FROM scratch\nENV PATH=$PAHT:/app\n",
      errors: [{ messageId: "typo", line: 2, column: 10, data: { name: "PAHT", suggestion: "PATH" } }],
    },
    {
      // A global ARG is seen only by FROM lines.
      code: dedent`
        ARG VERSION=1.4
        FROM alpine:3.20
        LABEL version=$VERSION
      `,
      errors: [{ messageId: "globalArgNotInStage", line: 3, column: 15, data: { name: "VERSION" } }],
    },
    {
      // An automatic platform ARG must be declared in the stage.
      code: "FROM golang:1.22\nCOPY --chown=app bin/${TARGETARCH}/app /app\n",
      errors: [{ messageId: "platformArgNotInStage", line: 2, column: 22, data: { name: "TARGETARCH" } }],
    },
    {
      // Used before it is declared; declared in a sibling stage only.
      code: dedent`
        FROM scratch AS a
        WORKDIR /$DIR
        ARG DIR=app
        FROM scratch AS b
        USER $DIR
      `,
      errors: [
        { messageId: "undefinedVar", line: 2, column: 10, data: { name: "DIR" } },
        { messageId: "undefinedVar", line: 5, column: 6, data: { name: "DIR" } },
      ],
    },
    {
      // BuildKit UndefinedArgInFrom, with a misspelt automatic ARG.
      code: "FROM node:22${VARIANT} AS jsbuilder\nFROM --platform=$BUILDPLATFROM alpine:3.20\n",
      errors: [
        { messageId: "undefinedArgInFrom", line: 1, column: 13, data: { name: "VARIANT", hint: "" } },
        { messageId: "undefinedArgInFrom", line: 2, column: 17, data: { name: "BUILDPLATFROM", hint: " (did you mean $BUILDPLATFORM?)" } },
      ],
    },
    {
      // An ARG declared in a stage does not reach a later FROM.
      code: dedent`
        FROM alpine:3.20
        ARG TAG=1
        FROM alpine:\${TAG}
      `,
      errors: [{ messageId: "undefinedArgInFrom", line: 3, column: 13, data: { name: "TAG", hint: "" } }],
    },
    {
      // BuildKit InvalidDefaultArgInFrom: without --build-arg the image name is invalid.
      code: dedent`
        ARG TAG
        ARG IMAGE
        ARG V
        FROM busybox:\${TAG}
        FROM \${IMAGE}
        FROM node:\${V}-alpine
      `,
      errors: [
        { messageId: "invalidDefaultArgInFrom", line: 4, column: 6, data: { image: "busybox:", names: "TAG" } },
        { messageId: "invalidDefaultArgInFrom", line: 5, column: 6, data: { image: "", names: "IMAGE" } },
        { messageId: "invalidDefaultArgInFrom", line: 6, column: 6, data: { image: "node:-alpine", names: "V" } },
      ],
    },
    {
      // The same check when every ARG has a default: the defaults themselves make an invalid reference
      // (BuildKit's testInvalidDefaultArgInFrom, case 3), an empty tag, an empty name, a space.
      code: dedent`
        ARG SFX="box:"
        ARG TAG=""
        ARG REPO=
        ARG V="1 2"
        FROM busy\${SFX}
        FROM busybox:\${TAG}
        FROM \${REPO}:1.0
        FROM alpine:\${V}
      `,
      errors: [
        { messageId: "invalidDefaultValueInFrom", line: 5, column: 6, data: { image: "busybox:", names: "SFX" } },
        { messageId: "invalidDefaultValueInFrom", line: 6, column: 6, data: { image: "busybox:", names: "TAG" } },
        { messageId: "invalidDefaultValueInFrom", line: 7, column: 6, data: { image: ":1.0", names: "REPO" } },
        { messageId: "invalidDefaultValueInFrom", line: 8, column: 6, data: { image: "alpine:1 2", names: "V" } },
      ],
    },
    {
      // Expanded positions: flags, EXPOSE, VOLUME, STOPSIGNAL, LABEL keys, USER group.
      code: dedent`
        FROM scratch
        RUN --mount=type=cache,target=$CACHE true
        EXPOSE $PORT
        VOLUME $DATA
        STOPSIGNAL $SIG
        LABEL $KEY=v
        USER app:$GROUP
      `,
      errors: [
        { messageId: "undefinedVar", line: 2, column: 31, data: { name: "CACHE" } },
        { messageId: "undefinedVar", line: 3, column: 8, data: { name: "PORT" } },
        { messageId: "undefinedVar", line: 4, column: 8, data: { name: "DATA" } },
        { messageId: "undefinedVar", line: 5, column: 12, data: { name: "SIG" } },
        { messageId: "undefinedVar", line: 6, column: 7, data: { name: "KEY" } },
        { messageId: "undefinedVar", line: 7, column: 10, data: { name: "GROUP" } },
      ],
    },
  ],
});

describe("closestName", () => {
  it("suggests near misses only", () => {
    expect(editDistance("NODE_VERISON", "NODE_VERSION")).toBe(1);
    expect(closestName("PAHT", ["PATH", "HOME"])).toBe("PATH");
    expect(closestName("GOPATH", ["PATH"])).toBeNull();
    expect(closestName("path", ["PATH"])).toBe("PATH");
    expect(closestName("FOO", ["BAR"])).toBeNull();
  });
});

// RUN scripts: the shell expands `$NAME` with the stage's ARGs and ENVs in its environment (issue 23).
ruleTester("dockerfile").run("no-undefined-variable (RUN scripts)", rule, {
  valid: [
    // Declared again in the stage, inherited from the stage it is built on, or set by ENV.
    "ARG VERSION=1.2\nFROM debian:12\nARG VERSION\nRUN curl -fsSL https://example.com/v$VERSION/tool.tgz | tar xz\n",
    "ARG VERSION=1.2\nFROM debian:12 AS base\nARG VERSION\nFROM base\nRUN echo \"${VERSION}\"\n",
    "FROM debian:12\nENV VERSION=1.2\nRUN echo $VERSION\n",
    "FROM --platform=$BUILDPLATFORM golang:1.22\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build ./...\n",
    // The unset case handled on purpose.
    "ARG VERSION=1.2\nFROM debian:12\nRUN echo ${VERSION:-1.0} ${TARGETARCH:+arch} ${VERSION-x} ${TARGETOS:=linux}\n",
    // The script sets the name itself: assignment, export, read, for, local, arithmetic, getopts.
    "ARG VERSION=1.2\nFROM debian:12\nRUN VERSION=2 && echo $VERSION\n",
    "ARG VERSION=1.2\nFROM debian:12\nRUN export VERSION=\"$(cat /VERSION)\"; echo \"$VERSION\"\n",
    "ARG VERSION=1.2\nFROM debian:12\nRUN read -r VERSION < /VERSION && echo $VERSION\n",
    "FROM debian:12\nRUN for TARGETARCH in amd64 arm64; do echo $TARGETARCH; done\n",
    "ARG count=1\nFROM debian:12\nRUN f() { local count=0; count=$((count + 1)); echo $count; }; f\n",
    "FROM debian:12\nRUN for ((TARGETVARIANT=0; TARGETVARIANT<2; TARGETVARIANT++)); do echo $TARGETVARIANT; done\n",
    // A sourced file or eval may set anything (/etc/os-release sets VERSION).
    "ARG VERSION=1.2\nFROM debian:12\nRUN . /etc/os-release && echo $VERSION\n",
    "ARG VERSION=1.2\nFROM debian:12\nRUN eval \"$(/opt/env.sh)\"; echo $VERSION\n",
    // Not expanded: single quotes, a backslash, a quoted here-document, $'…'.
    "ARG VERSION=1.2\nFROM debian:12\nRUN echo '$VERSION' \\$VERSION $'$VERSION'\n",
    "ARG VERSION=1.2\nFROM debian:12\nRUN cat <<'EOF' > /usr/local/bin/run\nexec app --version $VERSION\nEOF\n",
    // An upper-case ARG of another stage may come from the pulled base image's ENV (node sets NODE_VERSION).
    "FROM node:20 AS deps\nARG NODE_VERSION=20\nFROM node:20\nRUN echo $NODE_VERSION\n",
    // Proxy ARGs are predefined; PATH is always set; names that are no ARG anywhere are the base image's or the shell's.
    "FROM debian:12\nRUN echo $HTTP_PROXY $no_proxy $PATH $HOME $JAVA_HOME\n",
    // Exec form, PowerShell, ONBUILD (runs in a later build, where the ARG may be declared).
    'ARG VERSION=1.2\nFROM debian:12\nRUN ["sh", "-c", "echo $VERSION"]\n',
    'ARG VERSION=1.2\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN echo $VERSION\n',
    "ARG VERSION=1.2\nFROM debian:12\nONBUILD RUN echo $VERSION\n",
  ],
  invalid: [
    {
      // The classic: a global ARG used in FROM and again in a RUN of the stage.
      code: "ARG VERSION=1.2\nFROM debian:12\nRUN curl -fsSL https://example.com/v$VERSION/tool.tgz | tar xz -C /opt\n",
      errors: [{ messageId: "runGlobalArg", line: 3, column: 37, endColumn: 45, data: { name: "VERSION" } }],
    },
    {
      // Inside double quotes, in `$(…)`, in an `sh -c` script (the inner shell inherits the environment).
      code: "ARG APP=shop\nFROM debian:12\nRUN echo \"/srv/${APP}\" \"$(ls /srv/$APP)\" && sh -c 'echo $APP'\n",
      errors: [
        { messageId: "runGlobalArg", line: 3, column: 16, endColumn: 22, data: { name: "APP" } },
        { messageId: "runGlobalArg", line: 3, column: 35, endColumn: 39, data: { name: "APP" } },
        { messageId: "runGlobalArg", line: 3, column: 57, endColumn: 61, data: { name: "APP" } },
      ],
    },
    {
      // An automatic platform ARG the stage did not declare: the most common multi-platform mistake.
      code: "FROM --platform=$BUILDPLATFORM golang:1.22\nRUN GOARCH=$TARGETARCH go build -o /out/app ./cmd/app\n",
      errors: [{ messageId: "runPlatformArg", line: 2, column: 12, endColumn: 23, data: { name: "TARGETARCH" } }],
    },
    {
      // The ARG is declared after the RUN: the RUN does not get it.
      code: "ARG VERSION=1.2\nFROM debian:12\nRUN echo $VERSION\nARG VERSION\n",
      errors: [{ messageId: "runGlobalArg", line: 3, column: 10, data: { name: "VERSION" } }],
    },
    {
      // Declared again in another stage only.
      code: "ARG VERSION=1.2\nFROM debian:12 AS a\nARG VERSION\nRUN echo $VERSION\nFROM debian:12 AS b\nRUN echo $VERSION\n",
      errors: [{ messageId: "runGlobalArg", line: 6, column: 10, data: { name: "VERSION" } }],
    },
    {
      // A here-document with an unquoted delimiter expands; so does a heredoc RUN's script.
      code: "ARG PORT=8080\nFROM nginx:1.27\nRUN cat <<EOF > /etc/nginx/conf.d/app.conf\nlisten $PORT;\nEOF\nRUN <<EOF\necho \"port ${PORT}\"\nEOF\n",
      errors: [
        { messageId: "runGlobalArg", line: 4, column: 8, endColumn: 13, data: { name: "PORT" } },
        { messageId: "runGlobalArg", line: 7, column: 12, endColumn: 19, data: { name: "PORT" } },
      ],
    },
    {
      // A lower-case ARG of another stage: no image ENV sets such a name.
      code: "FROM alpine:3.20 AS build\nARG app_dir=/app\nFROM alpine:3.20\nRUN cd $app_dir && ls\n",
      errors: [{ messageId: "runOtherStageArg", line: 4, column: 8, data: { name: "app_dir" } }],
    },
    {
      // Any ARG of another stage, when the stage's whole environment is known (a chain ending in scratch).
      code: "FROM debian:12 AS tools\nARG VERSION=1\nFROM scratch AS rootfs\nCOPY --from=tools / /\nFROM rootfs\nRUN echo $VERSION\n",
      errors: [{ messageId: "runOtherStageArg", line: 6, column: 10, data: { name: "VERSION" } }],
    },
  ],
});

import rule from "../../rules/prefer-add-for-archive.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester("dockerfile").run("prefer-add-for-archive", rule, {
  valid: [
    // hadolint DL3010's own negative cases.
    "FROM debian:12\nCOPY packaged-app.tar /usr/src/app\nFROM debian:11 AS newstage\n",
    "FROM debian:12\nCOPY package.json /usr/src/app\n",
    "FROM debian:12\nCOPY --from=builder /usr/local/share/some.tar /opt/some.tar\nRUN tar -xf /opt/some.tar\n",
    // ADD does not unpack zip files, and listing an archive is not extracting it.
    "FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /opt\n",
    "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -tzf /tmp/app.tar.gz\n",
    // Extracted from a bind mount: never in a layer.
    "FROM debian:12\nRUN --mount=type=bind,source=app.tar.gz,target=/tmp/app.tar.gz tar -xzf /tmp/app.tar.gz -C /opt\n",
  ],
  invalid: [
    // hadolint DL3010's own positive cases.
    {
      code: "FROM debian:12\nCOPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n",
      errors: [{ messageId: "copyThenExtract", line: 2, column: 6, endColumn: 22, data: { archive: "packaged-app.tar", line: "3", source: "packaged-app.tar" } }],
    },
    {
      code: "FROM debian:12\nCOPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar\n",
      errors: [{ messageId: "copyThenExtract", line: 2, data: { archive: "packaged-app.tar", line: "4", source: "packaged-app.tar" } }],
    },
    {
      code: "FROM debian:12\nCOPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar\n",
      errors: [{ messageId: "copyThenExtract", line: 2, data: { archive: "foo.tar", line: "3", source: "foo/bar/packaged-app.tar" } }],
    },
    {
      // The traditional form without a dash, --file=, compressed archives, several sources.
      code: "FROM debian:12\nCOPY app.tgz vendor.tar.xz /tmp/\nRUN tar xzf /tmp/app.tgz -C /opt && tar --extract --file=/tmp/vendor.tar.xz -C /opt/vendor && rm /tmp/*.t*\n",
      errors: [
        { messageId: "copyThenExtract", line: 2, column: 6, data: { archive: "app.tgz", line: "3", source: "app.tgz" } },
        { messageId: "copyThenExtract", line: 2, column: 14, data: { archive: "vendor.tar.xz", line: "3", source: "vendor.tar.xz" } },
      ],
    },
  ],
});

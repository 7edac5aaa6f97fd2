import rule from "../../rules/no-quoted-volumes.js";
import { ruleTester } from "../support/rule-tester.js";

const quoted = (service: string, text: string) => ({ messageId: "quoted" as const, data: { service, text } });

ruleTester("compose").run("no-quoted-volumes", rule, {
  valid: [
    // dclint's correct fixture.
    "services:\n  web:\n    volumes:\n      - data\n      - type: volume\n        source: db-data\n        target: /data\n        volume:\n          nocopy: true\n          subpath: sub\n",
    // The long syntax is not this rule's (dclint reads only the short syntax).
    "services:\n  web:\n    volumes:\n      - type: volume\n        source: \"db-data\"\n        target: '/data'\n",
    // Quotes that are needed: a comment sign, `: `, a leading `*` or `&`, spaces at the ends, an escape.
    "services:\n  web:\n    volumes:\n      - './my #1:/data'\n      - '*star:/data'\n      - ' ./lead:/data'\n      - \"./a\\tb:/data\"\n      - './x: y:/data'\n",
    // A flow sequence cannot hold `,` or brackets plain.
    "services:\n  web:\n    volumes: ['./a,b:/data']\n",
    // Top-level volume names are not service volumes.
    "services:\n  web:\n    image: nginx:1.27\nvolumes:\n  'data': {}\n",
  ],
  invalid: [
    {
      // dclint's incorrect fixture: one finding, on the short-syntax item.
      code: "services:\n  web:\n    volumes:\n      - \"data\"\n      - type: volume\n        source: \"db-data\"\n        target: '/data'\n",
      output: "services:\n  web:\n    volumes:\n      - data\n      - type: volume\n        source: \"db-data\"\n        target: '/data'\n",
      errors: [{ ...quoted("web", '"data"'), line: 4, column: 9, endColumn: 15 }],
    },
    {
      code: "services:\n  web:\n    volumes:\n      - './data:/var/lib/data:ro'\n      - \"${HOME}/.cache:/cache\"\n      - \"C:\\\\data:/data\"\n",
      output: "services:\n  web:\n    volumes:\n      - ./data:/var/lib/data:ro\n      - ${HOME}/.cache:/cache\n      - C:\\data:/data\n",
      errors: [quoted("web", "'./data:/var/lib/data:ro'"), quoted("web", '"${HOME}/.cache:/cache"'), quoted("web", '"C:\\\\data:/data"')],
    },
    {
      // Flow sequence; an anchored list is fixed once.
      code: "x-vol: &vol\n  volumes: [\"./a:/a\"]\nservices:\n  a:\n    <<: *vol\n  b:\n    <<: *vol\n",
      output: "x-vol: &vol\n  volumes: [./a:/a]\nservices:\n  a:\n    <<: *vol\n  b:\n    <<: *vol\n",
      errors: [quoted("a", '"./a:/a"')],
    },
  ],
});

// The examples project lints itself exactly as a user's project would: one import, one spread.
// `.mjs`, so that it loads wherever the folder is copied (`npm init -y` writes `"type": "commonjs"`).
import docker from "eslint-plugin-docker-policy";

export default [...docker.configs.recommended];

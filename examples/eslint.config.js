// The examples project lints itself exactly as a user's project would: one import, one spread.
import docker from "eslint-plugin-docker-policy";

export default [...docker.configs.recommended];

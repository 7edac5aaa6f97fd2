/** A fatal parse error at a source offset (converted to a 1-based line/column by `parse.ts`). */
export class DockerfileSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = "DockerfileSyntaxError";
  }
}

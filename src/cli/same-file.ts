import { stat } from 'node:fs/promises';

/** Device and inode of a path (symbolic links followed), or undefined when it does not exist. */
async function identity(path: string): Promise<string | undefined> {
  const st = await stat(path).catch(() => undefined);
  return st ? `${st.dev}:${st.ino}` : undefined;
}

/**
 * The first input that `output` would overwrite: the same file by device and inode, so another spelling of
 * the path (./t1.txt), a symbolic link or a hard link to it counts as the same file. Undefined when none.
 */
export async function inputOverwrittenBy(output: string, inputs: readonly string[]): Promise<string | undefined> {
  return (await findOutputOnInput(inputs, [output]))?.input;
}

/** The first output that is an existing file which is also one of the inputs, with that input; undefined when none. */
export async function findOutputOnInput(inputs: readonly string[], outputs: readonly string[]): Promise<{ input: string; output: string } | undefined> {
  const byIdentity = new Map<string, string>();
  for (const input of inputs) {
    const id = await identity(input);
    if (id !== undefined && !byIdentity.has(id)) byIdentity.set(id, input);
  }
  for (const output of outputs) {
    const id = await identity(output);
    const input = id === undefined ? undefined : byIdentity.get(id);
    if (input !== undefined) return { input, output };
  }
  return undefined;
}

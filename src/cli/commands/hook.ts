// Placeholder until the pre-push hook lands.
export async function hookCommand(_args: string[], io: { stderr: (s: string) => void }): Promise<number> {
  io.stderr("tollgate hook is not built yet\n");
  return 2;
}

/** Runs a command's `main` (npm run reminders, npm run export): a failure is told by its message alone, and exits 1. */
export function runCommand(main: () => Promise<void>): void {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

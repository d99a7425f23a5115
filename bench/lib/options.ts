// A benchmark's `--name=value` options (the value may itself hold `=`, as a connection string does).
export function option(name: string): string | undefined;
export function option(name: string, fallback: string): string;
export function option(name: string, fallback?: string): string | undefined {
  return (
    process.argv
      .find((a) => a.startsWith(`--${name}=`))
      ?.split('=')
      .slice(1)
      .join('=') ?? fallback
  );
}

// One-line JSON logs on stderr. Callers pass facts, never secrets (tokens, passwords, codes, IBANs).
export type Log = (message: string, fields?: Record<string, unknown>) => void;
export interface Logger {
  info: Log;
  warn: Log;
  error: Log;
}

export function createLogger(service: string, options: { silent?: boolean } = {}): Logger {
  const write =
    (level: string): Log =>
    (message, fields = {}) => {
      if (options.silent && level !== 'error') return;
      process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, service, message, ...fields })}\n`);
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

// Logs through pino: one JSON object a line on stderr (time, level, service, message, fields), what a log pipeline
// reads. The embedded demo (`npm start`) writes the same records as short readable lines instead. Callers pass facts,
// never personal data or secrets (tokens, passwords, codes, IBANs, e-mail addresses, customer ids: the request log
// writes a keyed hash for those).
import pino from 'pino';

export type Log = (message: string, fields?: Record<string, unknown>) => void;
export interface Logger {
  info: Log;
  warn: Log;
  error: Log;
}

export interface LoggerOptions {
  /** Keeps only errors. @default false */
  silent?: boolean;
  /** `json` for production; `lines` for a person reading a terminal (the embedded demo). @default 'json' */
  format?: 'json' | 'lines';
  /** Where lines go. @default stderr */
  write?: (line: string) => void;
}

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** `12:04:31 users   warn  message key=value …` from a pino JSON record. */
function conciseLine(json: string): string {
  const { time, level, service, message, ...fields } = JSON.parse(json) as Record<string, unknown>;
  const clock = typeof time === 'string' ? time.slice(11, 19) : '';
  const rest = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const name = LEVELS[level as number] ?? String(level);
  return `${clock} ${String(service).padEnd(8)} ${name.padEnd(5)} ${String(message)}${rest ? ` ${rest}` : ''}\n`;
}

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const destination =
    options.format === 'lines'
      ? { write: (line: string) => write(conciseLine(line)) }
      : { write: (line: string) => write(line) };
  const logger = pino(
    {
      level: options.silent ? 'error' : 'info',
      base: { service },
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return {
    info: (message, fields = {}) => logger.info(fields, message),
    warn: (message, fields = {}) => logger.warn(fields, message),
    error: (message, fields = {}) => logger.error(fields, message),
  };
}

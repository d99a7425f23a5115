// Scalars every subgraph uses, defined once so their behaviour is the same everywhere.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const invalid = (what: string) =>
  new GraphQLError(`Valeur attendue : ${what}.`, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * Instants a customer's file can hold: years 1900 to 2199. Outside them the database (or the date arithmetic after
 * it) fails, which once surfaced as an internal error; a request carrying one is the caller's mistake.
 */
const MIN_TIME = Date.UTC(1900, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1) - 1;
const inRange = (date: Date) =>
  !Number.isNaN(date.getTime()) && date.getTime() >= MIN_TIME && date.getTime() <= MAX_TIME;

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, as an ISO 8601 string in UTC (2026-11-26T09:00:00.000Z).',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw invalid('une date et une heure');
    return date.toISOString();
  },
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (!inRange(date)) throw invalid('une date et une heure ISO 8601 entre 1900 et 2199');
    return date;
  },
  parseLiteral: (ast) => {
    const date = ast.kind === Kind.STRING ? new Date(ast.value) : new Date(Number.NaN);
    if (!inRange(date)) throw invalid('une date et une heure ISO 8601 entre 1900 et 2199');
    return date;
  },
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const parseDate = (value: unknown): Date => {
  const date = typeof value === 'string' && DATE.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(Number.NaN);
  // The round trip refuses days a month does not have (2026-02-30 would otherwise become 2 March).
  if (!inRange(date) || date.toISOString().slice(0, 10) !== value)
    throw invalid('une date au format AAAA-MM-JJ, entre 1900 et 2199');
  return date;
};

export const DateScalar = new GraphQLScalarType<Date, string>({
  name: 'Date',
  description: 'A calendar date, as YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

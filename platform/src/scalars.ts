// Scalars every subgraph uses, defined once so their behaviour is the same everywhere.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const invalid = (what: string) => new GraphQLError(`Expected ${what}.`, { extensions: { code: 'BAD_USER_INPUT' } });

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, as an ISO 8601 string in UTC (2026-11-26T09:00:00.000Z).',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw invalid('a date-time');
    return date.toISOString();
  },
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw invalid('an ISO 8601 date-time');
    return date;
  },
  parseLiteral: (ast) => {
    const date = ast.kind === Kind.STRING ? new Date(ast.value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw invalid('an ISO 8601 date-time');
    return date;
  },
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const parseDate = (value: unknown): Date => {
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw invalid('a date as YYYY-MM-DD');
  return new Date(`${value}T00:00:00Z`);
};

export const DateScalar = new GraphQLScalarType<Date, string>({
  name: 'Date',
  description: 'A calendar date, as YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

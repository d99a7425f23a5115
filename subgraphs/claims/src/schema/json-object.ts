// The JSONObject scalar, the claims subgraph's own (no other subgraph takes free-form objects).
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

export type JSONObject = Record<string, unknown>;

// A literal in the query, read as the value it stands for (variables are refused: answers come whole).
const literal = (ast: ValueNode): unknown => {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
      return Number.parseInt(ast.value, 10);
    case Kind.FLOAT:
      return Number.parseFloat(ast.value);
    case Kind.NULL:
      return null;
    default:
      throw new GraphQLError('Les réponses ne peuvent pas contenir de variables.', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
  }
};

/** Form answers as one JSON object by question id; the form validation (domain/forms) checks every value. */
export const JSONObjectScalar = new GraphQLScalarType<Record<string, unknown>, Record<string, unknown>>({
  name: 'JSONObject',
  description: 'A JSON object (form answers by question id).',
  serialize: (v) => v as Record<string, unknown>,
  parseValue: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new GraphQLError('Valeur attendue : un objet JSON.', { extensions: { code: 'BAD_USER_INPUT' } });
    return v as Record<string, unknown>;
  },
  parseLiteral: (ast) => {
    const v = literal(ast);
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new GraphQLError('Valeur attendue : un objet JSON.', { extensions: { code: 'BAD_USER_INPUT' } });
    return v as Record<string, unknown>;
  },
});

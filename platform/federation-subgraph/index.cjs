'use strict';
// A subgraph's SDL as the composition reads it: `extend schema @link(...)` and every type as declared (fields in
// declaration order, applied federation directives), without the federation plumbing (`_entities`, `_service` and
// their types). Printed from each type's AST node, which the Pothos directives plugin keeps complete; a type whose
// node disagrees with the schema is an error, not a silently different supergraph.
const { Kind, parse, print, printType, specifiedScalarTypes } = require('graphql');
const { isFederationType } = require('./types.cjs');

const SPECIFIED = new Set(specifiedScalarTypes.map((t) => t.name));
const PLUMBING_FIELDS = new Set(['_entities', '_service']);

function literal(value) {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

/** `[{ name, args }]` or `{ name: args }`, as Pothos stores applied directives in `extensions.directives`. */
function appliedDirectives(directives) {
  if (!directives) return [];
  const list = Array.isArray(directives)
    ? directives
    : Object.entries(directives).flatMap(([name, args]) =>
        (Array.isArray(args) ? args : [args]).map((a) => ({ name, args: a })),
      );
  return list.map(({ name, args }) => {
    const entries = Object.entries(args ?? {}).filter(([, v]) => v !== undefined);
    return entries.length ? `@${name}(${entries.map(([k, v]) => `${k}: ${literal(v)}`).join(', ')})` : `@${name}`;
  });
}

/** Descriptions as block strings, the way `printSchema` writes them. */
function withBlockDescriptions(node) {
  return JSON.parse(JSON.stringify(node), (key, value) =>
    key === 'description' && value && value.kind === Kind.STRING ? { ...value, block: true } : value,
  );
}

function fieldNames(type) {
  return 'getFields' in type ? Object.keys(type.getFields()).filter((n) => !PLUMBING_FIELDS.has(n)) : null;
}

function definitionOf(type) {
  if (!type.astNode) return parse(printType(type)).definitions[0];
  const node = { ...type.astNode };
  if (node.fields) node.fields = node.fields.filter((f) => !PLUMBING_FIELDS.has(f.name.value));
  const declared = fieldNames(type);
  if (declared) {
    const inNode = (node.fields ?? []).map((f) => f.name.value);
    if (declared.length !== inNode.length || declared.some((n) => !inNode.includes(n)))
      throw new Error(`printSubgraphSchema: the AST node of ${type.name} does not list its fields`);
  }
  return node;
}

function printSubgraphSchema(schema) {
  const parts = [];
  const schemaDirectives = appliedDirectives(schema.extensions?.directives);
  if (schemaDirectives.length) parts.push(`extend schema\n  ${schemaDirectives.join('\n  ')}`);
  const names = Object.keys(schema.getTypeMap())
    .filter((name) => !name.startsWith('__') && !SPECIFIED.has(name))
    .sort();
  for (const name of names) {
    const type = schema.getType(name);
    if (isFederationType(type)) continue;
    parts.push(print(withBlockDescriptions(definitionOf(type))));
  }
  return `${parts.join('\n\n')}\n`;
}

module.exports = { printSubgraphSchema };

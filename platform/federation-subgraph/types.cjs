'use strict';
// The federation fields a subgraph answers the gateway with: `_entities` (an entity by its key, for a plan step that
// continues in this subgraph) and `_service` (the SDL). Each entity type's own `resolveReference` (which the Pothos
// plugin puts in `extensions.apollo.subgraph`) loads it and checks the caller may see it.
const {
  GraphQLError,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLString,
  GraphQLUnionType,
  isObjectType,
} = require('graphql');

/** The type name each resolved entity was asked as: the union reads it back without writing on the object. */
const typenames = new WeakMap();

const AnyType = new GraphQLScalarType({
  name: '_Any',
  description: 'An entity representation: `__typename` and the fields of one of its keys.',
  parseValue: (value) => value,
});

const ServiceType = new GraphQLObjectType({
  name: '_Service',
  fields: { sdl: { type: GraphQLString } },
});

const EntityType = new GraphQLUnionType({
  name: '_Entity',
  types: [],
  resolveType: (value) => (value && typeof value === 'object' ? typenames.get(value) : undefined),
});

function refused(message) {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function tag(result, typename) {
  if (result && typeof result === 'object') typenames.set(result, typename);
  return result;
}

/** One result per representation, in order; null where the entity does not exist or may not be seen. */
function entitiesResolver({ representations, context, info }) {
  if (!Array.isArray(representations)) throw refused('representations must be a list.');
  return representations.map((representation) => {
    const typename = representation && typeof representation === 'object' ? representation.__typename : undefined;
    const type = typeof typename === 'string' ? info.schema.getType(typename) : undefined;
    const entities = info.schema.getType('_Entity');
    if (!type || !isObjectType(type) || !entities || !info.schema.isSubType(entities, type))
      throw refused('Unknown entity type in representations.');
    const resolveReference = type.extensions?.apollo?.subgraph?.resolveReference;
    if (typeof resolveReference !== 'function') {
      // An entity without a resolver is its representation (a key-only reference).
      return tag({ ...representation }, typename);
    }
    const result = resolveReference(representation, context, info);
    return result && typeof result.then === 'function'
      ? result.then((value) => tag(value, typename))
      : tag(result, typename);
  });
}

const entitiesField = {
  type: new GraphQLNonNull(new GraphQLList(EntityType)),
  args: { representations: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(AnyType))) } },
  resolve: (_source, { representations }, context, info) => entitiesResolver({ representations, context, info }),
};

const serviceField = {
  type: new GraphQLNonNull(ServiceType),
};

const federationTypes = [AnyType, ServiceType, EntityType];
const isFederationType = (type) => federationTypes.some((t) => t.name === type?.name);

module.exports = {
  AnyType,
  EntityType,
  ServiceType,
  entitiesField,
  entitiesResolver,
  federationTypes,
  isFederationType,
  serviceField,
};

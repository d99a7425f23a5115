import type {
  GraphQLFieldConfig,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLScalarType,
  GraphQLType,
  GraphQLUnionType,
} from 'graphql';
export declare const AnyType: GraphQLScalarType<unknown, unknown>;
export declare const EntityType: GraphQLUnionType;
export declare const ServiceType: GraphQLObjectType;
export declare function entitiesResolver(options: {
  representations: unknown;
  context: unknown;
  info: GraphQLResolveInfo;
}): unknown[];
export declare const entitiesField: GraphQLFieldConfig<unknown, unknown>;
export declare const serviceField: GraphQLFieldConfig<unknown, unknown>;
export declare const federationTypes: GraphQLNamedType[];
export declare function isFederationType(type: GraphQLType): boolean;

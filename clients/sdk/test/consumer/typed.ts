// Type-checked against the built declarations: a document written with `graphql()` types the answer.
import { type AbriClient, graphql } from '@abri/sdk';

const ME = graphql(`query Me { me { firstName } }`);
export async function firstName(client: AbriClient): Promise<string | undefined> {
  const { data } = await client.request(ME);
  // @ts-expect-error: firstName is a string, not a number (the types come from the schema, not `any`)
  const wrong: number | undefined = data?.me?.firstName;
  void wrong;
  return data?.me?.firstName;
}

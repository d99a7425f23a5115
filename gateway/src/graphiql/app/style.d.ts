// GraphiQL's style sheet, imported for its effect and bundled by gateway/src/graphiql/build.ts (esbuild). A
// declaration says the module exists, as TypeScript 6 and later ask of every side-effect import.
declare module 'graphiql/style.css';

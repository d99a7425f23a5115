# syntax=docker/dockerfile:1
# One image for every Abri process, each its compiled JavaScript (dist/server, `npm run build:server`):
#   docker build -t abri .
#   docker run --read-only --tmpfs /tmp abri gateway|users|policies|claims|payments|migrate|admin|keys [args]
# Runs as the unprivileged `node` user (uid 1000); nothing in the image is writable or needs to be: mount a volume for
# claim attachments (ATTACHMENTS_DIR) and a tmpfs on /tmp. Configuration and keys come from the environment only.
# The Node line is the one `engines` states (package.json); ops/test/deploy.test.ts checks this file.
ARG NODE_VERSION=24.11.1

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY platform/package.json platform/
COPY platform/federation-subgraph platform/federation-subgraph
COPY gateway/package.json gateway/
COPY subgraphs/users/package.json subgraphs/users/
COPY subgraphs/policies/package.json subgraphs/policies/
COPY subgraphs/claims/package.json subgraphs/claims/
COPY subgraphs/payments/package.json subgraphs/payments/
COPY dev/embedded/package.json dev/embedded/
COPY dev/testkit/package.json dev/testkit/
COPY clients/web/package.json clients/web/
COPY clients/sdk/package.json clients/sdk/
COPY bench/package.json bench/

# Everything the build needs (dev dependencies included); `prepare` is skipped, the build below is explicit.
FROM deps AS build
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build:server && npm run web:build

# Only what the services import at run time: the production dependencies of the services' workspaces.
FROM deps AS runtime-deps
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace platform --workspace gateway --workspace subgraphs/users --workspace subgraphs/policies \
      --workspace subgraphs/claims --workspace subgraphs/payments \
  && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 WEB_DIR=/app/clients/web/dist ATTACHMENTS_DIR=/data/attachments
WORKDIR /app
COPY --from=runtime-deps /app /app
# The compiled services and the files they read beside their sources (same paths as in the repository).
COPY --from=build /app/dist/server dist/server
COPY --from=build /app/ops/docker/run.mjs ops/docker/run.mjs
COPY --from=build /app/schema/supergraph.graphql schema/supergraph.graphql
COPY --from=build /app/prisma/users/schema.prisma prisma/users/schema.prisma
COPY --from=build /app/prisma/users/migrations prisma/users/migrations
COPY --from=build /app/prisma/policies/schema.prisma prisma/policies/schema.prisma
COPY --from=build /app/prisma/policies/migrations prisma/policies/migrations
COPY --from=build /app/prisma/claims/schema.prisma prisma/claims/schema.prisma
COPY --from=build /app/prisma/claims/migrations prisma/claims/migrations
COPY --from=build /app/prisma/payments/schema.prisma prisma/payments/schema.prisma
COPY --from=build /app/prisma/payments/migrations prisma/payments/migrations
COPY --from=build /app/subgraphs/users/src/domain/data subgraphs/users/src/domain/data
COPY --from=build /app/gateway/dist/graphiql gateway/dist/graphiql
COPY --from=build /app/clients/web/dist clients/web/dist
# The web app's trusted documents (hash → operation): in production the gateway runs only these for customers.
COPY --from=build /app/clients/web/src/gql/persisted-documents.json clients/web/src/gql/persisted-documents.json
RUN mkdir -p /data/attachments && chown node:node /data/attachments
USER node
EXPOSE 4000 4001 4002 4003 4004
# The process's own port (PORT, or its default): /health answers while the process runs.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 CMD ["node", "ops/docker/run.mjs", "--health"]
ENTRYPOINT ["node", "ops/docker/run.mjs"]
CMD ["gateway"]

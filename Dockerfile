# Fullfölj as a container image (docs/operations.md). Multi-stage: the first stage installs every dependency and
# builds the web app; the second carries only what runs (production dependencies, the sources tsx runs, dist/web)
# and runs as the unprivileged `node` user. Build: docker build -t fullfolj .
# Run:   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -v fullfolj-data:/var/lib/fullfolj fullfolj

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit
COPY . .
# The web app is built here, once; the running container never builds (FULLFOLJ_WEB_BUILD=off below).
RUN npm run build:web && npm prune --omit=dev --no-fund --no-audit

FROM node:22-bookworm-slim AS runtime
# pg_dump/pg_restore for `fullfolj backup` against PostgreSQL: Debian 12's client is 15, and pg_dump must be at
# least as new as the server. For a newer server install its client from apt.postgresql.org instead.
ARG PG_CLIENT=postgresql-client
RUN apt-get update \
  && apt-get install -y --no-install-recommends "$PG_CLIENT" tini \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /var/lib/fullfolj /var/backups/fullfolj \
  && chown node:node /var/lib/fullfolj /var/backups/fullfolj
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/bin ./bin
COPY --from=build --chown=root:root /app/src ./src
COPY --from=build --chown=root:root /app/assets ./assets
COPY --from=build --chown=root:root /app/dist/web ./dist/web
COPY --from=build --chown=root:root /app/vite.config.ts /app/tsconfig.json ./
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    FULLFOLJ_DATA_DIR=/var/lib/fullfolj/data \
    FULLFOLJ_BACKUP_DIR=/var/backups/fullfolj \
    FULLFOLJ_WEB_BUILD=off \
    FULLFOLJ_SEED_DEMO=0
USER node
VOLUME ["/var/lib/fullfolj", "/var/backups/fullfolj"]
EXPOSE 3000
# Live: the process answers. (Readiness — database reachable, migrations current — is /api/health's to report.)
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini passes SIGTERM to node (npm and sh would not), so `start` closes the server and the database cleanly.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "bin/fullfolj.js", "start"]

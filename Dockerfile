# syntax=docker/dockerfile:1
#
# Gatehouse, as a container: the standalone output of `next build` on node:24-slim (the Node.js LTS
# line in .nvmrc), run as a non-root user. The machines this repository is tested on have no Docker
# engine, so tests/integration/dockerfile.test.ts replays each stage without one: every COPY source
# exists, each stage's files and commands run in a folder of their own, and the last stage's server
# starts from exactly the files the image holds. The GitHub workflow runs `docker build` itself.
#
#   docker build -t gatehouse .
#   docker build --target migrate -t gatehouse-migrate .
#
# Migrations are a separate step, before each release's new containers start (not on every start:
# several instances starting at once would race to migrate, and the runtime image has no Prisma CLI):
#
#   docker run --rm -v gatehouse-data:/data -e DATABASE_URL=file:/data/gatehouse.db gatehouse-migrate
#   docker run -d -p 3000:3000 -v gatehouse-data:/data --env-file production.env gatehouse
#
# production.env holds AUTH_SECRET, AUTH_URL, AUTH_RESEND_KEY, EMAIL_FROM and, for SQLite,
# DATABASE_URL=file:/data/gatehouse.db (an absolute path on a volume). README: "Deploy".

ARG NODE_IMAGE=node:24-slim

# 1. Dependencies, from the lockfile. `postinstall` runs `prisma generate`, which reads the schema
#    and prisma.config.ts, and what that file imports: scripts/database.mjs (which database the
#    schema is on) and the two database adapters.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/database.mjs ./scripts/database.mjs
COPY src/server/database/adapter.ts src/server/database/sqlite-adapter.ts ./src/server/database/
RUN npm ci --no-audit --no-fund

# 2. The build: `<distDir>/standalone` holds server.js and only the node_modules it needs
#    (libsql's and argon2's native builds for this platform, Prisma's query compiler).
FROM deps AS build
COPY . .
RUN npx next build --no-lint

# 3. The one-off migration step: the full dependencies (Prisma CLI) and the migrations.
FROM deps AS migrate
USER node
CMD ["npx", "prisma", "migrate", "deploy"]

# 4. What runs: the standalone server, and its static assets where server.js looks for them.
#    The SQLite file lives on the /data volume (an absolute DATABASE_URL: server.js runs in /app).
FROM ${NODE_IMAGE} AS runner
WORKDIR /app
# HOSTNAME: listen on every interface (Docker sets it to the container's ID otherwise).
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# The starter has no public/ folder; once yours does:
# COPY --from=build --chown=node:node /app/public ./public
USER node
VOLUME ["/data"]
EXPOSE 3000
# 200 when the database answers SELECT 1, 503 otherwise (src/app/api/health/route.ts).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]

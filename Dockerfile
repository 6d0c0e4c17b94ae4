# Tienda Digital: production images for the Medusa backend and the storefront.
#
#   docker build --target backend    -t tienda-digital-backend .
#   docker build --target storefront -t tienda-digital-storefront .
#
# Normally built through docker-compose.yml (see docs/operations.md). Uses no
# BuildKit-only syntax, so the classic builder (docker-compose 1.x) works too.

# ---------------------------------------------------------------------------
# base: Node 20 (npm 10) and the unprivileged `node` user (uid 1000)
# ---------------------------------------------------------------------------
FROM node:20-bookworm-slim AS base
ENV MEDUSA_DISABLE_TELEMETRY=true \
    NEXT_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
RUN chown node:node /app
USER node

# ---------------------------------------------------------------------------
# manifests: only what `npm ci` reads (package.json files, the lockfile,
# .npmrc and the modules the root postinstall imports), so the dependency
# layer below is rebuilt only when dependencies change, not on every edit.
# ---------------------------------------------------------------------------
FROM node:20-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN find . -type f \
        ! -name package.json ! -name package-lock.json ! -name .npmrc \
        ! -path ./scripts/postinstall.mjs ! -path ./scripts/build-plugins.mjs \
        ! -path './scripts/lib/*' -delete \
 && find . -mindepth 1 -depth -type d -empty -delete

# ---------------------------------------------------------------------------
# deps: the lockfile install. npm 10 (this image's npm) is required: `npm ci`
# of npm 11.19 rejects lockfiles that list other platforms' optional binaries
# (npm/cli#8805). The root postinstall (plugin build) is skipped here because
# the sources are not copied yet; the build stage runs it explicitly.
# ---------------------------------------------------------------------------
FROM base AS deps
COPY --chown=node:node --from=manifests /src/ ./
RUN TIENDA_SKIP_POSTINSTALL=true npm ci --no-audit --no-fund \
 && npm cache clean --force

# ---------------------------------------------------------------------------
# build: full sources + the workspace plugins (plugins/*/.medusa/server)
# ---------------------------------------------------------------------------
FROM deps AS build
COPY --chown=node:node . .
RUN node scripts/build-plugins.mjs --force

# ---------------------------------------------------------------------------
# backend: Medusa server / worker / migrations (one image, three roles chosen
# with MEDUSA_WORKER_MODE and the command). Production must start from the
# build output backend/.medusa/server, which sits inside the workspace so
# Node resolves /app/backend/node_modules and /app/node_modules (plugins).
# ---------------------------------------------------------------------------
FROM build AS backend
WORKDIR /app/backend
# NODE_ENV stays unset while building: medusa-config.ts refuses to load with
# NODE_ENV=production and no real secrets, and secrets never enter the image.
RUN npx medusa build
ENV NODE_ENV=production \
    PORT=9000
WORKDIR /app/backend/.medusa/server
EXPOSE 9000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `npx medusa start` without npx: npx runs the command under `sh -c` and does
# not pass SIGTERM on to Node (checked with npm 10.8 and 11.19), so `docker
# stop` would kill Medusa without its graceful shutdown. Same binary npx runs.
CMD ["/app/node_modules/.bin/medusa", "start"]

# ---------------------------------------------------------------------------
# storefront: Next.js. Built from deps + storefront/ (and the e.firma client
# module it bundles) only, so backend edits do
# not rebuild it. MEDUSA_BACKEND_URL and NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY are
# read at runtime by server code; do not set them at build time (Next.js would
# inline NEXT_PUBLIC_* values into the bundle).
# ---------------------------------------------------------------------------
FROM deps AS storefront
COPY --chown=node:node storefront ./storefront
# the browser-side e.firma signing module (plain ES modules, no build step)
COPY --chown=node:node plugins/contracts/efirma-client ./plugins/contracts/efirma-client
WORKDIR /app/storefront
RUN npx next build
ENV NODE_ENV=production \
    PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8000/').then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))"]
# `npx next start -p 8000`, exec'd directly for the same SIGTERM reason.
CMD ["/app/node_modules/.bin/next", "start", "-p", "8000"]

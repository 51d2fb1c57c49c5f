# syntax=docker/dockerfile:1
# Arbiter: a compiled release on Node.js 20, run as an unprivileged user.
#   docker build -t arbiter .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://... -e ARBITER_MASTER_KEYS=... arbiter
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY console/package.json console/
RUN npm ci --no-audit --no-fund
COPY . .
RUN sh deploy/build-release.sh /release

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=root:root /release /app
# The embedded database (when no DATABASE_URL is given) lives in a volume the service user owns.
RUN mkdir -p /data && chown node:node /data
ENV ARBITER_DATA_DIR=/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "bin/arbiter.mjs"]
CMD ["serve"]

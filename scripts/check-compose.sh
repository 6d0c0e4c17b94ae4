#!/usr/bin/env bash
# Static check of docker-compose.yml (no Docker engine needed):
#   - `docker-compose config -q` (schema, interpolation, anchors, depends_on)
#     with the required secrets set to dummy values and no ./.env involved;
#   - any "variable is not set" warning (a ${VAR} without a default) fails;
#   - every build target named in the file exists as a stage in the Dockerfile.
# Usage: scripts/check-compose.sh [path/to/docker-compose.yml]
# Installs the Debian package docker-compose when missing and running as root.
# Non-interactive (CI=true, no stdin). Exit 0 and one line when valid.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="$(realpath "${1:-$root/docker-compose.yml}")"
dir="$(dirname "$file")"

if [ ! -f "$file" ]; then
  echo "check-compose: $file not found" >&2
  exit 2
fi

export DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a
if ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "check-compose: installing docker-compose (apt-get)…" >&2
    aptlog="$(mktemp)"
    if ! { apt-get update -qq && apt-get install -y -qq docker-compose; } </dev/null >"$aptlog" 2>&1; then
      cat "$aptlog" >&2
      echo "check-compose: could not install docker-compose" >&2
      exit 2
    fi
    rm -f "$aptlog"
  else
    echo "check-compose: docker-compose not found; install it (e.g. apt-get install docker-compose)" >&2
    exit 2
  fi
fi

dummy="0123456789abcdef0123456789abcdef-check-compose"
err="$(mktemp)"
noenv="$(mktemp)"
trap 'rm -f "$err" "$noenv"' EXIT

# Dummy secrets; an empty env file keeps a developer's ./.env out of the check.
dc() {
  JWT_SECRET="$dummy" COOKIE_SECRET="$dummy" MINI_COMPETITION_SEAL_KEY="MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" \
    docker-compose --env-file "$noenv" --project-directory "$dir" -f "$file" "$@" </dev/null
}

if ! dc config -q 2>"$err"; then
  cat "$err" >&2
  echo "check-compose: $file is NOT valid" >&2
  exit 1
fi
if grep -qi "variable is not set" "$err"; then
  cat "$err" >&2
  echo "check-compose: $file uses a variable with neither a default nor a :? check" >&2
  exit 1
fi

# Build sections of the resolved file as "context dockerfile target" lines.
builds="$(dc config 2>/dev/null | awk '
  function flush() { if (inb && t != "") print c, (d == "" ? "Dockerfile" : d), t; inb = 0; c = d = t = "" }
  /^    build:/ { flush(); inb = 1; next }
  inb && /^      context:/    { c = $2; next }
  inb && /^      dockerfile:/ { d = $2; next }
  inb && /^      target:/     { t = $2; next }
  inb && !/^      / { flush() }
  END { flush() }')"
while read -r context dockerfile target; do
  [ -n "${target:-}" ] || continue
  case "$dockerfile" in /*) ;; *) dockerfile="$context/$dockerfile" ;; esac
  if ! grep -qiE "^FROM[[:space:]].*[[:space:]]AS[[:space:]]+${target}[[:space:]]*$" "$dockerfile" 2>/dev/null; then
    echo "check-compose: build target '$target' is not a stage of $dockerfile" >&2
    exit 1
  fi
done <<<"$builds"

echo "check-compose: $file is valid ($(dc config --services 2>/dev/null | wc -l | tr -d ' ') services)"

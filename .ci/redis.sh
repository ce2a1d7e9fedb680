#!/usr/bin/env bash
# A throwaway Redis for the limiter's tests: installs Debian's redis-server if the machine lacks it,
# starts one on the given port (default 6390) with nothing written to disk, and prints its URL.
# Running it again while that Redis answers just prints the URL.
#   export TEST_REDIS_URL=$(.ci/redis.sh 6390) && npm run test:redis
#   .ci/redis.sh stop 6390
set -euo pipefail

if [ "${1:-}" = "stop" ]; then
  port="${2:-6390}"
  redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
  exit 0
fi
port="${1:-6390}"

if ! command -v redis-server >/dev/null; then
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server >&2
fi

if ! redis-cli -p "$port" ping >/dev/null 2>&1; then
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "/tmp/redis-$port.pid" --logfile "/tmp/redis-$port.log" >&2
  for _ in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -p "$port" ping >/dev/null || { echo "redis-server did not start on port $port" >&2; exit 1; }
fi

echo "redis://127.0.0.1:$port"

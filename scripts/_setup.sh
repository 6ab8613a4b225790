# Shared set-up for scripts/serve and scripts/test: a virtualenv with pinned packages and
# the pinned npm packages. Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# $1: the extra to install (site or test); versions come from requirements.lock.
install_python() {
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[$1]"
}
install_npm() {
  if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

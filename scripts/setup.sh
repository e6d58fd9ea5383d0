#!/usr/bin/env bash
# Install the real servers the tests need — Prometheus, promtool, Alertmanager, amtool, and
# Chromium for the preview — when they are missing. On Debian (or Ubuntu) as root this uses
# apt-get; elsewhere it says what to install and leaves the decision to you.
# Called by `npm test` (pretest) and by .ci/run.
set -euo pipefail

need=()
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || need+=(prometheus-alertmanager)
command -v amtool >/dev/null 2>&1 || need+=(prometheus-alertmanager)
command -v chromium >/dev/null 2>&1 || need+=(chromium)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
packages=$(printf '%s\n' "${need[@]}" | sort -u | tr '\n' ' ')

if command -v apt-get >/dev/null 2>&1 && [ -r /etc/debian_version ]; then
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
      echo "setup: missing ${packages}; run as root: apt-get install -y ${packages}" >&2
      exit 1
    fi
  else
    SUDO=
  fi
  echo "setup: installing ${packages}from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  # shellcheck disable=SC2086 # word splitting of the package list is intended
  $SUDO apt-get install -y -qq --no-install-recommends ${packages} >&2
  # The Debian packages start their services; the tests start their own on free ports.
  for unit in prometheus prometheus-alertmanager prometheus-node-exporter; do
    $SUDO systemctl disable --now "$unit" >/dev/null 2>&1 || true
  done
  exit 0
fi

cat >&2 <<MSG
setup: these tests need ${packages}but this is not a Debian system, so nothing was installed.
  Install Prometheus (prometheus + promtool 2.42 or later), Alertmanager (alertmanager + amtool)
  and Chromium with your package manager and put them on PATH, with these names:
  prometheus, promtool, prometheus-alertmanager (or set OBS_ALERTMANAGER_BIN), amtool, chromium
  (or set OBS_CHROMIUM_BIN). Without them, tests that need a real server are skipped locally;
  with CI=true they fail.
MSG
exit 0

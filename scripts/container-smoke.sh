#!/usr/bin/env bash
# Builds the image and checks that it starts and passes its health check (not part of npm test: minutes, needs podman or docker).
#   scripts/container-smoke.sh                      # base image node:20-bookworm-slim from a registry
#   BASE_IMAGE=localhost/debian-node:bookworm scripts/container-smoke.sh
# Where no registry can be reached, a base can be made from Debian packages (as root; Node.js ≥ 20.19 from the host):
#   debootstrap --variant=minbase --include=ca-certificates bookworm /tmp/rootfs http://deb.debian.org/debian
#   cp /usr/bin/node /tmp/rootfs/usr/bin/ && cp -r /usr/lib/node_modules/npm /tmp/rootfs/usr/lib/node_modules/
#   ln -s ../lib/node_modules/npm/bin/npm-cli.js /tmp/rootfs/usr/bin/npm
#   tar -C /tmp/rootfs -c . | podman import - localhost/debian-node:bookworm
# The build stage runs npm ci: the npm registry must be reachable from the build (with its TLS authority trusted).
# ENGINE_BUILD_ARGS / ENGINE_RUN_ARGS pass engine options (for example, on a host with hybrid cgroups:
#   ENGINE_BUILD_ARGS="--isolation=chroot" ENGINE_RUN_ARGS="--runtime runc --ulimit nofile=1024:1024 --ulimit nproc=1000:1000").
set -euo pipefail
cd "$(dirname "$0")/.."
engine=${ENGINE:-$(command -v podman || command -v docker)}
tag=${TAG:-localhost/mille-jours:smoke}
port=${PORT:-3090}
# podman keeps HEALTHCHECK only in the Docker image format.
format=""; case "$engine" in *podman) format="--format docker" ;; esac
# shellcheck disable=SC2086
"$engine" build $format ${ENGINE_BUILD_ARGS:-} --network=host --build-arg "BASE_IMAGE=${BASE_IMAGE:-node:20-bookworm-slim}" -t "$tag" .
# shellcheck disable=SC2086
id=$("$engine" run -d ${ENGINE_RUN_ARGS:-} --network=host -e PORT="$port" -e HOST=127.0.0.1 "$tag")
trap '"$engine" rm -f "$id" >/dev/null' EXIT
started=$(date +%s)
until [ "$("$engine" inspect --format '{{.State.Running}}' "$id")" = true ] && "$engine" exec "$id" node -e "fetch('http://127.0.0.1:$port/api/v1/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" 2>/dev/null; do
  if [ "$("$engine" inspect --format '{{.State.Running}}' "$id")" != true ]; then "$engine" logs "$id" | tail -20; echo "Le conteneur s'est arrêté."; exit 1; fi
  if [ $(( $(date +%s) - started )) -gt 300 ]; then echo "Pas prêt en 300 s."; exit 1; fi
  sleep 2
done
echo "Prêt en $(( $(date +%s) - started )) s ; utilisateur : $("$engine" exec "$id" id -un)"
"$engine" healthcheck run "$id" 2>/dev/null && echo "HEALTHCHECK : sain" || echo "HEALTHCHECK : commande non disponible dans ce moteur, contrôle fait par exec ci-dessus"
"$engine" stop -t 30 "$id" >/dev/null
echo "Arrêt : code de sortie $("$engine" inspect --format '{{.State.ExitCode}}' "$id")"

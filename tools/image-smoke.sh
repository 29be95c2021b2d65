#!/usr/bin/env bash
# Runs the container image that `./mvnw -Pimage package` writes (kessai-server/target/kessai-image.tar) without a container
# runtime: its layers unpacked into a directory, its entrypoint run with chroot as the image's user (65532) in a
# private mount namespace with /proc and /dev/null. Checks that Kessai starts (embedded PostgreSQL included), serves
# its version and takes a payment, then stops it. Needs root (unshare, chroot), as CI has. Used by .ci/run.
set -euo pipefail
TARBALL=${1:-kessai-server/target/kessai-image.tar}
PORT=${PORT:-$((20000 + RANDOM % 10000))}
work=$(mktemp -d)
root=$work/root
mkdir -p "$root" "$work/oci"
cleanup() {
  # unshare --fork ignores SIGTERM while it waits: stop its child (Kessai), and unshare exits with it
  if [ -n "${pid:-}" ] && kill -0 "$pid" 2>/dev/null; then pkill -TERM -P "$pid" || true; wait "$pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

tar -xf "$TARBALL" -C "$work/oci"
manifest=$(grep -o '"digest":"sha256:[0-9a-f]*"' "$work/oci/index.json" | head -1 | sed 's/.*sha256:\([0-9a-f]*\)"/\1/')
for layer in $(grep -o '"layers":\[.*\]' "$work/oci/blobs/sha256/$manifest" | grep -o 'sha256:[0-9a-f]*'); do
  tar -xzf "$work/oci/blobs/sha256/${layer#sha256:}" -C "$root" 2>/dev/null
done
mkdir -p "$root/proc" "$root/dev"
touch "$root/dev/null" "$root/dev/random" "$root/dev/urandom"

# the image's entrypoint and environment, but on loopback: this runs in the host's network
unshare --mount --fork --kill-child=SIGTERM /bin/sh -c '
  root=$1
  mount -t proc proc "$root/proc"
  for d in null random urandom; do mount --bind /dev/$d "$root/dev/$d"; done
  exec env -i PATH=/opt/java/bin:/bin SERVER_PORT=$2 SERVER_ADDRESS=127.0.0.1 KESSAI_DATA_DIR=/data \
    "$3" --userspec=65532:65532 "$root" /opt/java/bin/java -XX:MaxRAMPercentage=75 \
    -cp @/app/jib-classpath-file jp.kessai.KessaiApplication' sh "$root" "$PORT" "$(command -v chroot)" > "$work/kessai.log" 2>&1 &
pid=$!

base=http://127.0.0.1:$PORT
for _ in $(seq 1 240); do
  if grep -q 'sandbox ready' "$work/kessai.log" 2>/dev/null; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/kessai.log"; echo "image-smoke: Kessai exited during start-up"; exit 1; fi
  sleep 1
done
grep -q 'sandbox ready' "$work/kessai.log" || { cat "$work/kessai.log"; echo "image-smoke: no banner within 240 s"; exit 1; }
grep -q 'Embedded PostgreSQL listening' "$work/kessai.log"
curl -fsS "$base/actuator/health" | grep -q '"status":"UP"'
curl -fsS "$base/actuator/info" | grep -o '"build":{[^}]*}'
curl -fsS -d "ShopID=tshop00000001&ShopPass=kessai01&OrderID=img-$(date +%Y%m%d%H%M%S)&Amount=100" \
  "$base/payment/EntryTranJcbPreca.idPass" | grep -q '^AccessID='
if grep -E ' ERROR |ClassNotFoundException' "$work/kessai.log"; then echo "image-smoke: errors in the log"; exit 1; fi
echo "image-smoke: the image runs Kessai as uid 65532 (health UP, version served, a payment registered)"

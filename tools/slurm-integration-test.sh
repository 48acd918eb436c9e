#!/usr/bin/env bash
# Integration test of `policysim slurm` and `policysim merge` against a real Slurm.
#
# Installs Debian's slurmctld, slurmd, slurm-client and munge (apt-get), starts munged and a
# one-node Slurm cluster on this machine (state, spool and logs in a temporary folder, the
# machine's hostname as controller and node), writes the job array of a small scenario with
# `policysim slurm`, submits it with the generated submit.sh, waits for the dependent merge,
# and checks that the merged summary.csv, comparison.csv and replications.csv are
# byte-identical to those of a single run. The daemons it started are stopped on exit.
#
# Usage: tools/slurm-integration-test.sh [POLICYSIM-BINARY]
#   (default: $POLICYSIM, else .build/release/policysim, built if missing)
# Needs root (or password-less sudo) to install packages and run the daemons. Skips (exit 0
# with a message) only when the packages cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

policysim=${1:-${POLICYSIM:-}}
if [ -z "$policysim" ]; then
  policysim=$root/.build/release/policysim
  [ -x "$policysim" ] || swift build -c release
fi
[ -x "$policysim" ] || { echo "slurm test: no policysim binary at $policysim" >&2; exit 1; }
policysim=$(cd "$(dirname "$policysim")" && pwd)/$(basename "$policysim")

sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo > /dev/null && sudo -n true 2> /dev/null; then sudo="sudo -n"; else
    echo "SKIP slurm integration test: needs root or password-less sudo to install and run Slurm"
    exit 0
  fi
fi

echo "== installing slurmctld slurmd slurm-client munge (apt-get)"
if ! command -v slurmctld > /dev/null || ! command -v slurmd > /dev/null || ! command -v sbatch > /dev/null || ! command -v munged > /dev/null; then
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq slurmctld slurmd slurm-client munge > /dev/null; }; then
    echo "SKIP slurm integration test: the Debian packages slurmctld slurmd slurm-client munge cannot be installed here"
    exit 0
  fi
fi

work=$(mktemp -d /tmp/policysim-slurm.XXXXXX)
chmod 755 "$work"
started_munged=""
cleanup() {
  status=$?
  set +e
  if [ -n "${SLURM_CONF:-}" ]; then scancel --user="$(id -un)" 2> /dev/null; fi
  pids=""
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid"; do
    [ -s "$pidfile" ] && pids="$pids $(cat "$pidfile")"
  done
  pids="$pids $started_munged"
  for pid in $pids; do $sudo kill "$pid" 2> /dev/null; done
  # Wait (up to 15 s) until they are gone, so that the next run finds the ports free.
  for _ in $(seq 150); do
    alive=""
    for pid in $pids; do $sudo kill -0 "$pid" 2> /dev/null && alive=1; done
    [ -z "$alive" ] && break
    sleep 0.1
  done
  if [ "$status" != 0 ]; then
    echo "slurm test failed; logs:" >&2
    for log in "$work"/log/*.log "$work"/cluster/logs/*.out; do
      [ -f "$log" ] && { echo "--- $log" >&2; tail -n 30 "$log" >&2; }
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

echo "== munge"
if ! munge -n 2> /dev/null | unmunge > /dev/null 2>&1; then
  if [ ! -s /etc/munge/munge.key ]; then
    $sudo mkdir -p /etc/munge
    $sudo sh -c 'dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none'
  fi
  $sudo chown munge:munge /etc/munge/munge.key
  $sudo chmod 400 /etc/munge/munge.key
  $sudo mkdir -p /run/munge && $sudo chown munge:munge /run/munge
  $sudo su -s /bin/sh munge -c '/usr/sbin/munged --force'
  for _ in $(seq 50); do [ -s /run/munge/munged.pid ] && break; sleep 0.1; done
  started_munged=$(cat /run/munge/munged.pid)
fi
munge -n | unmunge | grep -q Success || { echo "munge does not work" >&2; exit 1; }

echo "== one-node Slurm in $work"
host=$(hostname)
mkdir -p "$work/state" "$work/spool" "$work/log"
cat > "$work/slurm.conf" << CONF
ClusterName=local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/ctld.log
SlurmdLogFile=$work/log/d.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf
$sudo slurmctld -f "$SLURM_CONF"
$sudo slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do
  sinfo -h -o %t 2> /dev/null | grep -q idle && break
  sleep 1
done
sinfo -h -o %t | grep -q idle || { echo "the Slurm node did not become idle" >&2; sinfo >&2; exit 1; }
sinfo

scenario=$root/scenarios/reference-county.scenario
options=(--households 500 --seed 11)
echo "== single run (6 replications)"
"$policysim" run "$scenario" "${options[@]}" --replications '0..<6' --out "$work/single" --quiet

echo "== policysim slurm: 3 shards, submitted and merged by Slurm"
"$policysim" slurm "$scenario" "${options[@]}" --replications 6 --shards 3 --partition debug --time 00:10:00 --out "$work/cluster"
began=$(date +%s)
timeout 900 "$work/cluster/submit.sh" --wait
echo "jobs finished in $(($(date +%s) - began)) s"

for file in summary.csv comparison.csv replications.csv; do
  cmp "$work/single/$file" "$work/cluster/merged/$file"
  echo "merged $file is byte-identical to the single run's"
done
for part in 0 1 2; do test -s "$work/cluster/part-$part/replications.csv"; done
grep -q '"replication_range"' "$work/cluster/merged/manifest.json"
echo "slurm integration test passed"

#!/bin/sh
# Starts a throwaway sshd on 127.0.0.1 whose ForceCommand is `ward console --ssh`, with the
# sshd_config block docs/ssh.md recommends. For tests; needs root (sshd drops privileges).
#
#   ssh-bastion.sh DIR WARD STORE OPERATORS PORT PUBKEY...
#
# Writes DIR/host_ed25519, DIR/authorized_keys, DIR/sshd_config, starts `sshd -D -e` in the
# background (its log in DIR/sshd.log, its pid in DIR/sshd.pid) and waits until it listens.
set -eu
dir=$1 ward=$2 store=$3 operators=$4 port=$5
shift 5
mkdir -p /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$dir/host_ed25519" </dev/null
: >"$dir/authorized_keys"
for key in "$@"; do cat "$key" >>"$dir/authorized_keys"; done
chmod 600 "$dir/authorized_keys"
cat >"$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
# The temp dir is not root-owned 0755 all the way up; a real bastion keeps StrictModes yes.
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
LogLevel VERBOSE
# The concurrency test opens 20 connections at once (the default MaxStartups is 10:30:100).
MaxStartups 64
# Test only: lets the reliability tests send the backtracer setting and the crash hook, to
# prove neither can open a debugger. A real bastion accepts no Ward or Swift variables.
AcceptEnv SWIFT_BACKTRACE WARD_TEST_CRASH_AFTER_MS

# The block docs/ssh.md gives (Match User here; Match Group ward-operators on a bastion).
Match User root
  ForceCommand $ward console --ssh --store $store --operators $operators
  ExposeAuthInfo yes
  PermitTTY yes
  AllowTcpForwarding no
  X11Forwarding no
  AllowAgentForwarding no
  PermitTunnel no
CONF
/usr/sbin/sshd -t -f "$dir/sshd_config"
/usr/sbin/sshd -D -e -f "$dir/sshd_config" >"$dir/sshd.log" 2>&1 &
echo $! >"$dir/sshd.bgpid"
i=0
while ! grep -q "Server listening" "$dir/sshd.log" 2>/dev/null; do
  i=$((i + 1))
  if [ $i -gt 100 ]; then
    echo "sshd did not start:" >&2
    cat "$dir/sshd.log" >&2
    exit 1
  fi
  sleep 0.1
done

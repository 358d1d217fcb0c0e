#!/usr/bin/env bash
# collect-org.sh [OPTIONS] OUTDIR: collects every account and region of an AWS Organization
# into OUTDIR/accounts/ACCOUNT/REGION/, one scripts/collect-aws.sh run each, so that
# `ward import OUTDIR` reads the whole tree (docs/formats.md, "Organization collection").
#
# It only drives collect-aws.sh: which accounts and regions, whose credentials (a role
# assumed in each account; the temporary credentials live only in the environment of that
# account's collect-aws.sh runs, never on disk or in the output), how many accounts at once,
# what is already done, what failed and why. Every AWS read of an account is collect-aws.sh's.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
COLLECT_AWS=${WARD_COLLECT_AWS:-$HERE/collect-aws.sh}

usage() {
  cat >&2 <<'EOF'
usage: collect-org.sh [OPTIONS] OUTDIR

Collects each account x region into OUTDIR/accounts/ACCOUNT/REGION/ with collect-aws.sh,
then writes OUTDIR/collect-summary.json. Then: ward import OUTDIR

  --accounts-file FILE  accounts to collect: one 12-digit id per line, # starts a comment
                        (default: the ACTIVE accounts of `aws organizations list-accounts`)
  --exclude ID[,ID…]    accounts to leave out (repeatable)
  --role NAME           role assumed in each account (default OrganizationAccountAccessRole)
  --external-id ID      external id for sts assume-role
  --regions R1[,R2…]    regions (default: each account's enabled regions, ec2 describe-regions)
  --parallel N          accounts collected at once (default 4)
  --force               collect again even where a directory is complete
  --refresh-metrics     where a directory is complete, add only the metric hours since its
                        last collection (OUTDIR/accounts/A/R/metrics-since-STAMP/metrics/)
  -h, --help            this text

Exit status: 0 when every account x region is collected or already complete, 1 when any
failed (the others are still collected), 2 on bad arguments.
EOF
}

die_usage() {
  echo "collect-org: $1" >&2
  usage
  exit 2
}

ACCOUNTS_FILE=""
EXCLUDE=()
ROLE=OrganizationAccountAccessRole
EXTERNAL_ID=""
REGIONS=()
PARALLEL=4
FORCE=no
REFRESH=no
OUT=""
need_value() { [[ $# -ge 2 && -n "$2" ]] || die_usage "$1 needs a value"; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --accounts-file) need_value "$@"; ACCOUNTS_FILE=$2; shift 2 ;;
    --exclude) need_value "$@"; IFS=, read -ra more <<<"$2"; EXCLUDE+=("${more[@]}"); shift 2 ;;
    --role) need_value "$@"; ROLE=$2; shift 2 ;;
    --external-id) need_value "$@"; EXTERNAL_ID=$2; shift 2 ;;
    --regions) need_value "$@"; IFS=, read -ra REGIONS <<<"$2"; shift 2 ;;
    --parallel) need_value "$@"; PARALLEL=$2; shift 2 ;;
    --force) FORCE=yes; shift ;;
    --refresh-metrics) REFRESH=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; break ;;
    -*) die_usage "unknown option: $1" ;;
    *) [[ -z "$OUT" ]] || die_usage "one OUTDIR only (got '$OUT' and '$1')"; OUT=$1; shift ;;
  esac
done
if [[ $# -gt 0 ]]; then
  [[ -z "$OUT" && $# -eq 1 ]] || die_usage "one OUTDIR only"
  OUT=$1
fi
[[ -n "$OUT" ]] || die_usage "OUTDIR is missing"
[[ "$PARALLEL" =~ ^[1-9][0-9]*$ ]] || die_usage "--parallel must be a positive whole number, not '$PARALLEL'"
[[ "$ROLE" =~ ^[A-Za-z0-9+=,.@_/-]{1,512}$ ]] || die_usage "--role is not an IAM role name: '$ROLE'"
for id in "${EXCLUDE[@]}"; do
  [[ "$id" =~ ^[0-9]{12}$ ]] || die_usage "--exclude: not a 12-digit account id: '$id'"
done
for region in "${REGIONS[@]}"; do
  [[ "$region" =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] || die_usage "--regions: not a region name: '$region'"
done
[[ -z "$ACCOUNTS_FILE" || -r "$ACCOUNTS_FILE" ]] ||
  die_usage "--accounts-file: cannot read '$ACCOUNTS_FILE'"
[[ -f "$COLLECT_AWS" ]] || { echo "collect-org: $COLLECT_AWS is missing" >&2; exit 2; }

# The CLI's own retries first (adaptive rate limiting); a throttled run is then retried whole.
export AWS_RETRY_MODE=${AWS_RETRY_MODE:-adaptive}
export AWS_MAX_ATTEMPTS=${AWS_MAX_ATTEMPTS:-8}
export AWS_PAGER=""
TRIES=${WARD_COLLECT_TRIES:-3}
BACKOFF=${WARD_COLLECT_BACKOFF:-5} # seconds before the 2nd try; doubled for each next one

# --- the error text of a failed call → a reason -------------------------------------------

# The aws CLI's error line in FILE: the last error before the script stopped (collect-aws.sh
# warns about optional calls it skipped and about a retried metric query; those are not it).
error_line() {
  local line
  line=$(tr -d '\r' <"$1" | grep -vE '^collect-aws: (skipped|get-metric-data failed)' |
    grep -E 'An error occurred|[Ee]rror|Could not|Unable to|[Dd]enied' | tail -1 || true)
  [[ -n "$line" ]] || line=$(tr -d '\r' <"$1" | sed '/^[[:space:]]*$/d' | tail -1)
  printf '%s' "${line:0:300}"
}

# "access denied", "throttled", or the error line itself.
classify() {
  if grep -qE 'AccessDenied|UnauthorizedOperation|UnauthorizedAccess|AuthorizationError|is not authorized' <<<"$1"; then
    echo "access denied"
  elif grep -qE 'Throttl|TooManyRequests|RequestLimitExceeded|Rate exceeded|SlowDown' <<<"$1"; then
    echo "throttled"
  else
    printf '%s\n' "${1:-failed without a message}"
  fi
}

# --- accounts and regions -------------------------------------------------------------------

utc_hour() { date -u +%Y-%m-%dT%H:00:00Z; }
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
RESULTS=$(mktemp -d)
trap 'rm -rf "$RESULTS"' EXIT

# The accounts file is checked before any call, like the arguments.
ACCOUNTS=()
if [[ -n "$ACCOUNTS_FILE" ]]; then
  lineno=0
  while IFS= read -r line || [[ -n "$line" ]]; do
    lineno=$((lineno + 1))
    id=${line%%#*}
    id=${id//[[:space:]]/}
    [[ -n "$id" ]] || continue
    [[ "$id" =~ ^[0-9]{12}$ ]] ||
      die_usage "$ACCOUNTS_FILE:$lineno: not a 12-digit account id: '$id'"
    ACCOUNTS+=("$id")
  done <"$ACCOUNTS_FILE"
  [[ ${#ACCOUNTS[@]} -gt 0 ]] || die_usage "$ACCOUNTS_FILE: no account ids"
fi

if ! CALLER=$(aws sts get-caller-identity --query Account --output text 2>"$RESULTS/caller.err"); then
  echo "collect-org: cannot use the caller's credentials (sts get-caller-identity): $(error_line "$RESULTS/caller.err")" >&2
  exit 1
fi

if [[ -z "$ACCOUNTS_FILE" ]]; then
  # The CLI follows list-accounts' pagination and applies the query to the whole answer.
  # State replaces the deprecated Status; either says ACTIVE.
  if ! listed=$(aws organizations list-accounts --output text \
    --query "Accounts[?(State || Status)=='ACTIVE'].Id" 2>"$RESULTS/list.err"); then
    echo "collect-org: cannot list the organization's accounts: $(error_line "$RESULTS/list.err") (or pass --accounts-file)" >&2
    exit 1
  fi
  mapfile -t ACCOUNTS < <(tr '\t' '\n' <<<"$listed" | sed '/^$/d; /^None$/d')
fi
kept=()
for id in "${ACCOUNTS[@]}"; do
  for x in "${EXCLUDE[@]}"; do [[ "$id" != "$x" ]] || continue 2; done
  for k in "${kept[@]}"; do [[ "$id" != "$k" ]] || continue 2; done
  kept+=("$id")
done
ACCOUNTS=("${kept[@]}")
[[ ${#ACCOUNTS[@]} -gt 0 ]] || { echo "collect-org: no accounts to collect" >&2; exit 2; }

# --- one account --------------------------------------------------------------------------

# Fields of a result line: not whitespace, so that empty fields do not collapse when read.
SEP=$'\x1f'
# record STATUS ACCOUNT REGION REASON [DETAIL] [SECONDS] [CREDENTIALS]: one result line.
record() {
  local reason=${4//$SEP/ } detail=${5:-}
  detail=${detail//$SEP/ }
  printf "%s$SEP%s$SEP%s$SEP%s$SEP%s$SEP%s$SEP%s\n" "$1" "$2" "$3" "$reason" "$detail" "${6:-}" \
    "${7:-}" >>"$RESULTS/$2"
  echo "collect-org: $2 $3 $1${4:+: $4}" >&2
}

# with_retries LOG WHAT COMMAND…: runs COMMAND with its stderr in LOG, trying again (after
# BACKOFF, 2·BACKOFF, … seconds; TRIES in all) while the error says throttled. Returns the
# last status; LOG keeps the last try's errors.
with_retries() {
  local log=$1 what=$2 try=1 delay=$BACKOFF
  shift 2
  while true; do
    if "$@" 2>"$log"; then return 0; fi
    [[ $(classify "$(error_line "$log")") == throttled && $try -lt $TRIES ]] || return 1
    echo "collect-org: $what throttled; trying again in ${delay}s" >&2
    sleep "$delay"
    try=$((try + 1))
    delay=$((delay * 2))
  done
}

# Temporary credentials of ROLE in ACCOUNT, as "KEY<TAB>SECRET<TAB>TOKEN" on stdout.
assume() {
  aws sts assume-role --role-arn "arn:aws:iam::$1:role/$ROLE" --role-session-name ward-collect \
    ${EXTERNAL_ID:+--external-id "$EXTERNAL_ID"} --output text \
    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]'
}

# Collects ACCOUNT's regions one after the other (accounts run in parallel).
collect_account() {
  local account=$1 base="$OUT/accounts/$1" creds="" how="" assumed_at=0 region dir
  local key="" secret="" token="" err="$RESULTS/$1.err"
  # in_account COMMAND…: COMMAND with the account's credentials in its environment only.
  in_account() {
    if [[ $how == caller ]]; then
      "$@"
    else
      AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token "$@"
    fi
  }
  # credentials: assumes the role (again after 45 minutes: they last an hour); the
  # management account falls back to the caller's own credentials when it is refused there.
  credentials() {
    [[ -n "$how" && $((SECONDS - assumed_at)) -lt 2700 ]] && return 0
    if creds=$(with_retries "$err" "$account assume-role" assume "$account"); then
      key=${creds%%$'\t'*}
      creds=${creds#*$'\t'}
      secret=${creds%%$'\t'*}
      token=${creds#*$'\t'}
      creds=""
      how=assumed-role
      assumed_at=$SECONDS
      return 0
    fi
    if [[ $account == "$CALLER" && $(classify "$(error_line "$err")") == "access denied" ]]; then
      echo "collect-org: $account: role $ROLE refused in the caller's own account; using the caller's credentials" >&2
      how=caller
      assumed_at=$SECONDS
      return 0
    fi
    return 1
  }
  fail_rest() { # REGION…: the account's remaining regions fail with the last error
    local line reason r
    line=$(error_line "$err")
    reason=$(classify "$line")
    for r in "$@"; do record failed "$account" "$r" "$reason" "$line"; done
  }

  local regions=("${REGIONS[@]}")
  if [[ ${#regions[@]} -eq 0 ]]; then
    if ! credentials; then fail_rest "*"; return 0; fi
    local listed
    if ! listed=$(in_account aws ec2 describe-regions --output text \
      --filters Name=opt-in-status,Values=opt-in-not-required,opted-in \
      --query 'Regions[].RegionName' 2>"$err"); then
      echo "collect-org: $account: cannot list enabled regions (ec2 describe-regions); pass --regions" >&2
      fail_rest "*"
      return 0
    fi
    mapfile -t regions < <(tr '\t' '\n' <<<"$listed" | sed '/^$/d; /^None$/d' | sort)
  fi

  local i
  for ((i = 0; i < ${#regions[@]}; i++)); do
    region=${regions[i]}
    dir="$base/$region"
    if [[ -f "$dir/.complete" && $FORCE == no ]]; then
      if [[ $REFRESH == no ]]; then
        record skipped "$account" "$region" "already complete"
        continue
      fi
      local since now stamp part
      since=$(sed -n 's/^metrics_end=//p' "$dir/.complete")
      now=$(utc_hour)
      if [[ -z "$since" || ! "$now" > "$since" ]]; then
        record skipped "$account" "$region" "already complete; metrics up to date"
        continue
      fi
      if ! credentials; then fail_rest "${regions[@]:i}"; return 0; fi
      stamp=$(date -u -d "$since" +%Y%m%dT%H%MZ)
      part="$dir/metrics-since-$stamp"
      rm -rf "$part"
      local t0=$SECONDS
      if with_retries "$dir/.refresh.log" "$account $region metrics" in_account env AWS_DEFAULT_REGION="$region" \
        AWS_REGION="$region" WARD_COLLECT_ONLY=metrics WARD_METRIC_START="$since" \
        WARD_METRIC_END="$now" bash "$COLLECT_AWS" "$part"; then
        sed "s/^metrics_end=.*/metrics_end=$now/" "$dir/.complete" >"$dir/.complete.new"
        mv "$dir/.complete.new" "$dir/.complete"
        record refreshed "$account" "$region" "metrics $since .. $now" "" $((SECONDS - t0)) "$how"
      else
        rm -rf "$part"
        line=$(error_line "$dir/.refresh.log")
        record failed "$account" "$region" "$(classify "$line")" "$line"
      fi
      continue
    fi
    if ! credentials; then fail_rest "${regions[@]:i}"; return 0; fi
    # Not complete (or --force): from scratch, so no file of an earlier run or try survives
    # (each try empties the directory but for its hidden log).
    rm -rf "$dir"
    mkdir -p "$dir"
    local end t0=$SECONDS line
    end=$(utc_hour)
    if with_retries "$dir/.collect.log" "$account $region" in_account env AWS_DEFAULT_REGION="$region" \
      AWS_REGION="$region" WARD_METRIC_END="$end" bash -c \
      'find "$1" -mindepth 1 -maxdepth 1 ! -name .collect.log -exec rm -rf {} + && exec bash "$2" "$1"' \
      collect "$dir" "$COLLECT_AWS"; then
      printf 'collected_at=%s\nmetrics_end=%s\ncredentials=%s\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$end" "$how" >"$dir/.complete"
      record collected "$account" "$region" "" "" $((SECONDS - t0)) "$how"
    else
      line=$(error_line "$dir/.collect.log")
      record failed "$account" "$region" "$(classify "$line")" "$line"
    fi
  done
}

# --- all accounts, PARALLEL at a time --------------------------------------------------------

mkdir -p "$OUT/accounts"
echo "collect-org: ${#ACCOUNTS[@]} account(s), regions ${REGIONS[*]:-enabled in each}, $PARALLEL at a time" >&2
running=0
for account in "${ACCOUNTS[@]}"; do
  if [[ $running -ge $PARALLEL ]]; then
    wait -n || true
    running=$((running - 1))
  fi
  collect_account "$account" &
  running=$((running + 1))
done
wait

REGIONS_TEXT=${#REGIONS[@]}
[[ ${#REGIONS[@]} -gt 0 ]] || REGIONS_TEXT="enabled"

# --- summary ----------------------------------------------------------------------------

json_string() { # the argument as a JSON string
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  printf '"%s"' "$(tr -d '\000-\037' <<<"$s")"
}
declare -A COUNT=([collected]=0 [refreshed]=0 [skipped]=0 [failed]=0)
declare -A ITEMS=([collected]="" [refreshed]="" [skipped]="" [failed]="")
FAILED_LINES=()
for account in "${ACCOUNTS[@]}"; do
  [[ -f "$RESULTS/$account" ]] || continue
  while IFS=$SEP read -r status acct region reason detail seconds how; do
    item="{\"account\":$(json_string "$acct"),\"region\":$(json_string "$region")"
    [[ -z "$reason" ]] || item+=",\"reason\":$(json_string "$reason")"
    [[ -z "$detail" || "$detail" == "$reason" ]] || item+=",\"error\":$(json_string "$detail")"
    [[ -z "$seconds" ]] || item+=",\"seconds\":$seconds"
    [[ -z "$how" ]] || item+=",\"credentials\":$(json_string "$how")"
    item+="}"
    ITEMS[$status]+="${ITEMS[$status]:+,}$item"
    COUNT[$status]=$((COUNT[$status] + 1))
    [[ $status != failed ]] || FAILED_LINES+=("  failed $acct $region: $reason")
  done <"$RESULTS/$account"
done
{
  printf '{"started":%s,"finished":%s,"role":%s,' "$(json_string "$STARTED")" \
    "$(json_string "$(date -u +%Y-%m-%dT%H:%M:%SZ)")" "$(json_string "$ROLE")"
  printf '"accounts":%s,"regions":%s,' "${#ACCOUNTS[@]}" \
    "$(if [[ ${#REGIONS[@]} -gt 0 ]]; then printf '['; sep=""; for r in "${REGIONS[@]}"; do
      printf '%s%s' "$sep" "$(json_string "$r")"; sep=,; done; printf ']'; else echo '"enabled"'; fi)"
  for status in collected refreshed skipped failed; do
    printf '"%s":[%s]%s' "$status" "${ITEMS[$status]}" "$([[ $status == failed ]] || echo ,)"
  done
  printf '}\n'
} >"$OUT/collect-summary.json.new"
mv "$OUT/collect-summary.json.new" "$OUT/collect-summary.json"

echo "collect-org: ${#ACCOUNTS[@]} account(s) x ${REGIONS_TEXT} region(s): collected ${COUNT[collected]}, refreshed ${COUNT[refreshed]}, skipped ${COUNT[skipped]} (already complete), failed ${COUNT[failed]}"
for line in "${FAILED_LINES[@]}"; do echo "$line"; done
echo "collect-org: summary in $OUT/collect-summary.json; import with: ward import $OUT"
[[ ${COUNT[failed]} -eq 0 ]]

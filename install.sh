#!/usr/bin/env bash
# Installs netscope, and with --test also the test peers, and runs the whole test suite.
# Run ./install.sh --help for the modes. Safe to run again: each run replaces the previous install.
set -euo pipefail

# Debian packages the tests use as real peers (one list; extend it here).
TEST_PACKAGES="socat python3-twisted nginx-light openssl curl tmux"
# The slow group that --fast leaves out; tests mark it with [Trait("Category", "EndToEnd")].
FAST_FILTER="Category!=EndToEnd"
# A test host that makes no progress for this long is stopped, so a hang cannot eat a CI run.
HANG_TIMEOUT="10m"

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLI_PROJECT="src/NetScope.Cli/NetScope.Cli.csproj"
SOLUTION="NetScope.sln"
LOGS="$REPO/artifacts/logs"
RESULTS="$REPO/artifacts/test-results"

usage() {
  cat <<EOF
Usage: ./install.sh [--prefix DIR]
       ./install.sh --test [--prefix DIR] [--fast] [--filter EXPR]

Default mode: install netscope.
  Checks that a .NET 10 SDK is present, publishes src/NetScope.Cli (Release, self-contained,
  one composite ReadyToRun image with the runtime, for this machine's runtime identifier) into
  PREFIX/lib/netscope (about 115 MB) and links PREFIX/bin/netscope to it. A previous install in
  PREFIX is replaced.

--test: install the test peers and netscope, then run the whole suite.
  1. Installs the Debian packages the tests need (apt-get, as root or through sudo), skipping
     those already installed: $TEST_PACKAGES.
  2. Installs netscope as above (the end-to-end tests run the installed binary, whose path
     they find in NETSCOPE_BIN).
  3. Runs 'dotnet format $SOLUTION --verify-no-changes', builds the solution in Release and
     runs every test project with 'dotnet test', printing one line per project and a total.
  Fails if formatting is off, the build fails, a test fails, or a test project ran no test.
  With a filter, a project may match no test, but the run as a whole must run at least one.
  Results (trx files) and logs go to artifacts/.

Options:
  --prefix DIR    where to install (default: /usr/local as root, ~/.local otherwise)
  --fast          with --test: leave out the end-to-end group (filter $FAST_FILTER)
  --filter EXPR   with --test: pass a test filter to dotnet test, e.g.
                  'FullyQualifiedName~Deferred' or 'Category=EndToEnd'
  -h, --help      show this help
EOF
}

step() { printf '==> %s\n' "$*"; }
warn() { printf 'install.sh: warning: %s\n' "$*" >&2; }
die() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }

# Runs a command with its output in a log file; on failure shows the end of the log.
run_logged() {
  local log="$1" status=0; shift
  "$@" >"$log" 2>&1 || status=$?
  [[ "$status" -eq 0 ]] && return 0
  printf 'install.sh: command failed (exit %s): %s\n' "$status" "$*" >&2
  printf -- '--- last 60 lines of %s ---\n' "$log" >&2
  tail -n 60 "$log" >&2
  return "$status"
}

mode=install
prefix=""
filter=""
fast=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --test) mode=test ;;
    --prefix) [[ $# -ge 2 ]] || die "--prefix needs a directory"; prefix="$2"; shift ;;
    --prefix=*) prefix="${1#--prefix=}" ;;
    --filter) [[ $# -ge 2 ]] || die "--filter needs an expression"; filter="$2"; shift ;;
    --filter=*) filter="${1#--filter=}" ;;
    --fast) fast=true ;;
    -h|--help) usage; exit 0 ;;
    *) printf 'install.sh: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
if [[ "$mode" != test && ( -n "$filter" || "$fast" == true ) ]]; then
  die "--fast and --filter go with --test"
fi
if [[ -z "$prefix" ]]; then
  if [[ "$(id -u)" -eq 0 ]]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi

cd "$REPO"

install_test_packages() {
  command -v dpkg-query >/dev/null && command -v apt-get >/dev/null \
    || die "--test installs its peers with Debian's apt-get; this system has no apt-get/dpkg-query"
  local missing=() package
  for package in $TEST_PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  step "check Debian packages: $TEST_PACKAGES"
  if [[ ${#missing[@]} -eq 0 ]]; then
    step "all Debian packages already installed"
    return
  fi
  local sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null \
      || die "missing Debian packages: ${missing[*]}; run as root, or install them: apt-get install ${missing[*]}"
    sudo=(sudo)
  fi
  mkdir -p "$LOGS"
  step "apt-get update"
  run_logged "$LOGS/apt-get-update.log" "${sudo[@]}" apt-get update
  step "apt-get install --no-install-recommends ${missing[*]}"
  run_logged "$LOGS/apt-get-install.log" \
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

check_sdk() {
  local how="Install the .NET 10 SDK (Debian: package dotnet-sdk-10.0 from Microsoft's Debian package repository, or the dotnet-install script; see https://learn.microsoft.com/dotnet/core/install/linux-debian), then run ./install.sh again."
  if ! command -v dotnet >/dev/null; then
    die "the .NET 10 SDK is missing: no 'dotnet' command on PATH. $how"
  fi
  local sdks version
  sdks="$(dotnet --list-sdks 2>/dev/null || true)"
  version="$(printf '%s\n' "$sdks" | awk '/^10\./ { v = $1 } END { print v }')"
  if [[ -z "$version" ]]; then
    die "the .NET 10 SDK is missing: 'dotnet --list-sdks' shows ${sdks:-no SDK at all}, and netscope needs a 10.x SDK. $how"
  fi
  step "found .NET SDK $version ($(command -v dotnet))"
}

runtime_identifier() {
  local rid
  rid="$(dotnet --info 2>/dev/null | awk '$1 == "RID:" { print $2; exit }')"
  if [[ -z "$rid" ]]; then
    case "$(uname -m)" in
      x86_64) rid=linux-x64 ;;
      aarch64) rid=linux-arm64 ;;
      *) die "cannot tell the .NET runtime identifier of this machine ($(uname -m))" ;;
    esac
  fi
  printf '%s\n' "$rid"
}

install_netscope() {
  mkdir -p "$prefix/lib" "$prefix/bin" "$LOGS"
  prefix="$(cd "$prefix" && pwd)"
  local lib="$prefix/lib/netscope" stage="$prefix/lib/.netscope.new" old="$prefix/lib/.netscope.old"
  local link="$prefix/bin/netscope" rid
  rid="$(runtime_identifier)"
  step "publish $CLI_PROJECT (Release, $rid, self-contained, composite ReadyToRun; about a minute)"
  rm -rf "$stage" "$old"
  # Self-contained and composite so the runtime and our code share one precompiled image: the
  # framework's generics over our types (queues, dictionaries, spans) are precompiled too, where a
  # framework-dependent build JITs some 230 of them at start-up (30 ms of every short run).
  run_logged "$LOGS/publish.log" dotnet publish "$CLI_PROJECT" -c Release -r "$rid" --self-contained true \
    -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
    -p:PublishDocumentationFile=false -p:PublishReferencesDocumentationFiles=false \
    -o "$stage" --nologo
  # Swap whole folders so no file of an older version survives, and a failed publish leaves the
  # previous install untouched.
  if [[ -e "$lib" ]]; then
    step "replace $lib"
    mv "$lib" "$old"
  else
    step "create $lib"
  fi
  mv "$stage" "$lib"
  rm -rf "$old"
  step "link $link -> $lib/netscope"
  ln -sfn "$lib/netscope" "$link"
  local version
  if ! version="$("$link" --version 2>&1)"; then
    die "the installed $link does not start: $version"
  fi
  step "installed $version"
  case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) warn "$prefix/bin is not on PATH; add it (export PATH=\"$prefix/bin:\$PATH\") or run $link" ;;
  esac
}

# Prints the value of attribute $2 of the <Counters> element in trx file $1.
trx_counter() {
  grep -o "<Counters [^>]*>" "$1" | head -n 1 | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0
}

run_tests() {
  local failures=()
  rm -rf "$RESULTS"
  mkdir -p "$RESULTS" "$LOGS"

  step "dotnet format $SOLUTION --verify-no-changes"
  if ! run_logged "$LOGS/format.log" dotnet format "$SOLUTION" --verify-no-changes; then
    failures+=("formatting differs from .editorconfig (run: dotnet format $SOLUTION)")
  fi

  step "dotnet build $SOLUTION -c Release"
  if ! run_logged "$LOGS/build.log" dotnet build "$SOLUTION" -c Release --nologo; then
    die "the build failed; no test ran"
  fi

  local effective_filter="$filter"
  if [[ "$fast" == true ]]; then
    effective_filter="${filter:+($filter)&}$FAST_FILTER"
  fi
  local filter_args=()
  [[ -n "$effective_filter" ]] && filter_args=(--filter "$effective_filter")

  local projects=() project
  while IFS= read -r project; do
    [[ "$project" == *.csproj ]] || continue
    if [[ "$(dotnet msbuild "$project" -getProperty:IsTestProject 2>/dev/null)" == true ]]; then
      projects+=("$project")
    fi
  done < <(dotnet sln "$SOLUTION" list | tr -d '\r')
  [[ ${#projects[@]} -gt 0 ]] || die "no test project in $SOLUTION"

  # End-to-end tests run the installed binary.
  export NETSCOPE_BIN="$prefix/bin/netscope"
  local summary=() total_passed=0 total_failed=0 total_skipped=0 total_executed=0
  local name trx started elapsed total executed passed failed skipped status note
  for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    trx="$RESULTS/$name/$name.trx"
    step "dotnet test $name${effective_filter:+ --filter \"$effective_filter\"}"
    started="$(date +%s%3N)"
    status=0
    dotnet test "$project" -c Release --no-build --nologo "${filter_args[@]}" \
      --results-directory "$RESULTS/$name" --logger "trx;LogFileName=$name.trx" \
      --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none \
      >"$LOGS/test-$name.log" 2>&1 || status=$?
    elapsed="$(( $(date +%s%3N) - started ))"
    if [[ -f "$trx" ]]; then
      total="$(trx_counter "$trx" total)"; executed="$(trx_counter "$trx" executed)"
      passed="$(trx_counter "$trx" passed)"; failed="$(trx_counter "$trx" failed)"
    else
      total=0; executed=0; passed=0; failed=0
    fi
    skipped="$(( total - executed ))"
    note=""
    if [[ "$status" -ne 0 || "$failed" -gt 0 || ! -f "$trx" ]]; then
      note="  FAILED (dotnet test exit $status, log: artifacts/logs/test-$name.log)"
      failures+=("$name: tests failed")
      tail -n 60 "$LOGS/test-$name.log" >&2
    elif [[ "$executed" -eq 0 && -z "$effective_filter" ]]; then
      note="  FAILED (ran no test)"
      failures+=("$name: ran no test")
    elif [[ "$executed" -eq 0 ]]; then
      note="  (no test matched the filter)"
    fi
    summary+=("$(printf '%-28s %4d passed, %d failed, %d skipped in %d.%d s%s' \
      "$name" "$passed" "$failed" "$skipped" "$((elapsed / 1000))" "$((elapsed % 1000 / 100))" "$note")")
    total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped)); total_executed=$((total_executed + executed))
  done

  if [[ "$total_executed" -eq 0 ]]; then
    failures+=("no test ran at all")
  fi
  printf '\nTest results per project:\n'
  printf '%s\n' "${summary[@]}"
  if [[ ${#failures[@]} -gt 0 ]]; then
    printf 'install.sh: FAILED: %s\n' "${failures[@]}" >&2
  fi
  printf 'Total: %d passed, %d failed, %d skipped\n' "$total_passed" "$total_failed" "$total_skipped"
  [[ ${#failures[@]} -eq 0 ]]
}

if [[ "$mode" == test ]]; then
  install_test_packages
fi
check_sdk
install_netscope
if [[ "$mode" == test ]]; then
  run_tests
fi

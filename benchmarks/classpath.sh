# classpath.sh: sourced by the benchmark scripts (run-tpch.sh, run-jmh.sh, run-pgload.sh) for the
# runtime classpath of the benchmarks module, built with Maven only when needed.
#
# Needs ROOT (the checkout) and BENCH_NAME (the calling script's name, for messages); sets
# BENCH_CLASSPATH. The first run (and any run after a pom.xml or a file under some src/main/
# changed) builds the benchmarks module and the modules it needs, output to a log file.
# Environment: EMBER_MAVEN_ARGS (extra Maven flags, e.g. "-o"), MVN (default mvn), BENCH_BUILD
# ("off" to keep the last build's classpath even if sources changed). BENCH_PROFILE, when the
# caller sets it (run-tpch.sh --spark sets "spark"), is a Maven profile of the benchmarks module
# to build with; its classpath is kept apart, in target/launcher-<profile>.

MVN="${MVN:-mvn}"
STATE="$ROOT/benchmarks/target/launcher${BENCH_PROFILE:+-$BENCH_PROFILE}"
PROFILE_ARGS="${BENCH_PROFILE:+-P$BENCH_PROFILE}"
STAMP="$STATE/built.stamp"
CLASSPATH_FILE="$STATE/classpath"
LOG="$STATE/build.log"

# True (0) when the classpath is missing, names a file that is gone, or sources changed.
needs_build() {
  [ -f "$STAMP" ] && [ -f "$CLASSPATH_FILE" ] || return 0
  local cp entry
  IFS= read -r cp < "$CLASSPATH_FILE" || return 0
  IFS=':' read -r -a entries <<< "$cp"
  for entry in "${entries[@]}"; do
    [ -e "$entry" ] || return 0
  done
  [ "${BENCH_BUILD:-on}" != "off" ] || return 1
  local newer
  newer="$(find "$ROOT" -mindepth 1 \( -name target -o -name '.*' -o -name tests -o -name jdbc-server \) -prune \
    -o -type f \( -name pom.xml -o -path '*/src/main/*' -o -path '*/src/spark/*' \) -newer "$STAMP" -print -quit 2>/dev/null)"
  [ -n "$newer" ]
}

# Builds benchmarks and the modules it needs, then writes the runtime classpath: copies of this
# checkout's module jars (never stale snapshots from ~/.m2; copied into $STATE/lib so a rebuild of
# a module while a benchmark runs cannot pull classes from under it), then the third-party jars.
build() {
  mkdir -p "$STATE"
  echo "$BENCH_NAME: building (first run, or sources changed); log in $LOG" >&2
  touch "$STAMP.next"
  # shellcheck disable=SC2086  # EMBER_MAVEN_ARGS and PROFILE_ARGS are lists of flags
  if ! (cd "$ROOT" && "$MVN" -q -B -Dstyle.color=never -DskipTests ${EMBER_MAVEN_ARGS:-} $PROFILE_ARGS -pl benchmarks -am install \
          && "$MVN" -q -B -Dstyle.color=never ${EMBER_MAVEN_ARGS:-} $PROFILE_ARGS -pl benchmarks dependency:build-classpath \
               -Dmdep.outputFile="$STATE/dependencies.classpath") < /dev/null > "$LOG" 2>&1; then
    echo "$BENCH_NAME: the build failed; the end of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  local deps entry name module cp=""
  deps="$(< "$STATE/dependencies.classpath")"
  IFS=':' read -r -a entries <<< "$deps"
  rm -rf "$STATE/lib" && mkdir -p "$STATE/lib"
  for entry in "$ROOT"/benchmarks/target/ember-benchmarks-*.jar; do
    case "$entry" in *-tests.jar|*-sources.jar) ;; *) cp "$entry" "$STATE/lib/" && cp="$STATE/lib/$(basename "$entry")" ;; esac
  done
  for entry in "${entries[@]}"; do
    case "$entry" in
      */dev/ember/ember-*)
        name="$(basename "$entry")"                              # ember-<module>-<version>.jar
        module="$(basename "$(dirname "$(dirname "$entry")")")"  # ember-<module>
        cp "$ROOT/${module#ember-}/target/$name" "$STATE/lib/"
        cp="$cp:$STATE/lib/$name" ;;
      *) cp="$cp:$entry" ;;
    esac
  done
  printf '%s\n' "$cp" > "$CLASSPATH_FILE"
  mv "$STAMP.next" "$STAMP"
}

if needs_build; then build; fi
IFS= read -r BENCH_CLASSPATH < "$CLASSPATH_FILE"

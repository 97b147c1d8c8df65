# Finds a JDK >= 21 and sets SKIFF_JAVA to its java binary, and SKIFF_JAVA_FLAGS to the flags
# every JVM of skiff gets on that version.
# Order: $JAVA_HOME, the Temurin 25 of these machines, any JDK under /usr/lib/jvm, then `java` on PATH.
# Shared by ./skiff and scripts/*, and prepended to the `skiff` executable itself (so: POSIX sh).
skiff_java_major() {
  # A JDK's `release` file names its version without starting a JVM; fall back to asking java.
  skiff_home=$(dirname "$(dirname "$1")")
  if [ -r "$skiff_home/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$skiff_home/release" | head -n 1
  else
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
  fi
}
skiff_find_java() {
  SKIFF_JAVA=""
  SKIFF_JAVA_FLAGS=""
  skiff_path_java=$(command -v java 2>/dev/null || true)
  [ -n "$skiff_path_java" ] && skiff_path_java=$(readlink -f "$skiff_path_java")
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java $skiff_path_java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    skiff_major=$(skiff_java_major "$candidate")
    if [ -n "$skiff_major" ] && [ "$skiff_major" -ge 21 ] 2>/dev/null; then
      SKIFF_JAVA="$candidate"
      # protobuf and guava (under jetcd/grpc) still use sun.misc.Unsafe's memory access, which
      # JDK 24+ warns about on stderr at first use (JEP 471/498); the flag, known from JDK 23,
      # allows it silently until those libraries move to VarHandles.
      if [ "$skiff_major" -ge 23 ]; then
        SKIFF_JAVA_FLAGS="--sun-misc-unsafe-memory-access=allow"
      fi
      return 0
    fi
  done
  echo "skiff: no Java 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm/*, and java on PATH)." >&2
  echo "skiff: install a JDK >= 21 (e.g. 'apt-get install openjdk-21-jdk-headless', or Temurin 21+) or set JAVA_HOME to one." >&2
  return 1
}

# Finds a JDK 21 or newer and prints its home. Sourced by ./fleetcare, ./run-tests and .ci/run.
# Order: $JAVA_HOME, the `java` on PATH, then the usual install places (Debian/Ubuntu
# /usr/lib/jvm, /opt/java, SDKMAN, macOS). Fails with a message naming what it found.

fleetcare_java_major() { # JAVA_EXECUTABLE -> major version number, or nothing
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\)\(\.[0-9]*\)*[^"]*".*/\1/p' | head -n 1
}

fleetcare_find_jdk() {
  local candidates=() dir major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for dir in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && candidates+=("$dir")
  done
  for dir in "${candidates[@]}"; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(fleetcare_java_major "$dir/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$dir"
      return 0
    fi
  done
  echo "fleetcare: no JDK 21 or newer found (looked at: ${candidates[*]:-nothing})." >&2
  echo "fleetcare: install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}

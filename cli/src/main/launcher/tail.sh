skiff_find_java || exit 1
case "$1" in
  up|apiserver|controller-manager|kubelet) SKIFF_JVM_FLAGS="" ;;
  # Short-lived CLI commands start faster with the client compiler and the serial collector.
  *) SKIFF_JVM_FLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" ;;
esac
exec "$SKIFF_JAVA" $SKIFF_JAVA_FLAGS $SKIFF_JVM_FLAGS $SKIFF_JAVA_OPTS --enable-native-access=ALL-UNNAMED -jar "$0" "$@"

/**
 * Commands about running things: {@code scale} (with a live progress line), {@code logs}, {@code
 * run}.
 */
package io.skiff.cli.workload;

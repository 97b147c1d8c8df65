/**
 * {@code skiff describe}: objects in readable sections, as kubectl's describers, with their
 * events.
 */
package io.skiff.cli.describe;

/**
 * {@code skiff delete} by name, file, selector or all, with grace period, cascade and wait.
 */
package io.skiff.cli.delete;

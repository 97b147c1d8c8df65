/**
 * {@code skiff apply}, {@code create} and {@code replace} of manifest files, with kubectl's three-
 * way merge for apply.
 */
package io.skiff.cli.apply;

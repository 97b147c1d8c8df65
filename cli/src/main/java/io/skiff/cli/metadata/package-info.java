/**
 * {@code skiff label} and {@code skiff annotate}.
 */
package io.skiff.cli.metadata;

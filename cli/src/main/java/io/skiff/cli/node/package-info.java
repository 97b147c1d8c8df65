/**
 * Node maintenance: {@code cordon}, {@code uncordon}, {@code drain}.
 */
package io.skiff.cli.node;

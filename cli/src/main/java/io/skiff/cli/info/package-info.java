/**
 * {@code api-resources} (from discovery), {@code version} (client and server), {@code completion}.
 */
package io.skiff.cli.info;

/**
 * {@code skiff get}: tables from the server (or built here from the shared printing code), object
 * printers, watches.
 */
package io.skiff.cli.get;

/**
 * kubectl's output: Go's tabwriter alignment, tables, and the json, yaml, name, jsonpath and
 * custom-columns printers.
 */
package io.skiff.cli.output;

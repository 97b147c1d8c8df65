/**
 * What every client command shares: the base class that resolves the connection and words errors
 * as kubectl does, the common flags, resource type arguments, the terminal.
 */
package io.skiff.cli.command;

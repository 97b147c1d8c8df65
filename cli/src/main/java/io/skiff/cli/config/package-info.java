/**
 * The CLI's server and credentials: {@link io.skiff.cli.config.CliConfig} ({@code
 * ~/.skiff/config}, which {@code skiff up} writes) and {@link io.skiff.cli.config.Connection},
 * which picks the server from flags, environment, that file and the default.
 */
package io.skiff.cli.config;

/**
 * Bytes to objects and back. {@link io.skiff.api.codec.Json} is the one configured mapper (strict
 * types, unknown fields ignored, NON_NULL); {@link io.skiff.api.codec.Yaml} reads multi-document
 * manifests; {@link io.skiff.api.codec.Scheme} registers the external versions
 * ({@link io.skiff.api.codec.VersionConverter}; the v1 family is {@link io.skiff.api.codec.V1})
 * and the served resources ({@link io.skiff.api.codec.ResourceInfo}), and decodes by
 * apiVersion + kind. Every decoding failure is a {@link io.skiff.api.codec.DecodeException} with
 * a message fit for a 400 answer.
 */
package io.skiff.api.codec;

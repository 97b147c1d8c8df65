/** {@code autoscaling/v1}: {@link io.skiff.api.autoscaling.Scale}, the {@code /scale} subresource. */
package io.skiff.api.autoscaling;

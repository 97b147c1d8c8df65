/**
 * The controllers' work queue, as client-go's: deduplicated keys, never one key on two workers
 * at once, delays and per-key exponential back-off, draining shutdown. See
 * {@link io.skiff.client.workqueue.WorkQueue}.
 */
package io.skiff.client.workqueue;

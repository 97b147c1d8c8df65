/**
 * The watch cache: one storage watch per resource, the current state and a window of recent
 * events in memory, fanned out to every client watcher through a bounded queue.
 */
package io.skiff.apiserver.watch;

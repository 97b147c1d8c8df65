/**
 * Shared informers, as client-go's: a {@link io.skiff.client.informer.SharedInformer} keeps an
 * indexed cache ({@link io.skiff.client.informer.Indexer}) of one kind up to date by listing and
 * then watching, relists with a diff after a 410 or a disconnect (nothing lost, nothing
 * invented), and tells its {@link io.skiff.client.informer.ResourceEventHandler}s in order. The
 * {@link io.skiff.client.informer.SharedInformerFactory} makes one per kind and selector, so a
 * process watches each only once.
 *
 * <pre>{@code
 * SharedInformerFactory factory = new SharedInformerFactory(client, Duration.ofMinutes(10));
 * SharedInformer<Pod> pods = factory.pods();
 * WorkQueue<String> queue = new WorkQueue<>("replication");
 * pods.addEventHandler(ResourceEventHandler.onAnyChange(p -> queue.add(Indexer.keyOf(p))));
 * factory.start();
 * factory.waitForCacheSync(Duration.ofSeconds(30));
 * // workers: key = queue.get(); pods.getIndexer().get(key) ...; queue.done(key)
 * }</pre>
 */
package io.skiff.client.informer;

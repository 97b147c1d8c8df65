package io.skiff.controller;

import io.javalin.Javalin;
import io.skiff.client.SkiffClient;
import io.skiff.controller.leaderelection.LeaderElectionConfig;
import io.skiff.controller.leaderelection.LeaderElector;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller-manager: replication, scheduling, node lifecycle, endpoints and garbage
 * collection against one apiserver, over REST only. Startable in-process
 * ({@code new ControllerManager(config).start()}, then {@link #close}) as {@code skiff up} does,
 * or as the {@code skiff controller-manager} daemon.
 *
 * <p>With leader election, controllers run only while this process holds the Lease; losing it
 * stops them at once ({@link ControllerTerm#close}) and the process goes back to contending,
 * with fresh caches. Without, they run from {@link #start} to {@link #close}. {@code /healthz}
 * and {@code /metrics} are served on {@code --port} either way.
 */
public final class ControllerManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);

    private final ControllerManagerConfig config;
    private final String identity;
    private final Metrics metrics = new Metrics();
    private final CountDownLatch done = new CountDownLatch(1);
    private SkiffClient electionClient;
    private Javalin http;
    private Thread runner;
    private volatile LeaderElector elector;
    private volatile ControllerTerm term;
    private volatile boolean closed;

    public ControllerManager(ControllerManagerConfig config) {
        this.config = config;
        this.identity = config.leaderElection() == null ? ControllerManagerConfig.defaultIdentity()
                : config.leaderElection().identity();
        metrics.gauge("skiff_leader_election_is_leader", "1 while this controller-manager runs the controllers.",
                () -> term != null ? 1 : 0);
    }

    public synchronized ControllerManager start() {
        if (runner != null) {
            return this;
        }
        if (config.port() >= 0) {
            http = Javalin.create(c -> c.showJavalinBanner = false)
                    .get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"))
                    .get("/readyz", ctx -> ctx.contentType("text/plain").result("ok"))
                    .get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(metrics.render()))
                    .start(config.bindAddress(), config.port());
            log.info("controller-manager {} serving /healthz and /metrics on {}:{}", identity, config.bindAddress(),
                    http.port());
        }
        runner = Thread.ofVirtual().name("controller-manager").start(this::run);
        return this;
    }

    /** True while this process runs the controllers (holds the lease, or has no election). */
    public boolean isLeading() {
        return term != null;
    }

    public String identity() {
        return identity;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** The health/metrics port actually bound (for {@code --port 0}), or -1. */
    public int port() {
        return http == null ? -1 : http.port();
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitTermination() throws InterruptedException {
        done.await();
    }

    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    private void run() {
        LeaderElectionConfig le = config.leaderElection();
        if (le == null) {
            startTerm();
            return;
        }
        electionClient = new SkiffClient(config.client());
        while (!closed) {
            LeaderElector e = new LeaderElector(electionClient.leases(le.namespace()), le, Clock.systemUTC(),
                    new LeaderElector.Callbacks() {
                        @Override
                        public void onStartedLeading() {
                            Thread.ofVirtual().name("controllers-start").start(ControllerManager.this::startTerm);
                        }

                        @Override
                        public void onStoppedLeading() {
                            stopTerm();
                        }
                    });
            elector = e;
            if (closed) {
                return;
            }
            e.run();
            if (!closed) {
                log.warn("{} lost the leader lease; contending again", identity);
                try {
                    Thread.sleep(le.retryPeriod());
                } catch (InterruptedException ex) {
                    return;
                }
            }
        }
    }

    private void startTerm() {
        ControllerTerm t;
        synchronized (this) {
            LeaderElector e = elector;
            // Leadership may have been lost already before this thread got to run.
            if (closed || term != null || (config.leaderElection() != null && (e == null || !e.isLeader()))) {
                return;
            }
            t = new ControllerTerm(config, identity, metrics);
            term = t;
        }
        try {
            t.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("controllers failed to start", e);
        }
    }

    /** Stops the running term, if any; {@link #isLeading} stays true until it has stopped. */
    private void stopTerm() {
        ControllerTerm t;
        synchronized (this) {
            t = term;
        }
        if (t == null) {
            return;
        }
        t.close();
        synchronized (this) {
            if (term == t) {
                term = null;
            }
        }
    }

    /** Stops the controllers, releases the lease if held, stops serving. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        LeaderElector e = elector;
        if (e != null) {
            e.stop(); // stops the term through onStoppedLeading, then releases the lease
        }
        Thread r = runner;
        if (r != null) {
            try {
                r.join(java.time.Duration.ofSeconds(10));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        stopTerm();
        if (electionClient != null) {
            electionClient.close();
        }
        if (http != null) {
            http.stop();
        }
        log.info("controller-manager {} stopped", identity);
        done.countDown();
    }
}

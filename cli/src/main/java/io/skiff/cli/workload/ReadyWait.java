package io.skiff.cli.workload;

import io.skiff.api.core.ReplicationController;
import io.skiff.cli.command.ClientCommand;
import io.skiff.cli.command.CommandException;
import io.skiff.cli.command.Session;
import io.skiff.client.ListOptions;
import io.skiff.client.ReplicationControllerClient;
import io.skiff.client.Watch;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows a replication controller's status until {@code N} replicas exist and are ready (and
 * the controller has seen the latest spec), printing {@code ready/N ready} on every change: on a
 * terminal one line rewritten in place, otherwise one line per change. Watches the object and
 * reopens the watch when the server ends it, until the deadline.
 */
final class ReadyWait {
    private final Session session;
    private final ReplicationControllerClient rcs;
    private final String name;
    private final String display;
    private String lastLine;

    ReadyWait(Session session, ReplicationControllerClient rcs, String name, String display) {
        this.session = session;
        this.rcs = rcs;
        this.name = name;
        this.display = display;
    }

    boolean await(int desired, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ReplicationController rc = rcs.get(name);
        String rv = rc.metadataOrEmpty().resourceVersion();
        while (true) {
            show(rc, desired);
            if (done(rc, desired)) {
                finish();
                return true;
            }
            long left = Duration.between(Instant.now(), deadline).toSeconds();
            if (left <= 0) {
                finish();
                ClientCommand.report(session.terminal(), session.verbosity(), new CommandException(
                        "timed out waiting for " + display + ": " + ready(rc) + "/" + desired + " ready"));
                return false;
            }
            ListOptions options = ListOptions.fieldSelector("metadata.name=" + name).withResourceVersion(rv)
                    .withTimeoutSeconds(Math.max(1, left));
            try (Watch<ReplicationController> watch = rcs.watch(options)) {
                for (Watch.Event<ReplicationController> e; (e = watch.next()) != null; ) {
                    if (e.type() == Watch.EventType.DELETED) {
                        finish();
                        throw new CommandException(display + " was deleted while waiting for it");
                    }
                    if (e.object() == null) {
                        continue;
                    }
                    rv = e.resourceVersion() != null ? e.resourceVersion() : rv;
                    if (e.type() == Watch.EventType.BOOKMARK) {
                        continue;
                    }
                    rc = e.object();
                    show(rc, desired);
                    if (done(rc, desired)) {
                        finish();
                        return true;
                    }
                }
            } catch (io.skiff.client.ApiException e) {
                if (!e.isGone()) {
                    throw e;
                }
                rc = rcs.get(name);
                rv = rc.metadataOrEmpty().resourceVersion();
            }
        }
    }

    static boolean done(ReplicationController rc, int desired) {
        var st = rc.status();
        if (st == null) {
            return desired == 0;
        }
        Long generation = rc.metadataOrEmpty().generation();
        boolean observed = st.observedGeneration() == null || generation == null
                || st.observedGeneration() >= generation;
        int replicas = st.replicas() == null ? 0 : st.replicas();
        return observed && replicas == desired && ready(rc) == desired;
    }

    static int ready(ReplicationController rc) {
        return rc.status() == null || rc.status().readyReplicas() == null ? 0 : rc.status().readyReplicas();
    }

    private void show(ReplicationController rc, int desired) {
        String line = ready(rc) + "/" + desired + " ready";
        if (line.equals(lastLine)) {
            return;
        }
        lastLine = line;
        if (session.terminal().tty()) {
            // Carriage return and erase-to-end-of-line: the progress line is rewritten in place.
            session.out().print("\r" + line + "\u001b[K");
        } else {
            session.out().println(line);
        }
        session.out().flush();
    }

    private void finish() {
        if (session.terminal().tty() && lastLine != null) {
            session.out().println();
            session.out().flush();
        }
    }
}

package io.skiff.controller;

import java.time.Duration;

/**
 * One control loop of the controller-manager. It registers its handlers on shared informers
 * when built; {@link #start} starts its workers once the informers have synced; {@link #stop}
 * stops them (the manager stops the informers).
 */
public interface Controller {
    String name();

    void start();

    void stop(Duration timeout);
}

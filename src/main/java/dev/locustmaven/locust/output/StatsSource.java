package dev.locustmaven.locust.output;

import java.util.Optional;

/**
 * One place the final request statistics of a service can come from. {@link ServiceResultsReader} asks its sources
 * in order and takes the first answer, so a more final source goes before a staler one.
 */
@FunctionalInterface
public interface StatsSource {

    /**
     * The statistics this source finds among the files, or empty when it has none there.
     *
     * @throws LocustOutputException when its file is there but cannot be read
     */
    Optional<LocustStats> read(ServiceFiles files);
}

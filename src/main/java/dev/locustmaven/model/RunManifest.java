package dev.locustmaven.model;

import java.util.List;

/**
 * What the {@code run} goal ran for one service, as it wrote it beside the results ({@code run-manifest.json}): the
 * load, the Locust and Python versions, the locustfile's content and the host. Every field may be {@code null} when
 * the run could not tell (a run that died before Locust reported its Python version).
 *
 * @param runTimeSeconds the configured run time (the measured part, after any warm-up)
 * @param userClasses the user classes that ran, in order (all of the locustfile's when none were named)
 * @param tags the tags asked for ({@code --tags}), then the excluded ones prefixed with {@code !}; empty for none
 * @param locustfileSha256 the SHA-256 of the locustfiles' contents, one after another in the order given
 * @param host the base URL given to Locust, or the one the locustfile chose
 */
public record RunManifest(
        Integer users,
        Double spawnRate,
        Double runTimeSeconds,
        Double warmUpSeconds,
        List<String> userClasses,
        List<String> tags,
        String locustVersion,
        String pythonVersion,
        String locustfileSha256,
        String host) {

    public RunManifest {
        userClasses = userClasses == null ? null : List.copyOf(userClasses);
        tags = tags == null ? null : List.copyOf(tags);
    }
}

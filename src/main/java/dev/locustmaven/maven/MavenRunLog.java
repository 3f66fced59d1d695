package dev.locustmaven.maven;

import dev.locustmaven.locust.RunLog;
import org.apache.maven.plugin.logging.Log;

/** The runner's messages in Maven's log. */
final class MavenRunLog implements RunLog {

    private final Log log;

    MavenRunLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}

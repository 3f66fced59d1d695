package dev.locustmaven.maven;

import dev.locustmaven.failure.PluginException;
import org.apache.maven.plugin.MojoExecutionException;

/** Maps the plugin's own exceptions, whose messages are written for users, onto Maven's. */
final class Failures {

    private Failures() {}

    /**
     * The plugin's message alone: Maven would append the cause's own text (e.g. Jackson's "at [Source: …]") after it,
     * repeating what the message already says.
     */
    static MojoExecutionException asExecutionException(PluginException e) {
        return new MojoExecutionException(e.getMessage() == null ? e.toString() : e.getMessage());
    }
}

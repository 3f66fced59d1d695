package dev.locustmaven.maven;

import org.apache.maven.plugin.MojoExecutionException;

/** Maps the core's exceptions, whose messages are written for users, onto Maven's. */
final class Failures {

    private Failures() {}

    static MojoExecutionException asExecutionException(RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new MojoExecutionException(message, e);
    }
}

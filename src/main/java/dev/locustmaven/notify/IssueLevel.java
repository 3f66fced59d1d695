package dev.locustmaven.notify;

import dev.locustmaven.model.Status;
import java.util.Locale;

/** From which verdict on a regression issue is opened ({@code locust.github.issueLevel}). */
public enum IssueLevel {
    OFF,
    WARN,
    FAIL;

    public static IssueLevel parse(String text) {
        if (text == null || text.isBlank()) {
            return FAIL;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GitHubConfigurationException(
                    "locust.github.issueLevel is '" + text + "'; expected one of FAIL, WARN or OFF");
        }
    }

    /** True when a verdict of this level is serious enough for an issue. */
    public boolean isReachedBy(Status verdictLevel) {
        return switch (this) {
            case OFF -> false;
            case WARN -> verdictLevel == Status.WARN || verdictLevel == Status.FAIL;
            case FAIL -> verdictLevel == Status.FAIL;
        };
    }

    /** True when a check with this status belongs to a regression at this level (MISSING counts as a failure). */
    public boolean covers(Status checkStatus) {
        return switch (this) {
            case OFF -> false;
            case WARN -> checkStatus == Status.WARN || checkStatus == Status.FAIL || checkStatus == Status.MISSING;
            case FAIL -> checkStatus == Status.FAIL || checkStatus == Status.MISSING;
        };
    }
}

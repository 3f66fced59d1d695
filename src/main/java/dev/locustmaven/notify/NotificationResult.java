package dev.locustmaven.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What notification did, for the caller to log: {@code actions} (info: an issue opened, a comment updated),
 * {@code notes} (info: why something was not done) and {@code warnings} (something failed; the build's verdict stays
 * what it was). No text here contains the token.
 */
public record NotificationResult(List<String> actions, List<String> notes, List<String> warnings) {

    public NotificationResult {
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    public static NotificationResult empty() {
        return new NotificationResult(List.of(), List.of(), List.of());
    }

    public static NotificationResult warning(String text) {
        return new NotificationResult(List.of(), List.of(), List.of(text));
    }

    public NotificationResult plus(NotificationResult other) {
        return new NotificationResult(
                Stream.concat(actions.stream(), other.actions.stream()).toList(),
                Stream.concat(notes.stream(), other.notes.stream()).toList(),
                Stream.concat(warnings.stream(), other.warnings.stream()).toList());
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }

    /** Every text, in the order actions, notes, warnings. */
    public List<String> all() {
        return Stream.of(actions, notes, warnings).flatMap(List::stream).toList();
    }

    /** Collects texts while notification runs, redacting the token from each (a last line of defence). */
    static final class Builder {
        private final Secret token;
        private final List<String> actions = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Builder(Secret token) {
            this.token = token;
        }

        Builder action(String text) {
            actions.add(clean(text));
            return this;
        }

        Builder note(String text) {
            notes.add(clean(text));
            return this;
        }

        Builder warning(String text) {
            warnings.add(clean(text));
            return this;
        }

        NotificationResult build() {
            return new NotificationResult(actions, notes, warnings);
        }

        private String clean(String text) {
            return token == null ? text : token.redact(text);
        }
    }
}

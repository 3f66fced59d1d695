package dev.locustmaven.thresholds;

import java.util.regex.Pattern;

/** A name pattern where {@code *} stands for any run of characters and {@code ?} for one; all else is literal. */
final class Glob {

    private final String text;
    private final Pattern pattern;

    Glob(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    boolean isWildcard() {
        return hasWildcard(text);
    }

    @Override
    public String toString() {
        return text;
    }
}

package dev.locustmaven.locust.process;

import dev.locustmaven.locust.LocustRunException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line written in a pom into arguments: whitespace separates, single or double quotes group, a
 * backslash escapes the next character. Nothing else is interpreted: no variables, globs, pipes or redirections,
 * because no shell ever sees the result.
 */
public final class CommandLine {

    private CommandLine() {}

    /** @throws LocustRunException when a quote is not closed */
    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    current.append(line.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inArgument = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw new LocustRunException("The command line [" + line + "] has an unclosed " + quote + " quote.");
        }
        if (inArgument) {
            args.add(current.toString());
        }
        return args;
    }
}

package dev.locustmaven.notify;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML comments by which the plugin finds its own issues and comments again. GitHub renders nothing for them; they
 * are the only state the plugin keeps on GitHub.
 */
final class HiddenMarkers {

    static final String PREFIX = "locust-maven-plugin:";
    static final String PULL_REQUEST_REPORT = "<!-- " + PREFIX + "pull-request-report -->";

    private static final Pattern SIGNATURE = Pattern.compile("<!-- " + PREFIX + "signature=(\\S*) -->");
    private static final Pattern BRANCH = Pattern.compile("<!-- " + PREFIX + "branch=(\\S*) -->");

    private HiddenMarkers() {}

    /**
     * URL-encodes text for a marker, dashes too: the result holds no space, comma, {@code <}, {@code >} or {@code --},
     * so whatever a branch or endpoint is called, it cannot end or break the HTML comment.
     */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("-", "%2D");
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    static String signature(RegressionSignature signature) {
        return "<!-- " + PREFIX + "signature=" + signature.encoded() + " -->";
    }

    static String branch(String branch) {
        return "<!-- " + PREFIX + "branch=" + encode(branch) + " -->";
    }

    /** The signature of an issue the plugin opened, or empty for any other issue. */
    static Optional<RegressionSignature> signatureOf(String body) {
        Matcher matcher = SIGNATURE.matcher(body);
        return matcher.find() ? Optional.of(RegressionSignature.decode(matcher.group(1))) : Optional.empty();
    }

    static Optional<String> branchOf(String body) {
        Matcher matcher = BRANCH.matcher(body);
        return matcher.find() ? Optional.of(decode(matcher.group(1))) : Optional.empty();
    }

    static boolean isPullRequestReport(String body) {
        return body.contains(PULL_REQUEST_REPORT);
    }
}

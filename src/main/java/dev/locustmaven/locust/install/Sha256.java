package dev.locustmaven.locust.install;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short SHA-256 fingerprints of text, for names and markers in the plugin's cache. */
final class Sha256 {

    private Sha256() {}

    /** The first {@code hexDigits} hex digits of the SHA-256 of the text's UTF-8 bytes. */
    static String prefix(String text, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}

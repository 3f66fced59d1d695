package dev.locustmaven.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.locustmaven.model.Baseline;

/**
 * A baseline file's whole content: the metrics the model sees plus everything else the user keeps in it (strings in
 * services, annotations, metadata as written). Immutable; {@link #toJson()} is the exact text that is written.
 */
public final class BaselineDocument {

    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build()
            .writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withObjectIndenter(INDENT)
                    .withArrayIndenter(INDENT));

    private final ObjectNode tree;
    private final Baseline baseline;

    BaselineDocument(ObjectNode tree, Baseline baseline) {
        this.tree = BaselineShape.canonical(tree);
        this.baseline = baseline;
    }

    /** The metrics and version header, as the gate compares against them. */
    public Baseline baseline() {
        return baseline;
    }

    /**
     * The file's text: keys in {@link BaselineShape#canonical canonical order}, two-space indentation, {@code "key":
     * value}, numbers as written (or as {@link dev.locustmaven.model.MetricFormat#number} rounds measured ones), and a
     * final newline. The same document always gives the same bytes.
     */
    public String toJson() {
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written as JSON", e);
        }
    }

    /** A copy of the tree, for building the next version of the document. */
    ObjectNode tree() {
        return tree.deepCopy();
    }
}

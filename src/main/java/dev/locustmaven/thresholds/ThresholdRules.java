package dev.locustmaven.thresholds;

import dev.locustmaven.model.Measurement;
import dev.locustmaven.model.Measurements;
import dev.locustmaven.model.MetricKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The threshold rules of a build, in configuration order. They are validated as a whole before any work, so that a
 * typo is reported before Locust runs, with every problem at once.
 */
public final class ThresholdRules {

    private final List<ThresholdRule> rules;

    public ThresholdRules(List<ThresholdRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ThresholdRules of(ThresholdRule... rules) {
        return new ThresholdRules(List.of(rules));
    }

    public List<ThresholdRule> rules() {
        return rules;
    }

    /**
     * Every problem of every rule, each naming the rule by its position (from 1) and its service and metric, and
     * quoting the offending text; empty when all rules are valid.
     */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            ThresholdRule rule = rules.get(i);
            String label = "threshold #" + (i + 1) + " (" + rule.describe() + "): ";
            rule.problems().forEach(problem -> problems.add(label + problem));
        }
        return problems;
    }

    /**
     * @throws InvalidThresholdException listing every problem, when any rule is invalid
     */
    public void requireValid() {
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            throw new InvalidThresholdException(problems);
        }
    }

    /** The validated rules, parsed. */
    List<ParsedRule> parsed() {
        requireValid();
        List<ParsedRule> parsed = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            parsed.add(ParsedRule.of(i + 1, rules.get(i)));
        }
        return parsed;
    }

    /**
     * The keys among {@code measurements} that the rule at {@code index} (from 1) judges, as {@code check} judges a
     * run: those it matches, and unless it names one metric only those of its kind (numbers or flags).
     */
    public SortedSet<MetricKey> judgedKeys(int index, Measurements measurements) {
        ParsedRule rule = parsed().get(index - 1);
        SortedSet<MetricKey> keys = new TreeSet<>();
        for (Measurement m : measurements.all()) {
            if (rule.matches(m.key()) && (rule.namesOneMetric() || rule.fits(m.value()))) {
                keys.add(m.key());
            }
        }
        return keys;
    }

    /** The one key that the rule at {@code index} names (plain service, endpoint and metric); empty otherwise. */
    public Optional<MetricKey> namedKey(int index) {
        ParsedRule rule = parsed().get(index - 1);
        return rule.namesOneKey() ? Optional.of(rule.patternKey()) : Optional.empty();
    }
}

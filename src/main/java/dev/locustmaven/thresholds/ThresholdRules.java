package dev.locustmaven.thresholds;

import java.util.ArrayList;
import java.util.List;

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
}

package dev.locustmaven.thresholds;

import dev.locustmaven.model.ChangeEvidence;
import dev.locustmaven.model.ResponseTimes;
import dev.locustmaven.model.Sample;
import dev.locustmaven.sampling.Bounds;
import dev.locustmaven.sampling.ChangeBounds;
import dev.locustmaven.sampling.DistributionShift;
import dev.locustmaven.sampling.RequestsToDecide;
import dev.locustmaven.sampling.SamplingError;
import dev.locustmaven.thresholds.ThresholdLevel.AbsoluteChange;
import dev.locustmaven.thresholds.ThresholdLevel.Direction;
import dev.locustmaven.thresholds.ThresholdLevel.RelativeChange;
import java.util.Optional;

/**
 * One check's change under sampling error: the bounds of the value's own change, and for a relative level on a
 * percentile below the maximum or an average, the bounds of the response times' shift as a whole; whether they put a
 * level beyond doubt, and roughly how many requests would. The shift is computed once per check, whichever levels ask.
 */
final class SampledChange {

    private final Sample runSample;
    private final Sample baselineSample;
    private final double runValue;
    private final double baselineValue;
    private final double confidence;
    private Optional<DistributionShift> shift;

    SampledChange(Sample runSample, double runValue, Sample baselineSample, double baselineValue, double confidence) {
        this.runSample = runSample;
        this.baselineSample = baselineSample;
        this.runValue = runValue;
        this.baselineValue = baselineValue;
        this.confidence = confidence;
    }

    /**
     * How a level the values reach stands against sampling error.
     *
     * @param bounds the bounds that decided: the value's own, or the response times' when only they lie beyond
     * @param basis which of the two {@code bounds} are
     * @param conclusive true when {@code bounds} lie at or beyond the level
     * @param estimate for an inconclusive breach, the requests that would decide it; empty when none in reach would
     * @param responseTimes the response times' shift as a whole, when the value's own bounds left a relative level open
     *     and the shift was weighed: it decided the breach, or says how far the change goes; empty otherwise
     */
    record Judgement(
            ChangeBounds bounds,
            ChangeEvidence.Basis basis,
            boolean conclusive,
            Optional<RequestsToDecide.Estimate> estimate,
            Optional<DistributionShift.Shift> responseTimes) {}

    /** False when both sides are exact numbers, which have no sampling error to judge. */
    boolean hasSamplingError() {
        return !(runSample instanceof Sample.Exact) || !(baselineSample instanceof Sample.Exact);
    }

    /** True when a side's sample was rebuilt from Locust's percentile columns. */
    boolean approximate() {
        return runSample.approximate() || baselineSample.approximate();
    }

    /** Judges a level the values reach: beyond it by the value's bounds, else by the response times', else open. */
    Judgement judge(ThresholdLevel level) {
        boolean relative = level instanceof RelativeChange;
        ChangeBounds byValue = byValue(relative);
        if (beyond(byValue, level)) {
            return new Judgement(byValue, ChangeEvidence.Basis.VALUE, true, Optional.empty(), Optional.empty());
        }
        Optional<DistributionShift.Shift> responseTimes =
                relative ? shift().map(s -> s.at(confidence)) : Optional.empty();
        if (responseTimes.isPresent() && beyond(responseTimes.get().bounds(), level)) {
            return new Judgement(
                    responseTimes.get().bounds(),
                    ChangeEvidence.Basis.RESPONSE_TIMES,
                    true,
                    Optional.empty(),
                    responseTimes);
        }
        Optional<RequestsToDecide.Estimate> estimate = RequestsToDecide.estimate(
                runSample,
                runValue,
                baselineSample,
                baselineValue,
                confidence,
                input -> beyond(bounds(input.run(), input.baseline(), relative), level)
                        || (relative
                                && shift().map(s -> beyond(
                                                s.at(confidence, input.runFactor(), input.baselineFactor())
                                                        .bounds(),
                                                level))
                                        .orElse(false)));
        return new Judgement(byValue, ChangeEvidence.Basis.VALUE, false, estimate, responseTimes);
    }

    /**
     * True when the value's bounds, or for a relative level the response times', lie at or beyond the level: what
     * {@link #judge} calls conclusive, without the estimate of the requests an open breach would need.
     */
    boolean beyondSamplingError(ThresholdLevel level) {
        boolean relative = level instanceof RelativeChange;
        return beyond(byValue(relative), level)
                || (relative
                        && shift().map(s -> beyond(s.at(confidence).bounds(), level))
                                .orElse(false));
    }

    /**
     * The response times' shift, when its estimate or its bounds reach a relative level: a percentile of a few dozen
     * requests sits on one or two of them, so a baseline's p95 that caught two slow calls can hide a slowdown of every
     * request. Beyond the level by its bounds it is a breach; by its estimate alone, an open question.
     */
    Optional<DistributionShift.Shift> responseTimesReaching(RelativeChange level) {
        return shift().map(s -> s.at(confidence))
                .filter(s -> beyond(s.bounds(), level) || beyond(new ChangeBounds(s.estimate(), s.estimate()), level));
    }

    /** True when the whole confidence range of the change lies at or beyond the level. */
    static boolean beyond(ChangeBounds bounds, ThresholdLevel level) {
        boolean rise = level.direction() == Direction.RISE_IS_WORSE;
        if (level instanceof RelativeChange relative) {
            return Tolerance.reaches((rise ? bounds.lower() : bounds.upper()) - 1, relative.percent() / 100);
        }
        return Tolerance.reaches(rise ? bounds.lower() : bounds.upper(), ((AbsoluteChange) level).amount());
    }

    /** The bounds of the value's own change, from both sides' sampling error. */
    private ChangeBounds byValue(boolean relative) {
        return bounds(
                SamplingError.of(runSample, runValue, confidence),
                SamplingError.of(baselineSample, baselineValue, confidence),
                relative);
    }

    private static ChangeBounds bounds(Bounds run, Bounds base, boolean relative) {
        return relative ? ChangeBounds.ratio(run, base) : ChangeBounds.difference(run, base);
    }

    private Optional<DistributionShift> shift() {
        if (shift == null) {
            ResponseTimes runTimes = responseTimes(runSample);
            ResponseTimes baseTimes = responseTimes(baselineSample);
            shift = runTimes == null || baseTimes == null
                    ? Optional.empty()
                    : DistributionShift.between(runTimes, baseTimes);
        }
        return shift;
    }

    /** The response times behind a percentile below the maximum, or an average; null for anything else. */
    static ResponseTimes responseTimes(Sample sample) {
        if (sample instanceof Sample.Quantile q && q.fraction() > 0 && q.fraction() < 1) {
            return q.times();
        }
        return sample instanceof Sample.Mean m ? m.times() : null;
    }
}

// The host is down and there is no baseline: run stops early, check fails the run as no measurement.
import groovy.json.JsonSlurper
import java.util.regex.Pattern

def log = new File(basedir, 'build.log').text
def dir = new File(basedir, 'target/locust/orders')
/** A whole line (or, with {@code start}, its beginning) with every (N) standing for a number. */
def line = { String text, boolean start = false ->
    Pattern.compile('^' + text.split(/\(N\)/, -1).collect { Pattern.quote(it) }.join('(\\d+)') + (start ? '' : '$'), Pattern.MULTILINE)
}

// run: one line when it stops, then the summary of what Locust recorded
assert log =~ line("[WARNING] Scenario 'orders' has had nothing but failures for 3s (failureOnlyTimeout): all (N) requests failed; stopping Locust instead of waiting out its run time of 120s.") : 'no stop line'
def summary = log =~ line("[INFO] orders: (N) requests, (N) failed (100.00%), ", true)
assert summary.find() : 'no summary line'
long requests = summary.group(1) as long
assert requests > 0 && summary.group(2) as long == requests
assert log.contains('; exit code 42; stopped by the plugin after nothing but failures; results are partial. Results in ' + dir.path) : 'no outcome'
def finalStats = new JsonSlurper().parse(new File(dir, 'final-stats.json'))
assert finalStats.early_stop == 'the run goal stopped it after 3s of nothing but failures (failureOnlyTimeout)'
assert finalStats.aggregated.num_requests == requests && finalStats.aggregated.num_failures == requests
// Locust stopped within seconds, not after its run time of two minutes
assert (finalStats.end_time as double) - (finalStats.start_time as double) < 60

// check: no measurement, whatever the (missing) baseline says, and no hint to promote the run
String message = "orders: no measurement: all ${requests} requests failed, most often GET /orders with \"ConnectionRefusedError(111, 'Connection refused')\" (${requests} times); the run goal stopped it after 3s of nothing but failures (failureOnlyTimeout). Failed requests measure the failure, not the service, so no rule judges it."
assert log.contains('[ERROR] FAIL ' + message + '\n') : 'no FAIL line'
assert log.contains('[INFO] Locust verdict: FAIL (1 failed, 0 warnings, 0 passed)\n') : 'no verdict line'
assert log.contains(':check (load) on project run-host-down: No measurement: 1 service measured nothing.\n[ERROR]   ' + message + '\n') : 'no build failure'
assert log.contains('rules that compare with a baseline report NO_BASELINE. Create it with mvn locust:baseline once a run measures every service.\n') : 'no baseline note'
assert !log.contains('NO_BASELINE orders') : 'a rule of orders was judged'
assert log.contains('[INFO] This run is not recorded in ' + new File(basedir, 'target/performance-trends.jsonl').path + ': no service of it is a measurement\n')
assert !new File(basedir, 'target/performance-trends.jsonl').exists()

def verdict = new JsonSlurper().parse(new File(basedir, 'target/locust/verdict.json'))
assert verdict.verdict == 'FAIL'
assert verdict.checks.size() == 1
assert verdict.checks[0].metric == 'error_rate_pct' && verdict.checks[0].rule == 'measurement' && verdict.checks[0].message == message

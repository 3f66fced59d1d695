// A/A: two identical instances of the paired service, 2 pairs. compare brings up the base first, runs the scenario in
// the order base, change, change, base (each run against its own host), stops both; check in verify passes.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()
// the free ports build-helper reserved for the two systems
def basePort = (log =~ /\[INFO\] Reserved port (\d+) for base\.port/)[0][1]
def changePort = (log =~ /\[INFO\] Reserved port (\d+) for change\.port/)[0][1]

def order = [
        '[INFO] Comparing the change with the base: 1 scenario, 2 pairs of runs each in the order base, change, change, base, …; runs in ',
        '[INFO] Starting the base system.',
        "[INFO] Started process 'base-app'",
        '[INFO] Starting the change system.',
        "[INFO] Started process 'change-app'",
        '[INFO] Pair 1 of 2 of shop: base (run 1 of 4)',
        "host http://127.0.0.1:${basePort}; output in " + new File(basedir, 'target/locust/compare/base-1/shop'),
        '[INFO] Pair 1 of 2 of shop: change (run 2 of 4)',
        "host http://127.0.0.1:${changePort}; output in " + new File(basedir, 'target/locust/compare/change-1/shop'),
        '[INFO] Pair 2 of 2 of shop: change (run 3 of 4)',
        "host http://127.0.0.1:${changePort}; output in " + new File(basedir, 'target/locust/compare/change-2/shop'),
        '[INFO] Pair 2 of 2 of shop: base (run 4 of 4)',
        "host http://127.0.0.1:${basePort}; output in " + new File(basedir, 'target/locust/compare/base-2/shop'),
        "[INFO] Stopped process 'change-app'",
        "[INFO] Stopped process 'base-app'",
        '[INFO] Compared 2 pairs of runs of shop; check judges them in the verify phase.',
        ':check (paired) @ compare-aa ---',
        '[INFO] Locust comparison: ',
        '[INFO] Comparison written to ' + new File(basedir, 'target/locust/comparison.json'),
        '[INFO] BUILD SUCCESS']
def at = order.collect { log.indexOf(it.toString()) }
assert at.every { it >= 0 } && at == at.sort(false) : [order, at].transpose().findAll { it[1] < 0 }
// no false FAIL: identical systems pass; a burst of load on the machine during one side's runs may leave an
// inconclusive WARN (2 pairs are few to tell), never a FAIL
def summary = log =~ /\[INFO\] Locust comparison: (PASS|WARN) \(0 failed, (\d+) warnings?, (\d) passed; 2 pairs\)/
assert summary.find()
assert (summary.group(2) as int) + (summary.group(3) as int) == 3
// every run is a warm-up and the same run time; no run is made twice
assert (log =~ /warm-up 1s \(not measured\), run time 4s/).count == 4
assert (log =~ /\[INFO\] Pair \d of 2 of shop/).count == 4

// the runs' folders are results directories like run's, and the manifest says how many pairs there are
['base-1', 'change-1', 'base-2', 'change-2'].each {
    assert new File(basedir, "target/locust/compare/$it/shop/final-stats.json").isFile() : it
}
def manifest = json.parse(new File(basedir, 'target/locust/compare/pairs.json'))
assert manifest.pairs == 2 && manifest.services == ['shop']
assert manifest.base_host == "http://127.0.0.1:${basePort}" && manifest.change_host == "http://127.0.0.1:${changePort}"

// comparison.json: one check per rule and key, with each side's value, the ratio and its interval
def comparison = json.parse(new File(basedir, 'target/locust/comparison.json'))
assert comparison.verdict == summary.group(1) && comparison.pairs == 2 && comparison.confidence == 0.95
assert comparison.checks.collect { [it.endpoint, it.metric] } == [
        [null, 'failure_count'], ['GET /catalog', 'avg_latency_ms'], ['GET /search', 'avg_latency_ms']]
assert comparison.checks.every { it.status in ['PASS', 'WARN'] && (it.status == 'PASS' || it.inconclusive) }
comparison.checks.each { c ->
    assert c.keySet().containsAll(['service', 'endpoint', 'metric', 'base', 'change', 'ratio', 'ci_low', 'ci_high', 'status'])
    assert c.service == 'shop' && c.pairs == 2
}
def search = comparison.checks[2]
assert search.measure == 'ratio' && search.ci_low < search.ratio && search.ratio < search.ci_high
assert search.message.startsWith('shop "GET /search" avg_latency_ms: ')
assert new File(basedir, 'target/locust/comparison.md').text.startsWith('## Locust comparison: ' + summary.group(1) + '\n\n0 failed, ')
assert new File(basedir, 'target/locust/TEST-locust-compare.xml').text.contains('<testsuite name="locust-compare" tests="3" failures="0"')
// no verdict of the plain check: the comparison was judged instead
assert !new File(basedir, 'target/locust/verdict.json').exists()

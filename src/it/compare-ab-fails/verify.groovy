// A/B: the change is 3 times slower on GET /search. check in verify fails the build with the paired comparison's
// message; the catalog, equally fast on both, passes; the outputs say the same.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()

def number = /\d+(?:\.\d+)?/
def pct = /[+-]\d+\.\d%/
def failed = log =~ ("(?m)^\\[ERROR\\] Failed to execute goal dev\\.locustmaven:locust-maven-plugin:[^:]+:check \\(paired\\)"
        + " on project compare-ab-fails: Performance regression against the base: 1 check failed\\.\\R"
        + "\\[ERROR\\]   shop \"GET /search\" avg_latency_ms: ($number) ms vs base ($number) ms \\(($pct), interval ($pct) to"
        + " ($pct|unbounded), 3 pairs\\), beyond the fail level \\+25%: at least ($pct) at 95% confidence\\.\$")
assert failed.find() : 'the failure message'
double change = failed.group(1) as double
double base = failed.group(2) as double
assert change > 1.5 * base
assert failed.group(4) == failed.group(6)

// the runs were complete and both systems stopped before check judged them
def order = ['[INFO] Pair 3 of 3 of shop: change (run 6 of 6)', "[INFO] Stopped process 'change-app'",
             "[INFO] Stopped process 'base-app'", ':check (paired) @ compare-ab-fails ---',
             '[ERROR] FAIL shop "GET /search" avg_latency_ms: ',
             '[INFO] Locust comparison: FAIL (1 failed, 0 warnings, 2 passed; 3 pairs)', '[INFO] BUILD FAILURE']
def at = order.collect { log.indexOf(it) }
assert at.every { it >= 0 } && at == at.sort(false) : [order, at].transpose().findAll { it[1] < 0 }
assert log =~ /\[INFO\]   GET \/search\/avg_latency_ms +\S+ ms +\S+ ms +\+\d+\.\d% +\+\d+\.\d% to \S+ +fail \+25% +FAIL/

def comparison = json.parse(new File(basedir, 'target/locust/comparison.json'))
assert comparison.verdict == 'FAIL'
def search = comparison.checks.find { it.endpoint == 'GET /search' }
assert search.status == 'FAIL' && !search.inconclusive && search.ci_low > 1.25 && search.ratio > 1.5
assert comparison.checks.find { it.endpoint == 'GET /catalog' }.status == 'PASS'
def md = new File(basedir, 'target/locust/comparison.md').text
assert md.startsWith('## Locust comparison: FAIL\n\n1 failed, 0 warnings, 2 passed;') && md.contains('### Failures')
def junit = new File(basedir, 'target/locust/TEST-locust-compare.xml').text
assert junit.contains('<testcase classname="locust.compare.shop" name="GET /search/avg_latency_ms [fail +25%]"')
assert junit.contains('<failure')

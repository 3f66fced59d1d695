// Two builds write one log: the first passes with a warning, the second fails because of locust.failOnWarning.
def log = new File(basedir, 'build.log').text
def warning = ('[WARNING] WARN api_gateway p95_latency_ms: 16 ms vs baseline 12 ms (+33.3%), above the warning level +20%,'
        + ' beyond sampling error: at least +29.2% at 95% confidence from 345 requests; the baseline records no sample,'
        + ' so it counts as exact.')
assert log.count(warning) == 2
assert log.contains('[INFO] Locust verdict: WARN (0 failed, 1 warning, 8 passed)')
assert log.indexOf('BUILD SUCCESS') < log.indexOf('BUILD FAILURE')
assert log.contains('Performance warnings fail the build (locust.failOnWarning): 1 check warned.')
assert log.contains('[ERROR]   ' + warning.substring('[WARNING] WARN '.length()))

def verdict = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/locust/verdict.json'))
assert verdict.verdict == 'WARN'

def lines = new File(basedir, 'target/performance-trends.jsonl').readLines().findAll { it.trim() }
assert lines.size() == 2
def slurper = new groovy.json.JsonSlurper()
lines.each { line ->
    def record = slurper.parseText(line)
    assert record.schema == 1
    assert record.verdict == 'PASS'
    assert record.services.api_gateway.fingerprint.environment == 'it'
    assert record.services.api_gateway.metrics.p95_latency_ms == 16
}
assert slurper.parseText(lines[0]).run_id != slurper.parseText(lines[1]).run_id

def log = new File(basedir, 'build.log').text
assert log.contains('performance-trends.jsonl (2 records in the history)')
assert log.contains('[INFO] Statistical gate (warn): 0 of ')
assert log.contains('series tested; a series needs 10 comparable runs since the last accepted change (locust.minHistory); 0 findings')
assert log.contains('[INFO] Recording this run in ' + new File(basedir, 'target/performance-trends.jsonl').path
        + ': locust.recordHistory=true (-Dlocust.recordHistory=false leaves it out)')
